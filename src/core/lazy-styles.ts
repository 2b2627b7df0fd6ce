import { adoptStyles, type CSSResult } from 'lit';

/**
 * Adds the styles of lazily loaded code (a practice, a study mode) to an
 * element's shadow root, after the element's own, once. Without constructable
 * style sheets Lit appends a <style> carrying the page's nonce instead.
 */
export function appendLazyStyles(root: Node, styles: CSSResult): void {
  if (!(root instanceof ShadowRoot)) return;
  const sheet = styles.styleSheet;
  if (sheet) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else {
    adoptStyles(root, [styles]);
  }
}
