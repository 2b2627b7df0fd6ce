import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  advance,
  answer,
  choicesFor,
  currentStatement,
  expectedResponse,
  isComplete,
  isLast,
  kindFor,
  lastAnswer,
  restart,
  scoreOf,
  startPractice,
  statementsOf,
  type PracticeState,
} from '../src/components/pros-cons/sort-practice.js';
import type { ProsConsGroup } from '../src/core/schema.js';

const threading: ProsConsGroup = {
  id: 'threading',
  subject: 'Threading',
  pros: [
    { id: 't-io', text: 'Good for I/O', explanation: 'Threads wait for I/O together.' },
    { id: 't-share', text: 'Shares memory' },
  ],
  cons: [{ id: 't-gil', text: 'Limited by the GIL' }],
};
const multiprocessing: ProsConsGroup = {
  id: 'multiprocessing',
  subject: 'Multiprocessing',
  pros: [{ id: 'm-par', text: 'True parallelism' }],
  cons: [{ id: 'm-ser', text: 'Serialization' }],
};

/** A repeatable random source: the numbers given, in a loop. */
const sequence = (...values: number[]) => {
  let index = 0;
  return () => values[index++ % values.length]!;
};

/** Answers every statement right (or wrong), moving on after each. */
function runThrough(state: PracticeState, right: (index: number) => boolean): PracticeState {
  const choices = state.kind === 'side' ? ['pro', 'con'] : [threading.id, multiprocessing.id];
  let current = state;
  while (current.phase === 'asking') {
    const statement = currentStatement(current)!;
    const expected = expectedResponse(current.kind, statement);
    const response = right(current.index) ? expected : choices.find((choice) => choice !== expected)!;
    current = advance(answer(current, response));
  }
  return current;
}

describe('sort-it practice', () => {
  it('collects every statement with where it belongs', () => {
    const statements = statementsOf([threading, multiprocessing]);
    expect(statements.map((s) => `${s.groupId}/${s.side}/${s.id}`)).to.deep.equal([
      'threading/pro/t-io',
      'threading/pro/t-share',
      'threading/con/t-gil',
      'multiprocessing/pro/m-par',
      'multiprocessing/con/m-ser',
    ]);
    expect(statements[0]!.explanation).to.equal('Threads wait for I/O together.');
    expect(statements[0]!.subject).to.equal('Threading');
    expect(statements[1]).not.to.have.property('explanation');
  });

  it('sorts by side for one group and by subject for several', () => {
    expect(kindFor([threading])).to.equal('side');
    expect(kindFor([threading, multiprocessing])).to.equal('subject');
    expect(choicesFor('side', [threading])).to.deep.equal(['pro', 'con']);
    expect(choicesFor('subject', [threading, multiprocessing])).to.deep.equal(['threading', 'multiprocessing']);
  });

  it('shuffles with the injected random source, repeatably', () => {
    const statements = statementsOf([threading]);
    // Fisher-Yates with random() = 0 swaps each position with the first: [a, b, c] -> [b, c, a].
    const state = startPractice('side', statements, () => 0);
    expect(state.statements.map((s) => s.id)).to.deep.equal(['t-share', 't-gil', 't-io']);
    expect(startPractice('side', statements, sequence(0.3, 0.9)).statements).to.deep.equal(
      startPractice('side', statements, sequence(0.3, 0.9)).statements,
    );
    expect(state.phase).to.equal('asking');
    expect(state.index).to.equal(0);
  });

  it('judges an answer, shows feedback, then moves on', () => {
    let state = startPractice('side', statementsOf([threading]), () => 0.999); // keeps the lesson order
    expect(currentStatement(state)!.id).to.equal('t-io');
    state = answer(state, 'con');
    expect(state.phase).to.equal('feedback');
    expect(lastAnswer(state)).to.deep.include({ response: 'con', correct: false });
    expect(lastAnswer(state)!.statement.id).to.equal('t-io');
    // Only one answer per statement: a second one is ignored while the feedback shows.
    expect(answer(state, 'pro')).to.equal(state);
    state = advance(state);
    expect(state.phase).to.equal('asking');
    expect(currentStatement(state)!.id).to.equal('t-share');
    expect(lastAnswer(state)).to.be.undefined;
    // Moving on needs an answer first.
    expect(advance(state)).to.equal(state);
  });

  it('sorts into subjects in compare mode', () => {
    let state = startPractice('subject', statementsOf([threading, multiprocessing]), () => 0.999);
    expect(currentStatement(state)!.id).to.equal('t-io');
    state = answer(state, 'threading');
    expect(lastAnswer(state)!.correct).to.be.true;
    state = answer(advance(state), 'multiprocessing');
    expect(lastAnswer(state)!.correct).to.be.false;
  });

  it('scores one point per statement sorted right and ends after the last', () => {
    const start = startPractice('side', statementsOf([threading]), Math.random);
    let state = start;
    state = answer(state, expectedResponse('side', currentStatement(state)!));
    expect(isComplete(state)).to.be.false;
    state = runThrough(advance(state), (index) => index !== 2);
    expect(state.phase).to.equal('done');
    expect(currentStatement(state)).to.be.undefined;
    expect(isComplete(state)).to.be.true;
    expect(scoreOf(state)).to.deep.equal({ score: 2, maxScore: 3 });
  });

  it('knows the last statement, and is complete while its feedback still shows', () => {
    let state = startPractice('side', statementsOf([threading]), () => 0.999);
    state = advance(answer(advance(answer(state, 'pro')), 'pro'));
    expect(isLast(state)).to.be.true;
    state = answer(state, 'con');
    expect(state.phase).to.equal('feedback');
    expect(isComplete(state)).to.be.true;
    expect(advance(state).phase).to.equal('done');
  });

  it('restarts with a fresh shuffle and no answers', () => {
    const done = runThrough(startPractice('side', statementsOf([threading]), () => 0.999), () => true);
    const again = restart(done, () => 0);
    expect(again.phase).to.equal('asking');
    expect(again.answers).to.deep.equal([]);
    expect(again.index).to.equal(0);
    expect(again.statements.map((s) => s.id)).to.deep.equal(['t-share', 't-gil', 't-io']);
    expect(scoreOf(again)).to.deep.equal({ score: 0, maxScore: 3 });
  });

  it('is done at once when there is nothing to sort', () => {
    const state = startPractice('side', [], Math.random);
    expect(state.phase).to.equal('done');
    expect(isComplete(state)).to.be.false;
    expect(scoreOf(state)).to.deep.equal({ score: 0, maxScore: 0 });
    expect(answer(state, 'pro')).to.equal(state);
  });

  it('always asks every statement exactly once, whatever the random source', () => {
    const statements = statementsOf([threading, multiprocessing]);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 0.999_999, noNaN: true }), { minLength: 1 }), fc.array(fc.boolean(), { minLength: 1 }), (randoms, rights) => {
        const state = runThrough(startPractice('subject', statements, sequence(...randoms)), (index) => rights[index % rights.length]!);
        const asked = state.answers.map((given) => given.statement.id).sort();
        expect(asked).to.deep.equal(statements.map((s) => s.id).sort());
        const { score, maxScore } = scoreOf(state);
        expect(maxScore).to.equal(statements.length);
        expect(score).to.equal(state.answers.filter((_, index) => rights[index % rights.length]).length);
      }),
    );
  });
});
