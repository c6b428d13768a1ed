import { describe, expect, it } from 'vitest';
import * as deskLink from '../../electron/desk-link/index.js';
import { joinFailureCode, linkConfigFile, type DeskLinkParts, type HubLink as ShellHubLink, type LinkConfig as ShellLinkConfig } from '../../electron/shell/desk-link-types.js';

// The shell codes against a copy of the desk link's types until main.ts imports the real module:
// these lines stop compiling the day the two drift apart.
const parts: DeskLinkParts = deskLink;
const _sameConfig = (config: deskLink.LinkConfig): ShellLinkConfig => config;
const _sameConfigBack = (config: ShellLinkConfig): deskLink.LinkConfig => config;
const _sameLink = (link: deskLink.HubLink): ShellHubLink => link;
void [_sameConfig, _sameConfigBack, _sameLink];

describe('the desk link, as the desktop shell takes it', () => {
  it('is the four functions main.ts hands to the shell, under the file name the shell looks for', () => {
    expect([parts.pairWithHub, parts.createHubLink, parts.readLinkConfig, parts.writeLinkConfig].map((part) => typeof part)).toEqual(['function', 'function', 'function', 'function']);
    expect(deskLink.linkConfigFile).toBe(linkConfigFile);
  });

  it('fails pairing with errors the shell tells by their code', async () => {
    const failure = await deskLink.pairWithHub({ address: 'http://not-https', code: 'x', label: 'Desk 3 PC', appVersion: '0.1.0' }).catch((e: unknown) => e);
    expect(joinFailureCode(failure)).toBe('bad-address');
  });
});
