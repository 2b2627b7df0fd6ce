import { registerDefaultStrings } from '../../core/localize.js';

/**
 * English UI strings of the sort-it practice: registered when the practice
 * code loads, so a page that only shows cards never downloads them. Their
 * keys are typed with the element's other strings in `strings.ts`.
 */
export const prosConsPracticeStrings = {
  prosConsPracticeTitle: 'Sort it: {subject}',
  prosConsInstructionsSides: 'Sort each statement: is it a pro or a con of {subject}?',
  prosConsInstructionsSubjects: 'Sort each statement: which does it describe, {subjects}?',
  prosConsProgress: 'Statement {n} of {total}',
  prosConsIsPro: 'It is a pro of {subject}.',
  prosConsIsCon: 'It is a con of {subject}.',
  prosConsNext: 'Next statement',
  prosConsFinish: 'See your score',
  prosConsDone: 'All sorted',
  prosConsReview: 'Your answers',
  prosConsYourAnswer: 'Your answer: {answer}',
  prosConsNothingToSort: 'There are no statements to sort.',
  prosConsRestarted: 'Shuffled again. Statement 1 of {total}.',
};

registerDefaultStrings(prosConsPracticeStrings);
