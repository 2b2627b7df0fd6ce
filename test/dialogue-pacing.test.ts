import { expect } from '@open-wc/testing';
import { AutoAdvance, autoAdvanceDelay, clampRate, formatTime, type Clock } from '../src/components/dialogue/pacing.js';

/** A clock that only moves when the test says so. */
function fakeClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: Clock = {
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
  };
  const tick = (ms: number) => {
    now += ms;
    for (const [id, timer] of [...timers]) {
      if (timer.at <= now) {
        timers.delete(id);
        timer.callback();
      }
    }
  };
  return { clock, tick, pending: () => timers.size };
}

describe('dialogue pacing', () => {
  it('gives longer lines more time, within bounds', () => {
    const short = autoAdvanceDelay('Yes.');
    const medium = autoAdvanceDelay('It is efficient for I/O-bound tasks, like downloading files or making network calls.');
    const huge = autoAdvanceDelay('word '.repeat(5000));
    expect(short).to.equal(1500);
    expect(medium).to.be.greaterThan(short);
    expect(medium).to.equal(Math.round(800 + (13 / 200) * 60_000));
    expect(huge).to.equal(30_000);
  });

  it('counts characters of scripts written without spaces', () => {
    expect(autoAdvanceDelay('多线程适合等待输入输出的任务，例如下载文件或者发起网络请求。')).to.be.greaterThan(autoAdvanceDelay('多线程'));
  });

  it('divides the time by the rate, clamped to the offered range', () => {
    const text = 'one two three four five six seven eight nine ten eleven twelve';
    const normal = autoAdvanceDelay(text);
    expect(autoAdvanceDelay(text, { rate: 2 })).to.equal(Math.round(normal / 2));
    expect(autoAdvanceDelay(text, { rate: 10 })).to.equal(Math.round(normal / 2));
    expect(autoAdvanceDelay(text, { rate: Number.NaN })).to.equal(normal);
    expect(clampRate(0.1)).to.equal(0.75);
    expect(clampRate(-1)).to.equal(1);
    expect(clampRate(1.25)).to.equal(1.25);
  });

  it('formats times as a clock', () => {
    expect(formatTime(0)).to.equal('0:00');
    expect(formatTime(75.9)).to.equal('1:15');
    expect(formatTime(3725)).to.equal('1:02:05');
    expect(formatTime(Number.NaN)).to.equal('0:00');
    expect(formatTime(Number.POSITIVE_INFINITY)).to.equal('0:00');
  });

  it('auto-advance keeps one pending step; rescheduling replaces it', () => {
    const { clock, tick, pending } = fakeClock();
    let steps = 0;
    const auto = new AutoAdvance(() => steps++, clock);
    auto.schedule(1000);
    tick(600);
    auto.schedule(1000);
    expect(pending()).to.equal(1);
    tick(600);
    expect(steps).to.equal(0);
    tick(400);
    expect(steps).to.equal(1);
    expect(auto.pending).to.equal(false);
    auto.schedule(500);
    auto.cancel();
    tick(1000);
    expect(steps).to.equal(1);
  });
});
