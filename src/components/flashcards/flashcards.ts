import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { defineElement } from '../../core/define.js';
import {
  LessonAnswerEvent,
  LessonCompleteEvent,
  LessonFlipEvent,
  LessonProgressEvent,
  LessonReviewEvent,
} from '../../core/events.js';
import { LessonElement } from '../../core/lesson-element.js';
import type { UiStringKey } from '../../core/localize.js';
import { matchesAnswer, shuffle as shuffled } from '../../core/match.js';
import { plainText, richText } from '../../core/rich-text.js';
import type { Lesson } from '../../core/schema.js';
import { progressKey, type ProgressStore } from '../../core/storage.js';
import { baseStyles } from '../../core/styles.js';
import { buildDeck, toDeckSource, toDirection, type DeckItem, type DeckSource, type DirectionSetting } from './deck.js';
import { styles } from './flashcards.styles.js';
import {
  correctIcon,
  downloadIcon,
  hintIcon,
  incorrectIcon,
  nextIcon,
  previousIcon,
  restartIcon,
  shuffleIcon,
  soundIcon,
  turnIcon,
  undoIcon,
  uploadIcon,
} from './icons.js';
import {
  buildExport,
  decodeRecord,
  encodeRecord,
  MAX_IMPORT_BYTES,
  parseExport,
  progressParts,
  PROGRESS_NAMESPACE,
  type CardRecord,
  type ImportProblem,
  type ProgressExport,
} from './progress.js';
import { LeitnerScheduler, loadFsrsScheduler, type Memory, type Rating, type Scheduler, type SchedulerKind } from './scheduler.js';
import { relativeTime, StudySession, type SessionSummary } from './session.js';
import './strings.js';

export type FlashcardsMode = 'browse' | 'study' | 'type';

/** The id deck events report (`lesson-complete`, `lesson-progress`): the lesson section they belong to. */
const DECK_ID = 'flashcards';

const RATING_LABELS: Record<SchedulerKind, Partial<Record<Rating, UiStringKey>>> = {
  fsrs: { again: 'flashcardsAgain', hard: 'flashcardsHard', good: 'flashcardsGood', easy: 'flashcardsEasy' },
  leitner: { again: 'flashcardsNotYet', good: 'flashcardsGotIt' },
};

const IMPORT_MESSAGES: Record<ImportProblem, UiStringKey> = {
  invalid: 'flashcardsImportInvalid',
  'other-lesson': 'flashcardsImportOtherLesson',
  newer: 'flashcardsImportNewer',
  empty: 'flashcardsImportEmpty',
};

/** A swipe is a mostly horizontal move of at least this many CSS pixels. */
const SWIPE_DISTANCE = 40;

/**
 * A deck of flashcards: flip through it, study it with spaced repetition
 * (FSRS, or Leitner boxes), or type the answers. Progress is saved per card
 * and direction, so a reload resumes where the learner left off.
 *
 * @summary Flashcards with a flip that screen readers follow, FSRS scheduling and saved progress.
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart error - The error view (unknown card id, invalid lesson).
 * @csspart error-messages - The list of error messages.
 * @csspart retry - The error view's "Try again" button.
 * @csspart loading - The view shown while the lesson loads.
 * @csspart notice - The notice shown when progress cannot be saved.
 * @csspart deck - The deck: status, card, controls and tools.
 * @csspart status - "Card 3 of 12", or what is left to study.
 * @csspart card - The card (both faces).
 * @csspart face - Each face of the card.
 * @csspart front - The face with the question.
 * @csspart back - The face with the answer.
 * @csspart question - The question text.
 * @csspart answer - The answer text.
 * @csspart recap - The question repeated, small, on the back.
 * @csspart image - The card's image.
 * @csspart hint-button - The button that shows or hides the hint.
 * @csspart hint - The hint.
 * @csspart audio-button - A face's "Listen" button.
 * @csspart flip-button - The button that turns the card.
 * @csspart controls - The row under the card: previous/next, or undo.
 * @csspart previous-button - Browse: the previous card.
 * @csspart next-button - Browse: the next card; type: the next question.
 * @csspart grades - Study: the group of grade buttons.
 * @csspart grade-button - Study: each grade button (also `grade-again`, `grade-hard`, `grade-good`, `grade-easy`).
 * @csspart interval - Study: when the card comes back after that grade.
 * @csspart undo-button - Study: takes the last grade back.
 * @csspart answer-form - Type: the answer form.
 * @csspart answer-input - Type: the answer field.
 * @csspart check-button - Type: the "Check" button.
 * @csspart verdict - Type: right or wrong, on the back.
 * @csspart summary - The end of a study session or typing practice.
 * @csspart retry-missed-button - Type: practises again only the cards answered wrong.
 * @csspart tools - The row of deck tools (shuffle, start over, saved progress).
 * @csspart shuffle-button - Shuffles the cards.
 * @csspart restart-button - Starts over (a new session in study mode).
 * @csspart progress-tools - Study: the "Saved progress" disclosure with export and import.
 * @csspart export-button - Downloads saved progress as a JSON file.
 * @csspart import-button - Reads a progress file.
 * @csspart import-message - What the import did, or why it failed.
 * @csspart study-error - Study could not start (the scheduler did not load).
 * @csspart link - Links inside card text.
 *
 * @cssprop --lesson-flashcards-min-height - The smallest height of a card.
 * @cssprop --lesson-flashcards-background - The card's background.
 * @cssprop --lesson-flashcards-border-color - The card's border colour.
 * @cssprop --lesson-flashcards-radius - The card's corner radius.
 * @cssprop --lesson-flashcards-shadow - The card's shadow.
 * @cssprop --lesson-flashcards-font-size - The size of question and answer text.
 * @cssprop --lesson-flashcards-duration - How long the card takes to turn (or crossfade, with reduced motion).
 * @cssprop --lesson-flashcards-right-color - The colour of a right answer.
 * @cssprop --lesson-flashcards-wrong-color - The colour of a wrong answer.
 *
 * @fires lesson-flip - The card was turned: `{ cardId, face: 'front' | 'back' }`.
 * @fires lesson-review - Study: a card was graded: `{ cardId, direction, rating, due }` (`due` is an ISO date-time).
 * @fires lesson-answer - Type: an answer was checked: `{ id, response, correct }`.
 * @fires lesson-complete - A session ended (`{ id: 'flashcards', summary }`), typing practice ended (with `score`, `maxScore`), or every card was turned in browse mode.
 * @fires lesson-progress - Progress through the deck or session changed: `{ id: 'flashcards', progress }` (0 to 1).
 * @fires lesson-storage - Progress cannot be saved and is kept in memory: `{ reason }`.
 * @fires lesson-load - The lesson was loaded and the deck built.
 * @fires lesson-error - The lesson could not be loaded, or a card id is unknown.
 */
export class LessonFlashcards extends LessonElement {
  static override styles = [baseStyles, styles];

  /** `browse` (flip through the cards), `study` (spaced repetition) or `type` (type the answer). */
  @property({ reflect: true }) mode: FlashcardsMode = 'browse';

  /** Where the cards come from: the lesson's `flashcards`, its `glossary` (term → definition), or `both`. */
  @property() from: DeckSource = 'flashcards';

  /** `forward` (front → back), `reverse` (back → front) or `mixed` (both ways, each scheduled on its own). */
  @property() direction: DirectionSetting = 'forward';

  /** Study scheduler: `fsrs` (Again / Hard / Good / Easy) or `leitner` (five boxes; Not yet / Got it). */
  @property() scheduler: SchedulerKind = 'fsrs';

  /** Shows the cards in random order. */
  @property({ type: Boolean }) shuffle = false;

  /** Only these cards, in this order: card or glossary ids separated by spaces. */
  @property() cards = '';

  /** How many never-seen cards one study session introduces. */
  @property({ type: Number, attribute: 'new-limit' }) newLimit = 20;

  /** The level of the summary heading, 1 to 6. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** The clock scheduling reads. Tests and hosts may inject one. */
  @property({ attribute: false }) clock: () => Date = () => new Date();

  /** The random source of shuffling. Inject a seeded one for a repeatable order. */
  @property({ attribute: false }) random: () => number = Math.random;

  @state() private deck: DeckItem[] = [];
  /** Browse and type: the cards in the order shown. */
  @state() private queue: DeckItem[] = [];
  @state() private index = 0;
  @state() private flipped = false;
  @state() private hintOpen = false;
  @state() private session: StudySession<DeckItem, Memory> | undefined;
  @state() private studyState: 'loading' | 'ready' | 'failed' = 'loading';
  @state() private summary: SessionSummary | undefined;
  @state() private verdict: { correct: boolean; response: string } | undefined;
  @state() private importMessage: { text: string; error: boolean } | undefined;

  /** Type: right or wrong per item key. */
  private results = new Map<string, boolean>();
  /** Browse: items turned at least once. */
  private turned = new Set<string>();
  private browseCompleted = false;
  /** Saved records per item key (both schedulers' memories), loaded when study starts. */
  private records = new Map<string, CardRecord>();
  private activeScheduler: Scheduler<Memory> | undefined;
  private sessionSize = 0;
  /** Counts cards presented: keys the card's DOM, so a new card never animates the previous one's turn. */
  private shown = 0;
  private startGeneration = 0;
  private deckOptions = '';
  private modeOptions = '';
  private pendingFocus: string | undefined;
  private pointerStart: { x: number; y: number } | undefined;
  private swiped = false;
  private watchedStore: ProgressStore | undefined;
  private unwatchStore: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.session) this.watchStore();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatchStore?.();
    this.unwatchStore = this.watchedStore = undefined;
  }

  private get deckSignature(): string {
    return [this.from, this.direction, this.cards, this.shuffle].join('|');
  }

  private get modeSignature(): string {
    return [this.mode, this.scheduler, this.newLimit].join('|');
  }

  protected override lessonChanged(lesson: Lesson): void {
    this.deckOptions = this.deckSignature;
    const only = this.cards.split(/[\s,]+/).filter(Boolean);
    const { items, unknown } = buildDeck(lesson, {
      from: toDeckSource(this.from),
      direction: toDirection(this.direction),
      only,
      ...(this.shuffle ? { random: this.random } : {}),
    });
    if (unknown.length) {
      this.setLessonError({ kind: 'not-found', messages: unknown.map((id) => this.t('errorNotFound', { id })) });
      return;
    }
    const start = this.pick(items, this.fragment || undefined);
    if (!start) return;
    this.deck = items;
    this.queue = items;
    this.index = items.indexOf(start);
    this.resetProgress();
    this.enterMode();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!this.data) return;
    // New deck options rebuild the deck, and recover from an unknown card id once it is corrected.
    if (this.deckOptions !== this.deckSignature) this.reselect();
    else if (this.loadState === 'ready' && (this.modeOptions !== this.modeSignature || (changed.has('store') && this.session))) {
      this.enterMode();
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.pendingFocus) return;
    const target = this.renderRoot.querySelector<HTMLElement>(`[data-focus="${this.pendingFocus}"]`);
    target?.focus();
    // A study session may still be loading its scheduler: keep the wish until the card is there.
    if (target || this.mode !== 'study' || this.studyState !== 'loading') this.pendingFocus = undefined;
  }

  /** Moves focus after the next render, if the learner is working in the deck (never steals it from the page). */
  private focusLater(target: string, fromPointer = false) {
    if (fromPointer || this.matches(':focus-within')) this.pendingFocus = target;
  }

  private resetProgress() {
    this.results = new Map();
    this.turned = new Set();
    this.browseCompleted = false;
    this.verdict = undefined;
  }

  private enterMode() {
    this.modeOptions = this.modeSignature;
    this.showCard();
    this.summary = undefined;
    this.importMessage = undefined;
    if (this.mode === 'study') void this.startStudy();
    else this.session = undefined;
  }

  /** Shows the current card's front, as a fresh card. */
  private showCard() {
    this.flipped = false;
    this.hintOpen = false;
    this.verdict = undefined;
    this.shown++;
  }

  /** The card on screen. */
  private get current(): DeckItem | undefined {
    return this.mode === 'study' ? this.session?.current : this.queue[this.index];
  }

  // ------------------------------------------------------------ study

  private async startStudy() {
    const generation = ++this.startGeneration;
    this.studyState = 'loading';
    this.session = undefined;
    const now = () => this.clock();
    try {
      const scheduler = await this.createScheduler(this.scheduler === 'leitner' ? 'leitner' : 'fsrs', now);
      if (generation !== this.startGeneration || this.loadState !== 'ready') return;
      this.activeScheduler = scheduler;
      this.loadRecords();
      this.watchStore();
      const memories = new Map<string, Memory>();
      for (const item of this.deck) {
        const memory = scheduler.decode(this.records.get(item.key)?.[scheduler.kind]);
        if (memory) memories.set(item.key, memory);
      }
      this.session = new StudySession(this.deck, memories, scheduler, { now, newLimit: this.newLimit });
      const { due, new: fresh } = this.session.remaining;
      this.sessionSize = due + fresh;
      this.summary = undefined;
      this.studyState = 'ready';
      this.showCard();
      if (this.session.done) this.summary = this.session.summary();
    } catch (error) {
      if (generation !== this.startGeneration) return;
      console.error('<lesson-flashcards>: the scheduler could not be loaded', error);
      this.studyState = 'failed';
    }
  }

  /** Makes the scheduler of a study session. A subclass may override it to plug in its own `Scheduler`. */
  protected async createScheduler(kind: SchedulerKind, now: () => Date): Promise<Scheduler<Memory>> {
    return kind === 'leitner' ? new LeitnerScheduler(now) : loadFsrsScheduler(now);
  }

  private loadRecords() {
    this.records = new Map();
    for (const item of this.deck) {
      const record = decodeRecord(this.readProgress(...progressParts(item.id, item.direction)));
      if (record) this.records.set(item.key, record);
    }
  }

  private saveMemory(item: DeckItem, memory: Memory | undefined) {
    const kind = this.activeScheduler?.kind;
    if (!kind) return;
    const record = { ...this.records.get(item.key) };
    if (memory) record[kind] = memory;
    else delete record[kind];
    this.records.set(item.key, record);
    this.writeProgress(encodeRecord(record), ...progressParts(item.id, item.direction));
  }

  /** Listens for progress written elsewhere (another tab) and takes it in. */
  private watchStore() {
    const store = this.progressStore;
    if (store === this.watchedStore) return;
    this.unwatchStore?.();
    this.watchedStore = store;
    this.unwatchStore = store.subscribe?.((key) => this.takeOutsideChange(key));
  }

  private takeOutsideChange(key: string) {
    if (!this.data || !this.session || !this.activeScheduler) return;
    const prefix = `${progressKey(this.data.id, PROGRESS_NAMESPACE)}:`;
    if (!key.startsWith(prefix)) return;
    const [id, direction] = key.slice(prefix.length).split(':');
    const item = this.deck.find((candidate) => candidate.id === id && candidate.direction === direction);
    if (!item) return;
    const record = decodeRecord(this.readProgress(...progressParts(item.id, item.direction))) ?? {};
    this.records.set(item.key, record);
    const wasDone = this.session.done;
    this.session.setMemory(item.key, this.activeScheduler.decode(record[this.activeScheduler.kind]));
    if (wasDone && !this.session.done) {
      this.summary = undefined;
      this.showCard();
    }
    this.requestUpdate();
  }

  /** Study: grades the card on screen (after it was turned). Keys 1 to 4 do the same. */
  grade(rating: Rating): void {
    const session = this.session;
    const scheduler = this.activeScheduler;
    if (this.mode !== 'study' || !this.flipped || !session || !scheduler?.ratings.includes(rating)) return;
    const result = session.grade(rating);
    if (!result) return;
    this.saveMemory(result.item, result.memory);
    this.emit(
      new LessonReviewEvent({ cardId: result.item.id, direction: result.item.direction, rating, due: result.due.toISOString() }),
    );
    this.announce(this.t('flashcardsGraded', { rating: this.ratingLabel(rating), when: this.when(result.due) }));
    this.afterStudyStep();
  }

  /** Study: takes the last grade back and asks that card again. */
  undo(): void {
    const undone = this.session?.undo();
    if (!undone) return;
    this.saveMemory(undone.item, undone.memory);
    this.announce(this.t('flashcardsUndone'));
    this.afterStudyStep();
  }

  private afterStudyStep() {
    const session = this.session;
    if (!session) return;
    this.showCard();
    const { due, new: fresh } = session.remaining;
    const left = due + fresh;
    this.emit(new LessonProgressEvent({ id: DECK_ID, progress: this.sessionSize ? Math.max(0, 1 - left / this.sessionSize) : 1 }));
    if (session.done) {
      this.summary = session.summary();
      this.focusLater('summary');
      this.emit(new LessonCompleteEvent({ id: DECK_ID, summary: { mode: 'study', scheduler: this.activeScheduler?.kind, ...this.summary } }));
    } else {
      this.summary = undefined;
      this.focusLater('front');
    }
  }

  private ratingLabel(rating: Rating): string {
    const key = RATING_LABELS[this.activeScheduler?.kind ?? 'fsrs'][rating];
    return key ? this.t(key) : rating;
  }

  private when(date: Date, style?: Intl.RelativeTimeFormatStyle): string {
    return relativeTime(date, this.clock(), this.uiLang, style);
  }

  // ------------------------------------------------------------ browse and type

  /** Turns the card over (in type mode: checks the answer, which turns it). */
  flip(fromPointer = false): void {
    const item = this.current;
    if (!item) return;
    if (this.mode === 'type') {
      if (!this.verdict) this.check();
      return;
    }
    if (this.mode === 'study' && this.flipped) return;
    this.flipped = !this.flipped;
    this.focusLater(this.flipped ? 'back' : 'front', fromPointer);
    this.emit(new LessonFlipEvent({ cardId: item.id, face: this.flipped ? 'back' : 'front' }));
    if (this.mode === 'browse' && this.flipped) this.markTurned(item);
  }

  private markTurned(item: DeckItem) {
    if (this.turned.has(item.key)) return;
    this.turned.add(item.key);
    this.emit(new LessonProgressEvent({ id: DECK_ID, progress: this.turned.size / this.queue.length }));
    if (!this.browseCompleted && this.turned.size >= this.queue.length) {
      this.browseCompleted = true;
      this.emit(new LessonCompleteEvent({ id: DECK_ID, summary: { mode: 'browse', cards: this.queue.length } }));
    }
  }

  /** Browse: the next card (after the last comes the first). */
  next(): void {
    this.move(1);
  }

  /** Browse: the previous card. */
  previous(): void {
    this.move(-1);
  }

  private move(step: number, fromPointer = false) {
    if (this.mode !== 'browse' || !this.queue.length) return;
    const focusInCard = this.renderRoot.querySelector('.card')?.contains((this.renderRoot as ShadowRoot).activeElement);
    this.index = (this.index + step + this.queue.length) % this.queue.length;
    this.showCard();
    if (focusInCard) this.focusLater('front', fromPointer);
    this.announcePosition();
  }

  private announcePosition() {
    const item = this.current;
    if (!item) return;
    this.announce(
      `${this.t('flashcardsPosition', { current: this.index + 1, total: this.queue.length })}: ${plainText(item.question)}`,
    );
  }

  /** Puts the cards in a new random order (browse and type). */
  reshuffle(): void {
    if (this.mode === 'study') return;
    this.queue = shuffled(this.queue, this.random);
    this.index = 0;
    this.resetProgress();
    this.showCard();
    this.announce(this.t('flashcardsShuffled'));
  }

  /** Starts over: the first card (browse, type), or a new study session. */
  restart(): void {
    if (this.mode === 'study') {
      void this.startStudy();
      this.focusLater('front');
      return;
    }
    this.queue = this.deck;
    this.index = 0;
    this.resetProgress();
    this.showCard();
    this.focusLater('front');
    this.announcePosition();
  }

  /** Type: checks what was typed and turns the card. */
  private check() {
    const item = this.current;
    const input = this.renderRoot.querySelector<HTMLInputElement>('[part="answer-input"]');
    if (!item || !input) return;
    const response = input.value.trim();
    const correct = matchesAnswer(response, item.answer, item.accept);
    this.verdict = { correct, response };
    this.results.set(item.key, correct);
    this.flipped = true;
    this.focusLater('back');
    this.emit(new LessonFlipEvent({ cardId: item.id, face: 'back' }));
    this.emit(new LessonAnswerEvent({ id: item.id, response, correct }));
    this.emit(new LessonProgressEvent({ id: DECK_ID, progress: this.results.size / this.queue.length }));
    this.announce(
      correct ? this.t('correct') : `${this.t('incorrect')}. ${this.t('flashcardsAnswerWas', { answer: plainText(item.answer) })}`,
    );
  }

  /** Type: the next question, or the result after the last one. */
  private nextQuestion() {
    this.index++;
    this.showCard();
    if (this.index < this.queue.length) {
      this.focusLater('front');
      this.announce(this.t('flashcardsPosition', { current: this.index + 1, total: this.queue.length }));
      return;
    }
    const score = this.queue.filter((item) => this.results.get(item.key)).length;
    this.focusLater('summary');
    this.emit(
      new LessonCompleteEvent({ id: DECK_ID, score, maxScore: this.queue.length, summary: { mode: 'type', correct: score, total: this.queue.length } }),
    );
  }

  /** Type: practises only the cards answered wrong. */
  private retryMissed() {
    this.queue = this.queue.filter((item) => !this.results.get(item.key));
    this.index = 0;
    this.resetProgress();
    this.showCard();
    this.focusLater('front');
  }

  // ------------------------------------------------------------ progress file

  /** Saved study progress of this deck, as the export file's data. */
  exportProgress(): ProgressExport | undefined {
    if (!this.data) return undefined;
    if (!this.session) this.loadRecords();
    const records = this.deck.flatMap((item) => {
      const record = this.records.get(item.key);
      return record ? [{ id: item.id, direction: item.direction, record }] : [];
    });
    return buildExport(this.data.id, records, this.clock());
  }

  private download() {
    const data = this.exportProgress();
    if (!data) return;
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${data.lesson}-flashcards.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.announce(this.t('flashcardsExported'));
  }

  /** Reads a progress file made by "Export progress"; resolves to whether anything was imported. */
  async importProgress(file: Blob): Promise<boolean> {
    const lesson = this.data;
    if (!lesson) return false;
    const text = file.size > MAX_IMPORT_BYTES ? '' : await file.text();
    const result = parseExport(text, lesson.id, new Set(this.deck.map((item) => item.id)));
    if (!result.ok) {
      this.importMessage = { error: true, text: this.t(IMPORT_MESSAGES[result.problem], { lesson: result.lesson ?? '' }) };
      return false;
    }
    for (const { id, direction, record } of result.records) {
      this.records.set(`${id}:${direction}`, record);
      this.writeProgress(encodeRecord(record), ...progressParts(id, direction));
    }
    const done = this.t('flashcardsImported', { count: result.records.length });
    this.announce(done);
    if (this.mode === 'study') await this.startStudy();
    this.importMessage = { error: false, text: done };
    return true;
  }

  private async onFileChosen(event: Event) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) await this.importProgress(file);
  }

  // ------------------------------------------------------------ input

  private onKeydown(event: KeyboardEvent) {
    if (event.defaultPrevented || event.altKey) return;
    const target = event.composedPath()[0] as HTMLElement;
    if (target.closest('input, textarea, select')) return;
    const command = event.ctrlKey || event.metaKey;
    if (command) {
      if (event.key.toLowerCase() === 'z' && this.session?.canUndo) {
        event.preventDefault();
        this.undo();
      }
      return;
    }
    const onControl = Boolean(target.closest('button, a, summary'));
    const rtl = this.uiDir === 'rtl';
    switch (event.key) {
      case ' ':
      case 'Enter':
        if (onControl) return;
        this.flip();
        break;
      case 'ArrowRight':
      case 'ArrowLeft':
        if (this.mode !== 'browse') return;
        this.move((event.key === 'ArrowRight') !== rtl ? 1 : -1);
        break;
      default: {
        const rating = /^[1-4]$/.test(event.key) ? this.activeScheduler?.ratings[Number(event.key) - 1] : undefined;
        if (!rating || this.mode !== 'study' || !this.flipped) return;
        this.grade(rating);
      }
    }
    event.preventDefault();
  }

  private onPointerDown(event: PointerEvent) {
    this.pointerStart = event.isPrimary ? { x: event.clientX, y: event.clientY } : undefined;
    // A touch swipe ends without a click: forget the last swipe so the next tap turns the card.
    this.swiped = false;
  }

  private onPointerUp(event: PointerEvent) {
    const start = this.pointerStart;
    this.pointerStart = undefined;
    if (!start || this.mode !== 'browse') return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (Math.abs(dx) < SWIPE_DISTANCE || Math.abs(dx) < Math.abs(dy) * 1.5) return;
    // The click that follows the pointer-up is the end of the swipe, not a tap on the card.
    this.swiped = true;
    const forward = dx < 0 !== (this.uiDir === 'rtl');
    this.move(forward ? 1 : -1, true);
  }

  /** A tap on the card (not on one of its controls) turns it, as a physical card would. */
  private onCardClick(event: MouseEvent) {
    if (this.swiped) {
      this.swiped = false;
      return;
    }
    const target = event.composedPath()[0] as Element;
    if (this.mode === 'type' || target.closest?.('button, a, input, label, summary, form')) return;
    this.flip(true);
  }

  private play(face: 'question' | 'answer') {
    const audio = this.renderRoot.querySelector<HTMLAudioElement>(`audio[data-face="${face}"]`);
    if (!audio) return;
    this.renderRoot.querySelectorAll('audio').forEach((other) => other.pause());
    audio.currentTime = 0;
    audio.play().catch(() => this.announce(this.t('flashcardsAudioFailed')));
  }

  // ------------------------------------------------------------ rendering

  protected override renderLesson(lesson: Lesson) {
    let content: unknown;
    if (this.mode === 'study') content = this.renderStudy(lesson);
    else if (this.mode === 'type') content = this.renderType(lesson);
    else content = this.renderBrowse(lesson);
    return html`<section part="deck" class="deck" aria-label=${this.t('flashcardsDeck')} @keydown=${this.onKeydown}>
      ${content}
    </section>`;
  }

  private renderPosition() {
    return html`<p part="status" class="status">
      ${this.t('flashcardsPosition', { current: Math.min(this.index + 1, this.queue.length), total: this.queue.length })}
    </p>`;
  }

  private renderBrowse(lesson: Lesson) {
    const item = this.current;
    if (!item) return nothing;
    return html`${this.renderPosition()}
      ${this.renderCard(
        lesson,
        item,
        this.flipButton('front', this.t('showAnswer'), 'question'),
        nothing,
        this.flipButton('back', this.t('flashcardsShowQuestion'), 'answer'),
      )}
      <div part="controls" class="controls">
        <button part="previous-button" @click=${this.previous}>${previousIcon}${this.t('flashcardsPrevious')}</button>
        <button part="next-button" @click=${this.next}>${this.t('flashcardsNext')}${nextIcon}</button>
      </div>
      ${this.renderTools()}`;
  }

  private flipButton(face: 'front' | 'back', label: string, describedBy: string) {
    return html`<button part="flip-button" class=${face === 'front' ? 'primary' : ''} data-focus=${face}
      aria-describedby=${describedBy} @click=${() => this.flip()}>${turnIcon}${label}</button>`;
  }

  private renderStudy(lesson: Lesson) {
    if (this.studyState === 'failed') {
      return html`<div part="study-error" class="study-error" role="alert">
        <p>${this.t('flashcardsStudyFailed')}</p>
        <button @click=${() => void this.startStudy()}>${this.t('errorRetry')}</button>
      </div>`;
    }
    const session = this.session;
    if (this.studyState === 'loading' || !session) {
      return html`<p part="status" class="status" aria-busy="true">${this.t('flashcardsPreparing')}</p>`;
    }
    const item = session.current;
    if (this.summary || !item) return this.renderSummary(this.summary ?? session.summary());
    const { due, new: fresh } = session.remaining;
    return html`<p part="status" class="status">${this.t('flashcardsStudyStatus', { due, new: fresh })}</p>
      ${this.renderCard(lesson, item, this.flipButton('front', this.t('showAnswer'), 'question'), nothing, this.renderGrades(item))}
      <div part="controls" class="controls">${this.undoButton()}</div>
      ${this.renderTools()}`;
  }

  private undoButton() {
    return html`<button part="undo-button" ?disabled=${!this.session?.canUndo} @click=${this.undo}>
      ${undoIcon}${this.t('flashcardsUndo')}
    </button>`;
  }

  private renderGrades(item: DeckItem) {
    const scheduler = this.activeScheduler;
    if (!scheduler || !this.flipped) return nothing;
    const preview = scheduler.preview(this.session?.memoryOf(item.key));
    return html`<div part="grades" class="grades" role="group" aria-label=${this.t('flashcardsGradePrompt')}>
      ${scheduler.ratings.map((rating, index) => {
        const due = preview[rating];
        return html`<button part="grade-button grade-${rating}" class="grade grade-${rating}" data-rating=${rating}
          data-focus=${rating === 'good' ? 'back' : nothing}
          aria-describedby=${rating === 'good' ? `answer interval-${rating}` : `interval-${rating}`}
          aria-keyshortcuts=${index + 1} @click=${() => this.grade(rating)}>
          <span class="grade-label">${this.ratingLabel(rating)}</span>
          ${due ? html`<span part="interval" class="interval" id="interval-${rating}">${this.when(due, 'short')}</span>` : nothing}
        </button>`;
      })}
    </div>`;
  }

  private get level(): number {
    return Math.min(Math.max(Math.round(this.headingLevel) || 3, 1), 6);
  }

  private renderSummary(summary: SessionSummary) {
    const next = summary.nextDue ? new Date(summary.nextDue) : undefined;
    const again = this.ratingLabel('again');
    return html`<div part="summary" class="summary">
        <p class="summary-title" role="heading" aria-level=${this.level} tabindex="-1" data-focus="summary">
          ${summary.reviewed ? this.t('flashcardsSessionDone') : this.t('flashcardsNothingDue')}
        </p>
        <dl>
          <div><dt>${this.t('flashcardsReviewed')}</dt><dd>${summary.reviewed}</dd></div>
          <div><dt>${this.t('flashcardsAgainCount', { again })}</dt><dd>${summary.again}</dd></div>
          <div>
            <dt>${this.t('flashcardsNextDue')}</dt>
            <dd>${next ? html`<time datetime=${next.toISOString()}>${this.when(next)}</time>` : this.t('flashcardsNoneScheduled')}</dd>
          </div>
        </dl>
        ${summary.newRemaining ? html`<p>${this.t('flashcardsNewWaiting', { count: summary.newRemaining })}</p>` : nothing}
        <div class="actions">
          <button part="restart-button" class="primary" @click=${this.restart}>${restartIcon}${this.t('flashcardsNewSession')}</button>
          ${this.undoButton()}
        </div>
      </div>
      ${this.renderTools()}`;
  }

  private renderType(lesson: Lesson) {
    if (this.index >= this.queue.length) {
      const score = this.queue.filter((item) => this.results.get(item.key)).length;
      const missed = this.queue.length - score;
      return html`<div part="summary" class="summary">
          <p class="summary-title" role="heading" aria-level=${this.level} tabindex="-1" data-focus="summary">
            ${this.t('flashcardsPracticeDone')}
          </p>
          <p>${this.t('flashcardsTypeScore', { correct: score, total: this.queue.length })}</p>
          <div class="actions">
            ${missed
              ? html`<button part="retry-missed-button" class="primary" @click=${this.retryMissed}>
                  ${restartIcon}${this.t('flashcardsRetryMissed', { count: missed })}
                </button>`
              : nothing}
            <button part="restart-button" @click=${this.restart}>${restartIcon}${this.t('flashcardsRestart')}</button>
          </div>
        </div>`;
    }
    const item = this.current;
    if (!item) return nothing;
    const verdict = this.verdict;
    const form = html`<form part="answer-form" class="answer-form" @submit=${(event: Event) => (event.preventDefault(), this.check())}>
      <label for="answer-input">${this.t('flashcardsYourAnswer')}</label>
      <div class="answer-row">
        <input id="answer-input" part="answer-input" data-focus="front" lang=${lesson.lang} dir=${lesson.dir ?? 'auto'} autocomplete="off" autocapitalize="off"
          spellcheck="false" aria-describedby="question" />
        <button part="check-button" class="primary">${this.t('check')}</button>
      </div>
    </form>`;
    const verdictView = verdict
      ? html`<p part="verdict" class="verdict ${verdict.correct ? 'right' : 'wrong'}" id="verdict">
          ${verdict.correct ? correctIcon : incorrectIcon}
          <strong>${verdict.correct ? this.t('correct') : this.t('incorrect')}</strong>
          ${verdict.response
            ? html`<span class="response">${this.t('flashcardsYouWrote', { answer: verdict.response })}</span>`
            : nothing}
        </p>`
      : nothing;
    const nextButton = html`<button part="next-button" class="primary" data-focus="back" @click=${this.nextQuestion}>
      ${this.t('flashcardsNext')}${nextIcon}
    </button>`;
    return html`${this.renderPosition()} ${this.renderCard(lesson, item, form, verdictView, nextButton)} ${this.renderTools()}`;
  }

  private renderCard(lesson: Lesson, item: DeckItem, frontControl: unknown, backExtra: unknown, backControl: unknown) {
    const flipped = this.flipped;
    const image = item.image
      ? html`<img part="image" class="image" src=${this.resolveUrl(item.image.src)} alt=${item.image.alt} loading="lazy" />`
      : nothing;
    return keyed(
      `${item.key}#${this.shown}`,
      html`<div part="card" class="card ${flipped ? 'flipped' : ''}" @pointerdown=${this.onPointerDown}
        @pointerup=${this.onPointerUp} @pointercancel=${() => (this.pointerStart = undefined)} @click=${this.onCardClick}>
        <div class="inner">
          <div part="face front" class="face front" role="group" aria-label=${this.t('flashcardsQuestion')} ?inert=${flipped}>
            ${item.imageOn === 'question' ? image : nothing}
            <div part="question" class="text" id="question" lang=${lesson.lang} dir=${lesson.dir ?? 'auto'}>${richText(item.question)}</div>
            ${this.renderAudio(item.questionAudio, 'question')} ${this.renderHint(item)}
            <div class="actions">${frontControl}</div>
          </div>
          <div part="face back" class="face back" role="group" aria-label=${this.t('flashcardsAnswer')} ?inert=${!flipped}>
            <div part="recap" class="recap" lang=${lesson.lang} dir=${lesson.dir ?? 'auto'}>${richText(item.question)}</div>
            ${backExtra} ${item.imageOn === 'answer' ? image : nothing}
            <div part="answer" class="text" id="answer" lang=${lesson.lang} dir=${lesson.dir ?? 'auto'}>${richText(item.answer)}</div>
            ${this.renderAudio(item.answerAudio, 'answer')}
            <div class="actions">${backControl}</div>
          </div>
        </div>
      </div>`,
    );
  }

  private renderHint(item: DeckItem) {
    if (!item.hint) return nothing;
    return html`<div class="hint-area">
      <button part="hint-button" class="quiet" aria-expanded=${this.hintOpen} aria-controls="hint"
        @click=${() => (this.hintOpen = !this.hintOpen)}>${hintIcon}${this.t('flashcardsHint')}</button>
      <p part="hint" class="hint" id="hint" lang=${this.data?.lang ?? nothing} dir=${this.data?.dir ?? 'auto'} ?hidden=${!this.hintOpen}>${richText(item.hint)}</p>
    </div>`;
  }

  private renderAudio(src: string | undefined, face: 'question' | 'answer') {
    if (!src) return nothing;
    return html`<button part="audio-button" class="quiet" aria-describedby=${face} @click=${() => this.play(face)}>
        ${soundIcon}${this.t('flashcardsListen')}
      </button>
      <audio data-face=${face} preload="none" src=${this.resolveUrl(src)}></audio>`;
  }

  private renderTools(): TemplateResult {
    const study = this.mode === 'study';
    return html`<div part="tools" class="tools">
      ${study
        ? nothing
        : html`<button part="shuffle-button" class="quiet" @click=${this.reshuffle}>${shuffleIcon}${this.t('flashcardsShuffle')}</button>`}
      ${study && this.summary
        ? nothing
        : html`<button part="restart-button" class="quiet" @click=${this.restart}>
            ${restartIcon}${this.t(study ? 'flashcardsNewSession' : 'flashcardsRestart')}
          </button>`}
      ${study ? this.renderProgressTools() : nothing}
    </div>`;
  }

  private renderProgressTools() {
    const message = this.importMessage;
    return html`<details part="progress-tools" class="progress-tools" ?open=${Boolean(message)}>
      <summary>${this.t('flashcardsSavedProgress')}</summary>
      <div class="progress-actions">
        <button part="export-button" class="quiet" @click=${this.download}>${downloadIcon}${this.t('flashcardsExport')}</button>
        <button part="import-button" class="quiet" @click=${() => this.renderRoot.querySelector<HTMLInputElement>('.file')?.click()}>
          ${uploadIcon}${this.t('flashcardsImport')}
        </button>
        <input class="file" type="file" accept=".json,application/json" hidden @change=${this.onFileChosen} />
      </div>
      ${message?.error ? html`<p part="import-message" class="import-message error" role="alert">${message.text}</p>` : nothing}
      ${message && !message.error ? html`<p part="import-message" class="import-message">${message.text}</p>` : nothing}
    </details>`;
  }
}

defineElement('lesson-flashcards', LessonFlashcards);

declare global {
  interface HTMLElementTagNameMap {
    'lesson-flashcards': LessonFlashcards;
  }
}
