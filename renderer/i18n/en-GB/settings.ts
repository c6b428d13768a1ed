/** The manager's settings (renderer/settings/). Part of the `Catalogue` (../en-GB.ts). */
export const settingsText = {
  title: 'Settings',
};
