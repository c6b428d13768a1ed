/** The manager's live board (renderer/manager/board/). Part of the `Catalogue` (../en-GB.ts). */
export const boardText = {
  heading: 'Live board',
};
