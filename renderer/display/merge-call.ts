import type { DisplayCall, DisplayState } from '../../shared/domain/display.js';

export const shownCalls = 6;

/**
 * A call pushed by the hub goes to the top at once, calling now; the same ticket is not listed
 * twice. A desk calls one ticket at a time, so whatever that desk called before is an earlier
 * call from now on, until `getDisplayState` (fetched again at once) says more.
 */
export function mergeCall(state: DisplayState, call: DisplayCall): DisplayState {
  const rest = state.recentCalls
    .filter((earlier) => earlier.number !== call.number)
    .map((earlier) => (earlier.current && earlier.deskName === call.deskName ? { ...earlier, current: false } : earlier));
  return { ...state, recentCalls: [{ ...call, current: true }, ...rest].slice(0, shownCalls) };
}

/** The "now calling" rows, newest first, and the earlier calls below them, newest first. */
export function splitCalls(calls: readonly DisplayCall[]): { now: DisplayCall[]; earlier: DisplayCall[] } {
  return { now: calls.filter((call) => call.current), earlier: calls.filter((call) => !call.current) };
}

/** A call's identity on screen: a recall is a new call (a new `calledAt`), so it is shown afresh. */
export function callKey(call: DisplayCall): string {
  return `${call.number}@${call.calledAt}`;
}
