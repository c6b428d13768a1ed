import { z } from 'zod';
import { recordId, utcMs } from './result-fields.js';

/** What a manager sees of LAN access: whether it is on, where, and the certificate desks pin. */
export const lanStatusSchema = z
  .object({
    enabled: z.boolean(),
    fingerprint: z
      .string()
      .nullable()
      .meta({ description: 'The SHA-256 fingerprint of the certificate desks pin (AB:CD:…); null until LAN access first starts.' }),
    certificateExpiresAt: utcMs.nullable(),
    nextFingerprint: z
      .string()
      .nullable()
      .meta({ description: 'The renewed certificate, announced to desks before the hub changes to it; null when none is due.' }),
    desksAt: z.array(z.string()).meta({ description: 'The https:// addresses desk PCs join, while the LAN listener runs.' }),
    displayAt: z.array(z.string()).meta({ description: 'The http:// addresses a waiting-area screen opens, while the display listener runs.' }),
  })
  .meta({ description: 'LAN access on the hub PC.' });
export type LanStatus = z.infer<typeof lanStatusSchema>;

export const pairingCodeSchema = z.object({
  code: z.string().meta({ description: 'Shown once: 20 characters in groups of four, single use.' }),
  expiresAt: utcMs,
});
export type PairingCode = z.infer<typeof pairingCodeSchema>;

/** A desk PC paired with the hub. Its token is never shown again after pairing. */
export const deviceSchema = z.object({
  id: recordId,
  label: z.string().meta({ description: 'What the desk PC was called when it joined (its computer name, or what IT typed).' }),
  appVersion: z.string(),
  pairedAt: utcMs,
  lastSeenAt: utcMs.nullable(),
  revokedAt: utcMs.nullable(),
});
export type Device = z.infer<typeof deviceSchema>;

/** What a desk PC gets when it pairs: the token it sends with every call from now on. */
export const pairedDeviceSchema = z.object({
  deviceId: recordId,
  deviceToken: z.string(),
  siteName: z.string(),
  hubVersion: z.string(),
  protocol: z.int().positive(),
  fingerprint: z.string(),
});
export type PairedDevice = z.infer<typeof pairedDeviceSchema>;

/** What anyone may learn of the hub before pairing, to check versions and the certificate. */
export const hubInfoSchema = z.object({
  siteName: z.string().nullable(),
  hubVersion: z.string(),
  protocol: z.int().positive(),
  fingerprint: z.string().nullable(),
  nextFingerprint: z.string().nullable(),
});
export type HubInfo = z.infer<typeof hubInfoSchema>;
