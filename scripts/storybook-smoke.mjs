#!/usr/bin/env node
/**
 * Smoke test of the built Storybook: opens every story in headless Chromium,
 * waits until its lesson elements have loaded and rendered, and fails on a
 * console error, page error, unhandled rejection, failed request or axe
 * violation. It prints the axe figure (`axe: N stories checked, V violations, S skipped`) before the
 * last line, which CI reads: `N passed, M failed`.
 *
 *   npm run build-storybook && npm run test:storybook
 *   node scripts/storybook-smoke.mjs dialogue            only stories whose id contains "dialogue"
 *   node scripts/storybook-smoke.mjs --globals theme:dark;dir:rtl
 *   node scripts/storybook-smoke.mjs --url http://localhost:6006   against `npm run storybook`
 *
 * Options: --dir <storybook-static>, --url <running Storybook>, --globals <sb globals>,
 * --concurrency <pages, default 2>, --timeout <ms per story, default 30000>, --docs (also open
 * each docs page and check it for errors; axe is not run on Storybook's own docs UI).
 *
 * Stories opt out with Storybook's own switches: `tags: ['!test']` skips a story,
 * `parameters.a11y.test: 'off'` (or `a11y.disable`) skips axe, `'todo'` reports violations
 * without failing, and `a11y.config` / `a11y.options` / `a11y.context` are passed to axe as the
 * a11y panel does. A story that shows an element's error state on purpose (its name says
 * Error, Invalid, Broken, Missing, Not found or Unknown, or it carries the tag `lesson-error`)
 * may log that element's `<lesson-x>: ...` error and fail to fetch a lesson file; any other
 * story fails when one of its elements ends in the error state.
 */
/* global document, window, customElements, requestAnimationFrame -- settleStory() and runAxe() run inside the page. */
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath, missingChromiumMessage } from './chromium.mjs';

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dir: { type: 'string', default: 'storybook-static' },
    url: { type: 'string' },
    globals: { type: 'string' },
    concurrency: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '30000' },
    docs: { type: 'boolean', default: false },
  },
});
const filters = positionals.map((text) => text.toLowerCase());
const concurrency = Math.max(1, Number(options.concurrency) || 2);
const storyTimeout = Math.max(1000, Number(options.timeout) || 30_000);

const EXPECTS_ERROR = /\b(error|invalid|broken|missing|not ?found|unknown)\b/i;
const isFavicon = (url) => /\/favicon\.(ico|svg|png)(\?|$)/.test(url);

function fail(message) {
  console.error(message);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

/** axe-core ships with @storybook/addon-a11y and @open-wc/testing; take whichever copy resolves. */
function findAxe() {
  const bases = [
    import.meta.url,
    ...['@storybook/addon-a11y/package.json', 'chai-a11y-axe/package.json'].flatMap((pkg) => {
      try {
        return [createRequire(import.meta.url).resolve(pkg)];
      } catch {
        return [];
      }
    }),
  ];
  for (const base of bases) {
    try {
      return createRequire(base).resolve('axe-core/axe.min.js');
    } catch {
      // try the next copy
    }
  }
  return undefined;
}

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.vtt': 'text/vtt; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** A small static server for the built Storybook, on a free localhost port. */
function serveDirectory(root) {
  const server = createServer((request, response) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'content-type': contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      // Each story is a fresh navigation: let Chromium reuse the preview bundle from its cache.
      'cache-control': 'max-age=3600',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** Runs in the page: resolves once the story has rendered and its lesson elements have settled. */
async function settleStory(settleTimeout) {
  const deadline = performance.now() + settleTimeout;
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const terminal = new Set(['finished', 'errored', 'aborted']);

  const lessonElements = () => {
    const found = [];
    const visit = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.localName.startsWith('lesson-')) found.push(el);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return found;
  };

  // 1. Storybook has rendered the story (or shown its error screen).
  for (;;) {
    const body = document.body.classList;
    if (body.contains('sb-show-errordisplay')) {
      const message = document.querySelector('#error-message')?.textContent?.trim();
      const stack = document.querySelector('#error-stack')?.textContent?.trim().split('\n').slice(0, 4).join('\n');
      return { error: `Storybook error screen: ${message || '(no message)'}${stack ? `\n${stack}` : ''}` };
    }
    if (body.contains('sb-show-nopreview')) return { error: 'Storybook shows "No Preview": the story id is unknown' };
    const phase = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
    if (body.contains('sb-show-main') && terminal.has(phase)) {
      if (phase !== 'finished') return { error: `story render ${phase}` };
      break;
    }
    if (performance.now() > deadline) return { error: `story did not finish rendering (phase: ${phase ?? 'none'})` };
    await sleep(25);
  }

  // 2. Every lesson element is defined (a story whose import was dropped renders an empty tag that
  // passes every other check), has loaded or shown its error, and has finished updating; repeat
  // until no new ones appear.
  const undefinedTags = () => [...new Set(lessonElements().map((el) => el.localName))].filter((tag) => !customElements.get(tag));
  if (undefinedTags().length) {
    // An element may load the modules of the elements it renders lazily: give them a moment.
    await Promise.race([Promise.all(undefinedTags().map((tag) => customElements.whenDefined(tag))), sleep(5000)]);
  }
  if (undefinedTags().length) {
    return { error: `not defined (is its module imported?): ${undefinedTags().map((tag) => `<${tag}>`).join(', ')}` };
  }
  let previousCount = -1;
  for (;;) {
    const elements = lessonElements();
    const pending = elements.filter((el) => el.loadState === 'loading' || el.loadState === 'idle');
    if (pending.length === 0) {
      await Promise.all(elements.map((el) => el.updateComplete));
      await frame();
      if (elements.length === previousCount) break;
      previousCount = elements.length;
      continue;
    }
    if (performance.now() > deadline) {
      return { error: `still ${pending.map((el) => `<${el.localName}> ${el.loadState}`).join(', ')} after ${settleTimeout} ms` };
    }
    await sleep(25);
  }

  // 3. Let finite animations end so colour contrast is measured on the final frame.
  const animations = document.getAnimations().filter((animation) => {
    const end = animation.effect?.getComputedTiming().endTime;
    return typeof end === 'number' && Number.isFinite(end);
  });
  await Promise.race([Promise.allSettled(animations.map((animation) => animation.finished)), sleep(2000)]);
  await frame();
  await frame();

  const elements = lessonElements();
  const a11y = window.__STORYBOOK_PREVIEW__?.currentRender?.story?.parameters?.a11y ?? {};
  return {
    elements: elements.map((el) => ({ tag: el.localName, loadState: el.loadState })),
    a11y: JSON.parse(JSON.stringify(a11y)),
  };
}

/** Runs in the page after axe.min.js is injected. */
async function runAxe({ context, config, options }) {
  const axe = window.axe;
  axe.reset();
  // Like the a11y addon: a story is a fragment of a page, so "content must be in landmarks" does not apply.
  axe.configure({ ...config, rules: [{ id: 'region', enabled: false }, ...(config?.rules ?? [])] });
  const result = await axe.run(context, { resultTypes: ['violations'], ...options });
  return result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => ({
      target: node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : part)).join(' >>> '),
      summary: node.failureSummary?.split('\n').slice(0, 3).join(' '),
    })),
  }));
}

async function main() {
  if (!chromiumPath) fail(missingChromiumMessage);
  const axePath = findAxe();
  if (!axePath) fail('axe-core not found: it comes with @storybook/addon-a11y; run npm install.');
  const axeSource = readFileSync(axePath, 'utf8');

  let baseUrl;
  let server;
  if (options.url) {
    baseUrl = options.url.replace(/\/?$/, '/');
  } else {
    const root = path.resolve(options.dir);
    if (!existsSync(path.join(root, 'index.json'))) {
      fail(`${path.relative(process.cwd(), root) || root}/index.json not found: run \`npm run build-storybook\` first.`);
    }
    server = await serveDirectory(root);
    baseUrl = `http://127.0.0.1:${server.address().port}/`;
  }

  let index;
  try {
    index = options.url
      ? await (await fetch(new URL('index.json', baseUrl))).json()
      : JSON.parse(await readFile(path.join(path.resolve(options.dir), 'index.json'), 'utf8'));
  } catch (error) {
    server?.close();
    fail(`Cannot read the Storybook index: ${error.message}`);
  }

  const wanted = (entry) =>
    (entry.type === 'story' || (options.docs && entry.type === 'docs')) &&
    (entry.tags ?? ['test']).includes('test') &&
    (filters.length === 0 || filters.some((text) => entry.id.toLowerCase().includes(text)));
  const entries = Object.values(index.entries ?? index.stories ?? {}).filter(wanted);
  if (entries.length === 0) {
    console.log(filters.length ? `No story matches ${filters.join(', ')}.` : 'No stories yet.');
    console.log('0 passed, 0 failed');
    server?.close();
    return;
  }
  console.log(`Storybook smoke test: ${entries.length} ${options.docs ? 'entries' : 'stories'}, ${Math.min(concurrency, entries.length)} at a time\n`);

  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });

  const queue = [...entries];
  const results = [];
  /** Stories axe ran on, violations it found (failing or 'todo'), stories that switched it off. */
  const axeTally = { checked: 0, violations: 0, skipped: 0 };
  const started = performance.now();

  async function worker() {
    // One browser context (window) per worker: tabs sharing a window are hidden, and hidden
    // documents get no animation frames, so elements waiting for one never finish rendering.
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const cdp = await page.createCDPSession();
    const origin = new URL(baseUrl).origin;
    await page.setViewport({ width: 1024, height: 768 });
    /** Problems seen on the page for the entry being run. */
    let current = { problems: [], warnings: [] };
    page.on('console', (message) => {
      const type = message.type();
      const url = message.location()?.url ?? '';
      if (type === 'error') {
        if (isFavicon(url)) return;
        current.problems.push({ kind: 'console', text: message.text(), url });
      } else if (type === 'warn' || type === 'warning') {
        current.warnings.push(message.text());
      }
    });
    page.on('pageerror', (error) => {
      current.problems.push({ kind: 'page error', text: error?.message ?? String(error) });
    });
    page.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? 'failed';
      // An element that aborts its own fetch (src changed) is not a failure.
      if (isFavicon(request.url()) || reason === 'net::ERR_ABORTED') return;
      current.problems.push({ kind: 'request', text: `${reason} ${request.url()}`, url: request.url() });
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !isFavicon(response.url())) {
        current.problems.push({ kind: 'request', text: `HTTP ${response.status()} ${response.url()}`, url: response.url() });
      }
    });

    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      current = { problems: [], warnings: [] };
      const t0 = performance.now();
      const viewMode = entry.type === 'docs' ? 'docs' : 'story';
      const expectsError =
        entry.type === 'docs' || (entry.tags ?? []).includes('lesson-error') || EXPECTS_ERROR.test(entry.name ?? '');
      const globals = ['a11y.manual:!true', options.globals].filter(Boolean).join(';');
      const url = `${baseUrl}iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${viewMode}&globals=${encodeURIComponent(globals)}`;
      const failures = [];
      const notes = [];
      try {
        // Every story starts from empty storage (saved progress of one story must not leak into the next);
        // the HTTP cache is kept.
        await cdp.send('Storage.clearDataForOrigin', {
          origin,
          storageTypes: 'cookies,local_storage,indexeddb,service_workers,cache_storage',
        });
        await page.goto(url, { waitUntil: 'load', timeout: storyTimeout });
        const settled =
          viewMode === 'story'
            ? await page.evaluate(settleStory, storyTimeout)
            : await page.evaluate(async (timeout) => {
                const deadline = performance.now() + timeout;
                while (!document.querySelector('#storybook-docs .sbdocs-content') && performance.now() < deadline) {
                  await new Promise((resolve) => setTimeout(resolve, 50));
                }
                await new Promise((resolve) => setTimeout(resolve, 500));
                return document.querySelector('#storybook-docs .sbdocs-content') ? {} : { error: 'docs page did not render' };
              }, storyTimeout);
        if (settled.error) failures.push(settled.error);

        if (viewMode === 'story' && !settled.error) {
          const erroring = settled.elements.filter((el) => el.loadState === 'error');
          if (erroring.length && !expectsError) {
            failures.push(`shows the error state: ${erroring.map((el) => `<${el.tag}>`).join(', ')}`);
          }
          const a11y = settled.a11y ?? {};
          if (a11y.disable === true || a11y.test === 'off') {
            axeTally.skipped++;
            notes.push('axe skipped (parameters.a11y)');
          } else {
            if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ content: axeSource });
            const violations = await page.evaluate(runAxe, {
              context: a11y.context ?? '#storybook-root',
              config: a11y.config ?? {},
              options: a11y.options ?? {},
            });
            axeTally.checked++;
            axeTally.violations += violations.length;
            for (const violation of violations) {
              const lines = [`axe ${violation.id} (${violation.impact}): ${violation.help}`];
              for (const node of violation.nodes.slice(0, 5)) lines.push(`    at ${node.target}${node.summary ? `\n       ${node.summary}` : ''}`);
              if (violation.nodes.length > 5) lines.push(`    ... and ${violation.nodes.length - 5} more`);
              (a11y.test === 'todo' ? notes : failures).push(lines.join('\n'));
            }
          }
        }
      } catch (error) {
        failures.push(`${error?.name ?? 'Error'}: ${error?.message ?? error}`);
      }

      for (const problem of current.problems) {
        const fromLessonElement = problem.kind === 'console' && /^<lesson-[\w-]+>: /.test(problem.text);
        const lessonFile = /\/lessons\//.test(problem.url ?? '');
        const resourceMessage = problem.kind === 'console' && problem.text.startsWith('Failed to load resource');
        if (expectsError && (fromLessonElement || (lessonFile && (problem.kind === 'request' || resourceMessage)))) {
          notes.push(`expected: ${problem.text.split('\n')[0]}`);
        } else {
          failures.push(`${problem.kind}: ${problem.text}`);
        }
      }
      const seconds = ((performance.now() - t0) / 1000).toFixed(1);
      const label = viewMode === 'docs' ? `${entry.id} (docs)` : entry.id;
      results.push({ id: entry.id, ok: failures.length === 0 });
      const lines = [`${failures.length ? 'FAIL' : 'ok  '}  ${label}  ${seconds}s`];
      for (const failure of failures) lines.push(`      ${failure.replace(/\n/g, '\n      ')}`);
      for (const note of notes) lines.push(`      note: ${note.replace(/\n/g, '\n      ')}`);
      for (const warning of new Set(current.warnings)) lines.push(`      warn: ${warning.split('\n')[0]}`);
      console.log(lines.join('\n'));
    }
    await context.close();
  }

  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, entries.length) }, worker));
  } finally {
    await browser.close();
    server?.close();
  }

  const passed = results.filter((result) => result.ok).length;
  const failed = results.length - passed;
  console.log(`\nFinished in ${((performance.now() - started) / 1000).toFixed(1)}s.`);
  if (failed) console.log(`Failed: ${results.filter((result) => !result.ok).map((result) => result.id).join(', ')}`);
  console.log(`axe: ${axeTally.checked} stories checked, ${axeTally.violations} violations, ${axeTally.skipped} skipped`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
