/**
 * The script of `embed.html`, the page that runs inside an embed iframe:
 * shows `<lesson-view>` for the lesson named in the URL and tells the host
 * page its height (see embed-protocol.ts). It does not load the elements;
 * embed.html loads the bundle beside it.
 */
import type { LessonCompleteDetail, LessonProgressDetail } from '../core/events.js';
import { MESSAGE, parseEmbedParams, type EmbedMessage } from './embed-protocol.js';

/** Builds the view in `container` and reports to the parent until the page goes away. Returns a stop function. */
export function startEmbed(container: HTMLElement, win: Window = window): () => void {
  const params = parseEmbedParams(new URL(win.location.href));
  const doc = win.document;
  const view = doc.createElement('lesson-view');
  if (params.src) view.setAttribute('src', params.src);
  if (params.sections) view.setAttribute('sections', params.sections);
  if (params.lang) view.setAttribute('lang', params.lang);
  if (params.headingLevel) view.setAttribute('heading-level', params.headingLevel);
  if (params.theme) {
    doc.documentElement.style.colorScheme = params.theme;
    doc.documentElement.style.setProperty('--lesson-color-scheme', params.theme);
  }
  container.append(view);

  const parent = win.parent !== win ? win.parent : undefined;
  const post = (message: EmbedMessage) => parent?.postMessage(params.id ? { ...message, id: params.id } : message, '*');

  let lastHeight = -1;
  const sendHeight = (force = false) => {
    const height = Math.ceil(container.getBoundingClientRect().height);
    if (height === lastHeight && !force) return;
    lastHeight = height;
    post({ type: MESSAGE.height, height });
    // WordPress's wp-embed.js resizes iframes that send this shape with the secret it gave them.
    if (params.secret) parent?.postMessage({ message: 'height', value: height, secret: params.secret }, '*');
  };
  const observer = new ResizeObserver(() => sendHeight());
  observer.observe(container);

  const onMessage = (event: MessageEvent) => {
    if (event.source !== parent) return;
    const data = event.data as { type?: unknown; message?: unknown; secret?: unknown } | null;
    if (data?.type === MESSAGE.ready || (data?.message === 'ready' && params.secret && data.secret === params.secret)) {
      sendHeight(true);
    }
  };
  win.addEventListener('message', onMessage);

  // Only the view's own lesson-level events are relayed, not every section's.
  let lessonId: string | undefined;
  const onLoad = (event: Event) => {
    if (event.composedPath()[0] === view) lessonId = (event as CustomEvent<{ lessonId: string }>).detail.lessonId;
  };
  const onProgress = (event: Event) => {
    const { id, progress, score } = (event as CustomEvent<LessonProgressDetail>).detail;
    if (lessonId && id === lessonId) post({ type: MESSAGE.progress, lesson: id, progress, ...(score === undefined ? {} : { score }) });
  };
  const onComplete = (event: Event) => {
    const { id, score, maxScore } = (event as CustomEvent<LessonCompleteDetail>).detail;
    if (lessonId && id === lessonId) {
      post({ type: MESSAGE.complete, lesson: id, ...(score === undefined ? {} : { score }), ...(maxScore === undefined ? {} : { maxScore }) });
    }
  };
  view.addEventListener('lesson-load', onLoad);
  view.addEventListener('lesson-progress', onProgress);
  view.addEventListener('lesson-complete', onComplete);

  return () => {
    observer.disconnect();
    win.removeEventListener('message', onMessage);
    view.removeEventListener('lesson-load', onLoad);
    view.removeEventListener('lesson-progress', onProgress);
    view.removeEventListener('lesson-complete', onComplete);
  };
}

const container = document.getElementById('lesson-embed');
if (container) startEmbed(container);
