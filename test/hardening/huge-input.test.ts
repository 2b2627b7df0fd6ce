/**
 * Huge input: a 5 MB lesson, a 10,000-item list, a 100 KB single line. Each
 * element either stays responsive (no main-thread task over 200 ms, measured
 * with PerformanceObserver('longtask')) or refuses with a message naming the
 * limit.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { LessonElement } from '../../src/core/lesson-element.js';
import { clearLessonCache, MAX_LESSON_BYTES } from '../../src/core/load.js';
import { LIMITS } from '../../src/core/schema.js';
import {
  collectLessonErrors,
  count,
  ELEMENTS,
  loadSeed,
  longTasksDuring,
  mount,
  openPage,
  Served,
  settle,
  shown,
  untilStill,
  type Json,
  type SourceKind,
} from './harness.js';

/** The pass criterion the issue sets: no main-thread task over this. */
const MAX_TASK_MS = 200;

type JsonObject = { [key: string]: Json };

const SENTENCE = 'The GIL lets one thread run Python bytecode at a time, so threads suit I/O-bound work. ';
const proseCache = new Map<number, string>();
/**
 * Prose that a glossary links and a reader wraps: real words, one line,
 * exactly `length` characters. One string per length, shared by every item:
 * the lesson is as big as JSON, but building it leaves the page no garbage
 * to collect while the element is timed.
 */
function prose(length: number): string {
  let text = proseCache.get(length);
  if (text === undefined) proseCache.set(length, (text = SENTENCE.repeat(Math.ceil(length / SENTENCE.length)).slice(0, length)));
  return text;
}

/** The part of a lesson each element shows, and how to make it huge. */
interface Target {
  name: string;
  /** The elements showing this part (the view shows every part). */
  tags: readonly string[];
  /** The seed with this part's list at `items` items of `chars` characters each. */
  build(seed: JsonObject, items: number, chars: number): JsonObject;
}

const withList = (seed: JsonObject, update: (lesson: JsonObject) => void): JsonObject => {
  const lesson = structuredClone(seed);
  update(lesson);
  return lesson;
};

const TARGETS: readonly Target[] = [
  {
    name: 'dialogue lines',
    tags: ['lesson-dialogue', 'lesson-view'],
    build: (seed, items, chars) =>
      withList(seed, (lesson) => {
        const [dialogue] = lesson.dialogues as JsonObject[];
        dialogue!.lines = Array.from({ length: items }, (_, i) => ({ speaker: i % 2 ? 's1' : 'teacher', text: prose(chars) }));
      }),
  },
  {
    name: 'flashcards',
    tags: ['lesson-flashcards', 'lesson-view'],
    build: (seed, items, chars) =>
      withList(seed, (lesson) => {
        lesson.flashcards = Array.from({ length: items }, (_, i) => ({ id: `card-${i}`, front: prose(chars >> 1), back: prose(chars - (chars >> 1)) }));
      }),
  },
  {
    name: 'pros',
    tags: ['lesson-pros-cons', 'lesson-view'],
    build: (seed, items, chars) =>
      withList(seed, (lesson) => {
        const [group] = lesson.prosCons as JsonObject[];
        group!.pros = Array.from({ length: items }, (_, i) => ({ id: `pro-${i}`, text: prose(chars) }));
      }),
  },
  {
    name: 'memory aids',
    tags: ['lesson-mnemonic', 'lesson-view'],
    build: (seed, items, chars) =>
      withList(seed, (lesson) => {
        lesson.memoryAids = Array.from({ length: items }, (_, i) => ({ id: `story-${i}`, kind: 'story', text: prose(chars) }));
      }),
  },
  {
    name: 'glossary',
    tags: ['lesson-glossary', 'lesson-term', 'lesson-view'],
    build: (seed, items, chars) =>
      withList(seed, (lesson) => {
        // The seed's entries stay (cards and the term element name them), so a refusal is the size's, not a missing entry's.
        const kept = lesson.glossary as JsonObject[];
        const added = Array.from({ length: Math.max(items - kept.length, 1) }, (_, i) => ({ id: `term-${i}`, term: `Term ${i}`, definition: prose(chars) }));
        lesson.glossary = [...kept, ...added];
      }),
  },
];

const limitOf = (target: Target) => (target.name === 'dialogue lines' || target.name === 'flashcards' ? LIMITS.manyItems : LIMITS.items);

interface Case {
  input: string;
  target: Target;
  /** A fresh copy each call: an element caches the validation of a lesson object it has seen. */
  lesson: () => JsonObject;
}

/** The three inputs the issue names, in the part each element shows. */
function cases(seed: JsonObject): Case[] {
  const all: Case[] = [];
  for (const target of TARGETS) {
    const limit = limitOf(target);
    // 5 MB of text spread over as many items as the part accepts: over the size limit.
    all.push({ input: '5 MB lesson', target, lesson: () => target.build(seed, limit, Math.ceil(5_000_000 / limit)) });
    // The largest lesson accepted: as many items as the part accepts, filling the size limit.
    all.push({ input: 'lesson just under the 4 MB limit', target, lesson: () => target.build(seed, limit, Math.floor((MAX_LESSON_BYTES - 100_000) / limit) - 60) });
    all.push({ input: '10,000-item list', target, lesson: () => target.build(seed, 10_000, 40) });
    all.push({ input: '100 KB single line', target, lesson: () => target.build(seed, 1, 100_000) });
    // The longest line a lesson may hold: accepted, so it must stay responsive.
    all.push({ input: `${count(LIMITS.text)}-character line (the longest accepted)`, target, lesson: () => target.build(seed, 1, LIMITS.text) });
  }
  return all;
}

/** The numbers a refusal may name for each input: the limit it ran into. */
const LIMIT_WORDS = [`${MAX_LESSON_BYTES / 1e6} MB`, String(LIMITS.items), String(LIMITS.manyItems), String(LIMITS.text)];

interface Result {
  label: string;
  outcome: 'shown' | 'refused' | 'failed';
  /** The longest main-thread task of the last try, in ms. */
  longest: number;
  detail: string;
  tries: number;
}

describe('hardening: huge input', function () {
  this.timeout(180_000);
  let seed: JsonObject;
  let page: ReturnType<typeof openPage>;
  let container: HTMLElement;
  const results: Result[] = [];

  before(async () => {
    seed = (await loadSeed()) as JsonObject;
    page = openPage();
    container = page.container;
  });

  after(() => {
    page.close();
    const shownResults = results.filter((r) => r.outcome === 'shown');
    const refused = results.filter((r) => r.outcome === 'refused').length;
    const failed = results.filter((r) => r.outcome === 'failed');
    const slowest = shownResults.reduce<Result | undefined>((worst, r) => (!worst || r.longest > worst.longest ? r : worst), undefined);
    const retried = results.filter((r) => r.tries > 1).length;
    console.log(
      `huge input: ${results.length} element mounts (5 MB lesson, lesson just under the 4 MB limit, 10,000-item list, 100 KB single line, ` +
        `longest accepted line, each in the part the element shows; 5 MB files as src and inline): ` +
        `${shownResults.length} shown with no main-thread task over ${MAX_TASK_MS} ms ` +
        `(longest ${Math.round(slowest?.longest ?? 0)} ms: ${slowest?.label ?? 'none'}; ${retried} needed more than one try), ` +
        `${refused} refused naming the limit, ${failed.length} failures`,
    );
    for (const failure of failed) console.log(`  failure: ${failure.label}: ${failure.detail}`);
  });

  /** One try: mounts the element, times every task until it has rendered, says what it shows. */
  async function once(tag: string, served: Served, source: SourceKind): Promise<Omit<Result, 'label' | 'tries'>> {
    clearLessonCache();
    const spec = ELEMENTS.find((each) => each.tag === tag)!;
    let el: LessonElement | undefined;
    const consoleError = console.error;
    console.error = () => {}; // a refusal logs its (long) message by design
    let settleError = '';
    const errors = collectLessonErrors(container);
    const tasks = await longTasksDuring(async () => {
      el = mount(spec, served, source, container);
      await settle(el, 60_000).catch((error: unknown) => {
        settleError = String(error);
      });
      // Long transcripts render over several frames: time them all.
      await untilStill(el);
    }).finally(() => {
      console.error = consoleError;
      errors.stop();
    });
    const longest = Math.max(0, ...tasks);
    // A term is a word in a sentence: its refusal is an inline note, and the reason goes to lesson-error (and the console).
    const reason = el ? (errors.byElement.get(el) ?? []).flatMap((detail) => detail.messages).join(' | ') : '';
    const seen = el ? shown(el) : { kind: 'nothing' as const, why: 'not mounted' };
    el?.remove();
    if (settleError) return { outcome: 'failed', longest, detail: settleError };
    if (seen.kind === 'content') {
      return longest <= MAX_TASK_MS
        ? { outcome: 'shown', longest, detail: '' }
        : { outcome: 'failed', longest, detail: `shown, but a task took ${Math.round(longest)} ms` };
    }
    if (seen.kind === 'nothing') return { outcome: 'failed', longest, detail: seen.why };
    const message = tag === 'lesson-term' ? reason : seen.text;
    return LIMIT_WORDS.some((word) => message.includes(word))
      ? { outcome: 'refused', longest, detail: message.slice(0, 200) }
      : { outcome: 'failed', longest, detail: `refused without naming a limit: ${message.slice(0, 300)}` };
  }

  /**
   * Judges one element on one input: shown with no task over 200 ms, or
   * refused naming a limit. Only a slow task is tried again (up to 5 times in
   * all, each on a fresh copy, after a longer pause each time): on a shared
   * machine other processes and the collection of the previous mount's
   * garbage can stretch a task, and what is measured is the element. The
   * figure says how many cases needed another try.
   */
  async function attempt(tag: string, lesson: () => unknown, source: SourceKind, label: string): Promise<Result> {
    let result: Omit<Result, 'label' | 'tries'> | undefined;
    let tries = 0;
    while (tries < 5 && (!result || (result.outcome === 'failed' && result.detail.startsWith('shown, but')))) {
      tries++;
      const served = new Served(lesson());
      await new Promise((resolve) => setTimeout(resolve, 200 * tries));
      result = await once(tag, served, source);
      served.dispose();
    }
    const judged = { label, tries, ...result! };
    results.push(judged);
    return judged;
  }

  it('an element refusing a huge lesson says so accessibly', async () => {
    const huge = structuredClone(seed);
    huge.flashcards = Array.from({ length: LIMITS.manyItems + 1 }, (_, i) => ({ id: `c${i}`, front: 'Q', back: 'A' }));
    const consoleError = console.error;
    console.error = () => {};
    try {
      const el = await fixture<LessonElement>(html`<lesson-flashcards .lesson=${huge}></lesson-flashcards>`);
      await settle(el);
      await expect(el).to.be.accessible();
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain(`Expected at most ${LIMITS.manyItems} items`);
    } finally {
      console.error = consoleError;
    }
  });

  it('a 5 MB lesson file (src or inline) is refused with the size limit, by every element', async () => {
    const big = TARGETS[0]!.build(seed, LIMITS.manyItems, 500);
    const text = JSON.stringify(big);
    expect(text.length).to.be.greaterThan(5_000_000);
    const failures: string[] = [];
    for (const source of ['src', 'inline'] as const) {
      for (const { tag } of ELEMENTS) {
        const result = await attempt(tag, () => big, source, `<${tag}>, 5 MB file as ${source}`);
        if (result.outcome !== 'refused' || !result.detail.includes(`${MAX_LESSON_BYTES / 1e6} MB`)) {
          failures.push(`${result.label}: ${result.outcome} ${result.detail}`);
        }
      }
    }
    expect(failures).to.deep.equal([]);
  });

  it('each element shows a 5 MB lesson, a 10,000-item list and a 100 KB line within 200 ms tasks, or refuses naming the limit', async () => {
    const failures: string[] = [];
    for (const { input, target, lesson } of cases(seed)) {
      for (const tag of target.tags) {
        const result = await attempt(tag, lesson, 'property', `<${tag}>, ${input} in ${target.name}`);
        if (result.outcome === 'failed') failures.push(`${result.label}: ${result.detail}`);
      }
    }
    expect(failures).to.deep.equal([]);
  });
});
