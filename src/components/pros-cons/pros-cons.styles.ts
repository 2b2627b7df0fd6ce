import { css, unsafeCSS } from 'lit';

/**
 * The compare table stacks into one card per aspect row below a width that
 * depends on how many subjects it compares. Container query conditions cannot
 * use custom properties, so the stacked rules are written once here and
 * scoped twice below (static text: nothing from a lesson ever reaches CSS).
 */
const stackedTable = (scope: string) =>
  unsafeCSS(`
  ${scope} table,
  ${scope} tbody,
  ${scope} tr,
  ${scope} th,
  ${scope} td {
    display: block;
  }
  ${scope} thead {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  ${scope} table {
    border: 0;
    background: none;
  }
  ${scope} tbody {
    display: grid;
    gap: var(--lesson-space-s);
  }
  ${scope} tbody tr {
    border: 1px solid var(--lesson-pros-cons-border-color);
    border-radius: var(--lesson-pros-cons-radius);
    background: var(--lesson-pros-cons-surface);
    overflow: hidden;
  }
  ${scope} tbody th {
    background: var(--lesson-pros-cons-surface-alt);
    border-block-end: 1px solid var(--lesson-pros-cons-border-color);
  }
  ${scope} tbody td + td {
    border-block-start: 1px dashed var(--lesson-pros-cons-border-color);
  }
  ${scope} td {
    border: 0;
  }
  ${scope} .cell-subject {
    display: block;
  }
`);

export const styles = css`
  :host {
    --lesson-pros-cons-pro-color: var(--lesson-color-pro);
    --lesson-pros-cons-con-color: var(--lesson-color-con);
    --lesson-pros-cons-surface: var(--lesson-color-surface);
    --lesson-pros-cons-surface-alt: var(--lesson-color-surface-alt);
    --lesson-pros-cons-border-color: var(--lesson-color-border-subtle);
    --lesson-pros-cons-radius: var(--lesson-radius);
    --lesson-pros-cons-gap: var(--lesson-space-m);
  }

  [role='heading'] {
    margin: 0;
    font-weight: 700;
    line-height: 1.25;
  }
  p {
    margin: 0;
  }
  .print-only {
    display: none;
  }
  .none {
    color: var(--lesson-color-text-muted);
  }

  /* ---- Card ---- */
  .card,
  .compare,
  .practice {
    border: 1px solid var(--lesson-pros-cons-border-color);
    border-radius: var(--lesson-pros-cons-radius);
    background: var(--lesson-pros-cons-surface);
    padding: var(--lesson-pros-cons-gap);
  }
  @container (width < 24rem) {
    .card,
    .compare,
    .practice {
      padding: var(--lesson-space-s);
    }
  }
  .subject,
  .compare-title,
  .practice-title {
    font-size: var(--lesson-font-size-large);
    margin-block-end: var(--lesson-pros-cons-gap);
  }
  .lists {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--lesson-pros-cons-gap);
  }
  @container (min-width: 34rem) {
    .lists {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  .pro {
    --side-color: var(--lesson-pros-cons-pro-color);
  }
  .con {
    --side-color: var(--lesson-pros-cons-con-color);
  }
  .side {
    border-block-start: 4px solid var(--side-color);
    padding-block-start: var(--lesson-space-s);
  }
  .list-heading {
    display: flex;
    align-items: center;
    gap: var(--lesson-space-xs);
    color: var(--side-color);
    margin-block-end: var(--lesson-space-s);
  }
  ul.items,
  ul.titled,
  ol.review {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--lesson-space-s);
  }
  .item,
  .review-item {
    display: flex;
    align-items: flex-start;
    gap: var(--lesson-space-s);
  }
  .review-item > svg.icon {
    margin-block-start: 0.2em;
  }
  .item > svg.icon {
    color: var(--side-color, currentColor);
    margin-block-start: 0.2em;
  }
  .item-body {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  /* A list of more than 50 items lays out only the items near the viewport: a thousand long items
     otherwise freeze the page for seconds. The text stays in the DOM (find in page, screen readers). */
  .items > .item:first-child:nth-last-child(n + 51),
  .items > .item:first-child:nth-last-child(n + 51) ~ .item {
    content-visibility: auto;
    contain-intrinsic-block-size: auto 3rem;
  }
  .aspect,
  .kind {
    display: block;
    font-size: var(--lesson-font-size-small);
    font-weight: 600;
    color: var(--lesson-color-text-muted);
  }
  .kind {
    color: var(--side-color);
  }

  /* ---- Disclosures ---- */
  .disclosures {
    display: grid;
    margin-block-start: var(--lesson-pros-cons-gap);
    border-block-start: 1px solid var(--lesson-pros-cons-border-color);
  }
  .disclosure {
    border-block-end: 1px solid var(--lesson-pros-cons-border-color);
  }
  .disclosure-heading {
    font-size: inherit;
  }
  .disclosure-button {
    width: 100%;
    justify-content: flex-start;
    border: 0;
    border-radius: 0;
    background: none;
    padding-inline: var(--lesson-space-xs);
    font-weight: 600;
    text-align: start;
  }
  .disclosure-button:hover:not(:disabled) {
    background: var(--lesson-pros-cons-surface-alt);
  }
  .chevron {
    rotate: -90deg;
    transition: rotate var(--lesson-duration) ease;
  }
  .base[dir='rtl'] .chevron {
    rotate: 90deg;
  }
  .disclosure-button[aria-expanded='true'] .chevron {
    rotate: 0deg;
  }
  .base[dir='rtl'] .flip-rtl {
    scale: -1 1;
  }
  .panel {
    padding: 0 var(--lesson-space-s) var(--lesson-space-m);
    padding-inline-start: calc(1.1em + var(--lesson-space-s) + var(--lesson-space-xs));
    display: grid;
    gap: var(--lesson-space-s);
    animation: lesson-pros-cons-fade var(--lesson-duration) ease-out;
  }
  .panel .heading {
    font-weight: 700;
  }
  .panel ul:not(.titled) {
    margin: 0;
    padding-inline-start: var(--lesson-space-l);
  }
  .entry-title {
    display: block;
  }

  /* ---- Compare: a table when wide, one stacked card per row when narrow ---- */
  .compare {
    display: grid;
    gap: var(--lesson-pros-cons-gap);
  }
  .compare-title {
    margin: 0;
  }
  table {
    width: 100%;
    border-collapse: separate;
    border-spacing: 0;
    table-layout: fixed;
    border: 1px solid var(--lesson-pros-cons-border-color);
    border-radius: var(--lesson-pros-cons-radius);
    background: var(--lesson-pros-cons-surface);
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: var(--lesson-space-s) var(--lesson-space-m);
    overflow-wrap: anywhere;
  }
  tbody th,
  tbody td {
    border-block-start: 1px solid var(--lesson-pros-cons-border-color);
  }
  thead th {
    background: var(--lesson-pros-cons-surface-alt);
    font-size: var(--lesson-font-size-large);
  }
  thead th:first-child {
    border-start-start-radius: var(--lesson-pros-cons-radius);
  }
  thead th:last-child {
    border-start-end-radius: var(--lesson-pros-cons-radius);
  }
  .aspect-column {
    width: 24%;
    font-size: var(--lesson-font-size);
    color: var(--lesson-color-text-muted);
  }
  tbody th {
    font-weight: 600;
  }
  .cell-subject {
    display: none;
    font-size: var(--lesson-font-size-small);
    font-weight: 700;
    color: var(--lesson-color-text-muted);
    margin-block-end: var(--lesson-space-xs);
  }
  @container (width < 36rem) {
    ${stackedTable('.compare.pair')}
  }
  @container (width < 52rem) {
    ${stackedTable('.compare.many')}
  }
  .more {
    display: grid;
    gap: var(--lesson-space-xs);
  }
  .more .disclosures {
    margin-block-start: 0;
  }

  /* ---- Practice: its own rules load with its code (practice-view.styles.ts), after these ---- */
  .practice-loading {
    color: var(--lesson-color-text-muted);
  }

  @keyframes lesson-pros-cons-enter {
    from {
      opacity: 0;
      translate: 0 0.5rem;
    }
  }
  @keyframes lesson-pros-cons-fade {
    from {
      opacity: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .chevron {
      transition: none;
    }
  }

  @media (forced-colors: active) {
    .side {
      border-color: CanvasText;
    }
    .kind,
    .list-heading {
      color: CanvasText;
    }
    table,
    tbody tr,
    th,
    td {
      border-color: CanvasText;
    }
    .disclosure-button {
      border: 1px solid ButtonText;
      color: ButtonText;
    }
  }

  @media print {
    .print-only {
      display: block !important;
    }
    .practice,
    .practice-error {
      display: none !important;
    }
    .panel[hidden] {
      display: grid !important;
    }
    .panel {
      animation: none;
    }
    /* The disclosure's label stays, as a heading: the content is printed, the control is not. */
    .disclosure-button {
      display: block !important;
      min-height: 0;
      padding: var(--lesson-space-s) 0 var(--lesson-space-xs);
      border: 0;
      color: inherit;
    }
    .chevron {
      display: none;
    }
    .panel {
      padding-inline-start: 0;
    }
    .card,
    .more,
    tr {
      break-inside: avoid;
    }
  }
`;
