// The CDN build minifies the text of css`` and html`` templates.
// - Minified CSS must mean the same rules: checked on examples, then on every stylesheet
//   of the library in Chromium's own CSS parser.
// - Minified HTML loses only line breaks and indentation between tags and inside tags:
//   checked on examples here; that those were never rendered is checked by a guard over
//   every browser test (test/fixtures/template-whitespace-guard.ts).
// Run: node --test test/minify-literals.test.mjs (after npm run build).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAst } from 'rollup/parseAst';
import { forEachNode, minifyCss, minifyHtml } from '../scripts/minify-literals.mjs';
import { chromiumArgs, chromiumPath, missingChromiumMessage } from '../scripts/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('minifyCss', () => {
  test('drops comments and whitespace that carries no meaning', () => {
    assert.equal(
      minifyCss(`
      /* the host */
      :host {
        display: block;
        margin: 0 auto;
      }
      .a > .b ,  .c { color : red }
    `),
      ':host{display: block;margin: 0 auto}.a > .b,.c{color : red}',
    );
  });

  test('keeps strings, escapes and descendant combinators as written', () => {
    assert.equal(minifyCss(`.a   .b::before { content: "  /* not a comment */  "; }`), '.a .b::before{content: "  /* not a comment */  "}');
    assert.equal(minifyCss(`.icon::after { content: '\\2022  x'; }`), `.icon::after{content: '\\2022  x'}`);
    assert.equal(minifyCss(`@media (forced-colors: active) and (min-width: 20rem) { a { b: c } }`), '@media (forced-colors: active) and (min-width: 20rem){a{b: c}}');
  });

  test('keeps one space next to an interpolation', () => {
    assert.equal(minifyCss('\n  border: 1px ', { end: false }), 'border: 1px ');
    assert.equal(minifyCss(' solid red;\n', { start: false }), ' solid red;');
  });
});

describe('minifyHtml', () => {
  test('drops line breaks and indentation between tags and at the edges', () => {
    assert.deepEqual(minifyHtml(['\n  <section>\n    <header>\n      <h2>Title</h2>\n    </header>\n  </section>\n']), [
      '<section><header><h2>Title</h2></header></section>',
    ]);
  });

  test('inside a tag, a line break becomes one space, or nothing before the end of the tag', () => {
    assert.deepEqual(minifyHtml(['<input\n  type="search"\n  .value=', '\n  @input=', '\n/>']), [
      '<input type="search" .value=',
      ' @input=',
      '/>',
    ]);
    assert.deepEqual(minifyHtml(['<button\n  part="next"\n>Next</button>']), ['<button part="next">Next</button>']);
  });

  test('drops line breaks between a tag and an interpolation, keeps them between two interpolations', () => {
    assert.deepEqual(minifyHtml(['<div>\n  ', '\n  ', '\n</div>']), ['<div>', '\n  ', '</div>']);
  });

  test('keeps white space next to words, spaces without a line break, attribute values and raw text', () => {
    assert.deepEqual(minifyHtml(['<p>Press\n  <kbd>K</kbd>\n  to play</p>']), ['<p>Press\n  <kbd>K</kbd>\n  to play</p>']);
    assert.deepEqual(minifyHtml(['<span>a</span> <span>b</span>']), ['<span>a</span> <span>b</span>']);
    assert.deepEqual(minifyHtml(['<p title="one\n  two">x</p>']), ['<p title="one\n  two">x</p>']);
    assert.deepEqual(minifyHtml(['<pre>\n  a\n  <b>b</b>\n</pre>\n<p>x</p>']), ['<pre>\n  a\n  <b>b</b>\n</pre><p>x</p>']);
    assert.deepEqual(minifyHtml(['<textarea>\n</textarea>']), ['<textarea>\n</textarea>']);
  });

  test('a quoted attribute value may span interpolations', () => {
    assert.deepEqual(minifyHtml(['<li class="line ', ' a>b">\n  <span>x</span>\n</li>']), ['<li class="line ', ' a>b"><span>x</span></li>']);
  });
});

/** The css`` template texts of the built modules, interpolations replaced by a value. */
function builtStylesheets() {
  const sheets = [];
  (function walk(dir) {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      // The npm modules (not yet minified), which mirror src/.
      const source = join(root, 'src', path.slice(join(root, 'dist').length).replace(/\.js$/, '.ts'));
      if (!path.endsWith('.js') || !existsSync(source)) continue;
      const code = readFileSync(path, 'utf8');
      forEachNode(parseAst(code), (node) => {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.name !== 'css') return;
        const { quasis } = node.quasi;
        const raw = quasis.map((quasi) => code.slice(quasi.start, quasi.end));
        const minified = raw.map((text, index) => minifyCss(text, { start: index === 0, end: index === quasis.length - 1 }));
        const original = raw.join('var(--interpolated)');
        // A fragment of declarations (composed into rules elsewhere) is checked inside a rule of its own.
        const wrap = original.includes('{') ? (text) => text : (text) => `:root{${text}}`;
        sheets.push({ path, original: wrap(original), minified: wrap(minified.join('var(--interpolated)')) });
      });
    }
  })(join(root, 'dist'));
  return sheets;
}

test('every built stylesheet parses to the same rules once minified (Chromium)', async () => {
  assert.ok(chromiumPath, missingChromiumMessage);
  assert.ok(existsSync(join(root, 'dist', 'index.js')), 'dist/ is missing: run npm run build first');
  const sheets = builtStylesheets();
  assert.ok(sheets.length > 0, 'the build has css`` templates');
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    const results = await page.evaluate((sheets) => {
      // Custom property values keep their whitespace verbatim; `f(a, b)` and `f(a,b)` substitute alike.
      const normalize = (text) => text.replace(/\s*,\s*/g, ',').replace(/\(\s+/g, '(').replace(/\s+\)/g, ')');
      const rules = (text) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        return normalize([...sheet.cssRules].map((rule) => rule.cssText).join('\n'));
      };
      return sheets.map(({ path, original, minified }) => ({ path, original: rules(original), minified: rules(minified) }));
    }, sheets);
    for (const { path, original, minified } of results) {
      assert.ok(original.length > 0, `${path} has rules`);
      assert.equal(minified, original, path);
    }
  } finally {
    await browser.close();
  }
});
