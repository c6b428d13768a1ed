import { addKeyFileCommand } from './add-key-file-command.js';
import { changePassphraseCommand } from './change-passphrase-command.js';
import { CliFailure, describeFailure } from './cli-failure.js';
import { cliText } from './cli-text.js';
import type { Command } from './command-line.js';
import { exitCodes } from './exit-codes.js';
import { installFatalHandlers } from './fatal.js';
import { rekeyCommand } from './rekey-command.js';
import { resetManagerPinCommand } from './reset-manager-pin-command.js';
import { serveCommand } from './serve-command.js';
import { exportSiteCommand, importSiteCommand } from './site-transfer-commands.js';

const commands: readonly Command[] = [serveCommand, rekeyCommand, changePassphraseCommand, addKeyFileCommand, resetManagerPinCommand, exportSiteCommand, importSiteCommand];

const text = cliText.program;

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return text.overview(commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n'));
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(`${overview()}\n`);
    return exitCodes.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${overview()}\n`);
    return exitCodes.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) throw new CliFailure(exitCodes.usage, text.unknown(name));
  return command.run(rest);
}

/** Ends once both streams have handed their last line to the OS, so `exit` cannot cut it off. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

async function exit(code: number): Promise<never> {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

installFatalHandlers();
try {
  await exit(await main(process.argv.slice(2)));
} catch (error) {
  const { exitCode, message } = describeFailure(error);
  process.stderr.write(`${message}\n`);
  await exit(exitCode);
}
