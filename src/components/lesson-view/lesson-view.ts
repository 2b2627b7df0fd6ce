import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { LessonElement } from '../../core/lesson-element.js';
import { lessonContext } from '../../core/context.js';
import { defineElement } from '../../core/define.js';
import {
  LessonCompleteEvent,
  LessonProgressEvent,
  LessonXapiEvent,
  type LessonAnswerEvent,
  type LessonCompleteEvent as CompleteEvent,
} from '../../core/events.js';
import { renderBlocks, richText } from '../../core/rich-text.js';
import { findById, type Lesson } from '../../core/schema.js';
import { progressKey } from '../../core/storage.js';
import { baseStyles } from '../../core/styles.js';
import { mergeProgress, recordProgress, totals, type ProgressState } from './progress.js';
import { chooseSections, SECTION_TITLES, trackedParts, type SectionName } from './sections.js';
import { buildStatement, score as xapiScore, uuid, type StatementInput, type XapiActor } from './xapi.js';
import { LrsClient } from './lrs.js';
import { styles } from './lesson-view.styles.js';
import '../dialogue/dialogue.js';
import '../pros-cons/pros-cons.js';
import { practiceLoader } from '../pros-cons/practice-loader.js';
import '../mnemonic/mnemonic.js';
import '../flashcards/flashcards.js';
import '../glossary/glossary.js';
import '../glossary/term.js';
import './strings.js';

type SummaryLevel = 'quick' | 'standard' | 'detailed';
const SUMMARY_LEVELS: SummaryLevel[] = ['quick', 'standard', 'detailed'];
/** Sections a learner completes by reading: they count once seen. */
const READING_SECTIONS: SectionName[] = ['summaries', 'key-concepts', 'examples', 'glossary', 'links'];

/**
 * @summary The whole lesson, interactive: summaries, dialogues, pros and cons,
 * key concepts, examples, memory aids, flashcards, glossary and links, with a
 * table of contents, progress, completion, score and xAPI statements.
 *
 * @csspart base - The article wrapping the lesson.
 * @csspart header - Title, description and progress.
 * @csspart title - The lesson title.
 * @csspart progress - The progress summary (bar and text).
 * @csspart toc - The table of contents.
 * @csspart section - Each section.
 * @csspart section-title - Each section heading.
 * @csspart tabs - The summary level tabs.
 * @csspart tab - One summary level tab.
 * @csspart tab-panel - The summary text.
 * @csspart error - The error view (role=alert) when the lesson cannot be shown.
 * @csspart error-messages - The list of error messages.
 * @csspart retry - The Retry button of the error view.
 * @csspart loading - The loading placeholder.
 * @csspart notice - The notice shown when progress cannot be saved.
 * @csspart link - Links in lesson text.
 *
 * @cssprop --lesson-view-max-width - Widest the reading column grows (default 60rem).
 * @cssprop --lesson-view-section-gap - Space between sections.
 * @cssprop --lesson-view-toc-background - Background of the table of contents.
 *
 * @fires lesson-progress - The lesson's completion or score changed: `{ id: lessonId, progress, score? }`.
 * @fires lesson-complete - Every shown section is done: `{ id: lessonId, score?, maxScore? }`.
 * @fires lesson-xapi - An xAPI statement: `{ statement }`.
 * @fires lesson-load - The lesson was loaded and validated.
 * @fires lesson-error - The lesson could not be loaded or is invalid.
 * @fires lesson-storage - Progress cannot be saved and is kept in memory.
 */
export class LessonView extends LessonElement {
  static override styles = [baseStyles, styles];

  /** Which sections to show, in order, comma or space separated (`"dialogues, flashcards"`); all by default. */
  @property() sections = '';

  /** The level of the lesson title heading (1 to 5); section headings are one below. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** The xAPI activity IRI of the lesson; defaults to `urn:lesson-elements:<lesson id>`. */
  @property({ attribute: 'activity-id' }) activityId = '';

  /** An LRS endpoint to send xAPI statements to (statements are also fired as `lesson-xapi` events). */
  @property({ attribute: 'lrs-endpoint' }) lrsEndpoint = '';

  /** The LRS Authorization header value (e.g. `Basic …`). A property only: credentials never go in markup. */
  @property({ attribute: false }) lrsAuthorization: string | undefined;

  /** The learner, as an xAPI actor (`{ name, mbox }` or `{ account: { homePage, name } }`). */
  @property({ attribute: false }) actor: XapiActor = { name: 'Anonymous learner', account: { homePage: 'urn:lesson-elements', name: 'anonymous' } };

  /** Hides the table of contents. */
  @property({ type: Boolean, attribute: 'no-toc' }) noToc = false;

  @state() private summaryLevel: SummaryLevel = 'standard';
  @state() private progressState: ProgressState = {};

  private readonly provider = new ContextProvider(this, { context: lessonContext });
  private shownSections: SectionName[] = [];
  private registration = uuid();
  private completed = false;
  private readObserver: IntersectionObserver | undefined;
  private lrs: LrsClient | undefined;
  private lastReported = '';
  private readonly onHashChange = () => this.scrollToHash();
  private readonly onPageHide = () => this.terminate();
  private terminated = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener('pagehide', this.onPageHide);
    this.addEventListener('lesson-complete', this.onChildComplete);
    this.addEventListener('lesson-answer', this.onChildAnswer);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener('pagehide', this.onPageHide);
    this.removeEventListener('lesson-complete', this.onChildComplete);
    this.removeEventListener('lesson-answer', this.onChildAnswer);
    this.readObserver?.disconnect();
    this.terminate();
    this.lrs?.dispose();
  }

  protected override lessonChanged(lesson: Lesson): void {
    const { sections, unknown } = chooseSections(lesson, this.sections);
    if (unknown.length) console.warn(`<lesson-view>: unknown sections ignored: ${unknown.join(', ')}`);
    if (!sections.length) {
      this.setLessonError({ kind: 'not-found', messages: [this.t('errorEmpty')] });
      return;
    }
    this.shownSections = sections;
    // The view shows pros and cons as sort-it practice, whose code is a lazy chunk: fetch it now, while
    // the view renders, instead of after <lesson-pros-cons> asks for it (one round trip off the critical path).
    if (sections.includes('pros-cons') && lesson.prosCons?.length) practiceLoader.load().catch(() => undefined);
    this.provider.setValue(this.contextValue(lesson));
    const savedLevel = this.readProgress('summary-level');
    if (SUMMARY_LEVELS.includes(savedLevel as SummaryLevel)) this.summaryLevel = savedLevel as SummaryLevel;
    this.progressState = mergeProgress({}, this.readProgress('view-progress'));
    this.completed = this.totals().completion >= 1;
    this.registration = uuid();
    this.terminated = false;
    this.connectLrs();
    this.sendStatement({ verb: 'initialized', name: lesson.title });
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('sections') && this.data && changed.get('sections') !== undefined) this.lessonChanged(this.data);
    // The queue is kept per lesson: (re)connect once the lesson is known (lessonChanged does it on load).
    if ((changed.has('lrsEndpoint') || changed.has('lrsAuthorization') || changed.has('store')) && this.data) this.connectLrs();
    // Children keep their progress in the view's store: hand a new one down.
    if (changed.has('store') && this.data) this.provider.setValue(this.contextValue(this.data));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('data') && this.data) {
      this.observeReading();
      // The sections are shown through the glossary wrapper's slot: follow the link once it has rendered.
      const wrapper = this.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>('lesson-glossary.sections');
      void Promise.resolve(wrapper?.updateComplete).then(() => requestAnimationFrame(() => this.scrollToHash()));
    }
  }

  /** The parts whose completion counts, across the shown sections. */
  private get parts(): string[] {
    return this.data ? this.shownSections.flatMap((name) => trackedParts(this.data as Lesson, name)) : [];
  }

  private totals() {
    return totals(this.progressState, this.parts);
  }

  /** Lesson completion between 0 and 1 (share of tracked parts done). */
  get completion(): number {
    return this.totals().completion;
  }

  /** The practice score so far, scaled 0 to 1, or undefined before any practice. */
  get score(): number | undefined {
    return this.totals().score?.scaled;
  }

  private connectLrs() {
    this.lrs?.dispose();
    this.lrs = undefined;
    if (!this.lrsEndpoint || !this.data) return;
    this.lrs = new LrsClient({
      endpoint: this.lrsEndpoint,
      ...(this.lrsAuthorization ? { authorization: this.lrsAuthorization } : {}),
      store: this.progressStore,
      queueKey: progressKey(this.data.id, 'xapi-queue'),
    });
    void this.lrs.flush();
  }

  private sendStatement(input: StatementInput) {
    if (!this.data) return;
    const statement = buildStatement(input, {
      actor: this.actor,
      lessonActivity: this.activityId || `urn:lesson-elements:${this.data.id}`,
      registration: this.registration,
      lang: this.data.lang,
    });
    this.emit(new LessonXapiEvent(statement));
    void this.lrs?.send(statement);
  }

  /** Which tracked part an event from a child element is about. */
  private partOf(event: Event, id: string): string | undefined {
    const parts = this.parts;
    if (parts.includes(id)) return id;
    const origin = event.composedPath().find((node): node is HTMLElement => node instanceof HTMLElement && Boolean(node.dataset.part));
    const part = origin?.dataset.part;
    return part && parts.includes(part) ? part : undefined;
  }

  private readonly onChildComplete = (event: CompleteEvent) => {
    // At the host every event looks like its own (retargeted): ask where it really started.
    if (event.composedPath()[0] === this || !this.data || event.detail.id === this.data.id) return;
    const part = this.partOf(event, event.detail.id);
    if (!part) return;
    const { score, maxScore } = event.detail;
    this.markPart(part, { progress: 1, ...(score !== undefined && maxScore ? { score, maxScore } : {}) });
  };

  private readonly onChildAnswer = (event: LessonAnswerEvent) => {
    const { id, correct, response } = event.detail;
    this.sendStatement({ verb: 'answered', partId: id, name: id, interaction: true, result: { success: correct, response } });
  };

  private markPart(part: string, update: { progress: number; score?: number; maxScore?: number }) {
    if (!this.data) return;
    const before = this.progressState[part];
    this.progressState = recordProgress(this.progressState, part, update);
    if (JSON.stringify(before) === JSON.stringify(this.progressState[part])) return;
    // Another view of this lesson (another tab, the same page) may have saved parts since: keep them too.
    this.progressState = mergeProgress(this.progressState, this.readProgress('view-progress'));
    this.writeProgress(this.progressState, 'view-progress');
    const name = this.partName(part);
    if (update.progress >= 1 && (before?.progress ?? 0) < 1) {
      const result = update.score !== undefined && update.maxScore ? { completion: true, score: xapiScore(update.score, update.maxScore) } : { completion: true };
      this.sendStatement({ verb: READING_SECTIONS.includes(part as SectionName) ? 'experienced' : 'completed', partId: part, name, result });
    }
    this.reportLesson();
  }

  /** The display name of a tracked part: a section's title, or the item's own title. */
  private partName(part: string): string {
    if (part in SECTION_TITLES) return this.t(SECTION_TITLES[part as SectionName]);
    const item = this.data && (findById(this.data, part)?.item as { title?: string } | undefined);
    return item?.title ?? part;
  }


  /** Emits the lesson's aggregate progress, and completion once. */
  private reportLesson() {
    if (!this.data) return;
    const result = this.totals();
    const key = `${result.completion}:${result.score?.scaled ?? ''}`;
    if (key === this.lastReported) return;
    this.lastReported = key;
    this.emit(new LessonProgressEvent({ id: this.data.id, progress: result.completion, ...(result.score ? { score: result.score.scaled } : {}) }));
    this.sendStatement({
      verb: 'progressed',
      name: this.data.title,
      result: { extensions: { 'https://w3id.org/xapi/cmi5/result/extensions/progress': Math.round(result.completion * 100) } },
    });
    if (result.completion >= 1 && !this.completed) {
      this.completed = true;
      const score = result.score;
      this.emit(new LessonCompleteEvent({ id: this.data.id, ...(score ? { score: score.raw, maxScore: score.max } : {}) }));
      this.sendStatement({
        verb: 'completed',
        name: this.data.title,
        result: { completion: true, ...(score ? { score: xapiScore(score.raw, score.max) } : {}) },
      });
      this.announce(this.t('viewComplete'));
    }
  }

  private terminate() {
    if (this.terminated || !this.data) return;
    this.terminated = true;
    this.sendStatement({ verb: 'terminated', name: this.data.title });
  }

  /** Reading sections count as done once most of them has been on screen. */
  private observeReading() {
    this.readObserver?.disconnect();
    if (typeof IntersectionObserver === 'undefined') return;
    this.readObserver = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const part = (entry.target as HTMLElement).dataset.read;
          if (part) this.markPart(part, { progress: 1 });
          this.readObserver?.unobserve(entry.target);
        }
      },
      { threshold: 0.4 },
    );
    for (const section of this.renderRoot.querySelectorAll('[data-read]')) this.readObserver.observe(section);
  }

  /** Deep links: `#section-id` or `#item-id` scrolls to it inside the shadow root and moves focus there. */
  private scrollToHash() {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id || !this.data) return;
    const target = this.renderRoot.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`);
    if (!target) return;
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }

  /** A contents link to the section already in the URL fires no `hashchange`: go there all the same. */
  private onContentsClick(event: MouseEvent) {
    if ((event.currentTarget as HTMLAnchorElement).hash === location.hash) this.scrollToHash();
  }

  private heading(level: number, content: unknown, id?: string, part = 'section-title') {
    const clamped = Math.min(Math.max(level, 1), 6);
    return html`<div role="heading" aria-level=${clamped} class="heading level-${Math.min(clamped - this.headingLevel, 2)}" part=${part} id=${id ?? nothing}>${content}</div>`;
  }

  private selectSummary(level: SummaryLevel, focus = false) {
    this.summaryLevel = level;
    this.writeProgress(level, 'summary-level');
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${level}`)?.focus());
  }

  private onTabKey(event: KeyboardEvent, levels: SummaryLevel[]) {
    const index = levels.indexOf(this.summaryLevel);
    const rtl = this.uiDir === 'rtl';
    const step: Record<string, number> = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 };
    let next: number | undefined;
    if (event.key in step) next = (index + (step[event.key] ?? 0) + levels.length) % levels.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = levels.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    this.selectSummary(levels[next] as SummaryLevel, true);
  }

  private renderSummaries(lesson: Lesson) {
    const summaries = lesson.summaries ?? {};
    const levels = SUMMARY_LEVELS.filter((level) => (level === 'detailed' ? summaries.detailed?.length : summaries[level]));
    const current = levels.includes(this.summaryLevel) ? this.summaryLevel : (levels[0] as SummaryLevel);
    const labels: Record<SummaryLevel, string> = {
      quick: this.t('viewSummaryQuick'),
      standard: this.t('viewSummaryStandard'),
      detailed: this.t('viewSummaryDetailed'),
    };
    return html`<div role="tablist" part="tabs" aria-label=${this.t('viewSummaryLevel')} @keydown=${(e: KeyboardEvent) => this.onTabKey(e, levels)}>
        ${levels.map(
          (level) => html`<button
            role="tab"
            part="tab"
            id="tab-${level}"
            aria-selected=${level === current ? 'true' : 'false'}
            aria-controls="summary-${level}"
            tabindex=${level === current ? 0 : -1}
            @click=${() => this.selectSummary(level)}
          >
            ${labels[level]}
          </button>`,
        )}
      </div>
      ${levels.map(
        // Every level stays rendered and only `hidden` changes: switching never rewrites text the glossary has linked.
        (level) => html`<div role="tabpanel" part="tab-panel" id="summary-${level}" aria-labelledby="tab-${level}" tabindex="0" ?hidden=${level !== current}>
          ${level === 'detailed' ? renderBlocks(summaries.detailed, this.headingLevel + 2) : html`<p>${richText(summaries[level])}</p>`}
        </div>`,
      )}`;
  }

  private renderSection(lesson: Lesson, name: SectionName) {
    const level = this.headingLevel + 1;
    const parts = trackedParts(lesson, name);
    const done = parts.length > 0 && parts.every((part) => (this.progressState[part]?.progress ?? 0) >= 1);
    const body = this.renderSectionBody(lesson, name);
    return html`<section part="section" id=${name} data-read=${READING_SECTIONS.includes(name) ? name : nothing} class=${done ? 'done' : ''}>
      ${this.heading(level, this.t(SECTION_TITLES[name]), `${name}-title`)} ${body}
    </section>`;
  }

  private renderSectionBody(lesson: Lesson, name: SectionName) {
    // Child elements title their parts one level below the section heading.
    const childLevel = Math.min(this.headingLevel + 2, 6);
    switch (name) {
      case 'summaries':
        return this.renderSummaries(lesson);
      case 'dialogues':
        return (lesson.dialogues ?? []).map(
          (dialogue) => html`<lesson-dialogue id=${dialogue.id} data-part=${dialogue.id} dialogue=${dialogue.id} mode="step" heading-level=${childLevel}></lesson-dialogue>`,
        );
      case 'pros-cons':
        return html`${(lesson.prosCons ?? []).map((group) => html`<lesson-pros-cons id=${group.id} group=${group.id} heading-level=${childLevel}></lesson-pros-cons>`)}
          <div class="practice">
            <lesson-pros-cons data-part="pros-cons" ?compare=${(lesson.prosCons ?? []).length > 1} mode="practice" heading-level=${childLevel}></lesson-pros-cons>
          </div>`;
      case 'key-concepts':
        return html`<dl class="concepts">
          ${(lesson.keyConcepts ?? []).map(
            (concept) => html`<div id=${concept.id}><dt>${concept.title ?? ''}</dt><dd>${richText(concept.text)}</dd></div>`,
          )}
        </dl>`;
      case 'examples':
        return html`<ul class="examples">
          ${(lesson.examples ?? []).map(
            (example) => html`<li id=${example.id}>${example.title ? html`<strong>${example.title}: </strong>` : nothing}${richText(example.text)}</li>`,
          )}
        </ul>`;
      case 'memory-aids':
        return html`<lesson-mnemonic data-part="memory-aids" heading-level=${childLevel}></lesson-mnemonic>`;
      case 'flashcards':
        return html`<lesson-flashcards data-part="flashcards" modes="browse study type" from=${lesson.flashcards?.length ? 'flashcards' : 'glossary'} heading-level=${childLevel}></lesson-flashcards>`;
      case 'glossary':
        return html`<lesson-glossary view="list" heading-level=${childLevel}></lesson-glossary>`;
      case 'links':
        return html`<ul class="links">
          ${(lesson.links ?? []).map(
            (link) => html`<li id=${link.id ?? nothing}><a part="link" href=${this.resolveHref(link.url)}>${link.title}</a>${link.description ? html` — ${richText(link.description)}` : nothing}</li>`,
          )}
        </ul>`;
    }
  }

  private renderProgress() {
    const result = this.totals();
    const percent = Math.round(result.completion * 100);
    return html`<div part="progress" class="progress">
      <progress max="100" .value=${percent} aria-label=${this.t('viewProgressLabel')}></progress>
      <span>${this.t('viewProgressText', { percent, done: result.done, total: result.total })}</span>
      ${result.score ? html`<span>${this.t('score', { score: result.score.raw, max: result.score.max })}</span>` : nothing}
    </div>`;
  }

  protected renderLesson(lesson: Lesson) {
    const sections = this.shownSections;
    return html`<article part="article" class="view" aria-labelledby="lesson-title">
      <header part="header">
        ${this.heading(this.headingLevel, lesson.title, 'lesson-title', 'title')}
        ${lesson.description ? html`<p class="description">${richText(lesson.description)}</p>` : nothing} ${this.renderProgress()}
      </header>
      ${this.noToc || sections.length < 2
        ? nothing
        : html`<nav part="toc" aria-label=${this.t('viewContents')}>
            <ol>
              ${sections.map((name) => {
                const parts = trackedParts(lesson, name);
                const doneCount = parts.filter((part) => (this.progressState[part]?.progress ?? 0) >= 1).length;
                const done = parts.length > 0 && doneCount === parts.length;
                return html`<li class=${done ? 'done' : ''}>
                  <a href="#${name}" @click=${this.onContentsClick}>${this.t(SECTION_TITLES[name])}</a>
                  <span class="mark" aria-hidden="true">${done ? '✓' : parts.length > 1 ? `${doneCount}/${parts.length}` : ''}</span>
                  ${done ? html`<span class="visually-hidden">(${this.t('viewSectionDone')})</span>` : nothing}
                </li>`;
              })}
            </ol>
          </nav>`}
      <lesson-glossary class="sections" link="first">${sections.map((name) => this.renderSection(lesson, name))}</lesson-glossary>
    </article>`;
  }
}

defineElement('lesson-view', LessonView);

declare global {
  interface HTMLElementTagNameMap {
    'lesson-view': LessonView;
  }
}

