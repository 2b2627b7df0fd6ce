import { css } from 'lit';
import { appendLazyStyles } from '../../core/lazy-styles.js';

/**
 * Styles of study and type mode (grades, the answer form, the summaries, saved
 * progress), loaded with those modes and added to the element's shadow root.
 */
export const modeStyles = css`
  .progress-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--lesson-space-s);
    align-items: center;
  }

  /* Study */
  .grades {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(6.5rem, 1fr));
    gap: var(--lesson-space-s);
    width: 100%;
  }
  .grade {
    flex-direction: column;
    gap: 0;
    line-height: 1.25;
  }
  .grade-label {
    font-weight: 600;
  }
  .interval {
    color: var(--lesson-color-text-muted);
    font-size: var(--lesson-font-size-small);
  }
  .grade-again {
    border-color: var(--lesson-flashcards-wrong-color);
  }
  .grade-good {
    border-color: var(--lesson-color-accent);
    border-width: 2px;
  }

  /* Type the answer */
  .answer-form {
    display: grid;
    gap: var(--lesson-space-xs);
    width: 100%;
  }
  .answer-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--lesson-space-s);
  }
  .answer-row input {
    flex: 1 1 12rem;
    min-width: 0;
  }
  .verdict {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--lesson-space-xs) var(--lesson-space-s);
    margin: 0;
    padding: var(--lesson-space-xs) var(--lesson-space-s);
    border-inline-start: 4px solid;
  }
  .verdict.right {
    color: var(--lesson-flashcards-right-color);
  }
  .verdict.wrong {
    color: var(--lesson-flashcards-wrong-color);
  }
  .response {
    color: var(--lesson-color-text);
  }

  /* Summaries and saved progress */
  .summary {
    display: grid;
    gap: var(--lesson-space-s);
    padding: var(--lesson-space-l);
    border: 1px solid var(--lesson-flashcards-border-color);
    border-radius: var(--lesson-flashcards-radius);
    background: var(--lesson-flashcards-background);
  }
  .summary p {
    margin: 0;
  }
  .summary-title {
    font-size: var(--lesson-font-size-large);
    font-weight: 700;
  }
  .summary-title:focus {
    outline: none;
  }
  .summary-title:focus-visible {
    outline: 3px solid var(--lesson-color-focus);
  }
  dl {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: var(--lesson-space-s);
    margin: 0;
  }
  dl div {
    padding: var(--lesson-space-s);
    background: var(--lesson-color-surface-alt);
    border-radius: var(--lesson-radius-small);
  }
  dt {
    color: var(--lesson-color-text-muted);
    font-size: var(--lesson-font-size-small);
  }
  dd {
    margin: 0;
    font-size: var(--lesson-font-size-large);
    font-weight: 600;
  }
  .progress-tools summary {
    cursor: pointer;
    min-height: 2.75rem;
    padding: var(--lesson-space-s);
    border-radius: var(--lesson-radius-small);
  }
  .import-message {
    margin: var(--lesson-space-xs) 0 0;
  }
  .import-message.error {
    color: var(--lesson-color-danger);
  }

  @container (max-width: 26rem) {
    .summary {
      padding: var(--lesson-space-m);
    }
  }

  @media (forced-colors: active) {
    .summary,
    .verdict {
      border-color: CanvasText;
    }
    .grade-good {
      border-color: Highlight;
    }
  }

  @media print {
    .answer-form {
      display: none;
    }
  }
`;

/** Adds the mode styles to the element's shadow root (after its own), once. */
export const adoptModeStyles = (root: Node): void => appendLazyStyles(root, modeStyles);
