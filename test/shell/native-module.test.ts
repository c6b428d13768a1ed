import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtBindingFile, devElectronModuleDir, electronNativeBinding } from '../../electron/shell/native-module.js';
import {
  bindingFile,
  cleanBuildEnv,
  copiesIntoElectronBuild,
  electronModuleDir,
  readModuleAbi,
  stampMatches,
} from '../../electron/tools/prepare-electron.js';

describe('the Electron build of the native module', () => {
  it('is looked for where prepare-electron builds it, and in resources/native when packaged', () => {
    expect(devElectronModuleDir).toBe(electronModuleDir);
    expect(builtBindingFile).toBe(bindingFile);
    expect(electronNativeBinding({ isPackaged: false, appPath: '/repo', resourcesPath: '/ignored' })).toBe(
      path.join('/repo', 'node_modules', '.one-stop-queue-electron', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node'),
    );
    expect(electronNativeBinding({ isPackaged: true, appPath: '/ignored', resourcesPath: '/opt/One Stop Queue/resources' })).toBe(
      path.join('/opt/One Stop Queue/resources', 'native', 'better_sqlite3.node'),
    );
  });

  it('is configured in electron-builder.yml as an extra resource at that place', () => {
    const yml = fs.readFileSync(path.resolve('electron-builder.yml'), 'utf8');
    expect(yml).toContain(`from: ${[electronModuleDir, bindingFile].join('/').replaceAll('\\', '/')}`);
    expect(yml).toContain('to: native/better_sqlite3.node');
    expect(yml).toMatch(/^npmRebuild: false$/m);
  });

  it('is rebuilt only when Electron, the module, the platform or the architecture changed', () => {
    const wanted = { electron: '45.5.0', module: 'better-sqlite3-multiple-ciphers@12.11.1', platform: 'linux', arch: 'x64', abi: '150' };
    expect(stampMatches({ ...wanted, method: 'prebuild-install' }, wanted)).toBe(true);
    expect(stampMatches({ ...wanted, electron: '45.4.0' }, wanted)).toBe(false);
    expect(stampMatches({ ...wanted, module: 'better-sqlite3-multiple-ciphers@12.10.0' }, wanted)).toBe(false);
    expect(stampMatches({ ...wanted, arch: 'arm64' }, wanted)).toBe(false);
    expect(stampMatches(null, wanted)).toBe(false);
    expect(stampMatches('45.5.0', wanted)).toBe(false);
  });

  it('reads the ABI an addon was built for, and finds Node’s own build in node_modules', () => {
    expect(readModuleAbi(Buffer.from('\0\0node_register_module_v150\0'))).toBe('150');
    expect(readModuleAbi(Buffer.from('no symbol'))).toBeNull();
    const require = createRequire(import.meta.url);
    const nodeBuild = path.join(path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json')), bindingFile);
    expect(readModuleAbi(fs.readFileSync(nodeBuild))).toBe(process.versions.modules);
  });

  it('leaves the Node build behind when copying the package', () => {
    const root = path.join('/x', 'node_modules', 'better-sqlite3-multiple-ciphers');
    expect(copiesIntoElectronBuild(root, path.join(root, 'build'))).toBe(false);
    expect(copiesIntoElectronBuild(root, path.join(root, 'build', 'Release', 'better_sqlite3.node'))).toBe(false);
    expect(copiesIntoElectronBuild(root, path.join(root, 'lib', 'index.js'))).toBe(true);
    expect(copiesIntoElectronBuild(root, path.join(root, 'binding.gyp'))).toBe(true);
    expect(copiesIntoElectronBuild(root, path.join(root, 'deps', 'build.txt'))).toBe(true);
  });

  it('keeps npm settings such as nodedir from overriding the Electron headers', () => {
    const env = cleanBuildEnv({ PATH: '/usr/bin', npm_config_nodedir: '/usr', npm_config_target: '20.0.0', npm_config_runtime: 'node', npm_config_node_gyp: '/npm/node-gyp.js', npm_config_cache: '/c' });
    expect(env).toEqual({ PATH: '/usr/bin', npm_config_node_gyp: '/npm/node-gyp.js', npm_config_cache: '/c' });
  });
});
