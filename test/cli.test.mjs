// The `lesson-elements` command as a user runs it: bin/lesson-elements.js against
// files on disk, asserting what is printed and the exit code. Needs `npm run build`
// first (it builds nothing itself). Run: node --test test/cli.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'lesson-elements.js');
const valid = 'test/fixtures/mini.json';
const invalid = 'test/fixtures/mini-invalid.json';
const notJson = 'test/fixtures/mini-not-json.json';
const seedLesson = 'demo/lessons/python-concurrency.json';

/** Runs the CLI from the repo root, as `npx lesson-elements …` would. */
function cli(args, { input, cwd = root, script = bin } = {}) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [script, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status, stdout, stderr };
}

before(() => {
  assert.ok(existsSync(join(root, 'dist', 'cli.js')), 'dist/cli.js is missing: run npm run build first');
});

describe('lesson-elements validate', () => {
  test('a valid lesson prints OK <file> and exits 0', () => {
    const { status, stdout, stderr } = cli(['validate', valid]);
    assert.equal(stdout, `OK ${valid}\n`);
    assert.equal(stderr, '');
    assert.equal(status, 0);
  });

  test('the seed lesson is valid', () => {
    const { status, stdout } = cli(['validate', seedLesson]);
    assert.equal(stdout, `OK ${seedLesson}\n`);
    assert.equal(status, 0);
  });

  test('an invalid lesson prints every error with its JSON path and exits 1', () => {
    const { status, stdout } = cli(['validate', invalid]);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines[0], `INVALID ${invalid} (3 errors)`);
    assert.match(stdout, /^ {2}dialogues\[0\]\.lines\[2\]\.speaker: "s9" is not a speaker of this dialogue \(teacher, s1\)$/m);
    assert.match(stdout, /^ {2}dialogues\[0\]\.lines\[1\]\.start: .*number.*"0:03"/m);
    assert.match(stdout, /^ {2}links\[0\]\.url: /m);
    assert.equal(lines.length, 4, 'a header and exactly one line per error');
    assert.equal(status, 1);
  });

  test('every misspelt field is reported, not only the first of each object (the elements name that one)', () => {
    const lesson = JSON.parse(readFileSync(join(root, valid), 'utf8'));
    Object.assign(lesson.glossary[0], { colour: 'red', 'see also': 'x', colur: 'blue' });
    const { status, stdout } = cli(['validate', '-'], { input: JSON.stringify(lesson) });
    const unknown = stdout.split('\n').filter((line) => line.includes('unknown field')).map((line) => line.trim().split(': ')[0]);
    assert.deepEqual(unknown, ['glossary[0].colour', 'glossary[0]["see also"]', 'glossary[0].colur']);
    assert.match(stdout, /^INVALID <stdin> \(3 errors\)$/m);
    assert.equal(status, 1);
  });

  test('unknown fields inside a block or a list item (objects that match no option of a union) are named too', () => {
    const lesson = JSON.parse(readFileSync(join(root, valid), 'utf8'));
    // The first two only have unknown fields: those are named instead of "Expected …". The third is no block even without its typo.
    lesson.summaries.detailed = [{ heading: 'Part', colour: 'red' }, { list: ['a', { text: 'b', list: ['c'], bullet: '*', indent: 2 }] }, { haeding: 'Typo' }];
    const { status, stdout } = cli(['validate', '-'], { input: JSON.stringify(lesson) });
    const block = 'Expected a paragraph text, a {"heading": "..."} block or a {"list": [...]} block';
    const unknown = 'unknown field (check its spelling; see docs/lesson-format.md)';
    assert.equal(
      stdout,
      [
        'INVALID <stdin> (5 errors)',
        `  summaries.detailed[2]: ${block}`,
        `  summaries.detailed[0].colour: ${unknown}`,
        `  summaries.detailed[1].list[1].bullet: ${unknown}`,
        `  summaries.detailed[1].list[1].indent: ${unknown}`,
        `  summaries.detailed[2].haeding: ${unknown}`,
        '',
      ].join('\n'),
    );
    assert.equal(status, 1);
  });

  test('--json splits each error into its path and message, also when a quoted key holds ": "', () => {
    const lesson = JSON.parse(readFileSync(join(root, valid), 'utf8'));
    lesson.glossary[0]['note: draft'] = 'x';
    const { stdout } = cli(['validate', '--json', '-'], { input: JSON.stringify(lesson) });
    const [report] = JSON.parse(stdout).files;
    assert.deepEqual(report.errors, [
      { path: 'glossary[0]["note: draft"]', message: 'unknown field (check its spelling; see docs/lesson-format.md)' },
    ]);
  });

  test('a file that is not JSON is reported with its line and column, exit 1', () => {
    const { status, stdout } = cli(['validate', notJson]);
    assert.match(stdout, new RegExp(`^INVALID ${notJson} \\(1 error\\)$`, 'm'));
    // The trailing comma after "lang": the parser stops at the "}" on line 6.
    assert.match(stdout, /^ {2}line 6, column 1: Not valid JSON: /m);
    assert.equal(status, 1);
  });

  test('several files: one report each, a summary, exit 1 when any is invalid', () => {
    const { status, stdout } = cli(['validate', valid, invalid]);
    assert.match(stdout, new RegExp(`^OK ${valid}$`, 'm'));
    assert.match(stdout, new RegExp(`^INVALID ${invalid} `, 'm'));
    assert.match(stdout, /^1 of 2 files valid$/m);
    assert.equal(status, 1);
  });

  test('a missing file is a usage error on stderr, exit 2, and the other files are still checked', () => {
    const { status, stdout, stderr } = cli(['validate', 'no-such-lesson.json', valid]);
    assert.match(stderr, /^ERROR Cannot read no-such-lesson\.json: no such file$/m);
    assert.match(stdout, new RegExp(`^OK ${valid}$`, 'm'));
    assert.equal(status, 2);
  });

  test('a directory is unreadable, exit 2', () => {
    const { status, stderr } = cli(['validate', 'test/fixtures']);
    assert.match(stderr, /Cannot read test\/fixtures: is a directory/);
    assert.equal(status, 2);
  });

  test('--json prints one machine-readable report', () => {
    const { status, stdout } = cli(['validate', '--json', valid, invalid, notJson]);
    const report = JSON.parse(stdout);
    assert.equal(report.valid, false);
    assert.deepEqual(
      report.files.map((file) => [file.file, file.status]),
      [
        [valid, 'valid'],
        [invalid, 'invalid'],
        [notJson, 'invalid'],
      ],
    );
    assert.equal(report.files[0].lessonId, 'mini');
    assert.deepEqual(report.files[1].errors.find((error) => error.path === 'dialogues[0].lines[2].speaker'), {
      path: 'dialogues[0].lines[2].speaker',
      message: '"s9" is not a speaker of this dialogue (teacher, s1)',
    });
    assert.deepEqual(
      { line: report.files[2].errors[0].line, column: report.files[2].errors[0].column },
      { line: 6, column: 1 },
    );
    assert.equal(status, 1);
  });

  test('--json for valid files: valid true, exit 0', () => {
    const { status, stdout } = cli(['validate', valid, '--json']);
    assert.deepEqual(JSON.parse(stdout), { valid: true, files: [{ file: valid, status: 'valid', lessonId: 'mini', errors: [] }] });
    assert.equal(status, 0);
  });

  test('"-" reads the lesson from standard input', () => {
    const { status, stdout } = cli(['validate', '-'], { input: readFileSync(join(root, valid)) });
    assert.equal(stdout, 'OK <stdin>\n');
    assert.equal(status, 0);
  });

  describe('files saved by other editors', () => {
    let dir;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'lesson-cli-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    test('a UTF-8 byte order mark is accepted, as browsers do', () => {
      const file = join(dir, 'bom.json');
      writeFileSync(file, `\uFEFF${readFileSync(join(root, valid), 'utf8')}`);
      const { status, stdout } = cli(['validate', file]);
      assert.equal(stdout, `OK ${file}\n`);
      assert.equal(status, 0);
    });

    test('a JSON value that is not an object is invalid, exit 1', () => {
      const file = join(dir, 'array.json');
      writeFileSync(file, '[]');
      const { status, stdout } = cli(['validate', file]);
      assert.match(stdout, /^ {2}\(lesson\): /m);
      assert.equal(status, 1);
    });
  });

  test('validate without files is a usage error, exit 2', () => {
    const { status, stdout, stderr } = cli(['validate']);
    assert.equal(stdout, '');
    assert.match(stderr, /validate needs at least one lesson file/);
    assert.match(stderr, /lesson-elements validate --help/);
    assert.equal(status, 2);
  });

  test('an unknown option is a usage error, exit 2', () => {
    const { status, stderr } = cli(['validate', '--strict', valid]);
    assert.match(stderr, /^lesson-elements validate: unknown option --strict$/m);
    assert.equal(status, 2);
  });

  test('validate --help explains usage, options and exit codes', () => {
    const { status, stdout } = cli(['validate', '--help']);
    assert.match(stdout, /^Usage: lesson-elements validate \[--json\] <file\.\.\.>/);
    assert.match(stdout, /--json/);
    assert.match(stdout, /Exit codes:/);
    assert.equal(status, 0);
    assert.equal(cli(['help', 'validate']).stdout, stdout);
  });
});

describe('lesson-elements', () => {
  test('--help lists the commands, exit 0', () => {
    const { status, stdout } = cli(['--help']);
    assert.match(stdout, /^Usage: lesson-elements <command>/);
    assert.match(stdout, /^ {2}validate {2}Check lesson JSON files/m);
    assert.equal(status, 0);
  });

  test('no arguments prints the usage on stderr, exit 2', () => {
    const { status, stdout, stderr } = cli([]);
    assert.equal(stdout, '');
    assert.match(stderr, /^Usage: lesson-elements <command>/);
    assert.equal(status, 2);
  });

  test('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const { status, stdout } = cli(['--version']);
    assert.equal(stdout, `${version}\n`);
    assert.equal(status, 0);
  });

  test('an unknown command is a usage error, exit 2', () => {
    const { status, stderr } = cli(['publish']);
    assert.match(stderr, /unknown command "publish"/);
    assert.equal(status, 2);
  });

  test('without a build, one line says what to do, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lesson-cli-nobuild-'));
    try {
      const script = join(dir, 'bin', 'lesson-elements.js');
      mkdirSync(join(dir, 'bin'));
      copyFileSync(bin, script);
      const { status, stdout, stderr } = cli(['validate', valid], { script });
      assert.equal(stdout, '');
      assert.equal(stderr, 'run npm run build first\n');
      assert.equal(status, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
