import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../src/components/flashcards/flashcards.js';
import type { LessonFlashcards } from '../src/components/flashcards/flashcards.js';
import { clearLessonCache } from '../src/core/load.js';
import type { Lesson } from '../src/core/schema.js';
import { BrowserProgressStore, MemoryProgressStore, type ProgressStore } from '../src/core/storage.js';
import { FakeStorage, expectOthersUntouched, storageWithOthers } from './fixtures/fake-storage.js';
import { miniLesson } from './fixtures/mini-lesson.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const START = Date.UTC(2026, 0, 5, 9);

/** Three cards; the first has everything a card can have. */
function deckLesson(): Lesson {
  return {
    ...miniLesson(),
    id: 'deck',
    flashcards: [
      {
        id: 'f1',
        front: 'What is the *GIL*?',
        back: 'The Global Interpreter Lock',
        hint: 'G… I… Lock',
        accept: ['a mutex'],
        term: 'gil',
        image: { src: '/test/fixtures/flashcards-lock.svg', alt: 'A padlock' },
        audio: { front: 'gil.mp3' },
      },
      { id: 'f2', front: 'Threads share one…', back: 'memory space' },
      { id: 'f3', front: 'Processes run in…', back: 'parallel' },
    ],
    glossary: [
      { id: 'gil', term: 'Global Interpreter Lock', aliases: ['GIL'], definition: 'A mutex that lets one thread run Python code at a time.' },
      { id: 'thread', term: 'Thread', definition: 'A path of execution inside a process.' },
    ],
  };
}

/** A clock the test moves. */
function fakeClock() {
  const clock = { time: START, now: () => new Date(clock.time), advance: (ms: number) => void (clock.time += ms) };
  return clock;
}

const root = (el: LessonFlashcards) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: LessonFlashcards, selector: string) => root(el).querySelector<T & HTMLElement>(selector);
const $$ = (el: LessonFlashcards, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const status = (el: LessonFlashcards) => text($(el, '[part="status"]'));
const liveRegion = (el: LessonFlashcards) => text($(el, '[role="status"][aria-live]'));
const focused = (el: LessonFlashcards) => root(el).activeElement as HTMLElement | null;
const question = (el: LessonFlashcards) => text($(el, '[part="question"]'));
const isFlipped = (el: LessonFlashcards) => $(el, '[part~="card"]')!.classList.contains('flipped');

async function deck(
  options: { mode?: string; scheduler?: string; direction?: string; from?: string; store?: ProgressStore; clock?: ReturnType<typeof fakeClock>; lesson?: Lesson; cards?: string } = {},
) {
  const clock = options.clock ?? fakeClock();
  const el = await fixture<LessonFlashcards>(html`<lesson-flashcards
    mode=${options.mode ?? 'browse'}
    scheduler=${options.scheduler ?? 'fsrs'}
    direction=${options.direction ?? 'forward'}
    from=${options.from ?? 'flashcards'}
    cards=${options.cards ?? ''}
    .store=${options.store ?? new MemoryProgressStore()}
    .clock=${clock.now}
    .lesson=${options.lesson ?? deckLesson()}
  ></lesson-flashcards>`);
  if (options.mode === 'study') await studyReady(el);
  if (options.mode === 'type') await typeReady(el);
  return el;
}

/** Type mode loads its code first (a lazy chunk). */
async function typeReady(el: LessonFlashcards) {
  await el.updateComplete;
  await waitUntil(() => $(el, '[part="answer-input"], [part="summary"], [part="type-error"]'), 'type mode did not start', { timeout: 5000 });
  await el.updateComplete;
}

/** Study mode loads its scheduler first (FSRS is a lazy chunk). */
async function studyReady(el: LessonFlashcards) {
  await el.updateComplete;
  await waitUntil(() => $(el, '[part~="flip-button"], [part="summary"], [part="study-error"]'), 'study did not start', { timeout: 5000 });
  await el.updateComplete;
}

async function flipWithButton(el: LessonFlashcards) {
  const button = $(el, '[part~="front"] [part~="flip-button"]')!;
  button.focus();
  button.click();
  await el.updateComplete;
}

async function gradeWith(el: LessonFlashcards, rating: string) {
  if (!isFlipped(el)) await flipWithButton(el);
  $(el, `[data-rating="${rating}"]`)!.click();
  await el.updateComplete;
}

/** The saved record of a card, read through the store as the element does. */
const saved = (store: ProgressStore, card: string, direction = 'forward') =>
  store.read(`lesson-elements:deck:flashcards:${card}:${direction}`) as { v: number; fsrs?: { due: string }; leitner?: { box: number } } | undefined;

describe('<lesson-flashcards>', () => {
  let errors: ErrorEvent[];
  const onError = (event: ErrorEvent) => errors.push(event);
  beforeEach(() => {
    clearLessonCache();
    errors = [];
    window.addEventListener('error', onError);
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    sinon.restore();
    expect(errors.map((event) => event.message), 'uncaught errors').to.deep.equal([]);
  });

  it('shows the seed lesson\'s front accessibly', async () => {
    const el = await fixture<LessonFlashcards>(html`<lesson-flashcards
      src="/demo/lessons/python-concurrency.json"
      .store=${new MemoryProgressStore()}
    ></lesson-flashcards>`);
    await waitUntil(() => el.loadState === 'ready');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    expect(status(el)).to.match(/^Card 1 of \d+$/);
    expect(question(el)).to.equal('What is concurrency?');
  });

  it('loads only browse up front; type mode fetches its code when first opened', async () => {
    // Each lazily loaded module is a separate request to the test server: resource timing lists what was fetched.
    const fetched = (module: string) =>
      performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname.endsWith(`/flashcards/${module}.ts`));
    const el = await deck();
    await flipWithButton(el);
    el.next();
    await el.updateComplete;
    expect(['type-view', 'study-view', 'scheduler'].filter(fetched)).to.deep.equal([]);
    el.mode = 'type';
    await typeReady(el);
    expect($(el, '[part="answer-input"]')).to.exist;
    // The mode's styles came with its code.
    expect(getComputedStyle($(el, '[part="answer-form"]')!).display).to.equal('grid');
    expect(fetched('type-view')).to.equal(true);
    expect(fetched('study-view')).to.equal(false);
    await expect(el).to.be.accessible();
    // Study (and ts-fsrs) are checked by the next test, which needs them not loaded yet.
  });

  it('does not download ts-fsrs until a study session starts', async () => {
    // ts-fsrs adds helpers to Date.prototype when it is evaluated: a sure sign the module was loaded.
    const loaded = () => 'scheduler' in Date.prototype;
    const el = await deck();
    await flipWithButton(el);
    expect(loaded()).to.equal(false);
    el.mode = 'study';
    await studyReady(el);
    expect(loaded()).to.equal(true);
  });

  describe('browse', () => {
    it('puts the question before the answer, and keeps the hidden face out of reach', async () => {
      const el = await deck();
      const [front, back] = $$(el, '[part~="face"]');
      expect(front!.compareDocumentPosition(back!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
      expect(front!.getAttribute('aria-label')).to.equal('Question');
      expect(back!.getAttribute('aria-label')).to.equal('Answer');
      expect(back!.inert).to.equal(true);
      expect(front!.inert).to.equal(false);
      expect(text($(el, '[part="answer"]'))).to.equal('The Global Interpreter Lock');
      expect($(el, '[part="question"] em')!.textContent).to.equal('GIL');
      expect($(el, '[part="question"]')!.getAttribute('lang')).to.equal('en');
      expect(status(el)).to.equal('Card 1 of 3');
    });

    it('turns with its button, moves focus to the newly shown face, and fires lesson-flip', async () => {
      const el = await deck();
      const flips = sinon.spy();
      el.addEventListener('lesson-flip', (event) => flips(event.detail));
      await flipWithButton(el);
      expect(isFlipped(el)).to.equal(true);
      expect($(el, '[part~="front"]')!.inert).to.equal(true);
      expect($(el, '[part~="back"]')!.inert).to.equal(false);
      const back = focused(el)!;
      expect(back.closest('[part~="back"]')).to.exist;
      expect(back.textContent).to.contain('Show question');
      expect(back.getAttribute('aria-describedby')).to.equal('answer');
      await expect(el).to.be.accessible();
      back.click();
      await el.updateComplete;
      expect(isFlipped(el)).to.equal(false);
      expect(focused(el)!.closest('[part~="front"]')).to.exist;
      expect(flips.args.map(([detail]) => detail)).to.deep.equal([
        { cardId: 'f1', face: 'back' },
        { cardId: 'f1', face: 'front' },
      ]);
    });

    it('works from the keyboard: Space and Enter turn, arrows move, the position is announced', async () => {
      const el = await deck();
      $(el, '[part~="flip-button"]')!.focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(isFlipped(el)).to.equal(true);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(isFlipped(el)).to.equal(false);
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(status(el)).to.equal('Card 2 of 3');
      expect(question(el)).to.equal('Threads share one…');
      expect(liveRegion(el)).to.equal('Card 2 of 3: Threads share one…');
      // The card on screen was replaced: focus followed to its front.
      expect(focused(el)?.getAttribute('part')).to.equal('flip-button');
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(status(el)).to.equal('Card 3 of 3');
    });

    it('moves with the Previous and Next buttons, keeping focus on them, and always shows a new card\'s front', async () => {
      const el = await deck();
      await flipWithButton(el);
      const next = $(el, '[part="next-button"]')!;
      next.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(status(el)).to.equal('Card 2 of 3');
      expect(isFlipped(el)).to.equal(false);
      expect(focused(el)).to.equal(next);
      $(el, '[part="previous-button"]')!.click();
      await el.updateComplete;
      expect(status(el)).to.equal('Card 1 of 3');
    });

    it('reverses the arrow keys and swipes right to left', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl">
        <lesson-flashcards .store=${new MemoryProgressStore()} .lesson=${deckLesson()}></lesson-flashcards>
      </div>`);
      const el = wrapper.querySelector('lesson-flashcards')!;
      await el.updateComplete;
      expect($(el, '[part~="base"]')!.getAttribute('dir')).to.equal('rtl');
      $(el, '[part~="flip-button"]')!.focus();
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(status(el)).to.equal('Card 2 of 3');
      const card = $(el, '[part~="card"]')!;
      card.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, isPrimary: true, clientX: 100, clientY: 50 }));
      card.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true, isPrimary: true, clientX: 260, clientY: 60 }));
      await el.updateComplete;
      expect(status(el)).to.equal('Card 3 of 3');
      await expect(el).to.be.accessible();
    });

    it('moves on a swipe (synthetic pointer events) and turns on a tap', async () => {
      const el = await deck();
      const pointer = (type: string, x: number, y = 50) =>
        $(el, '[part~="card"]')!.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, isPrimary: true, clientX: x, clientY: y }));
      pointer('pointerdown', 300);
      pointer('pointerup', 120);
      await el.updateComplete;
      expect(status(el)).to.equal('Card 2 of 3');
      pointer('pointerdown', 100);
      pointer('pointerup', 300);
      await el.updateComplete;
      expect(status(el)).to.equal('Card 1 of 3');
      // Mostly vertical: a scroll, not a swipe.
      pointer('pointerdown', 100, 0);
      pointer('pointerup', 160, 200);
      await el.updateComplete;
      expect(status(el)).to.equal('Card 1 of 3');
      $(el, '[part="question"]')!.click();
      await el.updateComplete;
      expect(isFlipped(el)).to.equal(true);
    });

    it('moves on a real mouse drag, and the click ending the drag does not turn the card', async () => {
      const el = await deck();
      const box = $(el, '[part~="card"]')!.getBoundingClientRect();
      const y = Math.round(box.top + 20);
      await sendMouse({ type: 'move', position: [Math.round(box.left + box.width * 0.8), y] });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: [Math.round(box.left + box.width * 0.5), y] });
      await sendMouse({ type: 'move', position: [Math.round(box.left + box.width * 0.2), y] });
      await sendMouse({ type: 'up' });
      await resetMouse();
      await el.updateComplete;
      expect(status(el)).to.equal('Card 2 of 3');
      expect(isFlipped(el)).to.equal(false);
    });

    it('turns in 3D, or crossfades in place when the reader asks for reduced motion', async () => {
      const el = await deck();
      el.style.setProperty('--lesson-flashcards-duration', '0s');
      await flipWithButton(el);
      expect(getComputedStyle($(el, '.inner')!).transform).not.to.equal('none');
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        expect(getComputedStyle($(el, '.inner')!).transform).to.equal('none');
        expect(getComputedStyle($(el, '[part~="front"]')!).opacity).to.equal('0');
        expect(getComputedStyle($(el, '[part~="back"]')!).opacity).to.equal('1');
        expect(getComputedStyle($(el, '[part~="front"]')!).transitionProperty).to.contain('opacity');
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });

    it('shows a hint on request, the image with its alt text, and plays a face\'s audio', async () => {
      const el = await deck();
      const hintButton = $(el, '[part="hint-button"]')!;
      expect(hintButton.getAttribute('aria-expanded')).to.equal('false');
      expect($(el, '[part="hint"]')!.hidden).to.equal(true);
      hintButton.click();
      await el.updateComplete;
      expect(hintButton.getAttribute('aria-expanded')).to.equal('true');
      expect(text($(el, '[part="hint"]'))).to.equal('G… I… Lock');
      const image = $<HTMLImageElement>(el, '[part~="front"] [part="image"]')!;
      expect(image.alt).to.equal('A padlock');
      expect(image.src).to.equal(new URL('/test/fixtures/flashcards-lock.svg', document.baseURI).href);
      const play = sinon.stub(HTMLMediaElement.prototype, 'play').resolves();
      $(el, '[part~="front"] [part="audio-button"]')!.click();
      expect(play.calledOnce).to.equal(true);
      expect((play.firstCall.thisValue as HTMLAudioElement).src).to.equal(new URL('gil.mp3', document.baseURI).href);
      play.rejects(new DOMException('no', 'NotSupportedError'));
      $(el, '[part~="front"] [part="audio-button"]')!.click();
      await aTimeout(0);
      await el.updateComplete;
      expect(liveRegion(el)).to.equal('The audio could not be played');
    });

    it('shuffles with the injected random source and starts over in lesson order', async () => {
      const el = await deck();
      el.random = () => 0;
      $(el, '[part="shuffle-button"]')!.click();
      await el.updateComplete;
      expect(question(el)).to.equal('Threads share one…');
      expect(liveRegion(el)).to.equal('Cards shuffled');
      $(el, '[part="restart-button"]')!.click();
      await el.updateComplete;
      expect(question(el)).to.equal('What is the GIL?');
      expect(status(el)).to.equal('Card 1 of 3');
    });

    it('opens at the card named by the src fragment, and reports progress until every card was turned', async () => {
      const url = `data:application/json,${encodeURIComponent(JSON.stringify(deckLesson()))}#f2`;
      const el = await fixture<LessonFlashcards>(html`<lesson-flashcards src=${url} .store=${new MemoryProgressStore()}></lesson-flashcards>`);
      await waitUntil(() => el.loadState === 'ready');
      await el.updateComplete;
      expect(status(el)).to.equal('Card 2 of 3');
      const progress = sinon.spy();
      const complete = sinon.spy();
      el.addEventListener('lesson-progress', (event) => progress(event.detail));
      el.addEventListener('lesson-complete', (event) => complete(event.detail));
      for (let card = 0; card < 3; card++) {
        el.flip();
        el.flip();
        el.next();
      }
      expect(progress.args.map(([detail]) => detail.progress)).to.deep.equal([1 / 3, 2 / 3, 1]);
      expect(complete.calledOnceWith({ id: 'flashcards', summary: { mode: 'browse', cards: 3 } })).to.equal(true);
    });

    it('keeps only the cards named in `cards`', async () => {
      const el = await deck({ cards: 'f3 f1' });
      expect(status(el)).to.equal('Card 1 of 2');
      expect(question(el)).to.equal('Processes run in…');
    });
  });

  describe('study', () => {
    it('grades after the flip with Again, Hard, Good, Easy and keys 1 to 4, and fires lesson-review', async () => {
      const clock = fakeClock();
      const el = await deck({ mode: 'study', clock });
      await expect(el).to.be.accessible();
      expect(status(el)).to.equal('To review: 0 · New: 3');
      expect($(el, '[part="grades"]')).to.equal(null);
      await flipWithButton(el);
      const labels = $$(el, '[part~="grade-button"]').map((button) => text(button.querySelector('.grade-label')));
      expect(labels).to.deep.equal(['Again', 'Hard', 'Good', 'Easy']);
      expect(text($(el, '#interval-again'))).to.equal('in 1 min.');
      expect(text($(el, '#interval-good'))).to.equal('in 10 min.');
      expect(focused(el)?.dataset.rating).to.equal('good');
      expect(focused(el)?.getAttribute('aria-describedby')).to.equal('answer interval-good');
      await expect(el).to.be.accessible();
      const review = oneEvent(el, 'lesson-review');
      await sendKeys({ press: '3' });
      const { detail } = await review;
      expect(detail).to.deep.equal({ cardId: 'f1', direction: 'forward', rating: 'good', due: new Date(START + 10 * MINUTE).toISOString() });
      await el.updateComplete;
      expect(liveRegion(el)).to.equal('Good: this card comes back in 10 minutes');
      expect(question(el)).to.equal('Threads share one…');
      expect(focused(el)?.getAttribute('part')).to.equal('flip-button');
      // Number keys do nothing before the card is turned.
      await sendKeys({ press: '1' });
      await el.updateComplete;
      expect(question(el)).to.equal('Threads share one…');
    });

    it('can be studied from the keyboard alone, from tabbing in to the summary', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <button id="before">Before</button>
        <lesson-flashcards mode="study" cards="f2 f3" .store=${new MemoryProgressStore()} .clock=${fakeClock().now} .lesson=${deckLesson()}></lesson-flashcards>
      </div>`);
      const el = wrapper.querySelector('lesson-flashcards')!;
      await studyReady(el);
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(focused(el)?.textContent).to.contain('Show answer');
      await sendKeys({ press: 'Space' }); // turn: focus moves to Good
      await el.updateComplete;
      expect(focused(el)?.dataset.rating).to.equal('good');
      await sendKeys({ press: 'Space' }); // Good, as in Anki: Space twice
      await el.updateComplete;
      expect(question(el)).to.equal('Processes run in…');
      expect(focused(el)?.textContent).to.contain('Show answer');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await sendKeys({ press: '4' }); // Easy
      await el.updateComplete;
      expect(question(el)).to.equal('Threads share one…'); // back after 10 minutes (learn-ahead)
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await sendKeys({ press: '4' });
      await el.updateComplete;
      const heading = $(el, '[part="summary"] [role="heading"]')!;
      expect(focused(el)).to.equal(heading);
      await sendKeys({ press: 'Tab' });
      expect(focused(el)?.getAttribute('part')).to.equal('restart-button');
    });

    it('brings a card graded Again back sooner than one graded Good, and asks the earliest due first', async () => {
      const clock = fakeClock();
      const el = await deck({ mode: 'study', clock });
      const reviews: { cardId: string; due: string }[] = [];
      el.addEventListener('lesson-review', (event) => reviews.push(event.detail));
      await gradeWith(el, 'good'); // f1
      await gradeWith(el, 'again'); // f2
      await gradeWith(el, 'easy'); // f3
      const due = Object.fromEntries(reviews.map((review) => [review.cardId, Date.parse(review.due)]));
      expect(due.f1).to.be.greaterThan(due.f2!);
      expect(due.f3).to.be.greaterThan(due.f1! + DAY);
      // Nothing is due this minute: the earliest, f2 (Again), comes back before f1 (Good).
      expect(question(el)).to.equal('Threads share one…');
      expect(status(el)).to.equal('To review: 2 · New: 0');
    });

    it('runs until nothing is due, then shows an accessible summary and fires lesson-complete', async () => {
      const clock = fakeClock();
      const el = await deck({ mode: 'study', clock });
      const complete = oneEvent(el, 'lesson-complete');
      $(el, '[part~="flip-button"]')!.focus();
      for (const rating of ['easy', 'again', 'easy', 'easy']) await gradeWith(el, rating);
      const { detail } = await complete;
      expect(detail.id).to.equal('flashcards');
      expect(detail.summary).to.include({ mode: 'study', scheduler: 'fsrs', reviewed: 4, again: 1, newRemaining: 0 });
      await el.updateComplete;
      const summary = $(el, '[part="summary"]')!;
      expect(text(summary.querySelector('[role="heading"]'))).to.equal('Session complete');
      expect(focused(el)).to.equal(summary.querySelector('[role="heading"]'));
      const facts = Object.fromEntries([...summary.querySelectorAll('dl div')].map((row) => [text(row.querySelector('dt')), text(row.querySelector('dd'))]));
      expect(facts).to.include({ 'Cards reviewed': '4', 'Answered “Again”': '1' });
      expect(facts['Next card due']).to.match(/^(tomorrow|in \d+ days)$/);
      expect(summary.querySelector('time')!.getAttribute('datetime')).to.equal(detail.summary!.nextDue);
      await expect(el).to.be.accessible();
    });

    it('takes the last grade back with Undo or Ctrl+Z, also from the summary', async () => {
      const store = new MemoryProgressStore();
      const el = await deck({ mode: 'study', store, lesson: { ...deckLesson(), flashcards: deckLesson().flashcards!.slice(0, 1) } });
      expect(($(el, '[part="undo-button"]') as HTMLButtonElement).disabled).to.equal(true);
      await gradeWith(el, 'easy');
      expect($(el, '[part="summary"]')).to.exist;
      expect(saved(store, 'f1')?.fsrs).to.exist;
      $(el, '[part="summary"] [part="undo-button"]')!.click();
      await el.updateComplete;
      expect(question(el)).to.equal('What is the GIL?');
      expect(liveRegion(el)).to.equal('Last grade undone');
      expect(saved(store, 'f1')).to.deep.equal({ v: 1 });
      expect(status(el)).to.equal('To review: 0 · New: 1');
      await gradeWith(el, 'again');
      $(el, '[part~="flip-button"]')!.focus();
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'z' });
      await sendKeys({ up: 'Control' });
      await el.updateComplete;
      expect(saved(store, 'f1')).to.deep.equal({ v: 1 });
      expect(($(el, '[part="undo-button"]') as HTMLButtonElement).disabled).to.equal(true);
    });

    it('uses Leitner boxes with Got it / Not yet and keys 1 and 2', async () => {
      const store = new MemoryProgressStore();
      const el = await deck({ mode: 'study', scheduler: 'leitner', store });
      await flipWithButton(el);
      const labels = $$(el, '[part~="grade-button"]').map((button) => text(button.querySelector('.grade-label')));
      expect(labels).to.deep.equal(['Not yet', 'Got it']);
      expect(text($(el, '#interval-good'))).to.equal('tomorrow');
      await expect(el).to.be.accessible();
      await sendKeys({ press: '2' });
      await el.updateComplete;
      expect(saved(store, 'f1')?.leitner?.box).to.equal(1);
      await flipWithButton(el);
      await sendKeys({ press: '1' });
      await el.updateComplete;
      expect(saved(store, 'f2')?.leitner?.box).to.equal(0);
      expect(liveRegion(el)).to.equal('Not yet: this card comes back in 1 minute');
    });

    it('schedules each direction on its own in mixed decks', async () => {
      const store = new MemoryProgressStore();
      const el = await deck({ mode: 'study', direction: 'mixed', store, cards: 'f2' });
      expect(status(el)).to.equal('To review: 0 · New: 2');
      await gradeWith(el, 'easy');
      expect(question(el)).to.equal('memory space');
      await gradeWith(el, 'again');
      expect(Date.parse(saved(store, 'f2', 'forward')!.fsrs!.due)).to.be.greaterThan(Date.parse(saved(store, 'f2', 'reverse')!.fsrs!.due));
    });

    it('resumes saved progress in a re-created element', async () => {
      const store = new MemoryProgressStore();
      const clock = fakeClock();
      const first = await deck({ mode: 'study', store, clock });
      for (const rating of ['easy', 'good', 'easy', 'good']) await gradeWith(first, rating);
      expect($(first, '[part="summary"]')).to.exist;
      first.remove();

      const second = await deck({ mode: 'study', store, clock });
      expect(text($(second, '[part="summary"] [role="heading"]'))).to.equal('Nothing to review right now');
      await expect(second).to.be.accessible();
      second.remove();

      clock.advance(60 * DAY);
      const third = await deck({ mode: 'study', store, clock });
      expect(status(third)).to.equal('To review: 3 · New: 0');
      // The most overdue first: f2, graded Good (due soonest), before the cards graded Easy.
      expect(question(third)).to.equal('Threads share one…');
    });

    it('keeps an unseen card for the next session when the new-card limit is reached', async () => {
      const el = await deck({ mode: 'study' });
      el.newLimit = 1;
      await el.updateComplete;
      await studyReady(el);
      expect(status(el)).to.equal('To review: 0 · New: 1');
      await gradeWith(el, 'easy');
      expect(text($(el, '[part="summary"]'))).to.contain('New cards waiting for another session: 2');
    });
  });

  describe('type the answer', () => {
    it('accepts tolerant answers, turns the card, and says right or wrong', async () => {
      const el = await deck({ mode: 'type' });
      await expect(el).to.be.accessible();
      const answers = sinon.spy();
      el.addEventListener('lesson-answer', (event) => answers(event.detail));
      const input = $<HTMLInputElement>(el, '[part="answer-input"]')!;
      expect(input.labels?.[0]?.textContent).to.equal('Your answer');
      input.focus();
      await sendKeys({ type: '  the global interpreter LOCK!! ' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(isFlipped(el)).to.equal(true);
      expect(text($(el, '[part~="verdict"]'))).to.equal('Correct You wrote: the global interpreter LOCK!!');
      expect($(el, '[part~="verdict"] svg')).to.exist;
      expect(liveRegion(el)).to.equal('Correct');
      expect(focused(el)?.getAttribute('part')).to.equal('next-button');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(focused(el)?.getAttribute('part')).to.equal('answer-input');
      await sendKeys({ type: 'disk' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(text($(el, '[part~="verdict"]'))).to.contain('Not quite');
      expect(liveRegion(el)).to.equal('Not quite. The answer: memory space');
      expect(answers.args.map(([detail]) => detail)).to.deep.equal([
        { id: 'f1', response: 'the global interpreter LOCK!!', correct: true },
        { id: 'f2', response: 'disk', correct: false },
      ]);
    });

    it('counts the card\'s accepted answers, then scores the practice and retries the missed cards', async () => {
      const el = await deck({ mode: 'type' });
      const complete = sinon.spy();
      el.addEventListener('lesson-complete', (event) => complete(event.detail));
      const answer = async (value: string) => {
        $<HTMLInputElement>(el, '[part="answer-input"]')!.value = value;
        $(el, '[part="check-button"]')!.click();
        await el.updateComplete;
        $(el, '[part="next-button"]')!.click();
        await el.updateComplete;
      };
      await answer('A mutex');
      await answer('');
      await answer('Parallel.');
      expect(complete.calledOnceWith({ id: 'flashcards', score: 2, maxScore: 3, summary: { mode: 'type', correct: 2, total: 3 } })).to.equal(true);
      expect(text($(el, '[part="summary"]'))).to.contain('Right: 2 of 3');
      await expect(el).to.be.accessible();
      $(el, '[part="retry-missed-button"]')!.click();
      await el.updateComplete;
      expect(status(el)).to.equal('Card 1 of 1');
      expect(question(el)).to.equal('Threads share one…');
    });

    it('takes glossary aliases as answers in a glossary deck asked backwards', async () => {
      const el = await deck({ mode: 'type', from: 'glossary', direction: 'reverse' });
      expect(question(el)).to.equal('A mutex that lets one thread run Python code at a time.');
      $<HTMLInputElement>(el, '[part="answer-input"]')!.value = 'gil';
      $(el, '[part="check-button"]')!.click();
      await el.updateComplete;
      expect(text($(el, '[part~="verdict"]'))).to.match(/^Correct/);
      expect(text($(el, '[part="answer"]'))).to.equal('Global Interpreter Lock');
    });
  });

  describe('saved progress and storage faults', () => {
    it('falls back to memory with a notice when storage access throws SecurityError', async () => {
      const store = new BrowserProgressStore(() => {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      });
      const el = document.createElement('lesson-flashcards');
      const notice = oneEvent(el, 'lesson-storage');
      Object.assign(el, { mode: 'study', store, clock: fakeClock().now, lesson: deckLesson() });
      document.body.append(el);
      try {
        expect((await notice).detail.reason).to.contain('SecurityError');
        await studyReady(el);
        expect(text($(el, '[part="notice"]'))).to.contain('cannot be saved');
        await gradeWith(el, 'easy');
        // Kept in memory for the page's life: a second deck on the same store sees it.
        expect(saved(store, 'f1')?.fsrs).to.exist;
        await expect(el).to.be.accessible();
      } finally {
        el.remove();
      }
    });

    it('falls back to memory when reading throws SecurityError after the store was made', async () => {
      const storage = storageWithOthers();
      const store = new BrowserProgressStore(() => storage);
      storage.failGet = 'SecurityError';
      const el = await deck({ mode: 'study', store });
      expect($(el, '[part="notice"]')).to.exist;
      await gradeWith(el, 'good');
      expect(question(el)).to.equal('Threads share one…');
      storage.failGet = undefined;
      expectOthersUntouched(storage);
    });

    it('keeps progress in memory when a write hits QuotaExceededError, touching no other key', async () => {
      const storage = storageWithOthers();
      storage.failSet = 'QuotaExceededError';
      const store = new BrowserProgressStore(() => storage);
      const el = await deck({ mode: 'study', store });
      expect($(el, '[part="notice"]')).to.equal(null);
      const notice = oneEvent(el, 'lesson-storage');
      await gradeWith(el, 'easy');
      expect((await notice).detail.reason).to.contain('QuotaExceededError');
      await el.updateComplete;
      expect($(el, '[part="notice"]')).to.exist;
      expect(saved(store, 'f1')?.fsrs).to.exist;
      expect([...storage.values.keys()].filter((key) => key.startsWith('lesson-elements:deck:flashcards'))).to.deep.equal([]);
      expectOthersUntouched(storage);
      el.remove();
      const again = await deck({ mode: 'study', store });
      expect(status(again)).to.equal('To review: 0 · New: 2');
    });

    it('sets damaged saved progress aside: the card starts fresh, other keys stay as they were', async () => {
      const storage = storageWithOthers();
      storage.values.set('lesson-elements:deck:flashcards:f1:forward', '{"v":1,"data":{"v":1,"fsrs":');
      storage.values.set('lesson-elements:deck:flashcards:f2:forward', JSON.stringify({ v: 1, data: { v: 1, fsrs: { due: 'soon' } } }));
      storage.values.set('lesson-elements:deck:flashcards:f3:forward', JSON.stringify({ v: 1, data: { v: 9, fsrs: {} } }));
      const store = new BrowserProgressStore(() => storage);
      const el = await deck({ mode: 'study', store });
      expect($(el, '[part="notice"]')).to.exist;
      expect(status(el)).to.equal('To review: 0 · New: 3');
      await expect(el).to.be.accessible();
      expectOthersUntouched(storage);
      // Damaged data is only replaced once the learner makes new progress on that card.
      expect(storage.values.get('lesson-elements:deck:flashcards:f1:forward')).to.equal('{"v":1,"data":{"v":1,"fsrs":');
      await gradeWith(el, 'easy');
      expect(JSON.parse(storage.values.get('lesson-elements:deck:flashcards:f1:forward')!).data.fsrs).to.exist;
      expectOthersUntouched(storage);
    });

    it('takes in progress another tab writes to the same key', async () => {
      const storage = new FakeStorage();
      const store = new BrowserProgressStore(() => storage);
      const clock = fakeClock();
      const el = await deck({ mode: 'study', store, clock, scheduler: 'leitner' });
      expect(status(el)).to.equal('To review: 0 · New: 3');
      const key = 'lesson-elements:deck:flashcards:f2:forward';
      const later = { box: 3, due: new Date(START + 7 * DAY).toISOString(), reps: 3, lapses: 0 };
      storage.values.set(key, JSON.stringify({ v: 1, data: { v: 1, leitner: later } }));
      window.dispatchEvent(new StorageEvent('storage', { key }));
      await el.updateComplete;
      expect(status(el)).to.equal('To review: 0 · New: 2');
      for (let i = 0; i < 2; i++) await gradeWith(el, 'good');
      expect($(el, '[part="summary"]')).to.exist;
      // The other tab forgets f2 again: it is due now, and the finished session picks it up.
      storage.values.set(key, JSON.stringify({ v: 1, data: { v: 1, leitner: { ...later, due: new Date(START - DAY).toISOString() } } }));
      window.dispatchEvent(new StorageEvent('storage', { key }));
      await el.updateComplete;
      expect(question(el)).to.equal('Threads share one…');
      expect(errors).to.deep.equal([]);
    });

    it('exports progress as a JSON file and imports it back, refusing a bad file with a message', async () => {
      const store = new MemoryProgressStore();
      const el = await deck({ mode: 'study', store });
      await gradeWith(el, 'easy');
      const createObjectURL = sinon.stub(URL, 'createObjectURL').returns('blob:flashcards-test');
      const click = sinon.stub(HTMLAnchorElement.prototype, 'click');
      $(el, '[part="progress-tools"] summary')!.click();
      $(el, '[part="export-button"]')!.click();
      expect(click.calledOnce).to.equal(true);
      const link = click.firstCall.thisValue as HTMLAnchorElement;
      expect(link.download).to.equal('deck-flashcards.json');
      const blob = createObjectURL.firstCall.args[0] as Blob;
      expect(blob.type).to.equal('application/json');
      const file = JSON.parse(await blob.text());
      expect(file).to.include({ format: 'lesson-elements/flashcards-progress', version: 1, lesson: 'deck' });
      expect(Object.keys(file.cards)).to.deep.equal(['f1']);
      expect(file.cards.f1.forward.fsrs.reps).to.equal(1);

      // Into a fresh store, through the file picker.
      const fresh = new MemoryProgressStore();
      const other = await deck({ mode: 'study', store: fresh });
      expect(status(other)).to.equal('To review: 0 · New: 3');
      const choose = async (content: string) => {
        const input = $<HTMLInputElement>(other, 'input[type="file"]')!;
        const transfer = new DataTransfer();
        transfer.items.add(new File([content], 'progress.json', { type: 'application/json' }));
        input.files = transfer.files;
        input.dispatchEvent(new Event('change'));
        await waitUntil(() => $(other, '[part="import-message"]'));
        await other.updateComplete;
      };
      await choose('this is not JSON');
      const problem = $(other, '[part="import-message"]')!;
      expect(problem.getAttribute('role')).to.equal('alert');
      expect(text(problem)).to.equal('This file is not a flashcard progress file.');
      await expect(other).to.be.accessible();
      expect(await other.importProgress(new Blob([JSON.stringify({ ...file, lesson: 'elsewhere' })]))).to.equal(false);
      await other.updateComplete;
      expect(text($(other, '[part="import-message"]'))).to.equal('This file holds progress for another lesson ("elsewhere").');
      await choose(JSON.stringify(file));
      await waitUntil(() => text($(other, '[part="import-message"]')).startsWith('Progress imported'));
      expect(text($(other, '[part="import-message"]'))).to.equal('Progress imported. Cards updated: 1');
      expect(status(other)).to.equal('To review: 0 · New: 2');
      expect(saved(fresh, 'f1')).to.deep.equal(saved(store, 'f1'));
    });
  });

  describe('errors', () => {
    it('shows an accessible alert for an unknown card id', async () => {
      const url = `data:application/json,${encodeURIComponent(JSON.stringify(deckLesson()))}#no-such-card`;
      const el = await fixture<LessonFlashcards>(html`<lesson-flashcards src=${url}></lesson-flashcards>`);
      await waitUntil(() => el.loadState === 'error');
      await el.updateComplete;
      expect(text($(el, '[role="alert"]'))).to.contain('No part with the id "no-such-card"');
      await expect(el).to.be.accessible();
    });

    it('reports unknown ids in `cards`, an empty deck, and an invalid lesson', async () => {
      const unknown = await deck({ cards: 'f1 ghost' });
      expect(unknown.loadState).to.equal('error');
      expect(text($(unknown, '[role="alert"]'))).to.contain('"ghost"');
      unknown.cards = 'f1 f3';
      await unknown.updateComplete;
      expect(unknown.loadState).to.equal('ready');
      expect(status(unknown)).to.equal('Card 1 of 2');
      const empty = await deck({ from: 'glossary', lesson: { ...deckLesson(), flashcards: [{ id: 'only', front: 'a', back: 'b' }], glossary: [] } });
      expect(text($(empty, '[role="alert"]'))).to.contain('nothing to show');
      const broken = { ...deckLesson(), flashcards: [{ id: 'x', front: '' }] } as unknown as Lesson;
      const invalid = await deck({ lesson: broken });
      expect(text($(invalid, '[role="alert"]'))).to.contain('flashcards[0]');
      await expect(invalid).to.be.accessible();
    });

    it('says so, with a retry, when the scheduler cannot be loaded (offline, chunk missing)', async () => {
      const el = await deck();
      const failing = sinon
        .stub(el as unknown as { createScheduler: () => Promise<unknown> }, 'createScheduler')
        .rejects(new TypeError('Failed to fetch dynamically imported module'));
      sinon.stub(console, 'error');
      el.mode = 'study';
      await studyReady(el);
      const alert = $(el, '[part="study-error"]')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(text(alert)).to.contain('could not start');
      await expect(el).to.be.accessible();
      failing.restore();
      alert.querySelector('button')!.click();
      await waitUntil(() => $(el, '[part~="flip-button"]'));
      expect($(el, '[part~="flip-button"]')).to.exist;
    });
  });

  describe('mode switch', () => {
    const pressed = (el: LessonFlashcards) => $$(el, '[part="mode-button"]').map((button) => [text(button), button.getAttribute('aria-pressed')]);

    it('is absent unless `modes` offers two or more modes', async () => {
      const el = await deck();
      expect($(el, '[part="modes"]')).to.equal(null);
      el.modes = 'study bogus';
      await el.updateComplete;
      expect($(el, '[part="modes"]'), 'one real mode is no choice').to.equal(null);
    });

    it('switches between the offered modes with toggle buttons, announces the mode and remembers it', async () => {
      const store = new MemoryProgressStore();
      const el = await deck({ store });
      el.modes = 'browse, study type study';
      await el.updateComplete;
      const group = $(el, '[part="modes"]')!;
      expect(group.getAttribute('role')).to.equal('group');
      expect(group.getAttribute('aria-label')).to.equal('Mode');
      expect(pressed(el)).to.deep.equal([
        ['Browse', 'true'],
        ['Study', 'false'],
        ['Type the answer', 'false'],
      ]);
      await expect(el).to.be.accessible();

      $$(el, '[part="mode-button"]')[1]!.click();
      await studyReady(el);
      expect(el.mode).to.equal('study');
      expect(pressed(el).map(([, state]) => state)).to.deep.equal(['false', 'true', 'false']);
      expect(liveRegion(el)).to.contain('Mode: Study');
      expect($(el, '[part~="flip-button"]'), 'a study card').to.exist;
      await expect(el).to.be.accessible();

      // A new visit (same store) opens in the mode the learner chose last.
      const again = await fixture<LessonFlashcards>(html`<lesson-flashcards modes="browse study" .store=${store} .lesson=${deckLesson()}></lesson-flashcards>`);
      await studyReady(again);
      expect(again.mode).to.equal('study');
      // Without a switch the attribute decides: a remembered choice never overrides a fixed mode.
      const fixed = await fixture<LessonFlashcards>(html`<lesson-flashcards .store=${store} .lesson=${deckLesson()}></lesson-flashcards>`);
      expect(fixed.mode).to.equal('browse');
    });

    it('works from the keyboard', async () => {
      const el = await deck();
      el.modes = 'browse type';
      await el.updateComplete;
      $$(el, '[part="mode-button"]')[0]!.focus();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await typeReady(el);
      expect(el.mode).to.equal('type');
      expect(focused(el)?.getAttribute('aria-pressed')).to.equal('true');
    });
  });
});
