import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/components/lesson-view/lesson-view.js';
import type { LessonView } from '../src/components/lesson-view/lesson-view.js';
import { LessonAnswerEvent, LessonCompleteEvent, type LessonProgressDetail } from '../src/core/events.js';
import { clearLessonCache } from '../src/core/load.js';
import { MemoryProgressStore } from '../src/core/storage.js';
import type { XapiStatement } from '../src/components/lesson-view/xapi.js';
import { revealSkippedContent } from './fixtures/reveal-skipped.js';

const SEED = '/demo/lessons/python-concurrency.json';

async function mount(attributes = '', store = new MemoryProgressStore()): Promise<LessonView> {
  const el = document.createElement('lesson-view');
  el.store = store;
  for (const [, name, value] of attributes.matchAll(/([\w-]+)="([^"]*)"/g)) el.setAttribute(name!, value!);
  el.src = SEED;
  document.body.append(el);
  await waitUntil(() => el.loadState === 'ready' || el.loadState === 'error', 'lesson did not load', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

const root = (el: LessonView) => el.shadowRoot!;
const headings = (el: LessonView) =>
  [...root(el).querySelectorAll('[role="heading"]')].map((h) => [Number(h.getAttribute('aria-level')), h.textContent!.trim()] as const);

describe('<lesson-view>', () => {
  beforeEach(() => {
    clearLessonCache();
    history.replaceState(null, '', location.pathname + location.search);
  });
  afterEach(() => document.querySelectorAll('lesson-view').forEach((el) => el.remove()));

  it('is accessible with the full seed lesson', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    // Again with the sections off screen laid out: skipped content has no colours for axe to check.
    revealSkippedContent(el);
    await expect(el).to.be.accessible();
  });

  it('renders every section of the seed lesson in reading order', async () => {
    const el = await mount();
    const ids = [...root(el).querySelectorAll('section')].map((section) => section.id);
    expect(ids).to.deep.equal(['summaries', 'dialogues', 'pros-cons', 'key-concepts', 'examples', 'memory-aids', 'flashcards', 'glossary', 'links']);
    expect(root(el).querySelectorAll('lesson-dialogue')).to.have.length(2);
    expect(root(el).querySelectorAll('lesson-pros-cons[group]')).to.have.length(2);
    expect(root(el).querySelector('lesson-pros-cons[mode="practice"]')).to.exist;
    expect(root(el).querySelectorAll('.concepts dt')).to.have.length(6);
    expect(root(el).querySelectorAll('.examples li')).to.have.length(2);
    expect(root(el).querySelector('lesson-mnemonic')).to.exist;
    expect(root(el).querySelector('lesson-flashcards')).to.exist;
    expect(root(el).querySelector('lesson-glossary[view="list"]')).to.exist;
    expect(root(el).querySelectorAll('.links a')).to.have.length(2);
    expect(headings(el)[0]).to.deep.equal([2, 'Pros and Cons of Concurrency and Parallelism in Python']);
  });

  it('fetches and validates the lesson once for the whole page', async () => {
    const original = window.fetch;
    const urls: string[] = [];
    window.fetch = (input, init) => {
      urls.push(input instanceof Request ? input.url : (input as string));
      return original(input, init);
    };
    try {
      const el = await mount();
      const children = [...root(el).querySelectorAll<HTMLElement & { loadState: string }>('lesson-dialogue, lesson-pros-cons, lesson-mnemonic, lesson-flashcards, lesson-glossary')];
      await waitUntil(() => children.every((child) => child.loadState === 'ready'), 'children did not get the lesson');
      expect(urls.filter((url) => url.includes('python-concurrency.json'))).to.have.length(1);
    } finally {
      window.fetch = original;
    }
  });

  it('shows only the chosen sections, in the chosen order', async () => {
    const el = await mount('sections="flashcards, dialogues"');
    expect([...root(el).querySelectorAll('section')].map((s) => s.id)).to.deep.equal(['flashcards', 'dialogues']);
    const toc = [...root(el).querySelectorAll('nav a')].map((a) => a.getAttribute('href'));
    expect(toc).to.deep.equal(['#flashcards', '#dialogues']);
  });

  /** The view of a lesson in a folder of its own (test/fixtures/nested/), showing `sections`. */
  async function nestedLesson(sections: string) {
    const el = document.createElement('lesson-view');
    el.store = new MemoryProgressStore();
    el.setAttribute('sections', sections);
    el.src = '/test/fixtures/nested/lesson.json';
    document.body.append(el);
    await waitUntil(() => el.loadState === 'ready', 'lesson did not load', { timeout: 5000 });
    await el.updateComplete;
    return el;
  }

  it('resolves relative reference links against the lesson file, not the page, and keeps #links in the page', async () => {
    const el = await nestedLesson('links');
    const hrefs = [...root(el).querySelectorAll('.links a')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal([`${location.origin}/test/fixtures/nested/notes.html`, 'https://docs.python.org/', 'mailto:team@example.org', '#glossary']);
    await expect(el).to.be.accessible();
  });

  it('resolves relative links in lesson text against the lesson file too, and keeps #links in the page', async () => {
    const el = await nestedLesson('key-concepts');
    const hrefs = [...root(el).querySelectorAll('#key-concepts a[part~="link"]')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal([`${location.origin}/test/fixtures/nested/notes.html`, 'https://docs.python.org/', '#glossary']);
    await expect(el).to.be.accessible();
  });

  it('starts headings at the configured level', async () => {
    const el = await mount('heading-level="3" sections="summaries,key-concepts"');
    const levels = headings(el);
    expect(levels[0]![0]).to.equal(3);
    expect(levels.filter(([, text]) => text === 'Summary' || text === 'Key concepts').map(([level]) => level)).to.deep.equal([4, 4]);
  });

  it('switches summary levels with the keyboard (WAI-ARIA tabs) and remembers the choice', async () => {
    const store = new MemoryProgressStore();
    const el = await mount('sections="summaries"', store);
    const tabs = () => [...root(el).querySelectorAll<HTMLElement>('[role="tab"]')];
    expect(tabs().map((tab) => tab.textContent!.trim())).to.deep.equal(['Quick', 'Standard', 'Detailed']);
    expect(tabs()[1]!.getAttribute('aria-selected')).to.equal('true');
    tabs()[1]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(tabs()[2]!.getAttribute('aria-selected')).to.equal('true');
    expect(root(el).activeElement).to.equal(tabs()[2]);
    const panel = root(el).querySelector<HTMLElement>('#summary-detailed')!;
    expect(panel.hidden).to.be.false;
    expect(panel.textContent).to.contain('Global Interpreter Lock');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(tabs()[0]!.getAttribute('aria-selected')).to.equal('true');
    await expect(el).to.be.accessible();
    el.remove();

    const again = await mount('sections="summaries"', store);
    expect(root(again).querySelector('[role="tab"][aria-selected="true"]')!.textContent!.trim()).to.equal('Quick');
  });

  it('links glossary terms in the summary the reader sees, not only in the hidden ones before it', async () => {
    const el = await mount('sections="summaries"');
    const glossary = root(el).querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('lesson-glossary.sections')!;
    await glossary.updateComplete;
    // The glossary's links: plain buttons until a reader reaches them.
    const linkedIn = (level: string) =>
      [...root(el).querySelectorAll(`#summary-${level} button[data-lesson-term]`)].map((link) => link.getAttribute('data-lesson-term'));
    expect(linkedIn('quick')).to.deep.equal(['concurrency', 'parallelism', 'threading-term', 'multiprocessing-term']);
    expect(linkedIn('standard')).to.deep.equal(['threading-term', 'multiprocessing-term', 'gil', 'parallelism']);
  });

  it('follows a deep link on load (#section-id)', async () => {
    history.replaceState(null, '', '#key-concepts');
    const el = await mount();
    await waitUntil(() => root(el).activeElement?.id === 'key-concepts', 'deep link target not focused');
  });

  it('aggregates progress from its elements, emits lesson-progress and lesson-complete, and restores it', async () => {
    const store = new MemoryProgressStore();
    const el = await mount('sections="dialogues"', store);
    const progress: LessonProgressDetail[] = [];
    el.addEventListener('lesson-progress', (e) => {
      if (e.target === el) progress.push(e.detail);
    });
    const [first, second] = [...root(el).querySelectorAll('lesson-dialogue')];
    first!.dispatchEvent(new LessonCompleteEvent({ id: 'threading-overview' }));
    expect(progress.at(-1)).to.deep.equal({ id: 'python-concurrency', progress: 0.5 });
    await el.updateComplete;
    expect(root(el).querySelector('[part="progress"]')!.textContent).to.contain('50% complete');
    const complete = oneEvent(el, 'lesson-complete');
    second!.dispatchEvent(new LessonCompleteEvent({ id: 'multiprocessing-overview' }));
    expect((await complete).detail.id).to.equal('python-concurrency');
    expect(el.completion).to.equal(1);
    el.remove();

    const reloaded = await mount('sections="dialogues"', store);
    expect(reloaded.completion).to.equal(1);
    expect(root(reloaded).querySelector('nav li.done, section.done')).to.exist;
  });

  it('lets the learner study the deck with spaced repetition; a finished study session completes the section', async () => {
    const el = await mount('sections="flashcards"');
    const deck = root(el).querySelector('lesson-flashcards')!;
    await deck.updateComplete;
    const deckRoot = deck.shadowRoot!;
    const modes = [...deckRoot.querySelectorAll<HTMLButtonElement>('[part="mode-button"]')];
    expect(modes.map((button) => button.textContent!.trim())).to.deep.equal(['Browse', 'Study', 'Type the answer']);
    modes[1]!.click();
    await deck.updateComplete;
    // Study loads its scheduler (a lazy chunk) while "Preparing your cards…" shows.
    await waitUntil(() => !deckRoot.querySelector('[aria-busy="true"]') && deckRoot.querySelector('[part~="flip-button"]'), 'study did not start', {
      timeout: 5000,
    });
    const done = oneEvent(el, 'lesson-complete');
    // Turn each card and grade it Easy until the session ends.
    for (let i = 0; i < 50 && !deckRoot.querySelector('[part="summary"]'); i++) {
      deckRoot.querySelector<HTMLButtonElement>('[part~="front"] [part~="flip-button"]')?.click();
      await deck.updateComplete;
      deckRoot.querySelector<HTMLButtonElement>('[data-rating="easy"]')?.click();
      await deck.updateComplete;
    }
    expect(deckRoot.querySelector('[part="summary"]'), 'the session ended').to.exist;
    await done;
    expect(el.completion).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('keeps its children\'s progress in the store it was given, not in localStorage', async () => {
    const before = Object.keys(localStorage).filter((key) => key.startsWith('lesson-elements:'));
    const store = new MemoryProgressStore();
    const el = await mount('sections="flashcards"', store);
    const deck = root(el).querySelector('lesson-flashcards')!;
    await deck.updateComplete;
    deck.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="mode-button"]')[1]!.click();
    await deck.updateComplete;
    expect(store.read('lesson-elements:python-concurrency:flashcards-mode')).to.equal('study');
    expect(Object.keys(localStorage).filter((key) => key.startsWith('lesson-elements:'))).to.deep.equal(before);
    // A new store given later is handed down too.
    const next = new MemoryProgressStore();
    el.store = next;
    await el.updateComplete;
    await deck.updateComplete;
    deck.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="mode-button"]')[2]!.click();
    await deck.updateComplete;
    expect(next.read('lesson-elements:python-concurrency:flashcards-mode')).to.equal('type');
    expect(store.read('lesson-elements:python-concurrency:flashcards-mode'), 'the first store keeps what it had').to.equal('study');
    await expect(el).to.be.accessible();
  });

  it('scores practice and emits xAPI statements in order with verbs and results', async () => {
    const statements: XapiStatement[] = [];
    document.body.addEventListener('lesson-xapi', (e) => statements.push(e.detail.statement as XapiStatement));
    const el = await mount('sections="pros-cons" activity-id="https://example.org/lessons/py"');
    const practice = root(el).querySelector('lesson-pros-cons[mode="practice"]')!;
    practice.dispatchEvent(new LessonAnswerEvent({ id: 'threading-pro-io', response: 'pro', correct: true }));
    practice.dispatchEvent(new LessonCompleteEvent({ id: 'whatever', score: 7, maxScore: 9 }));
    const verbs = statements.map((s) => s.verb.display['en-US']);
    expect(verbs).to.deep.equal(['initialized', 'answered', 'completed', 'progressed', 'completed']);
    expect(statements[0]!.object.id).to.equal('https://example.org/lessons/py');
    expect(statements[1]!.object.id).to.equal('https://example.org/lessons/py/threading-pro-io');
    expect(statements[1]!.result).to.deep.equal({ success: true, response: 'pro' });
    expect(statements[4]!.result!.score).to.deep.equal({ raw: 7, min: 0, max: 9, scaled: 0.7778 });
    expect(new Set(statements.map((s) => s.context.registration)).size).to.equal(1);
    expect(el.score).to.be.closeTo(7 / 9, 1e-9);
    window.dispatchEvent(new Event('pagehide'));
    expect(statements.at(-1)!.verb.display['en-US']).to.equal('terminated');
    el.remove();
    expect(statements.filter((s) => s.verb.display['en-US'] === 'terminated')).to.have.length(1);
  });

  it('posts statements to an LRS, queues them while it fails, and sends each exactly once', async () => {
    await fetch('/test-lrs/statements', { method: 'DELETE' });
    await fetch('/test-lrs/fail?on=1', { method: 'POST' });
    const store = new MemoryProgressStore();
    const el = document.createElement('lesson-view');
    el.store = store;
    el.lrsAuthorization = 'Basic dGVzdDp0ZXN0';
    el.setAttribute('lrs-endpoint', '/test-lrs/');
    el.setAttribute('sections', 'dialogues');
    el.src = SEED;
    document.body.append(el);
    await waitUntil(() => el.loadState === 'ready');
    root(el).querySelector('lesson-dialogue')!.dispatchEvent(new LessonCompleteEvent({ id: 'threading-overview' }));
    await waitUntil(() => ((store.read('lesson-elements:python-concurrency:xapi-queue') as unknown[]) ?? []).length >= 3, 'statements not queued');
    await fetch('/test-lrs/fail?on=0', { method: 'POST' });
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => ((store.read('lesson-elements:python-concurrency:xapi-queue') as unknown[]) ?? []).length === 0, 'queue not flushed');
    const received = (await (await fetch('/test-lrs/statements')).json()) as XapiStatement[];
    expect(received.map((s) => s.verb.display['en-US'])).to.deep.equal(['initialized', 'completed', 'progressed']);
    expect(new Set(received.map((s) => s.id)).size).to.equal(received.length);
  });

  it('shows its UI in Spanish', async () => {
    const el = await mount('lang="es" sections="summaries"');
    expect(root(el).querySelector('section [role="heading"]')!.textContent!.trim()).to.equal('Resumen');
    expect(root(el).querySelector('[role="tab"]')!.textContent!.trim()).to.equal('Rápido');
  });

  it('shows an accessible error for a lesson that is not there', async () => {
    const el = document.createElement('lesson-view');
    const error = oneEvent(el, 'lesson-error');
    el.src = '/demo/lessons/missing.json';
    document.body.append(el);
    expect((await error).detail.status).to.equal(404);
    await el.updateComplete;
    expect(root(el).querySelector('[role="alert"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('reports unknown section names and a slice with nothing to show', async () => {
    const el = await mount('sections="nothing-here"');
    expect(el.loadState).to.equal('error');
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('nothing to show');
  });
});
