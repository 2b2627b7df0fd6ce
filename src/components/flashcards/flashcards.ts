import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { defineElement } from '../../core/define.js';
import { LessonCompleteEvent, LessonFlipEvent, LessonProgressEvent } from '../../core/events.js';
import { LessonElement } from '../../core/lesson-element.js';
import type { UiStringKey } from '../../core/localize.js';
import { shuffle as shuffled } from '../../core/match.js';
import { plainText, richText } from '../../core/rich-text.js';
import type { Lesson } from '../../core/schema.js';
import { baseStyles } from '../../core/styles.js';
import { buildDeck, toDeckSource, toDirection, type DeckItem, type DeckSource, type DirectionSetting } from './deck.js';
import { styles } from './flashcards.styles.js';
import type { FlashcardsHost, FlashcardsMode } from './host.js';
import { hintIcon, nextIcon, previousIcon, restartIcon, shuffleIcon, soundIcon, turnIcon } from './icons.js';
import { buildExport, decodeRecord, progressParts, type CardRecord, type ProgressExport } from './progress.js';
import type { Memory, Rating, Scheduler, SchedulerKind } from './scheduler.js';
import type { StudyView } from './study-view.js';
import type * as TypeViewModule from './type-view.js';
import './strings.js';

export type { FlashcardsMode } from './host.js';

type TypeView = typeof TypeViewModule;

/** The id deck events report (`lesson-complete`, `lesson-progress`): the lesson section they belong to. */
const DECK_ID = 'flashcards';

/** A swipe is a mostly horizontal move of at least this many CSS pixels. */
const SWIPE_DISTANCE = 40;

const MODES = ['browse', 'study', 'type'] as const satisfies readonly FlashcardsMode[];
const MODE_LABELS = { browse: 'flashcardsModeBrowse', study: 'flashcardsModeStudy', type: 'flashcardsModeType' } as const satisfies Record<FlashcardsMode, UiStringKey>;
/** Where the learner's choice of mode is kept (next to the deck's progress). */
const MODE_KEY = 'flashcards-mode';

/**
 * A deck of flashcards: flip through it, study it with spaced repetition
 * (FSRS, or Leitner boxes), or type the answers. Progress is saved per card
 * and direction, so a reload resumes where the learner left off. Browse is
 * in the initial load; study and type load their code when first opened.
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
 * @csspart modes - The mode switch (when `modes` offers two or more).
 * @csspart mode-button - One mode of the switch; `aria-pressed` marks the current one.
 * @csspart restart-button - Starts over (a new session in study mode).
 * @csspart progress-tools - Study: the "Saved progress" disclosure with export and import.
 * @csspart export-button - Downloads saved progress as a JSON file.
 * @csspart import-button - Reads a progress file.
 * @csspart import-message - What the import did, or why it failed.
 * @csspart study-error - Study could not start (the scheduler or the study code did not load).
 * @csspart type-error - Type mode could not start (its code did not load).
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

  /**
   * The modes the learner may switch between, e.g. `browse study type` (spaces or commas). Two or more
   * show a mode switch above the deck, and the learner's choice is remembered with the lesson's progress.
   */
  @property() modes = '';

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
  /** Study: the session on screen (its code is loaded when study starts). */
  @state() private study: StudyView | undefined;
  @state() private studyState: 'loading' | 'ready' | 'failed' = 'loading';
  /** Type: the mode's code, once loaded; `failed` when it could not be. */
  @state() private typeView: TypeView | 'failed' | undefined;
  @state() private verdict: { correct: boolean; response: string } | undefined;
  @state() private importMessage: { text: string; error: boolean } | undefined;

  /** Type: right or wrong per item key. */
  private results = new Map<string, boolean>();
  /** Browse: items turned at least once. */
  private turned = new Set<string>();
  private browseCompleted = false;
  /** Counts cards presented: keys the card's DOM, so a new card never animates the previous one's turn. */
  private shown = 0;
  private startGeneration = 0;
  private deckOptions = '';
  private modeOptions = '';
  private pendingFocus: string | undefined;
  private pointerStart: { x: number; y: number } | undefined;
  private swiped = false;

  /** What the lazily loaded modes may use of this element (see host.ts). */
  private readonly host: FlashcardsHost = ((el: this) => ({
    get data() {
      return el.data;
    },
    get mode() {
      return el.mode;
    },
    get deck() {
      return el.deck;
    },
    get queue() {
      return el.queue;
    },
    set queue(value) {
      el.queue = value;
    },
    get index() {
      return el.index;
    },
    set index(value) {
      el.index = value;
    },
    get flipped() {
      return el.flipped;
    },
    set flipped(value) {
      el.flipped = value;
    },
    get verdict() {
      return el.verdict;
    },
    set verdict(value) {
      el.verdict = value;
    },
    get results() {
      return el.results;
    },
    get importMessage() {
      return el.importMessage;
    },
    set importMessage(value) {
      el.importMessage = value;
    },
    get newLimit() {
      return el.newLimit;
    },
    get clock() {
      return el.clock;
    },
    get uiLang() {
      return el.uiLang;
    },
    get level() {
      return el.level;
    },
    get progressStore() {
      return el.progressStore;
    },
    get renderRoot() {
      return el.renderRoot;
    },
    t: (key, params) => el.t(key, params),
    emit: (event) => el.emit(event),
    announce: (text) => el.announce(text),
    readProgress: (...parts) => el.readProgress(...parts),
    writeProgress: (value, ...parts) => el.writeProgress(value, ...parts),
    requestUpdate: () => el.requestUpdate(),
    createScheduler: () => el.createScheduler(el.scheduler === 'leitner' ? 'leitner' : 'fsrs', () => el.clock()),
    startStudy: () => el.startStudy(),
    restart: () => el.restart(),
    showCard: () => el.showCard(),
    resetProgress: () => el.resetProgress(),
    focusLater: (target) => el.focusLater(target),
    renderPosition: () => el.renderPosition(),
    renderCard: (...args) => el.renderCard(...args),
    flipButton: (...args) => el.flipButton(...args),
    renderTools: (...args) => el.renderTools(...args),
    exportProgress: () => el.exportProgress(),
  }))(this);

  override connectedCallback(): void {
    super.connectedCallback();
    this.study?.watch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.study?.unwatch();
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
    const remembered = this.offeredModes.length > 1 ? this.readProgress(MODE_KEY) : undefined;
    if (this.offeredModes.includes(remembered as FlashcardsMode)) this.mode = remembered as FlashcardsMode;
    this.enterMode();
  }

  /** The modes of the `modes` attribute that exist, in its order, each once. */
  private get offeredModes(): FlashcardsMode[] {
    const asked = this.modes.split(/[\s,]+/).filter((mode): mode is FlashcardsMode => (MODES as readonly string[]).includes(mode));
    return [...new Set(asked)];
  }

  private chooseMode(mode: FlashcardsMode) {
    if (mode === this.mode) return;
    this.mode = mode;
    this.writeProgress(mode, MODE_KEY);
    this.announce(this.t('flashcardsModeChosen', { mode: this.t(MODE_LABELS[mode]) }));
  }

  /** Browse, Study, Type: toggle buttons (one pressed), shown when `modes` offers two or more. */
  private renderModeSwitch() {
    const modes = this.offeredModes;
    if (modes.length < 2) return nothing;
    return html`<div part="modes" class="modes" role="group" aria-label=${this.t('flashcardsMode')}>
      ${modes.map(
        (mode) => html`<button part="mode-button" aria-pressed=${mode === this.mode ? 'true' : 'false'} @click=${() => this.chooseMode(mode)}>
          ${this.t(MODE_LABELS[mode])}
        </button>`,
      )}
    </div>`;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!this.data) return;
    // New deck options rebuild the deck, and recover from an unknown card id once it is corrected.
    if (this.deckOptions !== this.deckSignature) this.reselect();
    else if (this.loadState === 'ready' && (this.modeOptions !== this.modeSignature || (changed.has('store') && this.study))) {
      this.enterMode();
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.pendingFocus) return;
    const target = this.renderRoot.querySelector<HTMLElement>(`[data-focus="${this.pendingFocus}"]`);
    target?.focus();
    // A mode may still be loading its code: keep the wish until the card is there.
    const loading = this.mode === 'study' ? this.studyState === 'loading' : this.mode === 'type' && !this.typeView;
    if (target || !loading) this.pendingFocus = undefined;
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
    this.importMessage = undefined;
    if (this.mode === 'study') void this.startStudy();
    else this.stopStudy();
    if (this.mode === 'type') void this.loadTypeView();
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
    return this.mode === 'study' ? this.study?.current : this.queue[this.index];
  }

  // ------------------------------------------------------------ lazily loaded modes

  /** Study: loads the study code and the scheduler (both lazy chunks), then starts a session. */
  private async startStudy() {
    const generation = ++this.startGeneration;
    this.studyState = 'loading';
    this.stopStudy();
    try {
      const [{ StudyView }, scheduler] = await Promise.all([import('./study-view.js'), this.host.createScheduler()]);
      if (generation !== this.startGeneration || this.loadState !== 'ready') return;
      this.study = new StudyView(this.host, scheduler);
      this.studyState = 'ready';
      // A session with nothing to ask opens on its summary: focus waiting for a card (New session) goes there instead.
      if (this.study.summary && this.pendingFocus === 'front') this.pendingFocus = 'summary';
      this.showCard();
    } catch (error) {
      if (generation !== this.startGeneration) return;
      console.error('<lesson-flashcards>: the study session could not start', error);
      this.studyState = 'failed';
    }
  }

  private stopStudy() {
    this.study?.unwatch();
    this.study = undefined;
  }

  /** Type: loads the mode's code once; a failure shows an alert with a retry. */
  private async loadTypeView() {
    if (this.typeView && this.typeView !== 'failed') return;
    this.typeView = undefined;
    try {
      this.typeView = await import('./type-view.js');
    } catch (error) {
      console.error('<lesson-flashcards>: type mode could not be loaded', error);
      this.typeView = 'failed';
    }
  }

  /** Makes the scheduler of a study session. A subclass may override it to plug in its own `Scheduler`. */
  protected async createScheduler(kind: SchedulerKind, now: () => Date): Promise<Scheduler<Memory>> {
    const { LeitnerScheduler, loadFsrsScheduler } = await import('./scheduler.js');
    return kind === 'leitner' ? new LeitnerScheduler(now) : loadFsrsScheduler(now);
  }

  /** Study: grades the card on screen (after it was turned). Keys 1 to 4 do the same. */
  grade(rating: Rating): void {
    this.study?.grade(rating);
  }

  /** Study: takes the last grade back and asks that card again. */
  undo(): void {
    this.study?.undo();
  }

  // ------------------------------------------------------------ browse

  /** Turns the card over (in type mode: checks the answer, which turns it). */
  flip(fromPointer = false): void {
    const item = this.current;
    if (!item) return;
    if (this.mode === 'type') {
      if (!this.verdict && this.typeView && this.typeView !== 'failed') this.typeView.check(this.host);
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

  // ------------------------------------------------------------ progress file

  /** Saved study progress of this deck, as the export file's data. */
  exportProgress(): ProgressExport | undefined {
    if (!this.data) return undefined;
    const records = this.study?.records ?? this.readRecords();
    const saved = this.deck.flatMap((item) => {
      const record = records.get(item.key);
      return record ? [{ id: item.id, direction: item.direction, record }] : [];
    });
    return buildExport(this.data.id, saved, this.clock());
  }

  private readRecords() {
    const records = new Map<string, CardRecord>();
    for (const item of this.deck) {
      const record = decodeRecord(this.readProgress(...progressParts(item.id, item.direction)));
      if (record) records.set(item.key, record);
    }
    return records;
  }

  /** Reads a progress file made by "Export progress"; resolves to whether anything was imported. */
  async importProgress(file: Blob): Promise<boolean> {
    if (!this.data) return false;
    try {
      const { importProgress } = await import('./study-view.js');
      return await importProgress(this.host, file);
    } catch (error) {
      console.error('<lesson-flashcards>: progress could not be imported', error);
      return false;
    }
  }

  // ------------------------------------------------------------ input

  private onKeydown(event: KeyboardEvent) {
    if (event.defaultPrevented || event.altKey) return;
    const target = event.composedPath()[0] as HTMLElement;
    if (target.closest('input, textarea, select')) return;
    const command = event.ctrlKey || event.metaKey;
    if (command) {
      if (event.key.toLowerCase() === 'z' && this.study?.canUndo) {
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
        const rating = /^[1-4]$/.test(event.key) ? this.study?.scheduler.ratings[Number(event.key) - 1] : undefined;
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
      ${this.renderModeSwitch()} ${content}
    </section>`;
  }

  private get level(): number {
    return Math.min(Math.max(Math.round(this.headingLevel) || 3, 1), 6);
  }

  private renderStudy(lesson: Lesson) {
    if (this.studyState === 'failed') return this.renderFailure('study-error', 'flashcardsStudyFailed', () => void this.startStudy());
    if (this.studyState === 'loading' || !this.study) return this.renderPreparing();
    return this.study.render(lesson);
  }

  private renderType(lesson: Lesson) {
    const view = this.typeView;
    if (view === 'failed') return this.renderFailure('type-error', 'flashcardsTypeFailed', () => void this.loadTypeView());
    return view ? view.renderType(this.host, lesson) : this.renderPreparing();
  }

  /** While a mode loads its code. */
  private renderPreparing() {
    return html`<p part="status" class="status" aria-busy="true">${this.t('flashcardsPreparing')}</p>`;
  }

  /** A mode that could not load its code: an alert with a retry. */
  private renderFailure(part: string, message: UiStringKey, retry: () => void) {
    return html`<div part=${part} class="study-error" role="alert">
      <p>${this.t(message)}</p>
      <button @click=${retry}>${this.t('errorRetry')}</button>
    </div>`;
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

  private renderTools(progressTools: unknown = nothing, restart = true): TemplateResult {
    const study = this.mode === 'study';
    return html`<div part="tools" class="tools">
      ${study
        ? nothing
        : html`<button part="shuffle-button" class="quiet" @click=${this.reshuffle}>${shuffleIcon}${this.t('flashcardsShuffle')}</button>`}
      ${restart
        ? html`<button part="restart-button" class="quiet" @click=${this.restart}>
            ${restartIcon}${this.t(study ? 'flashcardsNewSession' : 'flashcardsRestart')}
          </button>`
        : nothing}
      ${progressTools}
    </div>`;
  }
}

defineElement('lesson-flashcards', LessonFlashcards);

declare global {
  interface HTMLElementTagNameMap {
    'lesson-flashcards': LessonFlashcards;
  }
}
