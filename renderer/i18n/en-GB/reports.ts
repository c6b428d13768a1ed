/** The manager's reports (renderer/reports/). Part of the `Catalogue` (../en-GB.ts). */
export const reportsText = {
  title: 'Reports',
};
