import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { testFaults } from './test/fixtures/fault-server.mjs';

/** A tiny xAPI LRS for tests: POST statements, GET them back, DELETE to reset, POST /fail to refuse. */
const lrs = { statements: [], failing: false };
async function testLrs(context, next) {
  if (!context.path.startsWith('/test-lrs/')) return next();
  const route = context.path.slice('/test-lrs/'.length);
  if (route === 'statements' && context.method === 'POST') {
    if (lrs.failing) {
      context.status = 503;
      return;
    }
    const chunks = [];
    for await (const chunk of context.req) chunks.push(chunk);
    const batch = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const known = new Set(lrs.statements.map((s) => s.id));
    for (const statement of batch) if (!known.has(statement.id)) lrs.statements.push(statement);
    context.body = batch.map((s) => s.id);
    return;
  }
  if (route === 'statements') {
    if (context.method === 'DELETE') lrs.statements = [];
    context.body = lrs.statements;
    return;
  }
  if (route === 'fail') {
    lrs.failing = context.query.on === '1';
    context.body = { failing: lrs.failing };
    return;
  }
  return next();
}

/**
 * `emulate-media-features`: sets Chromium's emulated media features over the DevTools protocol, e.g.
 * `executeServerCommand('emulate-media-features', [{ name: 'forced-colors', value: 'active' }])`.
 * @web/test-runner-commands' emulateMedia offers forced colours only with Playwright, and puppeteer's
 * emulateMediaFeatures refuses names it does not know. The list replaces every feature emulated
 * before by this command (an empty list ends the emulation).
 */
function mediaFeatures() {
  /** One DevTools session per page: an emulation lasts as long as the session that set it. */
  const sessions = new WeakMap();
  return {
    name: 'emulate-media-features',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-media-features') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`emulate-media-features needs the Chrome launcher, not ${session.browser.type}`);
      if (!Array.isArray(payload)) throw new Error('emulate-media-features takes a list of { name, value }');
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      await sessions.get(page).send('Emulation.setEmulatedMedia', { features: payload });
      return true;
    },
  };
}

/**
 * `tap`: a touch screen tap at a point of the page, `executeServerCommand('tap', { x, y })`, through
 * puppeteer's touch screen (DevTools touch events: Chromium makes the pointer events and the click of
 * a real tap from them). @web/test-runner-commands has a mouse and a keyboard, no touch.
 */
function touchTap() {
  return {
    name: 'tap',
    async executeCommand({ command, payload, session }) {
      if (command !== 'tap') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`tap needs the Chrome launcher, not ${session.browser.type}`);
      const { x, y } = payload ?? {};
      if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error('tap takes { x, y }');
      await session.browser.getPage(session.id).touchscreen.tap(x, y);
      return true;
    },
  };
}

// FUZZ_MOUNT_ALL=1 (a CI step): the fuzz suite mounts every element on every document, not a sample.
const fuzzMountAll = Boolean(process.env.FUZZ_MOUNT_ALL);

const filesArg = process.argv.find((arg, i) => process.argv[i - 1] === '--files');

export default {
  files: filesArg ? undefined : ['test/**/*.test.ts'],
  nodeResolve: true,
  middleware: [testLrs, testFaults],
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: fuzzMountAll ? 900_000 : 300_000,
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }), mediaFeatures(), touchTap()],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs },
    }),
  ],
  testFramework: { config: { timeout: 10_000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <body>
    ${fuzzMountAll ? '<script>globalThis.lessonFuzzMountAll = true;</script>' : ''}
    <script src="/test/fixtures/register-guards.js"></script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
