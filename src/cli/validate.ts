/**
 * `lesson-elements validate <file...>`: the same checks the elements run in the
 * browser (parseLessonText -> validateLesson), for authors and CI before publishing.
 */
import { LessonLoadError, parseLessonText } from '../core/load.js';
import { splitErrorMessage, unknownFieldReport } from '../core/schema.js';
import { EXIT, UsageError, dim, green, parseOptions, red, type CliIo, type Command, type ExitCode } from './command.js';

/** One problem in a file, located by JSON path (schema errors) or line and column (JSON syntax errors). */
export interface FileError {
  /** `dialogues[0].lines[3].speaker`; `(lesson)` for the whole lesson; `` for the file itself. */
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export interface FileReport {
  file: string;
  /** `unreadable`: the file could not be read at all (missing, a directory, no permission). */
  status: 'valid' | 'invalid' | 'unreadable';
  /** The lesson's id, when it is valid. */
  lessonId?: string;
  errors: FileError[];
}

const help = `Usage: lesson-elements validate [--json] <file...>

Checks lesson JSON files against the Lesson format (the same checks the
elements run in the browser) and prints every error with its JSON path.
Use "-" to read a lesson from standard input.

Options:
  --json      Print one JSON report on stdout:
              { "valid": boolean, "files": [{ "file", "status", "lessonId"?,
                "errors": [{ "path", "message", "line"?, "column"? }] }] }
  -h, --help  Show this help

Exit codes:
  0  every file is a valid lesson
  1  at least one file is not valid (not JSON, or breaks a rule of the format)
  2  a file could not be read, or the command was used wrongly

Examples:
  lesson-elements validate lessons/*.json
  lesson-elements validate --json lesson.json > report.json`;

/** Turns `… in JSON at position 62` into a line and column a person can find in an editor. */
function locateSyntaxError(message: string, text: string): FileError {
  const match = / in JSON at position (\d+)(?: \(line \d+ column \d+\))?/.exec(message);
  if (!match) return { path: '', message };
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return { path: '', message: message.replace(match[0], ''), line, column };
}

/** Validates one file's text; never throws for bad content. */
export function checkLessonText(file: string, text: string): FileReport {
  // Browsers drop a UTF-8 byte order mark when they decode a response; so do we.
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    const lesson = parseLessonText(json);
    return { file, status: 'valid', lessonId: lesson.id, errors: [] };
  } catch (error) {
    if (!(error instanceof LessonLoadError)) throw error;
    const { kind, messages } = error.detail;
    if (kind === 'parse') return { file, status: 'invalid', errors: messages.map((message) => locateSyntaxError(message, json)) };
    if (kind !== 'invalid') return { file, status: 'invalid', errors: messages.map(splitErrorMessage) };
    // Every misspelt field at once: the elements name only the first of each object, and none inside
    // a block that fits no form; for a block whose only fault is such a field, the field says it better.
    const { unknownFields, saidBetter } = unknownFieldReport(JSON.parse(json));
    const errors = [...messages.filter((message) => !saidBetter.includes(message)), ...unknownFields].map(splitErrorMessage);
    return { file, status: 'invalid', errors };
  }
}

async function checkFile(file: string, io: CliIo): Promise<FileReport> {
  let text: string;
  try {
    text = await io.readText(file);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : message;
    return { file, status: 'unreadable', errors: [{ path: '', message: `Cannot read ${file}: ${reason}` }] };
  }
  return checkLessonText(file, text);
}

function printReport(report: FileReport, io: CliIo): void {
  const name = report.file === '-' ? '<stdin>' : report.file;
  if (report.status === 'valid') {
    io.stdout(`${green('OK', io)} ${name}`);
    return;
  }
  if (report.status === 'unreadable') {
    io.stderr(`${red('ERROR', io)} ${report.errors[0]?.message ?? name}`);
    return;
  }
  const count = report.errors.length;
  io.stdout(`${red('INVALID', io)} ${name} ${dim(`(${count} ${count === 1 ? 'error' : 'errors'})`, io)}`);
  for (const error of report.errors) {
    const where = error.line ? `line ${error.line}, column ${error.column}` : error.path;
    io.stdout(`  ${where ? `${where}: ` : ''}${error.message}`);
  }
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check lesson JSON files and print every error with its JSON path',
  help,
  async run(args: string[], io: CliIo): Promise<ExitCode> {
    const { values, positionals: files } = parseOptions(args, {
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.stdout(help);
      return EXIT.ok;
    }
    if (!files.length) throw new UsageError('validate needs at least one lesson file');

    const reports: FileReport[] = [];
    for (const file of files) reports.push(await checkFile(file, io));

    const valid = reports.filter((report) => report.status === 'valid').length;
    if (values.json) {
      io.stdout(JSON.stringify({ valid: valid === reports.length, files: reports }, null, 2));
    } else {
      reports.forEach((report) => printReport(report, io));
      if (reports.length > 1) io.stdout(dim(`${valid} of ${reports.length} files valid`, io));
    }
    if (reports.some((report) => report.status === 'unreadable')) return EXIT.usage;
    return valid === reports.length ? EXIT.ok : EXIT.failure;
  },
};
