import { describe, expect, it } from 'vitest';
import { mergeCall, shownCalls, splitCalls } from '../../../renderer/display/merge-call.js';

const call = (number: string, at: number, deskName = 'Desk 1', current = true) => ({ number, deskName, calledAt: at, recall: false, current });

describe('mergeCall', () => {
  it('puts a pushed call on top and lists a recalled ticket once', () => {
    const state = { siteName: 'S', timeZone: 'Europe/London', waiting: [], recentCalls: [call('C002', 2), call('C001', 1)] };
    expect(mergeCall(state, call('C001', 3)).recentCalls.map((c) => c.number)).toEqual(['C001', 'C002']);
  });

  it('keeps a short list', () => {
    const state = { siteName: 'S', timeZone: 'Europe/London', waiting: [], recentCalls: Array.from({ length: shownCalls }, (_, i) => call(`C00${i}`, i)) };
    expect(mergeCall(state, call('B001', 99)).recentCalls).toHaveLength(shownCalls);
  });

  it('makes the desk’s previous ticket an earlier call, and leaves other desks’ calls calling', () => {
    const state = { siteName: 'S', timeZone: 'Europe/London', waiting: [], recentCalls: [call('H001', 2, 'Desk 2'), call('C001', 1, 'Desk 3')] };
    const merged = mergeCall(state, call('C002', 3, 'Desk 3'));
    expect(merged.recentCalls.map((c) => [c.number, c.current])).toEqual([
      ['C002', true],
      ['H001', true],
      ['C001', false],
    ]);
  });

  it('keeps a ticket that finished earlier on the list, as an earlier call', () => {
    const state = { siteName: 'S', timeZone: 'Europe/London', waiting: [], recentCalls: [call('C001', 1, 'Desk 3', false)] };
    expect(mergeCall(state, call('H001', 2, 'Desk 2')).recentCalls.map((c) => [c.number, c.current])).toEqual([
      ['H001', true],
      ['C001', false],
    ]);
  });
});

describe('splitCalls', () => {
  it('puts the tickets still called in "now calling" and the rest below, each newest first', () => {
    const calls = [call('C003', 3), call('C002', 2, 'Desk 2', false), call('H001', 1, 'Desk 2'), call('C001', 0, 'Desk 1', false)];
    const { now, earlier } = splitCalls(calls);
    expect(now.map((c) => c.number)).toEqual(['C003', 'H001']);
    expect(earlier.map((c) => c.number)).toEqual(['C002', 'C001']);
  });
});
