/**
 * Lesson progress: which sections are done, how far, and the practice score.
 * Pure state, serializable for storage and for SCORM suspend_data.
 */

export interface SectionProgress {
  /** Completion between 0 and 1. */
  progress: number;
  /** Points earned in practice, when the section has practice. */
  score?: number;
  /** Points possible. */
  maxScore?: number;
}

export type ProgressState = Record<string, SectionProgress>;

/** Records progress for one part; never goes backwards, keeps the best score. */
export function recordProgress(state: ProgressState, id: string, update: SectionProgress): ProgressState {
  const previous = state[id];
  const next: SectionProgress = { progress: Math.max(previous?.progress ?? 0, Math.min(1, Math.max(0, update.progress))) };
  const best = update.score !== undefined && (previous?.score === undefined || update.score >= previous.score) ? update : previous;
  if (best?.score !== undefined && best.maxScore !== undefined) {
    next.score = best.score;
    next.maxScore = best.maxScore;
  }
  return { ...state, [id]: next };
}

const isPart = (value: unknown): value is SectionProgress =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as SectionProgress).progress === 'number' &&
  ['number', 'undefined'].includes(typeof (value as SectionProgress).score) &&
  ['number', 'undefined'].includes(typeof (value as SectionProgress).maxScore);

/**
 * Adds saved progress (`other`, possibly from another view of the same lesson, or damaged) to `state`
 * with the rule of `recordProgress`: the furthest progress and the best score of each part win.
 */
export function mergeProgress(state: ProgressState, other: unknown): ProgressState {
  if (typeof other !== 'object' || other === null || Array.isArray(other)) return state;
  let merged = state;
  for (const [id, part] of Object.entries(other)) if (isPart(part)) merged = recordProgress(merged, id, part);
  return merged;
}

export interface LessonTotals {
  /** Share of the tracked parts that are complete, 0 to 1. */
  completion: number;
  /** Parts complete / parts tracked. */
  done: number;
  total: number;
  /** Practice score over all scored parts, or undefined when nothing was scored. */
  score?: { raw: number; max: number; scaled: number };
}

/** Aggregates the progress of the tracked parts (`partIds`): completion and score. */
export function totals(state: ProgressState, partIds: readonly string[]): LessonTotals {
  const done = partIds.filter((id) => (state[id]?.progress ?? 0) >= 1).length;
  let raw = 0;
  let max = 0;
  for (const id of partIds) {
    const part = state[id];
    if (part?.score !== undefined && part.maxScore) {
      raw += part.score;
      max += part.maxScore;
    }
  }
  return {
    completion: partIds.length ? done / partIds.length : 0,
    done,
    total: partIds.length,
    ...(max ? { score: { raw, max, scaled: raw / max } } : {}),
  };
}
