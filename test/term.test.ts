import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import sinon from 'sinon';
import { placePopover } from '../src/components/glossary/position.js';
import { LessonTerm } from '../src/components/glossary/term.js';
import { clearLessonCache } from '../src/core/load.js';
import type { Lesson } from '../src/core/schema.js';
import { countFetches } from './fixtures/fetch-counter.js';
import { miniLesson } from './fixtures/mini-lesson.js';

function glossaryLesson(): Lesson {
  return {
    ...miniLesson(),
    glossary: [
      {
        id: 'gil',
        term: 'Global Interpreter Lock',
        aliases: ['GIL'],
        definition: 'A mutex that lets **one** thread run Python code at a time.',
        url: 'https://docs.python.org/3/glossary.html#term-global-interpreter-lock',
      },
      { id: 'concurrency', term: 'Concurrency', definition: 'Making progress on several tasks in overlapping time.' },
      { id: 'parallelism', term: 'Parallelism', definition: 'Running several tasks at the same instant.' },
    ],
  };
}
const lesson = glossaryLesson();

const triggerOf = (el: LessonTerm) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="trigger"]')!;
const popoverOf = (el: LessonTerm) => el.shadowRoot!.querySelector<HTMLElement>('[part~="popover"]')!;
const isOpen = (el: LessonTerm) => !!popoverOf(el)?.matches(':popover-open');
/** Open, and placed (the popover is hidden while it is being positioned). */
const placed = (el: LessonTerm) => waitUntil(() => isOpen(el) && !popoverOf(el).hasAttribute('data-placing'), 'not placed');
const ready = (el: LessonTerm) => waitUntil(() => el.loadState === 'ready' && !!triggerOf(el), 'term not ready');
const center = (element: Element): [number, number] => {
  const box = element.getBoundingClientRect();
  return [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
};

async function term(template: unknown): Promise<LessonTerm> {
  const wrapper = await fixture<HTMLElement>(template as never);
  const el = wrapper instanceof LessonTerm ? wrapper : wrapper.querySelector('lesson-term')!;
  await ready(el);
  return el;
}

describe('<lesson-term>', () => {
  beforeEach(() => clearLessonCache());
  afterEach(async () => {
    await resetMouse();
    sinon.restore();
  });

  it('is accessible closed: a button inside the sentence', async () => {
    const el = await term(html`<p>The <lesson-term .lesson=${lesson}>GIL</lesson-term> matters.</p>`);
    await expect(el.parentElement).to.be.accessible();
    const trigger = triggerOf(el);
    expect(trigger.localName).to.equal('button');
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
    // The popover is rendered once a reader reaches the term.
    trigger.focus();
    await el.updateComplete;
    expect(el.shadowRoot!.getElementById(trigger.getAttribute('aria-controls')!)).to.equal(popoverOf(el));
    expect(popoverOf(el).getAttribute('popover')).to.equal('manual');
    expect(isOpen(el)).to.equal(false);
    trigger.blur();
    // The term reads inline, in the sentence's own font.
    expect(getComputedStyle(el).display).to.equal('inline');
    expect(getComputedStyle(trigger).textDecorationStyle).to.equal('dotted');
  });

  it('looks up its text or its term attribute by id, term or alias, in any case', async () => {
    const wrapper = await fixture<HTMLElement>(html`<p>
      <lesson-term .lesson=${lesson}>GIL</lesson-term>
      <lesson-term .lesson=${lesson}>global interpreter LOCK</lesson-term>
      <lesson-term .lesson=${lesson} term="gil">the lock</lesson-term>
      <lesson-term .lesson=${lesson} term="Concurrency">doing many things</lesson-term>
    </p>`);
    const terms = [...wrapper.querySelectorAll('lesson-term')];
    await Promise.all(terms.map(ready));
    const names: (string | null)[] = [];
    for (const el of terms) {
      el.show();
      await placed(el);
      names.push(el.shadowRoot!.querySelector('[part~="popover-term"]')!.textContent);
      el.hide();
    }
    expect(names).to.deep.equal(['Global Interpreter Lock', 'Global Interpreter Lock', 'Global Interpreter Lock', 'Concurrency']);
    expect(triggerOf(terms[2]!).textContent!.trim()).to.equal('');
    expect(terms[2]!.textContent).to.equal('the lock');
  });

  it('opens on click with term, aliases, definition and link, and is accessible open', async () => {
    const el = await term(html`<p>The <lesson-term .lesson=${lesson}>GIL</lesson-term> matters.</p>`);
    const events: { termId: string; open: boolean }[] = [];
    el.addEventListener('lesson-term', (event) => events.push(event.detail));
    await sendMouse({ type: 'click', position: center(triggerOf(el)) });
    await placed(el);
    await el.updateComplete;
    expect(el.open).to.equal(true);
    expect(triggerOf(el).getAttribute('aria-expanded')).to.equal('true');
    const popover = popoverOf(el);
    expect(popover.getAttribute('role')).to.equal('dialog');
    expect(el.shadowRoot!.getElementById(popover.getAttribute('aria-labelledby')!)!.textContent).to.equal('Global Interpreter Lock');
    expect(popover.querySelector('[part~="aliases"]')!.textContent).to.contain('GIL');
    expect(popover.querySelector('[part~="definition"] strong')!.textContent).to.equal('one');
    expect(popover.querySelector<HTMLAnchorElement>('[part~="more"]')!.href).to.equal(lesson.glossary![0]!.url);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('A mutex that lets one thread');
    expect(events).to.deep.equal([{ termId: 'gil', open: true }]);
    await expect(el.parentElement).to.be.accessible();

    // A second click closes it.
    await sendMouse({ type: 'click', position: center(triggerOf(el)) });
    await el.updateComplete;
    expect(isOpen(el)).to.equal(false);
    expect(triggerOf(el).getAttribute('aria-expanded')).to.equal('false');
    expect(events).to.deep.equal([
      { termId: 'gil', open: true },
      { termId: 'gil', open: false },
    ]);
  });

  it('opens with Enter and Space, and Escape closes it and returns focus to the term', async () => {
    const el = await term(html`<p>The <lesson-term .lesson=${lesson}>GIL</lesson-term> matters.</p>`);
    const trigger = triggerOf(el);
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await placed(el);
    // Into the popover with Tab, then Escape: back on the term.
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(popoverOf(el).querySelector('[part~="close"]'));
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(isOpen(el)).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(trigger);

    await sendKeys({ press: 'Space' });
    await placed(el);
    expect(el.open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(isOpen(el)).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(trigger);
    // Focus returned to the term does not open it again.
    await aTimeout(el.showDelay + 50);
    expect(isOpen(el)).to.equal(false);
  });

  it('closes with its close button, returning focus to the term', async () => {
    const el = await term(html`<p><lesson-term .lesson=${lesson}>GIL</lesson-term></p>`);
    el.show();
    await placed(el);
    popoverOf(el).querySelector<HTMLButtonElement>('[part~="close"]')!.click();
    await el.updateComplete;
    expect(isOpen(el)).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(triggerOf(el));
  });

  it('Escape closes a definition opened by hover while focus is elsewhere, and a press outside closes it', async () => {
    const el = await term(html`<p><lesson-term .lesson=${lesson}>GIL</lesson-term> and <button>elsewhere</button></p>`);
    const other = el.parentElement!.querySelector('button')!;
    other.focus();
    el.show();
    await placed(el);
    await sendKeys({ press: 'Escape' });
    expect(isOpen(el)).to.equal(false);
    expect(document.activeElement).to.equal(other);

    el.show();
    await placed(el);
    await sendMouse({ type: 'click', position: center(other) });
    expect(isOpen(el)).to.equal(false);
  });

  it('shows on hover after a delay, stays while the pointer moves into the popover, and hides after it leaves', async () => {
    const el = await term(html`<p style="margin: 120px 40px">The <lesson-term .lesson=${lesson}>GIL</lesson-term> matters.</p>`);
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });
    const trigger = triggerOf(el);
    await sendMouse({ type: 'move', position: center(trigger) });
    expect(isOpen(el)).to.equal(false);
    clock.tick(el.showDelay);
    expect(isOpen(el)).to.equal(true);
    await el.updateComplete;
    await Promise.resolve();
    const popover = popoverOf(el);
    const triggerBox = trigger.getBoundingClientRect();
    const popoverBox = popover.getBoundingClientRect();
    expect(popoverBox.top).to.be.greaterThan(triggerBox.bottom - 1);

    // Through the gap between term and popover: the grace period keeps it open...
    await sendMouse({ type: 'move', position: [Math.round(popoverBox.left + 10), Math.round((triggerBox.bottom + popoverBox.top) / 2)] });
    clock.tick(el.hideDelay / 2);
    expect(isOpen(el)).to.equal(true);
    // ...and inside the popover it stays as long as the pointer does.
    await sendMouse({ type: 'move', position: center(popover) });
    clock.tick(5_000);
    expect(isOpen(el)).to.equal(true);

    // Away from both: it hides after the grace period.
    await sendMouse({ type: 'move', position: [5, 5] });
    clock.tick(el.hideDelay - 1);
    expect(isOpen(el)).to.equal(true);
    clock.tick(1);
    expect(isOpen(el)).to.equal(false);
  });

  it('a click while hovering keeps the definition open (persistent) until dismissed', async () => {
    const el = await term(html`<p style="margin: 120px 40px"><lesson-term .lesson=${lesson}>GIL</lesson-term></p>`);
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });
    await sendMouse({ type: 'move', position: center(triggerOf(el)) });
    clock.tick(el.showDelay);
    expect(isOpen(el)).to.equal(true);
    await sendMouse({ type: 'click', position: center(triggerOf(el)) });
    await sendMouse({ type: 'move', position: [5, 5] });
    clock.tick(10_000);
    expect(isOpen(el)).to.equal(true);
    await sendKeys({ press: 'Escape' });
    expect(isOpen(el)).to.equal(false);
  });

  it('shows on keyboard focus after a delay', async () => {
    const el = await term(html`<p><button>before</button> <lesson-term .lesson=${lesson}>GIL</lesson-term></p>`);
    el.parentElement!.querySelector('button')!.focus();
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(triggerOf(el));
    expect(isOpen(el)).to.equal(false);
    clock.tick(el.showDelay);
    expect(isOpen(el)).to.equal(true);
    // Enter on a definition shown by focus keeps it, rather than closing it.
    await sendKeys({ press: 'Enter' });
    expect(isOpen(el)).to.equal(true);
    await sendKeys({ press: 'Escape' });
    expect(isOpen(el)).to.equal(false);
  });

  it('opens one term at a time on the page', async () => {
    const wrapper = await fixture<HTMLElement>(html`<p>
      <lesson-term .lesson=${lesson}>GIL</lesson-term> and <lesson-term .lesson=${lesson}>concurrency</lesson-term>
    </p>`);
    const [first, second] = [...wrapper.querySelectorAll('lesson-term')] as [LessonTerm, LessonTerm];
    await Promise.all([ready(first), ready(second)]);
    const opened = oneEvent(first, 'lesson-term');
    first.show();
    expect((await opened).detail).to.deep.equal({ termId: 'gil', open: true });
    second.show();
    await first.updateComplete;
    expect(isOpen(first)).to.equal(false);
    expect(first.open).to.equal(false);
    expect(isOpen(second)).to.equal(true);
    // And by pointer: clicking the other term swaps them.
    await sendMouse({ type: 'click', position: center(triggerOf(first)) });
    expect(isOpen(first)).to.equal(true);
    expect(isOpen(second)).to.equal(false);
  });

  it('opens when the open attribute is set, and follows a change of the term attribute', async () => {
    const el = await term(html`<p><lesson-term .lesson=${lesson} term="gil" open>that</lesson-term></p>`);
    await placed(el);
    el.hide();
    el.term = 'parallelism';
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="popover-term"]')?.textContent === 'Parallelism');
  });

  it('gets its lesson from src, with one request for many terms', async () => {
    const fetches = countFetches();
    try {
      const wrapper = await fixture<HTMLElement>(html`<p>
        <lesson-term src="/demo/lessons/python-concurrency.json">GIL</lesson-term>
        <lesson-term src="/demo/lessons/python-concurrency.json">threads</lesson-term>
        <lesson-term src="/demo/lessons/python-concurrency.json">parallelism</lesson-term>
      </p>`);
      const terms = [...wrapper.querySelectorAll('lesson-term')];
      await Promise.all(terms.map(ready));
      expect(fetches.calls).to.equal(1);
      terms[1]!.show();
      await placed(terms[1]!);
      expect(terms[1]!.shadowRoot!.querySelector('[part~="popover-term"]')!.textContent).to.equal('Threading');
    } finally {
      fetches.restore();
    }
  });

  describe('when it cannot be shown', () => {
    it('keeps an unknown term as plain text, with one console error and one lesson-error', async () => {
      const errors = sinon.stub(console, 'error');
      const onError = sinon.spy();
      const wrapper = await fixture<HTMLElement>(html`<p @lesson-error=${onError}>Try <lesson-term .lesson=${lesson}>asyncio</lesson-term> today.</p>`);
      const el = wrapper.querySelector('lesson-term')!;
      await waitUntil(() => el.loadState === 'error');
      await el.updateComplete;
      expect(onError.callCount).to.equal(1);
      expect(onError.firstCall.args[0].detail.messages[0]).to.contain('"asyncio"');
      expect(errors.callCount).to.equal(1);
      // The sentence reads as written: no button, no box, the text visible.
      expect(wrapper.innerText.replace(/\s+/g, ' ')).to.contain('Try asyncio today.');
      expect(el.shadowRoot!.querySelector('button')).to.equal(null);
      expect(el.shadowRoot!.querySelector('slot')).to.not.equal(null);
      const box = el.shadowRoot!.querySelector('[part~="base"]')!;
      expect(getComputedStyle(box).borderTopWidth).to.equal('0px');
      expect(el.shadowRoot!.querySelector('[part~="error-messages"]')!.textContent).to.contain('no definition');
      await expect(wrapper).to.be.accessible();
      // The same lesson again does not report it twice.
      el.lesson = lesson;
      await el.updateComplete;
      expect(onError.callCount).to.equal(1);
    });

    it('without any lesson still shows its text, and reports the missing source', async () => {
      sinon.stub(console, 'error');
      const onError = sinon.spy();
      const wrapper = await fixture<HTMLElement>(html`<p @lesson-error=${onError}>The <lesson-term>GIL</lesson-term> matters.</p>`);
      const el = wrapper.querySelector('lesson-term')!;
      await waitUntil(() => onError.called, 'no lesson-error');
      await el.updateComplete;
      expect(onError.firstCall.args[0].detail.messages[0]).to.contain('No lesson given');
      expect(el.loadState).to.equal('error');
      expect(el.getBoundingClientRect().width).to.be.greaterThan(0);
      expect(wrapper.innerText).to.contain('The GIL matters.');
    });

    it('shows its text while the lesson loads', async () => {
      const el = document.createElement('lesson-term');
      el.src = '/demo/lessons/python-concurrency.json';
      el.textContent = 'GIL';
      document.body.append(el);
      await el.updateComplete;
      expect(el.loadState).to.equal('loading');
      expect(el.getBoundingClientRect().width).to.be.greaterThan(0);
      await ready(el);
      el.remove();
    });

    it('reads its inline JSON script as the lesson, not as part of its text', async () => {
      const el = await term(html`<p><lesson-term
        ><script type="application/json">${JSON.stringify(lesson)}</script>GIL</lesson-term
      ></p>`);
      el.show();
      await placed(el);
      expect(el.shadowRoot!.querySelector('[part~="popover-term"]')!.textContent).to.equal('Global Interpreter Lock');
    });
  });

  describe('placement', () => {
    after(() => setViewport({ width: 800, height: 600 }));

    /** The popover is inside the viewport, beside the term (not over it), and close to it. */
    function expectBeside(el: LessonTerm, win: Window = window) {
      const t = triggerOf(el).getBoundingClientRect();
      const p = popoverOf(el).getBoundingClientRect();
      const width = win.document.documentElement.clientWidth;
      const height = win.document.documentElement.clientHeight;
      expect(p.left, 'left edge').to.be.at.least(-0.5);
      expect(p.top, 'top edge').to.be.at.least(-0.5);
      expect(p.right, 'right edge').to.be.at.most(width + 0.5);
      expect(p.bottom, 'bottom edge').to.be.at.most(height + 0.5);
      const below = p.top >= t.bottom - 1;
      const above = p.bottom <= t.top + 1;
      expect(below || above, 'beside the term').to.equal(true);
      const gap = below ? p.top - t.bottom : t.top - p.bottom;
      expect(gap, 'gap').to.be.below(24);
      // Horizontally it still overlaps the term's column, or reaches toward it from the nearest edge.
      expect(p.right > t.left - 1 && p.left < t.right + 1, 'next to the term').to.equal(true);
      return { below, above };
    }

    const spots = {
      'top left': 'top: 0; left: 0',
      'top right': 'top: 0; right: 0',
      'bottom left': 'bottom: 0; left: 0',
      'bottom right': 'bottom: 0; right: 0',
      'middle left': 'top: 45%; left: 0',
      'middle right': 'top: 45%; right: 0',
      'top middle': 'top: 0; left: 40%',
      'bottom middle': 'bottom: 0; left: 40%',
    };

    for (const [width, height] of [
      [320, 568],
      [1024, 700],
    ] as const) {
      for (const [name, position] of Object.entries(spots)) {
        it(`stays in a ${width} px wide viewport with the term at the ${name}`, async () => {
          await setViewport({ width, height });
          const el = await term(html`<p style="position: fixed; margin: 0; ${position}">
            <lesson-term .lesson=${lesson}>Global Interpreter Lock</lesson-term>
          </p>`);
          el.show();
          await placed(el);
          const { above } = expectBeside(el);
          if (name.startsWith('bottom')) expect(above, 'flipped above').to.equal(true);
          if (name.startsWith('top')) expect(above, 'below').to.equal(false);
          el.hide();
        });
      }
    }

    it('uses CSS anchor positioning when it fits, and stays anchored when the page scrolls', async () => {
      await setViewport({ width: 1024, height: 700 });
      const el = await term(html`<div style="height: 2000px; padding-top: 200px">
        <p style="margin-left: 200px"><lesson-term .lesson=${lesson}>GIL</lesson-term></p>
      </div>`);
      el.show();
      await placed(el);
      expect(popoverOf(el).classList.contains('floating')).to.equal(false);
      expectBeside(el);
      const before = popoverOf(el).getBoundingClientRect().top;
      window.scrollTo(0, 120);
      // The browser re-anchors at its next layout.
      await waitUntil(() => popoverOf(el).getBoundingClientRect().top < before - 100, 'did not follow the scroll');
      expectBeside(el);
      window.scrollTo(0, 0);
    });

    it('falls back to Floating UI (loaded lazily) and keeps the popover inside the viewport', async () => {
      await setViewport({ width: 320, height: 568 });
      const wrapper = await fixture<HTMLElement>(html`<div>
        <button style="position: fixed; bottom: 4px; right: 4px">anchor</button>
        <div popover="manual" style="width: 280px; height: 120px; margin: 0; padding: 0; border: 0">floating</div>
      </div>`);
      const anchor = wrapper.querySelector('button')!;
      const floating = wrapper.querySelector<HTMLElement>('[popover]')!;
      floating.showPopover();
      const placement = await placePopover(anchor, floating, { strategy: 'floating', padding: 8, gap: 6 });
      expect(placement.strategy).to.equal('floating');
      expect(placement.side).to.equal('top');
      const box = floating.getBoundingClientRect();
      expect(box.left).to.be.at.least(8 - 0.5);
      expect(box.right).to.be.at.most(320 - 8 + 0.5);
      expect(box.bottom).to.be.at.most(anchor.getBoundingClientRect().top - 6 + 0.5);
      placement.stop();
      floating.hidePopover();
    });

    it('opens toward the reading direction in right-to-left text', async () => {
      await setViewport({ width: 1024, height: 700 });
      const el = await term(html`<p dir="rtl" style="margin: 100px 0 0; padding-inline-start: 100px">
        <lesson-term .lesson=${lesson}>GIL</lesson-term>
      </p>`);
      el.show();
      await placed(el);
      expectBeside(el);
      // Aligned to the term's right edge, growing leftwards.
      const t = triggerOf(el).getBoundingClientRect();
      const p = popoverOf(el).getBoundingClientRect();
      expect(Math.abs(p.right - t.right)).to.be.below(2);
      expect(popoverOf(el).getAttribute('class')).to.contain('rtl');
    });

    it('works inside another element’s shadow root', async () => {
      await setViewport({ width: 320, height: 568 });
      const host = await fixture<HTMLElement>(html`<div style="position: fixed; bottom: 0; right: 0"></div>`);
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = '<p style="margin: 0">In a shadow root: <lesson-term>Global Interpreter Lock</lesson-term></p>';
      const el = root.querySelector('lesson-term')!;
      el.lesson = lesson;
      await ready(el);
      el.show();
      await placed(el);
      expectBeside(el);
      expect(el.open).to.equal(true);
      await sendKeys({ press: 'Escape' });
      expect(isOpen(el)).to.equal(false);
    });

    it('works inside an iframe, staying inside the iframe’s viewport', async () => {
      await setViewport({ width: 800, height: 600 });
      const iframe = await fixture<HTMLIFrameElement>(html`<iframe
        style="width: 300px; height: 220px; border: 0"
        title="Term in a frame"
        srcdoc=${`<!doctype html><html lang="en"><body style="margin: 0">
          <p style="position: fixed; bottom: 0; right: 0; margin: 0">A frame: <lesson-term>GIL</lesson-term></p>
          <script type="module">import '/src/components/glossary/term.ts';</script>
        </body></html>`}
      ></iframe>`);
      await waitUntil(() => iframe.contentWindow?.customElements.get('lesson-term'), 'iframe never defined lesson-term', { timeout: 5000 });
      const inner = iframe.contentDocument!.querySelector('lesson-term') as LessonTerm;
      inner.lesson = lesson;
      await waitUntil(() => inner.loadState === 'ready' && !!triggerOf(inner), 'iframe term not ready');
      triggerOf(inner).click();
      await placed(inner);
      expect(inner.open).to.equal(true);
      expectBeside(inner, iframe.contentWindow!);
      // The popover is in the iframe's top layer, not the page's.
      expect(popoverOf(inner).ownerDocument).to.equal(iframe.contentDocument);
    });
  });
});
