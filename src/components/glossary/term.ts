import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { lessonContext } from '../../core/context.js';
import { defineElement } from '../../core/define.js';
import { LessonTermEvent, type LessonErrorDetail } from '../../core/events.js';
import { LessonElement } from '../../core/lesson-element.js';
import { plainText, richText } from '../../core/rich-text.js';
import type { GlossaryEntry, Lesson } from '../../core/schema.js';
import { baseStyles } from '../../core/styles.js';
import { LINK_ATTRIBUTE } from './dom-linker.js';
import { findEntry, termKey } from './lookup.js';
import { placePopover, type Placement } from './position.js';
import { styles } from './term.styles.js';
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
 * The words a `<lesson-glossary>` links are plain buttons until a reader
 * reaches them (an article may link a thousand): the first pointer, focus or
 * click puts a `<lesson-term>` in the button's place, rendered with the
 * glossary's lesson, before it responds. The custom properties below style
 * those buttons too.
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
   * Focus on the term (`term.focus()`) goes to its button.
   * @internal
   */
  static override shadowRootOptions: ShadowRootInit = { ...LessonElement.shadowRootOptions, delegatesFocus: true };

  /** The glossary entry to show: its id, its term or one of its aliases, in any case. Defaults to the element's text. */
  @property() term = '';

  /** Whether the definition is showing. Reflected. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Milliseconds of hover or keyboard focus before the definition shows. */
  @property({ attribute: 'show-delay', type: Number }) showDelay = 400;

  /** Milliseconds the definition stays after the pointer leaves, so it can move into the popover. */
  @property({ attribute: 'hide-delay', type: Number }) hideDelay = 300;

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
   * Listeners on the host, not in the template: the term's first render binds nothing.
   * The popover is inside the host's shadow tree, so for the pointer the term and its popover are one region.
   */
  constructor() {
    super();
    this.addEventListener('click', (event) => this.onClick(event));
    this.addEventListener('keydown', (event) => this.onKeyDown(event));
    this.addEventListener('focusin', (event) => this.onFocusIn(event));
    this.addEventListener('focusout', (event) => this.onFocusOut(event));
    this.addEventListener('pointerenter', (event) => this.onPointerEnter(event));
    this.addEventListener('pointerleave', (event) => this.onPointerLeave(event));
    // Added and removed while open: bound once, here.
    this.onDocumentKeyDown = this.onDocumentKeyDown.bind(this);
    this.onDocumentPointerDown = this.onDocumentPointerDown.bind(this);
  }

  protected override createRenderRoot() {
    const root = super.createRenderRoot();
    root.addEventListener('slotchange', () => this.onSlotChange());
    return root;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.listenForLateProvider();
  }

  /**
   * Puts a rendered term in place of a glossary's link (a plain button, see
   * `LINK_ATTRIBUTE`) that `event` reached, and hands the event on: focus
   * moves to the term's button (never through the page's body), a pointer
   * arriving starts the hover delay, and a click opens it. The term gets
   * the glossary's lesson through the context, so it renders at once.
   * @internal
   */
  static replaceLink(link: Element, event: Event): LessonTerm {
    const term = link.ownerDocument.createElement('lesson-term');
    term.setAttribute('term', link.getAttribute(LINK_ATTRIBUTE) ?? '');
    const focused = link.matches(':focus');
    const focusVisible = focused && link.matches(':focus-visible');
    term.append(...link.childNodes);
    link.before(term);
    if (term.isUpdatePending) term.performUpdate();
    // `focusVisible`: the ring stays for a keyboard user (where the option is not known, the browser decides).
    if (focused) term.trigger?.focus({ focusVisible } as FocusOptions);
    link.remove();
    if (event.type === 'pointerover') term.onPointerEnter(event as PointerEvent);
    if (event.type === 'click') term.show();
    return term;
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

  /** A page full of terms hears one `lesson-load` (from the glossary), not a thousand. */
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
          ? html`<a part="more" href=${this.resolveHref(entry.url)} lang=${ui}>${this.t('termMore', { term: entry.term })}</a>`
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
   * A click (or Enter, or Space) on the term; clicks inside the popover are its own. A click on
   * the host outside its button (a script's `term.click()`) counts too.
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

declare global {
  interface HTMLElementTagNameMap {
    'lesson-term': LessonTerm;
  }
}
