import { beforeEach, describe, expect, it } from 'vitest';
import { ownOpenDesk, useWhereStore } from '../../../renderer/safety/where.js';

describe('where a call for help comes from', () => {
  beforeEach(() => useWhereStore.getState().setDesk(null));

  it('is reception (null) until the desk screen says which desk is open, and again once it closes', () => {
    expect(useWhereStore.getState().deskId).toBeNull();
    useWhereStore.getState().setDesk(3);
    expect(useWhereStore.getState().deskId).toBe(3);
    useWhereStore.getState().setDesk(null);
    expect(useWhereStore.getState().deskId).toBeNull();
  });

  it('finds the desk this member of staff has open among the hub’s open desks, and none when they have none', () => {
    const open = [
      { deskId: 1, advisorId: 7 },
      { deskId: 3, advisorId: 9 },
    ];
    expect(ownOpenDesk(open, 9)).toBe(3);
    expect(ownOpenDesk(open, 8)).toBeNull();
    expect(ownOpenDesk([], 9)).toBeNull();
  });
});
