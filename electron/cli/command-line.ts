import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliFailure } from './cli-failure.js';
import { cliText } from './cli-text.js';
import { exitCodes } from './exit-codes.js';

const text = cliText.commandLine;

/** One command of the program: its name, one line for the overview, and what it does. */
export interface Command {
  name: string;
  summary: string;
  run(argv: string[]): Promise<number>;
}

export type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

const helpOption = { help: { type: 'boolean', short: 'h' } } as const;

/** The values of a command's options, as parsed. */
export type ParsedOptions<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O & typeof helpOption; allowPositionals: true; strict: true }>
>['values'];

/** A command as it is declared: its options (and `--help`) are parsed once, here, for all of them. */
export interface CommandSpec<O extends ParseArgsOptionsConfig> {
  name: string;
  /** Its line in the overview, and its `--help` (each command keeps its own words beside it). */
  words: { summary: string; help: string | (() => string) };
  options: O;
  /**
   * The string option that one bare argument stands for (`import-site FILE` as `--file FILE`).
   * Without it, any bare argument is refused.
   */
  positional?: keyof O & string;
  run(values: ParsedOptions<O>): Promise<number>;
}

export function defineCommand<const O extends ParseArgsOptionsConfig>(spec: CommandSpec<O>): Command {
  return {
    name: spec.name,
    summary: spec.words.summary,
    run: async (argv) => {
      const { values } = parseOrExplain(
        spec.name,
        () => parseArgs({ args: argv, options: { ...spec.options, ...helpOption }, allowPositionals: true, strict: true }),
        spec.positional,
      );
      if ((values as { help?: boolean }).help === true) {
        const { help } = spec.words;
        say(typeof help === 'string' ? help : help());
        return exitCodes.ok;
      }
      return spec.run(values);
    },
  };
}

const dataDirOption = { 'data-dir': { type: 'string' } } as const;

/** A command that changes a closed store: it needs `--data-dir`, checked before anything is asked for. */
export function defineStoreCommand<const O extends ParseArgsOptionsConfig>(
  spec: Omit<CommandSpec<O>, 'run'> & { run(dataDir: string, values: ParsedOptions<O>): Promise<number> },
): Command {
  return defineCommand({
    ...spec,
    options: { ...dataDirOption, ...spec.options },
    run: (values) => spec.run(requireDataDir(spec.name, (values as { 'data-dir'?: string })['data-dir']), values as ParsedOptions<O>),
  });
}

/** node:util's parseArgs throws a TypeError for an unknown or malformed option: that is a usage error. */
function parseOrExplain<R extends { positionals: string[]; values: Record<string, unknown> }>(command: string, parse: () => R, positional?: string): R {
  let parsed: R;
  try {
    parsed = parse();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      const message = (error as Error).message;
      // Node's wording for an unknown option goes on about positionals; name the option plainly.
      const unknown = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'([^']+)'/.exec(message)?.[1] : undefined;
      throw new CliFailure(exitCodes.usage, text.badArguments(unknown === undefined ? message : text.unknownOption(unknown), command));
    }
    throw error;
  }
  const [first, ...rest] = parsed.positionals;
  if (positional !== undefined && first !== undefined) {
    // One bare argument stands for the option, given once: `import-site FILE --file OTHER` is ambiguous.
    if (parsed.values[positional] !== undefined) throw new CliFailure(exitCodes.usage, text.badArguments(text.givenTwice(positional), command));
    parsed.values[positional] = first;
  }
  const extra = positional === undefined ? first : rest[0];
  if (extra !== undefined) throw new CliFailure(exitCodes.usage, text.badArguments(text.unexpectedArgument(extra), command));
  return parsed;
}

function requireDataDir(command: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new CliFailure(exitCodes.usage, text.needsDataDir(command));
  return path.resolve(value);
}

export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function warn(line: string): void {
  process.stderr.write(`${line}\n`);
}
