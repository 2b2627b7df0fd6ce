import { registerDefaultStrings } from '../../core/localize.js';

/** English UI strings of recall practice, loaded with it (the aid view's are in `strings.ts`). */
export const mnemonicPracticeStrings = {
  mnemonicPractiseAgain: 'Practise again',
  mnemonicBack: 'Back to the memory aid',
  mnemonicPracticeLabel: 'Recall practice',
  mnemonicStepHeading: 'Step {step} of {steps}: {name}',
  mnemonicStepFull: 'Full text',
  mnemonicStepFirstLetters: 'First letters',
  mnemonicStepBlanks: 'Blanks',
  mnemonicInstructionsFull: 'Read it closely, then say it or type it from memory.',
  mnemonicInstructionsFirstLetters: 'Only the first letter of each word is left. Recall the full text.',
  mnemonicInstructionsBlanks: 'Every word is hidden. Recall the full text.',
  mnemonicInstructionsLetters: 'Recall the word each letter stands for.',
  mnemonicInstructionsAcronymBlanks: 'The letters are hidden too. Recall every word, in order.',
  mnemonicHiddenWords: 'Hidden words: {count}',
  mnemonicHiddenWord: 'Word {n} hidden',
  mnemonicYourAnswer: 'Your answer',
  mnemonicSubmitHint: 'Press Ctrl+Enter to check.',
  mnemonicWordFor: 'Word for {letter}',
  mnemonicWordNumber: 'Word {n} of {total}',
  mnemonicMeaningOf: 'Meaning of “{cue}”',
  mnemonicEmptyAnswer: 'Type your answer first, or show the answer and rate yourself.',
  mnemonicAnswerLabel: 'The full text',
  mnemonicAnswerShown: 'Answer shown. Did you remember it?',
  mnemonicRateLabel: 'Rate yourself',
  mnemonicRatePrompt: 'Compare with what you recalled. Did you remember it?',
  mnemonicRatePromptFull: 'Or say it to yourself without looking, then rate yourself.',
  mnemonicRemembered: 'I remembered it',
  mnemonicNotYet: 'Not yet',
  mnemonicRatedRemembered: 'You remembered it.',
  mnemonicRatedNotYet: 'Not yet: look at it once more, then carry on.',
  mnemonicAllRecalled: 'every word recalled.',
  mnemonicWordsRecalled: 'you recalled {recalled} of {total} words.',
  mnemonicMissed: 'Missed: {words}',
  mnemonicExtraWords: 'Words not in the text: {count}',
  mnemonicMissedMark: 'missed',
  mnemonicNextStep: 'Next step',
  mnemonicFinish: 'Finish',
  mnemonicDone: 'Practice complete',
  mnemonicResultSkipped: 'not practised',
  mnemonicComeBack: 'Memories fade unless they are tested: come back in a few days and practise again.',
};

export type MnemonicPracticeStrings = typeof mnemonicPracticeStrings;

declare module '../../core/localize.js' {
  interface UiStrings extends MnemonicPracticeStrings {}
}

registerDefaultStrings(mnemonicPracticeStrings);
