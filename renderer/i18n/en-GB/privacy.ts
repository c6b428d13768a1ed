/** The manager's data-protection page (renderer/privacy/). Part of the `Catalogue` (../en-GB.ts). */
export const privacyText = {
  title: 'Data protection',
};
