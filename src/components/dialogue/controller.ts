/**
 * The one owner of "which line is current" in `<lesson-dialogue>`.
 *
 * Three sources move the current line: stepping (buttons, keys and
 * auto-advance), the audio (cue events) and speech. As in media-chrome, none
 * of them changes state itself: each dispatches a request here, the
 * controller decides, and answers with effects that the element carries out
 * (events, announcements, stopping playback at a think-first pause). The
 * controller never touches the DOM, so it is tested on its own.
 */

export type PlaybackSource = 'step' | 'audio' | 'speech';

export type DialogueRequest =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'restart' }
  /** Answer a think-first pause: show the line the learner was asked to anticipate. */
  | { type: 'reveal' }
  /** Make a line current (a click, an audio cue, speech reaching it). */
  | { type: 'go'; index: number }
  /** Lines the learner has seen without making them current (read mode scrolling). */
  | { type: 'seen'; indices: Iterable<number> }
  /** Reports from the playback sources: they started or stopped. */
  | { type: 'playing'; source: PlaybackSource }
  | { type: 'paused' };

export type DialogueEffect =
  /** The current line changed. */
  | { type: 'line'; index: number; previous: number }
  /** Lines became visible in step mode, in order (announce them). */
  | { type: 'reveal'; indices: number[] }
  /** A think-first pause began before line `index`, or ended without revealing it (`index` -1). */
  | { type: 'gate'; index: number }
  /** Playback must stop: it reached a think-first pause. */
  | { type: 'halt'; source: PlaybackSource }
  /** Playback stopped by a pause may go on: the learner revealed the answer. */
  | { type: 'resume'; source: PlaybackSource }
  /** How many lines have been reached, of how many. */
  | { type: 'progress'; reached: number; total: number }
  /** Every line has been reached, for the first time. */
  | { type: 'complete' }
  | { type: 'play'; source: PlaybackSource }
  | { type: 'pause'; source: PlaybackSource }
  /** `next` at the last line: there is nothing more. */
  | { type: 'end' };

export interface DialogueSnapshot {
  readonly total: number;
  /** The current line, or -1 before anything is current (read mode). */
  readonly current: number;
  /** Lines `0 .. revealed - 1` are shown; in read mode, all of them. */
  readonly revealed: number;
  /** The line a think-first pause waits before, or -1. */
  readonly gate: number;
  /** How many lines have been reached. */
  readonly reached: number;
  readonly playing: PlaybackSource | undefined;
  readonly stepping: boolean;
}

/** What is saved between visits: compact, JSON-serializable. */
export interface SavedDialogue {
  /** Saved in step mode: only step mode restores the position. */
  stepping: boolean;
  current: number;
  revealed: number;
  /** Reached lines as inclusive [first, last] ranges. */
  reached: [number, number][];
}

export interface ControllerOptions {
  /** Step mode: lines are revealed one at a time. Otherwise every line is shown (read mode). */
  stepping: boolean;
  /** Lines before which to pause and ask the learner to answer first. */
  thinkPoints?: Iterable<number>;
}

export class DialogueController {
  private current: number;
  private revealed: number;
  private gate = -1;
  private playing: PlaybackSource | undefined;
  /** The source a think-first pause stopped, to resume once the answer is revealed. */
  private halted: PlaybackSource | undefined;
  private readonly reachedLines: Uint8Array;
  private reachedCount = 0;
  private completed = false;
  private readonly thinkPoints: ReadonlySet<number>;
  private readonly stepping: boolean;

  constructor(
    readonly total: number,
    options: ControllerOptions,
  ) {
    this.stepping = options.stepping;
    this.thinkPoints = new Set(options.thinkPoints ?? []);
    this.reachedLines = new Uint8Array(total);
    if (this.stepping && total > 0) {
      // Step mode opens on the first line; it counts as reached without a progress report.
      this.current = 0;
      this.revealed = 1;
      this.mark(0);
    } else {
      this.current = -1;
      this.revealed = total;
    }
    this.completed = total > 0 && this.reachedCount === total;
  }

  get snapshot(): DialogueSnapshot {
    return {
      total: this.total,
      current: this.current,
      revealed: this.revealed,
      gate: this.gate,
      reached: this.reachedCount,
      playing: this.playing,
      stepping: this.stepping,
    };
  }

  /** Is line `index` a think-first point (whether or not it has been passed)? */
  isThinkPoint(index: number): boolean {
    return this.thinkPoints.has(index);
  }

  /** Has line `index` been reached? */
  hasReached(index: number): boolean {
    return this.reachedLines[index] === 1;
  }

  dispatch(request: DialogueRequest): DialogueEffect[] {
    const effects: DialogueEffect[] = [];
    const reachedBefore = this.reachedCount;
    switch (request.type) {
      case 'next':
        if (this.gate >= 0) this.reveal(effects);
        else if (this.current + 1 >= this.total) effects.push({ type: 'end' });
        else this.moveTo(this.current + 1, effects);
        break;
      case 'previous':
        if (this.gate >= 0) this.cancelGate(effects);
        else this.moveTo(Math.max(this.current - 1, 0), effects);
        break;
      case 'first':
        this.cancelGate(effects);
        this.moveTo(0, effects);
        break;
      case 'last':
        this.cancelGate(effects);
        this.moveTo(this.total - 1, effects);
        break;
      case 'restart':
        this.cancelGate(effects);
        if (this.stepping) this.revealed = Math.min(1, this.total);
        this.moveTo(0, effects);
        break;
      case 'reveal':
        this.reveal(effects);
        break;
      case 'go':
        if (this.gate >= 0 && request.index !== this.gate) this.cancelGate(effects);
        this.moveTo(request.index, effects);
        break;
      case 'seen':
        for (const index of request.indices) if (index >= 0 && index < this.total) this.mark(index);
        break;
      case 'playing':
        if (this.playing !== request.source) {
          if (this.playing) effects.push({ type: 'pause', source: this.playing });
          this.playing = request.source;
          effects.push({ type: 'play', source: request.source });
        }
        break;
      case 'paused':
        if (this.playing) effects.push({ type: 'pause', source: this.playing });
        this.playing = undefined;
        break;
    }
    if (this.reachedCount !== reachedBefore) {
      effects.push({ type: 'progress', reached: this.reachedCount, total: this.total });
      if (this.reachedCount === this.total && !this.completed) {
        this.completed = true;
        effects.push({ type: 'complete' });
      }
    }
    return effects;
  }

  /** Moves to a line; in step mode, reveals the lines up to it, or stops at a think-first point. */
  private moveTo(index: number, effects: DialogueEffect[]) {
    if (index < 0 || index >= this.total) return;
    if (this.stepping && index >= this.revealed) {
      // Only arriving at the very next hidden line pauses; a jump further on is deliberate.
      if (index === this.revealed && this.thinkPoints.has(index)) {
        if (this.gate !== index) this.openGate(index, effects);
        return;
      }
      this.show(index, effects);
    }
    this.setCurrent(index, effects);
  }

  private show(last: number, effects: DialogueEffect[]) {
    const indices: number[] = [];
    for (let index = this.revealed; index <= last; index++) {
      indices.push(index);
      this.mark(index);
    }
    this.revealed = last + 1;
    effects.push({ type: 'reveal', indices });
  }

  private openGate(index: number, effects: DialogueEffect[]) {
    this.gate = index;
    effects.push({ type: 'gate', index });
    if (this.playing) {
      this.halted = this.playing;
      effects.push({ type: 'halt', source: this.playing });
    }
  }

  private cancelGate(effects: DialogueEffect[]) {
    this.halted = undefined;
    if (this.gate < 0) return;
    this.gate = -1;
    effects.push({ type: 'gate', index: -1 });
  }

  private reveal(effects: DialogueEffect[]) {
    if (this.gate < 0) return;
    const index = this.gate;
    const resume = this.halted;
    this.gate = -1;
    this.halted = undefined;
    this.show(index, effects);
    this.setCurrent(index, effects);
    if (resume) effects.push({ type: 'resume', source: resume });
  }

  private setCurrent(index: number, effects: DialogueEffect[]) {
    this.mark(index);
    if (index === this.current) return;
    const previous = this.current;
    this.current = index;
    effects.push({ type: 'line', index, previous });
  }

  private mark(index: number) {
    if (this.reachedLines[index]) return;
    this.reachedLines[index] = 1;
    this.reachedCount++;
  }

  /** The state to save between visits. */
  save(): SavedDialogue {
    const reached: [number, number][] = [];
    for (let index = 0; index < this.total; index++) {
      if (!this.reachedLines[index]) continue;
      const last = reached[reached.length - 1];
      if (last && last[1] === index - 1) last[1] = index;
      else reached.push([index, index]);
    }
    return { stepping: this.stepping, current: this.current, revealed: this.revealed, reached };
  }

  /** Restores saved state, ignoring anything malformed or out of range (the lesson may have changed). */
  restore(saved: unknown): void {
    if (typeof saved !== 'object' || saved === null) return;
    const { stepping, current, revealed, reached } = saved as Partial<SavedDialogue>;
    if (Array.isArray(reached)) {
      for (const range of reached) {
        if (!Array.isArray(range)) continue;
        const [first, last] = range;
        if (!Number.isInteger(first) || !Number.isInteger(last)) continue;
        for (let index = Math.max(first as number, 0); index <= Math.min(last as number, this.total - 1); index++) this.mark(index);
      }
    }
    // Reached lines count in every mode; the position only where it was saved (a read-mode visit reveals nothing).
    if (this.stepping && stepping === true && Number.isInteger(revealed) && Number.isInteger(current)) {
      this.revealed = Math.min(Math.max(revealed as number, 1), this.total);
      this.current = Math.min(Math.max(current as number, 0), this.revealed - 1);
      for (let index = 0; index < this.revealed; index++) this.mark(index);
    }
    this.completed = this.total > 0 && this.reachedCount === this.total;
  }
}

/**
 * `mine` with the reached lines of `stored` added: another element showing the
 * same dialogue (another tab, the same page) may have saved lines this one never
 * showed. The position is this element's own.
 */
export function mergeSaved(mine: SavedDialogue, stored: unknown, total: number): SavedDialogue {
  const union = new DialogueController(total, { stepping: false });
  union.restore(stored);
  union.restore(mine);
  return { ...mine, reached: union.save().reached };
}

export interface ThinkLine {
  speaker: string;
  /** The line as plain text. */
  text: string;
}

export interface ThinkSpeaker {
  id: string;
  role?: string | undefined;
}

const ENDS_WITH_QUESTION = /[?？؟][\s"'”’»)\]]*$/u;

/**
 * The lines to pause before in think-first mode: a learner's line that
 * follows a teacher's line ending in a question. Teachers have the role
 * "instructor" (or, when no speaker has a role, are the first speaker);
 * learners have the role "student" (or, without such roles, are everyone
 * but teachers and narrators).
 */
export function findThinkPoints(speakers: readonly ThinkSpeaker[], lines: readonly ThinkLine[]): number[] {
  const role = (speaker: ThinkSpeaker) => speaker.role?.trim().toLowerCase();
  const hasInstructor = speakers.some((speaker) => role(speaker) === 'instructor');
  const hasStudent = speakers.some((speaker) => role(speaker) === 'student');
  const teachers = new Set(
    speakers.filter((speaker, index) => (hasInstructor ? role(speaker) === 'instructor' : index === 0)).map((speaker) => speaker.id),
  );
  const learners = new Set(
    speakers
      .filter((speaker) =>
        hasStudent ? role(speaker) === 'student' : !teachers.has(speaker.id) && role(speaker) !== 'narrator',
      )
      .map((speaker) => speaker.id),
  );
  const points: number[] = [];
  for (let index = 1; index < lines.length; index++) {
    const asked = lines[index - 1]!;
    const answer = lines[index]!;
    if (teachers.has(asked.speaker) && learners.has(answer.speaker) && ENDS_WITH_QUESTION.test(asked.text.trim())) {
      points.push(index);
    }
  }
  return points;
}
