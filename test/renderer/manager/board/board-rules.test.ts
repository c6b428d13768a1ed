import { describe, expect, it } from 'vitest';
import type { LiveDeskFigures, LiveServiceFigures, LiveSnapshot } from '../../../../shared/domain/stats.js';
import { agedWaitMinutes, deskState, headline, overTargetChange, serviceStanding } from '../../../../renderer/manager/board/board-rules.js';

const minute = 60_000;
const at = Date.UTC(2026, 10, 24, 10, 0);

function service(overrides: Partial<LiveServiceFigures> = {}): LiveServiceFigures {
  return {
    serviceId: 1,
    serviceName: 'Council Tax',
    letter: 'C',
    waiting: 1,
    longestWaitMinutes: 0,
    oldestQueuedAtMs: at,
    targetWaitMinutes: 20,
    ...overrides,
  };
}

function desk(overrides: Partial<LiveDeskFigures> = {}): LiveDeskFigures {
  return { deskId: 1, deskName: 'Desk 1', advisorName: 'Adam Advisor', status: 'idle', ticketNumber: null, sinceMs: at, paused: null, ...overrides };
}

describe('serviceStanding: a service’s longest wait against its target', () => {
  it('is within target up to three quarters of the target, near from there to the target, over past it', () => {
    const twenty = service({ targetWaitMinutes: 20 });
    expect(serviceStanding(twenty, at + 14 * minute).standing).toBe('ok');
    expect(serviceStanding(twenty, at + 15 * minute).standing).toBe('near');
    // The target minute itself is still within target, as the reports count it.
    expect(serviceStanding(twenty, at + 20 * minute + 59_999).standing).toBe('near');
    expect(serviceStanding(twenty, at + 21 * minute).standing).toBe('over');
  });

  it('follows a changed target with the same wait: a lower target turns a wait near or over', () => {
    const now = at + 4 * minute;
    expect(serviceStanding(service({ targetWaitMinutes: 10 }), now).standing).toBe('ok');
    expect(serviceStanding(service({ targetWaitMinutes: 5 }), now).standing).toBe('near');
    expect(serviceStanding(service({ targetWaitMinutes: 3 }), now).standing).toBe('over');
  });

  it('says nobody is waiting when the queue is empty, whatever the target', () => {
    expect(serviceStanding(service({ waiting: 0, oldestQueuedAtMs: null, targetWaitMinutes: 1 }), at + 90 * minute)).toMatchObject({ minutes: null, standing: 'none' });
  });
});

describe('agedWaitMinutes: the wait moves on between the hub’s events', () => {
  it('ages the oldest ticket’s wait on this PC’s clock, in whole minutes', () => {
    expect(agedWaitMinutes(service(), at + 59_999)).toBe(0);
    expect(agedWaitMinutes(service(), at + 7 * minute + 30_000)).toBe(7);
  });

  it('never shows less than the hub said, when this PC’s clock is behind the hub’s', () => {
    expect(agedWaitMinutes(service({ longestWaitMinutes: 6 }), at + 2 * minute)).toBe(6);
  });
});

describe('overTargetChange: a service is announced once as it passes its target', () => {
  const over = (id: number, name: string) => serviceStanding(service({ serviceId: id, serviceName: name, targetWaitMinutes: 1 }), at + 5 * minute);
  const within = (id: number, name: string) => serviceStanding(service({ serviceId: id, serviceName: name, targetWaitMinutes: 60 }), at + 5 * minute);

  it('names the services that have just passed, not those already over before', () => {
    const first = overTargetChange(new Set(), [over(1, 'Council Tax'), within(2, 'Housing')]);
    expect(first.newlyOver.map((each) => each.service.serviceName)).toEqual(['Council Tax']);
    const second = overTargetChange(first.over, [over(1, 'Council Tax'), over(2, 'Housing')]);
    expect(second.newlyOver.map((each) => each.service.serviceName)).toEqual(['Housing']);
    // A refetch or a tick with nothing new says nothing.
    expect(overTargetChange(second.over, [over(1, 'Council Tax'), over(2, 'Housing')]).newlyOver).toEqual([]);
  });

  it('says a service again when it passes again after coming back within target', () => {
    const back = overTargetChange(new Set([1]), [within(1, 'Council Tax')]);
    expect(back.over.size).toBe(0);
    expect(overTargetChange(back.over, [over(1, 'Council Tax')]).newlyOver).toHaveLength(1);
  });
});

describe('headline', () => {
  const snapshot: LiveSnapshot = {
    at,
    services: [],
    desks: [],
    waitingTotal: 3,
    longestWaitMinutes: 0,
    servedToday: 12,
    averageWaitMinutes: 6,
    averageServiceMinutes: null,
    withinTargetShare: 0.8333,
  };

  it('takes the longest aged wait and its service, and the share within target in whole per cent', () => {
    const standings = [
      serviceStanding(service({ serviceId: 1, serviceName: 'Council Tax', oldestQueuedAtMs: at - 2 * minute }), at),
      serviceStanding(service({ serviceId: 2, serviceName: 'Housing', oldestQueuedAtMs: at - 9 * minute }), at),
    ];
    expect(headline(snapshot, standings)).toEqual({
      waiting: 3,
      longest: { minutes: 9, serviceName: 'Housing' },
      servedToday: 12,
      withinTargetPercent: 83,
      averageWaitMinutes: 6,
      averageServiceMinutes: null,
    });
  });

  it('has no longest wait and no share before anyone waits or is called', () => {
    expect(headline({ ...snapshot, withinTargetShare: null }, [serviceStanding(service({ waiting: 0, oldestQueuedAtMs: null }), at)])).toMatchObject({
      longest: null,
      withinTargetPercent: null,
    });
  });
});

describe('deskState', () => {
  it('says a paused desk is paused, with its reason and since when', () => {
    expect(deskState(desk({ paused: { reason: 'training', sinceMs: at + minute } }))).toEqual({ kind: 'paused', reason: 'training', sinceMs: at + minute });
  });

  it('says calling or serving with the ticket, free when open with nobody, closed when nobody is at it', () => {
    expect(deskState(desk({ status: 'called', ticketNumber: 'C014' }))).toEqual({ kind: 'called', ticket: 'C014', sinceMs: at });
    expect(deskState(desk({ status: 'serving', ticketNumber: 'C014' }))).toEqual({ kind: 'serving', ticket: 'C014', sinceMs: at });
    expect(deskState(desk())).toEqual({ kind: 'idle', sinceMs: at });
    expect(deskState(desk({ status: 'closed', advisorName: null, sinceMs: null }))).toEqual({ kind: 'closed' });
  });
});
