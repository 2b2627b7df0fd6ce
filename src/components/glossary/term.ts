import { html, nothing, svg, type PropertyDeclaration, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { lessonContext } from '../../core/context.js';
import { defineElement } from '../../core/define.js';
import { LessonTermEvent, type LessonErrorDetail } from '../../core/events.js';
import { LessonElement } from '../../core/lesson-element.js';
import { plainText, richText } from '../../core/rich-text.js';
import type { GlossaryEntry, Lesson } from '../../core/schema.js';
import { baseStyles } from '../../core/styles.js';
import { findEntry, termKey } from './lookup.js';
import { placePopover, type Placement } from './position.js';
import { dormantStyles, styles } from './term.styles.js';
import './strings.js';

type OpenReason = 'click' | 'hover' | 'focus';

/** Page-wide: the one term whose definition is showing (one realm; an iframe has its own). */
const page: { openTerm: LessonTerm | undefined } = { openTerm: undefined };

/** Elements that hand their lesson down to the terms inside them. */
const PROVIDERS = ['lesson-glossary', 'lesson-view'];

/** The nearest ancestor (crossing shadow roots) that provides a lesson. */
function enclosingProvider(start: Element): Element | undefined {
  let node: Node | null = start.parentNode;
  while (node) {
    if (node instanceof Element) {
      if (PROVIDERS.includes(node.localName)) return node;
      node = node.parentNode;
    } else {
      node = node instanceof ShadowRoot ? node.host : null;
    }
  }
  return undefined;
}

const closeIcon = svg`<path d="M6 6l12 12M18 6L6 18" />`;
const retryIcon = svg`<path d="M20 12a8 8 0 1 1-2.34-5.66M20 4v4h-4" />`;

/** True while `createLinkedTerm()` creates a term: the constructor makes it dormant. */
let creatingLinked = false;
/**
 * What makes a dormant term a button for assistive technology and the
 * keyboard, and what its look is selected by (`lesson-term[role="button"]`):
 * attributes, the cheapest thing to give a thousand elements. The term
 * removes them when it renders its own button.
 */
const DORMANT_ATTRIBUTES = [
  ['role', 'button'],
  ['aria-expanded', 'false'],
  ['tabindex', '0'],
] as const;
/** Set in LessonTerm's static block: module functions that reach a term's private state. */
let isDormant: (term: Element) => boolean;
let wakeTerm: (term: LessonTerm, event: Event | undefined) => void;

/**
 * @summary A defined term in running text: a button that shows the term's
 * glossary definition in a popover.
 *
 * Write the term as the element's text (`<lesson-term>GIL</lesson-term>`) or
 * name it with `term` (an id, the term, or an alias; any case). Click, tap,
 * Enter or Space opens the definition and keeps it open; hovering or keyboard
 * focus shows it after a short delay. Escape closes it and returns focus to
 * the term; the pointer can move into the popover; one term is open at a time.
 *
 * The lesson comes from `src`, the `lesson` property, an inline JSON script,
 * or an enclosing `<lesson-glossary>` or `<lesson-view>` (no extra fetch).
 * While it loads, or when the term is unknown, the text stays as plain text:
 * never a blank or an error box in the middle of a sentence.
 *
 * The terms a `<lesson-glossary>` links are dormant until a reader reaches
 * them: a focusable word that reads as a button, styled like a term, with no
 * shadow DOM yet (an article may link a thousand). The first pointer, focus,
 * click or `show()` renders it, with the glossary's lesson, before it
 * responds. Custom properties style dormant terms too; parts exist once the
 * term is rendered.
 *
 * @slot - The term as it reads in the sentence; also what is looked up when `term` is not set.
 *
 * @csspart base - The wrapper around the term (inline).
 * @csspart trigger - The button the term reads as.
 * @csspart popover - The definition popover (in the top layer).
 * @csspart popover-term - The term's name at the top of the popover.
 * @csspart close - The popover's close button.
 * @csspart aliases - The term's other names.
 * @csspart definition - The definition.
 * @csspart more - The "More about…" link, when the entry has a URL.
 * @csspart link - Links inside the definition text.
 * @csspart error - The wrapper when the term cannot be shown: plain inline text (no box).
 * @csspart error-messages - The visually hidden note read after a term that cannot be shown, naming the problem.
 * @csspart loading - The wrapper while the lesson loads: plain inline text.
 * @csspart notice - A storage notice (never shown: a term saves no progress).
 * @csspart retry - A small "Try again" icon button after the text, only when the term's own lesson file could not be downloaded; the problem is its tooltip.
 *
 * @cssprop --lesson-term-underline-color - The dotted underline. Default: muted text colour.
 * @cssprop --lesson-term-highlight - The term's background on hover and while open.
 * @cssprop --lesson-term-popover-width - The popover's widest width (it never exceeds the viewport). Default: 22rem.
 * @cssprop --lesson-term-popover-gap - Space between the term and the popover. Default: 6px.
 * @cssprop --lesson-term-popover-background - The popover's background.
 * @cssprop --lesson-term-popover-color - The popover's text colour.
 * @cssprop --lesson-term-popover-border-color - The popover's border.
 * @cssprop --lesson-term-popover-radius - The popover's corner radius.
 * @cssprop --lesson-term-popover-shadow - The popover's shadow.
 *
 * @fires lesson-term - The definition opened or closed: `{ termId, open }`.
 * @fires lesson-load - The term loaded its own lesson (`src`, `lesson`, inline script) and found its entry. Terms inside a `<lesson-glossary>` or `<lesson-view>` leave that event to the element that loaded the lesson.
 * @fires lesson-error - No lesson, an invalid one, or no glossary entry for the term (once per term).
 */
export class LessonTerm extends LessonElement {
  static override styles = [baseStyles, styles];
  /**
   * Focus on the term goes to its button: a woken term gives up the tab stop of its dormant word without losing focus.
   * @internal
   */
  static override shadowRootOptions: ShadowRootInit = { ...LessonElement.shadowRootOptions, delegatesFocus: true };

  // The public properties are accessors over fields left unset: an article creates a thousand
  // terms, and a default assigned in the constructor would cost each of them a Lit property update.

  /**
   * The glossary entry to show: its id, its term or one of its aliases, in any case. Defaults to the element's text.
   * @default ''
   */
  @property()
  get term(): string {
    return this.termValue ?? '';
  }
  set term(value: string) {
    this.termValue = value;
  }
  private termValue: string | undefined;

  /**
   * Whether the definition is showing. Reflected.
   * @default false
   */
  @property({ type: Boolean, reflect: true })
  get open(): boolean {
    return this.openValue ?? false;
  }
  set open(value: boolean) {
    this.openValue = value;
  }
  private openValue: boolean | undefined;

  /**
   * Milliseconds of hover or keyboard focus before the definition shows.
   * @default 400
   */
  @property({ attribute: 'show-delay', type: Number })
  get showDelay(): number {
    return this.showDelayValue ?? 400;
  }
  set showDelay(value: number) {
    this.showDelayValue = value;
  }
  private showDelayValue: number | undefined;

  /**
   * Milliseconds the definition stays after the pointer leaves, so it can move into the popover.
   * @default 300
   */
  @property({ attribute: 'hide-delay', type: Number })
  get hideDelay(): number {
    return this.hideDelayValue ?? 300;
  }
  set hideDelay(value: number) {
    this.hideDelayValue = value;
  }
  private hideDelayValue: number | undefined;

  /** The glossary entry shown, once found. */
  @state() protected entry: GlossaryEntry | undefined;
  /** The definition said aloud when it opens by click or key (a term's own polite live region). */
  @state() private spoken: string | undefined;
  /**
   * The popover and live region exist once a reader reaches the term (pointer,
   * focus, or an open request): an article with a thousand terms renders a
   * thousand buttons, not a thousand hidden popovers.
   */
  @state() private armed: boolean | undefined;

  @query('.trigger') private trigger!: HTMLButtonElement | null;
  @query('[part~="popover"]') private popoverElement!: HTMLElement | null;

  // The fields below start unset (falsy), not assigned in the constructor: a thousand linked terms each skip the work.

  /** Opened by a click or a key press: stays until closed (WCAG 1.4.13 persistent). */
  private pinned: boolean | undefined;
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private placement: Placement | undefined;
  private shown: boolean | undefined;
  private keepFocusClosed: boolean | undefined;
  /** What was looked up, and the lesson + key an error was already reported for. */
  private lookedUp: string | undefined;
  private reported: string | undefined;
  private lateConsumer: ContextConsumer<typeof lessonContext, this> | undefined;
  /**
   * A term a glossary linked, not yet reached by a reader: no Lit update, no
   * shadow root, no listeners, no lesson. Its role and look come from
   * attributes and the glossary's sheet; the glossary's listeners wake it.
   */
  private dormant: boolean | undefined;

  static {
    isDormant = (term) => term instanceof LessonTerm && term.dormant === true;
    wakeTerm = (term, event) => term.wake(event);
  }

  constructor() {
    super();
    if (creatingLinked) this.dormant = true;
    else this.listen();
  }

  /**
   * Listeners on the host, not in the template: the term's first render binds nothing.
   * The popover is inside the host's shadow tree, so for the pointer the term and its popover are one region.
   */
  private listen() {
    this.addEventListener('click', (event) => this.onClick(event));
    this.addEventListener('keydown', (event) => this.onKeyDown(event));
    this.addEventListener('focusin', (event) => this.onFocusIn(event));
    this.addEventListener('focusout', (event) => this.onFocusOut(event));
    this.addEventListener('pointerenter', (event) => this.onPointerEnter(event));
    this.addEventListener('pointerleave', (event) => this.onPointerLeave(event));
    // Added and removed while open: bound once, here (a dormant term has none of these).
    this.onDocumentKeyDown = this.onDocumentKeyDown.bind(this);
    this.onDocumentPointerDown = this.onDocumentPointerDown.bind(this);
  }

  protected override createRenderRoot() {
    const root = super.createRenderRoot();
    root.addEventListener('slotchange', () => this.onSlotChange());
    return root;
  }

  override connectedCallback(): void {
    if (this.dormant) {
      // Its glossary put it here; moved out of any glossary since, it becomes a term like any other.
      if (!this.placed || enclosingProvider(this)?.localName === 'lesson-glossary') {
        this.placed = true;
        return;
      }
      this.wake(undefined);
      return;
    }
    super.connectedCallback();
    this.listenForLateProvider();
  }

  /** A dormant term has been connected once (by the glossary that created it). */
  private placed: boolean | undefined;

  /**
   * Renders a dormant term: from here on it is a term like any other, which
   * gets the glossary's lesson through the context (no fetch). `event` is
   * what reached it: a pointer arriving starts the hover delay, and focus on
   * the word moves to the rendered button.
   */
  private wake(event: Event | undefined) {
    if (!this.dormant) return;
    this.dormant = false;
    this.removeAttribute('role');
    this.removeAttribute('aria-expanded');
    const term = this.getAttribute('term');
    if (term !== null) this.term = term;
    this.listen();
    if (!this.isConnected) {
      this.removeAttribute('tabindex');
      return;
    }
    const focused = this.matches(':focus');
    this.connectedCallback();
    if (event?.type === 'pointerover') this.onPointerEnter(event as PointerEvent);
    if (!focused) {
      this.removeAttribute('tabindex');
      return;
    }
    // The word keeps focus until the button exists, so keyboard focus (and :focus-visible) carries over.
    void this.updateComplete.then(() => {
      const trigger = this.trigger;
      if (trigger && this.matches(':focus')) {
        trigger.focus();
        // Focus moving from the host into its own shadow tree fires no focusin here.
        if (this.shadowRoot?.activeElement === trigger) this.onTriggerFocus();
      }
      this.removeAttribute('tabindex');
    });
  }

  override requestUpdate(
    name?: PropertyKey,
    oldValue?: unknown,
    options?: PropertyDeclaration,
    useNewValue?: boolean,
    newValue?: unknown,
  ): void {
    super.requestUpdate(name, oldValue, options, useNewValue, newValue);
    // A page that opens, or gives a lesson to, a dormant term wants it rendered.
    if (this.dormant && name !== undefined && name !== 'term') this.wake(undefined);
  }

  /** A dormant term has nothing pending: it renders when woken. */
  protected override async getUpdateComplete(): Promise<boolean> {
    if (this.dormant) return true;
    return super.getUpdateComplete();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.clearTimers();
    if (this.open) {
      this.open = false;
      this.syncPopover(false);
    }
  }

  /** Shows the definition and keeps it open until closed. */
  show(): void {
    this.wake(undefined);
    this.openFor('click');
  }

  /** Closes the definition; with `returnFocus`, focus goes back to the term. */
  hide(returnFocus = false): void {
    this.clearTimers();
    this.pinned = false;
    if (!this.open) return;
    this.open = false;
    this.spoken = '';
    this.syncPopover(returnFocus);
  }

  /** The text looked up: the `term` property, or the element's own text. */
  private get lookupKey(): string {
    return this.term.trim() || termKey(this);
  }

  protected override lessonChanged(lesson: Lesson): void {
    const key = this.lookupKey;
    this.lookedUp = key;
    this.entry = key ? findEntry(lesson.glossary, key) : undefined;
    if (this.entry) return;
    const detail: LessonErrorDetail = {
      kind: 'not-found',
      messages: [key ? this.t('termNotFound', { term: key }) : this.t('termMissing')],
    };
    const signature = `${lesson.id}\n${key}`;
    if (signature === this.reported) {
      // Already reported for this lesson and text: show the same state without a second console error or event.
      this.error = detail;
      this.loadState = 'error';
      this.data = undefined;
      return;
    }
    this.reported = signature;
    this.setLessonError(detail);
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    // A dormant term reads its `term` attribute when it wakes: Lit's conversion can wait until then.
    if (this.dormant && name === 'term') return;
    super.attributeChangedCallback(name, old, value);
  }

  /** A page with a thousand linked terms hears one `lesson-load` (from the glossary), not a thousand. */
  protected override emit<E extends Event>(event: E): E {
    if (event.type === 'lesson-load' && this.data && this.data === this.inheritedLesson?.lesson) return event;
    return super.emit(event);
  }

  protected override setLessonError(detail: LessonErrorDetail): void {
    // "No source" while an enclosing glossary or lesson view is still loading is not an error: the lesson is on its way.
    if (detail.messages[0] === this.t('errorNoSource')) {
      const provider = enclosingProvider(this) as (Element & { loadState?: string }) | undefined;
      if (provider && provider.loadState !== 'ready' && provider.loadState !== 'error') return;
    }
    super.setLessonError(detail);
  }

  /**
   * A term can be upgraded before the `<lesson-glossary>` or `<lesson-view>`
   * around it; its context request then went unanswered. Ask again once the
   * provider is defined.
   */
  private listenForLateProvider() {
    if (this.lateConsumer || this.inheritedLesson) return;
    const provider = enclosingProvider(this);
    if (!provider || customElements.get(provider.localName)) return;
    void customElements.whenDefined(provider.localName).then(() => {
      if (!this.isConnected || this.inheritedLesson || this.lateConsumer) return;
      this.lateConsumer = new ContextConsumer(this, {
        context: lessonContext,
        subscribe: true,
        callback: (value) => {
          this.inheritedLesson = value;
        },
      });
    });
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('term') && this.hasUpdated) this.retry();
    if (this.open) this.armed = true;
  }

  private onSlotChange() {
    if (!this.term && this.lookupKey !== (this.lookedUp ?? '') && (this.data || this.loadState === 'error')) this.retry();
  }

  /**
   * Inline from end to end: the base's block wrapper (and the white space
   * around it) would break the sentence, so the term renders its own. The
   * term inherits the sentence's direction and language; the popover sets
   * its own.
   */
  protected override render() {
    if (this.loadState === 'ready' && this.data && this.entry) return this.renderLesson(this.data);
    const failed = this.loadState === 'error';
    // A download that failed can be tried again: say why (the reader may be offline) and offer a small retry.
    const problem = failed && this.canRetry ? (this.error?.messages.join(' ') ?? '') : '';
    return html`<span part=${failed ? 'base error' : 'base loading'} class="unresolved"
      ><slot></slot>${failed
        ? html`<span part="error-messages" class="visually-hidden"> ${this.t('termUnavailable')}${problem ? ` ${problem}` : ''}</span>`
        : nothing}${problem
        ? html`<button type="button" part="retry" class="retry" title=${problem} aria-label=${this.t('errorRetry')} @click=${this.onRetryClick}>
            <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">${retryIcon}</svg>
          </button>`
        : nothing}</span
    >`;
  }

  protected override renderLesson(lesson: Lesson) {
    const open = this.open;
    const armed = this.armed;
    return html`<span part="base" class="base"
      ><button
        type="button"
        part="trigger"
        class="trigger"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${armed ? 'popover' : nothing}
        aria-describedby=${open ? 'definition' : nothing}
      ><slot></slot></button
      >${armed ? this.renderPopover(this.entry!, lesson) : nothing}</span
    >`;
  }

  private renderPopover(entry: GlossaryEntry, lesson: Lesson) {
    const dir = this.uiDir;
    const lang = lesson.lang;
    const uiLang = this.uiLang;
    const ui = uiLang === lang ? nothing : uiLang;
    // The popover is laid out in the reader's direction; lesson text keeps its own (an English definition in an RTL page).
    const textDir = lesson.dir ?? 'auto';
    return html`<div
        id="popover"
        part="popover"
        class=${dir}
        dir=${dir}
        lang=${lang}
        popover="manual"
        role="dialog"
        aria-labelledby="popover-term"
      >
        <div class="header">
          <dfn part="popover-term" id="popover-term" dir=${textDir}>${entry.term}</dfn>
          <button type="button" part="close" class="close" lang=${ui} aria-label=${this.t('close')} @click=${this.onCloseClick}>
            <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">${closeIcon}</svg>
          </button>
        </div>
        ${entry.aliases?.length
          ? html`<p part="aliases" dir="auto"><span lang=${ui}>${this.t('termAliases')}</span> <bdi>${entry.aliases.join(', ')}</bdi></p>`
          : nothing}
        <p part="definition" id="definition" dir=${textDir}>${richText(entry.definition)}</p>
        ${entry.url
          ? html`<a part="more" href=${this.resolveUrl(entry.url)} lang=${ui}>${this.t('termMore', { term: entry.term })}</a>`
          : nothing}
      </div
      ><span class="visually-hidden" role="status" lang=${ui}>${this.spoken}</span>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.syncPopover(false);
  }

  // ---- Opening and closing -------------------------------------------------

  private arm() {
    this.armed = true;
  }

  private openFor(reason: OpenReason) {
    this.arm();
    this.clearTimers();
    if (reason === 'click') this.pinned = true;
    if (this.open) return;
    this.open = true;
    this.syncPopover(false);
    if (reason === 'click' && this.entry) this.spoken = `${this.entry.term}: ${plainText(this.entry.definition)}`;
  }

  /** Makes the popover match `open`: top layer, placement, listeners, the one-open registry, the event. */
  private syncPopover(returnFocus: boolean) {
    if (this.open === Boolean(this.shown)) return;
    const popover = this.popoverElement;
    const trigger = this.trigger;
    if (this.open && !this.shown) {
      if (!popover || !trigger || !this.entry) return; // Opens once the term is rendered.
      if (page.openTerm && page.openTerm !== this) page.openTerm.hide();
      page.openTerm = this;
      this.shown = true;
      popover.setAttribute('data-placing', '');
      try {
        // `source` ties the popover to its invoker (implicit anchor, accessibility) where supported.
        const showPopover = popover.showPopover as (this: HTMLElement, options?: { source?: HTMLElement }) => void;
        showPopover.call(popover, { source: trigger });
      } catch {
        // Not in a document, or no Popover API: the placement below still runs.
      }
      this.listenWhileOpen(true);
      placePopover(trigger, popover).then(
        (placement) => {
          if (this.shown) this.placement = placement;
          else placement.stop();
          popover.removeAttribute('data-placing');
        },
        (error: unknown) => {
          // Floating UI could not load (offline?): show the popover where CSS put it rather than not at all.
          popover.removeAttribute('data-placing');
          console.warn('<lesson-term>: could not place the definition', error);
        },
      );
      this.emit(new LessonTermEvent({ termId: this.entry.id, open: true }));
      return;
    }
    if (!this.open && this.shown) {
      this.shown = false;
      this.pinned = false;
      this.placement?.stop();
      this.placement = undefined;
      this.listenWhileOpen(false);
      if (page.openTerm === this) page.openTerm = undefined;
      if (popover?.matches(':popover-open')) popover.hidePopover();
      if (returnFocus && trigger) {
        this.keepFocusClosed = true;
        trigger.focus();
        this.keepFocusClosed = false;
      }
      this.emit(new LessonTermEvent({ termId: this.entry?.id ?? this.lookedUp ?? '', open: false }));
    }
  }

  /**
   * While open, and only then, Escape anywhere and a press outside close the
   * definition (WCAG 1.4.13 dismissible, even when it opened on hover and focus is elsewhere).
   */
  private listenWhileOpen(on: boolean) {
    const doc = this.ownerDocument;
    if (on) {
      doc.addEventListener('keydown', this.onDocumentKeyDown);
      doc.addEventListener('pointerdown', this.onDocumentPointerDown, true);
    } else {
      doc.removeEventListener('keydown', this.onDocumentKeyDown);
      doc.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
    }
  }

  private clearTimers() {
    clearTimeout(this.showTimer);
    clearTimeout(this.hideTimer);
    this.showTimer = this.hideTimer = undefined;
  }

  private scheduleShow(reason: OpenReason) {
    clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
    if (this.open || this.showTimer) return;
    this.showTimer = setTimeout(() => {
      this.showTimer = undefined;
      this.openFor(reason);
    }, this.showDelay);
  }

  private scheduleHide() {
    clearTimeout(this.showTimer);
    this.showTimer = undefined;
    if (!this.open || this.pinned || this.hideTimer) return;
    this.hideTimer = setTimeout(() => {
      this.hideTimer = undefined;
      if (!this.pinned) this.hide();
    }, this.hideDelay);
  }

  // ---- Event handlers --------------------------------------------------------

  /**
   * A click (or Enter, or Space) on the term; clicks inside the popover are its own. A tap that
   * woke a dormant term lands on the host (the button did not exist at pointerdown): it counts too.
   */
  private onClick(event: MouseEvent) {
    const popover = this.popoverElement;
    if (!this.trigger || (popover && event.composedPath().includes(popover))) return;
    if (this.open && this.pinned) this.hide();
    else this.openFor('click');
  }

  private onCloseClick() {
    this.hide(true);
  }

  /** The pointer reached the term or its popover: arm, cancel a pending hide, and (mouse or pen) show after the delay. */
  private onPointerEnter(event: PointerEvent) {
    this.arm();
    clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
    // Touch has no hover: a tap is a click.
    if (event.pointerType === 'mouse' || event.pointerType === 'pen') this.scheduleShow('hover');
  }

  /** The pointer left both the term and its popover (the gap between them starts the grace period). */
  private onPointerLeave(event: PointerEvent) {
    if (event.pointerType === 'mouse' || event.pointerType === 'pen') this.scheduleHide();
  }

  private onFocusIn(event: FocusEvent) {
    this.arm();
    if (event.composedPath()[0] === this.trigger) this.onTriggerFocus();
  }

  private onTriggerFocus() {
    if (this.keepFocusClosed) return;
    // Keyboard focus only: a mouse click focuses the button too, and the click itself opens.
    if (this.trigger?.matches(':focus-visible')) this.scheduleShow('focus');
  }

  private onFocusOut(event: FocusEvent) {
    const next = event.relatedTarget as Node | null;
    if (next && (this.contains(next) || this.shadowRoot?.contains(next) || next === this)) return;
    clearTimeout(this.showTimer);
    this.showTimer = undefined;
    // Focus moved elsewhere on the page: close. (Focus leaving the window keeps a pinned definition.)
    if (this.open && (next || !this.pinned)) this.hide();
  }

  private onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !this.open) return;
    // Ours first: an enclosing dialog must not close with the same key press.
    event.preventDefault();
    event.stopPropagation();
    this.hide(true);
  }

  private onDocumentKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && !event.defaultPrevented && this.open) this.hide();
  }

  private onDocumentPointerDown(event: PointerEvent) {
    if (!event.composedPath().includes(this)) this.hide();
  }
}

defineElement('lesson-term', LessonTerm);

/**
 * Creates the `<lesson-term term="id">` a glossary wraps an occurrence in,
 * dormant (see LessonTerm) when `dormant` is true: style the tree it goes
 * into with `styleDormantTerms()` first, and pass what that returned.
 */
export function createLinkedTerm(doc: Document, id: string, dormant: boolean): HTMLElement {
  creatingLinked = dormant;
  let term: HTMLElement;
  try {
    term = doc.createElement('lesson-term');
  } finally {
    creatingLinked = false;
  }
  term.setAttribute('term', id);
  if (isDormant(term)) for (const [name, value] of DORMANT_ATTRIBUTES) term.setAttribute(name, value);
  return term;
}

const styledRoots = new WeakSet<Node>();

/**
 * Adds the look of dormant terms to `root` (the document or shadow root the
 * glossary is in), once. False where that is not possible: link full terms there.
 */
export function styleDormantTerms(root: Node): boolean {
  if (styledRoots.has(root)) return true;
  const sheet = dormantStyles.styleSheet;
  if (!sheet || !('adoptedStyleSheets' in root)) return false;
  const scope = root as Document | ShadowRoot;
  try {
    scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
  } catch {
    return false; // A document of another window cannot adopt this window's sheet.
  }
  styledRoots.add(root);
  return true;
}

/**
 * The glossary's listener for `pointerover`, `focusin` and `click`: wakes the
 * dormant term the event reached, one listener for every term it linked. A
 * click that reaches a dormant term (a screen reader's, a script's) opens it.
 */
export function wakeLinkedTerm(event: Event): void {
  const target = event.target as Element | null;
  if (target?.localName !== 'lesson-term' || !isDormant(target)) return;
  const term = target as LessonTerm;
  wakeTerm(term, event);
  if (event.type === 'click') term.show();
}

declare global {
  interface HTMLElementTagNameMap {
    'lesson-term': LessonTerm;
  }
}
