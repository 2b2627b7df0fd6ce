import { css } from 'lit';

export const styles = css`
  :host {
    --lesson-glossary-letter-color: var(--lesson-color-accent);
    --lesson-glossary-entry-gap: var(--lesson-space-m);
    --lesson-glossary-target-background: var(--lesson-color-highlight);
    --lesson-glossary-term-width: 14rem;
  }
  /* Around an author's article the page's own typography stays. */
  :host(:not([view='list'])) {
    color: inherit;
    font: inherit;
    line-height: inherit;
  }

  .notes {
    display: none;
  }

  .list-view {
    display: flex;
    flex-direction: column;
    gap: var(--lesson-space-s);
  }
  .filter {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--lesson-space-xs) var(--lesson-space-s);
  }
  .filter label {
    font-weight: 600;
  }
  .filter input {
    flex: 1 1 12rem;
    min-width: 0;
    max-width: 100%;
  }
  .count {
    margin: 0;
    font-size: var(--lesson-font-size-small);
    color: var(--lesson-color-text-muted);
  }
  .index ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--lesson-space-xs);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .index a {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 2.25rem;
    min-height: 2.25rem;
    padding: 0 var(--lesson-space-xs);
    border: 1px solid var(--lesson-color-border-subtle);
    border-radius: var(--lesson-radius-small);
    font-weight: 600;
    text-decoration: none;
  }
  .index a:hover {
    border-color: var(--lesson-color-accent);
    text-decoration: underline;
  }
  .letter {
    margin-block: var(--lesson-space-m) var(--lesson-space-xs);
    padding-block-end: var(--lesson-space-xs);
    border-block-end: 1px solid var(--lesson-color-border-subtle);
    color: var(--lesson-glossary-letter-color);
    font-size: var(--lesson-font-size-large);
    font-weight: 700;
    scroll-margin-block-start: var(--lesson-space-m);
  }
  .letter:focus-visible,
  .entry:focus-visible {
    outline-offset: 2px;
  }
  .list {
    margin: 0;
  }
  .entry {
    padding: calc(var(--lesson-glossary-entry-gap) / 2) var(--lesson-space-s);
    margin-inline: calc(-1 * var(--lesson-space-s));
    border-radius: var(--lesson-radius-small);
    scroll-margin-block-start: var(--lesson-space-xl);
    /* Entries far from the viewport are not laid out: a glossary of a thousand long definitions
       otherwise freezes the page for seconds. The text stays in the DOM (find in page, the filter). */
    content-visibility: auto;
    contain-intrinsic-block-size: auto 4rem;
  }
  .entry[part~='target'] {
    background: var(--lesson-glossary-target-background);
  }
  dt {
    font-weight: 700;
  }
  dfn {
    font-style: normal;
  }
  .aliases {
    font-weight: normal;
    font-size: var(--lesson-font-size-small);
    color: var(--lesson-color-text-muted);
    margin-inline-start: var(--lesson-space-xs);
  }
  dd {
    margin: var(--lesson-space-xs) 0 0;
    overflow-wrap: break-word;
  }
  @container (min-width: 40rem) {
    /* Wide columns: terms on the left, definitions beside them. */
    .entry {
      display: grid;
      grid-template-columns: var(--lesson-glossary-term-width) 1fr;
      gap: var(--lesson-space-m);
    }
    dd {
      margin: 0;
    }
    .aliases {
      display: block;
      margin: 0;
    }
  }

  @media (forced-colors: active) {
    .entry[part~='target'] {
      outline: 2px solid Highlight;
    }
    .index a {
      border-color: LinkText;
    }
  }
  @media print {
    .notes {
      display: block;
      margin-block-start: var(--lesson-space-l);
      padding-block-start: var(--lesson-space-s);
      border-block-start: 1px solid;
      font-size: 0.9em;
      break-inside: avoid-page;
    }
    .notes-title {
      font-weight: 700;
      margin: 0 0 var(--lesson-space-xs);
    }
    .notes dl {
      margin: 0;
    }
    .notes dt {
      display: inline;
    }
    .notes dt::after {
      content: ': ';
    }
    .notes dd {
      display: inline;
      margin: 0;
      font-weight: normal;
    }
    .notes div {
      margin-block-end: var(--lesson-space-xs);
    }
    .entry {
      break-inside: avoid;
    }
  }
`;
