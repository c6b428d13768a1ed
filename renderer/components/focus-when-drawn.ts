/** About half a second of frames: React draws a state change within a few, even on a busy PC. */
const framesToWait = 30;

/**
 * Moves focus to an element as soon as React has drawn it: a refusal that has just been set, a
 * row's button once its form has closed, the first of the rows that just arrived. Looked for on
 * each animation frame until it is there, because one frame is not always enough on a busy PC.
 */
export function focusWhenDrawn(find: () => HTMLElement | null | undefined): void {
  const attempt = (left: number) => {
    const element = find();
    if (element) element.focus();
    else if (left > 0) requestAnimationFrame(() => attempt(left - 1));
  };
  requestAnimationFrame(() => attempt(framesToWait));
}

/** The same, for an element with this id. */
export function focusLater(id: string): void {
  focusWhenDrawn(() => document.getElementById(id));
}
