import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ContextProvider } from '@lit/context';
import { lessonContext } from '../../core/context.js';
import { defineElement } from '../../core/define.js';
import { LessonElement } from '../../core/lesson-element.js';
import { richText } from '../../core/rich-text.js';
import type { GlossaryEntry, Lesson } from '../../core/schema.js';
import { baseStyles } from '../../core/styles.js';
import { LINK_ATTRIBUTE, linkTerms, type ResolveTerm } from './dom-linker.js';
import { styles } from './glossary.styles.js';
import { createMatcher, type TermMatcher } from './linker.js';
import { filterEntries, findEntry, groupByLetter, termKey } from './lookup.js';
// The terms its links become: term.ts (imported by link.ts) defines <lesson-term> (listed in package.json sideEffects).
import { createTerm, reachLink, styleLinks } from './link.js';
import './strings.js';

const NO_ENTRIES: readonly GlossaryEntry[] = [];
const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };
const matchers = new WeakMap<readonly GlossaryEntry[], TermMatcher>();
/** One matcher per glossary, however many elements show it. */
function matcherFor(entries: readonly GlossaryEntry[]): TermMatcher {
  let matcher = matchers.get(entries);
  if (!matcher) matchers.set(entries, (matcher = createMatcher(entries)));
  return matcher;
}

/** The id prefix of list entries: `#glossary-gil` links to the entry `gil`. */
export const ENTRY_ID_PREFIX = 'glossary-';

/**
 * @summary Links glossary terms in your own content, or shows the whole
 * glossary as an A to Z list with a filter.
 *
 * In the default `text` view the element wraps your markup and turns the
 * glossary terms in it into `<lesson-term>` popovers (each a plain
 * `<button data-lesson-term="id">` until a reader reaches it: a thousand
 * links cost what a thousand spans do): longest match first
 * ("Global Interpreter Lock" before "Lock"), whole words, aliases too, the
 * first occurrence in each section (`link="all"` for every one). Code, pre,
 * links, headings, buttons, form fields, existing terms and anything marked
 * `data-no-glossary` are left alone, and so is the rest of your markup. Text
 * added later is linked as it arrives. A section starts at each `<section>`
 * or `<article>` and after each heading.
 *
 * In the `list` view it shows every entry A to Z in a definition list, each
 * with an id for deep links (`#glossary-gil`), and a filter box.
 *
 * The lesson comes from `src` (any fragment is ignored), the `lesson`
 * property, an inline JSON script, or an enclosing `<lesson-view>`; the terms
 * inside get it from this element, so the page fetches the lesson once.
 * Without JavaScript your content reads as written; in print, the
 * definitions of the linked terms follow it as notes.
 *
 * @slot - Your content: an article, a section, paragraphs. In list view it is shown above the list (a heading, an introduction).
 *
 * @csspart base - The wrapper.
 * @csspart notes - The print-only list of the linked terms' definitions.
 * @csspart list-view - The A to Z view.
 * @csspart filter - The filter box's row (label and field).
 * @csspart filter-input - The filter field.
 * @csspart count - How many terms the filter shows (announced politely).
 * @csspart index - The letter navigation.
 * @csspart group - One letter's group.
 * @csspart letter - A letter heading.
 * @csspart list - A letter's definition list.
 * @csspart entry - One entry (term and definition).
 * @csspart target - The entry a deep link points at.
 * @csspart term - An entry's term.
 * @csspart aliases - An entry's other names.
 * @csspart definition - An entry's definition.
 * @csspart more - An entry's "More about…" link.
 * @csspart link - Links inside definitions.
 * @csspart error - The error message (shown above your content, which stays).
 * @csspart error-messages - The list of error details.
 * @csspart retry - The Try again button.
 * @csspart loading - The wrapper while the lesson loads (your content shows).
 * @csspart notice - A storage notice (never shown: the glossary saves no progress).
 *
 * @cssprop --lesson-glossary-letter-color - The letter headings' colour. Default: accent.
 * @cssprop --lesson-glossary-entry-gap - Space between entries. Default: `--lesson-space-m`.
 * @cssprop --lesson-glossary-target-background - Background of the entry a deep link points at. Default: highlight.
 * @cssprop --lesson-glossary-term-width - Width of the term column in wide containers. Default: 14rem.
 *
 * @fires lesson-load - The lesson was loaded and validated.
 * @fires lesson-error - The lesson could not be loaded, is invalid, or has no glossary.
 * @fires lesson-term - Bubbles up from the terms inside: a definition opened or closed (`{ termId, open }`).
 */
export class LessonGlossary extends LessonElement {
  static override styles = [baseStyles, styles];

  /** `text` links the terms in your content; `list` shows the whole glossary A to Z. */
  @property({ reflect: true }) view: 'text' | 'list' = 'text';

  /** Which occurrences become links: the `first` in each section, `all`, or `none` (terms you wrote still work). */
  @property() link: 'first' | 'all' | 'none' = 'first';

  /** The level of the letter headings in list view, 1 to 6. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  @state() private query = '';
  @state() private linkedIds: readonly string[] = [];
  @state() private targetId = '';
  /** The print-only notes are rendered the first time the page is printed (not for every reader). */
  @state() private printing = false;

  /** Terms inside get the lesson from here, without fetching. */
  private readonly provider = new ContextProvider(this, { context: lessonContext });
  private observer: MutationObserver | undefined;
  private printQuery: MediaQueryList | undefined;

  constructor() {
    super();
    // Its links are plain buttons until a reader reaches one: this makes the one reached a <lesson-term>.
    for (const type of ['pointerover', 'focusin', 'click']) this.addEventListener(type, reachLink);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved to another document or shadow root, its links need their look there too.
    if (this.data) styleLinks(this.getRootNode());
    this.observer ??= new MutationObserver(() => this.linkContent());
    this.observer.observe(this, OBSERVED);
    const win = this.ownerDocument.defaultView;
    win?.addEventListener('hashchange', this.onHashChange);
    win?.addEventListener('beforeprint', this.onPrint);
    this.printQuery ??= win?.matchMedia('print');
    this.printQuery?.addEventListener('change', this.onPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    const win = this.ownerDocument.defaultView;
    win?.removeEventListener('hashchange', this.onHashChange);
    win?.removeEventListener('beforeprint', this.onPrint);
    this.printQuery?.removeEventListener('change', this.onPrint);
  }

  /** Before the page prints: render the notes now, synchronously, so they are in the printout. */
  private onPrint = () => {
    if (this.printing) return;
    this.printing = true;
    this.performUpdate();
  };

  protected override lessonChanged(lesson: Lesson): void {
    this.provider.setValue(this.contextValue(lesson));
    if (!lesson.glossary?.length) this.setLessonError({ kind: 'not-found', messages: [this.t('errorEmpty')] });
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('data') || changed.has('link') || changed.has('view')) this.linkContent();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if ((changed.has('data') || changed.has('view')) && this.data && this.view === 'list') void this.showTarget(false);
  }

  /**
   * Links the terms in the content (the first pass, and again whenever the
   * content changes), and notes which entries it links for print.
   */
  private linkContent() {
    const lesson = this.data;
    if (!lesson || this.view !== 'text') return;
    const entries = lesson.glossary ?? NO_ENTRIES;
    const resolve: ResolveTerm = (element) => findEntry(entries, element.getAttribute(LINK_ATTRIBUTE) ?? termKey(element))?.id;
    const matcher = matcherFor(this.link === 'none' ? NO_ENTRIES : entries);
    // Our own insertions are not new content: stop watching while we make them, so they are never linked again.
    // (Changes waiting in the observer are covered by this pass.)
    this.observer?.disconnect();
    const styled = styleLinks(this.getRootNode());
    const { linkedIds } = linkTerms(this, matcher, resolve, { all: this.link === 'all', createTerm: styled ? undefined : createTerm });
    if (this.isConnected) this.observer?.observe(this, OBSERVED);
    if (linkedIds.join('\n') !== this.linkedIds.join('\n')) this.linkedIds = linkedIds;
  }

  protected override render() {
    if (this.loadState === 'ready' && this.data) return super.render();
    // Loading or failed: the author's content stays readable, under the error if there is one.
    if (this.loadState === 'error') return html`${super.render()}<slot></slot>`;
    // The list view has no content of its own until the lesson arrives: say it is loading, never a blank box.
    if (this.view === 'list') {
      return html`<div part="base loading" class="base" dir=${this.uiDir} lang=${this.uiLang}>
        <slot></slot>
        <p class="loading" aria-busy="true">${this.loadState === 'loading' ? this.t('loading') : nothing}</p>
      </div>`;
    }
    return html`<div part="base loading" class="base" dir=${this.uiDir} lang=${this.uiLang}><slot></slot></div>`;
  }

  protected override renderLesson(lesson: Lesson) {
    return this.view === 'list' ? this.renderList(lesson) : html`<slot></slot>${this.renderNotes(lesson)}`;
  }

  /** For print only: the definitions of the terms linked in the content, in order of appearance. */
  private renderNotes(lesson: Lesson) {
    if (!this.printing) return nothing;
    const entries = this.linkedIds
      .map((id) => lesson.glossary?.find((entry) => entry.id === id))
      .filter((entry): entry is GlossaryEntry => !!entry);
    if (!entries.length) return nothing;
    return html`<aside part="notes" class="notes" aria-labelledby="notes-title">
      <p class="notes-title" id="notes-title">${this.t('glossaryNotesTitle')}</p>
      <dl lang=${lesson.lang}>
        ${entries.map((entry) => html`<div><dt>${entry.term}</dt><dd>${richText(entry.definition)}</dd></div>`)}
      </dl>
    </aside>`;
  }

  private renderList(lesson: Lesson) {
    const all = lesson.glossary ?? NO_ENTRIES;
    const visible = filterEntries(all, this.query);
    const groups = groupByLetter(visible, lesson.lang);
    const level = Math.min(Math.max(Math.round(this.headingLevel) || 3, 1), 6);
    const lang = lesson.lang;
    // Lesson text keeps its own direction inside a page (or list) laid out the other way.
    const textDir = lesson.dir ?? 'auto';
    return html`<slot></slot>
      <div part="list-view" class="list-view" role="group" aria-label=${this.t('glossaryListLabel')}>
        <div part="filter" class="filter no-print">
          <label for="filter">${this.t('glossaryFilterLabel')}</label>
          <input
            id="filter"
            part="filter-input"
            type="search"
            autocomplete="off"
            spellcheck="false"
            aria-describedby="count"
            .value=${live(this.query)}
            @input=${this.onFilterInput}
          />
        </div>
        <p part="count" id="count" class="count no-print" role="status">
          ${visible.length
            ? this.t('glossaryCount', { count: visible.length, total: all.length })
            : this.t('glossaryNoMatch', { query: this.query.trim() })}
        </p>
        ${groups.length > 1
          ? html`<nav part="index" class="index no-print" aria-label=${this.t('glossaryIndexLabel')}>
              <ul>
                ${groups.map(
                  (group) =>
                    html`<li>
                      <a
                        href="#${ENTRY_ID_PREFIX}letter-${group.key}"
                        aria-label=${group.letter === '#' ? this.t('glossaryOtherSymbols') : nothing}
                        @click=${this.onIndexClick}
                        >${group.letter}</a
                      >
                    </li>`,
                )}
              </ul>
            </nav>`
          : nothing}
        ${groups.map(
          (group) => html`<div part="group" class="group">
            <div
              part="letter"
              class="letter"
              role="heading"
              aria-level=${level}
              id="${ENTRY_ID_PREFIX}letter-${group.key}"
              tabindex="-1"
              aria-label=${group.letter === '#' ? this.t('glossaryOtherSymbols') : nothing}
            >
              ${group.letter}
            </div>
            <dl part="list" class="list">
              ${group.entries.map(
                (entry) => html`<div
                  part=${entry.id === this.targetId ? 'entry target' : 'entry'}
                  class="entry"
                  id="${ENTRY_ID_PREFIX}${entry.id}"
                  tabindex="-1"
                >
                  <dt part="term" lang=${lang} dir=${textDir}>
                    <dfn>${entry.term}</dfn>${entry.aliases?.length
                      ? html` <span part="aliases" class="aliases"
                          >${this.t('termAliases')} <bdi lang=${lang}>${entry.aliases.join(', ')}</bdi></span
                        >`
                      : nothing}
                  </dt>
                  <dd part="definition" lang=${lang} dir=${textDir}>
                    ${richText(entry.definition)}${entry.url
                      ? html` <a part="more" href=${this.resolveHref(entry.url)}>${this.t('termMore', { term: entry.term })}</a>`
                      : nothing}
                  </dd>
                </div>`,
              )}
            </dl>
          </div>`,
        )}
      </div>`;
  }

  private onFilterInput(event: Event) {
    this.query = (event.target as HTMLInputElement).value;
  }

  /** Letter links point into the shadow root, where the page's own fragment navigation cannot reach. */
  private onIndexClick(event: MouseEvent) {
    const id = (event.currentTarget as HTMLAnchorElement).getAttribute('href')!.slice(1);
    const target = this.shadowRoot?.getElementById(id);
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }

  private onHashChange = () => this.showTarget(true);

  /** Deep links: `#glossary-gil` in the page URL scrolls to that entry (clearing a filter that hides it) and marks it. */
  private async showTarget(fromNavigation: boolean) {
    const hash = decodeURIComponent(this.ownerDocument.defaultView?.location.hash.slice(1) ?? '');
    if (this.view !== 'list' || !hash.startsWith(ENTRY_ID_PREFIX)) return;
    const id = hash.slice(ENTRY_ID_PREFIX.length);
    const entry = this.data?.glossary?.find((item) => item.id === id);
    if (!entry) return;
    if (this.query && !filterEntries([entry], this.query).length) this.query = '';
    this.targetId = id;
    await this.updateComplete;
    const element = this.shadowRoot?.getElementById(hash);
    if (!element) return;
    element.scrollIntoView({ block: 'start' });
    if (fromNavigation) element.focus({ preventScroll: true });
  }
}

defineElement('lesson-glossary', LessonGlossary);

declare global {
  interface HTMLElementTagNameMap {
    'lesson-glossary': LessonGlossary;
  }
}
