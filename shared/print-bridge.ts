import { bridgeChannels } from './desk-bridge.js';

/**
 * The desktop shell's print bridge, beside `window.desk` (like the unlock bridge, not a contract
 * call): the printer belongs to the PC at the counter, not to the site. Exposed by the preload as
 * `window.deskPrint`; the main process prints the asking page's print view silently to the
 * printer named in that PC's shell settings, and only for the app's own pages. In a browser there
 * is no bridge and the page opens the print dialog instead.
 */

/** The site's paper for tickets and receipts (a site setting). */
export const paperSizes = ['80mm', 'a5'] as const;
export type PaperSize = (typeof paperSizes)[number];

export interface PrintRequest {
  paper: PaperSize;
}

/** Why nothing was printed; the page words it from its catalogue. */
export type PrintFailure = 'no-printer' | 'printer-not-found' | 'failed' | 'not-allowed';

export type PrintReply = { ok: true; printer: string } | { ok: false; problem: PrintFailure };

export interface PrintBridge {
  /** Prints what the page shows under `@media print`, to this PC's configured printer. */
  print(request: PrintRequest): Promise<PrintReply>;
}

/** The IPC channel of the one action. */
export const printChannel = bridgeChannels.print;
