/**
 * `lesson-embed.js`: the host-page script for lesson iframes. It sizes each
 * `<iframe data-lesson-embed>` (or any iframe whose src contains
 * `embed.html`) to its content, and re-dispatches the lesson's progress on
 * the iframe element as `lesson-progress` / `lesson-complete` events.
 *
 * ```html
 * <iframe data-lesson-embed title="Python concurrency: flashcards" style="width:100%;border:0"
 *   src="https://example.org/lessons/embed.html?src=lesson.json&view=flashcards"></iframe>
 * <script src="https://example.org/lessons/lesson-embed.js" defer></script>
 * ```
 *
 * A message counts only when it comes from the iframe's own window
 * (`event.source`). No exports, no imports at run time: it works as a
 * classic script and as a module.
 */
import { MESSAGE, readEmbedMessage } from './embed-protocol.js';

const SELECTOR = 'iframe[data-lesson-embed], iframe[src*="embed.html"]';
const INSTALLED = Symbol.for('lesson-elements:embed-host');

function install(win: Window & { [INSTALLED]?: boolean }) {
  if (win[INSTALLED]) return;
  win[INSTALLED] = true;
  const doc = win.document;

  const frameOf = (source: MessageEventSource | null) =>
    [...doc.querySelectorAll<HTMLIFrameElement>(SELECTOR)].find((frame) => frame.contentWindow === source);

  win.addEventListener('message', (event) => {
    const message = readEmbedMessage(event.data);
    if (!message) return;
    const frame = frameOf(event.source);
    if (!frame) return;
    if (message.type === MESSAGE.height) {
      const min = Number(frame.dataset.minHeight) || 0;
      const max = Number(frame.dataset.maxHeight) || Infinity;
      frame.style.height = `${Math.min(max, Math.max(min, Math.ceil(message.height)))}px`;
    } else if (message.type === MESSAGE.progress) {
      const { lesson: id, progress, score } = message;
      frame.dispatchEvent(new CustomEvent('lesson-progress', { bubbles: true, detail: { id, progress, ...(score === undefined ? {} : { score }) } }));
    } else if (message.type === MESSAGE.complete) {
      const { lesson: id, score, maxScore } = message;
      const detail = { id, ...(score === undefined ? {} : { score }), ...(maxScore === undefined ? {} : { maxScore }) };
      frame.dispatchEvent(new CustomEvent('lesson-complete', { bubbles: true, detail }));
    }
  });

  // Frames that loaded before this script ran have already sent their height: ask again.
  const ask = (frame: HTMLIFrameElement) => frame.contentWindow?.postMessage({ type: MESSAGE.ready }, '*');
  const askAll = () => doc.querySelectorAll<HTMLIFrameElement>(SELECTOR).forEach(ask);
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', askAll, { once: true });
  else askAll();
}

install(window);
