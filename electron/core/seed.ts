import type { Db } from './store/open-database.js';

/** What a new site starts with; a manager changes it all from the manager screen. */
export const defaultServices = [
  { name: 'Council Tax', letter: 'C', targetWaitMinutes: 15 },
  { name: 'Benefits', letter: 'B', targetWaitMinutes: 20 },
  { name: 'Housing', letter: 'H', targetWaitMinutes: 20 },
  { name: 'Parking', letter: 'P', targetWaitMinutes: 15 },
  { name: 'Waste and recycling', letter: 'W', targetWaitMinutes: 10 },
  { name: 'Blue Badge', letter: 'D', targetWaitMinutes: 15 },
  { name: 'General enquiries', letter: 'G', targetWaitMinutes: 10 },
] as const;

export const defaultDesks = ['Desk 1', 'Desk 2', 'Desk 3', 'Desk 4'] as const;

export function seedServices(db: Db): void {
  const service = db.prepare('INSERT INTO services (name, letter, target_wait_minutes, sort_order) VALUES (?, ?, ?, ?) ON CONFLICT (letter) DO NOTHING');
  defaultServices.forEach((s, i) => service.run(s.name, s.letter, s.targetWaitMinutes, (i + 1) * 10));
  const desk = db.prepare('INSERT INTO desks (name) VALUES (?) ON CONFLICT (name) DO NOTHING');
  for (const name of defaultDesks) desk.run(name);
}
