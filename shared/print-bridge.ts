import { bridgeChannels } from './desk-bridge.js';
import { paperSizes, type PaperSize } from './paper.js';

/**
 * The desktop shell's print bridge, beside `window.desk` (like the unlock bridge, not a contract
 * call): the printer belongs to the PC at the counter, not to the site. Exposed by the preload as
 * `window.deskPrint`; the main process prints the asking page's print view silently to the
 * printer named in that PC's shell settings, and only for the app's own pages. In a browser there
 * is no bridge and the page opens the print dialog instead.
 */


export interface PrintRequest {
  paper: PaperSize;
}

/** Why nothing was printed; the page words it from its catalogue. */
export type PrintFailure = 'no-printer' | 'printer-not-found' | 'failed' | 'not-allowed';

export type PrintReply = { ok: true; printer: string } | { ok: false; problem: PrintFailure };

/**
 * This PC's printing as the shell has it, for the settings screen to show: the printer, and the
 * paper when IT's settings file fixes it for this PC (docs/it-setup.md), each marked when IT set it.
 */
export interface PrintSetup {
  printer: string | null;
  printerSetByIt: boolean;
  /** IT's paper for this PC, printed on whatever the site's setting says; null: the site's. */
  itPaper: PaperSize | null;
}

export interface PrintBridge {
  /** Prints what the page shows under `@media print`, to this PC's configured printer. */
  print(request: PrintRequest): Promise<PrintReply>;
  /** This PC's printer and paper, and which of them IT fixed. */
  setup(): Promise<PrintSetup | null>;
}

/** The IPC channel of the one action. */
export const printChannel = bridgeChannels.print;
/** The IPC channel that reads this PC's printing setup. */
export const printSetupChannel = bridgeChannels.printSetup;

/** The name under `window` the preload exposes the bridge as. */
export const printBridgeKey = 'deskPrint';

/**
 * How the renderer reads the bridge, the way it reads `window.desk`:
 * `(window as Window & PrintBridgeWindow).deskPrint` — undefined in a browser.
 */
export interface PrintBridgeWindow {
  deskPrint?: PrintBridge;
}

const paperSet: ReadonlySet<unknown> = new Set(paperSizes);

export function isPaperSize(value: unknown): value is PaperSize {
  return paperSet.has(value);
}

/**
 * The one request a page may make, rebuilt from nothing but a known paper size: anything else
 * (a string, an array, an unknown paper, a getter that throws) is null. Used by both the preload
 * and the main process, so what crosses IPC and what main accepts are the same rule.
 */
export function parsePrintRequest(value: unknown): PrintRequest | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  let paper: unknown;
  try {
    paper = (value as { paper?: unknown }).paper;
  } catch {
    return null;
  }
  return isPaperSize(paper) ? { paper } : null;
}
