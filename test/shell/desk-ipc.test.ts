import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forwardSiteEvents, registerDeskBridge, type SiteDoor } from '../../electron/shell/desk-ipc.js';
import { callNames } from '../../shared/contract/index.js';
import { bridgeChannels } from '../../shared/desk-bridge.js';
import type { DeskEvent } from '../../shared/events.js';
import { everyDayAllDay, issueInput } from '../fixtures/queue-fixtures.js';
import { openTestSite, staffSession, type TestSite } from '../fixtures/temp-site.js';
import { FakeContents, FakeIpcMain } from './stand-ins.js';

const appPage = 'app://one-stop-queue/index.html';

/** Counts the calls that reach the site, to show a refused call never does. */
function countingDoor(site: SiteDoor): SiteDoor & { calls: number } {
  const door = {
    calls: 0,
    call: ((name, input, token, options) => {
      door.calls += 1;
      return site.call(name, input, token, options);
    }) as SiteDoor['call'],
    subscribe: (listener: Parameters<SiteDoor['subscribe']>[0]) => site.subscribe(listener),
  };
  return door;
}

describe('the IPC bridge', () => {
  let t: TestSite;
  let ipc: FakeIpcMain;
  let door: ReturnType<typeof countingDoor>;

  beforeEach(async () => {
    t = await openTestSite();
    ipc = new FakeIpcMain();
    door = countingDoor(t.site);
    registerDeskBridge(ipc, door);
  });

  afterEach(() => t.close());

  it('registers one generic handler on desk:call, not one per call, and removes it again', () => {
    expect([...ipc.handlers.keys()]).toEqual([bridgeChannels.call]);
    const other = new FakeIpcMain();
    const remove = registerDeskBridge(other, door);
    remove();
    expect(other.handlers.size).toBe(0);
  });

  it('answers a call from the app origin with { result }', async () => {
    const reply = await ipc.invoke(appPage, bridgeChannels.call, 'getSetupState', {}, null);
    expect(reply).toEqual({ result: { needsSetup: false, siteName: 'Liverpool One Stop Shop' } });
    const display = await ipc.invoke('app://one-stop-queue/#/display', bridgeChannels.call, 'getDisplayState', {}, null);
    expect(display).toMatchObject({ result: { siteName: 'Liverpool One Stop Shop' } });
  });

  it('passes the session token to the core, which checks the role', async () => {
    const reply = await ipc.invoke(appPage, bridgeChannels.call, 'listStaff', {}, t.manager.token);
    expect(reply).toMatchObject({ result: [{ name: 'Mia Manager', role: 'manager' }] });
    const receptionist = await staffSession(t, 'Rita Reception', 'receptionist');
    const refused = await ipc.invoke(appPage, bridgeChannels.call, 'listStaff', {}, receptionist.token);
    expect(refused).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
  });

  it('passes the idempotency key to the core: a retried call is applied once and answers the same', async () => {
    await ipc.invoke(appPage, bridgeChannels.call, 'updateSettings', { openingHours: everyDayAllDay }, t.manager.token);
    const services = (await ipc.invoke(appPage, bridgeChannels.call, 'listServices', {}, t.manager.token)) as { result: Array<{ id: number }> };
    const input = issueInput(services.result[0]!.id);
    const key = '7d3e2f1a-0b9c-4d8e-8f7a-6b5c4d3e2f1a';
    const first = await ipc.invoke(appPage, bridgeChannels.call, 'issueTicket', input, t.manager.token, key);
    const again = await ipc.invoke(appPage, bridgeChannels.call, 'issueTicket', input, t.manager.token, key);
    expect(first).toMatchObject({ result: { position: 1 } });
    expect(again).toEqual(first);
    // Anything but text as the key is no key at all.
    await ipc.invoke(appPage, bridgeChannels.call, 'issueTicket', input, t.manager.token, { key });
    expect(t.site.database.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 2 });
  });

  it('carries a DeskFailure back as { error } with its code and fields', async () => {
    expect(await ipc.invoke(appPage, bridgeChannels.call, 'listStaff', {}, null)).toEqual({
      error: { code: 'unauthenticated', message: expect.any(String) },
    });
    const invalid = await ipc.invoke(appPage, bridgeChannels.call, 'createStaff', { name: '', role: 'wizard', pin: '1' }, t.manager.token);
    expect(invalid).toMatchObject({ error: { code: 'invalid-input' } });
    const issues = (invalid as { error: { issues: Array<{ path: unknown[] }> } }).error.issues.map((issue) => issue.path[0]);
    expect(issues).toEqual(expect.arrayContaining(['name', 'role', 'pin']));
  });

  it.each([
    'https://evil.example/index.html',
    'https://evil.example/?next=app://one-stop-queue/',
    'app://other/index.html',
    'app://one-stop-queue.evil.example/index.html',
    'app://one-stop-queue:8080/index.html',
    'app://mallory@one-stop-queue/index.html',
    'http://one-stop-queue/index.html',
    'file:///C:/Program%20Files/One%20Stop%20Queue/resources/app.asar/out/renderer/index.html',
    'file:///work/out/renderer/index.html',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    '',
    'not a url',
  ])('refuses a call from the frame %j without reaching the site', async (url) => {
    const reply = await ipc.invoke(url, bridgeChannels.call, 'createStaff', { name: 'Eve Intruder', role: 'manager', pin: '9999' }, t.manager.token);
    expect(reply).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
    expect(door.calls).toBe(0);
    const staff = await t.site.call('listStaff', {}, t.manager.token);
    expect(staff.map((member) => member.name)).toEqual(['Mia Manager']);
  });

  it('refuses a call from a frame that is gone', async () => {
    expect(await ipc.invoke(null, bridgeChannels.call, 'getSetupState', {}, null)).toMatchObject({ error: { code: 'forbidden' } });
    expect(door.calls).toBe(0);
  });

  it.each(['dropAllVisits', 'constructor', '__proto__', 'toString', 'hasOwnProperty', '', 42, null, { name: 'listStaff' }])(
    'refuses the call name %j, which is not in the contract',
    async (name) => {
      const reply = await ipc.invoke(appPage, bridgeChannels.call, name, {}, t.manager.token);
      expect(reply).toEqual({ error: { code: 'not-found', message: expect.any(String) } });
      expect(door.calls).toBe(0);
    },
  );

  it('refuses a token that is not a string', async () => {
    const reply = await ipc.invoke(appPage, bridgeChannels.call, 'listStaff', {}, { token: t.manager.token });
    expect(reply).toMatchObject({ error: { code: 'unauthenticated' } });
    expect(door.calls).toBe(0);
  });

  it('turns an unexpected error into a fixed internal message that quotes nothing', async () => {
    const leaky = new FakeIpcMain();
    const broken: SiteDoor = {
      call: () => Promise.reject(new Error('SQLITE_CONSTRAINT: visits.name = "Seán O\'Brien"')),
      subscribe: () => () => undefined,
    };
    registerDeskBridge(leaky, broken);
    const reply = await leaky.invoke(appPage, bridgeChannels.call, 'getSetupState', {}, null);
    expect(reply).toEqual({ error: { code: 'internal', message: expect.any(String) } });
    expect(JSON.stringify(reply)).not.toContain('Seán');
  });

  it('hands the page only the fields the call’s result schema names', async () => {
    const extra = new FakeIpcMain();
    const chatty: SiteDoor = {
      call: (async () => ({ needsSetup: false, siteName: 'Liverpool One Stop Shop', keyHex: 'deadbeef' })) as unknown as SiteDoor['call'],
      subscribe: () => () => undefined,
    };
    registerDeskBridge(extra, chatty);
    const reply = await extra.invoke(appPage, bridgeChannels.call, 'getSetupState', {}, null);
    expect(reply).toEqual({ result: { needsSetup: false, siteName: 'Liverpool One Stop Shop' } });
  });

  it('knows every contract call', async () => {
    for (const name of callNames) {
      const reply = (await ipc.invoke(appPage, bridgeChannels.call, name, { unexpected: true }, null)) as { error?: { code: string } };
      // Each reaches the core, which refuses the stray field or the missing session — never "no such call".
      expect(reply.error?.code, name).not.toBe('not-found');
    }
  });
});

describe('event forwarding', () => {
  it('sends staff windows every event and the display window only the display events', async () => {
    const t = await openTestSite();
    try {
      const staff = new FakeContents();
      const display = new FakeContents();
      const stop = forwardSiteEvents(t.site, () => [
        { audience: 'staff', contents: staff },
        { audience: 'everyone', contents: display },
      ]);
      const reception = await staffSession(t, 'Rita Reception', 'receptionist');
      const advisor = await staffSession(t, 'Adam Advisor', 'advisor');
      const services = await t.site.call('listServices', {}, reception.token);
      const councilTax = services.find((service) => service.letter === 'C')!;
      await t.site.call(
        'issueTicket',
        {
          visitor: { name: 'Seán O’Brien', addressLines: ['1 Dale Street'], postcode: 'L1 1JQ', noFixedAbode: false },
          serviceId: councilTax.id,
          reason: 'Council tax bill',
          needs: { interpreter: false, language: null, hearing: false, mobility: false },
          priority: null,
          callByNumberOnly: false,
        },
        reception.token,
      );
      const desks = await t.site.call('listDesks', {}, advisor.token);
      await t.site.call('openDesk', { deskId: desks[0]!.id, serviceIds: [councilTax.id] }, advisor.token);
      await t.site.call('callNext', { deskId: desks[0]!.id }, advisor.token);

      const types = (contents: FakeContents): string[] => contents.sent.map(({ args }) => (args[0] as DeskEvent).type);
      expect(staff.sent.every(({ channel }) => channel === bridgeChannels.event)).toBe(true);
      expect(types(staff)).toContain('queue-changed');
      expect(types(staff)).toContain('ticket-called');
      // The display hears the queue change (its time only) and the call; never a settings change.
      expect(types(display)).toEqual(['queue-changed', 'queue-changed', 'ticket-called', 'queue-changed']);
      expect(display.sent[0]!.channel).toBe(bridgeChannels.event);
      expect(JSON.stringify(display.sent)).not.toContain('Seán');

      stop();
      const staffBefore = staff.sent.length;
      await t.site.call('closeDesk', { deskId: desks[0]!.id }, advisor.token);
      expect(staff.sent.length).toBe(staffBefore);
    } finally {
      t.close();
    }
  });

  it('routes each event type by the shared audience table, skips closed windows and stops when asked', () => {
    let emit: ((event: DeskEvent, audience: 'staff' | 'everyone') => void) | null = null;
    const site: SiteDoor = {
      call: () => Promise.reject(new Error('not used')),
      subscribe: (listener) => {
        emit = listener;
        return () => {
          emit = null;
        };
      },
    };
    const staff = new FakeContents();
    const display = new FakeContents();
    const closed = new FakeContents();
    closed.destroyed = true;
    const stop = forwardSiteEvents(site, () => [
      { audience: 'staff', contents: staff },
      { audience: 'everyone', contents: display },
      { audience: 'staff', contents: closed },
    ]);
    const events: DeskEvent[] = [
      { type: 'queue-changed', at: 1 },
      { type: 'ticket-called', call: { number: 'C001', deskName: 'Desk 1', calledAt: 2, recall: false, current: true } },
      { type: 'settings-changed', at: 3 },
    ];
    // The audience argument is ignored on purpose: the table in shared/events.ts decides.
    for (const event of events) emit!(event, 'everyone');
    expect(staff.sent.map(({ args }) => (args[0] as DeskEvent).type)).toEqual(['queue-changed', 'ticket-called', 'settings-changed']);
    expect(display.sent.map(({ args }) => (args[0] as DeskEvent).type)).toEqual(['queue-changed', 'ticket-called']);
    expect(closed.sent).toEqual([]);
    stop();
    expect(emit).toBeNull();
  });
});
