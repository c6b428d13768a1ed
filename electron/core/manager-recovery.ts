import { storeText } from '../../shared/i18n/catalogue.js';
import { pin as pinSchema } from '../../shared/schemas/fields.js';
import { writeAudit } from './audit.js';
import { systemClock, type Clock } from './clock.js';
import { hashPin } from './pins.js';
import type { StaffRow } from './staff-records.js';
import { withStore, type StoreOptions } from './store-entrance.js';

export type ManagerRecoveryErrorReason = 'invalid-pin' | 'no-manager' | 'no-such-manager' | 'not-a-manager' | 'choose-manager' | 'inactive-manager';

/** Why a PIN reset was refused; nothing was changed when it is thrown. Never names anyone. */
export class ManagerRecoveryError extends Error {
  readonly reason: ManagerRecoveryErrorReason;
  constructor(reason: ManagerRecoveryErrorReason, message: string) {
    super(message);
    this.name = 'ManagerRecoveryError';
    this.reason = reason;
  }
}

const text = storeText.managerRecovery;

export interface ResetManagerPinOptions extends Omit<StoreOptions, 'create'> {
  dataDir: string;
  /** The site passphrase: only a passphrase slot is accepted, never a key file or this computer's account. */
  passphrase: string;
  /** Needed when several managers are active; otherwise the only active (or the last) manager. */
  managerName?: string;
  /**
   * The new PIN, or how to ask for it: asked only once the passphrase has opened the store, so
   * nobody types a PIN for nothing.
   */
  newPin: string | (() => Promise<string>);
  clock?: Clock;
}

export interface ResetManagerPinResult {
  staffId: number;
  /** True when no manager was active and this one was switched back on. */
  reactivated: boolean;
}

function chooseManager(managers: StaffRow[], managerName: string | undefined, findByName: (name: string) => StaffRow | undefined): StaffRow {
  const active = managers.filter((m) => m.active === 1);
  if (managerName !== undefined) {
    const named = findByName(managerName);
    if (named === undefined) throw new ManagerRecoveryError('no-such-manager', text.noSuchManager);
    if (named.role !== 'manager') throw new ManagerRecoveryError('not-a-manager', text.notAManager);
    if (named.active !== 1 && active.length > 0) throw new ManagerRecoveryError('inactive-manager', text.inactiveManager);
    return named;
  }
  if (active.length === 1 && active[0] !== undefined) return active[0];
  if (active.length > 1) throw new ManagerRecoveryError('choose-manager', text.chooseManager(active.length));
  // Nobody can sign in as a manager: bring back the most recently added one.
  const last = managers.at(-1);
  if (last === undefined) throw new ManagerRecoveryError('no-manager', text.noManager);
  return last;
}

/**
 * The site passphrase resets a forgotten last manager's PIN (docs/design.md, "Keys"): whoever holds
 * it can read the whole database anyway, so it is trusted to choose a new PIN. The lockout is
 * cleared and the reset audited, by staff id only.
 */
export async function resetManagerPin(options: ResetManagerPinOptions): Promise<ResetManagerPinResult> {
  const checked = (pin: string): string => {
    if (!pinSchema.safeParse(pin).success) throw new ManagerRecoveryError('invalid-pin', text.invalidPin);
    return pin;
  };
  // A PIN in hand is checked before anything is opened.
  if (typeof options.newPin === 'string') checked(options.newPin);
  const credentials = { kind: 'passphrase', passphrase: options.passphrase } as const;
  return withStore(
    options.dataDir,
    credentials,
    async ({ db }) => {
      const newPin = checked(typeof options.newPin === 'string' ? options.newPin : await options.newPin());
      const now = (options.clock ?? systemClock).now();
      const managers = db.prepare("SELECT * FROM staff WHERE role = 'manager' ORDER BY created_at, id").all() as StaffRow[];
      const findByName = (name: string) => db.prepare('SELECT * FROM staff WHERE name = ?').get(name) as StaffRow | undefined;
      const manager = chooseManager(managers, options.managerName, findByName);
      const pinHash = hashPin(newPin);
      db.transaction(() => {
        db.prepare('UPDATE staff SET pin_hash = ?, failed_pins = 0, lockouts = 0, locked_until = NULL, active = 1 WHERE id = ?').run(pinHash, manager.id);
        writeAudit(db, { at: now, staffId: null, action: 'pin.reset-with-passphrase', target: { type: 'staff', id: manager.id } });
      }).immediate();
      return { staffId: manager.id, reactivated: manager.active !== 1 };
    },
    { program: options.program ?? storeText.programs.resetManagerPin, nativeBinding: options.nativeBinding, onSettled: options.onSettled },
  );
}
