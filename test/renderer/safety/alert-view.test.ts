import { describe, expect, it } from 'vitest';
import { agoWording, alertsFor, minutesSince, ownAfterListing, ownState, stillWorthSaying } from '../../../renderer/safety/alert-view.js';
import type { SafetyAlert } from '../../../shared/domain/safety.js';

const raisedAt = Date.UTC(2026, 10, 23, 10, 0);
const minutes = (n: number) => n * 60_000;
const rita = { id: 2, name: 'Rita Reception' };
const amir = { id: 3, name: 'Amir Advisor' };
const mia = { id: 1, name: 'Mia Manager' };

const alert = (id: number, raisedBy: { id: number; name: string }, changes: Partial<SafetyAlert> = {}): SafetyAlert => ({
  id,
  raisedBy,
  place: raisedBy === rita ? 'Reception' : 'Desk 3',
  deskId: raisedBy === rita ? null : 3,
  raisedAt: raisedAt + minutes(id),
  acknowledgedBy: null,
  acknowledgedAt: null,
  ...changes,
});
const answered = (by: { id: number; name: string }, at = raisedAt + minutes(20)) => ({ acknowledgedBy: by, acknowledgedAt: at });

const words = {
  justNow: 'just now',
  minutesAgo: (n: number) => `${n} min ago`,
  hoursAgo: (h: number, m: number) => (m === 0 ? `${h} h ago` : `${h} h ${m} min ago`),
};

describe('alertsFor', () => {
  it('shows a colleague’s open alerts as calls for help, oldest first, and one’s own apart as a confirmation', () => {
    const list = [alert(3, amir), alert(1, mia), alert(2, rita)];
    const forRita = alertsFor(list, rita.id);
    expect(forRita.others.map((each) => each.id)).toEqual([1, 3]);
    expect(forRita.own?.id).toBe(2);
    const forAmir = alertsFor(list, amir.id);
    expect(forAmir.others.map((each) => each.id)).toEqual([1, 2]);
    expect(forAmir.own?.id).toBe(3);
  });

  it('shows nobody an alert once it is acknowledged, even if a list still carries it', () => {
    const list = [alert(1, amir, answered(rita)), alert(2, rita, answered(rita))];
    expect(alertsFor(list, mia.id)).toEqual({ others: [], own: null });
    expect(alertsFor(list, rita.id)).toEqual({ others: [], own: null });
  });

  it('shows a person with no alerts everyone else’s', () => {
    const list = [alert(1, amir), alert(2, rita)];
    expect(alertsFor(list, mia.id)).toEqual({ others: list, own: null });
  });
});

describe('"N min ago"', () => {
  it('says "just now" in the first minute, then whole minutes, then hours and minutes', () => {
    expect(agoWording(raisedAt, raisedAt, words)).toBe('just now');
    expect(agoWording(raisedAt, raisedAt + minutes(1) - 1, words)).toBe('just now');
    expect(agoWording(raisedAt, raisedAt + minutes(1), words)).toBe('1 min ago');
    expect(agoWording(raisedAt, raisedAt + minutes(2) + 59_000, words)).toBe('2 min ago');
    expect(agoWording(raisedAt, raisedAt + minutes(59), words)).toBe('59 min ago');
    expect(agoWording(raisedAt, raisedAt + minutes(60), words)).toBe('1 h ago');
    expect(agoWording(raisedAt, raisedAt + minutes(65), words)).toBe('1 h 5 min ago');
  });

  it('says "just now" for an alert this PC’s clock thinks is from the future (the hub’s clock runs ahead)', () => {
    expect(minutesSince(raisedAt, raisedAt - minutes(2))).toBe(0);
    expect(agoWording(raisedAt, raisedAt - minutes(2), words)).toBe('just now');
  });
});

describe('one’s own alert after a listing', () => {
  it('takes the listed own alert as it is', () => {
    const listed = alert(2, rita);
    expect(ownAfterListing(null, listed)).toEqual({ own: listed, answered: null });
    expect(ownAfterListing(alert(2, rita, { place: 'old' }), listed)).toEqual({ own: listed, answered: null });
  });

  it('takes an open own alert missing from the list as answered by someone, to be asked who', () => {
    const mine = alert(2, rita);
    expect(ownAfterListing(mine, null)).toEqual({ own: mine, answered: mine });
  });

  it('keeps an own alert already known to be answered, and nothing when there was none', () => {
    const done = alert(2, rita, answered(amir));
    expect(ownAfterListing(done, null)).toEqual({ own: done, answered: null });
    expect(ownAfterListing(null, null)).toEqual({ own: null, answered: null });
  });
});

describe('what the person who asked for help sees', () => {
  it('is waiting while the alert is open, then the name of the colleague coming', () => {
    const open = alert(2, rita);
    expect(ownState(open, rita.id)).toEqual({ kind: 'waiting', alert: open });
    const done = alert(2, rita, answered(amir));
    expect(ownState(done, rita.id)).toEqual({ kind: 'coming', alert: done, by: 'Amir Advisor' });
  });

  it('is nothing once they cancelled it themselves, or when they never asked', () => {
    expect(ownState(alert(2, rita, answered(rita)), rita.id)).toEqual({ kind: 'none' });
    expect(ownState(null, rita.id)).toEqual({ kind: 'none' });
  });

  it('stops saying who came ten minutes after they answered', () => {
    const at = raisedAt + minutes(20);
    expect(stillWorthSaying(at, at + minutes(9) + 59_000)).toBe(true);
    expect(stillWorthSaying(at, at + minutes(10))).toBe(false);
  });
});
