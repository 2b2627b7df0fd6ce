/**
 * Shared by the hardening suites: mount every lesson element on one document
 * (as a property, an inline JSON script or a `src` file), wait until it has
 * settled, and say what a reader sees: the content, the error message, or
 * nothing (a failure).
 */
import { LessonElement } from '../../src/core/lesson-element.js';
import type { LessonErrorDetail } from '../../src/core/events.js';
import { MAX_LESSON_BYTES } from '../../src/core/load.js';
import { en } from '../../src/core/locales/en.js';
import { validateLesson } from '../../src/core/schema.js';
import { getDefaultStore, MemoryProgressStore, setDefaultStore } from '../../src/core/storage.js';
import { deepText, ELEMENTS, mountElement, problemText, type ElementCase } from './elements.js';

export { ELEMENTS };

export const SEED_URL = '/demo/lessons/python-concurrency.json';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A page for a suite (call in `before`, close in `after`): progress goes to
 * memory, so hostile lessons never touch the localStorage other test files
 * read, and elements are mounted in one container.
 */
export function openPage(): { container: HTMLElement; close(): void } {
  const previousStore = getDefaultStore();
  setDefaultStore(new MemoryProgressStore());
  const container = document.createElement('div');
  document.body.append(container);
  return {
    container,
    close() {
      setDefaultStore(previousStore);
      container.remove();
    },
  };
}

/** The seed lesson, as plain JSON to copy and break. */
export async function loadSeed(): Promise<{ [key: string]: Json }> {
  const response = await fetch(SEED_URL);
  return (await response.json()) as { [key: string]: Json };
}

/** How an element gets the lesson: the three ways the docs offer. */
export type SourceKind = 'property' | 'inline' | 'src';

/** One document served to the elements: a `src` URL is made once and shared, as a page would. */
export class Served {
  private url: string | undefined;
  private json: string | undefined;
  constructor(readonly doc: unknown) {}
  /** The document as a file would hold it. */
  get text(): string {
    this.json ??= JSON.stringify(this.doc);
    return this.json;
  }
  get src(): string {
    this.url ??= URL.createObjectURL(new Blob([this.text], { type: 'application/json' }));
    return this.url;
  }
  dispose() {
    if (this.url) URL.revokeObjectURL(this.url);
  }
}

/** Creates one element for `served` through `source`, inside `container`. */
export function mount(element: ElementCase, served: Served, source: SourceKind, container: HTMLElement): LessonElement {
  const given = source === 'property' ? { lesson: served.doc } : source === 'src' ? { src: served.src } : { inline: served.text };
  return mountElement(element, container, given);
}

/** The lesson elements rendered inside `root`'s shadow tree, at any depth (a view's children). */
export function nestedElements(root: Element): LessonElement[] {
  const found: LessonElement[] = [];
  const visit = (node: ParentNode) => {
    for (const child of node.querySelectorAll('*')) {
      if (child instanceof LessonElement) found.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
    }
  };
  if (root.shadowRoot) visit(root.shadowRoot);
  return found;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));

/**
 * Waits until `el` and the lesson elements it renders have settled: updates
 * done, lazy code loaded, no `src` still loading, and no element still idle
 * (with no lesson at all, the base class says so a task after its first
 * update). A rejected update (an exception while rendering) is rethrown.
 */
export async function settle(el: LessonElement, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    await el.updateComplete;
    const all = [el, ...nestedElements(el)];
    await Promise.all(all.map((each) => each.updateComplete));
    const busy = all.find((each) => each.loadState === 'loading' || each.loadState === 'idle' || each.isUpdatePending);
    if (!busy) return;
    if (performance.now() > deadline) throw new Error(`<${busy.localName}> still ${busy.loadState} after ${timeoutMs} ms`);
    await nextTask();
  }
}

export type Shown = { kind: 'content'; text: string } | { kind: 'error'; text: string } | { kind: 'nothing'; why: string };

/** What `el` shows: its content, its error message (an alert; for a term, its inline note), or nothing. */
export function shown(el: LessonElement): Shown {
  const root = el.shadowRoot;
  if (!root) return { kind: 'nothing', why: 'no shadow root' };
  if (el.loadState === 'error') {
    // An alert; a term is a word in a sentence, and says so in an inline note instead.
    const alert = el.localName === 'lesson-term' || root.querySelector('[role="alert"]') !== null;
    const text = problemText(el);
    return alert && text ? { kind: 'error', text } : { kind: 'nothing', why: `load-state error without a message (${root.innerHTML.slice(0, 200)})` };
  }
  if (el.loadState !== 'ready') return { kind: 'nothing', why: `load-state ${el.loadState}` };
  const base = root.querySelector('[part~="base"]');
  if (!base || /\b(loading|error)\b/.test(base.getAttribute('part') ?? '')) {
    return { kind: 'nothing', why: `ready, but the base part is ${base?.getAttribute('part') ?? 'missing'}` };
  }
  const text = deepText(el);
  return text ? { kind: 'content', text } : { kind: 'nothing', why: 'ready, but no text is rendered' };
}

/** Everything that went wrong without being shown: uncaught errors, unhandled rejections. */
export class UncaughtErrors {
  readonly errors: string[] = [];
  private readonly onError = (event: ErrorEvent) => {
    this.errors.push(`uncaught ${String(event.error?.stack ?? event.message)}`);
  };
  private readonly onRejection = (event: PromiseRejectionEvent) => {
    const reason: unknown = event.reason;
    this.errors.push(`unhandled rejection ${reason instanceof Error ? (reason.stack ?? reason.message) : JSON.stringify(reason)}`);
  };
  start() {
    window.addEventListener('error', this.onError);
    window.addEventListener('unhandledrejection', this.onRejection);
    return this;
  }
  stop() {
    window.removeEventListener('error', this.onError);
    window.removeEventListener('unhandledrejection', this.onRejection);
  }
  /** The errors since the last call. */
  take(): string[] {
    return this.errors.splice(0);
  }
}

/** Every `lesson-error` fired inside `container`, by the element that fired it (a view's children too). */
export function collectLessonErrors(container: HTMLElement): { byElement: Map<EventTarget, LessonErrorDetail[]>; stop(): void } {
  const byElement = new Map<EventTarget, LessonErrorDetail[]>();
  const listener = (event: Event) => {
    const origin = event.composedPath()[0] as EventTarget;
    const details = byElement.get(origin) ?? [];
    details.push((event as CustomEvent<LessonErrorDetail>).detail);
    byElement.set(origin, details);
  };
  container.addEventListener('lesson-error', listener);
  return { byElement, stop: () => container.removeEventListener('lesson-error', listener) };
}

/** What every element must show for a document: its content (or "nothing here" for a part it lacks), or one error. */
export type Expectation =
  | { outcome: 'valid' }
  | { outcome: 'error'; kind: LessonErrorDetail['kind']; messages: readonly string[]; exact: boolean };

/** What a document should produce, given how the element gets it. */
export function expectationFor(served: Served, source: SourceKind): Expectation {
  if (source === 'property' && (served.doc === null || served.doc === undefined)) {
    return { outcome: 'error', kind: 'not-found', messages: [en.errorNoSource], exact: true };
  }
  if (source !== 'property' && served.text.length > MAX_LESSON_BYTES) {
    return { outcome: 'error', kind: 'parse', messages: [`the limit is ${MAX_LESSON_BYTES / 1e6} MB`], exact: false };
  }
  const result = validateLesson(served.doc);
  if (!result.ok) return { outcome: 'error', kind: 'invalid', messages: result.errors, exact: true };
  // A lesson object has the file's size limit too.
  if (source === 'property' && JSON.stringify(result.lesson).length > MAX_LESSON_BYTES) {
    return { outcome: 'error', kind: 'invalid', messages: [`the limit is ${MAX_LESSON_BYTES / 1e6} MB`], exact: false };
  }
  return { outcome: 'valid' };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * Everything wrong with what `elements` (mounted on one document) show, as
 * sentences; empty when every element shows its content or its error. A
 * valid lesson may only produce "not found" errors (a part the lesson lacks):
 * any other error there is an exception the base class caught.
 */
export function problemsWith(elements: readonly LessonElement[], expected: Expectation, errors: Map<EventTarget, LessonErrorDetail[]>): string[] {
  const problems: string[] = [];
  const check = (el: LessonElement, nestedIn?: string) => {
    const name = nestedIn ? `<${el.localName}> in <${nestedIn}>` : `<${el.localName}>`;
    const seen = shown(el);
    const details = errors.get(el) ?? [];
    if (seen.kind === 'nothing') problems.push(`${name} shows nothing: ${seen.why}`);
    if (expected.outcome === 'valid' || nestedIn) {
      for (const detail of details) {
        if (detail.kind !== 'not-found') problems.push(`${name} fails on a valid lesson (${detail.kind}): ${detail.messages.join(' | ')}`);
      }
      return;
    }
    if (seen.kind !== 'error') problems.push(`${name} shows content for a document that should fail (${expected.messages[0]})`);
    const last = details[details.length - 1];
    if (!last) return void problems.push(`${name} fired no lesson-error`);
    const matches = expected.exact
      ? sameList(last.messages, expected.messages)
      : last.messages.some((message) => expected.messages.every((part) => message.includes(part)));
    if (last.kind !== expected.kind || !matches) {
      problems.push(`${name} reports ${last.kind} "${last.messages.slice(0, 3).join(' | ')}", expected ${expected.kind} "${expected.messages.slice(0, 3).join(' | ')}"`);
    }
    // What the reader sees names the first problem (a term says so in its own inline note).
    const first = last.messages[0] ?? '';
    if (el.localName !== 'lesson-term' && seen.kind === 'error' && !seen.text.includes(first.replace(/\s+/g, ' ').trim())) {
      problems.push(`${name}'s alert does not show "${first.slice(0, 120)}"`);
    }
  };
  for (const el of elements) {
    check(el);
    for (const inner of nestedElements(el)) check(inner, el.localName);
  }
  return problems;
}

/** `12345` -> `12,345`, for the printed figures. */
export const count = (n: number) => n.toLocaleString('en-US');

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * The durations of the main-thread tasks over 50 ms (PerformanceObserver
 * 'longtask') while `action` runs, and until the page has rendered the result.
 */
export async function longTasksDuring(action: () => Promise<void>): Promise<number[]> {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  try {
    await action();
    // Style and layout of what was rendered run in the next frames: they count too.
    await nextFrame();
    await nextFrame();
    await nextTask();
    for (const entry of observer.takeRecords()) durations.push(entry.duration);
  } finally {
    observer.disconnect();
  }
  return durations;
}

/**
 * Waits until `el` (and the lesson elements inside it) stop changing for a few
 * frames: long lists render over several frames. Watched with a
 * MutationObserver, so the waiting adds no work of its own to those frames.
 */
export async function untilStill(el: LessonElement, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let mutations = 0;
  const observer = new MutationObserver(() => {
    mutations++;
  });
  for (const target of [el, ...nestedElements(el)]) {
    if (target.shadowRoot) observer.observe(target.shadowRoot, { childList: true, subtree: true, characterData: true });
  }
  try {
    for (let still = 0, seen = 0; still < 3 && performance.now() < deadline; ) {
      await nextFrame();
      still = mutations === seen ? still + 1 : 0;
      seen = mutations;
    }
  } finally {
    observer.disconnect();
  }
}
