/**
 * lesson-elements: every element, registered, plus the public helpers.
 * Importing this module defines all `lesson-*` tags (the CDN bundle's entry).
 */
export { LessonElement } from './core/lesson-element.js';
export { validateLesson, LessonSchema, FORMAT_VERSION, LIMITS } from './core/schema.js';
export type * from './core/schema.js';
export { loadLesson, clearLessonCache, LessonLoadError } from './core/load.js';
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
