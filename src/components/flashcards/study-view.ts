/**
 * Study mode of `<lesson-flashcards>`: one spaced-repetition session (grading,
 * undo, the summary), its saved progress, and the progress file's import.
 * Loaded with `import()` when study starts, so readers who only browse never
 * download it.
 */
import { html, nothing, svg } from 'lit';
import { LessonCompleteEvent, LessonProgressEvent, LessonReviewEvent } from '../../core/events.js';
import type { UiStringKey } from '../../core/localize.js';
import type { Lesson } from '../../core/schema.js';
import { progressKey, type ProgressStore } from '../../core/storage.js';
import type { DeckItem } from './deck.js';
import type { FlashcardsHost } from './host.js';
import { icon, restartIcon } from './icons.js';
import { adoptModeStyles } from './modes.styles.js';
import {
  decodeRecord,
  encodeRecord,
  MAX_IMPORT_BYTES,
  parseExport,
  progressParts,
  PROGRESS_NAMESPACE,
  type CardRecord,
  type ImportProblem,
} from './progress.js';
import type { Memory, Rating, Scheduler, SchedulerKind } from './scheduler.js';
import { relativeTime, StudySession, type SessionSummary } from './session.js';

const undoIcon = icon(svg`<path d="M9 14 4 9l5-5"></path><path d="M4 9h11a5 5 0 0 1 0 10h-4"></path>`, 'flip-rtl');
const downloadIcon = icon(svg`<path d="M12 3v12M7 10l5 5 5-5M5 21h14"></path>`);
const uploadIcon = icon(svg`<path d="M12 15V3M7 8l5-5 5 5M5 21h14"></path>`);

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

/** The saved records of a deck's items (both schedulers' memories), keyed by item key. */
export function readRecords(host: FlashcardsHost): Map<string, CardRecord> {
  const records = new Map<string, CardRecord>();
  for (const item of host.deck) {
    const record = decodeRecord(host.readProgress(...progressParts(item.id, item.direction)));
    if (record) records.set(item.key, record);
  }
  return records;
}

/** One study session on screen: the element keeps one while in study mode, and makes a new one per session. */
export class StudyView {
  readonly session: StudySession<DeckItem, Memory>;
  /** Saved records per item key, kept up to date as the learner grades. */
  readonly records: Map<string, CardRecord>;
  summary: SessionSummary | undefined;
  private readonly sessionSize: number;
  private watchedStore: ProgressStore | undefined;
  private unwatchStore: (() => void) | undefined;

  constructor(
    private readonly host: FlashcardsHost,
    readonly scheduler: Scheduler<Memory>,
  ) {
    adoptModeStyles(host.renderRoot);
    this.records = readRecords(host);
    this.watch();
    const memories = new Map<string, Memory>();
    for (const item of host.deck) {
      const memory = scheduler.decode(this.records.get(item.key)?.[scheduler.kind]);
      if (memory) memories.set(item.key, memory);
    }
    this.session = new StudySession(host.deck, memories, scheduler, { now: () => host.clock(), newLimit: host.newLimit });
    const { due, new: fresh } = this.session.remaining;
    this.sessionSize = due + fresh;
    if (this.session.done) this.summary = this.session.summary();
  }

  get current(): DeckItem | undefined {
    return this.session.current;
  }

  get canUndo(): boolean {
    return this.session.canUndo;
  }

  /** Listens for progress written elsewhere (another tab) and takes it in. */
  watch(): void {
    const store = this.host.progressStore;
    if (store === this.watchedStore) return;
    this.unwatch();
    this.watchedStore = store;
    this.unwatchStore = store.subscribe?.((key) => this.takeOutsideChange(key));
  }

  unwatch(): void {
    this.unwatchStore?.();
    this.unwatchStore = this.watchedStore = undefined;
  }

  private takeOutsideChange(key: string) {
    const { data, deck } = this.host;
    if (!data) return;
    const prefix = `${progressKey(data.id, PROGRESS_NAMESPACE)}:`;
    if (!key.startsWith(prefix)) return;
    const [id, direction] = key.slice(prefix.length).split(':');
    const item = deck.find((candidate) => candidate.id === id && candidate.direction === direction);
    if (!item) return;
    const record = decodeRecord(this.host.readProgress(...progressParts(item.id, item.direction))) ?? {};
    this.records.set(item.key, record);
    const wasDone = this.session.done;
    this.session.setMemory(item.key, this.scheduler.decode(record[this.scheduler.kind]));
    if (wasDone && !this.session.done) {
      this.summary = undefined;
      this.host.showCard();
    }
    this.host.requestUpdate();
  }

  private saveMemory(item: DeckItem, memory: Memory | undefined) {
    const kind = this.scheduler.kind;
    // Start from what is stored now: another deck on the page may have saved the other scheduler's memory of this card.
    const stored = decodeRecord(this.host.readProgress(...progressParts(item.id, item.direction)));
    const record = { ...(stored ?? this.records.get(item.key)) };
    if (memory) record[kind] = memory;
    else delete record[kind];
    this.records.set(item.key, record);
    this.host.writeProgress(encodeRecord(record), ...progressParts(item.id, item.direction));
  }

  /** Grades the card on screen (after it was turned). */
  grade(rating: Rating): void {
    const host = this.host;
    if (host.mode !== 'study' || !host.flipped || !this.scheduler.ratings.includes(rating)) return;
    const result = this.session.grade(rating);
    if (!result) return;
    this.saveMemory(result.item, result.memory);
    host.emit(new LessonReviewEvent({ cardId: result.item.id, direction: result.item.direction, rating, due: result.due.toISOString() }));
    host.announce(host.t('flashcardsGraded', { rating: this.ratingLabel(rating), when: this.when(result.due) }));
    this.afterStep();
  }

  /** Takes the last grade back and asks that card again. */
  undo(): void {
    const undone = this.session.undo();
    if (!undone) return;
    this.saveMemory(undone.item, undone.memory);
    this.host.announce(this.host.t('flashcardsUndone'));
    this.afterStep();
  }

  private afterStep() {
    const { host, session } = this;
    host.showCard();
    const { due, new: fresh } = session.remaining;
    const left = due + fresh;
    host.emit(new LessonProgressEvent({ id: DECK_ID, progress: this.sessionSize ? Math.max(0, 1 - left / this.sessionSize) : 1 }));
    if (session.done) {
      this.summary = session.summary();
      host.focusLater('summary');
      host.emit(new LessonCompleteEvent({ id: DECK_ID, summary: { mode: 'study', scheduler: this.scheduler.kind, ...this.summary } }));
    } else {
      this.summary = undefined;
      host.focusLater('front');
    }
    host.requestUpdate();
  }

  private ratingLabel(rating: Rating): string {
    const key = RATING_LABELS[this.scheduler.kind][rating];
    return key ? this.host.t(key) : rating;
  }

  private when(date: Date, style?: Intl.RelativeTimeFormatStyle): string {
    return relativeTime(date, this.host.clock(), this.host.uiLang, style);
  }

  // ------------------------------------------------------------ rendering

  render(lesson: Lesson): unknown {
    const { host, session } = this;
    const item = session.current;
    if (this.summary || !item) return this.renderSummary(this.summary ?? session.summary());
    const { due, new: fresh } = session.remaining;
    return html`<p part="status" class="status">${host.t('flashcardsStudyStatus', { due, new: fresh })}</p>
      ${host.renderCard(lesson, item, host.flipButton('front', host.t('showAnswer'), 'question'), nothing, this.renderGrades(item))}
      <div part="controls" class="controls">${this.undoButton()}</div>
      ${host.renderTools(this.renderProgressTools())}`;
  }

  private undoButton() {
    return html`<button part="undo-button" ?disabled=${!this.session.canUndo} @click=${() => this.undo()}>
      ${undoIcon}${this.host.t('flashcardsUndo')}
    </button>`;
  }

  private renderGrades(item: DeckItem) {
    const scheduler = this.scheduler;
    if (!this.host.flipped) return nothing;
    const preview = scheduler.preview(this.session.memoryOf(item.key));
    return html`<div part="grades" class="grades" role="group" aria-label=${this.host.t('flashcardsGradePrompt')}>
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

  private renderSummary(summary: SessionSummary) {
    const host = this.host;
    const next = summary.nextDue ? new Date(summary.nextDue) : undefined;
    const again = this.ratingLabel('again');
    return html`<div part="summary" class="summary">
        <p class="summary-title" role="heading" aria-level=${host.level} tabindex="-1" data-focus="summary">
          ${summary.reviewed ? host.t('flashcardsSessionDone') : host.t('flashcardsNothingDue')}
        </p>
        <dl>
          <div><dt>${host.t('flashcardsReviewed')}</dt><dd>${summary.reviewed}</dd></div>
          <div><dt>${host.t('flashcardsAgainCount', { again })}</dt><dd>${summary.again}</dd></div>
          <div>
            <dt>${host.t('flashcardsNextDue')}</dt>
            <dd>${next ? html`<time datetime=${next.toISOString()}>${this.when(next)}</time>` : host.t('flashcardsNoneScheduled')}</dd>
          </div>
        </dl>
        ${summary.newRemaining ? html`<p>${host.t('flashcardsNewWaiting', { count: summary.newRemaining })}</p>` : nothing}
        <div class="actions">
          <button part="restart-button" class="primary" @click=${() => host.restart()}>${restartIcon}${host.t('flashcardsNewSession')}</button>
          ${this.undoButton()}
        </div>
      </div>
      ${host.renderTools(this.renderProgressTools(), false)}`;
  }

  private renderProgressTools() {
    const host = this.host;
    const message = host.importMessage;
    return html`<details part="progress-tools" class="progress-tools" ?open=${Boolean(message)}>
      <summary>${host.t('flashcardsSavedProgress')}</summary>
      <div class="progress-actions">
        <button part="export-button" class="quiet" @click=${() => download(host)}>${downloadIcon}${host.t('flashcardsExport')}</button>
        <button part="import-button" class="quiet" @click=${() => host.renderRoot.querySelector<HTMLInputElement>('.file')?.click()}>
          ${uploadIcon}${host.t('flashcardsImport')}
        </button>
        <input class="file" type="file" accept=".json,application/json" hidden @change=${(event: Event) => onFileChosen(host, event)} />
      </div>
      ${message?.error ? html`<p part="import-message" class="import-message error" role="alert">${message.text}</p>` : nothing}
      ${message && !message.error ? html`<p part="import-message" class="import-message">${message.text}</p>` : nothing}
    </details>`;
  }
}

// ------------------------------------------------------------ progress file

function download(host: FlashcardsHost) {
  const data = host.exportProgress();
  if (!data) return;
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${data.lesson}-flashcards.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  host.announce(host.t('flashcardsExported'));
}

/** Reads a progress file made by "Export progress"; resolves to whether anything was imported. */
export async function importProgress(host: FlashcardsHost, file: Blob): Promise<boolean> {
  const lesson = host.data;
  if (!lesson) return false;
  const text = file.size > MAX_IMPORT_BYTES ? '' : await file.text();
  const result = parseExport(text, lesson.id, new Set(host.deck.map((item) => item.id)));
  if (!result.ok) {
    host.importMessage = { error: true, text: host.t(IMPORT_MESSAGES[result.problem], { lesson: result.lesson ?? '' }) };
    return false;
  }
  for (const { id, direction, record } of result.records) host.writeProgress(encodeRecord(record), ...progressParts(id, direction));
  const done = host.t('flashcardsImported', { count: result.records.length });
  host.announce(done);
  if (host.mode === 'study') await host.startStudy();
  host.importMessage = { error: false, text: done };
  return true;
}

async function onFileChosen(host: FlashcardsHost, event: Event) {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  input.value = '';
  if (file) await importProgress(host, file);
}
