/**
 * The postMessage protocol between an embed iframe (`embed.html`) and the
 * page that hosts it. Every message is a plain object whose `type` starts
 * with `lesson-elements:`; hosts must check `event.source` against their
 * iframe's `contentWindow` before trusting one.
 *
 * iframe to host:
 * - `{ type: 'lesson-elements:height', height, id? }` whenever the content height (CSS px) changes.
 * - `{ type: 'lesson-elements:progress', id?, lesson, progress, score? }` when the lesson's progress changes.
 * - `{ type: 'lesson-elements:complete', id?, lesson, score?, maxScore? }` when the lesson is complete.
 *
 * `id` echoes the iframe URL's `id` parameter, for hosts that embed several.
 *
 * host to iframe:
 * - `{ type: 'lesson-elements:ready' }`: the host listens now; the iframe answers with its height.
 *
 * WordPress: when the iframe URL carries WordPress's `#?secret=…`, the
 * iframe also sends `{ message: 'height', value, secret }` and answers
 * `{ message: 'ready', secret }`, so WordPress's own wp-embed.js resizes it
 * (between 200 and 1000 px, its limits).
 */

export const MESSAGE = {
  height: 'lesson-elements:height',
  progress: 'lesson-elements:progress',
  complete: 'lesson-elements:complete',
  ready: 'lesson-elements:ready',
} as const;

export interface HeightMessage {
  type: typeof MESSAGE.height;
  height: number;
  id?: string;
}

export interface ProgressMessage {
  type: typeof MESSAGE.progress;
  id?: string;
  lesson: string;
  progress: number;
  score?: number;
}

export interface CompleteMessage {
  type: typeof MESSAGE.complete;
  id?: string;
  lesson: string;
  score?: number;
  maxScore?: number;
}

export type EmbedMessage = HeightMessage | ProgressMessage | CompleteMessage;

/** A message of ours, or undefined for anything else on the channel. */
export function readEmbedMessage(data: unknown): EmbedMessage | { type: typeof MESSAGE.ready } | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const type = (data as { type?: unknown }).type;
  if (type === MESSAGE.height) {
    const height = (data as HeightMessage).height;
    return typeof height === 'number' && Number.isFinite(height) && height >= 0 ? (data as HeightMessage) : undefined;
  }
  if (type === MESSAGE.progress || type === MESSAGE.complete || type === MESSAGE.ready) return data as EmbedMessage;
  return undefined;
}

/** The sections `view=` may name; `all` (or no `view`) shows the whole lesson. */
const VIEW = /^[a-z][a-z-]*(,[a-z][a-z-]*)*$/;

export interface EmbedParams {
  /** The lesson URL, relative to the embed page. */
  src: string;
  /** For `<lesson-view sections>`; undefined for the whole lesson. */
  sections?: string;
  /** UI language override. */
  lang?: string;
  /** `heading-level` of the view. */
  headingLevel?: string;
  /** `light` or `dark`; the reader's preference otherwise. */
  theme?: 'light' | 'dark';
  /** Echoed in messages. */
  id?: string;
  /** WordPress's embed secret, from the URL hash. */
  secret?: string;
}

/** Reads `embed.html?src=lesson.json&view=flashcards&lang=es&heading-level=2&theme=dark&id=x#?secret=…`. */
export function parseEmbedParams(url: URL): EmbedParams {
  const query = url.searchParams;
  const params: EmbedParams = { src: query.get('src') ?? '' };
  const view = query.get('view')?.trim().toLowerCase();
  if (view && view !== 'all' && VIEW.test(view)) params.sections = view;
  const lang = query.get('lang');
  if (lang && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(lang)) params.lang = lang;
  const level = query.get('heading-level');
  if (level && /^[1-6]$/.test(level)) params.headingLevel = level;
  const theme = query.get('theme');
  if (theme === 'light' || theme === 'dark') params.theme = theme;
  const id = query.get('id');
  if (id) params.id = id.slice(0, 100);
  const secret = /[#?&]secret=([A-Za-z0-9]+)/.exec(url.hash)?.[1];
  if (secret) params.secret = secret;
  return params;
}
