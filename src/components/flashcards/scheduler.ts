/**
 * When does a card come back? A small interface with two answers:
 *
 * - FSRS (the Free Spaced Repetition Scheduler, Anki's default) through
 *   `ts-fsrs`, imported only when a study session starts, so readers who
 *   only browse never download it;
 * - a Leitner system of five boxes, as H5P Dialog Cards does, for younger
 *   learners: "Got it" moves a card up a box (seen less often), "Not yet"
 *   sends it back to the start.
 *
 * Both read the time from an injected clock, and remember each item as plain
 * JSON (`Memory`) so it can be saved, exported and checked on the way back in.
 */
import type * as FsrsModule from 'ts-fsrs';
import type { Card, FSRS, FSRSParameters, Grade } from 'ts-fsrs';

export type Rating = 'again' | 'hard' | 'good' | 'easy';
export type SchedulerKind = 'fsrs' | 'leitner';
export type Clock = () => Date;

export const RATINGS: readonly Rating[] = ['again', 'hard', 'good', 'easy'];

/** What a scheduler remembers about one item. Dates are ISO strings. */
export interface Memory {
  /** When the item should be asked again. */
  due: string;
  /** Times reviewed. */
  reps: number;
  /** Times forgotten after being known. */
  lapses: number;
  lastReview?: string;
}

export interface Scheduler<M extends Memory = Memory> {
  readonly kind: SchedulerKind;
  /** The grades a learner chooses from, in the order shown (keys 1, 2, …). */
  readonly ratings: readonly Rating[];
  /** The memory after a review graded `rating` now; `undefined` is a card never seen. */
  review(memory: M | undefined, rating: Rating): M;
  /** When the item would be due after each rating, to show on the grade buttons. */
  preview(memory: M | undefined): Partial<Record<Rating, Date>>;
  /** Checks saved data (it may be damaged or hand-edited): the memory, or undefined. */
  decode(raw: unknown): M | undefined;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isDate = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The fields every memory has, checked; undefined when any is wrong. */
function decodeMemory(raw: unknown): Memory | undefined {
  if (!isRecord(raw) || !isDate(raw.due) || !isCount(raw.reps) || !isCount(raw.lapses)) return undefined;
  if (raw.lastReview !== undefined && !isDate(raw.lastReview)) return undefined;
  const memory: Memory = { due: raw.due, reps: raw.reps, lapses: raw.lapses };
  if (raw.lastReview !== undefined) memory.lastReview = raw.lastReview;
  return memory;
}

// ---------------------------------------------------------------- FSRS

export interface FsrsMemory extends Memory {
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  /** ts-fsrs `State`: 0 new, 1 learning, 2 review, 3 relearning. */
  state: 0 | 1 | 2 | 3;
}

type FsrsLibrary = typeof FsrsModule;

const GRADES: Record<Rating, Grade> = { again: 1, hard: 2, good: 3, easy: 4 } as Record<Rating, Grade>;

/** FSRS through ts-fsrs. Construct it with `loadFsrsScheduler()`, which fetches the library. */
export class FsrsScheduler implements Scheduler<FsrsMemory> {
  readonly kind = 'fsrs';
  readonly ratings = RATINGS;
  private readonly engine: FSRS;

  constructor(
    private readonly library: FsrsLibrary,
    private readonly now: Clock,
    parameters: Partial<FSRSParameters> = {},
  ) {
    this.engine = library.fsrs(parameters);
  }

  private toCard(memory: FsrsMemory | undefined): Card {
    if (!memory) return this.library.createEmptyCard(this.now());
    const card: Card = {
      due: new Date(memory.due),
      stability: memory.stability,
      difficulty: memory.difficulty,
      elapsed_days: 0, // Deprecated in ts-fsrs 5: it is worked out from last_review.
      scheduled_days: memory.scheduledDays,
      learning_steps: memory.learningSteps,
      reps: memory.reps,
      lapses: memory.lapses,
      state: memory.state,
    };
    if (memory.lastReview) card.last_review = new Date(memory.lastReview);
    return card;
  }

  private fromCard(card: Card): FsrsMemory {
    const memory: FsrsMemory = {
      due: card.due.toISOString(),
      stability: card.stability,
      difficulty: card.difficulty,
      scheduledDays: card.scheduled_days,
      learningSteps: card.learning_steps,
      reps: card.reps,
      lapses: card.lapses,
      state: card.state as FsrsMemory['state'],
    };
    if (card.last_review) memory.lastReview = card.last_review.toISOString();
    return memory;
  }

  review(memory: FsrsMemory | undefined, rating: Rating): FsrsMemory {
    return this.fromCard(this.engine.next(this.toCard(memory), this.now(), GRADES[rating]).card);
  }

  preview(memory: FsrsMemory | undefined): Partial<Record<Rating, Date>> {
    const outcomes = this.engine.repeat(this.toCard(memory), this.now());
    return Object.fromEntries(RATINGS.map((rating) => [rating, outcomes[GRADES[rating]].card.due]));
  }

  decode(raw: unknown): FsrsMemory | undefined {
    const base = decodeMemory(raw);
    if (!base || !isRecord(raw)) return undefined;
    const { stability, difficulty, scheduledDays, learningSteps, state } = raw;
    const finite = [stability, difficulty].every((value) => typeof value === 'number' && Number.isFinite(value) && value >= 0);
    if (!finite || !isCount(scheduledDays) || !isCount(learningSteps) || ![0, 1, 2, 3].includes(state as number)) return undefined;
    return {
      ...base,
      stability: stability as number,
      difficulty: difficulty as number,
      scheduledDays,
      learningSteps,
      state: state as FsrsMemory['state'],
    };
  }
}

/** Imports ts-fsrs (a separate chunk, fetched once) and makes a scheduler with its default parameters. */
export async function loadFsrsScheduler(now: Clock, parameters?: Partial<FSRSParameters>): Promise<FsrsScheduler> {
  const library = await import('ts-fsrs');
  return new FsrsScheduler(library, now, parameters);
}

// ---------------------------------------------------------------- Leitner

export interface LeitnerMemory extends Memory {
  /** 0 while still being learned, then 1 to 5: the higher the box, the longer the wait. */
  box: number;
}

/** Days a card waits in each box, 1 to 5. */
export const LEITNER_DAYS = [1, 3, 7, 14, 30] as const;
/** A card not yet known comes back in the same session, after this long. */
export const LEITNER_RETRY_MS = MINUTE;

/**
 * Leitner boxes. Its two grades are `again` ("Not yet") and `good` ("Got it");
 * a host calling `review()` with `hard` keeps the box, with `easy` skips one.
 */
export class LeitnerScheduler implements Scheduler<LeitnerMemory> {
  readonly kind = 'leitner';
  readonly ratings: readonly Rating[] = ['again', 'good'];

  constructor(private readonly now: Clock) {}

  review(memory: LeitnerMemory | undefined, rating: Rating): LeitnerMemory {
    const now = this.now();
    const box = memory?.box ?? 0;
    const step = { again: -box, hard: 0, good: 1, easy: 2 }[rating];
    const next = Math.min(Math.max(box + step, rating === 'again' ? 0 : 1), LEITNER_DAYS.length);
    const wait = next === 0 ? LEITNER_RETRY_MS : (LEITNER_DAYS[next - 1] as number) * DAY;
    return {
      box: next,
      due: new Date(now.getTime() + wait).toISOString(),
      reps: (memory?.reps ?? 0) + 1,
      lapses: (memory?.lapses ?? 0) + (rating === 'again' && box > 0 ? 1 : 0),
      lastReview: now.toISOString(),
    };
  }

  preview(memory: LeitnerMemory | undefined): Partial<Record<Rating, Date>> {
    return Object.fromEntries(this.ratings.map((rating) => [rating, new Date(this.review(memory, rating).due)]));
  }

  decode(raw: unknown): LeitnerMemory | undefined {
    const base = decodeMemory(raw);
    if (!base || !isRecord(raw) || !isCount(raw.box) || raw.box > LEITNER_DAYS.length) return undefined;
    return { ...base, box: raw.box };
  }
}
