import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import sinon from 'sinon';
import { LessonAnswerEvent, LessonCompleteEvent, LessonLoadEvent, LessonProgressEvent } from '../src/core/events.js';
import { MemoryProgressStore, progressKey } from '../src/core/storage.js';
import {
  connectScorm,
  duration2004,
  findScormApi,
  timespan12,
  type ScormOptions,
  type ScormSession,
  type Scorm12Api,
} from '../src/delivery/scorm-runtime.js';
import { axeViolationsIn } from './fixtures/axe-in-frame.js';
import { lms12, lms2004, relaunch12, relaunch2004, type Recorder } from './fixtures/scorm/lms.js';
import { cardStates } from './fixtures/scorm/progress.js';

type Sco = {
  session: ScormSession | undefined;
  save(value: unknown, ...parts: string[]): void;
  read(...parts: string[]): unknown;
  load(): void;
  progress(progress: number, score?: number): void;
  complete(score?: number, maxScore?: number): void;
  sectionComplete(id: string): void;
};
type LmsWindow = Window & { API?: unknown; API_1484_11?: unknown; sco?: Sco };

const frames: HTMLIFrameElement[] = [];

/** A same-origin frame: its own window, document and page lifecycle. */
async function frame(src = 'about:blank', parent: Document = document): Promise<HTMLIFrameElement> {
  const iframe = parent.createElement('iframe');
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = src;
  parent.body.append(iframe);
  await loaded;
  frames.push(iframe);
  return iframe;
}

/** Opens the stand-in SCO (test/fixtures/scorm/sco.html) under this page, as an LMS does. */
async function launch(query = ''): Promise<Sco> {
  const iframe = await frame(`/test/fixtures/scorm/sco.html${query}`);
  const win = iframe.contentWindow as LmsWindow;
  await waitUntil(() => win.sco, 'the SCO page did not start');
  return win.sco!;
}

const lesson = (win: Window) => ({
  progress: (progress: number, score?: number) =>
    win.document.dispatchEvent(new LessonProgressEvent({ id: 'mini', progress, ...(score === undefined ? {} : { score }) })),
  complete: (score?: number, maxScore?: number) =>
    win.document.dispatchEvent(new LessonCompleteEvent({ id: 'mini', ...(score === undefined ? {} : { score, maxScore }) })),
  answer: (id: string, response: string, correct: boolean, step?: number) =>
    win.document.dispatchEvent(new LessonAnswerEvent({ id, response, correct, ...(step === undefined ? {} : { step }) })),
});

const quiet = { warn: () => {} };

/** The last value the SCO set on a (write-only) element. */
const sent = (log: Recorder, element: string) =>
  [...log.calls].reverse().find((call) => call.startsWith(`LMSSetValue ${element} `) || call.startsWith(`SetValue ${element} `))?.split(' ')[2];

/** A frame with the LMS's API on its own window, connected for lesson "mini". */
async function connectInFrame<L extends { api: unknown }>(lms: L, name: 'API' | 'API_1484_11', options: ScormOptions) {
  const iframe = await frame();
  const win = iframe.contentWindow as LmsWindow;
  win[name] = lms.api;
  const session = connectScorm({ window: win, lessonId: 'mini', ...quiet, ...options })!;
  return { iframe, win, session, ...lms };
}

afterEach(() => {
  frames.splice(0).forEach((iframe) => iframe.remove());
  delete (window as LmsWindow).API;
  delete (window as LmsWindow).API_1484_11;
  sinon.restore();
});

describe('findScormApi', () => {
  it('finds the API in the page itself, then up the parents, 2004 before 1.2', async () => {
    const outer = await frame();
    const inner = await frame('about:blank', outer.contentDocument!);
    const { api } = lms12();
    (outer.contentWindow as LmsWindow).API = api;
    expect(findScormApi(inner.contentWindow!)).to.deep.equal({ version: '1.2', api });
    const { api: api2004 } = lms2004();
    (inner.contentWindow as LmsWindow).API_1484_11 = api2004;
    expect(findScormApi(inner.contentWindow!)).to.deep.equal({ version: '2004', api: api2004 });
    expect(findScormApi(inner.contentWindow!, { version: '1.2' })?.api).to.equal(api);
  });

  it('climbs past frames of another origin, which throw SecurityError', () => {
    const { api } = lms12();
    const top = { API: api } as unknown as Window & { parent: Window };
    top.parent = top;
    const foreign = {
      get API(): unknown {
        throw new DOMException('Blocked a frame with origin', 'SecurityError');
      },
      get API_1484_11(): unknown {
        throw new DOMException('Blocked a frame with origin', 'SecurityError');
      },
      parent: top,
    } as unknown as Window;
    const sco = { parent: foreign, top } as unknown as Window;
    expect(findScormApi(sco)?.api).to.equal(api);
  });

  it('looks in the window that opened a pop-up, and stops at the depth limit', () => {
    const { api } = lms12();
    const opener = { API: api } as unknown as Window & { parent: Window };
    opener.parent = opener;
    const popup = { opener } as unknown as Window & { parent: Window; top: Window };
    popup.parent = popup;
    popup.top = popup;
    expect(findScormApi(popup)?.api).to.equal(api);

    const chain = Array.from({ length: 12 }, () => ({}) as { parent?: unknown; API?: unknown });
    chain.forEach((win, i) => (win.parent = chain[i + 1] ?? win));
    chain[11]!.API = api;
    expect(findScormApi(chain[0] as unknown as Window, { maxDepth: 5 })).to.equal(undefined);
    expect(findScormApi(chain[0] as unknown as Window, { maxDepth: 11 })?.api).to.equal(api);
  });

  it('finds nothing on an ordinary page', () => {
    expect(findScormApi(window)).to.equal(undefined);
  });
});

describe('connectScorm without an LMS', () => {
  it('does nothing at all, and the lesson keeps the browser store', async () => {
    const iframe = await frame();
    const win = iframe.contentWindow!;
    const listen = sinon.spy(win.document, 'addEventListener');
    expect(connectScorm({ window: win })).to.equal(undefined);
    expect(listen.called).to.equal(false);
  });

  it('gives up quietly when the LMS refuses to initialize', async () => {
    const iframe = await frame();
    const { api } = lms12();
    api.LMSInitialize = () => 'false';
    (iframe.contentWindow as LmsWindow).API = api;
    const warn = sinon.spy();
    expect(connectScorm({ window: iframe.contentWindow!, warn })).to.equal(undefined);
    expect(warn.calledOnce).to.equal(true);
  });
});

describe('SCORM 1.2 session', () => {
  const start = (initial: Record<string, unknown> = {}, options: ScormOptions = {}) => connectInFrame(lms12(initial), 'API', options);

  it('starts an attempt: incomplete, committed at once', async () => {
    const { session, lms, log } = await start();
    expect(session.version).to.equal('1.2');
    expect(lms.cmi.core.lesson_status).to.equal('incomplete');
    expect(log.calls).to.include('LMSCommit');
    expect(connectScorm({ window: frames[0]!.contentWindow! })).to.equal(session);
  });

  it('reports completion and the score as a percentage, and commits each change', async () => {
    const { win, lms, log } = await start();
    lesson(win).progress(0.5, 0.5);
    expect(lms.cmi.core.lesson_status).to.equal('incomplete');
    expect(lms.cmi.core.score.raw).to.equal('50');
    const commits = log.calls.filter((call) => call === 'LMSCommit').length;
    lesson(win).complete(5, 6);
    expect(lms.cmi.core.lesson_status).to.equal('completed');
    expect(lms.cmi.core.score.raw).to.equal('83.33');
    expect(lms.cmi.core.score.min).to.equal('0');
    expect(lms.cmi.core.score.max).to.equal('100');
    expect(log.calls.filter((call) => call === 'LMSCommit').length).to.equal(commits + 1);
  });

  it('ignores the events of sections and of other lessons', async () => {
    const { win, lms } = await start();
    win.document.dispatchEvent(new LessonCompleteEvent({ id: 'talk', score: 0, maxScore: 3 }));
    win.document.dispatchEvent(new LessonProgressEvent({ id: 'another-lesson', progress: 1 }));
    expect(lms.cmi.core.lesson_status).to.equal('incomplete');
    expect(lms.cmi.core.score.raw).to.equal('');
  });

  it('passes or fails against the mastery score the LMS gives', async () => {
    const { win, lms } = await start({ student_data: { mastery_score: '80' } });
    lesson(win).complete(4, 6);
    expect(lms.cmi.core.lesson_status).to.equal('failed');
    lesson(win).complete(5, 6);
    expect(lms.cmi.core.lesson_status).to.equal('passed');
    lesson(win).complete(1, 6);
    expect(lms.cmi.core.lesson_status).to.equal('passed', 'a pass is never taken back');
  });

  it('lets the passingScore option override the mastery score', async () => {
    const { win, lms } = await start({ student_data: { mastery_score: '90' } }, { passingScore: 0.5 });
    lesson(win).complete(3, 6);
    expect(lms.cmi.core.lesson_status).to.equal('passed');
  });

  it('keeps progress in suspend_data, committed after a short wait', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { session, lms, log } = await start({}, { commitDelay: 1000 });
    session.store.write(progressKey('mini', 'view', 'summary'), 'detailed');
    expect(lms.cmi.suspend_data).to.equal('');
    clock.tick(1000);
    expect(lms.cmi.suspend_data).to.equal('{"mini":{"view:summary":"detailed"}}');
    expect(log.calls.at(-1)).to.equal('LMSCommit');
  });

  it('retries a failed commit with growing waits, reading the LMS error', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const warn = sinon.spy();
    const { session, log } = await start({}, { retryDelays: [100, 200, 400], warn });
    log.failCommits = 2;
    log.calls.length = 0;
    expect(session.commit()).to.equal(false);
    expect(warn.lastCall.args[0]).to.contain('101 General Exception');
    clock.tick(99);
    expect(log.calls.filter((call) => call === 'LMSCommit')).to.have.length(1);
    clock.tick(1);
    expect(log.calls.filter((call) => call === 'LMSCommit')).to.have.length(2);
    clock.tick(199);
    expect(log.calls.filter((call) => call === 'LMSCommit')).to.have.length(2);
    clock.tick(1);
    expect(log.calls.filter((call) => call === 'LMSCommit')).to.have.length(3);
    clock.tick(10_000);
    expect(log.calls.filter((call) => call === 'LMSCommit')).to.have.length(3, 'no retry after a success');
  });

  it('stops retrying after the last delay', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { session, log } = await start({}, { retryDelays: [100, 200] });
    log.failCommits = 100;
    log.calls.length = 0;
    session.commit();
    clock.tick(60_000);
    expect(log.calls.filter((call) => call === 'LMSCommit')).to.have.length(3);
  });

  it('commits when the page is hidden, with the session time so far', async () => {
    const { win, lms, log } = await start();
    log.calls.length = 0;
    Object.defineProperty(win.document, 'visibilityState', { value: 'hidden', configurable: true });
    win.document.dispatchEvent(new Event('visibilitychange'));
    expect(log.calls.at(-1)).to.equal('LMSCommit');
    expect(sent(log, 'cmi.core.session_time')).to.match(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    expect(lms.LMSGetLastError()).to.equal('0');
  });

  it('commits on beforeunload, and on pagehide saves, suspends and terminates once', async () => {
    const { iframe, win, session, log } = await start();
    session.store.write(progressKey('mini', 'x'), 1);
    log.calls.length = 0;
    win.dispatchEvent(new Event('beforeunload'));
    expect(log.calls).to.deep.equal(['LMSSetValue cmi.suspend_data {"mini":{"x":1}}', 'LMSCommit']);
    log.calls.length = 0;
    iframe.remove();
    expect(log.calls.filter((call) => call === 'LMSFinish')).to.have.length(1);
    expect(sent(log, 'cmi.core.exit')).to.equal('suspend');
    session.finish();
    expect(log.calls.filter((call) => call === 'LMSFinish')).to.have.length(1);
    expect(session.commit()).to.equal(false);
  });

  it('resumes from suspend_data on the next launch', async () => {
    const first = await start();
    first.session.store.write(progressKey('mini', 'cards', 'f1', 'forward'), { due: '2025-01-01', reps: 2 });
    lesson(first.win).complete(6, 6);
    first.session.finish();
    const second = await start(relaunch12(first.lms));
    expect(second.session.entry).to.equal('resume');
    expect(second.session.store.read(progressKey('mini', 'cards', 'f1', 'forward'))).to.deep.equal({ due: '2025-01-01', reps: 2 });
    expect(second.lms.cmi.core.lesson_status).to.equal('completed', 'a completed lesson stays completed');
  });

  it('never sends more than 4,096 characters of suspend_data, and loses nothing', async () => {
    const first = await start();
    const progress = cardStates('mini', 24);
    for (const [key, value] of Object.entries(progress)) first.session.store.write(key, value);
    expect(JSON.stringify(progress).length).to.be.greaterThan(8192);
    first.session.commit();
    expect(first.log.rejected).to.deep.equal([]);
    expect(first.lms.cmi.suspend_data.length).to.be.within(1, 4096);
    expect(first.session.store.fault).to.equal(undefined);
    first.session.finish();

    const second = await start(relaunch12(first.lms));
    for (const [key, value] of Object.entries(progress)) expect(second.session.store.read(key)).to.deep.equal(value);
  });

  it('keeps what cannot fit in the browser, warns, and still reads it back', async () => {
    const overflow = new MemoryProgressStore();
    const warn = sinon.spy();
    const first = await start({}, { overflow, warn });
    const progress = cardStates('mini', 150);
    for (const [key, value] of Object.entries(progress)) first.session.store.write(key, value);
    first.session.commit();
    expect(first.log.rejected).to.deep.equal([]);
    expect(first.lms.cmi.suspend_data.length).to.be.at.most(4096);
    expect(warn.firstCall.args[0]).to.match(/larger than the LMS can keep \(4096 characters\): \d+ part\(s\) are kept in this browser only/);
    expect(first.session.store.fault).to.equal(undefined, 'progress is still saved: no notice');
    first.session.finish();

    const second = await start(relaunch12(first.lms), { overflow });
    for (const [key, value] of Object.entries(progress)) expect(second.session.store.read(key)).to.deep.equal(value);
  });

  it('says progress is not saved when what does not fit has nowhere to go', async () => {
    const { session } = await start();
    for (const [key, value] of Object.entries(cardStates('mini', 150))) session.store.write(key, value);
    session.commit();
    expect(session.store.fault).to.match(/kept until the page is closed/);
    expect(session.store.read('lesson-elements:mini:cards:card-0:forward')).to.deep.equal(cardStates('mini', 1)['lesson-elements:mini:cards:card-0:forward']);
  });

  it('starts afresh, without overwriting, when suspend_data is not its own', async () => {
    const { session, lms, log } = await start({ suspend_data: 'viewed=1,2,3|slide=4', core: { entry: 'resume' } });
    expect(session.store.fault).to.match(/could not be read/);
    expect(session.store.read(progressKey('mini', 'x'))).to.equal(undefined);
    session.commit();
    expect(log.calls.some((call) => call.startsWith('LMSSetValue cmi.suspend_data'))).to.equal(false);
    expect(lms.cmi.suspend_data).to.equal('viewed=1,2,3|slide=4');
  });

  it('records each answer as an interaction, after those the LMS already has', async () => {
    const earlier = { id: 'mop.1', type: 'fill-in', student_response: 'remembered', result: 'correct' };
    const { win, lms } = await start({ interactions: { 0: earlier } });
    lesson(win).answer('threading-pro-io', 'multiprocessing', false);
    lesson(win).answer('threading-rhyme', 'Threading is light,\n  for I/O it shines bright ', true, 2);
    // 1.2's interaction elements are write-only: read them as the LMS stores them.
    const stored = Object.values(JSON.parse(JSON.stringify(lms.cmi.interactions)) as Record<string, typeof earlier>);
    expect(stored.map(({ id, type, student_response, result }) => ({ id, type, student_response, result }))).to.deep.equal([
      earlier,
      { id: 'threading-pro-io', type: 'fill-in', student_response: 'multiprocessing', result: 'wrong' },
      { id: 'threading-rhyme.2', type: 'fill-in', student_response: 'Threading is light, for I/O it shines bright', result: 'correct' },
    ]);
  });

  it('stops recording answers, with one warning, when the LMS refuses interactions; status and score go on', async () => {
    const warn = sinon.spy();
    const { win, api, lms } = await start({}, { warn });
    const setValue = api.LMSSetValue;
    const refused: string[] = [];
    (api as Scorm12Api).LMSSetValue = (element, value) =>
      element.startsWith('cmi.interactions.') ? (refused.push(element), 'false') : setValue(element, value);
    lesson(win).answer('threading-pro-io', 'threading', true);
    lesson(win).answer('threading-con-gil', 'threading', true);
    lesson(win).complete(2, 2);
    expect(warn.callCount).to.equal(1);
    expect(warn.firstCall.args[0]).to.match(/^Answers are not recorded as interactions/);
    expect(refused).to.deep.equal(['cmi.interactions.0.id'], 'no further attempt after the refusal');
    expect(lms.cmi.core.lesson_status).to.equal('completed');
    expect(lms.cmi.core.score.raw).to.equal('100');
  });

  it('survives an LMS whose API throws', async () => {
    const { session, api } = await start();
    (api as Scorm12Api).LMSCommit = () => {
      throw new Error('LMS bug');
    };
    expect(session.commit()).to.equal(false);
  });
});

describe('SCORM 2004 session', () => {
  const start = (initial: Record<string, unknown> = {}, options: ScormOptions = {}) => connectInFrame(lms2004(initial), 'API_1484_11', options);

  it('reports completion, progress measure, success and the scaled score', async () => {
    const { win, session, lms } = await start({ scaled_passing_score: '0.8' });
    expect(session.version).to.equal('2004');
    expect(lms.cmi.completion_status).to.equal('incomplete');
    lesson(win).progress(0.25);
    expect(lms.cmi.progress_measure).to.equal('0.25');
    expect(lms.cmi.success_status).to.equal('unknown');
    lesson(win).complete(5, 6);
    expect(lms.cmi.completion_status).to.equal('completed');
    expect(lms.cmi.progress_measure).to.equal('1');
    expect(lms.cmi.success_status).to.equal('passed');
    expect(lms.cmi.score.scaled).to.equal('0.8333');
    expect(lms.cmi.score.raw).to.equal('83.33');
    expect(lms.cmi.score.max).to.equal('100');
  });

  it('records answers as interactions: identifiers as choices, typed text as other', async () => {
    const { win, lms } = await start();
    lesson(win).answer('threading-pro-io', 'multiprocessing', false);
    lesson(win).answer('chef-story', 'Imagine a chef\n(threading)', true, 3);
    const pick = ({ id, type, learner_response, result }: Record<string, string>) => ({ id, type, learner_response, result });
    expect(lms.cmi.interactions.childArray.map((entry) => pick(entry as unknown as Record<string, string>))).to.deep.equal([
      { id: 'threading-pro-io', type: 'choice', learner_response: 'multiprocessing', result: 'incorrect' },
      { id: 'chef-story.3', type: 'other', learner_response: 'Imagine a chef (threading)', result: 'correct' },
    ]);
  });

  it('reports failed under the passing score, and no success status without one', async () => {
    const failing = await start({}, { passingScore: 0.9 });
    lesson(failing.win).complete(5, 6);
    expect(failing.lms.cmi.success_status).to.equal('failed');
    frames.splice(0).forEach((iframe) => iframe.remove());
    const unscored = await start();
    lesson(unscored.win).complete(5, 6);
    expect(unscored.lms.cmi.success_status).to.equal('unknown');
  });

  it('suspends with the session time as an ISO duration, terminates once, and resumes', async () => {
    const first = await start();
    first.session.store.write(progressKey('mini', 'view', 'summary'), 'quick');
    lesson(first.win).progress(0.5);
    first.iframe.remove();
    expect(sent(first.log, 'cmi.exit')).to.equal('suspend');
    expect(sent(first.log, 'cmi.session_time')).to.match(/^PT(\d+H)?(\d+M)?[\d.]+S$/);
    expect(first.log.calls.filter((call) => call === 'Terminate')).to.have.length(1);

    const second = await start(relaunch2004(first.lms));
    expect(second.session.entry).to.equal('resume');
    expect(second.session.store.read(progressKey('mini', 'view', 'summary'))).to.equal('quick');
  });
});

describe('session time formats', () => {
  it('writes SCORM 1.2 timespans and SCORM 2004 durations', () => {
    expect(timespan12(0)).to.equal('00:00:00.00');
    expect(timespan12(3_723_450)).to.equal('01:02:03.45');
    expect(duration2004(0)).to.equal('PT0S');
    expect(duration2004(3_723_450)).to.equal('PT1H2M3.45S');
  });
});

describe('a SCO in an LMS frame (scorm-again as window.API of the page above)', () => {
  it('SCORM 1.2: completes the lesson, scores it, saves and resumes its progress', async () => {
    const first = lms12({ student_data: { mastery_score: '75' } });
    (window as LmsWindow).API = first.api;
    const sco = await launch();
    expect(sco.session?.version).to.equal('1.2');
    expect(first.lms.cmi.core.lesson_status).to.equal('incomplete');
    sco.load();
    sco.save({ current: 3 }, 'dialogue', 'talk');
    sco.sectionComplete('talk');
    expect(first.lms.cmi.core.lesson_status).to.equal('incomplete');
    sco.progress(0.5, 1);
    sco.complete(5, 6);
    expect(first.lms.cmi.core.lesson_status).to.equal('passed');
    expect(first.lms.cmi.core.score.raw).to.equal('83.33');
    await waitUntil(() => first.lms.cmi.suspend_data !== '', 'progress was not saved');
    expect(first.lms.cmi.suspend_data).to.equal('{"mini":{"dialogue:talk":{"current":3}}}');
    frames.splice(0).forEach((iframe) => iframe.remove());
    expect(sent(first.log, 'cmi.core.exit')).to.equal('suspend');

    const second = lms12(relaunch12(first.lms));
    (window as LmsWindow).API = second.api;
    const resumed = await launch();
    expect(resumed.session?.entry).to.equal('resume');
    expect(resumed.read('dialogue', 'talk')).to.deep.equal({ current: 3 });
    expect(second.lms.cmi.core.lesson_status).to.equal('passed');
  });

  it('SCORM 2004: completes the lesson, scores it, saves and resumes its progress', async () => {
    const first = lms2004();
    (window as LmsWindow).API_1484_11 = first.api;
    const sco = await launch('?passing=0.9');
    expect(sco.session?.version).to.equal('2004');
    sco.load();
    sco.save(['f1', 'f2'], 'deck', 'seen');
    sco.complete(5, 6);
    expect(first.lms.cmi.completion_status).to.equal('completed');
    expect(first.lms.cmi.success_status).to.equal('failed');
    expect(first.lms.cmi.score.scaled).to.equal('0.8333');
    frames.splice(0).forEach((iframe) => iframe.remove());
    expect(first.lms.cmi.suspend_data).to.equal('{"mini":{"deck:seen":["f1","f2"]}}');

    const second = lms2004(relaunch2004(first.lms));
    (window as LmsWindow).API_1484_11 = second.api;
    const resumed = await launch();
    expect(resumed.read('deck', 'seen')).to.deep.equal(['f1', 'f2']);
    expect(second.lms.cmi.completion_status).to.equal('completed');
  });

  it('without an LMS above, the SCO page runs on the browser store', async () => {
    const sco = await launch('?lesson=no-lms');
    expect(sco.session).to.equal(undefined);
    sco.save(1, 'x');
    expect(sco.read('x')).to.equal(1);
  });
});

describe('lesson id', () => {
  it('is learned from the lesson-load of <lesson-view> when not given', async () => {
    const iframe = await frame();
    const win = iframe.contentWindow as LmsWindow;
    const { api, lms } = lms12();
    win.API = api;
    connectScorm({ window: win, ...quiet });
    const view = win.document.createElement('lesson-view');
    const child = win.document.createElement('lesson-dialogue');
    view.append(child);
    win.document.body.append(view);
    child.dispatchEvent(new LessonLoadEvent('mini'));
    view.dispatchEvent(new LessonCompleteEvent({ id: 'mini' }));
    expect(lms.cmi.core.lesson_status).to.equal('incomplete', 'a child element does not name the lesson');
    view.dispatchEvent(new LessonLoadEvent('mini'));
    view.dispatchEvent(new LessonCompleteEvent({ id: 'mini' }));
    expect(lms.cmi.core.lesson_status).to.equal('completed');
  });
});

describe('the real <lesson-view> in a SCO frame', () => {
  type View = HTMLElement & { loadState: string; completion: number; score: number | undefined; updateComplete: Promise<unknown> };

  /** Launches test/fixtures/scorm/view-sco.html (a package's launch page, from the sources) and waits for the lesson. */
  async function launchView(): Promise<{ win: LmsWindow & { scorm?: ScormSession }; view: View }> {
    const iframe = await frame('/test/fixtures/scorm/view-sco.html');
    // Tall enough to show every section: reading sections count once seen.
    iframe.style.cssText = 'width: 900px; height: 14000px; border: 0';
    const win = iframe.contentWindow as LmsWindow & { scorm?: ScormSession };
    const view = win.document.querySelector('lesson-view') as View;
    await waitUntil(() => view.loadState === 'ready', 'the lesson did not load', { timeout: 10_000 });
    return { win, view };
  }

  /** Each element's task ends with the event it fires when its learner finishes; the practice scores 5 of 6. */
  function finishEveryPart(view: View) {
    const complete = (element: Element, detail: Record<string, unknown>) =>
      element.dispatchEvent(new CustomEvent('lesson-complete', { bubbles: true, composed: true, detail }));
    const root = view.shadowRoot!;
    root.querySelectorAll('lesson-dialogue').forEach((dialogue) => complete(dialogue, { id: dialogue.getAttribute('dialogue') }));
    complete(root.querySelector('lesson-pros-cons[mode="practice"]')!, { id: 'pros-cons', score: 5, maxScore: 6 });
    for (const aid of ['threading-rhyme', 'chef-story', 't-and-m', 'mop']) complete(root.querySelector('lesson-mnemonic')!, { id: aid });
    complete(root.querySelector('lesson-flashcards')!, { id: 'flashcards' });
  }

  before(() => setViewport({ width: 1000, height: 15000 }));
  after(() => setViewport({ width: 800, height: 600 }));
  // Other test files share this origin's localStorage: start from none of this lesson's keys, so the
  // assertion below proves the SCORM run itself wrote nothing there.
  beforeEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('lesson-elements:python-concurrency')) localStorage.removeItem(key);
  });

  it('shows the lesson accessibly under the LMS, before and after every part is finished', async () => {
    (window as LmsWindow).API = lms12().api;
    const { view } = await launchView();
    await view.updateComplete;
    expect(await axeViolationsIn(view)).to.deep.equal([]);
    await waitUntil(() => view.completion > 0, 'no reading section counted');
    finishEveryPart(view);
    await waitUntil(() => view.completion === 1, `the lesson is not complete (${view.completion})`);
    await view.updateComplete;
    expect(await axeViolationsIn(view)).to.deep.equal([]);
  });

  it('SCORM 1.2: the lesson reports passed with its score, keeps progress in suspend_data and resumes from it', async () => {
    const first = lms12();
    (window as LmsWindow).API = first.api;
    const { win, view } = await launchView();
    expect(win.scorm?.version).to.equal('1.2');
    expect(first.lms.cmi.core.lesson_status).to.equal('incomplete');
    await waitUntil(() => view.completion > 0, 'no reading section counted');
    finishEveryPart(view);
    await waitUntil(() => view.completion === 1, `the lesson is not complete (${view.completion})`);
    expect(first.lms.cmi.core.lesson_status).to.equal('passed');
    expect(first.lms.cmi.core.score.raw).to.equal('83.33');
    frames.splice(0).forEach((iframe) => iframe.remove());
    expect(first.log.rejected).to.deep.equal([]);
    expect(first.lms.cmi.suspend_data).to.match(/^\{"python-concurrency":\{.*"view-progress"/);
    expect(Object.keys(localStorage).filter((key) => key.startsWith('lesson-elements:python-concurrency'))).to.deep.equal([]);

    const second = lms12(relaunch12(first.lms));
    (window as LmsWindow).API = second.api;
    const resumed = await launchView();
    expect(resumed.win.scorm?.entry).to.equal('resume');
    expect(resumed.view.completion).to.equal(1);
    expect(resumed.view.score).to.be.closeTo(5 / 6, 1e-9);
    expect(second.lms.cmi.core.lesson_status).to.equal('passed');
  });
});
