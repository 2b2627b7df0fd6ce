/**
 * The seven lesson elements as the fault suites use them, on the mini lesson
 * (test/fixtures/mini.json, also what the fault server serves): how to mount
 * each, and how to tell that it shows the lesson or an error.
 */
import '../../src/index.js';
import type { LessonElement } from '../../src/core/lesson-element.js';

export interface ElementCase {
  tag: string;
  attributes?: Record<string, string>;
  /** Light DOM text (the term a `<lesson-term>` names). */
  text?: string;
  /** Text of the mini lesson the element shows once it has loaded. */
  shows: string;
}

export const ELEMENTS: readonly ElementCase[] = [
  { tag: 'lesson-dialogue', shows: 'What is a thread?' },
  { tag: 'lesson-pros-cons', shows: 'Good for I/O' },
  { tag: 'lesson-flashcards', shows: 'GIL?' },
  { tag: 'lesson-mnemonic', shows: 'MOP' },
  { tag: 'lesson-term', text: 'GIL', shows: 'GIL' },
  { tag: 'lesson-glossary', attributes: { view: 'list' }, shows: 'Global Interpreter Lock' },
  { tag: 'lesson-view', shows: 'Mini lesson' },
];

export type Source = { src: string } | { inline: string } | { lesson: unknown };

/** Creates `element` in `container`, with its lesson from `source`. */
export function mountElement(element: ElementCase, container: HTMLElement, source: Source, properties: Record<string, unknown> = {}): LessonElement {
  const el = document.createElement(element.tag) as LessonElement;
  for (const [name, value] of Object.entries(element.attributes ?? {})) el.setAttribute(name, value);
  Object.assign(el, properties);
  if (element.text) el.append(element.text);
  if ('src' in source) el.src = source.src;
  else if ('lesson' in source) el.lesson = source.lesson;
  else {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = source.inline;
    el.append(script);
  }
  container.append(el);
  return el;
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The text of `el`'s shadow tree and of the shadow trees inside it, slotted text included (scripts excluded). */
export function deepText(el: Element): string {
  const parts: string[] = [];
  const visit = (root: ShadowRoot) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node instanceof Text) parts.push(node.data);
      else if (node instanceof HTMLSlotElement) {
        for (const assigned of node.assignedNodes({ flatten: true })) if (!(assigned instanceof HTMLScriptElement)) parts.push(assigned.textContent ?? '');
      } else if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    }
  };
  if (el.shadowRoot) visit(el.shadowRoot);
  return clean(parts.join(' '));
}

/** The problem as the element states it: the alert's messages, or a term's inline note. */
export function problemText(el: LessonElement): string {
  const messages = el.shadowRoot!.querySelector('[part~="error-messages"]');
  return clean(messages?.textContent ?? '');
}

/** Does `el` show the mini lesson (a term: its definition trigger)? */
export function lessonShown(element: ElementCase, el: LessonElement): boolean {
  if (el.loadState !== 'ready') return false;
  if (element.tag === 'lesson-term') return el.shadowRoot!.querySelector('[part="trigger"]') !== null;
  return deepText(el).includes(element.shows);
}
