import { appVersion } from '../../../shared/app-version.js';
import type { LanStatus } from '../../../shared/domain/lan.js';
import { DeskFailure } from '../../../shared/errors.js';
import { errorText as t } from '../../../shared/i18n/catalogue.js';
import { formatPairingCode, lanProtocol, parsePairingCode, whoMustUpdate } from '../../../shared/lan-protocol.js';
import type { CallContext, Handlers } from '../call-context.js';
import { requireCaller } from '../call-context.js';
import { addDevice, listDevices, newDeviceToken, revokeDevice } from '../lan/devices.js';
import { lanEnabled, readCertificates, setLanEnabled } from '../lan/lan-records.js';
import { findUsableCode, makePairingSecret, markUsed } from '../lan/pairing-codes.js';
import { confirmCallerPin } from '../pin-attempts.js';
import { isSetUp } from '../settings.js';

type LanHandlers = Pick<Handlers, 'getLanStatus' | 'setLanAccess' | 'createPairingCode' | 'listDevices' | 'revokeDevice' | 'pairDevice' | 'getHubInfo'>;

function lanStatus(ctx: CallContext): LanStatus {
  const enabled = lanEnabled(ctx.db);
  const { current, next } = readCertificates(ctx.db);
  const listening = enabled ? ctx.lan.listening() : null;
  return {
    enabled,
    fingerprint: current?.fingerprint ?? null,
    certificateExpiresAt: current?.notAfter ?? null,
    nextFingerprint: next?.fingerprint ?? null,
    desksAt: listening?.desksAt ?? [],
    displayAt: listening?.displayAt ?? [],
  };
}

/** The certificate pairing goes by, while LAN access is on and has made one. */
function servedFingerprint(ctx: CallContext): string {
  if (!lanEnabled(ctx.db)) throw new DeskFailure('unavailable', t.lanOff);
  const current = readCertificates(ctx.db).current;
  if (current === null) throw new DeskFailure('unavailable', t.lanStarting);
  return current.fingerprint;
}

/**
 * LAN access (docs/lan.md). The doors (electron/hub/lan-doors.ts) listen while it is on; these
 * calls are what a manager does with it, what a desk PC pairs with, and what anyone may ask.
 */
export const lanHandlers: LanHandlers = {
  getLanStatus(_input, ctx) {
    return lanStatus(ctx);
  },

  setLanAccess(input, ctx) {
    confirmCallerPin(ctx, input.managerPin);
    if (lanEnabled(ctx.db) !== input.enabled) {
      setLanEnabled(ctx.db, input.enabled);
      ctx.audit(input.enabled ? 'lan.enable' : 'lan.disable');
      ctx.afterCommit(() => ctx.lan.changed());
    }
    return lanStatus(ctx);
  },

  createPairingCode(_input, ctx) {
    const caller = requireCaller(ctx);
    let fingerprint: string;
    try {
      fingerprint = servedFingerprint(ctx);
    } catch (error) {
      // For a manager it is a state of the site to change, not a hub that is away.
      throw error instanceof DeskFailure ? new DeskFailure('conflict', error.message) : error;
    }
    const { secret, expiresAt } = makePairingSecret(ctx.db, caller.staffId, ctx.now);
    ctx.audit('lan.pairing-code');
    return { code: formatPairingCode(secret, fingerprint), expiresAt };
  },

  listDevices(_input, ctx) {
    return listDevices(ctx.db, ctx.lan.lastSeen);
  },

  revokeDevice(input, ctx) {
    const device = revokeDevice(ctx.db, input.deviceId, ctx.now, ctx.lan.lastSeen);
    ctx.audit('lan.device-revoke', { type: 'device', id: device.id });
    ctx.sessions.revokeDevice(device.id);
    ctx.afterCommit(() => ctx.lan.revoked(device.id));
    ctx.emit({ type: 'settings-changed', at: ctx.now });
    return device;
  },

  pairDevice(input, ctx) {
    const fingerprint = servedFingerprint(ctx);
    const mustUpdate = whoMustUpdate(input.protocol, lanProtocol);
    if (mustUpdate !== null) {
      throw new DeskFailure('conflict', mustUpdate === 'desk' ? t.deskMustUpdate(input.appVersion, appVersion) : t.hubMustUpdate(input.appVersion, appVersion));
    }
    // The schema has already read the code; only its secret is the hub's to check (the desk checked the fingerprint part).
    const secret = parsePairingCode(input.code)?.secret ?? '';
    const codeId = findUsableCode(ctx.db, secret, ctx.now);
    if (codeId === null) {
      ctx.afterFailure(() => ctx.audit('lan.pair', undefined, 'denied'));
      throw new DeskFailure('unauthenticated', t.pairingCodeRefused, [{ path: ['code'], message: t.pairingCodeRefused }]);
    }
    const deviceToken = newDeviceToken();
    const deviceId = addDevice(ctx.db, { label: input.label, appVersion: input.appVersion, token: deviceToken, now: ctx.now });
    markUsed(ctx.db, codeId, deviceId, ctx.now);
    ctx.audit('lan.pair', { type: 'device', id: deviceId });
    ctx.emit({ type: 'settings-changed', at: ctx.now });
    return { deviceId, deviceToken, siteName: ctx.settings().siteName, hubVersion: appVersion, protocol: lanProtocol, fingerprint };
  },

  getHubInfo(_input, ctx) {
    const enabled = lanEnabled(ctx.db);
    const { current, next } = readCertificates(ctx.db);
    return {
      siteName: isSetUp(ctx.db) ? ctx.settings().siteName : null,
      hubVersion: appVersion,
      protocol: lanProtocol,
      fingerprint: enabled ? (current?.fingerprint ?? null) : null,
      nextFingerprint: enabled ? (next?.fingerprint ?? null) : null,
    };
  },
};
