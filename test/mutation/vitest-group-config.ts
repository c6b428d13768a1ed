import { fileURLToPath } from 'node:url';
import { defineConfig, type ViteUserConfig } from 'vitest/config';
import { groups, type GroupName } from './groups.js';

/**
 * The vitest config of one mutation group: the project's own settings (vitest.config.ts), but
 * only the group's tests. Stryker's vitest runner then runs each mutant against those alone.
 */
export function groupVitestConfig(name: GroupName): ViteUserConfig {
  return defineConfig({
    root: fileURLToPath(new URL('../..', import.meta.url)),
    test: {
      include: groups[name].tests,
      exclude: ['test/e2e/**', 'node_modules/**'],
      testTimeout: 60_000,
      hookTimeout: 60_000,
      passWithNoTests: false,
    },
  });
}
