/**
 * Every element of the library in each of its states, rendered from the seed lesson: the scenes
 * the visual accessibility suites (visual-a11y.test.ts) measure in forced colours, at 320 px,
 * for target size and right to left. A scene renders into a wrapper carrying the direction, as a
 * page would, and drives the element into its state the way a learner does (clicks, typing).
 */
import { fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import sinon from 'sinon';
import '../../src/components/dialogue/dialogue.js';
import '../../src/components/flashcards/flashcards.js';
import '../../src/components/glossary/glossary.js';
import '../../src/components/glossary/term.js';
import '../../src/components/lesson-view/lesson-view.js';
import '../../src/components/mnemonic/mnemonic.js';
import '../../src/components/pros-cons/pros-cons.js';
import type { LessonDialogue } from '../../src/components/dialogue/dialogue.js';
import type { LessonTerm } from '../../src/components/glossary/term.js';
import type { LessonElement } from '../../src/core/lesson-element.js';
import type { Lesson } from '../../src/core/schema.js';
import { MemoryProgressStore, setDefaultStore } from '../../src/core/storage.js';
import { FakeSynth, voice } from '../fixtures/fake-speech.js';
import { toneWav } from '../fixtures/wav.js';
import { deepElements, finishAnimations } from './visual-a11y-checks.js';

export type Dir = 'ltr' | 'rtl';

export interface Scene {
  /** The element's tag. */
  element: string;
  /** The state it is driven into. */
  state: string;
  /** Renders the scene in a `<div dir>` and drives it into its state; resolves with the wrapper. */
  mount(dir: Dir): Promise<HTMLElement>;
  /** Icons pointing along the reading direction (next, previous): drawn mirrored right to left. */
  arrows?: string[];
}

let seedLesson: Lesson | undefined;
/** The seed lesson (python-concurrency.json), fetched once. */
export async function seed(): Promise<Lesson> {
  seedLesson ??= (await (await fetch('/demo/lessons/python-concurrency.json')).json()) as Lesson;
  return structuredClone(seedLesson);
}

/** A fixed clock: flashcard intervals and dates read the same in every run. */
const clock = () => new Date(Date.UTC(2026, 0, 5, 9));

/** Every lesson element below `root`, in the light DOM and in shadow roots. */
const lessonElements = (root: ParentNode) =>
  deepElements(root).filter((element): element is LessonElement => element.localName.startsWith('lesson-') && 'loadState' in element);

/** Waits until every lesson element in the wrapper has rendered its lesson, then lets movement end. */
async function settle(wrapper: HTMLElement): Promise<HTMLElement> {
  await waitUntil(
    () => lessonElements(wrapper).every((element) => element.loadState === 'ready'),
    'the lesson elements did not all load',
    { timeout: 10_000 },
  );
  await Promise.all(lessonElements(wrapper).map((element) => element.updateComplete));
  await nextFrame();
  finishAnimations();
  await nextFrame();
  return wrapper;
}

/** Renders a scene from empty storage: no scene resumes where another left off (lesson-view's parts use the page's store). */
async function place(dir: Dir, template: TemplateResult): Promise<HTMLElement> {
  setDefaultStore(new MemoryProgressStore());
  return settle(await fixture<HTMLElement>(html`<div dir=${dir}>${template}</div>`));
}

/** The first element matching `selector` in the shadow root of the wrapper's lesson element `tag`. */
function part<T extends HTMLElement = HTMLElement>(wrapper: HTMLElement, tag: string, selector: string): T {
  const host = wrapper.querySelector(tag);
  const found = host?.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`${tag}: nothing matches ${selector}`);
  return found;
}

/** Waits until `selector` matches in the element's shadow root (lazily loaded views). */
async function partSoon<T extends HTMLElement = HTMLElement>(wrapper: HTMLElement, tag: string, selector: string): Promise<T> {
  await waitUntil(() => wrapper.querySelector(tag)?.shadowRoot?.querySelector(selector), `${tag}: ${selector} never appeared`, { timeout: 10_000 });
  return part<T>(wrapper, tag, selector);
}

/** Clicks what `selector` matches, then lets the element update and settle. */
async function press(wrapper: HTMLElement, tag: string, selector: string): Promise<void> {
  (await partSoon(wrapper, tag, selector)).click();
  await settle(wrapper);
}

/** Types into a field as a learner would (value, then an input event). */
async function typeInto(wrapper: HTMLElement, tag: string, selector: string, text: string): Promise<void> {
  const field = await partSoon<HTMLInputElement>(wrapper, tag, selector);
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await settle(wrapper);
}

// ---- <lesson-dialogue> --------------------------------------------------------------------------

const dialogue = async (dir: Dir, attributes: { mode?: string; speech?: boolean; audio?: string } = {}) => {
  const lesson = await seed();
  const synthesis = attributes.speech ? new FakeSynth([voice('Alex', 'en-US', true)]) : undefined;
  return place(
    dir,
    html`<lesson-dialogue dialogue="threading-overview" .store=${new MemoryProgressStore()} mode=${attributes.mode ?? 'read'} ?speech=${attributes.speech} .synthesis=${synthesis} .lesson=${lesson}
      >${attributes.audio ? html`<audio slot="audio" preload="auto" src=${attributes.audio}></audio>` : ''}</lesson-dialogue
    >`,
  );
};
const steps = async (wrapper: HTMLElement, count: number) => {
  const el = wrapper.querySelector<LessonDialogue>('lesson-dialogue')!;
  for (let i = 0; i < count; i++) el.next();
  return settle(wrapper);
};
const DIALOGUE_ARROWS = ['[part~="next-button"] svg', '[part~="previous-button"] svg'];

let toneUrl: string | undefined;
const tone = () => (toneUrl ??= URL.createObjectURL(toneWav(2)));

/** A scene that starts as `start` renders it, then does `act` in it (a click, an answer). */
const then = (
  element: string,
  state: string,
  start: (dir: Dir) => Promise<HTMLElement>,
  act: (wrapper: HTMLElement) => Promise<unknown>,
  arrows?: string[],
): Scene => ({
  element,
  state,
  arrows,
  mount: async (dir) => {
    const wrapper = await start(dir);
    await act(wrapper);
    return wrapper;
  },
});

const dialogueScenes: Scene[] = [
  { element: 'lesson-dialogue', state: 'read mode', mount: (dir) => dialogue(dir) },
  { element: 'lesson-dialogue', state: 'step mode, third line', arrows: DIALOGUE_ARROWS, mount: async (dir) => steps(await dialogue(dir, { mode: 'step' }), 2) },
  {
    element: 'lesson-dialogue',
    state: 'think-first pause',
    arrows: DIALOGUE_ARROWS,
    mount: async (dir) => {
      const wrapper = await dialogue(dir, { mode: 'think' });
      for (let i = 0; i < 8 && !wrapper.querySelector('lesson-dialogue')!.shadowRoot!.querySelector('[part="think"]'); i++) await steps(wrapper, 1);
      await partSoon(wrapper, 'lesson-dialogue', '[part="think"]');
      return wrapper;
    },
  },
  then('lesson-dialogue', 'search with matches', dialogue, (wrapper) => typeInto(wrapper, 'lesson-dialogue', '[part="search-input"]', 'thread')),
  {
    element: 'lesson-dialogue',
    state: 'copy failed: the text to copy by hand',
    mount: async (dir) => {
      const wrapper = await dialogue(dir);
      const refuse = sinon.stub(navigator.clipboard, 'writeText').rejects(new DOMException('Denied', 'NotAllowedError'));
      try {
        await press(wrapper, 'lesson-dialogue', '[part="copy-button"]');
        await partSoon(wrapper, 'lesson-dialogue', '[part="copy-fallback"]');
      } finally {
        refuse.restore();
      }
      return wrapper;
    },
  },
  { element: 'lesson-dialogue', state: 'speech player', arrows: DIALOGUE_ARROWS, mount: async (dir) => steps(await dialogue(dir, { mode: 'step', speech: true }), 1) },
  {
    element: 'lesson-dialogue',
    state: 'audio player with seek bar',
    arrows: DIALOGUE_ARROWS,
    mount: async (dir) => {
      const wrapper = await dialogue(dir, { mode: 'step', audio: tone() });
      await waitUntil(() => wrapper.querySelector('audio')!.readyState >= 1, 'the audio metadata did not load', { timeout: 5000 });
      await waitUntil(() => !part<HTMLInputElement>(wrapper, 'lesson-dialogue', '[part="seek"]').disabled, 'the seek bar stayed disabled');
      return settle(wrapper);
    },
  },
];

// ---- <lesson-pros-cons> -------------------------------------------------------------------------

/** With random() close to 1 the shuffle keeps lesson order: the first statement is the first pro. */
const lessonOrder = () => 0.999;
const prosCons = async (dir: Dir, attributes: { group?: string; groups?: string; mode?: string; compare?: boolean }) =>
  place(
    dir,
    html`<lesson-pros-cons group=${attributes.group ?? ''} groups=${attributes.groups ?? ''} ?compare=${attributes.compare} mode=${attributes.mode ?? 'card'}
      .random=${lessonOrder} .store=${new MemoryProgressStore()} .lesson=${await seed()}></lesson-pros-cons>`,
  );
const practice = async (dir: Dir, compare = false) => {
  const wrapper = await prosCons(dir, compare ? { compare: true, mode: 'practice' } : { group: 'threading', mode: 'practice' });
  await partSoon(wrapper, 'lesson-pros-cons', '[part~="choice"]');
  return settle(wrapper);
};

const prosConsScenes: Scene[] = [
  {
    element: 'lesson-pros-cons',
    state: 'card, every disclosure open',
    mount: async (dir) => {
      const wrapper = await prosCons(dir, { group: 'threading' });
      for (const button of wrapper.querySelector('lesson-pros-cons')!.shadowRoot!.querySelectorAll<HTMLElement>('[part~="disclosure-button"]')) button.click();
      return settle(wrapper);
    },
  },
  { element: 'lesson-pros-cons', state: 'compare view', mount: (dir) => prosCons(dir, { groups: 'threading multiprocessing' }) },
  { element: 'lesson-pros-cons', state: 'sort-it practice, choosing', mount: (dir) => practice(dir) },
  then('lesson-pros-cons', 'sort-it practice, answered right', practice, (wrapper) => press(wrapper, 'lesson-pros-cons', '[part~="choice"][data-choice="pro"]'), [
    '[part~="next"] svg',
  ]),
  then('lesson-pros-cons', 'sort-it practice, answered wrong', practice, (wrapper) => press(wrapper, 'lesson-pros-cons', '[part~="choice"][data-choice="con"]'), [
    '[part~="next"] svg',
  ]),
  {
    element: 'lesson-pros-cons',
    state: 'sort-it practice, results',
    mount: async (dir) => {
      const wrapper = await practice(dir);
      const root = wrapper.querySelector('lesson-pros-cons')!.shadowRoot!;
      // Alternate the answers, so the review lists right and wrong ones.
      for (let turn = 0; turn < 40 && !root.querySelector('[part="result"]'); turn++) {
        await press(wrapper, 'lesson-pros-cons', `[part~="choice"][data-choice="${turn % 2 ? 'con' : 'pro'}"]`);
        await press(wrapper, 'lesson-pros-cons', '[part~="next"]');
      }
      await partSoon(wrapper, 'lesson-pros-cons', '[part="result"]');
      return wrapper;
    },
  },
  { element: 'lesson-pros-cons', state: 'compare practice, choosing a subject', mount: (dir) => practice(dir, true) },
];

// ---- <lesson-flashcards> ------------------------------------------------------------------------

const flashcards = async (dir: Dir, attributes: { mode?: string; cards?: string } = {}) => {
  const wrapper = await place(
    dir,
    html`<lesson-flashcards mode=${attributes.mode ?? 'browse'} cards=${attributes.cards ?? ''} .store=${new MemoryProgressStore()} .clock=${clock}
      .lesson=${await seed()}></lesson-flashcards>`,
  );
  await partSoon(wrapper, 'lesson-flashcards', '[part~="flip-button"], [part="answer-input"]');
  return settle(wrapper);
};
const FLASHCARD_ARROWS = ['[part~="next-button"] svg', '[part~="previous-button"] svg'];
const TYPE_ARROWS = ['[part~="next-button"] svg'];
const typing = (dir: Dir) => flashcards(dir, { mode: 'type' });
const turn = (wrapper: HTMLElement) => press(wrapper, 'lesson-flashcards', '[part~="front"] [part~="flip-button"]');
const answer = async (wrapper: HTMLElement, text: string) => {
  const input = await partSoon<HTMLInputElement>(wrapper, 'lesson-flashcards', '[part="answer-input"]');
  input.value = text;
  await press(wrapper, 'lesson-flashcards', '[part="check-button"]');
};

const flashcardScenes: Scene[] = [
  then('lesson-flashcards', 'browse, hint shown', flashcards, (wrapper) => press(wrapper, 'lesson-flashcards', '[part="hint-button"]'), FLASHCARD_ARROWS),
  then('lesson-flashcards', 'browse, card turned', flashcards, turn, FLASHCARD_ARROWS),
  then('lesson-flashcards', 'study session, grading', (dir) => flashcards(dir, { mode: 'study' }), async (wrapper) => {
    await turn(wrapper);
    await partSoon(wrapper, 'lesson-flashcards', '[part~="grade-button"]');
  }),
  {
    element: 'lesson-flashcards',
    state: 'study session summary, saved progress open',
    mount: async (dir) => {
      const wrapper = await flashcards(dir, { mode: 'study', cards: 'card-concurrency' });
      await turn(wrapper);
      await press(wrapper, 'lesson-flashcards', '[data-rating="easy"]');
      (await partSoon<HTMLDetailsElement>(wrapper, 'lesson-flashcards', '[part="progress-tools"]')).open = true;
      return settle(wrapper);
    },
  },
  { element: 'lesson-flashcards', state: 'type the answer', arrows: TYPE_ARROWS, mount: typing },
  then('lesson-flashcards', 'type the answer, right', typing, (wrapper) => answer(wrapper, 'concurrency'), TYPE_ARROWS),
  then('lesson-flashcards', 'type the answer, wrong', typing, (wrapper) => answer(wrapper, 'a kind of soup'), TYPE_ARROWS),
  {
    element: 'lesson-flashcards',
    state: 'type the answer, score',
    mount: async (dir) => {
      const wrapper = await flashcards(dir, { mode: 'type', cards: 'card-concurrency' });
      await answer(wrapper, 'a kind of soup');
      await press(wrapper, 'lesson-flashcards', '[part~="back"] [part~="next-button"]');
      await partSoon(wrapper, 'lesson-flashcards', '[part="summary"]');
      return wrapper;
    },
  },
];

// ---- <lesson-mnemonic> --------------------------------------------------------------------------

const mnemonic = async (dir: Dir, aid = '', checkBy = 'any') =>
  place(dir, html`<lesson-mnemonic aid=${aid} check-by=${checkBy} .store=${new MemoryProgressStore()} .lesson=${await seed()}></lesson-mnemonic>`);
/** Starts the practice of a single aid and waits for its code and first step. */
const practising = async (dir: Dir, aid: string, checkBy = 'any') => {
  const wrapper = await mnemonic(dir, aid, checkBy);
  await press(wrapper, 'lesson-mnemonic', '[part="practice-button"]');
  await partSoon(wrapper, 'lesson-mnemonic', '[part="practice"]');
  return settle(wrapper);
};
/** Step 1 rated "remembered", then on to step 2. */
const toStepTwo = async (wrapper: HTMLElement) => {
  await press(wrapper, 'lesson-mnemonic', '[part="rating"]');
  await press(wrapper, 'lesson-mnemonic', '[part="next"]');
  await partSoon(wrapper, 'lesson-mnemonic', '[part="input"]');
  return wrapper;
};

const mnemonicScenes: Scene[] = [
  { element: 'lesson-mnemonic', state: 'every aid, as tabs', mount: (dir) => mnemonic(dir) },
  then('lesson-mnemonic', 'acronym, one letter open', (dir) => mnemonic(dir, 'mop'), (wrapper) => press(wrapper, 'lesson-mnemonic', '[part="letter"]')),
  // The cue-to-meaning arrows belong to the lesson's text, which keeps its own direction (left to right here).
  { element: 'lesson-mnemonic', state: 'memory tool', mount: (dir) => mnemonic(dir, 't-and-m') },
  { element: 'lesson-mnemonic', state: 'story', mount: (dir) => mnemonic(dir, 'chef-story') },
  { element: 'lesson-mnemonic', state: 'practice, step 1', mount: (dir) => practising(dir, 'threading-rhyme') },
  {
    element: 'lesson-mnemonic',
    state: 'practice, step 2 (first letters)',
    mount: async (dir) => toStepTwo(await practising(dir, 'threading-rhyme')),
  },
  {
    element: 'lesson-mnemonic',
    state: 'practice, missed words marked',
    arrows: ['[part="next"] svg'],
    mount: async (dir) => {
      const wrapper = await toStepTwo(await practising(dir, 'threading-rhyme'));
      await typeInto(wrapper, 'lesson-mnemonic', '[part="input"]', 'Threading is light');
      await press(wrapper, 'lesson-mnemonic', '[part="check"]');
      await partSoon(wrapper, 'lesson-mnemonic', '[part="missed"]');
      return wrapper;
    },
  },
  {
    element: 'lesson-mnemonic',
    state: 'acronym practice, step 2',
    mount: async (dir) => toStepTwo(await practising(dir, 'mop')),
  },
  {
    element: 'lesson-mnemonic',
    state: 'practice summary',
    mount: async (dir) => {
      const wrapper = await practising(dir, 'threading-rhyme', 'rating');
      const root = wrapper.querySelector('lesson-mnemonic')!.shadowRoot!;
      for (let turn = 0; turn < 10 && !root.querySelector('[part="summary"]'); turn++) {
        if (!root.querySelector('[part="rating"]')) await press(wrapper, 'lesson-mnemonic', '[part="reveal"]');
        await press(wrapper, 'lesson-mnemonic', '[part="rating"]');
        await press(wrapper, 'lesson-mnemonic', '[part="next"]');
      }
      await partSoon(wrapper, 'lesson-mnemonic', '[part="summary"]');
      return wrapper;
    },
  },
];

// ---- <lesson-glossary>, <lesson-term>, <lesson-view> ---------------------------------------------

const otherScenes: Scene[] = [
  {
    element: 'lesson-glossary',
    state: 'list view',
    mount: async (dir) => place(dir, html`<lesson-glossary view="list" .store=${new MemoryProgressStore()} .lesson=${await seed()}></lesson-glossary>`),
  },
  {
    element: 'lesson-term',
    state: 'definition open',
    mount: async (dir) => {
      const wrapper = await place(
        dir,
        html`<p style="margin: 2rem 8rem 16rem">Python has a <lesson-term term="gil" .store=${new MemoryProgressStore()} .lesson=${await seed()}>GIL</lesson-term>, and it matters.</p>`,
      );
      const term = wrapper.querySelector<LessonTerm>('lesson-term')!;
      term.show();
      const popover = () => term.shadowRoot!.querySelector<HTMLElement>('[part~="popover"]');
      await waitUntil(() => popover()?.matches(':popover-open') && !popover()!.hasAttribute('data-placing'), 'the definition did not open');
      return settle(wrapper);
    },
  },
  {
    element: 'lesson-view',
    state: 'the whole lesson',
    mount: async (dir) => {
      // The sort-it practice inside shuffles with Math.random: the same order in every rendering.
      const random = sinon.stub(Math, 'random').returns(0.999);
      try {
        const wrapper = await place(dir, html`<lesson-view .store=${new MemoryProgressStore()} .lesson=${await seed()}></lesson-view>`);
        await waitUntil(() => lessonElements(wrapper).length > 8, 'lesson-view did not render its parts');
        await waitUntil(() => deepElements(wrapper).some((element) => element.matches('[part~="choice"]')), 'the sort-it practice did not start');
        return await settle(wrapper);
      } finally {
        random.restore();
      }
    },
  },
];

/** Every scene, element by element. */
export const scenes: Scene[] = [...dialogueScenes, ...prosConsScenes, ...flashcardScenes, ...mnemonicScenes, ...otherScenes];

/** The shadow root of the first `tag` in a scene. */
export const shadowOf = (wrapper: HTMLElement, tag: string): ShadowRoot => {
  const root = wrapper.querySelector(tag)?.shadowRoot;
  if (!root) throw new Error(`no <${tag}> with a shadow root in the scene`);
  return root;
};

export { press, settle, steps, dialogue, mnemonic, practising, toStepTwo, practice as sortItPractice, flashcards, answer as typeAnswer };
