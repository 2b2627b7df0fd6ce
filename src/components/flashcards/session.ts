/**
 * One study session: which item comes next, grading, undo, and the summary.
 *
 * The order, as in Anki: items already due (the longest overdue first), then
 * items never seen (deck order, at most `newLimit` per session), then items
 * that come due within the learn-ahead window (cards just graded "Again" come
 * back after the others). The session is over when none of those is left.
 */
import { cachedIntl } from '../../core/intl.js';
import type { Clock, Memory, Rating, Scheduler } from './scheduler.js';

export interface SessionOptions {
  now: Clock;
  /** How many never-seen items a session introduces. */
  newLimit?: number;
  /** Items due within this many milliseconds are asked now rather than after the session. */
  learnAheadMs?: number;
}

/** What one grade did. */
export interface GradeResult<T, M> {
  item: T;
  rating: Rating;
  memory: M;
  /** When the item is due next. */
  due: Date;
}

export interface SessionSummary {
  /** Grades given in this session (an item asked twice counts twice). */
  reviewed: number;
  /** Grades of "Again" (or "Not yet"). */
  again: number;
  /** Grades per rating. */
  ratings: Record<Rating, number>;
  /** When the next item is due, as an ISO date-time; undefined when nothing is scheduled. */
  nextDue: string | undefined;
  /** Items never seen that wait for another session. */
  newRemaining: number;
}

interface UndoStep<M> {
  key: string;
  previous: M | undefined;
  rating: Rating;
}

export const DEFAULT_NEW_LIMIT = 20;
export const DEFAULT_LEARN_AHEAD_MS = 20 * 60_000;

export class StudySession<T extends { key: string }, M extends Memory = Memory> {
  /** The item being asked, or undefined when the session is over. */
  current: T | undefined;
  private readonly memories: Map<string, M>;
  /** Due times in milliseconds, kept beside the memories so choosing the next item parses no dates. */
  private readonly dueAt = new Map<string, number>();
  private readonly introduced = new Set<string>();
  private readonly history: UndoStep<M>[] = [];
  private readonly newLimit: number;
  private readonly learnAheadMs: number;
  private readonly counts: Record<Rating, number> = { again: 0, hard: 0, good: 0, easy: 0 };

  constructor(
    readonly items: readonly T[],
    memories: ReadonlyMap<string, M>,
    private readonly scheduler: Scheduler<M>,
    private readonly options: SessionOptions,
  ) {
    this.memories = new Map(memories);
    for (const [key, memory] of this.memories) this.dueAt.set(key, Date.parse(memory.due));
    this.newLimit = Math.max(0, options.newLimit ?? DEFAULT_NEW_LIMIT);
    this.learnAheadMs = options.learnAheadMs ?? DEFAULT_LEARN_AHEAD_MS;
    this.current = this.pick();
  }

  /** The saved memory of an item, if it has been reviewed. */
  memoryOf(key: string): M | undefined {
    return this.memories.get(key);
  }

  /** Replaces an item's memory (another tab reviewed it, or progress was imported). */
  setMemory(key: string, memory: M | undefined): void {
    if (memory) {
      this.memories.set(key, memory);
      this.dueAt.set(key, Date.parse(memory.due));
    } else {
      this.memories.delete(key);
      this.dueAt.delete(key);
    }
    // The item on screen stays; a session that had ended may have work again.
    this.current ??= this.pick();
  }

  private get newAllowance(): number {
    return this.newLimit - this.introduced.size;
  }

  /** Items left in this session: due (including learn-ahead) and new. */
  get remaining(): { due: number; new: number } {
    const horizon = this.options.now().getTime() + this.learnAheadMs;
    let due = 0;
    let unseen = 0;
    for (const item of this.items) {
      const at = this.dueAt.get(item.key);
      if (at === undefined) unseen++;
      else if (at <= horizon) due++;
    }
    return { due, new: Math.min(unseen, Math.max(0, this.newAllowance)) };
  }

  get done(): boolean {
    return this.current === undefined;
  }

  get canUndo(): boolean {
    return this.history.length > 0;
  }

  /** Chooses the next item; `avoid` (the item just graded) only when nothing else is left. */
  private pick(avoid?: string): T | undefined {
    const now = this.options.now().getTime();
    const horizon = now + this.learnAheadMs;
    let due: T | undefined;
    let dueTime = Infinity;
    let fresh: T | undefined;
    let ahead: T | undefined;
    let aheadTime = Infinity;
    let fallback: T | undefined;
    for (const item of this.items) {
      const at = this.dueAt.get(item.key);
      if (at === undefined) {
        if (!fresh && this.newAllowance > 0) fresh = item;
        continue;
      }
      if (at > horizon) continue;
      if (item.key === avoid) {
        fallback = item;
        continue;
      }
      if (at <= now) {
        if (at < dueTime) [due, dueTime] = [item, at];
      } else if (at < aheadTime) {
        [ahead, aheadTime] = [item, at];
      }
    }
    return due ?? fresh ?? ahead ?? fallback;
  }

  /** Grades the current item and moves on. */
  grade(rating: Rating): GradeResult<T, M> | undefined {
    const item = this.current;
    if (!item) return undefined;
    const previous = this.memories.get(item.key);
    const memory = this.scheduler.review(previous, rating);
    this.history.push({ key: item.key, previous, rating });
    if (!previous) this.introduced.add(item.key);
    this.counts[rating]++;
    this.setMemory(item.key, memory);
    this.current = this.pick(item.key);
    return { item, rating, memory, due: new Date(memory.due) };
  }

  /** Takes the last grade back: the item's memory is restored and it is asked again. */
  undo(): { item: T; memory: M | undefined } | undefined {
    const step = this.history.pop();
    const item = step && this.items.find((candidate) => candidate.key === step.key);
    if (!step || !item) return undefined;
    this.counts[step.rating]--;
    if (!step.previous) this.introduced.delete(step.key);
    this.setMemory(step.key, step.previous);
    this.current = item;
    return { item, memory: step.previous };
  }

  summary(): SessionSummary {
    let next = Infinity;
    let unseen = 0;
    for (const item of this.items) {
      const at = this.dueAt.get(item.key);
      if (at === undefined) unseen++;
      else next = Math.min(next, at);
    }
    return {
      reviewed: Object.values(this.counts).reduce((sum, count) => sum + count, 0),
      again: this.counts.again,
      ratings: { ...this.counts },
      nextDue: Number.isFinite(next) ? new Date(next).toISOString() : undefined,
      newRemaining: unseen,
    };
  }
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * "in 10 minutes", "tomorrow", "in 3 weeks", localized; "now" under half a
 * minute. A unit is used from 90% of its length, so 23 hours 59 minutes is
 * "tomorrow", not "in 24 hours".
 */
export function relativeTime(target: Date, now: Date, lang: string, style: Intl.RelativeTimeFormatStyle = 'long'): string {
  const diff = target.getTime() - now.getTime();
  const format = cachedIntl(`relative-${style}`, lang, (tag) => new Intl.RelativeTimeFormat(tag, { numeric: 'auto', style }));
  if (Math.abs(diff) < 30_000) return format.format(0, 'second');
  const [unit, size] = UNITS.find(([, length]) => Math.abs(diff) >= length * 0.9) ?? ['minute', 60_000];
  return format.format(Math.round(diff / size), unit);
}
