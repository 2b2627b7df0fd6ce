import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement } from '../../core/define.js';
import { LessonElement } from '../../core/lesson-element.js';
import { renderBlocks, richText } from '../../core/rich-text.js';
import type { Lesson, ProsConsGroup } from '../../core/schema.js';
import { baseStyles } from '../../core/styles.js';
import { compareRows, parseGroupIds, type CompareRow, type Side, type SidedItem } from './compare.js';
import { chevronIcon, conIcon, proIcon } from './icons.js';
import { cachedIntl } from '../../core/intl.js';
import { practiceLoader, type PracticeView } from './practice-loader.js';
import type { PracticeHost } from './practice-view.js';
import { styles } from './pros-cons.styles.js';
import type { PracticeState } from './sort-practice.js';
import './strings.js';
import { appendLazyStyles } from '../../core/lazy-styles.js';

export type ProsConsMode = 'card' | 'practice';

interface Disclosure {
  key: 'explanation' | 'examples' | 'analogies';
  label: string;
  body: unknown;
}

/**
 * Pros and cons of a subject as a card, several subjects compared row by row
 * by aspect, or a sort-it practice that asks the learner to sort each
 * statement as a pro or a con (or, comparing, into its subject).
 *
 * The practice's code is loaded the first time a practice is shown, so
 * readers who only look at the cards never download it; meanwhile the
 * element says it is loading, and a failed load shows an alert with a retry.
 * `updateComplete` waits for it.
 *
 * @summary Pros/cons card, aligned compare view and sort-it practice.
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart loading - The wrapper while the lesson, or the practice's code, loads.
 * @csspart error - The wrapper of the error view (role=alert), also when the practice's code could not be loaded.
 * @csspart error-messages - The list of error messages.
 * @csspart retry - The error view's button that loads the lesson (or the practice) again.
 * @csspart notice - The note shown when progress cannot be saved.
 * @csspart card - One group's card.
 * @csspart subject - The card's title (the group's subject).
 * @csspart pros - The Pros column of a card.
 * @csspart cons - The Cons column of a card.
 * @csspart list-heading - The "Pros" and "Cons" headings.
 * @csspart list - A list of pros or of cons.
 * @csspart item - One pro or con (also `pro` or `con`).
 * @csspart aspect - The aspect label of an item.
 * @csspart kind - The visible "Pro"/"Con" label of an item in the compare table.
 * @csspart disclosure - One disclosure (explanation, examples, analogies).
 * @csspart disclosure-button - The button that opens and closes a disclosure.
 * @csspart disclosure-panel - The content of a disclosure.
 * @csspart compare - The compare view.
 * @csspart compare-title - The compare view's title.
 * @csspart table - The compare table.
 * @csspart subject-header - A subject's column header in the compare table.
 * @csspart aspect-header - An aspect's row header in the compare table.
 * @csspart row - A row of the compare table.
 * @csspart cell - A cell of the compare table.
 * @csspart more - The section with one compared subject's disclosures.
 * @csspart practice - The sort-it practice.
 * @csspart practice-title - The practice title.
 * @csspart instructions - The practice instructions.
 * @csspart progress - "Statement 2 of 8".
 * @csspart statement - The statement being sorted.
 * @csspart choices - The group of choice buttons.
 * @csspart choice - A choice button (Pro, Con, or a subject).
 * @csspart feedback - The feedback on an answer (also `feedback-correct` or `feedback-incorrect`).
 * @csspart next - The button that moves on to the next statement or to the score.
 * @csspart result - The end of the practice: score and review.
 * @csspart score - The score line.
 * @csspart review - The list of answers given.
 * @csspart practice-retry - The "Try again" button that starts a fresh shuffle.
 *
 * @cssprop --lesson-pros-cons-pro-color - Colour of pro headings, icons and rules. Default: `--lesson-color-pro`.
 * @cssprop --lesson-pros-cons-con-color - Colour of con headings, icons and rules. Default: `--lesson-color-con`.
 * @cssprop --lesson-pros-cons-surface - Background of cards, table and practice. Default: `--lesson-color-surface`.
 * @cssprop --lesson-pros-cons-surface-alt - Background of headers, stacked rows and the statement. Default: `--lesson-color-surface-alt`.
 * @cssprop --lesson-pros-cons-border-color - Borders and rules. Default: `--lesson-color-border-subtle`.
 * @cssprop --lesson-pros-cons-radius - Corner radius of cards and rows. Default: `--lesson-radius`.
 * @cssprop --lesson-pros-cons-gap - Space between columns, items and sections. Default: `--lesson-space-m`.
 *
 * @fires lesson-answer - A statement was sorted: `{ id, response, correct }` (response: `pro`, `con` or a group id).
 * @fires lesson-progress - Practice progress: `{ id, progress, score? }` (score 0..1 once complete).
 * @fires lesson-complete - Every statement was sorted: `{ id, score, maxScore }`.
 * @fires lesson-load - The lesson loaded (from the base class).
 * @fires lesson-error - The lesson could not be loaded or the group id is unknown (from the base class).
 */
export class LessonProsCons extends LessonElement {
  static override styles = [baseStyles, styles];

  /** The id of the pros/cons group to show; defaults to the `src` fragment, then the first group. */
  @property() group = '';

  /** Ids of the groups to compare, separated by spaces or commas: `"threading multiprocessing"`. */
  @property() groups = '';

  /** Compares every group of the lesson (when `groups` is not set). */
  @property({ type: Boolean }) compare = false;

  /** `card` shows the content (a card, or the compare view); `practice` runs the sort-it practice. */
  @property({ reflect: true }) mode: ProsConsMode = 'card';

  /** The heading level (1-6) of the element's title; inner headings go one and two levels deeper. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  /** The random source used to shuffle statements (returns numbers in [0, 1)); set it for a repeatable order. */
  @property({ attribute: false }) random: () => number = Math.random;

  /** The groups shown: one for a card, several for the compare view. */
  @state() private selected: ProsConsGroup[] = [];
  @state() private practice: PracticeState | undefined;
  @state() private openPanels: ReadonlySet<string> = new Set();
  /** The practice's code, once loaded. */
  @state() private practiceView: PracticeView | undefined;
  /** The practice's code could not be loaded: an alert with a retry shows. */
  @state() private practiceFailed = false;
  /** The load of the practice's code under way, which `updateComplete` waits for. */
  private practiceLoad: Promise<void> | undefined;

  /** What the practice's code may use of the element. */
  private readonly practiceHost: PracticeHost = {
    groups: () => this.selected,
    state: () => this.practice,
    setState: (state) => (this.practice = state),
    random: () => this.random(),
    id: () => this.practiceId,
    level: () => this.level(),
    textLang: () => this.textLang,
    t: (key, params) => this.t(key, params),
    list: (items, type) => this.formatList(items, type),
    emit: (event) => this.emit(event),
    announce: (text) => this.announce(text),
    focusAfterUpdate: (selector) => void this.focusAfterUpdate(selector),
  };

  protected override lessonChanged(lesson: Lesson): void {
    const selected = this.selectGroups(lesson);
    if (this.loadState !== 'ready') return;
    this.selected = selected;
    this.openPanels = new Set();
    // Without the practice's code yet, the practice starts once it has loaded.
    this.practice = this.mode === 'practice' && this.practiceView ? this.practiceView.start(this.practiceHost) : undefined;
  }

  /** `groups`, then `compare` (every group), then one group: `group`, the `src` fragment, or the first. */
  private selectGroups(lesson: Lesson): ProsConsGroup[] {
    const ids = parseGroupIds(this.groups);
    if (ids.length) {
      const found: ProsConsGroup[] = [];
      for (const id of ids) {
        const group = this.pick(lesson.prosCons, id);
        if (!group) return [];
        found.push(group);
      }
      return found;
    }
    if (this.compare && (lesson.prosCons?.length ?? 0) > 1) return [...lesson.prosCons!];
    const group = this.pick(lesson.prosCons, this.group || this.fragment || undefined);
    return group ? [group] : [];
  }

  protected override willUpdate(changed: PropertyValues): void {
    // The practice's code loads alongside the lesson; a failed load is tried again when the mode is set again.
    if (this.mode === 'practice' && !this.practiceView && (!this.practiceFailed || changed.has('mode'))) {
      void this.loadPractice();
    }
    super.willUpdate(changed);
    const selectionChanged = ['group', 'groups', 'compare', 'mode'].some((key) => changed.has(key));
    const sourceChanged = ['lesson', 'src', 'inheritedLesson'].some((key) => changed.has(key));
    if (!this.hasUpdated || !selectionChanged || sourceChanged) return;
    // The lesson stays loaded after an unknown id, so a corrected id simply selects again.
    if (this.data) this.reselect();
  }

  /** The id reported in practice events: the group's id, or the compared ids joined with "+". */
  private get practiceId(): string {
    return this.selected.map((group) => group.id).join('+');
  }

  /**
   * The language of lesson text, marked on it when it differs from the UI language (a Spanish page
   * showing an English lesson), so screen readers pronounce each in its own language.
   */
  private get textLang(): string | typeof nothing {
    const lang = this.data?.lang;
    return lang && lang.toLowerCase() !== this.uiLang.toLowerCase() ? lang : nothing;
  }

  /** Loads the practice's code (once), then starts the practice if it is still wanted. Never throws. */
  private loadPractice(): Promise<void> {
    this.practiceFailed = false;
    this.practiceLoad ??= this.whileLoading(
      practiceLoader.load().then(
        (view) => {
          // The practice's styles join the element's, after them, before the practice first renders.
          appendLazyStyles(this.renderRoot, view.styles);
          this.practiceView = view;
          if (this.mode === 'practice' && this.loadState === 'ready' && this.selected.length && !this.practice) {
            this.practice = view.start(this.practiceHost);
          }
        },
        (error: unknown) => {
          this.practiceFailed = true;
          console.error(`<${this.localName}>: the sort-it practice could not be loaded`, error);
        },
      )
      ).finally(() => (this.practiceLoad = undefined));
    return this.practiceLoad;
  }

  /** The error view's Retry: loads the practice's code again, then focuses where the learner goes on. */
  private async retryPractice() {
    await this.loadPractice();
    void this.focusAfterUpdate(this.practice ? '[part~="choice"], #result-title' : '[part~="retry"]');
  }

  private level(offset = 0): number {
    const base = Number.isFinite(this.headingLevel) ? Math.round(this.headingLevel) : 3;
    return Math.min(Math.max(base, 1) + offset, 6);
  }

  private formatList(items: string[], type: 'conjunction' | 'disjunction'): string {
    return cachedIntl(`list-${type}`, this.uiLang, (lang) => new Intl.ListFormat(lang, { type })).format(items);
  }

  protected override renderLesson(): unknown {
    if (!this.selected.length) return nothing;
    const content =
      this.selected.length > 1 ? this.renderCompare(this.selected) : this.renderCard(this.selected[0]!, this.level());
    if (this.mode !== 'practice') return content;
    // Printing a practice prints the content it practises, never the controls.
    return html`${this.renderPractice()}<div class="print-only">${content}</div>`;
  }

  /** The practice, or what stands for it while its code loads or after that failed. */
  private renderPractice(): unknown {
    if (this.practiceView && this.practice) return this.practiceView.render(this.practiceHost, this.practice);
    if (this.practiceFailed) {
      return html`<div part="error" class="practice-error" role="alert">
        <p class="error-title">${this.t('prosConsPracticeFailed')}</p>
        <button part="retry" @click=${this.retryPractice}>${this.t('errorRetry')}</button>
      </div>`;
    }
    return html`<div part="loading" class="practice practice-loading" aria-busy="true">
      <span class="loading">${this.t('loading')}</span>
    </div>`;
  }

  // ---- Card ----------------------------------------------------------------

  private renderCard(group: ProsConsGroup, level: number): TemplateResult {
    const titleId = `${group.id}-title`;
    return html`<article part="card" class="card" aria-labelledby=${titleId}>
      <div part="subject" class="subject" role="heading" aria-level=${level} id=${titleId} lang=${this.textLang}>${group.subject}</div>
      <div class="lists">${this.renderSide(group, 'pro', level + 1)}${this.renderSide(group, 'con', level + 1)}</div>
      ${this.renderDisclosures(group, Math.min(level + 1, 6), false)}
    </article>`;
  }

  private renderSide(group: ProsConsGroup, side: Side, level: number): TemplateResult {
    const items = side === 'pro' ? group.pros : group.cons;
    const headingId = `${group.id}-${side}s`;
    return html`<div part=${side === 'pro' ? 'pros' : 'cons'} class="side ${side}">
      <div part="list-heading" class="list-heading" role="heading" aria-level=${Math.min(level, 6)} id=${headingId}>
        ${side === 'pro' ? proIcon : conIcon}<span>${this.t(side === 'pro' ? 'pros' : 'cons')}</span>
      </div>
      ${items.length
        ? html`<ul part="list" class="items" role="list" aria-labelledby=${headingId} lang=${this.textLang}>
            ${items.map(
              (item) => html`<li part="item ${side}" class="item ${side}">
                ${side === 'pro' ? proIcon : conIcon}
                <span class="item-body">
                  ${item.aspect
                    ? html`<span part="aspect" class="aspect">${item.aspect}<span class="visually-hidden">: </span></span>`
                    : nothing}
                  <span class="item-text">${richText(item.text)}</span>
                </span>
              </li>`,
            )}
          </ul>`
        : html`<p class="none">${this.t('prosConsNone')}</p>`}
    </div>`;
  }

  // ---- Disclosures ---------------------------------------------------------

  private renderDisclosures(group: ProsConsGroup, level: number, namedBySubject: boolean): TemplateResult | typeof nothing {
    const disclosures: Disclosure[] = [];
    if (group.explanation?.length) {
      disclosures.push({ key: 'explanation', label: this.t('prosConsExplanation'), body: renderBlocks(group.explanation, Math.min(level + 1, 6)) });
    }
    if (group.examples?.length) {
      disclosures.push({ key: 'examples', label: this.t('prosConsExamples'), body: this.renderTitledList(group.examples) });
    }
    if (group.analogies?.length) {
      disclosures.push({ key: 'analogies', label: this.t('prosConsAnalogies'), body: this.renderTitledList(group.analogies) });
    }
    if (!disclosures.length) return nothing;
    return html`<div class="disclosures">
      ${disclosures.map((disclosure) => this.renderDisclosure(group, disclosure, level, namedBySubject))}
    </div>`;
  }

  private renderDisclosure(group: ProsConsGroup, { key, label, body }: Disclosure, level: number, namedBySubject: boolean) {
    const id = `${group.id}-${key}`;
    const open = this.openPanels.has(id);
    return html`<div part="disclosure" class="disclosure ${key}">
      <div class="disclosure-heading" role="heading" aria-level=${level}>
        <button
          part="disclosure-button"
          class="disclosure-button"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${`${id}-panel`}
          @click=${() => this.toggleDisclosure(id)}
        >
          ${chevronIcon}${namedBySubject ? html`<span class="visually-hidden">${group.subject}: </span>` : nothing}<span>${label}</span>
        </button>
      </div>
      <div part="disclosure-panel" class="panel" id=${`${id}-panel`} ?hidden=${!open} lang=${this.textLang}>${body}</div>
    </div>`;
  }

  private renderTitledList(entries: readonly { id: string; title?: string; text: string }[]) {
    return html`<ul class="titled" role="list">
      ${entries.map(
        (entry) => html`<li>
          ${entry.title ? html`<strong class="entry-title">${entry.title}</strong>` : nothing}
          <p>${richText(entry.text)}</p>
        </li>`,
      )}
    </ul>`;
  }

  private toggleDisclosure(id: string) {
    const open = new Set(this.openPanels);
    if (open.has(id)) open.delete(id);
    else open.add(id);
    this.openPanels = open;
  }

  // ---- Compare ---------------------------------------------------------------

  private renderCompare(groups: ProsConsGroup[]): TemplateResult {
    const level = this.level();
    const rows = compareRows(groups);
    const subjects = this.formatList(
      groups.map((group) => group.subject),
      'conjunction',
    );
    return html`<div part="compare" class="compare ${groups.length > 2 ? 'many' : 'pair'}">
      <div part="compare-title" class="compare-title" role="heading" aria-level=${level} id="compare-title">
        ${this.t('prosConsCompareTitle', { subjects })}
      </div>
      <table part="table" role="table" aria-labelledby="compare-title">
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader" class="aspect-column">${this.t('prosConsAspect')}</th>
            ${groups.map((group) => html`<th scope="col" role="columnheader" part="subject-header" lang=${this.textLang}>${group.subject}</th>`)}
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${rows.map((row) => this.renderRow(row, groups))}
        </tbody>
      </table>
      ${groups.map((group) => {
        const disclosures = this.renderDisclosures(group, Math.min(level + 2, 6), true);
        return disclosures === nothing
          ? nothing
          : html`<div part="more" class="more">
              <div class="more-title" role="heading" aria-level=${Math.min(level + 1, 6)}>
                ${this.t('prosConsMoreAbout', { subject: group.subject })}
              </div>
              ${disclosures}
            </div>`;
      })}
    </div>`;
  }

  private renderRow(row: CompareRow, groups: ProsConsGroup[]): TemplateResult {
    const label =
      row.kind === 'aspect' ? row.label : this.t(row.side === 'pro' ? 'prosConsOtherPros' : 'prosConsOtherCons');
    return html`<tr part="row" role="row" data-key=${row.key}>
      <th scope="row" role="rowheader" part="aspect-header" lang=${row.kind === 'aspect' ? this.textLang : nothing}>${label}</th>
      ${row.cells.map(
        (cell, column) => html`<td part="cell" role="cell">
          <span class="cell-subject" aria-hidden="true">${groups[column]!.subject}</span>
          ${this.renderCell(cell)}
        </td>`,
      )}
    </tr>`;
  }

  private renderCell(cell: SidedItem[]): unknown {
    if (!cell.length) {
      return html`<span class="none"><span aria-hidden="true">—</span><span class="visually-hidden">${this.t('prosConsNotMentioned')}</span></span>`;
    }
    const renderItem = ({ item, side }: SidedItem) => html`${side === 'pro' ? proIcon : conIcon}
      <span class="item-body">
        <span part="kind" class="kind">${this.t(side === 'pro' ? 'prosConsPro' : 'prosConsCon')}<span class="visually-hidden">: </span></span>
        <span class="item-text" lang=${this.textLang}>${richText(item.text)}</span>
      </span>`;
    if (cell.length === 1) {
      const [only] = cell as [SidedItem];
      return html`<div part="item ${only.side}" class="item ${only.side}">${renderItem(only)}</div>`;
    }
    return html`<ul part="list" class="items" role="list">
      ${cell.map((sided) => html`<li part="item ${sided.side}" class="item ${sided.side}">${renderItem(sided)}</li>`)}
    </ul>`;
  }

  // ---- Practice (its code loads on demand: practice-view.ts) ----------------

  /** Starts the practice again with a fresh shuffle. */
  restartPractice(): void {
    if (this.practiceView) this.practiceView.restartPractice(this.practiceHost);
  }

  private async focusAfterUpdate(selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}

defineElement('lesson-pros-cons', LessonProsCons);

declare global {
  interface HTMLElementTagNameMap {
    'lesson-pros-cons': LessonProsCons;
  }
}
