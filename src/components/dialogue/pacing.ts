/**
 * Timing for `<lesson-dialogue>`: how long auto-advance waits on a line,
 * playback rates, and clock-style time labels. No DOM.
 */

/** The speeds offered to the learner, for audio, speech and auto-advance alike. */
export const RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** A usable rate: within the offered range, 1 when the value is not a number. */
export function clampRate(rate: number): number {
  if (!Number.isFinite(rate) || rate <= 0) return 1;
  return Math.min(Math.max(rate, RATES[0]), RATES[RATES.length - 1]);
}

export interface PaceOptions {
  /** Speed multiplier: 2 waits half as long. */
  rate?: number;
  /** Reading speed at rate 1. Slower than silent reading, so a learner can think as well as read. */
  wordsPerMinute?: number;
  /** Time to take in who is speaking before reading starts. */
  pauseMs?: number;
  /** No line goes by faster than this (at rate 1). */
  minimumMs?: number;
  /** No line holds longer than this (at rate 1). */
  maximumMs?: number;
}

/**
 * How long auto-advance stays on a line of plain text. It grows with the
 * length of the line; scripts without spaces between words (Chinese,
 * Japanese, Thai) count about one word per two characters.
 */
export function autoAdvanceDelay(text: string, options: PaceOptions = {}): number {
  const { wordsPerMinute = 200, pauseMs = 800, minimumMs = 1500, maximumMs = 30_000 } = options;
  const rate = clampRate(options.rate ?? 1);
  const trimmed = text.trim();
  const spaced = trimmed ? trimmed.split(/\s+/u).length : 0;
  const unspaced = (trimmed.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu)?.length ?? 0) / 2;
  const words = Math.max(spaced, unspaced);
  const reading = pauseMs + (words / wordsPerMinute) * 60_000;
  return Math.round(Math.min(Math.max(reading, minimumMs), maximumMs) / rate);
}

/** `75` -> `"1:15"`, `3725` -> `"1:02:05"`; unknown durations read `"0:00"`. */
export function formatTime(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = String(total % 60).padStart(2, '0');
  return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}` : `${minutes}:${secs}`;
}

/** The timer functions auto-advance uses; tests pass a fake. */
export interface Clock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** One pending "go to the next line" at a time: scheduling again replaces it. */
export class AutoAdvance {
  private handle: unknown;

  constructor(
    private readonly advance: () => void,
    private readonly clock: Clock = systemClock,
  ) {}

  get pending(): boolean {
    return this.handle !== undefined;
  }

  schedule(ms: number): void {
    this.cancel();
    this.handle = this.clock.setTimeout(() => {
      this.handle = undefined;
      this.advance();
    }, ms);
  }

  cancel(): void {
    if (this.handle === undefined) return;
    this.clock.clearTimeout(this.handle);
    this.handle = undefined;
  }
}
