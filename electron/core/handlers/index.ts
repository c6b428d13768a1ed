import type { Handlers } from '../call-context.js';
import { callingHandlers } from './calling-handlers.js';
import { privacyHandlers } from './privacy-handlers.js';
import { receiptHandlers } from './receipt-handlers.js';
import { receptionHandlers } from './reception-handlers.js';
import { reportHandlers } from './report-handlers.js';
import { safetyHandlers } from './safety-handlers.js';
import { sessionHandlers } from './session-handlers.js';
import { siteHandlers } from './site-handlers.js';
import { staffHandlers } from './staff-handlers.js';
import { ticketHandlers } from './ticket-handlers.js';
import { lanHandlers } from './lan-handlers.js';

/** Every call in the contract has exactly one handler; `satisfies` fails the build if one is missing. */
export const handlers = {
  ...sessionHandlers,
  ...staffHandlers,
  ...siteHandlers,
  ...ticketHandlers,
  ...receptionHandlers,
  ...callingHandlers,
  ...receiptHandlers,
  ...reportHandlers,
  ...safetyHandlers,
  ...privacyHandlers,
  ...lanHandlers,
} satisfies Handlers;
