import { useCallback } from 'react';
import { create } from 'zustand';
import type { Receipt } from '../../shared/domain/receipt.js';
import type { IssuedTicket } from '../../shared/domain/visit.js';
import type { PaperSize } from '../../shared/paper.js';
import type { PrintBridgeWindow } from '../../shared/print-bridge.js';
import { text } from '../i18n/text.js';
import { useSiteStore } from '../state/site-store.js';
import { sendToPrinter, type PrintOutcome } from './send-to-printer.js';

/** What a screen asks to print. The service's name is the caller's: a ticket carries its id only. */
export type PrintJob =
  | { kind: 'ticket'; issued: IssuedTicket; serviceName: string; reprint: boolean }
  | { kind: 'receipt'; receipt: Receipt; copy: 'visitor' | 'back-office' };

export type { PrintOutcome } from './send-to-printer.js';

/** The site's facts a printout shows, read when the job is printed. */
export interface PrintSite {
  siteName: string;
  timeZone: string;
  retentionDays: number;
  paper: PaperSize;
}

/** A job as the print view shows it: numbered, with the site and the moment it was printed. */
export interface PrintSheet {
  id: number;
  job: PrintJob;
  site: PrintSite;
  /** UTC ms of the print: the time of a reprint marker. */
  printedAt: number;
}

interface PrintState {
  /** The last job, kept after printing so that Ctrl+P prints it again, until the next replaces it. */
  sheet: PrintSheet | null;
  /** The id of the sheet the print view has rendered, images and all. */
  shownId: number;
  show(sheet: PrintSheet): void;
  markShown(id: number): void;
}

export const usePrintStore = create<PrintState>()((set) => ({
  sheet: null,
  shownId: 0,
  show: (sheet) => set({ sheet }),
  markShown: (id) => set((state) => (id > state.shownId ? { shownId: id } : state)),
}));

/** Longer than any render and logo load; past it something is wrong, and saying so beats printing a blank page. */
const viewTimeoutMs = 3000;

let nextId = 1;
/** Jobs print one after another: a second job must not replace the first while the first is printing. */
let line: Promise<unknown> = Promise.resolve();

/**
 * The one way a screen prints a ticket or a receipt: shows the job in `<PrintView />`, waits for
 * it to be on the page, then prints it — in the desktop app silently to this PC's printer
 * (`window.deskPrint`), in a browser through the print dialog.
 */
export function usePrint(): (job: PrintJob) => Promise<PrintOutcome> {
  return useCallback((job: PrintJob) => {
    const result = line.then(() => printNow(job));
    line = result.catch(() => undefined);
    return result;
  }, []);
}

async function printNow(job: PrintJob): Promise<PrintOutcome> {
  const settings = useSiteStore.getState().settings;
  if (settings === null) return { printed: false, message: text.print.noSettings };
  const site: PrintSite = {
    siteName: settings.siteName,
    timeZone: settings.timeZone,
    retentionDays: settings.retentionDays,
    paper: settings.ticketPaper,
  };
  const id = nextId++;
  usePrintStore.getState().show({ id, job, site, printedAt: Date.now() });
  if (!(await viewShown(id))) return { printed: false, message: text.print.notShown };
  await nextFrame();
  await nextFrame();
  return sendToPrinter(site.paper, (window as Window & PrintBridgeWindow).deskPrint, () => window.print());
}

/** Resolves true once the print view has rendered sheet `id`, false if it never does (not mounted). */
function viewShown(id: number): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (shown: boolean) => {
      unsubscribe();
      clearTimeout(timer);
      resolve(shown);
    };
    const unsubscribe = usePrintStore.subscribe((state) => {
      if (state.shownId >= id) done(true);
    });
    const timer = setTimeout(() => done(false), viewTimeoutMs);
    if (usePrintStore.getState().shownId >= id) done(true);
  });
}

/** After the next paint; a timer stands in where frames are paused (a window in the background). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => resolve());
    setTimeout(resolve, 100);
  });
}
