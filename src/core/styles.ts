import { css } from 'lit';

/**
 * Styles every element shares: host defaults from the tokens, buttons,
 * focus ring, visually hidden text, reduced motion and forced colours.
 */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    color-scheme: var(--lesson-color-scheme, light dark);
    color: var(--lesson-color-text);
    font-family: var(--lesson-font-family);
    font-size: var(--lesson-font-size);
    line-height: var(--lesson-line-height);
    container-type: inline-size;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden]:not([hidden='until-found']) {
    display: none !important;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  a {
    color: var(--lesson-color-accent);
  }
  code {
    font-family: var(--lesson-font-family-mono);
    font-size: 0.92em;
  }
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--lesson-space-xs);
    min-width: 2.75rem;
    min-height: 2.75rem;
    padding: var(--lesson-space-xs) var(--lesson-space-m);
    border: 1px solid var(--lesson-color-border);
    border-radius: var(--lesson-radius-small);
    background: var(--lesson-color-surface);
    color: var(--lesson-color-text);
    font: inherit;
    cursor: pointer;
  }
  button.primary {
    background: var(--lesson-color-accent);
    border-color: var(--lesson-color-accent);
    color: var(--lesson-color-on-accent);
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button:hover:not(:disabled) {
    border-color: var(--lesson-color-accent);
  }
  :focus-visible {
    outline: 3px solid var(--lesson-color-focus);
    outline-offset: 2px;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--lesson-color-surface);
    border: 1px solid var(--lesson-color-border);
    border-radius: var(--lesson-radius-small);
    min-height: 2.75rem;
    padding: var(--lesson-space-xs) var(--lesson-space-s);
  }
  svg.icon {
    width: 1.1em;
    height: 1.1em;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  [part~='error'] {
    border: 2px solid var(--lesson-color-danger);
    border-radius: var(--lesson-radius);
    padding: var(--lesson-space-m);
    background: var(--lesson-color-surface);
  }
  [part~='error'] ul {
    margin: var(--lesson-space-s) 0;
    padding-inline-start: var(--lesson-space-l);
    overflow-wrap: anywhere;
  }
  .error-title {
    font-weight: 700;
    color: var(--lesson-color-danger);
    margin: 0;
  }
  [part~='notice'] {
    font-size: var(--lesson-font-size-small);
    color: var(--lesson-color-text-muted);
    border-inline-start: 3px solid var(--lesson-color-border);
    padding-inline-start: var(--lesson-space-s);
    margin-block: var(--lesson-space-s);
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      /* Elements swap movement for crossfades themselves; smooth scrolling simply stops. */
      scroll-behavior: auto !important;
    }
  }
  /* Forced colours: every control keeps a frame in the reader's colours (a summary too), and a
     primary button keeps its fill from the reader's palette, never the theme's accent. */
  @media (forced-colors: active) {
    button,
    .button,
    input,
    summary {
      border: 1px solid ButtonText;
    }
    summary {
      border-radius: var(--lesson-radius-small);
      padding-inline: var(--lesson-space-xs);
    }
    button.primary {
      forced-color-adjust: none;
      background: Highlight;
      border-color: ButtonText;
      color: HighlightText;
    }
    button.primary:disabled,
    button.primary[aria-disabled='true'] {
      background: Canvas;
      border-color: GrayText;
      color: GrayText;
    }
  }
  @media print {
    button,
    .button,
    .no-print {
      display: none !important;
    }
  }
`;
