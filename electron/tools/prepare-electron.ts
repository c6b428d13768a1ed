/**
 * `npm start`'s first step: builds better-sqlite3-multiple-ciphers for Electron's ABI in a copy
 * of its own (node_modules/.one-stop-queue-electron/…), apart from the Node build that `npm test`
 * and `npm run serve` load, so neither ever rebuilds the other's (docs/contributing.md, "Traps seen here").
 * The shell opens that copy through the module's `nativeBinding` option.
 *
 * Needs the internet (Electron's prebuilt module or its headers), so it runs on `npm start` only,
 * never in `npm ci` or `npm test`. A stamp file skips the work when the build already matches.
 *
 *   tsx electron/tools/prepare-electron.ts [--force]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const moduleName = 'better-sqlite3-multiple-ciphers';
/** Must agree with electron/shell/native-module.ts (a test checks that they do). */
export const electronModuleDir = path.join('node_modules', '.one-stop-queue-electron', moduleName);
export const bindingFile = path.join('build', 'Release', 'better_sqlite3.node');
export const stampFile = '.one-stop-queue-electron.json';

export interface BuildStamp {
  electron: string;
  module: string;
  platform: string;
  arch: string;
  abi: string | null;
  method: 'prebuild-install' | 'node-gyp';
}

export type Wanted = Omit<BuildStamp, 'method'>;

export function stampMatches(stamp: unknown, wanted: Wanted): boolean {
  if (typeof stamp !== 'object' || stamp === null) return false;
  const s = stamp as Partial<BuildStamp>;
  return s.electron === wanted.electron && s.module === wanted.module && s.platform === wanted.platform && s.arch === wanted.arch;
}

/**
 * The ABI a NAN/V8 addon was built for, read from its `node_register_module_v<abi>` symbol (in
 * the ELF, PE and Mach-O files alike). Catches a build made against Node's headers by mistake —
 * `nodedir` in an .npmrc does that quietly — before Electron refuses to load it.
 */
export function readModuleAbi(binary: Buffer): string | null {
  const match = /node_register_module_v(\d+)/.exec(binary.toString('latin1'));
  return match?.[1] ?? null;
}

/** The Node build (`build/`) stays behind; everything else of the package is copied. */
export function copiesIntoElectronBuild(sourceRoot: string, file: string): boolean {
  const relative = path.relative(sourceRoot, file);
  return relative !== 'build' && !relative.startsWith(`build${path.sep}`);
}

/**
 * npm passes its config to scripts as `npm_config_*`; node-gyp and prebuild-install read
 * `nodedir`, `target`, `runtime`, `disturl`… from there and would override our Electron flags.
 */
export function cleanBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const overriding = /^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|platform|build_from_source|devdir)$/i;
  return Object.fromEntries(Object.entries(env).filter(([name]) => !overriding.test(name)));
}

function say(line: string): void {
  process.stdout.write(`prepare-electron: ${line}\n`);
}

function run(command: string, args: string[], cwd: string): boolean {
  say(`${path.basename(args[0] ?? command)} ${args.slice(1).join(' ')}`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: cleanBuildEnv(process.env) });
  return result.status === 0;
}

function expectedAbi(require: NodeJS.Require, electron: string): string | null {
  try {
    const nodeAbi = require('node-abi') as { getAbi(target: string, runtime: string): string };
    return nodeAbi.getAbi(electron, 'electron');
  } catch {
    // node-abi (prebuild-install's) may not know a newer Electron; the build still happened.
    return null;
  }
}

export function prepareElectron(root: string, force: boolean): void {
  const require = createRequire(path.join(root, 'package.json'));
  const electron = (require('electron/package.json') as { version: string }).version;
  const source = path.dirname(require.resolve(`${moduleName}/package.json`));
  const version = (require(`${moduleName}/package.json`) as { version: string }).version;
  const target = path.join(root, electronModuleDir);
  const binding = path.join(target, bindingFile);
  const abi = expectedAbi(require, electron);
  const wanted: Wanted = { electron, module: `${moduleName}@${version}`, platform: process.platform, arch: process.arch, abi };

  const stampPath = path.join(target, stampFile);
  if (!force && fs.existsSync(binding) && fs.existsSync(stampPath)) {
    let stamp: unknown;
    try {
      stamp = JSON.parse(fs.readFileSync(stampPath, 'utf8'));
    } catch {
      stamp = null;
    }
    if (stampMatches(stamp, wanted)) {
      say(`${moduleName} for Electron ${electron} is up to date (${path.relative(root, binding)}).`);
      return;
    }
  }

  say(`building ${moduleName} ${version} for Electron ${electron} (${process.platform}-${process.arch}) in ${electronModuleDir}`);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.cpSync(source, target, { recursive: true, filter: (file) => copiesIntoElectronBuild(source, file) });

  const electronFlags = ['--runtime', 'electron', '--target', electron, '--arch', process.arch, '--platform', process.platform];
  let method: BuildStamp['method'] = 'prebuild-install';
  const prebuildInstall = require.resolve('prebuild-install/bin.js');
  if (!run(process.execPath, [prebuildInstall, ...electronFlags, '--verbose'], target) || !fs.existsSync(binding)) {
    say('no prebuilt module for this Electron; compiling with node-gyp against Electron headers (a few minutes)');
    method = 'node-gyp';
    const nodeGyp = process.env.npm_config_node_gyp ?? require.resolve('node-gyp/bin/node-gyp.js');
    const ok = run(
      process.execPath,
      [nodeGyp, 'rebuild', '--release', '--runtime=electron', `--target=${electron}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'],
      target,
    );
    if (!ok || !fs.existsSync(binding)) {
      throw new Error(`Could not build ${moduleName} for Electron ${electron}. The Node build in node_modules was not touched.`);
    }
  }

  const builtAbi = readModuleAbi(fs.readFileSync(binding));
  if (abi !== null && builtAbi !== null && builtAbi !== abi) {
    fs.rmSync(binding, { force: true });
    throw new Error(`The module was built for ABI ${builtAbi}, but Electron ${electron} needs ${abi}: check for a nodedir or target setting in .npmrc.`);
  }
  const stamp: BuildStamp = { ...wanted, abi: builtAbi ?? abi, method };
  fs.writeFileSync(stampPath, `${JSON.stringify(stamp, null, 2)}\n`);
  say(`done (${method}, ABI ${stamp.abi ?? 'unknown'}): ${path.relative(root, binding)}`);
}

const entry = process.argv[1];
if (entry !== undefined && path.resolve(entry) === fileURLToPath(import.meta.url)) {
  try {
    prepareElectron(process.cwd(), process.argv.includes('--force'));
  } catch (error) {
    console.error(`prepare-electron: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
