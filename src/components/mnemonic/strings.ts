import { registerDefaultStrings } from '../../core/localize.js';

/**
 * English UI strings of this element's aid view: the fallback for every key
 * (other languages: src/core/locales). The practice strings are in
 * `practice-strings.ts`, loaded with the practice.
 */
export const mnemonicStrings = {
  mnemonicLabel: 'Memory aids',
  mnemonicKindRhyme: 'Rhyme',
  mnemonicKindStory: 'Story',
  mnemonicKindMemoryTool: 'Memory tool',
  mnemonicKindAcronym: 'Acronym',
  mnemonicLettersHint: 'Select a letter to see the word it stands for.',
  mnemonicShowAll: 'Show all',
  mnemonicHideAll: 'Hide all',
  mnemonicLetterShown: '{letter}: {word}',
  mnemonicLetterHidden: '{letter} hidden',
  mnemonicAllHidden: 'All words hidden',
  mnemonicPractise: 'Practise recall',
  mnemonicResume: 'Resume at step {step}',
  mnemonicStartOver: 'Start over',
  mnemonicStop: 'Stop practice',
  mnemonicResultRemembered: 'remembered',
  mnemonicResultNotYet: 'not yet',
  mnemonicLastPractised: 'Last practised {date}: step {step} of {steps}, {result}.',
  mnemonicLastPractisedUndated: 'Last practised: step {step} of {steps}, {result}.',
  mnemonicPracticeLoadError: 'The practice could not be loaded.',
};

export type MnemonicStrings = typeof mnemonicStrings;

declare module '../../core/localize.js' {
  interface UiStrings extends MnemonicStrings {}
}

registerDefaultStrings(mnemonicStrings);
