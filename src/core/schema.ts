/**
 * The Lesson JSON format, version 1: the one source of truth.
 *
 * The TypeScript types, the runtime validator and the shipped
 * `lesson.schema.json` (JSON Schema 2020-12) are all derived from the valibot
 * schemas below; nothing about the format is written down twice.
 */
import * as v from 'valibot';

export const FORMAT_VERSION = 1;

/** Limits keep a hostile or broken file from freezing a learner's phone. */
export const LIMITS = {
  idLength: 64,
  shortText: 300,
  text: 20_000,
  url: 2_000,
  items: 1_000,
  manyItems: 10_000,
} as const;

/** A description for `lesson.schema.json`; the CDN builds drop these calls (rollup.config.js, dropSchemaDescriptions). */
const describe = <T extends v.GenericSchema>(schema: T, description: string) =>
  v.pipe(schema, v.description(description));

const Id = describe(
  v.pipe(
    v.string(),
    v.regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'Expected an id of letters, digits, "-" or "_"'),
    v.maxLength(LIMITS.idLength),
  ),
  'A stable id: used in deep links (#id), src fragments and saved progress.',
);

const ShortText = v.pipe(v.string(), v.minLength(1, 'Expected a non-empty text'), v.maxLength(LIMITS.shortText));

/** Rich text: plain text with a small inline subset: *em*, **strong**, `code`, [link](url). */
const RichText = describe(
  v.pipe(v.string(), v.minLength(1, 'Expected a non-empty text'), v.maxLength(LIMITS.text)),
  'Text with optional inline markup: *emphasis*, **strong**, `code`, [link](https://example.org).',
);

/**
 * Only http(s), mailto and relative URLs: `javascript:` and `data:` never reach an href or src.
 * No control characters: a browser's URL parser drops leading ones, so "\u0001javascript:" is a script URL.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what the lookahead refuses
export const SAFE_URL = /^(?![\s\S]*[\0-\x1f\x7f])(?:https?:\/\/|mailto:|(?![a-z][a-z0-9+.-]*:)[^\s]*$)/i;
const Url = describe(
  v.pipe(
    v.string(),
    v.minLength(1, 'Expected a non-empty URL'),
    v.maxLength(LIMITS.url),
    v.regex(SAFE_URL, 'Expected an http(s), mailto or relative URL'),
  ),
  'An http(s), mailto or relative URL (relative to the lesson file).',
);

const list = <T extends v.GenericSchema>(item: T, max: number = LIMITS.items) =>
  v.pipe(v.array(item), v.maxLength(max, `Expected at most ${max} items`));

const Image = v.strictObject({
  src: Url,
  alt: describe(v.pipe(v.string(), v.maxLength(LIMITS.shortText)), 'Text alternative; "" marks a decorative image.'),
});

const ListItem = v.union(
  [RichText, v.strictObject({ text: RichText, list: list(RichText) })],
  'Expected a text or a {"text": "...", "list": [...]} item',
);

/** Block content: paragraphs, headings and (two-level) bullet lists. */
const Blocks = describe(
  list(
    v.union(
      [RichText, v.strictObject({ heading: ShortText }), v.strictObject({ list: list(ListItem) })],
      'Expected a paragraph text, a {"heading": "..."} block or a {"list": [...]} block',
    ),
  ),
  'Paragraphs (strings), {"heading": "..."} and {"list": [...]} blocks.',
);

const Speaker = v.strictObject({
  id: Id,
  name: ShortText,
  role: v.optional(
    describe(ShortText, 'Known roles ("instructor", "student", "narrator") are shown localized; any other text is shown as is.'),
  ),
});

const Seconds = v.pipe(v.number(), v.minValue(0));

const DialogueLine = v.strictObject({
  id: v.optional(Id),
  speaker: describe(Id, 'The id of one of the dialogue speakers.'),
  text: RichText,
  start: v.optional(describe(Seconds, 'Where this line starts in the dialogue audio, in seconds.')),
  end: v.optional(describe(Seconds, 'Where this line ends in the dialogue audio, in seconds.')),
});

const Dialogue = v.strictObject({
  id: Id,
  title: ShortText,
  speakers: v.pipe(list(Speaker), v.minLength(1, 'Expected at least one speaker')),
  lines: v.pipe(list(DialogueLine, LIMITS.manyItems), v.minLength(1, 'Expected at least one line')),
  audio: v.optional(
    v.strictObject({
      src: Url,
      captions: v.optional(describe(Url, 'A WebVTT file whose cues use <v Speaker> voice tags, instead of per-line start/end.')),
    }),
  ),
});

const ProConItem = v.strictObject({
  id: Id,
  text: RichText,
  aspect: v.optional(describe(ShortText, 'What the item is about ("parallelism", "overhead"): compare view lines items up by aspect.')),
  explanation: v.optional(describe(RichText, 'Why it is a pro or a con: shown as feedback in sort-it practice.')),
});

const Analogy = v.strictObject({ id: Id, title: v.optional(ShortText), text: RichText });

const ProsCons = v.strictObject({
  id: Id,
  subject: ShortText,
  pros: list(ProConItem),
  cons: list(ProConItem),
  explanation: v.optional(Blocks),
  examples: v.optional(list(Analogy)),
  analogies: v.optional(list(Analogy)),
});

const TitledText = v.strictObject({ id: Id, title: v.optional(ShortText), text: RichText });

const MemoryAidBase = { id: Id, title: v.optional(ShortText) };

const MemoryAid = v.variant('kind', [
  v.strictObject({ ...MemoryAidBase, kind: v.literal('rhyme'), lines: v.pipe(list(RichText), v.minLength(1)) }),
  v.strictObject({ ...MemoryAidBase, kind: v.literal('story'), text: RichText, image: v.optional(Image) }),
  v.strictObject({
    ...MemoryAidBase,
    kind: v.literal('memory-tool'),
    text: v.optional(RichText),
    pairs: v.pipe(list(v.strictObject({ cue: ShortText, meaning: ShortText })), v.minLength(1)),
  }),
  v.strictObject({
    ...MemoryAidBase,
    kind: v.literal('acronym'),
    acronym: ShortText,
    letters: v.pipe(list(v.strictObject({ letter: ShortText, word: ShortText })), v.minLength(1)),
    meaning: v.optional(RichText),
  }),
]);

const Flashcard = v.strictObject({
  id: Id,
  front: RichText,
  back: RichText,
  hint: v.optional(RichText),
  accept: v.optional(describe(list(ShortText), 'Other answers accepted in type-the-answer mode.')),
  image: v.optional(Image),
  audio: v.optional(v.strictObject({ front: v.optional(Url), back: v.optional(Url) })),
  term: v.optional(describe(Id, 'The id of the glossary entry this card is about.')),
});

const GlossaryEntry = v.strictObject({
  id: Id,
  term: ShortText,
  aliases: v.optional(list(ShortText)),
  definition: RichText,
  url: v.optional(Url),
});

const Link = v.strictObject({ id: v.optional(Id), title: ShortText, url: Url, description: v.optional(RichText) });

export const LessonSchema = v.strictObject({
  $schema: v.optional(v.string()),
  formatVersion: describe(v.literal(FORMAT_VERSION), 'The version of the Lesson JSON format: 1.'),
  id: Id,
  title: ShortText,
  lang: describe(v.pipe(v.string(), v.regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, 'Expected a language tag such as "en" or "pt-BR"')), 'BCP 47 language tag of the lesson text.'),
  dir: v.optional(v.picklist(['ltr', 'rtl'])),
  version: v.optional(describe(ShortText, 'The revision of this lesson\'s content, free-form.')),
  description: v.optional(RichText),
  summaries: v.optional(v.strictObject({ quick: v.optional(RichText), standard: v.optional(RichText), detailed: v.optional(Blocks) })),
  dialogues: v.optional(list(Dialogue)),
  prosCons: v.optional(list(ProsCons)),
  keyConcepts: v.optional(list(TitledText)),
  examples: v.optional(list(TitledText)),
  memoryAids: v.optional(list(MemoryAid)),
  flashcards: v.optional(list(Flashcard, LIMITS.manyItems)),
  glossary: v.optional(list(GlossaryEntry)),
  links: v.optional(list(Link)),
});

export type Lesson = v.InferOutput<typeof LessonSchema>;
export type Blocks = v.InferOutput<typeof Blocks>;
export type Speaker = v.InferOutput<typeof Speaker>;
export type DialogueLine = v.InferOutput<typeof DialogueLine>;
export type Dialogue = v.InferOutput<typeof Dialogue>;
export type ProsConsGroup = v.InferOutput<typeof ProsCons>;
export type ProConItem = v.InferOutput<typeof ProConItem>;
export type TitledText = v.InferOutput<typeof TitledText>;
export type MemoryAid = v.InferOutput<typeof MemoryAid>;
export type MemoryAidKind = MemoryAid['kind'];
export type Flashcard = v.InferOutput<typeof Flashcard>;
export type GlossaryEntry = v.InferOutput<typeof GlossaryEntry>;
export type LessonImage = v.InferOutput<typeof Image>;
export type LessonLink = v.InferOutput<typeof Link>;

export type ValidationResult = { ok: true; lesson: Lesson } | { ok: false; errors: string[] };

/** A key written as it is in a path (`dialogues`); any other key is quoted (`["see also"]`). */
const PLAIN_KEY = String.raw`[A-Za-z_$][\w$]*`;
const isPlainKey = new RegExp(`^${PLAIN_KEY}$`);

/**
 * `["dialogues", 0, "lines", 3]` -> `dialogues[0].lines[3]`. A key that is not
 * a plain name (a typo with a space or a dot in it) is quoted, so the path
 * stays readable and unambiguous: `glossary[0]["tit le"]`.
 */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    if (!isPlainKey.test(key)) return `${out}[${JSON.stringify(key)}]`;
    return out ? `${out}.${key}` : key;
  }, '') || '(lesson)';
}

/** The path that starts an error message, as `formatPath` writes it (a quoted key may hold ": "). */
const INDEX_OR_QUOTED_KEY = String.raw`\[(?:\d+|"(?:[^"\\]|\\.)*")\]`;
const MESSAGE_PATH = new RegExp(
  String.raw`^(\(lesson\)|(?:${PLAIN_KEY}|${INDEX_OR_QUOTED_KEY})(?:\.${PLAIN_KEY}|${INDEX_OR_QUOTED_KEY})*): `,
);

/** `"dialogues[0].speaker: Expected …"` -> its path and the rest; no path when the message has none. */
export function splitErrorMessage(message: string): { path: string; message: string } {
  const path = MESSAGE_PATH.exec(message)?.[1];
  return path ? { path, message: message.slice(path.length + 2) } : { path: '', message };
}

function issuePath(issue: v.BaseIssue<unknown>): (string | number)[] {
  return (issue.path ?? []).map((item) => item.key as string | number);
}

// The cross-reference checks read raw data defensively, so they run even when the
// structure has errors: an author sees every problem at once, not in rounds.
type Raw = Record<string, unknown>;
const records = (value: unknown): Raw[] =>
  Array.isArray(value) ? value.filter((item): item is Raw => typeof item === 'object' && item !== null) : [];
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Every id a learner can link to or make progress on, with its path. */
function* linkableIds(lesson: Raw): Generator<[string | undefined, string]> {
  const collections = ['dialogues', 'prosCons', 'keyConcepts', 'examples', 'memoryAids', 'flashcards', 'glossary', 'links'];
  for (const name of collections) {
    for (const [index, item] of records(lesson[name]).entries()) yield [text(item.id), `${name}[${index}].id`];
  }
  for (const [g, group] of records(lesson.prosCons).entries()) {
    for (const side of ['pros', 'cons', 'examples', 'analogies']) {
      for (const [index, item] of records(group[side]).entries()) yield [text(item.id), `prosCons[${g}].${side}[${index}].id`];
    }
  }
  for (const [d, dialogue] of records(lesson.dialogues).entries()) {
    for (const [index, line] of records(dialogue.lines).entries()) yield [text(line.id), `dialogues[${d}].lines[${index}].id`];
  }
}

/** Checks the structure cannot express: references between parts and unique ids. */
function crossReferenceErrors(lesson: Raw): string[] {
  const errors: string[] = [];
  const seen = new Map<string, string>([[text(lesson.id) ?? '', 'the lesson']]);
  for (const [id, path] of linkableIds(lesson)) {
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first) errors.push(`${path}: "${id}" is already the id of ${first}; ids must be unique in a lesson`);
    else seen.set(id, path.replace(/\.id$/, ''));
  }
  for (const [d, dialogue] of records(lesson.dialogues).entries()) {
    const speakerIds = records(dialogue.speakers).map((speaker) => text(speaker.id));
    for (const [index, line] of records(dialogue.lines).entries()) {
      const path = `dialogues[${d}].lines[${index}]`;
      const speaker = text(line.speaker);
      if (speaker !== undefined && !speakerIds.includes(speaker)) {
        errors.push(`${path}.speaker: "${speaker}" is not a speaker of this dialogue (${speakerIds.join(', ')})`);
      }
      if (typeof line.start === 'number' && typeof line.end === 'number' && line.end < line.start) {
        errors.push(`${path}.end: ${line.end} is before its start (${line.start})`);
      }
    }
  }
  const glossaryIds = new Set(records(lesson.glossary).map((entry) => text(entry.id)));
  for (const [index, card] of records(lesson.flashcards).entries()) {
    const term = text(card.term);
    if (term !== undefined && !glossaryIds.has(term)) {
      errors.push(`flashcards[${index}].term: "${term}" is not a glossary entry of this lesson`);
    }
  }
  return errors;
}

const isUnknownField = (issue: v.BaseIssue<unknown>) => issue.type === 'strict_object' && issue.expected === 'never';
const UNKNOWN_FIELD = 'unknown field (check its spelling; see docs/lesson-format.md)';

/** What the walks below read of a schema (valibot's own shapes). */
interface SchemaShape {
  type: string;
  entries?: Record<string, SchemaShape>;
  item?: SchemaShape;
  wrapped?: SchemaShape;
  pipe?: SchemaShape[];
  options?: SchemaShape[];
  key?: string;
  literal?: unknown;
}

/** `schema` without its optional wrapper and pipe, the variant option `value` takes. */
function bare(schema: SchemaShape | undefined, value: unknown): SchemaShape | undefined {
  while (schema?.wrapped || schema?.pipe) schema = schema.wrapped ?? schema.pipe![0];
  if (schema?.type !== 'variant') return schema;
  const kind = (value as Raw | undefined)?.[schema.key!];
  return schema.options!.find((option) => option.entries?.[schema.key!]?.literal === kind);
}

/** The fields an object may have where `schema` stands; of a union, those of any of its options (the first to name one describes it). */
function fieldsOf(schema: SchemaShape | undefined, value: unknown): Record<string, SchemaShape> | undefined {
  if (schema?.type !== 'union') return schema?.entries;
  const fields: Record<string, SchemaShape> = {};
  for (const option of schema.options!) {
    for (const [key, field] of Object.entries(bare(option, value)?.entries ?? {})) fields[key] ??= field;
  }
  return fields;
}

/** The schema (bare) and the value at `path` in `data`. */
function schemaAt(path: readonly (string | number)[], data: unknown): [SchemaShape | undefined, unknown, SchemaShape | undefined] {
  let whole: SchemaShape | undefined = LessonSchema as unknown as SchemaShape;
  let schema = bare(whole, data);
  let value = data;
  for (const key of path) {
    whole = schema?.type === 'array' ? schema.item : fieldsOf(schema, value)?.[key];
    value = (value as Raw)[key];
    schema = bare(whole, value);
  }
  // The schema there bare (for walking), and whole (with its optional wrapper and checks, for validating).
  return [schema, value, whole];
}

/** The fields of the object `value` at `at` that are not `known` (nor `named`): twenty messages, then how many are left. */
function unknownFields(
  known: Record<string, SchemaShape> | undefined,
  value: unknown,
  at: (string | number)[],
  named?: string | number,
): string[] {
  // An array where an object belongs is a wrong type (valibot says so), not a pile of unknown fields "0", "1"…
  if (!known || typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const unknown = Object.keys(value).filter((key) => !Object.hasOwn(known, key) && key !== named);
  const messages = unknown.slice(0, 20).map((key) => `${formatPath([...at, key])}: ${UNKNOWN_FIELD}`);
  if (unknown.length > 20) messages.push(`${formatPath(at)}: ${unknown.length - 20} more unknown fields`);
  return messages;
}

/**
 * Every unknown field of the object an unknown-field issue is about, after
 * the one it names: valibot stops at the first of each object.
 */
function unknownFieldsAfterFirst(issue: v.BaseIssue<unknown>, data: unknown): string[] {
  const path = issuePath(issue);
  const at = path.slice(0, -1);
  const [schema, value] = schemaAt(at, data);
  return unknownFields(fieldsOf(schema, value), value, at, path.at(-1));
}

/**
 * `value` without its unknown fields (a copy), adding the messages that name
 * them to `messages`: in `value` and in every object inside it, where `schema`
 * stands. For a value that matches no option of a union: valibot reports the
 * union alone (what each option found is buried in `issue.issues`), so none of
 * the fields inside was named. A field is unknown when no option knows it.
 */
function dropUnknownFields(schema: SchemaShape | undefined, value: unknown, at: (string | number)[], messages: string[]): unknown {
  const shape = bare(schema, value);
  if (Array.isArray(value)) {
    return shape?.type === 'array' ? value.map((item, index) => dropUnknownFields(shape.item, item, [...at, index], messages)) : value;
  }
  const known = fieldsOf(shape, value);
  if (!known || typeof value !== 'object' || value === null) return value;
  messages.push(...unknownFields(known, value, at));
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => Object.hasOwn(known, key))
      .map(([key, field]) => [key, dropUnknownFields(known[key], field, [...at, key], messages)]),
  );
}

/** An author-friendly message for one valibot issue. */
function issueMessage(issue: v.BaseIssue<unknown>): string {
  const path = formatPath(issuePath(issue));
  if (isUnknownField(issue)) {
    return `${path}: ${UNKNOWN_FIELD}`;
  }
  if (issue.type === 'strict_object' && issue.received === 'undefined' && issue.expected?.startsWith('"')) {
    return `${path}: required field is missing`;
  }
  return `${path}: ${issue.message}`;
}

/** Validates unknown data as a Lesson, reporting every error at once with its JSON path. */
export function validateLesson(data: unknown): ValidationResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    const received = data === null ? 'null' : Array.isArray(data) ? 'an array' : typeof data;
    return { ok: false, errors: [`(lesson): Expected a JSON object with the lesson's fields, received ${received}`] };
  }
  const result = v.safeParse(LessonSchema, data, { abortEarly: false });
  const errors = [...(result.success ? [] : result.issues.map(issueMessage)), ...crossReferenceErrors(data as Raw)];
  return result.success && !errors.length ? { ok: true, lesson: result.output } : { ok: false, errors };
}

/** What `unknownFieldReport` finds. */
export interface UnknownFieldReport {
  /**
   * The unknown fields `validateLesson` leaves out: every one after the first
   * of each object (valibot stops at that one), and every one inside a value
   * that matches no option of a union (a block, a list item), where
   * `validateLesson` names the union alone. Twenty per object, then how many more.
   */
  unknownFields: string[];
  /**
   * The messages of `validateLesson` about a value that matches no option of
   * its union only because of unknown fields (a heading block with a `colour`):
   * the fields named say more than "Expected a paragraph text, …", so a tool
   * may leave these out. A value with other faults too (`{ "haeding": "x" }`)
   * is not among them.
   */
  saidBetter: string[];
}

/**
 * For authoring tools (the CLI's `validate`): every unknown field, where
 * `validateLesson` stops at the first. Readers' pages do not carry this code:
 * an element shows what `validateLesson` finds.
 */
export function unknownFieldReport(data: unknown): UnknownFieldReport {
  const report: UnknownFieldReport = { unknownFields: [], saidBetter: [] };
  const result = v.safeParse(LessonSchema, data, { abortEarly: false });
  if (result.success) return report;
  for (const issue of result.issues) {
    if (isUnknownField(issue)) report.unknownFields.push(...unknownFieldsAfterFirst(issue, data));
    if (issue.type !== 'union') continue;
    const path = issuePath(issue);
    const [shape, value, whole] = schemaAt(path, data);
    const named: string[] = [];
    const known = dropUnknownFields(shape, value, path, named);
    report.unknownFields.push(...named);
    if (named.length && whole && v.safeParse(whole as unknown as v.GenericSchema, known).success) report.saidBetter.push(issueMessage(issue));
  }
  return report;
}

/** The stable id of a dialogue line: its own, or one derived from its position. */
export const lineId = (dialogue: Dialogue, index: number): string =>
  dialogue.lines[index]?.id ?? `${dialogue.id}-${index + 1}`;

/** Finds the item with `id` anywhere in the lesson, with the name of its collection. */
export function findById(lesson: Lesson, id: string): { collection: string; item: unknown } | undefined {
  for (const collection of ['dialogues', 'prosCons', 'keyConcepts', 'examples', 'memoryAids', 'flashcards', 'glossary'] as const) {
    const item = (lesson[collection] as { id: string }[] | undefined)?.find((entry) => entry.id === id);
    if (item) return { collection, item };
  }
  return undefined;
}
