/**
 * How reception finds one of today's visitors (searchTodaysVisits, findRepeatVisit). Done in
 * JavaScript over the day's rows rather than in SQL: SQLite's lower() and LIKE fold ASCII only, so
 * "ÉVANS" would not find "Évans"; a day holds at most a few thousand visits.
 */

const whitespaceRun = /\s+/gu;

/** A name as compared: NFC, trimmed, every run of spaces one space, lower case (en-GB). */
export function nameKey(name: string): string {
  return name.normalize('NFC').replace(whitespaceRun, ' ').trim().toLocaleLowerCase('en-GB');
}

/** A postcode as compared: no spaces, upper case (`l1 1jq` → `L11JQ`). */
export function postcodeKey(postcode: string): string {
  return postcode.replace(whitespaceRun, '').toLocaleUpperCase('en-GB');
}

/** A ticket number typed as `c14`, `C014` or `c 0014`: its letter and sequence. */
const ticketNumberShape = /^([a-z])\s*(\d{1,6})$/iu;

export interface SearchableVisit {
  letter: string;
  seq: number;
  visitor_name: string;
  postcode: string | null;
}

/**
 * Whether a visit matches what was typed in reception's search box: its ticket number (any case,
 * leading zeros optional), the start of its postcode (spaces ignored), or any part of the name
 * (any case). Nothing typed matches everything.
 */
export function visitMatcher(query: string): (visit: SearchableVisit) => boolean {
  const name = nameKey(query);
  if (name === '') return () => true;
  const number = ticketNumberShape.exec(name);
  const letter = number?.[1]?.toLocaleUpperCase('en-GB');
  const seq = number?.[2] === undefined ? undefined : Number(number[2]);
  const postcode = postcodeKey(query);
  return (visit) =>
    (visit.letter === letter && visit.seq === seq) ||
    (visit.postcode !== null && postcodeKey(visit.postcode).startsWith(postcode)) ||
    nameKey(visit.visitor_name).includes(name);
}
