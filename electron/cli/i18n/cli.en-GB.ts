import type { SettledRekey, SlotKind, SlotSummary } from '../../core/index.js';
import { envNames } from '../env-names.js';

/**
 * Every word the one-stop-queue program writes to a terminal, in UK English, grouped by the file
 * that says it (docs/contributing.md, "Words on screen"). A Welsh catalogue is another object of this
 * shape (`CliText`), chosen in cli-text.ts; no command changes. Command and option names, and the
 * environment variables' names, are the program's interface and stay as they are in every language.
 */
export const cliEnGB = {
  /** main.ts: the overview of the commands. */
  program: {
    overview: (list: string) => `Usage: one-stop-queue <command> [options]

The One Stop Queue program: runs the site hub without the desktop app, and looks after a
store's keys before it is opened.

Commands:
${list}

Run "one-stop-queue <command> --help" for a command's options.`,
    unknown: (name: string) => `There is no command "${name}". Run "one-stop-queue --help" to see the commands.`,
  },

  /** command-line.ts: what every command says about its command line. */
  commandLine: {
    badArguments: (detail: string, command: string) => `${detail} Run "one-stop-queue ${command} --help" to see the options.`,
    needsDataDir: (command: string) => `Say which store with --data-dir DIR. Run "one-stop-queue ${command} --help" for more.`,
    unexpectedArgument: (value: string) => `Unexpected argument "${value}".`,
    givenTwice: (option: string) => `--${option} was given twice (once as --${option}, once on its own): give it once.`,
    unknownOption: (option: string) => `Unknown option "${option}".`,
  },

  /** cli-failure.ts: the one line for a failure that is not one of our own errors. */
  failure: {
    unexpected: (what: string) => `Something went wrong: ${what}`,
    unknown: 'an unknown error',
    portInUse: (where: string) => `Another program is already listening on ${where}. Choose another port with --port.`,
    cannotListen: (where: string) => `Cannot listen on ${where}. Check --host and --port.`,
    thatAddress: 'that address',
  },

  /** credentials.ts: asking for secrets. */
  credentials: {
    passphrase: 'Site passphrase: ',
    choosePassphrase: 'Choose a site passphrase (at least 12 characters): ',
    newPassphrase: 'New passphrase (at least 12 characters): ',
    again: 'Type it again: ',
    newPin: 'New PIN (4 to 8 digits): ',
    noPassphrase: `No passphrase given: set ${envNames.passphrase}, pass --key-file, or run this on a terminal to be asked. Nothing was changed.`,
    noSitePassphrase: `No site passphrase given: set ${envNames.passphrase}, or run this on a terminal to be asked. Nothing was changed.`,
    noNewPassphrase: `No new passphrase given: set ${envNames.newPassphrase}, or run this on a terminal to be asked. Nothing was changed.`,
    noNewPin: `No new PIN given: set ${envNames.newPin}, or run this on a terminal to be asked. Nothing was changed.`,
    mismatch: 'The two entries are different. Nothing was changed.',
    badPin: 'A PIN is 4 to 8 digits. Nothing was changed.',
  },

  /** terminal-prompt.ts: a prompt that ends without an answer. */
  prompt: {
    stopped: 'Stopped. Nothing was changed.',
    endOfInput: 'The input ended before an answer was typed. Nothing was changed.',
  },

  /** renderer-build.ts: building the screens on first serve. */
  rendererBuild: {
    building: 'The screens have not been built yet: building them now (this takes a minute)…',
    failed: (why: string) => `The screens could not be built (${why}); serving the API only. Run "npx vite build" to see why.`,
    exitStatus: (code: number | null, signal: string | null) => (signal !== null ? `stopped by ${signal}` : `exit status ${String(code)}`),
    noIndex: 'no index.html or .vite/manifest.json was produced',
  },

  serve: {
    program: 'one-stop-queue serve',
    summary: 'Run the site hub in plain Node and serve the screens to a browser on this computer.',
    help: (defaults: { dataDir: string; logDir: string; port: number; host: string; lanHost: string; lanPort: number; displayPort: number }) => `Usage: one-stop-queue serve [options]

Runs One Stop Queue's site hub without the desktop app and serves the screens to a
browser on this computer. The first run creates the store.

Options:
  --data-dir DIR      Where the store is kept (default: IT's dataDir if its settings
                      file gives one, else ${defaults.dataDir}).
  --log-dir DIR       Where the rotating log goes: starts, purges, errors and desk PCs'
                      connections, never a visitor's data (default: ${defaults.logDir}).
  --port N            The port to listen on; 0 picks a free one (default: ${String(defaults.port)}).
  --host ADDRESS      The address to listen on: this computer only (default: ${defaults.host}).
                      Other PCs reach the hub through the LAN doors below.
  --lan-host ADDRESS  Where the LAN doors listen while a manager has LAN access on
                      (Settings, "Desk PCs on the network"); default: every address
                      of this computer (${defaults.lanHost}).
  --lan-port N        The desk PCs' door, HTTPS (default: ${String(defaults.lanPort)}).
  --display-port N    The waiting-area display's door, plain HTTP, which serves the
                      display alone (default: ${String(defaults.displayPort)}).
  --key-file PATH     Open the store with this key file instead of the site passphrase.
  --create-key-file   First run only: create the key file named by --key-file,
                      readable by you alone, and lock the new store with it.
  -h, --help          Show this help.

The site passphrase comes from the environment variable ${envNames.passphrase}, or is
asked for on the terminal (twice on the first run).
Ctrl-C stops the hub: calls in progress finish and the store is closed cleanly.`,
    serving: (url: string) => `One Stop Queue is serving at ${url}`,
    creating: (dir: string) => `No store in ${dir} yet: creating one.`,
    badPort: (value: string, option: string) => `${option} must be a whole number from 0 to 65535, not "${value}".`,
    notLoopback: (host: string) =>
      `--host ${host} is not this computer: use 127.0.0.1, ::1 or localhost. Other PCs reach the hub through LAN access (--lan-host).`,
    badLanHost: (host: string) => `--lan-host must be an IP address of this computer (or 0.0.0.0 for all of them), not "${host}".`,
    lanServing: (desksAt: string[], displayAt: string[]) =>
      `LAN access is on. Desk PCs join at ${desksAt.join(', ')}; the waiting-area display is at ${displayAt.join(', ')}.`,
    lanFailed: (why: string) => `LAN access could not start: ${why} This computer's own screens still work.`,
    createNeedsKeyFile: '--create-key-file needs --key-file PATH to say where the new key file goes.',
    createOnlyFirstRun: (dir: string) =>
      `A store already exists in ${dir}, so --create-key-file would make a key file that cannot open it. Use "one-stop-queue add-key-file" instead. Nothing was changed.`,
    keyFileCreated: (file: string) => `Created the key file ${file}. Keep a copy somewhere safe: without it (or a passphrase slot) the store cannot be opened.`,
    itSaysDesk: (file: string) => `The IT settings file ${file} makes this PC a desk PC, which keeps no store: serve runs on the hub PC only. Nothing was started.`,
    logDirUnusable: (dir: string, why: string) => `The log folder ${dir} cannot be written (${why}). Give another with --log-dir. Nothing was started.`,
    stopping: 'Stopping: letting calls in progress finish…',
    stopped: 'Stopped. The store was closed cleanly.',
    forced: 'Stopping at once.',
    closeFailed: (why: string) => `The store could not be closed cleanly: ${why}`,
  },

  rekey: {
    program: 'one-stop-queue rekey',
    summary: 'Replace the key that encrypts a store, for when it may have been exposed.',
    help: `Usage: one-stop-queue rekey --data-dir DIR [--key-file PATH]

Re-encrypts the store with a new random key, for when the old one may have been exposed.
The store must not be open anywhere else while this runs.

The passphrase or key file you open it with is kept, now wrapping the new key. Every other
way of opening the store (other passphrases, other key files, the desktop app's slot for
this computer's account) held the old key and is dropped.

Options:
  --data-dir DIR     The store's folder (required).
  --key-file PATH    Open the store with this key file instead of the site passphrase.
  -h, --help         Show this help.

The site passphrase comes from ${envNames.passphrase}, or is asked for on the terminal.`,
    kinds: { passphrase: 'passphrase', 'key-file': 'key file', 'safe-storage': "this computer's account" } satisfies Record<SlotKind, string>,
    done: 'The store has a new key.',
    kept: (slot: SlotSummary, kind: string) => `It opens with the same ${kind} as before ("${slot.label}").`,
    droppedNone: 'No other slot was dropped.',
    dropped: (list: string) => `Dropped, because they held the old key: ${list}.`,
    droppedSlot: (kind: string, label: string) => `${kind} "${label}"`,
    droppedSafeStorage:
      "The desktop app re-creates its slot for this computer's account on its next start, after asking once for the passphrase or key file.",
    droppedPassphrase: 'A manager can set the recovery passphrase again on the manager screen.',
    interrupted: {
      finished: 'An earlier change of key had been interrupted after the database changed; it has now been finished.',
      undone: 'An earlier change of key had been interrupted before the database changed; it was undone and the old key still applies.',
    } satisfies Record<SettledRekey, string>,
  },

  changePassphrase: {
    program: 'one-stop-queue change-passphrase',
    summary: 'Change a passphrase that opens a store.',
    help: `Usage: one-stop-queue change-passphrase --data-dir DIR

Changes a passphrase that opens the store: its slot is re-wrapped under the new
passphrase. The key that encrypts the store and every other slot stay as they are.
The store must not be open anywhere else while this runs.

Options:
  --data-dir DIR   The store's folder (required).
  -h, --help       Show this help.

For scripts: the current passphrase comes from ${envNames.passphrase} and the new one
from ${envNames.newPassphrase}; otherwise both are asked for on the terminal (the new
one twice).`,
    done: 'The passphrase was changed. The key and the other slots are as they were.',
  },

  addKeyFile: {
    program: 'one-stop-queue add-key-file',
    summary: 'Create a key file and let it open a store (for unattended starts).',
    help: `Usage: one-stop-queue add-key-file --data-dir DIR --key-file PATH

Creates a new key file at PATH, readable by you alone, and adds a slot for it to the
store's keystore, so that "one-stop-queue serve --key-file PATH" opens the store without
a passphrase (for a service that starts unattended). An existing file is never replaced.
The store must not be open anywhere else while this runs.

Options:
  --data-dir DIR     The store's folder (required).
  --key-file PATH    Where to create the key file (required).
  -h, --help         Show this help.

The site passphrase comes from ${envNames.passphrase}, or is asked for on the terminal.`,
    needsKeyFile: 'Say where to create the key file with --key-file PATH. Run "one-stop-queue add-key-file --help" for more.',
    done: (file: string) =>
      `Created the key file ${file} and added a slot for it. Anyone who can read it can open the store: keep it, and a copy, somewhere safe.`,
  },

  resetManagerPin: {
    program: 'one-stop-queue reset-manager-pin',
    summary: "Reset a forgotten manager's PIN with the site passphrase.",
    help: `Usage: one-stop-queue reset-manager-pin --data-dir DIR [--manager NAME]

Sets a new PIN for a manager who has forgotten theirs, proved by the site passphrase (a
key file is not enough). Their lockout is cleared. If no manager is active any more, the
one named (or the most recently added) is switched back on. The reset is written to the
audit log. The store must not be open anywhere else while this runs.

Options:
  --data-dir DIR    The store's folder (required).
  --manager NAME    Whose PIN, as shown on the sign-in screen; needed only when the site
                    has more than one active manager.
  -h, --help        Show this help.

For scripts: the site passphrase comes from ${envNames.passphrase} and the new PIN from
${envNames.newPin}; otherwise both are asked for on the terminal (the PIN twice).`,
    done: (staffId: number) => `The PIN was reset for the manager with staff id ${String(staffId)}; they can sign in with it now.`,
    reactivated: 'No manager was active, so this one was switched back on.',
  },

  exportSite: {
    program: 'one-stop-queue export-site',
    summary: "Write the site's settings, staff, figures and audit log to a file, to move it to a new hub PC.",
    help: `Usage: one-stop-queue export-site --data-dir DIR --out FILE [--force] [--key-file PATH]

Writes one file that a new hub PC takes over the site from (docs/replacing-the-hub.md): the
site's settings, services and desks, its staff without their PINs, the anonymous daily
figures (the visits still held are counted into them, so reports add up the same) and the
audit, purge and erasure logs. No visitor's data goes into it: visits, receipts and notes
stay on this hub and are deleted at the end of their 28 days. The store must not be open
anywhere else while this runs.

Options:
  --data-dir DIR    The store's folder (required).
  --out FILE        Where to write the site file.
  --force           Replace FILE if it exists.
  --key-file PATH   Open the store with this key file instead of the site passphrase.
  -h, --help        Show this help.

The site passphrase comes from ${envNames.passphrase}, or is asked for on the terminal.`,
    needsOut: 'Say where the site file goes with --out FILE.',
    refused: (why: string) => `No site file was written: ${why}`,
    noFolder: (folder: string) => `The folder ${folder} does not exist: make it first, or write the site file somewhere else. Nothing was written.`,
    exists: (file: string) => `${file} exists already. Choose another name, or add --force to replace it. Nothing was written.`,
    done: (file: string, staff: number, days: number) =>
      `Wrote the site to ${file}: ${String(staff)} staff (without PINs) and figures for ${String(days)} days. It holds no visitor's data.`,
  },

  importSite: {
    program: 'one-stop-queue import-site',
    summary: 'Take over a site on a new hub PC from a file written by export-site.',
    help: `Usage: one-stop-queue import-site FILE --data-dir DIR [--key-file PATH]

Reads a site file written by export-site into a new, empty store (made here if DIR holds
none, locked with the site passphrase you choose). Nothing is written if any field of the
file is wrong, or if the store already holds a site. Everyone comes in without a PIN: set
each manager's first with "one-stop-queue reset-manager-pin --manager NAME", then they set
everyone else's in Settings, Staff (docs/replacing-the-hub.md).

Options:
  FILE              The site file from export-site (or --file FILE).
  --data-dir DIR    The new store's folder (required).
  --key-file PATH   Open (or make) the store with this key file instead of the site passphrase.
  -h, --help        Show this help.

The site passphrase comes from ${envNames.passphrase}, or is asked for on the terminal (twice
when the store is made here).`,
    needsFile: 'Say which site file to read: one-stop-queue import-site FILE --data-dir DIR.',
    unreadable: (file: string, why: string) => `${file} cannot be read (${why}). Nothing was changed.`,
    refused: (why: string) => `The site file was refused: ${why} Nothing was changed.`,
    done: (site: string, staff: number, managers: number) =>
      `This hub now holds ${site}: ${String(staff)} staff, ${String(managers)} of them active managers, none with a PIN yet. Next: set each manager's PIN with "one-stop-queue reset-manager-pin --data-dir DIR --manager NAME".`,
  },
};

export type CliText = typeof cliEnGB;
