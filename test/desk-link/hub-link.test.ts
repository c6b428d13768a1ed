import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createHubLink, pairWithHub, type HubLink } from '../../electron/desk-link/index.js';
import type { SiteDoor } from '../../electron/shell/desk-ipc.js';
import { DeskFailure } from '../../shared/errors.js';
import type { DeskEvent } from '../../shared/events.js';
import { startLanWorld, type LanWorld } from '../fixtures/lan-door-fixtures.js';
import { issueInput, managerPin, managerToken, serviceIdOf, deskIdOf } from '../fixtures/queue-fixtures.js';
import { startCuttingProxy, type CuttingProxy } from '../fixtures/desk-link-fixtures.js';

// The shell's bridge and event forwarding take a `SiteDoor`: a hub link must be one.
const _isSiteDoor = (link: HubLink): SiteDoor => link;
void _isSiteDoor;

interface DeskWorld {
  w: LanWorld;
  proxy: CuttingProxy;
  link: HubLink;
  reachable: boolean[];
}

/**
 * A real hub (real encrypted store) with LAN access on and its LAN door on 127.0.0.2, a desk PC
 * paired with it by a manager's code, and that desk's link reaching the door through a TCP proxy
 * that can cut the line.
 */
async function deskWorld(linkOptions: { retryDelaysMs?: number[] } = {}): Promise<DeskWorld> {
  const w = await startLanWorld();
  const { code } = await w.t.site.call('createPairingCode', {}, managerToken(w.t));
  const paired = await pairWithHub({ address: new URL(w.desksUrl).host, code, label: 'Desk 3 PC', appVersion: '0.1.0' });
  const proxy = await startCuttingProxy('127.0.0.2', Number(new URL(w.desksUrl).port));
  const reachable: boolean[] = [];
  const link = createHubLink({ ...paired, hubUrl: proxy.url }, { appVersion: '0.1.0', onReachable: (up) => reachable.push(up), ...linkOptions });
  onTestFinished(async () => {
    await link.close();
    await proxy.close();
  });
  return { w, proxy, link, reachable };
}

/** The moment the hub has committed the next call (its events go out right after the commit), the line is cut: its answer is lost. */
function cutAfterNextCommit(world: DeskWorld): void {
  const stop = world.w.t.site.subscribe(() => {
    stop();
    world.proxy.cutAll();
  });
}

const visits = (world: DeskWorld) => world.w.t.site.database.prepare('SELECT id, status FROM visits ORDER BY id').all() as Array<{ id: number; status: string }>;

async function staffThroughLink(world: DeskWorld, name: string, role: 'receptionist' | 'advisor'): Promise<{ token: string; staffId: number }> {
  const member = await world.w.t.site.call('createStaff', { name, role, pin: '1357', managerPin }, managerToken(world.w.t));
  const session = await world.link.call('signIn', { staffId: member.id, pin: '1357' }, null);
  return { token: session.token, staffId: member.id };
}

describe('the desk link to a real hub', () => {
  it('retries an issueTicket whose answer was cut after the hub committed it: one ticket, and the same answer', async () => {
    const world = await deskWorld();
    const reception = await staffThroughLink(world, 'Rita Reception', 'receptionist');
    const input = issueInput(serviceIdOf(world.w.t, 'C'));

    cutAfterNextCommit(world);
    const issued = await world.link.call('issueTicket', input, reception.token);
    await world.proxy.answeredIntoTheVoid();
    expect(world.proxy.cuts()).toBeGreaterThan(0);
    expect(visits(world)).toEqual([{ id: issued.ticket.visitId, status: 'waiting' }]);
    expect(world.reachable).toEqual([]);

    // The page's own key: the link sends it unchanged, so asking again answers the same.
    const key = 'page-key-0123456789abcdef';
    cutAfterNextCommit(world);
    const second = await world.link.call('issueTicket', input, reception.token, { idempotencyKey: key });
    expect(second.ticket.visitId).not.toBe(issued.ticket.visitId);
    await expect(world.link.call('issueTicket', input, reception.token, { idempotencyKey: key })).resolves.toEqual(second);
    expect(visits(world).map((v) => v.id)).toEqual([issued.ticket.visitId, second.ticket.visitId]);
  });

  it('retries a callNext whose answer was cut after the hub committed it: one ticket called, and the same answer', async () => {
    const world = await deskWorld();
    const advisor = await staffThroughLink(world, 'Adam Advisor', 'advisor');
    const deskId = deskIdOf(world.w.t, 'Desk 1');
    await world.link.call('openDesk', { deskId, serviceIds: [serviceIdOf(world.w.t, 'C')] }, advisor.token);
    const first = await world.w.t.site.call('issueTicket', issueInput(serviceIdOf(world.w.t, 'C')), managerToken(world.w.t));
    const second = await world.w.t.site.call('issueTicket', issueInput(serviceIdOf(world.w.t, 'C')), managerToken(world.w.t));

    cutAfterNextCommit(world);
    const called = await world.link.call('callNext', { deskId }, advisor.token);
    await world.proxy.answeredIntoTheVoid();
    expect(world.proxy.cuts()).toBeGreaterThan(0);
    expect(called?.visitId).toBe(first.ticket.visitId);
    expect(visits(world)).toEqual([
      { id: first.ticket.visitId, status: 'called' },
      { id: second.ticket.visitId, status: 'waiting' },
    ]);
  });

  it('passes the hub’s refusals on as they are, without retrying them', async () => {
    const world = await deskWorld();
    const refused = world.link.call('listStaff', {}, 'not-a-session-token');
    await expect(refused).rejects.toBeInstanceOf(DeskFailure);
    await expect(refused).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(world.reachable).toEqual([]);
  });

  it('says the hub is away after its last try, and that it is back when the events socket returns', async () => {
    const world = await deskWorld({ retryDelaysMs: [10, 20, 30] });
    const events: DeskEvent[] = [];
    world.link.subscribe((event) => events.push(event));
    // The display's events flow before anyone signs in on this desk.
    await vi.waitFor(async () => {
      await world.w.t.site.call('issueTicket', issueInput(serviceIdOf(world.w.t, 'C')), managerToken(world.w.t));
      expect(events.some((e) => e.type === 'queue-changed')).toBe(true);
    });

    world.proxy.setDown(true);
    const away = world.link.call('getSetupState', {}, null);
    await expect(away).rejects.toMatchObject({ code: 'unavailable' });
    await vi.waitFor(() => expect(world.reachable).toContain(false));

    world.proxy.setDown(false);
    await vi.waitFor(() => expect(world.reachable).toEqual([false, true]), { timeout: 30_000 });
    await expect(world.link.call('getSetupState', {}, null)).resolves.toBeDefined();
  });

  it('follows the session a call used, so staff events reach the desk once someone signs in on it', async () => {
    const world = await deskWorld();
    const events: DeskEvent[] = [];
    world.link.subscribe((event) => events.push(event));
    const manager = await world.link.call('signIn', { staffId: world.w.t.manager.staff.id, pin: managerPin }, null);
    // A call with that session moves the socket to it.
    await world.link.call('getSession', {}, manager.token);
    await vi.waitFor(async () => {
      await world.w.t.site.call('updateSettings', { priorityHeadStartMinutes: 10 + events.length }, managerToken(world.w.t));
      expect(events.some((e) => e.type === 'settings-changed')).toBe(true);
    });
  });
});
