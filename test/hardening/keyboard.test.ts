/**
 * Hardening: a keyboard-only learner completes every element's main task.
 *
 * Every key is a real key press (`sendKeys`, so the browser makes trusted
 * events and moves focus itself); nothing is clicked, no pointer event is
 * dispatched, and each task checks that none reached the page. Focus starts on
 * a button before the element and moves with Tab and the arrow keys, as a
 * learner's would; after every action focus must still be somewhere useful,
 * never dropped on <body>.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { settled } from '../fixtures/settled.js';
import '../../src/components/dialogue/dialogue.js';
import '../../src/components/flashcards/flashcards.js';
import '../../src/components/glossary/glossary.js';
import '../../src/components/lesson-view/lesson-view.js';
import '../../src/components/mnemonic/mnemonic.js';
import '../../src/components/pros-cons/pros-cons.js';
import type { LessonElement } from '../../src/core/lesson-element.js';
import type { LessonTerm } from '../../src/components/glossary/term.js';
import type { Lesson } from '../../src/core/schema.js';
import { getDefaultStore, MemoryProgressStore, setDefaultStore, type ProgressStore } from '../../src/core/storage.js';
import { Keyboard, deepActive } from './keyboard.js';

const SEED = '/demo/lessons/python-concurrency.json';

const figures = { tasks: 0, presses: 0, failures: 0, pointerEvents: 0 };

/** One task, done with the keyboard only: counted in the figures, failed if any pointer event fired. */
function task(title: string, body: (keys: Keyboard) => Promise<void>) {
  it(title, async () => {
    const keys = new Keyboard();
    try {
      await body(keys);
      keys.expectNoPointerEvents();
    } catch (error) {
      figures.failures++;
      throw error;
    } finally {
      keys.stop();
      figures.tasks++;
      figures.presses += keys.presses;
      figures.pointerEvents += keys.pointerEvents.length;
    }
  });
}

/** The element under test, after a "Start" button that has focus (where a learner tabs in from). */
async function mount<T extends LessonElement>(template: TemplateResult, selector: string): Promise<T> {
  const wrapper = await fixture<HTMLElement>(html`<div><button id="start">Start</button>${template}</div>`);
  const el = wrapper.querySelector<T>(selector)!;
  await waitUntil(() => el.loadState === 'ready' || el.loadState === 'error', `${selector} loads`, { timeout: 5000 });
  expect(el.loadState).to.equal('ready');
  await el.updateComplete;
  wrapper.querySelector<HTMLButtonElement>('#start')!.focus();
  return el;
}

const inside = (el: Element) => (node: Element | null) => !!node && (el.shadowRoot?.contains(node) ?? false);
const part = (el: Element, name: string) => (node: Element | null) => inside(el)(node) && !!node?.matches(`[part~="${name}"]`);
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The element's `lesson-complete`: the event, and whether it has come yet (to stop a loop of key presses). */
function completion(el: Element) {
  const state = { done: false, event: oneEvent(el, 'lesson-complete') };
  void state.event.then(() => (state.done = true));
  return state;
}


/** Focus is on something a learner can act on or read, inside `el`: not lost to <body>. */
function expectFocusIn(el: Element, what: string) {
  const active = deepActive();
  expect(active?.localName, `focus after ${what}`).to.not.equal('body');
  expect(isInShadowOf(el, active), `focus after ${what} is in <${el.localName}>`).to.equal(true);
}

/** Is `node` somewhere in `el`'s tree, across any depth of shadow roots? */
function isInShadowOf(el: Element, node: Element | null): boolean {
  let current: Node | null = node;
  while (current) {
    if (current === el) return true;
    const root = current.getRootNode();
    current = current.parentNode ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return false;
}

let seed: Lesson;
let savedStore: ProgressStore;

describe('Keyboard only: every element’s main task', () => {
  before(async () => {
    seed = (await (await fetch(SEED)).json()) as Lesson;
    savedStore = getDefaultStore();
  });
  beforeEach(() => setDefaultStore(new MemoryProgressStore()));
  afterEach(() => {
    // A TOC link sets the page's hash; the next test starts without one.
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });
  after(() => {
    setDefaultStore(savedStore);
    console.log(
      `keyboard: ${figures.tasks} tasks, ${figures.presses} key presses, ${figures.failures} failures, ${figures.pointerEvents} pointer events`,
    );
  });

  describe('<lesson-dialogue>', () => {
    task('steps through a dialogue to its end with Enter, Space and the arrow keys', async (keys) => {
      const el = await mount(html`<lesson-dialogue src=${`${SEED}#threading-overview`} mode="step"></lesson-dialogue>`, 'lesson-dialogue');
      const complete = completion(el);
      await keys.tabTo(part(el, 'next-button'), 'the Next button');
      const moves = ['Enter', ' ', 'ArrowRight'];
      for (let step = 0; !complete.done && step < 20; step++) {
        await keys.press(moves[step % moves.length]!);
        await el.updateComplete;
        expect(part(el, 'next-button')(deepActive()), 'focus stays on Next').to.equal(true);
      }
      expect((await complete.event).detail.id).to.equal('threading-overview');
      expect(text($(el, '[part~="end"]'))).to.equal('End of the dialogue');
      // Back and forth among the lines: Home, then End, from a line.
      await keys.press('Home');
      await el.updateComplete;
      expect(text($(el, '[part~="progress"]'))).to.equal('Line 1 of 7');
      await keys.tabTo((node) => inside(el)(node) && !!node?.matches('li.line'), 'the current line', { back: true });
      await keys.press('End');
      await el.updateComplete;
      expect(text($(el, '[part~="progress"]'))).to.equal('Line 7 of 7');
      expect(deepActive()?.id, 'focus follows the current line').to.equal('line-6');
    });

    task('thinks first: reveals answers with the prompt’s button and with Next, to the end', async (keys) => {
      const el = await mount(html`<lesson-dialogue src=${`${SEED}#multiprocessing-overview`} mode="think"></lesson-dialogue>`, 'lesson-dialogue');
      const complete = completion(el);
      await keys.tabTo(part(el, 'next-button'), 'the Next button');
      let prompts = 0;
      for (let step = 0; !complete.done && step < 30; step++) {
        if ($(el, '[part~="think"]') && prompts++ === 0) {
          // The first prompt: answer it with its own button, then go back to Next.
          await keys.tabTo(part(el, 'reveal-button'), 'the Reveal button', { back: true });
          await keys.press('Enter');
          await el.updateComplete;
          expect($(el, '[part~="think"]')).to.equal(null);
          // The button went away with the prompt: focus goes on from the answer it revealed.
          expect(deepActive()?.getAttribute('aria-current'), 'focus on the revealed answer').to.equal('true');
          expect(deepActive()?.matches('li.line')).to.equal(true);
          await keys.tabTo(part(el, 'next-button'), 'the Next button');
        } else {
          await keys.press('Enter');
          await el.updateComplete;
          expectFocusIn(el, 'Next');
        }
      }
      expect(prompts, 'think-first prompts met').to.be.greaterThan(1);
      expect((await complete.event).detail.id).to.equal('multiprocessing-overview');
      await expect(await settled(el)).to.be.accessible();
    });
  });

  describe('<lesson-pros-cons>', () => {
    /** Where each statement of the seed lesson belongs: its side, and its group. */
    const answers = () => {
      const byText = new Map<string, { side: 'pro' | 'con'; group: string }>();
      for (const group of seed.prosCons ?? []) {
        for (const item of group.pros) byText.set(item.text, { side: 'pro', group: group.id });
        for (const item of group.cons) byText.set(item.text, { side: 'con', group: group.id });
      }
      return byText;
    };

    async function sortAll(keys: Keyboard, el: LessonElement, answerOf: (statement: string) => string) {
      const complete = completion(el);
      await keys.tabTo(part(el, 'choice'), 'the first choice');
      for (let round = 0; round < 20 && !$(el, '[part~="result"]'); round++) {
        const statement = text($(el, '[part~="statement"]'));
        const wanted = answerOf(statement);
        await keys.tabTo((node) => part(el, 'choice')(node) && (node as HTMLElement).dataset.choice === wanted, `the choice ${wanted}`);
        await keys.press(round % 2 ? ' ' : 'Enter');
        await el.updateComplete;
        expect(part(el, 'next')(deepActive()), 'focus moves to Next after an answer').to.equal(true);
        expect(text($(el, '[part~="feedback"]'))).to.match(/^Correct/);
        await keys.press('Enter');
        await el.updateComplete;
        expectFocusIn(el, 'Next');
      }
      const done = await complete.event;
      expect(done.detail.score).to.equal(done.detail.maxScore);
      expect(deepActive()?.id, 'focus on the result heading').to.equal('result-title');
    }

    task('sorts every statement of a group into pros and cons', async (keys) => {
      const el = await mount(html`<lesson-pros-cons src=${`${SEED}#threading`} mode="practice"></lesson-pros-cons>`, 'lesson-pros-cons');
      const byText = answers();
      await sortAll(keys, el, (statement) => byText.get(statement)!.side);
      await expect(await settled(el)).to.be.accessible();
      // Try again: a fresh shuffle, focus on its first choice.
      await keys.tabTo(part(el, 'practice-retry'), 'Try again');
      await keys.press('Enter');
      await el.updateComplete;
      expect(part(el, 'choice')(deepActive()), 'focus on the first choice').to.equal(true);
    });

    task('sorts every statement of two compared groups into their subjects', async (keys) => {
      const el = await mount(html`<lesson-pros-cons src=${SEED} compare mode="practice"></lesson-pros-cons>`, 'lesson-pros-cons');
      const byText = answers();
      await sortAll(keys, el, (statement) => byText.get(statement)!.group);
    });
  });

  describe('<lesson-flashcards>', () => {
    task('studies a whole session: turns each card and grades it with a key or the focused button', async (keys) => {
      const el = await mount(html`<lesson-flashcards src=${SEED} mode="study"></lesson-flashcards>`, 'lesson-flashcards');
      await waitUntil(() => $(el, '[part~="flip-button"]'), 'the study session starts');
      const complete = completion(el);
      await keys.tabTo(part(el, 'flip-button'), 'Show answer');
      let graded = 0;
      for (let card = 0; !complete.done && card < 60; card++) {
        expect(part(el, 'flip-button')(deepActive()), 'focus on Show answer').to.equal(true);
        await keys.press(card % 2 ? ' ' : 'Enter');
        await el.updateComplete;
        expect(part(el, 'grade-good')(deepActive()), 'focus on Good once turned').to.equal(true);
        // Easy by its shortcut key, or Good with the focused button: both end the card's part in this session, in time.
        await keys.press(card % 3 === 2 ? 'Enter' : '4');
        graded++;
        await el.updateComplete;
        expectFocusIn(el, 'grading');
      }
      const done = await complete.event;
      expect(done.detail.summary?.reviewed).to.equal(graded);
      expect(graded).to.be.at.least(seed.flashcards!.length);
      expect(deepActive()?.getAttribute('data-focus'), 'focus on the summary').to.equal('summary');
      await expect(await settled(el)).to.be.accessible();
      // A new session right away: nothing is due, and focus stays in the deck.
      await keys.tabTo(part(el, 'restart-button'), 'New session');
      await keys.press('Enter');
      await waitUntil(() => $(el, '[part~="summary"]') && !$(el, '[aria-busy="true"]'), 'the new session starts');
      await el.updateComplete;
      expect(text($(el, '.summary-title'))).to.equal('Nothing to review right now');
      expect(deepActive()?.getAttribute('data-focus'), 'focus on the new summary').to.equal('summary');
    });
  });

  describe('<lesson-mnemonic>', () => {
    /** From the practice heading, to the first answer field. */
    const toField = (keys: Keyboard, el: Element) =>
      keys.tabTo((node) => inside(el)(node) && !!node?.matches('[data-answer]'), 'the answer field');

    task('practises a rhyme to the end: rates the full text, types it from first letters, recalls it from blanks', async (keys) => {
      const el = await mount(html`<lesson-mnemonic src=${SEED}></lesson-mnemonic>`, 'lesson-mnemonic');
      const rhyme = seed.memoryAids!.find((aid) => aid.id === 'threading-rhyme') as { lines: string[] };
      const complete = completion(el);
      // The tabs: arrows move along them; the rhyme is the first.
      await keys.tabTo(part(el, 'tab'), 'the selected tab');
      expect((await keys.pressIn(el, 'End'))?.id).to.equal('tab-mop');
      expect((await keys.pressIn(el, 'ArrowRight'))?.id).to.equal('tab-threading-rhyme');
      expect(deepActive()?.getAttribute('aria-selected')).to.equal('true');
      await keys.tabTo(part(el, 'practice-button'), 'Practise');
      await keys.press('Enter');
      await waitUntil(() => deepActive()?.id === 'practice-heading-threading-rhyme', 'focus on the practice heading');

      // Step 1, the full text: "I remembered it".
      await keys.tabTo((node) => node?.id === 'remembered-threading-rhyme', 'I remembered it');
      expect((await keys.pressIn(el, 'Enter'))?.id).to.equal('next-threading-rhyme');
      expect((await keys.pressIn(el, 'Enter'))?.id).to.equal('practice-heading-threading-rhyme');

      // Step 2, first letters: type the rhyme, one line per Enter, and check it with Ctrl+Enter.
      await toField(keys, el);
      await keys.type(rhyme.lines.join('\n'));
      await keys.chord('Control', 'Enter');
      await el.updateComplete;
      expect(deepActive()?.id).to.equal('next-threading-rhyme');
      expect(text($(el, '[part~="feedback"]'))).to.match(/^Correct/);
      await keys.press('Enter');
      await el.updateComplete;

      // Step 3, blanks: Show answer, then rate it.
      await keys.tabTo(part(el, 'reveal'), 'Show answer');
      expect((await keys.pressIn(el, 'Enter'))?.id).to.equal('answer-threading-rhyme');
      await keys.tabTo((node) => node?.id === 'remembered-threading-rhyme', 'I remembered it');
      await keys.press(' ');
      await el.updateComplete;
      await keys.press('Enter');
      const done = await complete.event;
      expect(done.detail).to.include({ id: 'threading-rhyme', score: 3, maxScore: 3 });
      await el.updateComplete;
      expectFocusIn(el, 'Finish');
      await expect(await settled(el)).to.be.accessible();
    });

    task('practises an acronym by typing each word in its own field', async (keys) => {
      const el = await mount(html`<lesson-mnemonic src=${`${SEED}#mop`}></lesson-mnemonic>`, 'lesson-mnemonic');
      const complete = completion(el);
      await keys.tabTo(part(el, 'practice-button'), 'Practise');
      await keys.press('Enter');
      await waitUntil(() => deepActive()?.id === 'practice-heading-mop', 'focus on the practice heading');
      for (let step = 1; step <= 3; step++) {
        await toField(keys, el);
        for (const [index, word] of ['Multiprocessing', 'Offers', 'Parallelism'].entries()) {
          if (index) await keys.press('Tab');
          await keys.type(word);
        }
        expect((await keys.pressIn(el, 'Enter'))?.id, `step ${step} checked`).to.equal('next-mop');
        await keys.press('Enter');
        await el.updateComplete;
        expectFocusIn(el, `step ${step}`);
      }
      expect((await complete.event).detail).to.include({ id: 'mop', score: 3, maxScore: 3 });
    });
  });

  describe('<lesson-term> in <lesson-glossary>', () => {
    task('opens and closes every term of the seed glossary; Escape and Close return focus to the term', async (keys) => {
      const glossary = seed.glossary!;
      const el = await mount(
        html`<lesson-glossary src=${SEED}>
          <p>${glossary.map((entry) => entry.term).join(', ')}: the words of this lesson.</p>
        </lesson-glossary>`,
        'lesson-glossary',
      );
      // Linked as plain buttons, each becomes a <lesson-term> when Tab reaches it.
      await waitUntil(() => el.querySelectorAll('button[data-lesson-term]').length === glossary.length, 'every term is linked');
      const words = [...el.querySelectorAll('button[data-lesson-term]')].map((link) => link.textContent);
      const events: string[] = [];
      el.addEventListener('lesson-term', (event) => events.push(`${event.detail.termId}:${event.detail.open ? 'open' : 'closed'}`));
      /** The term whose button `node` is, when its word is `word`. */
      const termOf = (node: Element | null, word: string | null) => {
        const host = (node?.getRootNode() as ShadowRoot | undefined)?.host;
        const isTrigger = host?.localName === 'lesson-term' && node === host.shadowRoot?.querySelector('[part~="trigger"]');
        return isTrigger && host.textContent === word ? (host as LessonTerm) : undefined;
      };
      for (const [index, word] of words.entries()) {
        await keys.tabTo((node) => termOf(node, word) !== undefined, `the term ${word}`);
        const term = termOf(deepActive(), word)!;
        const trigger = (node: Element | null) => node === term.shadowRoot?.querySelector('[part~="trigger"]');
        await keys.press(index % 2 ? ' ' : 'Enter');
        await term.updateComplete;
        expect(term.open, `${term.textContent} opens`).to.equal(true);
        expect(term.shadowRoot!.querySelector('[part~="popover"]')!.matches(':popover-open')).to.equal(true);
        if (index % 2) {
          // Into the definition, then its Close button.
          await keys.tabTo((node) => node === term.shadowRoot?.querySelector('[part~="close"]'), 'Close');
          await keys.press('Enter');
        } else {
          await keys.press('Escape');
        }
        await term.updateComplete;
        expect(term.open, `${term.textContent} closes`).to.equal(false);
        expect(trigger(deepActive()), `focus back on ${term.textContent}`).to.equal(true);
      }
      const ids = glossary.map((entry) => entry.id);
      expect(events).to.deep.equal(ids.flatMap((id) => [`${id}:open`, `${id}:closed`]));
      await expect(el).to.be.accessible();
    });
  });

  describe('<lesson-view>', () => {
    task('goes to every section from the table of contents, and through the summary tabs with the arrows', async (keys) => {
      const el = await mount(html`<lesson-view src=${SEED}></lesson-view>`, 'lesson-view');
      const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part~="toc"] a')];
      expect(links.length).to.be.greaterThan(5);
      const start = el.parentElement!.querySelector<HTMLButtonElement>('#start')!;
      for (const link of links) {
        const id = link.getAttribute('href')!.slice(1);
        start.focus();
        await keys.tabTo((node) => node === link, `the contents link ${id}`);
        await keys.press('Enter');
        await waitUntil(() => deepActive()?.id === id, `focus moves to the section ${id}`);
      }

      // Summaries: the tab list, arrows between levels (wrapping), Home and End.
      start.focus();
      await keys.tabTo((node) => node === links[0], 'the first contents link');
      await keys.press('Enter');
      await waitUntil(() => deepActive()?.id === 'summaries', 'focus on the summaries');
      // Back to the contents and the same link again: the page's hash does not change, focus must still move.
      await keys.tabTo((node) => node === links[0], 'the first contents link again', { back: true });
      await keys.press('Enter');
      await waitUntil(() => deepActive()?.id === 'summaries', 'focus on the summaries again', { timeout: 2000 });
      const selected = () => el.shadowRoot!.querySelector('[role="tab"][aria-selected="true"]')?.id;
      const shown = () => el.shadowRoot!.querySelector('[role="tabpanel"]:not([hidden])')?.id;
      await keys.tabTo(part(el, 'tab'), 'the selected summary tab');
      expect(deepActive()?.id).to.equal('tab-standard');
      for (const [key, tab] of [
        ['ArrowRight', 'detailed'],
        ['ArrowRight', 'quick'],
        ['ArrowLeft', 'detailed'],
        ['Home', 'quick'],
        ['End', 'detailed'],
      ] as const) {
        await keys.press(key);
        await el.updateComplete;
        expect([deepActive()?.id, selected(), shown()], key).to.deep.equal([`tab-${tab}`, `tab-${tab}`, `summary-${tab}`]);
      }
      await keys.press('Tab');
      expect(deepActive()?.id, 'Tab leaves the tab list for the panel').to.equal('summary-detailed');
    });
  });
});
