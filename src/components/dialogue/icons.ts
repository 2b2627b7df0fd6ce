import { html, svg } from 'lit';

/** Inline icons (decorative: the buttons carry text). Paths in the style of Feather/Lucide, 24x24. */
const icon = (paths: unknown, className = 'icon') =>
  html`<svg class=${className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">${paths}</svg>`;

export const icons = {
  play: icon(svg`<path d="M7 4.5v15l12-7.5z" />`),
  pause: icon(svg`<path d="M8 5v14M16 5v14" />`),
  stop: icon(svg`<rect x="6" y="6" width="12" height="12" rx="1" />`),
  next: icon(svg`<path d="m9 18 6-6-6-6" />`, 'icon flip'),
  previous: icon(svg`<path d="m15 18-6-6 6-6" />`, 'icon flip'),
  restart: icon(svg`<path d="M3 12a9 9 0 1 0 3-6.7L3 8" /><path d="M3 3v5h5" />`),
  copy: icon(svg`<rect x="9" y="9" width="12" height="12" rx="2" /><path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1" />`),
  download: icon(svg`<path d="M12 3v12m-5-5 5 5 5-5M4 21h16" />`),
  search: icon(svg`<circle cx="11" cy="11" r="7" /><path d="m20 20-4-4" />`),
  listen: icon(svg`<path d="M11 5 6 9H2v6h4l5 4z" /><path d="M15.5 8.5a5 5 0 0 1 0 7M19 5a10 10 0 0 1 0 14" />`),
  think: icon(svg`<path d="M9 18h6M10 22h4" /><path d="M12 2a7 7 0 0 0-4 12.7V17h8v-2.3A7 7 0 0 0 12 2z" />`),
  keyboard: icon(svg`<rect x="2" y="6" width="20" height="12" rx="2" /><path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10" />`),
};
