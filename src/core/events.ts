/**
 * Typed `lesson-*` events. Each bubbles and is composed, so a host page can
 * listen on any ancestor, across shadow roots, and TypeScript knows the detail.
 */

const init = { bubbles: true, composed: true } as const;

/** A lesson could not be loaded or is invalid. */
export interface LessonErrorDetail {
  /** What kind of failure: network, HTTP status, not JSON, timeout, invalid lesson, missing section. */
  kind: 'network' | 'http' | 'timeout' | 'parse' | 'invalid' | 'not-found';
  /** Human-readable messages; for an invalid lesson, one per validation error with its JSON path. */
  messages: string[];
  /** The URL that was loaded, when there was one. */
  url?: string;
  /** The HTTP status, for `kind: 'http'`. */
  status?: number;
}
export class LessonErrorEvent extends CustomEvent<LessonErrorDetail> {
  constructor(detail: LessonErrorDetail) {
    super('lesson-error', { ...init, detail });
  }
}

/** The lesson was loaded and validated; the element shows it. */
export class LessonLoadEvent extends CustomEvent<{ lessonId: string }> {
  constructor(lessonId: string) {
    super('lesson-load', { ...init, detail: { lessonId } });
  }
}

/** A dialogue line became current. */
export class LessonLineEvent extends CustomEvent<{ dialogueId: string; lineId: string; index: number }> {
  constructor(detail: { dialogueId: string; lineId: string; index: number }) {
    super('lesson-line', { ...init, detail });
  }
}

/** Playback (audio, speech or auto-advance) started. */
export class LessonPlayEvent extends CustomEvent<{ source: 'step' | 'audio' | 'speech' }> {
  constructor(source: 'step' | 'audio' | 'speech') {
    super('lesson-play', { ...init, detail: { source } });
  }
}

/** Playback paused. */
export class LessonPauseEvent extends CustomEvent<{ source: 'step' | 'audio' | 'speech' }> {
  constructor(source: 'step' | 'audio' | 'speech') {
    super('lesson-pause', { ...init, detail: { source } });
  }
}

/** A learner answered one practice item. */
export interface LessonAnswerDetail {
  /** The id of the item answered (a pros/cons statement, a memory aid, a card). */
  id: string;
  /** What the learner answered. */
  response: string;
  /** Whether it was right. */
  correct: boolean;
  /** Extra context, such as the fading step of a mnemonic practice. */
  step?: number;
}
export class LessonAnswerEvent extends CustomEvent<LessonAnswerDetail> {
  constructor(detail: LessonAnswerDetail) {
    super('lesson-answer', { ...init, detail });
  }
}

/** An element's main task is done (dialogue heard to the end, practice finished, deck session over). */
export interface LessonCompleteDetail {
  /** The id of what was completed (dialogue, group, aid, deck or lesson). */
  id: string;
  /** Scored practice: points earned. */
  score?: number;
  /** Scored practice: points possible. */
  maxScore?: number;
  /** Anything else an element reports, such as a deck's session summary. */
  summary?: Record<string, unknown>;
}
export class LessonCompleteEvent extends CustomEvent<LessonCompleteDetail> {
  constructor(detail: LessonCompleteDetail) {
    super('lesson-complete', { ...init, detail });
  }
}

/** A flashcard was turned. */
export class LessonFlipEvent extends CustomEvent<{ cardId: string; face: 'front' | 'back' }> {
  constructor(detail: { cardId: string; face: 'front' | 'back' }) {
    super('lesson-flip', { ...init, detail });
  }
}

/** A flashcard was graded in study mode. */
export interface LessonReviewDetail {
  cardId: string;
  direction: 'forward' | 'reverse';
  rating: 'again' | 'hard' | 'good' | 'easy';
  /** When the card is due next, as an ISO date-time. */
  due: string;
}
export class LessonReviewEvent extends CustomEvent<LessonReviewDetail> {
  constructor(detail: LessonReviewDetail) {
    super('lesson-review', { ...init, detail });
  }
}

/** Progress changed (reported by elements, aggregated by `<lesson-view>`). */
export interface LessonProgressDetail {
  /** The id of the section or item whose progress changed. */
  id: string;
  /** Completion between 0 and 1. */
  progress: number;
  /** For the whole lesson: scaled score between 0 and 1, when it has practice. */
  score?: number;
}
export class LessonProgressEvent extends CustomEvent<LessonProgressDetail> {
  constructor(detail: LessonProgressDetail) {
    super('lesson-progress', { ...init, detail });
  }
}

/** Saved progress could not be read or written, and the element fell back to memory. */
export class LessonStorageEvent extends CustomEvent<{ reason: string }> {
  constructor(reason: string) {
    super('lesson-storage', { ...init, detail: { reason } });
  }
}

/** A glossary term popover opened or closed. */
export class LessonTermEvent extends CustomEvent<{ termId: string; open: boolean }> {
  constructor(detail: { termId: string; open: boolean }) {
    super('lesson-term', { ...init, detail });
  }
}

/** An xAPI statement produced by `<lesson-view>`. */
export class LessonXapiEvent extends CustomEvent<{ statement: Record<string, unknown> }> {
  constructor(statement: Record<string, unknown>) {
    super('lesson-xapi', { ...init, detail: { statement } });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lesson-error': LessonErrorEvent;
    'lesson-load': LessonLoadEvent;
    'lesson-line': LessonLineEvent;
    'lesson-play': LessonPlayEvent;
    'lesson-pause': LessonPauseEvent;
    'lesson-answer': LessonAnswerEvent;
    'lesson-complete': LessonCompleteEvent;
    'lesson-flip': LessonFlipEvent;
    'lesson-review': LessonReviewEvent;
    'lesson-progress': LessonProgressEvent;
    'lesson-storage': LessonStorageEvent;
    'lesson-term': LessonTermEvent;
    'lesson-xapi': LessonXapiEvent;
  }
}
