/**
 * The `lesson-elements` command line (bin/lesson-elements.js runs the built
 * copy, dist/cli.js). Node only; it shares the validator with the elements.
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { EXIT, UsageError, type CliIo, type Command, type ExitCode } from './command.js';
import { validateCommand } from './validate.js';
import { packageCommand } from './package.js';

export { EXIT, UsageError } from './command.js';
export type { CliIo, Command, ExitCode } from './command.js';
export { checkLessonText } from './validate.js';
export type { FileError, FileReport } from './validate.js';

/**
 * Every command, by name. A new command is one module exporting a Command and one
 * line here; `package` (SCORM / single-file HTML packaging) is planned as the next.
 */
export const commands: ReadonlyMap<string, Command> = new Map([validateCommand, packageCommand].map((command) => [command.name, command]));

function version(): string {
  try {
    // dist/cli.js -> ../package.json
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function overview(): string {
  const width = Math.max(...[...commands.keys()].map((name) => name.length));
  const list = [...commands.values()].map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n');
  return `Usage: lesson-elements <command> [options]

Commands:
${list}

Options:
  -h, --help     Show help (also: lesson-elements <command> --help)
  -v, --version  Show the version`;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The real terminal. */
export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  readText: (path) => (path === '-' ? readStdin() : readFile(path, 'utf8')),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb',
};

/** Runs the command line `args` (without `node` and the script) and returns the exit code. */
export async function main(args: string[], io: CliIo = processIo): Promise<ExitCode> {
  const [first, ...rest] = args;
  if (first === undefined || first === '-h' || first === '--help') {
    (first ? io.stdout : io.stderr)(overview());
    return first ? EXIT.ok : EXIT.usage;
  }
  if (first === '-v' || first === '--version') {
    io.stdout(version());
    return EXIT.ok;
  }
  if (first === 'help') {
    const command = rest[0] ? commands.get(rest[0]) : undefined;
    io.stdout(command ? command.help : overview());
    return EXIT.ok;
  }
  const command = commands.get(first);
  if (!command) {
    io.stderr(`lesson-elements: unknown command "${first}". Run lesson-elements --help for the list.`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`lesson-elements ${command.name}: ${error.message}\nRun lesson-elements ${command.name} --help for usage.`);
    return EXIT.usage;
  }
}
