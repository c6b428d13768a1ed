import { z } from 'zod';
import { deviceSchema, hubInfoSchema, lanStatusSchema, pairedDeviceSchema, pairingCodeSchema } from '../domain/lan.js';
import { parsePairingCode } from '../lan-protocol.js';
import { defineCall, managers } from './define.js';
import { id, pin } from '../schemas/fields.js';
import { text } from './documented-fields.js';
import { validationText as t } from '../i18n/catalogue.js';

const none = z.strictObject({});

const pairingCode = z
  .string({ error: t.pairingCode })
  .max(64, { error: t.pairingCode })
  .refine((s) => parsePairingCode(s) !== null, { error: t.pairingCode })
  .meta({ description: 'The 20-character code a manager made on the hub; case, spaces and dashes do not matter.' });

const appVersion = z
  .string({ error: t.invalid })
  .regex(/^[0-9A-Za-z.+-]{1,32}$/, { error: t.invalid })
  .meta({ description: 'The desk app’s version, e.g. 0.1.0.' });

/**
 * LAN access (docs/lan.md): a manager turns it on, makes single-use pairing codes and sees and
 * withdraws the desk PCs; a desk PC pairs with a code; anyone may ask the hub who it is.
 */
export const lanCalls = {
  getLanStatus: defineCall({
    effect: 'read',
    input: none,
    result: lanStatusSchema,
    access: managers,
    errors: [],
    summary: 'Whether LAN access is on, the addresses desks and the waiting-area screen use, and the certificate fingerprint desks pin.',
  }),
  setLanAccess: defineCall({
    input: z.strictObject({ enabled: z.boolean({ error: t.invalid }), managerPin: pin }),
    result: lanStatusSchema,
    access: managers,
    errors: ['locked'],
    summary:
      'Turns LAN access on or off (the acting manager confirms with their own PIN). Off closes the LAN listeners at once; paired desks stay paired for when it is on again.',
  }),
  createPairingCode: defineCall({
    input: none,
    result: pairingCodeSchema,
    access: managers,
    errors: ['conflict'],
    summary: 'A one-time code for joining a desk PC: valid ten minutes, used once, and carrying part of the certificate fingerprint so the desk can check the hub first.',
  }),
  listDevices: defineCall({
    effect: 'read',
    input: none,
    result: z.array(deviceSchema),
    access: managers,
    errors: [],
    summary: 'Every desk PC ever paired, newest first, with when it was last seen and whether it was withdrawn.',
  }),
  revokeDevice: defineCall({
    input: z.strictObject({ deviceId: id }),
    result: deviceSchema,
    access: managers,
    errors: ['not-found'],
    summary: 'Withdraws a desk PC: its token stops working at once and everyone signed in on it is signed out.',
  }),
  pairDevice: defineCall({
    // Its answer is a token, which never goes to disk: a retry pairs with a fresh code instead.
    effect: 'session',
    input: z.strictObject({ code: pairingCode, label: text(60), appVersion, protocol: z.int({ error: t.invalid }).positive({ error: t.invalid }) }),
    result: pairedDeviceSchema,
    access: 'public',
    // `unauthenticated`: the code is wrong, used or out of date (like a wrong PIN); `conflict`: one
    // side must be updated; `unavailable`: LAN access is off or has no certificate yet.
    errors: ['unauthenticated', 'conflict'],
    summary: 'Pairs a desk PC with a pairing code; answers the device token it sends with every call from then on.',
  }),
  getHubInfo: defineCall({
    effect: 'read',
    input: none,
    result: hubInfoSchema,
    access: 'public',
    errors: [],
    summary: 'The hub’s version and protocol, its site’s name and its certificate fingerprints, for a desk to check before and after pairing.',
  }),
} as const;
