/**
 * The early start of lesson downloads (src/core/early-fetch.ts): the files the
 * page's elements name are requested before the elements are defined, and the
 * loader takes those requests instead of asking again. The requests go to the
 * fault server (test/fixtures/fault-server.mjs), which counts them.
 */
import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { requestLessonsEarly } from '../../src/core/early-fetch.js';
import { clearLessonCache, DEFAULT_TIMEOUT_MS, loadLesson, setLoadTimeout, type LessonLoadError } from '../../src/core/load.js';

let tokens = 0;
const newToken = () => `early-${Date.now()}-${++tokens}`;
const requestsFor = async (token: string) => (await (await fetch(`/test-faults/requests/${token}`)).json()) as number;
const absolute = (path: string) => new URL(path, document.baseURI).href;

/** Markup as a page has it before our script runs: in a template, so no element is upgraded and none fetches on its own. */
function pageWith(markup: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = markup;
  return template.content;
}

describe('early lesson downloads', () => {
  beforeEach(() => clearLessonCache());
  afterEach(() => {
    sinon.restore();
    setLoadTimeout(DEFAULT_TIMEOUT_MS);
  });

  /** The loader's own requests for lesson files, from here on. */
  const spyOnLessonFetches = () => {
    const spy = sinon.spy(window, 'fetch');
    const urlOf = (input: RequestInfo | URL) => (input instanceof Request ? input.url : input instanceof URL ? input.href : input);
    return () => spy.getCalls().filter((call) => urlOf(call.args[0]).includes('/lesson.json'));
  };

  it('requests each file the elements name once, before any element asks, and the loader takes that request', async () => {
    const token = newToken();
    const file = `/test-faults/slow/${token}/lesson.json?ms=50`;
    requestLessonsEarly(pageWith(`<lesson-view src="${file}"></lesson-view><lesson-dialogue src="${file}#mini-dialogue"></lesson-dialogue>`));
    await waitUntil(async () => (await requestsFor(token)) === 1, 'the early request reaches the server');
    const loaderFetches = spyOnLessonFetches();
    const lesson = await loadLesson(absolute(file));
    expect(lesson.title).to.be.a('string').and.not.be.empty;
    expect(loaderFetches(), 'the loader did not ask again').to.have.length(0);
    expect(await requestsFor(token)).to.equal(1);
  });

  it('drops an early request that clearLessonCache forgets: the next load asks for the file as it is now', async () => {
    const token = newToken();
    const file = `/test-faults/slow/${token}/lesson.json?ms=10`;
    requestLessonsEarly(pageWith(`<lesson-view src="${file}"></lesson-view>`));
    await waitUntil(async () => (await requestsFor(token)) === 1, 'the early request reaches the server');
    clearLessonCache(absolute(file));
    const loaderFetches = spyOnLessonFetches();
    await loadLesson(absolute(file));
    expect(loaderFetches()).to.have.length(1);
    expect(await requestsFor(token)).to.equal(2);
  });

  it('asks the server again on a retry (reload), not the early request', async () => {
    const token = newToken();
    const file = `/test-faults/slow/${token}/lesson.json?ms=10`;
    requestLessonsEarly(pageWith(`<lesson-flashcards src="${file}"></lesson-flashcards>`));
    await loadLesson(absolute(file));
    clearLessonCache();
    await loadLesson(absolute(file), { reload: true });
    expect(await requestsFor(token)).to.equal(2);
  });

  it('leaves alone other elements (another library\'s lesson-* too), empty sources, and sources that are not http(s) URLs', () => {
    const fetchSpy = sinon.spy(window, 'fetch');
    requestLessonsEarly(
      pageWith(`<img src="/test-faults/404/${newToken()}/lesson.json" alt="">
        <lesson-video src="/intro.mp4"></lesson-video>
        <lesson-view src=""></lesson-view>
        <lesson-view src="  "></lesson-view>
        <lesson-view src="data:application/json,{}"></lesson-view>
        <lesson-view src="http://[not a host/lesson.json"></lesson-view>
        <my-view src="/lesson.json"></my-view>`),
    );
    expect(fetchSpy.called).to.equal(false);
  });

  it('reports a failed early request through the loader, as its own request would', async () => {
    const file = `/test-faults/404/${newToken()}/lesson.json`;
    requestLessonsEarly(pageWith(`<lesson-glossary src="${file}"></lesson-glossary>`));
    const error = (await loadLesson(absolute(file)).catch((reason: unknown) => reason)) as LessonLoadError;
    expect(error.detail.kind).to.equal('http');
    expect(error.detail.status).to.equal(404);
  });

  it('applies the load timeout the page set after the request started', async () => {
    const token = newToken();
    const file = `/test-faults/timeout/${token}/lesson.json`;
    requestLessonsEarly(pageWith(`<lesson-mnemonic src="${file}"></lesson-mnemonic>`));
    setLoadTimeout(300);
    const error = (await loadLesson(absolute(file)).catch((reason: unknown) => reason)) as LessonLoadError;
    expect(error.detail.kind).to.equal('timeout');
    expect(error.message).to.match(/within 0\.3 s/);
    expect(await requestsFor(token)).to.equal(1);
  });
});
