// XSS hardening: every payload of the corpus in every text and URL field of the seed lesson,
// rendered by <lesson-view> and by each element on its own, with the modes that show more text
// opened. Pass: the canary never runs, no javascript:/data: URL reaches a URL attribute, no
// element appears that our templates do not make, and URL fields the schema refuses give the
// validation error, not a link.
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/index.js';
import { LessonElement } from '../../src/core/lesson-element.js';
import { isSafeUrl, parseInline, type InlineNode } from '../../src/core/rich-text.js';
import { LIMITS, validateLesson, type Lesson } from '../../src/core/schema.js';
import { MemoryProgressStore } from '../../src/core/storage.js';
import type { LessonFlashcards } from '../../src/components/flashcards/flashcards.js';
import type { LessonTerm } from '../../src/components/glossary/term.js';
import type { LessonView } from '../../src/components/lesson-view/lesson-view.js';
import { XSS_PAYLOADS } from './xss-payloads.js';

declare global {
  interface Window {
    __xssCanary?: () => void;
  }
}

const SEED = '/demo/lessons/python-concurrency.json';
/** For the media slots the seed lesson leaves empty; relative, like an author's (they resolve against a host that never answers). */
const IMAGE = 'media/lock.svg';
const AUDIO = 'media/talk.wav';

type Path = (string | number)[];
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

// ---------------------------------------------------------------- fields

/** Strings that are not free text: ids and references (their own patterns refuse any payload), enums. */
function isStructural(path: Path): boolean {
  const key = path[path.length - 1];
  if (key === 'id' || key === 'lang' || key === 'dir' || key === 'kind' || key === 'speaker') return true;
  // A flashcard's `term` is a glossary id; a glossary entry's `term` is text.
  return key === 'term' && path[0] === 'flashcards';
}

const URL_KEYS = new Set(['url', 'src', 'captions']);
const isUrlField = (path: Path) => URL_KEYS.has(String(path[path.length - 1])) || path[path.length - 2] === 'audio';

/** Every string leaf of `value`, with its path. */
function stringFields(value: Json, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringFields(item, [...path, index]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => stringFields(item, [...path, key]));
  return [];
}

function setAt(target: Json, path: Path, text: string): void {
  let node = target as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  node[path[path.length - 1]!] = text;
}

const formatPath = (path: Path) =>
  path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');

/**
 * The seed lesson with every URL slot the format has filled in (the seed itself only has
 * link URLs): glossary "more" links, flashcard images and audio, a story image, dialogue
 * audio and captions. Their `alt` texts become text fields too.
 */
function withEveryUrlSlot(seed: Lesson): Json {
  const lesson = structuredClone(seed) as unknown as Record<string, Json>;
  for (const entry of lesson.glossary as Record<string, Json>[]) entry.url = `/glossary/${entry.id as string}`;
  for (const card of lesson.flashcards as Record<string, Json>[]) {
    card.image = { src: IMAGE, alt: 'A lock' };
    card.audio = { front: AUDIO, back: AUDIO };
  }
  const story = (lesson.memoryAids as Record<string, Json>[]).find((aid) => aid.kind === 'story')!;
  story.image = { src: IMAGE, alt: 'A lock' };
  for (const dialogue of lesson.dialogues as Record<string, Json>[]) dialogue.audio = { src: AUDIO, captions: `${AUDIO}.vtt` };
  return lesson;
}

// ---------------------------------------------------------------- what a browser would do with a URL

const DANGEROUS_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:']);

/** The scheme a browser gives `value` in an href or src: its URL parser strips C0 controls, tabs and newlines and folds case. */
function browserScheme(value: string): string {
  try {
    return new URL(value, 'https://lesson.invalid/dir/').protocol;
  } catch {
    return '';
  }
}

/** Is `value` a javascript:, data: or vbscript: URL, however it is dressed up? */
function isDangerousUrl(value: string): boolean {
  if (DANGEROUS_SCHEMES.has(browserScheme(value))) return true;
  // The same question on the raw text, for attributes a URL parser never sees (xlink:href, action on old engines).
  // eslint-disable-next-line no-control-regex
  const raw = value.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '').toLowerCase();
  return [...DANGEROUS_SCHEMES].some((scheme) => raw.startsWith(scheme));
}

// ---------------------------------------------------------------- the scan

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'srcset', 'data', 'background', 'ping'];
const XLINK = 'http://www.w3.org/1999/xlink';
/** What the rich-text renderer adds beyond the clean seed lesson: links and inline emphasis. */
const RICH_TEXT_ELEMENTS = ['a', 'em', 'strong', 'code'];

/** Every element under `root`, through every shadow root. */
function* allElements(root: Node): Generator<Element> {
  const shadow = root instanceof Element ? root.shadowRoot : null;
  if (shadow) yield* allElements(shadow);
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child instanceof Element) {
      yield child;
      yield* allElements(child);
    }
  }
}

/** What went wrong under `root`: dangerous URLs, inline handlers, elements our templates never make. */
function scan(root: Node, allowed: ReadonlySet<string>): string[] {
  const findings: string[] = [];
  for (const element of allElements(root)) {
    const name = element.localName;
    if (!allowed.has(name)) findings.push(`<${name}> is not made by our templates`);
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name)) findings.push(`<${name} ${attribute.name}="${attribute.value}">`);
      if (URL_ATTRIBUTES.includes(attribute.name.toLowerCase()) && isDangerousUrl(attribute.value)) {
        findings.push(`<${name} ${attribute.name}="${attribute.value}">`);
      }
    }
    const xlink = element.getAttributeNS(XLINK, 'href');
    if (xlink !== null && isDangerousUrl(xlink)) findings.push(`<${name} xlink:href="${xlink}">`);
    // What the element resolved: the browser's own view of its link or source.
    for (const resolved of [(element as HTMLAnchorElement).href, (element as HTMLImageElement).src]) {
      if (typeof resolved === 'string' && resolved && DANGEROUS_SCHEMES.has(browserScheme(resolved))) findings.push(`<${name}> resolves to ${resolved}`);
    }
  }
  return findings;
}

// ---------------------------------------------------------------- mounting and exercising

const query = <T extends Element>(root: Node, selector: string): T[] => [...allElements(root)].filter((el): el is T => el.matches(selector));

/** Waits until every lesson element in the tree (and any that appear meanwhile) has rendered. */
async function settle(root: Node): Promise<void> {
  let count = -1;
  for (let round = 0; round < 10; round++) {
    const elements = [...allElements(root)].filter((el): el is LessonElement => el instanceof LessonElement);
    await Promise.all(elements.map((el) => el.updateComplete));
    if (elements.length === count) return;
    count = elements.length;
  }
}

/** The view plus each element on its own, in the modes that render the most lesson text. */
function mount(lesson: unknown, termId: string): HTMLElement {
  const container = document.createElement('div');
  const store = new MemoryProgressStore();
  const make = (tag: string, attributes: Record<string, string> = {}) => {
    const el = document.createElement(tag) as LessonElement;
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    el.store = store;
    el.lesson = lesson;
    container.append(el);
    return el;
  };
  make('lesson-view');
  make('lesson-dialogue', { mode: 'read' });
  make('lesson-pros-cons', { compare: '' });
  make('lesson-pros-cons', { mode: 'practice' });
  make('lesson-flashcards', { mode: 'study' });
  make('lesson-mnemonic', { practice: '' });
  make('lesson-glossary', { view: 'list' });
  make('lesson-term', { term: termId }).textContent = 'term';
  document.body.append(container);
  return container;
}

/** Opens what shows more text: summary tabs, a term popover, a flipped card, every dialogue line, practices. */
async function exercise(container: HTMLElement): Promise<void> {
  await settle(container);
  const view = container.querySelector<LessonView>('lesson-view')!;
  for (const tab of query<HTMLElement>(view, '[role="tab"]')) tab.click();
  const standaloneTerm = container.querySelector<LessonTerm>(':scope > lesson-term')!;
  for (const term of [...query<LessonTerm>(view, 'lesson-term').slice(0, 1), standaloneTerm]) term.show();
  for (const deck of query<LessonFlashcards>(container, 'lesson-flashcards')) deck.flip();
  for (const dialogue of query<LessonElement & { goToLine(index: number): void }>(container, 'lesson-dialogue')) dialogue.goToLine(1000);
  query<HTMLElement>(view, '[part~="practice-button"]')[0]?.click();
  await settle(container);
  // Image and media errors fire their handlers asynchronously.
  await aTimeout(0);
}

/** What `exercise()` should have opened and did not: proof that the poisoned text was really shown. */
function unopened(container: HTMLElement): string[] {
  const view = container.querySelector<LessonView>('lesson-view')!;
  const missing: string[] = [];
  // The view links a term only where a glossary term occurs in the text, which payloads seldom allow; the
  // standalone term always opens. Opening one popover closes the other (light dismiss): each has rendered its definition.
  const terms = [...query<LessonTerm>(view, 'lesson-term').slice(0, 1), container.querySelector<LessonTerm>(':scope > lesson-term')!];
  if (!terms.every((term) => query(term, '[part~="definition"]').length)) missing.push('a term popover');
  if (query(container, 'lesson-flashcards').some((deck) => !query(deck, '[part~="card"].flipped').length)) missing.push('a flipped card');
  if (query(container, 'lesson-mnemonic').some((aids) => !query(aids, '[part~="practice"]').length)) missing.push('a memory aid practice');
  if (query(container, 'lesson-pros-cons[mode="practice"]').some((practice) => !query(practice, '[part~="choice"]').length)) missing.push('a pros/cons practice');
  return missing;
}

// ---------------------------------------------------------------- the suite

/**
 * Text fields take two payloads each, so the corpus visits every field in half as many lessons:
 * lesson k puts payloads k and k + half (mod the corpus size) in field j + k. Short texts get
 * them as text; rich texts also as the URL of a link. Returns, per lesson, the value of each field.
 */
function packedTextLessons(base: Json, fields: Path[], shortFields: Set<string>): { lesson: Json; pairs: [number, number][] }[] {
  const count = XSS_PAYLOADS.length;
  const half = Math.ceil(count / 2);
  const lessons = [];
  for (let k = 0; k < half; k++) {
    const lesson = structuredClone(base);
    const pairs: [number, number][] = [];
    fields.forEach((path, j) => {
      const pair: [number, number] = [(j + k) % count, (j + k + half) % count];
      const [a, b] = pair.map((index) => XSS_PAYLOADS[index]!.payload) as [string, string];
      setAt(lesson, path, shortFields.has(formatPath(path)) ? `${a}\n${b}` : `${a} [link](${a})\n${b} [link](${b})`);
      pairs.push(pair);
    });
    lessons.push({ lesson, pairs });
  }
  return lessons;
}

/** The link URLs rich text finds in `source`: packing two payloads must not hide or make any. */
function linkUrls(source: string): string[] {
  const walk = (nodes: InlineNode[]): string[] =>
    nodes.flatMap((node) => [...(node.type === 'link' ? [node.href] : []), ...('children' in node ? walk(node.children) : [])]);
  return walk(parseInline(source));
}

describe('XSS corpus', () => {
  let seed: Lesson;
  let base: Json;
  let textFields: Path[];
  let shortFields: Set<string>;
  let urlFields: Path[];
  let allowed: Set<string>;
  let canaryCalls: string[];
  let termId: string;
  let baseElement: HTMLBaseElement;

  before(async () => {
    // Every element starts fresh: progress another test file left in this origin's storage (a remembered
    // flashcard mode, a practice under way) would open the elements in another state than `exercise()` expects.
    for (const key of Object.keys(localStorage)) if (key.startsWith('lesson-elements:')) localStorage.removeItem(key);
    seed = (await (await fetch(SEED)).json()) as Lesson;
    termId = seed.glossary![0]!.id;
    base = withEveryUrlSlot(seed);
    const fields = stringFields(base).filter((path) => !isStructural(path));
    urlFields = fields.filter(isUrlField);
    textFields = fields.filter((path) => !isUrlField(path));
    expect(validateLesson(base).ok, 'the seed with every URL slot filled is valid').to.be.true;
    // Which text fields are short (no markup room for two payloads and two links): ask the schema.
    const tooLong = structuredClone(base);
    for (const path of textFields) setAt(tooLong, path, 'x'.repeat(LIMITS.shortText + 1));
    const result = validateLesson(tooLong);
    shortFields = new Set(result.ok ? [] : result.errors.filter((error) => error.includes(`Expected <=${LIMITS.shortText}`)).map((error) => error.split(':')[0]!));
    // Relative media URLs resolve against this page: send them to a host that never answers rather than to the test server.
    baseElement = document.createElement('base');
    baseElement.href = 'https://lesson.invalid/';
    document.head.prepend(baseElement);
    // The elements our templates make, from the clean lesson opened the same way.
    const clean = mount(base, termId);
    await exercise(clean);
    expect(unopened(clean)).to.deep.equal([]);
    allowed = new Set([...[...allElements(clean)].map((el) => el.localName), ...RICH_TEXT_ELEMENTS]);
    expect(scan(clean, allowed)).to.deep.equal([]);
    clean.remove();
  });

  after(() => baseElement.remove());

  beforeEach(() => {
    canaryCalls = [];
    window.__xssCanary = () => void canaryCalls.push(new Error('canary').stack ?? 'canary');
  });
  afterEach(() => {
    delete window.__xssCanary;
    sinon.restore();
  });

  it('has at least 100 payloads, each of which calls the canary, short enough for two in a short text', () => {
    expect(XSS_PAYLOADS.length).to.be.at.least(100);
    for (const { payload } of XSS_PAYLOADS) {
      const decoded = payload.replace(/base64,([A-Za-z0-9+/=]+)/g, (_, data: string) => atob(data));
      expect(decoded).to.include('__xss');
      expect(payload.length, payload).to.be.at.most((LIMITS.shortText - 1) / 2);
    }
  });

  it('catches what it looks for: a handler that runs, a dangerous URL, a foreign element', async () => {
    const probe = document.createElement('div');
    const image = document.createElement('img');
    image.setAttribute('onerror', 'window.__xssCanary()');
    image.src = 'https://lesson.invalid/no-such-image.png';
    const link = document.createElement('a');
    link.setAttribute('href', '\u0001JavaScript:window.__xssCanary()');
    probe.append(image, link);
    document.body.append(probe);
    await waitUntil(() => canaryCalls.length > 0, 'the canary was never called', { timeout: 5000 });
    expect(scan(probe, new Set(['a']))).to.deep.equal([
      '<img> is not made by our templates',
      '<img onerror="window.__xssCanary()">',
      '<a href="\u0001JavaScript:window.__xssCanary()">',
      '<a> resolves to javascript:window.__xssCanary()',
    ]);
    probe.remove();
  });

  it('rich text and the schema agree with the browser: no dangerous URL is "safe"', () => {
    const leaks = XSS_PAYLOADS.map(({ payload }) => payload).filter(
      (payload) => isDangerousUrl(payload) && (isSafeUrl(payload) || validateLesson({ ...seed, links: [{ title: 'x', url: payload }] }).ok),
    );
    expect(leaks.map((payload) => JSON.stringify(payload))).to.deep.equal([]);
  });

  it('runs no payload from any text field, in the view or in any element', async function (this: Mocha.Context) {
    this.timeout(120_000);
    const failures: string[] = [];
    const lessons = packedTextLessons(base, textFields, shortFields);
    for (const { lesson, pairs } of lessons) {
      const label = (j: number) => pairs[j]!.map((index) => `${XSS_PAYLOADS[index]!.kind} ${JSON.stringify(XSS_PAYLOADS[index]!.payload)}`).join(' + ');
      textFields.forEach((path, j) => {
        const [a, b] = pairs[j]!.map((index) => XSS_PAYLOADS[index]!.payload) as [string, string];
        const packed = linkUrls(`${a} [link](${a})\n${b} [link](${b})`);
        const apart = [...linkUrls(`${a} [link](${a})`), ...linkUrls(`${b} [link](${b})`)];
        if (!shortFields.has(formatPath(path)) && packed.join('\n') !== apart.join('\n')) failures.push(`${label(j)}: packing changes the links`);
      });
      const result = validateLesson(lesson);
      if (!result.ok) {
        failures.push(`text refused: ${result.errors[0]}`);
        continue;
      }
      const container = mount(lesson, termId);
      await exercise(container);
      failures.push(...scan(container, allowed).map((finding) => `${label(0)}…: ${finding}`));
      failures.push(...unopened(container).map((what) => `${label(0)}…: ${what} did not open`));
      // An element that shows an error instead of the text would test nothing.
      for (const el of [...allElements(container)].filter((el): el is LessonElement => el instanceof LessonElement && el.loadState !== 'ready')) {
        failures.push(`${label(0)}…: <${el.localName}> is ${el.loadState}`);
      }
      container.remove();
    }
    await aTimeout(50);
    console.log(
      `xss text: ${XSS_PAYLOADS.length} payloads x ${textFields.length} text fields (${shortFields.size} short; rich ones also as link URLs), ` +
        `${lessons.length} lessons in <lesson-view> + 7 elements: ${canaryCalls.length} ran, ${failures.length} failures`,
    );
    expect(failures).to.deep.equal([]);
    expect(canaryCalls).to.deep.equal([]);
  });

  it('refuses every dangerous URL field with the validation error and renders the rest safely', async function (this: Mocha.Context) {
    this.timeout(120_000);
    // Each element logs the errors of the lessons it refuses; this test checks them itself.
    sinon.stub(console, 'error');
    const failures: string[] = [];
    let refused = 0;
    let rendered = 0;
    for (const { kind, payload } of XSS_PAYLOADS) {
      const label = `${kind} ${JSON.stringify(payload)}`;
      const lesson = structuredClone(base);
      for (const path of urlFields) setAt(lesson, path, payload);
      const result = validateLesson(lesson);
      if (isDangerousUrl(payload)) {
        const expected = urlFields.map((path) => `${formatPath(path)}: Expected an http(s), mailto or relative URL`);
        const errors = result.ok ? [] : result.errors;
        const missing = expected.filter((message) => !errors.includes(message));
        if (missing.length) failures.push(`${label}: accepted at ${missing.length} URL fields, e.g. ${missing[0]}`);
      }
      let container: HTMLElement;
      if (result.ok) {
        rendered++;
        container = mount(lesson, termId);
        await exercise(container);
      } else {
        refused++;
        // The view shows the validation error instead of the lesson (every element shares that error view): no links at all.
        container = document.createElement('div');
        const view = container.appendChild(document.createElement('lesson-view'));
        view.lesson = lesson;
        document.body.append(container);
        await settle(container);
        const alert = view.shadowRoot!.querySelector('[role="alert"]');
        if (!alert?.textContent?.includes('Expected an http(s), mailto or relative URL')) failures.push(`${label}: the view shows no validation error`);
        if (query(container, 'a[href]').length) failures.push(`${label}: a link is shown for a refused lesson`);
      }
      failures.push(...scan(container, allowed).map((finding) => `${label}: ${finding}`));
      container.remove();
    }
    await aTimeout(50);
    console.log(
      `xss URLs: ${XSS_PAYLOADS.length} payloads x ${urlFields.length} URL fields: ${refused} refused by the schema with its error, ` +
        `${rendered} accepted and rendered; ${canaryCalls.length} ran, ${failures.length} failures`,
    );
    expect(failures).to.deep.equal([]);
    expect(canaryCalls).to.deep.equal([]);
  });

  it('leaves a poisoned view accessible', async () => {
    const [{ lesson }] = packedTextLessons(base, textFields, shortFields);
    const view = document.createElement('lesson-view');
    view.store = new MemoryProgressStore();
    view.lesson = lesson;
    document.body.append(view);
    await settle(view);
    await expect(view).to.be.accessible();
    view.remove();
  });
});
