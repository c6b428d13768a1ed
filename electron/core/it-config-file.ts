import fs from 'node:fs';
import path from 'node:path';
import { parseItConfig, type ItConfigRead } from '../../shared/it-config.js';

/** Tests and unusual set-ups point at another file with this (docs/it-setup.md). */
export const itConfigEnv = 'ONE_STOP_QUEUE_IT_CONFIG';

/**
 * Where IT puts the file on each system: a machine-wide folder that only administrators can
 * write, so a member of staff cannot change what IT fixed.
 */
export function itConfigPath(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const override = env[itConfigEnv];
  if (override !== undefined && override !== '') return override;
  if (platform === 'win32') {
    const programData = env.ProgramData !== undefined && env.ProgramData !== '' ? env.ProgramData : 'C:\\ProgramData';
    return path.win32.join(programData, 'One Stop Queue', 'it-config.json');
  }
  if (platform === 'darwin') return '/Library/Application Support/One Stop Queue/it-config.json';
  return '/etc/one-stop-queue/it-config.json';
}

/** Reads IT's file if there is one. Never writes anything, whatever the file holds. */
export function readItConfig(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): ItConfigRead {
  const file = itConfigPath(platform, env);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') return { kind: 'none', path: file };
    return { kind: 'invalid', path: file, field: '', message: `cannot be read (${typeof code === 'string' ? code : 'error'})` };
  }
  return parseItConfig(text, file);
}
