import { expect } from '@open-wc/testing';
import {
  type FsrsScheduler,
  LEITNER_DAYS,
  LeitnerScheduler,
  loadFsrsScheduler,
  type FsrsMemory,
} from '../src/components/flashcards/scheduler.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A clock the test moves by hand. */
function fakeClock(start = Date.UTC(2026, 0, 5, 9)) {
  let time = start;
  return {
    now: () => new Date(time),
    advance: (ms: number) => {
      time += ms;
    },
    get time() {
      return time;
    },
  };
}

const dueIn = (memory: { due: string }, from: number) => Date.parse(memory.due) - from;

describe('FSRS scheduler', () => {
  let scheduler: FsrsScheduler;
  let clock: ReturnType<typeof fakeClock>;
  beforeEach(async () => {
    clock = fakeClock();
    scheduler = await loadFsrsScheduler(clock.now);
  });

  it('offers the four grades', () => {
    expect(scheduler.kind).to.equal('fsrs');
    expect(scheduler.ratings).to.deep.equal(['again', 'hard', 'good', 'easy']);
  });

  it('brings a card graded Good back later than one graded Again, and Easy later still', () => {
    const again = scheduler.review(undefined, 'again');
    const hard = scheduler.review(undefined, 'hard');
    const good = scheduler.review(undefined, 'good');
    const easy = scheduler.review(undefined, 'easy');
    const waits = [again, hard, good, easy].map((memory) => dueIn(memory, clock.time));
    expect(waits[0]).to.equal(MINUTE); // the first learning step
    expect(waits[1]).to.be.greaterThan(waits[0]!);
    expect(waits[2]).to.be.greaterThan(waits[1]!);
    expect(waits[3]).to.be.greaterThan(DAY);
    expect(good.reps).to.equal(1);
    expect(good.lastReview).to.equal(clock.now().toISOString());
  });

  it('grows the interval of a card answered Good again and again', () => {
    let memory: FsrsMemory | undefined;
    const waits: number[] = [];
    for (let review = 0; review < 5; review++) {
      memory = scheduler.review(memory, 'good');
      waits.push(dueIn(memory, clock.time));
      clock.advance(dueIn(memory, clock.time));
    }
    for (let i = 1; i < waits.length; i++) expect(waits[i]).to.be.greaterThan(waits[i - 1]!);
    expect(waits.at(-1)).to.be.greaterThan(7 * DAY);
  });

  it('counts a lapse when a known card is forgotten', () => {
    let memory = scheduler.review(undefined, 'easy');
    clock.advance(dueIn(memory, clock.time));
    memory = scheduler.review(memory, 'again');
    expect(memory.lapses).to.equal(1);
    expect(dueIn(memory, clock.time)).to.be.lessThan(DAY);
  });

  it('previews the due date of each grade without changing anything', () => {
    const memory = scheduler.review(undefined, 'good');
    const preview = scheduler.preview(memory);
    expect(Object.keys(preview)).to.deep.equal(['again', 'hard', 'good', 'easy']);
    expect(preview.good!.toISOString()).to.equal(scheduler.review(memory, 'good').due);
    expect(preview.again!.getTime()).to.be.lessThan(preview.easy!.getTime());
  });

  it('survives a round trip through JSON, and refuses damaged memories', () => {
    const memory = scheduler.review(undefined, 'good');
    const copy = scheduler.decode(JSON.parse(JSON.stringify(memory)));
    expect(copy).to.deep.equal(memory);
    expect(scheduler.review(copy, 'good').due).to.equal(scheduler.review(memory, 'good').due);
    for (const damaged of [
      null,
      'x',
      { ...memory, due: 'tomorrow-ish' },
      { ...memory, stability: -1 },
      { ...memory, state: 7 },
      { ...memory, reps: 1.5 },
      { ...memory, lastReview: 5 },
    ]) {
      expect(scheduler.decode(damaged), JSON.stringify(damaged)).to.equal(undefined);
    }
  });
});

describe('Leitner scheduler', () => {
  it('moves a card up a box on Got it and back to the start on Not yet', () => {
    const clock = fakeClock();
    const scheduler = new LeitnerScheduler(clock.now);
    expect(scheduler.ratings).to.deep.equal(['again', 'good']);
    let memory = scheduler.review(undefined, 'good');
    expect(memory.box).to.equal(1);
    expect(dueIn(memory, clock.time)).to.equal(LEITNER_DAYS[0] * DAY);
    memory = scheduler.review(memory, 'good');
    expect(memory.box).to.equal(2);
    expect(dueIn(memory, clock.time)).to.equal(LEITNER_DAYS[1] * DAY);
    memory = scheduler.review(memory, 'again');
    expect(memory).to.include({ box: 0, lapses: 1, reps: 3 });
    expect(dueIn(memory, clock.time)).to.equal(MINUTE);
  });

  it('stops at the last box', () => {
    const scheduler = new LeitnerScheduler(fakeClock().now);
    let memory = scheduler.review(undefined, 'good');
    for (let i = 0; i < 10; i++) memory = scheduler.review(memory, 'good');
    expect(memory.box).to.equal(LEITNER_DAYS.length);
  });

  it('previews its two grades and checks saved memories', () => {
    const clock = fakeClock();
    const scheduler = new LeitnerScheduler(clock.now);
    const preview = scheduler.preview(undefined);
    expect(Object.keys(preview)).to.deep.equal(['again', 'good']);
    const memory = scheduler.review(undefined, 'good');
    expect(scheduler.decode(JSON.parse(JSON.stringify(memory)))).to.deep.equal(memory);
    expect(scheduler.decode({ ...memory, box: 9 })).to.equal(undefined);
    expect(scheduler.decode({ box: 1 })).to.equal(undefined);
  });
});
