/**
 * lesson-elements: every element, registered, plus the public helpers.
 * Importing this module defines all `lesson-*` tags (the CDN bundle's entry).
 */
// First, so the page's lesson files download while the rest of the code runs.
import './core/early-fetch.js';

export { LessonDialogue } from './components/dialogue/dialogue.js';
export { LessonProsCons } from './components/pros-cons/pros-cons.js';
export { LessonFlashcards } from './components/flashcards/flashcards.js';
export { LessonMnemonic } from './components/mnemonic/mnemonic.js';
export { LessonTerm } from './components/glossary/term.js';
export { LessonGlossary } from './components/glossary/glossary.js';
export { LessonView } from './components/lesson-view/lesson-view.js';

export { LessonElement } from './core/lesson-element.js';
export { defineElement } from './core/define.js';
export { baseStyles } from './core/styles.js';
export { richText, plainText, renderBlocks } from './core/rich-text.js';
export { validateLesson, LessonSchema, FORMAT_VERSION, LIMITS } from './core/schema.js';
export type * from './core/schema.js';
export { loadLesson, clearLessonCache, setLoadTimeout, LessonLoadError } from './core/load.js';
export { registerTranslation } from './core/localize.js';
export type { UiStrings } from './core/localize.js';
export {
  BrowserProgressStore,
  MemoryProgressStore,
  getDefaultStore,
  setDefaultStore,
  progressKey,
} from './core/storage.js';
export type { ProgressStore } from './core/storage.js';
export * from './core/events.js';
export { lessonContext } from './core/context.js';
export type { LessonContextValue } from './core/context.js';
