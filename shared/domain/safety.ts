import { z } from 'zod';
import { recordId, utcMs } from './result-fields.js';

/**
 * A staff-safety alert: someone at a desk or at reception needs help now. Staff-only, never on
 * the waiting-area display; it holds staff names and a place, never a visitor's.
 */
export const safetyAlertSchema = z
  .object({
    id: recordId,
    raisedBy: z.object({ id: recordId, name: z.string() }),
    place: z.string().meta({ description: 'Where help is needed: the desk’s name, or “Reception”.' }),
    deskId: recordId.nullable().meta({ description: 'The desk, or null for reception.' }),
    raisedAt: utcMs,
    acknowledgedBy: z.object({ id: recordId, name: z.string() }).nullable(),
    acknowledgedAt: utcMs.nullable(),
  })
  .meta({ description: 'A call for help from a member of staff, shown to every other signed-in staff screen until acknowledged.' });
export type SafetyAlert = z.infer<typeof safetyAlertSchema>;
