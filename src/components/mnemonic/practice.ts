/**
 * Recall practice of one memory aid, as plain data and pure functions: what
 * is recalled, how an answer is judged, how a practice moves through the
 * fading steps, and what is saved between visits.
 *
 * Scoring: each of the three steps is worth one point. A self-rating earns 1
 * ("I remembered it") or 0 ("Not yet"). A typed answer earns 1 when every word
 * is recalled in order (case, accents, punctuation, spacing and apostrophes do
 * not count), otherwise partial credit: the words recalled over the larger of
 * the words expected and the words written, rounded to hundredths. Only a
 * complete recall counts as `correct`. Trying a step again replaces its result.
 */
import { matchesAnswer } from '../../core/match.js';
import { plainText } from '../../core/rich-text.js';
import type { MemoryAid } from '../../core/schema.js';
import { compareWords, type WordComparison } from './fading.js';
import { LAST_STEP, practiceScore, round, STEPS, type PracticeRecord, type Step, type StepResult } from './record.js';
import { paragraphs } from './text.js';

export { paragraphs } from './text.js';
export {
  isStep,
  parseRecord,
  practiceScore,
  resumeStep,
  startPractice,
  type PracticeRecord,
  type StepResult,
} from './record.js';

/** One thing to recall: text that fades, and the cue it is recalled from. */
export interface RecallItem {
  /** The text the learner recalls; it fades step by step. */
  text: string;
  /** A prompt that stays visible (a memory tool's cue), or fades only at the last step (an acronym's letter). */
  cue?: string;
  /** The cue is hidden at the blanks step too. */
  cueFades?: boolean;
}

/** What a practice of one aid asks for. */
export interface RecallTask {
  items: RecallItem[];
  /** One answer field for the whole text (rhyme, story) or one per item (memory-tool pairs, acronym words). */
  fields: 'whole' | 'each';
}

/** The recall task of a memory aid. */
export function recallTask(aid: MemoryAid): RecallTask {
  switch (aid.kind) {
    case 'rhyme':
      return { fields: 'whole', items: aid.lines.map((line) => ({ text: plainText(line) })) };
    case 'story':
      return { fields: 'whole', items: paragraphs(aid.text).map((text) => ({ text: plainText(text) })) };
    case 'memory-tool':
      return { fields: 'each', items: aid.pairs.map((pair) => ({ cue: pair.cue, text: pair.meaning })) };
    case 'acronym':
      return { fields: 'each', items: aid.letters.map((entry) => ({ cue: entry.letter, cueFades: true, text: entry.word })) };
  }
}

/** The cue shown with an item at a step, if any. */
export const visibleCue = (item: RecallItem, step: Step): string | undefined =>
  item.cueFades && step === LAST_STEP ? undefined : item.cue;

/** A check as it happened: the result, what was answered, and for typed answers the word-by-word comparison. */
export interface Check extends StepResult {
  /** The answer as the learner gave it (fields joined with " / "), or "remembered" / "not yet". */
  response: string;
  /** One comparison per answer field. */
  comparisons: WordComparison[];
}

/** Judges typed answers: one for a `whole` task, one per item for an `each` task. */
export function checkTyped(task: RecallTask, step: Step, answers: readonly string[], lang?: string): Check {
  const expected = task.fields === 'whole' ? [task.items.map((item) => item.text).join('\n')] : task.items.map((item) => item.text);
  let hits = 0;
  let judged = 0;
  let correct = true;
  const comparisons = expected.map((text, index) => {
    const answer = answers[index] ?? '';
    const comparison = compareWords(text, answer, lang);
    const recalled = comparison.recalled.filter(Boolean).length;
    hits += recalled;
    judged += Math.max(comparison.expectedWords.length, recalled + comparison.extra);
    correct &&= matchesAnswer(answer, text) || comparison.complete;
    return comparison;
  });
  return {
    step,
    method: 'typed',
    correct,
    credit: correct ? 1 : round(judged ? hits / judged : 0),
    response: answers.map((answer) => answer.trim()).join(' / '),
    comparisons,
  };
}

/** Records a self-rating. */
export const rate = (step: Step, remembered: boolean): Check => ({
  step,
  method: 'rated',
  correct: remembered,
  credit: remembered ? 1 : 0,
  response: remembered ? 'remembered' : 'not yet',
  comparisons: [],
});

/**
 * Where a practice is: recalling at a step, looking at the revealed text
 * (before rating), looking at the result of a check, or done.
 */
export type Phase = 'recall' | 'revealed' | 'checked' | 'done';

export interface PracticeState {
  step: Step;
  phase: Phase;
  /** The latest result of each step checked so far, in step order. */
  results: StepResult[];
  /** The check being shown, while `phase` is `checked`. */
  check?: Check;
}

/** Shows the full text so the learner can rate themself. */
export const reveal = (state: PracticeState): PracticeState =>
  state.phase === 'recall' ? { ...state, phase: 'revealed' } : state;

/** Stores a check: it replaces any earlier result of the same step. */
export function recordCheck(state: PracticeState, check: Check): PracticeState {
  const { step, method, correct, credit } = check;
  const results = [...state.results.filter((result) => result.step !== check.step), { step, method, correct, credit }];
  results.sort((a, b) => a.step - b.step);
  return { ...state, phase: 'checked', results, check };
}

/** Back to recalling the same step. */
export const retryStep = (state: PracticeState): PracticeState => ({ step: state.step, phase: 'recall', results: state.results });

/** On to the next step, or done after the last. */
export const advance = (state: PracticeState): PracticeState =>
  state.step === LAST_STEP
    ? { step: state.step, phase: 'done', results: state.results }
    : { step: (state.step + 1) as Step, phase: 'recall', results: state.results };

/** Share of the steps checked, 0 to 1. */
export const practiceProgress = (results: readonly StepResult[]): number => results.length / STEPS.length;

/** The record to save after a check or at the end; undefined before any check. */
export function toRecord(state: PracticeState, now: Date): PracticeRecord | undefined {
  const last = state.results.find((result) => result.step === state.step) ?? state.results[state.results.length - 1];
  if (!last) return undefined;
  return {
    step: last.step,
    remembered: last.correct,
    complete: state.phase === 'done',
    results: state.results,
    ...practiceScore(state.results),
    practisedAt: now.toISOString(),
  };
}
