import { html, svg, type TemplateResult } from 'lit';

/** An inline icon; its meaning is always in the text beside it. */
export const icon = (path: TemplateResult) =>
  html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${path}</svg>`;

/** The icons of the aid view (practice adds its own in `practice-view.ts`). */
export const icons = {
  practice: svg`<path d="M21 12a9 9 0 1 1-3-6.7"/><path d="M21 4v5h-5"/>`,
  arrow: svg`<path d="M5 12h14M13 6l6 6-6 6"/>`,
};
