/**
 * The one loader: fetch with a timeout, one request per URL per page,
 * validation on arrival. Elements never fetch or parse on their own.
 */
import { validateLesson, type Lesson } from './schema.js';
import type { LessonErrorDetail } from './events.js';

/** A lesson that could not be loaded, with what a person needs to fix it. */
export class LessonLoadError extends Error {
  readonly detail: LessonErrorDetail;
  constructor(detail: LessonErrorDetail) {
    super(detail.messages.join('\n'));
    this.name = 'LessonLoadError';
    this.detail = detail;
  }
}

export const DEFAULT_TIMEOUT_MS = 15_000;
/** Larger files are refused before parsing: no lesson needs 5 MB of JSON. */
export const MAX_LESSON_BYTES = 4_000_000;

const cache = new Map<string, Promise<Lesson>>();

/** Splits `lesson.json#section` into an absolute file URL and the section id. */
export function splitSource(src: string, base: string = document.baseURI): { url: string; fragment: string } {
  const url = new URL(src, base);
  const fragment = decodeURIComponent(url.hash.slice(1));
  url.hash = '';
  return { url: url.href, fragment };
}

/** Validates already-parsed data, throwing a LessonLoadError listing every problem. */
export function toLesson(data: unknown, url?: string): Lesson {
  const result = validateLesson(data);
  if (!result.ok) throw new LessonLoadError({ kind: 'invalid', messages: result.errors, ...(url ? { url } : {}) });
  return result.lesson;
}

/** Parses JSON text, reporting where it breaks. */
export function parseLessonText(text: string, url?: string): Lesson {
  if (text.length > MAX_LESSON_BYTES) {
    throw new LessonLoadError({
      kind: 'parse',
      messages: [`The lesson is ${Math.round(text.length / 1e6)} MB; the limit is ${MAX_LESSON_BYTES / 1e6} MB`],
      ...(url ? { url } : {}),
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new LessonLoadError({
      kind: 'parse',
      messages: [`Not valid JSON: ${(error as Error).message}`],
      ...(url ? { url } : {}),
    });
  }
  return toLesson(data, url);
}

async function fetchLesson(url: string, timeoutMs: number): Promise<Lesson> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    throw new LessonLoadError({
      kind: timedOut ? 'timeout' : 'network',
      messages: [timedOut ? `No answer from ${url} within ${timeoutMs / 1000} s` : `Could not reach ${url}`],
      url,
    });
  }
  if (!response.ok) {
    throw new LessonLoadError({
      kind: 'http',
      status: response.status,
      messages: [`${url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`],
      url,
    });
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new LessonLoadError({ kind: 'network', messages: [`The download of ${url} was cut short`], url });
  }
  return parseLessonText(text, url);
}

/**
 * Loads and validates the lesson at `url` (absolute, no fragment). Elements
 * that name the same URL share one request; a failed load is forgotten so a
 * retry fetches again. `signal` lets one caller stop waiting without
 * cancelling the shared request for the others.
 */
export function loadLesson(url: string, options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<Lesson> {
  let pending = cache.get(url);
  if (!pending) {
    pending = fetchLesson(url, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    cache.set(url, pending);
    pending.catch(() => cache.delete(url));
  }
  const { signal } = options;
  if (!signal) return pending;
  return new Promise<Lesson>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** Forgets cached lessons (all, or one URL): for tests and for hosts that edit lessons live. */
export function clearLessonCache(url?: string): void {
  if (url) cache.delete(url);
  else cache.clear();
}
