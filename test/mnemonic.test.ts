import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../src/components/mnemonic/mnemonic.js';
import { settled } from './fixtures/settled.js';
import type { LessonMnemonic } from '../src/components/mnemonic/mnemonic.js';
import type { Lesson } from '../src/core/schema.js';
import { MemoryProgressStore, setDefaultStore } from '../src/core/storage.js';
import { miniLesson } from './fixtures/mini-lesson.js';

const SEED = '/demo/lessons/python-concurrency.json';

/** A lesson with one aid of each kind, a story image, and a memory tool written in Spanish. */
function aidsLesson(): Lesson {
  return {
    ...miniLesson(),
    memoryAids: [
      { id: 'rhyme', kind: 'rhyme', title: 'Light threads', lines: ['Threading is *light*,', 'for I/O it shines bright.'] },
      {
        id: 'story',
        kind: 'story',
        title: 'The chefs',
        text: 'One chef takes one order at a time.\n\nA **team** of chefs cooks whole meals at once.',
        image: { src: 'images/chefs.png', alt: 'A busy kitchen with four chefs' },
      },
      { id: 'tool', kind: 'memory-tool', pairs: [{ cue: 'T de Threading', meaning: 'T de Tiempo de E/S' }] },
      {
        id: 'mop',
        kind: 'acronym',
        acronym: 'MOP',
        letters: [
          { letter: 'M', word: 'Multiprocessing' },
          { letter: 'O', word: 'Offers' },
          { letter: 'P', word: 'Parallelism' },
        ],
        meaning: 'Multiprocessing *Offers* Parallelism.',
      },
    ],
  };
}

async function ready(el: LessonMnemonic): Promise<LessonMnemonic> {
  await waitUntil(() => el.loadState === 'ready' || el.loadState === 'error', 'the lesson did not load', { timeout: 5000 });
  await el.updateComplete;
  return el;
}
const show = async (template: ReturnType<typeof html>) => ready(await fixture<LessonMnemonic>(template));

const root = (el: LessonMnemonic) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: LessonMnemonic, selector: string) => root(el).querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: LessonMnemonic, selector: string) => [...root(el).querySelectorAll<E>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** Text as a sighted user sees it: without visually hidden helpers and aria-hidden duplicates. */
function visibleText(node: Element | null): string {
  if (!node) return '';
  const clone = node.cloneNode(true) as Element;
  clone.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
  return text(clone);
}
const announced = (el: LessonMnemonic) => text($(el, '[role="status"]'));
const visiblePanel = (el: LessonMnemonic) => $(el, '[role="tabpanel"]:not([hidden])');
const buttonNamed = (el: LessonMnemonic, name: string | RegExp) =>
  $$<HTMLButtonElement>(el, 'button').find((button) =>
    typeof name === 'string' ? text(button) === name : name.test(text(button)),
  );
async function click(el: LessonMnemonic, name: string | RegExp) {
  const button = buttonNamed(el, name);
  expect(button, `a button named ${name}`).to.exist;
  button!.click();
  await el.updateComplete;
}
const focused = (el: LessonMnemonic) => root(el).activeElement as HTMLElement | null;

describe('<lesson-mnemonic>', () => {
  // No test may see another's saved progress (the default store is the page's localStorage).
  beforeEach(() => setDefaultStore(new MemoryProgressStore()));
  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('shows every aid of the seed lesson as accessible tabs', async () => {
    const el = await show(html`<lesson-mnemonic src=${SEED} .store=${new MemoryProgressStore()}></lesson-mnemonic>`);
    await expect(await settled(el)).to.be.accessible();
    const tabs = $$(el, '[role="tab"]');
    expect(tabs.map((tab) => visibleText(tab))).to.deep.equal([
      'Rhyme Light threads, heavy processes',
      'Story The chefs',
      'Memory tool T and M',
      'Acronym MOP',
    ]);
    expect($(el, '[role="tablist"]')!.getAttribute('aria-label')).to.equal('Memory aids');
    expect(tabs.map((tab) => tab.getAttribute('aria-selected'))).to.deep.equal(['true', 'false', 'false', 'false']);
    expect(tabs.map((tab) => tab.tabIndex)).to.deep.equal([0, -1, -1, -1]);
    const panel = visiblePanel(el)!;
    expect(panel.id).to.equal(tabs[0]!.getAttribute('aria-controls'));
    expect(panel.getAttribute('aria-labelledby')).to.equal(tabs[0]!.id);
    expect($$(el, '[role="tabpanel"]')).to.have.length(4);
  });

  describe('presentation of each kind', () => {
    let el: LessonMnemonic;
    beforeEach(async () => {
      el = await show(html`<lesson-mnemonic .lesson=${aidsLesson()} .store=${new MemoryProgressStore()}></lesson-mnemonic>`);
    });
    const openTab = async (index: number) => {
      $$(el, '[role="tab"]')[index]!.click();
      await el.updateComplete;
      return visiblePanel(el)!;
    };

    it('sets a rhyme as verse lines, keeping its inline markup', async () => {
      const panel = await openTab(0);
      const lines = [...panel.querySelectorAll('[part="verse"] .line')];
      expect(lines.map((line) => text(line))).to.deep.equal(['Threading is light,', 'for I/O it shines bright.']);
      expect(lines[0]!.querySelector('em')!.textContent).to.equal('light');
      await expect(await settled(el)).to.be.accessible();
    });

    it('shows a story as a narrative card with its image and alt text', async () => {
      const panel = await openTab(1);
      const image = panel.querySelector<HTMLImageElement>('[part="image"]')!;
      expect(image.getAttribute('src')).to.equal(new URL('images/chefs.png', document.baseURI).href);
      expect(image.alt).to.equal('A busy kitchen with four chefs');
      const paragraphs = [...panel.querySelectorAll('[part="story"] .narrative p')].map((p) => text(p));
      expect(paragraphs).to.deep.equal(['One chef takes one order at a time.', 'A team of chefs cooks whole meals at once.']);
      expect(panel.querySelector('[part="story"] strong')!.textContent).to.equal('team');
      await expect(await settled(el)).to.be.accessible();
    });

    it('lists a memory tool as cue/meaning pairs, and labels an untitled aid by its kind', async () => {
      const panel = await openTab(2);
      expect(visibleText($$(el, '[role="tab"]')[2]!)).to.equal('Memory tool Memory tool');
      const pair = panel.querySelector('[part="pairs"] .pair')!;
      expect(text(pair.querySelector('dt'))).to.equal('T de Threading');
      expect(text(pair.querySelector('dd'))).to.equal('T de Tiempo de E/S');
      await expect(await settled(el)).to.be.accessible();
    });

    it('shows an acronym as large letters, each a button opening its word', async () => {
      const panel = await openTab(3);
      const letters = [...panel.querySelectorAll<HTMLButtonElement>('[part="letter"]')];
      expect(letters.map((letter) => text(letter))).to.deep.equal(['M', 'O', 'P']);
      expect(parseFloat(getComputedStyle(letters[0]!).fontSize)).to.be.at.least(32);
      expect(letters.every((letter) => letter.getAttribute('aria-expanded') === 'false')).to.equal(true);
      const word = root(el).getElementById(letters[0]!.getAttribute('aria-controls')!)!;
      expect(word.hidden).to.equal(true);
      await expect(await settled(el)).to.be.accessible();

      letters[0]!.click();
      await el.updateComplete;
      expect(letters[0]!.getAttribute('aria-expanded')).to.equal('true');
      expect(word.hidden).to.equal(false);
      expect(text(word)).to.equal('Multiprocessing');
      expect(announced(el)).to.equal('M: Multiprocessing');
      expect(letters[1]!.getAttribute('aria-expanded')).to.equal('false');
      expect(panel.querySelector('[part="meaning"]')).to.equal(null);
      await expect(await settled(el)).to.be.accessible();

      letters[0]!.click();
      await el.updateComplete;
      expect(word.hidden).to.equal(true);
      expect(announced(el)).to.equal('M hidden');
    });

    it('opens every word at once with Show all, then shows the meaning', async () => {
      const panel = await openTab(3);
      await click(el, 'Show all');
      const words = [...panel.querySelectorAll<HTMLElement>('[part="word"]')];
      expect(words.map((word) => (word.hidden ? '' : text(word)))).to.deep.equal(['Multiprocessing', 'Offers', 'Parallelism']);
      expect(text(panel.querySelector('[part="meaning"]'))).to.equal('Multiprocessing Offers Parallelism.');
      expect(announced(el)).to.contain('M: Multiprocessing, O: Offers, P: Parallelism');
      await expect(await settled(el)).to.be.accessible();
      await click(el, 'Hide all');
      expect(words.every((word) => word.hidden)).to.equal(true);
    });
  });

  describe('one aid', () => {
    it('shows only the aid named by the src fragment, under a heading with its kind', async () => {
      const el = await show(html`<lesson-mnemonic src=${`${SEED}#mop`} .store=${new MemoryProgressStore()}></lesson-mnemonic>`);
      await expect(await settled(el)).to.be.accessible();
      expect($(el, '[role="tablist"]')).to.equal(null);
      const heading = $(el, '[part="heading"]')!;
      expect(heading.getAttribute('role')).to.equal('heading');
      expect(heading.getAttribute('aria-level')).to.equal('3');
      expect(text(heading)).to.equal('Acronym: MOP');
      expect(visibleText(heading)).to.equal('Acronym MOP');
      expect($$(el, '[part="letter"]')).to.have.length(3);
    });

    it('follows the aid attribute, and its changes', async () => {
      const el = await show(html`<lesson-mnemonic src=${SEED} aid="chef-story" heading-level="2"></lesson-mnemonic>`);
      expect(visibleText($(el, '[part="heading"]'))).to.equal('Story The chefs');
      expect($(el, '[part="heading"]')!.getAttribute('aria-level')).to.equal('2');
      el.aid = 'threading-rhyme';
      await el.updateComplete;
      expect(visibleText($(el, '[part="heading"]'))).to.equal('Rhyme Light threads, heavy processes');
      expect($$(el, '[part="verse"] .line')).to.have.length(4);
    });

    // Before any test starts practice: the practice code is not downloaded until then.
    it('loads the practice code only when practice starts, saying Loading… meanwhile', async () => {
      const loaded = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/mnemonic/practice-view.'));
      const el = await show(html`<lesson-mnemonic src=${`${SEED}#mop`} .store=${new MemoryProgressStore()}></lesson-mnemonic>`);
      expect(loaded()).to.equal(false);
      buttonNamed(el, 'Practise recall')!.click();
      await aTimeout(0);
      expect(text($(el, '.practice-pending[role="status"]'))).to.equal('Loading lesson…');
      expect(focused(el)).to.equal($(el, '.practice-pending'));
      await el.updateComplete;
      expect(loaded()).to.equal(true);
      expect($(el, '.practice-pending')).to.equal(null);
      expect(text(focused(el))).to.equal('Recall practice: Step 1 of 3: Full text');
      await expect(await settled(el)).to.be.accessible();
    });
  });

  describe('keyboard', () => {
    it('moves between tabs with the arrow keys, Home and End (roving tabindex)', async () => {
      const el = await show(html`<lesson-mnemonic src=${SEED}></lesson-mnemonic>`);
      const tabs = $$(el, '[role="tab"]');
      tabs[0]!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(focused(el)).to.equal(tabs[1]);
      expect(tabs[1]!.getAttribute('aria-selected')).to.equal('true');
      expect(tabs.map((tab) => tab.tabIndex)).to.deep.equal([-1, 0, -1, -1]);
      expect(visiblePanel(el)!.id).to.equal('panel-chef-story');

      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(focused(el)).to.equal(tabs[3]);
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(focused(el)).to.equal(tabs[0]);
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(focused(el)).to.equal(tabs[3]);
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(focused(el)).to.equal(tabs[0]);
      expect(el.selected).to.equal('threading-rhyme');
      await expect(await settled(el)).to.be.accessible();
    });

    it('reverses the arrow keys right to left', async () => {
      const wrapper = await fixture(html`<div dir="rtl"><lesson-mnemonic src=${SEED}></lesson-mnemonic></div>`);
      const el = await ready(wrapper.querySelector('lesson-mnemonic')!);
      const tabs = $$(el, '[role="tab"]');
      tabs[0]!.focus();
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(focused(el)).to.equal(tabs[1]);
      expect($(el, '[part~="base"]')!.getAttribute('dir')).to.equal('rtl');
      await expect(await settled(el)).to.be.accessible();
    });

    it('opens acronym letters with Enter and Space', async () => {
      const el = await show(html`<lesson-mnemonic src=${`${SEED}#mop`}></lesson-mnemonic>`);
      const letters = $$<HTMLButtonElement>(el, '[part="letter"]');
      letters[1]!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(letters[1]!.getAttribute('aria-expanded')).to.equal('true');
      expect(announced(el)).to.equal('O: Offers');
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(letters[2]);
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(letters[2]!.getAttribute('aria-expanded')).to.equal('true');
      expect(announced(el)).to.equal('P: Parallelism');
    });

    it('practises an acronym from start to finish with the keyboard only', async () => {
      const el = await show(html`<lesson-mnemonic src=${`${SEED}#mop`} .store=${new MemoryProgressStore()}></lesson-mnemonic>`);
      const answers = sinon.spy();
      const complete = sinon.spy();
      el.addEventListener('lesson-answer', answers);
      el.addEventListener('lesson-complete', complete);
      $(el, '[part="practice-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(text(focused(el))).to.contain('Step 1 of 3: Full text');

      for (const step of [1, 2, 3]) {
        const inputs = $$<HTMLInputElement>(el, '[part="input"]');
        expect(inputs).to.have.length(3);
        inputs[0]!.focus();
        for (const [index, word] of ['multiprocessing', 'OFFERS', 'parallelism.'].entries()) {
          await sendKeys({ type: word });
          if (index < 2) await sendKeys({ press: 'Tab' });
        }
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        expect(text($(el, '[part="feedback"] .result'))).to.equal('Correct: every word recalled.');
        expect(focused(el)).to.equal($(el, '[part="next"]'));
        expect(text(focused(el))).to.equal(step === 3 ? 'Finish' : 'Next step');
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
      }

      expect(answers.callCount).to.equal(3);
      expect(answers.getCalls().map((call) => (call.args[0] as CustomEvent).detail)).to.deep.equal([
        { id: 'mop', response: 'multiprocessing / OFFERS / parallelism.', correct: true, step: 1 },
        { id: 'mop', response: 'multiprocessing / OFFERS / parallelism.', correct: true, step: 2 },
        { id: 'mop', response: 'multiprocessing / OFFERS / parallelism.', correct: true, step: 3 },
      ]);
      expect(complete.calledOnce).to.equal(true);
      expect((complete.firstCall.args[0] as CustomEvent).detail).to.deep.include({ id: 'mop', score: 3, maxScore: 3 });
      expect(text(focused(el))).to.contain('Practice complete');
      expect(text($(el, '[part="summary"] .score'))).to.equal('Score: 3 of 3');
      expect(announced(el)).to.equal('Practice complete. Score: 3 of 3');
      await expect(await settled(el)).to.be.accessible();
    });

    it('checks a typed rhyme with Ctrl+Enter', async () => {
      const el = await show(html`<lesson-mnemonic src=${`${SEED}#threading-rhyme`} practice start-step="3"></lesson-mnemonic>`);
      $<HTMLTextAreaElement>(el, 'textarea')!.focus();
      await sendKeys({ type: 'Threading is light' });
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Control' });
      await el.updateComplete;
      expect($(el, '[part="feedback"]')).to.exist;
    });
  });

  describe('practice (fading cues)', () => {
    it('step 1 shows the full text, a field and self-rating', async () => {
      const el = await show(html`<lesson-mnemonic src=${`${SEED}#threading-rhyme`}></lesson-mnemonic>`);
      await click(el, 'Practise recall');
      expect(text(focused(el))).to.equal('Recall practice: Step 1 of 3: Full text');
      const lines = $$(el, '[part="cue"] .line').map((line) => text(line));
      expect(lines).to.deep.equal(['Threading is light,', 'for I/O it shines bright,', 'while multiprocessing takes flight,', "for heavy tasks, it's just right."]);
      expect($(el, '[part="steps"] [aria-current="step"]')!.textContent).to.contain('Full text');
      expect($(el, 'label')!.textContent).to.equal('Your answer');
      expect(buttonNamed(el, 'I remembered it')).to.exist;
      expect(buttonNamed(el, 'Not yet')).to.exist;
      await expect(await settled(el)).to.be.accessible();
    });

    it('step 2 keeps only the first letter of each word, and its punctuation', async () => {
      const el = await show(html`<lesson-mnemonic src=${`${SEED}#threading-rhyme`} practice start-step="2"></lesson-mnemonic>`);
      const lines = $$(el, '[part="cue"] .line').map((line) => text(line));
      expect(lines).to.deep.equal(['T i l,', 'f I/O i s b,', 'w m t f,', "f h t, i j r."]);
      expect($$(el, '[part="cue"] [part="blank"]').length).to.be.greaterThan(10);
      expect(buttonNamed(el, 'I remembered it')).to.equal(undefined);
      expect(buttonNamed(el, 'Show answer')).to.exist;
      await expect(await settled(el)).to.be.accessible();
    });

    it('step 3 hides every word, and says how many are hidden', async () => {
      const el = await show(html`<lesson-mnemonic src=${`${SEED}#threading-rhyme`} practice start-step="3"></lesson-mnemonic>`);
      const lines = $$(el, '[part="cue"] .line');
      expect(visibleText(lines[0]!)).to.equal(',');
      expect(text(lines[0]!.querySelector('.visually-hidden'))).to.equal('Hidden words: 3');
      expect(lines[0]!.querySelector('[aria-hidden="true"]')).to.exist;
      await expect(await settled(el)).to.be.accessible();
    });

    it('fades a memory tool\'s meanings but keeps its cues, with one field per cue', async () => {
      const el = await show(html`<lesson-mnemonic src=${`${SEED}#t-and-m`} practice start-step="3"></lesson-mnemonic>`);
      const pairs = $$(el, '[part="cue"] .pair');
      expect(text(pairs[0]!.querySelector('dt'))).to.equal('T for Threading');
      expect(visibleText(pairs[0]!.querySelector('dd'))).to.equal('/');
      expect($$(el, 'label').map((label) => text(label))).to.deep.equal(['Meaning of “T for Threading”', 'Meaning of “M for Multiprocessing”']);
      await expect(await settled(el)).to.be.accessible();
    });

    it('shows an acronym\'s letters at step 2 and hides them at step 3', async () => {
      const el = await show(html`<lesson-mnemonic src=${`${SEED}#mop`} practice start-step="2"></lesson-mnemonic>`);
      expect($$(el, '.practice-letter').map((letter) => text(letter))).to.deep.equal(['M', 'O', 'P']);
      expect($$(el, 'label').map((label) => text(label))).to.deep.equal(['Word for M', 'Word for O', 'Word for P']);
      expect(text($(el, '[part="cue"]'))).not.to.contain('Offers');
      await expect(await settled(el)).to.be.accessible();
      el.startStep = 3;
      el.practice = false;
      await el.updateComplete;
      el.practice = true;
      await el.updateComplete;
      expect($$(el, '.practice-letter').map((letter) => visibleText(letter))).to.deep.equal(['', '', '']);
      expect($$(el, 'label').map((label) => text(label))).to.deep.equal(['Word 1 of 3', 'Word 2 of 3', 'Word 3 of 3']);
      await expect(await settled(el)).to.be.accessible();
    });

    it('matches typed answers tolerantly and fires lesson-answer and lesson-progress', async () => {
      const el = await show(html`<lesson-mnemonic src=${`${SEED}#threading-rhyme`} practice start-step="3"></lesson-mnemonic>`);
      const answer = oneEvent(el, 'lesson-answer');
      const progress = oneEvent(el, 'lesson-progress');
      $<HTMLTextAreaElement>(el, 'textarea')!.value =
        "THREADING is light for i/o, it shines bright. While multiprocessing   takes flight: for heavy tasks its just right";
      await click(el, 'Check');
      const { detail } = await answer;
      expect(detail).to.deep.equal({
        id: 'threading-rhyme',
        response: 'THREADING is light for i/o, it shines bright. While multiprocessing   takes flight: for heavy tasks its just right',
        correct: true,
        step: 3,
      });
      expect((await progress).detail).to.deep.equal({ id: 'threading-rhyme', progress: 1 / 3, score: 0.33 });
      expect(text($(el, '[part="feedback"] .result'))).to.equal('Correct: every word recalled.');
      expect($$(el, '[part="missed"]')).to.have.length(0);
      expect(announced(el)).to.equal('Correct: every word recalled.');
      await expect(await settled(el)).to.be.accessible();
    });

    it('gives word-level feedback on a partial answer', async () => {
      const el = await show(html`<lesson-mnemonic src=${`${SEED}#threading-rhyme`} practice start-step="2"></lesson-mnemonic>`);
      const answer = oneEvent(el, 'lesson-answer');
      $<HTMLTextAreaElement>(el, 'textarea')!.value = 'Threading is light, for I/O it shines, while multiprocessing takes flight';
      await click(el, 'Check');
      expect((await answer).detail).to.include({ correct: false, step: 2 });
      expect(text($(el, '[part="feedback"] .result'))).to.equal('Not quite: you recalled 12 of 19 words.');
      expect(text($(el, '.missed-list'))).to.equal("Missed: bright, for, heavy, tasks, it's, just, right");
      const missed = $$(el, '[part="missed"]');
      expect(missed.map((mark) => visibleText(mark))).to.deep.equal(['bright', 'for', 'heavy', 'tasks', "it's", 'just', 'right']);
      expect(text(missed[0])).to.equal('bright (missed)');
      expect(buttonNamed(el, 'Next step')).to.exist;
      await expect(await settled(el)).to.be.accessible();

      await click(el, 'Try again');
      expect($(el, 'textarea')).to.exist;
      expect(text(focused(el))).to.contain('Step 2 of 3');
    });

    it('lets the learner show the answer and rate themself', async () => {
      const el = await show(html`<lesson-mnemonic src=${`${SEED}#chef-story`} practice start-step="2"></lesson-mnemonic>`);
      const answer = oneEvent(el, 'lesson-answer');
      await click(el, 'Show answer');
      expect(announced(el)).to.equal('Answer shown. Did you remember it?');
      expect(focused(el)!.classList.contains('answer')).to.equal(true);
      expect(text(focused(el))).to.contain('Imagine a chef (threading)');
      expect($(el, 'textarea')).to.equal(null);
      await expect(await settled(el)).to.be.accessible();
      await click(el, 'Not yet');
      expect((await answer).detail).to.deep.equal({ id: 'chef-story', response: 'not yet', correct: false, step: 2 });
      expect(text($(el, '[part="feedback"] .result'))).to.equal('Not yet: look at it once more, then carry on.');
    });

    it('asks for an answer instead of checking an empty one', async () => {
      const el = await show(html`<lesson-mnemonic src=${`${SEED}#mop`} practice></lesson-mnemonic>`);
      const answers = sinon.spy();
      el.addEventListener('lesson-answer', answers);
      await click(el, 'Check');
      expect(answers.called).to.equal(false);
      expect(announced(el)).to.equal('Type your answer first, or show the answer and rate yourself.');
      expect(focused(el)).to.equal($(el, '[part="input"]'));
    });

    it('finishes with lesson-complete, a summary and partial credit', async () => {
      const el = await show(html`<lesson-mnemonic src=${`${SEED}#mop`} .store=${new MemoryProgressStore()} practice></lesson-mnemonic>`);
      const progress = sinon.spy();
      el.addEventListener('lesson-progress', progress);
      await click(el, 'I remembered it');
      await click(el, 'Next step');
      await click(el, 'Show answer');
      await click(el, 'Not yet');
      await click(el, 'Next step');
      const inputs = $$<HTMLInputElement>(el, '[part="input"]');
      inputs[0]!.value = 'multiprocessing';
      inputs[1]!.value = 'offers';
      await click(el, 'Check');
      expect(text($(el, '[part="feedback"] .result'))).to.equal('Not quite: you recalled 2 of 3 words.');
      const complete = oneEvent(el, 'lesson-complete');
      await click(el, 'Finish');
      const { detail } = await complete;
      expect(detail).to.deep.include({ id: 'mop', score: 1.67, maxScore: 3 });
      expect(detail.summary).to.deep.equal({
        results: [
          { step: 1, method: 'rated', correct: true, credit: 1 },
          { step: 2, method: 'rated', correct: false, credit: 0 },
          { step: 3, method: 'typed', correct: false, credit: 0.67 },
        ],
      });
      expect(progress.lastCall.args[0].detail).to.deep.equal({ id: 'mop', progress: 1, score: 0.56 });
      const summary = $(el, '[part="summary"]')!;
      expect(text(summary.querySelector('.score'))).to.equal('Score: 1.67 of 3');
      expect([...summary.querySelectorAll('.results li')].map((li) => text(li))).to.deep.equal([
        'Full text: remembered',
        'First letters: not yet',
        'Blanks: not yet',
      ]);
      await expect(await settled(el)).to.be.accessible();

      await click(el, 'Back to the memory aid');
      expect(focused(el)).to.equal($(el, '[part="practice-button"]'));
      expect(text($(el, '[part="last-practised"]'))).to.match(/^Last practised .+: step 3 of 3, not yet\. Score: 1\.67 of 3$/);
    });

    it('stops practice and returns focus to the Practise button', async () => {
      const el = await show(html`<lesson-mnemonic src=${`${SEED}#t-and-m`}></lesson-mnemonic>`);
      await click(el, 'Practise recall');
      expect($(el, '[part="practice"]')).to.exist;
      await click(el, 'Stop practice');
      expect($(el, '[part="practice"]')).to.equal(null);
      expect(focused(el)).to.equal($(el, '[part="practice-button"]'));
      expect($$(el, '[part="pairs"] .pair')).to.have.length(2);
    });

    it('offers typing only or rating only', async () => {
      const typing = await show(html`<lesson-mnemonic src=${`${SEED}#mop`} practice check-by="typing"></lesson-mnemonic>`);
      expect(buttonNamed(typing, 'I remembered it')).to.equal(undefined);
      expect($$(typing, '[part="input"]')).to.have.length(3);
      const rating = await show(html`<lesson-mnemonic src=${`${SEED}#mop`} practice start-step="2" check-by="rating"></lesson-mnemonic>`);
      expect($$(rating, '[part="input"]')).to.have.length(0);
      await click(rating, 'Show answer');
      expect(buttonNamed(rating, 'I remembered it')).to.exist;
      await expect(await settled(rating)).to.be.accessible();
    });

    it('keeps each tab\'s practice when switching tabs', async () => {
      const el = await show(html`<lesson-mnemonic src=${SEED}></lesson-mnemonic>`);
      await click(el, 'Practise recall');
      $$(el, '[role="tab"]')[3]!.click();
      await el.updateComplete;
      expect(visiblePanel(el)!.querySelector('[part="practice"]')).to.equal(null);
      $$(el, '[role="tab"]')[0]!.click();
      await el.updateComplete;
      expect(visiblePanel(el)!.querySelector('[part="practice"]')).to.exist;
    });
  });

  describe('saved progress', () => {
    it('survives a re-created element, and resumes an unfinished practice', async () => {
      const store = new MemoryProgressStore();
      const first = await show(html`<lesson-mnemonic src=${`${SEED}#chef-story`} .store=${store}></lesson-mnemonic>`);
      first.now = () => new Date('2026-03-01T12:00:00Z');
      await click(first, 'Practise recall');
      await click(first, 'I remembered it');
      expect(store.read('lesson-elements:python-concurrency:mnemonic:chef-story')).to.deep.include({ step: 1, remembered: true, complete: false });
      first.remove();

      const second = await show(html`<lesson-mnemonic src=${`${SEED}#chef-story`} .store=${store} lang="en-GB"></lesson-mnemonic>`);
      expect(text($(second, '[part="last-practised"]'))).to.equal('Last practised 1 Mar 2026: step 1 of 3, remembered.');
      expect(text($(second, '[part="practice-button"]'))).to.equal('Resume at step 2');
      await expect(await settled(second)).to.be.accessible();
      await click(second, 'Resume at step 2');
      expect(text($(second, '.practice-heading'))).to.contain('Step 2 of 3: First letters');
      expect($(second, '[part="steps"] li.finished')).to.exist;
    });

    it('reads progress again when the store changes', async () => {
      const store = new MemoryProgressStore();
      store.write('lesson-elements:python-concurrency:mnemonic:mop', { step: 3, remembered: true, complete: true, results: [] });
      const el = await show(html`<lesson-mnemonic src=${`${SEED}#mop`} .store=${new MemoryProgressStore()}></lesson-mnemonic>`);
      expect($(el, '[part="last-practised"]')).to.equal(null);
      el.store = store;
      await el.updateComplete;
      expect(text($(el, '[part="last-practised"]'))).to.equal('Last practised: step 3 of 3, remembered. Score: 0 of 3');
      expect(text($(el, '[part="practice-button"]'))).to.equal('Practise recall');
    });

    it('ignores damaged saved data', async () => {
      const store = new MemoryProgressStore();
      store.write('lesson-elements:python-concurrency:mnemonic:mop', { step: 'three' });
      const el = await show(html`<lesson-mnemonic src=${`${SEED}#mop`} .store=${store}></lesson-mnemonic>`);
      expect($(el, '[part="last-practised"]')).to.equal(null);
    });
  });

  describe('errors', () => {
    it('shows an alert for an unknown aid id', async () => {
      const el = await show(html`<lesson-mnemonic src=${`${SEED}#no-such-aid`}></lesson-mnemonic>`);
      expect(el.loadState).to.equal('error');
      expect(text($(el, '[role="alert"]'))).to.contain('No part with the id "no-such-aid"');
      await expect(await settled(el)).to.be.accessible();
    });

    it('recovers when the aid attribute changes from an unknown id to a known one', async () => {
      const el = await show(html`<lesson-mnemonic src=${SEED} aid="nope"></lesson-mnemonic>`);
      expect(el.loadState).to.equal('error');
      el.aid = 'mop';
      await waitUntil(() => el.loadState === 'ready', 'the element did not recover');
      await el.updateComplete;
      expect(visibleText($(el, '[part="heading"]'))).to.equal('Acronym MOP');
      expect($(el, '[role="alert"]')).to.equal(null);
    });

    it('shows an alert for an invalid lesson, and for a lesson without memory aids', async () => {
      const broken = { ...aidsLesson(), memoryAids: [{ id: 'x', kind: 'limerick', lines: ['?'] }] };
      const invalid = await show(html`<lesson-mnemonic .lesson=${broken}></lesson-mnemonic>`);
      expect(text($(invalid, '[role="alert"]'))).to.contain('memoryAids[0]');
      await expect(await settled(invalid)).to.be.accessible();
      const empty = await show(html`<lesson-mnemonic .lesson=${{ ...aidsLesson(), memoryAids: [] }}></lesson-mnemonic>`);
      expect(text($(empty, '[role="alert"]'))).to.contain('This lesson has nothing to show here');
    });
  });

  describe('selection, language, print and motion', () => {
    it('selects the tab named by the selected attribute', async () => {
      const el = await show(html`<lesson-mnemonic src=${SEED} selected="t-and-m"></lesson-mnemonic>`);
      expect(visiblePanel(el)!.id).to.equal('panel-t-and-m');
      expect($(el, '#tab-t-and-m')!.getAttribute('aria-selected')).to.equal('true');
      el.selected = 'no-such-aid';
      await el.updateComplete;
      expect(visiblePanel(el)!.id).to.equal('panel-threading-rhyme');
    });

    it('marks lesson text with the lesson language and direction, the UI with its own', async () => {
      const arabic: Lesson = {
        ...aidsLesson(),
        lang: 'ar',
        dir: 'rtl',
        memoryAids: [{ id: 'ar-rhyme', kind: 'rhyme', title: 'الخيوط', lines: ['الخيوط خفيفة،', 'والعمليات ثقيلة.'] }],
      };
      const el = await show(html`<lesson-mnemonic lang="en" .lesson=${arabic} practice start-step="3"></lesson-mnemonic>`);
      const verse = $(el, '[part="cue"] .verse')!;
      expect(verse.getAttribute('lang')).to.equal('ar');
      expect(verse.getAttribute('dir')).to.equal('rtl');
      expect(verse.querySelector('.visually-hidden')!.getAttribute('lang')).to.equal('en');
      expect(text(verse.querySelector('.visually-hidden'))).to.equal('Hidden words: 2');
      expect($(el, '[role="tab"] .title')!.getAttribute('lang')).to.equal('ar');
      expect($(el, '[part~="base"]')!.getAttribute('lang')).to.equal('en');
      expect($(el, 'textarea')!.getAttribute('lang')).to.equal('ar');
      await expect(await settled(el)).to.be.accessible();
    });

    it('prints every aid with its words open and no controls', async () => {
      const el = await show(html`<lesson-mnemonic src=${SEED}></lesson-mnemonic>`);
      await emulateMedia({ media: 'print' });
      try {
        // The hidden panels render their aids when the print media query changes (or on beforeprint).
        await waitUntil(() => $(el, '#panel-mop [part="letter"]'), 'every panel rendered for print');
        const panels = $$(el, '[role="tabpanel"]');
        expect(panels.every((panel) => getComputedStyle(panel).display !== 'none')).to.equal(true);
        expect(getComputedStyle($(el, '[role="tablist"]')!).display).to.equal('none');
        expect(getComputedStyle($(el, '[part="practice-button"]')!).display).to.equal('none');
        expect(getComputedStyle($(el, '[part="letter"]')!).display).not.to.equal('none');
        expect(getComputedStyle($(el, '[part="word"]')!).display).not.to.equal('none');
        expect(visibleText($(el, '#panel-mop .print-only'))).to.equal('Acronym: MOP');
      } finally {
        await emulateMedia({ media: 'screen' });
      }
    });


    it('speaks Spanish when the page does', async () => {
      const el = await show(html`<lesson-mnemonic lang="es" src=${SEED}></lesson-mnemonic>`);
      expect($$(el, '[role="tab"] .kind').map((kind) => text(kind))).to.deep.equal(['Rima', 'Historia', 'Truco de memoria', 'Acrónimo']);
      expect(text(buttonNamed(el, /Practicar/))).to.equal('Practicar el recuerdo');
    });

    it('crossfades instead of moving under reduced motion', async () => {
      const el = await show(html`<lesson-mnemonic src=${`${SEED}#mop`}></lesson-mnemonic>`);
      const presentation = $(el, '.presentation')!;
      expect(getComputedStyle(presentation).animationName).to.equal('lesson-mnemonic-rise');
      await emulateMedia({ reducedMotion: 'reduce' });
      await aTimeout(0);
      expect(getComputedStyle(presentation).animationName).to.equal('lesson-mnemonic-fade');
    });
  });
});
