/**
 * English UI strings shared by every element; each element keeps its own
 * in `src/components/<element>/strings.ts`. `{name}` is a placeholder.
 */
export const en = {
  // Shared by every element (the base class)
  loading: 'Loading lesson…',
  errorTitle: 'This lesson could not be shown',
  errorRetry: 'Try again',
  errorNotFound: 'No part with the id "{id}" in this lesson',
  errorEmpty: 'This lesson has nothing to show here',
  errorNoSource: 'No lesson given: set src, the lesson property, or an inline JSON script',
  errorMore: '…and {count} more problems',
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
};

export type CoreStrings = typeof en;
