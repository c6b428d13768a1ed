/**
 * The desk PC's link to its site's hub, in plain Node (never `electron`): pairing, the pinned
 * connection every call and event goes through, and the one file the desk keeps. The desktop
 * shell wires it in; docs/lan.md says what it does for the people using it.
 */
export { pairWithHub, parseHubAddress, JoinFailure } from './pair.js';
export type { JoinFailureCode, PairRequest } from './pair.js';
export { createHubLink, linkRetryDelaysMs } from './hub-link.js';
export type { HubLink, HubLinkOptions } from './hub-link.js';
export { readLinkConfig, writeLinkConfig, linkConfigFile, LinkConfigError } from './link-config.js';
export type { LinkConfig, LinkProtector } from './link-config.js';
export { createPinnedAgent, HubCertificateError, peerFingerprint } from './pinned-agent.js';
