/**
 * What the lazily loaded modes (`study-view.ts`, `type-view.ts`) may use of
 * `<lesson-flashcards>`. The element builds this object once; the modes never
 * touch the element's private state any other way. Types only: importing this
 * file adds nothing to a bundle.
 */
import type { TemplateResult } from 'lit';
import type { UiStringKey } from '../../core/localize.js';
import type { Lesson } from '../../core/schema.js';
import type { ProgressStore } from '../../core/storage.js';
import type { DeckItem } from './deck.js';
import type { ProgressExport } from './progress.js';
import type { Memory, Scheduler } from './scheduler.js';

export type FlashcardsMode = 'browse' | 'study' | 'type';

export interface FlashcardsHost {
  readonly data: Lesson | undefined;
  readonly mode: FlashcardsMode;
  /** Every item of the deck, in lesson (or shuffled) order. */
  readonly deck: readonly DeckItem[];
  /** Browse and type: the items in the order shown, and the one on screen. */
  queue: DeckItem[];
  index: number;
  flipped: boolean;
  /** Type: what was answered for the card on screen. */
  verdict: { correct: boolean; response: string } | undefined;
  /** Type: right or wrong per item key. */
  readonly results: Map<string, boolean>;
  /** What the last progress import did, shown in study's "Saved progress". */
  importMessage: { text: string; error: boolean } | undefined;
  readonly newLimit: number;
  readonly clock: () => Date;
  readonly uiLang: string;
  /** The summary heading's level, 1 to 6. */
  readonly level: number;
  readonly progressStore: ProgressStore;
  readonly renderRoot: HTMLElement | DocumentFragment;

  t(key: UiStringKey, params?: Record<string, string | number>): string;
  emit(event: Event): void;
  announce(text: string): void;
  readProgress(...parts: string[]): unknown;
  writeProgress(value: unknown, ...parts: string[]): void;
  requestUpdate(): void;
  /** Makes the scheduler of a study session (the element's overridable `createScheduler`). */
  createScheduler(): Promise<Scheduler<Memory>>;
  /** Starts (or restarts) a study session. */
  startStudy(): Promise<void>;
  restart(): void;
  /** Shows the current card's front, as a fresh card. */
  showCard(): void;
  resetProgress(): void;
  /** Moves focus to `[data-focus=target]` after the next render, if the learner is working in the deck. */
  focusLater(target: string): void;
  renderPosition(): TemplateResult;
  renderCard(lesson: Lesson, item: DeckItem, frontControl: unknown, backExtra: unknown, backControl: unknown): unknown;
  flipButton(face: 'front' | 'back', label: string, describedBy: string): TemplateResult;
  /** The tools row; `progressTools` goes at its end, `restart: false` leaves out "Start over"/"New session". */
  renderTools(progressTools?: unknown, restart?: boolean): TemplateResult;
  /** Saved study progress of this deck, as the export file's data. */
  exportProgress(): ProgressExport | undefined;
}
