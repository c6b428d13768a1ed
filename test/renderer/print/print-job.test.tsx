import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrintBridge, PrintReply, PrintRequest } from '../../../shared/print-bridge.js';
import { usePrint, usePrintStore, type PrintJob, type PrintOutcome } from '../../../renderer/print/print-job.js';
import { useSiteStore } from '../../../renderer/state/site-store.js';
import { sampleIssued, sampleReceipt, sampleSettings } from './print-samples.js';

/** The hook's callback, taken from a server render: the hook holds no state of its own to render. */
function printFunction(): (job: PrintJob) => Promise<PrintOutcome> {
  let print: ((job: PrintJob) => Promise<PrintOutcome>) | undefined;
  function Probe() {
    print = usePrint();
    return null;
  }
  renderToStaticMarkup(<Probe />);
  return print!;
}

const ticketJob: PrintJob = { kind: 'ticket', issued: sampleIssued(), serviceName: 'Council Tax', reprint: false };
const receiptJob: PrintJob = { kind: 'receipt', receipt: sampleReceipt(), copy: 'back-office' };

/** Stands in for `<PrintView />`: renders whatever job is set, at once. */
function mountView(): () => void {
  return usePrintStore.subscribe((state) => {
    if (state.sheet !== null && state.shownId < state.sheet.id) state.markShown(state.sheet.id);
  });
}

let unmountView: () => void = () => undefined;

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 10, 24, 10, 50) });
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 16));
  useSiteStore.getState().setSettings(sampleSettings());
});

afterEach(() => {
  unmountView();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function withBridge(answer: (request: PrintRequest) => Promise<PrintReply>): { requests: PrintRequest[]; jobsWhenPrinted: PrintJob[] } {
  const requests: PrintRequest[] = [];
  const jobsWhenPrinted: PrintJob[] = [];
  const bridge: PrintBridge = {
    print: (request) => {
      requests.push(request);
      jobsWhenPrinted.push(usePrintStore.getState().sheet!.job);
      return answer(request);
    },
    setup: () => Promise.resolve(null),
  };
  vi.stubGlobal('window', { deskPrint: bridge, print: () => expect.fail('no dialog in the desktop app') });
  return { requests, jobsWhenPrinted };
}

async function settle<T>(promise: Promise<T>): Promise<T> {
  await vi.advanceTimersByTimeAsync(5000);
  return promise;
}

describe('usePrint', () => {
  it('prints the shown job to this PC’s printer on the site’s paper, and keeps it shown afterwards', async () => {
    unmountView = mountView();
    useSiteStore.getState().setSettings(sampleSettings({ ticketPaper: 'a5' }));
    const bridge = withBridge(async () => ({ ok: true, printer: 'EPSON TM-T20III' }));
    const outcome = await settle(printFunction()(ticketJob));
    expect(outcome).toEqual({ printed: true, via: 'printer', printer: 'EPSON TM-T20III' });
    expect(bridge.requests).toEqual([{ paper: 'a5' }]);
    expect(bridge.jobsWhenPrinted).toEqual([ticketJob]);
    const sheet = usePrintStore.getState().sheet!;
    expect(sheet.job).toEqual(ticketJob);
    expect(sheet.site).toEqual({ siteName: 'Liverpool One Stop Shop', timeZone: 'Europe/London', retentionDays: 28, paper: 'a5' });
    expect(sheet.printedAt).toBe(Date.UTC(2026, 10, 24, 10, 50));
  });

  it('words each printer problem for the receptionist', async () => {
    unmountView = mountView();
    const print = printFunction();
    const messages: Record<string, string> = {};
    for (const problem of ['no-printer', 'printer-not-found', 'failed', 'not-allowed'] as const) {
      withBridge(async () => ({ ok: false, problem }));
      const outcome = await settle(print(ticketJob));
      expect(outcome.printed).toBe(false);
      if (!outcome.printed) messages[problem] = outcome.message;
    }
    expect(messages['no-printer']).toMatch(/no ticket printer is set up on this computer/);
    expect(messages['printer-not-found']).toMatch(/cannot be found/);
    expect(messages['failed']).toMatch(/did not print/);
    expect(messages['not-allowed']).toMatch(/not allowed to print/);
  });

  it('counts a bridge that throws as a print that failed', async () => {
    unmountView = mountView();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    withBridge(() => Promise.reject(new Error('An object could not be cloned.')));
    const outcome = await settle(printFunction()(ticketJob));
    expect(outcome).toMatchObject({ printed: false, message: expect.stringMatching(/did not print/) as unknown });
  });

  it('opens the print dialog in a browser', async () => {
    unmountView = mountView();
    const dialog = vi.fn(() => {
      expect(usePrintStore.getState().sheet?.job).toEqual(receiptJob);
    });
    vi.stubGlobal('window', { print: dialog });
    const outcome = await settle(printFunction()(receiptJob));
    expect(outcome).toEqual({ printed: true, via: 'dialog' });
    expect(dialog).toHaveBeenCalledOnce();
  });

  it('prints one job after another: a second job waits until the first has printed', async () => {
    unmountView = mountView();
    let finishFirst: (reply: PrintReply) => void = () => undefined;
    const bridge = withBridge(() => new Promise((resolve) => (finishFirst = resolve)));
    const print = printFunction();
    const first = print(ticketJob);
    const second = print(receiptJob);
    await vi.advanceTimersByTimeAsync(1000);
    expect(bridge.jobsWhenPrinted).toEqual([ticketJob]);
    expect(usePrintStore.getState().sheet?.job).toEqual(ticketJob);
    finishFirst({ ok: true, printer: 'P' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(bridge.jobsWhenPrinted).toEqual([ticketJob, receiptJob]);
    finishFirst({ ok: true, printer: 'P' });
    expect(await settle(first)).toMatchObject({ printed: true });
    expect(await settle(second)).toMatchObject({ printed: true });
  });

  it('prints nothing when the print view is not on the screen, rather than a blank page', async () => {
    const bridge = withBridge(async () => ({ ok: true, printer: 'P' }));
    const outcome = await settle(printFunction()(ticketJob));
    expect(outcome).toMatchObject({ printed: false, message: expect.stringMatching(/print layout did not load/) as unknown });
    expect(bridge.requests).toEqual([]);
  });

  it('prints nothing before the site’s settings have loaded', async () => {
    unmountView = mountView();
    useSiteStore.getState().setSettings(null);
    const bridge = withBridge(async () => ({ ok: true, printer: 'P' }));
    const outcome = await settle(printFunction()(ticketJob));
    expect(outcome).toMatchObject({ printed: false, message: expect.stringMatching(/settings have not loaded/) as unknown });
    expect(bridge.requests).toEqual([]);
  });
});
