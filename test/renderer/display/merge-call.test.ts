import { describe, expect, it } from 'vitest';
import { mergeCall, shownCalls } from '../../../renderer/display/merge-call.js';

const call = (number: string, at: number) => ({ number, deskName: 'Desk 1', calledAt: at, recall: false });

describe('mergeCall', () => {
  it('puts a pushed call on top and lists a recalled ticket once', () => {
    const state = { siteName: 'S', waiting: [], recentCalls: [call('C002', 2), call('C001', 1)] };
    expect(mergeCall(state, call('C001', 3)).recentCalls.map((c) => c.number)).toEqual(['C001', 'C002']);
  });

  it('keeps a short list', () => {
    const state = { siteName: 'S', waiting: [], recentCalls: Array.from({ length: shownCalls }, (_, i) => call(`C00${i}`, i)) };
    expect(mergeCall(state, call('B001', 99)).recentCalls).toHaveLength(shownCalls);
  });
});
