import { createContext } from '@lit/context';
import type { Lesson } from './schema.js';
import type { ProgressStore } from './storage.js';

/** What `<lesson-view>` and `<lesson-glossary>` hand down so children never fetch again. */
export interface LessonContextValue {
  /** The validated lesson. */
  lesson: Lesson;
  /** The URL relative media paths resolve against (the lesson file's). */
  baseUrl: string;
  /** The store the view was given: its children keep their progress there too (unless given their own). */
  store?: ProgressStore | undefined;
}

export const lessonContext = createContext<LessonContextValue | undefined>(Symbol('lesson-elements:lesson'));
