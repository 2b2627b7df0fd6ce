/**
 * The SCORM runtime adapter: when a lesson page is launched by an LMS, it
 * finds the LMS's API object, saves progress in `cmi.suspend_data`, and
 * reports the completion and score of `<lesson-view>` to the LMS.
 *
 * ```js
 * import { connectScorm } from './scorm-runtime.js';
 * import { setDefaultStore } from './lesson-elements.js';
 * const scorm = connectScorm({ lessonId: 'python-concurrency' });
 * if (scorm) setDefaultStore(scorm.store);
 * ```
 *
 * Each answer a learner gives (`lesson-answer`) is recorded as one
 * `cmi.interactions` entry, so the LMS's reports list them.
 *
 * Connect before the lesson loads, so elements read their saved progress
 * from the LMS. Without an LMS (`connectScorm` returns undefined) nothing
 * happens at all and progress stays in the browser.
 *
 * This module stands alone (no element code, no Lit): it ships beside the
 * CDN bundle in every SCORM package.
 */
import type { LessonAnswerDetail, LessonCompleteDetail, LessonProgressDetail } from '../core/events.js';
import type { ProgressStore } from '../core/storage.js';
import { SUSPEND_DATA_LIMIT, decodeSuspendData, encodeSuspendData } from './suspend-data.js';

export type ScormVersion = '1.2' | '2004';

/** What the LMS returns: SCORM says strings, some LMSs return booleans or numbers. */
type LmsResult = string | boolean | number;

/** The SCORM 1.2 API object (`window.API`). */
export interface Scorm12Api {
  LMSInitialize(parameter: ''): LmsResult;
  LMSFinish(parameter: ''): LmsResult;
  LMSGetValue(element: string): LmsResult;
  LMSSetValue(element: string, value: string): LmsResult;
  LMSCommit(parameter: ''): LmsResult;
  LMSGetLastError(): LmsResult;
  LMSGetErrorString(code: string): LmsResult;
}

/** The SCORM 2004 API object (`window.API_1484_11`). */
export interface Scorm2004Api {
  Initialize(parameter: ''): LmsResult;
  Terminate(parameter: ''): LmsResult;
  GetValue(element: string): LmsResult;
  SetValue(element: string, value: string): LmsResult;
  Commit(parameter: ''): LmsResult;
  GetLastError(): LmsResult;
  GetErrorString(code: string): LmsResult;
}

export type FoundApi = { version: '1.2'; api: Scorm12Api } | { version: '2004'; api: Scorm2004Api };

/** The API object of `win`, if it has one; a cross-origin frame throws on access and has none for us. */
function apiOf(win: Window, version?: ScormVersion): FoundApi | undefined {
  try {
    const candidate = win as unknown as { API?: Scorm12Api; API_1484_11?: Scorm2004Api };
    const api2004 = candidate.API_1484_11;
    if (version !== '1.2' && api2004 && typeof api2004.Initialize === 'function') return { version: '2004', api: api2004 };
    const api12 = candidate.API;
    if (version !== '2004' && api12 && typeof api12.LMSInitialize === 'function') return { version: '1.2', api: api12 };
  } catch {
    // SecurityError: a frame of another origin. Keep climbing; its parent may be ours.
  }
  return undefined;
}

/** Looks in `win` and then each parent, as the SCORM run-time books describe. */
function searchParents(win: Window | null, maxDepth: number, version?: ScormVersion): FoundApi | undefined {
  for (let depth = 0; win && depth <= maxDepth; depth++) {
    const found = apiOf(win, version);
    if (found) return found;
    if (win.parent === win) return undefined;
    win = win.parent;
  }
  return undefined;
}

/**
 * Finds the LMS's API: in this window and its parents, then in the window
 * that opened the top window (an LMS that launches content in a pop-up) and
 * its parents. SCORM 2004's `API_1484_11` wins over 1.2's `API` in the same
 * window.
 */
export function findScormApi(start: Window = window, options: { maxDepth?: number; version?: ScormVersion } = {}): FoundApi | undefined {
  const { maxDepth = 500, version } = options;
  const found = searchParents(start, maxDepth, version);
  if (found) return found;
  let opener: Window | null;
  try {
    opener = ((start.top ?? start).opener ?? start.opener) as Window | null;
  } catch {
    // A test double or an exotic embedding without a reachable opener.
    return undefined;
  }
  return opener ? searchParents(opener, maxDepth, version) : undefined;
}

/** The data model elements this adapter uses, by version. */
const ELEMENTS = {
  '1.2': {
    entry: 'cmi.core.entry',
    exit: 'cmi.core.exit',
    sessionTime: 'cmi.core.session_time',
    suspendData: 'cmi.suspend_data',
    status: 'cmi.core.lesson_status',
    raw: 'cmi.core.score.raw',
    min: 'cmi.core.score.min',
    max: 'cmi.core.score.max',
    mastery: 'cmi.student_data.mastery_score',
    response: 'student_response',
  },
  '2004': {
    entry: 'cmi.entry',
    exit: 'cmi.exit',
    sessionTime: 'cmi.session_time',
    suspendData: 'cmi.suspend_data',
    completion: 'cmi.completion_status',
    success: 'cmi.success_status',
    progress: 'cmi.progress_measure',
    raw: 'cmi.score.raw',
    min: 'cmi.score.min',
    max: 'cmi.score.max',
    scaled: 'cmi.score.scaled',
    mastery: 'cmi.scaled_passing_score',
    response: 'learner_response',
  },
} as const;

/** One interface over both API generations. */
class Lms {
  constructor(private readonly found: FoundApi) {}

  get version(): ScormVersion {
    return this.found.version;
  }

  private call(name12: keyof Scorm12Api, name2004: keyof Scorm2004Api, ...args: string[]): string {
    const { api } = this.found;
    const name = this.found.version === '1.2' ? name12 : name2004;
    try {
      return String((api as unknown as Record<string, (...a: string[]) => LmsResult>)[name]!(...args));
    } catch {
      // An LMS whose API throws is an LMS that said no.
      return 'false';
    }
  }

  initialize = () => this.call('LMSInitialize', 'Initialize', '') === 'true';
  terminate = () => this.call('LMSFinish', 'Terminate', '') === 'true';
  commit = () => this.call('LMSCommit', 'Commit', '') === 'true';
  get = (element: string) => this.call('LMSGetValue', 'GetValue', element);
  set = (element: string, value: string) => this.call('LMSSetValue', 'SetValue', element, value) === 'true';
  lastError(): string {
    const code = this.call('LMSGetLastError', 'GetLastError');
    return code === '0' ? '' : `${code} ${this.call('LMSGetErrorString', 'GetErrorString', code)}`.trim();
  }
}

/** A ProgressStore whose contents live in `cmi.suspend_data`. */
export class SuspendDataStore implements ProgressStore {
  fault: string | undefined;
  /** Every entry, key to JSON text. */
  readonly entries: Map<string, string>;

  constructor(
    entries: Map<string, string>,
    private readonly changed: () => void,
    private readonly overflow?: ProgressStore,
  ) {
    this.entries = entries;
  }

  read(key: string): unknown {
    const text = this.entries.get(key);
    return text === undefined ? this.overflow?.read(key) : JSON.parse(text);
  }

  write(key: string, value: unknown): void {
    const text = JSON.stringify(value);
    if (text === undefined) return this.remove(key);
    if (this.entries.get(key) === text) return;
    this.entries.set(key, text);
    this.changed();
  }

  remove(key: string): void {
    this.overflow?.remove(key);
    if (this.entries.delete(key)) this.changed();
  }
}

export interface ScormOptions {
  /** The lesson whose `lesson-progress`/`lesson-complete` count; learned from `<lesson-view>`'s `lesson-load` when omitted. */
  lessonId?: string;
  /** Scaled score (0 to 1) to pass; overrides the LMS's mastery score. Without either, no pass/fail is reported. */
  passingScore?: number;
  /** Only connect to this SCORM version. */
  version?: ScormVersion;
  /** Where the API search starts and whose page lifecycle ends the session. */
  window?: Window;
  /** Where lesson events are heard (they bubble and are composed). Defaults to the window's document. */
  eventTarget?: EventTarget;
  /** Keeps what does not fit in suspend_data (the browser store, typically). */
  overflow?: ProgressStore;
  /** Characters `cmi.suspend_data` may hold; the standard's limit by default. */
  suspendDataLimit?: number;
  /** Waits before retrying a failed commit, in ms: one retry per entry. */
  retryDelays?: readonly number[];
  /** How long new progress may wait before it is committed, in ms (status changes commit at once). */
  commitDelay?: number;
  /** Where problems are reported. */
  warn?: (message: string) => void;
}

export interface ScormSession {
  readonly version: ScormVersion;
  /** Saves progress in `cmi.suspend_data`: hand it to `setDefaultStore`. */
  readonly store: SuspendDataStore;
  /** `cmi.core.entry` / `cmi.entry` at launch: `ab-initio`, `resume` or empty. */
  readonly entry: string;
  /** The lesson status as the LMS has it: 1.2 `lesson_status`, or 2004 `completion_status`/`success_status`. */
  readonly status: string;
  /** Writes pending progress and asks the LMS to persist everything now. False when the LMS failed (a retry is scheduled). */
  commit(): boolean;
  /** Ends the session (saves, sets exit and session time, terminates). Safe to call more than once. */
  finish(): void;
}

const sessions = new WeakMap<Window, ScormSession>();

const round = (value: number, digits: number) => String(Math.round(value * 10 ** digits) / 10 ** digits);

/** Session time as SCORM 1.2's `HHHH:MM:SS.SS`. */
export function timespan12(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const hours = Math.min(9999, Math.floor(total / 3600));
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = (total % 60).toFixed(2).padStart(5, '0');
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${seconds}`;
}

/** Session time as SCORM 2004's ISO 8601 duration. */
export function duration2004(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = Math.round((total % 60) * 100) / 100;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds}S`;
}

class Session implements ScormSession {
  readonly store: SuspendDataStore;
  readonly entry: string;

  private readonly lms: Lms;
  private readonly options: ScormOptions;
  private readonly win: Window;
  private readonly target: EventTarget;
  private readonly warn: (message: string) => void;
  private readonly known = new Map<string, string>();
  private readonly started = Date.now();
  private readonly limit: number;
  private readonly passingScore: number | undefined;
  private lessonId: string | undefined;
  private completed = false;
  private progress = 0;
  private score: number | undefined;
  private dirty = false;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retries = 0;
  private finished = false;
  /** The index of the next `cmi.interactions` entry; undefined once the LMS refused one (supporting them is optional). */
  private interaction: number | undefined;

  constructor(lms: Lms, options: ScormOptions, win: Window) {
    this.lms = lms;
    this.options = options;
    this.win = win;
    this.target = options.eventTarget ?? win.document;
    this.warn = options.warn ?? ((message) => console.warn(`lesson-elements SCORM: ${message}`));
    this.lessonId = options.lessonId;
    const names = ELEMENTS[lms.version];
    this.limit = options.suspendDataLimit ?? SUSPEND_DATA_LIMIT[lms.version];
    this.entry = lms.get(names.entry);

    let entries = new Map<string, string>();
    let fault: string | undefined;
    try {
      entries = decodeSuspendData(lms.get(names.suspendData));
    } catch (error) {
      // Not ours or damaged: start afresh, and leave the LMS's copy alone until there is new progress.
      fault = 'Saved progress from the LMS could not be read';
      this.warn(`${fault}: ${(error as Error).message}`);
    }
    this.store = new SuspendDataStore(entries, () => this.progressChanged(), options.overflow);
    this.store.fault = fault;

    const mastery = Number.parseFloat(lms.get(names.mastery));
    this.passingScore =
      options.passingScore ?? (Number.isFinite(mastery) ? (lms.version === '1.2' ? mastery / 100 : mastery) : undefined);

    if (lms.version === '1.2') {
      const status = this.remember(ELEMENTS['1.2'].status);
      this.completed = ['completed', 'passed', 'failed'].includes(status);
    } else {
      this.completed = this.remember(ELEMENTS['2004'].completion) === 'completed';
      this.remember(ELEMENTS['2004'].success);
    }
    const raw = Number.parseFloat(this.remember(names.raw));
    if (Number.isFinite(raw)) this.score = raw / 100;
    this.remember(names.min);
    this.remember(names.max);
    this.interaction = Number.parseInt(lms.get('cmi.interactions._count'), 10) || 0;

    this.target.addEventListener('lesson-load', this.onLoad);
    this.target.addEventListener('lesson-progress', this.onProgress);
    this.target.addEventListener('lesson-complete', this.onComplete);
    this.target.addEventListener('lesson-answer', this.onAnswer);
    win.document.addEventListener('visibilitychange', this.onVisibility);
    win.addEventListener('beforeunload', this.onBeforeUnload);
    win.addEventListener('pagehide', this.onPageHide);

    // A first launch becomes an attempt: the LMS shows the lesson as started.
    this.report();
  }

  get version(): ScormVersion {
    return this.lms.version;
  }

  get status(): string {
    return this.lms.version === '1.2'
      ? this.known.get(ELEMENTS['1.2'].status) ?? ''
      : `${this.known.get(ELEMENTS['2004'].completion) ?? ''}/${this.known.get(ELEMENTS['2004'].success) ?? ''}`;
  }

  /** Reads an element once and keeps its value, so unchanged values are never sent again. */
  private remember(element: string): string {
    const value = this.lms.get(element);
    this.known.set(element, value);
    return value;
  }

  /** Sets an element when its value changes; true when it changed. */
  private update(element: string, value: string): boolean {
    if (this.known.get(element) === value) return false;
    if (!this.lms.set(element, value)) {
      this.warn(`${element} = ${value} was refused (${this.lms.lastError()})`);
      return false;
    }
    this.known.set(element, value);
    return true;
  }

  private readonly onLoad = (event: Event) => {
    if (this.lessonId) return;
    const origin = event.composedPath()[0] as Element | undefined;
    if (origin?.localName === 'lesson-view') this.lessonId = (event as CustomEvent<{ lessonId: string }>).detail.lessonId;
  };

  private readonly onProgress = (event: Event) => {
    const detail = (event as CustomEvent<LessonProgressDetail>).detail;
    if (!this.lessonId || detail?.id !== this.lessonId) return;
    this.progress = Math.max(this.progress, detail.progress);
    if (detail.progress >= 1) this.completed = true;
    if (detail.score !== undefined) this.score = detail.score;
    this.report();
  };

  private readonly onComplete = (event: Event) => {
    const detail = (event as CustomEvent<LessonCompleteDetail>).detail;
    if (!this.lessonId || detail?.id !== this.lessonId) return;
    this.completed = true;
    this.progress = 1;
    if (detail.score !== undefined && detail.maxScore) this.score = detail.score / detail.maxScore;
    this.report();
  };

  /** Records an answer as the next `cmi.interactions` entry (a mnemonic step's id gets `.<step>`). */
  private readonly onAnswer = (event: Event) => {
    const detail = (event as CustomEvent<LessonAnswerDetail>).detail;
    const n = this.interaction;
    if (this.finished || n === undefined || !detail?.id) return;
    const v12 = this.lms.version === '1.2';
    // One line: SCORM 1.2 LMSs (scorm-again among them) refuse a response with line breaks.
    const response = String(detail.response).replace(/\s+/g, ' ').trim();
    // An identifier (a subject's id, `pro`) is a choice in 2004; SCORM 1.2's choices are single letters, so it is fill-in there.
    const type = v12 ? 'fill-in' : /^[\w.-]{1,250}$/.test(response) ? 'choice' : 'other';
    const fields = {
      id: detail.step === undefined ? detail.id : `${detail.id}.${detail.step}`,
      type,
      [ELEMENTS[this.lms.version].response]: response.slice(0, v12 ? 255 : 4000),
      result: detail.correct ? 'correct' : v12 ? 'wrong' : 'incorrect',
    };
    if (!Object.entries(fields).every(([name, value]) => this.lms.set(`cmi.interactions.${n}.${name}`, value))) {
      this.interaction = undefined;
      this.warn(`Answers are not recorded as interactions (${this.lms.lastError()})`);
      return;
    }
    this.interaction = n + 1;
    this.progressChanged();
  };

  private readonly onVisibility = () => {
    if (this.win.document.visibilityState === 'hidden') {
      this.update(ELEMENTS[this.lms.version].sessionTime, this.sessionTime());
      this.commit();
    }
  };

  private readonly onBeforeUnload = () => this.commit();
  private readonly onPageHide = () => this.finish();

  /** Passed, failed, or undefined when there is no score or no passing score. */
  private passed(): boolean | undefined {
    return this.score === undefined || this.passingScore === undefined ? undefined : this.score >= this.passingScore;
  }

  /** Sends status and score when they changed, and commits when anything did. */
  private report() {
    if (this.finished) return;
    const pass = this.completed ? this.passed() : undefined;
    let changed = false;
    if (this.lms.version === '1.2') {
      const names = ELEMENTS['1.2'];
      const current = this.known.get(names.status) ?? '';
      let status: string;
      if (current === 'passed') status = 'passed';
      else if (!this.completed) status = 'incomplete';
      else if (pass === undefined) status = current === 'failed' ? 'failed' : 'completed';
      else status = pass ? 'passed' : 'failed';
      changed = this.update(names.status, status) || changed;
    } else {
      const names = ELEMENTS['2004'];
      changed = this.update(names.completion, this.completed ? 'completed' : 'incomplete') || changed;
      const progress = this.completed ? 1 : this.progress;
      if (progress > 0) this.update(names.progress, round(progress, 4));
      if (pass !== undefined && this.known.get(names.success) !== 'passed') {
        changed = this.update(names.success, pass ? 'passed' : 'failed') || changed;
      }
    }
    if (this.score !== undefined) {
      const names = ELEMENTS[this.lms.version];
      const scaled = Math.min(1, Math.max(0, this.score));
      // Raw as a percentage: LMS gradebooks (Moodle, Canvas) read raw against max 100.
      this.update(names.min, '0');
      this.update(names.max, '100');
      changed = this.update(names.raw, round(scaled * 100, 2)) || changed;
      if (this.lms.version === '2004') changed = this.update(ELEMENTS['2004'].scaled, round(scaled, 4)) || changed;
    }
    if (changed) this.commit();
  }

  private progressChanged() {
    if (this.finished) return;
    this.dirty = true;
    // Soon into suspend_data, a little later to the LMS's server: commits can be slow requests.
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.commit(), this.options.commitDelay ?? 5000);
  }

  /** Writes pending progress into suspend_data. */
  private flush() {
    if (!this.dirty) return;
    this.dirty = false;
    const { value, omitted } = encodeSuspendData(this.store.entries, this.limit);
    if (omitted.length) {
      const { overflow } = this.options;
      for (const key of omitted) overflow?.write(key, JSON.parse(this.store.entries.get(key)!));
      const kept = overflow && !overflow.fault;
      const message = `Progress is larger than the LMS can keep (${this.limit} characters): ${omitted.length} part(s) are kept ${kept ? 'in this browser only' : 'until the page is closed'}`;
      this.warn(message);
      // The elements' notice says progress is not being saved: true only when nothing keeps the overflow.
      if (!kept) this.store.fault = message;
    }
    if (!this.update(ELEMENTS[this.lms.version].suspendData, value)) {
      if (this.known.get(ELEMENTS[this.lms.version].suspendData) !== value) {
        this.store.fault = 'The LMS refused to save progress';
        this.dirty = true;
      }
    }
  }

  commit(): boolean {
    if (this.finished) return false;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.flush();
    if (this.lms.commit()) {
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
      this.retries = 0;
      return true;
    }
    this.warn(`Commit failed (${this.lms.lastError() || 'no error code'})`);
    const delays = this.options.retryDelays ?? [1000, 2000, 4000, 8000, 16000];
    if (this.retryTimer === undefined && this.retries < delays.length) {
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        this.retries++;
        this.commit();
      }, delays[this.retries]);
    }
    return false;
  }

  private sessionTime(): string {
    const elapsed = Date.now() - this.started;
    return this.lms.version === '1.2' ? timespan12(elapsed) : duration2004(elapsed);
  }

  finish(): void {
    if (this.finished) return;
    const names = ELEMENTS[this.lms.version];
    this.flush();
    // Suspend, not a normal exit: the LMS keeps suspend_data, so the flashcard schedule survives completion.
    this.update(names.exit, 'suspend');
    this.update(names.sessionTime, this.sessionTime());
    if (!this.lms.commit()) this.warn(`Final commit failed (${this.lms.lastError() || 'no error code'})`);
    this.finished = true;
    clearTimeout(this.saveTimer);
    clearTimeout(this.retryTimer);
    this.target.removeEventListener('lesson-load', this.onLoad);
    this.target.removeEventListener('lesson-progress', this.onProgress);
    this.target.removeEventListener('lesson-complete', this.onComplete);
    this.target.removeEventListener('lesson-answer', this.onAnswer);
    this.win.document.removeEventListener('visibilitychange', this.onVisibility);
    this.win.removeEventListener('beforeunload', this.onBeforeUnload);
    this.win.removeEventListener('pagehide', this.onPageHide);
    if (!this.lms.terminate()) this.warn(`Terminate failed (${this.lms.lastError() || 'no error code'})`);
  }
}

/**
 * Connects to the LMS that launched this page: initializes, restores saved
 * progress and reports completion and score until the page goes away.
 * Returns undefined, having done nothing, when no LMS is found or it
 * refuses to initialize. Calling it again returns the same session.
 */
export function connectScorm(options: ScormOptions = {}): ScormSession | undefined {
  const win = options.window ?? window;
  const existing = sessions.get(win);
  if (existing) return existing;
  const found = findScormApi(win, options.version ? { version: options.version } : {});
  if (!found) return undefined;
  const lms = new Lms(found);
  if (!lms.initialize()) {
    (options.warn ?? console.warn)(`lesson-elements SCORM: the LMS did not initialize (${lms.lastError()})`);
    return undefined;
  }
  const session = new Session(lms, options, win);
  sessions.set(win, session);
  return session;
}
