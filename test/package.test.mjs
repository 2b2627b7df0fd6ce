// `lesson-elements package` as a user runs it: bin/lesson-elements.js on files on disk,
// then the zip and the manifest taken apart. Needs `npm run build` first (the packages
// are made from dist/cdn and dist/standalone). Run: node --test test/package.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { unzipSync, strFromU8 } from 'fflate';
import { findAll, parseXml } from './fixtures/scorm/xml.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'lesson-elements.js');
const seedLesson = join(root, 'demo/lessons/python-concurrency.json');
const mediaLesson = join(root, 'test/fixtures/scorm/media-lesson/lesson.json');
let out;

function cli(args) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [bin, ...args], {
    cwd: out,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status, stdout, stderr };
}

/** Packages a lesson and returns the zip's files by path. */
function scorm(lesson, format, ...extra) {
  const zip = join(out, `${format}-${Math.random().toString(36).slice(2)}.zip`);
  const result = cli(['package', lesson, '--format', format, '-o', zip, ...extra]);
  assert.equal(result.status, 0, result.stdout + result.stderr);
  return { ...result, files: unzipSync(readFileSync(zip)) };
}

const manifestOf = (files) => parseXml(strFromU8(files['imsmanifest.xml']));
const text = (element, name) => findAll(element, name)[0]?.text.trim();

before(() => {
  assert.ok(existsSync(join(root, 'dist', 'cli.js')), 'dist/cli.js is missing: run npm run build first');
  out = mkdtempSync(join(tmpdir(), 'lesson-package-'));
});
after(() => rmSync(out, { recursive: true, force: true }));

describe('the XML checker the manifest tests rely on', () => {
  test('rejects XML that is not well-formed', () => {
    for (const bad of ['<a><b></a></b>', '<a x="1" x="2"/>', '<a>&nbsp;</a>', '<a/><b/>', '<p:a/>', '<a b=1/>', '<a>', 'text<a/>', '<a>x & y</a>']) {
      assert.throws(() => parseXml(bad), undefined, bad);
    }
    assert.equal(parseXml('<?xml version="1.0" encoding="UTF-8"?><a xmlns:p="u"><p:b c="&amp;&#65;">t&lt;</p:b></a>').children[0].text, 't<');
  });
});

for (const [format, expected] of [
  ['scorm12', { namespace: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2', adlcp: 'http://www.adlnet.org/xsd/adlcp_rootv1p2', version: '1.2', scormType: 'adlcp:scormtype' }],
  ['scorm2004', { namespace: 'http://www.imsglobal.org/xsd/imscp_v1p1', adlcp: 'http://www.adlnet.org/xsd/adlcp_v1p3', version: '2004 4th Edition', scormType: 'adlcp:scormType' }],
]) {
  describe(`--format ${format}`, () => {
    test('writes a manifest that is well-formed XML with the namespaces and schema version of its SCORM version', () => {
      const manifest = manifestOf(scorm(seedLesson, format).files);
      assert.equal(manifest.name, 'manifest');
      assert.equal(manifest.attributes.xmlns, expected.namespace);
      assert.equal(manifest.attributes['xmlns:adlcp'], expected.adlcp);
      assert.match(manifest.attributes['xsi:schemaLocation'], new RegExp(`${expected.namespace} \\S+\\.xsd`));
      assert.match(manifest.attributes.identifier, /^[A-Za-z_][\w.-]*$/);
      if (format === 'scorm2004') {
        for (const prefix of ['adlseq', 'adlnav', 'imsss']) assert.ok(manifest.attributes[`xmlns:${prefix}`], `xmlns:${prefix}`);
      }
      assert.equal(text(manifest, 'schema'), 'ADL SCORM');
      assert.equal(text(manifest, 'schemaversion'), expected.version);
    });

    test('has one organization with one item pointing at one SCO launched by index.html', () => {
      const manifest = manifestOf(scorm(seedLesson, format).files);
      const [organizations] = findAll(manifest, 'organizations');
      const organization = findAll(manifest, 'organization');
      assert.equal(organization.length, 1);
      assert.equal(organizations.attributes.default, organization[0].attributes.identifier);
      assert.equal(text(organization[0], 'title'), 'Pros and Cons of Concurrency and Parallelism in Python');
      const items = findAll(manifest, 'item');
      assert.equal(items.length, 1);
      const resources = findAll(manifest, 'resource');
      assert.equal(resources.length, 1);
      assert.equal(items[0].attributes.identifierref, resources[0].attributes.identifier);
      assert.equal(resources[0].attributes[expected.scormType], 'sco');
      assert.equal(resources[0].attributes.type, 'webcontent');
      assert.equal(resources[0].attributes.href, 'index.html');
    });

    test('lists every file of the zip, and every listed file is in the zip', () => {
      const { files } = scorm(mediaLesson, format);
      const manifest = manifestOf(files);
      const listed = findAll(manifest, 'file').map((file) => decodeURIComponent(file.attributes.href));
      const zipped = Object.keys(files).filter((path) => path !== 'imsmanifest.xml');
      assert.deepEqual([...listed].sort(), [...zipped].sort());
      assert.equal(new Set(listed).size, listed.length, 'no file is listed twice');
      for (const path of ['index.html', 'launch.js', 'lesson-elements.js', 'scorm-runtime.js', 'lesson.json']) assert.ok(files[path], path);
    });

    test('includes every chunk the bundle imports, statically or lazily', () => {
      const { files } = scorm(seedLesson, format);
      for (const [path, bytes] of Object.entries(files)) {
        if (!path.endsWith('.js')) continue;
        for (const [, specifier] of strFromU8(bytes).matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'](\.\.?\/[^"']+)["']/g)) {
          const target = new URL(specifier, `file:///pkg/${path}`).pathname.slice('/pkg/'.length);
          assert.ok(files[target], `${path} imports ${specifier}, which is not in the package`);
        }
      }
    });

    test('launches through launch.js: the LMS connection before the lesson', () => {
      const { files } = scorm(seedLesson, format, '--passing-score', '0.75');
      const index = strFromU8(files['index.html']);
      assert.match(index, /<script type="module" src="launch\.js"><\/script>/);
      assert.match(index, /<lesson-view src="lesson\.json"><\/lesson-view>/);
      assert.match(index, /<html lang="en">/);
      assert.doesNotMatch(index, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script: LMS content security policies');
      const launch = strFromU8(files['launch.js']);
      assert.match(launch, /import \{ connectScorm \} from '\.\/scorm-runtime\.js';/);
      assert.match(launch, /"lessonId":"python-concurrency","passingScore":0\.75/);
      assert.ok(launch.indexOf('scorm-runtime.js') < launch.indexOf('lesson-elements.js'));
      assert.deepEqual(JSON.parse(strFromU8(files['lesson.json'])), JSON.parse(readFileSync(seedLesson, 'utf8')));
    });

    test('records the passing score where the LMS reads it', () => {
      const manifest = manifestOf(scorm(seedLesson, format, '--passing-score', '80%').files);
      if (format === 'scorm12') {
        assert.equal(text(manifest, 'adlcp:masteryscore'), '80');
      } else {
        const [objective] = findAll(manifest, 'imsss:primaryObjective');
        assert.equal(objective.attributes.satisfiedByMeasure, 'true');
        assert.equal(text(objective, 'imsss:minNormalizedMeasure'), '0.8');
      }
    });
  });
}

describe('media', () => {
  test('packs the media a lesson references, moving files from outside its folder to media/', () => {
    const { files, stderr } = scorm(mediaLesson, 'scorm12');
    for (const path of ['audio/talk.mp3', 'audio/talk.vtt', 'audio/front.mp3', 'images/gil card.png', 'media/chef.jpg']) {
      assert.ok(files[path], `${path} is in the package`);
    }
    assert.deepEqual([...files['media/chef.jpg']], [...readFileSync(join(root, 'test/fixtures/scorm/shared/chef.jpg'))]);
    const lesson = JSON.parse(strFromU8(files['lesson.json']));
    assert.equal(lesson.memoryAids[0].image.src, 'media/chef.jpg');
    assert.equal(lesson.flashcards[0].image.src, 'images/gil%20card.png', 'unchanged paths are left as written');
    assert.equal(lesson.flashcards[0].audio.front, 'audio/front.mp3?v=2');
    assert.equal(lesson.flashcards[1].image.src, 'https://example.org/remote.png');
    assert.match(stderr, /^warning: flashcards\[1\]\.image\.src: https:\/\/example\.org\/remote\.png is not packaged/m);
    const manifest = manifestOf(files);
    assert.ok(findAll(manifest, 'file').some((file) => file.attributes.href === 'images/gil%20card.png'), 'hrefs are URI-encoded');
  });

  test('a missing media file is an error naming the field and the file, and nothing is written', () => {
    const dir = mkdtempSync(join(out, 'missing-'));
    cpSync(mediaLesson, join(dir, 'lesson.json'));
    mkdirSync(join(dir, 'audio'));
    writeFileSync(join(dir, 'audio', 'talk.mp3'), 'x');
    const zip = join(dir, 'out.zip');
    const { status, stdout } = cli(['package', join(dir, 'lesson.json'), '--format', 'scorm2004', '-o', zip]);
    assert.equal(status, 1);
    assert.match(stdout, /^MISSING MEDIA .*\(4 errors\)$/m);
    assert.match(stdout, /^ {2}dialogues\[0\]\.audio\.captions: file not found: audio\/talk\.vtt/m);
    assert.match(stdout, /^ {2}flashcards\[0\]\.image\.src: file not found: images\/gil card\.png/m);
    assert.match(stdout, /^ {2}flashcards\[0\]\.audio\.front: file not found: audio\/front\.mp3/m);
    assert.match(stdout, /^ {2}memoryAids\[0\]\.image\.src: file not found: \.\.\/shared\/chef\.jpg/m);
    assert.equal(existsSync(zip), false);
  });

  test('a root-relative media URL is an error: it cannot be resolved inside a package', () => {
    const dir = mkdtempSync(join(out, 'rooted-'));
    const lesson = JSON.parse(readFileSync(seedLesson, 'utf8'));
    lesson.flashcards[0].image = { src: '/images/x.png', alt: '' };
    writeFileSync(join(dir, 'lesson.json'), JSON.stringify(lesson));
    const { status, stdout } = cli(['package', join(dir, 'lesson.json'), '--format', 'scorm12', '-o', join(dir, 'x.zip')]);
    assert.equal(status, 1);
    assert.match(stdout, /flashcards\[0\]\.image\.src: "\/images\/x\.png" is relative to a web site's root/);
  });
});

describe('errors and usage', () => {
  test('an invalid lesson is reported like validate does, exit 1, nothing written', () => {
    const { status, stdout } = cli(['package', join(root, 'test/fixtures/mini-invalid.json'), '--format', 'scorm12', '-o', 'bad.zip']);
    assert.equal(status, 1);
    assert.match(stdout, /^INVALID .*mini-invalid\.json \(3 errors\)$/m);
    assert.equal(existsSync(join(out, 'bad.zip')), false);
  });

  test('without the build it says to run npm run build, exit 2', () => {
    const { status, stderr } = cli(['package', seedLesson, '--format', 'scorm12', '--build-dir', out]);
    assert.equal(status, 2);
    assert.match(stderr, /run npm run build first/);
  });

  test('wrong usage exits 2 with a hint', () => {
    assert.equal(cli(['package', seedLesson]).status, 2);
    assert.match(cli(['package', seedLesson, '--format', 'zip']).stderr, /unknown format "zip"/);
    assert.match(cli(['package', seedLesson, '--format', 'scorm12', '--passing-score', '2x']).stderr, /--passing-score must be between 0 and 1/);
    assert.match(cli(['package', '--format', 'html']).stderr, /package needs a lesson file/);
    assert.match(cli(['package', 'nope.json', '--format', 'html']).stderr, /Cannot read nope\.json/);
    assert.match(cli(['package', '--help']).stdout, /--format <format>/);
  });

  test('writes default names in the current folder, or inside a folder given as -o', () => {
    assert.equal(cli(['package', seedLesson, '--format', 'scorm2004']).status, 0);
    assert.ok(existsSync(join(out, 'python-concurrency-scorm2004.zip')));
    mkdirSync(join(out, 'site'));
    assert.equal(cli(['package', seedLesson, '--format', 'html', '-o', 'site']).status, 0);
    assert.ok(existsSync(join(out, 'site', 'python-concurrency.html')));
  });
});

describe('--format html', () => {
  test('writes one file with the bundle and the lesson inline, and nothing to fetch', () => {
    const file = join(out, 'single.html');
    const { status, stdout } = cli(['package', seedLesson, '--format', 'html', '-o', file]);
    assert.equal(status, 0, stdout);
    const html = readFileSync(file, 'utf8');
    const markup = html.replace(/(<script[^>]*>)[\s\S]*?(<\/script>)/g, '$1$2');
    assert.doesNotMatch(markup, /\b(?:src|href)="(?!data:)/, 'no external script or resource');
    assert.match(markup, /<script type="module">/);
    assert.doesNotMatch(html, /import\(\s*["']\.\.?\//, 'no lazy chunk left to import');
    const json = /<lesson-view>\s*<script type="application\/json">([\s\S]*?)<\/script>\s*<\/lesson-view>/.exec(html);
    assert.ok(json, 'the lesson is inline inside <lesson-view>');
    assert.deepEqual(JSON.parse(json[1]), JSON.parse(readFileSync(seedLesson, 'utf8')));
    assert.equal(html.match(/<\/script/gi).length, 2, 'only the two script elements close');
  });

  test('copies local media beside the HTML file and says so', () => {
    const dir = mkdtempSync(join(out, 'html-media-'));
    const { status, stdout, stderr } = cli(['package', mediaLesson, '--format', 'html', '-o', join(dir, 'lesson.html')]);
    assert.equal(status, 0, stdout + stderr);
    assert.match(stdout, /Keep these 5 media files beside it/);
    for (const path of ['audio/talk.mp3', 'audio/talk.vtt', 'images/gil card.png', 'media/chef.jpg']) assert.ok(existsSync(join(dir, path)), path);
  });
});

describe('--format embed', () => {
  test('writes a web folder: the lesson page, embed.html with its scripts, the lesson and its media', () => {
    const dir = join(out, 'embed-site');
    const { status, stdout, stderr } = cli(['package', mediaLesson, '--format', 'embed', '-o', dir]);
    assert.equal(status, 0, stdout + stderr);
    for (const path of ['index.html', 'embed.html', 'embed-child.js', 'lesson-embed.js', 'lesson-elements.js', 'lesson.json', 'audio/talk.vtt', 'media/chef.jpg']) {
      assert.ok(existsSync(join(dir, path)), path);
    }
    const embedPage = readFileSync(join(dir, 'embed.html'), 'utf8');
    assert.match(embedPage, /<script type="module" src="\.\/lesson-elements\.js"><\/script>/);
    assert.match(embedPage, /<script type="module" src="\.\/embed-child\.js"><\/script>/);
    assert.match(readFileSync(join(dir, 'index.html'), 'utf8'), /<lesson-view src="lesson\.json"><\/lesson-view>/);
    assert.match(stdout, /<iframe data-lesson-embed title="Media &amp; &quot;quotes&quot; &lt;lesson&gt;"/);
    // lesson-embed.js is pasted as a classic script: it must run beside the page's own globals and add none.
    const page = { addEventListener() {}, document: { readyState: 'complete', querySelectorAll: () => [] } };
    const context = createContext({ window: page, Symbol, CustomEvent: class {} });
    runInContext('var e = 1; const t = 2; let s = 3;', context);
    runInContext(readFileSync(join(dir, 'lesson-embed.js'), 'utf8'), context);
    assert.equal(runInContext('[typeof e, typeof t, typeof s, typeof n, typeof o].join()', context), 'number,number,number,undefined,undefined');
    for (const [, specifier] of readFileSync(join(dir, 'lesson-elements.js'), 'utf8').matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'](\.\.?\/[^"']+)["']/g)) {
      assert.ok(existsSync(join(dir, specifier)), `chunk ${specifier}`);
    }
  });
});
