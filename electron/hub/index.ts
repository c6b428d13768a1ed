export { buildHub, startHub, bodyLimit, defaultHost, type Hub, type HubOptions } from './server.js';
export { defaultSignInLimit, limitedCalls, type RateLimit } from './call-route.js';
export { closeCodes, defaultFloodLimit, defaultSessionCheckMs, type EventsSocketOptions } from './events-socket.js';
export { contentSecurityPolicy } from './security-headers.js';
export { startLanDoors, type LanDoors, type LanDoorsOptions } from './lan-doors.js';
export { makeLanCertificate, renewalStep, type RenewalStep } from './lan-certificate.js';
export type { DoorKind } from './door.js';
