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
  .tools {
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
  .modes {
    display: flex;
    flex-wrap: wrap;
    gap: var(--lesson-space-xs);
  }
  /* The chosen mode: filled, and bolder with a heavier frame, so the state does not rest on colour alone. */
  .modes [aria-pressed='true'] {
    background: var(--lesson-color-accent);
    border: 2px solid var(--lesson-color-accent);
    color: var(--lesson-color-on-accent);
    font-weight: 700;
  }
  @media (forced-colors: active) {
    .modes [aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      border-color: ButtonText;
      color: HighlightText;
    }
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
    .face {
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
    .face {
      border-color: CanvasText;
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
    .hint-area {
      display: none;
    }
  }
`;
