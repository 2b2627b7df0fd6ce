import { registerDefaultStrings } from '../../core/localize.js';

/** English UI strings of this element: the fallback for every key (other languages: src/core/locales). */
export const flashcardsStrings = {
  flashcardsDeck: 'Flashcards',
  flashcardsMode: 'Mode',
  flashcardsModeBrowse: 'Browse',
  flashcardsModeStudy: 'Study',
  flashcardsModeType: 'Type the answer',
  flashcardsModeChosen: 'Mode: {mode}',
  flashcardsPosition: 'Card {current} of {total}',
  flashcardsQuestion: 'Question',
  flashcardsAnswer: 'Answer',
  flashcardsShowQuestion: 'Show question',
  flashcardsPrevious: 'Previous',
  flashcardsNext: 'Next',
  flashcardsShuffle: 'Shuffle',
  flashcardsShuffled: 'Cards shuffled',
  flashcardsRestart: 'Start over',
  flashcardsHint: 'Hint',
  flashcardsListen: 'Listen',
  flashcardsAudioFailed: 'The audio could not be played',
  flashcardsPreparing: 'Preparing your cards…',
  flashcardsStudyFailed: 'The study session could not start. Check your connection and try again.',
  flashcardsTypeFailed: 'The typing practice could not start. Check your connection and try again.',
  flashcardsStudyStatus: 'To review: {due} · New: {new}',
  flashcardsGradePrompt: 'How well did you know it?',
  flashcardsAgain: 'Again',
  flashcardsHard: 'Hard',
  flashcardsGood: 'Good',
  flashcardsEasy: 'Easy',
  flashcardsNotYet: 'Not yet',
  flashcardsGotIt: 'Got it',
  flashcardsGraded: '{rating}: this card comes back {when}',
  flashcardsUndo: 'Undo',
  flashcardsUndone: 'Last grade undone',
  flashcardsSessionDone: 'Session complete',
  flashcardsNothingDue: 'Nothing to review right now',
  flashcardsReviewed: 'Cards reviewed',
  flashcardsAgainCount: 'Answered “{again}”',
  flashcardsNextDue: 'Next card due',
  flashcardsNoneScheduled: 'No card is scheduled yet',
  flashcardsNewWaiting: 'New cards waiting for another session: {count}',
  flashcardsNewSession: 'New session',
  flashcardsYourAnswer: 'Your answer',
  flashcardsYouWrote: 'You wrote: {answer}',
  flashcardsAnswerWas: 'The answer: {answer}',
  flashcardsPracticeDone: 'Practice complete',
  flashcardsTypeScore: 'Right: {correct} of {total}',
  flashcardsRetryMissed: 'Practise the missed cards ({count})',
  flashcardsSavedProgress: 'Saved progress',
  flashcardsExport: 'Export progress',
  flashcardsExported: 'Progress file downloaded',
  flashcardsImport: 'Import progress',
  flashcardsImported: 'Progress imported. Cards updated: {count}',
  flashcardsImportInvalid: 'This file is not a flashcard progress file.',
  flashcardsImportOtherLesson: 'This file holds progress for another lesson ("{lesson}").',
  flashcardsImportNewer: 'This file was made by a newer version and cannot be read here.',
  flashcardsImportEmpty: 'This file holds no progress for these cards.',
};

export type FlashcardsStrings = typeof flashcardsStrings;

declare module '../../core/localize.js' {
  interface UiStrings extends FlashcardsStrings {}
}

registerDefaultStrings(flashcardsStrings);
