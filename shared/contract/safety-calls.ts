import { z } from 'zod';
import { safetyAlertSchema } from '../domain/safety.js';
import { id } from '../schemas/fields.js';
import { anyStaff, defineCall } from './define.js';

export const safetyCalls = {
  raiseSafetyAlert: defineCall({
    input: z.strictObject({
      deskId: id.nullable().meta({ description: 'The desk the caller is at, or null at reception.' }),
    }),
    result: safetyAlertSchema,
    access: anyStaff,
    errors: ['not-found'],
    summary:
      'Asks every other signed-in staff screen (never the display) for help at this desk or at reception, until someone acknowledges it. ' +
      'Audited. Raising again while one’s own alert is open returns that alert.',
  }),
  acknowledgeSafetyAlert: defineCall({
    input: z.strictObject({ alertId: id }),
    result: safetyAlertSchema,
    access: anyStaff,
    errors: ['not-found'],
    summary: 'Someone is going to help: the alert leaves every screen. Audited; acknowledging one already acknowledged returns it as it is.',
  }),
  listSafetyAlerts: defineCall({
    effect: 'read',
    input: z.strictObject({}),
    result: z.array(safetyAlertSchema),
    access: anyStaff,
    errors: [],
    summary: 'The alerts not yet acknowledged, oldest first.',
  }),
} as const;
