// `npm run size` (after `npm run build`): what a reader downloads, gzipped at level 9.
// An entry is counted with every chunk it imports statically (that is its initial
// load); chunks reached only through import() are lazy and listed on their own.
// Fails when the whole library or one element goes over its budget, or when a
// package meant to load lazily ended up in an initial load.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseAst } from 'rollup/parseAst';
import { findElements, root } from './elements.mjs';

const KB = 1000;
const BUDGET = { library: 35 * KB, element: 15 * KB };
/** Packages only some readers need: they must stay behind import(). */
const LAZY_PACKAGES = ['ts-fsrs', '@floating-ui/'];
const LIBRARY_ENTRY = 'lesson-elements.js';

const cdn = join(root, 'dist', 'cdn');
if (!existsSync(join(cdn, LIBRARY_ENTRY))) {
  console.error('No CDN build in dist/cdn: run npm run build first');
  process.exit(2);
}

const fileInfo = new Map();
const overBudget = [];
/** Size and imports of one output file (memoized). */
function info(file) {
  if (fileInfo.has(file)) return fileInfo.get(file);
  const code = readFileSync(file);
  const staticImports = new Set();
  const dynamicImports = new Set();
  const local = (source) => (typeof source === 'string' && source.startsWith('.') ? resolve(dirname(file), source) : undefined);
  (function walk(node) {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (node.type === 'ImportExpression') {
      const target = local(node.source?.value);
      if (target) dynamicImports.add(target);
    } else if (/^(Import|ExportNamed|ExportAll)Declaration$/.test(node.type)) {
      const target = local(node.source?.value);
      if (target) staticImports.add(target);
    }
    for (const value of Object.values(node)) if (value && typeof value === 'object') walk(value);
  })(parseAst(code.toString('utf8')));
  const result = { raw: code.length, gzip: gzipSync(code, { level: 9 }).length, staticImports, dynamicImports };
  fileInfo.set(file, result);
  return result;
}

/** A file and everything it imports statically, transitively. */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const dependency of info(file).staticImports) closure(dependency, seen);
  return seen;
}

const total = (files, key) => [...files].reduce((sum, file) => sum + info(file)[key], 0);
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const name = (file) => relative(cdn, file);

/** The npm packages bundled into a file, read from its source map. */
function bundledPackages(file) {
  const mapFile = `${file}.map`;
  if (!existsSync(mapFile)) return [];
  const { sources = [] } = JSON.parse(readFileSync(mapFile, 'utf8'));
  return sources.flatMap((source) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1] ?? []);
}

const elementModules = new Set(findElements().map((element) => `${element.name}.js`));
// Library first, then elements, then other modules (LMS delivery helpers), which have no budget.
const rank = (file) => (file === LIBRARY_ENTRY ? 0 : elementModules.has(file) ? 1 : 2);
const entries = readdirSync(cdn)
  .filter((file) => file.endsWith('.js'))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  .map((file) => join(cdn, file));

const failures = [];
const rows = [];
const lazy = new Map(); // lazy chunk -> { files: extra static deps, loadedBy: entry names }
for (const entry of entries) {
  const initial = closure(entry);
  const kind = rank(name(entry));
  const budget = kind === 0 ? BUDGET.library : kind === 1 ? BUDGET.element : undefined;
  const gzip = total(initial, 'gzip');
  const over = budget !== undefined && gzip > budget;
  rows.push([
    kind === 0 ? `${name(entry)} (every element)` : kind === 1 ? name(entry) : `${name(entry)} (not an element)`,
    kb(gzip),
    budget === undefined ? '-' : kb(budget),
    budget === undefined ? '' : over ? 'OVER' : 'ok',
    kb(total(initial, 'raw')),
    String(initial.size),
  ]);
  if (over) overBudget.push(`${name(entry)} loads ${kb(gzip)} gzip up front; the budget is ${kb(budget)}`);
  for (const file of initial) {
    for (const pkg of bundledPackages(file)) {
      if (LAZY_PACKAGES.some((lazyPackage) => pkg.startsWith(lazyPackage))) {
        failures.push(`${pkg} is in the initial load of ${name(entry)} (in ${name(file)}): load it with import()`);
      }
    }
  }
  // Lazy chunks, and the lazy chunks those import in turn (ts-fsrs behind the flashcards' scheduler).
  const reached = new Set(initial);
  const pending = [...initial];
  while (pending.length) {
    const file = pending.pop();
    for (const target of info(file).dynamicImports) {
      const extra = [...closure(target)].filter((dependency) => !initial.has(dependency));
      const seen = lazy.get(target) ?? { files: new Set(), loadedBy: new Set() };
      extra.forEach((dependency) => seen.files.add(dependency));
      seen.loadedBy.add(name(entry));
      lazy.set(target, seen);
      for (const dependency of extra) {
        if (reached.has(dependency)) continue;
        reached.add(dependency);
        pending.push(dependency);
      }
    }
  }
}

function table(header, body) {
  const widths = header.map((_, column) => Math.max(...[header, ...body].map((row) => row[column].length)));
  const line = (row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(line(header));
  body.forEach((row) => console.log(line(row)));
}

console.log('lesson-elements CDN build (dist/cdn), gzip -9, 1 KB = 1000 bytes.');
console.log('Initial load = the module and every chunk it imports statically (Lit included).\n');
table(['initial load', 'gzip', 'budget', '', 'raw', 'files'], rows);

if (lazy.size) {
  console.log('\nLazy chunks (fetched by import() when a reader needs them; not in the figures above):\n');
  table(
    ['lazy', 'gzip', 'raw', 'loaded by'],
    [...lazy].map(([chunk, { files, loadedBy }]) => {
      const all = new Set([chunk, ...files]);
      return [name(chunk), kb(total(all, 'gzip')), kb(total(all, 'raw')), [...loadedBy].join(', ')];
    }),
  );
}

console.log('\nFor scale: H5P core runtime alone: ~71 KB gzip');

// `--report-budget`: print budget overruns loudly but do not fail on them (CI uses it while the budget
// is not yet met, so the other checks still gate changes). Lazy packages in an initial load always fail.
const reportOnly = process.argv.includes('--report-budget');
if (overBudget.length) {
  const list = overBudget.map((line) => `  - ${line}`).join('\n');
  if (reportOnly) console.warn(`\nOVER BUDGET (reported, not enforced: --report-budget):\n${list}`);
  else failures.push(...overBudget);
}
if (failures.length) {
  console.error(`\nSize check failed:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
  process.exit(1);
}
