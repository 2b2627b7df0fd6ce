import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { defineElement } from '../../core/define.js';
import { LessonAnswerEvent, LessonCompleteEvent, LessonProgressEvent } from '../../core/events.js';
import { LessonElement } from '../../core/lesson-element.js';
import type { UiStringKey } from '../../core/localize.js';
import { richText } from '../../core/rich-text.js';
import type { Lesson, MemoryAid, MemoryAidKind } from '../../core/schema.js';
import { baseStyles } from '../../core/styles.js';
import { fade, firstLetter, isStep, LAST_STEP, STEPS, tokenize, type Step, type WordComparison } from './fading.js';
import { styles } from './mnemonic.styles.js';
import {
  advance,
  checkTyped,
  paragraphs,
  parseRecord,
  practiceProgress,
  practiceScore,
  rate,
  recallTask,
  recordCheck,
  resumeStep,
  retryStep,
  reveal,
  startPractice,
  toRecord,
  visibleCue,
  type Check,
  type PracticeRecord,
  type PracticeState,
  type RecallItem,
  type RecallTask,
} from './practice.js';
import './strings.js';

/** How a learner checks what they recalled. */
export type MnemonicCheckBy = 'any' | 'typing' | 'rating';

const KIND_LABELS: Record<MemoryAidKind, UiStringKey> = {
  rhyme: 'mnemonicKindRhyme',
  story: 'mnemonicKindStory',
  'memory-tool': 'mnemonicKindMemoryTool',
  acronym: 'mnemonicKindAcronym',
};

const STEP_NAMES: Record<Step, UiStringKey> = {
  1: 'mnemonicStepFull',
  2: 'mnemonicStepFirstLetters',
  3: 'mnemonicStepBlanks',
};

/** A blank's width hints at the length of the word it hides, in three sizes (no inline styles: strict CSPs forbid them). */
const blankSize = (letters: number) => (letters <= 3 ? 'short' : letters <= 7 ? 'medium' : 'long');

const icon = (path: TemplateResult) =>
  html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${path}</svg>`;
const icons = {
  practice: svg`<path d="M21 12a9 9 0 1 1-3-6.7"/><path d="M21 4v5h-5"/>`,
  check: svg`<path d="M5 12.5l4.5 4.5L19 7"/>`,
  notYet: svg`<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>`,
  arrow: svg`<path d="M5 12h14M13 6l6 6-6 6"/>`,
  stop: svg`<path d="M6 6l12 12M18 6L6 18"/>`,
};

/**
 * Memory aids (rhymes, stories, memory tools, acronyms) that fade into recall
 * practice: full text, then the first letter of each word, then blanks.
 *
 * Shows every memory aid of the lesson as tabs, or one aid (`aid="mop"` or
 * `src="lesson.json#mop"`). Practice results are saved per aid, so a learner
 * sees when they last practised after a reload.
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

  /** The id of the element to focus after the next render. */
  private focusTarget: string | undefined;

  /** The clock used to date practice records; a test may replace it. */
  now: () => Date = () => new Date();

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
          ${this.renderAidBody(aid, this.headingLevelFor(0))}
        </div>`,
      )}`;
  }

  private renderAidBody(aid: MemoryAid, level: number) {
    const practice = this.practices.get(aid.id);
    if (practice) return this.renderPractice(aid, practice, level);
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
      try {
        date = new Intl.DateTimeFormat(this.uiLang, { dateStyle: 'medium' }).format(new Date(record.practisedAt));
      } catch {
        date = record.practisedAt.slice(0, 10);
      }
    }
    const text = this.t(date ? 'mnemonicLastPractised' : 'mnemonicLastPractisedUndated', {
      date,
      step: record.step,
      steps: LAST_STEP,
      result: this.t(record.remembered ? 'mnemonicResultRemembered' : 'mnemonicResultNotYet'),
    });
    return record.complete ? `${text} ${this.t('score', { score: record.score, max: record.maxScore })}` : text;
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

  // ---------------------------------------------------------------- practice view

  private renderPractice(aid: MemoryAid, practice: PracticeState, level: number) {
    const headingId = `practice-heading-${aid.id}`;
    const heading =
      practice.phase === 'done'
        ? this.t('mnemonicDone')
        : this.t('mnemonicStepHeading', { step: practice.step, steps: LAST_STEP, name: this.t(STEP_NAMES[practice.step]) });
    return html`<section class="practice" part="practice" aria-labelledby=${headingId}>
      <div class="practice-header">
        <div class="practice-heading" role="heading" aria-level=${level} id=${headingId} tabindex="-1">
          <span class="eyebrow">${this.t('mnemonicPracticeLabel')}</span><span class="visually-hidden">: </span>
          <span>${heading}</span>
        </div>
        ${practice.phase === 'done'
          ? nothing
          : html`<button class="stop" @click=${() => this.stopPractice(aid)}>${icon(icons.stop)}${this.t('mnemonicStop')}</button>`}
      </div>
      ${this.renderSteps(practice)}
      ${keyed(`${practice.step}-${practice.phase}`, html`<div class="practice-body fade-in">
        ${practice.phase === 'done' ? this.renderSummary(aid, practice) : this.renderStep(aid, practice)}
      </div>`)}
    </section>`;
  }

  private renderSteps(practice: PracticeState) {
    return html`<ol class="steps" part="steps">
      ${STEPS.map((step) => {
        const result = practice.results.find((entry) => entry.step === step);
        const current = practice.phase !== 'done' && step === practice.step;
        const status = result
          ? this.t(result.correct ? 'mnemonicResultRemembered' : 'mnemonicResultNotYet')
          : '';
        return html`<li class=${current ? 'current' : result ? 'finished' : ''} aria-current=${current ? 'step' : 'false'}>
          <span class="step-number" aria-hidden="true">${step}</span>
          <span class="step-name">${this.t(STEP_NAMES[step])}</span>
          ${status ? html`<span class="visually-hidden">: ${status}</span>` : nothing}
        </li>`;
      })}
    </ol>`;
  }

  private instructions(aid: MemoryAid, step: Step): string {
    if (aid.kind === 'acronym') return this.t(step === 1 ? 'mnemonicInstructionsFull' : step === 2 ? 'mnemonicInstructionsLetters' : 'mnemonicInstructionsAcronymBlanks');
    return this.t(step === 1 ? 'mnemonicInstructionsFull' : step === 2 ? 'mnemonicInstructionsFirstLetters' : 'mnemonicInstructionsBlanks');
  }

  private renderStep(aid: MemoryAid, practice: PracticeState) {
    const task = recallTask(aid);
    const { step, phase } = practice;
    const canType = this.checkBy !== 'rating';
    const canRate = this.checkBy !== 'typing';
    // Once the answer is visible (step 1, or after Show answer), the learner can rate; typing is only for recall.
    const textVisible = step === 1 || phase !== 'recall';
    return html`<p class="instructions">${this.instructions(aid, step)}</p>
      ${phase === 'checked' && practice.check
        ? this.renderFeedback(aid, task, practice)
        : html`
            <div class="cue" part="cue">${this.renderCue(aid, task, step)}</div>
            ${phase === 'revealed'
              ? html`<div class="answer" id=${`answer-${aid.id}`} tabindex="-1">
                  <p class="answer-label">${this.t('mnemonicAnswerLabel')}</p>
                  ${this.renderCue(aid, task, 1)}
                </div>`
              : nothing}
            ${canType && phase === 'recall' ? this.renderForm(aid, task, step, canRate) : nothing}
            ${canRate && textVisible ? this.renderRating(aid, step) : nothing}
            ${canRate && !canType && !textVisible
              ? html`<div class="buttons">${this.renderRevealButton(aid)}</div>`
              : nothing}
          `}`;
  }

  /** The text to recall from, faded to `step`. */
  private renderCue(aid: MemoryAid, task: RecallTask, step: Step) {
    if (aid.kind === 'acronym') {
      return html`<ol class="practice-letters" role="list" lang=${this.contentLang} dir=${this.contentDir}>
        ${task.items.map((item, index) => {
          const cue = visibleCue(item, step);
          return html`<li>
            <span class="practice-letter">${cue ?? html`<span class="blank short" part="blank" aria-hidden="true"></span>`}</span>
            ${step === 1
              ? html`<span class="practice-word">${item.text}</span>`
              : cue
                ? nothing
                : html`<span class="visually-hidden" lang=${this.uiLang}>${this.t('mnemonicHiddenWord', { n: index + 1 })}</span>`}
          </li>`;
        })}
      </ol>`;
    }
    if (task.fields === 'each') {
      return html`<dl class="pairs practice-pairs" lang=${this.contentLang} dir=${this.contentDir}>
        ${task.items.map(
          (item) => html`<div class="pair">
            <dt>${visibleCue(item, step)}</dt>
            <dd><span class="arrow">${icon(icons.arrow)}</span><span class="meaning-text">${this.renderFaded(item.text, step)}</span></dd>
          </div>`,
        )}
      </dl>`;
    }
    const lines = task.items.map((item) => html`<span class="line">${this.renderFaded(item.text, step)}</span>`);
    return this.renderLines(aid, lines);
  }

  /** Lines of a rhyme (verse) or paragraphs of a story (narrative), in practice. */
  private renderLines(aid: MemoryAid, lines: readonly unknown[]) {
    return aid.kind === 'rhyme'
      ? html`<p class="verse" lang=${this.contentLang} dir=${this.contentDir}>${lines}</p>`
      : html`<div class="narrative" lang=${this.contentLang} dir=${this.contentDir}>${lines.map((line) => html`<p>${line}</p>`)}</div>`;
  }

  /** One text faded to `step`: first letters with a blank for the rest, or blanks only. */
  private renderFaded(text: string, step: Step) {
    if (step === 1) return text;
    const tokens = fade(text, step, this.data?.lang);
    const visual = tokens.map((token) =>
      token.word
        ? html`<span class="faded-word">${token.shown}${token.hidden
            ? html`<span class="blank ${blankSize(token.hidden)}" part="blank"></span>`
            : nothing}</span>`
        : token.text,
    );
    if (step === 2) return visual;
    // Blanks and punctuation alone mean nothing read aloud: say how many words are hidden instead.
    const count = tokens.filter((token) => token.word).length;
    return html`<span aria-hidden="true">${visual}</span><span class="visually-hidden" lang=${this.uiLang}>${this.t('mnemonicHiddenWords', { count })}</span>`;
  }

  private fieldLabel(aid: MemoryAid, item: RecallItem, index: number, step: Step, total: number): string {
    if (aid.kind === 'acronym') {
      const cue = visibleCue(item, step);
      return cue ? this.t('mnemonicWordFor', { letter: cue }) : this.t('mnemonicWordNumber', { n: index + 1, total });
    }
    return this.t('mnemonicMeaningOf', { cue: item.cue ?? '' });
  }

  private renderForm(aid: MemoryAid, task: RecallTask, step: Step, canRate: boolean) {
    const fieldId = (index: number) => `answer-${aid.id}-${index}`;
    const fields =
      task.fields === 'whole'
        ? html`<div class="field">
            <label for=${fieldId(0)}>${this.t('mnemonicYourAnswer')}</label>
            <textarea
              id=${fieldId(0)}
              part="input"
              data-answer
              lang=${this.contentLang}
              dir="auto"
              rows=${Math.min(Math.max(task.items.length, 3), 8)}
              aria-describedby=${`answer-hint-${aid.id}`}
              autocomplete="off"
              spellcheck="false"
              @keydown=${this.onTextareaKeydown}
            ></textarea>
            <p class="hint" id=${`answer-hint-${aid.id}`}>${this.t('mnemonicSubmitHint')}</p>
          </div>`
        : html`<div class="fields">
            ${task.items.map(
              (item, index) => html`<div class="field">
                <label for=${fieldId(index)}>${this.fieldLabel(aid, item, index, step, task.items.length)}</label>
                <input
                  id=${fieldId(index)}
                  part="input"
                  data-answer
                  type="text"
                  lang=${this.contentLang}
                  dir="auto"
                  autocomplete="off"
                  spellcheck="false"
                />
              </div>`,
            )}
          </div>`;
    return html`<form class="recall-form" novalidate @submit=${(event: SubmitEvent) => this.onSubmit(event, aid)}>
      ${fields}
      <div class="buttons">
        <button type="submit" class="primary" part="check">${icon(icons.check)}${this.t('check')}</button>
        ${canRate && step !== 1 ? this.renderRevealButton(aid) : nothing}
      </div>
    </form>`;
  }

  private renderRevealButton(aid: MemoryAid) {
    return html`<button type="button" part="reveal" @click=${() => this.revealAnswer(aid)}>${this.t('showAnswer')}</button>`;
  }

  private renderRating(aid: MemoryAid, step: Step) {
    return html`<div class="rating" role="group" aria-label=${this.t('mnemonicRateLabel')}>
      <p class="rating-prompt">${this.t(step === 1 ? 'mnemonicRatePromptFull' : 'mnemonicRatePrompt')}</p>
      <div class="buttons">
        <button part="rating" id=${`remembered-${aid.id}`} @click=${() => this.submitRating(aid, true)}>
          ${icon(icons.check)}${this.t('mnemonicRemembered')}
        </button>
        <button part="rating" @click=${() => this.submitRating(aid, false)}>${icon(icons.notYet)}${this.t('mnemonicNotYet')}</button>
      </div>
    </div>`;
  }

  private renderFeedback(aid: MemoryAid, task: RecallTask, practice: PracticeState) {
    const check = practice.check!;
    const last = practice.step === LAST_STEP;
    return html`<div class="feedback ${check.correct ? 'success' : 'miss'}" part="feedback">
        <p class="result">
          ${icon(check.correct ? icons.check : icons.notYet)}
          <span>${this.resultText(check.method, check.correct, check.comparisons)}</span>
        </p>
        ${check.method === 'typed' ? this.renderMissedList(check.comparisons) : nothing}
        <div class="answer">
          <p class="answer-label">${this.t('mnemonicAnswerLabel')}</p>
          ${check.method === 'typed' ? this.renderMarked(aid, task, check.comparisons) : this.renderCue(aid, task, 1)}
        </div>
      </div>
      <div class="buttons">
        <button id=${`next-${aid.id}`} class="primary" part="next" @click=${() => this.nextStep(aid)}>
          ${last ? this.t('mnemonicFinish') : this.t('mnemonicNextStep')}${last ? nothing : icon(icons.arrow)}
        </button>
        <button @click=${() => this.retryPractice(aid)}>${this.t('retry')}</button>
      </div>`;
  }

  private resultText(method: 'typed' | 'rated', correct: boolean, comparisons: readonly WordComparison[]): string {
    if (method === 'rated') return this.t(correct ? 'mnemonicRatedRemembered' : 'mnemonicRatedNotYet');
    if (correct) return `${this.t('correct')}: ${this.t('mnemonicAllRecalled')}`;
    const recalled = comparisons.reduce((sum, comparison) => sum + comparison.recalled.filter(Boolean).length, 0);
    const total = comparisons.reduce((sum, comparison) => sum + comparison.expectedWords.length, 0);
    return `${this.t('incorrect')}: ${this.t('mnemonicWordsRecalled', { recalled, total })}`;
  }

  private renderMissedList(comparisons: readonly WordComparison[]) {
    const missed = comparisons.flatMap((comparison) => comparison.missed);
    const extra = comparisons.reduce((sum, comparison) => sum + comparison.extra, 0);
    return html`${missed.length ? html`<p class="missed-list">${this.t('mnemonicMissed', { words: missed.join(', ') })}</p>` : nothing}
    ${extra ? html`<p class="missed-list">${this.t('mnemonicExtraWords', { count: extra })}</p>` : nothing}`;
  }

  /** The full text, each word the learner missed marked (visibly and in words). */
  private renderMarked(aid: MemoryAid, task: RecallTask, comparisons: readonly WordComparison[]) {
    const mark = (text: string, comparison: WordComparison | undefined) => {
      let index = 0;
      return tokenize(text, this.data?.lang).map((token) => {
        if (!token.word) return token.text;
        const recalled = comparison?.recalled[index++] ?? false;
        return recalled
          ? token.text
          : html`<mark class="missed" part="missed">${token.text}<span class="visually-hidden" lang=${this.uiLang}> (${this.t('mnemonicMissedMark')})</span></mark>`;
      });
    };
    if (task.fields === 'whole') {
      // One comparison over the whole text: split its word marks back over the lines.
      const comparison = comparisons[0];
      let offset = 0;
      const lines = task.items.map((item) => {
        const count = tokenize(item.text, this.data?.lang).filter((token) => token.word).length;
        const slice = comparison && { ...comparison, recalled: comparison.recalled.slice(offset, offset + count) };
        offset += count;
        return html`<span class="line">${mark(item.text, slice)}</span>`;
      });
      return this.renderLines(aid, lines);
    }
    return html`<dl class="pairs practice-pairs" lang=${this.contentLang} dir=${this.contentDir}>
      ${task.items.map(
        (item, index) => html`<div class="pair">
          <dt>${item.cue}</dt>
          <dd><span class="arrow">${icon(icons.arrow)}</span><span class="meaning-text">${mark(item.text, comparisons[index])}</span></dd>
        </div>`,
      )}
    </dl>`;
  }

  private renderSummary(aid: MemoryAid, practice: PracticeState) {
    const { score, maxScore } = practiceScore(practice.results);
    return html`<div class="summary" part="summary">
        <p class="score">${this.t('score', { score, max: maxScore })}</p>
        <ol class="results">
          ${STEPS.map((step) => {
            const result = practice.results.find((entry) => entry.step === step);
            return html`<li>
              <span class="step-name">${this.t(STEP_NAMES[step])}</span>:
              ${result
                ? html`${icon(result.correct ? icons.check : icons.notYet)}${this.t(result.correct ? 'mnemonicResultRemembered' : 'mnemonicResultNotYet')}`
                : this.t('mnemonicResultSkipped')}
            </li>`;
          })}
        </ol>
        <p class="hint">${this.t('mnemonicComeBack')}</p>
      </div>
      <div class="buttons">
        <button id=${`again-${aid.id}`} class="primary" @click=${() => this.beginPractice(aid, 1, true, true)}>
          ${icon(icons.practice)}${this.t('mnemonicPractiseAgain')}
        </button>
        <button @click=${() => this.stopPractice(aid)}>${this.t('mnemonicBack')}</button>
      </div>`;
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
    if (focus) this.focusTarget = `practice-heading-${aid.id}`;
  }

  private stopPractice(aid: MemoryAid) {
    this.setPractice(aid, undefined);
    this.focusTarget = `practise-${aid.id}`;
  }

  private revealAnswer(aid: MemoryAid) {
    const practice = this.practices.get(aid.id);
    if (!practice) return;
    this.setPractice(aid, reveal(practice));
    this.announce(this.t('mnemonicAnswerShown'));
    this.focusTarget = `answer-${aid.id}`;
  }

  private onTextareaKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      (event.target as HTMLTextAreaElement).form?.requestSubmit();
    }
  };

  private onSubmit(event: SubmitEvent, aid: MemoryAid) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const fields = [...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-answer]')];
    const answers = fields.map((field) => field.value);
    if (answers.every((answer) => !answer.trim())) {
      this.announce(this.t('mnemonicEmptyAnswer'));
      fields[0]?.focus();
      return;
    }
    const practice = this.practices.get(aid.id);
    if (!practice) return;
    this.record(aid, practice, checkTyped(recallTask(aid), practice.step, answers, this.data?.lang));
  }

  private submitRating(aid: MemoryAid, remembered: boolean) {
    const practice = this.practices.get(aid.id);
    if (practice) this.record(aid, practice, rate(practice.step, remembered));
  }

  private record(aid: MemoryAid, practice: PracticeState, check: Check) {
    const next = recordCheck(practice, check);
    this.setPractice(aid, next);
    this.save(aid, next);
    this.emit(new LessonAnswerEvent({ id: aid.id, response: check.response, correct: check.correct, step: check.step }));
    this.emitProgress(aid, next);
    this.announce(this.resultText(check.method, check.correct, check.comparisons));
    this.focusTarget = `next-${aid.id}`;
  }

  private emitProgress(aid: MemoryAid, practice: PracticeState) {
    const { score, maxScore } = practiceScore(practice.results);
    const progress = practice.phase === 'done' ? 1 : practiceProgress(practice.results);
    this.emit(new LessonProgressEvent({ id: aid.id, progress, score: Math.round((score / maxScore) * 100) / 100 }));
  }

  private save(aid: MemoryAid, practice: PracticeState) {
    const record = toRecord(practice, this.now());
    if (!record) return;
    this.writeProgress(record, 'mnemonic', aid.id);
    this.records = new Map(this.records).set(aid.id, record);
  }

  private retryPractice(aid: MemoryAid) {
    const practice = this.practices.get(aid.id);
    if (!practice) return;
    this.setPractice(aid, retryStep(practice));
    this.focusTarget = `practice-heading-${aid.id}`;
  }

  private nextStep(aid: MemoryAid) {
    const practice = this.practices.get(aid.id);
    if (!practice) return;
    const next = advance(practice);
    this.setPractice(aid, next);
    this.focusTarget = `practice-heading-${aid.id}`;
    if (next.phase !== 'done') return;
    this.save(aid, next);
    const { score, maxScore } = practiceScore(next.results);
    this.emit(new LessonCompleteEvent({ id: aid.id, score, maxScore, summary: { results: next.results } }));
    this.emitProgress(aid, next);
    this.announce(`${this.t('mnemonicDone')}. ${this.t('score', { score, max: maxScore })}`);
  }
}

defineElement('lesson-mnemonic', LessonMnemonic);

declare global {
  interface HTMLElementTagNameMap {
    'lesson-mnemonic': LessonMnemonic;
  }
}
