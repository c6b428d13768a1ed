import { z } from 'zod';
import { recordId, utcMs } from './result-fields.js';
import { ticketViewSchema } from './visit.js';

/** A desk opened by an advisor for a set of services. */
export const openDeskSchema = z.object({
  deskId: recordId,
  deskName: z.string(),
  advisorId: recordId,
  advisorName: z.string(),
  serviceIds: z.array(recordId),
  openedAt: utcMs,
  current: ticketViewSchema.nullable().meta({ description: 'The ticket called to or being served at this desk, if any.' }),
});
export type OpenDesk = z.infer<typeof openDeskSchema>;
