export type IdleDecision = 'lock' | 'keep-alive' | 'wait';

/**
 * Locks after `idleMs` without a key press or click. The core's session slides only with calls,
 * so someone busy typing on a screen that calls nothing keeps it alive halfway through.
 */
export function idleDecision(now: number, lastActivity: number, lastKeepAlive: number, idleMs: number): IdleDecision {
  if (now - lastActivity >= idleMs) return 'lock';
  if (lastActivity > lastKeepAlive && now - lastKeepAlive >= idleMs / 2) return 'keep-alive';
  return 'wait';
}
