// Rollup plugin for the CDN builds: minifies the text of Lit's `css\`...\``, `html\`...\``
// and `svg\`...\`` templates (terser leaves template text alone).
// - CSS: only whitespace and comments go; strings, escapes and ${} interpolations are
//   kept, so the rules are the same.
// - HTML: only the line breaks and indentation of the source go, where the browser never
//   renders them (between tags, inside a tag). Fewer bytes, and fewer DOM nodes: a lesson
//   view had 800 white-space text nodes out of 3,300 nodes.
import MagicString from 'magic-string';

/** Characters around which whitespace never matters in CSS. */
const TIGHT = new Set(['{', '}', ';', ',']);

/**
 * Minifies one piece of CSS text (a template's raw text between interpolations).
 * `start`/`end` say whether the piece begins or ends the whole template: only
 * there may leading/trailing whitespace go entirely; next to an interpolation a
 * single space stays, because the interpolated value may need it.
 */
export function minifyCss(text, { start = true, end = true } = {}) {
  let out = '';
  let pendingSpace = false;
  const flushSpace = (next) => {
    if (!pendingSpace) return;
    pendingSpace = false;
    const previous = out.at(-1);
    if (previous === undefined) {
      if (!start) out += ' ';
      return;
    }
    if (TIGHT.has(previous) || TIGHT.has(next) || previous === '(' || next === ')') return;
    out += ' ';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 1;
      pendingSpace = true;
    } else if (/\s/.test(char)) {
      pendingSpace = true;
    } else if (char === '"' || char === "'") {
      flushSpace(char);
      let j = i + 1;
      while (j < text.length && text[j] !== char) j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (char === '\\') {
      flushSpace(char);
      out += text.slice(i, i + 2);
      i++;
    } else {
      flushSpace(char);
      if (char === '}' && out.at(-1) === ';') out = out.slice(0, -1);
      out += char;
    }
  }
  if (pendingSpace && !end) out += ' ';
  return out;
}

/** Elements whose text is kept as written (white space may be their content). */
const RAW_TEXT = new Set(['pre', 'textarea', 'style', 'script', 'title']);

/**
 * Minifies the texts of one html`` or svg`` template (its quasis, the parts between
 * interpolations). A run of white space that holds a line break
 * - inside a tag (between attributes) becomes one space, or nothing before `>` or `/>`;
 * - between two tags, or between a tag and an interpolation or the template's edge, goes;
 * - anywhere else (text, next to words; between two interpolations) stays as written.
 * White space without a line break, attribute values and raw-text elements stay as
 * written too: a space typed on purpose between two inline elements is kept.
 * That the removed runs are never rendered is checked in Chromium on every state the
 * browser tests reach (test/fixtures/template-whitespace-guard.ts).
 * @param {string[]} quasis
 * @returns {string[]}
 */
export function minifyHtml(quasis) {
  let inTag = false;
  let quote = '';
  let tagName = '';
  let rawUntil = '';
  return quasis.map((text, index) => {
    let out = '';
    let i = 0;
    while (i < text.length) {
      const char = text[i];
      if (rawUntil) {
        const end = text.toLowerCase().indexOf(rawUntil, i);
        const stop = end === -1 ? text.length : end;
        out += text.slice(i, stop);
        i = stop;
        if (end !== -1) rawUntil = '';
        continue;
      }
      if (inTag) {
        if (quote) {
          if (char === quote) quote = '';
        } else if (char === '"' || char === "'") {
          quote = char;
        } else if (char === '>') {
          inTag = false;
          if (RAW_TEXT.has(tagName)) rawUntil = `</${tagName}`;
        } else if (/\s/.test(char)) {
          let j = i;
          while (j < text.length && /\s/.test(text[j])) j++;
          const run = text.slice(i, j);
          const closing = text[j] === '>' || (text[j] === '/' && text[j + 1] === '>');
          out += run.includes('\n') ? (closing ? '' : ' ') : run;
          i = j;
          continue;
        }
        out += char;
        i++;
        continue;
      }
      if (char === '<' && /[a-zA-Z/!]/.test(text[i + 1] ?? '')) {
        inTag = true;
        tagName = /^<([a-zA-Z][\w-]*)/.exec(text.slice(i))?.[1]?.toLowerCase() ?? '';
        out += char;
        i++;
        continue;
      }
      if (/\s/.test(char)) {
        let j = i;
        while (j < text.length && /\s/.test(text[j])) j++;
        const run = text.slice(i, j);
        const left = i > 0 ? text[i - 1] : index === 0 ? 'edge' : 'interpolation';
        const right = j < text.length ? text[j] : index === quasis.length - 1 ? 'edge' : 'interpolation';
        const besideTag = left === '>' || right === '<';
        const removable =
          run.includes('\n') &&
          (left === '>' || left === 'edge' || left === 'interpolation') &&
          (right === '<' || right === 'edge' || right === 'interpolation') &&
          (besideTag || left === 'edge' || right === 'edge');
        out += removable ? '' : run;
        i = j;
        continue;
      }
      out += char;
      i++;
    }
    return out;
  });
}

const TAGS = { css: 'css', html: 'html', svg: 'html' };

/**
 * Calls `visit` on every node of an ESTree syntax tree (rollup's `this.parse`, `parseAst`),
 * parents before children: templates nested in interpolations are visited too.
 */
export function forEachNode(node, visit) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((child) => forEachNode(child, visit));
  if (typeof node.type === 'string') visit(node);
  for (const value of Object.values(node)) if (value && typeof value === 'object') forEachNode(value, visit);
}

/**
 * The plugin: every css``, html`` and svg`` template of the modules `include` accepts.
 * @param {{ include?: (id: string) => boolean }} [options]
 */
export function minifyLiterals({ include = () => true } = {}) {
  return {
    name: 'minify-literals',
    transform(code, id) {
      if (!include(id) || !/\b(css|html|svg)\s*`/.test(code)) return null;
      const magic = new MagicString(code);
      let changed = false;
      forEachNode(this.parse(code), (node) => {
        const kind = node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' ? TAGS[node.tag.name] : undefined;
        if (!kind) return;
        const { quasis } = node.quasi;
        const texts = quasis.map((quasi) => code.slice(quasi.start, quasi.end));
        const minified =
          kind === 'css'
            ? texts.map((text, index) => minifyCss(text, { start: index === 0, end: index === texts.length - 1 }))
            : minifyHtml(texts);
        quasis.forEach((quasi, index) => {
          if (minified[index] === texts[index]) return;
          if (minified[index]) magic.overwrite(quasi.start, quasi.end, minified[index]);
          else magic.remove(quasi.start, quasi.end);
          changed = true;
        });
      });
      return changed ? { code: magic.toString(), map: magic.generateMap({ hires: true }) } : null;
    },
  };
}
