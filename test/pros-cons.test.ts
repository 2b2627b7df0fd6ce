import { aTimeout, expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../src/components/pros-cons/pros-cons.js';
import type { LessonProsCons } from '../src/components/pros-cons/pros-cons.js';
import { practiceLoader } from '../src/components/pros-cons/practice-loader.js';
import type { LessonAnswerEvent, LessonCompleteEvent, LessonProgressEvent } from '../src/core/events.js';
import type { Lesson, ProsConsGroup } from '../src/core/schema.js';
import { miniLesson } from './fixtures/mini-lesson.js';

const SEED = '/demo/lessons/python-concurrency.json';
/** With random() close to 1 the Fisher-Yates shuffle swaps nothing: statements come in lesson order. */
const lessonOrder = () => 0.999;

async function ready(el: LessonProsCons): Promise<LessonProsCons> {
  await waitUntil(() => el.loadState === 'ready' || el.loadState === 'error', 'the lesson did not load');
  await el.updateComplete;
  return el;
}
const load = async (template: ReturnType<typeof html>) => ready(await fixture<LessonProsCons>(template));

const root = (el: LessonProsCons) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: LessonProsCons, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: LessonProsCons, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const visible = (node: Element | null) => !!node && getComputedStyle(node).display !== 'none' && node.getClientRects().length > 0;
const status = (el: LessonProsCons) => text($(el, '[role="status"]'));
const focused = (el: LessonProsCons) => root(el).activeElement as HTMLElement | null;

/** Two groups whose items have and lack aspects, explanations and extras. */
function smallLesson(): Lesson {
  const lesson = miniLesson();
  lesson.prosCons = [
    {
      id: 'cats',
      subject: 'Cats',
      pros: [
        { id: 'cat-quiet', text: 'Quiet', aspect: 'Noise', explanation: 'Cats rarely make a sound.' },
        { id: 'cat-alone', text: 'Fine alone' },
      ],
      cons: [{ id: 'cat-scratch', text: 'Scratch furniture', aspect: 'Home' }],
    },
    {
      id: 'dogs',
      subject: 'Dogs',
      pros: [{ id: 'dog-walks', text: 'Get you walking', aspect: 'Health' }],
      cons: [
        { id: 'dog-bark', text: 'Bark', aspect: 'noise' },
        { id: 'dog-hair', text: 'Shed hair' },
      ],
    },
  ];
  return lesson;
}

/** A group with `count` statements, half pros and half cons, for long lists. */
function bigLesson(count: number): Lesson {
  const lesson = miniLesson();
  const items = (side: string) =>
    Array.from({ length: count / 2 }, (_, index) => ({ id: `${side}-${index + 1}`, text: `${side} statement ${index + 1}` }));
  lesson.prosCons = [{ id: 'big', subject: 'Big', pros: items('pro'), cons: items('con') }];
  return lesson;
}

/** Answers the current statement by clicking the choice with `response`, then waits for the update. */
async function choose(el: LessonProsCons, response: string) {
  $(el, `[part~="choice"][data-choice="${response}"]`)!.click();
  await el.updateComplete;
}
async function next(el: LessonProsCons) {
  $(el, '[part~="next"]')!.click();
  await el.updateComplete;
}

describe('<lesson-pros-cons>', () => {
  afterEach(async () => {
    await emulateMedia({ media: 'screen', reducedMotion: 'no-preference' });
  });

  describe('card', () => {
    it('is accessible', async () => {
      const el = await load(html`<lesson-pros-cons src="${SEED}#threading"></lesson-pros-cons>`);
      await expect(el).to.be.accessible();
    });

    it('shows the subject, and visible Pros and Cons headings over real lists', async () => {
      const el = await load(html`<lesson-pros-cons src="${SEED}#multiprocessing"></lesson-pros-cons>`);
      const title = $(el, '[part="subject"]')!;
      expect(text(title)).to.equal('Multiprocessing');
      expect(title.getAttribute('role')).to.equal('heading');
      expect(title.getAttribute('aria-level')).to.equal('3');
      const headings = $$(el, '[part="list-heading"]');
      expect(headings.map(text)).to.deep.equal(['Pros', 'Cons']);
      expect(headings.every(visible)).to.be.true;
      expect(headings.map((heading) => heading.getAttribute('aria-level'))).to.deep.equal(['4', '4']);
      // Lesson and UI share a language: no extra lang attributes.
      expect(title.hasAttribute('lang')).to.be.false;
      const [pros, cons] = $$(el, 'ul[part="list"]');
      expect(pros!.getAttribute('aria-labelledby')).to.equal(headings[0]!.id);
      expect([...pros!.children].map((li) => li.localName)).to.deep.equal(['li', 'li']);
      expect(text(pros)).to.contain('Enables true parallelism');
      expect(text(cons)).to.contain('Data must be serialized');
      expect(text(pros!.querySelector('[part="aspect"]'))).to.equal('Parallelism:');
    });

    it('marks pros and cons with text, icons being decorative', async () => {
      const el = await load(html`<lesson-pros-cons src="${SEED}#threading"></lesson-pros-cons>`);
      const icons = $$(el, 'svg');
      expect(icons.length).to.be.greaterThan(4);
      expect(icons.every((icon) => icon.getAttribute('aria-hidden') === 'true')).to.be.true;
      // Every item sits under a visible "Pros" or "Cons" heading; no meaning rests on colour alone.
      expect(text($(el, '[part="pros"]'))).to.match(/^Pros /);
      expect(text($(el, '[part="cons"]'))).to.match(/^Cons /);
    });

    it('shows the first group by default, and the `group` attribute picks one', async () => {
      const first = await load(html`<lesson-pros-cons src=${SEED}></lesson-pros-cons>`);
      expect(text($(first, '[part="subject"]'))).to.equal('Threading');
      const picked = await load(html`<lesson-pros-cons src=${SEED} group="multiprocessing"></lesson-pros-cons>`);
      expect(text($(picked, '[part="subject"]'))).to.equal('Multiprocessing');
      picked.group = 'threading';
      await picked.updateComplete;
      expect(text($(picked, '[part="subject"]'))).to.equal('Threading');
    });

    it('follows heading-level', async () => {
      const el = await load(html`<lesson-pros-cons src="${SEED}#threading" heading-level="2"></lesson-pros-cons>`);
      expect($(el, '[part="subject"]')!.getAttribute('aria-level')).to.equal('2');
      expect($(el, '[part="list-heading"]')!.getAttribute('aria-level')).to.equal('3');
      expect($(el, '.disclosure-heading')!.getAttribute('aria-level')).to.equal('3');
    });

    it('says so when a side has nothing listed', async () => {
      const lesson = smallLesson();
      lesson.prosCons![0]!.cons = [];
      const el = await load(html`<lesson-pros-cons .lesson=${lesson}></lesson-pros-cons>`);
      expect(text($(el, '[part="cons"]'))).to.equal('Cons None listed');
      await expect(el).to.be.accessible();
    });

    it('uses the UI language: Spanish headings', async () => {
      const el = await load(html`<lesson-pros-cons lang="es" src="${SEED}#threading"></lesson-pros-cons>`);
      expect($$(el, '[part="list-heading"]').map(text)).to.deep.equal(['Ventajas', 'Desventajas']);
      expect(text($(el, '[part="disclosure-button"]'))).to.equal('Explicación');
      // The lesson text keeps its own language for screen readers.
      expect($(el, '[part="subject"]')!.lang).to.equal('en');
      expect($(el, 'ul[part="list"]')!.lang).to.equal('en');
      expect($(el, '[part="disclosure-panel"]')!.lang).to.equal('en');
      expect($(el, '[part="list-heading"]')!.closest('[lang]')!.getAttribute('lang')).to.equal('es');
    });

    it('renders a long group (30 statements)', async () => {
      const el = await load(html`<lesson-pros-cons .lesson=${bigLesson(30)}></lesson-pros-cons>`);
      expect($$(el, '[part="pros"] li')).to.have.length(15);
      expect($$(el, '[part="cons"] li')).to.have.length(15);
      await expect(el).to.be.accessible();
    });
  });

  describe('disclosures', () => {
    it('are closed by default, with aria-expanded and aria-controls', async () => {
      const el = await load(html`<lesson-pros-cons src="${SEED}#multiprocessing"></lesson-pros-cons>`);
      const buttons = $$<HTMLButtonElement>(el, '[part="disclosure-button"]');
      expect(buttons.map(text)).to.deep.equal(['Explanation', 'Examples', 'Analogies']);
      for (const button of buttons) {
        expect(button.localName).to.equal('button');
        expect(button.getAttribute('aria-expanded')).to.equal('false');
        const panel = root(el).getElementById(button.getAttribute('aria-controls')!);
        expect(panel, 'aria-controls names the panel').to.exist;
        expect(visible(panel)).to.be.false;
      }
    });

    it('open and close on click, showing the explanation blocks', async () => {
      const el = await load(html`<lesson-pros-cons src="${SEED}#threading"></lesson-pros-cons>`);
      const button = $<HTMLButtonElement>(el, '.explanation [part="disclosure-button"]')!;
      const panel = root(el).getElementById(button.getAttribute('aria-controls')!)!;
      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(visible(panel)).to.be.true;
      const heading = panel.querySelector('[role="heading"]')!;
      expect(text(heading)).to.equal('Advantages of Threading');
      expect(heading.getAttribute('aria-level')).to.equal('5');
      expect(text(panel)).to.contain('limited by the GIL');
      await expect(el).to.be.accessible();
      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(visible(panel)).to.be.false;
    });

    it('open with Enter and Space from the keyboard, and show titled analogies', async () => {
      const el = await load(html`<lesson-pros-cons src="${SEED}#multiprocessing"></lesson-pros-cons>`);
      const button = $<HTMLButtonElement>(el, '.analogies [part="disclosure-button"]')!;
      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      const panel = root(el).getElementById(button.getAttribute('aria-controls')!)!;
      expect(text(panel)).to.contain('Separate kitchens');
      expect(visible(panel)).to.be.true;
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
    });

    it('print open: the content shows even when closed, and no control does', async () => {
      const el = await load(html`<lesson-pros-cons src="${SEED}#threading"></lesson-pros-cons>`);
      const button = $(el, '.explanation [part="disclosure-button"]')!;
      const panel = root(el).getElementById(button.getAttribute('aria-controls')!)!;
      expect(visible(panel)).to.be.false;
      await emulateMedia({ media: 'print' });
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(visible(panel)).to.be.true;
      expect(visible($(el, '[part="pros"]')) && visible($(el, '[part="cons"]'))).to.be.true;
      // The label stays as a plain heading; the chevron (the control's look) goes.
      expect(visible(button.querySelector('.chevron'))).to.be.false;
      expect(getComputedStyle(button).borderTopStyle).to.equal('none');
    });
  });

  describe('compare view', () => {
    it('is accessible', async () => {
      const el = await load(html`<lesson-pros-cons src=${SEED} compare style="width: 900px"></lesson-pros-cons>`);
      await expect(el).to.be.accessible();
    });

    it('is a table with the subjects as column headers and the aspects as row headers', async () => {
      const el = await load(html`<lesson-pros-cons src=${SEED} groups="threading multiprocessing"></lesson-pros-cons>`);
      const table = $(el, 'table')!;
      expect(root(el).getElementById(table.getAttribute('aria-labelledby')!)!.textContent).to.contain(
        'Threading and Multiprocessing compared',
      );
      const columns = $$(el, 'thead th');
      expect(columns.map(text)).to.deep.equal(['Aspect', 'Threading', 'Multiprocessing']);
      expect(columns.every((th) => th.getAttribute('scope') === 'col')).to.be.true;
      const rowHeaders = $$(el, 'tbody th');
      expect(rowHeaders.every((th) => th.getAttribute('scope') === 'row')).to.be.true;
      expect(rowHeaders.map(text)).to.deep.equal(['Best workload', 'Data sharing', 'Parallelism', 'Safety/complexity', 'Overhead']);
    });

    it('lines items up by aspect, each marked Pro or Con in words', async () => {
      const el = await load(html`<lesson-pros-cons src=${SEED} compare></lesson-pros-cons>`);
      const row = $$(el, 'tbody tr').find((tr) => text(tr.querySelector('th')) === 'Parallelism')!;
      const [threading, multiprocessing] = [...row.querySelectorAll('td')];
      expect(text(threading!.querySelector('[part="kind"]'))).to.equal('Con:');
      expect(text(threading!.querySelector('.item-text'))).to.contain('Global Interpreter Lock (GIL) restricts true parallelism');
      expect(text(multiprocessing!.querySelector('[part="kind"]'))).to.equal('Pro:');
      expect(text(multiprocessing!.querySelector('.item-text'))).to.contain('Enables true parallelism');
      // An aspect only one subject mentions leaves the other cell saying so.
      const overhead = $$(el, 'tbody tr').find((tr) => text(tr.querySelector('th')) === 'Overhead')!;
      expect(text(overhead.querySelector('td'))).to.contain('Not mentioned');
    });

    it('follows the order of `groups` (commas work too)', async () => {
      const el = await load(html`<lesson-pros-cons src=${SEED} groups="multiprocessing, threading"></lesson-pros-cons>`);
      expect($$(el, 'thead th').map(text)).to.deep.equal(['Aspect', 'Multiprocessing', 'Threading']);
      expect(text($(el, 'tbody th'))).to.equal('Parallelism');
    });

    it('lists items without an aspect after the aligned rows', async () => {
      const el = await load(html`<lesson-pros-cons .lesson=${smallLesson()} compare></lesson-pros-cons>`);
      const rows = $$(el, 'tbody tr').map((tr) => [...tr.children].map(text));
      expect(rows.map((cells) => cells[0])).to.deep.equal(['Noise', 'Home', 'Health', 'Other pros', 'Other cons']);
      expect(rows[0]![1]).to.contain('Quiet');
      expect(rows[0]![2]).to.contain('Bark');
      expect(rows[3]![1]).to.contain('Fine alone');
      expect(rows[4]![2]).to.contain('Shed hair');
      await expect(el).to.be.accessible();
    });

    it('puts each subject’s explanation, examples and analogies in disclosures named by subject', async () => {
      const el = await load(html`<lesson-pros-cons src=${SEED} compare></lesson-pros-cons>`);
      expect($$(el, '[part="more"] > [role="heading"]').map(text)).to.deep.equal(['More about Threading', 'More about Multiprocessing']);
      const buttons = $$(el, '[part="disclosure-button"]');
      expect(buttons).to.have.length(6);
      expect(text(buttons[0])).to.equal('Threading: Explanation');
      expect(text(buttons[3])).to.equal('Multiprocessing: Explanation');
      // Panel ids stay unique with several groups.
      const ids = buttons.map((button) => button.getAttribute('aria-controls'));
      expect(new Set(ids).size).to.equal(6);
    });

    it('is side by side when the element is wide, and stacks when it is narrow', async () => {
      const el = await load(html`<lesson-pros-cons src=${SEED} compare style="width: 900px"></lesson-pros-cons>`);
      const row = $(el, 'tbody tr')!;
      const [first, second] = [...row.querySelectorAll('td')] as HTMLElement[] as [HTMLElement, HTMLElement];
      expect(getComputedStyle(row).display).to.equal('table-row');
      expect(first.getBoundingClientRect().top).to.equal(second.getBoundingClientRect().top);
      expect(second.getBoundingClientRect().left).to.be.greaterThan(first.getBoundingClientRect().right - 1);
      expect(visible(first.querySelector('.cell-subject'))).to.be.false;
      expect(visible($(el, 'thead'))).to.be.true;

      el.style.width = '320px';
      await nextFrame();
      expect(getComputedStyle(row).display).to.equal('block');
      expect(second.getBoundingClientRect().top).to.be.at.least(first.getBoundingClientRect().bottom - 1);
      expect(Math.round(first.getBoundingClientRect().left)).to.equal(Math.round(second.getBoundingClientRect().left));
      // Stacked, each cell names its subject; the table's own header row is only for screen readers.
      expect(text(first.querySelector('.cell-subject'))).to.equal('Threading');
      expect(visible(first.querySelector('.cell-subject'))).to.be.true;
      expect($(el, 'thead')!.getBoundingClientRect().height).to.be.at.most(1);
      // Nothing overflows the 320px column.
      expect($(el, '[part="compare"]')!.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();

      el.style.width = '900px';
      await nextFrame();
      expect(getComputedStyle(row).display).to.equal('table-row');
    });
  });

  describe('sort-it practice', () => {
    it('is accessible while in progress, with feedback, and when done', async () => {
      const el = await load(html`<lesson-pros-cons src="${SEED}#threading" mode="practice" .random=${lessonOrder}></lesson-pros-cons>`);
      await expect(el).to.be.accessible();
      await choose(el, 'pro');
      await expect(el).to.be.accessible();
      for (const response of ['pro', 'con', 'con']) {
        await next(el);
        await choose(el, response);
      }
      await next(el);
      expect($(el, '[part="result"]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('asks one statement at a time with Pro and Con buttons, hiding the lists', async () => {
      const el = await load(html`<lesson-pros-cons src="${SEED}#threading" mode="practice" .random=${lessonOrder}></lesson-pros-cons>`);
      expect(text($(el, '[part="practice-title"]'))).to.equal('Sort it: Threading');
      expect(text($(el, '[part="progress"]'))).to.equal('Statement 1 of 4');
      expect(text($(el, '[part="statement"]'))).to.contain('Efficient for I/O-bound tasks');
      const choices = $$(el, '[part~="choice"]');
      expect(choices.map((choice) => choice.localName)).to.deep.equal(['button', 'button']);
      expect(choices.map(text)).to.deep.equal(['Pro', 'Con']);
      const group = $(el, '[part="choices"]')!;
      expect(group.getAttribute('role')).to.equal('group');
      expect(group.getAttribute('aria-labelledby')).to.equal('progress statement');
      // The answers are not on screen while practising.
      expect(visible($(el, '[part="card"]'))).to.be.false;
    });

    it('shuffles the statements with the random source', async () => {
      const el = await load(html`<lesson-pros-cons src="${SEED}#threading" mode="practice" .random=${() => 0}></lesson-pros-cons>`);
      // random() = 0: [io, data, gil, safety] -> [data, gil, safety, io]
      expect(text($(el, '[part="statement"]'))).to.contain('Easier to share data');
    });

    it('gives immediate feedback with the reason, announces it and focuses Next', async () => {
      const el = await load(html`<lesson-pros-cons src="${SEED}#threading" mode="practice" .random=${lessonOrder}></lesson-pros-cons>`);
      await choose(el, 'con');
      await aTimeout(0);
      const feedback = $(el, '[part~="feedback"]')!;
      expect(feedback.getAttribute('part')).to.contain('feedback-incorrect');
      expect(text(feedback)).to.contain('Not quite');
      expect(text(feedback)).to.contain('It is a pro of Threading.');
      expect(text(feedback)).to.contain('while one thread waits for data, another can continue processing');
      expect($(el, '[part~="choice"]')).to.be.null;
      expect(status(el)).to.contain('Not quite. It is a pro of Threading.');
      expect(status(el)).to.contain('while one thread waits for data');
      expect(focused(el)).to.equal($(el, '[part~="next"]'));
      await next(el);
      await aTimeout(0);
      expect(text($(el, '[part="progress"]'))).to.equal('Statement 2 of 4');
      expect(focused(el)).to.equal($(el, '[part~="choice"]'));
      await choose(el, 'pro');
      expect($(el, '[part~="feedback"]')!.getAttribute('part')).to.contain('feedback-correct');
      expect(status(el)).to.match(/^Correct\./);
    });

    it('falls back to a generic sentence when an item has no explanation', async () => {
      const el = await load(html`<lesson-pros-cons .lesson=${smallLesson()} group="dogs" mode="practice" .random=${lessonOrder}></lesson-pros-cons>`);
      await choose(el, 'pro');
      const feedback = $(el, '[part~="feedback"]')!;
      expect(text(feedback)).to.equal('Correct It is a pro of Dogs.');
      expect(feedback.querySelector('.reason')).to.be.null;
      expect(status(el)).to.equal('Correct. It is a pro of Dogs.');
    });

    it('fires lesson-answer per statement, lesson-progress, and lesson-complete with the score', async () => {
      const el = await load(html`<lesson-pros-cons src="${SEED}#threading" mode="practice" .random=${lessonOrder}></lesson-pros-cons>`);
      const answers = sinon.spy();
      const progress = sinon.spy();
      const complete = sinon.spy();
      el.addEventListener('lesson-answer', answers);
      el.addEventListener('lesson-progress', progress);
      el.addEventListener('lesson-complete', complete);
      const responses = ['pro', 'con', 'con', 'con']; // the second is wrong
      for (const [index, response] of responses.entries()) {
        if (index) await next(el);
        await choose(el, response);
      }
      const details = answers.getCalls().map((call) => (call.args[0] as LessonAnswerEvent).detail);
      expect(details).to.deep.equal([
        { id: 'threading-pro-io', response: 'pro', correct: true },
        { id: 'threading-pro-data-sharing', response: 'con', correct: false },
        { id: 'threading-con-gil', response: 'con', correct: true },
        { id: 'threading-con-safety', response: 'con', correct: true },
      ]);
      const event = answers.firstCall.args[0] as LessonAnswerEvent;
      expect(event.bubbles && event.composed).to.be.true;
      expect(progress.getCalls().map((call) => (call.args[0] as LessonProgressEvent).detail)).to.deep.equal([
        { id: 'threading', progress: 0.25 },
        { id: 'threading', progress: 0.5 },
        { id: 'threading', progress: 0.75 },
        { id: 'threading', progress: 1, score: 0.75 },
      ]);
      // Complete as soon as the last statement is sorted, once.
      expect(complete.callCount).to.equal(1);
      expect((complete.firstCall.args[0] as LessonCompleteEvent).detail).to.deep.equal({ id: 'threading', score: 3, maxScore: 4 });
      expect(complete.calledAfter(answers)).to.be.true;

      expect(text($(el, '[part~="next"]'))).to.equal('See your score');
      await next(el);
      await aTimeout(0);
      expect(text($(el, '[part="score"]'))).to.equal('Score: 3 of 4');
      expect(focused(el)).to.equal($(el, '#result-title'));
      expect(status(el)).to.equal('Score: 3 of 4');
      const review = $$(el, '[part="review"] li').map(text);
      expect(review).to.have.length(4);
      expect(review[1]).to.contain('Not quite');
      expect(review[1]).to.contain('Your answer: Con');
      expect(review[0]).not.to.contain('Your answer');
      expect(complete.callCount).to.equal(1);
    });

    it('tries again with a fresh shuffle and no answers', async () => {
      const el = await load(html`<lesson-pros-cons src="${SEED}#threading" mode="practice" .random=${lessonOrder}></lesson-pros-cons>`);
      for (const [index, response] of ['pro', 'pro', 'con', 'con'].entries()) {
        if (index) await next(el);
        await choose(el, response);
      }
      await next(el);
      const complete = sinon.spy();
      el.addEventListener('lesson-complete', complete);
      el.random = () => 0;
      $(el, '[part="practice-retry"]')!.click();
      await el.updateComplete;
      await aTimeout(0);
      expect(text($(el, '[part="progress"]'))).to.equal('Statement 1 of 4');
      expect(text($(el, '[part="statement"]'))).to.contain('Easier to share data');
      expect($(el, '[part="score"]')).to.be.null;
      expect(focused(el)).to.equal($(el, '[part~="choice"]'));
      expect(status(el)).to.equal('Shuffled again. Statement 1 of 4.');
      for (const [index, response] of ['pro', 'con', 'con', 'pro'].entries()) {
        if (index) await next(el);
        await choose(el, response);
      }
      expect((complete.firstCall.args[0] as LessonCompleteEvent).detail).to.deep.equal({ id: 'threading', score: 4, maxScore: 4 });
    });

    it('in compare mode sorts each statement into its subject', async () => {
      const el = await load(html`<lesson-pros-cons src=${SEED} compare mode="practice" .random=${lessonOrder}></lesson-pros-cons>`);
      await expect(el).to.be.accessible();
      expect(text($(el, '[part="practice-title"]'))).to.equal('Sort it: Threading and Multiprocessing');
      expect(text($(el, '[part="instructions"]'))).to.contain('Threading or Multiprocessing');
      expect($$(el, '[part~="choice"]').map(text)).to.deep.equal(['Threading', 'Multiprocessing']);
      const answers = sinon.spy();
      const complete = sinon.spy();
      el.addEventListener('lesson-answer', answers);
      el.addEventListener('lesson-complete', complete);
      await choose(el, 'multiprocessing'); // threading's first pro
      expect((answers.firstCall.args[0] as LessonAnswerEvent).detail).to.deep.equal({
        id: 'threading-pro-io',
        response: 'multiprocessing',
        correct: false,
      });
      expect(text($(el, '[part~="feedback"]'))).to.contain('It is a pro of Threading.');
      for (const response of ['threading', 'threading', 'threading', 'multiprocessing', 'multiprocessing', 'multiprocessing', 'multiprocessing']) {
        await next(el);
        await choose(el, response);
      }
      expect((complete.firstCall.args[0] as LessonCompleteEvent).detail).to.deep.equal({
        id: 'threading+multiprocessing',
        score: 7,
        maxScore: 8,
      });
      await next(el);
      expect(text($(el, '[part="review"]'))).to.contain('Your answer: Multiprocessing');
      await expect(el).to.be.accessible();
    });

    it('can be completed with the keyboard alone (Tab, Enter, Space)', async () => {
      const el = await load(html`<lesson-pros-cons src="${SEED}#threading" mode="practice" .random=${lessonOrder}></lesson-pros-cons>`);
      const complete = sinon.spy();
      el.addEventListener('lesson-complete', complete);
      /** Presses a key, lets the element re-render and move focus, and says what has focus. */
      const press = async (key: 'Tab' | 'Enter' | 'Space') => {
        await sendKeys({ press: key });
        await el.updateComplete;
        await aTimeout(0);
        return text(focused(el));
      };
      expect(await press('Tab')).to.equal('Pro');
      expect(await press('Enter'), '1: a pro').to.equal('Next statement');
      expect(await press('Space')).to.equal('Pro');
      expect(await press('Space'), '2: a pro').to.equal('Next statement');
      expect(await press('Enter')).to.equal('Pro');
      expect(await press('Tab')).to.equal('Con');
      expect(await press('Enter'), '3: a con').to.equal('Next statement');
      await press('Enter');
      expect(await press('Tab')).to.equal('Con');
      expect(await press('Space'), '4: a con').to.equal('See your score');
      expect(await press('Enter')).to.equal('All sorted');
      expect(text($(el, '[part="score"]'))).to.equal('Score: 4 of 4');
      expect((complete.firstCall.args[0] as LessonCompleteEvent).detail).to.deep.equal({ id: 'threading', score: 4, maxScore: 4 });
      expect(await press('Tab')).to.equal('Try again');
      expect(await press('Enter')).to.equal('Pro');
      expect(text($(el, '[part="progress"]'))).to.equal('Statement 1 of 4');
    });

    it('handles 30 statements', async () => {
      const el = await load(html`<lesson-pros-cons .lesson=${bigLesson(30)} mode="practice"></lesson-pros-cons>`);
      expect(text($(el, '[part="progress"]'))).to.equal('Statement 1 of 30');
      for (let index = 0; index < 30; index++) {
        const statement = text($(el, '[part="statement"]'));
        await choose(el, statement.startsWith('pro') ? 'pro' : 'con');
        await next(el);
      }
      expect(text($(el, '[part="score"]'))).to.equal('Score: 30 of 30');
    });

    it('prints the content it practises, not the controls', async () => {
      const el = await load(html`<lesson-pros-cons src="${SEED}#threading" mode="practice"></lesson-pros-cons>`);
      expect(visible($(el, '[part="practice"]'))).to.be.true;
      await emulateMedia({ media: 'print' });
      expect(visible($(el, '[part="practice"]'))).to.be.false;
      expect(visible($(el, '[part="card"]'))).to.be.true;
      expect(visible($(el, '[part="pros"]'))).to.be.true;
      expect(visible($(el, '.explanation [part="disclosure-panel"]'))).to.be.true;
    });

    it('starts a practice when switched to practice mode, and leaves it when switched back', async () => {
      const el = await load(html`<lesson-pros-cons src="${SEED}#threading"></lesson-pros-cons>`);
      expect($(el, '[part="practice"]')).to.be.null;
      el.mode = 'practice';
      await el.updateComplete;
      expect($(el, '[part="practice"]')).to.exist;
      el.mode = 'card';
      await el.updateComplete;
      expect($(el, '[part="practice"]')).to.be.null;
      expect(visible($(el, '[part="card"]'))).to.be.true;
    });

    it('says so when there is nothing to sort', async () => {
      const lesson = miniLesson();
      lesson.prosCons = [{ id: 'empty', subject: 'Empty', pros: [], cons: [] } satisfies ProsConsGroup];
      const el = await load(html`<lesson-pros-cons .lesson=${lesson} mode="practice"></lesson-pros-cons>`);
      expect(text($(el, '[part="practice"]'))).to.contain('There are no statements to sort.');
      await expect(el).to.be.accessible();
    });
  });

  describe('practice code, loaded on demand', () => {
    const realLoad = practiceLoader.load;
    afterEach(() => {
      sinon.restore();
      practiceLoader.load = realLoad;
    });

    it('is not loaded for a card or the compare view, and is loaded once a practice is asked for', async () => {
      const loads = sinon.spy(practiceLoader, 'load');
      const card = await load(html`<lesson-pros-cons src="${SEED}#threading"></lesson-pros-cons>`);
      await load(html`<lesson-pros-cons src=${SEED} compare></lesson-pros-cons>`);
      expect(loads.called).to.be.false;
      card.mode = 'practice';
      await card.updateComplete;
      expect(loads.calledOnce).to.be.true;
      expect(text($(card, '[part="progress"]'))).to.equal('Statement 1 of 4');
    });

    it('says it is loading meanwhile, without showing the answers', async () => {
      let arrive = () => {};
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      practiceLoader.load = async () => {
        await arrived;
        return realLoad();
      };
      const pending = fixture<LessonProsCons>(html`<lesson-pros-cons .lesson=${smallLesson()} mode="practice" .random=${lessonOrder}></lesson-pros-cons>`);
      const el = document.querySelector('lesson-pros-cons')!;
      await waitUntil(() => el.loadState === 'ready' && $(el, '[part~="loading"]'), 'no loading view');
      const loading = $(el, '[part~="loading"]')!;
      expect(text(loading)).to.equal('Loading lesson…');
      expect(loading.getAttribute('aria-busy')).to.equal('true');
      expect(visible($(el, '[part="card"]'))).to.be.false;
      expect($(el, '[part="practice"]')).to.be.null;
      await expect(el).to.be.accessible();
      arrive();
      await pending;
      expect($(el, '[part~="loading"]')).to.be.null;
      expect(text($(el, '[part="statement"]'))).to.contain('Quiet');
    });

    it('reports a failed load as an alert with a retry that starts the practice', async () => {
      practiceLoader.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      const logged = sinon.stub(console, 'error');
      const el = await load(html`<lesson-pros-cons src="${SEED}#threading" mode="practice" .random=${lessonOrder}></lesson-pros-cons>`);
      const alert = $(el, '[role="alert"]')!;
      expect(text(alert)).to.contain('The practice could not be loaded');
      expect(el.loadState, 'the lesson itself is fine').to.equal('ready');
      expect(logged.calledOnce).to.be.true;
      expect(visible($(el, '[part="card"]'))).to.be.false;
      await expect(el).to.be.accessible();
      practiceLoader.load = realLoad;
      $(el, '[part="retry"]')!.click();
      await el.updateComplete;
      await aTimeout(0);
      expect($(el, '[role="alert"]')).to.be.null;
      expect(text($(el, '[part="progress"]'))).to.equal('Statement 1 of 4');
      expect(focused(el)).to.equal($(el, '[part~="choice"]'));
    });
  });

  describe('motion and theme', () => {
    it('crossfades the feedback instead of sliding it in when motion is reduced', async () => {
      const el = await load(html`<lesson-pros-cons src="${SEED}#threading" mode="practice"></lesson-pros-cons>`);
      await choose(el, 'pro');
      const feedback = $(el, '[part~="feedback"]')!;
      expect(getComputedStyle(feedback).animationName).to.equal('lesson-pros-cons-enter');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle(feedback).animationName).to.equal('lesson-pros-cons-fade');
    });

    it('follows a dark colour scheme set by the page', async () => {
      const wrapper = await fixture(html`<div style="--lesson-color-scheme: dark; color-scheme: dark">
        <lesson-pros-cons src="${SEED}#threading"></lesson-pros-cons>
      </div>`);
      const el = await ready(wrapper.querySelector('lesson-pros-cons')!);
      expect(getComputedStyle($(el, '[part="card"]')!).backgroundColor).to.equal('rgb(13, 17, 23)');
      await expect(el).to.be.accessible();
    });
  });

  describe('errors', () => {
    it('shows an accessible alert for an unknown group id', async () => {
      const errors = sinon.spy();
      const stub = sinon.stub(console, 'error');
      try {
        const el = await fixture<LessonProsCons>(html`<lesson-pros-cons src=${SEED} group="no-such-id" @lesson-error=${errors}></lesson-pros-cons>`);
        await ready(el);
        expect(el.loadState).to.equal('error');
        const alert = $(el, '[role="alert"]')!;
        expect(text(alert)).to.contain('No part with the id "no-such-id"');
        expect(errors.firstCall.args[0].detail.kind).to.equal('not-found');
        await expect(el).to.be.accessible();
        // Correcting the id shows the group.
        el.group = 'multiprocessing';
        await waitUntil(() => el.loadState === 'ready');
        await el.updateComplete;
        expect(text($(el, '[part="subject"]'))).to.equal('Multiprocessing');
      } finally {
        stub.restore();
      }
    });

    it('reports an unknown id in `groups` and in the src fragment', async () => {
      const stub = sinon.stub(console, 'error');
      try {
        const compared = await load(html`<lesson-pros-cons src=${SEED} groups="threading nope"></lesson-pros-cons>`);
        expect(text($(compared, '[role="alert"]'))).to.contain('"nope"');
        const fragment = await load(html`<lesson-pros-cons src="${SEED}#threading-overview"></lesson-pros-cons>`);
        expect(text($(fragment, '[role="alert"]'))).to.contain('"threading-overview"');
        await expect(fragment).to.be.accessible();
      } finally {
        stub.restore();
      }
    });

    it('reports an invalid lesson and a lesson without pros and cons', async () => {
      const stub = sinon.stub(console, 'error');
      try {
        const broken = { ...smallLesson(), prosCons: [{ id: 'x', subject: 'X', pros: 'nope', cons: [] }] };
        const invalid = await load(html`<lesson-pros-cons .lesson=${broken}></lesson-pros-cons>`);
        expect(text($(invalid, '[part="error-messages"]'))).to.contain('prosCons[0].pros');
        const empty = { ...miniLesson(), prosCons: [] };
        const nothingHere = await load(html`<lesson-pros-cons .lesson=${empty} mode="practice"></lesson-pros-cons>`);
        expect(text($(nothingHere, '[role="alert"]'))).to.contain('nothing to show');
        await expect(nothingHere).to.be.accessible();
      } finally {
        stub.restore();
      }
    });
  });
});
