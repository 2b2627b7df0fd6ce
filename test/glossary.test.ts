import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { LitElement, html as litHtml } from 'lit';
import { ContextProvider } from '@lit/context';
import sinon from 'sinon';
import '../src/components/glossary/glossary.js';
import type { LessonGlossary } from '../src/components/glossary/glossary.js';
import type { LessonTerm } from '../src/components/glossary/term.js';
import { lessonContext } from '../src/core/context.js';
import { clearLessonCache } from '../src/core/load.js';
import type { Lesson } from '../src/core/schema.js';
import { countFetches } from './fixtures/fetch-counter.js';
import { miniLesson } from './fixtures/mini-lesson.js';
import { revealSkippedContent } from './fixtures/reveal-skipped.js';

function glossaryLesson(): Lesson {
  return {
    ...miniLesson(),
    glossary: [
      { id: 'gil', term: 'Global Interpreter Lock', aliases: ['GIL'], definition: 'A mutex in **CPython**.' },
      { id: 'lock', term: 'Lock', definition: 'A synchronization primitive.' },
      { id: 'threading', term: 'Threading', aliases: ['threads', 'thread'], definition: 'Threads in one process.' },
      { id: 'concurrency', term: 'Concurrency', definition: 'Progress on several tasks at once.', url: 'https://example.org/c' },
      { id: 'parallelism', term: 'Parallelism', definition: 'Several tasks at the same instant.' },
    ],
  };
}
const lesson = glossaryLesson();

/** What links a term: a glossary's link (a plain button until a reader reaches it), or a `<lesson-term>`. */
const LINKS = 'button[data-lesson-term], lesson-term';
const linksIn = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>(LINKS)];
/** The entry ids linked inside `root`, in document order. */
const linked = (root: ParentNode) => linksIn(root).map((link) => link.getAttribute('data-lesson-term') ?? link.getAttribute('term'));
const linkedText = (root: ParentNode) => linksIn(root).map((link) => link.textContent);
/** The markup with every link and `<lesson-term>` replaced by its contents. */
function unwrapped(root: Element): string {
  const copy = root.cloneNode(true) as Element;
  for (const link of [...copy.querySelectorAll(LINKS)]) link.replaceWith(...link.childNodes);
  copy.normalize();
  return copy.innerHTML;
}
const ready = (el: LessonGlossary) => waitUntil(() => el.loadState === 'ready', 'glossary not ready');
const triggerOf = (term: LessonTerm) => term.shadowRoot?.querySelector<HTMLButtonElement>('[part~="trigger"]') ?? null;
/**
 * A reader reaches a link (focus, as Tab would): the `<lesson-term>` that takes its place, rendered,
 * with focus on its button. Focus is then left, so the focus preview does not open later in the test.
 */
function reach(link: HTMLElement): LessonTerm {
  const parent = link.parentNode!;
  const index = [...parent.childNodes].indexOf(link);
  link.focus();
  const term = parent.childNodes[index] as LessonTerm;
  expect(term.localName, 'a <lesson-term> in the link’s place').to.equal('lesson-term');
  expect(link.isConnected, 'the link is gone').to.equal(false);
  const trigger = triggerOf(term);
  expect(term.loadState, 'rendered at once, with the glossary’s lesson').to.equal('ready');
  expect(term.shadowRoot?.activeElement, 'focus moved to the term’s button').to.equal(trigger);
  trigger!.blur();
  return term;
}

/** Stands in for <lesson-view>: hands a lesson down through the context, as it does. */
class TestLessonProvider extends LitElement {
  provider = new ContextProvider(this, { context: lessonContext });
  set value(lesson: Lesson) {
    this.provider.setValue({ lesson, baseUrl: document.baseURI });
  }
  override render() {
    return litHtml`<slot></slot>`;
  }
}
customElements.define('test-lesson-provider', TestLessonProvider);

describe('<lesson-glossary>', () => {
  beforeEach(() => clearLessonCache());
  afterEach(() => sinon.restore());

  it('is accessible around an article, with its terms linked', async () => {
    const el = await fixture<LessonGlossary>(html`<lesson-glossary .lesson=${lesson}>
      <article>
        <h2>Threads in Python</h2>
        <p>The Global Interpreter Lock limits threads; concurrency is still possible.</p>
      </article>
    </lesson-glossary>`);
    await ready(el);
    await expect(el).to.be.accessible();
    expect(linked(el)).to.deep.equal(['gil', 'threading', 'concurrency']);
    // Reached by a reader, each renders its button: still accessible.
    for (const link of linksIn(el)) reach(link);
    await expect(el).to.be.accessible();
  });

  describe('linking', () => {
    it('links the longest match first, whole words only, aliases too', async () => {
      const el = await fixture<LessonGlossary>(html`<lesson-glossary .lesson=${lesson}>
        <p>The Global Interpreter Lock is a lock. GILT is no term, nor is unlock, but the GIL is.</p>
      </lesson-glossary>`);
      await ready(el);
      expect(linkedText(el)).to.deep.equal(['Global Interpreter Lock', 'lock']);
      expect(linked(el)).to.deep.equal(['gil', 'lock']);
      // The GIL was already linked in this section (as its full name), so its alias is not linked again.
      expect(el.querySelector('p')!.textContent).to.contain('but the GIL is.');
    });

    it('never links inside code, pre, links, headings, buttons, form fields, existing terms or data-no-glossary', async () => {
      const el = await fixture<LessonGlossary>(html`<lesson-glossary .lesson=${lesson}>
        <section><p>In <code>concurrency</code> and <kbd>concurrency</kbd>.</p></section>
        <section><pre>concurrency</pre></section>
        <section><p><a href="#x">concurrency</a></p></section>
        <section><h2>Concurrency</h2></section>
        <section><div role="heading" aria-level="3">Concurrency</div></section>
        <section><button>concurrency</button></section>
        <section><label>concurrency <input value="concurrency" /></label></section>
        <section><textarea>concurrency</textarea></section>
        <section><select><option>concurrency</option></select></section>
        <section><p data-no-glossary>Not here: <em>concurrency</em>.</p></section>
        <section><div contenteditable><p>concurrency</p></div><div contenteditable="plaintext-only">concurrency</div></section>
        <section><span role="button" tabindex="0">concurrency</span> <span role="textbox">concurrency</span></section>
        <section><p>Mine: <lesson-term term="concurrency">concurrency</lesson-term>, and concurrency again.</p></section>
        <section id="control"><p>But here: concurrency.</p></section>
      </lesson-glossary>`);
      await ready(el);
      const terms = linksIn(el);
      expect(terms).to.have.length(2);
      expect(terms[0]!.localName).to.equal('lesson-term');
      expect(terms[0]!.parentElement!.textContent).to.contain('Mine:');
      expect(terms[0]!.querySelector('lesson-term')).to.equal(null);
      expect(terms[1]!.closest('#control')).to.not.equal(null);
      expect(el.querySelector('textarea')!.value).to.equal('concurrency');
    });

    it('links the first occurrence per section: sections, articles and headings start one', async () => {
      const el = await fixture<LessonGlossary>(html`<lesson-glossary .lesson=${lesson}>
        <p id="a">Concurrency, then concurrency again.</p>
        <h2>Second part</h2>
        <p id="b">Concurrency once, <em>concurrency</em> twice.</p>
        <section>
          <p id="c">A section links concurrency again.</p>
          <p id="d">But only once: concurrency.</p>
        </section>
        <p id="e">After the section, still the second part: concurrency.</p>
        <article><p id="f">An article: concurrency.</p></article>
        <p id="g">Still the second part: concurrency.</p>
        <div popover id="h"><p>A popover is a section of its own: concurrency.</p></div>
        <div role="heading" aria-level="2">Third part</div>
        <p id="i">A heading by role starts a section too: concurrency.</p>
        <div contenteditable="false"><p id="j">Not editable, so linked: parallelism</p></div>
      </lesson-glossary>`);
      await ready(el);
      const linkedIn = (id: string) => linked(el.querySelector(`#${id}`)!).length;
      expect(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map(linkedIn)).to.deep.equal([1, 1, 1, 0, 0, 1, 0, 1, 1, 1]);
    });

    it('links each tab panel and hidden part on its own: hidden text never takes the links of the text read', async () => {
      const el = await fixture<LessonGlossary>(html`<lesson-glossary .lesson=${lesson}>
        <section>
          <div role="tablist"><button role="tab">Quick</button><button role="tab">Standard</button></div>
          <div role="tabpanel" id="quick" hidden><p>Threads and concurrency, briefly.</p></div>
          <div role="tabpanel" id="standard"><p>Threads, concurrency and the GIL, at length.</p></div>
          <p id="after">After the tabs: threads and parallelism.</p>
          <div hidden id="more"><p>Hidden: parallelism and the GIL.</p></div>
          <details id="details"><summary>More</summary><p>Concurrency, in a details.</p></details>
          <p id="last">Then parallelism again, and concurrency.</p>
        </section>
      </lesson-glossary>`);
      await ready(el);
      const linkedIn = (id: string) => linked(el.querySelector(`#${id}`)!);
      expect(linkedIn('quick')).to.deep.equal(['threading', 'concurrency']);
      expect(linkedIn('standard')).to.deep.equal(['threading', 'concurrency', 'gil']);
      // The text around the panels is one section of its own, which the panels did not use up.
      expect(linkedIn('after')).to.deep.equal(['threading', 'parallelism']);
      expect(linkedIn('more')).to.deep.equal(['parallelism', 'gil']);
      expect(linkedIn('details')).to.deep.equal(['concurrency']);
      expect(linkedIn('last')).to.deep.equal(['concurrency']);
    });

    it('links every occurrence with link="all", and none with link="none"', async () => {
      const el = await fixture<LessonGlossary>(html`<lesson-glossary link="all" .lesson=${lesson}>
        <p>Concurrency, then concurrency, then <strong>concurrency</strong>.</p>
      </lesson-glossary>`);
      await ready(el);
      expect(linked(el)).to.deep.equal(['concurrency', 'concurrency', 'concurrency']);

      const none = await fixture<LessonGlossary>(html`<lesson-glossary link="none" .lesson=${lesson}>
        <p>Concurrency here, and <lesson-term>parallelism</lesson-term> written by hand.</p>
      </lesson-glossary>`);
      await ready(none);
      expect(linkedText(none)).to.deep.equal(['parallelism']);
      const mine = none.querySelector<LessonTerm>('lesson-term')!;
      await waitUntil(() => mine.loadState === 'ready', 'a hand-written term gets the lesson from the glossary');
    });

    it('leaves the author’s markup otherwise untouched', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div></div>`);
      const el = document.createElement('lesson-glossary');
      // Test scaffolding only: the author's markup as a page would have it.
      el.innerHTML = `
        <div class="post" data-x="1">
          <p style="color: rebeccapurple">Start: <em class="keep">the Global Interpreter Lock</em>, threads &amp; more.<!-- a comment --></p>
          <ul>
            <li>Parallelism <strong>matters</strong>.</li>
          </ul>
          <img src="data:," alt="">
        </div>`;
      const before = el.innerHTML;
      const em = el.querySelector('em')!;
      const firstText = el.querySelector('p')!.firstChild!;
      el.lesson = lesson;
      wrapper.append(el);
      await ready(el);
      expect(linked(el)).to.deep.equal(['gil', 'threading', 'parallelism']);
      expect(unwrapped(el)).to.equal(before);
      // The same elements and text nodes, not copies.
      expect(el.querySelector('em')).to.equal(em);
      expect(el.querySelector('p')!.firstChild).to.equal(firstText);
    });

    it('links text added later, once, without linking its own insertions again', async () => {
      const el = await fixture<LessonGlossary>(html`<lesson-glossary .lesson=${lesson}>
        <section id="one"><p>Concurrency first.</p></section>
      </lesson-glossary>`);
      await ready(el);
      expect(linked(el)).to.deep.equal(['concurrency']);

      const more = document.createElement('section');
      const paragraph = document.createElement('p');
      paragraph.textContent = 'Later: parallelism and concurrency.';
      more.append(paragraph);
      el.append(more);
      await waitUntil(() => linked(el).length === 3, 'late text was not linked');
      // Nothing keeps changing: no loop.
      const html1 = el.innerHTML;
      await new Promise(requestAnimationFrame);
      await new Promise(requestAnimationFrame);
      expect(el.innerHTML).to.equal(html1);
      expect(linked(el)).to.deep.equal(['concurrency', 'parallelism', 'concurrency']);

      // More text in a section that already links the term: not linked again.
      el.querySelector('#one p')!.append(' And concurrency again.');
      await new Promise(requestAnimationFrame);
      expect(linked(el)).to.have.length(3);

      // Text that changes in place is read again.
      const note = document.createElement('section');
      note.append(document.createTextNode('nothing yet'));
      el.append(note);
      await new Promise(requestAnimationFrame);
      (note.firstChild as Text).data = 'now about threads';
      await waitUntil(() => linked(el).length === 4, 'changed text was not linked');
      expect(linkedText(note)).to.deep.equal(['threads']);
    });

    it('gives its terms the lesson: the page fetches it once', async () => {
      const fetches = countFetches();
      try {
        const onError = sinon.spy();
        const el = await fixture<LessonGlossary>(html`<lesson-glossary src="/demo/lessons/python-concurrency.json" @lesson-error=${onError}>
          <p>The <lesson-term>GIL</lesson-term> is written by hand; threads and parallelism are linked.</p>
        </lesson-glossary>`);
        await ready(el);
        const [mine, ...links] = linksIn(el) as [LessonTerm, ...HTMLElement[]];
        expect(linkedText(el)).to.deep.equal(['GIL', 'threads', 'parallelism']);
        await waitUntil(() => mine.loadState === 'ready');
        const terms = [mine];
        for (const link of links) terms.push(reach(link));
        // The hand-written term waited for the glossary's lesson instead of reporting a missing source.
        await new Promise((resolve) => setTimeout(resolve, 10));
        expect(onError.called).to.equal(false);
        expect(fetches.calls).to.equal(1);
        const trigger = terms[1]!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="trigger"]')!;
        trigger.click();
        await terms[1]!.updateComplete;
        expect(terms[1]!.shadowRoot!.querySelector('[part~="popover-term"]')!.textContent).to.equal('Threading');
        expect(terms[1]!.open).to.equal(true);
        terms[1]!.hide();
      } finally {
        fetches.restore();
      }
    });

    it('fires one lesson-load for the page: the glossary’s, not one per term', async () => {
      const loads: string[] = [];
      const el = await fixture<LessonGlossary>(html`<lesson-glossary
        .lesson=${lesson}
        @lesson-load=${(event: Event) => loads.push((event.target as Element).localName)}
      >
        <p>Threads, the GIL and parallelism.</p>
      </lesson-glossary>`);
      await ready(el);
      const links = linksIn(el);
      for (const link of links) reach(link);
      expect(links).to.have.length(3);
      expect(loads).to.deep.equal(['lesson-glossary']);
    });

    it('gives a term upgraded before its lesson view the lesson once the view is defined', async () => {
      const onError = sinon.spy();
      const wrapper = await fixture<HTMLElement>(html`<div @lesson-error=${onError}>
        <lesson-view><p>The <lesson-term>GIL</lesson-term>, waiting for its view.</p></lesson-view>
      </div>`);
      const term = wrapper.querySelector<LessonTerm>('lesson-term')!;
      // The view is not defined yet: no lesson, and no "missing source" error either.
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(term.loadState).to.equal('idle');
      expect(onError.called).to.equal(false);
      expect(term.getBoundingClientRect().width).to.be.greaterThan(0);
      // A stand-in for <lesson-view> (this test page only), providing the lesson through the context as it does.
      customElements.define(
        'lesson-view',
        class extends TestLessonProvider {
          constructor() {
            super();
            this.value = lesson;
          }
        },
      );
      await waitUntil(() => term.loadState === 'ready', 'the term never got the lesson');
      expect(onError.called).to.equal(false);
    });

    it('takes the lesson from an enclosing lesson view through the context', async () => {
      const provider = await fixture<TestLessonProvider>(html`<test-lesson-provider .value=${lesson}>
        <lesson-glossary><p>Parallelism via the view.</p></lesson-glossary>
      </test-lesson-provider>`);
      const el = provider.querySelector('lesson-glossary')!;
      await ready(el);
      expect(linked(el)).to.deep.equal(['parallelism']);
    });
  });

  describe('links: plain buttons until a reader reaches them', () => {
    afterEach(() => resetMouse());

    /** A glossary around one paragraph, its links, and the button before them (for Tab), on a page that styles buttons. */
    async function article() {
      const wrapper = await fixture<HTMLElement>(html`<div style="margin: 120px 40px">
        <button id="before">before</button>
        <lesson-glossary .lesson=${lesson}><p>Before the GIL, threads and parallelism.</p></lesson-glossary>
      </div>`);
      // The page's own rule for buttons, which must not reach the links.
      const pageStyle = document.createElement('style');
      pageStyle.textContent = 'button { padding: 8px 16px; border: 2px solid navy; background: gold; font-weight: 700; }';
      wrapper.prepend(pageStyle);
      const el = wrapper.querySelector('lesson-glossary')!;
      await ready(el);
      return { wrapper, el, links: linksIn(el) };
    }
    const center = (element: Element): [number, number] => {
      const box = element.getBoundingClientRect();
      return [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
    };
    const popoverOf = (term: LessonTerm) => term.shadowRoot?.querySelector<HTMLElement>('[part~="popover"]') ?? null;
    const isOpen = (term: LessonTerm) => !!popoverOf(term)?.matches(':popover-open');
    const shownTerm = (term: LessonTerm) => term.shadowRoot?.querySelector('[part~="popover-term"]')?.textContent;
    const termsIn = (root: ParentNode) => [...root.querySelectorAll<LessonTerm>('lesson-term')];

    it('links words that read and look like terms (not like the page’s buttons), and keep their place when reached', async () => {
      const { el, links } = await article();
      expect(linked(el)).to.deep.equal(['gil', 'threading', 'parallelism']);
      await expect(el).to.be.accessible();
      const paragraph = getComputedStyle(el.querySelector('p')!);
      for (const link of links) {
        expect(link.localName).to.equal('button');
        expect((link as HTMLButtonElement).type, 'never submits a form').to.equal('button');
        expect(link.getAttribute('aria-expanded')).to.equal('false');
        const style = getComputedStyle(link);
        expect(style.textDecorationLine).to.equal('underline');
        expect(style.textDecorationStyle).to.equal('dotted');
        expect(style.cursor).to.equal('help');
        expect(style.display).to.equal('inline');
        // The page's button rule does not reach them: the sentence's own font, no box.
        expect([style.paddingLeft, style.borderTopWidth, style.backgroundColor]).to.deep.equal(['0px', '0px', 'rgba(0, 0, 0, 0)']);
        expect([style.fontWeight, style.fontSize]).to.deep.equal([paragraph.fontWeight, paragraph.fontSize]);
      }
      expect(termsIn(el), 'no <lesson-term> until a reader reaches one').to.deep.equal([]);
      // A term in a link's place does not move the words around it.
      const [gil, threads] = links as [HTMLElement, HTMLElement];
      const before = gil.getBoundingClientRect();
      const next = threads.getBoundingClientRect();
      const term = reach(gil);
      const after = term.getBoundingClientRect();
      expect(Math.abs(after.left - before.left)).to.be.below(1);
      expect(Math.abs(after.width - before.width)).to.be.below(1);
      expect(Math.abs(threads.getBoundingClientRect().left - next.left)).to.be.below(1);
      expect(getComputedStyle(triggerOf(term)!).textDecorationStyle).to.equal('dotted');
      expect(termsIn(el)).to.deep.equal([term]);
      // A theme set on the glossary reaches links and terms alike.
      el.style.setProperty('--lesson-term-underline-color', 'rgb(200, 0, 0)');
      expect(getComputedStyle(threads).textDecorationColor).to.equal('rgb(200, 0, 0)');
      expect(getComputedStyle(triggerOf(term)!).textDecorationColor).to.equal('rgb(200, 0, 0)');
      await expect(el).to.be.accessible();
    });

    it('becomes a term when the pointer reaches it, which shows after the hover delay (the glossary listens, not each link)', async () => {
      const { el, links } = await article();
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });
      await sendMouse({ type: 'move', position: center(links[1]!) });
      const [term] = termsIn(el) as [LessonTerm];
      expect(term?.textContent, 'only the link reached').to.equal('threads');
      expect(triggerOf(term), 'rendered on arrival').to.not.equal(null);
      expect(isOpen(term)).to.equal(false);
      clock.tick(term.showDelay);
      await term.updateComplete;
      expect(isOpen(term)).to.equal(true);
      expect(shownTerm(term)).to.equal('Threading');
      await sendMouse({ type: 'move', position: [5, 5] });
      clock.tick(term.hideDelay);
      expect(isOpen(term)).to.equal(false);
    });

    it('takes keyboard focus with Tab, moves it to its term’s button, shows after the focus delay, and Escape returns to it', async () => {
      const { wrapper, el } = await article();
      const focusEvents: string[] = [];
      document.body.addEventListener('focusin', () => focusEvents.push(document.activeElement?.localName ?? ''));
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      const [gil] = termsIn(el) as [LessonTerm];
      expect(gil.textContent).to.equal('GIL');
      expect(gil.shadowRoot!.activeElement).to.equal(triggerOf(gil));
      expect(triggerOf(gil)!.matches(':focus-visible'), 'the focus ring stays').to.equal(true);
      expect(focusEvents, 'focus never fell to the page’s body').to.not.include('body');
      await waitUntil(() => isOpen(gil), 'the focus preview did not show', { timeout: 3000 });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Escape' });
      await gil.updateComplete;
      expect(isOpen(gil)).to.equal(false);
      expect(gil.shadowRoot!.activeElement).to.equal(triggerOf(gil));
      // The next Tab goes to the next link (one tab stop per term), and Enter opens its term.
      await sendKeys({ press: 'Tab' });
      const threads = termsIn(el)[1]!;
      expect(threads?.textContent).to.equal('threads');
      expect(threads.shadowRoot!.activeElement).to.equal(triggerOf(threads));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => isOpen(threads));
      expect(shownTerm(threads)).to.equal('Threading');
      await sendKeys({ press: 'Escape' });
    });

    it('opens on a click (a screen reader’s, a script’s, a mouse’s) with its definition, from the glossary’s one fetch', async () => {
      const fetches = countFetches();
      try {
        const el = await fixture<LessonGlossary>(html`<lesson-glossary src="/demo/lessons/python-concurrency.json">
          <p>Threads and parallelism.</p>
        </lesson-glossary>`);
        await ready(el);
        const [threadsLink, parallelismLink] = linksIn(el) as [HTMLElement, HTMLElement];
        const events: unknown[] = [];
        el.addEventListener('lesson-term', (event) => events.push(event.detail));
        // A click with no pointer or focus before it: a screen reader's, or a script's.
        threadsLink.click();
        const [threads] = termsIn(el) as [LessonTerm];
        expect(threads.open).to.equal(true);
        await waitUntil(() => isOpen(threads));
        expect(shownTerm(threads)).to.equal('Threading');
        await sendMouse({ type: 'click', position: center(parallelismLink) });
        const parallelism = termsIn(el)[1]!;
        await waitUntil(() => isOpen(parallelism), 'the clicked term did not open');
        expect(isOpen(threads), 'one open at a time').to.equal(false);
        expect(events).to.deep.equal([
          { termId: 'threading-term', open: true },
          { termId: 'threading-term', open: false },
          { termId: 'parallelism', open: true },
        ]);
        expect(fetches.calls).to.equal(1);
        await expect(el).to.be.accessible();
        parallelism.hide();
      } finally {
        fetches.restore();
      }
    });

    it('opens on a tap: the tap reaches the link, and its click lands on the term that took the link’s place', async () => {
      const { el, links } = await article();
      const events: unknown[] = [];
      el.addEventListener('lesson-term', (event) => events.push(event.detail));
      // Timers stand still, so the hover delay a tap's pointerover starts can never be what opens it: only the tap's click.
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });
      try {
        const [x, y] = center(links[2]!);
        await executeServerCommand('tap', { x, y });
        const [parallelism] = termsIn(el) as [LessonTerm];
        expect(parallelism?.textContent, 'only the link tapped').to.equal('parallelism');
        for (let frame = 0; frame < 30 && !parallelism.open; frame++) await new Promise(requestAnimationFrame);
        expect(parallelism.open, 'opened by the tap’s click').to.equal(true);
        await parallelism.updateComplete;
        expect(isOpen(parallelism)).to.equal(true);
        expect(shownTerm(parallelism)).to.equal('Parallelism');
        expect(events).to.deep.equal([{ termId: 'parallelism', open: true }]);
      } finally {
        clock.restore();
      }
      await expect(el).to.be.accessible();
      termsIn(el)[0]!.hide();
    });

    it('counts its links as links when it links again: late text does not link a term a section already links', async () => {
      const { el } = await article();
      el.querySelector('p')!.append(' More threads and the GIL.');
      await new Promise(requestAnimationFrame);
      expect(linked(el)).to.deep.equal(['gil', 'threading', 'parallelism']);
    });

    it('links <lesson-term>s straight away where links cannot be styled (a root that refuses adopted sheets)', async () => {
      const host = await fixture<HTMLElement>(html`<div></div>`);
      const root = host.attachShadow({ mode: 'open' });
      // As a root in a browser without constructable sheets, or of another window, would.
      Object.defineProperty(root, 'adoptedStyleSheets', {
        get: () => [],
        set: () => {
          throw new DOMException('Not allowed', 'NotAllowedError');
        },
      });
      const el = document.createElement('lesson-glossary');
      el.innerHTML = '<p>Threads and the GIL.</p>'; // Test scaffolding: the author's markup.
      el.lesson = lesson;
      root.append(el);
      await ready(el);
      expect(linked(el)).to.deep.equal(['threading', 'gil']);
      expect(el.querySelectorAll('button[data-lesson-term]'), 'no unstyled buttons').to.have.length(0);
      const terms = [...el.querySelectorAll<LessonTerm>('lesson-term')];
      await waitUntil(() => terms.every((term) => triggerOf(term)), 'the terms did not render');
      await expect(el).to.be.accessible();
    });
  });

  describe('list view', () => {
    it('shows every entry A to Z in a definition list, accessibly', async () => {
      const el = await fixture<LessonGlossary>(html`<lesson-glossary view="list" .lesson=${lesson}><h2>Glossary</h2></lesson-glossary>`);
      await ready(el);
      await expect(el).to.be.accessible();
      // Again with entries off screen laid out: skipped content has no colours for axe to check.
      revealSkippedContent(el);
      await expect(el).to.be.accessible();
      const root = el.shadowRoot!;
      const letters = [...root.querySelectorAll('[part~="letter"]')];
      expect(letters.map((letter) => letter.textContent!.trim())).to.deep.equal(['C', 'G', 'L', 'P', 'T']);
      expect(letters[0]!.getAttribute('role')).to.equal('heading');
      expect(letters[0]!.getAttribute('aria-level')).to.equal('3');
      expect(root.querySelectorAll('dl [part~="entry"]')).to.have.length(5);
      const gil = root.getElementById('glossary-gil')!;
      expect(gil.querySelector('dt dfn')!.textContent).to.equal('Global Interpreter Lock');
      expect(gil.querySelector('[part~="aliases"]')!.textContent).to.contain('GIL');
      expect(gil.querySelector('dt')!.textContent!.replace(/\s+/g, ' '), 'a space between the term and its other names').to.contain('Lock Also called: GIL');
      expect(gil.querySelector('dd strong')!.textContent).to.equal('CPython');
      expect(root.getElementById('glossary-concurrency')!.querySelector<HTMLAnchorElement>('[part~="more"]')!.href).to.equal('https://example.org/c');
      expect(root.querySelector('[part~="count"]')!.textContent!.trim()).to.equal('5 of 5 terms');
      // The author's heading stays above the list.
      expect(el.querySelector('h2')!.getBoundingClientRect().height).to.be.greaterThan(0);
    });

    it('filters as the reader types and announces the count', async () => {
      const el = await fixture<LessonGlossary>(html`<lesson-glossary view="list" .lesson=${lesson}></lesson-glossary>`);
      await ready(el);
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
      const count = el.shadowRoot!.querySelector('[part~="count"]')!;
      expect(el.shadowRoot!.querySelector(`label[for="${input.id}"]`)!.textContent).to.equal('Filter terms');
      expect(count.getAttribute('role')).to.equal('status');
      input.focus();
      await sendKeys({ type: 'gil' });
      await el.updateComplete;
      expect([...el.shadowRoot!.querySelectorAll('[part~="entry"]')].map((entry) => entry.id)).to.deep.equal(['glossary-gil']);
      expect(count.textContent!.trim()).to.equal('1 of 5 terms');
      await expect(el).to.be.accessible();
      await sendKeys({ type: 'zzz' });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('[part~="entry"]')).to.have.length(0);
      expect(count.textContent!.trim()).to.equal('No terms match "gilzzz"');
    });

    it('jumps to a letter from the index, and follows a deep link to an entry', async () => {
      const el = await fixture<LessonGlossary>(html`<lesson-glossary view="list" .lesson=${lesson}></lesson-glossary>`);
      await ready(el);
      const root = el.shadowRoot!;
      const links = [...root.querySelectorAll<HTMLAnchorElement>('[part~="index"] a')];
      expect(links.map((link) => link.textContent)).to.deep.equal(['C', 'G', 'L', 'P', 'T']);
      links[3]!.click();
      expect(root.activeElement).to.equal(root.getElementById('glossary-letter-p'));
      expect(location.hash).to.equal('');

      const before = location.href;
      try {
        location.hash = '#glossary-threading';
        await waitUntil(() => root.getElementById('glossary-threading')!.matches('[part~="target"]'), 'deep link not followed');
        expect(root.activeElement).to.equal(root.getElementById('glossary-threading'));
      } finally {
        history.replaceState(null, '', before);
      }
    });
  });

  describe('print and failure', () => {
    afterEach(() => emulateMedia({ media: 'screen' }));

    it('prints the definitions of the linked terms as notes, and only in print', async () => {
      const el = await fixture<LessonGlossary>(html`<lesson-glossary .lesson=${lesson}>
        <p>Threads, the GIL and parallelism.</p>
      </lesson-glossary>`);
      await ready(el);
      await el.updateComplete;
      // On screen there are no notes (and nothing is rendered for them until the page prints).
      expect(el.shadowRoot!.querySelector('[part~="notes"]')).to.equal(null);
      await emulateMedia({ media: 'print' });
      // Media query changes are reported at the next rendering step.
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="notes"]'), 'no notes in print');
      const notes = el.shadowRoot!.querySelector<HTMLElement>('[part~="notes"]')!;
      expect(getComputedStyle(notes).display).to.equal('block');
      expect([...notes.querySelectorAll('dt')].map((dt) => dt.textContent)).to.deep.equal([
        'Threading',
        'Global Interpreter Lock',
        'Parallelism',
      ]);
      // The content itself still prints, terms as text: links, and the terms they become once reached.
      const [link, other] = linksIn(el) as [HTMLElement, HTMLElement];
      expect(getComputedStyle(other).display).to.equal('inline');
      expect(getComputedStyle(other).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
      expect(getComputedStyle(reach(link)).display).to.not.equal('none');
      await emulateMedia({ media: 'screen' });
      expect(getComputedStyle(notes).display).to.equal('none');
    });

    it('renders the notes synchronously before the page prints', async () => {
      const el = await fixture<LessonGlossary>(html`<lesson-glossary .lesson=${lesson}><p>Parallelism.</p></lesson-glossary>`);
      await ready(el);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="notes"]')).to.equal(null);
      window.dispatchEvent(new Event('beforeprint'));
      expect(el.shadowRoot!.querySelector('[part~="notes"] dt')!.textContent).to.equal('Parallelism');
    });

    it('keeps the content readable under an error when the lesson cannot load', async () => {
      sinon.stub(console, 'error');
      const el = await fixture<LessonGlossary>(html`<lesson-glossary src="/demo/lessons/no-such-file.json">
        <p>Threads and the GIL, as written.</p>
      </lesson-glossary>`);
      await waitUntil(() => el.loadState === 'error');
      await el.updateComplete;
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('404');
      expect(el.querySelector('p')!.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(el.shadowRoot!.querySelector('slot')).to.not.equal(null);
      expect(linked(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('reports a lesson without a glossary', async () => {
      sinon.stub(console, 'error');
      const { glossary: _glossary, flashcards: _cards, ...withoutGlossary } = glossaryLesson();
      const el = await fixture<LessonGlossary>(html`<lesson-glossary view="list" .lesson=${withoutGlossary}><p>Text.</p></lesson-glossary>`);
      await waitUntil(() => el.loadState === 'error');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('nothing to show');
    });
  });
});
