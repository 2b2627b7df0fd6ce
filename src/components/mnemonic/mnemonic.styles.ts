import { css } from 'lit';

/** Styles of the aid view; the practice view adds `practice.styles.ts` when it loads. */
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

  /* Actions below an aid */
  .actions,
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--lesson-space-s);
    align-items: center;
  }

  /* While the practice loads, or when it could not be loaded */
  .practice-pending {
    color: var(--lesson-color-text-muted);
  }
  .practice-pending:focus {
    outline: none;
  }
  .practice-pending .load-error {
    color: var(--lesson-color-text);
    font-weight: 600;
  }
  .practice-pending > * + * {
    margin-block-start: var(--lesson-space-s);
  }

  /* Narrow columns: less nested padding, so text keeps its room at 320px */
  @container (max-width: 24rem) {
    .panel,
    .aid {
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
      border-color: ButtonText;
      color: HighlightText;
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
