// Writes dist/lesson.schema.json (JSON Schema 2020-12) from LessonSchema, the valibot
// schema in src/core/schema.ts: the format is written down once, in TypeScript.
// Runs from the rollup build (after dist/core/schema.js is written) or on its own:
//   node scripts/build-schema.mjs
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { toJsonSchema } from '@valibot/to-json-schema';
import { root } from './elements.mjs';

export const SCHEMA_ID = 'https://unpkg.com/lesson-elements/dist/lesson.schema.json';

/**
 * JSON Schema patterns have no flags. A case-insensitive valibot regex is
 * rewritten so it matches the same strings: letters outside a class become
 * `[xX]`, classes get the other case of their letters and ranges.
 */
export function caseInsensitivePattern(source) {
  let out = '';
  let inClass = false;
  let classBody = '';
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      const code = codeEscape(source, i);
      if (code) {
        // A range from a control character to a letter would need the letters' other case: not supported.
        const rangeEnd = inClass && source[i + code.length] === '-' ? source.slice(i + code.length + 1) : ']';
        const endCode = rangeEnd[0] === '\\' ? parseInt(codeEscape(rangeEnd, 0)?.slice(2) ?? 'ffff', 16) : rangeEnd.charCodeAt(0);
        if (rangeEnd[0] !== ']' && endCode >= 0x41) {
          throw new Error(`Cannot rewrite /${source}/i: a range from ${code} may span letters`);
        }
        if (inClass) classBody += code;
        else out += code;
        i += code.length - 1;
        continue;
      }
      const escape = source.slice(i, i + 2);
      if (/\\[pPuxck]/.test(escape)) throw new Error(`Cannot rewrite /${source}/i: unsupported escape ${escape}`);
      if (inClass) classBody += escape;
      else out += escape;
      i++;
    } else if (inClass) {
      if (char === ']') {
        out += `${otherCase(classBody)}${classBody}]`; // first: a trailing "-" stays literal
        inClass = false;
        classBody = '';
      } else classBody += char;
    } else if (char === '[') {
      inClass = true;
      // A negated class excludes both cases, which is what /i means too.
      if (source[i + 1] === '^') {
        out += '[^';
        i++;
      } else out += '[';
    } else if (source.startsWith('(?<', i) && !/^\(\?<[=!]/.test(source.slice(i))) {
      throw new Error(`Cannot rewrite /${source}/i: named groups are not supported`);
    } else if (/[a-z]/i.test(char)) {
      out += `[${char.toLowerCase()}${char.toUpperCase()}]`;
    } else out += char;
  }
  return out;
}

/**
 * A `\xHH` or `\uHHHH` escape at `i` that names a control character, whole, or undefined:
 * such an escape (and a range between two of them) means the same with or without /i.
 */
function codeEscape(source, i) {
  const escape = /^\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4})/.exec(source.slice(i))?.[0];
  if (!escape) return undefined;
  const code = parseInt(escape.slice(2), 16);
  return code < 0x20 || code === 0x7f ? escape : undefined;
}

/** The extra class members that make `body` case-insensitive (ranges a-z -> A-Z, letters -> other case). */
function otherCase(body) {
  let extra = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') {
      i += (codeEscape(body, i)?.length ?? 2) - 1;
      continue;
    }
    const range = /^([a-zA-Z])-([a-zA-Z])/.exec(body.slice(i));
    if (range) {
      const [from, to] = [range[1], range[2]];
      const swap = (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase());
      extra += `${swap(from)}-${swap(to)}`;
      i += 2;
    } else if (/[a-zA-Z]/.test(body[i])) {
      const c = body[i];
      extra += c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
    }
  }
  return extra;
}

/** Drops `required: []`, which says nothing. */
function tidy(node) {
  if (Array.isArray(node)) return node.map(tidy);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'required' && Array.isArray(value) && value.length === 0) continue;
    out[key] = tidy(value);
  }
  return out;
}

/**
 * Converts the lesson schema. Returns the JSON Schema and the problems the
 * converter reported (constructs JSON Schema cannot express).
 * @param {{ LessonSchema: unknown, LessonDefinitions?: Record<string, unknown>, FORMAT_VERSION: number }} schemaModule
 */
export function lessonJsonSchema(schemaModule) {
  const problems = [];
  const warn = console.warn;
  // The converter reports problems through console.warn in errorMode 'warn': collect them instead.
  console.warn = (...args) => problems.push(args.join(' '));
  let converted;
  try {
    converted = toJsonSchema(schemaModule.LessonSchema, {
      target: 'draft-2020-12',
      errorMode: 'warn',
      // Named sub-schemas become $defs + $ref when schema.ts exports them.
      ...(schemaModule.LessonDefinitions ? { definitions: schemaModule.LessonDefinitions } : {}),
      overrideAction({ valibotAction, jsonSchema }) {
        if (valibotAction.type !== 'regex' || !valibotAction.requirement.flags) return undefined;
        const { source, flags } = valibotAction.requirement;
        if (flags !== 'i') return undefined; // left to the converter, which reports it
        return { ...jsonSchema, pattern: caseInsensitivePattern(source) };
      },
    });
  } finally {
    console.warn = warn;
  }
  const { $schema, ...rest } = tidy(converted);
  return {
    schema: {
      $schema,
      $id: SCHEMA_ID,
      title: `Lesson (lesson-elements format ${schemaModule.FORMAT_VERSION})`,
      description:
        'A lesson for lesson-elements: dialogues, pros and cons, memory aids, flashcards, a glossary and links. ' +
        'Point "$schema" at this file for completion in your editor. Some rules cannot be written in JSON Schema ' +
        'and are checked by `npx lesson-elements validate` and by the elements: ids are unique in a lesson, ' +
        'each dialogue line names one of its speakers, a line ends after it starts, and a flashcard "term" ' +
        'names a glossary entry.',
      ...rest,
    },
    problems,
  };
}

/** Writes `<distDir>/lesson.schema.json` from `<distDir>/core/schema.js`; returns the converter's problems. */
export async function writeLessonSchema(distDir = join(root, 'dist')) {
  // A query defeats Node's module cache, so a watch rebuild reads the new schema.
  const url = `${pathToFileURL(join(distDir, 'core', 'schema.js')).href}?build=${Date.now()}`;
  const { schema, problems } = lessonJsonSchema(await import(url));
  await writeFile(join(distDir, 'lesson.schema.json'), `${JSON.stringify(schema, null, 2)}\n`);
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const problems = await writeLessonSchema();
  for (const problem of problems) console.warn(`lesson.schema.json: ${problem}`);
  console.log('wrote dist/lesson.schema.json');
}
