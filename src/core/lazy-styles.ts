import { adoptStyles, type CSSResult } from 'lit';

/**
 * Appends `sheet` to the style sheets `root` (a document or shadow root) has
 * adopted, once. False where it cannot: no constructable sheet, or a root in
 * another window, which cannot adopt this window's sheet.
 */
export function adoptSheet(root: Node, sheet: CSSStyleSheet | undefined): boolean {
  if (!sheet || !('adoptedStyleSheets' in root)) return false;
  const scope = root as Document | ShadowRoot;
  if (scope.adoptedStyleSheets.includes(sheet)) return true;
  try {
    scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
  } catch {
    return false;
  }
  return true;
}

/**
 * Adds the styles of lazily loaded code (a practice, a study mode) to an
 * element's shadow root, after the element's own, once. Without constructable
 * style sheets Lit appends a <style> carrying the page's nonce instead.
 */
export function appendLazyStyles(root: Node, styles: CSSResult): void {
  if (!(root instanceof ShadowRoot)) return;
  if (!adoptSheet(root, styles.styleSheet)) adoptStyles(root, [styles]);
}
