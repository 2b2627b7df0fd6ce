import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { LessonElement } from '../../src/core/lesson-element.js';
import { clearLessonCache } from '../../src/core/load.js';
import { registerTranslation } from '../../src/core/localize.js';
import { MemoryProgressStore } from '../../src/core/storage.js';
import type { Lesson } from '../../src/core/schema.js';
import { miniLesson } from '../fixtures/mini-lesson.js';

/** The smallest real subclass: shows the lesson title and the picked dialogue. */
class TestLessonElement extends LessonElement {
  private dialogue: Lesson['dialogues'] extends (infer D)[] | undefined ? D | undefined : never;
  protected override lessonChanged(lesson: Lesson) {
    this.dialogue = this.pick(lesson.dialogues, this.fragment || undefined);
  }
  protected override renderLesson(lesson: Lesson) {
    return litHtml`<h2>${lesson.title}</h2><p class="dialogue">${this.dialogue?.title}</p><p class="ui">${this.t('check')}</p>`;
  }
  save(value: unknown) {
    this.writeProgress(value, 'x');
  }
  load() {
    return this.readProgress('x');
  }
}
customElements.define('test-lesson-element', TestLessonElement);

const jsonUrl = (lesson: unknown) => `data:application/json,${encodeURIComponent(JSON.stringify(lesson))}`;
const shadowText = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

describe('LessonElement (base class)', () => {
  beforeEach(() => clearLessonCache());

  it('renders a lesson given as a property, accessibly', async () => {
    const el = await fixture<TestLessonElement>(html`<test-lesson-element .lesson=${miniLesson()}></test-lesson-element>`);
    await expect(el).to.be.accessible();
    expect(el.loadState).to.equal('ready');
    expect(shadowText(el)).to.contain('Mini lesson');
  });

  it('reads an inline JSON script child', async () => {
    const el = await fixture<TestLessonElement>(html`<test-lesson-element
      ><script type="application/json">${JSON.stringify(miniLesson())}</script></test-lesson-element
    >`);
    await waitUntil(() => el.loadState === 'ready');
    expect(shadowText(el)).to.contain('A talk');
  });

  it('fetches src, and the fragment selects a part', async () => {
    const el = await fixture<TestLessonElement>(html`<test-lesson-element src="/test/fixtures/mini.json#talk"></test-lesson-element>`);
    await waitUntil(() => el.loadState === 'ready' || el.loadState === 'error');
    expect(el.loadState).to.equal('ready');
    expect(el.shadowRoot!.querySelector('.dialogue')!.textContent).to.equal('A talk');
  });

  it('makes one request for several elements naming the same URL', async () => {
    const original = window.fetch;
    let calls = 0;
    window.fetch = (...args) => {
      calls++;
      return original(...args);
    };
    try {
      const wrapper = await fixture(html`<div>
        <test-lesson-element src="/test/fixtures/mini.json"></test-lesson-element>
        <test-lesson-element src="/test/fixtures/mini.json#talk"></test-lesson-element>
      </div>`);
      const elements = [...wrapper.querySelectorAll<TestLessonElement>('test-lesson-element')];
      await waitUntil(() => elements.every((el) => el.loadState === 'ready'));
      expect(calls).to.equal(1);
    } finally {
      window.fetch = original;
    }
  });

  it('shows an accessible alert and fires lesson-error for HTTP errors, and Retry loads again', async () => {
    const el = document.createElement('test-lesson-element') as TestLessonElement;
    const errorEvent = oneEvent(el, 'lesson-error');
    el.src = '/test/fixtures/does-not-exist.json';
    document.body.append(el);
    const { detail } = await errorEvent;
    expect(detail.kind).to.equal('http');
    expect(detail.status).to.equal(404);
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('404');
    await expect(el).to.be.accessible();
    el.src = '/test/fixtures/mini.json';
    await waitUntil(() => el.loadState === 'ready');
    el.remove();
  });

  it('lists every validation error with its path', async () => {
    const broken = miniLesson() as unknown as Record<string, unknown>;
    broken.title = 5;
    broken.lang = '';
    const el = await fixture<TestLessonElement>(html`<test-lesson-element .lesson=${broken}></test-lesson-element>`);
    const items = [...el.shadowRoot!.querySelectorAll('[part="error-messages"] li')].map((li) => li.textContent);
    expect(items).to.have.length(2);
    expect(items[0]).to.match(/^title:/);
    expect(items[1]).to.match(/^lang:/);
  });

  it('reports text that is not JSON', async () => {
    const el = document.createElement('test-lesson-element') as TestLessonElement;
    const errorEvent = oneEvent(el, 'lesson-error');
    el.src = 'data:application/json,{nope';
    document.body.append(el);
    const { detail } = await errorEvent;
    expect(detail.kind).to.equal('parse');
    expect(detail.messages[0]).to.match(/^Not valid JSON/);
    el.remove();
  });

  it('reports an unknown fragment id', async () => {
    const el = await fixture<TestLessonElement>(html`<test-lesson-element src=${jsonUrl(miniLesson()) + '#nope'}></test-lesson-element>`);
    await waitUntil(() => el.loadState === 'error');
    expect(shadowText(el)).to.contain('No part with the id "nope"');
  });

  it('takes language and direction from the element, then ancestors, then the lesson', async () => {
    const spanish = { ...miniLesson(), lang: 'es' };
    const wrapper = await fixture(html`<div dir="rtl">
      <test-lesson-element .lesson=${spanish}></test-lesson-element>
      <test-lesson-element lang="en" .lesson=${spanish}></test-lesson-element>
    </div>`);
    const [fromLesson, own] = [...wrapper.querySelectorAll<TestLessonElement>('test-lesson-element')];
    await fromLesson!.updateComplete;
    expect(fromLesson!.shadowRoot!.querySelector('.ui')!.textContent).to.equal('Comprobar');
    expect(fromLesson!.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('dir')).to.equal('rtl');
    expect(own!.shadowRoot!.querySelector('.ui')!.textContent).to.equal('Check');
  });

  it('lets a page override UI strings globally and per element', async () => {
    registerTranslation('en', { check: 'Verify' });
    const el = await fixture<TestLessonElement>(html`<test-lesson-element .lesson=${miniLesson()}></test-lesson-element>`);
    expect(el.shadowRoot!.querySelector('.ui')!.textContent).to.equal('Verify');
    el.strings = { check: 'Mine' };
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.ui')!.textContent).to.equal('Mine');
    registerTranslation('en', { check: 'Check' });
  });

  it('saves progress through its store and shows a notice when storage fails', async () => {
    const store = new MemoryProgressStore();
    const el = await fixture<TestLessonElement>(html`<test-lesson-element .store=${store} .lesson=${miniLesson()}></test-lesson-element>`);
    el.save({ n: 1 });
    expect(store.read('lesson-elements:mini:x')).to.deep.equal({ n: 1 });
    expect(el.load()).to.deep.equal({ n: 1 });

    const faulty = Object.assign(new MemoryProgressStore(), { fault: 'Storage is full' });
    const notice = oneEvent(el, 'lesson-storage');
    el.store = faulty;
    await el.updateComplete;
    el.save({ n: 2 });
    expect((await notice).detail.reason).to.equal('Storage is full');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="notice"]')).to.exist;
  });

  it('shows an error, never a blank box, when no lesson is given', async () => {
    const el = await fixture<TestLessonElement>(html`<test-lesson-element></test-lesson-element>`);
    await waitUntil(() => el.loadState === 'error');
    expect(shadowText(el)).to.contain('No lesson given');
  });
});
