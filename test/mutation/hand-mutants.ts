/**
 * Mutants Stryker cannot make, made by hand. Stryker never mutates inside SQL text, and skips
 * everything inside a TypeScript `as` expression as if it were a type (its instrumenter treats
 * `TSAsExpression` as a type node): so `db.prepare(sql).all(…) as Row[]`, the step table
 * (`{…} as const satisfies …`) and `format(…).toLowerCase() as Weekday` are never mutated, and a
 * file's Stryker score says nothing about them. These are the changes that matter there — most
 * of them named by issue 8 as "changes no test notices" — and each must make a test fail.
 *
 * Not here because equivalent: dropping `COLLATE NOCASE` from the sign-in list's ORDER BY (the
 * staff name column is declared COLLATE NOCASE).
 *
 * `find` must occur exactly once in `file`; a mutant whose `find` is gone is reported as stale
 * (the source changed: write the mutant again). `tests` are the test files that must notice.
 */
export interface HandMutant {
  file: string;
  find: string;
  replace: string;
  tests: string[];
  /** What the change would do to a visitor, a member of staff or the council. */
  why: string;
}

const retentionTests = ['test/core/retention-boundaries.test.ts', 'test/core/retention.test.ts'];
const queueOrderTests = ['test/core/queue/queue-order.test.ts'];
const signInTests = ['test/core/handlers/session-handlers.test.ts', 'test/core/pin-attempts.test.ts'];
const pinTests = ['test/core/pin-attempts.test.ts', 'test/core/pin-attempts-unknown-name.test.ts'];
const stepTests = ['test/core/queue/ticket-step-effects.test.ts', 'test/core/queue/ticket-steps.test.ts'];

const retention = 'electron/core/retention.ts';
const queueOrder = 'electron/core/queue/queue-order.ts';
const sessionHandlers = 'electron/core/handlers/session-handlers.ts';
const pinAttempts = 'electron/core/pin-attempts.ts';
const localTime = 'electron/core/local-time.ts';
const ticketSteps = 'electron/core/queue/ticket-steps.ts';

export const handMutants: HandMutant[] = [
  // Retention: the SQL of the purge.
  {
    file: retention,
    find: "visitFiguresSql('v.issued_at < @cutoff')",
    replace: "visitFiguresSql('v.issued_at <= @cutoff')",
    tests: retentionTests,
    why: 'a visit at the exact cut-off rolled into the figures but kept, then counted again',
  },
  {
    file: retention,
    find: 'visit_id IN (SELECT id FROM visits WHERE issued_at < ?)',
    replace: 'visit_id IN (SELECT id FROM visits WHERE issued_at <= ?)',
    tests: retentionTests,
    why: 'a visit kept at the cut-off loses its evidence receipt',
  },
  {
    file: retention,
    find: "'DELETE FROM visits WHERE issued_at < ?'",
    replace: "'DELETE FROM visits WHERE issued_at <= ?'",
    tests: retentionTests,
    why: 'a visit deleted a moment before its 28 days are up',
  },
  {
    file: retention,
    find: '.run(auditCutoff)',
    replace: '.run(cutoff)',
    tests: retentionTests,
    why: 'the audit log deleted after 28 days instead of a year',
  },
  {
    file: retention,
    find: "'DELETE FROM audit WHERE at < ?'",
    replace: "'DELETE FROM audit WHERE at <= ?'",
    tests: retentionTests,
    why: 'an audit line deleted at the instant it turns a year old rather than after',
  },
  {
    file: retention,
    find: 'settings.timeZone, settings.auditRetentionDays',
    replace: 'settings.timeZone, 365',
    tests: retentionTests,
    why: "the manager's audit retention ignored",
  },
  {
    file: retention,
    find: "      db.prepare('DELETE FROM daily_totals WHERE day < ?').run(statsCutoffDay);\n",
    replace: '',
    tests: retentionTests,
    why: 'daily_totals kept forever, past the figures’ own retention',
  },
  {
    file: retention,
    find: "'DELETE FROM daily_stats WHERE day < ?'",
    replace: "'DELETE FROM daily_stats WHERE day <= ?'",
    tests: retentionTests,
    why: 'the oldest day still within retention deleted',
  },
  {
    file: retention,
    find: 'settings.timeZone, settings.statsRetentionDays',
    replace: 'settings.timeZone, 730',
    tests: retentionTests,
    why: "the manager's figures retention ignored",
  },
  {
    file: retention,
    find: '      db.prepare(rollUpTotals).run();\n',
    replace: '',
    tests: retentionTests,
    why: 'purged visits vanish from the year reports (daily_totals)',
  },
  {
    file: retention,
    find: '      dropPurgedDays(db, localDay(cutoff, settings.timeZone));\n',
    replace: '',
    tests: ['test/core/retention-rollup.test.ts', 'test/core/stats/closed-day-totals.test.ts'],
    why: 'a closed day counted both from its cached totals and from the purge’s roll-up',
  },
  {
    file: retention,
    find: "  db.pragma('wal_checkpoint(TRUNCATE)');\n",
    replace: '',
    tests: ['test/core/retention-raw-bytes.test.ts'],
    why: 'purged visitors left readable in the -wal file',
  },
  {
    file: retention,
    find: 'page.beforeId ?? Number.MAX_SAFE_INTEGER',
    replace: 'Number.MAX_SAFE_INTEGER',
    tests: retentionTests,
    why: 'the purge log always shows its first page',
  },
  {
    file: retention,
    find: 'page.limit ?? 100',
    replace: '100',
    tests: retentionTests,
    why: 'the purge log ignores the page size asked for',
  },
  {
    file: retention,
    find: 'FROM purge_log WHERE id < ?',
    replace: 'FROM purge_log WHERE id <= ?',
    tests: retentionTests,
    why: 'the next page of the purge log repeats the last entry of the one before',
  },
  {
    file: retention,
    find: 'ORDER BY id DESC LIMIT ?',
    replace: 'ORDER BY id LIMIT ?',
    tests: retentionTests,
    why: 'the purge log lists the oldest purges first',
  },

  // Queue order: every query is inside `… as TicketRow`.
  {
    file: queueOrder,
    find: '(${effectiveTime} < me.at OR',
    replace: '(${effectiveTime} <= me.at OR',
    tests: queueOrderTests,
    why: 'a new ticket told a place behind a ticket level with it',
  },
  {
    file: queueOrder,
    find: 'visits.id < me.id',
    replace: 'visits.id <= me.id',
    tests: queueOrderTests,
    why: 'every new ticket told one place further back',
  },
  {
    file: queueOrder,
    find: 'const orderBy = `ORDER BY ${effectiveTime}, id`;',
    replace: 'const orderBy = `ORDER BY ${effectiveTime}, id DESC`;',
    tests: queueOrderTests,
    why: 'of two tickets issued together, the later one called first',
  },
  {
    file: queueOrder,
    find: 'CASE WHEN priority IS NULL THEN 0',
    replace: 'CASE WHEN priority IS NOT NULL THEN 0',
    tests: queueOrderTests,
    why: 'the head start given to everyone but the priority tickets',
  },
  {
    file: queueOrder,
    find: '(queued_at - CASE',
    replace: '(queued_at + CASE',
    tests: queueOrderTests,
    why: 'priority tickets pushed back instead of forward',
  },
  {
    file: queueOrder,
    find: 'ORDER BY called_at, id`',
    replace: 'ORDER BY id DESC`',
    tests: queueOrderTests,
    why: 'tickets at desks listed newest first',
  },
  {
    file: queueOrder,
    find: "('called', 'serving', 'parked')",
    replace: "('called', 'serving')",
    tests: queueOrderTests,
    why: 'parked tickets gone from the queue screens',
  },
  {
    file: queueOrder,
    find: "WHERE status = 'waiting' AND service_id = @serviceId AND day = @day",
    replace: "WHERE status = 'waiting' AND day = @day",
    tests: queueOrderTests,
    why: 'a place in line counted across every service',
  },
  {
    file: queueOrder,
    find: "WHERE status = 'waiting' AND day = @day AND service_id IN (SELECT value FROM json_each(@services))",
    replace: "WHERE status = 'waiting' AND day = @day",
    tests: queueOrderTests,
    why: 'a desk given a ticket for a service it does not serve',
  },

  // Sign-in: statements Stryker does not remove, and queries inside `as`.
  {
    file: sessionHandlers,
    find: "    ctx.audit('sign-in', { type: 'staff', id: row.id });\n",
    replace: '',
    tests: signInTests,
    why: 'sign-ins missing from the audit log',
  },
  {
    file: sessionHandlers,
    find: "    ctx.audit('sign-out', { type: 'staff', id: caller.staffId });\n",
    replace: '',
    tests: signInTests,
    why: 'sign-outs missing from the audit log',
  },
  {
    file: sessionHandlers,
    find: "    ctx.audit('pin.change', { type: 'staff', id: caller.staffId });\n",
    replace: '',
    tests: signInTests,
    why: 'PIN changes missing from the audit log',
  },
  {
    file: sessionHandlers,
    find: "    ctx.audit('site.setup', { type: 'staff', id });\n",
    replace: '',
    tests: signInTests,
    why: 'the site’s setup missing from the audit log',
  },
  {
    file: sessionHandlers,
    find: '    ctx.sessions.revoke(caller.token);\n',
    replace: '',
    tests: signInTests,
    why: 'signing out leaves the session open',
  },
  {
    file: sessionHandlers,
    find: '    ctx.sessions.revokeStaff(caller.staffId, caller.token);\n',
    replace: '',
    tests: signInTests,
    why: 'whoever knew the old PIN stays signed in elsewhere',
  },
  {
    file: sessionHandlers,
    find: '    clearPinAttempts(ctx, row.id);\n',
    replace: '',
    tests: signInTests,
    why: 'wrong PINs before a good sign-in still count toward a lockout',
  },
  {
    file: sessionHandlers,
    find: '      spendPinCheck(input.pin);\n',
    replace: '',
    tests: signInTests,
    why: 'an unknown name answered faster than a wrong PIN, telling names apart',
  },
  {
    file: sessionHandlers,
    find: "'SELECT id, name FROM staff WHERE active = 1 ORDER BY name COLLATE NOCASE'",
    replace: "'SELECT id, name FROM staff ORDER BY name COLLATE NOCASE'",
    tests: signInTests,
    why: 'deactivated staff offered on the sign-in list',
  },
  {
    file: sessionHandlers,
    find: "'SELECT * FROM staff WHERE id = ? AND active = 1'",
    replace: "'SELECT * FROM staff WHERE id = ?'",
    tests: signInTests,
    why: 'a deactivated member of staff can still sign in',
  },

  // PIN attempts.
  {
    file: pinAttempts,
    find: 'export const lockoutSteps = [5 * 60_000, 30 * 60_000] as const;',
    replace: 'export const lockoutSteps = [5 * 60_000, 5 * 60_000] as const;',
    tests: pinTests,
    why: 'the second lockout no longer longer than the first',
  },
  {
    file: pinAttempts,
    find: "    ctx.afterFailure(() => ctx.audit('sign-in.locked', target, 'denied'));\n",
    replace: '',
    tests: pinTests,
    why: 'attempts on a locked account missing from the audit log',
  },

  // Local time: inside `as` casts.
  {
    file: localTime,
    find: "format(new TZDate(ms, timeZone), 'EEEE').toLowerCase()",
    replace: "format(new TZDate(ms, timeZone), 'EEEE').toUpperCase()",
    tests: ['test/core/local-time.test.ts'],
    why: 'no weekday found in the opening hours, so the site never opens',
  },
  {
    file: localTime,
    find: "const [hh, mm] = clock.split(':').map(Number)",
    replace: "const [mm, hh] = clock.split(':').map(Number)",
    tests: ['test/core/local-time.test.ts'],
    why: 'opening hours read with hours and minutes swapped',
  },

  // The ticket step table: `{…} as const satisfies …`, never mutated by Stryker.
  {
    file: ticketSteps,
    find: "  last_desk_id: '@deskId',\n",
    replace: '',
    tests: stepTests,
    why: 'the advisor a visitor was called to cannot read their record',
  },
  {
    file: ticketSteps,
    find: "first_called_at: 'coalesce(first_called_at, @now)'",
    replace: "first_called_at: '@now'",
    tests: stepTests,
    why: 'a recall resets the wait measured for the reports',
  },
  {
    file: ticketSteps,
    find: "const announced = ['ticket-called', 'queue-changed'] as const;",
    replace: "const announced = ['queue-changed'] as const;",
    tests: stepTests,
    why: 'the waiting-area display never shows a call',
  },
  {
    file: ticketSteps,
    find: "set: { ...calledTo, recalls: 'recalls + 1' }",
    replace: 'set: { ...calledTo }',
    tests: stepTests,
    why: 'recalls not counted',
  },
  {
    file: ticketSteps,
    find: "set: { started_at: '@now' }",
    replace: 'set: {}',
    tests: stepTests,
    why: 'no service time for the reports',
  },
  {
    file: ticketSteps,
    find: "events: changed, audit: 'visit.start' }",
    replace: "events: changed, audit: 'visit.call' }",
    tests: stepTests,
    why: 'the audit log says called where the advisor started',
  },
  {
    file: ticketSteps,
    find: "note: 'coalesce(@note, note)' },",
    replace: "note: '@note' },",
    tests: stepTests,
    why: 'finishing without a note wipes the note written before',
  },
  {
    file: ticketSteps,
    find: "      transfers: 'transfers + 1',\n",
    replace: '',
    tests: stepTests,
    why: 'transfers not counted',
  },
  {
    file: ticketSteps,
    find: "      started_at: 'NULL',\n",
    replace: '',
    tests: stepTests,
    why: 'a transferred ticket keeps its first service’s start time',
  },
  {
    file: ticketSteps,
    find: "to: 'parked', set: { desk_id: 'NULL' }",
    replace: "to: 'parked', set: {}",
    tests: stepTests,
    why: 'a parked ticket keeps its desk busy',
  },
  {
    file: ticketSteps,
    find: "events: announced, audit: 'visit.resume' }",
    replace: "events: changed, audit: 'visit.resume' }",
    tests: stepTests,
    why: 'a resumed ticket not announced on the display',
  },
  {
    file: ticketSteps,
    find: "set: { outcome: \"'no-show'\", finished_at: '@now' }",
    replace: "set: { finished_at: '@now' }",
    tests: stepTests,
    why: 'no-shows without their outcome in the reports',
  },
  {
    file: ticketSteps,
    find: "set: { outcome: 'NULL', finished_at: 'NULL', desk_id: 'NULL', advisor_id: 'NULL', called_at: 'NULL' }",
    replace: "set: { outcome: 'NULL', finished_at: 'NULL', desk_id: 'NULL', called_at: 'NULL' }",
    tests: stepTests,
    why: 'a reinstated ticket still tied to the advisor who marked it',
  },
  {
    file: ticketSteps,
    find: "set: { outcome: \"'cancelled'\", finished_at: '@now' }",
    replace: "set: { outcome: \"'cancelled'\" }",
    tests: stepTests,
    why: 'a cancellation with no time',
  },
  {
    file: ticketSteps,
    find: "audit: 'visit.cancel',",
    replace: 'audit: null,',
    tests: stepTests,
    why: 'cancellations missing from the audit log',
  },
  {
    file: ticketSteps,
    find: "set: { outcome: \"'closed-end-of-day'\", finished_at: '@now' }",
    replace: "set: { outcome: \"'cancelled'\", finished_at: '@now' }",
    tests: stepTests,
    why: 'tickets closed at the end of the day reported as cancelled',
  },
];
