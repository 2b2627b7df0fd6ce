import { aTimeout, expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import sinon from 'sinon';
import { audioLoader, LessonDialogue, speechLoader } from '../src/components/dialogue/dialogue.js';
import { autoAdvanceDelay } from '../src/components/dialogue/pacing.js';
import type { LessonLineEvent, LessonProgressEvent } from '../src/core/events.js';
import { clearLessonCache } from '../src/core/load.js';
import type { Dialogue, Lesson } from '../src/core/schema.js';
import { MemoryProgressStore, setDefaultStore } from '../src/core/storage.js';
import { FakeSynth, voice } from './fixtures/fake-speech.js';
import { revealSkippedContent } from './fixtures/reveal-skipped.js';
import { settled } from './fixtures/settled.js';
import { toneWav } from './fixtures/wav.js';

/** Lets a test give the lesson's relative media paths (`tone.wav`) generated blob URLs. */
const mediaUrls = new Map<string, string>();
class TestDialogue extends LessonDialogue {
  protected override resolveUrl(url: string): string {
    return mediaUrls.get(url) ?? super.resolveUrl(url);
  }
}
customElements.define('test-dialogue', TestDialogue);

const SEED = '/demo/lessons/python-concurrency.json';

/** A five-line talk: two teacher questions answered by a student, and a guest with a free-text role. */
function talk(extra: Partial<Dialogue> = {}, lines?: Dialogue['lines']): Lesson {
  return {
    formatVersion: 1,
    id: 'talk-lesson',
    title: 'Talk lesson',
    lang: 'en',
    dialogues: [
      {
        id: 'talk',
        title: 'A talk',
        speakers: [
          { id: 'teacher', name: 'Teacher', role: 'instructor' },
          { id: 's1', name: 'Student 1', role: 'student' },
          { id: 'guest', name: 'Ada', role: 'Guest speaker' },
        ],
        lines: lines ?? [
          { id: 'l1', speaker: 'teacher', text: 'What is a *thread*?', start: 0, end: 0.6 },
          { id: 'l2', speaker: 's1', text: 'A path of execution.', start: 0.6, end: 1.2 },
          { id: 'l3', speaker: 'teacher', text: 'Right. And the GIL?', start: 1.2, end: 1.8 },
          { id: 'l4', speaker: 's1', text: 'A lock on the interpreter.', start: 1.8, end: 2.4 },
          { id: 'l5', speaker: 'guest', text: 'Well put.', start: 2.4, end: 3 },
        ],
        ...extra,
      },
      {
        id: 'other',
        title: 'Another talk',
        speakers: [{ id: 'n', name: 'Narrator', role: 'narrator' }],
        lines: [{ speaker: 'n', text: 'Once upon a time.' }],
      },
    ],
  };
}

const shadow = (el: LessonDialogue) => el.shadowRoot!;
/** A plain dialogue (step mode, no recording, no `speech`) does not download the lazily loaded code `loader` stands for. */
async function expectNoDownload(loader: { load: () => Promise<unknown> }, why: string) {
  const load = sinon.spy(loader, 'load');
  try {
    const plain = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue mode="step" .lesson=${talk()}></lesson-dialogue>`));
    expect(plain.loadState).to.equal('ready');
    expect(load.called, why).to.equal(false);
  } finally {
    load.restore();
  }
}

const part = <T extends HTMLElement = HTMLButtonElement>(el: LessonDialogue, name: string) =>
  shadow(el).querySelector<T>(`[part~="${name}"]`)!;
const lineElements = (el: LessonDialogue) => [...shadow(el).querySelectorAll<HTMLLIElement>('li.line')];
const shownTexts = (el: LessonDialogue) =>
  lineElements(el)
    .filter((line) => !line.hidden)
    .map((line) => line.querySelector('.text')!.textContent!.trim());
const currentIndex = (el: LessonDialogue) => lineElements(el).findIndex((line) => line.getAttribute('aria-current') === 'true');
const liveText = (el: LessonDialogue) => shadow(el).querySelector('[role="status"]')!.textContent!.trim();

async function ready(el: LessonDialogue) {
  await waitUntil(() => el.loadState === 'ready' || el.loadState === 'error', 'the lesson loads');
  await el.updateComplete;
  return el;
}


async function press(key: string, el?: LessonDialogue) {
  await sendKeys({ press: key });
  if (el) await el.updateComplete;
}

describe('<lesson-dialogue>', () => {
  beforeEach(() => {
    clearLessonCache();
    setDefaultStore(new MemoryProgressStore());
  });
  afterEach(() => sinon.restore());

  it('is accessible in read mode, showing every line with its speaker as text', async () => {
    const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue src=${`${SEED}#threading-overview`}></lesson-dialogue>`));
    await expect(el).to.be.accessible();
    // Again with lines off screen laid out: skipped content has no colours for axe to check.
    revealSkippedContent(el);
    await expect(el).to.be.accessible();
    expect(part(el, 'title').textContent).to.equal('Threading Overview');
    expect(lineElements(el)).to.have.length(7);
    const first = lineElements(el)[0]!;
    expect(first.querySelector('[part="speaker"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Teacher Instructor');
    expect(first.querySelector('[part="avatar"]')!.textContent).to.equal('T');
    expect(lineElements(el)[1]!.querySelector('[part="avatar"]')!.textContent).to.equal('S1');
    // Emphasis in the lesson text is real markup, not asterisks.
    expect(lineElements(el)[4]!.querySelector('.text em')!.textContent).to.equal('GIL stands for Global Interpreter Lock.');
    expect(currentIndex(el)).to.equal(-1);
    expect(part(el, 'controls')).to.equal(null);
  });

  it('gives each speaker a colour slot, and shows unknown roles as written', async () => {
    const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue .lesson=${talk()}></lesson-dialogue>`));
    const [teacher, student, , , guest] = lineElements(el);
    expect(teacher!.classList.contains('s1')).to.equal(true);
    expect(student!.classList.contains('s2')).to.equal(true);
    expect(getComputedStyle(teacher!.querySelector('.name')!).color).to.not.equal(getComputedStyle(student!.querySelector('.name')!).color);
    expect(guest!.querySelector('[part="role"]')!.textContent).to.equal('Guest speaker');
  });

  it('localizes roles and controls with the lesson or page language', async () => {
    const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue lang="es" mode="step" .lesson=${talk()}></lesson-dialogue>`));
    expect(lineElements(el)[0]!.querySelector('[part="role"]')!.textContent).to.equal('Instructor');
    expect(part(el, 'next-button').textContent!.trim()).to.equal('Siguiente');
    expect(part(el, 'progress').textContent).to.equal('Línea 1 de 5');
    el.next();
    await el.updateComplete;
    expect(lineElements(el)[1]!.querySelector('[part="role"]')!.textContent).to.equal('Estudiante');
  });

  it('picks the dialogue by attribute, by src fragment, or the first one', async () => {
    const first = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue .lesson=${talk()}></lesson-dialogue>`));
    expect(part(first, 'title').textContent).to.equal('A talk');
    const named = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue dialogue="other" .lesson=${talk()}></lesson-dialogue>`));
    expect(part(named, 'title').textContent).to.equal('Another talk');
    named.dialogue = 'talk';
    await named.updateComplete;
    expect(part(named, 'title').textContent).to.equal('A talk');
    const fragment = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue src=${`${SEED}#multiprocessing-overview`}></lesson-dialogue>`));
    expect(part(fragment, 'title').textContent).to.equal('Multiprocessing Overview');
  });

  describe('errors', () => {
    it('shows an accessible alert for an unknown dialogue id, and recovers when the id is fixed', async () => {
      sinon.stub(console, 'error');
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue dialogue="nope" .lesson=${talk()}></lesson-dialogue>`));
      const alert = shadow(el).querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('No part with the id "nope"');
      await expect(el).to.be.accessible();
      el.dialogue = 'other';
      await waitUntil(() => el.loadState === 'ready');
      await el.updateComplete;
      expect(part(el, 'title').textContent).to.equal('Another talk');
    });

    it('shows an alert for an unknown id in the src fragment', async () => {
      sinon.stub(console, 'error');
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue src=${`${SEED}#no-such-id`}></lesson-dialogue>`));
      expect(el.loadState).to.equal('error');
      expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain('no-such-id');
    });

    it('shows an alert for a lesson without dialogues, and for an invalid lesson', async () => {
      sinon.stub(console, 'error');
      const empty = { ...talk(), dialogues: undefined };
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue .lesson=${empty}></lesson-dialogue>`));
      expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain('nothing to show');
      const broken = talk();
      broken.dialogues![0]!.lines[0]!.speaker = 'ghost';
      const invalid = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue .lesson=${broken}></lesson-dialogue>`));
      expect(shadow(invalid).querySelector('[role="alert"]')!.textContent).to.contain('"ghost" is not a speaker');
    });
  });

  describe('step mode', () => {
    it('is accessible and reveals lines one at a time, in order', async () => {
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue mode="step" .lesson=${talk()}></lesson-dialogue>`));
      await expect(el).to.be.accessible();
      expect(shownTexts(el)).to.deep.equal(['What is a thread?']);
      expect(part(el, 'progress').textContent).to.equal('Line 1 of 5');
      expect(currentIndex(el)).to.equal(0);
      part(el, 'next-button').click();
      await el.updateComplete;
      expect(shownTexts(el)).to.deep.equal(['What is a thread?', 'A path of execution.']);
      expect(currentIndex(el)).to.equal(1);
      expect(part(el, 'progress').textContent).to.equal('Line 2 of 5');
      expect(lineElements(el)[1]!.getAttribute('part')).to.equal('line current-line');
      await expect(await settled(el)).to.be.accessible();
    });

    it('announces each newly revealed line once, and only the position when going back', async () => {
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue mode="step" .lesson=${talk()}></lesson-dialogue>`));
      const announce = sinon.spy(el, 'announce');
      el.next();
      await el.updateComplete;
      expect(liveText(el)).to.equal('Student 1 (Student): A path of execution.');
      el.previous();
      el.next();
      el.previous();
      el.next();
      const lineTwo = announce.getCalls().filter((call) => call.args[0].includes('A path of execution'));
      expect(lineTwo).to.have.length(1);
      expect(announce.getCalls().map((call) => call.args[0])).to.include('Line 1 of 5');
    });

    it('keeps revealed lines when going back, hides them again on Restart, and marks the end', async () => {
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue mode="step" .lesson=${talk()}></lesson-dialogue>`));
      el.next();
      el.next();
      part(el, 'previous-button').click();
      await el.updateComplete;
      expect(shownTexts(el)).to.have.length(3);
      expect(currentIndex(el)).to.equal(1);
      part(el, 'restart-button').click();
      await el.updateComplete;
      expect(shownTexts(el)).to.deep.equal(['What is a thread?']);
      expect(part(el, 'previous-button').getAttribute('aria-disabled')).to.equal('true');
      for (let i = 0; i < 4; i++) el.next();
      await el.updateComplete;
      expect(part(el, 'end').textContent).to.equal('End of the dialogue');
      expect(part(el, 'next-button').getAttribute('aria-disabled')).to.equal('true');
      const announce = sinon.spy(el, 'announce');
      part(el, 'next-button').click();
      expect(announce.lastCall.args[0]).to.equal('End of the dialogue');
    });

    it('scrolls the current line into view, instantly when the user prefers reduced motion', async () => {
      const scroll = sinon.spy(Element.prototype, 'scrollIntoView');
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue mode="step" .lesson=${talk()}></lesson-dialogue>`));
      el.next();
      await el.updateComplete;
      expect(scroll.lastCall.thisValue).to.equal(lineElements(el)[1]);
      expect(scroll.lastCall.args[0]).to.include({ block: 'nearest', behavior: 'smooth' });
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        el.next();
        await el.updateComplete;
        expect(scroll.lastCall.thisValue).to.equal(lineElements(el)[2]);
        expect(scroll.lastCall.args[0]).to.include({ behavior: 'auto' });
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });

    it('auto-advances at a pace set by each line\'s length, and the speed control changes it', async () => {
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue mode="step" .lesson=${talk()}></lesson-dialogue>`));
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const play = sinon.spy();
      const pause = sinon.spy();
      el.addEventListener('lesson-play', play);
      el.addEventListener('lesson-pause', pause);
      part(el, 'play-button').click();
      await el.updateComplete;
      expect(play.firstCall.args[0].detail).to.deep.equal({ source: 'step' });
      expect(part(el, 'play-button').textContent!.trim()).to.equal('Pause');
      clock.tick(autoAdvanceDelay('What is a thread?') - 1);
      expect(el.currentLine).to.equal(0);
      clock.tick(1);
      expect(el.currentLine).to.equal(1);
      const select = part<HTMLSelectElement>(el, 'speed').querySelector('select')!;
      select.value = '2';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(el.rate).to.equal(2);
      clock.tick(autoAdvanceDelay('A path of execution.', { rate: 2 }));
      expect(el.currentLine).to.equal(2);
      clock.tick(60_000);
      expect(el.currentLine).to.equal(4);
      expect(el.playing).to.equal(undefined);
      expect(pause.firstCall.args[0].detail).to.deep.equal({ source: 'step' });
    });

    it('restores the saved position on the next visit', async () => {
      const store = new MemoryProgressStore();
      const first = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue mode="step" .store=${store} .lesson=${talk()}></lesson-dialogue>`));
      first.next();
      first.next();
      first.previous();
      const again = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue mode="step" .store=${store} .lesson=${talk()}></lesson-dialogue>`));
      expect(shownTexts(again)).to.have.length(3);
      expect(again.currentLine).to.equal(1);
    });

    it('switches mode at run time', async () => {
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue .lesson=${talk()}></lesson-dialogue>`));
      expect(lineElements(el)).to.have.length(5);
      el.mode = 'step';
      await el.updateComplete;
      expect(lineElements(el)).to.have.length(1);
      expect(part(el, 'next-button')).to.exist;
    });
  });

  describe('think-first', () => {
    it('stops before a student answers a question, asks first, then reveals on request', async () => {
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue mode="think" .lesson=${talk()}></lesson-dialogue>`));
      el.next();
      await el.updateComplete;
      expect(shownTexts(el)).to.deep.equal(['What is a thread?']);
      const prompt = part<HTMLElement>(el, 'think');
      expect(prompt.textContent).to.contain('What would you answer?');
      expect(prompt.textContent).to.contain('Student 1 answers next.');
      expect(liveText(el)).to.equal('Think first: Student 1 answers next. What would you answer?');
      expect(part(el, 'progress').textContent).to.equal('Line 1 of 5');
      await expect(await settled(el)).to.be.accessible();
      part(el, 'reveal-button').click();
      await el.updateComplete;
      expect(part(el, 'think')).to.equal(null);
      expect(shownTexts(el)).to.deep.equal(['What is a thread?', 'A path of execution.']);
      expect(liveText(el)).to.equal('Student 1 (Student): A path of execution.');
      // The teacher's next line is no question answer: it comes straight away; then the second question pauses again.
      el.next();
      el.next();
      await el.updateComplete;
      expect(shownTexts(el)).to.have.length(3);
      expect(part(el, 'think')).to.exist;
      // Next also reveals, so the keyboard needs no extra key.
      el.next();
      await el.updateComplete;
      expect(shownTexts(el)).to.have.length(4);
    });

    it('pauses auto-advance at the prompt and resumes it after the reveal', async () => {
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue mode="step" think-first .lesson=${talk()}></lesson-dialogue>`));
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      el.play();
      clock.tick(autoAdvanceDelay('What is a thread?'));
      await el.updateComplete;
      expect(part(el, 'think')).to.exist;
      expect(el.playing).to.equal(undefined);
      clock.tick(60_000);
      expect(shownTexts(el)).to.have.length(1);
      el.revealAnswer();
      expect(el.playing).to.equal('step');
      clock.tick(autoAdvanceDelay('A path of execution.'));
      expect(el.currentLine).to.equal(2);
    });

    it('resumes from the revealed answer even when it is the last line', async () => {
      const lines = [
        { speaker: 'teacher', text: 'Ready?' },
        { speaker: 's1', text: 'Yes.' },
      ];
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue mode="think" .lesson=${talk({}, lines)}></lesson-dialogue>`));
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      el.play();
      clock.tick(autoAdvanceDelay('Ready?'));
      expect(el.playing).to.equal(undefined);
      el.revealAnswer();
      expect(el.currentLine).to.equal(1);
      expect(el.playing).to.equal('step');
      clock.tick(autoAdvanceDelay('Yes.'));
      expect(el.currentLine).to.equal(1);
      expect(el.playing).to.equal(undefined);
    });

    it('does not pause in read mode, nor in step mode without think-first', async () => {
      const read = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue think-first .lesson=${talk()}></lesson-dialogue>`));
      read.next();
      read.next();
      await read.updateComplete;
      expect(part(read, 'think')).to.equal(null);
      const step = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue mode="step" .lesson=${talk()}></lesson-dialogue>`));
      step.next();
      await step.updateComplete;
      expect(part(step, 'think')).to.equal(null);
      expect(shownTexts(step)).to.have.length(2);
    });
  });

  describe('keyboard', () => {
    it('moves with the arrows, Home and End, with focus on a line or a button', async () => {
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue mode="step" .lesson=${talk()}></lesson-dialogue>`));
      lineElements(el)[0]!.focus();
      await press('ArrowRight', el);
      expect(el.currentLine).to.equal(1);
      // Focus follows the current line (roving tabindex).
      expect(shadow(el).activeElement).to.equal(lineElements(el)[1]);
      expect(lineElements(el)[1]!.tabIndex).to.equal(0);
      expect(lineElements(el)[0]!.tabIndex).to.equal(-1);
      await press('ArrowLeft', el);
      expect(el.currentLine).to.equal(0);
      await press('End', el);
      expect(el.currentLine).to.equal(4);
      await press('Home', el);
      expect(el.currentLine).to.equal(0);
      part(el, 'restart-button').focus();
      await press('ArrowRight', el);
      expect(el.currentLine).to.equal(1);
    });

    it('leaves Space to a focused button, and toggles playback with Space on a line or K anywhere', async () => {
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue mode="step" .lesson=${talk()}></lesson-dialogue>`));
      part(el, 'next-button').focus();
      await press('Space', el);
      // The button was pressed: it went to the next line and nothing started playing.
      expect(el.currentLine).to.equal(1);
      expect(el.playing).to.equal(undefined);
      await press('k', el);
      expect(el.playing).to.equal('step');
      await press('K', el);
      expect(el.playing).to.equal(undefined);
      lineElements(el)[1]!.focus();
      await press('Space', el);
      expect(el.playing).to.equal('step');
      el.pause();
    });

    it('keeps every key for the search field', async () => {
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue mode="step" .lesson=${talk()}></lesson-dialogue>`));
      part<HTMLInputElement>(el, 'search-input').focus();
      await sendKeys({ type: 'a k' });
      await press('ArrowRight', el);
      await press('Home', el);
      expect(el.currentLine).to.equal(0);
      expect(el.playing).to.equal(undefined);
      expect(part<HTMLInputElement>(el, 'search-input').value).to.equal('a k');
    });

    it('swaps the arrows in right-to-left text: Left is next', async () => {
      const wrapper = await fixture(html`<div dir="rtl"><lesson-dialogue mode="step" .lesson=${talk()}></lesson-dialogue></div>`);
      const el = await ready(wrapper.querySelector('lesson-dialogue')!);
      await expect(el).to.be.accessible();
      lineElements(el)[0]!.focus();
      await press('ArrowLeft', el);
      expect(el.currentLine).to.equal(1);
      await press('ArrowRight', el);
      expect(el.currentLine).to.equal(0);
      expect(part(el, 'next-button').getAttribute('aria-keyshortcuts')).to.equal('ArrowLeft');
    });

    it('does nothing with no-shortcuts, or when focus is outside the element', async () => {
      const wrapper = await fixture(html`<div>
        <button id="outside">Outside</button>
        <lesson-dialogue mode="step" .lesson=${talk()}></lesson-dialogue>
        <lesson-dialogue mode="step" no-shortcuts .lesson=${talk()}></lesson-dialogue>
      </div>`);
      const [el, off] = [...wrapper.querySelectorAll('lesson-dialogue')] as LessonDialogue[];
      await ready(el!);
      await ready(off!);
      wrapper.querySelector<HTMLButtonElement>('#outside')!.focus();
      await press('ArrowRight', el);
      expect(el!.currentLine).to.equal(0);
      lineElements(off!)[0]!.focus();
      await press('ArrowRight', off);
      await press('k', off);
      expect(off!.currentLine).to.equal(0);
      expect(off!.playing).to.equal(undefined);
      expect(part(off!, 'shortcuts')).to.equal(null);
    });
  });

  describe('events', () => {
    it('fires lesson-line with the line id and index, lesson-progress, and lesson-complete once', async () => {
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue mode="step" .lesson=${talk()}></lesson-dialogue>`));
      const line = sinon.spy();
      const progress = sinon.spy();
      const complete = sinon.spy();
      el.addEventListener('lesson-line', line);
      el.addEventListener('lesson-progress', progress);
      el.addEventListener('lesson-complete', complete);
      el.next();
      expect((line.lastCall.args[0] as LessonLineEvent).detail).to.deep.equal({ dialogueId: 'talk', lineId: 'l2', index: 1 });
      expect((progress.lastCall.args[0] as LessonProgressEvent).detail).to.deep.equal({ id: 'talk', progress: 0.4 });
      el.previous();
      expect(line.callCount).to.equal(2);
      expect(progress.callCount).to.equal(1);
      const event = oneEvent(el, 'lesson-complete');
      el.goToLine(4);
      expect((await event).detail).to.deep.equal({ id: 'talk' });
      expect(progress.lastCall.args[0].detail.progress).to.equal(1);
      el.restart();
      for (let i = 0; i < 4; i++) el.next();
      expect(complete.callCount).to.equal(1);
    });

    it('events bubble out of the element and are composed', async () => {
      const wrapper = await fixture(html`<div><lesson-dialogue mode="step" .lesson=${talk()}></lesson-dialogue></div>`);
      const el = await ready(wrapper.querySelector('lesson-dialogue')!);
      const event = oneEvent(wrapper, 'lesson-line');
      el.next();
      const { bubbles, composed } = await event;
      expect([bubbles, composed]).to.deep.equal([true, true]);
    });

    it('in read mode, counts a line as reached once it has been on screen', async () => {
      const el = await ready(
        await fixture<LessonDialogue>(
          html`<lesson-dialogue style="--lesson-dialogue-max-height: 6rem" .lesson=${talk()}></lesson-dialogue>`,
        ),
      );
      const complete = sinon.spy();
      el.addEventListener('lesson-complete', complete);
      const progress = sinon.spy();
      el.addEventListener('lesson-progress', progress);
      await waitUntil(() => progress.called, 'the first lines are seen');
      expect(complete.called).to.equal(false);
      // The learner scrolls through the transcript.
      for (const line of lineElements(el)) {
        line.scrollIntoView({ block: 'nearest' });
        await new Promise(requestAnimationFrame);
      }
      await waitUntil(() => complete.called, 'every line is seen');
      expect(progress.lastCall.args[0].detail).to.deep.equal({ id: 'talk', progress: 1 });
    });
  });

  describe('search, copy, download', () => {
    it('filters to matching lines, ignoring case and accents, announces and highlights the count', async () => {
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue src=${`${SEED}#threading-overview`}></lesson-dialogue>`));
      const input = part<HTMLInputElement>(el, 'search-input');
      input.focus();
      await sendKeys({ type: 'gil' });
      await el.updateComplete;
      expect(shownTexts(el)).to.have.length(2);
      expect(part(el, 'match-count').textContent).to.equal('2 of 7 lines match');
      expect(liveText(el)).to.equal('2 of 7 lines match');
      expect(input.getAttribute('aria-describedby')).to.equal('match-count');
      const highlight = CSS.highlights.get('lesson-dialogue-match')!;
      expect([...highlight].map((range) => (range as Range).toString())).to.deep.equal(['GIL', 'GIL', 'GIL']);
      await expect(el).to.be.accessible();
      input.value = 'student 3';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(shownTexts(el)).to.deep.equal(['So, we should mainly use threading for tasks that wait for input or data?']);
      input.value = 'zzz';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(shownTexts(el)).to.deep.equal([]);
      expect(part(el, 'match-count').textContent).to.equal('No line matches');
      input.value = '';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(shownTexts(el)).to.have.length(7);
      expect(highlight.size).to.equal(0);
    });

    it('searches only the lines shown so far in step mode', async () => {
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue mode="step" .lesson=${talk()}></lesson-dialogue>`));
      const input = part<HTMLInputElement>(el, 'search-input');
      input.value = 'lock';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(part(el, 'match-count').textContent).to.equal('No line matches');
      el.goToLine(3);
      await el.updateComplete;
      expect(part(el, 'match-count').textContent).to.equal('1 of 4 lines match');
    });

    it('copies the transcript as plain text', async () => {
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue .lesson=${talk()}></lesson-dialogue>`));
      const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
      part(el, 'copy-button').click();
      await waitUntil(() => part(el, 'tools-status'));
      expect(write.firstCall.args[0]).to.equal(
        'A talk\n\nTeacher (Instructor): What is a thread?\n\nStudent 1 (Student): A path of execution.\n\n' +
          'Teacher (Instructor): Right. And the GIL?\n\nStudent 1 (Student): A lock on the interpreter.\n\nAda (Guest speaker): Well put.\n',
      );
      expect(part(el, 'tools-status').textContent!.trim()).to.equal('Transcript copied');
      expect(liveText(el)).to.equal('Transcript copied');
    });

    it('shows the text, selected, when the page may not copy', async () => {
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue .lesson=${talk()}></lesson-dialogue>`));
      sinon.stub(navigator.clipboard, 'writeText').rejects(new DOMException('Denied', 'NotAllowedError'));
      part(el, 'copy-button').click();
      await waitUntil(() => part(el, 'copy-fallback'));
      const textarea = part(el, 'copy-fallback').querySelector('textarea')!;
      expect(textarea.value).to.match(/^A talk\n\nTeacher \(Instructor\): What is a thread\?/);
      expect(shadow(el).activeElement).to.equal(textarea);
      expect(textarea.selectionEnd - textarea.selectionStart).to.equal(textarea.value.length);
      await expect(el).to.be.accessible();
      // Close removes the box and its own button: focus returns to Copy rather than falling to <body>.
      part(el, 'copy-fallback').querySelector('button')!.click();
      await waitUntil(() => !part(el, 'copy-fallback'));
      expect(shadow(el).activeElement).to.equal(part(el, 'copy-button'));
    });

    it('downloads the transcript as a .txt file', async () => {
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue .lesson=${talk()}></lesson-dialogue>`));
      let download = '';
      let href = '';
      sinon.stub(HTMLAnchorElement.prototype, 'click').callsFake(function (this: HTMLAnchorElement) {
        download = this.download;
        href = this.href;
      });
      part(el, 'download-button').click();
      expect(download).to.equal('talk.txt');
      expect(href).to.match(/^blob:/);
      expect(await (await fetch(href)).text()).to.contain('Ada (Guest speaker): Well put.');
      await el.updateComplete;
      expect(liveText(el)).to.equal('Transcript downloaded as talk.txt');
    });
  });

  describe('audio', () => {
    let wav = '';
    before(() => {
      wav = URL.createObjectURL(toneWav(3, [0, 0.6, 1.2, 1.8, 2.4].map((at) => ({ at, hz: 440 }))));
      mediaUrls.set('tone.wav', wav);
    });
    after(() => URL.revokeObjectURL(wav));

    async function audioFixture(lesson: Lesson, mode = 'read') {
      const el = await ready(await fixture<LessonDialogue>(html`<test-dialogue mode=${mode} .lesson=${lesson}></test-dialogue>`));
      const audio = shadow(el).querySelector('audio')!;
      await waitUntil(() => audio.readyState >= 1, 'the audio metadata loads');
      await el.updateComplete;
      return { el, audio };
    }

    it('is accessible, with a real audio element, time, a labelled seek slider and speeds', async () => {
      const { el, audio } = await audioFixture(talk({ audio: { src: 'tone.wav' } }));
      await expect(el).to.be.accessible();
      expect(audio.src).to.equal(wav);
      expect(part(el, 'time').textContent).to.contain('0:00 / 0:03');
      const seek = part<HTMLInputElement>(el, 'seek');
      expect(seek.type).to.equal('range');
      expect(seek.getAttribute('aria-label')).to.equal('Position');
      expect(seek.getAttribute('aria-valuetext')).to.equal('0:00 of 0:03');
      const options = [...part(el, 'speed').querySelectorAll('option')].map((option) => option.textContent);
      expect(options).to.deep.equal(['0.75×', '1×', '1.25×', '1.5×', '1.75×', '2×']);
      const select = part(el, 'speed').querySelector('select')!;
      select.value = '1.5';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(audio.playbackRate).to.equal(1.5);
    });

    it('highlights the line of the cue at the playback position (cue events, no polling)', async () => {
      const { el, audio } = await audioFixture(talk({ audio: { src: 'tone.wav' } }));
      const line = sinon.spy();
      el.addEventListener('lesson-line', line);
      audio.currentTime = 1.5;
      await waitUntil(() => currentIndex(el) === 2, 'the third line is current');
      expect(line.lastCall.args[0].detail).to.deep.equal({ dialogueId: 'talk', lineId: 'l3', index: 2 });
      audio.currentTime = 0.1;
      await waitUntil(() => currentIndex(el) === 0, 'the first line is current');
      const seek = part<HTMLInputElement>(el, 'seek');
      seek.value = '2.5';
      seek.dispatchEvent(new Event('input'));
      await waitUntil(() => currentIndex(el) === 4, 'the slider seeks');
      await el.updateComplete;
      expect(seek.getAttribute('aria-valuetext')).to.equal('0:02 of 0:03');
    });

    it('seeks when a line is clicked or Enter is pressed on it', async () => {
      const { el, audio } = await audioFixture(talk({ audio: { src: 'tone.wav' } }));
      lineElements(el)[3]!.click();
      expect(audio.currentTime).to.be.closeTo(1.8, 0.01);
      await el.updateComplete;
      expect(currentIndex(el)).to.equal(3);
      lineElements(el)[3]!.focus();
      await press('ArrowLeft', el);
      expect(audio.currentTime).to.be.closeTo(1.2, 0.01);
      lineElements(el)[1]!.focus();
      await press('Enter', el);
      expect(audio.currentTime).to.be.closeTo(0.6, 0.01);
      expect(el.currentLine).to.equal(1);
    });

    it('leaves keyboard focus where it is when the audio moves the current line', async () => {
      const { el, audio } = await audioFixture(talk({ audio: { src: 'tone.wav' } }));
      lineElements(el)[0]!.focus();
      audio.currentTime = 2.0;
      await waitUntil(() => currentIndex(el) === 3);
      expect(shadow(el).activeElement).to.equal(lineElements(el)[0]);
    });

    it('plays and pauses the audio, firing lesson-play and lesson-pause', async () => {
      const { el, audio } = await audioFixture(talk({ audio: { src: 'tone.wav' } }));
      const played = oneEvent(el, 'lesson-play');
      part(el, 'play-button').click();
      expect((await played).detail).to.deep.equal({ source: 'audio' });
      await el.updateComplete;
      expect(part(el, 'play-button').textContent!.trim()).to.equal('Pause');
      const paused = oneEvent(el, 'lesson-pause');
      await press('k');
      expect((await paused).detail).to.deep.equal({ source: 'audio' });
      expect(audio.paused).to.equal(true);
    });

    it('takes line times from a WebVTT file with <v Speaker> voice cues', async () => {
      const vtt = [
        'WEBVTT',
        '00:00.000 --> 00:00.300\n<v Teacher>What is',
        '00:00.300 --> 00:00.600\n<v Teacher>a thread?',
        '00:00.600 --> 00:01.500\n<v Student 1>A path of execution.',
        '00:01.500 --> 00:02.000\n<v Teacher>Right. And the GIL?',
        '00:02.000 --> 00:02.500\n<v Student 1>A lock on the interpreter.',
        '00:02.500 --> 00:03.000\n<v Ada>Well put.',
      ].join('\n\n');
      const captions = URL.createObjectURL(new Blob([vtt], { type: 'text/vtt' }));
      mediaUrls.set('talk.vtt', captions);
      const untimed = talk({ audio: { src: 'tone.wav', captions: 'talk.vtt' } }).dialogues![0]!.lines.map(({ id, speaker, text }) => ({ id, speaker, text }));
      const { el, audio } = await audioFixture(talk({ audio: { src: 'tone.wav', captions: 'talk.vtt' } }, untimed));
      await waitUntil(() => audio.textTracks[0]?.cues?.length === 6, 'the captions load');
      audio.currentTime = 0.45;
      await waitUntil(() => currentIndex(el) === 0);
      audio.currentTime = 1.7;
      await waitUntil(() => currentIndex(el) === 2, 'the teacher cue after the student one');
      lineElements(el)[1]!.click();
      expect(audio.currentTime).to.be.closeTo(0.6, 0.01);
      URL.revokeObjectURL(captions);
    });

    it('plays your own <audio slot="audio"> element', async () => {
      const el = await ready(
        await fixture<LessonDialogue>(html`<lesson-dialogue .lesson=${talk()}><audio slot="audio" preload="auto" src=${wav}></audio></lesson-dialogue>`),
      );
      const audio = el.querySelector('audio')!;
      await waitUntil(() => audio.readyState >= 1);
      await el.updateComplete;
      expect(shadow(el).querySelector('audio')).to.equal(null);
      expect(part(el, 'seek')).to.exist;
      audio.currentTime = 2.0;
      await waitUntil(() => currentIndex(el) === 3);
      // Setting up again (a mode change) replaces its cues instead of adding more.
      el.mode = 'step';
      await el.updateComplete;
      expect(audio.textTracks).to.have.length(1);
      expect(audio.textTracks[0]!.cues).to.have.length(5);
    });

    it('in step mode, reveals lines as the audio reaches them and pauses it for think-first', async () => {
      const { el, audio } = await audioFixture(talk({ audio: { src: 'tone.wav' } }), 'think');
      await expect(el).to.be.accessible();
      audio.currentTime = 1.5;
      // A jump past the question reveals everything up to the position.
      await waitUntil(() => shownTexts(el).length === 3);
      const halted = oneEvent(el, 'lesson-pause');
      await audio.play();
      audio.currentTime = 1.85;
      await halted;
      await el.updateComplete;
      expect(audio.paused).to.equal(true);
      expect(part(el, 'think')).to.exist;
      expect(shownTexts(el)).to.have.length(3);
      const resumed = oneEvent(el, 'lesson-play');
      part(el, 'reveal-button').click();
      await resumed;
      expect(shownTexts(el)).to.have.length(4);
      audio.pause();
    });

    it('says when the audio cannot be loaded', async () => {
      mediaUrls.set('missing.wav', '/test/fixtures/no-such-audio.wav');
      const el = await ready(await fixture<LessonDialogue>(html`<test-dialogue .lesson=${talk({ audio: { src: 'missing.wav' } })}></test-dialogue>`));
      await waitUntil(() => part(el, 'status'), 'the error shows');
      expect(part(el, 'status').textContent).to.equal('The audio could not be loaded.');
    });

    it('loads its audio code only for a recording, says so when that fails, and Play tries again', async () => {
      await expectNoDownload(audioLoader, 'no audio code without a recording');
      const failing = sinon.stub(audioLoader, 'load').rejects(new Error('offline'));
      const logged = sinon.stub(console, 'error');
      const el = await ready(await fixture<LessonDialogue>(html`<test-dialogue .lesson=${talk({ audio: { src: 'tone.wav' } })}></test-dialogue>`));
      await waitUntil(() => part(el, 'status'), 'the error shows');
      logged.restore();
      expect(part(el, 'status').textContent).to.equal('The audio could not be loaded.');
      expect(logged.firstCall.args[1]).to.have.property('message', 'offline');
      expect(failing.callCount, 'no retry loop before the learner asks').to.equal(1);
      await expect(el).to.be.accessible();
      failing.restore();
      // Play loads the code again, and plays.
      const played = oneEvent(el, 'lesson-play');
      part(el, 'play-button').click();
      expect((await played).detail).to.deep.equal({ source: 'audio' });
      await el.updateComplete;
      expect(part(el, 'status'), 'the error is gone').to.equal(null);
      el.pause();
    });

    it('plays once the audio code arrives when Play is pressed during its download, from the line the learner moved to', async () => {
      const code = await import('../src/components/dialogue/audio.js');
      let arrive = () => {};
      const slow = sinon.stub(audioLoader, 'load').callsFake(() => new Promise((resolve) => (arrive = () => resolve(code))));
      // fixtureSync: `fixture` would wait for the download held back here.
      const el = fixtureSync<LessonDialogue>(html`<test-dialogue .lesson=${talk({ audio: { src: 'tone.wav' } })}></test-dialogue>`);
      await waitUntil(() => el.loadState === 'ready' && slow.called, 'the download starts');
      el.goToLine(3);
      const played = oneEvent(el, 'lesson-play');
      el.play();
      arrive();
      expect((await played).detail).to.deep.equal({ source: 'audio' });
      const audio = shadow(el).querySelector('audio')!;
      expect(audio.currentTime).to.be.closeTo(1.8, 0.05);
      expect(el.currentLine).to.equal(3);
      el.pause();
      // Paused before the code arrived: nothing plays.
      slow.resetHistory();
      const paused = fixtureSync<LessonDialogue>(html`<test-dialogue .lesson=${talk({ audio: { src: 'tone.wav' } })}></test-dialogue>`);
      await waitUntil(() => paused.loadState === 'ready' && slow.called, 'the download starts');
      paused.play();
      paused.pause();
      arrive();
      await paused.updateComplete;
      expect(shadow(paused).querySelector('audio')!.paused).to.equal(true);
      expect(paused.playing).to.equal(undefined);
    });
  });

  describe('speech', () => {
    it('reads sentence by sentence with a voice per speaker, following the current line', async () => {
      const synth = new FakeSynth([voice('Alex', 'en-US', true), voice('Sam', 'en-GB'), voice('Juan', 'es-ES')]);
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue speech .synthesis=${synth} .lesson=${talk()}></lesson-dialogue>`));
      await waitUntil(() => el['speechStatus'] === 'ready');
      await expect(el).to.be.accessible();
      const listen = part(el, 'listen-button');
      expect(listen.textContent!.trim()).to.equal('Listen');
      const played = oneEvent(el, 'lesson-play');
      listen.click();
      expect((await played).detail).to.deep.equal({ source: 'speech' });
      await el.updateComplete;
      expect(part(el, 'listen-button').textContent!.trim()).to.equal('Stop');
      expect(synth.spoken.map((u) => u.text)).to.deep.equal(['What is a thread?']);
      expect(synth.spoken[0]!.voice!.name).to.equal('Alex');
      expect(currentIndex(el)).to.equal(0);
      synth.finish();
      await el.updateComplete;
      expect(synth.spoken[1]!.voice!.name).to.equal('Sam');
      expect(currentIndex(el)).to.equal(1);
      synth.finish();
      expect(synth.spoken.slice(2).map((u) => u.text)).to.deep.equal(['Right.']);
      const paused = oneEvent(el, 'lesson-pause');
      part(el, 'listen-button').click();
      expect((await paused).detail).to.deep.equal({ source: 'speech' });
      expect(synth.cancels).to.be.greaterThan(0);
    });

    it('in think mode, stops speaking at the prompt', async () => {
      const synth = new FakeSynth([voice('Alex', 'en-US')]);
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue mode="think" speech .synthesis=${synth} .lesson=${talk()}></lesson-dialogue>`));
      el.play();
      await waitUntil(() => synth.spoken.length === 1);
      synth.finish();
      await el.updateComplete;
      expect(part(el, 'think')).to.exist;
      expect(el.playing).to.equal(undefined);
      expect(synth.spoken).to.have.length(1);
    });

    it('explains, in text the button points to, why Listen is unavailable without voices', async () => {
      const synth = new FakeSynth([]);
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue speech .synthesis=${synth} .lesson=${talk()}></lesson-dialogue>`));
      synth.dispatchEvent(new Event('voiceschanged'));
      await waitUntil(() => part(el, 'status')?.textContent?.includes('no text-to-speech voices'), 'the reason shows');
      const listen = part(el, 'listen-button');
      expect(listen.getAttribute('aria-disabled')).to.equal('true');
      expect(listen.getAttribute('aria-describedby')).to.equal(part(el, 'status').id);
      await expect(el).to.be.accessible();
      const announce = sinon.spy(el, 'announce');
      listen.click();
      await waitUntil(() => announce.called);
      expect(announce.lastCall.args[0]).to.equal('Listening is not available: this browser has no text-to-speech voices installed.');
      expect(synth.spoken).to.have.length(0);
      expect(el.playing).to.equal(undefined);
    });

    it('explains when the browser has no speech at all', async () => {
      const descriptor = Object.getOwnPropertyDescriptor(window, 'speechSynthesis');
      Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
      try {
        const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue speech .lesson=${talk()}></lesson-dialogue>`));
        await waitUntil(() => part(el, 'status'));
        expect(part(el, 'status').textContent).to.equal('Listening is not available: this browser cannot read text aloud.');
      } finally {
        if (descriptor) Object.defineProperty(window, 'speechSynthesis', descriptor);
        else delete (window as { speechSynthesis?: unknown }).speechSynthesis;
      }
    });
    it('loads its speech code only to read aloud, says so when that fails, and tries again on the next press', async () => {
      await expectNoDownload(speechLoader, 'no speech code without the speech attribute');
      const failing = sinon.stub(speechLoader, 'load').rejects(new Error('offline'));
      const logged = sinon.stub(console, 'error');
      const synth = new FakeSynth([voice('Alex', 'en-US')]);
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue speech .synthesis=${synth} .lesson=${talk()}></lesson-dialogue>`));
      await waitUntil(() => part(el, 'status'), 'the reason shows');
      logged.restore();
      expect(part(el, 'status').textContent).to.equal('Reading aloud could not be loaded. Check the connection, then press Listen again.');
      expect(logged.firstCall.args[1]).to.have.property('message', 'offline');
      expect(part(el, 'listen-button').getAttribute('aria-disabled'), 'a press tries again').to.equal(null);
      await expect(el).to.be.accessible();
      failing.restore();
      // The next press loads it and reads.
      el.play();
      await waitUntil(() => synth.spoken.length === 1, 'reads once its code loads');
      expect(el.playing).to.equal('speech');
      el.pause();
    });
  });

  describe('long dialogues', () => {
    const longTalk = (count: number) =>
      talk(
        {},
        Array.from({ length: count }, (_, i) => ({ id: `n${i}`, speaker: i % 2 ? 's1' : 'teacher', text: `Line number ${i + 1}.` })),
      );

    it('shows the first lines at once and the rest over the next frames', async () => {
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue .lesson=${longTalk(500)}></lesson-dialogue>`));
      const first = lineElements(el).length;
      expect(first).to.be.within(1, 100);
      await waitUntil(() => lineElements(el).length === 500, 'every line renders');
      expect(shownTexts(el)[499]).to.equal('Line number 500.');
    });

    it('keeps exactly one current line and one tab stop as the current line moves across blocks', async () => {
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue mode="step" .lesson=${longTalk(300)}></lesson-dialogue>`));
      for (const index of [120, 7, 299, 0]) {
        el.goToLine(index);
        await el.updateComplete;
        expect(shadow(el).querySelectorAll('[aria-current]'), `at ${index}`).to.have.length(1);
        expect(currentIndex(el)).to.equal(index);
        expect([...shadow(el).querySelectorAll('li.line')].filter((line) => (line as HTMLElement).tabIndex === 0)).to.deep.equal([lineElements(el)[index]]);
        expect(shadow(el).querySelectorAll('[part~="current-line"]')).to.have.length(1);
      }
      // A jump shows many lines at once without animating them all.
      expect(shadow(el).querySelectorAll('[data-fresh]')).to.have.length(0);
      el.restart();
      el.next();
      await el.updateComplete;
      expect([...shadow(el).querySelectorAll('[data-fresh]')]).to.deep.equal([lineElements(el)[1]]);
    });

    it('renders a far line at once when it becomes current, and searches every line', async () => {
      const el = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue .lesson=${longTalk(500)}></lesson-dialogue>`));
      el.goToLine(450);
      await el.updateComplete;
      expect(currentIndex(el)).to.equal(450);
      const other = await ready(await fixture<LessonDialogue>(html`<lesson-dialogue .lesson=${longTalk(500)}></lesson-dialogue>`));
      const input = part<HTMLInputElement>(other, 'search-input');
      input.value = 'number 499';
      input.dispatchEvent(new Event('input'));
      await other.updateComplete;
      expect(shownTexts(other)).to.deep.equal(['Line number 499.']);
    });
  });

  it('keeps its contrast in the dark theme, in think mode with the prompt open', async () => {
    const wrapper = await fixture(
      html`<div style="--lesson-color-scheme: dark; color-scheme: dark; background: #0d1117">
        <lesson-dialogue mode="think" .lesson=${talk()}></lesson-dialogue>
      </div>`,
    );
    const el = await ready(wrapper.querySelector('lesson-dialogue')!);
    for (let i = 0; i < 4; i++) el.next();
    await expect(await settled(el)).to.be.accessible();
    expect(part(el, 'think')).to.exist;
  });

  describe('layout', () => {
    it('reflows at 320 px without horizontal scrolling', async () => {
      await setViewport({ width: 320, height: 640 });
      const wav = URL.createObjectURL(toneWav(1));
      mediaUrls.set('short.wav', wav);
      try {
        // Audio and step controls together: the widest control bar there is.
        const el = await ready(await fixture<LessonDialogue>(html`<test-dialogue mode="step" .lesson=${talk({ audio: { src: 'short.wav' } })}></test-dialogue>`));
        await aTimeout(0);
        expect(el.scrollWidth).to.be.at.most(el.clientWidth);
        expect(part(el, 'dialogue').scrollWidth).to.be.at.most(part(el, 'dialogue').clientWidth + 1);
        await expect(el).to.be.accessible();
      } finally {
        URL.revokeObjectURL(wav);
        await setViewport({ width: 800, height: 600 });
      }
    });
  });
});
