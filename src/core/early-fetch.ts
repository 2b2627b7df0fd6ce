/**
 * Lesson files requested the moment the library starts to run. A page's
 * `<lesson-view src="lesson.json">` is in the document before our script is
 * evaluated, but the element only asks for its file once it is defined, after
 * the whole bundle has run. Asking first lets the download overlap that work.
 * This module imports nothing, so it runs before the rest of the bundle.
 */

/** Splits `lesson.json#section` into an absolute file URL and the section id. */
export function splitSource(src: string, base: string = document.baseURI): { url: string; fragment: string } {
  const url = new URL(src, base);
  const fragment = decodeURIComponent(url.hash.slice(1));
  url.hash = '';
  return { url: url.href, fragment };
}

/** What `fetch` is asked for a lesson file; the loader asks the same, so an early answer stands for its own. */
export const lessonRequest = (signal: AbortSignal, reload = false): RequestInit => ({
  signal,
  headers: { accept: 'application/json' },
  // A retry asks the server again rather than a cache that may hold the broken answer.
  ...(reload ? { cache: 'no-cache' } : {}),
});

interface EarlyRequest {
  response: Promise<Response>;
  /** Stops the request: the loader's timeout starts when it takes the request (a page may set a longer one after loading us). */
  controller: AbortController;
}

const early = new Map<string, EarlyRequest>();

/** Our elements whose `src` names a lesson file (another library's `<lesson-video src>` is not ours to fetch). */
export const LESSON_TAGS = ['lesson-view', 'lesson-dialogue', 'lesson-pros-cons', 'lesson-flashcards', 'lesson-mnemonic', 'lesson-glossary', 'lesson-term'];

/**
 * Starts fetching the file of every `lesson-*` element with a `src` under
 * `root` (once per URL), to be taken by the loader with `takeEarlyRequest`.
 * Failures are the loader's to report, when it takes the request.
 */
export function requestLessonsEarly(root: ParentNode = document): void {
  for (const element of root.querySelectorAll(LESSON_TAGS.map((tag) => `${tag}[src]`).join())) {
    const src = element.getAttribute('src')!.trim();
    if (!src) continue; // The element ignores an empty src; this would fetch the page itself.
    let url: string;
    try {
      ({ url } = splitSource(src));
    } catch {
      continue; // Not a URL: the element reports it.
    }
    if (early.has(url) || !/^https?:/.test(url)) continue;
    const controller = new AbortController();
    const response = fetch(url, lessonRequest(controller.signal));
    response.catch(() => {}); // Not unhandled: the loader sees the failure when it takes the request.
    early.set(url, { response, controller });
  }
}

/** Drops early requests not taken yet (all, or `url`'s), so a later load asks the server for the file as it is now. */
export function forgetEarlyRequests(url?: string): void {
  for (const [key, request] of early) {
    if (url && key !== url) continue;
    request.controller.abort();
    early.delete(key);
  }
}

/** The early request for `url`, once: a later load (a retry) asks the server again. */
export function takeEarlyRequest(url: string): EarlyRequest | undefined {
  const request = early.get(url);
  early.delete(url);
  return request;
}

// A module script runs once the document is parsed (unless `async`), so the page's elements are there.
// Elements added later ask for their files when they connect, as before.
if (typeof document !== 'undefined') requestLessonsEarly();
