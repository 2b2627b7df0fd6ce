/**
 * The one loader: fetch with a timeout, one request per URL per page,
 * validation on arrival. Elements never fetch or parse on their own.
 */
import { validateLesson, type Lesson } from './schema.js';
import type { LessonErrorDetail } from './events.js';
import { forgetEarlyRequests, lessonRequest, takeEarlyRequest } from './early-fetch.js';

export { splitSource } from './early-fetch.js';

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
let timeoutMs = DEFAULT_TIMEOUT_MS;

/**
 * How long a lesson download may take, for the whole page (default 15 s): a
 * slow LMS network may need longer. Elements naming one URL share one request,
 * so this is a page setting, not an element attribute.
 */
export function setLoadTimeout(ms: number): void {
  timeoutMs = ms > 0 && Number.isFinite(ms) ? ms : DEFAULT_TIMEOUT_MS;
}
/** Larger lessons are refused (a file before parsing, an object after validation): no lesson needs 5 MB of JSON. */
export const MAX_LESSON_BYTES = 4_000_000;

const cache = new Map<string, Promise<Lesson>>();

/** Validates already-parsed data, throwing a LessonLoadError listing every problem. */
export function toLesson(data: unknown, url?: string): Lesson {
  const result = validateLesson(data);
  if (!result.ok) throw new LessonLoadError({ kind: 'invalid', messages: result.errors, ...(url ? { url } : {}) });
  return result.lesson;
}

/**
 * Refuses a lesson of more than MAX_LESSON_BYTES characters of JSON, whether
 * it came as a file (`parse`, before parsing) or as an object (`invalid`).
 */
export function assertLessonSize(length: number, kind: 'parse' | 'invalid', url?: string): void {
  if (length <= MAX_LESSON_BYTES) return;
  throw new LessonLoadError({
    kind,
    // One decimal: a 4.4 MB file must not read "4 MB; the limit is 4 MB".
    messages: [`The lesson is ${(length / 1e6).toFixed(1)} MB; the limit is ${MAX_LESSON_BYTES / 1e6} MB`],
    ...(url ? { url } : {}),
  });
}

/** Parses JSON text, reporting where it breaks. */
export function parseLessonText(text: string, url?: string): Lesson {
  assertLessonSize(text.length, 'parse', url);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const { message } = error as Error;
    const hint = endsEarly(text, message) ? ' (the text stops before the JSON is complete: cut short?)' : '';
    throw new LessonLoadError({
      kind: 'parse',
      messages: [`Not valid JSON: ${message}${hint}`],
      ...(url ? { url } : {}),
    });
  }
  return toLesson(data, url);
}

/**
 * Did the parser fail at the very end of the text: the mark of a file cut short
 * (messages of V8, Firefox and Safari), rather than a mistake inside it?
 */
function endsEarly(text: string, parserMessage: string): boolean {
  if (/end of (JSON input|data)|Unterminated string|EOF/i.test(parserMessage)) return true;
  const at = / at position (\d+)/.exec(parserMessage);
  return at !== null && Number(at[1]) >= text.trimEnd().length;
}

/** What an HTTP error status means, in words a page author can act on. */
function httpProblem(status: number): string {
  if (status === 404 || status === 410) return 'The lesson file was not found';
  if (status === 401 || status === 403) return 'The server refused access to the lesson file';
  if (status === 408 || status === 429 || status >= 500) return 'The server could not send the lesson file right now';
  return 'The server refused the request for the lesson file';
}

/** A web page where the lesson should be: a login page, an error page, a wrong link. */
const isWebPage = (contentType: string, text: string) => /html/i.test(contentType) || /^\s*</.test(text);

const timeoutError = (url: string, ms: number) =>
  new LessonLoadError({ kind: 'timeout', messages: [`No answer from ${url} within ${ms / 1000} s`], url });

async function fetchLesson(url: string, ms: number, reload: boolean): Promise<Lesson> {
  let response: Response;
  const started = reload ? undefined : takeEarlyRequest(url);
  const signal = AbortSignal.timeout(ms);
  if (started) signal.addEventListener('abort', () => started.controller.abort(signal.reason), { once: true });
  try {
    response = await (started?.response ?? fetch(url, lessonRequest(signal, reload)));
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') throw timeoutError(url, ms);
    throw new LessonLoadError({ kind: 'network', messages: [`Could not reach ${url}`], url });
  }
  if (!response.ok) {
    const statusText = response.statusText ? ` ${response.statusText}` : '';
    throw new LessonLoadError({
      kind: 'http',
      status: response.status,
      messages: [`${httpProblem(response.status)} (HTTP ${response.status}${statusText}): ${url}`],
      url,
    });
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    if (signal.aborted) throw timeoutError(url, ms);
    throw new LessonLoadError({ kind: 'network', messages: [`The download of ${url} was cut short`], url });
  }
  // Lenient about the content type: a lesson served as text/plain (or anything else) is fine if it parses.
  try {
    return parseLessonText(text, url);
  } catch (error) {
    const contentType = response.headers.get('content-type') ?? '';
    if (error instanceof LessonLoadError && error.detail.kind === 'parse' && isWebPage(contentType, text)) {
      const type = contentType.split(';')[0]?.trim() || 'HTML';
      throw new LessonLoadError({ kind: 'parse', messages: [`The server sent a web page (${type}), not a lesson file: ${url}`], url });
    }
    throw error;
  }
}

/**
 * Loads and validates the lesson at `url` (absolute, no fragment). Elements
 * that name the same URL share one request; a failed load is forgotten so a
 * retry fetches again. `signal` lets one caller stop waiting without
 * cancelling the shared request for the others. `reload` (a retry)
 * revalidates with the server instead of trusting the HTTP cache.
 */
export function loadLesson(
  url: string,
  options: { signal?: AbortSignal; timeoutMs?: number; reload?: boolean } = {},
): Promise<Lesson> {
  let pending = cache.get(url);
  if (!pending) {
    pending = fetchLesson(url, options.timeoutMs ?? timeoutMs, options.reload === true);
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

/** Forgets cached lessons (all, or one URL), and requests started early and not used yet: for tests and for hosts that edit lessons live. */
export function clearLessonCache(url?: string): void {
  if (url) cache.delete(url);
  else cache.clear();
  forgetEarlyRequests(url);
}
