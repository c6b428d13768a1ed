import type { Desk, Service } from '../../../shared/domain/site.js';
import { DeskFailure } from '../../../shared/errors.js';
import type { CallContext } from '../call-context.js';
import { errorText as t } from '../../../shared/i18n/catalogue.js';

/**
 * The site's services and desks as every handler reads them: here rather than in one handler
 * file, so that handlers never import each other.
 */
export interface ServiceRow {
  id: number;
  name: string;
  letter: string;
  target_wait_minutes: number;
  sort_order: number;
  active: number;
}

export function toService(row: ServiceRow): Service {
  return { id: row.id, name: row.name, letter: row.letter, targetWaitMinutes: row.target_wait_minutes, order: row.sort_order, active: row.active === 1 };
}

export function getService(ctx: Pick<CallContext, 'db'>, id: number): Service {
  const row = ctx.db.prepare('SELECT * FROM services WHERE id = ?').get(id) as ServiceRow | undefined;
  if (row === undefined) throw new DeskFailure('not-found', t.noSuchService, [{ path: ['serviceId'], message: t.unknownServiceField }]);
  return toService(row);
}

export function getDesk(ctx: Pick<CallContext, 'db'>, id: number): Desk {
  const row = ctx.db.prepare('SELECT id, name, active FROM desks WHERE id = ?').get(id) as { id: number; name: string; active: number } | undefined;
  if (row === undefined) throw new DeskFailure('not-found', t.noSuchDesk, [{ path: ['deskId'], message: t.unknownDeskField }]);
  return { id: row.id, name: row.name, active: row.active === 1 };
}
