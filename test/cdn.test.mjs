// The CDN files in a real browser: every demo page, with its TypeScript <script> swapped
// for the built CDN module, must define its elements and render the seed lesson with
// no script error. Needs `npm run build` and Chromium. Run: node --test test/cdn.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElements } from '../scripts/elements.mjs';
import { launchChromium, listen } from './fixtures/browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const elements = findElements();
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.vtt': 'text/vtt', '.map': 'application/json' };

/** `../src/components/dialogue/dialogue.ts` -> `../dist/cdn/dialogue.js`; `../src/index.ts` -> the whole bundle. */
function cdnScript(source) {
  if (source === 'src/index.ts') return 'dist/cdn/lesson-elements.js';
  const element = elements.find((candidate) => candidate.source === source);
  return element ? `dist/cdn/${element.name}.js` : undefined;
}

/** The demo page as a blogger would write it: CDN modules instead of TypeScript sources. */
function withCdnScripts(html) {
  return html.replace(/(<script type="module" src=")\.\.\/(src\/[^"]+\.ts)(")/g, (whole, open, source, close) => {
    const built = cdnScript(source);
    return built ? `${open}../${built}${close}` : whole;
  });
}

// Pages that only use the elements (embed.html belongs to the LMS delivery build and is tested there).
const pages = readdirSync(join(root, 'demo')).filter((file) => file.endsWith('.html') && file !== 'embed.html' && file !== 'index.html');

let server;
let origin;
let browser;

before(async () => {
  assert.ok(existsSync(join(root, 'dist', 'cdn', 'lesson-elements.js')), 'dist/cdn is missing: run npm run build first');
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    if (path === '/blank.html') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html lang="en"><title>CDN test</title></html>');
      return;
    }
    if (path === '/early.html') {
      response.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="en"><title>CDN test</title>
        <script type="module" src="/dist/cdn/lesson-elements.js"></script>
        <lesson-view src="/demo/lessons/python-concurrency.json"></lesson-view>
        <lesson-dialogue src="/demo/lessons/python-concurrency.json#threading-overview"></lesson-dialogue></html>`);
      return;
    }
    const file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || !extname(file)) {
      response.writeHead(404).end();
      return;
    }
    let body = readFileSync(file);
    if (path.startsWith('/demo/') && file.endsWith('.html')) body = withCdnScripts(body.toString('utf8'));
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  origin = await listen(server);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens a page and collects what went wrong: script errors and missing scripts or styles. */
async function open(url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // Elements log their (deliberate, on error demos) error states as "<lesson-x>: …"; anything else is a bug.
    if (message.type() === 'error' && !/^<lesson-[a-z-]+>:/.test(message.text()) && !/Failed to load resource/.test(message.text())) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && /\.(js|css)$/.test(new URL(response.url()).pathname)) problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
  await page.goto(url, { waitUntil: 'networkidle0' });
  return { page, problems };
}

describe('CDN modules in Chromium', () => {
  test('lesson-elements.js defines every element', async () => {
    const { page, problems } = await open(`${origin}/blank.html`);
    await page.evaluate((url) => import(url), `${origin}/dist/cdn/lesson-elements.js`);
    const undefinedTags = await page.evaluate(
      (tags) => tags.filter((tag) => !customElements.get(tag)),
      elements.map((element) => element.tag),
    );
    await page.close();
    assert.deepEqual(problems, []);
    assert.deepEqual(undefinedTags, [], 'tags lesson-elements.js does not define (import them in src/index.ts)');
  });

  test('lesson-elements.js asks for the page\'s lesson files before it defines the elements, once per file', async () => {
    const page = await browser.newPage();
    // When the first element is defined, the bundle has run (Lit, the core, every element).
    await page.evaluateOnNewDocument(() => {
      const define = customElements.define.bind(customElements);
      customElements.define = (...args) => {
        window.firstDefine ??= performance.now();
        return define(...args);
      };
    });
    await page.goto(`${origin}/early.html`, { waitUntil: 'networkidle0' });
    const { requests, firstDefine, state } = await page.evaluate(() => ({
      requests: performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.json')).map((entry) => entry.startTime),
      firstDefine: window.firstDefine,
      state: document.querySelector('lesson-view').getAttribute('load-state'),
    }));
    await page.close();
    assert.equal(requests.length, 1, 'one request for the file both elements name');
    assert.ok(requests[0] < firstDefine, `the file was requested at ${requests[0]} ms, before the first element was defined at ${firstDefine} ms`);
    assert.equal(state, 'ready');
  });

  for (const file of pages) {
    test(`demo/${file} works from the CDN files`, async () => {
      const { page, problems } = await open(`${origin}/demo/${file}`);
      const states = await page.evaluate(async () => {
        const elements = [...document.querySelectorAll('*')].filter((element) => element.localName.startsWith('lesson-'));
        const state = (element) => element.getAttribute('load-state');
        // Wait (bounded) until every element has finished loading: ready or a shown error.
        for (let frame = 0; frame < 300; frame++) {
          if (elements.every((element) => ['ready', 'error'].includes(state(element)))) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        return elements.map((element) => ({
          tag: element.localName,
          defined: Boolean(customElements.get(element.localName)),
          state: state(element),
        }));
      });
      await page.close();
      assert.deepEqual(problems, []);
      assert.ok(states.length > 0, 'the page shows lesson elements');
      for (const { tag, defined, state } of states) {
        assert.ok(defined, `<${tag}> is defined by the page's CDN script`);
        assert.ok(state === 'ready' || state === 'error', `<${tag}> finished loading (load-state="${state}")`);
      }
      if (file !== 'errors.html') assert.ok(states.some(({ state }) => state === 'ready'), 'at least one element shows the lesson');
    });
  }

  test('every lazy chunk loads in the browser', async () => {
    const chunks = readdirSync(join(root, 'dist', 'cdn', 'chunks')).filter((file) => file.endsWith('.js'));
    const { page, problems } = await open(`${origin}/blank.html`);
    const failed = await page.evaluate(async (urls) => {
      const errors = [];
      for (const url of urls) await import(url).catch((error) => errors.push(`${url}: ${error.message}`));
      return errors;
    }, chunks.map((chunk) => `${origin}/dist/cdn/chunks/${chunk}`));
    await page.close();
    assert.deepEqual(failed, []);
    assert.deepEqual(problems, []);
  });
});
