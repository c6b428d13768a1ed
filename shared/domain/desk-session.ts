import { z } from 'zod';
import { recordId, utcMs } from './result-fields.js';
import { ticketViewSchema } from './visit.js';

/** Why an advisor has stepped away from an open desk for a while. */
export const pauseReasons = ['break', 'admin', 'training'] as const;
export type PauseReason = (typeof pauseReasons)[number];

/** A desk opened by an advisor for a set of services. */
export const openDeskSchema = z.object({
  deskId: recordId,
  deskName: z.string(),
  advisorId: recordId,
  advisorName: z.string(),
  serviceIds: z.array(recordId),
  openedAt: utcMs,
  current: ticketViewSchema.nullable().meta({ description: 'The ticket called to or being served at this desk, if any.' }),
  paused: z
    .object({ reason: z.enum(pauseReasons), since: utcMs })
    .nullable()
    .meta({ description: 'Set while the advisor has paused the desk: it calls nobody and leaves the wait estimate.' }),
});
export type OpenDesk = z.infer<typeof openDeskSchema>;
