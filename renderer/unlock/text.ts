import { unlockText as enGB, type UnlockText } from './text.en-GB.js';

/**
 * The unlock page's words in use: the page is its own bundle, loaded before anything else can
 * be, so it has its own chooser beside renderer/i18n/text.ts. Choosing another language is a
 * change here only.
 */
export const unlockText: UnlockText = enGB;
