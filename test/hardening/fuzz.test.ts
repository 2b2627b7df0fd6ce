/**
 * Fuzzing: 10,000 generated lesson documents per run (random JSON, JSON
 * shaped like a lesson, and the seed lesson with one value changed, removed,
 * retyped, made huge or deeply nested). Pass: no uncaught exception, no
 * unhandled rejection, and every element shows either its content or its
 * error message.
 *
 * Every document goes through the validator every element runs first. All 7
 * elements are mounted on every random document and on about one mutated
 * lesson in six: mounting all 7 on all 10,000 takes three to six minutes on
 * a shared 2-core machine (lesson-view alone renders a valid lesson in about
 * 40 ms), and the budget for this suite in `npm test` is about 90 s. CI
 * (`.ci/run`) sets FUZZ_MOUNT_ALL=1: every element on every document, about
 * 3 minutes. The printed figure says how many were mounted.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import sinon from 'sinon';
import type { LessonElement } from '../../src/core/lesson-element.js';
import { clearLessonCache } from '../../src/core/load.js';
import { validateLesson, type ValidationResult } from '../../src/core/schema.js';
import { lessonShapedJson, mutatedLesson, randomJson, type MutationKind } from './documents.js';
import {
  collectLessonErrors,
  count,
  ELEMENTS,
  expectationFor,
  loadSeed,
  mount,
  nestedElements,
  openPage,
  problemsWith,
  Served,
  settle,
  UncaughtErrors,
  type Json,
  type SourceKind,
} from './harness.js';

/** Fixed, so a failure is reproducible; fast-check prints it (and the shrunk counterexample) on failure. */
const SEED = 20_240_610;
const RANDOM_RUNS = 2_000;
const MUTATED_RUNS = 8_000;

/** Mostly as a property (the cheapest), a share as inline JSON and from a `src` file (the parser and the loader). */
const source: fc.Arbitrary<SourceKind> = fc.oneof(
  { arbitrary: fc.constant<SourceKind>('property'), weight: 6 },
  { arbitrary: fc.constant<SourceKind>('inline'), weight: 3 },
  { arbitrary: fc.constant<SourceKind>('src'), weight: 1 },
);

/** Set by web-test-runner.config.mjs when FUZZ_MOUNT_ALL is set (as `.ci/run` does): every element on every document. */
const MOUNT_ALL = (globalThis as { lessonFuzzMountAll?: boolean }).lessonFuzzMountAll === true;

/** Whether all 7 elements are mounted on a mutated lesson (about one in six, or all with MOUNT_ALL), or only the validator runs. */
const mountShare: fc.Arbitrary<boolean> = MOUNT_ALL
  ? fc.constant(true)
  : fc.oneof({ arbitrary: fc.constant(true), weight: 1 }, { arbitrary: fc.constant(false), weight: 5 });

const figures = {
  documents: 0,
  mountedDocuments: 0,
  valid: 0,
  invalid: 0,
  mounts: 0,
  nested: 0,
  bySource: { property: 0, inline: 0, src: 0 } as Record<SourceKind, number>,
  byMutation: {} as Partial<Record<MutationKind, number>>,
  failures: 0,
  started: 0,
};

/** Freezes `value` and everything in it. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** A validation result a reader can act on: valid, or every error a non-empty "path: message". */
function validatorProblems(result: ValidationResult): string[] {
  if (result.ok) return [];
  // "path: message" (a path may be an odd key, even " ": the validator quotes nothing).
  const malformed = result.errors.filter((error) => typeof error !== 'string' || !/.: \S/.test(error));
  return result.errors.length ? malformed.map((error) => `malformed validation error: ${String(error).slice(0, 200)}`) : ['invalid, with no error'];
}

describe('hardening: fuzzing lesson documents', function () {
  this.timeout(MOUNT_ALL ? 900_000 : 240_000);
  let page: ReturnType<typeof openPage>;
  let container: HTMLElement;
  let consoleError: sinon.SinonStub;
  const uncaught = new UncaughtErrors();
  let seed: Json;

  before(async () => {
    figures.started = performance.now();
    // Frozen: mutated lessons share the seed's untouched parts, and an element must never change a lesson it is given.
    seed = deepFreeze(await loadSeed());
    page = openPage();
    container = page.container;
  });

  after(() => page.close());

  beforeEach(() => {
    clearLessonCache();
    uncaught.take();
    uncaught.start();
    // An element showing an invalid lesson logs it (by design): keep the thousands of those out of the terminal.
    consoleError = sinon.stub(console, 'error');
  });

  afterEach(() => {
    consoleError.restore();
    uncaught.stop();
  });

  /** Validates one document and, if `mountAll`, mounts every element on it; returns what went wrong (nothing, when all is well). */
  async function tryDocument(doc: Json, via: SourceKind, mountAll: boolean): Promise<string[]> {
    figures.documents++;
    const validation = validateLesson(doc);
    const problems = validatorProblems(validation);
    if (validation.ok) figures.valid++;
    else figures.invalid++;
    if (!mountAll) {
      if (problems.length) figures.failures++;
      return problems;
    }
    const served = new Served(doc);
    const expected = expectationFor(served, via);
    const errors = collectLessonErrors(container);
    const elements: LessonElement[] = [];
    consoleError.resetHistory();
    try {
      for (const spec of ELEMENTS) elements.push(mount(spec, served, via, container));
      const settled = await Promise.allSettled(elements.map((el) => settle(el)));
      for (const [index, result] of settled.entries()) {
        if (result.status === 'rejected') problems.push(`<${ELEMENTS[index]?.tag}> did not settle: ${String(result.reason)}`);
      }
      problems.push(...problemsWith(elements, expected, errors.byElement));
      figures.nested += elements.reduce((sum, el) => sum + nestedElements(el).length, 0);
    } finally {
      for (const el of elements) el.remove();
      errors.stop();
      served.dispose();
    }
    // Let a late rejection or error (a timer, a microtask after removal) surface before judging.
    await new Promise((resolve) => setTimeout(resolve));
    problems.push(...uncaught.take());
    for (const call of consoleError.getCalls()) {
      const [first] = call.args as unknown[];
      if (typeof first !== 'string' || !first.startsWith('<lesson-')) problems.push(`console.error not from an element's report: ${String(first)}`);
    }
    figures.mountedDocuments++;
    figures.mounts += elements.length;
    figures.bySource[via]++;
    if (problems.length) figures.failures++;
    return problems;
  }

  /** Runs a property over `runs` documents; on failure, throws fast-check's report (seed, path, shrunk counterexample). */
  async function fuzz<T>(
    arbitrary: fc.Arbitrary<T>,
    runs: number,
    document: (value: T) => Json,
    summarize: (value: T) => string,
    label: string,
    mounted: fc.Arbitrary<boolean>,
  ) {
    const property = fc.asyncProperty(arbitrary, source, mounted, async (value, via, mountAll) => {
      const problems = await tryDocument(document(value), via, mountAll);
      if (problems.length) throw new Error(`${label} (${summarize(value)}), ${via}:\n  ${problems.slice(0, 10).join('\n  ')}`);
    });
    const details = await fc.check(property, { numRuns: runs, seed: SEED });
    if (details.failed) {
      // What went wrong first, then fast-check's report (seed, path, counterexample), cut short: a document can hold a 1 MB string.
      const problem = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      const report = fc.defaultReportMessage(details) ?? '';
      throw new Error(`${problem}\n\n${report.length > 3_000 ? `${report.slice(0, 3_000)}…` : report}`);
    }
    expect(details.numRuns).to.equal(runs);
  }

  it('shows an accessible error for a broken lesson', async () => {
    const broken = { ...(seed as Record<string, Json>), title: 42 };
    const el = await fixture<LessonElement>(html`<lesson-flashcards .lesson=${broken}></lesson-flashcards>`);
    await settle(el);
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('title: Invalid type: Expected string but received 42');
  });

  // Found by this suite, kept as plain examples so they stay fixed whatever the generators draw.
  it('shows a speaker role named like an Object.prototype member ("constructor") as text', async () => {
    const lesson = structuredClone(seed) as { dialogues: { speakers: { role?: string }[] }[] };
    lesson.dialogues[0]!.speakers[0]!.role = 'constructor';
    const el = await fixture<LessonElement>(html`<lesson-dialogue .lesson=${lesson}></lesson-dialogue>`);
    await settle(el);
    expect(el.loadState).to.equal('ready');
    expect(el.shadowRoot!.querySelector('[part~="role"]')!.textContent).to.equal('constructor');
  });

  it('lists the first 20 of 70,000 problems and counts the rest', async () => {
    const lesson = structuredClone(seed) as { dialogues: Json[] };
    // 10,001 copies of a dialogue: its 7 line ids repeat 70,000 times.
    lesson.dialogues = Array.from({ length: 10_001 }, (_, i) => ({ ...(lesson.dialogues[0] as Record<string, Json>), id: `d${i}` }));
    const el = await fixture<LessonElement>(html`<lesson-pros-cons .lesson=${lesson}></lesson-pros-cons>`);
    await settle(el);
    const items = [...el.shadowRoot!.querySelectorAll('[part~="error-messages"] li')].map((li) => li.textContent!);
    expect(items).to.have.length(21);
    expect(items[0]).to.equal('dialogues: Expected at most 1000 items');
    expect(items[20]).to.match(/^…and [\d,]+ more problems$/);
  });

  it('resolves relative links of a lesson loaded from a data: URL against the page (no base to resolve against)', async () => {
    const lesson = structuredClone(seed) as { links: { url: string }[] };
    lesson.links[0]!.url = 'notes.html';
    const src = `data:application/json,${encodeURIComponent(JSON.stringify(lesson))}`;
    const el = await fixture<LessonElement>(html`<lesson-view src=${src}></lesson-view>`);
    await settle(el);
    expect(el.loadState).to.equal('ready');
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('#links a[part~="link"]')!;
    expect(link.href).to.equal(new URL('notes.html', document.baseURI).href);
  });

  it(`random JSON (${count(RANDOM_RUNS)} documents): every element shows its content or its error`, async () => {
    await fuzz(fc.oneof(randomJson, lessonShapedJson), RANDOM_RUNS, (doc) => doc, (doc) => JSON.stringify(doc).slice(0, 300), 'random JSON', fc.constant(true));
  });

  it(`the seed lesson with one value mutated (${count(MUTATED_RUNS)} documents): every element shows its content or its error`, async () => {
    await fuzz(
      mutatedLesson(seed),
      MUTATED_RUNS,
      (mutation) => {
        figures.byMutation[mutation.kind] = (figures.byMutation[mutation.kind] ?? 0) + 1;
        return mutation.doc;
      },
      (mutation) => `${mutation.kind} at ${mutation.path}`,
      'mutated seed lesson',
      mountShare,
    );
  });

  after(() => {
    const { bySource: by, byMutation: m } = figures;
    const seconds = Math.round((performance.now() - figures.started) / 1000);
    console.log(
      `fuzz: ${count(figures.documents)} documents validated (${count(figures.valid)} valid, ${count(figures.invalid)} invalid; ` +
        `${count(RANDOM_RUNS)} random JSON, ${count(MUTATED_RUNS)} seed lessons with one value ${Object.entries(m).map(([kind, n]) => `${kind} ${count(n)}`).join(', ')}); ` +
        `all ${ELEMENTS.length} elements mounted on ${count(figures.mountedDocuments)} of them ` +
        `(${count(by.property)} as a property, ${count(by.inline)} inline, ${count(by.src)} from src) = ` +
        `${count(figures.mounts)} mounts + ${count(figures.nested)} elements inside <lesson-view>; ${count(figures.failures)} failures; ${seconds} s`,
    );
  });
});
