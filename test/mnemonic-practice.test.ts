import { expect } from '@open-wc/testing';
import type { MemoryAid } from '../src/core/schema.js';
import {
  advance,
  checkTyped,
  paragraphs,
  parseRecord,
  practiceProgress,
  practiceScore,
  rate,
  recallTask,
  recordCheck,
  resumeStep,
  retryStep,
  reveal,
  startPractice,
  toRecord,
  visibleCue,
} from '../src/components/mnemonic/practice.js';

const rhyme: MemoryAid = { id: 'r', kind: 'rhyme', lines: ['Threading is *light*,', 'for I/O it shines bright,'] };
const story: MemoryAid = { id: 's', kind: 'story', text: 'One chef.\n\nA **team** of chefs.' };
const tool: MemoryAid = {
  id: 't',
  kind: 'memory-tool',
  pairs: [
    { cue: 'T for Threading', meaning: 'T for Timely I/O' },
    { cue: 'M for Multiprocessing', meaning: 'M for Mighty CPU power!' },
  ],
};
const acronym: MemoryAid = {
  id: 'mop',
  kind: 'acronym',
  acronym: 'MOP',
  letters: [
    { letter: 'M', word: 'Multiprocessing' },
    { letter: 'O', word: 'Offers' },
    { letter: 'P', word: 'Parallelism' },
  ],
};
const now = new Date('2026-03-01T10:00:00Z');

describe('recall practice (state, scoring, saved records)', () => {
  describe('recallTask', () => {
    it('recalls a rhyme line by line in one field, without markup', () => {
      expect(recallTask(rhyme)).to.deep.equal({
        fields: 'whole',
        items: [{ text: 'Threading is light,' }, { text: 'for I/O it shines bright,' }],
      });
    });

    it('recalls a story paragraph by paragraph in one field', () => {
      expect(paragraphs('a\n\n  b  \n\n\n')).to.deep.equal(['a', 'b']);
      expect(recallTask(story).items.map((item) => item.text)).to.deep.equal(['One chef.', 'A team of chefs.']);
    });

    it('recalls each meaning of a memory tool from its cue, which always stays', () => {
      const task = recallTask(tool);
      expect(task.fields).to.equal('each');
      expect(task.items[0]).to.deep.equal({ cue: 'T for Threading', text: 'T for Timely I/O' });
      expect(visibleCue(task.items[0]!, 3)).to.equal('T for Threading');
    });

    it('recalls each word of an acronym from its letter, which fades at the blanks step', () => {
      const task = recallTask(acronym);
      expect(task.items.map((item) => item.text)).to.deep.equal(['Multiprocessing', 'Offers', 'Parallelism']);
      expect(visibleCue(task.items[0]!, 2)).to.equal('M');
      expect(visibleCue(task.items[0]!, 3)).to.equal(undefined);
    });
  });

  describe('checks', () => {
    it('a typed rhyme is correct when every word is recalled, tolerantly', () => {
      const check = checkTyped(recallTask(rhyme), 3, ['threading is LIGHT for i/o it shines bright']);
      expect(check).to.include({ step: 3, method: 'typed', correct: true, credit: 1 });
      expect(check.response).to.equal('threading is LIGHT for i/o it shines bright');
    });

    it('a partly recalled text earns partial credit and lists what was missed', () => {
      const check = checkTyped(recallTask(rhyme), 2, ['threading is light for I/O it shines']);
      expect(check.correct).to.equal(false);
      expect(check.credit).to.equal(0.89); // 8 of 9 words
      expect(check.comparisons[0]!.missed).to.deep.equal(['bright']);
    });

    it('judges acronym words one field each', () => {
      const check = checkTyped(recallTask(acronym), 2, ['multiprocessing', 'offers', 'paralelism']);
      expect(check.correct).to.equal(false);
      expect(check.credit).to.equal(0.67);
      expect(check.response).to.equal('multiprocessing / offers / paralelism');
      expect(checkTyped(recallTask(acronym), 2, ['Multiprocessing ', ' OFFERS', 'parallelism.']).correct).to.equal(true);
    });

    it('a self-rating earns all or nothing', () => {
      expect(rate(2, true)).to.include({ step: 2, method: 'rated', correct: true, credit: 1, response: 'remembered' });
      expect(rate(3, false)).to.include({ correct: false, credit: 0, response: 'not yet' });
    });
  });

  describe('moving through the steps', () => {
    it('starts at step 1 recalling, reveals, checks, advances, and ends after step 3', () => {
      let state = startPractice();
      expect(state).to.deep.equal({ step: 1, phase: 'recall', results: [] });
      state = recordCheck(state, rate(1, true));
      expect(state.phase).to.equal('checked');
      state = advance(state);
      expect(state).to.include({ step: 2, phase: 'recall' });
      state = reveal(state);
      expect(state.phase).to.equal('revealed');
      state = recordCheck(state, rate(2, false));
      state = advance(state);
      state = recordCheck(state, checkTyped(recallTask(acronym), 3, ['Multiprocessing', 'Offers', 'Parallelism']));
      state = advance(state);
      expect(state.phase).to.equal('done');
      expect(practiceScore(state.results)).to.deep.equal({ score: 2, maxScore: 3 });
      expect(practiceProgress(state.results)).to.equal(1);
    });

    it('a retried step replaces its earlier result', () => {
      let state = recordCheck(startPractice(2), rate(2, false));
      state = retryStep(state);
      expect(state).to.include({ step: 2, phase: 'recall' });
      state = recordCheck(state, rate(2, true));
      expect(state.results).to.deep.equal([{ step: 2, method: 'rated', correct: true, credit: 1 }]);
    });

    it('only reveals while recalling', () => {
      const checked = recordCheck(startPractice(), rate(1, true));
      expect(reveal(checked)).to.equal(checked);
    });
  });

  describe('saved records', () => {
    it('records the last check and, at the end, the score', () => {
      let state = recordCheck(startPractice(), rate(1, true));
      expect(toRecord(startPractice(), now)).to.equal(undefined);
      expect(toRecord(state, now)).to.deep.equal({
        step: 1,
        remembered: true,
        complete: false,
        results: [{ step: 1, method: 'rated', correct: true, credit: 1 }],
        score: 1,
        maxScore: 3,
        practisedAt: '2026-03-01T10:00:00.000Z',
      });
      state = advance(advance(recordCheck(advance(state), rate(2, true))));
      state = advance(recordCheck(state, rate(3, false)));
      expect(toRecord(state, now)).to.include({ step: 3, remembered: false, complete: true, score: 2 });
    });

    it('reads records back, resuming an unfinished practice after its last step', () => {
      const state = recordCheck(startPractice(), rate(1, true));
      const record = parseRecord(JSON.parse(JSON.stringify(toRecord(state, now))));
      expect(record?.step).to.equal(1);
      expect(resumeStep(record)).to.equal(2);
      const resumed = startPractice(2, record!.results);
      expect(resumed.results).to.have.length(1);
    });

    it('starts over after a finished practice', () => {
      const record = parseRecord({ step: 3, remembered: true, complete: true, results: [], practisedAt: now.toISOString() });
      expect(resumeStep(record)).to.equal(undefined);
      expect(resumeStep(undefined)).to.equal(undefined);
    });

    it('rejects damaged or foreign data, and repairs what it can', () => {
      expect(parseRecord(undefined)).to.equal(undefined);
      expect(parseRecord('step 3')).to.equal(undefined);
      expect(parseRecord({ step: 7, remembered: true })).to.equal(undefined);
      const repaired = parseRecord({ step: 2, remembered: false, results: [{ step: 1, correct: true, credit: 9 }, { nope: 1 }], practisedAt: 'yesterday' });
      expect(repaired).to.deep.equal({
        step: 2,
        remembered: false,
        complete: false,
        results: [{ step: 1, method: 'rated', correct: true, credit: 1 }],
        score: 1,
        maxScore: 3,
        practisedAt: '',
      });
    });
  });
});
