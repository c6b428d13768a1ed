import { z } from 'zod';
import { counter, utcMs } from './result-fields.js';

/** The waiting-area screen: ticket numbers and desk names only, never a person's name. */
export const displayCallSchema = z.object({
  number: z.string(),
  deskName: z.string(),
  calledAt: utcMs,
  recall: z.boolean(),
});
export type DisplayCall = z.infer<typeof displayCallSchema>;

export const displayStateSchema = z
  .object({
    siteName: z.string(),
    recentCalls: z.array(displayCallSchema).meta({ description: 'Newest first.' }),
    waiting: z.array(z.object({ serviceName: z.string(), letter: z.string(), count: counter })),
  })
  .meta({ description: 'What the waiting-area screen shows: ticket numbers and desk names, never a person’s name.' });
export type DisplayState = z.infer<typeof displayStateSchema>;
