import { registerDefaultStrings } from '../../core/localize.js';

/** English UI strings of this element: the fallback for every key (other languages: src/core/locales). */
export const prosConsStrings = {
  prosConsPro: 'Pro',
  prosConsCon: 'Con',
  prosConsNone: 'None listed',
  prosConsExplanation: 'Explanation',
  prosConsExamples: 'Examples',
  prosConsAnalogies: 'Analogies',
  prosConsCompareTitle: '{subjects} compared',
  prosConsAspect: 'Aspect',
  prosConsOtherPros: 'Other pros',
  prosConsOtherCons: 'Other cons',
  prosConsNotMentioned: 'Not mentioned',
  prosConsMoreAbout: 'More about {subject}',
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

export type ProsConsStrings = typeof prosConsStrings;

declare module '../../core/localize.js' {
  interface UiStrings extends ProsConsStrings {}
}

registerDefaultStrings(prosConsStrings);
