import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

/**
 * The packaging configuration, read as electron-builder reads it, without Electron: the fuses
 * that close the PC's other ways into the app (docs/security.md), machine-wide installers, the
 * native module outside the asar archive, and icons that exist.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const configFile = path.join(root, 'electron-builder.yml');
type Targets = ({ target: string } | string)[];
/** The parts of electron-builder's configuration these tests read. */
interface BuilderConfig {
  asar: boolean;
  electronFuses: Record<string, boolean>;
  extraResources: { from: string; to: string }[];
  files: string[];
  npmRebuild: boolean;
  icon: string;
  directories: { buildResources: string };
  win: { icon: string; target: Targets };
  linux: { icon: string; maintainer: string; target: Targets };
  mac: { icon: string; target: Targets };
  nsis: Record<string, unknown>;
  msi: Record<string, unknown>;
}
const config = yaml.load(fs.readFileSync(configFile, 'utf8')) as BuilderConfig;

const requireFromRoot = createRequire(path.join(root, 'package.json'));

describe('electron-builder.yml', () => {
  it('is a configuration electron-builder itself accepts', async () => {
    // electron-builder's own loader and schema check, the ones `npm run dist` runs first.
    const { getConfig, validateConfiguration } = requireFromRoot('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = requireFromRoot('builder-util');
    const loaded = await getConfig(root, null, null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    expect(loaded.electronFuses).toEqual(config.electronFuses);
  });

  it('turns off every fuse that lets another program run as the app, and on the ones that check it', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('packs the app into an asar archive and keeps the native module outside it, in its Electron build', () => {
    expect(config.asar).toBe(true);
    const native = config.extraResources.find((r) => r.to === 'native/better_sqlite3.node');
    expect(native?.from).toBe('node_modules/.one-stop-queue-electron/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');
    // The Node build (which `npm test` loads) never goes into the package.
    expect(config.files).toContain('!**/node_modules/better-sqlite3-multiple-ciphers/{build,deps,src}/**');
    // electron-builder must not rebuild the copy that prepare-electron built for Electron.
    expect(config.npmRebuild).toBe(false);
  });

  it('names the native build where the shell loads it from', async () => {
    const { electronModuleDir, bindingFile } = await import('../../electron/tools/prepare-electron.js');
    const native = config.extraResources.find((r) => r.to === 'native/better_sqlite3.node');
    expect(native?.from).toBe(path.posix.join(...electronModuleDir.split(path.sep), ...bindingFile.split(path.sep)));
  });

  it('builds per-machine Windows installers (NSIS and MSI), AppImage and deb, and a dmg', () => {
    const targets = (platform: 'win' | 'linux' | 'mac'): string[] => config[platform].target.map((t) => (typeof t === 'string' ? t : t.target));
    expect(targets('win')).toEqual(['nsis', 'msi']);
    expect(targets('linux')).toEqual(['AppImage', 'deb']);
    expect(targets('mac')).toEqual(['dmg']);
    expect(config.nsis.perMachine).toBe(true);
    expect(config.nsis.oneClick).toBe(false);
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
    expect(config.msi.perMachine).toBe(true);
    // A fixed upgrade code is what lets a newer MSI replace an older one.
    expect(config.msi.upgradeCode).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
  });

  it('takes its icons from resources/, and they exist', () => {
    for (const icon of [config.icon, config.win.icon, config.mac.icon]) expect(fs.existsSync(path.join(root, icon))).toBe(true);
    const linuxIcons = path.join(root, config.linux.icon);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(fs.existsSync(path.join(linuxIcons, `${size}.png`))).toBe(true);
    expect(config.directories.buildResources).toBe('resources');
  });

  it('holds no signing secret: signing comes from the environment', () => {
    const text = fs.readFileSync(configFile, 'utf8');
    for (const key of ['certificateFile', 'certificatePassword', 'cscLink', 'cscKeyPassword', 'password']) expect(text).not.toMatch(new RegExp(`^\\s*${key}\\s*:`, 'm'));
  });
});
