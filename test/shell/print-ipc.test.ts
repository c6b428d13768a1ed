import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageSizeFor, registerPrintBridge, type PrintOptions } from '../../electron/shell/print-ipc.js';
import { printChannel } from '../../shared/print-bridge.js';
import { FakeContents, FakeIpcMain } from './stand-ins.js';

const appPage = 'app://one-stop-queue/index.html';
const receiptPrinter = { name: 'EPSON_TM_T20III', displayName: 'EPSON TM-T20III Receipt' };
const officePrinter = { name: 'HP_LaserJet_M404', displayName: 'HP LaserJet M404' };

describe('the print bridge in the main process', () => {
  let ipc: FakeIpcMain;
  let staff: FakeContents;
  let printerName: string | null;
  let remove: () => void;

  beforeEach(() => {
    ipc = new FakeIpcMain();
    staff = new FakeContents();
    staff.printers = [officePrinter, receiptPrinter];
    printerName = 'EPSON_TM_T20III';
    const options: PrintOptions = { printerName: () => printerName, mayPrint: (sender) => sender.id === staff.id };
    remove = registerPrintBridge(ipc, options);
    // Failures are logged for council IT; keep the test output quiet.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => vi.restoreAllMocks());

  const print = (request: unknown, url: string | null = appPage, sender = staff) => ipc.invokeFrom(sender, url, printChannel, request);

  it('registers its handlers on desk-print:print and desk-print:setup and removes them again', () => {
    expect([...ipc.handlers.keys()]).toEqual(['desk-print:print', 'desk-print:setup']);
    remove();
    expect(ipc.handlers.size).toBe(0);
  });

  it('prints the asking page silently to the configured printer, with no margins and its backgrounds', async () => {
    expect(await print({ paper: '80mm' })).toEqual({ ok: true, printer: 'EPSON TM-T20III Receipt' });
    expect(staff.printed).toEqual([
      {
        silent: true,
        deviceName: 'EPSON_TM_T20III',
        printBackground: true,
        margins: { marginType: 'none' },
        pageSize: { width: 80_000, height: 297_000 },
      },
    ]);
  });

  it('maps the site’s paper sizes: A5 by name, 80 mm as a long roll in microns', async () => {
    expect(pageSizeFor('a5')).toBe('A5');
    expect(pageSizeFor('80mm')).toEqual({ width: 80_000, height: 297_000 });
    await print({ paper: 'a5' });
    expect(staff.printed.map((o) => o.pageSize)).toEqual(['A5']);
  });

  it('finds a printer written as Print Preview shows it, and prints to its OS name', async () => {
    printerName = 'HP LaserJet M404';
    expect(await print({ paper: 'a5' })).toEqual({ ok: true, printer: 'HP LaserJet M404' });
    expect(staff.printed.map((o) => o.deviceName)).toEqual(['HP_LaserJet_M404']);
  });

  it.each([
    ['another origin', 'https://evil.example/index.html'],
    ['a look-alike host', 'app://one-stop-queue.evil/index.html'],
    ['a file URL of the same page', 'file:///app/out/renderer/index.html'],
    ['the unlock page', 'app://one-stop-queue/unlock/index.html'],
    ['a frame that is gone', null],
  ])('refuses a request from %s and never prints', async (_what, url) => {
    expect(await print({ paper: '80mm' }, url)).toEqual({ ok: false, problem: 'not-allowed' });
    expect(staff.printed).toEqual([]);
  });

  it('refuses the app’s own page in another window (the waiting-area display) and never prints', async () => {
    const display = new FakeContents();
    display.printers = [receiptPrinter];
    expect(await print({ paper: '80mm' }, 'app://one-stop-queue/#/display', display)).toEqual({ ok: false, problem: 'not-allowed' });
    expect(display.printed).toEqual([]);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a bare string', '80mm'],
    ['an array', ['80mm']],
    ['no paper', {}],
    ['an unknown paper', { paper: 'A4' }],
    ['a number', { paper: 80 }],
    ['a getter that throws', { get paper(): string { throw new Error('no'); } }],
  ])('refuses a malformed request (%s) and never prints', async (_what, request) => {
    expect(await print(request)).toEqual({ ok: false, problem: 'not-allowed' });
    expect(staff.printed).toEqual([]);
  });

  it('uses the paper size only: a printer or options named by the page are ignored', async () => {
    await print({ paper: 'a5', deviceName: 'HP_LaserJet_M404', silent: false, copies: 99 });
    expect(staff.printed).toEqual([expect.objectContaining({ deviceName: 'EPSON_TM_T20III', silent: true, pageSize: 'A5' })]);
    expect(staff.printed[0]).not.toHaveProperty('copies');
  });

  it('with no printer configured answers no-printer and never prints to the OS default', async () => {
    printerName = null;
    expect(await print({ paper: '80mm' })).toEqual({ ok: false, problem: 'no-printer' });
    expect(staff.printed).toEqual([]);
  });

  it('with a configured printer this PC does not have answers printer-not-found', async () => {
    printerName = 'Star_TSP143';
    expect(await print({ paper: '80mm' })).toEqual({ ok: false, problem: 'printer-not-found' });
    staff.printers = [];
    printerName = 'EPSON_TM_T20III';
    expect(await print({ paper: '80mm' })).toEqual({ ok: false, problem: 'printer-not-found' });
    expect(staff.printed).toEqual([]);
  });

  it('answers failed when the printer reports a failure, when Electron refuses the settings, or when printers cannot be listed', async () => {
    staff.printOutcome = { success: false, failureReason: 'Print job failed' };
    expect(await print({ paper: '80mm' })).toEqual({ ok: false, problem: 'failed' });
    expect(staff.printed).toHaveLength(1);
    staff.printOutcome = 'throws';
    expect(await print({ paper: 'a5' })).toEqual({ ok: false, problem: 'failed' });
    staff.printOutcome = { success: true, failureReason: '' };
    staff.printersFail = true;
    expect(await print({ paper: 'a5' })).toEqual({ ok: false, problem: 'failed' });
    expect(staff.printed).toHaveLength(1);
    expect(console.error).toHaveBeenCalledWith('Printing to EPSON_TM_T20III failed: Print job failed');
  });

  it('reads the configured printer at each print', async () => {
    await print({ paper: '80mm' });
    printerName = 'HP_LaserJet_M404';
    await print({ paper: '80mm' });
    expect(staff.printed.map((o) => o.deviceName)).toEqual(['EPSON_TM_T20III', 'HP_LaserJet_M404']);
  });

  it('prints on the paper IT’s settings file fixes for this PC, whatever the site’s setting the page sends', async () => {
    remove();
    registerPrintBridge(ipc, { printerName: () => printerName, paper: () => 'a5', mayPrint: (sender) => sender.id === staff.id });
    await print({ paper: '80mm' });
    expect(staff.printed.map((o) => o.pageSize)).toEqual(['A5']);
  });

  it('tells the app’s own pages this PC’s printer and paper, and whether IT fixed them; anything else nothing', async () => {
    expect(await ipc.invokeFrom(staff, appPage, 'desk-print:setup')).toEqual({ printer: 'EPSON_TM_T20III', printerSetByIt: false, itPaper: null });
    expect(await ipc.invokeFrom(staff, 'https://evil.example/', 'desk-print:setup')).toBeNull();
    remove();
    registerPrintBridge(ipc, { printerName: () => 'Star TSP143', printerSetByIt: () => true, paper: () => '80mm', mayPrint: () => true });
    expect(await ipc.invokeFrom(staff, appPage, 'desk-print:setup')).toEqual({ printer: 'Star TSP143', printerSetByIt: true, itPaper: '80mm' });
  });
});
