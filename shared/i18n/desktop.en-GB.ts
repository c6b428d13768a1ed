/**
 * UK English words of the desktop app's own windows, before a page has set its title. Chosen in
 * catalogue.ts; a Welsh one is another `DesktopText`. The pages' words are the renderer's
 * (renderer/i18n/, renderer/unlock/).
 */
export const desktopText = {
  staffWindowTitle: 'One Stop Queue',
  displayWindowTitle: 'One Stop Queue — display',
};

export type DesktopText = typeof desktopText;
