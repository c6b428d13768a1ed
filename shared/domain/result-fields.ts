import { z } from 'zod';

/**
 * The building blocks of the call results' schemas. Exact on purpose: the hub serialises every
 * answer by these schemas, and a serialiser told "integer" would quietly truncate a fraction.
 */
export const recordId = z.int().positive();

/** An instant, as stored: UTC milliseconds. */
export const utcMs = z.int().nonnegative().meta({ description: 'UTC milliseconds.' });

export const counter = z.int().nonnegative();

/** A local calendar date in the site's time zone. */
export const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ description: 'A local date, yyyy-MM-dd.' });

/** The answer of a call that has nothing to say but that it was done. */
export const doneSchema = z.object({ ok: z.literal(true) });
export type Done = z.infer<typeof doneSchema>;
