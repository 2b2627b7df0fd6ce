// The packages in a real browser (headless Chromium through puppeteer-core):
// - the single HTML file opened from file:// with every network request blocked;
// - the SCORM packages launched by an LMS stand-in (scorm-again's Scorm12API and
//   Scorm2004API on the page above the package's index.html, as Moodle does).
// Needs `npm run build` and Chromium. Run: node --test test/package-browser.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { chromiumArgs, chromiumPath, missingChromiumMessage } from '../scripts/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const seedLesson = join(root, 'demo/lessons/python-concurrency.json');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.vtt': 'text/vtt', '.xml': 'application/xml' };

let out;
let browser;
let server;
let origin;
/** Package files served under /pkg/<format>/. */
const packages = new Map();

function cli(args) {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'lesson-elements.js'), ...args], { cwd: out, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(result.status, 0, result.stdout + result.stderr);
}

/** The LMS page: scorm-again's API for `version`, preloaded with `cmi`, launching the package in an iframe. */
const lmsPage = (version, cmi) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS</title></head><body>
<script type="module">
  import { ${version === '1.2' ? 'Scorm12API' : 'Scorm2004API'} as Api } from '/scorm-again/${version === '1.2' ? 'scorm12' : 'scorm2004'}.js';
  const api = new Api({ logLevel: 5, autocommit: false });
  api.loadFromJSON(${JSON.stringify(cmi)});
  window.${version === '1.2' ? 'API' : 'API_1484_11'} = api;
  window.lms = api;
  const frame = document.createElement('iframe');
  // Tall enough to show every section at once: reading sections count once they have been on screen.
  frame.style.cssText = 'width: 900px; height: 14000px; border: 0';
  frame.src = '/pkg/${version === '1.2' ? 'scorm12' : 'scorm2004'}/index.html';
  document.body.append(frame);
</script></body></html>`;

before(async () => {
  assert.ok(existsSync(join(root, 'dist', 'cli.js')), 'dist/cli.js is missing: run npm run build first');
  assert.ok(chromiumPath, missingChromiumMessage);
  out = mkdtempSync(join(tmpdir(), 'lesson-browser-'));
  for (const format of ['scorm12', 'scorm2004']) {
    cli(['package', seedLesson, '--format', format, '--passing-score', '0.5', '-o', `${format}.zip`]);
    packages.set(format, unzipSync(readFileSync(join(out, `${format}.zip`))));
  }
  server = createServer((request, response) => {
    const url = new URL(request.url, 'http://x');
    const send = (body, type) => response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    if (url.pathname === '/favicon.ico') return response.writeHead(204).end();
    if (url.pathname === '/lms.html') return send(lmsPage(url.searchParams.get('version'), JSON.parse(url.searchParams.get('cmi') ?? '{}')), 'text/html');
    const again = /^\/scorm-again\/(scorm12|scorm2004)\.js$/.exec(url.pathname);
    if (again) return send(readFileSync(join(root, 'node_modules/scorm-again/dist/esm', `${again[1]}.js`)), 'text/javascript');
    const inPackage = /^\/pkg\/(scorm12|scorm2004)\/(.+)$/.exec(url.pathname);
    const file = inPackage && packages.get(inPackage[1])?.[decodeURIComponent(inPackage[2])];
    if (file) return send(file, TYPES[extname(inPackage[2])] ?? 'application/octet-stream');
    response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  const { default: puppeteer } = await import('puppeteer-core');
  browser = await puppeteer.launch({ executablePath: chromiumPath, args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** A page that records script errors. */
async function newPage() {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return { page, problems };
}

/** Waits until the <lesson-view> in `frame` has loaded its lesson, and returns what it shows. */
async function viewOf(frame) {
  await frame.waitForFunction(() => document.querySelector('lesson-view')?.loadState === 'ready', { timeout: 20_000 });
  return frame.evaluate(() => {
    const view = document.querySelector('lesson-view');
    const shadow = view.shadowRoot;
    return {
      heading: shadow.querySelector('[role="heading"], h1, h2')?.textContent.trim(),
      sections: [...shadow.querySelectorAll('section')].map((section) => section.id),
      elements: [...new Set([...shadow.querySelectorAll('*')].map((element) => element.localName).filter((name) => name.startsWith('lesson-')))].sort(),
      completion: view.completion,
    };
  });
}

describe('--format html opened from disk', () => {
  test('renders the full lesson with every request other than the file blocked', async () => {
    const file = join(out, 'lesson.html');
    cli(['package', seedLesson, '--format', 'html', '-o', file]);
    const { page, problems } = await newPage();
    const blocked = [];
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url === pathToFileURL(file).href || url.startsWith('data:')) return request.continue();
      blocked.push(url);
      return request.abort('internetdisconnected');
    });
    await page.goto(pathToFileURL(file).href);
    const view = await viewOf(page.mainFrame());
    assert.equal(view.heading, 'Pros and Cons of Concurrency and Parallelism in Python');
    assert.deepEqual(view.sections, ['summaries', 'dialogues', 'pros-cons', 'key-concepts', 'examples', 'memory-aids', 'flashcards', 'glossary', 'links']);
    for (const element of ['lesson-dialogue', 'lesson-flashcards', 'lesson-glossary', 'lesson-mnemonic', 'lesson-pros-cons']) {
      assert.ok(view.elements.includes(element), `${element} is rendered`);
    }
    // The lazily loaded parts (the flashcard scheduler, the glossary popover) are inline too: use them.
    const lazyWorks = await page.evaluate(async () => {
      const deck = document.querySelector('lesson-view').shadowRoot.querySelector('lesson-flashcards');
      await deck.updateComplete;
      return deck.loadState === 'ready';
    });
    assert.equal(lazyWorks, true);
    assert.deepEqual(blocked, []);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

/**
 * Completes the lesson in the SCO frame the way its parts report it: the reading sections
 * count once seen (the frame shows them all), then each element's task ends with the event
 * that element fires when its learner finishes it, the pros/cons practice with 5 of 6.
 */
async function completeLesson(frame) {
  await frame.evaluate(async () => {
    const view = document.querySelector('lesson-view');
    const done = new Promise((resolve) => view.addEventListener('lesson-complete', (event) => event.target === view && event.detail.id === 'python-concurrency' && resolve(), { once: false }));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const log = [view.completion];
    const complete = (element, detail) => {
      element.dispatchEvent(new CustomEvent('lesson-complete', { bubbles: true, composed: true, detail }));
      log.push(view.completion);
    };
    for (const element of view.shadowRoot.querySelectorAll('lesson-dialogue, lesson-mnemonic, lesson-flashcards, lesson-pros-cons[mode="practice"]')) {
      if (element.localName === 'lesson-pros-cons') complete(element, { id: 'pros-cons', score: 5, maxScore: 6 });
      else if (element.localName === 'lesson-dialogue') complete(element, { id: element.getAttribute('dialogue') ?? element.dialogue });
      else if (element.localName === 'lesson-mnemonic') {
        for (const aid of ['threading-rhyme', 'chef-story', 't-and-m', 'mop']) complete(element, { id: aid });
      } else complete(element, { id: 'flashcards', summary: { reviewed: 10 } });
    }
    await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error(`the view did not complete (${log})`)), 5000))]);
  });
}

/** The LMS's data as it would store it (toJSON can read write-only elements). */
const cmiOf = (page) => page.evaluate(() => JSON.parse(JSON.stringify(window.lms.cmi)));

/** Leaves the SCO the way an LMS does: it navigates the frame away. */
const leave = (page) => page.evaluate(() => new Promise((resolve) => {
  const frame = document.querySelector('iframe');
  frame.addEventListener('load', resolve, { once: true });
  frame.src = 'about:blank';
}));

for (const [format, version] of [['scorm12', '1.2'], ['scorm2004', '2004']]) {
  describe(`the ${format} package in an LMS`, () => {
    test('reports completion, score and saved progress, then resumes from them', async () => {
      const { page, problems } = await newPage();
      await page.setViewport({ width: 1000, height: 15000 });
      await page.goto(`${origin}/lms.html?version=${version}`);
      const sco = await (await page.waitForSelector('iframe')).contentFrame();
      const view = await viewOf(sco);
      assert.equal(view.heading, 'Pros and Cons of Concurrency and Parallelism in Python');
      const started = await cmiOf(page);
      if (version === '1.2') assert.equal(started.core.lesson_status, 'incomplete');
      else assert.equal(started.completion_status, 'incomplete');

      await completeLesson(sco);
      await leave(page);
      const cmi = await cmiOf(page);
      if (version === '1.2') {
        assert.equal(cmi.core.lesson_status, 'passed');
        assert.equal(cmi.core.score.raw, '83.33');
        assert.equal(cmi.core.exit, 'suspend');
        assert.match(cmi.core.session_time, /^\d{2,4}:\d{2}:\d{2}/);
      } else {
        assert.equal(cmi.completion_status, 'completed');
        assert.equal(cmi.success_status, 'passed');
        assert.equal(cmi.score.scaled, '0.8333');
        assert.equal(cmi.exit, 'suspend');
      }
      assert.ok(cmi.suspend_data.length > 0 && cmi.suspend_data.length <= (version === '1.2' ? 4096 : 64000), `suspend_data: ${cmi.suspend_data.length} characters`);
      assert.match(cmi.suspend_data, /^[{~]/);
      assert.deepEqual(problems, []);
      await page.close();

      // Next launch: the LMS hands back the learner's data.
      const resume = version === '1.2'
        ? { core: { entry: 'resume', lesson_status: cmi.core.lesson_status }, suspend_data: cmi.suspend_data }
        : { entry: 'resume', completion_status: cmi.completion_status, success_status: cmi.success_status, suspend_data: cmi.suspend_data };
      const again = await newPage();
      await again.page.setViewport({ width: 1000, height: 15000 });
      await again.page.goto(`${origin}/lms.html?version=${version}&cmi=${encodeURIComponent(JSON.stringify(resume))}`);
      const resumedSco = await (await again.page.waitForSelector('iframe')).contentFrame();
      const resumed = await viewOf(resumedSco);
      assert.equal(resumed.completion, 1, 'the view restored its progress from suspend_data');
      const stored = await resumedSco.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('lesson-elements:')));
      assert.deepEqual(stored, [], 'progress lives in the LMS, not in the browser');
      const after = await cmiOf(again.page);
      assert.equal(version === '1.2' ? after.core.lesson_status : after.completion_status, version === '1.2' ? 'passed' : 'completed');
      assert.deepEqual(again.problems, []);
      await again.page.close();
    });
  });
}
