import { css } from 'lit';

export const styles = css`
  :host {
    --lesson-flashcards-min-height: 14rem;
    --lesson-flashcards-background: var(--lesson-color-surface);
    --lesson-flashcards-border-color: var(--lesson-color-border-subtle);
    --lesson-flashcards-radius: var(--lesson-radius);
    --lesson-flashcards-shadow: var(--lesson-shadow);
    --lesson-flashcards-font-size: var(--lesson-font-size-large);
    --lesson-flashcards-duration: calc(var(--lesson-duration) * 2.5);
    --lesson-flashcards-right-color: var(--lesson-color-success);
    --lesson-flashcards-wrong-color: var(--lesson-color-danger);
  }

  .deck {
    display: grid;
    gap: var(--lesson-space-m);
  }
  .status {
    margin: 0;
    color: var(--lesson-color-text-muted);
    font-size: var(--lesson-font-size-small);
    font-variant-numeric: tabular-nums;
  }

  /* The card: two faces stacked in one grid cell, so it is as tall as its taller face. */
  .card {
    perspective: 1600px;
    /* Horizontal swipes belong to the deck; vertical ones still scroll the page. */
    touch-action: pan-y;
  }
  .inner {
    display: grid;
    transform-style: preserve-3d;
    transition: transform var(--lesson-flashcards-duration) cubic-bezier(0.3, 0.7, 0.3, 1);
  }
  .flipped .inner {
    transform: rotateY(180deg);
  }
  [dir='rtl'] .flipped .inner {
    transform: rotateY(-180deg);
  }
  .face {
    grid-area: 1 / 1;
    display: flex;
    flex-direction: column;
    gap: var(--lesson-space-s);
    min-height: var(--lesson-flashcards-min-height);
    min-width: 0;
    padding: var(--lesson-space-l);
    background: var(--lesson-flashcards-background);
    border: 1px solid var(--lesson-flashcards-border-color);
    border-radius: var(--lesson-flashcards-radius);
    box-shadow: var(--lesson-flashcards-shadow);
    backface-visibility: hidden;
    overflow-wrap: anywhere;
  }
  .back {
    transform: rotateY(180deg);
  }
  .face[inert] {
    pointer-events: none;
  }
  .text {
    flex: 1;
    display: grid;
    align-content: center;
    font-size: var(--lesson-flashcards-font-size);
    line-height: 1.4;
  }
  .recap {
    color: var(--lesson-color-text-muted);
    font-size: var(--lesson-font-size-small);
    padding-block-end: var(--lesson-space-s);
    border-block-end: 1px solid var(--lesson-color-border-subtle);
  }
  .image {
    display: block;
    max-width: 100%;
    max-height: 12rem;
    margin-inline: auto;
    object-fit: contain;
    border-radius: var(--lesson-radius-small);
  }
  .actions,
  .controls,
  .tools,
  .progress-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--lesson-space-s);
    align-items: center;
  }
  .face .actions {
    margin-block-start: auto;
  }
  .controls {
    justify-content: space-between;
  }
  .tools {
    font-size: var(--lesson-font-size-small);
    align-items: start;
  }
  button.quiet {
    border-color: transparent;
    background: transparent;
    padding-inline: var(--lesson-space-s);
  }
  button.quiet:hover:not(:disabled) {
    border-color: var(--lesson-color-border-subtle);
  }
  [dir='rtl'] .flip-rtl {
    transform: scaleX(-1);
  }
  .hint-area {
    display: grid;
    justify-items: start;
  }
  .hint {
    margin: 0;
    padding: var(--lesson-space-s) var(--lesson-space-m);
    border-inline-start: 3px solid var(--lesson-color-accent);
    background: var(--lesson-color-surface-alt);
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
  .import-message.error,
  .study-error {
    color: var(--lesson-color-danger);
  }
  .study-error {
    border: 2px solid currentColor;
    border-radius: var(--lesson-radius);
    padding: var(--lesson-space-m);
  }
  .study-error p {
    margin-block-start: 0;
  }

  /* Narrow columns: full-width controls, tighter cards. */
  @container (max-width: 26rem) {
    .face,
    .summary {
      padding: var(--lesson-space-m);
    }
    .controls button,
    .face .actions > button {
      flex: 1;
    }
  }

  /* Reduced motion: the faces crossfade in place instead of turning. */
  @media (prefers-reduced-motion: reduce) {
    .inner,
    .flipped .inner,
    [dir='rtl'] .flipped .inner,
    .back {
      transform: none;
    }
    .inner {
      transition: none;
    }
    .face {
      backface-visibility: visible;
      transition:
        opacity var(--lesson-flashcards-duration) ease,
        visibility var(--lesson-flashcards-duration);
    }
    .face[inert] {
      opacity: 0;
      visibility: hidden;
    }
  }

  @media (forced-colors: active) {
    .face,
    .summary {
      border-color: CanvasText;
    }
    .verdict {
      border-color: CanvasText;
    }
    .grade-good {
      border-color: Highlight;
    }
  }

  /* Print: each card's question and answer, one after the other, no controls. */
  @media print {
    .inner,
    .flipped .inner,
    .back {
      transform: none;
    }
    .inner {
      display: block;
    }
    .face,
    .face[inert] {
      min-height: 0;
      box-shadow: none;
      backface-visibility: visible;
      opacity: 1;
      visibility: visible;
    }
    .face + .face {
      border-block-start: none;
    }
    .face.back .recap,
    .tools,
    .controls,
    .status,
    .hint-area,
    .answer-form {
      display: none;
    }
  }
`;
