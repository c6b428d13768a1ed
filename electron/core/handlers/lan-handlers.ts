import { DeskFailure } from '../../../shared/errors.js';
import { errorText as t } from '../../../shared/i18n/catalogue.js';
import type { Handlers } from '../call-context.js';

type LanHandlers = Pick<Handlers, 'getLanStatus' | 'setLanAccess' | 'createPairingCode' | 'listDevices' | 'revokeDevice' | 'pairDevice' | 'getHubInfo'>;

const notYet = (): never => {
  throw new DeskFailure('unavailable', t.lanStarting);
};

/** LAN access (being built: see electron/core/lan/). */
export const lanHandlers: LanHandlers = {
  getLanStatus: notYet,
  setLanAccess: notYet,
  createPairingCode: notYet,
  listDevices: notYet,
  revokeDevice: notYet,
  pairDevice: notYet,
  getHubInfo: notYet,
};
