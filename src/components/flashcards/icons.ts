/** The deck's inline SVG icons: decorative (`aria-hidden`), drawn in `currentColor`. */
import { html, svg, type SVGTemplateResult } from 'lit';

/** A decorative icon; the lazily loaded modes keep their own icons beside them. */
export const icon = (paths: SVGTemplateResult, className = '') =>
  html`<svg class="icon ${className}" viewBox="0 0 24 24" aria-hidden="true">${paths}</svg>`;

export const previousIcon = icon(svg`<path d="M19 12H5M11 6l-6 6 6 6"></path>`, 'flip-rtl');
export const nextIcon = icon(svg`<path d="M5 12h14M13 6l6 6-6 6"></path>`, 'flip-rtl');
export const turnIcon = icon(svg`<path d="M21 12a9 9 0 1 1-3-6.7L21 8"></path><path d="M21 3v5h-5"></path>`);
export const restartIcon = icon(svg`<path d="M3 12a9 9 0 1 0 3-6.7L3 8"></path><path d="M3 3v5h5"></path>`);
export const shuffleIcon = icon(
  svg`<path d="M16 3h5v5M4 20 21 3M21 16v5h-5M15 15l6 6M4 4l5 5"></path>`,
);
export const soundIcon = icon(svg`<path d="M11 5 6 9H2v6h4l5 4z"></path><path d="M15.5 8.5a5 5 0 0 1 0 7M19 5a10 10 0 0 1 0 14"></path>`, 'flip-rtl');
export const hintIcon = icon(svg`<path d="M9 18h6M10 22h4M12 2a7 7 0 0 0-4 12.7V16h8v-1.3A7 7 0 0 0 12 2z"></path>`);
