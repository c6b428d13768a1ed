import type { Role } from '../../shared/domain/staff.js';

export const routeNames = ['setup', 'sign-in', 'reception', 'desk', 'manager', 'reports', 'settings', 'data-protection', 'display'] as const;
export type RouteName = (typeof routeNames)[number];

export const homeOf: Readonly<Record<Role, RouteName>> = {
  receptionist: 'reception',
  advisor: 'desk',
  manager: 'manager',
};

/** The manager's own screens besides the board (`manager`): theirs alone. */
export const managerScreens = ['reports', 'settings', 'data-protection'] as const satisfies readonly RouteName[];

/** A manager may do everything, so may open every home; others only their own. */
export function mayOpen(role: Role, route: RouteName): boolean {
  if (route === 'display') return true;
  if (route === 'reception' || route === 'desk' || route === 'manager') return role === 'manager' || homeOf[role] === route;
  if ((managerScreens as readonly RouteName[]).includes(route)) return role === 'manager';
  return false;
}

/** `#/sign-in` → `sign-in`; `#/` and anything unknown → null (the app picks). */
export function parseHash(hash: string): RouteName | null {
  const name = hash.replace(/^#\/?/, '').replace(/\/$/, '');
  return (routeNames as readonly string[]).includes(name) ? (name as RouteName) : null;
}

export function hashFor(route: RouteName): string {
  return `#/${route}`;
}

/**
 * Where the page must be, given where it was asked to go: the display needs nobody; before
 * setup only setup; without a session only sign-in; signed in, the asked-for home if the role
 * may open it, else the role's own.
 */
export function resolveRoute(requested: RouteName | null, state: { needsSetup: boolean; role: Role | null }): RouteName {
  if (requested === 'display') return 'display';
  if (state.needsSetup) return 'setup';
  if (state.role === null) return 'sign-in';
  if (requested !== null && mayOpen(state.role, requested)) return requested;
  return homeOf[state.role];
}
