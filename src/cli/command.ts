/**
 * What every CLI command shares: its shape, exit codes, option parsing, and the
 * input/output it is given (process streams in real use, strings in tests).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Exit codes, the same for every command. */
export const EXIT = {
  /** Everything was fine. */
  ok: 0,
  /** The command ran and found a problem in its input (an invalid lesson). */
  failure: 1,
  /** The command could not run: bad usage, or a file it could not read. */
  usage: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Where a command reads and writes. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads a file as UTF-8 text; `-` is standard input. */
  readText: (path: string) => Promise<string>;
  /** Whether stdout is a terminal that takes colour. */
  color: boolean;
}

/**
 * A `lesson-elements <name>` command. Adding one (the planned `package` command
 * that wraps a lesson as a SCORM or single-file HTML package, for instance) is a
 * new module exporting a Command plus one line in the registry in `index.ts`.
 */
export interface Command {
  name: string;
  /** One line for `lesson-elements --help`. */
  summary: string;
  /** The full text of `lesson-elements <name> --help`. */
  help: string;
  run(args: string[], io: CliIo): Promise<ExitCode>;
}

/** A mistake in how the command was called: reported with a hint to --help, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * `parseArgs` in strict mode with positionals, whose mistakes become UsageErrors
 * (exit 2 and a pointer to --help) with a short message.
 */
export function parseOptions<const T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs explains at length; name the option and leave the rest to --help.
    const { code, message } = error as NodeJS.ErrnoException;
    const option = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'([^']+)'/.exec(message)?.[1] : undefined;
    throw new UsageError(option ? `unknown option ${option}` : message);
  }
}

const paint = (code: number) => (text: string, io: CliIo) => (io.color ? `\u001b[${code}m${text}\u001b[0m` : text);
export const green = paint(32);
export const red = paint(31);
export const dim = paint(2);
