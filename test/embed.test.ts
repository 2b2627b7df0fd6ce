import { expect, waitUntil } from '@open-wc/testing';
import { LessonCompleteEvent, LessonLoadEvent, LessonProgressEvent } from '../src/core/events.js';
import { MESSAGE, parseEmbedParams, readEmbedMessage } from '../src/delivery/embed-protocol.js';
// The host script, as a blog page loads it: it installs itself.
import '../src/delivery/lesson-embed.js';

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
  it('shows <lesson-view> with the lesson and sections named in its URL', async () => {
    const iframe = await embed(`?src=${LESSON}&view=flashcards&heading-level=2`);
    const view = content(iframe).querySelector('lesson-view')!;
    expect(view.getAttribute('src')).to.equal(LESSON);
    expect(view.getAttribute('sections')).to.equal('flashcards');
    expect(view.getAttribute('heading-level')).to.equal('2');
  });

  it('posts its height, and the host script sizes the iframe to it', async () => {
    const iframe = await embed(`?src=${LESSON}&view=all&id=lesson-1`);
    await waitUntil(() => from(iframe).some((data) => data.type === MESSAGE.height), 'no height message');
    const filler = iframe.contentDocument!.createElement('div');
    filler.style.height = '700px';
    content(iframe).append(filler);
    await waitUntil(() => from(iframe).some((data) => data.type === MESSAGE.height && data.height >= 700), 'no new height after growing');
    const last = from(iframe).filter((data) => data.type === MESSAGE.height).at(-1);
    expect(last.id).to.equal('lesson-1');
    expect(last.height).to.equal(Math.ceil(content(iframe).getBoundingClientRect().height));
    await waitUntil(() => iframe.style.height === `${last.height}px`, `iframe not resized (${iframe.style.height})`);

    filler.style.height = '300px';
    await waitUntil(() => iframe.style.height === `${Math.ceil(content(iframe).getBoundingClientRect().height)}px`, 'iframe did not shrink');
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
    const before = iframe.style.height;
    window.postMessage({ type: MESSAGE.height, height: 9999 }, '*');
    const other = document.createElement('iframe');
    document.body.append(other);
    frames.push(other);
    other.contentWindow!.parent.postMessage({ type: MESSAGE.height, height: 8888 }, '*');
    await waitUntil(() => received.some((event) => event.data?.height === 8888));
    expect(iframe.style.height).to.equal(before);
  });

  it('answers a ready message with its height', async () => {
    const iframe = await embed(`?src=${LESSON}`);
    await waitUntil(() => from(iframe).length > 0);
    received.length = 0;
    iframe.contentWindow!.postMessage({ type: MESSAGE.ready }, '*');
    await waitUntil(() => from(iframe).some((data) => data.type === MESSAGE.height), 'no height after ready');
  });

  it('speaks WordPress: height with the secret from the URL hash, and answers its ready message', async () => {
    const secret = 'Zx9Yw8Vu7T';
    const iframe = await embed(`?src=${LESSON}#?secret=${secret}`, { class: 'wp-embedded-content', 'data-secret': secret });
    await waitUntil(() => from(iframe).some((data) => data.message === 'height'), 'no WordPress height message');
    const wordpress = from(iframe).find((data) => data.message === 'height');
    expect(wordpress).to.deep.equal({ message: 'height', value: wordpress.value, secret });
    expect(wordpress.value).to.equal(Math.ceil(content(iframe).getBoundingClientRect().height));
    received.length = 0;
    iframe.contentWindow!.postMessage({ message: 'ready', secret: 'wrong00000' }, '*');
    iframe.contentWindow!.postMessage({ message: 'ready', secret }, '*');
    await waitUntil(() => from(iframe).some((data) => data.message === 'height'), 'no answer to ready');
    expect(from(iframe).filter((data) => data.message === 'height')).to.have.length(1);
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
