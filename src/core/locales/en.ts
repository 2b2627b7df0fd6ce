/**
 * English UI strings: the fallback for every key. `{name}` is a placeholder.
 * Each element owns one block; keep keys prefixed with the element's name.
 */
export const en = {
  // Shared by every element (the base class)
  loading: 'Loading lesson…',
  errorTitle: 'This lesson could not be shown',
  errorRetry: 'Try again',
  errorNotFound: 'No part with the id "{id}" in this lesson',
  errorEmpty: 'This lesson has nothing to show here',
  errorNoSource: 'No lesson given: set src, the lesson property, or an inline JSON script',
  storageFallback: 'Your progress cannot be saved in this browser; it is kept until you leave the page.',
  roleInstructor: 'Instructor',
  roleStudent: 'Student',
  roleNarrator: 'Narrator',
  pros: 'Pros',
  cons: 'Cons',
  correct: 'Correct',
  incorrect: 'Not quite',
  check: 'Check',
  showAnswer: 'Show answer',
  retry: 'Try again',
  score: 'Score: {score} of {max}',
  close: 'Close',

  // <lesson-dialogue>

  // <lesson-pros-cons>
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

  // <lesson-flashcards>

  // <lesson-mnemonic>

  // <lesson-term>, <lesson-glossary>

  // <lesson-view>
  viewSummaries: 'Summary',
  viewDialogues: 'Dialogues',
  viewProsCons: 'Pros and cons',
  viewKeyConcepts: 'Key concepts',
  viewExamples: 'Examples and applications',
  viewMemoryAids: 'Memory aids',
  viewFlashcards: 'Flashcards',
  viewGlossary: 'Glossary',
  viewLinks: 'Reference links',
  viewSummaryLevel: 'Summary level',
  viewSummaryQuick: 'Quick',
  viewSummaryStandard: 'Standard',
  viewSummaryDetailed: 'Detailed',
  viewContents: 'Contents',
  viewSectionDone: 'done',
  viewProgressLabel: 'Lesson progress',
  viewProgressText: '{percent}% complete ({done} of {total})',
  viewComplete: 'Lesson complete. Well done!',
  viewSortIt: 'Sort it: pro or con?',
};

export type UiStrings = typeof en;
