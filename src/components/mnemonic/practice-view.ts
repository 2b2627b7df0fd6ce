/**
 * The recall practice of `<lesson-mnemonic>`: the fading cues, the typed or
 * self-rated checks, word-by-word feedback and the summary. The element
 * loads this module with `import()` when a learner starts practice (or when
 * `practice` asks for it), so readers who only look at the aids never
 * download it.
 */
import { html, nothing, svg } from 'lit';
import { appendLazyStyles } from '../../core/lazy-styles.js';
import { keyed } from 'lit/directives/keyed.js';
import { LessonAnswerEvent, LessonCompleteEvent, LessonProgressEvent } from '../../core/events.js';
import type { UiStringKey } from '../../core/localize.js';
import type { MemoryAid } from '../../core/schema.js';
import { fade, tokenize, type WordComparison } from './fading.js';
import { icon, icons as aidIcons } from './icons.js';
import type { MnemonicCheckBy } from './mnemonic.js';
import {
  advance,
  checkTyped,
  practiceProgress,
  rate,
  recallTask,
  recordCheck,
  retryStep,
  reveal,
  toRecord,
  visibleCue,
  type Check,
  type PracticeState,
  type RecallItem,
  type RecallTask,
} from './practice.js';
import './practice-strings.js';
import { practiceStyles } from './practice.styles.js';
import { LAST_STEP, practiceScore, STEPS, type PracticeRecord, type Step } from './record.js';

/** What the practice view needs from the element. */
export interface PracticeHost {
  t(key: UiStringKey, params?: Record<string, string | number>): string;
  announce(text: string): void;
  emit(event: Event): void;
  /** The UI language (for text the element adds to lesson text). */
  uiLang(): string;
  /** The lesson's language and direction, to mark lesson text with. */
  contentLang(): string;
  contentDir(): 'ltr' | 'rtl' | 'auto';
  /** The lesson's language, if it names one: words are found in it. */
  lessonLang(): string | undefined;
  /** How the learner checks recall. */
  checkBy(): MnemonicCheckBy;
  practiceOf(aid: MemoryAid): PracticeState | undefined;
  setPractice(aid: MemoryAid, practice: PracticeState | undefined): void;
  /** Starts practice of `aid` again from `step` (Practise again). */
  beginPractice(aid: MemoryAid, step: Step, focus: boolean, fresh: boolean): void;
  /** Leaves practice, back to the aid. */
  stopPractice(aid: MemoryAid): void;
  /** Saves a practice record of `aid`. */
  saveRecord(aid: MemoryAid, record: PracticeRecord): void;
  /** Focuses the element with this id after the next render. */
  focusAfterUpdate(id: string): void;
  now(): Date;
}

const STEP_NAMES: Record<Step, UiStringKey> = {
  1: 'mnemonicStepFull',
  2: 'mnemonicStepFirstLetters',
  3: 'mnemonicStepBlanks',
};

const icons = {
  ...aidIcons,
  check: svg`<path d="M5 12.5l4.5 4.5L19 7"/>`,
  notYet: svg`<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>`,
  stop: svg`<path d="M6 6l12 12M18 6L6 18"/>`,
};

/** A blank's width hints at the length of the word it hides, in three sizes (no inline styles: strict CSPs forbid them). */
const blankSize = (letters: number) => (letters <= 3 ? 'short' : letters <= 7 ? 'medium' : 'long');

/** Adds the practice styles to the element's shadow root, after its own. */
export const adoptPracticeStyles = (root: ShadowRoot): void => appendLazyStyles(root, practiceStyles);

/** Renders and runs the practice of each aid of one element. */
export class PracticeView {
  constructor(private readonly host: PracticeHost) {}

  private t(key: UiStringKey, params?: Record<string, string | number>): string {
    return this.host.t(key, params);
  }

  // ---------------------------------------------------------------- rendering

  /** The practice section of `aid`, its heading at `level`. */
  render(aid: MemoryAid, practice: PracticeState, level: number) {
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
          : html`<button class="stop" @click=${() => this.host.stopPractice(aid)}>${icon(icons.stop)}${this.t('mnemonicStop')}</button>`}
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
    const canType = this.host.checkBy() !== 'rating';
    const canRate = this.host.checkBy() !== 'typing';
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
      return html`<ol class="practice-letters" role="list" lang=${this.host.contentLang()} dir=${this.host.contentDir()}>
        ${task.items.map((item, index) => {
          const cue = visibleCue(item, step);
          return html`<li>
            <span class="practice-letter">${cue ?? html`<span class="blank short" part="blank" aria-hidden="true"></span>`}</span>
            ${step === 1
              ? html`<span class="practice-word">${item.text}</span>`
              : cue
                ? nothing
                : html`<span class="visually-hidden" lang=${this.host.uiLang()}>${this.t('mnemonicHiddenWord', { n: index + 1 })}</span>`}
          </li>`;
        })}
      </ol>`;
    }
    if (task.fields === 'each') {
      return html`<dl class="pairs practice-pairs" lang=${this.host.contentLang()} dir=${this.host.contentDir()}>
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
      ? html`<p class="verse" lang=${this.host.contentLang()} dir=${this.host.contentDir()}>${lines}</p>`
      : html`<div class="narrative" lang=${this.host.contentLang()} dir=${this.host.contentDir()}>${lines.map((line) => html`<p>${line}</p>`)}</div>`;
  }

  /** One text faded to `step`: first letters with a blank for the rest, or blanks only. */
  private renderFaded(text: string, step: Step) {
    if (step === 1) return text;
    const tokens = fade(text, step, this.host.lessonLang());
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
    return html`<span aria-hidden="true">${visual}</span><span class="visually-hidden" lang=${this.host.uiLang()}>${this.t('mnemonicHiddenWords', { count })}</span>`;
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
              lang=${this.host.contentLang()}
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
                  lang=${this.host.contentLang()}
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
      return tokenize(text, this.host.lessonLang()).map((token) => {
        if (!token.word) return token.text;
        const recalled = comparison?.recalled[index++] ?? false;
        return recalled
          ? token.text
          : html`<mark class="missed" part="missed">${token.text}<span class="visually-hidden" lang=${this.host.uiLang()}> (${this.t('mnemonicMissedMark')})</span></mark>`;
      });
    };
    if (task.fields === 'whole') {
      // One comparison over the whole text: split its word marks back over the lines.
      const comparison = comparisons[0];
      let offset = 0;
      const lines = task.items.map((item) => {
        const count = tokenize(item.text, this.host.lessonLang()).filter((token) => token.word).length;
        const slice = comparison && { ...comparison, recalled: comparison.recalled.slice(offset, offset + count) };
        offset += count;
        return html`<span class="line">${mark(item.text, slice)}</span>`;
      });
      return this.renderLines(aid, lines);
    }
    return html`<dl class="pairs practice-pairs" lang=${this.host.contentLang()} dir=${this.host.contentDir()}>
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
        <button id=${`again-${aid.id}`} class="primary" @click=${() => this.host.beginPractice(aid, 1, true, true)}>
          ${icon(icons.practice)}${this.t('mnemonicPractiseAgain')}
        </button>
        <button @click=${() => this.host.stopPractice(aid)}>${this.t('mnemonicBack')}</button>
      </div>`;
  }

  // ---------------------------------------------------------------- behaviour

  private revealAnswer(aid: MemoryAid) {
    const practice = this.host.practiceOf(aid);
    if (!practice) return;
    this.host.setPractice(aid, reveal(practice));
    this.host.announce(this.t('mnemonicAnswerShown'));
    this.host.focusAfterUpdate(`answer-${aid.id}`);
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
      this.host.announce(this.t('mnemonicEmptyAnswer'));
      fields[0]?.focus();
      return;
    }
    const practice = this.host.practiceOf(aid);
    if (!practice) return;
    this.record(aid, practice, checkTyped(recallTask(aid), practice.step, answers, this.host.lessonLang()));
  }

  private submitRating(aid: MemoryAid, remembered: boolean) {
    const practice = this.host.practiceOf(aid);
    if (practice) this.record(aid, practice, rate(practice.step, remembered));
  }

  private record(aid: MemoryAid, practice: PracticeState, check: Check) {
    const next = recordCheck(practice, check);
    this.host.setPractice(aid, next);
    this.save(aid, next);
    this.host.emit(new LessonAnswerEvent({ id: aid.id, response: check.response, correct: check.correct, step: check.step }));
    this.emitProgress(aid, next);
    this.host.announce(this.resultText(check.method, check.correct, check.comparisons));
    this.host.focusAfterUpdate(`next-${aid.id}`);
  }

  private emitProgress(aid: MemoryAid, practice: PracticeState) {
    const { score, maxScore } = practiceScore(practice.results);
    const progress = practice.phase === 'done' ? 1 : practiceProgress(practice.results);
    this.host.emit(new LessonProgressEvent({ id: aid.id, progress, score: Math.round((score / maxScore) * 100) / 100 }));
  }

  private save(aid: MemoryAid, practice: PracticeState) {
    const record = toRecord(practice, this.host.now());
    if (!record) return;
    this.host.saveRecord(aid, record);
  }

  private retryPractice(aid: MemoryAid) {
    const practice = this.host.practiceOf(aid);
    if (!practice) return;
    this.host.setPractice(aid, retryStep(practice));
    this.host.focusAfterUpdate(`practice-heading-${aid.id}`);
  }

  private nextStep(aid: MemoryAid) {
    const practice = this.host.practiceOf(aid);
    if (!practice) return;
    const next = advance(practice);
    this.host.setPractice(aid, next);
    this.host.focusAfterUpdate(`practice-heading-${aid.id}`);
    if (next.phase !== 'done') return;
    this.save(aid, next);
    const { score, maxScore } = practiceScore(next.results);
    this.host.emit(new LessonCompleteEvent({ id: aid.id, score, maxScore, summary: { results: next.results } }));
    this.emitProgress(aid, next);
    this.host.announce(`${this.t('mnemonicDone')}. ${this.t('score', { score, max: maxScore })}`);
  }
}
