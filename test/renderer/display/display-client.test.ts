import { describe, expect, it } from 'vitest';
import { createDisplayClient } from '../../../renderer/display/display-client.js';
import { managerPin } from '../../fixtures/queue-fixtures.js';
import { startLanWorld } from '../../fixtures/lan-door-fixtures.js';

function client(displayUrl: string) {
  const reachable: boolean[] = [];
  const api = createDisplayClient({ reachable: (up) => reachable.push(up), streamReady: () => undefined }, new URL(`${displayUrl}/`));
  return { api, reachable };
}

describe('the display page’s own client, against a real display door', () => {
  it('gets the display’s state', async () => {
    const w = await startLanWorld();
    const { api } = client(w.displayUrl);
    const state = await api.getDisplayState({});
    expect(state.siteName).toBe('Liverpool One Stop Shop');
    expect(state.recentCalls).toEqual([]);
  });

  it('refuses any other call itself, as the door would', async () => {
    const w = await startLanWorld();
    const { api } = client(w.displayUrl);
    await expect(api.getSetupState({})).rejects.toMatchObject({ code: 'not-found' });
    await expect(api.listSignInStaff({})).rejects.toMatchObject({ code: 'not-found' });
  });

  it('says the hub is gone when the door closes', async () => {
    const w = await startLanWorld();
    const { api, reachable } = client(w.displayUrl);
    await w.t.site.call('setLanAccess', { enabled: false, managerPin }, w.t.manager.token);
    await w.doors.settled();
    await expect(api.getDisplayState({})).rejects.toMatchObject({ code: 'unavailable' });
    expect(reachable).toEqual([false]);
  });
});
