/**
 * The day held to account: the store against what the clients were told. Each check returns the
 * problems it found (empty when all is well), naming visit ids and ticket numbers only — never a
 * visitor's name — so the bench can print them and a test can expect none.
 */
import type { Site } from '../../../electron/core/site.js';
import type { Db } from '../../../electron/core/store/open-database.js';
import type { HistoryRow, Report } from '../../../shared/domain/stats.js';
import type { Ledger } from './ledger.js';

interface StoredVisit {
  id: number;
  day: string;
  number: string;
  status: string;
  desk_id: number | null;
  first_called_at: number | null;
  recalls: number;
  visitor_name: string;
}

const openStatuses = new Set(['waiting', 'called', 'serving', 'parked']);

/** Every ticket issued once, called once by one desk, finished or no-showed once; every visitor accounted for. */
export function checkDay(db: Db, ledger: Ledger, visitors: number): string[] {
  const problems: string[] = [];
  const rows = db.prepare('SELECT id, day, number, status, desk_id, first_called_at, recalls, visitor_name FROM visits').all() as StoredVisit[];
  const byId = new Map(rows.map((row) => [row.id, row]));

  if (rows.length !== visitors) problems.push(`${String(rows.length)} visits stored for ${String(visitors)} visitors`);
  if (ledger.issued.size !== visitors) problems.push(`${String(ledger.issued.size)} tickets acknowledged for ${String(visitors)} visitors`);
  const numbers = new Map<string, number>();
  for (const row of rows) numbers.set(`${row.day} ${row.number}`, (numbers.get(`${row.day} ${row.number}`) ?? 0) + 1);
  for (const [number, n] of numbers) if (n > 1) problems.push(`ticket ${number} issued ${String(n)} times`);
  // One visit per visitor: a retried issueTicket applied twice would show as the same name twice.
  const names = new Map<string, number>();
  for (const row of rows) names.set(row.visitor_name, (names.get(row.visitor_name) ?? 0) + 1);
  const twice = [...names.values()].filter((n) => n > 1).length;
  if (twice > 0) problems.push(`${String(twice)} visitors have more than one visit`);

  const acknowledged = new Set<number>();
  for (const [visitor, ticket] of ledger.issued) {
    if (acknowledged.has(ticket.visitId)) problems.push(`visit ${String(ticket.visitId)} acknowledged to two visitors`);
    acknowledged.add(ticket.visitId);
    const row = byId.get(ticket.visitId);
    if (row === undefined) {
      problems.push(`visitor ${String(visitor)}'s ticket ${ticket.number} (visit ${String(ticket.visitId)}) is not stored`);
      continue;
    }
    if (row.number !== ticket.number) problems.push(`visit ${String(row.id)} is ${row.number}, acknowledged as ${ticket.number}`);
  }
  for (const row of rows) if (!acknowledged.has(row.id)) problems.push(`visit ${String(row.id)} (${row.number}) stored but never acknowledged`);

  for (const row of rows) {
    const desks = ledger.calledBy.get(row.id) ?? [];
    if (desks.length !== 1) problems.push(`visit ${String(row.id)} (${row.number}) handed to ${String(desks.length)} desks by callNext`);
    else if (row.desk_id !== desks[0]) problems.push(`visit ${String(row.id)} stored at desk ${String(row.desk_id)}, called by desk ${String(desks[0])}`);
    if (row.first_called_at === null) problems.push(`visit ${String(row.id)} never called`);
    const endings = ledger.endings.get(row.id) ?? [];
    if (endings.length !== 1) problems.push(`visit ${String(row.id)} ended ${String(endings.length)} times`);
    else if (row.status !== endings[0]) problems.push(`visit ${String(row.id)} is ${row.status}, acknowledged ${endings[0]!}`);
    if (openStatuses.has(row.status)) problems.push(`visit ${String(row.id)} still ${row.status}`);
    if (row.recalls !== (ledger.recalls.get(row.id) ?? 0)) problems.push(`visit ${String(row.id)} recalled ${String(row.recalls)} times, acknowledged ${String(ledger.recalls.get(row.id) ?? 0)}`);
  }
  return problems;
}

/** What the day's report must say, from the clients' own counts. */
export function expectedTotals(ledger: Ledger): Pick<HistoryRow, 'issued' | 'called' | 'served' | 'noShow' | 'cancelled'> {
  return { issued: ledger.issued.size, called: ledger.calledBy.size, served: ledger.count('finished'), noShow: ledger.count('no-show'), cancelled: 0 };
}

/** The report's figures that must survive the roll-up into daily_stats unchanged. */
function comparable(report: Report): unknown {
  const { firstDay: _firstDay, ...rest } = report;
  return rest;
}

/**
 * The day's report before the purge, the purge that rolls the day into `daily_stats` once the
 * clock has moved past retention, then the report again: the same figures, now from the
 * anonymous table alone, and equal to the clients' counts.
 */
export async function checkRollUp(
  site: Site,
  moveClockPastRetention: () => void,
  manager: { staffId: number; pin: string },
  day: string,
  ledger: Ledger,
): Promise<string[]> {
  const problems: string[] = [];
  const signIn = async () => (await site.call('signIn', manager, null)).token;
  const before = await site.call('getReport', { from: day, to: day }, await signIn());
  moveClockPastRetention();
  const purged = site.purge('hourly');
  const stillHeld = (site.database.prepare('SELECT count(*) AS n FROM visits WHERE day = ?').get(day) as { n: number }).n;
  if (stillHeld !== 0) problems.push(`${String(stillHeld)} visits of ${day} left after the purge`);
  if (purged.visitsDeleted !== ledger.issued.size) problems.push(`the purge deleted ${String(purged.visitsDeleted)} visits, not ${String(ledger.issued.size)}`);
  const after = await site.call('getReport', { from: day, to: day }, await signIn());
  if (JSON.stringify(comparable(after)) !== JSON.stringify(comparable(before))) problems.push('the report changed when the day was rolled into daily_stats');
  const expected = expectedTotals(ledger);
  for (const [field, value] of Object.entries(expected) as Array<[keyof typeof expected, number]>) {
    if (after.totals[field] !== value) problems.push(`daily_stats ${field} is ${String(after.totals[field])}, the day's count is ${String(value)}`);
  }
  return problems;
}
