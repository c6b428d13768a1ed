import type { Migration } from './migration.js';

/**
 * Which desk a visit was last called to, kept when the visit is parked, transferred or finished
 * (unlike `desk_id`, which says where it is now). An advisor may read a visitor's details while
 * that desk is theirs, until the end of the day (docs/access.md, "Need to know").
 */
export const visitLastDesk: Migration = {
  version: 4,
  name: 'the desk a visit was last called to',
  up: `
    ALTER TABLE visits ADD COLUMN last_desk_id INTEGER REFERENCES desks(id);
    UPDATE visits SET last_desk_id = desk_id WHERE desk_id IS NOT NULL;
  `,
};
