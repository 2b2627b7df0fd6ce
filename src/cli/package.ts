/**
 * `lesson-elements package <lesson.json> --format scorm12|scorm2004|html`:
 * wraps a lesson for an LMS (a SCORM zip) or for offline use (one HTML
 * file). Uses the built CDN bundle (dist/cdn), so `npm run build` comes first
 * in a checkout; an installed package ships it.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, posix, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, type Zippable } from 'fflate';
import type { Lesson } from '../core/schema.js';
import { EXIT, UsageError, dim, green, parseOptions, red, type CliIo, type Command, type ExitCode } from './command.js';
import { mediaReferences, planMedia, setAtPath } from './package-media.js';
import { escapeXml, launchScript, manifestXml, scormIndexHtml, singleFileHtml, sitePageHtml, type ScormFormat } from './package-pages.js';
import { checkLessonText } from './validate.js';

export type PackageFormat = ScormFormat | 'html' | 'embed';
const FORMATS: readonly PackageFormat[] = ['scorm12', 'scorm2004', 'html', 'embed'];
const FORMAT_NAMES: Record<PackageFormat, string> = {
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004 4th Edition',
  html: 'single-file HTML',
  embed: 'web folder with embed.html',
};

/** The files of the build the packages are made from, in the build folder (dist/). */
const CDN = 'cdn';
const BUNDLE = 'lesson-elements.js';
const EMBED_PAGE = 'embed.html';
/** The bundle with every lazy chunk inlined: a page opened from disk cannot import chunks. */
const SINGLE_FILE_BUNDLE = 'standalone/lesson-elements.js';
/** The CDN entries each format ships, with the chunks they import. */
const ENTRIES: Record<PackageFormat, string[]> = {
  scorm12: [BUNDLE, 'scorm-runtime.js'],
  scorm2004: [BUNDLE, 'scorm-runtime.js'],
  embed: [BUNDLE, 'embed-child.js', 'lesson-embed.js'],
  html: [],
};
/** What a format needs from the build folder. */
const buildFiles = (format: PackageFormat): string[] =>
  format === 'html' ? [SINGLE_FILE_BUNDLE] : [...ENTRIES[format], ...(format === 'embed' ? [EMBED_PAGE] : [])].map((file) => `${CDN}/${file}`);

const help = `Usage: lesson-elements package <lesson.json> --format <format> [-o <output>]

Wraps a lesson for delivery, with the media it references (audio, captions,
images; relative to the lesson file).

Formats:
  scorm12     A SCORM 1.2 zip for any LMS (Moodle, Canvas, Blackboard, Brightspace)
  scorm2004   A SCORM 2004 4th Edition zip
  html        One HTML file with the elements and the lesson inside: open it
              from disk, no server or network needed
  embed       A folder for any web host: the lesson page (index.html) and
              embed.html?view=<section> to iframe into Canvas, WordPress, blogs

Options:
  -f, --format <format>      scorm12, scorm2004 or html (required)
  -o, --output <path>        The file to write (default: <lesson id>-<format>.zip,
                             <lesson id>.html, or the folder <lesson id>-embed);
                             an existing folder writes inside it
      --passing-score <n>    Score needed to pass, 0-1 or a percentage (80%);
                             the LMS then records passed/failed
      --build-dir <dir>      Use the lesson-elements build in <dir> (default:
                             this package's dist folder)
  -h, --help                 Show this help

Exit codes:
  0  the package was written
  1  the lesson is not valid, or a media file it references is missing
  2  the command was used wrongly, or the lesson or the build could not be read

Examples:
  lesson-elements package lesson.json --format scorm12
  lesson-elements package lesson.json --format scorm2004 --passing-score 80% -o dist/lesson.zip
  lesson-elements package lesson.json --format html -o lesson.html
  lesson-elements package lesson.json --format embed -o public/python-lesson`;

/** Media that is already compressed is stored, not deflated again. */
const STORED = new Set(['.mp3', '.m4a', '.aac', '.ogg', '.oga', '.opus', '.webm', '.mp4', '.jpg', '.jpeg', '.png', '.gif', '.webp', '.avif']);

/** Relative module specifiers in built code: static, dynamic and re-export forms. */
const RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*["'](\.\.?\/[^"']+)["']/g;

const withoutSourceMap = (code: string) => code.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n');

/** A bundle entry and every chunk it imports, statically or lazily: package path to code. */
export function bundleFiles(bundleDir: string, entry: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (path: string) => {
    if (files.has(path)) return;
    const code = withoutSourceMap(readFileSync(join(bundleDir, path), 'utf8'));
    files.set(path, code);
    for (const match of code.matchAll(RELATIVE_IMPORT)) visit(posix.normalize(posix.join(posix.dirname(path), match[1]!)));
  };
  visit(entry);
  return files;
}

/** `0.8`, `80` or `80%` as a scaled score. */
function parsePassingScore(text: string): number {
  const percent = text.endsWith('%');
  const value = Number(percent ? text.slice(0, -1) : text);
  const scaled = percent || value > 1 ? value / 100 : value;
  if (!Number.isFinite(scaled) || scaled < 0 || scaled > 1) {
    throw new UsageError(`--passing-score must be between 0 and 1, or a percentage; got "${text}"`);
  }
  return scaled;
}

interface Options {
  lessonFile: string;
  format: PackageFormat;
  output: string | undefined;
  passingScore: number | undefined;
  buildDir: string;
}

function readOptions(args: string[]): Options | 'help' {
  const { values, positionals } = parseOptions(args, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    'passing-score': { type: 'string' },
    'build-dir': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'package takes one lesson file' : 'package needs a lesson file');
  const format = values.format as PackageFormat | undefined;
  if (!format) throw new UsageError(`--format is required: ${FORMATS.join(', ')}`);
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${format}": use ${FORMATS.join(', ')}`);
  const passing = values['passing-score'];
  if (passing !== undefined && (format === 'html' || format === 'embed')) {
    throw new UsageError('--passing-score is for SCORM packages: the other formats report to no LMS');
  }
  return {
    lessonFile: positionals[0]!,
    format,
    output: values.output,
    passingScore: passing === undefined ? undefined : parsePassingScore(passing),
    // dist/cli.js is built beside dist/cdn and dist/standalone.
    buildDir: resolve(values['build-dir'] ?? fileURLToPath(new URL('.', import.meta.url))),
  };
}

/** Where to write: the given file, a file inside the given folder, or the default name here. */
function outputPath(options: Options, lesson: Lesson): string {
  const name = { html: `${lesson.id}.html`, embed: `${lesson.id}-embed`, scorm12: `${lesson.id}-scorm12.zip`, scorm2004: `${lesson.id}-scorm2004.zip` }[options.format];
  if (!options.output) return resolve(name);
  // An embed package is a folder: -o names it.
  if (options.format === 'embed') return resolve(options.output);
  const output = resolve(options.output);
  const isDir = /[\\/]$/.test(options.output) || (existsSync(output) && statSync(output).isDirectory());
  return isDir ? join(output, name) : output;
}

function kilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export const packageCommand: Command = {
  name: 'package',
  summary: 'Wrap a lesson as a SCORM 1.2/2004 zip, a single HTML file or an embeddable web folder',
  help,
  async run(args: string[], io: CliIo): Promise<ExitCode> {
    const options = readOptions(args);
    if (options === 'help') {
      io.stdout(help);
      return EXIT.ok;
    }
    const { lessonFile, format, buildDir } = options;
    const cdnDir = join(buildDir, CDN);

    // The build first: without it there is nothing to package the lesson with.
    const missing = buildFiles(format).map((file) => join(buildDir, file)).filter((file) => !existsSync(file));
    if (missing.length) {
      io.stderr(`${red('ERROR', io)} The lesson-elements build is missing (${missing.join(', ')}): run npm run build first.`);
      return EXIT.usage;
    }

    let text: string;
    try {
      text = await io.readText(lessonFile);
    } catch (error) {
      io.stderr(`${red('ERROR', io)} Cannot read ${lessonFile}: ${(error as Error).message}`);
      return EXIT.usage;
    }
    const report = checkLessonText(lessonFile, text);
    if (report.status !== 'valid') {
      io.stdout(`${red('INVALID', io)} ${lessonFile} ${dim(`(${report.errors.length} ${report.errors.length === 1 ? 'error' : 'errors'})`, io)}`);
      for (const error of report.errors) {
        const where = error.line ? `line ${error.line}, column ${error.column}` : error.path;
        io.stdout(`  ${where ? `${where}: ` : ''}${error.message}`);
      }
      io.stdout('Nothing was written. Fix the lesson (lesson-elements validate shows the same errors) and run package again.');
      return EXIT.failure;
    }
    // Valid, so this parses; the raw data keeps the author's field order for the packaged copy.
    const lesson = JSON.parse(text.replace(/^\uFEFF/, '')) as Lesson;

    // Package path -> text of every built file the format ships (the bundle with its chunks, …).
    const code = new Map<string, string>();
    for (const entry of ENTRIES[format]) for (const [path, js] of bundleFiles(cdnDir, entry)) code.set(path, js);
    if (format === 'embed') code.set(EMBED_PAGE, readFileSync(join(cdnDir, EMBED_PAGE), 'utf8'));
    const reserved = new Set(['imsmanifest.xml', 'index.html', 'launch.js', 'lesson.json', EMBED_PAGE, ...code.keys()]);
    const plan = planMedia(mediaReferences(lesson), lessonFile, reserved);
    for (const warning of plan.warnings) io.stderr(`warning: ${warning}`);
    if (plan.errors.length) {
      io.stdout(`${red('MISSING MEDIA', io)} ${lessonFile} ${dim(`(${plan.errors.length} ${plan.errors.length === 1 ? 'error' : 'errors'})`, io)}`);
      for (const error of plan.errors) io.stdout(`  ${error}`);
      io.stdout('Nothing was written: a package with missing media would be broken in the LMS.');
      return EXIT.failure;
    }
    for (const rewrite of plan.rewrites) setAtPath(lesson, rewrite.path, rewrite.url);
    const lessonJson = JSON.stringify(lesson);
    const output = outputPath(options, lesson);
    mkdirSync(dirname(output), { recursive: true });
    const copyMedia = (folder: string) => {
      for (const file of plan.files) {
        const target = join(folder, ...file.target.split('/'));
        if (resolve(target) === resolve(file.source)) continue;
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(file.source, target);
      }
    };

    if (format === 'html') {
      const bundle = withoutSourceMap(readFileSync(join(buildDir, SINGLE_FILE_BUNDLE), 'utf8'));
      const html = singleFileHtml(lesson, lessonJson, bundle);
      writeFileSync(output, html);
      copyMedia(dirname(output));
      io.stdout(`${green('OK', io)} Wrote ${output} (${FORMAT_NAMES.html}, ${kilobytes(Buffer.byteLength(html))})`);
      if (plan.files.length) {
        io.stdout(`  Keep ${plan.files.length === 1 ? 'this media file' : `these ${plan.files.length} media files`} beside it: ${plan.files.map((file) => file.target).join(', ')}`);
      }
      return EXIT.ok;
    }

    if (format === 'embed') {
      const pages = new Map([['index.html', sitePageHtml(lesson)], ...code, ['lesson.json', lessonJson]]);
      for (const [path, content] of pages) {
        mkdirSync(dirname(join(output, path)), { recursive: true });
        writeFileSync(join(output, path), content);
      }
      copyMedia(output);
      io.stdout(`${green('OK', io)} Wrote ${output}${sep} (${FORMAT_NAMES.embed}, ${pages.size + plan.files.length} files)`);
      io.stdout(`  Upload the folder to any web host, then embed one part of the lesson with:`);
      io.stdout(`  <iframe data-lesson-embed title="${escapeXml(lesson.title)}" style="width:100%;border:0" src="https://<your host>/<folder>/embed.html?src=lesson.json&view=flashcards"></iframe>`);
      io.stdout(`  <script src="https://<your host>/<folder>/lesson-embed.js" defer></script>`);
      return EXIT.ok;
    }

    const encoder = new TextEncoder();
    const files = new Map<string, Uint8Array>([
      ['index.html', encoder.encode(scormIndexHtml(lesson))],
      ['launch.js', encoder.encode(launchScript(lesson, options.passingScore))],
      ...[...code].map(([path, js]) => [path, encoder.encode(js)] as [string, Uint8Array]),
      ['lesson.json', encoder.encode(lessonJson)],
      ...plan.files.map((file) => [file.target, new Uint8Array(readFileSync(file.source))] as [string, Uint8Array]),
    ]);
    const manifest = manifestXml({ format, lesson, files: [...files.keys()], passingScore: options.passingScore });
    const zippable: Zippable = { 'imsmanifest.xml': encoder.encode(manifest) };
    for (const [path, bytes] of files) zippable[path] = [bytes, { level: STORED.has(extname(path).toLowerCase()) ? 0 : 9 }];
    const zip = zipSync(zippable, { level: 9 });
    writeFileSync(output, zip);
    io.stdout(`${green('OK', io)} Wrote ${output} (${FORMAT_NAMES[format]}, ${files.size + 1} files, ${kilobytes(zip.length)})`);
    io.stdout(`  Upload it to your LMS as a SCORM package (see docs/lms-guide.md).`);
    return EXIT.ok;
  },
};

