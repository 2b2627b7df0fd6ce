import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume, ContextRoot } from '@lit/context';
import { lessonContext, type LessonContextValue } from './context.js';
import { LessonErrorEvent, LessonLoadEvent, LessonStorageEvent, type LessonErrorDetail } from './events.js';
import { assertLessonSize, LessonLoadError, loadLesson, parseLessonText, splitSource, toLesson } from './load.js';
import { ensureTranslation, onTranslationsChange, translate, type UiStringKey, type UiStrings } from './localize.js';
import type { Lesson } from './schema.js';
import { getDefaultStore, progressKey, type ProgressStore } from './storage.js';
import { baseStyles } from './styles.js';
import { installTokens } from '../themes/tokens.js';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/**
 * The error view lists this many problems and counts the rest: a hostile file
 * can have tens of thousands, which would freeze the page as a list. Every
 * one is still in the `lesson-error` event and the console.
 */
const SHOWN_ERRORS = 20;

// Lesson objects already validated, shared by every element: a framework handing one object to ten elements validates it once.
const validated = new WeakMap<object, Lesson>();

// One observer for the whole page: a change of <html lang|dir> re-renders every element (as Shoelace does).
const connectedElements = new Set<LessonElement>();
let documentObserver: MutationObserver | undefined;
function watchDocument(element: LessonElement, connected: boolean) {
  if (connected) connectedElements.add(element);
  else connectedElements.delete(element);
  if (!documentObserver && typeof MutationObserver !== 'undefined') {
    documentObserver = new MutationObserver(() => connectedElements.forEach((el) => el.requestUpdate()));
    documentObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'] });
  }
}

// Replays context requests made before a provider (<lesson-view>, <lesson-glossary>) was upgraded.
let contextRoot: ContextRoot | undefined;

/** Is `element` inside another lesson element (across shadow roots), which will hand it the lesson? */
function insideLessonElement(element: Element): boolean {
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof LessonElement || (node instanceof Element && node.localName.startsWith('lesson-') && !customElements.get(node.localName))) return true;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return false;
}

/** The nearest value of an attribute on an ancestor, crossing shadow roots, stopping below <html>. */
function inheritedAttribute(start: Element, name: 'lang' | 'dir'): string | undefined {
  let node: Node | null = start.parentNode;
  while (node) {
    if (node instanceof Element) {
      if (node === document.documentElement) return undefined;
      const value = node.getAttribute(name);
      if (value) return value;
      node = node.parentNode;
    } else {
      node = node instanceof ShadowRoot ? node.host : null;
    }
  }
  return undefined;
}

/**
 * The base of every lesson element: gets the lesson (property, `src`,
 * inline JSON script, or an enclosing `<lesson-view>`), validates it, shows
 * loading and error states, resolves language and direction, localizes UI
 * strings, announces changes politely and saves progress.
 *
 * Subclasses implement `renderLesson()` and may override `lessonChanged()`.
 */
export abstract class LessonElement extends LitElement {
  static override styles = [baseStyles];

  /** URL of a lesson JSON file; a fragment selects one part: `lesson.json#threading-overview`. */
  @property() src = '';

  /** The lesson as data, for frameworks. It is validated like a fetched file. */
  @property({ attribute: false }) lesson: unknown;

  /** Overrides for this element's UI strings (see the localization docs for keys). */
  @property({ attribute: false }) strings: Partial<UiStrings> | undefined;

  /** Where progress is saved; defaults to the page-wide localStorage store. */
  @property({ attribute: false }) store: ProgressStore | undefined;

  /** Loading state: `idle`, `loading`, `ready` or `error`. Reflected for styling. */
  @property({ attribute: 'load-state', reflect: true }) loadState: LoadState = 'idle';

  @consume({ context: lessonContext, subscribe: true })
  @state()
  protected inheritedLesson: LessonContextValue | undefined;

  /** The validated lesson this element shows. */
  @state() protected data: Lesson | undefined;
  @state() protected error: LessonErrorDetail | undefined;
  @state() private announcement = '';
  @state() private storageFault: string | undefined;

  /** The part of the lesson named by the `src` fragment (`#id`), if any. */
  protected fragment = '';
  /** The URL relative media paths in the lesson resolve against. */
  protected baseUrl = document.baseURI;

  private loadController: AbortController | undefined;
  /** Retry was pressed from the keyboard or pointer: if the load fails again, focus goes back to the new Retry button. */
  private focusRetry = false;
  private inlineObserver: MutationObserver | undefined;
  private stopTranslations: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.reportMissingSourceLater();
    installTokens(this.ownerDocument);
    if (!contextRoot) {
      contextRoot = new ContextRoot();
      contextRoot.attach(document.documentElement);
    }
    watchDocument(this, true);
    this.stopTranslations = onTranslationsChange(() => this.requestUpdate());
    // The inline script may be parsed after the element is upgraded: watch for it until it arrives.
    if (!this.inlineScript()) {
      this.inlineObserver = new MutationObserver(() => {
        if (this.inlineScript()) {
          this.inlineObserver?.disconnect();
          this.requestUpdate('src');
        }
      });
      this.inlineObserver.observe(this, { childList: true });
    }
  }

  /** Never a blank box: once the page is parsed and a task has passed, no source at all is an error. */
  private reportMissingSourceLater() {
    // After the first update (which may wait for UI strings) has looked for a source, and one more task.
    const check = () =>
      void this.updateComplete.then(() =>
        setTimeout(() => {
          // Inside a view or glossary the lesson comes from it, and so does any error.
          if (this.isConnected && this.loadState === 'idle' && !insideLessonElement(this)) {
            this.setLessonError({ kind: 'not-found', messages: [this.t('errorNoSource')] });
          }
        }),
      );
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', check, { once: true });
    else check();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    watchDocument(this, false);
    this.stopTranslations?.();
    this.inlineObserver?.disconnect();
    this.loadController?.abort();
  }

  /** The language of the UI: own `lang`, an ancestor's, the lesson's, the page's, English. */
  get uiLang(): string {
    return this.resolveLang(this.data?.lang);
  }

  private resolveLang(lessonLang: string | undefined): string {
    return this.getAttribute('lang') || inheritedAttribute(this, 'lang') || lessonLang || document.documentElement.lang || 'en';
  }

  /** Text direction, resolved like the language. */
  get uiDir(): 'ltr' | 'rtl' {
    const dir =
      this.getAttribute('dir') || inheritedAttribute(this, 'dir') || this.data?.dir || document.documentElement.dir;
    return dir === 'rtl' ? 'rtl' : 'ltr';
  }

  /** A localized UI string. */
  protected t(key: UiStringKey, params?: Record<string, string | number>): string {
    return translate(this.uiLang, key, params, this.strings);
  }

  /** Dispatches a typed `lesson-*` event from this element. */
  protected emit<E extends Event>(event: E): E {
    this.dispatchEvent(event);
    return event;
  }

  /** Says `text` through the polite live region (each call is announced, even if repeated). */
  announce(text: string): void {
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  /** Resolves a lesson-relative URL (audio, images) against the lesson file: always an absolute URL. */
  protected resolveUrl(url: string): string {
    // A lesson loaded from a data: or blob: URL is no base for relative URLs (new URL() throws): the page is.
    for (const base of [this.baseUrl, document.baseURI]) {
      try {
        return new URL(url, base).href;
      } catch {
        // the next base
      }
    }
    return url;
  }

  /** A link's href from the lesson: resolved as `resolveUrl` does, except `#id`, which stays a place in this page. */
  protected resolveHref(url: string): string {
    return url.startsWith('#') ? url : this.resolveUrl(url);
  }

  /**
   * `resolveHref` of `host` when it is a lesson element, the href as written
   * otherwise (see rich-text.ts: links in lesson text).
   * @internal
   */
  static resolveHrefOf(host: unknown, url: string): string {
    return host instanceof LessonElement ? host.resolveHref(url) : url;
  }

  protected get progressStore(): ProgressStore {
    return this.store ?? this.inheritedLesson?.store ?? getDefaultStore();
  }

  /** What a provider (`<lesson-view>`, `<lesson-glossary>`) hands its children: the lesson, its base URL, and its store if it was given one. */
  protected contextValue(lesson: Lesson): LessonContextValue {
    return { lesson, baseUrl: this.baseUrl, store: this.store ?? this.inheritedLesson?.store };
  }

  /** Reads saved progress of this lesson under `parts` (`["cards", id, "forward"]`). */
  protected readProgress(...parts: string[]): unknown {
    if (!this.data) return undefined;
    const value = this.progressStore.read(progressKey(this.data.id, ...parts));
    this.checkStorage();
    return value;
  }

  /** Saves progress of this lesson under `parts`. Never throws; a fault shows a notice. */
  protected writeProgress(value: unknown, ...parts: string[]): void {
    if (!this.data) return;
    this.progressStore.write(progressKey(this.data.id, ...parts), value);
    this.checkStorage();
  }

  private checkStorage() {
    const fault = this.progressStore.fault;
    if (fault && fault !== this.storageFault) {
      this.storageFault = fault;
      this.emit(new LessonStorageEvent(fault));
    }
  }

  /**
   * Shows an error in place of the content, fires `lesson-error`, logs it.
   * For a part that is not in the lesson (`not-found`) the lesson is kept, so
   * `reselect()` can recover when the id attribute is corrected.
   */
  protected setLessonError(detail: LessonErrorDetail): void {
    this.error = detail;
    this.loadState = 'error';
    if (detail.kind !== 'not-found') this.data = undefined;
    console.error(`<${this.localName}>: ${detail.messages.join('\n')}`);
    this.emit(new LessonErrorEvent(detail));
  }

  /**
   * Picks one item by id (from the `src` fragment or an attribute), or the
   * first when no id is asked for. An unknown id becomes the element's error,
   * so call it from `lessonChanged()`, never from `render`.
   */
  protected pick<T extends { id: string }>(items: readonly T[] | undefined, id: string | undefined): T | undefined {
    if (id) {
      const found = items?.find((item) => item.id === id);
      if (!found) this.setLessonError({ kind: 'not-found', messages: [this.t('errorNotFound', { id })] });
      return found;
    }
    if (!items?.length) this.setLessonError({ kind: 'not-found', messages: [this.t('errorEmpty')] });
    return items?.[0];
  }

  private readonly pendingLoads = new Set<Promise<unknown>>();

  /**
   * Tracks lazily loaded code (a practice, a study mode): `updateComplete`
   * waits for it and the render that follows, so `await el.updateComplete` shows the result.
   */
  protected whileLoading<T>(load: Promise<T>): Promise<T> {
    this.pendingLoads.add(load);
    const settle = () => this.pendingLoads.delete(load);
    load.then(settle, settle);
    return load;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.pendingLoads.size) {
      await Promise.allSettled([...this.pendingLoads]);
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  /** Runs the selection again on the loaded lesson: call it when an id attribute changes. */
  protected reselect(): void {
    if (!this.data) return;
    this.error = undefined;
    this.accept(this.data);
  }

  /** Called once the lesson is valid and before it renders: pick the section, restore progress. */
  protected lessonChanged(_lesson: Lesson): void {}

  /** Renders the lesson content. */
  protected abstract renderLesson(lesson: Lesson): unknown;

  /** Waits for the UI strings of a built-in language before rendering, so the UI never flashes in English. */
  protected override async scheduleUpdate(): Promise<void> {
    // The lesson may arrive in this very update (a property, the view's context): look at its language too.
    const incoming = this.data ?? this.inheritedLesson?.lesson ?? this.lesson;
    const lessonLang = (incoming as { lang?: unknown } | undefined)?.lang;
    const strings = ensureTranslation(this.resolveLang(typeof lessonLang === 'string' ? lessonLang : undefined));
    if (strings) await strings;
    await super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('lesson') || changed.has('src') || changed.has('inheritedLesson')) {
      this.resolveSource();
    }
  }

  private inlineScript(): HTMLScriptElement | null {
    return this.querySelector(':scope > script[type="application/json"]');
  }

  /** Chooses the lesson source in priority order: property, src, inline script, enclosing view. */
  private resolveSource(reload = false) {
    this.loadController?.abort();
    this.loadController = undefined;
    this.error = undefined;
    try {
      if (this.lesson !== undefined && this.lesson !== null) {
        this.fragment = '';
        this.baseUrl = document.baseURI;
        return this.accept(this.validate(this.lesson));
      }
      if (this.src) return this.fetchSource(this.src, reload);
      const script = this.inlineScript();
      if (script) {
        this.baseUrl = document.baseURI;
        return this.accept(parseLessonText(script.textContent ?? ''));
      }
      if (this.inheritedLesson) {
        this.baseUrl = this.inheritedLesson.baseUrl;
        return this.accept(this.inheritedLesson.lesson);
      }
      // Nothing yet: an inline script may still arrive; say so only once the page has finished parsing.
      this.loadState = 'idle';
      this.data = undefined;
    } catch (error) {
      this.fail(error);
    }
  }

  private validate(value: unknown): Lesson {
    if (typeof value !== 'object' || value === null) return toLesson(value);
    let lesson = validated.get(value);
    if (!lesson) {
      lesson = toLesson(value);
      // An object has the file's size limit: a 5 MB lesson freezes a page however it arrives.
      // Measured on the validated copy, which is plain JSON data (no cycles, nothing unknown).
      assertLessonSize(JSON.stringify(lesson).length, 'invalid');
      validated.set(value, lesson);
    }
    return lesson;
  }

  private fetchSource(src: string, reload: boolean) {
    const { url, fragment } = splitSource(src);
    this.fragment = fragment;
    this.baseUrl = url;
    this.loadState = 'loading';
    this.data = undefined;
    const controller = new AbortController();
    this.loadController = controller;
    loadLesson(url, { signal: controller.signal, reload }).then(
      (lesson) => {
        if (controller.signal.aborted) return;
        this.accept(lesson);
        // The file is back: elements still showing an error for it recover too (from the cache, no new request).
        for (const other of connectedElements) {
          if (other !== this && other.loadState === 'error' && other.error?.url === url && other.canRetry) other.resolveSource();
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted) this.fail(error);
      },
    );
  }

  private accept(lesson: Lesson) {
    this.data = lesson;
    this.loadState = 'ready';
    this.lessonChanged(lesson);
    if (this.loadState === 'ready') this.emit(new LessonLoadEvent(lesson.id));
  }

  private fail(error: unknown) {
    const detail: LessonErrorDetail =
      error instanceof LessonLoadError ? error.detail : { kind: 'parse', messages: [String((error as Error)?.message ?? error)] };
    this.setLessonError(detail);
  }

  /**
   * Whether loading again can help: only for a lesson fetched from a URL (the
   * network or the file may recover). Data given inline or as a property will
   * fail the same way every time, and a missing part needs a new id.
   */
  protected get canRetry(): boolean {
    return !!this.error?.url && this.error.kind !== 'not-found';
  }

  /** Loads the lesson again, asking the server rather than its cache (the error view's Retry button). */
  retry(): void {
    this.resolveSource(true);
  }

  protected readonly onRetryClick = (): void => {
    this.focusRetry = true;
    this.retry();
  };

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.focusRetry && this.loadState !== 'loading') {
      this.focusRetry = false;
      if (this.loadState === 'error') this.renderRoot.querySelector<HTMLElement>('[part~="retry"]')?.focus();
    }
  }

  protected override render() {
    const dir = this.uiDir;
    const lang = this.uiLang;
    if (this.loadState === 'error' && this.error) {
      return html`<div part="base error" role="alert" dir=${dir} lang=${lang}>
        <p class="error-title">${this.t('errorTitle')}</p>
        <ul part="error-messages">
          ${this.error.messages.slice(0, SHOWN_ERRORS).map((message) => html`<li>${message}</li>`)}
          ${this.error.messages.length > SHOWN_ERRORS
            ? html`<li>${this.t('errorMore', { count: this.error.messages.length - SHOWN_ERRORS })}</li>`
            : nothing}
        </ul>
        ${this.canRetry ? html`<button part="retry" @click=${this.onRetryClick}>${this.t('errorRetry')}</button>` : nothing}
      </div>`;
    }
    if (this.loadState !== 'ready' || !this.data) {
      return html`<div part="base loading" dir=${dir} lang=${lang} aria-busy="true">
        <span class="loading">${this.loadState === 'loading' ? this.t('loading') : nothing}</span>
      </div>`;
    }
    return html`<div part="base" class="base" dir=${dir} lang=${lang}>
      ${this.storageFault ? html`<p part="notice" role="note">${this.t('storageFallback')}</p>` : nothing}
      ${this.renderLesson(this.data)}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </div>`;
  }
}
