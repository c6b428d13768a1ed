/**
 * The core's critical files, in groups, each mutated by its own Stryker run against only the
 * tests that concern it (`test/mutation/vitest.<group>.config.ts` includes `tests`). One vitest
 * config per group rather than Stryker's `testFiles` option, which hides some mutants in
 * Stryker 9 (https://github.com/stryker-mutator/stryker-js/issues/6144).
 *
 * Every file must reach `threshold`. A mutant that survives is either a missing test or named
 * below, beside its group, as equivalent: file:line, mutator, and why no test could tell it
 * from the original.
 */
export const threshold = 85;

/** A surviving mutant no test could tell from the original, and why. */
export interface Equivalent {
  /** `file:line` as Stryker reported it. */
  at: string;
  mutator: string;
  /** Text on the mutated line, so that the name still holds when lines above it move. */
  code: string;
  why: string;
}

export interface MutationGroup {
  /** Files Stryker mutates, relative to the repository root. */
  mutate: string[];
  /** Test files (globs) this group's vitest config runs. */
  tests: string[];
  equivalent: Equivalent[];
}

export const groups = {
  retention: {
    mutate: ['electron/core/retention.ts'],
    tests: ['test/core/retention.test.ts', 'test/core/retention-boundaries.test.ts', 'test/core/retention-rollup.test.ts'],
    equivalent: [
      {
        at: 'electron/core/retention.ts:56',
        mutator: 'ConditionalExpression',
        code: 'freelist_count',
        why: '`if (true)`: incremental_vacuum on a file with no free pages gives nothing back and changes nothing; the check only saves a no-op pragma.',
      },
      {
        at: 'electron/core/retention.ts:56',
        mutator: 'EqualityOperator',
        code: 'freelist_count',
        why: '`freelist_count >= 0`: the same as `if (true)` above, since a count is never negative.',
      },
    ],
  },
  'local-time': {
    mutate: ['electron/core/local-time.ts'],
    tests: ['test/core/local-time.test.ts'],
    equivalent: [],
  },
  'queue-order': {
    mutate: ['electron/core/queue/queue-order.ts'],
    tests: ['test/core/queue/call-order.test.ts', 'test/core/queue/queue-order.test.ts'],
    equivalent: [],
  },
  'wait-math': {
    mutate: ['shared/wait-math.ts'],
    tests: ['test/shared/wait-math.test.ts', 'test/core/queue/estimated-wait.test.ts', 'test/core/stats/live-snapshot.test.ts'],
    equivalent: [],
  },
  'ticket-steps': {
    mutate: ['electron/core/queue/ticket-steps.ts'],
    tests: [
      'test/core/queue/ticket-step-table.test.ts',
      'test/core/queue/ticket-steps.test.ts',
      'test/core/queue/ticket-step-effects.test.ts',
      'test/core/queue/take-step-stale-visit.test.ts',
      'test/core/queue/end-of-day.test.ts',
    ],
    equivalent: [
      {
        at: 'electron/core/queue/ticket-steps.ts:145',
        mutator: 'BooleanLiteral',
        code: '_everyStepWorded',
        why: 'A compile-time check: `= false` does not type-check (`tsc -b` fails on it), and the value is never read when the app runs.',
      },
      {
        at: 'electron/core/queue/ticket-steps.ts:205',
        mutator: 'ConditionalExpression',
        code: 'cannot start from',
        why: "takeStepInBulk's guard → false: unreachable, since its three callers pass the declared `from` or a subset of it; it stands against a future edit, not an input.",
      },
      {
        at: 'electron/core/queue/ticket-steps.ts:205',
        mutator: 'MethodExpression',
        code: 'cannot start from',
        why: '`from.some(…)` for `from.every(…)`: the same unreachable guard; every status its callers pass is allowed, so `some` and `every` agree.',
      },
      {
        at: 'electron/core/queue/ticket-steps.ts:205',
        mutator: 'StringLiteral',
        code: 'cannot start from',
        why: "The unreachable guard's message (both parts): never built.",
      },
    ],
  },
  sessions: {
    mutate: ['electron/core/sessions.ts'],
    tests: ['test/core/sessions.test.ts'],
    equivalent: [],
  },
  'sign-in': {
    mutate: ['electron/core/handlers/session-handlers.ts'],
    tests: ['test/core/handlers/session-handlers.test.ts', 'test/core/staff.test.ts', 'test/core/pin-attempts.test.ts'],
    equivalent: [],
  },
  pins: {
    mutate: ['electron/core/pins.ts', 'electron/core/pin-attempts.ts'],
    tests: ['test/core/pins.test.ts', 'test/core/pin-attempts-unknown-name.test.ts', 'test/core/pin-attempts.test.ts', 'test/core/staff.test.ts'],
    equivalent: [
      {
        at: 'electron/core/pins.ts:11',
        mutator: 'ObjectLiteral',
        code: 'scryptSync(pin, salt, 32, { N, r, p })',
        why: "scryptSync without `{ N, r, p }`: Node's defaults are N=16384, r=8, p=1, the costs written into the hash. (verifyPin's own costs, read from the hash, are tested with other values.)",
      },
      {
        at: 'electron/core/pins.ts:17',
        mutator: 'ConditionalExpression',
        code: 'salt === undefined',
        why: '`salt === undefined` → false: `split` fills from the left, so a missing salt means a missing hash too, and `hash === undefined` refuses it the same.',
      },
      {
        at: 'electron/core/pin-attempts.ts:21',
        mutator: 'StringLiteral',
        code: "hashPin('00000000')",
        why: "The dummy hash of '' instead of '00000000': its only use is to cost one scrypt check, the same for any PIN, and its answer is thrown away.",
      },
    ],
  },
  'key-wrapping': {
    mutate: ['electron/core/keystore/aes-gcm-wrap.ts'],
    tests: ['test/core/keystore/aes-gcm-wrap.test.ts', 'test/core/keystore/passphrase-slot.test.ts', 'test/core/keystore/keystore.test.ts'],
    equivalent: [
      {
        at: 'electron/core/keystore/aes-gcm-wrap.ts:15',
        mutator: 'StringLiteral',
        code: 'one-stop-queue:',
        why: "`Buffer.from(aad, '')`: Node reads an empty encoding as UTF-8, so the AAD bytes are the same.",
      },
      {
        at: 'electron/core/keystore/aes-gcm-wrap.ts:27',
        mutator: 'ObjectLiteral',
        code: 'createCipheriv(',
        why: 'createCipheriv without `authTagLength`: AES-GCM in Node makes a 16-byte tag by default, the length asked for. (The decipher\'s own `authTagLength`, which refuses a truncated tag, is tested.)',
      },
      {
        at: 'electron/core/keystore/aes-gcm-wrap.ts:45',
        mutator: 'BlockStatement',
        code: '} catch {',
        why: '`catch {}`: the function then ends without a return, which is `undefined`, what `return undefined` gives.',
      },
    ],
  },
} satisfies Record<string, MutationGroup>;

export type GroupName = keyof typeof groups;

export function isGroupName(name: string): name is GroupName {
  return Object.hasOwn(groups, name);
}
