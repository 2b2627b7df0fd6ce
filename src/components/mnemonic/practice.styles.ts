import { css } from 'lit';

/**
 * Styles of the recall practice, adopted by the element when the practice
 * view loads (the aid view's are in `mnemonic.styles.ts`, whose custom
 * properties these use).
 */
export const practiceStyles = css`
  .practice-letter {
    font-size: var(--lesson-mnemonic-letter-size);
    font-weight: 800;
    line-height: 1.2;
    color: var(--lesson-mnemonic-accent);
    min-height: 1.2em;
  }
  .practice-letter .blank {
    width: 1.5rem;
  }

  /* Practice */
  .practice {
    padding: var(--lesson-space-m);
    border-radius: var(--lesson-radius);
    background: var(--lesson-color-surface);
    border: 1px solid var(--lesson-mnemonic-card-border);
  }
  .practice-header {
    display: flex;
    flex-wrap: wrap;
    gap: var(--lesson-space-s);
    align-items: center;
    justify-content: space-between;
  }
  .practice-heading {
    display: flex;
    flex-direction: column;
    font-weight: 700;
    font-size: var(--lesson-font-size-large);
    line-height: 1.3;
  }
  .eyebrow {
    font-size: var(--lesson-font-size-small);
    font-weight: 600;
    color: var(--lesson-color-text-muted);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .practice-heading:focus {
    outline: none;
  }
  .practice-heading:focus-visible {
    outline: 3px solid var(--lesson-color-focus);
  }
  .steps {
    display: flex;
    gap: var(--lesson-space-xs);
    margin: 0;
    padding: 0;
    list-style: none;
    counter-reset: step;
  }
  .steps li {
    flex: 1;
    display: flex;
    align-items: center;
    gap: var(--lesson-space-xs);
    padding-block-start: var(--lesson-space-xs);
    border-block-start: 4px solid var(--lesson-mnemonic-card-border);
    font-size: var(--lesson-font-size-small);
    color: var(--lesson-color-text-muted);
  }
  .steps li.finished {
    border-block-start-color: var(--lesson-color-text-muted);
  }
  .steps li.current {
    border-block-start-color: var(--lesson-mnemonic-accent);
    color: var(--lesson-color-text);
    font-weight: 700;
  }
  .step-number {
    display: inline-grid;
    place-items: center;
    width: 1.5em;
    height: 1.5em;
    border-radius: 50%;
    border: 1px solid currentColor;
    font-size: 0.85em;
    flex: none;
  }
  @container (max-width: 24rem) {
    .steps .step-name {
      display: none;
    }
    .steps li.current .step-name {
      display: inline;
    }
  }
  .cue {
    padding: var(--lesson-space-m);
    border-radius: var(--lesson-radius-small);
    background: var(--lesson-mnemonic-card-background);
  }
  .cue .verse {
    font-style: normal;
  }
  .faded-word {
    white-space: nowrap;
  }
  .blank {
    display: inline-block;
    vertical-align: baseline;
    height: 1em;
    border-block-end: 2px solid var(--lesson-mnemonic-blank-color);
    margin-inline-start: 1px;
  }
  .blank.short {
    width: 1.25em;
  }
  .blank.medium {
    width: 2.5em;
  }
  .blank.long {
    width: 4em;
  }
  .fields {
    display: grid;
    gap: var(--lesson-space-s);
  }
  @container (min-width: 30rem) {
    .fields:has(> :nth-child(2)) {
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    }
  }
  .field {
    display: grid;
    gap: var(--lesson-space-xs);
  }
  .field label {
    font-weight: 600;
  }
  .field input,
  .field textarea {
    width: 100%;
  }
  .field textarea {
    resize: vertical;
    line-height: 1.5;
  }
  .recall-form > * + * {
    margin-block-start: var(--lesson-space-s);
  }
  .rating {
    display: grid;
    gap: var(--lesson-space-s);
    padding-block-start: var(--lesson-space-s);
    border-block-start: 1px dashed var(--lesson-mnemonic-card-border);
  }
  .answer {
    padding: var(--lesson-space-m);
    border-radius: var(--lesson-radius-small);
    border: 1px solid var(--lesson-mnemonic-card-border);
  }
  .answer > * + * {
    margin-block-start: var(--lesson-space-xs);
  }
  .answer:focus {
    outline: none;
  }
  .answer:focus-visible {
    outline: 3px solid var(--lesson-color-focus);
  }
  .result {
    display: flex;
    gap: var(--lesson-space-s);
    align-items: center;
    font-weight: 700;
  }
  .feedback {
    padding-inline-start: var(--lesson-space-m);
    border-inline-start: 4px solid var(--lesson-mnemonic-missed-color);
  }
  .feedback.success {
    border-inline-start-color: var(--lesson-mnemonic-recalled-color);
  }
  .feedback.success .result {
    color: var(--lesson-mnemonic-recalled-color);
  }
  .feedback.miss .result {
    color: var(--lesson-mnemonic-missed-color);
  }
  mark.missed {
    background: transparent;
    color: var(--lesson-mnemonic-missed-color);
    font-weight: 700;
    text-decoration: underline wavy;
    text-underline-offset: 0.2em;
  }
  .summary .score {
    font-size: var(--lesson-font-size-large);
    font-weight: 700;
  }
  .results {
    margin: 0;
    padding-inline-start: var(--lesson-space-l);
  }
  .results li .icon {
    vertical-align: -0.15em;
    margin-inline: var(--lesson-space-xs);
  }

  /* Narrow columns: less nested padding, so text keeps its room at 320px */
  @container (max-width: 24rem) {
    .practice {
      padding: var(--lesson-space-s);
    }
  }

  @media (forced-colors: active) {
    .blank {
      border-block-end-color: CanvasText;
    }
    mark.missed {
      color: CanvasText;
      background: Canvas;
      outline: 1px dashed CanvasText;
    }
    .steps li.current {
      border-block-start-color: Highlight;
    }
    /* Finished and coming steps differ by more than colour: steps still to come are dashed. */
    .steps li:not(.current, .finished) {
      border-block-start-style: dashed;
    }
  }
`;
