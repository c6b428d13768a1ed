import { siteText } from '../../shared/i18n/catalogue.js';
import type { Db } from './store/open-database.js';

/**
 * What a new site starts with, named in the site's language when it is set up; a manager changes
 * it all from the manager screen. The letters are on the tickets, the same in every language.
 */
export const defaultServices = [
  { letter: 'C', targetWaitMinutes: 15 },
  { letter: 'B', targetWaitMinutes: 20 },
  { letter: 'H', targetWaitMinutes: 20 },
  { letter: 'P', targetWaitMinutes: 15 },
  { letter: 'W', targetWaitMinutes: 10 },
  { letter: 'D', targetWaitMinutes: 15 },
  { letter: 'G', targetWaitMinutes: 10 },
] as const;

const defaultDeskCount = 4;

export function seedServices(db: Db): void {
  const service = db.prepare('INSERT INTO services (name, letter, target_wait_minutes, sort_order) VALUES (?, ?, ?, ?) ON CONFLICT (letter) DO NOTHING');
  defaultServices.forEach((s, i) => service.run(siteText.newSite.services[s.letter], s.letter, s.targetWaitMinutes, (i + 1) * 10));
  const desk = db.prepare('INSERT INTO desks (name) VALUES (?) ON CONFLICT (name) DO NOTHING');
  for (let n = 1; n <= defaultDeskCount; n += 1) desk.run(siteText.newSite.desk(n));
}
