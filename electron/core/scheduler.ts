import type { Site } from './site.js';

/**
 * The site's own clock work: every minute `tick` closes the day at closing time and purges once
 * an hour. Both doors start it; neither holds the rule. Unref'd so it never keeps a process alive.
 */
export function startScheduler(site: Site, everyMs = 60_000): () => void {
  const timer = setInterval(() => {
    try {
      site.tick();
    } catch (error) {
      // A failed purge must be visible to IT; the next tick tries again.
      console.error(`One Stop Queue: scheduled work failed (${(error as Error).name}); it will be retried.`);
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
