/**
 * Sort-it practice as a small state machine, free of any DOM: the
 * statements of one or more pros/cons groups, shuffled, answered one at a
 * time, scored, and restarted with a fresh shuffle.
 *
 * Two kinds of sorting:
 * - `side`: one group; each statement is sorted as a pro or a con
 *   (responses `"pro"` / `"con"`).
 * - `subject`: several groups (compare view); each statement is sorted into
 *   the subject it belongs to (responses are group ids). Whether it is a pro
 *   or a con of that subject is told in the feedback, not asked.
 *
 * States are plain immutable objects: every step returns a new one.
 */
import { shuffle } from '../../core/match.js';
import type { ProsConsGroup } from '../../core/schema.js';
import { sidedItems, type Side } from './compare.js';

export type PracticeKind = 'side' | 'subject';

/** One statement to sort: a pro or con item with where it belongs. */
export interface Statement {
  /** The item id (unique in the lesson). */
  id: string;
  /** The statement, as rich text. */
  text: string;
  /** Why it belongs where it does, as rich text, when the lesson says. */
  explanation?: string;
  side: Side;
  groupId: string;
  subject: string;
}

export interface PracticeAnswer {
  statement: Statement;
  response: string;
  correct: boolean;
}

/**
 * `asking`: the current statement waits for an answer.
 * `feedback`: it was answered; the feedback shows until the learner moves on.
 * `done`: every statement was answered and the learner moved on to the score.
 */
export type PracticePhase = 'asking' | 'feedback' | 'done';

export interface PracticeState {
  kind: PracticeKind;
  /** The statements in the order they are asked. */
  statements: readonly Statement[];
  /** The position of the current statement in `statements`. */
  index: number;
  answers: readonly PracticeAnswer[];
  phase: PracticePhase;
}

/** Every statement of the groups, in lesson order (each group's pros, then its cons). */
export function statementsOf(groups: readonly ProsConsGroup[]): Statement[] {
  return groups.flatMap((group) =>
    sidedItems(group).map(({ item, side }): Statement => ({
      id: item.id,
      text: item.text,
      ...(item.explanation ? { explanation: item.explanation } : {}),
      side,
      groupId: group.id,
      subject: group.subject,
    })),
  );
}

/** The kind of sorting that fits the groups: pro/con for one group, by subject for several. */
export const kindFor = (groups: readonly ProsConsGroup[]): PracticeKind => (groups.length > 1 ? 'subject' : 'side');

/** The responses a learner can give, in the order the choice buttons show them. */
export function choicesFor(kind: PracticeKind, groups: readonly ProsConsGroup[]): string[] {
  return kind === 'side' ? ['pro', 'con'] : groups.map((group) => group.id);
}

/** The right response to a statement. */
export const expectedResponse = (kind: PracticeKind, statement: Statement): string =>
  kind === 'side' ? statement.side : statement.groupId;

/** A new practice over `statements`, shuffled with `random` (injectable for repeatable tests). */
export function startPractice(
  kind: PracticeKind,
  statements: readonly Statement[],
  random: () => number = Math.random,
): PracticeState {
  return {
    kind,
    statements: shuffle(statements, random),
    index: 0,
    answers: [],
    phase: statements.length ? 'asking' : 'done',
  };
}

/** The statement being asked or given feedback on; undefined once done. */
export const currentStatement = (state: PracticeState): Statement | undefined =>
  state.phase === 'done' ? undefined : state.statements[state.index];

/** The answer given to the current statement, while its feedback shows. */
export const lastAnswer = (state: PracticeState): PracticeAnswer | undefined =>
  state.phase === 'feedback' ? state.answers[state.answers.length - 1] : undefined;

/** Answers the current statement. Outside the `asking` phase the state is returned unchanged. */
export function answer(state: PracticeState, response: string): PracticeState {
  const statement = currentStatement(state);
  if (state.phase !== 'asking' || !statement) return state;
  const correct = response === expectedResponse(state.kind, statement);
  return { ...state, answers: [...state.answers, { statement, response, correct }], phase: 'feedback' };
}

/** Moves on from the feedback: to the next statement, or to `done` after the last. */
export function advance(state: PracticeState): PracticeState {
  if (state.phase !== 'feedback') return state;
  const index = state.index + 1;
  return index < state.statements.length ? { ...state, index, phase: 'asking' } : { ...state, phase: 'done' };
}

/** True once every statement has an answer (the feedback of the last one may still show). */
export const isComplete = (state: PracticeState): boolean =>
  state.statements.length > 0 && state.answers.length === state.statements.length;

/** True when the current statement is the last one. */
export const isLast = (state: PracticeState): boolean => state.index === state.statements.length - 1;

/** Points earned and possible: one per statement answered right at the first try. */
export function scoreOf(state: PracticeState): { score: number; maxScore: number } {
  return { score: state.answers.filter((item) => item.correct).length, maxScore: state.statements.length };
}

/** The same practice from the start, with a fresh shuffle. */
export const restart = (state: PracticeState, random: () => number = Math.random): PracticeState =>
  startPractice(state.kind, state.statements, random);
