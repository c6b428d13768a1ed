import { describe, expect, it } from 'vitest';
import { nameKey, postcodeKey, visitMatcher, type SearchableVisit } from '../../../electron/core/queue/visit-search.js';

const c14: SearchableVisit = { letter: 'C', seq: 14, visitor_name: 'Siân Jones-Évans', postcode: 'L1 1JQ' };
const h140: SearchableVisit = { letter: 'H', seq: 140, visitor_name: 'ŁUKASZ  Nowak', postcode: null };
const c1000: SearchableVisit = { letter: 'C', seq: 1000, visitor_name: 'Pat Visitor', postcode: 'CH41 5LH' };

const found = (query: string) => [c14, h140, c1000].filter(visitMatcher(query));

describe('reception’s search box', () => {
  it('finds a ticket by its number in any case, with or without the leading zeros', () => {
    for (const query of ['C014', 'c014', 'c14', 'C14', ' c 14 ']) expect(found(query), query).toEqual([c14]);
    expect(found('h140')).toEqual([h140]);
    expect(found('C1000')).toEqual([c1000]);
    expect(found('c15')).toEqual([]);
  });

  it('finds a postcode by its start, ignoring case and spaces', () => {
    for (const query of ['L1', 'l1', 'l11j', 'L1 1JQ', 'l11jq']) expect(found(query), query).toEqual([c14]);
    expect(found('ch41')).toEqual([c1000]);
    expect(found('1JQ')).toEqual([]);
    expect(found('L2')).toEqual([]);
  });

  it('finds part of a name in any case, beyond ASCII, whichever way an accent was typed', () => {
    expect(found('évans')).toEqual([c14]);
    expect(found('ÉVANS')).toEqual([c14]);
    expect(found('SIÂN')).toEqual([c14]);
    expect(found('E\u0301vans')).toEqual([c14]);
    expect(found('łukasz nowak')).toEqual([h140]);
    expect(found('visitor')).toEqual([c1000]);
    expect(found('Evans')).toEqual([]);
  });

  it('finds everything when nothing is typed', () => {
    expect(found('')).toEqual([c14, h140, c1000]);
    expect(found('   ')).toEqual([c14, h140, c1000]);
  });

  it('compares names and postcodes by one key each', () => {
    expect(nameKey('  Siân\u00a0 JONES ')).toBe('siân jones');
    expect(nameKey('Sia\u0302n')).toBe(nameKey('Siân'));
    expect(postcodeKey('l1 1jq')).toBe('L11JQ');
  });
});
