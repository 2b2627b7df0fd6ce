// The packages in a real browser (headless Chromium through puppeteer-core):
// - the single HTML file opened from file:// with every network request blocked;
// - the SCORM packages launched by an LMS stand-in (scorm-again's Scorm12API and
//   Scorm2004API on the page above the package's index.html, as Moodle does), the lesson
//   completed through its UI with the mouse and keyboard as a learner would.
// Needs `npm run build` and Chromium. Run: node --test test/package-browser.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { launchChromium, lessonViewShown, listen, pageWithProblems } from './fixtures/browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const seedLesson = join(root, 'demo/lessons/python-concurrency.json');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.vtt': 'text/vtt', '.xml': 'application/xml' };

let out;
let browser;
let server;
let origin;
/** Package files served under /pkg/<format>/. */
const packages = new Map();

function cli(args) {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'lesson-elements.js'), ...args], { cwd: out, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(result.status, 0, result.stdout + result.stderr);
}

/** The LMS page: scorm-again's API for `version`, preloaded with `cmi`, launching the package in an iframe. */
const lmsPage = (version, cmi) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS</title></head><body>
<script type="module">
  import { ${version === '1.2' ? 'Scorm12API' : 'Scorm2004API'} as Api } from '/scorm-again/${version === '1.2' ? 'scorm12' : 'scorm2004'}.js';
  const api = new Api({ logLevel: 5, autocommit: false });
  api.loadFromJSON(${JSON.stringify(cmi)});
  window.${version === '1.2' ? 'API' : 'API_1484_11'} = api;
  window.lms = api;
  const frame = document.createElement('iframe');
  // Tall enough to show every section at once: reading sections count once they have been on screen.
  frame.style.cssText = 'width: 900px; height: 14000px; border: 0';
  frame.src = '/pkg/${version === '1.2' ? 'scorm12' : 'scorm2004'}/index.html';
  document.body.append(frame);
</script></body></html>`;

before(async () => {
  assert.ok(existsSync(join(root, 'dist', 'cli.js')), 'dist/cli.js is missing: run npm run build first');
  out = mkdtempSync(join(tmpdir(), 'lesson-browser-'));
  for (const format of ['scorm12', 'scorm2004']) {
    cli(['package', seedLesson, '--format', format, '--passing-score', '0.5', '-o', `${format}.zip`]);
    packages.set(format, unzipSync(readFileSync(join(out, `${format}.zip`))));
  }
  server = createServer((request, response) => {
    const url = new URL(request.url, 'http://x');
    const send = (body, type) => response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    if (url.pathname === '/favicon.ico') return response.writeHead(204).end();
    if (url.pathname === '/lms.html') return send(lmsPage(url.searchParams.get('version'), JSON.parse(url.searchParams.get('cmi') ?? '{}')), 'text/html');
    const again = /^\/scorm-again\/(scorm12|scorm2004)\.js$/.exec(url.pathname);
    if (again) return send(readFileSync(join(root, 'node_modules/scorm-again/dist/esm', `${again[1]}.js`)), 'text/javascript');
    const inPackage = /^\/pkg\/(scorm12|scorm2004)\/(.+)$/.exec(url.pathname);
    const file = inPackage && packages.get(inPackage[1])?.[decodeURIComponent(inPackage[2])];
    if (file) return send(file, TYPES[extname(inPackage[2])] ?? 'application/octet-stream');
    response.writeHead(404).end();
  });
  origin = await listen(server);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** Waits until the <lesson-view> in `frame` has loaded its lesson, and returns what it shows. */
async function viewOf(frame) {
  await frame.waitForFunction(() => document.querySelector('lesson-view')?.loadState === 'ready', { timeout: 20_000 });
  return frame.evaluate(lessonViewShown);
}

describe('--format html opened from disk', () => {
  test('renders the full lesson with every request other than the file blocked', async () => {
    const file = join(out, 'lesson.html');
    cli(['package', seedLesson, '--format', 'html', '-o', file]);
    const { page, problems } = await pageWithProblems(browser);
    const blocked = [];
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url === pathToFileURL(file).href || url.startsWith('data:')) return request.continue();
      blocked.push(url);
      return request.abort('internetdisconnected');
    });
    await page.goto(pathToFileURL(file).href);
    const view = await viewOf(page.mainFrame());
    assert.equal(view.title, 'Pros and Cons of Concurrency and Parallelism in Python');
    assert.deepEqual(view.sections, ['summaries', 'dialogues', 'pros-cons', 'key-concepts', 'examples', 'memory-aids', 'flashcards', 'glossary', 'links']);
    for (const element of ['lesson-dialogue', 'lesson-flashcards', 'lesson-glossary', 'lesson-mnemonic', 'lesson-pros-cons']) {
      assert.ok(view.elements.includes(element), `${element} is rendered`);
    }
    // The lazily loaded parts (the flashcard scheduler, the glossary popover) are inline too: use them.
    const lazyWorks = await page.evaluate(async () => {
      const deck = document.querySelector('lesson-view').shadowRoot.querySelector('lesson-flashcards');
      await deck.updateComplete;
      return deck.loadState === 'ready';
    });
    assert.equal(lazyWorks, true);
    assert.deepEqual(blocked, []);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

const lesson = JSON.parse(readFileSync(seedLesson, 'utf8'));
/** Each step is inside the previous element's shadow root (puppeteer's deep combinator). */
const deep = (...steps) => ['lesson-view', ...steps].join(' >>> ');
const PRACTICE = 'lesson-pros-cons[mode="practice"]';
const MNEMONIC = 'lesson-mnemonic';
const DECK = 'lesson-flashcards';
// Poll on a timer, not on animation frames: a frame whose rendering the browser throttles (an iframe it
// considers out of view) runs no animation frames, and a wait polled by them then never sees the element.
const UI_TIMEOUT = { timeout: 10_000, polling: 100 };
const squash = (text) => text.replace(/\s+/g, ' ').trim();

/**
 * How the learner answers the memory aids' practice, step by step (1 full text, 2 first letters,
 * 3 blanks): `remembered` / `not yet` rate themselves (after Show answer from step 2 on), an array
 * types one answer per field. Each step is worth 1; a typed answer earns the words recalled over
 * the words expected, rounded to hundredths.
 */
const rhyme = lesson.memoryAids.find((aid) => aid.id === 'threading-rhyme').lines.join('\n');
const story = lesson.memoryAids.find((aid) => aid.id === 'chef-story').text;
const meanings = lesson.memoryAids.find((aid) => aid.id === 't-and-m').pairs.map((pair) => pair.meaning);
const mop = lesson.memoryAids.find((aid) => aid.id === 'mop').letters.map((entry) => entry.word);
const memoryAidPlan = [
  { id: 'threading-rhyme', steps: [{ rate: 'remembered', earns: 1 }, { type: [rhyme], earns: 1 }, { type: [rhyme], earns: 1 }] },
  { id: 'chef-story', steps: [{ rate: 'remembered', earns: 1 }, { rate: 'not yet', earns: 0 }, { type: [story], earns: 1 }] },
  { id: 't-and-m', steps: [{ type: meanings, earns: 1 }, { type: meanings, earns: 1 }, { type: meanings, earns: 1 }] },
  // Step 3: two of the three words recalled, the third field left empty: 2/3 = 0.67.
  { id: 'mop', steps: [{ rate: 'remembered', earns: 1 }, { type: mop, earns: 1 }, { type: [mop[0], mop[1], ''], earns: 0.67 }] },
];
/** The points a memory aid's plan earns, as the practice rounds them. */
const planScore = (steps) => Math.round(steps.reduce((sum, step) => sum + step.earns, 0) * 100) / 100;
/** Each pros/cons statement's id and where it belongs: the practice compares the groups, so the answer is the subject. */
const statements = new Map(lesson.prosCons.flatMap((group) => [...group.pros, ...group.cons].map((item) => [squash(item.text), { id: item.id, group: group.id }])));

async function click(frame, selector) {
  const element = await frame.waitForSelector(selector, UI_TIMEOUT);
  await element.click();
  await element.dispose();
}

/** Sorts every statement of the pros/cons practice with its buttons, the first one into the wrong subject; adds each answer to `answers`. */
async function sortProsCons(page, frame, answers) {
  let right = 0;
  for (let n = 0; n < statements.size; n++) {
    await frame.waitForSelector(deep(PRACTICE, '[part~="choice"]'), UI_TIMEOUT);
    const statement = squash(await frame.$eval(deep(PRACTICE, '#statement'), (element) => element.textContent));
    const { id, group } = statements.get(statement) ?? assert.fail(`not a statement of the lesson: ${statement}`);
    const response = n === 0 ? lesson.prosCons.find((other) => other.id !== group).id : group;
    await click(frame, deep(PRACTICE, `[part~="choice"][data-choice="${response}"]`));
    await frame.waitForSelector(deep(PRACTICE, '[part~="feedback"]'), UI_TIMEOUT);
    answers.push({ id, response, correct: response === group });
    if (response === group) right++;
    // The feedback's Next (Finish after the last) has focus: the keyboard moves on.
    await frame.waitForFunction(() => document.querySelector('lesson-view').shadowRoot.querySelector('lesson-pros-cons[mode="practice"]').shadowRoot.activeElement?.matches('[part~="next"]'), UI_TIMEOUT);
    await page.keyboard.press('Enter');
  }
  const shown = await frame.waitForSelector(deep(PRACTICE, '[part~="score"]'), UI_TIMEOUT);
  assert.equal(squash(await shown.evaluate((element) => element.textContent)), `Score: ${right} of ${statements.size}`);
  return { score: right, maxScore: statements.size };
}

/** Steps each dialogue to its last line: Next once with the mouse, then the arrow key. */
async function stepDialogues(page, frame) {
  for (const dialogue of lesson.dialogues) {
    const host = `lesson-dialogue[dialogue="${dialogue.id}"]`;
    await click(frame, deep(host, '[part~="next-button"]'));
    for (let line = 2; line < dialogue.lines.length; line++) await page.keyboard.press('ArrowRight');
    const end = await frame.waitForSelector(deep(host, '[part~="end"]'), UI_TIMEOUT);
    await end.dispose();
    const progress = await frame.$eval(deep(host, '[part~="progress"]'), (element) => element.textContent);
    assert.equal(squash(progress), `Line ${dialogue.lines.length} of ${dialogue.lines.length}`);
  }
}

/** Practises every memory aid through its three steps as `memoryAidPlan` says; adds each check to `answers`. */
async function practiseMemoryAids(page, frame, answers) {
  const earned = [];
  for (const { id, steps } of memoryAidPlan) {
    const inAid = (selector) => deep(MNEMONIC, `#panel-${id} ${selector}`);
    await click(frame, deep(MNEMONIC, `#tab-${id}`));
    await click(frame, inAid(`#practise-${id}`));
    for (const [index, step] of steps.entries()) {
      await frame.waitForSelector(inAid(`#answer-${id}-0`), UI_TIMEOUT);
      // What the LMS receives: the fields joined with " / ", on one line.
      const response = squash(step.type ? step.type.join(' / ') : step.rate);
      answers.push({ id: `${id}.${index + 1}`, response, correct: step.earns === 1 });
      if (step.type) {
        for (const [field, text] of step.type.entries()) if (text) await (await frame.$(inAid(`#answer-${id}-${field}`))).type(text);
        // One field: Ctrl+Enter submits the text area; several: the Check button.
        if (step.type.length === 1) {
          await page.keyboard.down('Control');
          await page.keyboard.press('Enter');
          await page.keyboard.up('Control');
        } else {
          await click(frame, inAid('[part~="check"]'));
        }
      } else {
        if (index > 0) await click(frame, inAid('[part~="reveal"]'));
        await click(frame, inAid(`[part~="rating"]${step.rate === 'remembered' ? `#remembered-${id}` : ':not([id])'}`));
      }
      await click(frame, inAid(`#next-${id}`));
    }
    const summary = await frame.waitForSelector(inAid('[part~="summary"] .score'), UI_TIMEOUT);
    const score = planScore(steps);
    assert.equal(squash(await summary.evaluate((element) => element.textContent)), `Score: ${score} of ${steps.length}`);
    earned.push({ score, maxScore: steps.length });
  }
  return earned;
}

/** Turns every card of the deck: the first with the mouse, the rest with Enter (turn) and the arrow key (next card). */
async function turnEveryCard(page, frame) {
  const cards = lesson.flashcards.length;
  await click(frame, deep(DECK, '[part~="flip-button"][data-focus="front"]'));
  for (let card = 1; card <= cards; card++) {
    await frame.waitForSelector(deep(DECK, '[part~="card"].flipped'), UI_TIMEOUT);
    if (card === cards) break;
    await page.keyboard.press('ArrowRight');
    await frame.waitForFunction((n) => document.querySelector('lesson-view').shadowRoot.querySelector('lesson-flashcards').shadowRoot.querySelector('[part~="status"]')?.textContent.includes(`Card ${n} of`), UI_TIMEOUT, card + 1);
    await page.keyboard.press('Enter');
  }
}

/**
 * Completes the lesson in the SCO frame as a learner does, through the UI: the reading sections count
 * once seen (the frame shows them all), the dialogues are stepped to their end, the pros/cons
 * practice is sorted (one statement wrong), the memory aids practised, every flashcard turned.
 * Returns the points earned and possible, and the answers given.
 */
async function completeLesson(page, frame) {
  await frame.waitForFunction(() => document.querySelector('lesson-view').completion > 0, UI_TIMEOUT);
  await stepDialogues(page, frame);
  const answers = [];
  const parts = [await sortProsCons(page, frame, answers), ...(await practiseMemoryAids(page, frame, answers))];
  await turnEveryCard(page, frame);
  await frame.waitForFunction(() => document.querySelector('lesson-view').completion === 1, UI_TIMEOUT);
  const score = Math.round(parts.reduce((sum, part) => sum + part.score, 0) * 100) / 100;
  const maxScore = parts.reduce((sum, part) => sum + part.maxScore, 0);
  return { score, maxScore, scaled: score / maxScore, answers };
}

/** The LMS's data as it would store it (toJSON can read write-only elements). */
const cmiOf = (page) => page.evaluate(() => JSON.parse(JSON.stringify(window.lms.cmi)));

/** Leaves the SCO the way an LMS does: it navigates the frame away. */
const leave = (page) => page.evaluate(() => new Promise((resolve) => {
  const frame = document.querySelector('iframe');
  frame.addEventListener('load', resolve, { once: true });
  frame.src = 'about:blank';
}));

/** What the view in a resumed SCO shows: progress bar and text, unfinished sections, where each dialogue is. */
const resumedShown = (frame) =>
  frame.evaluate(() => {
    const root = document.querySelector('lesson-view').shadowRoot;
    return {
      progress: root.querySelector('[part~="progress"] progress').value,
      // As shown: the CDN build drops template white space that is never rendered, so textContent differs.
      progressText: root.querySelector('[part~="progress"]').innerText.replace(/\s+/g, ' ').trim(),
      unfinishedSections: [...root.querySelectorAll('[part~="toc"] li:not(.done) a')].map((link) => link.getAttribute('href')),
      dialogueLines: Object.fromEntries(
        [...root.querySelectorAll('lesson-dialogue')].map((dialogue) => [dialogue.id, dialogue.shadowRoot.querySelector('[part~="progress"]')?.textContent.trim()]),
      ),
    };
  });

/** Each memory aid's "last practised" line: the mnemonic renders only the selected aid's panel, so select each in turn. */
async function lastPractised(frame) {
  const found = {};
  for (const { id } of memoryAidPlan) {
    await click(frame, deep(MNEMONIC, `#tab-${id}`));
    const line = await frame.waitForSelector(deep(MNEMONIC, `#panel-${id} [part~="last-practised"]`), UI_TIMEOUT);
    found[id] = squash(await line.evaluate((element) => element.textContent));
    await line.dispose();
  }
  return found;
}

for (const [format, version] of [['scorm12', '1.2'], ['scorm2004', '2004']]) {
  describe(`the ${format} package in an LMS`, () => {
    test('reports completion, score and saved progress, then resumes from them', async () => {
      const { page, problems } = await pageWithProblems(browser);
      await page.setViewport({ width: 1000, height: 15000 });
      await page.goto(`${origin}/lms.html?version=${version}`);
      const sco = await (await page.waitForSelector('iframe')).contentFrame();
      const view = await viewOf(sco);
      assert.equal(view.title, 'Pros and Cons of Concurrency and Parallelism in Python');
      const started = await cmiOf(page);
      if (version === '1.2') assert.equal(started.core.lesson_status, 'incomplete');
      else assert.equal(started.completion_status, 'incomplete');

      const earned = await completeLesson(page, sco);
      await leave(page);
      const cmi = await cmiOf(page);
      // The runtime reports the score as a percentage: min 0, max 100, raw to hundredths (scaled to 4 places in 2004).
      const percent = String(Math.round(earned.scaled * 10_000) / 100);
      if (version === '1.2') {
        assert.equal(cmi.core.lesson_status, 'passed');
        assert.deepEqual({ ...cmi.core.score }, { raw: percent, min: '0', max: '100' });
        assert.equal(cmi.core.exit, 'suspend');
        assert.match(cmi.core.session_time, /^\d{2,4}:\d{2}:\d{2}/);
      } else {
        assert.equal(cmi.completion_status, 'completed');
        assert.equal(cmi.success_status, 'passed');
        assert.deepEqual({ ...cmi.score }, { raw: percent, min: '0', max: '100', scaled: String(Math.round(earned.scaled * 10_000) / 10_000) });
        assert.equal(cmi.exit, 'suspend');
      }
      // Every answer is one interaction, in the order given, with what the learner answered and whether it was right.
      const responseField = version === '1.2' ? 'student_response' : 'learner_response';
      const interactions = Object.values(cmi.interactions).map((entry) => ({ id: entry.id, type: entry.type, response: entry[responseField], result: entry.result }));
      assert.deepEqual(
        interactions,
        earned.answers.map(({ id, response, correct }) => ({
          id,
          type: version === '1.2' ? 'fill-in' : /^[\w.-]+$/.test(response) ? 'choice' : 'other',
          response,
          result: correct ? 'correct' : version === '1.2' ? 'wrong' : 'incorrect',
        })),
      );
      assert.equal(interactions.filter((entry) => entry.result === 'correct').length, 7 + 10, '7 statements sorted right, 10 memory aid steps recalled in full');
      assert.ok(cmi.suspend_data.length > 0 && cmi.suspend_data.length <= (version === '1.2' ? 4096 : 64000), `suspend_data: ${cmi.suspend_data.length} characters`);
      assert.match(cmi.suspend_data, /^[{~]/);
      assert.deepEqual(problems, []);
      await page.close();

      // Next launch: the LMS hands back the learner's data.
      const resume = version === '1.2'
        ? { core: { entry: 'resume', lesson_status: cmi.core.lesson_status }, suspend_data: cmi.suspend_data }
        : { entry: 'resume', completion_status: cmi.completion_status, success_status: cmi.success_status, suspend_data: cmi.suspend_data };
      const again = await pageWithProblems(browser);
      await again.page.setViewport({ width: 1000, height: 15000 });
      await again.page.goto(`${origin}/lms.html?version=${version}&cmi=${encodeURIComponent(JSON.stringify(resume))}`);
      const resumedSco = await (await again.page.waitForSelector('iframe')).contentFrame();
      const resumed = await viewOf(resumedSco);
      assert.equal(resumed.completion, 1, 'the view restored its progress from suspend_data');
      const shown = await resumedShown(resumedSco);
      assert.equal(shown.progress, 100);
      assert.match(shown.progressText, /^100% complete \((\d+) of \1\) Score: /);
      assert.ok(shown.progressText.endsWith(`Score: ${earned.score} of ${earned.maxScore}`), shown.progressText);
      assert.deepEqual(shown.unfinishedSections, [], 'every section is marked done in the contents');
      // Step mode resumes at the line the learner reached.
      assert.deepEqual(shown.dialogueLines, Object.fromEntries(lesson.dialogues.map(({ id, lines }) => [id, `Line ${lines.length} of ${lines.length}`])));
      // The memory aids remember their practice: each says when it was practised and what it scored.
      const practised = await lastPractised(resumedSco);
      for (const { id, steps } of memoryAidPlan) {
        assert.ok(practised[id]?.endsWith(`Score: ${planScore(steps)} of ${steps.length}`), `${id}: ${practised[id]}`);
      }
      const stored = await resumedSco.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('lesson-elements:')));
      assert.deepEqual(stored, [], 'progress lives in the LMS, not in the browser');
      const after = await cmiOf(again.page);
      assert.equal(version === '1.2' ? after.core.lesson_status : after.completion_status, version === '1.2' ? 'passed' : 'completed');
      assert.deepEqual(again.problems, []);
      await again.page.close();
    });
  });
}
