// The build (`npm run build` = clean + `rollup -c` + custom-elements.json). Four outputs:
//   1. dist/**            unbundled ES2021 modules mirroring src/, with .d.ts and source maps,
//                         every dependency left as a bare import (what `npm install` users get),
//                         plus dist/lesson.schema.json and dist/themes/*.css;
//   2. dist/cdn/lesson-elements.js   one minified file that defines every element (bloggers'
//                         one script tag); code only some readers need stays in lazy chunks;
//   3. dist/cdn/<name>.js one minified module per element (`dialogue.js` for <lesson-dialogue>),
//                         sharing Lit and the core through dist/cdn/chunks/;
//   4. dist/cli.js        the Node command line behind bin/lesson-elements.js.
// The CDN builds start from the output of build 1 (rollup runs the configs in order), so
// TypeScript compiles once and the CDN ships exactly the code npm users get.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { isAbsolute, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import MagicString from 'magic-string';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import replace from '@rollup/plugin-replace';
import { findElements, root } from './scripts/elements.mjs';
import { writeLessonSchema } from './scripts/build-schema.mjs';
import { forEachNode, minifyLiterals } from './scripts/minify-literals.mjs';

const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const elements = findElements();

/** Every TypeScript module under src/ except the CLI: each is an entry, so no export is tree-shaken away from its .d.ts. */
function librarySources(dir = join(root, 'src')) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'cli' && dir === join(root, 'src') ? [] : librarySources(path);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative(root, path).split(sep).join('/')] : [];
  });
}

const isBareImport = (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0');

/** Writes what is not JavaScript: the JSON Schema and the theme stylesheets. */
function libraryAssets() {
  return {
    name: 'lesson-assets',
    buildStart() {
      // An element without a package export or a sideEffects entry cannot be imported on its own, or gets tree-shaken.
      for (const element of elements) {
        const exported = pkg.exports?.[`./${element.name}.js`];
        if (!exported) this.warn(`package.json "exports" has no "./${element.name}.js" for <${element.tag}> (${element.source})`);
        if (!pkg.sideEffects?.includes(`./${element.module}`)) {
          this.warn(`package.json "sideEffects" does not list "./${element.module}" (it defines <${element.tag}>)`);
        }
      }
    },
    async writeBundle() {
      for (const problem of await writeLessonSchema(dist)) this.warn(`lesson.schema.json: ${problem}`);
      const { tokenCss } = await import(`${pathToFileURL(join(dist, 'themes', 'tokens.js')).href}?build=${Date.now()}`);
      await mkdir(join(dist, 'themes'), { recursive: true });
      await writeFile(
        join(dist, 'themes', 'lesson-elements.css'),
        `/* lesson-elements ${pkg.version}: design tokens (the same layer the elements install themselves). */\n${tokenCss}\n`,
      );
      for (const theme of ['light.css', 'dark.css']) await copyFile(join(root, 'src', 'themes', theme), join(dist, 'themes', theme));
    },
  };
}

/** Hands rollup the source maps of dist/ modules, so CDN maps point at the TypeScript sources. */
function distSourceMaps() {
  return {
    name: 'dist-source-maps',
    async load(id) {
      if (!id.startsWith(dist + sep) || !id.endsWith('.js')) return null;
      const code = await readFile(id, 'utf8');
      const map = existsSync(`${id}.map`) ? JSON.parse(await readFile(`${id}.map`, 'utf8')) : null;
      return { code, map };
    },
  };
}

/**
 * Field descriptions are for `lesson.schema.json` (an author's editor shows them), not for
 * learners: the CDN builds turn each `describe(schema, text)` of core/schema.js into `schema`
 * (about 0.5 KB gzip off every bundle). The npm modules keep them, so the JSON Schema and
 * anyone reading the format at run time still have them.
 */
function dropSchemaDescriptions() {
  const schemaModule = join(dist, 'core', 'schema.js');
  return {
    name: 'drop-schema-descriptions',
    transform(code, id) {
      if (id !== schemaModule) return null;
      const magic = new MagicString(code);
      let dropped = 0;
      forEachNode(this.parse(code), (node) => {
        if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'describe') return;
        const [schema] = node.arguments;
        magic.remove(node.start, schema.start);
        magic.remove(schema.end, node.end);
        dropped++;
      });
      if (!dropped) this.error('core/schema.js has no describe(schema, text) call left to drop: was the helper renamed?');
      return { code: magic.toString(), map: magic.generateMap({ hires: true }) };
    },
  };
}

/**
 * `chunks/floating-ui-dom-<hash>.js` for a lazily loaded package (not `index-<hash>.js`),
 * `chunks/shared-<hash>.js` for code several per-element modules share (Lit, the core).
 */
function chunkFileName(chunk) {
  if (!chunk.facadeModuleId) return 'chunks/shared-[hash].js';
  const inPackage = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(chunk.facadeModuleId);
  const name = inPackage ? inPackage[1].replace(/^@/, '').replace(/[\\/]/g, '-') : chunk.name;
  return `chunks/${name}-[hash].js`;
}

/** The CDN builds: everything bundled, minified (JavaScript, and the text of css``, html`` and svg`` templates), Lit in production mode. */
function cdnBuild(input) {
  return {
    input,
    plugins: [
      distSourceMaps(),
      dropSchemaDescriptions(),
      minifyLiterals({ include: (id) => id.startsWith(dist + sep) }),
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
    ],
    output: {
      dir: join(dist, 'cdn'),
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: chunkFileName,
      // Lit's directives would each become a tiny shared chunk (one more request for a few
      // hundred bytes): fold chunks under 2.5 kB into a chunk that is loaded anyway. Not more:
      // at 5 kB this also folded code that is lazy on purpose (the flashcards' scheduler, the
      // dialogue's speech) into what every element loads up front.
      experimentalMinChunkSize: 2_500,
      sourcemap: true,
      plugins: [terser({ ecma: 2021, module: true, compress: { passes: 2 }, format: { comments: 'some' } })],
    },
  };
}

const perElement = Object.fromEntries(elements.map((element) => [element.name, join(root, element.module)]));

// Delivery (src/delivery, see docs/lms-guide.md): dist/cdn/scorm-runtime.js (SCORM packages),
// lesson-embed.js (host pages of embed iframes), embed-child.js + embed.html (the iframe page);
// one build each, so every file stands alone. dist/standalone/lesson-elements.js is the bundle
// with its lazy chunks inlined, for `lesson-elements package --format html` (file:// cannot import chunks).
const deliveryBuilds = ['scorm-runtime', 'lesson-embed', 'embed-child'].map((name) => cdnBuild({ [name]: join(dist, 'delivery', `${name}.js`) }));
// lesson-embed.js is pasted into blogs as a classic <script>: its top-level names must not become the page's globals.
deliveryBuilds[1].output = { ...deliveryBuilds[1].output, format: 'iife' };
deliveryBuilds[2].plugins.push({
  name: 'embed-page',
  async writeBundle() {
    const source = await readFile(join(root, 'demo', 'embed.html'), 'utf8');
    const page = source.replace('../src/index.ts', './lesson-elements.js').replace('../src/delivery/embed-child.ts', './embed-child.js');
    if (page.includes('../src/')) this.error('demo/embed.html loads a source file the build does not know');
    await writeFile(join(dist, 'cdn', 'embed.html'), page);
  },
});
const standaloneBuild = cdnBuild({ 'lesson-elements': join(dist, 'index.js') });
standaloneBuild.output = { ...standaloneBuild.output, dir: join(dist, 'standalone'), inlineDynamicImports: true, sourcemap: false };

export default [
  {
    input: librarySources(),
    external: isBareImport,
    plugins: [typescript({ tsconfig: 'tsconfig.build.json' }), libraryAssets()],
    output: {
      dir: dist,
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      entryFileNames: '[name].js',
      sourcemap: true,
    },
  },
  // Lazy chunks import what they share with the entry from the entry itself, so the one-script bundle stays
  // one file plus its lazy chunks (no extra shared chunk on the critical path). Only for this single-entry build:
  // per-element entries must never import each other.
  { ...cdnBuild({ 'lesson-elements': join(dist, 'index.js') }), preserveEntrySignatures: 'allow-extension' },
  // No element has landed yet: nothing to build per element.
  ...(elements.length ? [cdnBuild(perElement)] : []),
  ...deliveryBuilds,
  standaloneBuild,
  {
    input: 'src/cli/index.ts',
    // Runtime dependencies are installed with the package and stay imports; anything else the
    // CLI uses (a devDependency) is bundled into dist/cli.js, so `npx lesson-elements` works.
    external: (id) =>
      id.startsWith('node:') || builtinModules.includes(id) || Object.keys(pkg.dependencies).some((name) => id === name || id.startsWith(`${name}/`)),
    plugins: [typescript({ tsconfig: 'tsconfig.cli.json' }), nodeResolve({ exportConditions: ['node'], preferBuiltins: true })],
    output: { file: join(dist, 'cli.js'), format: 'es' },
  },
];
