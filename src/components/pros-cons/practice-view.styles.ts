import { css } from 'lit';

/**
 * The sort-it practice's styles, loaded with its code; the element adopts them
 * after its own, so a rule here wins over an equal one there. What shows
 * before they arrive (the practice box, its loading line) and the print rules
 * stay in `pros-cons.styles.ts`, as do the keyframes both use.
 */
export const styles = css`
  .practice {
    display: grid;
    gap: var(--lesson-pros-cons-gap);
  }
  .practice-title {
    margin: 0;
  }
  .instructions,
  .progress {
    color: var(--lesson-color-text-muted);
  }
  .progress {
    font-size: var(--lesson-font-size-small);
  }
  .statement-card {
    display: grid;
    gap: var(--lesson-space-m);
    padding: var(--lesson-pros-cons-gap);
    border-radius: var(--lesson-pros-cons-radius);
    border: 1px solid var(--lesson-pros-cons-border-color);
    background: var(--lesson-pros-cons-surface-alt);
  }
  @container (width < 24rem) {
    .statement-card {
      padding: var(--lesson-space-s);
    }
  }
  .statement {
    font-size: var(--lesson-font-size-large);
    line-height: 1.4;
    overflow-wrap: anywhere;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--lesson-space-s);
  }
  .choice {
    flex: 1 1 9rem;
    font-weight: 600;
  }
  .choice .icon {
    color: var(--side-color, currentColor);
  }
  .choice[data-choice='pro'] {
    --side-color: var(--lesson-pros-cons-pro-color);
  }
  .choice[data-choice='con'] {
    --side-color: var(--lesson-pros-cons-con-color);
  }
  .feedback {
    display: grid;
    gap: var(--lesson-space-xs);
    padding: var(--lesson-space-s) var(--lesson-space-m);
    border-inline-start: 4px solid var(--feedback-color);
    background: var(--lesson-pros-cons-surface);
    border-radius: var(--lesson-radius-small);
    animation: lesson-pros-cons-enter var(--lesson-duration) ease-out;
  }
  .feedback.correct,
  .review-item.correct {
    --feedback-color: var(--lesson-color-success);
  }
  .feedback.incorrect,
  .review-item.incorrect {
    --feedback-color: var(--lesson-color-danger);
  }
  .verdict {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--lesson-space-xs);
  }
  .verdict strong,
  .verdict .icon,
  .review-item > svg.icon,
  .verdict-label {
    color: var(--feedback-color);
  }
  .next {
    justify-self: start;
  }
  .result {
    display: grid;
    gap: var(--lesson-space-m);
  }
  .result-title {
    font-size: var(--lesson-font-size-large);
  }
  .result-title:focus {
    outline: none;
  }
  .result-title:focus-visible {
    outline: 3px solid var(--lesson-color-focus);
    outline-offset: 2px;
  }
  .score {
    font-size: var(--lesson-font-size-large);
    font-weight: 600;
  }
  .review-item .item-body > * {
    display: block;
  }
  .review-placement,
  .review-response {
    font-size: var(--lesson-font-size-small);
    color: var(--lesson-color-text-muted);
  }
  .result > button {
    justify-self: start;
  }

  @media (prefers-reduced-motion: reduce) {
    .feedback {
      animation-name: lesson-pros-cons-fade;
    }
  }

  @media (forced-colors: active) {
    .feedback {
      border-color: CanvasText;
    }
    .verdict strong {
      color: CanvasText;
    }
  }
`;
