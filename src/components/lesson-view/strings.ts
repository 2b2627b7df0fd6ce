import { registerDefaultStrings } from '../../core/localize.js';

/** English UI strings of this element: the fallback for every key (other languages: src/core/locales). */
export const viewStrings = {
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
};

export type ViewStrings = typeof viewStrings;

declare module '../../core/localize.js' {
  interface UiStrings extends ViewStrings {}
}

registerDefaultStrings(viewStrings);
