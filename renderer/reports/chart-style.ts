/**
 * The charts' colours: each at least 3:1 against white (WCAG 1.4.11, non-text contrast) and told
 * apart by more than hue — bars against lines, a legend in words, and the same figures in a table.
 */
export const colours = {
  issued: '#0b4f9c',
  served: '#1d7a3a',
  noShow: '#b35900',
  cancelled: '#5b6778',
  notCalled: '#6a3d9a',
  wait: '#0b4f9c',
  service: '#b35900',
  target: '#0b1f3a',
  grid: '#d5dbe3',
  axis: '#3d4b5f',
} as const;

export const tick = { fontSize: 14, fill: colours.axis };

/** No animation: a chart is read, printed and screenshotted as it is, not as it grows. */
export const still = { isAnimationActive: false } as const;

export const chartHeight = 300;
