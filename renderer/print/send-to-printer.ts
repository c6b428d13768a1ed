import type { PaperSize } from '../../shared/paper.js';
import type { PrintBridge, PrintFailure, PrintReply } from '../../shared/print-bridge.js';
import { text } from '../i18n/text.js';

/** Every problem the shell can answer has words; a new one fails to compile until it has. */
const problemWords: Record<PrintFailure, string> = text.print.problems;

/** Printed (to this PC's printer, or through the browser's dialog) or not, with words for the receptionist. */
export type PrintOutcome = { printed: true; via: 'printer'; printer: string } | { printed: true; via: 'dialog' } | { printed: false; message: string };

/**
 * Prints what the page shows under `@media print`: through the desktop shell's bridge when there
 * is one (silently, to this PC's printer), else with the browser's print dialog — which says
 * nothing about whether the person then printed or cancelled, so it counts as printed.
 */
export async function sendToPrinter(paper: PaperSize, bridge: PrintBridge | undefined, openDialog: () => void): Promise<PrintOutcome> {
  if (bridge === undefined) {
    openDialog();
    return { printed: true, via: 'dialog' };
  }
  let reply: PrintReply;
  try {
    reply = await bridge.print({ paper });
  } catch (error) {
    // The IPC itself failed (the shell went away): to the person at the counter, the printer did not print.
    console.error('The print bridge failed:', error);
    return { printed: false, message: problemWords.failed };
  }
  return reply.ok ? { printed: true, via: 'printer', printer: reply.printer } : { printed: false, message: problemWords[reply.problem] };
}
