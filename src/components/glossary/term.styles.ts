import { css } from 'lit';

/**
 * How a term reads in a sentence: its button, and a glossary's link before a reader reaches it (link.ts).
 * Its two custom properties are read with their defaults, never set here: a value set on the glossary
 * or any ancestor reaches links and terms alike.
 */
export const termLook = css`
  border-radius: 2px;
  cursor: help;
  text-decoration-line: underline;
  text-decoration-style: dotted;
  text-decoration-color: var(--lesson-term-underline-color, var(--lesson-color-text-muted));
  text-decoration-thickness: max(1px, 0.08em);
  text-underline-offset: 0.22em;
  -webkit-tap-highlight-color: transparent;
`;
/** A term under the pointer, or open. */
export const termHighlight = css`
  text-decoration-style: solid;
  text-decoration-color: currentColor;
  background: var(--lesson-term-highlight, var(--lesson-color-highlight));
`;

export const styles = css`
  :host {
    /* A word in a sentence: the surrounding text's font, size and colour, not the library's. */
    display: inline;
    container-type: normal;
    color: inherit;
    font: inherit;
    line-height: inherit;
    --lesson-term-popover-width: 22rem;
    --lesson-term-popover-gap: 6px;
    --lesson-term-popover-background: var(--lesson-color-surface);
    --lesson-term-popover-color: var(--lesson-color-text);
    --lesson-term-popover-border-color: var(--lesson-color-border);
    --lesson-term-popover-radius: var(--lesson-radius);
    --lesson-term-popover-shadow: var(--lesson-shadow);
  }
  .base,
  .unresolved {
    display: inline;
  }
  /* The error part is inline here: the sentence stays as written. */
  .unresolved[part~='error'] {
    border: 0;
    padding: 0;
    background: none;
    border-radius: 0;
  }

  .trigger {
    display: inline;
    min-width: 0;
    min-height: 0;
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    letter-spacing: inherit;
    word-spacing: inherit;
    line-height: inherit;
    text-align: inherit;
    text-transform: inherit;
    ${termLook}
    anchor-name: --lesson-term;
    transition: background-color var(--lesson-duration);
  }
  .trigger:hover,
  :host([open]) .trigger {
    ${termHighlight}
  }
  .trigger:hover:not(:disabled) {
    border-color: transparent;
  }
  .trigger:focus-visible {
    outline-offset: 1px;
  }

  [part~='popover'] {
    /* The top layer: placed by CSS anchor positioning, or by Floating UI when that does not fit. */
    position: fixed;
    inset: auto;
    margin: 0;
    margin-block: var(--lesson-term-popover-gap);
    position-anchor: --lesson-term;
    position-area: bottom span-right;
    position-try-fallbacks: flip-block, flip-inline, flip-block flip-inline;
    box-sizing: border-box;
    inline-size: max-content;
    max-inline-size: min(var(--lesson-term-popover-width), calc(100vw - 16px));
    max-block-size: min(28rem, calc(100vh - 16px));
    overflow: auto;
    padding: var(--lesson-space-s) var(--lesson-space-m) var(--lesson-space-m);
    border: 1px solid var(--lesson-term-popover-border-color);
    border-radius: var(--lesson-term-popover-radius);
    background: var(--lesson-term-popover-background);
    color: var(--lesson-term-popover-color);
    box-shadow: var(--lesson-term-popover-shadow);
    font-family: var(--lesson-font-family);
    font-size: var(--lesson-font-size);
    font-style: normal;
    font-weight: normal;
    line-height: var(--lesson-line-height);
    letter-spacing: normal;
    text-align: start;
    text-transform: none;
    text-indent: 0;
    white-space: normal;
    overflow-wrap: break-word;
    opacity: 1;
    translate: 0 0;
    transition:
      opacity var(--lesson-duration),
      translate var(--lesson-duration);
  }
  [part~='popover'].rtl {
    position-area: bottom span-left;
  }
  [part~='popover'].floating {
    position-area: none;
    position-try-fallbacks: none;
    margin: 0;
  }
  [part~='popover'][data-placing] {
    visibility: hidden;
    transition: none;
  }
  @starting-style {
    [part~='popover']:popover-open {
      opacity: 0;
      translate: 0 -0.25rem;
    }
  }

  .header {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--lesson-space-s);
  }
  [part~='popover-term'] {
    font-style: normal;
    font-weight: 700;
    padding-block-start: var(--lesson-space-xs);
  }
  .close {
    flex: none;
    min-width: 2rem;
    min-height: 2rem;
    padding: 0;
    margin-inline-end: calc(-1 * var(--lesson-space-s));
    border-color: transparent;
    background: none;
    color: var(--lesson-color-text-muted);
  }
  .close:hover:not(:disabled) {
    color: var(--lesson-color-text);
  }
  /* Only after a failed download: small enough to keep the sentence, 24px for a finger (WCAG 2.5.8). */
  .retry {
    min-width: 1.5rem;
    min-height: 1.5rem;
    padding: 0;
    margin-inline-start: 0.15em;
    vertical-align: middle;
    border-color: transparent;
    background: none;
    color: var(--lesson-color-text-muted);
  }
  [part~='aliases'] {
    margin: 0 0 var(--lesson-space-xs);
    font-size: var(--lesson-font-size-small);
    color: var(--lesson-color-text-muted);
  }
  [part~='definition'] {
    margin: var(--lesson-space-xs) 0 0;
  }
  [part~='more'] {
    display: inline-block;
    margin-block-start: var(--lesson-space-s);
    padding-block: var(--lesson-space-xs);
  }

  @media (prefers-reduced-motion: reduce) {
    /* A crossfade, no movement. */
    [part~='popover'] {
      translate: none;
      transition: opacity var(--lesson-duration);
    }
    @starting-style {
      [part~='popover']:popover-open {
        translate: none;
      }
    }
  }
  @media (forced-colors: active) {
    .trigger {
      text-decoration-color: CanvasText;
    }
    .trigger:hover,
    :host([open]) .trigger {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    [part~='popover'] {
      border: 2px solid CanvasText;
    }
    .close,
    .retry {
      border: 1px solid ButtonText;
    }
  }
  @media print {
    .retry {
      display: none;
    }
    [part~='popover'] {
      display: none !important;
    }
    .trigger {
      display: inline !important;
      background: none;
    }
  }
`;
