/**
 * Generators of hostile and broken lesson documents for the fuzz suite:
 * random JSON, random JSON shaped like a lesson, and the seed lesson with one
 * value changed, removed, retyped, made huge or deeply nested.
 */
import fc from 'fast-check';
import { LIMITS } from '../../src/core/schema.js';
import type { Json } from './harness.js';

type Path = (string | number)[];
type JsonObject = { [key: string]: Json };

/** The fields a lesson has, so random values land where the elements look. */
const LESSON_FIELDS = [
  '$schema', 'formatVersion', 'id', 'title', 'lang', 'dir', 'version', 'description', 'summaries', 'dialogues',
  'prosCons', 'keyConcepts', 'examples', 'memoryAids', 'flashcards', 'glossary', 'links',
] as const;

/** Any JSON at all: mostly not a lesson. */
export const randomJson: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 6 }) as fc.Arbitrary<Json>;

/** An object with the lesson's field names and random JSON values: gets past the first checks. */
export const lessonShapedJson: fc.Arbitrary<Json> = fc
  .record(Object.fromEntries(LESSON_FIELDS.map((field) => [field, fc.jsonValue({ maxDepth: 4 })])) as Record<string, fc.Arbitrary<Json>>, {
    requiredKeys: [],
  })
  .map((fields): Json => fields as { [key: string]: Json });

/** Every path to a value inside `value`, the root excluded. */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, Json][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

/** Every string in the seed: realistic replacements (another id, another speaker, another URL). */
function stringsOf(value: Json): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return (Array.isArray(value) ? value : Object.values(value)).flatMap(stringsOf);
}

const typeOf = (value: Json) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** Text an attacker or a careless author might write. */
const NASTY_TEXT = [
  '', ' ', '\n', '*', '**', '`', '[', '[x](', '[x](javascript:alert(1))', '[x](data:text/html,<b>x</b>)',
  '<img src=x onerror="alert(1)">', '<script>alert(1)</script>', '${x}', '{{x}}', '\u202eevil', '\u0000', '\ud800',
  'e\u0301', '🧵🧵', 'ﷺ'.repeat(50), '__proto__', 'constructor', 'toString', 'x'.repeat(LIMITS.idLength + 1),
];

/** A different value of the same JSON type: the mutation most likely to stay valid. */
function changed(value: Json, seedStrings: string[]): fc.Arbitrary<Json> {
  switch (typeOf(value)) {
    case 'string':
      return fc.oneof(fc.constantFrom(...seedStrings), fc.constantFrom(...NASTY_TEXT), fc.string(), fc.string({ unit: 'grapheme' }));
    case 'number':
      return fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-1, 0, 0.5, 1e308, -1e308));
    case 'boolean':
      return fc.constant(!value);
    case 'array': {
      const items = value as Json[];
      return fc.constantFrom<Json>([], [...items].reverse(), [...items, ...items], items.slice(0, 1));
    }
    default: {
      const object = value as JsonObject;
      return fc.oneof(
        // An unknown field (a typo, a field from a future version).
        fc.tuple(fc.string({ maxLength: 12 }), randomJson).map(([key, extra]): Json => ({ ...object, [key]: extra })),
        fc.constant<Json>({}),
      );
    }
  }
}

/** A value of another JSON type. */
const retyped = (value: Json): fc.Arbitrary<Json> => randomJson.filter((other) => typeOf(other) !== typeOf(value));

/** Copies of an item, each with its own id when it has one (a generated, not a copy-pasted, list). */
function copies(item: Json, length: number): Json[] {
  return Array.from({ length }, (_, index) =>
    item !== null && typeof item === 'object' && !Array.isArray(item) && typeof item.id === 'string' ? { ...item, id: `${item.id}-${index}` } : item,
  );
}

/**
 * Past (or right at) a limit. Lists go just past theirs: lists at their limit
 * are the huge-input suite's job, where each gets its own timing.
 */
function huge(value: Json): fc.Arbitrary<Json> {
  switch (typeOf(value)) {
    case 'string': {
      const text = (value as string) || 'x';
      const sizes = [LIMITS.shortText, LIMITS.shortText + 1, LIMITS.text, LIMITS.text + 1, 100_000, 1_000_000];
      return fc.constantFrom(...sizes).map((size) => text.repeat(Math.ceil(size / text.length)).slice(0, size));
    }
    case 'number':
      return fc.constantFrom(Number.MAX_VALUE, Number.MAX_SAFE_INTEGER + 2, 1e21, -Number.MAX_VALUE);
    case 'array': {
      const items = value as Json[];
      return fc.constantFrom(LIMITS.items + 1, LIMITS.manyItems + 1).map((length) => copies(items[0] ?? 'x', length));
    }
    case 'object':
      return fc.constant<Json>({ ...(value as JsonObject), ...Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`field${i}`, i])) });
    default:
      return fc.constant<Json>(Array.from({ length: LIMITS.manyItems + 1 }, () => value));
  }
}

/** The value buried under `depth` arrays and objects. */
function nested(value: Json): fc.Arbitrary<Json> {
  return fc.constantFrom(2, 10, 100, 1_000).map((depth) => {
    let result = value;
    for (let level = 0; level < depth; level++) result = level % 2 ? [result] : { [String(level)]: result };
    return result;
  });
}

export type MutationKind = 'changed' | 'removed' | 'retyped' | 'huge' | 'nested';

export interface MutatedLesson {
  doc: Json;
  kind: MutationKind;
  path: string;
}

const shallowCopy = (node: JsonObject | Json[]): JsonObject | Json[] => (Array.isArray(node) ? [...node] : { ...node });

/**
 * A copy of `root` with `update` applied at `path`. Only the objects along the
 * path are copied; the rest is shared with the seed, which nothing mutates
 * (elements validate into copies of their own).
 */
function setAt(root: Json, path: Path, update: (parent: JsonObject | Json[], key: string | number) => void): Json {
  const copy = shallowCopy(root as JsonObject);
  let parent = copy;
  for (const key of path.slice(0, -1)) {
    const child = shallowCopy((parent as Record<string | number, Json>)[key] as JsonObject | Json[]);
    (parent as Record<string | number, Json>)[key] = child;
    parent = child;
  }
  update(parent, path[path.length - 1] as string | number);
  return copy;
}

const pathText = (path: Path) => path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('').slice(1);

/** The seed lesson with exactly one value mutated. */
export function mutatedLesson(seed: Json): fc.Arbitrary<MutatedLesson> {
  const paths = pathsOf(seed);
  const seedStrings = [...new Set(stringsOf(seed))];
  const valueAt = (path: Path) => path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key] as Json, seed);
  return fc.constantFrom(...paths).chain((path) => {
    const value = valueAt(path);
    const replaceWith = (kind: MutationKind, arbitrary: fc.Arbitrary<Json>) =>
      arbitrary.map((replacement): MutatedLesson => ({
        kind,
        path: pathText(path),
        doc: setAt(seed, path, (parent, key) => {
          (parent as Record<string | number, Json>)[key] = replacement;
        }),
      }));
    const removed: MutatedLesson = {
      kind: 'removed',
      path: pathText(path),
      doc: setAt(seed, path, (parent, key) => {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
      }),
    };
    return fc.oneof(
      replaceWith('changed', changed(value, seedStrings)),
      fc.constant(removed),
      replaceWith('retyped', retyped(value)),
      replaceWith('huge', huge(value)),
      replaceWith('nested', nested(value)),
    );
  });
}
