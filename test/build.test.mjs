// What `npm run build` ships, checked the way a user meets it: package exports that
// resolve, a CDN bundle that needs nothing else, a JSON Schema an editor can use.
// Needs `npm run build` first. Run: node --test test/build.test.mjs
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAst } from 'rollup/parseAst';
import { findElements } from '../scripts/elements.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const elements = findElements();
const read = (path) => readFileSync(join(root, path), 'utf8');

/** Import specifiers of an ES module: static and dynamic. */
function importsOf(code) {
  const found = { static: [], dynamic: [] };
  (function walk(node) {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (node.type === 'ImportExpression' && node.source?.type === 'Literal') found.dynamic.push(node.source.value);
    if (/^(Import|ExportNamed|ExportAll)Declaration$/.test(node.type) && node.source) found.static.push(node.source.value);
    Object.values(node).forEach(walk);
  })(parseAst(code));
  return found;
}

/** Every file a package.json target pattern names (`./dist/themes/*` -> the files there). */
function targetFiles(target) {
  if (!target.includes('*')) return [target];
  const dir = target.slice(0, target.indexOf('*'));
  return existsSync(join(root, dir)) ? readdirSync(join(root, dir)).map((file) => dir + file) : [];
}

before(() => {
  assert.ok(existsSync(join(root, 'dist', 'index.js')), 'dist/ is missing: run npm run build first');
});

describe('package.json', () => {
  test('every element has an export, a sideEffects entry and a CDN module', () => {
    for (const element of elements) {
      assert.deepEqual(
        pkg.exports[`./${element.name}.js`],
        { types: `./${element.types}`, default: `./${element.module}` },
        `exports["./${element.name}.js"] for <${element.tag}>`,
      );
      assert.ok(pkg.sideEffects.includes(`./${element.module}`), `sideEffects lists ./${element.module}`);
      assert.ok(existsSync(join(root, 'dist', 'cdn', `${element.name}.js`)), `dist/cdn/${element.name}.js for <${element.tag}>`);
    }
  });

  test('the early lesson download knows every element (src/core/early-fetch.ts runs before any is defined)', async () => {
    const { LESSON_TAGS } = await import('../dist/core/early-fetch.js');
    assert.deepEqual([...LESSON_TAGS].sort(), elements.map((element) => element.tag).sort());
  });

  test('every export target exists (elements that have not landed yet excepted)', () => {
    const pending = [];
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      for (const file of Object.values(typeof target === 'string' ? { default: target } : target)) {
        const source = file.replace(/^\.\/dist\/(.*)\.(d\.ts|js)$/, 'src/$1.ts');
        if (file.startsWith('./dist/components/') && !existsSync(join(root, source))) {
          pending.push(subpath);
          continue;
        }
        const files = targetFiles(file);
        assert.ok(files.length && files.every((path) => existsSync(join(root, path))), `${subpath} -> ${file}`);
      }
    }
    if (pending.length) console.log(`# exports waiting for their element: ${[...new Set(pending)].join(', ')}`);
  });

  test('sideEffects names only modules that define tags or start lesson downloads, the CDN files and stylesheets', () => {
    const tagModules = new Set(['./dist/index.js', './dist/core/early-fetch.js', ...elements.map((element) => `./${element.module}`)]);
    for (const entry of pkg.sideEffects) {
      const isElementPath = /^\.\/dist\/components\/[^*]+\.js$/.test(entry);
      assert.ok(tagModules.has(entry) || isElementPath || entry === './dist/cdn/**' || entry.endsWith('.css'), entry);
    }
  });

  test('the DOM-free validator is importable in Node through the package name', async () => {
    const { validateLesson, FORMAT_VERSION } = await import('lesson-elements/schema.js');
    assert.equal(FORMAT_VERSION, 1);
    const result = validateLesson(JSON.parse(read('test/fixtures/mini.json')));
    assert.equal(result.ok, true);
  });
});

describe('npm modules (dist/)', () => {
  // The npm modules mirror src/ (bundles such as dist/cdn, dist/standalone and dist/cli.js are checked elsewhere).
  const modules = [];
  (function collect(dir) {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) collect(path);
      else if (entry.name.endsWith('.js') && existsSync(join(root, path.replace(/^dist\/(.*)\.js$/, 'src/$1.ts')))) modules.push(path);
    }
  })('dist');

  test('every library source has its module', () => {
    assert.ok(modules.includes('dist/index.js') && modules.includes('dist/core/schema.js'));
    assert.ok(modules.length > 20, `${modules.length} modules`);
  });

  test('every module has its declarations and source map', () => {
    for (const module of modules) {
      assert.ok(existsSync(join(root, module.replace(/\.js$/, '.d.ts'))), `${module} .d.ts`);
      assert.ok(existsSync(join(root, `${module}.map`)), `${module} .map`);
    }
  });

  test('relative imports name .js files that exist; dependencies stay bare imports', () => {
    const dependencies = Object.keys(pkg.dependencies);
    for (const module of modules) {
      const { static: statics, dynamic } = importsOf(read(module));
      for (const specifier of [...statics, ...dynamic]) {
        if (specifier.startsWith('.')) {
          assert.match(specifier, /\.js$/, `${module} imports ${specifier}`);
          assert.ok(existsSync(join(root, module, '..', specifier)), `${module} imports ${specifier}`);
        } else {
          const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
          assert.ok(dependencies.includes(name), `${module} imports ${specifier}, which is not a dependency`);
        }
      }
    }
  });

  test('the element modules define their tags', () => {
    for (const element of elements) assert.match(read(element.module), new RegExp(`defineElement\\('${element.tag}'`));
  });
});

describe('CDN (dist/cdn/)', () => {
  const cdnEntries = readdirSync(join(root, 'dist', 'cdn')).filter((file) => file.endsWith('.js'));

  test('lesson-elements.js is one file: no static import, only lazy chunks', () => {
    const { static: statics, dynamic } = importsOf(read('dist/cdn/lesson-elements.js'));
    assert.deepEqual(statics, []);
    for (const specifier of dynamic) assert.match(specifier, /^\.\/chunks\/[\w-]+\.js$/);
  });

  test('CDN modules import nothing from outside dist/cdn and carry no Node or dev-mode code', () => {
    const files = [...cdnEntries, ...readdirSync(join(root, 'dist', 'cdn', 'chunks')).filter((file) => file.endsWith('.js')).map((file) => `chunks/${file}`)];
    for (const file of files) {
      const code = read(`dist/cdn/${file}`);
      const { static: statics, dynamic } = importsOf(code);
      for (const specifier of [...statics, ...dynamic]) assert.match(specifier, /^\.\.?\//, `${file} imports ${specifier}`);
      assert.doesNotMatch(code, /process\.env/, `${file} mentions process.env`);
      assert.doesNotMatch(code, /Lit is in dev mode/, `${file} is Lit's development build`);
    }
  });

  test("field descriptions stay in lesson.schema.json and the npm modules, out of the learners' bundles", () => {
    const description = JSON.parse(read('dist/lesson.schema.json')).properties.id.description;
    assert.match(read('dist/core/schema.js'), /A stable id: used in deep links/);
    assert.match(description, /A stable id: used in deep links/);
    for (const file of cdnEntries) assert.ok(!read(`dist/cdn/${file}`).includes(description), `${file} carries the schema's descriptions`);
  });

  test('html`` templates lose the indentation of the source (the minified CSS and HTML are checked in minify-literals.test.mjs)', () => {
    const bundle = read('dist/cdn/lesson-elements.js');
    assert.ok(bundle.includes('<div class="title" part="title" id="title" role="heading"'), 'the dialogue title template is there, on one line');
    assert.doesNotMatch(bundle, />\n\s+</, 'a line break and indentation between two tags');
  });
});

describe('lesson.schema.json', () => {
  const schema = JSON.parse(read('dist/lesson.schema.json'));
  const nodes = [];
  (function collect(node) {
    if (Array.isArray(node)) return node.forEach(collect);
    if (!node || typeof node !== 'object') return;
    nodes.push(node);
    Object.values(node).forEach(collect);
  })(schema);

  test('is a JSON Schema 2020-12 document with its published id', () => {
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema.$id, 'https://unpkg.com/lesson-elements/dist/lesson.schema.json');
    assert.ok(schema.title && schema.description);
    assert.deepEqual(schema.required, ['formatVersion', 'id', 'title', 'lang']);
    assert.deepEqual(schema.properties.formatVersion.const, 1);
  });

  test('strict objects refuse unknown fields', () => {
    const objects = nodes.filter((node) => node.type === 'object');
    assert.ok(objects.length > 10);
    for (const object of objects) assert.equal(object.additionalProperties, false, JSON.stringify(object).slice(0, 120));
  });

  test('patterns compile as unicode regular expressions', () => {
    const patterns = nodes.filter((node) => typeof node.pattern === 'string').map((node) => node.pattern);
    assert.ok(patterns.length > 10);
    for (const pattern of patterns) assert.doesNotThrow(() => new RegExp(pattern, 'u'), pattern);
  });

  test('URL patterns refuse script URLs in any case, like the runtime validator', () => {
    const url = new RegExp(schema.properties.links.items.properties.url.pattern, 'u');
    for (const accepted of ['https://example.org', 'HTTPS://EXAMPLE.ORG', 'mailto:a@b.org', 'img/a.png', '../a.vtt']) {
      assert.ok(url.test(accepted), accepted);
    }
    // A browser's URL parser drops leading control characters: "\u0001javascript:" is a script URL too.
    for (const refused of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'DATA:x', '\u0001javascript:alert(1)', '\u001fdata:x']) {
      assert.ok(!url.test(refused), refused);
    }
  });

  test('fields keep their descriptions', () => {
    assert.match(schema.properties.id.description, /stable id/);
    assert.ok(nodes.filter((node) => typeof node.description === 'string').length > 20);
  });
});

describe('themes', () => {
  test('the token stylesheet and the light and dark themes are built', () => {
    assert.match(read('dist/themes/lesson-elements.css'), /@layer lesson-elements-tokens \{[\s\S]*--lesson-color-text:/);
    assert.match(read('dist/themes/dark.css'), /:root \{\s*--lesson-color-scheme: dark;\s*\}/);
    assert.match(read('dist/themes/light.css'), /:root \{\s*--lesson-color-scheme: light;\s*\}/);
  });
});

describe('custom-elements.json', () => {
  test('describes every element with its tag, attributes and parts at its published path', () => {
    const manifest = JSON.parse(read('custom-elements.json'));
    for (const element of elements) {
      const moduleDoc = manifest.modules.find((entry) => entry.path === element.module);
      assert.ok(moduleDoc, `module ${element.module}`);
      const declaration = moduleDoc.declarations.find((entry) => entry.tagName === element.tag);
      assert.ok(declaration?.customElement, `<${element.tag}> is a custom element in the manifest`);
      assert.ok(declaration.attributes?.some((attribute) => attribute.name === 'src'), `<${element.tag}> has the src attribute`);
      assert.ok(declaration.cssParts?.some((part) => part.name === 'base'), `<${element.tag}> documents part="base"`);
    }
  });
});
