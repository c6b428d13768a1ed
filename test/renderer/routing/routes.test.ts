import { describe, expect, it } from 'vitest';
import { mayOpen, parseHash, resolveRoute } from '../../../renderer/routing/routes.js';

describe('routes', () => {
  it('reads #/sign-in and treats #/ or anything unknown as no choice', () => {
    expect(parseHash('#/sign-in')).toBe('sign-in');
    expect(parseHash('#/display/')).toBe('display');
    expect(parseHash('#/')).toBeNull();
    expect(parseHash('#main')).toBeNull();
    expect(parseHash('')).toBeNull();
  });

  it('shows the display to anyone, even before setup', () => {
    expect(resolveRoute('display', { needsSetup: true, role: null })).toBe('display');
  });

  it('shows only setup before first run, and only sign-in without a session', () => {
    expect(resolveRoute('manager', { needsSetup: true, role: null })).toBe('setup');
    expect(resolveRoute('manager', { needsSetup: false, role: null })).toBe('sign-in');
  });

  it('sends a receptionist asking for the manager home to reception, and lets a manager open every home', () => {
    expect(resolveRoute('manager', { needsSetup: false, role: 'receptionist' })).toBe('reception');
    expect(resolveRoute('sign-in', { needsSetup: false, role: 'advisor' })).toBe('desk');
    expect(resolveRoute('desk', { needsSetup: false, role: 'manager' })).toBe('desk');
    expect(mayOpen('advisor', 'reception')).toBe(false);
  });

  it('opens reports and settings to managers only, sending anyone else home', () => {
    expect(parseHash('#/reports')).toBe('reports');
    expect(parseHash('#/settings')).toBe('settings');
    expect(resolveRoute('reports', { needsSetup: false, role: 'manager' })).toBe('reports');
    expect(resolveRoute('settings', { needsSetup: false, role: 'manager' })).toBe('settings');
    expect(resolveRoute('reports', { needsSetup: false, role: 'receptionist' })).toBe('reception');
    expect(resolveRoute('settings', { needsSetup: false, role: 'advisor' })).toBe('desk');
    expect(resolveRoute('settings', { needsSetup: false, role: null })).toBe('sign-in');
  });
});
