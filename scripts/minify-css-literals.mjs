// Rollup plugin for the CDN builds: minifies the CSS inside Lit `css\`...\`` templates
// (terser leaves template text alone). Only whitespace and comments go; strings,
// escapes and ${} interpolations are kept, so the rules are the same.
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

/** @param {{ include?: (id: string) => boolean }} [options] */
export function minifyCssLiterals({ include = () => true } = {}) {
  return {
    name: 'minify-css-literals',
    transform(code, id) {
      if (!include(id) || !/\bcss\s*`/.test(code)) return null;
      const magic = new MagicString(code);
      let changed = false;
      (function walk(node) {
        if (!node || typeof node !== 'object') return;
        if (Array.isArray(node)) return node.forEach(walk);
        if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && node.tag.name === 'css') {
          const { quasis } = node.quasi;
          quasis.forEach((quasi, index) => {
            const raw = code.slice(quasi.start, quasi.end);
            const minified = minifyCss(raw, { start: index === 0, end: index === quasis.length - 1 });
            if (minified !== raw) {
              if (minified) magic.overwrite(quasi.start, quasi.end, minified);
              else magic.remove(quasi.start, quasi.end);
              changed = true;
            }
          });
          return;
        }
        for (const value of Object.values(node)) if (value && typeof value === 'object') walk(value);
      })(this.parse(code));
      return changed ? { code: magic.toString(), map: magic.generateMap({ hires: true }) } : null;
    },
  };
}
