import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeCodes } from '../../electron/hub/index.js';
import type { Session } from '../../shared/domain/staff.js';
import type { TicketView } from '../../shared/domain/visit.js';
import { staffSession } from '../fixtures/temp-site.js';
import { callOk, displayClient, EventClient, sampleInput, staffClient, startTestHub, type HubWorld } from '../fixtures/hub-fixtures.js';

describe('WebSocket /api/events', () => {
  let w: HubWorld;
  let advisor: Session;
  let receptionist: Session;
  const deskId = 1;

  async function issueTicket(): Promise<void> {
    const services = await w.t.site.call('listServices', {}, receptionist.token);
    const input = { ...(sampleInput('issueTicket') as object), serviceId: services[0]!.id };
    await callOk(w.url, 'issueTicket', input, receptionist.token);
  }

  beforeAll(async () => {
    w = await startTestHub();
    advisor = await staffSession(w.t, 'Adam Advisor', 'advisor');
    receptionist = await staffSession(w.t, 'Rita Reception', 'receptionist');
    const services = await w.t.site.call('listServices', {}, advisor.token);
    await callOk(w.url, 'openDesk', { deskId, serviceIds: services.map((s) => s.id) }, advisor.token);
  });
  afterAll(() => w?.close());

  it('pushes ticket-called and queue-changed (its time only) to the display, and settings-changed to staff only', async () => {
    const display = await displayClient(w.url);
    const staff = await staffClient(w.url, advisor.token);
    try {
      await issueTicket();
      expect(await staff.next()).toMatchObject({ type: 'event', event: { type: 'queue-changed' } });

      const called = await callOk<TicketView>(w.url, 'callNext', { deskId }, advisor.token);
      expect(await staff.next()).toMatchObject({ type: 'event', event: { type: 'ticket-called', call: { number: called.number, recall: false } } });
      expect(await staff.next()).toMatchObject({ type: 'event', event: { type: 'queue-changed' } });

      await callOk(w.url, 'recallTicket', { visitId: called.visitId }, advisor.token);
      expect(await staff.next()).toMatchObject({ type: 'event', event: { type: 'ticket-called', call: { recall: true } } });
      expect(await staff.next()).toMatchObject({ type: 'event', event: { type: 'queue-changed' } });

      await callOk(w.url, 'updateSettings', { priorityHeadStartMinutes: 20 }, w.t.manager.token);
      expect(await staff.next()).toMatchObject({ type: 'event', event: { type: 'settings-changed' } });
      await callOk(w.url, 'recallTicket', { visitId: called.visitId }, advisor.token);

      // The display's messages arrive in order: the queue's changes (their time only) and the
      // calls, never the settings change, which would sit between the last two calls.
      const expected = [
        { type: 'queue-changed' },
        { type: 'ticket-called', call: { number: called.number, recall: false } },
        { type: 'queue-changed' },
        { type: 'ticket-called', call: { recall: true } },
        { type: 'queue-changed' },
        { type: 'ticket-called', call: { recall: true } },
        { type: 'queue-changed' },
      ];
      const received = [];
      for (const _ of expected) received.push(await display.next());
      expect(received).toMatchObject(expected.map((event) => ({ type: 'event', event })));
      for (const message of received) {
        const event = (message as { event: { type: string; at?: number } }).event;
        if (event.type === 'queue-changed') expect(Object.keys(event).sort()).toEqual(['at', 'type']);
      }
      const first = received[1];
      expect(JSON.stringify(first)).not.toContain("O'Brien");

      await callOk(w.url, 'markNoShow', { visitId: called.visitId }, advisor.token);
    } finally {
      display.close();
      staff.close();
    }
  });

  it('pushes safety-alerts-changed to staff sockets only: the display never hears of a call for help', async () => {
    const display = await displayClient(w.url);
    const staff = await staffClient(w.url, receptionist.token);
    try {
      const alert = await callOk<{ id: number }>(w.url, 'raiseSafetyAlert', { deskId }, advisor.token);
      expect(await staff.next()).toMatchObject({ type: 'event', event: { type: 'safety-alerts-changed' } });
      await callOk(w.url, 'acknowledgeSafetyAlert', { alertId: alert.id }, receptionist.token);
      expect(await staff.next()).toMatchObject({ type: 'event', event: { type: 'safety-alerts-changed' } });

      await issueTicket();
      const called = await callOk<TicketView>(w.url, 'callNext', { deskId }, advisor.token);
      // Had either alert event been pushed to the display, it would arrive before the issue's queue change.
      expect(await display.next()).toMatchObject({ type: 'event', event: { type: 'queue-changed' } });
      expect(await display.next()).toMatchObject({ type: 'event', event: { type: 'ticket-called', call: { number: called.number, current: true } } });
      expect(await display.next()).toMatchObject({ type: 'event', event: { type: 'queue-changed' } });
      expect(display.pending()).toEqual([]);
      await callOk(w.url, 'markNoShow', { visitId: called.visitId }, advisor.token);
    } finally {
      display.close();
      staff.close();
    }
  });

  it('pushes nothing before the client has said who it is', async () => {
    const silent = await EventClient.connect(w.url);
    const watcher = await staffClient(w.url, advisor.token);
    try {
      await issueTicket();
      // Once the watcher has the event, the hub has already pushed it to every listener.
      expect(await watcher.next()).toMatchObject({ type: 'event', event: { type: 'queue-changed' } });
      silent.send({ type: 'display' });
      expect(await silent.next()).toEqual({ type: 'ready', audience: 'everyone' });
      expect(silent.pending()).toEqual([]);
    } finally {
      silent.close();
      watcher.close();
    }
  });

  it('answers a made-up token with an error and closes the socket', async () => {
    const client = await EventClient.connect(w.url);
    client.send({ type: 'auth', token: 'made-up-token' });
    expect(await client.next()).toMatchObject({ type: 'error', error: { code: 'unauthenticated' } });
    expect((await client.closed).code).toBe(closeCodes.unauthenticated);
  });

  it('answers a first message that is not a hello with an error and closes the socket', async () => {
    for (const hello of ['hello', '{"type":"auth"}', '{"type":"admin"}', 'null']) {
      const client = await EventClient.connect(w.url);
      client.send(hello);
      expect(await client.next()).toMatchObject({ type: 'error', error: { code: 'invalid-input' } });
      expect((await client.closed).code).toBe(closeCodes.badHello);
    }
  });

  it('answers a signed-out staff socket with unauthenticated and closes it (4401), even if it speaks', async () => {
    const leaving = await staffSession(w.t, 'Lee Leaving', 'advisor');
    const client = await staffClient(w.url, leaving.token);
    await callOk(w.url, 'signOut', {}, leaving.token);
    client.send({ type: 'ping' });
    expect(await client.next()).toMatchObject({ type: 'error', error: { code: 'unauthenticated' } });
    expect((await client.closed).code).toBe(closeCodes.unauthenticated);
  });

  it('closes the sockets when the hub closes', async () => {
    const local = await startTestHub();
    try {
      const display = await displayClient(local.url);
      const staff = await staffClient(local.url, local.t.manager.token);
      await local.hub.close();
      expect((await display.closed).code).toBeGreaterThanOrEqual(1000);
      expect((await staff.closed).code).toBeGreaterThanOrEqual(1000);
    } finally {
      local.t.close();
    }
  });
});
