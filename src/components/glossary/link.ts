/**
 * A glossary's links before a reader reaches them. `linkTerms()` wraps each
 * occurrence in a plain `<button data-lesson-term="id">` (see
 * `LINK_ATTRIBUTE`): a real button (focus, Enter and Space for free) that
 * costs what a span does, where a `<lesson-term>` costs a Lit element. The
 * glossary's one listener puts a `<lesson-term>` in a link's place the moment
 * a pointer, focus or click reaches it; these styles make the link read as
 * that term will.
 */
import { css } from 'lit';
import { adoptSheet } from '../../core/lazy-styles.js';
import { isLink } from './dom-linker.js';
import { LessonTerm } from './term.js';
import { termHighlight, termLook } from './term.styles.js';

/**
 * Adopted by the document or shadow root that holds the glossary. Not in a
 * layer: a page's own `button` rules must not turn a word into a button, so
 * the link undoes them (`all: unset`) and takes the look of a term.
 */
export const linkStyles = css`
  button[data-lesson-term] {
    all: unset;
    ${termLook}
  }
  button[data-lesson-term]:hover {
    ${termHighlight}
  }
  button[data-lesson-term]:focus-visible {
    outline: 3px solid var(--lesson-color-focus);
    outline-offset: 1px;
  }
  @media (forced-colors: active) {
    button[data-lesson-term] {
      text-decoration-color: CanvasText;
    }
  }
  @media print {
    button[data-lesson-term] {
      background: none;
    }
  }
`;

/**
 * Adds the look of links to `root` (the document or shadow root the glossary
 * is in), once. False where that is not possible (a document of another
 * window cannot adopt this window's sheet): link `<lesson-term>`s there.
 */
export const styleLinks = (root: Node): boolean => adoptSheet(root, linkStyles.styleSheet);

/** Where links cannot be styled: a `<lesson-term term="id">` for each occurrence straight away. */
export function createTerm(doc: Document, id: string): Element {
  const term = doc.createElement('lesson-term');
  term.setAttribute('term', id);
  return term;
}

/**
 * The glossary's listener for `pointerover`, `focusin` and `click`: the link
 * the event reached becomes a `<lesson-term>`, which then answers the event
 * (starts the hover delay, takes focus, opens).
 */
export function reachLink(event: Event): void {
  const target = event.target as Element | null;
  if (target?.isConnected && isLink(target)) LessonTerm.replaceLink(target, event);
}
