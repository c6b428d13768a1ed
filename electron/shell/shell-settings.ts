import fs from 'node:fs';
import path from 'node:path';

/**
 * The desktop app's own settings — how this PC runs, not the site's rules, so they live beside
 * the store (`userData/shell-settings.json`) rather than in it. Council IT may edit the file;
 * anything missing or invalid falls back to the default.
 */
export interface ShellSettings {
  /** The in-app hub's port on 127.0.0.1; 0 lets the OS pick a free one. */
  hubPort: number;
  /** Open the waiting-area display on a second monitor when there is one. */
  displayOnSecondMonitor: boolean;
  /**
   * The printer tickets and receipts go to, as the OS names it (or as Print Preview shows it).
   * Null: none set, and nothing prints — the app never falls back to the OS default printer.
   */
  printerName: string | null;
}

export const defaultShellSettings: ShellSettings = { hubPort: 0, displayOnSecondMonitor: true, printerName: null };

/** A printer name as the OS gives it: some text, not a paragraph. */
const printerNameMaxLength = 200;

function parsePrinterName(value: unknown): string | null {
  return typeof value === 'string' && value.length >= 1 && value.length <= printerNameMaxLength ? value : null;
}

export const shellSettingsFile = 'shell-settings.json';

export function parseShellSettings(text: string): ShellSettings {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ...defaultShellSettings };
  }
  const raw = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const port = raw.hubPort;
  return {
    hubPort: typeof port === 'number' && Number.isInteger(port) && port >= 0 && port <= 65535 ? port : defaultShellSettings.hubPort,
    displayOnSecondMonitor:
      typeof raw.displayOnSecondMonitor === 'boolean' ? raw.displayOnSecondMonitor : defaultShellSettings.displayOnSecondMonitor,
    printerName: parsePrinterName(raw.printerName),
  };
}

export function readShellSettings(userDataDir: string): ShellSettings {
  try {
    return parseShellSettings(fs.readFileSync(path.join(userDataDir, shellSettingsFile), 'utf8'));
  } catch {
    return { ...defaultShellSettings };
  }
}
