import { describe, expect, it } from 'vitest';
import { idleDecision } from '../../../renderer/session/idle-rules.js';

const minute = 60_000;

describe('idleDecision', () => {
  it('locks once the idle time has passed with nothing pressed', () => {
    expect(idleDecision(30 * minute, 0, 0, 30 * minute)).toBe('lock');
    expect(idleDecision(30 * minute - 1, 0, 0, 30 * minute)).toBe('wait');
  });

  it('keeps the hub session alive halfway through for someone still working', () => {
    expect(idleDecision(16 * minute, 14 * minute, 0, 30 * minute)).toBe('keep-alive');
  });

  it('does not call the hub for someone who has not touched anything since the last keep-alive', () => {
    expect(idleDecision(20 * minute, 1 * minute, 2 * minute, 30 * minute)).toBe('wait');
  });
});
