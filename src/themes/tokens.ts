/**
 * Global design tokens. They are installed once per document inside a
 * cascade layer, so any page rule (`:root { --lesson-color-accent: teal }`)
 * wins without !important, and elements look right with no theme file.
 *
 * Colours use light-dark(): each element resolves them against its own
 * `color-scheme`, which follows `prefers-color-scheme` unless a page sets
 * `--lesson-color-scheme: dark` (or `light`) on the element or an ancestor.
 */
export const tokenCss = `@layer lesson-elements-tokens {
:root {
  --lesson-color-scheme: light dark;
  --lesson-color-text: light-dark(#1f2328, #e6edf3);
  --lesson-color-text-muted: light-dark(#57606a, #9ea7b3);
  --lesson-color-surface: light-dark(#ffffff, #0d1117);
  --lesson-color-surface-alt: light-dark(#f6f8fa, #161b22);
  --lesson-color-border: light-dark(#848d97, #6e7681);
  --lesson-color-border-subtle: light-dark(#d0d7de, #30363d);
  --lesson-color-accent: light-dark(#0a58ca, #79b8ff);
  --lesson-color-on-accent: light-dark(#ffffff, #0d1117);
  --lesson-color-focus: light-dark(#0a58ca, #79b8ff);
  --lesson-color-highlight: light-dark(#fff4c2, #3d3200);
  --lesson-color-success: light-dark(#116329, #56d364);
  --lesson-color-danger: light-dark(#b3261e, #ff8a80);
  --lesson-color-pro: var(--lesson-color-success);
  --lesson-color-con: var(--lesson-color-danger);
  --lesson-color-speaker-1: light-dark(#0a58ca, #79b8ff);
  --lesson-color-speaker-2: light-dark(#8250df, #d2a8ff);
  --lesson-color-speaker-3: light-dark(#116329, #56d364);
  --lesson-color-speaker-4: light-dark(#9a3412, #ffa657);
  --lesson-color-speaker-5: light-dark(#0e7490, #67e8f9);
  --lesson-color-speaker-6: light-dark(#a21caf, #f0abfc);
  --lesson-font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --lesson-font-family-mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  --lesson-font-size: 1rem;
  --lesson-font-size-small: 0.875rem;
  --lesson-font-size-large: 1.25rem;
  --lesson-line-height: 1.5;
  --lesson-radius: 0.5rem;
  --lesson-radius-small: 0.25rem;
  --lesson-space-xs: 0.25rem;
  --lesson-space-s: 0.5rem;
  --lesson-space-m: 1rem;
  --lesson-space-l: 1.5rem;
  --lesson-space-xl: 2rem;
  --lesson-shadow: 0 1px 3px rgb(0 0 0 / 0.12), 0 4px 12px rgb(0 0 0 / 0.08);
  --lesson-duration: 200ms;
}
}`;

let installed = new WeakSet<Document>();

/** Adds the token layer to a document once (constructable sheet: allowed under a strict CSP). */
export function installTokens(doc: Document = document): void {
  if (installed.has(doc)) return;
  installed.add(doc);
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(tokenCss);
    doc.adoptedStyleSheets = [sheet, ...doc.adoptedStyleSheets];
  } catch {
    installed = new WeakSet(); // Old browsers: the page's own theme file (dist/themes) still works.
  }
}
