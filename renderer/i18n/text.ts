import { enGB, type Catalogue } from './en-GB.js';

/** The catalogue in use. One language for now; choosing another is a change here only. */
export const text: Catalogue = enGB;
