/**
 * The audio source of `<lesson-dialogue>`: binds a real media element (the
 * lesson's recording, or the page's own `<audio slot="audio">`) to the lines.
 * Each line becomes a cue of a metadata text track, made from the lines' own
 * start/end, or taken from the media's WebVTT `<track>`; the browser's
 * `cuechange` events, not polling, say which line is playing.
 */
import { activeLine, alignCues, timingsFromCues, type CueLine, type CueSpeaker, type LineTiming } from './cues.js';

// The dialogue loads this module lazily and reads the lesson's own timings through it.
export { timingsFromLines } from './cues.js';

export interface AudioState {
  /** Playback position, in seconds. */
  time: number;
  /** NaN until the media knows it. */
  duration: number;
  /** The media could not be loaded or played. */
  failed: boolean;
}

export interface AudioSourceEvents {
  /** The cue at the playback position belongs to line `index`. */
  line(index: number): void;
  play(): void;
  pause(): void;
  /** Position, duration or failure changed. */
  state(state: AudioState): void;
}

/** The track this module added to a media element, reused so a second setup replaces its cues instead of piling up. */
const ownTracks = new WeakMap<HTMLMediaElement, TextTrack>();

/** A line without an end lasts until the media does. */
const OPEN_END = 24 * 3600;

export class AudioSource {
  private media: HTMLMediaElement | undefined;
  private mediaListeners: AbortController | undefined;
  private cueListeners: AbortController | undefined;
  private readonly cueLines = new Map<TextTrackCue, number>();
  private timings: (LineTiming | undefined)[] = [];
  private lines: () => readonly CueLine[] = () => [];
  private speakers: readonly CueSpeaker[] = [];
  private rate = 1;

  constructor(private readonly events: AudioSourceEvents) {}

  /** The bound media element, if any. */
  get element(): HTMLMediaElement | undefined {
    return this.media;
  }

  get paused(): boolean {
    return this.media?.paused ?? true;
  }

  /**
   * The lines' own times (undefined for a line without `start`), and the lines themselves,
   * asked for only to match the cues of a WebVTT file.
   */
  setLines(lines: () => readonly CueLine[], speakers: readonly CueSpeaker[], timings: (LineTiming | undefined)[]): void {
    this.lines = lines;
    this.speakers = speakers;
    this.timings = timings;
    if (this.media) this.setupCues(this.media);
  }

  /** Binds a media element, or none; the previous one is let go. */
  attach(media: HTMLMediaElement | undefined): void {
    if (media === this.media) return;
    this.mediaListeners?.abort();
    this.cueListeners?.abort();
    this.mediaListeners = undefined;
    this.cueListeners = undefined;
    this.cueLines.clear();
    this.media = media;
    if (!media) return;
    const listeners = new AbortController();
    this.mediaListeners = listeners;
    const on = (type: string, listener: () => void) => media.addEventListener(type, listener, { signal: listeners.signal });
    on('play', () => this.events.play());
    on('pause', () => this.events.pause());
    for (const type of ['timeupdate', 'seeked', 'durationchange', 'loadedmetadata', 'error']) on(type, () => this.report());
    this.setRate(this.rate);
    // Usually called right after a render: read the media once that render is over, not during it.
    queueMicrotask(() => {
      if (this.media !== media) return;
      this.report();
      this.setupCues(media);
    });
  }

  setRate(rate: number): void {
    this.rate = rate;
    if (!this.media) return;
    this.media.defaultPlaybackRate = rate;
    this.media.playbackRate = rate;
  }

  play(): void {
    // A refused play (autoplay policy, no source) leaves the media paused, which the controls already show.
    void this.media?.play().catch(() => undefined);
  }

  pause(): void {
    if (this.media && !this.media.paused) this.media.pause();
  }

  seek(time: number): void {
    if (!this.media) return;
    this.media.currentTime = time;
    this.report();
  }

  /** Seeks to the start of line `index`, unless the position is already in it. */
  seekToLine(index: number): void {
    const media = this.media;
    const timing = this.timings[index];
    if (!media || !timing) return;
    if (media.currentTime >= timing.start && media.currentTime < timing.end) return;
    // Just inside the cue, so that cue (and no earlier one) is active at the new position.
    this.seek(timing.start + 0.001);
  }

  /** Back to the first line (or the beginning, without times). */
  rewind(): void {
    this.seek(this.timings.find(Boolean)?.start ?? 0);
  }

  private report() {
    const media = this.media;
    if (media) this.events.state({ time: media.currentTime, duration: media.duration, failed: media.error !== null });
  }

  /** Gives the media a metadata track whose cues are the lines: its own `<track>`, or cues from per-line times. */
  private setupCues(media: HTMLMediaElement) {
    this.cueListeners?.abort();
    const listeners = new AbortController();
    this.cueListeners = listeners;
    const signal = listeners.signal;
    this.cueLines.clear();
    const trackElement = media.querySelector('track');
    if (trackElement) {
      const track = trackElement.track;
      track.mode = 'hidden';
      const ready = () => this.useCueFile(track);
      if (trackElement.readyState === HTMLTrackElement.LOADED) ready();
      else trackElement.addEventListener('load', ready, { signal });
      track.addEventListener('cuechange', () => this.onCueChange(track), { signal });
      return;
    }
    let track = ownTracks.get(media);
    if (!track) {
      track = media.addTextTrack('metadata', 'lesson-dialogue-lines');
      ownTracks.set(media, track);
    }
    const lineTrack = track;
    lineTrack.mode = 'hidden';
    for (const cue of [...(lineTrack.cues ?? [])]) lineTrack.removeCue(cue);
    this.timings.forEach((timing, index) => {
      if (!timing) return;
      const cue = new VTTCue(timing.start, Number.isFinite(timing.end) ? timing.end : OPEN_END, '');
      cue.id = String(index);
      lineTrack.addCue(cue);
      this.cueLines.set(cue, index);
    });
    lineTrack.addEventListener('cuechange', () => this.onCueChange(lineTrack), { signal });
  }

  /** Maps the cues of a WebVTT file to lines (by cue id, order, `<v Speaker>` voice and text). */
  private useCueFile(track: TextTrack) {
    const trackCues = [...(track.cues ?? [])];
    const cues = trackCues.map((cue) => ({ id: cue.id, start: cue.startTime, end: cue.endTime, text: (cue as VTTCue).text ?? '' }));
    const lines = this.lines();
    const cueLines = alignCues(cues, lines, this.speakers);
    this.cueLines.clear();
    trackCues.forEach((cue, index) => this.cueLines.set(cue, cueLines[index]!));
    const fromCues = timingsFromCues(cues, cueLines, lines.length);
    this.timings = fromCues.map((timing, index) => timing ?? this.timings[index]);
    this.onCueChange(track);
  }

  private onCueChange(track: TextTrack) {
    const line = activeLine([...(track.activeCues ?? [])].map((cue) => this.cueLines.get(cue) ?? -1));
    if (line !== undefined) this.events.line(line);
  }
}
