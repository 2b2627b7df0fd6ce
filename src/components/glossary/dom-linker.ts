/**
 * Links glossary terms in an author's markup: walks the content once,
 * hands its text to `findLinks()` and wraps each chosen occurrence in
 * a link (see `LINK_ATTRIBUTE`), made with `createElement` around the very
 * text node it was (never innerHTML). Everything else in the markup stays as the
 * author wrote it.
 *
 * Sections: first occurrences are counted per section. A section starts at
 * every `<section>` and `<article>` element (it ends with the element) and
 * after every heading (`h1`–`h6`, `role="heading"`), up to the next heading
 * or the end of the enclosing section.
 *
 * Content that shows apart from the text around it is a section of its own
 * too: a tab panel (`role="tabpanel"`: one shows at a time), `<details>`, a
 * dialog, a popover, anything `hidden`. Its first occurrences are linked
 * there, and it does not use up the links of the text the reader sees
 * around it (a hidden "Quick" summary tab must not take the links of the
 * visible "Standard" one).
 */
import { findLinks, type Link, type Piece, type TermMatcher } from './linker.js';

/** Elements whose text is never linked: code, links and other controls, headings, existing terms, non-text. */
const SKIPPED = new Set([
  'a', 'button', 'input', 'textarea', 'select', 'option', 'label', 'summary',
  'code', 'pre', 'kbd', 'samp', 'var', 'dfn',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'video', 'audio',
  'lesson-term', 'lesson-glossary',
]);
const SKIPPED_ROLES = new Set(['button', 'link', 'heading', 'tab', 'menuitem', 'option', 'code', 'textbox', 'searchbox', 'combobox']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const SECTIONS = new Set(['section', 'article', 'details', 'dialog']);
const SECTION_ROLES = new Set(['tabpanel', 'dialog', 'alertdialog']);
/** Inline elements: text on either side of them belongs to the same line of words. */
const INLINE = new Set([
  'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'del', 'em', 'font', 'i', 'ins', 'mark', 'q', 'rb', 'rt', 'ruby', 's',
  'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'wbr',
]);

/** A term or link already in the content (see `isTerm`): the entry id it names, or undefined when it names none. */
export type ResolveTerm = (element: Element) => string | undefined;

/** Makes the element that wraps one occurrence of entry `id` (its text is appended after). */
export type CreateTerm = (doc: Document, id: string) => Element;

/**
 * Marks a link the glossary made and names its entry:
 * `<button type="button" data-lesson-term="gil">GIL</button>`. A plain
 * button, as cheap to make as a span (an article may link a thousand), until
 * a reader reaches it and it becomes a `<lesson-term>` (see link.ts).
 */
export const LINK_ATTRIBUTE = 'data-lesson-term';

/** One blank link per document, cloned for each link: a clone copies its attributes in one call. */
const blankLinks = new WeakMap<Document, Element>();

/** The default `CreateTerm`: a glossary's link (see `LINK_ATTRIBUTE`). */
export const createLink: CreateTerm = (doc, id) => {
  let blank = blankLinks.get(doc);
  if (!blank) {
    blank = doc.createElement('button');
    blank.setAttribute('type', 'button');
    // As the term's own button says: it opens something, and that is closed.
    blank.setAttribute('aria-expanded', 'false');
    blankLinks.set(doc, blank);
  }
  const link = blank.cloneNode(false) as Element;
  link.setAttribute(LINK_ATTRIBUTE, id);
  return link;
};

/** A link a glossary made (see `LINK_ATTRIBUTE`). */
export const isLink = (element: Element): boolean => element.localName === 'button' && element.hasAttribute(LINK_ATTRIBUTE);

/** A `<lesson-term>`, or a link a glossary made: the content already links that text. */
export const isTerm = (element: Element): boolean => element.localName === 'lesson-term' || isLink(element);

export interface LinkResult {
  /** The terms wrapped by this pass. */
  created: Element[];
  /** Every entry id the content now links to (new and existing terms), in order of first appearance. */
  linkedIds: string[];
}

/**
 * What `element` is to the walk (see `collectPieces`). Its name decides
 * most; its attributes are read only when it has any (most paragraphs have
 * none, and an article has hundreds).
 */
function kindOf(element: Element): 'term' | 'heading' | 'skipped' | 'section' | 'content' {
  if (isTerm(element)) return 'term';
  const name = element.localName;
  const attributed = element.hasAttributes();
  const role = attributed ? element.getAttribute('role') : null;
  if (HEADINGS.has(name) || role === 'heading') return 'heading';
  if (SKIPPED.has(name)) return 'skipped';
  if (attributed) {
    if (element.hasAttribute('data-no-glossary') || (role && SKIPPED_ROLES.has(role))) return 'skipped';
    const editable = element.getAttribute('contenteditable');
    if (editable !== null && editable !== 'false') return 'skipped';
    if (element.hasAttribute('hidden') || element.hasAttribute('popover') || (role && SECTION_ROLES.has(role))) return 'section';
  }
  return SECTIONS.has(name) ? 'section' : 'content';
}

/** Walks `root`'s light DOM once, in document order, into pieces for the matcher. */
export function collectPieces(root: Element, resolveTerm: ResolveTerm): { pieces: Piece[]; nodes: (Text | undefined)[] } {
  const pieces: Piece[] = [];
  const nodes: (Text | undefined)[] = [];
  let nextSection = 1;
  let section = 0;
  let separated = true;

  const visit = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        pieces.push({ text: (child as Text).data, section, joined: !separated });
        nodes.push(child as Text);
        separated = false;
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      const kind = kindOf(element);
      if (kind === 'term') {
        const id = resolveTerm(element);
        if (id) {
          pieces.push({ linked: id, section });
          nodes.push(undefined);
        }
        separated = true;
        continue;
      }
      if (kind === 'heading') {
        section = nextSection++;
        separated = true;
        continue;
      }
      if (kind === 'skipped') {
        separated = true;
        continue;
      }
      const inline = INLINE.has(element.localName);
      if (!inline) separated = true;
      if (kind === 'section') {
        const outer = section;
        section = nextSection++;
        visit(element);
        section = outer;
      } else {
        visit(element);
      }
      if (!inline) separated = true;
    }
  };
  visit(root);
  return { pieces, nodes };
}

/**
 * Wraps `links` (in order, all in `text`) in terms made by `createTerm`: one
 * fragment per text node, one insertion. The original text node is kept, so
 * references to it stay valid: it keeps the text before the first link, in
 * place, or, when a link starts the text, becomes that term's text.
 */
function wrapText(doc: Document, text: Text, links: readonly Link[], createTerm: CreateTerm, created: Element[]): void {
  const data = text.data;
  const parent = text.parentNode!;
  const next = text.nextSibling;
  const fragment = doc.createDocumentFragment();
  let reuse = links[0]!.start === 0;
  if (!reuse) text.data = data.slice(0, links[0]!.start);
  let cursor = links[0]!.start;
  // appendChild, not append(): the plain DOM path, for a thousand links.
  for (const link of links) {
    if (link.start > cursor) fragment.appendChild(doc.createTextNode(data.slice(cursor, link.start)));
    const term = createTerm(doc, link.id);
    const word = data.slice(link.start, link.end);
    if (reuse) {
      term.appendChild(text);
      text.data = word;
      reuse = false;
    } else {
      term.appendChild(doc.createTextNode(word));
    }
    fragment.appendChild(term);
    created.push(term);
    cursor = link.end;
  }
  if (cursor < data.length) fragment.appendChild(doc.createTextNode(data.slice(cursor)));
  parent.insertBefore(fragment, next);
}

/**
 * Links terms inside `root` (its light DOM): one walk, one scan, then the
 * wrapping (`createTerm` makes each wrapper; by default a link, see
 * `LINK_ATTRIBUTE`). Returns the new links and every id linked.
 */
export function linkTerms(
  root: Element,
  matcher: TermMatcher,
  resolveTerm: ResolveTerm,
  options: { all?: boolean; createTerm?: CreateTerm } = {},
): LinkResult {
  const { pieces, nodes } = collectPieces(root, resolveTerm);
  const links = findLinks(matcher, pieces, options);
  const created: Element[] = [];
  const doc = root.ownerDocument;
  const createTerm = options.createTerm ?? createLink;
  for (let first = 0; first < links.length; ) {
    let last = first;
    while (last + 1 < links.length && links[last + 1]!.piece === links[first]!.piece) last++;
    const text = nodes[links[first]!.piece];
    if (text?.parentNode) wrapText(doc, text, links.slice(first, last + 1), createTerm, created);
    first = last + 1;
  }
  // Ids in document order: existing terms and new links interleave by piece.
  const linkedIds = new Set<string>();
  let next = 0;
  pieces.forEach((piece, index) => {
    if ('linked' in piece) linkedIds.add(piece.linked);
    for (; next < links.length && links[next]!.piece === index; next++) linkedIds.add(links[next]!.id);
  });
  return { created, linkedIds: [...linkedIds] };
}
