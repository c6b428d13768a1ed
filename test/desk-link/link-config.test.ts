import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { LinkConfigError, linkConfigFile, readLinkConfig, writeLinkConfig, type LinkConfig } from '../../electron/desk-link/index.js';
import { testProtector } from '../fixtures/desk-link-fixtures.js';
import { tempDir } from '../fixtures/temp-site.js';

const config: LinkConfig = {
  hubUrl: 'https://192.168.1.20:4781',
  fingerprints: [Array.from({ length: 32 }, (_, i) => (i * 7 + 3).toString(16).toUpperCase().padStart(2, '0')).join(':')],
  deviceId: 3,
  deviceToken: 'Zq3v-7nRkT1xYpL0aBcDeFgHiJkLmNoPqRsTuVwXyZ0',
  label: 'Desk 3 PC',
  siteName: 'Wirral One Stop Shop',
};

function folder(): string {
  const { dir, remove } = tempDir('osq-desk-link-');
  onTestFinished(remove);
  return path.join(dir, 'userData');
}

describe('desk-link.json', () => {
  it('reads back what was written, with the device token never in the file in plain text', async () => {
    const dir = folder();
    await writeLinkConfig(dir, config, testProtector());
    const text = readFileSync(path.join(dir, linkConfigFile), 'utf8');
    expect(text).not.toContain(config.deviceToken);
    expect(text).toContain(config.hubUrl);
    expect(await readLinkConfig(dir, testProtector())).toEqual(config);
  });

  it('is readable by this user only, and leaves no temporary file behind', async () => {
    const dir = folder();
    await writeLinkConfig(dir, config, testProtector());
    await writeLinkConfig(dir, { ...config, fingerprints: [...config.fingerprints, config.fingerprints[0]!.replace(/^03/, '04')] }, testProtector());
    expect(statSync(path.join(dir, linkConfigFile)).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual([linkConfigFile]);
    expect((await readLinkConfig(dir, testProtector()))?.fingerprints).toHaveLength(2);
  });

  it('is not written at all when the token cannot be protected, so no token is ever kept in the clear', async () => {
    const dir = folder();
    await expect(writeLinkConfig(dir, config, testProtector({ broken: true }))).rejects.toThrow();
    expect(() => readdirSync(dir)).toThrow();
  });

  it('keeps the previous link when the new one cannot be protected', async () => {
    const dir = folder();
    await writeLinkConfig(dir, config, testProtector());
    await expect(writeLinkConfig(dir, { ...config, deviceId: 9 }, testProtector({ broken: true }))).rejects.toThrow();
    expect((await readLinkConfig(dir, testProtector()))?.deviceId).toBe(3);
  });

  it('is null before this PC joins a site, and a damaged file says so instead of passing for "not joined"', async () => {
    const dir = folder();
    expect(await readLinkConfig(dir, testProtector())).toBeNull();
    await writeLinkConfig(dir, config, testProtector());
    writeFileSync(path.join(dir, linkConfigFile), '{"version":1,"hubUrl":"http://evil"}');
    await expect(readLinkConfig(dir, testProtector())).rejects.toBeInstanceOf(LinkConfigError);
  });

  it('fails loudly when the operating system cannot decrypt the token', async () => {
    const dir = folder();
    await writeLinkConfig(dir, config, testProtector());
    await expect(readLinkConfig(dir, testProtector({ broken: true }))).rejects.toThrow();
  });
});
