import { z } from 'zod';
import { counter, localDate, recordId, utcMs } from './result-fields.js';
import { evidenceItemSchema } from './receipt.js';
import { finalOutcomes, priorityReasons, visitorNeedsSchema, visitorSchema, visitStatuses } from './visit.js';
import { purgeLogEntrySchema } from './stats.js';

/** Why a manager erased a person's visits before the purge would have (right to erasure, UK GDPR Art. 17). */
export const erasureReasons = ['subject-request', 'recorded-in-error', 'objection', 'legal-obligation'] as const;
export type ErasureReason = (typeof erasureReasons)[number];

/** The council's default shape of a case reference: letters, then one to three groups of digits (`SAR-2026-0042`). */
export const defaultCaseReferencePattern = '^[A-Z]{2,6}(-[0-9]{1,10}){1,3}$';

/** One visit found for a subject access or erasure request: enough to tell two people apart. */
export const personRecordSchema = z
  .object({
    visitId: recordId,
    number: z.string(),
    serviceName: z.string(),
    issuedAt: utcMs,
    day: localDate,
    status: z.enum(visitStatuses),
    visitor: visitorSchema,
    receipts: counter,
  })
  .meta({ description: 'One visit held about a person: its ticket, when, the service, the name and address recorded.' });
export type PersonRecord = z.infer<typeof personRecordSchema>;

/** Everything held about one visit, for the person it is about. Staff are named by role only: they are third parties. */
export const subjectAccessVisitSchema = z.object({
  visitId: recordId,
  number: z.string(),
  serviceName: z.string(),
  visitor: visitorSchema,
  reason: z.string(),
  needs: visitorNeedsSchema,
  priority: z.enum(priorityReasons).nullable(),
  callByNumberOnly: z.boolean(),
  issuedAt: utcMs,
  calledAt: utcMs.nullable(),
  startedAt: utcMs.nullable(),
  finishedAt: utcMs.nullable(),
  deskName: z.string().nullable(),
  outcome: z.enum(finalOutcomes).nullable(),
  note: z.string().nullable(),
  recalls: counter,
  transfers: counter,
  deleteAfter: localDate.meta({ description: 'Local date after which this visit is deleted by the purge.' }),
  receipts: z.array(
    z.object({
      reference: z.string(),
      receivedAt: utcMs,
      items: z.array(evidenceItemSchema),
    }),
  ),
});
export type SubjectAccessVisit = z.infer<typeof subjectAccessVisitSchema>;

export const subjectAccessExportSchema = z
  .object({
    generatedAt: utcMs,
    siteName: z.string(),
    timeZone: z.string(),
    retentionDays: z.int().positive(),
    visits: z.array(subjectAccessVisitSchema),
  })
  .meta({ description: 'A subject access export: every record held for the chosen visits, and nothing about anyone else.' });
export type SubjectAccessExport = z.infer<typeof subjectAccessExportSchema>;

export const erasureSchema = z
  .object({
    id: recordId,
    at: utcMs,
    staffId: recordId.nullable(),
    visitsErased: counter,
    receiptsErased: counter,
    reason: z.enum(erasureReasons),
    caseReference: z.string(),
  })
  .meta({ description: 'One erasure on request: who, when, how many records, why and the case reference — never whose.' });
export type Erasure = z.infer<typeof erasureSchema>;

export const dataProtectionStatusSchema = z
  .object({
    at: utcMs.meta({ description: 'The hub’s clock when this was read.' }),
    retentionDays: z.int().positive(),
    auditRetentionDays: z.int().positive(),
    statsRetentionDays: z.int().positive(),
    visitsHeld: counter,
    receiptsHeld: counter,
    oldestIssuedAt: utcMs.nullable().meta({ description: 'When the oldest visit still held was issued; null when none is held.' }),
    nextPurgeBy: utcMs.meta({ description: 'The hourly purge runs again no later than this (UTC ms).' }),
    lastPurge: purgeLogEntrySchema.nullable(),
  })
  .meta({ description: 'The data-protection officer’s self-check: what is held, the oldest, and when the purge runs.' });
export type DataProtectionStatus = z.infer<typeof dataProtectionStatusSchema>;
