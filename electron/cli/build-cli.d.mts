/** Types for build-cli.mjs, which is plain JavaScript so that it runs before anything is built. */

export interface BuildManifest {
  version: 1;
  /** When the build began reading its sources (ms since the epoch). */
  builtAt: number;
  /** Each source file the build read, relative to the package root, with `/`. */
  sources: string[];
  /** The files it wrote into its folder. */
  files: string[];
}

export interface BuildPlace {
  root?: string;
  outDir?: string;
}

export const packageRoot: string;
export const launcherWords: {
  building: string;
  failed: (why: string) => string;
  built: (where: string, files: string[]) => string;
};
export const cliOutDir: string;
export function staleReason(where?: BuildPlace): string | null;
export function buildCli(where?: BuildPlace): Promise<BuildManifest>;
export function ensureCliBuilt(): Promise<string>;
