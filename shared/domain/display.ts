import { z } from 'zod';
import { counter, utcMs } from './result-fields.js';

/** The waiting-area screen: ticket numbers and desk names only, never a person's name. */
export const displayCallSchema = z.object({
  number: z.string(),
  deskName: z.string(),
  calledAt: utcMs,
  recall: z.boolean(),
  current: z.boolean().meta({ description: 'Still called to that desk (not yet served, finished or gone): a “now calling” row.' }),
});
export type DisplayCall = z.infer<typeof displayCallSchema>;

export const displayStateSchema = z
  .object({
    siteName: z.string(),
    timeZone: z.string().meta({ description: 'The site’s IANA time zone, for the screen’s clock (the display PC’s own clock may be set otherwise).' }),
    recentCalls: z.array(displayCallSchema).meta({ description: 'Today’s latest calls, newest first, finished ones too.' }),
    waiting: z
      .array(z.object({ serviceName: z.string(), letter: z.string(), count: counter }))
      .meta({ description: 'Only services an open, unpaused desk serves now, or that someone waits for.' }),
  })
  .meta({ description: 'What the waiting-area screen shows: ticket numbers and desk names, never a person’s name.' });
export type DisplayState = z.infer<typeof displayStateSchema>;
