/**
 * What every CLI command shares: its shape, exit codes, and the input/output
 * it is given (process streams in real use, strings in tests).
 */

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

const paint = (code: number) => (text: string, io: CliIo) => (io.color ? `\u001b[${code}m${text}\u001b[0m` : text);
export const green = paint(32);
export const red = paint(31);
export const dim = paint(2);
