/**
 * The fading steps and what is saved of a practice. The aid view reads a
 * saved record to say when an aid was last practised and where to resume,
 * so this module is loaded up front; everything else of practice
 * (`practice.ts`, `fading.ts`, `practice-view.ts`) is loaded when practice starts.
 */
import type { PracticeState } from './practice.js';

/** The fading steps, in order: 1 full text, 2 first letters, 3 blanks. */
export const STEPS = [1, 2, 3] as const;
export type Step = (typeof STEPS)[number];
export const LAST_STEP: Step = 3;

/** Is `value` one of the fading steps? */
export const isStep = (value: unknown): value is Step => value === 1 || value === 2 || value === 3;

/** The result of one check. */
export interface StepResult {
  step: Step;
  /** Typed and matched, or rated by the learner. */
  method: 'typed' | 'rated';
  /** Recalled completely (typed) or "I remembered it" (rated). */
  correct: boolean;
  /** Points earned for the step, 0 to 1. */
  credit: number;
}

export const round = (value: number) => Math.round(value * 100) / 100;

/** Points earned and possible: one per step. */
export function practiceScore(results: readonly StepResult[]): { score: number; maxScore: number } {
  return { score: round(results.reduce((sum, result) => sum + result.credit, 0)), maxScore: STEPS.length };
}

/** What is saved of a practice, under the lesson id and the aid id. */
export interface PracticeRecord {
  /** The step checked last. */
  step: Step;
  /** Whether that check was a success. */
  remembered: boolean;
  /** Every step finished. */
  complete: boolean;
  /** The latest result of each step checked. */
  results: StepResult[];
  score: number;
  maxScore: number;
  /** When, as an ISO date-time. */
  practisedAt: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function parseResult(value: unknown): StepResult | undefined {
  if (!isObject(value) || !isStep(value.step) || typeof value.correct !== 'boolean') return undefined;
  const credit = typeof value.credit === 'number' && value.credit >= 0 && value.credit <= 1 ? value.credit : value.correct ? 1 : 0;
  return { step: value.step, method: value.method === 'typed' ? 'typed' : 'rated', correct: value.correct, credit };
}

/** Reads a saved record defensively: saved data may come from an older version or be edited by hand. */
export function parseRecord(value: unknown): PracticeRecord | undefined {
  if (!isObject(value) || !isStep(value.step) || typeof value.remembered !== 'boolean') return undefined;
  const results = Array.isArray(value.results)
    ? value.results.map(parseResult).filter((result): result is StepResult => result !== undefined)
    : [];
  const practisedAt = typeof value.practisedAt === 'string' && !Number.isNaN(Date.parse(value.practisedAt)) ? value.practisedAt : '';
  return {
    step: value.step,
    remembered: value.remembered,
    complete: value.complete === true,
    results,
    ...practiceScore(results),
    practisedAt,
  };
}

/** The step to resume an unfinished practice at; undefined when it was finished (start again from step 1). */
export const resumeStep = (record: PracticeRecord | undefined): Step | undefined =>
  record && !record.complete && record.step < LAST_STEP ? ((record.step + 1) as Step) : undefined;

/** A practice starting at `step`, keeping earlier results (when resuming). */
export const startPractice = (step: Step = 1, results: readonly StepResult[] = []): PracticeState => ({
  step,
  phase: 'recall',
  results: results.filter((result) => result.step < step),
});
