#!/usr/bin/env node
/**
 * Benchmarks (`npm run bench`): runs every `bench/*.html` page with tachometer
 * in the system Chromium, headless, and prints each page's median and spread.
 * Pages listed together in `bench/groups.json` run in one tachometer session,
 * interleaved, and tachometer prints how they differ (with a confidence
 * interval). See bench/README.md for how to write a page.
 *
 * Each page is first opened once with puppeteer (the preflight): a page that
 * throws, logs an error or never sets `window.tachometerResult` fails at once
 * with its console output, instead of tachometer retrying it for minutes.
 *
 *   npm run bench                          everything
 *   npm run bench -- dialogue              pages and groups whose name contains "dialogue"
 *   npm run bench -- --samples 30 --json bench-results.json
 *
 * Options: --samples <n per page, default 15>, --timeout <minutes of extra
 * auto-sampling for groups, default 0>, --json <file> (all samples and stats),
 * --build (rebuild dist/ first; it is built anyway when missing), --list.
 */
/* global window -- the preflight reads window.tachometerResult inside the page. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromiumArgs, chromiumPath, missingChromiumMessage } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench');
const workDir = join(root, '.tachometer');

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    samples: { type: 'string', default: '15' },
    timeout: { type: 'string', default: '0' },
    json: { type: 'string' },
    build: { type: 'boolean', default: false },
    list: { type: 'boolean', default: false },
  },
});
const sampleSize = Math.max(2, Math.round(Number(options.samples)) || 15);
const autoSampleMinutes = Math.max(0, Number(options.timeout) || 0);
const filters = positionals.map((text) => text.toLowerCase().replace(/\.html$/, ''));

function die(message) {
  console.error(message);
  process.exit(1);
}

/** Pages and groups: every bench/*.html, grouped as bench/groups.json says. */
async function discover() {
  const pages = existsSync(benchDir)
    ? readdirSync(benchDir)
        .filter((file) => file.endsWith('.html'))
        .map((file) => file.replace(/\.html$/, ''))
        .sort()
    : [];
  let groups = {};
  const groupsFile = join(benchDir, 'groups.json');
  if (existsSync(groupsFile)) {
    try {
      groups = JSON.parse(await readFile(groupsFile, 'utf8')).groups ?? {};
    } catch (error) {
      die(`bench/groups.json is not valid JSON: ${error.message}`);
    }
  }
  const runs = [];
  const grouped = new Set();
  for (const [name, members] of Object.entries(groups)) {
    const names = (Array.isArray(members) ? members : []).map((page) => String(page).replace(/\.html$/, ''));
    const missing = names.filter((page) => !pages.includes(page));
    if (missing.length) die(`bench/groups.json: group "${name}" names missing pages: ${missing.join(', ')}`);
    if (names.length < 2) die(`bench/groups.json: group "${name}" needs at least two pages`);
    names.forEach((page) => grouped.add(page));
    runs.push({ name, pages: names, group: true });
  }
  for (const page of pages) if (!grouped.has(page)) runs.push({ name: page, pages: [page], group: false });
  return runs.filter(
    (run) => filters.length === 0 || filters.some((text) => [run.name, ...run.pages].some((name) => name.toLowerCase().includes(text))),
  );
}

/** Bench pages import the built modules from dist/: build when they are missing, warn when stale. */
function ensureBuilt() {
  const entry = join(root, 'dist', 'index.js');
  if (options.build || !existsSync(entry)) {
    console.log(options.build ? 'Building (--build)...' : 'dist/ is missing: running npm run build...');
    const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    if (result.status !== 0) die('npm run build failed.');
    return;
  }
  const builtAt = statSync(entry).mtimeMs;
  const newest = (dir) =>
    readdirSync(dir, { withFileTypes: true }).reduce((latest, item) => {
      const path = join(dir, item.name);
      return Math.max(latest, item.isDirectory() ? newest(path) : statSync(path).mtimeMs);
    }, 0);
  if (newest(join(root, 'src')) > builtAt) {
    console.log('Note: src/ changed after the last build; pass --build to benchmark the current code.\n');
  }
}

const majorVersion = (binary) => {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).match(/ (\d+)\./)?.[1];
  } catch {
    return undefined;
  }
};

/**
 * The chromedriver for our Chromium. Under `npm run`, PATH starts with node_modules/.bin, whose
 * `chromedriver` is the npm package's launcher; its binary is not downloaded here (and would be for
 * another Chrome version), and Selenium waits on it for ever. So we pick a driver whose major version
 * matches the browser's (CHROMEDRIVER_PATH, the system one, then the npm one) and put it first on PATH.
 */
function findChromedriver() {
  const searchPath = (process.env.PATH ?? '').split(delimiter).filter((dir) => dir && !/node_modules[\\/]\.bin$/.test(dir));
  const candidates = [
    process.env.CHROMEDRIVER_PATH,
    ...searchPath.map((dir) => join(dir, 'chromedriver')),
    '/usr/lib/chromium/chromedriver',
    join(root, 'node_modules', 'chromedriver', 'lib', 'chromedriver', 'chromedriver'),
  ].filter((path, index, all) => path && existsSync(path) && all.indexOf(path) === index);
  const browserMajor = majorVersion(chromiumPath);
  const driver = candidates.find((path) => majorVersion(path) === browserMajor) ?? candidates[0];
  return { driver, browserMajor, searchPath };
}

const median = (sorted) =>
  sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
const ms = (value) => `${value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)} ms`;
const signed = (value, format) => `${value >= 0 ? '+' : '-'}${format(Math.abs(value))}`;

/** Median, quartiles and extremes of one page's samples, with tachometer's 95% interval for the mean. */
function summarize(benchmark) {
  const sorted = [...benchmark.samples].sort((a, b) => a - b);
  const quantile = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
  return {
    name: benchmark.name,
    samples: benchmark.samples,
    n: sorted.length,
    median: median(sorted),
    p25: quantile(0.25),
    p75: quantile(0.75),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    meanCI: benchmark.mean,
    differences: benchmark.differences,
  };
}

/** Opens each page once: it must set a numeric window.tachometerResult without errors. */
async function preflight(pages) {
  const [{ startDevServer }, { default: puppeteer }] = await Promise.all([import('@web/dev-server'), import('puppeteer-core')]);
  const server = await startDevServer({
    config: { rootDir: root, nodeResolve: true, watch: false, open: false, clearTerminalOnReload: false },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
    autoExitProcess: false,
  });
  const browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  const problems = new Map();
  try {
    for (const page of pages) {
      const tab = await browser.newPage();
      const messages = [];
      tab.on('pageerror', (error) => messages.push(`page error: ${error?.message ?? error}`));
      tab.on('console', (message) => {
        if (message.type() === 'error' && !/favicon/.test(message.location()?.url ?? '')) messages.push(`console: ${message.text()}`);
      });
      tab.on('requestfailed', (request) => {
        if (!/favicon/.test(request.url())) messages.push(`request failed: ${request.url()}`);
      });
      tab.on('response', (response) => {
        if (response.status() >= 400 && !/favicon/.test(response.url())) messages.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      try {
        await tab.goto(`http://localhost:${server.config.port}/bench/${page}.html`, { waitUntil: 'load', timeout: 30_000 });
        const deadline = Date.now() + 30_000;
        let value;
        // Stop at the first error: a page that threw will not set its result.
        while ((value = await tab.evaluate(() => window.tachometerResult)) === undefined && !messages.length && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        if (value === undefined) messages.push('window.tachometerResult was never set');
        else if (typeof value !== 'number' || !(value >= 0)) messages.push(`window.tachometerResult is ${JSON.stringify(value)}, not a duration`);
      } catch (error) {
        messages.push(`${error?.message?.split('\n')[0] ?? error}`);
      }
      if (messages.length) problems.set(page, messages);
      await tab.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return problems;
}

async function runTachometer(run, driver) {
  const browser = {
    name: 'chrome',
    headless: true,
    binary: chromiumPath,
    // tachometer adds --headless itself.
    addArguments: chromiumArgs.filter((arg) => !arg.startsWith('--headless')),
    windowSize: { width: 1024, height: 768 },
  };
  const config = {
    $schema: 'https://raw.githubusercontent.com/google/tachometer/main/config.schema.json',
    root,
    sampleSize,
    timeout: run.group ? autoSampleMinutes : 0,
    benchmarks: run.pages.map((page) => ({
      name: page,
      url: join(benchDir, `${page}.html`),
      measurement: [{ mode: 'expression', expression: 'window.tachometerResult' }],
      browser,
    })),
  };
  const configFile = join(workDir, `${run.name}.config.json`);
  const resultFile = join(workDir, `${run.name}.results.json`);
  await writeFile(configFile, `${JSON.stringify(config, null, 2)}\n`);
  await rm(resultFile, { force: true });
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'tachometer', 'bin', 'tach.js'), '--config', configFile, '--json-file', resultFile],
    {
      cwd: root,
      encoding: 'utf8',
      // An open stdin keeps tachometer alive after it has finished.
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
      // Selenium Manager: use the chromedriver on PATH (Debian's matches Debian's Chromium), never download, no stats.
      env: {
        ...process.env,
        PATH: [dirname(driver.driver), ...driver.searchPath].join(delimiter),
        SE_OFFLINE: 'true',
        SE_AVOID_STATS: 'true',
        // tachometer also asks npm whether it is outdated; never wait on the network for that.
        npm_config_offline: 'true',
      },
    },
  );
  if (result.status !== 0 || !existsSync(resultFile)) {
    return { error: `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim() || `tachometer exited with ${result.status}` };
  }
  const output = JSON.parse(await readFile(resultFile, 'utf8'));
  // Tachometer's own table is worth reading for a group: it has the pairwise differences.
  let table = run.group ? result.stdout.slice(result.stdout.indexOf('┌')).trimEnd() : '';
  if (!process.stdout.isTTY) table = table.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex
  return { benchmarks: output.benchmarks.map(summarize), table };
}

function printRun(run, outcome) {
  if (outcome.error) {
    console.log(`FAIL  ${run.name}\n${outcome.error.replace(/^/gm, '      ')}`);
    return;
  }
  if (outcome.table) console.log(outcome.table);
  const width = Math.max(...outcome.benchmarks.map((b) => b.name.length));
  for (const b of outcome.benchmarks) {
    console.log(
      `${b.name.padEnd(width)}  median ${ms(b.median).padStart(9)}  ` +
        `(p25-p75 ${ms(b.p25)} - ${ms(b.p75)}, min ${ms(b.min)}, max ${ms(b.max)}, ` +
        `mean 95% CI ${ms(b.meanCI.low)} - ${ms(b.meanCI.high)}, n=${b.n})`,
    );
  }
  if (run.group) {
    const [reference, ...others] = outcome.benchmarks;
    for (const other of others) {
      const difference = other.differences?.[0];
      const ci = difference
        ? `, mean ${signed(difference.absolute.low, ms)} to ${signed(difference.absolute.high, ms)} ` +
          `(${signed(difference.percentChange.low, (v) => `${v.toFixed(0)}%`)} to ${signed(difference.percentChange.high, (v) => `${v.toFixed(0)}%`)}, 95% CI)`
        : '';
      console.log(
        `  ${other.name} vs ${reference.name}: median ${signed(other.median - reference.median, ms)} ` +
          `(x${(other.median / reference.median).toFixed(2)})${ci}`,
      );
    }
  }
  console.log('');
}

async function main() {
  const runs = await discover();
  if (options.list) {
    for (const run of runs) console.log(run.group ? `${run.name}: ${run.pages.join(' vs ')}` : run.name);
    return;
  }
  if (runs.length === 0) {
    console.log(filters.length ? `No benchmark matches ${filters.join(', ')}.` : 'No bench/*.html pages yet.');
    return;
  }
  if (!chromiumPath) die(missingChromiumMessage);
  const driver = findChromedriver();
  if (!driver.driver) die('No chromedriver found: install one matching your Chromium (Debian: apt-get install chromium-driver) or set CHROMEDRIVER_PATH.');
  if (majorVersion(driver.driver) !== driver.browserMajor) {
    console.log(`Warning: ${driver.driver} does not match Chromium ${driver.browserMajor}; set CHROMEDRIVER_PATH to a matching chromedriver.`);
  }
  ensureBuilt();
  await mkdir(workDir, { recursive: true });

  const [load] = loadavg();
  const cores = cpus().length;
  console.log(
    `Benchmarks: ${runs.length} run(s), ${sampleSize} samples per page, Chromium ${driver.browserMajor ?? '?'} headless (${chromiumPath}), ` +
      `${cores} cores, load ${load.toFixed(1)}`,
  );
  if (load > cores) console.log(`Warning: the machine is busy (load ${load.toFixed(1)} on ${cores} cores); timings will be noisy.`);
  console.log('');

  const started = performance.now();
  const broken = await preflight([...new Set(runs.flatMap((run) => run.pages))]);
  const results = [];
  let failed = 0;
  for (const run of runs) {
    const brokenPages = run.pages.filter((page) => broken.has(page));
    const outcome = brokenPages.length
      ? { error: brokenPages.map((page) => `${page}.html:\n${broken.get(page).map((line) => `  ${line}`).join('\n')}`).join('\n') }
      : await runTachometer(run, driver);
    printRun(run, outcome);
    if (outcome.error) failed++;
    results.push({ name: run.name, group: run.group, pages: run.pages, ...outcome });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(`${runs.length - failed} run(s) done, ${failed} failed, in ${seconds}s.`);
  if (options.json) {
    await writeFile(
      options.json,
      `${JSON.stringify({ date: new Date().toISOString(), sampleSize, cores, load, results }, null, 2)}\n`,
    );
    console.log(`Results written to ${options.json}.`);
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
