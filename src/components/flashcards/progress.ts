/**
 * What is saved for a card, and the export file.
 *
 * One record per card and direction, under the key
 * `lesson-elements:<lesson>:flashcards:<card>:<direction>`:
 *
 *   { "v": 1, "fsrs": { "due": "…", "stability": 3.1, … }, "leitner": { "box": 2, … } }
 *
 * Each scheduler keeps its own memory, so switching `scheduler` loses
 * nothing. `v` is this record's version, separate from the store's envelope:
 * a record from a newer version of the library is left alone (never read,
 * never rewritten until the learner grades that card again); an older one is
 * migrated in `decodeRecord`.
 */
import type { Direction } from './deck.js';
import type { SchedulerKind } from './scheduler.js';

export const RECORD_VERSION = 1;
export const EXPORT_FORMAT = 'lesson-elements/flashcards-progress';
export const EXPORT_VERSION = 1;
/** An export this large is not ours: refuse it before reading it. */
export const MAX_IMPORT_BYTES = 5_000_000;

/** A card's saved memories, one per scheduler, not yet checked by the scheduler. */
export type CardRecord = Partial<Record<SchedulerKind, unknown>>;

export interface StoredRecord extends CardRecord {
  v: number;
}

const KINDS: readonly SchedulerKind[] = ['fsrs', 'leitner'];
const DIRECTIONS: readonly Direction[] = ['forward', 'reverse'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The first storage key part (after the lesson id) of every record of a deck. */
export const PROGRESS_NAMESPACE = 'flashcards';

/** The storage key parts of one item (after the lesson id). */
export const progressParts = (cardId: string, direction: Direction): string[] => [PROGRESS_NAMESPACE, cardId, direction];

/**
 * Reads a stored record. Anything that is not a record of a version this
 * code knows gives undefined; a record's memories are checked later, by the
 * scheduler that owns them.
 */
export function decodeRecord(raw: unknown): CardRecord | undefined {
  if (!isRecord(raw) || typeof raw.v !== 'number') return undefined;
  // Version 1 is the first. A future version 2 adds `case 1:` here, converting a v1 record before falling through.
  if (raw.v !== RECORD_VERSION) return undefined;
  const record: CardRecord = {};
  for (const kind of KINDS) if (raw[kind] !== undefined) record[kind] = raw[kind];
  return record;
}

/** The record to store. */
export const encodeRecord = (record: CardRecord): StoredRecord => ({ v: RECORD_VERSION, ...record });

/** The export file: every saved record of a deck. */
export interface ProgressExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  /** The lesson the progress belongs to. */
  lesson: string;
  /** When the file was made (ISO date-time). */
  exported: string;
  /** `{ "card-gil": { "forward": { "v": 1, "fsrs": { … } } } }` */
  cards: Record<string, Partial<Record<Direction, StoredRecord>>>;
}

/** Builds the export of `records` (keyed by card id and direction). */
export function buildExport(
  lessonId: string,
  records: Iterable<{ id: string; direction: Direction; record: CardRecord }>,
  now: Date,
): ProgressExport {
  // No prototype: a card id such as "constructor" must name a card, not Object's own property.
  const cards: ProgressExport['cards'] = Object.create(null) as ProgressExport['cards'];
  for (const { id, direction, record } of records) {
    if (!Object.keys(record).length) continue;
    (cards[id] ??= {})[direction] = encodeRecord(record);
  }
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, lesson: lessonId, exported: now.toISOString(), cards };
}

export type ImportProblem = 'invalid' | 'other-lesson' | 'newer' | 'empty';

export type ImportResult =
  | { ok: true; records: { id: string; direction: Direction; record: CardRecord }[] }
  | { ok: false; problem: ImportProblem; lesson?: string };

/**
 * Reads an export file's text for `lessonId`. Only cards in `cardIds` are
 * taken; records that cannot be read are skipped, the rest still imports.
 */
export function parseExport(text: string, lessonId: string, cardIds: ReadonlySet<string>): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (!isRecord(data) || data.format !== EXPORT_FORMAT || typeof data.version !== 'number' || !isRecord(data.cards)) {
    return { ok: false, problem: 'invalid' };
  }
  if (data.version > EXPORT_VERSION) return { ok: false, problem: 'newer' };
  if (data.lesson !== lessonId) return { ok: false, problem: 'other-lesson', lesson: String(data.lesson) };
  const records: { id: string; direction: Direction; record: CardRecord }[] = [];
  for (const [id, directions] of Object.entries(data.cards)) {
    if (!cardIds.has(id) || !isRecord(directions)) continue;
    for (const direction of DIRECTIONS) {
      const record = decodeRecord(directions[direction]);
      if (record && Object.keys(record).length) records.push({ id, direction, record });
    }
  }
  return records.length ? { ok: true, records } : { ok: false, problem: 'empty' };
}
