import { css } from 'lit';

export const styles = css`
  :host {
    --lesson-mnemonic-gap: var(--lesson-space-m);
    --lesson-mnemonic-card-background: var(--lesson-color-surface-alt);
    --lesson-mnemonic-card-border: var(--lesson-color-border-subtle);
    --lesson-mnemonic-accent: var(--lesson-color-accent);
    --lesson-mnemonic-letter-size: clamp(2rem, 11cqi, 3.5rem);
    --lesson-mnemonic-verse-font-style: italic;
    --lesson-mnemonic-recalled-color: var(--lesson-color-success);
    --lesson-mnemonic-missed-color: var(--lesson-color-danger);
    --lesson-mnemonic-blank-color: var(--lesson-color-text-muted);
  }

  .base > * + * {
    margin-block-start: var(--lesson-mnemonic-gap);
  }
  p {
    margin: 0;
  }

  /* Tabs (set view) and the single-aid header */
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: var(--lesson-space-xs);
    border-block-end: 1px solid var(--lesson-mnemonic-card-border);
  }
  .tab {
    flex-direction: column;
    align-items: flex-start;
    gap: 0;
    margin-block-end: -1px;
    border-radius: var(--lesson-radius) var(--lesson-radius) 0 0;
    border-color: transparent;
    border-block-end: 3px solid transparent;
    background: transparent;
    text-align: start;
    padding-inline: var(--lesson-space-m);
  }
  .tab[aria-selected='true'] {
    border-color: var(--lesson-mnemonic-card-border);
    border-block-end-color: var(--lesson-mnemonic-accent);
    background: var(--lesson-mnemonic-card-background);
  }
  .tab .title {
    font-weight: 600;
  }
  .kind {
    display: inline-block;
    font-size: var(--lesson-font-size-small);
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--lesson-color-text-muted);
  }
  .aid-header {
    display: flex;
    flex-direction: column;
    font-size: var(--lesson-font-size-large);
    font-weight: 700;
    line-height: 1.3;
  }
  .panel,
  .aid {
    padding: var(--lesson-space-m);
    border: 1px solid var(--lesson-mnemonic-card-border);
    border-radius: var(--lesson-radius);
    background: var(--lesson-mnemonic-card-background);
  }
  .panel {
    border-start-start-radius: 0;
    margin-block-start: 0;
  }
  .panel > * + *,
  .aid > * + *,
  .practice > * + *,
  .practice-body > * + *,
  .feedback > * + *,
  .summary > * + * {
    margin-block-start: var(--lesson-mnemonic-gap);
  }
  .print-only {
    display: none;
  }

  /* Presentation of each kind */
  .verse {
    font-style: var(--lesson-mnemonic-verse-font-style);
    font-size: 1.125em;
    line-height: 1.7;
    padding-inline-start: var(--lesson-space-m);
    border-inline-start: 3px solid var(--lesson-mnemonic-accent);
  }
  .verse .line {
    display: block;
  }
  .story {
    display: grid;
    gap: var(--lesson-space-m);
    padding: var(--lesson-space-m);
    border-radius: var(--lesson-radius);
    background: var(--lesson-color-surface);
    border: 1px solid var(--lesson-mnemonic-card-border);
  }
  .story img {
    display: block;
    width: 100%;
    max-height: 16rem;
    object-fit: cover;
    border-radius: var(--lesson-radius-small);
  }
  .narrative p + p {
    margin-block-start: var(--lesson-space-s);
  }
  @container (min-width: 36rem) {
    .story:has(img) {
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      align-items: start;
    }
  }
  .lead {
    font-weight: 600;
  }
  .pairs {
    display: grid;
    gap: var(--lesson-space-s);
    margin: 0;
  }
  .pair {
    display: grid;
    gap: var(--lesson-space-xs);
    padding: var(--lesson-space-s) var(--lesson-space-m);
    border-radius: var(--lesson-radius-small);
    background: var(--lesson-color-surface);
    border: 1px solid var(--lesson-mnemonic-card-border);
  }
  @container (min-width: 30rem) {
    .pair {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1.4fr);
      align-items: baseline;
    }
  }
  .pair dt {
    font-weight: 700;
  }
  .pair dd {
    margin: 0;
    display: flex;
    gap: var(--lesson-space-s);
    align-items: baseline;
  }
  .arrow {
    display: inline-flex;
    color: var(--lesson-mnemonic-accent);
    align-self: center;
  }
  .arrow:dir(rtl),
  [part~='next'] .icon:dir(rtl) {
    transform: scaleX(-1);
  }

  /* Acronym */
  .instructions,
  .hint,
  .answer-label,
  .rating-prompt,
  .last-practised {
    color: var(--lesson-color-text-muted);
    font-size: var(--lesson-font-size-small);
  }
  .letters,
  .practice-letters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--lesson-space-m);
    margin: var(--lesson-space-s) 0 0;
    padding: 0;
    list-style: none;
  }
  .letter-item,
  .practice-letters li {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--lesson-space-xs);
    min-width: 4rem;
  }
  button.letter {
    min-width: calc(var(--lesson-mnemonic-letter-size) * 1.5);
    min-height: calc(var(--lesson-mnemonic-letter-size) * 1.6);
    padding: 0 var(--lesson-space-s);
    font-size: var(--lesson-mnemonic-letter-size);
    font-weight: 800;
    line-height: 1;
    color: var(--lesson-mnemonic-accent);
    border: 2px solid var(--lesson-mnemonic-accent);
    border-radius: var(--lesson-radius);
    background: var(--lesson-color-surface);
  }
  button.letter[aria-expanded='true'] {
    background: var(--lesson-mnemonic-accent);
    color: var(--lesson-color-on-accent);
  }
  .word {
    font-weight: 600;
  }
  .initial {
    color: var(--lesson-mnemonic-accent);
    font-weight: 800;
  }
  .show-all {
    margin-block-start: var(--lesson-space-m);
  }
  .meaning {
    margin-block-start: var(--lesson-space-m);
    font-size: 1.125em;
  }
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

  /* Actions below an aid */
  .actions,
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--lesson-space-s);
    align-items: center;
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
    .panel,
    .aid,
    .practice {
      padding: var(--lesson-space-s);
    }
  }

  /* Movement on reveal and step changes; a crossfade only when motion is reduced */
  .fade-in {
    animation: lesson-mnemonic-rise var(--lesson-duration) ease-out;
  }
  @keyframes lesson-mnemonic-rise {
    from {
      opacity: 0;
      transform: translateY(0.375rem);
    }
  }
  @keyframes lesson-mnemonic-fade {
    from {
      opacity: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .fade-in {
      animation-name: lesson-mnemonic-fade;
    }
  }

  @media (forced-colors: active) {
    .tab[aria-selected='true'] {
      border: 2px solid Highlight;
      border-block-end-width: 4px;
    }
    button.letter[aria-expanded='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
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
  }

  @media print {
    .tabs,
    .steps,
    .recall-form,
    .rating,
    .instructions,
    .hint {
      display: none !important;
    }
    [role='tabpanel'][hidden] {
      display: block !important;
    }
    .panel {
      break-inside: avoid;
      margin-block-end: var(--lesson-space-m);
    }
    .print-only {
      display: block;
      font-weight: 700;
    }
    button.letter {
      display: inline-flex !important;
    }
    .word[hidden] {
      display: inline !important;
    }
  }
`;
