import type { IpcMain, PrinterInfo, WebContents, WebContentsPrintOptions } from 'electron';
import type { PaperSize } from '../../shared/paper.js';
import { parsePrintRequest, printChannel, printSetupChannel, type PrintReply, type PrintSetup } from '../../shared/print-bridge.js';
import { unlockPagePath } from '../../shared/unlock-bridge.js';
import { parseAppUrl } from './app-origin.js';
import { senderUrl, type InvokeEventLike } from './desk-ipc.js';

/**
 * The print bridge's main side (shared/print-bridge.ts): prints the asking page's own print view
 * (its `@media print` layout) silently to the printer named in this PC's shell settings. Electron's
 * objects come in as parameters and are imported as types only, so the tests hand in stand-ins.
 * https://www.electronjs.org/docs/latest/api/web-contents#contentsprintoptions-callback
 */

/** The part of a WebContents the bridge uses: the asking page's own contents. */
export interface PrintContentsLike {
  readonly id: number;
  getPrintersAsync(): Promise<Array<Pick<PrinterInfo, 'name' | 'displayName'>>>;
  print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
}

/** The part of an `IpcMainInvokeEvent` the print bridge reads. */
export interface PrintEventLike extends InvokeEventLike {
  readonly sender: PrintContentsLike;
}

export interface PrintIpcMainLike {
  handle(channel: string, listener: (event: PrintEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

// Compile-time proof that Electron's own objects fit these shapes.
const _fits = (ipcMain: IpcMain, contents: WebContents): [PrintIpcMainLike, PrintContentsLike] => [ipcMain, contents];
void _fits;

export interface PrintOptions {
  /** The configured printer (shell settings' `printerName`), read at each print; null: none set. */
  printerName(): string | null;
  /** The paper IT's settings file fixes for this PC (docs/it-setup.md), over the page's; null: the page's. */
  paper?(): PaperSize | null;
  /** Whether the printer is IT's (docs/it-setup.md), for the settings screen to say so. */
  printerSetByIt?(): boolean;
  /**
   * Whether this window may print at all. The shell allows the staff window only: the
   * waiting-area display is a public screen with nothing to print, and a page there must not
   * drive the counter's printer.
   */
  mayPrint(sender: PrintContentsLike): boolean;
}

/** A long A4-length roll (microns): more than any ticket or receipt needs. */
const rollLengthMicrons = 297_000;

/**
 * `a5` is a standard sheet. `80mm` is a roll: 80 mm wide and as long as an A4 page, because
 * Chromium needs a page length — thermal roll drivers (Epson TM, Star and the like) stop feeding
 * and cut where the content ends, not at the page length. One whose driver feeds the whole page
 * needs its "paper reduction" / "cut at end of document" setting turned on (docs/printing.md).
 */
export function pageSizeFor(paper: PaperSize): NonNullable<WebContentsPrintOptions['pageSize']> {
  return paper === 'a5' ? 'A5' : { width: 80_000, height: rollLengthMicrons };
}

/** The options of every print: silent, to exactly the configured printer, no margins added by Chromium. */
export function printOptionsFor(paper: PaperSize, deviceName: string): WebContentsPrintOptions {
  return {
    silent: true,
    deviceName,
    printBackground: true,
    margins: { marginType: 'none' },
    pageSize: pageSizeFor(paper),
  };
}

/**
 * Only the app's own pages, and not the unlock page: it comes before the store is open and has
 * nothing to print. The origin is parsed and compared (app-origin.ts), never matched as a string.
 */
export function fromPrintingPage(event: InvokeEventLike): boolean {
  const url = parseAppUrl(senderUrl(event));
  return url !== null && url.pathname !== unlockPagePath;
}

const notAllowed: PrintReply = { ok: false, problem: 'not-allowed' };
const failed: PrintReply = { ok: false, problem: 'failed' };

/**
 * The configured printer, found among the ones this PC has: by its OS name, or else by the name
 * Print Preview shows (council IT may have typed either). `print` needs the OS name.
 */
function findPrinter(printers: ReadonlyArray<Pick<PrinterInfo, 'name' | 'displayName'>>, wanted: string): Pick<PrinterInfo, 'name' | 'displayName'> | null {
  return printers.find((p) => p.name === wanted) ?? printers.find((p) => p.displayName === wanted) ?? null;
}

/** Answers one print request. Never prints to the OS default: with no printer set, nothing prints. */
export async function answerPrint(event: PrintEventLike, request: unknown, options: PrintOptions): Promise<PrintReply> {
  if (!fromPrintingPage(event)) return notAllowed;
  const contents = event.sender;
  if (!options.mayPrint(contents)) return notAllowed;
  const valid = parsePrintRequest(request);
  if (valid === null) return notAllowed;
  const wanted = options.printerName();
  if (wanted === null) return { ok: false, problem: 'no-printer' };
  let printers: Array<Pick<PrinterInfo, 'name' | 'displayName'>>;
  try {
    printers = await contents.getPrintersAsync();
  } catch (error) {
    console.error('Could not list the printers:', error);
    return failed;
  }
  const printer = findPrinter(printers, wanted);
  if (printer === null) return { ok: false, problem: 'printer-not-found' };
  const shownAs = printer.displayName !== '' ? printer.displayName : printer.name;
  return new Promise<PrintReply>((resolve) => {
    try {
      contents.print(printOptionsFor(options.paper?.() ?? valid.paper, printer.name), (success, failureReason) => {
        // The reason is Chromium's ("Print job failed"), never the page's content: safe to log.
        if (!success) console.error(`Printing to ${printer.name} failed: ${failureReason}`);
        resolve(success ? { ok: true, printer: shownAs } : failed);
      });
    } catch (error) {
      // Electron throws synchronously on settings it refuses (an invalid page size, say).
      console.error(`Printing to ${printer.name} failed:`, error);
      resolve(failed);
    }
  });
}

/** This PC's printing, for the app's own pages (the settings screen shows it); null elsewhere. */
export function answerPrintSetup(event: PrintEventLike, options: PrintOptions): PrintSetup | null {
  if (!fromPrintingPage(event)) return null;
  return { printer: options.printerName(), printerSetByIt: options.printerSetByIt?.() ?? false, itPaper: options.paper?.() ?? null };
}

/** Registers the handlers on `desk-print:print` and `desk-print:setup`; returns what removes them. */
export function registerPrintBridge(ipcMain: PrintIpcMainLike, options: PrintOptions): () => void {
  ipcMain.handle(printChannel, (event, request) => answerPrint(event, request, options));
  ipcMain.handle(printSetupChannel, (event) => answerPrintSetup(event, options));
  return () => {
    ipcMain.removeHandler(printChannel);
    ipcMain.removeHandler(printSetupChannel);
  };
}
