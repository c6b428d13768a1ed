/**
 * The site of the day, set up through the hub as a manager would on a first run: the site and
 * its manager, opening hours, the desks, two receptionists and an advisor per desk, each desk
 * opened for its services. Every PC is a `ReplayClient` of its own.
 */
import type { DayHours, OpeningHours } from '../../../shared/domain/site.js';
import { weekdays } from '../../../shared/domain/site.js';
import type { CallTimes } from './call-times.js';
import { ReplayClient, type ClientDoor } from './replay-client.js';

export const managerPin = '2468';
export const staffPin = '1357';

export interface SitePlan {
  baseUrl: string;
  timeZone: string;
  hours: DayHours;
  receptions: number;
  /** Per desk, the letters of the services it serves. */
  desks: ReadonlyArray<readonly string[]>;
  times: CallTimes;
  /**
   * Each reception and desk PC's way to the hub, made once the manager is signed in (a paired
   * desk PC on the LAN: lan-site.ts); the hub PC's own door when absent.
   */
  pcDoor?: (manager: ReplayClient, label: string) => Promise<ClientDoor>;
}

export interface DeskPc {
  client: ReplayClient;
  deskId: number;
  advisorId: number;
  serviceIds: number[];
}

export interface SiteWorld {
  manager: ReplayClient;
  managerId: number;
  receptions: ReplayClient[];
  desks: DeskPc[];
  /** Service id by letter. */
  services: Map<string, number>;
}

export async function setUpSite(plan: SitePlan): Promise<SiteWorld> {
  const client = (staff: { staffId: number; pin: string } | null, door?: ClientDoor) => new ReplayClient({ baseUrl: plan.baseUrl, staff, times: plan.times, door });
  const pc = async (staff: { staffId: number; pin: string }, label: string) => client(staff, await plan.pcDoor?.(manager, label));
  const first = client(null);
  const session = await first.call('setupSite', { siteName: 'Site Day One Stop Shop', timeZone: plan.timeZone, manager: { name: 'Mia Manager', pin: managerPin } });
  first.close();
  const manager = client({ staffId: session.staff.id, pin: managerPin });
  manager.useSession(session.token);
  const openingHours = Object.fromEntries(weekdays.map((day) => [day, plan.hours])) as OpeningHours;
  await manager.call('updateSettings', { openingHours, sessionIdleMinutes: 720 });
  // The idle time counts from the session's last use: sign in again so the manager's lasts too.
  await manager.signIn();

  const services = new Map((await manager.call('listServices', {})).map((s) => [s.letter, s.id]));
  const deskIds = (await manager.call('listDesks', {})).map((d) => d.id);
  while (deskIds.length < plan.desks.length) deskIds.push((await manager.call('createDesk', { name: `Desk ${String(deskIds.length + 1)}` })).id);

  const receptions: ReplayClient[] = [];
  for (let i = 0; i < plan.receptions; i += 1) {
    const member = await manager.call('createStaff', { name: `Reception ${String(i + 1)}`, role: 'receptionist', pin: staffPin, managerPin });
    const reception = await pc({ staffId: member.id, pin: staffPin }, `Reception PC ${String(i + 1)}`);
    await reception.signIn();
    receptions.push(reception);
  }
  const desks: DeskPc[] = [];
  for (const [i, letters] of plan.desks.entries()) {
    const member = await manager.call('createStaff', { name: `Advisor ${String(i + 1)}`, role: 'advisor', pin: staffPin, managerPin });
    const advisor = await pc({ staffId: member.id, pin: staffPin }, `Desk PC ${String(i + 1)}`);
    await advisor.signIn();
    const serviceIds = letters.map((letter) => {
      const id = services.get(letter);
      if (id === undefined) throw new Error(`no service ${letter}`);
      return id;
    });
    await advisor.call('openDesk', { deskId: deskIds[i]!, serviceIds });
    desks.push({ client: advisor, deskId: deskIds[i]!, advisorId: member.id, serviceIds });
  }
  return { manager, managerId: session.staff.id, receptions, desks, services };
}

export function closeWorld(world: SiteWorld): void {
  world.manager.close();
  for (const r of world.receptions) r.close();
  for (const d of world.desks) d.client.close();
}
