/**
 * Type mode of `<lesson-flashcards>`: the learner types each answer, which is
 * checked tolerantly; a score and a retry of the missed cards at the end.
 * Loaded with `import()` when type mode starts.
 */
import { html, nothing, svg } from 'lit';
import { LessonAnswerEvent, LessonCompleteEvent, LessonFlipEvent, LessonProgressEvent } from '../../core/events.js';
import { matchesAnswer } from '../../core/match.js';
import { plainText } from '../../core/rich-text.js';
import type { Lesson } from '../../core/schema.js';
import type { FlashcardsHost } from './host.js';
import { icon, nextIcon, restartIcon } from './icons.js';
import { adoptModeStyles } from './modes.styles.js';

const correctIcon = icon(svg`<path d="M20 6 9 17l-5-5"></path>`);
const incorrectIcon = icon(svg`<path d="M18 6 6 18M6 6l12 12"></path>`);

/** The id deck events report: the lesson section they belong to. */
const DECK_ID = 'flashcards';

/** Checks what was typed and turns the card. */
export function check(host: FlashcardsHost): void {
  const item = host.queue[host.index];
  const input = host.renderRoot.querySelector<HTMLInputElement>('[part="answer-input"]');
  if (!item || !input) return;
  const response = input.value.trim();
  const correct = matchesAnswer(response, item.answer, item.accept);
  host.verdict = { correct, response };
  host.results.set(item.key, correct);
  host.flipped = true;
  host.focusLater('back');
  host.emit(new LessonFlipEvent({ cardId: item.id, face: 'back' }));
  host.emit(new LessonAnswerEvent({ id: item.id, response, correct }));
  host.emit(new LessonProgressEvent({ id: DECK_ID, progress: host.results.size / host.queue.length }));
  host.announce(
    correct ? host.t('correct') : `${host.t('incorrect')}. ${host.t('flashcardsAnswerWas', { answer: plainText(item.answer) })}`,
  );
}

const score = (host: FlashcardsHost) => host.queue.filter((item) => host.results.get(item.key)).length;

/** The next question, or the result after the last one. */
function nextQuestion(host: FlashcardsHost) {
  host.index++;
  host.showCard();
  const total = host.queue.length;
  if (host.index < total) {
    host.focusLater('front');
    host.announce(host.t('flashcardsPosition', { current: host.index + 1, total }));
    return;
  }
  const correct = score(host);
  host.focusLater('summary');
  host.emit(new LessonCompleteEvent({ id: DECK_ID, score: correct, maxScore: total, summary: { mode: 'type', correct, total } }));
}

/** Practises only the cards answered wrong. */
function retryMissed(host: FlashcardsHost) {
  host.queue = host.queue.filter((item) => !host.results.get(item.key));
  host.index = 0;
  host.resetProgress();
  host.showCard();
  host.focusLater('front');
}

export function renderType(host: FlashcardsHost, lesson: Lesson): unknown {
  adoptModeStyles(host.renderRoot);
  if (host.index >= host.queue.length) {
    const correct = score(host);
    const missed = host.queue.length - correct;
    return html`<div part="summary" class="summary">
        <p class="summary-title" role="heading" aria-level=${host.level} tabindex="-1" data-focus="summary">
          ${host.t('flashcardsPracticeDone')}
        </p>
        <p>${host.t('flashcardsTypeScore', { correct, total: host.queue.length })}</p>
        <div class="actions">
          ${missed
            ? html`<button part="retry-missed-button" class="primary" @click=${() => retryMissed(host)}>
                ${restartIcon}${host.t('flashcardsRetryMissed', { count: missed })}
              </button>`
            : nothing}
          <button part="restart-button" @click=${() => host.restart()}>${restartIcon}${host.t('flashcardsRestart')}</button>
        </div>
      </div>`;
  }
  const item = host.queue[host.index];
  if (!item) return nothing;
  const verdict = host.verdict;
  const form = html`<form part="answer-form" class="answer-form" @submit=${(event: Event) => (event.preventDefault(), check(host))}>
    <label for="answer-input">${host.t('flashcardsYourAnswer')}</label>
    <div class="answer-row">
      <input id="answer-input" part="answer-input" data-focus="front" lang=${lesson.lang} dir=${lesson.dir ?? 'auto'} autocomplete="off" autocapitalize="off"
        spellcheck="false" aria-describedby="question" />
      <button part="check-button" class="primary">${host.t('check')}</button>
    </div>
  </form>`;
  const verdictView = verdict
    ? html`<p part="verdict" class="verdict ${verdict.correct ? 'right' : 'wrong'}" id="verdict">
        ${verdict.correct ? correctIcon : incorrectIcon}
        <strong>${verdict.correct ? host.t('correct') : host.t('incorrect')}</strong>
        ${verdict.response ? html`<span class="response">${host.t('flashcardsYouWrote', { answer: verdict.response })}</span>` : nothing}
      </p>`
    : nothing;
  const nextButton = html`<button part="next-button" class="primary" data-focus="back" @click=${() => nextQuestion(host)}>
    ${host.t('flashcardsNext')}${nextIcon}
  </button>`;
  return html`${host.renderPosition()} ${host.renderCard(lesson, item, form, verdictView, nextButton)} ${host.renderTools()}`;
}
