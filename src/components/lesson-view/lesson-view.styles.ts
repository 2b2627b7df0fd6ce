import { css } from 'lit';

export const styles = css`
  :host {
    --lesson-view-max-width: 60rem;
    --lesson-view-section-gap: var(--lesson-space-xl);
    --lesson-view-toc-background: var(--lesson-color-surface-alt);
    background: var(--lesson-color-surface);
  }
  .view {
    max-width: var(--lesson-view-max-width);
    margin-inline: auto;
    display: grid;
    gap: var(--lesson-space-l);
  }
  .heading {
    font-weight: 700;
    line-height: 1.25;
    margin: 0 0 var(--lesson-space-s);
    font-size: 1.25rem;
  }
  .heading.level-0 {
    font-size: 1.75rem;
  }
  .heading.level-2 {
    font-size: 1.05rem;
  }
  header {
    display: grid;
    gap: var(--lesson-space-s);
  }
  .description {
    margin: 0;
    color: var(--lesson-color-text-muted);
  }
  .progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--lesson-space-s) var(--lesson-space-m);
    font-size: var(--lesson-font-size-small);
  }
  progress {
    inline-size: min(16rem, 100%);
    block-size: 0.75rem;
    accent-color: var(--lesson-color-accent);
  }
  nav {
    background: var(--lesson-view-toc-background);
    border: 1px solid var(--lesson-color-border-subtle);
    border-radius: var(--lesson-radius);
    padding: var(--lesson-space-s) var(--lesson-space-m);
  }
  nav ol {
    margin: 0;
    padding: 0;
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: var(--lesson-space-xs) var(--lesson-space-m);
  }
  nav li {
    display: flex;
    align-items: center;
    gap: var(--lesson-space-xs);
  }
  nav a {
    display: inline-flex;
    align-items: center;
    min-height: 2.75rem;
  }
  nav .mark {
    color: var(--lesson-color-success);
    font-size: var(--lesson-font-size-small);
  }
  .sections {
    display: grid;
    gap: var(--lesson-view-section-gap);
  }
  section {
    display: grid;
    gap: var(--lesson-space-m);
    scroll-margin-top: var(--lesson-space-m);
  }
  /* Sections below the first are laid out and painted only when they near the viewport: most of a
     long lesson's first-render cost is layout. The text stays in the DOM (find in page, screen readers);
     "auto" remembers each section's real height once seen, so the scrollbar settles. */
  section + section {
    content-visibility: auto;
    /* The block size only: an inline size here would widen every section to 40rem on a phone. */
    contain-intrinsic-block-size: auto 40rem;
  }
  section:focus {
    outline: none;
  }
  section:focus-visible {
    outline: 3px solid var(--lesson-color-focus);
  }
  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--lesson-space-xs);
    border-block-end: 1px solid var(--lesson-color-border-subtle);
  }
  [role='tab'] {
    border: 1px solid transparent;
    border-block-end: 3px solid transparent;
    border-radius: var(--lesson-radius-small) var(--lesson-radius-small) 0 0;
    background: none;
  }
  [role='tab'][aria-selected='true'] {
    border-block-end-color: var(--lesson-color-accent);
    font-weight: 700;
  }
  [role='tabpanel'] p:first-child {
    margin-top: 0;
  }
  .concepts {
    display: grid;
    gap: var(--lesson-space-s);
    margin: 0;
  }
  .concepts dt {
    font-weight: 700;
  }
  .concepts dd {
    margin: 0;
  }
  .examples,
  .links {
    margin: 0;
    padding-inline-start: var(--lesson-space-l);
    display: grid;
    gap: var(--lesson-space-xs);
  }
  .practice {
    display: grid;
    gap: var(--lesson-space-s);
  }
  @media (forced-colors: active) {
    [role='tab'][aria-selected='true'] {
      border-block-end-color: Highlight;
    }
    progress {
      border: 1px solid CanvasText;
    }
  }
  @media print {
    nav,
    [role='tablist'],
    .progress,
    .practice {
      display: none !important;
    }
    [role='tabpanel'][hidden] {
      display: block !important;
    }
  }
`;
