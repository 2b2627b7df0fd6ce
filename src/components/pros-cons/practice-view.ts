/**
 * The sort-it practice of `<lesson-pros-cons>`: its rendering, feedback,
 * score and review, on top of the state machine in `sort-practice.ts`.
 * Loaded with `import()` the first time a practice is shown (see
 * `practice-loader.ts`), so readers who only look at the cards never
 * download it. It reaches the element only through `PracticeHost`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { LessonAnswerEvent, LessonCompleteEvent, LessonProgressEvent } from '../../core/events.js';
import type { UiStringKey } from '../../core/localize.js';
import { plainText, richText } from '../../core/rich-text.js';
import type { ProsConsGroup } from '../../core/schema.js';
import { conIcon, proIcon } from './icons.js';
import './practice-strings.js';
export { styles } from './practice-view.styles.js';
import {
  advance,
  answer,
  choicesFor,
  currentStatement,
  isComplete,
  isLast,
  kindFor,
  lastAnswer,
  restart,
  scoreOf,
  startPractice,
  statementsOf,
  type PracticeState,
  type Statement,
} from './sort-practice.js';

const correctIcon = html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M20 6 9 17l-5-5"></path></svg>`;
const incorrectIcon = html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M18 6 6 18M6 6l12 12"></path></svg>`;
const nextIcon = html`<svg class="icon flip-rtl" viewBox="0 0 24 24" aria-hidden="true"><path d="M5 12h14M13 6l6 6-6 6"></path></svg>`;
const retryIcon = html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M3 12a9 9 0 1 0 3-6.7L3 8"></path><path d="M3 3v5h5"></path></svg>`;

/** What the practice uses of the element; each member reads the element's current value. */
export interface PracticeHost {
  /** The groups practised: one (sorted into pro and con) or several (sorted into subjects). */
  groups(): readonly ProsConsGroup[];
  /** The practice shown, and a new state to show. */
  state(): PracticeState | undefined;
  setState(state: PracticeState): void;
  /** The element's random source, in [0, 1). */
  random(): number;
  /** The id reported in events: the group's id, or the compared ids joined with "+". */
  id(): string;
  /** The heading level of the practice title. */
  level(): number;
  /** The `lang` to mark lesson text with, when it differs from the UI language. */
  textLang(): string | typeof nothing;
  t(key: UiStringKey, params?: Record<string, string | number>): string;
  /** "A and B", "A or B" in the UI language. */
  list(items: string[], type: 'conjunction' | 'disjunction'): string;
  emit(event: Event): void;
  announce(text: string): void;
  /** Focuses the first match of `selector` once the element has rendered. */
  focusAfterUpdate(selector: string): void;
}

/** A new, shuffled practice over the host's groups. */
export const start = (host: PracticeHost): PracticeState => {
  const groups = host.groups();
  return startPractice(kindFor(groups), statementsOf(groups), () => host.random());
};

function choiceLabel(host: PracticeHost, practice: PracticeState, response: string): string {
  if (practice.kind === 'side') return host.t(response === 'pro' ? 'prosConsPro' : 'prosConsCon');
  return host.groups().find((group) => group.id === response)?.subject ?? response;
}

/** "It is a con of Threading.": where a statement belongs, in words. */
const placement = (host: PracticeHost, statement: Statement): string =>
  host.t(statement.side === 'pro' ? 'prosConsIsPro' : 'prosConsIsCon', { subject: statement.subject });

/** The practice: title, then the statement being sorted, or the score and review once done. */
export function render(host: PracticeHost, practice: PracticeState): TemplateResult {
  const level = host.level();
  const subjects = host.groups().map((group) => group.subject);
  const title = host.t('prosConsPracticeTitle', {
    subject: practice.kind === 'side' ? subjects[0]! : host.list(subjects, 'conjunction'),
  });
  const instructions =
    practice.kind === 'side'
      ? host.t('prosConsInstructionsSides', { subject: subjects[0]! })
      : host.t('prosConsInstructionsSubjects', { subjects: host.list(subjects, 'disjunction') });
  return html`<section part="practice" class="practice" aria-labelledby="practice-title">
    <div part="practice-title" class="practice-title" role="heading" aria-level=${level} id="practice-title">${title}</div>
    ${practice.phase === 'done'
      ? renderResult(host, practice, level + 1)
      : html`<p part="instructions" class="instructions">${instructions}</p>
          ${renderStatement(host, practice)}`}
  </section>`;
}

function renderStatement(host: PracticeHost, practice: PracticeState): TemplateResult {
  const statement = currentStatement(practice)!;
  const given = lastAnswer(practice);
  const textLang = host.textLang();
  return html`<div class="statement-card">
    <p part="progress" class="progress" id="progress">
      ${host.t('prosConsProgress', { n: practice.index + 1, total: practice.statements.length })}
    </p>
    <p part="statement" class="statement" id="statement" lang=${textLang}>${richText(statement.text)}</p>
    ${given
      ? html`<div
            part="feedback ${given.correct ? 'feedback-correct' : 'feedback-incorrect'}"
            class="feedback ${given.correct ? 'correct' : 'incorrect'}"
          >
            <p class="verdict">
              ${given.correct ? correctIcon : incorrectIcon}<strong>${host.t(given.correct ? 'correct' : 'incorrect')}</strong>
              <span>${placement(host, statement)}</span>
            </p>
            ${statement.explanation ? html`<p class="reason" lang=${textLang}>${richText(statement.explanation)}</p>` : nothing}
          </div>
          <button part="next" class="primary next" @click=${() => next(host)}>
            <span>${host.t(isLast(practice) ? 'prosConsFinish' : 'prosConsNext')}</span>${nextIcon}
          </button>`
      : html`<div part="choices" class="choices" role="group" aria-labelledby="progress statement">
          ${choicesFor(practice.kind, host.groups()).map(
            (choice) => html`<button part="choice" class="choice" data-choice=${choice} @click=${() => sort(host, choice)}>
              ${practice.kind === 'side' ? (choice === 'pro' ? proIcon : conIcon) : nothing}<span
                lang=${practice.kind === 'subject' ? textLang : nothing}
                >${choiceLabel(host, practice, choice)}</span
              >
            </button>`,
          )}
        </div>`}
  </div>`;
}

function renderResult(host: PracticeHost, practice: PracticeState, level: number): TemplateResult {
  if (!practice.statements.length) return html`<p class="none">${host.t('prosConsNothingToSort')}</p>`;
  const { score, maxScore } = scoreOf(practice);
  return html`<div part="result" class="result">
    <div class="result-title" role="heading" aria-level=${Math.min(level, 6)} id="result-title" tabindex="-1">
      ${host.t('prosConsDone')}
    </div>
    <p part="score" class="score">${host.t('score', { score, max: maxScore })}</p>
    <div class="review-title" role="heading" aria-level=${Math.min(level + 1, 6)} id="review-title">${host.t('prosConsReview')}</div>
    <ol part="review" class="review" aria-labelledby="review-title">
      ${practice.answers.map(
        ({ statement, response, correct }) => html`<li class="review-item ${correct ? 'correct' : 'incorrect'}">
          ${correct ? correctIcon : incorrectIcon}
          <span class="item-body">
            <strong class="verdict-label">${host.t(correct ? 'correct' : 'incorrect')}<span class="visually-hidden">: </span></strong>
            <span class="item-text" lang=${host.textLang()}>${richText(statement.text)}</span>
            <span class="review-placement">${placement(host, statement)}</span>
            ${correct
              ? nothing
              : html`<span class="review-response">${host.t('prosConsYourAnswer', { answer: choiceLabel(host, practice, response) })}</span>`}
          </span>
        </li>`,
      )}
    </ol>
    <button part="practice-retry" class="primary" @click=${() => restartPractice(host)}>${retryIcon}<span>${host.t('retry')}</span></button>
  </div>`;
}

/** Sorts the current statement into `response` (`pro`, `con` or a group id). */
function sort(host: PracticeHost, response: string) {
  const current = host.state();
  if (!current) return;
  const practice = answer(current, response);
  const given = lastAnswer(practice);
  if (practice === current || !given) return;
  host.setState(practice);
  const id = host.id();
  const { score, maxScore } = scoreOf(practice);
  const complete = isComplete(practice);
  host.emit(new LessonAnswerEvent({ id: given.statement.id, response, correct: given.correct }));
  host.emit(
    new LessonProgressEvent({
      id,
      progress: practice.answers.length / maxScore,
      ...(complete ? { score: score / maxScore } : {}),
    }),
  );
  if (complete) host.emit(new LessonCompleteEvent({ id, score, maxScore }));
  const reason = given.statement.explanation ? ` ${plainText(given.statement.explanation)}` : '';
  host.announce(`${host.t(given.correct ? 'correct' : 'incorrect')}. ${placement(host, given.statement)}${reason}`);
  host.focusAfterUpdate('[part~="next"]');
}

/** Moves on from the feedback to the next statement, or to the score after the last. */
function next(host: PracticeHost) {
  const current = host.state();
  if (!current) return;
  const practice = advance(current);
  host.setState(practice);
  if (practice.phase === 'done') {
    const { score, maxScore } = scoreOf(practice);
    host.announce(host.t('score', { score, max: maxScore }));
    host.focusAfterUpdate('#result-title');
  } else {
    host.focusAfterUpdate('[part~="choice"]');
  }
}

/** Starts the practice again with a fresh shuffle. */
export function restartPractice(host: PracticeHost): void {
  const current = host.state();
  if (!current) return;
  const practice = restart(current, () => host.random());
  host.setState(practice);
  host.announce(host.t('prosConsRestarted', { total: practice.statements.length }));
  host.focusAfterUpdate('[part~="choice"]');
}
