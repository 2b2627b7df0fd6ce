// The CDN bundle on strict pages, in headless Chromium through puppeteer-core:
// - a page served with a strict Content-Security-Policy and Trusted Types enforced renders the
//   full seed lesson in <lesson-view>, and a learner can use it, with no violation reported;
// - the same lesson in a sandboxed iframe (allow-scripts only: an opaque origin, where
//   localStorage throws) works with progress kept in memory, without an error.
// Needs `npm run build` and Chromium. Run: node --test test/csp.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, lessonViewShown as shown, listen, pageWithProblems, waitIn } from './fixtures/browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.map': 'application/json' };
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";
const LESSON = '/demo/lessons/python-concurrency.json';
const TITLE = 'Pros and Cons of Concurrency and Parallelism in Python';

/**
 * Loaded first by every test page (a file: the policy forbids inline script). It records, in
 * the page itself, every CSP or Trusted Types violation (the event is composed, so violations in
 * shadow roots reach the window), uncaught errors, rejected promises and console.error calls.
 */
const PROBE = `window.__report = { violations: [], errors: [] };
addEventListener('securitypolicyviolation', (event) => {
  __report.violations.push(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' (' + event.sourceFile + ':' + event.lineNumber + ') ' + event.sample);
}, true);
addEventListener('error', (event) => {
  if (event instanceof ErrorEvent) __report.errors.push('uncaught: ' + event.message);
}, true);
addEventListener('unhandledrejection', (event) => __report.errors.push('unhandled rejection: ' + (event.reason && event.reason.stack || event.reason)));
const consoleError = console.error;
console.error = (...args) => {
  __report.errors.push('console.error: ' + args.join(' '));
  consoleError.apply(console, args);
};`;

const lessonPage = (title) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script src="/probe.js"></script>
<script type="module" src="/dist/cdn/lesson-elements.js"></script>
</head><body><main><lesson-view src="${LESSON}"></lesson-view></main></body></html>`;

const PAGES = {
  '/strict.html': lessonPage('Strict page'),
  '/sandboxed.html': lessonPage('Sandboxed lesson'),
  '/sandbox-host.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS page</title></head>
<body><iframe sandbox="allow-scripts" src="/sandboxed.html" title="Lesson" width="900" height="900"></iframe></body></html>`,
};

let browser;
let server;
let origin;

before(async () => {
  assert.ok(existsSync(join(root, 'dist', 'cdn', 'lesson-elements.js')), 'dist/cdn is missing: run npm run build first');
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    // Every response carries the policy, as a strict site sends it; scripts and data are also
    // open to any origin, as a CDN serves them: the sandboxed frame's origin is opaque ("null").
    const headers = { 'content-security-policy': STRICT_CSP, 'access-control-allow-origin': '*', 'cache-control': 'no-store' };
    if (path === '/favicon.ico') return response.writeHead(204, headers).end();
    if (PAGES[path]) return response.writeHead(200, { ...headers, 'content-type': TYPES['.html'] }).end(PAGES[path]);
    if (path === '/probe.js') return response.writeHead(200, { ...headers, 'content-type': TYPES['.js'] }).end(PROBE);
    const file = join(root, path);
    const served = path.startsWith('/dist/cdn/') || path.startsWith('/demo/lessons/');
    if (!served || !file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) return response.writeHead(404, headers).end();
    response.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  origin = await listen(server);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** The probe's report once violation events still queued have been delivered. */
async function settledReport() {
  await new Promise((resolve) => setTimeout(resolve, 100));
  return structuredClone(window.__report);
}

const viewReady = () => {
  const view = document.querySelector('lesson-view');
  return view?.loadState === 'ready' && view.shadowRoot.querySelector('section');
};

describe('a page with a strict Content-Security-Policy and Trusted Types', () => {
  test('renders the full seed lesson and lets a learner use it with zero violations', async () => {
    const { page, problems } = await pageWithProblems(browser);
    const response = await page.goto(`${origin}/strict.html`);
    assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
    await waitIn(page, viewReady, 'the lesson view');
    const view = await page.evaluate(shown);
    assert.equal(view.title, TITLE);
    assert.deepEqual(view.sections, ['summaries', 'dialogues', 'pros-cons', 'key-concepts', 'examples', 'memory-aids', 'flashcards', 'glossary', 'links']);
    for (const element of ['lesson-dialogue', 'lesson-flashcards', 'lesson-glossary', 'lesson-mnemonic', 'lesson-pros-cons']) {
      assert.ok(view.elements.includes(element), `${element} is rendered`);
    }

    const $ = (selector) => `document.querySelector('lesson-view').shadowRoot.querySelector('${selector}')`;
    // The summary's second level.
    await page.evaluate(`${$('#tab-standard')}.click()`);
    await waitIn(page, () => document.querySelector('lesson-view').shadowRoot.querySelector('#tab-standard').getAttribute('aria-selected') === 'true', 'the standard summary tab');
    // A linked term's definition: its link becomes a <lesson-term> (whose popover and positioning load lazily).
    await page.evaluate(() => document.querySelector('lesson-view').shadowRoot.querySelector('button[data-lesson-term]').click());
    const definition = await waitIn(page, () => {
      const popover = document.querySelector('lesson-view').shadowRoot.querySelector('lesson-term').shadowRoot?.querySelector('[part~="popover"]');
      return popover?.matches(':popover-open') && !popover.hasAttribute('data-placing') && popover.textContent.trim();
    }, 'the term popover');
    assert.ok(definition.length > 20, definition);
    // A flashcard turned over.
    await page.evaluate(`${$('lesson-flashcards')}.shadowRoot.querySelector('[part~="flip-button"]').click()`);
    await waitIn(page, () => document.querySelector('lesson-view').shadowRoot.querySelector('lesson-flashcards').shadowRoot.querySelector('[part~="card"]').classList.contains('flipped'), 'the flipped card');
    // The pros/cons practice (loaded lazily): sort one statement.
    await waitIn(page, () => document.querySelector('lesson-view').shadowRoot.querySelector('lesson-pros-cons[mode="practice"]').shadowRoot.querySelector('[part~="choice"]'), 'the practice choices');
    await page.evaluate(`${$('lesson-pros-cons[mode="practice"]')}.shadowRoot.querySelector('[part~="choice"]').click()`);
    await waitIn(page, () => document.querySelector('lesson-view').shadowRoot.querySelector('lesson-pros-cons[mode="practice"]').shadowRoot.querySelector('[part~="feedback"]'), 'the practice feedback');
    // The memory aids' practice (loaded lazily too).
    await page.evaluate(`${$('lesson-mnemonic')}.shadowRoot.querySelector('[part~="practice-button"]').click()`);
    await waitIn(page, () => document.querySelector('lesson-view').shadowRoot.querySelector('lesson-mnemonic').shadowRoot.querySelector('[part~="practice"]'), 'the memory aid practice');
    // The next line of a dialogue.
    await page.evaluate(async () => {
      const dialogue = document.querySelector('lesson-view').shadowRoot.querySelector('lesson-dialogue');
      dialogue.next();
      await dialogue.updateComplete;
    });

    const report = await page.evaluate(settledReport);
    const pageProblems = problems.splice(0);
    // The policy is live and the probe hears it: an inline style attribute and an untrusted innerHTML are refused.
    const control = await page.evaluate(async () => {
      const before = window.__report.violations.length;
      document.body.setAttribute('style', 'outline: 1px solid');
      let sink = 'allowed';
      try {
        document.createElement('div').innerHTML = '<b>x</b>';
      } catch (error) {
        sink = error.name;
      }
      // Violation events are queued as tasks.
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { sink, heard: window.__report.violations.slice(before).map((line) => line.split(' ')[0]) };
    });
    assert.deepEqual(control, { sink: 'TypeError', heard: ['style-src-attr', 'require-trusted-types-for'] });
    assert.equal(problems.length, 2, 'the browser console reports both too');
    console.log(`csp: strict page, full seed lesson, 6 interactions: ${report.violations.length} violations, ${report.errors.length + pageProblems.length} errors`);
    assert.deepEqual(report.violations, []);
    assert.deepEqual(report.errors, []);
    assert.deepEqual(pageProblems, []);
    await page.close();
  });
});

describe('a sandboxed iframe (allow-scripts, no same origin)', () => {
  test('renders the lesson and keeps progress in memory, without an error', async () => {
    const { page, problems } = await pageWithProblems(browser);
    await page.goto(`${origin}/sandbox-host.html`);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await waitIn(frame, viewReady, 'the lesson view in the frame');
    const storage = await frame.evaluate(() => {
      try {
        return `${window.origin}: ${typeof window.localStorage}`;
      } catch (error) {
        return `${window.origin}: ${error.name}`;
      }
    });
    assert.equal(storage, 'null: SecurityError', 'the frame is opaque and may not store');
    const view = await frame.evaluate(shown);
    assert.equal(view.title, TITLE);
    assert.equal(view.sections.length, 9);

    // Study a flashcard: flip it, grade it Good, and the progress is kept (in memory).
    await frame.evaluate(() => {
      document.querySelector('lesson-view').shadowRoot.querySelector('lesson-flashcards').mode = 'study';
    });
    await waitIn(frame, () => document.querySelector('lesson-view').shadowRoot.querySelector('lesson-flashcards').shadowRoot.querySelector('[part~="flip-button"]'), 'the study card');
    await frame.evaluate(() => document.querySelector('lesson-view').shadowRoot.querySelector('lesson-flashcards').shadowRoot.querySelector('[part~="flip-button"]').click());
    await waitIn(frame, () => document.querySelector('lesson-view').shadowRoot.querySelector('lesson-flashcards').shadowRoot.querySelector('[part~="grade-good"]'), 'the grade buttons');
    const graded = await frame.evaluate(async () => {
      const deck = document.querySelector('lesson-view').shadowRoot.querySelector('lesson-flashcards');
      const reviews = [];
      deck.addEventListener('lesson-review', (event) => reviews.push(event.detail.rating));
      deck.shadowRoot.querySelector('[part~="grade-good"]').click();
      await deck.updateComplete;
      return { reviews, notice: deck.shadowRoot.querySelector('[part~="notice"]')?.textContent.trim() };
    });
    assert.deepEqual(graded.reviews, ['good']);
    assert.match(graded.notice ?? '', /cannot be saved/, 'the deck says progress stays in memory');
    assert.match((await frame.evaluate(shown)).notice ?? '', /cannot be saved/, 'the view says progress stays in memory');

    const report = await frame.evaluate(settledReport);
    console.log(`csp: sandboxed iframe, storage ${storage.split(': ')[1]} -> memory, graded 1 card: ${report.violations.length} violations, ${report.errors.length + problems.length} errors`);
    assert.deepEqual(report.violations, []);
    assert.deepEqual(report.errors, []);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
