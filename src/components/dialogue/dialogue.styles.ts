import { css } from 'lit';

export const styles = css`
  :host {
    --lesson-dialogue-background: var(--lesson-color-surface);
    --lesson-dialogue-border-color: var(--lesson-color-border-subtle);
    --lesson-dialogue-radius: var(--lesson-radius);
    --lesson-dialogue-padding: var(--lesson-space-m);
    --lesson-dialogue-max-height: 36rem;
    --lesson-dialogue-line-gap: var(--lesson-space-xs);
    --lesson-dialogue-avatar-size: 2.25rem;
    --lesson-dialogue-current-background: var(--lesson-color-surface-alt);
    --lesson-dialogue-current-border: var(--lesson-color-accent);
    --lesson-dialogue-match-background: var(--lesson-color-highlight);
    --lesson-dialogue-think-background: var(--lesson-color-surface-alt);
  }

  .dialogue {
    display: grid;
    gap: var(--lesson-space-s);
    padding: var(--lesson-dialogue-padding);
    background: var(--lesson-dialogue-background);
    border: 1px solid var(--lesson-dialogue-border-color);
    border-radius: var(--lesson-dialogue-radius);
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--lesson-space-s);
  }
  .title {
    margin: 0;
    font-size: var(--lesson-font-size-large);
    font-weight: 700;
    line-height: 1.25;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--lesson-space-xs);
  }
  .search {
    position: relative;
    display: flex;
    align-items: center;
    flex: 1 1 10rem;
    max-width: 16rem;
  }
  .search svg {
    position: absolute;
    inset-inline-start: 0.7rem;
    color: var(--lesson-color-text-muted);
    pointer-events: none;
  }
  .search input {
    width: 100%;
    min-width: 0;
    padding-inline-start: 2.1rem;
  }
  .match-count,
  .tools-status,
  .progress,
  .time {
    font-size: var(--lesson-font-size-small);
    color: var(--lesson-color-text-muted);
    font-variant-numeric: tabular-nums;
  }

  .copy-fallback {
    display: grid;
    gap: var(--lesson-space-xs);
    justify-items: start;
  }
  .copy-fallback p {
    margin: 0;
  }
  .copy-fallback textarea {
    width: 100%;
    font-family: var(--lesson-font-family-mono);
    font-size: var(--lesson-font-size-small);
  }

  .scroller {
    position: relative;
    max-height: var(--lesson-dialogue-max-height);
    overflow-y: auto;
    overscroll-behavior-y: contain;
    padding: var(--lesson-space-xs);
    margin-inline: calc(-1 * var(--lesson-space-xs));
  }
  /* Block flow, not grid: adding a line to a long list then lays out the new line, not the list. */
  .lines {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .line {
    display: grid;
    grid-template-columns: var(--lesson-dialogue-avatar-size) minmax(0, 1fr);
    gap: var(--lesson-space-s);
    margin-block-end: var(--lesson-dialogue-line-gap);
    padding: var(--lesson-space-s);
    border-inline-start: 4px solid transparent;
    border-radius: var(--lesson-radius-small);
    /* Long dialogues: lines off screen skip layout and paint until they scroll near. */
    content-visibility: auto;
    contain-intrinsic-block-size: auto 4.5rem; /* the block size only: an inline size would set a width */
    transition: background-color var(--lesson-duration) ease;
  }
  .line.s1 { --speaker-color: var(--lesson-color-speaker-1); }
  .line.s2 { --speaker-color: var(--lesson-color-speaker-2); }
  .line.s3 { --speaker-color: var(--lesson-color-speaker-3); }
  .line.s4 { --speaker-color: var(--lesson-color-speaker-4); }
  .line.s5 { --speaker-color: var(--lesson-color-speaker-5); }
  .line.s6 { --speaker-color: var(--lesson-color-speaker-6); }
  .line[aria-current='true'] {
    background: var(--lesson-dialogue-current-background);
    border-inline-start-color: var(--lesson-dialogue-current-border);
    /* Not colour alone: the current line also gets a frame. */
    box-shadow: inset 0 0 0 1px var(--lesson-dialogue-border-color);
  }
  .line:focus-visible {
    outline-offset: 0;
  }
  .line[data-fresh] {
    animation: line-in var(--lesson-duration) ease-out;
  }
  @keyframes line-in {
    from {
      opacity: 0;
      transform: translateY(0.5rem);
    }
  }
  @keyframes line-fade {
    from {
      opacity: 0;
    }
  }

  .avatar {
    display: grid;
    place-items: center;
    width: var(--lesson-dialogue-avatar-size);
    height: var(--lesson-dialogue-avatar-size);
    border-radius: 50%;
    background: var(--speaker-color);
    color: var(--lesson-dialogue-background);
    font-size: var(--lesson-font-size-small);
    font-weight: 700;
    line-height: 1;
    user-select: none;
  }
  .body {
    min-width: 0;
  }
  .who {
    margin: 0;
    font-size: var(--lesson-font-size-small);
  }
  .name {
    font-weight: 700;
    color: var(--speaker-color);
  }
  .role {
    color: var(--lesson-color-text-muted);
  }
  .role::before {
    content: '· ' / '';
  }
  .text {
    margin: 0.125rem 0 0;
    overflow-wrap: anywhere;
  }
  ::highlight(lesson-dialogue-match) {
    background-color: var(--lesson-dialogue-match-background);
    color: var(--lesson-color-text);
  }

  .think {
    display: flex;
    gap: var(--lesson-space-s);
    align-items: flex-start;
    margin-block-start: var(--lesson-space-s);
    padding: var(--lesson-space-m);
    background: var(--lesson-dialogue-think-background);
    border: 2px dashed var(--lesson-color-accent);
    border-radius: var(--lesson-dialogue-radius);
    animation: line-in var(--lesson-duration) ease-out;
  }
  .think > svg {
    width: 1.5rem;
    height: 1.5rem;
    color: var(--lesson-color-accent);
  }
  .think-body {
    display: grid;
    gap: var(--lesson-space-xs);
    justify-items: start;
  }
  .think-body p {
    margin: 0;
  }
  .think-title {
    font-weight: 700;
    font-size: var(--lesson-font-size-small);
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--lesson-color-accent);
  }
  .think-question {
    font-size: var(--lesson-font-size-large);
    font-weight: 600;
  }
  .think-who {
    color: var(--lesson-color-text-muted);
    font-size: var(--lesson-font-size-small);
  }

  .end {
    display: flex;
    align-items: center;
    gap: var(--lesson-space-s);
    margin: var(--lesson-space-s) 0 0;
    color: var(--lesson-color-text-muted);
    font-size: var(--lesson-font-size-small);
  }
  .end::before,
  .end::after {
    content: '';
    flex: 1;
    border-block-start: 1px solid var(--lesson-dialogue-border-color);
  }

  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--lesson-space-s) var(--lesson-space-m);
    padding-block-start: var(--lesson-space-s);
    border-block-start: 1px solid var(--lesson-dialogue-border-color);
  }
  .stepper,
  .player {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--lesson-space-xs);
  }
  .player {
    flex: 1 1 auto;
  }
  .progress {
    margin-inline: var(--lesson-space-xs);
  }
  button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .seek {
    flex: 1 1 8rem;
    min-width: 6rem;
    min-height: 2.75rem;
    padding: 0;
    border: 0;
    background: none;
    accent-color: var(--lesson-color-accent);
  }
  .speed {
    margin-inline-start: auto;
    display: inline-flex;
    align-items: center;
    gap: var(--lesson-space-xs);
    font-size: var(--lesson-font-size-small);
  }
  .status {
    margin: 0;
    padding-inline-start: var(--lesson-space-s);
    border-inline-start: 3px solid var(--lesson-color-border);
    font-size: var(--lesson-font-size-small);
    color: var(--lesson-color-text-muted);
  }

  .shortcuts {
    font-size: var(--lesson-font-size-small);
    color: var(--lesson-color-text-muted);
  }
  .shortcuts summary {
    display: inline-flex;
    align-items: center;
    gap: var(--lesson-space-xs);
    min-height: 1.5rem;
    cursor: pointer;
  }
  .shortcuts dl {
    display: grid;
    gap: var(--lesson-space-xs);
    margin: var(--lesson-space-xs) 0 0;
  }
  .shortcuts dl div {
    display: flex;
    flex-wrap: wrap;
    gap: var(--lesson-space-s);
  }
  .shortcuts dt {
    display: flex;
    gap: var(--lesson-space-xs);
    min-width: 7rem;
  }
  .shortcuts dd {
    margin: 0;
  }
  kbd {
    padding: 0 0.35em;
    border: 1px solid var(--lesson-dialogue-border-color);
    border-radius: var(--lesson-radius-small);
    background: var(--lesson-color-surface-alt);
    font-family: var(--lesson-font-family-mono);
    font-size: 0.9em;
  }

  [dir='rtl'] .flip {
    transform: scaleX(-1);
  }

  /* Narrow columns (LMS sidebars, phones): icon buttons keep their text for screen readers. */
  @container (max-width: 34rem) {
    .tools {
      width: 100%;
    }
    .search {
      max-width: none;
    }
    .tools .label,
    .stepper button:not(.primary) .label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .tools button,
    .stepper button:not(.primary) {
      padding-inline: var(--lesson-space-s);
    }
  }
  @container (max-width: 22rem) {
    .dialogue {
      --lesson-dialogue-avatar-size: 1.75rem;
      --lesson-dialogue-padding: var(--lesson-space-s);
    }
    .line {
      padding-inline: var(--lesson-space-xs);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .line[data-fresh],
    .think {
      animation-name: line-fade;
    }
    .line {
      transition: none;
    }
  }

  @media (forced-colors: active) {
    .line[aria-current='true'] {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
    .avatar {
      border: 1px solid CanvasText;
    }
    .think {
      border-color: CanvasText;
    }
    button[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
    ::highlight(lesson-dialogue-match) {
      background-color: Mark;
      color: MarkText;
    }
  }

  @media print {
    .dialogue {
      border: 0;
      padding: 0;
    }
    .scroller {
      max-height: none;
      overflow: visible;
    }
    .tools,
    .controls,
    .shortcuts,
    .status,
    .copy-fallback {
      display: none !important;
    }
    .line {
      content-visibility: visible;
      break-inside: avoid;
      animation: none;
    }
  }
`;
