import type { DisplayCall, DisplayState } from '../../shared/domain/display.js';

export const shownCalls = 6;

/** A call pushed by the hub goes to the top at once; the same ticket is not listed twice. */
export function mergeCall(state: DisplayState, call: DisplayCall): DisplayState {
  const rest = state.recentCalls.filter((earlier) => earlier.number !== call.number);
  return { ...state, recentCalls: [call, ...rest].slice(0, shownCalls) };
}
