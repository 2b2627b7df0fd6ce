import { expect } from '@open-wc/testing';
import { LeitnerScheduler, loadFsrsScheduler, type LeitnerMemory } from '../src/components/flashcards/scheduler.js';
import { relativeTime, StudySession } from '../src/components/flashcards/session.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const START = Date.UTC(2026, 0, 5, 9);

function fakeClock() {
  let time = START;
  return { now: () => new Date(time), advance: (ms: number) => void (time += ms) };
}

const items = (...keys: string[]) => keys.map((key) => ({ key }));

/** A Leitner memory due `offset` ms from the start. */
const dueAt = (offset: number, box = 1): LeitnerMemory => ({
  box,
  due: new Date(START + offset).toISOString(),
  reps: 1,
  lapses: 0,
});

describe('study session', () => {
  it('asks due cards first, the longest overdue first, then new cards in deck order', () => {
    const clock = fakeClock();
    const memories = new Map([
      ['b', dueAt(-1 * DAY)],
      ['c', dueAt(-3 * DAY)],
      ['e', dueAt(+5 * DAY)],
    ]);
    const session = new StudySession(items('a', 'b', 'c', 'd', 'e'), memories, new LeitnerScheduler(clock.now), { now: clock.now });
    expect(session.remaining).to.deep.equal({ due: 2, new: 2 });
    const order: string[] = [];
    while (session.current) {
      order.push(session.current.key);
      session.grade('good');
    }
    expect(order).to.deep.equal(['c', 'b', 'a', 'd']);
    expect(session.done).to.equal(true);
  });

  it('introduces at most newLimit new cards per session', () => {
    const clock = fakeClock();
    const session = new StudySession(items('a', 'b', 'c'), new Map(), new LeitnerScheduler(clock.now), { now: clock.now, newLimit: 2 });
    expect(session.remaining).to.deep.equal({ due: 0, new: 2 });
    session.grade('good');
    session.grade('good');
    expect(session.done).to.equal(true);
    expect(session.summary().newRemaining).to.equal(1);
  });

  it('brings a card graded Again back in the same session, after the others, and a Good one later (FSRS)', async () => {
    const clock = fakeClock();
    const scheduler = await loadFsrsScheduler(clock.now);
    const session = new StudySession(items('a', 'b', 'c'), new Map(), scheduler, { now: clock.now });
    session.grade('again'); // a: 1 minute
    session.grade('good'); // b: 10 minutes
    expect(session.current?.key).to.equal('c');
    session.grade('easy'); // c: days away
    expect(Date.parse(session.memoryOf('b')!.due)).to.be.greaterThan(Date.parse(session.memoryOf('a')!.due));
    // Nothing is due this very minute: the learn-ahead window brings back the earliest, a.
    expect(session.current?.key).to.equal('a');
    clock.advance(MINUTE);
    session.grade('good'); // a: 10 minutes from now
    expect(session.current?.key).to.equal('b');
    clock.advance(10 * MINUTE);
    session.grade('good'); // b graduates: days away
    expect(session.current?.key).to.equal('a');
    session.grade('good');
    expect(session.done).to.equal(true);
    const summary = session.summary();
    expect(summary).to.include({ reviewed: 6, again: 1, newRemaining: 0 });
    expect(summary.ratings).to.deep.equal({ again: 1, hard: 0, good: 4, easy: 1 });
    expect(Date.parse(summary.nextDue!)).to.be.greaterThan(clock.now().getTime() + DAY - 1);
  });

  it('does not ask the card just graded again while another is waiting', () => {
    const clock = fakeClock();
    const session = new StudySession(items('a', 'b'), new Map(), new LeitnerScheduler(clock.now), { now: clock.now });
    session.grade('again'); // a: 1 minute
    expect(session.current?.key).to.equal('b');
    session.grade('again'); // b: 1 minute; a is due first
    expect(session.current?.key).to.equal('a');
    session.grade('good');
    expect(session.current?.key).to.equal('b');
    session.grade('again'); // b is the only one left: it comes back
    expect(session.current?.key).to.equal('b');
  });

  it('undoes the last grades: memory, counts and the card on screen', () => {
    const clock = fakeClock();
    const before = dueAt(-DAY, 2);
    const session = new StudySession(items('a', 'b'), new Map([['b', before]]), new LeitnerScheduler(clock.now), { now: clock.now, newLimit: 1 });
    expect(session.canUndo).to.equal(false);
    session.grade('again'); // b
    session.grade('good'); // a (the new card)
    expect(session.remaining.new).to.equal(0);
    const first = session.undo();
    expect(first?.item.key).to.equal('a');
    expect(first?.memory).to.equal(undefined);
    expect(session.memoryOf('a')).to.equal(undefined);
    expect(session.remaining.new).to.equal(1);
    expect(session.current?.key).to.equal('a');
    const second = session.undo();
    expect(second?.item.key).to.equal('b');
    expect(session.memoryOf('b')).to.deep.equal(before);
    expect(session.summary()).to.include({ reviewed: 0, again: 0 });
    expect(session.undo()).to.equal(undefined);
  });

  it('takes in memories changed elsewhere', () => {
    const clock = fakeClock();
    const session = new StudySession(items('a', 'b'), new Map([['a', dueAt(-DAY)], ['b', dueAt(-DAY)]]), new LeitnerScheduler(clock.now), {
      now: clock.now,
    });
    expect(session.remaining.due).to.equal(2);
    session.setMemory('b', dueAt(3 * DAY));
    expect(session.remaining.due).to.equal(1);
    session.grade('good');
    expect(session.done).to.equal(true);
    session.setMemory('b', dueAt(-MINUTE));
    expect(session.current?.key).to.equal('b');
  });

  it('reports nothing to do, and no next date, for a deck not started with no new allowance', () => {
    const clock = fakeClock();
    const session = new StudySession(items('a'), new Map(), new LeitnerScheduler(clock.now), { now: clock.now, newLimit: 0 });
    expect(session.done).to.equal(true);
    expect(session.summary()).to.deep.include({ reviewed: 0, nextDue: undefined, newRemaining: 1 });
  });
});

describe('relativeTime', () => {
  const now = new Date(START);
  const at = (ms: number) => new Date(START + ms);
  it('says when, in the language asked', () => {
    expect(relativeTime(at(10 * MINUTE), now, 'en')).to.equal('in 10 minutes');
    expect(relativeTime(at(DAY), now, 'en')).to.equal('tomorrow');
    expect(relativeTime(at(DAY - MINUTE), now, 'en')).to.equal('tomorrow');
    expect(relativeTime(at(50 * MINUTE), now, 'en')).to.equal('in 50 minutes');
    expect(relativeTime(at(3 * DAY), now, 'en')).to.equal('in 3 days');
    expect(relativeTime(at(14 * DAY), now, 'en')).to.equal('in 2 weeks');
    expect(relativeTime(at(10_000), now, 'en')).to.equal('now');
    expect(relativeTime(at(-2 * 3_600_000), now, 'en')).to.equal('2 hours ago');
    expect(relativeTime(at(3 * DAY), now, 'es')).to.equal('dentro de 3 días');
    expect(relativeTime(at(10 * MINUTE), now, 'en', 'short')).to.equal('in 10 min.');
  });
});
