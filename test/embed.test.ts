import { expect, waitUntil } from '@open-wc/testing';
import { LessonCompleteEvent, LessonLoadEvent, LessonProgressEvent } from '../src/core/events.js';
import { MESSAGE, parseEmbedParams, readEmbedMessage } from '../src/delivery/embed-protocol.js';
// The host script, as a blog page loads it: it installs itself.
import '../src/delivery/lesson-embed.js';
import { axeViolationsIn } from './fixtures/axe-in-frame.js';

const EMBED = '/demo/embed.html';
const LESSON = '/demo/lessons/python-concurrency.json';

const frames: HTMLIFrameElement[] = [];
const received: MessageEvent[] = [];
const record = (event: MessageEvent) => received.push(event);

async function embed(query: string, attributes: Record<string, string> = { 'data-lesson-embed': '' }): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  for (const [name, value] of Object.entries(attributes)) iframe.setAttribute(name, value);
  iframe.title = 'Lesson';
  iframe.style.cssText = 'width: 400px; height: 150px; border: 0';
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = `${EMBED}${query}`;
  document.body.append(iframe);
  frames.push(iframe);
  await loaded;
  return iframe;
}

/** The messages a frame sent to this page. */
const from = (iframe: HTMLIFrameElement) => received.filter((event) => event.source === iframe.contentWindow).map((event) => event.data);
const content = (iframe: HTMLIFrameElement) => iframe.contentDocument!.getElementById('lesson-embed')!;

/** Waits until the embed shows its lesson (or its error) and has reported that height. */
async function settled(iframe: HTMLIFrameElement) {
  const view = content(iframe).querySelector('lesson-view') as HTMLElement & { loadState: string };
  await waitUntil(() => view.loadState === 'ready' || view.loadState === 'error', 'the embed did not settle', { timeout: 5000 });
  await waitUntil(
    () => from(iframe).filter((data) => data.type === MESSAGE.height).at(-1)?.height === Math.ceil(content(iframe).getBoundingClientRect().height),
    'the settled height was not reported',
    { timeout: 5000 },
  );
}

/** Lets the frame render twice, so any message it would send has arrived. */
const nextFrames = (iframe: HTMLIFrameElement) =>
  new Promise<void>((resolve) => iframe.contentWindow!.requestAnimationFrame(() => iframe.contentWindow!.requestAnimationFrame(() => setTimeout(resolve))));

beforeEach(() => window.addEventListener('message', record));
afterEach(() => {
  window.removeEventListener('message', record);
  received.length = 0;
  frames.splice(0).forEach((iframe) => iframe.remove());
});

describe('embed URL parameters', () => {
  it('maps view to the sections of <lesson-view>, all to the whole lesson', () => {
    const parse = (query: string) => parseEmbedParams(new URL(`https://example.org/embed.html${query}`));
    expect(parse('?src=lesson.json&view=flashcards')).to.deep.equal({ src: 'lesson.json', sections: 'flashcards' });
    expect(parse('?src=a.json&view=Dialogues,pros-cons')).to.deep.equal({ src: 'a.json', sections: 'dialogues,pros-cons' });
    expect(parse('?src=a.json&view=all')).to.deep.equal({ src: 'a.json' });
    expect(parse('?src=a.json&view=%22%3E%3Cscript%3E')).to.deep.equal({ src: 'a.json' });
  });

  it('reads language, heading level, theme, id and the WordPress secret', () => {
    const params = parseEmbedParams(
      new URL('https://example.org/embed.html?src=a.json&lang=es&heading-level=3&theme=dark&id=deck-1#?secret=Ab12cd34EF'),
    );
    expect(params).to.deep.equal({ src: 'a.json', lang: 'es', headingLevel: '3', theme: 'dark', id: 'deck-1', secret: 'Ab12cd34EF' });
    expect(parseEmbedParams(new URL('https://example.org/embed.html?lang=x"y&heading-level=9&theme=neon'))).to.deep.equal({ src: '' });
  });

  it('accepts only well-formed messages of its own protocol', () => {
    expect(readEmbedMessage({ type: MESSAGE.height, height: 320 })).to.deep.equal({ type: MESSAGE.height, height: 320 });
    expect(readEmbedMessage({ type: MESSAGE.height, height: '320' })).to.equal(undefined);
    expect(readEmbedMessage({ type: MESSAGE.height, height: Number.NaN })).to.equal(undefined);
    expect(readEmbedMessage({ message: 'height', value: 320 })).to.equal(undefined);
    expect(readEmbedMessage('lesson-elements:height')).to.equal(undefined);
    expect(readEmbedMessage(null)).to.equal(undefined);
  });
});

describe('embed.html in an iframe', () => {
  it('shows the whole lesson accessibly, in a frame sized to it', async () => {
    const iframe = await embed(`?src=${LESSON}&heading-level=2`);
    await settled(iframe);
    await (content(iframe).querySelector('lesson-view') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(await axeViolationsIn(content(iframe))).to.deep.equal([]);
  });

  it('shows <lesson-view> with the lesson and sections named in its URL', async () => {
    const iframe = await embed(`?src=${LESSON}&view=flashcards&heading-level=2`);
    const view = content(iframe).querySelector('lesson-view')!;
    expect(view.getAttribute('src')).to.equal(LESSON);
    expect(view.getAttribute('sections')).to.equal('flashcards');
    expect(view.getAttribute('heading-level')).to.equal('2');
    // The real view renders just that slice of the lesson.
    const shown = view as HTMLElement & { loadState: string };
    await waitUntil(() => shown.loadState === 'ready', 'the lesson did not load in the embed', { timeout: 5000 });
    await (view as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect([...view.shadowRoot!.querySelectorAll('section')].map((section) => section.id)).to.deep.equal(['flashcards']);
    expect(view.shadowRoot!.querySelector('lesson-flashcards')).to.exist;
  });

  it('grows the iframe to the height of the rendered lesson', async () => {
    const iframe = await embed(`?src=${LESSON}&view=dialogues`);
    const view = content(iframe).querySelector('lesson-view') as HTMLElement & { loadState: string };
    await waitUntil(() => view.loadState === 'ready', 'the lesson did not load in the embed', { timeout: 5000 });
    await waitUntil(
      () => iframe.style.height === `${Math.ceil(content(iframe).getBoundingClientRect().height)}px` && parseFloat(iframe.style.height) > 300,
      `iframe not sized to the lesson (${iframe.style.height})`,
      { timeout: 5000 },
    );
  });

  it('posts its height, and the host script sizes the iframe to it', async () => {
    const iframe = await embed(`?src=${LESSON}&view=key-concepts&id=lesson-1`);
    await settled(iframe);
    const current = () => Math.ceil(content(iframe).getBoundingClientRect().height);
    const lastHeight = () => from(iframe).filter((data) => data.type === MESSAGE.height).at(-1);
    expect(lastHeight().id).to.equal('lesson-1');
    await waitUntil(() => iframe.style.height === `${current()}px`, `iframe not sized (${iframe.style.height})`);

    const filler = iframe.contentDocument!.createElement('div');
    filler.style.height = '700px';
    content(iframe).append(filler);
    await waitUntil(() => lastHeight().height === current() && current() > 700, 'no new height after growing');
    await waitUntil(() => iframe.style.height === `${current()}px`, `iframe not grown (${iframe.style.height})`);

    filler.style.height = '300px';
    await waitUntil(() => lastHeight().height === current(), 'no new height after shrinking');
    await waitUntil(() => iframe.style.height === `${current()}px`, `iframe did not shrink (${iframe.style.height})`);
  });

  it('resizes iframes whose src names embed.html even without the data attribute, within data-min/max-height', async () => {
    const iframe = await embed(`?src=${LESSON}`, { 'data-max-height': '500' });
    const filler = iframe.contentDocument!.createElement('div');
    filler.style.height = '900px';
    content(iframe).append(filler);
    await waitUntil(() => iframe.style.height === '500px', `not capped (${iframe.style.height})`);
  });

  it('ignores height messages that do not come from the iframe itself', async () => {
    const iframe = await embed(`?src=${LESSON}`);
    await waitUntil(() => iframe.style.height !== '150px', 'never resized');
    window.postMessage({ type: MESSAGE.height, height: 9999 }, '*');
    const other = document.createElement('iframe');
    document.body.append(other);
    frames.push(other);
    other.contentWindow!.parent.postMessage({ type: MESSAGE.height, height: 8888 }, '*');
    await waitUntil(() => received.some((event) => event.data?.height === 8888) && received.some((event) => event.data?.height === 9999));
    expect(iframe.style.height).not.to.be.oneOf(['9999px', '8888px']);
  });

  // An embed without a lesson settles at once (it shows its error), so every message can be counted.
  it('answers a ready message with its height, once', async () => {
    const iframe = await embed('?view=all');
    await settled(iframe);
    received.length = 0;
    iframe.contentWindow!.postMessage({ type: MESSAGE.ready }, '*');
    await waitUntil(() => from(iframe).some((data) => data.type === MESSAGE.height), 'no height after ready');
    await nextFrames(iframe);
    expect(from(iframe)).to.deep.equal([{ type: MESSAGE.height, height: Math.ceil(content(iframe).getBoundingClientRect().height) }]);
  });

  it('speaks WordPress: height with the secret from the URL hash, and answers its ready message', async () => {
    const secret = 'Zx9Yw8Vu7T';
    const iframe = await embed(`?view=all#?secret=${secret}`, { class: 'wp-embedded-content', 'data-secret': secret });
    await settled(iframe);
    const height = Math.ceil(content(iframe).getBoundingClientRect().height);
    expect(from(iframe).filter((data) => data.message === 'height').at(-1)).to.deep.equal({ message: 'height', value: height, secret });
    received.length = 0;
    iframe.contentWindow!.postMessage({ message: 'ready', secret: 'wrong00000' }, '*');
    iframe.contentWindow!.postMessage({ message: 'ready', secret }, '*');
    await waitUntil(() => from(iframe).some((data) => data.message === 'height'), 'no answer to ready');
    await nextFrames(iframe);
    expect(from(iframe).filter((data) => data.message === 'height')).to.deep.equal([{ message: 'height', value: height, secret }]);
  });

  it('relays the lesson’s progress and completion as events on the iframe element', async () => {
    const iframe = await embed(`?src=${LESSON}`);
    const view = content(iframe).querySelector('lesson-view')!;
    const progress = new Promise<CustomEvent>((resolve) => iframe.addEventListener('lesson-progress', (e) => resolve(e as CustomEvent), { once: true }));
    const complete = new Promise<CustomEvent>((resolve) => iframe.addEventListener('lesson-complete', (e) => resolve(e as CustomEvent), { once: true }));
    view.dispatchEvent(new LessonLoadEvent('python-concurrency'));
    // A section's event is not the lesson's.
    view.dispatchEvent(new LessonProgressEvent({ id: 'threading-overview', progress: 1 }));
    view.dispatchEvent(new LessonProgressEvent({ id: 'python-concurrency', progress: 0.5, score: 0.75 }));
    view.dispatchEvent(new LessonCompleteEvent({ id: 'python-concurrency', score: 9, maxScore: 12 }));
    expect((await progress).detail).to.deep.equal({ id: 'python-concurrency', progress: 0.5, score: 0.75 });
    expect((await complete).detail).to.deep.equal({ id: 'python-concurrency', score: 9, maxScore: 12 });
  });
});

describe('progress storage in a sandboxed iframe', () => {
  it('falls back to memory, with a fault, when storage is refused', async () => {
    // The browser store as built (storage.ts has no imports), loaded into an opaque-origin frame.
    const code = await (await fetch('/src/core/storage.ts')).text();
    const module = `data:text/javascript;base64,${btoa(unescape(encodeURIComponent(code)))}`;
    const iframe = document.createElement('iframe');
    iframe.setAttribute('sandbox', 'allow-scripts');
    iframe.srcdoc = `<script type="module">
      import { BrowserProgressStore } from '${module}';
      const store = new BrowserProgressStore();
      store.write('lesson-elements:l:x', { seen: 2 });
      parent.postMessage({ sandboxed: true, fault: store.fault, value: store.read('lesson-elements:l:x') }, '*');
    </script>`;
    document.body.append(iframe);
    frames.push(iframe);
    await waitUntil(() => received.some((event) => event.data?.sandboxed), 'the sandboxed frame did not report');
    const report = received.find((event) => event.data?.sandboxed)!.data;
    expect(report.fault).to.match(/SecurityError/);
    expect(report.value).to.deep.equal({ seen: 2 });
  });
});
