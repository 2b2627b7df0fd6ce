import { createContext } from '@lit/context';
import type { Lesson } from './schema.js';

/** What `<lesson-view>` and `<lesson-glossary>` hand down so children never fetch again. */
export interface LessonContextValue {
  /** The validated lesson. */
  lesson: Lesson;
  /** The URL relative media paths resolve against (the lesson file's). */
  baseUrl: string;
}

export const lessonContext = createContext<LessonContextValue | undefined>(Symbol('lesson-elements:lesson'));
