import { desktopText as desktopEnGB, type DesktopText } from './desktop.en-GB.js';
import { errorText as errorsEnGB, type ErrorText } from './errors.en-GB.js';
import { siteText as siteEnGB, type SiteText } from './site.en-GB.js';
import { storeText as storeEnGB, type StoreText } from './store.en-GB.js';
import { validationText as validationEnGB, type ValidationText } from './validation.en-GB.js';

/**
 * The words in use outside the renderer — in shared/ (the contract's input errors), the core, the
 * hub and the desktop shell — chosen here and only here (docs/contributing.md, "Words on screen"). One
 * language for now; a Welsh council adds `errors.cy-GB.ts` and the rest, each of the same type, and
 * changes these lines: no other file names a language (a lint rule keeps `*.en-GB` imports to the
 * choosers: this file, renderer/i18n/text.ts, renderer/unlock/text.ts, electron/cli/cli-text.ts).
 *
 * Left in English where they are, on purpose: comments; log lines for IT (`console.error`,
 * `console.warn`); errors that can only mean a bug (`new Error(...)`, `RangeError`: the desk is
 * told errorText.internal instead, the terminal "Something went wrong: …" for IT); the API's own
 * description for developers (OpenAPI summaries and descriptions, zod `.meta`); zod's own words
 * for what is wrong inside a damaged keystore file (the detail in storeText.keystore.damaged);
 * a keystore slot's label, which is data written into the file (and "recovery" an identifier the
 * app looks the slot up by); and migration 003's placeholder staff name, which a migration must
 * write the same way for ever.
 */
export const errorText: ErrorText = errorsEnGB;
export const validationText: ValidationText = validationEnGB;
export const storeText: StoreText = storeEnGB;
export const desktopText: DesktopText = desktopEnGB;
export const siteText: SiteText = siteEnGB;

export type { DesktopText, ErrorText, SiteText, StoreText, ValidationText };
