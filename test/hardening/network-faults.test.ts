/**
 * Network faults, for every element: the lesson file answers 404 or 500, never
 * answers, answers slowly, is not JSON, is a web page, or is cut short. Each
 * fault must give an error naming the problem in plain words, with a Retry
 * button reachable by keyboard that shows the lesson once the fault is gone.
 * The faults come from test/fixtures/fault-server.mjs (a web-test-runner middleware).
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/index.js';
import { clearLessonCache, DEFAULT_TIMEOUT_MS, parseLessonText, setLoadTimeout, type LessonLoadError } from '../../src/core/load.js';
import type { LessonElement } from '../../src/core/lesson-element.js';
import { miniLesson } from '../fixtures/mini-lesson.js';
import { FaultCount } from './fault-count.js';
import { ELEMENTS, deepText, lessonShown, mountElement, problemText, type ElementCase } from './elements.js';

/** Short enough to keep the suite quick, long enough for a busy CI machine to answer the other requests. */
const TIMEOUT_MS = 1000;

interface Fault {
  kind: string;
  /** What the reader must be told, in plain words. */
  says: RegExp;
}

const FAULTS: readonly Fault[] = [
  { kind: '404', says: /The lesson file was not found \(HTTP 404/ },
  { kind: '500', says: /The server could not send the lesson file right now \(HTTP 500/ },
  { kind: 'timeout', says: /No answer from \S+ within 1 s/ },
  { kind: 'not-json', says: /Not valid JSON: Unexpected token/ },
  { kind: 'html', says: /The server sent a web page \(text\/html\), not a lesson file/ },
  { kind: 'cut-length', says: /The download of \S+ was cut short/ },
  { kind: 'cut-json', says: /Not valid JSON: .*the text stops before the JSON is complete: cut short\?/ },
];

let tokens = 0;
/** A URL of its own for each test: no cache (ours or the browser's) carries one test into the next. */
const faultUrl = (kind: string, tag: string, query = '') =>
  `/test-faults/${kind}/${tag}-${Date.now()}-${++tokens}/lesson.json${query}`;
const tokenOf = (src: string) => src.split('/')[3]!;
const heal = async (src: string) => void (await fetch(`/test-faults/heal/${tokenOf(src)}`));
const requestsFor = async (src: string) => (await (await fetch(`/test-faults/requests/${tokenOf(src)}`)).json()) as number;

/** A focusable control before the element, to reach it by Tab as a reader would. */
function page(): { container: HTMLElement; before: HTMLButtonElement } {
  const container = document.createElement('div');
  const before = document.createElement('button');
  before.textContent = 'Before';
  container.append(before);
  document.body.append(container);
  return { container, before };
}

const retryButton = (el: LessonElement) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]');

const settled = (el: LessonElement) => waitUntil(() => el.loadState === 'ready' || el.loadState === 'error', `<${el.localName}> never settled`, { timeout: 5000 });

describe('hardening: network faults', () => {
  const faults = new FaultCount();
  const cleanup: (() => void)[] = [];

  before(() => setLoadTimeout(TIMEOUT_MS));
  after(() => {
    setLoadTimeout(DEFAULT_TIMEOUT_MS);
    console.log(
      `network faults: ${FAULTS.length + 1} kinds x ${ELEMENTS.length} elements = ${faults.tried} faults tried, ${faults.failures} failures`,
    );
  });
  beforeEach(() => {
    clearLessonCache();
    // Every fault is logged by the element on purpose; keep the test output readable.
    sinon.stub(console, 'error');
  });
  afterEach(() => {
    sinon.restore();
    for (const undo of cleanup.splice(0)) undo();
  });

  const mountAt = (element: ElementCase, src: string) => {
    const { container, before } = page();
    cleanup.push(() => container.remove());
    const el = mountElement(element, container, { src });
    return { el, before };
  };

  for (const fault of FAULTS) {
    for (const element of ELEMENTS) {
      it(`${fault.kind}: <${element.tag}> says so, and Retry by keyboard shows the lesson once it is fixed`, faults.count(async () => {
        const src = faultUrl(fault.kind, element.tag);
        const { el, before } = mountAt(element, src);
        await settled(el);
        await el.updateComplete;
        expect(el.loadState).to.equal('error');
        expect(problemText(el)).to.match(fault.says);
        if (element.tag !== 'lesson-term') expect(deepText(el)).to.contain('This lesson could not be shown');
        await expect(el).to.be.accessible();

        // Keyboard: one Tab from the control before the element reaches Retry.
        before.focus();
        await sendKeys({ press: 'Tab' });
        expect(el.shadowRoot!.activeElement, 'Tab reaches Retry').to.equal(retryButton(el));
        expect(retryButton(el)!.textContent!.trim() || retryButton(el)!.getAttribute('aria-label')).to.equal('Try again');

        await heal(src);
        await sendKeys({ press: 'Enter' });
        await settled(el);
        await el.updateComplete;
        expect(el.loadState).to.equal('ready');
        expect(lessonShown(element, el), `<${element.tag}> shows the lesson`).to.equal(true);
      }));
    }
  }

  for (const element of ELEMENTS) {
    it(`slow: <${element.tag}> shows that it is loading, then the lesson`, faults.count(async () => {
      const { el } = mountAt(element, faultUrl('slow', element.tag, '?ms=400'));
      await el.updateComplete;
      expect(el.loadState).to.equal('loading');
      const loading = el.shadowRoot!.querySelector('[part~="loading"]');
      expect(loading, 'a loading state').to.exist;
      // A term stays its own text while it loads (a sentence never shows "Loading"); the others say it.
      if (element.tag === 'lesson-term') expect(deepText(el)).to.equal('GIL');
      else {
        expect(el.shadowRoot!.querySelector('[aria-busy="true"]'), 'busy').to.exist;
        expect(deepText(el)).to.contain('Loading lesson…');
      }
      await settled(el);
      await el.updateComplete;
      expect(el.loadState).to.equal('ready');
      expect(lessonShown(element, el)).to.equal(true);
    }));
  }

  it('accepts a lesson served with the wrong content type (text/plain) when it parses', async () => {
    for (const element of ELEMENTS) {
      const { el } = mountAt(element, faultUrl('text-plain', element.tag));
      await settled(el);
      await el.updateComplete;
      expect(el.loadState, element.tag).to.equal('ready');
      expect(lessonShown(element, el), element.tag).to.equal(true);
    }
  });

  it('tells a file cut short from a mistake inside it', () => {
    const problem = (text: string) => {
      try {
        parseLessonText(text);
        return 'parsed';
      } catch (error) {
        return (error as LessonLoadError).detail.messages[0]!;
      }
    };
    const cutShort = /cut short\?\)$/;
    for (const text of ['{"formatVersion": 1, "id": "mini', '{"formatVersion": 1,', '[1, 2', '']) expect(problem(text), text).to.match(cutShort);
    for (const text of ['{nope}', '{"a": 1,}', 'plain words']) expect(problem(text), text).to.match(/^Not valid JSON: /).and.not.match(cutShort);
  });

  it('offers no Retry where retrying cannot help: invalid inline JSON or lesson property', async () => {
    const broken = { ...miniLesson(), title: 5 };
    for (const element of ELEMENTS) {
      for (const source of [{ inline: '{ "formatVersion": 1, ' }, { lesson: broken }]) {
        const { container } = page();
        cleanup.push(() => container.remove());
        const el = mountElement(element, container, source);
        await settled(el);
        await el.updateComplete;
        const what = `<${element.tag}> ${Object.keys(source)[0]}`;
        expect(el.loadState, what).to.equal('error');
        const says = element.tag === 'lesson-term' ? /no definition available/ : 'inline' in source ? /^Not valid JSON/ : /title:/;
        expect(problemText(el), what).to.match(says);
        expect(retryButton(el), what).to.equal(null);
      }
    }
  });

  it('keeps focus on Retry when the retry fails again, for a keyboard user', async () => {
    const element = ELEMENTS.find((each) => each.tag === 'lesson-flashcards')!;
    const src = faultUrl('500', element.tag);
    const { el } = mountAt(element, src);
    await settled(el);
    await el.updateComplete;
    retryButton(el)!.focus();
    const failedAgain = oneEvent(el, 'lesson-error');
    await sendKeys({ press: 'Enter' });
    await failedAgain;
    await el.updateComplete;
    expect(el.loadState).to.equal('error');
    expect(el.shadowRoot!.activeElement).to.equal(retryButton(el));
    expect(await requestsFor(src)).to.equal(2);
  });

  it('recovers every element that failed on the same file when one of them retries, with one request', async () => {
    const src = faultUrl('404', 'shared');
    const { container } = page();
    cleanup.push(() => container.remove());
    const elements = ELEMENTS.map((element) => mountElement(element, container, { src }));
    await Promise.all(elements.map(settled));
    expect(elements.map((el) => el.loadState)).to.deep.equal(ELEMENTS.map(() => 'error'));
    expect(await requestsFor(src)).to.equal(1);
    await heal(src);
    retryButton(elements[0]!)!.click();
    await Promise.all(elements.map((el) => waitUntil(() => el.loadState === 'ready', `<${el.localName}> did not recover`)));
    ELEMENTS.forEach((element, index) => expect(lessonShown(element, elements[index]!), element.tag).to.equal(true));
    expect(await requestsFor(src)).to.equal(2);
  });
});
