import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement } from '../../core/define.js';
import { LessonElement } from '../../core/lesson-element.js';
import type { UiStringKey } from '../../core/localize.js';
import { richText } from '../../core/rich-text.js';
import type { Lesson, MemoryAid, MemoryAidKind } from '../../core/schema.js';
import { baseStyles } from '../../core/styles.js';
import { icon, icons } from './icons.js';
import { styles } from './mnemonic.styles.js';
import type { PracticeState } from './practice.js';
import { cachedIntl } from '../../core/intl.js';
import type { PracticeHost, PracticeView } from './practice-view.js';
import { isStep, LAST_STEP, parseRecord, resumeStep, startPractice, type PracticeRecord, type Step } from './record.js';
import './strings.js';
import { firstLetter, paragraphs } from './text.js';

/** How a learner checks what they recalled. */
export type MnemonicCheckBy = 'any' | 'typing' | 'rating';

const KIND_LABELS: Record<MemoryAidKind, UiStringKey> = {
  rhyme: 'mnemonicKindRhyme',
  story: 'mnemonicKindStory',
  'memory-tool': 'mnemonicKindMemoryTool',
  acronym: 'mnemonicKindAcronym',
};

/**
 * Memory aids (rhymes, stories, memory tools, acronyms) that fade into recall
 * practice: full text, then the first letter of each word, then blanks.
 *
 * Shows every memory aid of the lesson as tabs, or one aid (`aid="mop"` or
 * `src="lesson.json#mop"`). Practice results are saved per aid, so a learner
 * sees when they last practised after a reload.
 *
 * The practice code is loaded the first time practice starts (or at once
 * with `practice`), from a module beside this one; `updateComplete` waits for it.
 *
 * @summary Memory aids with fading-cue recall practice.
 *
 * @csspart base - The wrapper of the element's content.
 * @csspart error - The error view (with `base`).
 * @csspart error-messages - The list of error messages.
 * @csspart retry - The error view's Try again button.
 * @csspart loading - The loading view (with `base`).
 * @csspart notice - The notice shown when progress cannot be saved.
 * @csspart tabs - The tab list of the set view.
 * @csspart tab - One tab; `tab selected` for the selected one.
 * @csspart kind - The visible kind label (Rhyme, Story, Memory tool, Acronym) in a tab or an aid header.
 * @csspart panel - One tab panel.
 * @csspart aid - The single-aid view.
 * @csspart heading - The aid title in the single-aid view.
 * @csspart verse - A rhyme's lines.
 * @csspart story - A story's card.
 * @csspart image - A story's image.
 * @csspart pairs - A memory tool's cue/meaning list.
 * @csspart acronym - An acronym's letters and words.
 * @csspart letter - One acronym letter button.
 * @csspart word - The word an acronym letter stands for.
 * @csspart show-all - The acronym's Show all / Hide all button.
 * @csspart meaning - An acronym's meaning, shown once every word is open.
 * @csspart practice-button - The button that starts (or resumes) practice.
 * @csspart last-practised - The line saying when the aid was last practised.
 * @csspart practice - The practice section.
 * @csspart steps - The step indicator.
 * @csspart cue - The faded text the learner recalls from.
 * @csspart blank - A hidden word or the hidden rest of a word.
 * @csspart input - An answer field.
 * @csspart check - The Check button.
 * @csspart reveal - The Show answer button.
 * @csspart rating - The "I remembered it" and "Not yet" buttons.
 * @csspart feedback - The result of a check.
 * @csspart missed - A word the learner did not recall.
 * @csspart next - The Next step / Finish button.
 * @csspart summary - The end-of-practice summary.
 *
 * @cssprop --lesson-mnemonic-gap - Space between the element's blocks.
 * @cssprop --lesson-mnemonic-card-background - Background of the aid card and practice area.
 * @cssprop --lesson-mnemonic-card-border - Border colour of the aid card and practice area.
 * @cssprop --lesson-mnemonic-accent - Colour of selected tabs, letters and the current step.
 * @cssprop --lesson-mnemonic-letter-size - Font size of acronym letters.
 * @cssprop --lesson-mnemonic-verse-font-style - Font style of rhyme lines.
 * @cssprop --lesson-mnemonic-recalled-color - Colour of a successful result.
 * @cssprop --lesson-mnemonic-missed-color - Colour of missed words and unsuccessful results.
 * @cssprop --lesson-mnemonic-blank-color - Colour of the blank lines that stand for hidden letters.
 *
 * @fires lesson-answer - A step was checked: `{ id, response, correct, step }` (`id` is the aid id).
 * @fires lesson-complete - A practice was finished: `{ id, score, maxScore, summary: { results } }`.
 * @fires lesson-progress - Practice progress changed: `{ id, progress, score }`.
 * @fires lesson-load - The lesson was loaded.
 * @fires lesson-error - The lesson could not be loaded, or has no such aid.
 * @fires lesson-storage - Progress cannot be saved and is kept in memory.
 */
export class LessonMnemonic extends LessonElement {
  static override styles = [baseStyles, styles];

  /** The id of one memory aid to show alone; without it (or a `src` fragment) every aid is shown as tabs. */
  @property() aid = '';

  /** The id of the aid whose tab is selected in the set view; the first aid when empty or unknown. */
  @property() selected = '';

  /** Starts recall practice of the shown aid as soon as the lesson is loaded. */
  @property({ type: Boolean }) practice = false;

  /** The fading step `practice` starts at: 1 full text, 2 first letters, 3 blanks. */
  @property({ attribute: 'start-step', type: Number }) startStep = 1;

  /** How the learner checks recall: `any` (type or rate), `typing` only, or `rating` ("I remembered it" / "Not yet") only. */
  @property({ attribute: 'check-by' }) checkBy: MnemonicCheckBy = 'any';

  /** The heading level of the aid title (single view) and of the practice section, 1 to 6. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  /** The aids shown: one, or the lesson's whole set. */
  @state() private aids: MemoryAid[] = [];
  @state() private single = false;
  /** Open acronym letters, per aid. */
  @state() private openLetters = new Map<string, ReadonlySet<number>>();
  /** Practices under way, per aid. */
  @state() private practices = new Map<string, PracticeState>();
  /** Saved practice records, per aid. */
  @state() private records = new Map<string, PracticeRecord | undefined>();

  /**
   * Only the selected tab's panel (and any with a practice under way) renders
   * its aid, so a lesson with a thousand aids does not build a thousand hidden
   * panels; printing shows every aid, so before the page prints they all render.
   */
  @state() private printing = false;

  /** The practice view, loaded with `import()` when practice first starts. */
  @state() private practiceView: PracticeView | undefined;
  @state() private practiceLoadFailed = false;
  /** The practice view on its way. */
  private practiceLoading: Promise<void> | undefined;

  /** The id of the element to focus after the next render. */
  private focusTarget: string | undefined;
  /** The id of the element to focus once the practice view has loaded. */
  private focusAfterLoad: string | undefined;

  /** The clock used to date practice records; a test may replace it. */
  now: () => Date = () => new Date();

  private printQuery: MediaQueryList | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // The print dialog fires beforeprint; print media emulated by devtools only changes the query.
    window.addEventListener('beforeprint', this.renderForPrint);
    this.printQuery ??= window.matchMedia('print');
    this.printQuery.addEventListener('change', this.renderForPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.renderForPrint);
    this.printQuery?.removeEventListener('change', this.renderForPrint);
  }

  /** Renders every panel now, synchronously, so the printout has them. */
  private readonly renderForPrint = () => {
    if (this.printing) return;
    this.printing = true;
    this.performUpdate();
  };

  protected override lessonChanged(lesson: Lesson): void {
    const id = this.aid || this.fragment || undefined;
    const picked = this.pick(lesson.memoryAids, id);
    this.single = Boolean(id);
    this.aids = id ? (picked ? [picked] : []) : (lesson.memoryAids ?? []);
    this.openLetters = new Map();
    this.practices = new Map();
    this.loadRecords();
    const current = this.currentAid;
    if (this.practice && current) this.beginPractice(current, this.clampStep(this.startStep), false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A new source: the base class has just run lessonChanged() (or will, once fetched).
    const reloaded = ['lesson', 'src', 'inheritedLesson'].some((key) => (changed as Map<PropertyKey, unknown>).has(key));
    if (reloaded) return;
    if (changed.has('aid') && changed.get('aid') !== undefined) {
      // Another aid: pick it again from the lesson (this also recovers from an unknown id).
      this.reselect();
      return;
    }
    if (!this.data || this.loadState !== 'ready') return;
    if (changed.has('store')) this.loadRecords();
    if (changed.has('practice') && changed.get('practice') !== undefined) {
      const current = this.currentAid;
      if (this.practice && current && !this.practices.has(current.id)) this.beginPractice(current, this.clampStep(this.startStep), false);
      if (!this.practice) this.practices = new Map();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusTarget) {
      const target = this.shadowRoot?.getElementById(this.focusTarget);
      this.focusTarget = undefined;
      target?.focus();
    }
  }

  private clampStep(value: number): Step {
    const step = Math.round(value);
    return isStep(step) ? step : step > LAST_STEP ? LAST_STEP : 1;
  }

  /** The aid shown: the single one, or the selected tab's. */
  private get currentAid(): MemoryAid | undefined {
    return this.aids.find((aid) => aid.id === this.selected) ?? this.aids[0];
  }

  private loadRecords() {
    this.records = new Map(this.aids.map((aid) => [aid.id, parseRecord(this.readProgress('mnemonic', aid.id))]));
  }

  private kindLabel(aid: MemoryAid): string {
    return this.t(KIND_LABELS[aid.kind]);
  }

  private titleOf(aid: MemoryAid): string {
    return aid.title ?? (aid.kind === 'acronym' ? aid.acronym : this.kindLabel(aid));
  }

  /** Lesson text is marked with the lesson's language (for speech) and direction (its own, or found from its letters). */
  private get contentLang(): string {
    return this.data?.lang ?? '';
  }

  private get contentDir(): 'ltr' | 'rtl' | 'auto' {
    return this.data?.dir ?? 'auto';
  }

  private headingLevelFor(offset: number): number {
    return Math.min(Math.max(Math.round(this.headingLevel) || 3, 1) + offset, 6);
  }

  // ---------------------------------------------------------------- rendering

  protected renderLesson(): unknown {
    if (this.single) {
      const aid = this.aids[0];
      if (!aid) return nothing;
      return html`<div class="aid" part="aid">
        <div class="aid-header" role="heading" aria-level=${this.headingLevelFor(0)} part="heading">
          <span class="kind" part="kind">${this.kindLabel(aid)}</span><span class="visually-hidden">: </span>
          <span class="title" lang=${this.contentLang} dir=${this.contentDir}>${this.titleOf(aid)}</span>
        </div>
        ${this.renderAidBody(aid, this.headingLevelFor(1))}
      </div>`;
    }
    const current = this.currentAid;
    return html`<div class="tabs" role="tablist" part="tabs" aria-label=${this.t('mnemonicLabel')} @keydown=${this.onTabKeydown}>
        ${this.aids.map((aid) => {
          const selected = aid === current;
          return html`<button
            role="tab"
            id=${`tab-${aid.id}`}
            class="tab"
            part=${selected ? 'tab selected' : 'tab'}
            aria-selected=${selected ? 'true' : 'false'}
            aria-controls=${`panel-${aid.id}`}
            tabindex=${selected ? 0 : -1}
            @click=${() => this.select(aid, false)}
          >
            <span class="kind" part="kind">${this.kindLabel(aid)}</span><span class="visually-hidden">: </span>
            <span class="title" lang=${this.contentLang} dir=${this.contentDir}>${this.titleOf(aid)}</span>
          </button>`;
        })}
      </div>
      ${this.aids.map(
        (aid) => html`<div
          role="tabpanel"
          id=${`panel-${aid.id}`}
          class="panel"
          part="panel"
          aria-labelledby=${`tab-${aid.id}`}
          tabindex="0"
          ?hidden=${aid !== current}
        >
          <p class="print-only">${this.kindLabel(aid)}: ${this.titleOf(aid)}</p>
          ${aid === current || this.printing || this.practices.has(aid.id) ? this.renderAidBody(aid, this.headingLevelFor(0)) : nothing}
        </div>`,
      )}`;
  }

  private renderAidBody(aid: MemoryAid, level: number) {
    const practice = this.practices.get(aid.id);
    if (practice) return this.practiceView ? this.practiceView.render(aid, practice, level) : this.renderPracticePending(aid);
    const record = this.records.get(aid.id);
    const resume = resumeStep(record);
    return html`<div class="presentation fade-in">${this.renderPresentation(aid)}</div>
      <div class="actions">
        <button
          id=${`practise-${aid.id}`}
          class="primary"
          part="practice-button"
          @click=${() => this.beginPractice(aid, resume ?? 1, true)}
        >
          ${icon(icons.practice)}${resume ? this.t('mnemonicResume', { step: resume }) : this.t('mnemonicPractise')}
        </button>
        ${resume
          ? html`<button @click=${() => this.beginPractice(aid, 1, true, true)}>${this.t('mnemonicStartOver')}</button>`
          : nothing}
      </div>
      ${record ? html`<p class="last-practised" part="last-practised">${this.lastPractisedText(record)}</p>` : nothing}`;
  }

  private lastPractisedText(record: PracticeRecord): string {
    let date = '';
    if (record.practisedAt) {
      const practised = new Date(record.practisedAt);
      date = Number.isNaN(practised.getTime())
        ? record.practisedAt.slice(0, 10)
        : cachedIntl('date', this.uiLang, (lang) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium' })).format(practised);
    }
    const text = this.t(date ? 'mnemonicLastPractised' : 'mnemonicLastPractisedUndated', {
      date,
      step: record.step,
      steps: LAST_STEP,
      result: this.t(record.remembered ? 'mnemonicResultRemembered' : 'mnemonicResultNotYet'),
    });
    return record.complete ? `${text} ${this.t('score', { score: record.score, max: record.maxScore })}` : text;
  }

  /** In place of the practice while its code loads, or when it could not be loaded. */
  private renderPracticePending(aid: MemoryAid) {
    const id = `practice-pending-${aid.id}`;
    if (!this.practiceLoadFailed) {
      return html`<p class="practice-pending" id=${id} tabindex="-1" role="status">${this.t('loading')}</p>`;
    }
    return html`<div class="practice-pending" id=${id} tabindex="-1">
      <p class="load-error" role="alert">${this.t('mnemonicPracticeLoadError')}</p>
      <div class="buttons">
        <button class="primary" id=${`practice-retry-${aid.id}`} @click=${() => this.retryPracticeView(aid)}>${this.t('retry')}</button>
        <button @click=${() => this.stopPractice(aid)}>${this.t('mnemonicStop')}</button>
      </div>
    </div>`;
  }

  private renderPresentation(aid: MemoryAid) {
    switch (aid.kind) {
      case 'rhyme':
        return html`<p class="verse" part="verse" lang=${this.contentLang} dir=${this.contentDir}>
          ${aid.lines.map((line) => html`<span class="line">${richText(line)}</span>`)}
        </p>`;
      case 'story':
        return html`<div class="story" part="story">
          ${aid.image
            ? html`<img part="image" src=${this.resolveUrl(aid.image.src)} alt=${aid.image.alt} loading="lazy" />`
            : nothing}
          <div class="narrative" lang=${this.contentLang} dir=${this.contentDir}>${paragraphs(aid.text).map((text) => html`<p>${richText(text)}</p>`)}</div>
        </div>`;
      case 'memory-tool':
        return html`${aid.text ? html`<p class="lead" lang=${this.contentLang} dir=${this.contentDir}>${richText(aid.text)}</p>` : nothing}
          <dl class="pairs" part="pairs" lang=${this.contentLang} dir=${this.contentDir}>
            ${aid.pairs.map(
              (pair) => html`<div class="pair">
                <dt>${pair.cue}</dt>
                <dd><span class="arrow">${icon(icons.arrow)}</span><span class="meaning-text">${pair.meaning}</span></dd>
              </div>`,
            )}
          </dl>`;
      case 'acronym':
        return this.renderAcronym(aid);
    }
  }

  private renderAcronym(aid: Extract<MemoryAid, { kind: 'acronym' }>) {
    const open = this.openLetters.get(aid.id) ?? new Set<number>();
    const allOpen = open.size === aid.letters.length;
    const wordId = (index: number) => `word-${aid.id}-${index}`;
    return html`<div class="acronym" part="acronym">
      <p class="instructions" id=${`letters-hint-${aid.id}`}>${this.t('mnemonicLettersHint')}</p>
      <ul class="letters" role="list" lang=${this.contentLang} dir=${this.contentDir}>
        ${aid.letters.map((entry, index) => {
          const expanded = open.has(index);
          return html`<li class="letter-item">
            <button
              class="letter"
              part="letter"
              aria-expanded=${expanded ? 'true' : 'false'}
              aria-controls=${wordId(index)}
              aria-describedby=${`letters-hint-${aid.id}`}
              @click=${() => this.toggleLetter(aid, index)}
            >
              ${entry.letter}
            </button>
            <span class="word fade-in" part="word" id=${wordId(index)} ?hidden=${!expanded}>${this.renderWord(entry.letter, entry.word)}</span>
          </li>`;
        })}
      </ul>
      <button
        class="show-all"
        part="show-all"
        aria-controls=${aid.letters.map((_, index) => wordId(index)).join(' ')}
        @click=${() => this.toggleAllLetters(aid)}
      >
        ${allOpen ? this.t('mnemonicHideAll') : this.t('mnemonicShowAll')}
      </button>
      ${allOpen && aid.meaning ? html`<p class="meaning fade-in" part="meaning" lang=${this.contentLang} dir=${this.contentDir}>${richText(aid.meaning)}</p>` : nothing}
    </div>`;
  }

  /** A word with the letter it is remembered by set apart, when the word starts with it. */
  private renderWord(letter: string, word: string) {
    const first = firstLetter(word);
    if (first && first.toLocaleLowerCase() === letter.toLocaleLowerCase()) {
      return html`<span class="initial">${first}</span>${word.slice(first.length)}`;
    }
    return word;
  }

  // ---------------------------------------------------------------- behaviour

  /** Selects the tab of `aid` in the set view. */
  private select(aid: MemoryAid, focus: boolean) {
    this.selected = aid.id;
    if (focus) this.focusTarget = `tab-${aid.id}`;
  }

  private onTabKeydown = (event: KeyboardEvent) => {
    const tabs = this.aids;
    const index = tabs.indexOf(this.currentAid!);
    const forward = this.uiDir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = this.uiDir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    let next: number;
    switch (event.key) {
      case forward:
        next = (index + 1) % tabs.length;
        break;
      case backward:
        next = (index - 1 + tabs.length) % tabs.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = tabs.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    this.select(tabs[next]!, true);
  };

  private setOpenLetters(aid: MemoryAid, open: ReadonlySet<number>) {
    this.openLetters = new Map(this.openLetters).set(aid.id, open);
  }

  private toggleLetter(aid: Extract<MemoryAid, { kind: 'acronym' }>, index: number) {
    const open = new Set(this.openLetters.get(aid.id));
    const entry = aid.letters[index]!;
    if (open.delete(index)) {
      this.announce(this.t('mnemonicLetterHidden', { letter: entry.letter }));
    } else {
      open.add(index);
      this.announce(this.t('mnemonicLetterShown', { letter: entry.letter, word: entry.word }));
    }
    this.setOpenLetters(aid, open);
  }

  private toggleAllLetters(aid: Extract<MemoryAid, { kind: 'acronym' }>) {
    const allOpen = (this.openLetters.get(aid.id)?.size ?? 0) === aid.letters.length;
    if (allOpen) {
      this.setOpenLetters(aid, new Set());
      this.announce(this.t('mnemonicAllHidden'));
      return;
    }
    this.setOpenLetters(aid, new Set(aid.letters.map((_, index) => index)));
    const words = aid.letters.map((entry) => this.t('mnemonicLetterShown', { letter: entry.letter, word: entry.word })).join(', ');
    this.announce(aid.meaning ? `${words}. ${aid.meaning}` : words);
  }

  private setPractice(aid: MemoryAid, practice: PracticeState | undefined) {
    const practices = new Map(this.practices);
    if (practice) practices.set(aid.id, practice);
    else practices.delete(aid.id);
    this.practices = practices;
  }

  /** Starts (or resumes) practice of `aid` at `step`; `focus` moves focus to the practice heading. */
  private beginPractice(aid: MemoryAid, step: Step, focus: boolean, fresh = false) {
    const record = fresh ? undefined : this.records.get(aid.id);
    this.setPractice(aid, startPractice(step, record && !record.complete ? record.results : []));
    if (focus) this.focusPractice(aid);
    this.loadPracticeView();
  }

  /** Focuses the practice heading of `aid`, or the loading message until the practice view is there. */
  private focusPractice(aid: MemoryAid) {
    const heading = `practice-heading-${aid.id}`;
    if (this.practiceView) {
      this.focusTarget = heading;
      return;
    }
    this.focusTarget = `practice-pending-${aid.id}`;
    this.focusAfterLoad = heading;
  }

  /** Loads the practice view once; a failure is shown in place of the practice, with Try again. */
  private loadPracticeView() {
    if (this.practiceView || this.practiceLoading) return;
    this.practiceLoadFailed = false;
    this.practiceLoading = this.whileLoading(
      import('./practice-view.js').then(
        (module) => {
          if (this.renderRoot instanceof ShadowRoot) module.adoptPracticeStyles(this.renderRoot);
          this.practiceView = new module.PracticeView(this.practiceHost);
          this.focusTarget = this.focusAfterLoad ?? this.focusTarget;
        },
        (error: unknown) => {
          console.error('<lesson-mnemonic>: the practice could not be loaded', error);
          this.practiceLoadFailed = true;
          if (this.focusAfterLoad) this.focusTarget = this.focusAfterLoad.replace('practice-heading-', 'practice-retry-');
        },
      ),
    ).finally(() => {
      this.practiceLoading = undefined;
      this.focusAfterLoad = undefined;
    });
  }

  private retryPracticeView(aid: MemoryAid) {
    this.focusPractice(aid);
    this.loadPracticeView();
  }

  /** What the practice view may use of the element. */
  private readonly practiceHost: PracticeHost = {
    t: (key, params) => this.t(key, params),
    announce: (text) => this.announce(text),
    emit: (event) => this.emit(event),
    uiLang: () => this.uiLang,
    contentLang: () => this.contentLang,
    contentDir: () => this.contentDir,
    lessonLang: () => this.data?.lang,
    checkBy: () => this.checkBy,
    practiceOf: (aid) => this.practices.get(aid.id),
    setPractice: (aid, practice) => this.setPractice(aid, practice),
    beginPractice: (aid, step, focus, fresh) => this.beginPractice(aid, step, focus, fresh),
    stopPractice: (aid) => this.stopPractice(aid),
    saveRecord: (aid, record) => {
      this.writeProgress(record, 'mnemonic', aid.id);
      this.records = new Map(this.records).set(aid.id, record);
    },
    focusAfterUpdate: (id) => {
      this.focusTarget = id;
    },
    now: () => this.now(),
  };

  private stopPractice(aid: MemoryAid) {
    this.setPractice(aid, undefined);
    this.focusTarget = `practise-${aid.id}`;
  }
}

defineElement('lesson-mnemonic', LessonMnemonic);

declare global {
  interface HTMLElementTagNameMap {
    'lesson-mnemonic': LessonMnemonic;
  }
}
