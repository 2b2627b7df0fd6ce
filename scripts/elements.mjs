// Finds the element modules under src/components: a module is an element when it
// registers a tag with defineElement('lesson-…'). The build, the size report and
// the package tests all use this list, so an element is picked up the moment it lands.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const TAG_PREFIX = 'lesson-';
const DEFINE = /defineElement\(\s*['"`](lesson-[a-z0-9-]+)['"`]/;

function* typeScriptFiles(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* typeScriptFiles(path);
    else if (/\.ts$/.test(entry.name) && !/\.(styles|test|stories|d)\.ts$/.test(entry.name)) yield path;
  }
}

/**
 * @typedef {object} ElementModule
 * @property {string} tag      `lesson-dialogue`
 * @property {string} name     `dialogue`: the tag without its prefix; names the CDN module and the package export
 * @property {string} source   `src/components/dialogue/dialogue.ts`
 * @property {string} module   `dist/components/dialogue/dialogue.js`
 * @property {string} types    `dist/components/dialogue/dialogue.d.ts`
 */

/** @returns {ElementModule[]} sorted by tag */
export function findElements() {
  const elements = [];
  for (const file of typeScriptFiles(join(root, 'src', 'components'))) {
    const match = DEFINE.exec(readFileSync(file, 'utf8'));
    if (!match) continue;
    const source = relative(root, file).split(sep).join('/');
    const stem = source.replace(/^src\//, '').replace(/\.ts$/, '');
    elements.push({
      tag: match[1],
      name: match[1].slice(TAG_PREFIX.length),
      source,
      module: `dist/${stem}.js`,
      types: `dist/${stem}.d.ts`,
    });
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}
