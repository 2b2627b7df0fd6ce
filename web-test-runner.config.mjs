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

const filesArg = process.argv.find((arg, i) => process.argv[i - 1] === '--files');

export default {
  files: filesArg ? undefined : ['test/**/*.test.ts'],
  nodeResolve: true,
  middleware: [testLrs, testFaults],
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 300_000,
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs },
    }),
  ],
  testFramework: { config: { timeout: 10_000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
