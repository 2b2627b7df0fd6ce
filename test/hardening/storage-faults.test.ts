/**
 * Storage faults, for every element that saves progress (dialogue, flashcards,
 * memory aids, lesson view; pros and cons saves nothing itself: its practice
 * counts in the view's progress): storage that is unavailable or throws on
 * reading, a full storage, damaged or nonsense saved data, another tab writing.
 * Then two elements writing the same lesson at once. Every element must keep
 * working, say when progress is only kept for the visit, and never lose a key
 * that is not its own: another app's, another lesson's, another item's.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { settled } from '../fixtures/settled.js';
import '../../src/index.js';
import type { LessonDialogue } from '../../src/components/dialogue/dialogue.js';
import type { LessonMnemonic } from '../../src/components/mnemonic/mnemonic.js';
import { LessonCompleteEvent, type LessonStorageEvent } from '../../src/core/events.js';
import type { LessonElement } from '../../src/core/lesson-element.js';
import type { Lesson } from '../../src/core/schema.js';
import { BrowserProgressStore, progressKey, type ProgressStore } from '../../src/core/storage.js';
import { expectOthersUntouched, storageWithOthers, type FakeStorage } from '../fixtures/fake-storage.js';
import { miniLesson } from '../fixtures/mini-lesson.js';
import { deepText } from './elements.js';
import { FaultCount } from './fault-count.js';

/** The mini lesson with a second card and a second memory aid: items of the same lesson that are not the one under test. */
function lesson(id = 'mini'): Lesson {
  const base = miniLesson();
  return {
    ...base,
    id,
    flashcards: [...base.flashcards!, { id: 'f2', front: 'Threads share one…', back: 'memory space' }],
    memoryAids: [...base.memoryAids!, { id: 'chef', kind: 'story', text: 'A chef cooks while the rice boils.' }],
  };
}

const key = (...parts: string[]) => progressKey('mini', ...parts);
/** A key of this lesson no element under test writes: another item's progress, which must survive. */
const SIBLING: [string, string] = [key('mnemonic', 'chef'), '{"v":1,"data":{"step":2,"remembered":true,"complete":false,"results":[]}}'];
const DAMAGED = '{"v":1,"data":{"reached":[[0,';
const NONSENSE = JSON.stringify({ v: 1, data: { reached: 'all', step: 'three', remembered: 1, fsrs: 7, leitner: [], talk: { progress: 'done', score: 'x' } } });

const stored = (storage: FakeStorage, name: string): unknown => {
  const raw = storage.values.get(name);
  return raw === undefined ? undefined : (JSON.parse(raw) as { data: unknown }).data;
};

type Saved = Record<string, unknown> | undefined;
const shadow = (el: Element) => el.shadowRoot!;
const button = (el: Element, name: string) =>
  [...shadow(el).querySelectorAll<HTMLButtonElement>('button')].find((each) => each.textContent!.replace(/\s+/g, ' ').trim() === name);

interface Saver {
  tag: string;
  attributes: Record<string, string>;
  /** Waits for what the element loads lazily before it reads progress. */
  ready?(el: LessonElement): Promise<unknown>;
  /** The key its progress goes to. */
  key: string;
  /** Makes progress the element saves. */
  act(el: LessonElement): Promise<void>;
  /** Is `value` the progress `act` saved? */
  saved(value: unknown): boolean;
  /** What another tab writes under the same key, and whether the element's next save keeps it. */
  otherTab: unknown;
  keepsOtherTab(value: unknown): boolean;
}

const reached = (value: unknown, line: number) =>
  ((value as Saved)?.reached as [number, number][] | undefined)?.some(([first, last]) => first <= line && line <= last) === true;

const SAVERS: readonly Saver[] = [
  {
    tag: 'lesson-dialogue',
    attributes: { mode: 'step' },
    key: key('dialogue', 'talk'),
    async act(el) {
      (el as LessonDialogue).next();
      await el.updateComplete;
    },
    saved: (value) => reached(value, 1),
    // Merge rule: lines reached anywhere stay reached.
    otherTab: { stepping: true, current: 2, revealed: 3, reached: [[2, 2]] },
    keepsOtherTab: (value) => reached(value, 2) && reached(value, 1),
  },
  {
    tag: 'lesson-flashcards',
    attributes: { mode: 'study' },
    key: key('flashcards', 'f1', 'forward'),
    ready: (el) => waitUntil(() => shadow(el).querySelector('[part~="flip-button"]'), 'study did not start'),
    async act(el) {
      shadow(el).querySelector<HTMLElement>('[part~="front"] [part~="flip-button"]')!.click();
      await el.updateComplete;
      shadow(el).querySelector<HTMLElement>('[data-rating="good"]')!.click();
      await el.updateComplete;
    },
    saved: (value) => typeof (value as Saved)?.fsrs === 'object',
    // Merge rule: each scheduler keeps its own memory of a card.
    otherTab: { v: 1, leitner: { box: 2, due: '2020-01-01T00:00:00.000Z', reps: 1, lapses: 0 } },
    keepsOtherTab: (value) => typeof (value as Saved)?.fsrs === 'object' && typeof (value as Saved)?.leitner === 'object',
  },
  {
    tag: 'lesson-mnemonic',
    attributes: { aid: 'mop' },
    key: key('mnemonic', 'mop'),
    async act(el) {
      (el as LessonMnemonic).now = () => new Date('2026-03-01T12:00:00Z');
      button(el, 'Practise recall')!.click();
      await el.updateComplete;
      await waitUntil(() => button(el, 'I remembered it'), 'practice did not start');
      button(el, 'I remembered it')!.click();
      await el.updateComplete;
    },
    saved: (value) => (value as Saved)?.step === 1 && (value as Saved)?.remembered === true,
    // Rule: one aid's record is its latest practice; the later save wins.
    otherTab: { step: 3, remembered: true, complete: true, results: [], practisedAt: '2026-02-01T12:00:00Z' },
    keepsOtherTab: (value) => (value as Saved)?.practisedAt === '2026-03-01T12:00:00.000Z',
  },
  {
    tag: 'lesson-view',
    attributes: { sections: 'summaries,dialogues,memory-aids' },
    key: key('view-progress'),
    async act(el) {
      button(el, 'Detailed')!.click();
      await el.updateComplete;
      shadow(el).querySelector('lesson-dialogue')!.dispatchEvent(new LessonCompleteEvent({ id: 'talk' }));
      await el.updateComplete;
    },
    saved: (value) => ((value as Saved)?.talk as Saved)?.progress === 1,
    // Merge rule: the furthest progress of each part wins.
    otherTab: { mop: { progress: 1, score: 2, maxScore: 3 } },
    keepsOtherTab: (value) => ((value as Saved)?.talk as Saved)?.progress === 1 && ((value as Saved)?.mop as Saved)?.score === 2,
  },
];

/** Storage faults, each set up on a fresh storage and store; `ownKey` is the key the element writes. */
interface Fault {
  name: string;
  setUp(storage: FakeStorage, ownKey: string): ProgressStore;
  /** The `lesson-storage` reason expected on mounting (before any progress), if any. */
  onMount?: RegExp;
  /** The reason expected once the element saves, if the fault only shows then. */
  onSave?: RegExp;
  /** Checks after the element saved. */
  check(storage: FakeStorage, store: ProgressStore, saver: Saver): void;
}

const browserStore = (storage: FakeStorage) => new BrowserProgressStore(() => storage);

const FAULTS: readonly Fault[] = [
  {
    name: 'storage unavailable (SecurityError on access)',
    setUp: () =>
      new BrowserProgressStore(() => {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      }),
    onMount: /SecurityError/,
    check(_storage, store, saver) {
      expect(saver.saved(store.read(saver.key)), 'kept in memory').to.equal(true);
    },
  },
  {
    name: 'reading throws SecurityError',
    setUp(storage) {
      const store = browserStore(storage);
      storage.failGet = 'SecurityError';
      return store;
    },
    onMount: /SecurityError/,
    check(storage, store, saver) {
      storage.failGet = undefined;
      expect(saver.saved(store.read(saver.key)), 'saved').to.equal(true);
    },
  },
  {
    name: 'storage full (QuotaExceededError on write)',
    setUp(storage) {
      storage.failSet = 'QuotaExceededError';
      return browserStore(storage);
    },
    onSave: /QuotaExceededError/,
    check(storage, store, saver) {
      expect(saver.saved(store.read(saver.key)), 'kept in memory').to.equal(true);
      expect([...storage.values.keys()].filter((name) => name.startsWith(key()) && name !== SIBLING[0]), 'nothing half-written').to.deep.equal([]);
    },
  },
  {
    name: 'damaged saved data',
    setUp(storage, ownKey) {
      storage.values.set(ownKey, DAMAGED);
      return browserStore(storage);
    },
    onMount: /damaged/,
    check(storage, _store, saver) {
      expect(saver.saved(stored(storage, saver.key)), 'new progress replaces the damaged data').to.equal(true);
    },
  },
  {
    name: 'saved data of the wrong shape',
    setUp(storage, ownKey) {
      storage.values.set(ownKey, NONSENSE);
      return browserStore(storage);
    },
    check(storage, _store, saver) {
      expect(saver.saved(stored(storage, saver.key)), 'saved').to.equal(true);
    },
  },
  {
    name: 'another tab writes the same lesson',
    setUp: (storage) => browserStore(storage),
    check(storage, _store, saver) {
      expect(saver.keepsOtherTab(stored(storage, saver.key)), `merged: ${storage.values.get(saver.key)}`).to.equal(true);
      expect(storage.values.get(key('other-tab')), 'the other tab\'s own key').to.equal('{"v":1,"data":{"from":"the other tab"}}');
    },
  },
];

describe('hardening: storage faults', () => {
  const faults = new FaultCount();
  let container: HTMLElement;
  let uncaught: string[];
  const onError = (event: ErrorEvent) => uncaught.push(String(event.message));

  after(() => {
    const matrix = FAULTS.length * SAVERS.length;
    console.log(
      `storage faults: ${FAULTS.length} faults x ${SAVERS.length} elements (${matrix}) + ${faults.tried - matrix} two-writer and other-tab cases = ${faults.tried} tried, ${faults.failures} failures`,
    );
  });
  beforeEach(() => {
    uncaught = [];
    window.addEventListener('error', onError);
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    container.remove();
    sinon.restore();
  });

  async function mount(saver: Pick<Saver, 'tag' | 'attributes' | 'ready'>, store: ProgressStore, data: Lesson = lesson()): Promise<LessonElement> {
    const el = document.createElement(saver.tag) as LessonElement;
    for (const [name, value] of Object.entries(saver.attributes)) el.setAttribute(name, value);
    el.store = store;
    el.lesson = data;
    container.append(el);
    await el.updateComplete;
    await saver.ready?.(el);
    await el.updateComplete;
    expect(el.loadState, `<${saver.tag}> shows the lesson`).to.equal('ready');
    return el;
  }

  const notice = (el: LessonElement) => shadow(el).querySelector('[part="notice"]');

  for (const fault of FAULTS) {
    for (const saver of SAVERS) {
      it(`${fault.name}: <${saver.tag}> keeps working and loses no one else's key`, faults.count(async () => {
        const storage = storageWithOthers();
        storage.values.set(...SIBLING);
        const store = fault.setUp(storage, saver.key);
        const reasons: string[] = [];
        container.addEventListener('lesson-storage', (event) => reasons.push((event as LessonStorageEvent).detail.reason));

        const el = await mount(saver, store);
        if (fault.onMount) {
          expect(reasons.join(' | ')).to.match(fault.onMount);
          await el.updateComplete;
          expect(notice(el), 'a notice').to.exist;
          expect(deepText(el)).to.contain('Your progress cannot be saved in this browser');
        } else expect(notice(el), 'no notice before anything failed').to.equal(null);
        if (fault.name.startsWith('damaged')) expect(storage.values.get(saver.key), 'damaged data is kept until new progress').to.equal(DAMAGED);

        if (fault.name.startsWith('another tab')) {
          storage.values.set(saver.key, JSON.stringify({ v: 1, data: saver.otherTab }));
          storage.values.set(key('other-tab'), '{"v":1,"data":{"from":"the other tab"}}');
          for (const changed of [saver.key, key('other-tab')]) window.dispatchEvent(new StorageEvent('storage', { key: changed }));
          await el.updateComplete;
        }

        await saver.act(el);
        if (fault.onSave) {
          expect(reasons.join(' | ')).to.match(fault.onSave);
          await el.updateComplete;
          expect(notice(el), 'a notice').to.exist;
        }
        fault.check(storage, store, saver);
        expectOthersUntouched(storage);
        expect(storage.values.get(SIBLING[0]), 'another item of this lesson').to.equal(SIBLING[1]);
        expect(el.loadState).to.equal('ready');
        expect(uncaught, 'uncaught errors').to.deep.equal([]);
        if (saver === SAVERS[0]) await expect(await settled(el)).to.be.accessible();
      }));
    }
  }

  describe('two elements writing the same lesson at once', () => {
    it('two decks on the same lesson, FSRS and Leitner, grading the same card: both memories are kept', faults.count(async () => {
      const storage = storageWithOthers();
      const store = browserStore(storage);
      const flashcards = SAVERS.find((saver) => saver.tag === 'lesson-flashcards')!;
      const fsrs = await mount(flashcards, store);
      const leitner = await mount({ ...flashcards, attributes: { mode: 'study', scheduler: 'leitner' } }, store);
      await flashcards.act(fsrs);
      shadow(leitner).querySelector<HTMLElement>('[part~="front"] [part~="flip-button"]')!.click();
      await leitner.updateComplete;
      shadow(leitner).querySelector<HTMLElement>('[data-rating="good"]')!.click();
      await leitner.updateComplete;
      const record = stored(storage, flashcards.key) as Saved;
      expect(record?.fsrs, 'the FSRS deck\'s memory').to.be.an('object');
      expect(record?.leitner, 'the Leitner deck\'s memory').to.be.an('object');
      expectOthersUntouched(storage);
    }));

    it('a deck and a lesson view on the same lesson: the card, the view\'s parts and its summary level are all saved', faults.count(async () => {
      const storage = storageWithOthers();
      const store = browserStore(storage);
      const [flashcards, view] = [SAVERS.find((saver) => saver.tag === 'lesson-flashcards')!, SAVERS.find((saver) => saver.tag === 'lesson-view')!];
      const deck = await mount(flashcards, store);
      const whole = await mount(view, store);
      await flashcards.act(deck);
      await view.act(whole);
      expect(flashcards.saved(stored(storage, flashcards.key))).to.equal(true);
      expect(view.saved(stored(storage, view.key))).to.equal(true);
      expect(stored(storage, key('summary-level'))).to.equal('detailed');
      expectOthersUntouched(storage);
    }));

    it('two lesson views of the same lesson completing different parts, on the page\'s localStorage: both parts are kept', faults.count(async () => {
      const id = `two-views-${Date.now()}`;
      const own = (name: string) => progressKey(id, name);
      const foreign: [string, string][] = [
        ['other-app:settings', 'keep me'],
        [progressKey(`${id}-other`, 'view-progress'), '{"v":1,"data":{"talk":{"progress":1}}}'],
      ];
      for (const [name, value] of foreign) localStorage.setItem(name, value);
      try {
        const store = new BrowserProgressStore();
        const view = SAVERS.find((saver) => saver.tag === 'lesson-view')!;
        const first = await mount(view, store, lesson(id));
        const second = await mount(view, store, lesson(id));
        shadow(first).querySelector('lesson-dialogue')!.dispatchEvent(new LessonCompleteEvent({ id: 'talk' }));
        shadow(second).querySelector('lesson-mnemonic')!.dispatchEvent(new LessonCompleteEvent({ id: 'mop', score: 3, maxScore: 3 }));
        const saved = (JSON.parse(localStorage.getItem(own('view-progress'))!) as { data: Record<string, { progress: number }> }).data;
        expect(saved.talk?.progress, 'the first view\'s part').to.equal(1);
        expect(saved.mop?.progress, 'the second view\'s part').to.equal(1);
        for (const [name, value] of foreign) expect(localStorage.getItem(name), name).to.equal(value);
        // A view opened later sees both.
        const third = await mount(view, store, lesson(id));
        expect((third as unknown as { completion: number }).completion).to.be.greaterThan(0);
        expect(deepText(third)).to.match(/\d+% complete/);
      } finally {
        for (const name of Object.keys(localStorage)) if (name.includes(id)) localStorage.removeItem(name);
        localStorage.removeItem('other-app:settings');
      }
    }));

    it('two dialogues of the same section: lines reached in either stay reached', faults.count(async () => {
      const storage = storageWithOthers();
      const store = browserStore(storage);
      const dialogue = SAVERS.find((saver) => saver.tag === 'lesson-dialogue')!;
      const ahead = (await mount(dialogue, store)) as LessonDialogue;
      const behind = (await mount(dialogue, store)) as LessonDialogue;
      ahead.next();
      ahead.next();
      behind.next();
      behind.previous();
      const saved = stored(storage, dialogue.key);
      expect(reached(saved, 2), 'the line only the first reached').to.equal(true);
      expect((saved as Saved)?.current, 'the position is the latest').to.equal(0);
      expectOthersUntouched(storage);
    }));

    it('two memory aids of the same lesson: each keeps its record; the same aid keeps its latest practice', faults.count(async () => {
      const storage = storageWithOthers();
      const store = browserStore(storage);
      const mnemonic = SAVERS.find((saver) => saver.tag === 'lesson-mnemonic')!;
      const first = await mount(mnemonic, store);
      const second = await mount(mnemonic, store);
      const chef = await mount({ tag: 'lesson-mnemonic', attributes: { aid: 'chef' } }, store);
      await mnemonic.act(first);
      (chef as LessonMnemonic).now = () => new Date('2026-03-02T12:00:00Z');
      button(chef, 'Practise recall')!.click();
      await chef.updateComplete;
      await waitUntil(() => button(chef, 'I remembered it'), 'practice did not start');
      button(chef, 'I remembered it')!.click();
      (second as LessonMnemonic).now = () => new Date('2026-03-03T12:00:00Z');
      button(second, 'Practise recall')!.click();
      await second.updateComplete;
      await waitUntil(() => button(second, 'Not yet'), 'practice did not start');
      button(second, 'Not yet')!.click();
      expect(stored(storage, key('mnemonic', 'chef'))).to.deep.include({ step: 1, remembered: true });
      expect(stored(storage, mnemonic.key), 'the later practice of the same aid').to.deep.include({ remembered: false, practisedAt: '2026-03-03T12:00:00.000Z' });
      expectOthersUntouched(storage);
    }));
  });

  describe('the browser store and other tabs', () => {
    it('hears only its own storage area, and only while someone listens', faults.count(() => {
      const added = sinon.spy(window, 'addEventListener');
      const removed = sinon.spy(window, 'removeEventListener');
      const store = new BrowserProgressStore();
      expect(added.calledWith('storage'), 'no listener before anyone subscribes').to.equal(false);
      const heard: string[] = [];
      const unsubscribe = store.subscribe((changed) => heard.push(changed));
      const name = key('flashcards', 'f1', 'forward');
      window.dispatchEvent(new StorageEvent('storage', { key: name, storageArea: sessionStorage }));
      expect(heard, 'a sessionStorage change is not ours').to.deep.equal([]);
      window.dispatchEvent(new StorageEvent('storage', { key: 'other-app:settings', storageArea: localStorage }));
      expect(heard, 'another app\'s key is not ours').to.deep.equal([]);
      window.dispatchEvent(new StorageEvent('storage', { key: name, storageArea: localStorage }));
      expect(heard).to.deep.equal([name]);
      unsubscribe();
      const listener = added.getCalls().find((call) => call.args[0] === 'storage')!.args[1];
      expect(removed.calledWith('storage', listener), 'the listener is removed with the last subscriber').to.equal(true);
      window.dispatchEvent(new StorageEvent('storage', { key: name, storageArea: localStorage }));
      expect(heard).to.have.length(1);
    }));

    it('a deck that is removed stops listening to other tabs', faults.count(async () => {
      const storage = storageWithOthers();
      const store = browserStore(storage);
      const removed = sinon.spy(window, 'removeEventListener');
      const deck = await mount(SAVERS.find((saver) => saver.tag === 'lesson-flashcards')!, store);
      deck.remove();
      expect(removed.calledWith('storage'), 'no storage listener left behind').to.equal(true);
      const notified = oneEvent(window, 'storage');
      window.dispatchEvent(new StorageEvent('storage', { key: key('flashcards', 'f1', 'forward') }));
      await notified;
      expectOthersUntouched(storage);
    }));
  });
});
