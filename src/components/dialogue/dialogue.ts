import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import { defineElement } from '../../core/define.js';
import { LessonCompleteEvent, LessonLineEvent, LessonPauseEvent, LessonPlayEvent, LessonProgressEvent } from '../../core/events.js';
import { LessonElement } from '../../core/lesson-element.js';
import type { UiStringKey } from '../../core/localize.js';
import { plainText, richText } from '../../core/rich-text.js';
import { lineId, type Dialogue, type Lesson, type Speaker } from '../../core/schema.js';
import { baseStyles } from '../../core/styles.js';
import {
  DialogueController,
  findThinkPoints,
  mergeSaved,
  type DialogueEffect,
  type DialogueRequest,
  type DialogueSnapshot,
  type PlaybackSource,
} from './controller.js';
import type * as audioModule from './audio.js';
import type { AudioSource, AudioSourceEvents } from './audio.js';
import { styles } from './dialogue.styles.js';
import { icons } from './icons.js';
import { AutoAdvance, autoAdvanceDelay, clampRate, formatTime, RATES } from './pacing.js';
import type * as speechModule from './speech.js';
import type { SpeechQueue, SpeechSynthesisLike, UtteranceLike, VoiceLike } from './speech.js';
import { cachedIntl } from '../../core/intl.js';
import './strings.js';
import { findMatches, initials, matchesQuery, transcriptFileName, transcriptText } from './transcript.js';

export type DialogueMode = 'read' | 'step' | 'think';

/**
 * How the dialogue loads its speech code: with `import()`, so bundlers put it
 * in a chunk of its own that only pages reading aloud (`speech`) download. An
 * object, so tests can stand in a failing load.
 */
export const speechLoader = {
  load: (): Promise<typeof speechModule> => import('./speech.js'),
};

/**
 * How the dialogue loads its audio code (the media binding and the cue
 * parser): with `import()`, so only a dialogue with a recording downloads it.
 * An object, so tests can stand in a failing load.
 */
export const audioLoader = {
  load: (): Promise<typeof audioModule> => import('./audio.js'),
};

/** A speech engine: `window.speechSynthesis`, or a stand-in that may also make its own utterances. */
export type SpeechEngine = SpeechSynthesisLike & { createUtterance?: (text: string) => UtteranceLike };

/** Who moved the current line: it decides what else follows (seeking, announcing, scrolling). */
type Origin = 'user' | 'auto' | PlaybackSource;

/** `not-loaded`: the speech code could not be downloaded (see `speechLoader`); the next press tries again. */
type SpeechStatus = 'idle' | 'checking' | 'ready' | 'no-voices' | 'unsupported' | 'failed' | 'not-loaded';

/** What a speaker looks like: worked out once per speaker, shared by their lines. */
interface SpeakerLook {
  speaker: Speaker;
  /** The speaker's position in the dialogue's speaker list. */
  index: number;
  /** 1 to 6: which `--lesson-color-speaker-N` the speaker wears. */
  colour: number;
  initials: string;
}

/** One line, ready to show. Its text is parsed only when first needed: a long transcript shows its first lines first. */
class Row {
  private plainCache: string | undefined;
  private contentCache: unknown;

  constructor(
    readonly index: number,
    readonly id: string,
    readonly look: SpeakerLook,
    /** The line's text as written in the lesson (inline markup included). */
    readonly source: string,
  ) {}

  get speaker(): Speaker {
    return this.look.speaker;
  }

  /** The text without markup: for search, speech, announcements and copying. */
  get plain(): string {
    return (this.plainCache ??= plainText(this.source));
  }

  /** The text as a template. */
  get content(): unknown {
    return (this.contentCache ??= richText(this.source));
  }
}

/** Does the browser say when a `content-visibility: auto` line starts or stops rendering? */
const LAZY_SEEN = typeof ContentVisibilityAutoStateChangeEvent !== 'undefined';

/** Long transcripts show their first screenfuls at once and add the rest over the next frames. */
const FIRST_LINES = 40;
const LINES_PER_FRAME = 200;
/** Lines re-render in blocks of this many (see renderLines). */
const LINES_PER_BLOCK = 50;

const HIGHLIGHT_NAME = 'lesson-dialogue-match';
const ROLE_KEYS: Record<string, UiStringKey> = {
  instructor: 'roleInstructor',
  student: 'roleStudent',
  narrator: 'roleNarrator',
};

/** The page-wide highlight every dialogue adds its search matches to (CSS Custom Highlight API). */
function matchHighlight(): Highlight | undefined {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined') return undefined;
  let highlight = CSS.highlights.get(HIGHLIGHT_NAME);
  if (!highlight) {
    highlight = new Highlight();
    CSS.highlights.set(HIGHLIGHT_NAME, highlight);
  }
  return highlight;
}

const prefersReducedMotion = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * A teacher/student dialogue from a lesson: read it whole, step through it
 * line by line, think of an answer before a student gives theirs, or listen
 * to it (the lesson's recording, or the browser's speech).
 *
 * Stepping, the audio and speech are three sources of one "current line",
 * owned by a controller (see `controller.ts`): every button, key, audio cue
 * and spoken line sends it a request, and the transcript shows its state.
 *
 * @summary Plays, steps through or reads a scripted dialogue, with audio, speech and think-first pauses.
 *
 * @slot audio - Optional: your own `<audio>` (or `<video>`) element to play instead of the lesson's `audio.src`. Lines are timed by their `start`/`end`, or by the element's own `<track>`.
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart error - The error view (an unknown dialogue id, an invalid lesson).
 * @csspart error-messages - The list of error messages.
 * @csspart retry - The error view's retry button.
 * @csspart loading - Shown while the lesson loads.
 * @csspart notice - A notice that progress cannot be saved.
 * @csspart dialogue - The dialogue section.
 * @csspart header - The title and the transcript tools.
 * @csspart title - The dialogue title.
 * @csspart tools - Search, copy and download.
 * @csspart search - The search field's wrapper.
 * @csspart search-input - The search field.
 * @csspart match-count - "3 of 9 lines match".
 * @csspart copy-button - Copies the transcript.
 * @csspart download-button - Downloads the transcript as a .txt file.
 * @csspart tools-status - The result of copying or downloading.
 * @csspart copy-fallback - The selected transcript text shown where copying is blocked.
 * @csspart transcript - The scrolling area with the lines.
 * @csspart line - One line.
 * @csspart current-line - The current line (also has part `line`).
 * @csspart avatar - The speaker's initials.
 * @csspart speaker - The speaker's name and role.
 * @csspart role - The speaker's role.
 * @csspart text - What the speaker says.
 * @csspart think - The think-first prompt.
 * @csspart reveal-button - Reveals the answer at a think-first prompt.
 * @csspart end - "End of the dialogue", once every line is shown in step mode.
 * @csspart controls - The control bar.
 * @csspart stepper - Restart, Previous, Next and the line count.
 * @csspart restart-button - Restarts step mode.
 * @csspart previous-button - Goes to the previous line.
 * @csspart next-button - Goes to the next line.
 * @csspart progress - "Line 3 of 9".
 * @csspart player - Play/pause, time, seek slider and speed.
 * @csspart play-button - Plays or pauses (audio, speech or auto-advance).
 * @csspart listen-button - Reads the dialogue aloud (also has part `play-button`).
 * @csspart time - Elapsed and total time.
 * @csspart seek - The seek slider.
 * @csspart speed - The speed chooser.
 * @csspart status - Why audio or speech is unavailable.
 * @csspart shortcuts - The keyboard shortcuts disclosure.
 *
 * @cssprop --lesson-dialogue-background - Background of the dialogue.
 * @cssprop --lesson-dialogue-border-color - Border of the dialogue and between parts.
 * @cssprop --lesson-dialogue-radius - Corner radius of the dialogue.
 * @cssprop --lesson-dialogue-padding - Inner spacing of the dialogue.
 * @cssprop --lesson-dialogue-max-height - Height after which the transcript scrolls.
 * @cssprop --lesson-dialogue-line-gap - Space between lines.
 * @cssprop --lesson-dialogue-avatar-size - Size of the speaker initials.
 * @cssprop --lesson-dialogue-current-background - Background of the current line.
 * @cssprop --lesson-dialogue-current-border - Accent bar of the current line.
 * @cssprop --lesson-dialogue-match-background - Background of search matches.
 * @cssprop --lesson-dialogue-think-background - Background of the think-first prompt.
 *
 * @fires lesson-line - A line became current. `detail: { dialogueId, lineId, index }`
 * @fires lesson-play - Audio, speech or auto-advance started. `detail: { source: 'audio' | 'speech' | 'step' }`
 * @fires lesson-pause - Playback stopped. `detail: { source }`
 * @fires lesson-progress - More lines were reached. `detail: { id, progress }` (0 to 1)
 * @fires lesson-complete - Every line has been reached. `detail: { id }`
 * @fires lesson-load - The lesson loaded (from the base element).
 * @fires lesson-error - The lesson or the dialogue could not be shown (from the base element).
 * @fires lesson-storage - Progress cannot be saved (from the base element).
 */
export class LessonDialogue extends LessonElement {
  static override styles = [baseStyles, styles];

  /** The id of the dialogue to show; default: the `src` fragment, else the lesson's first dialogue. */
  @property() dialogue = '';

  /** `read` (the whole transcript), `step` (one line at a time) or `think` (step, pausing before student answers). */
  @property({ reflect: true }) mode: DialogueMode = 'read';

  /** In step mode, pause before a student answers a teacher's question ("What would you answer?"). */
  @property({ type: Boolean, attribute: 'think-first' }) thinkFirst = false;

  /** Offer a Listen button that reads the dialogue aloud when it has no audio. */
  @property({ type: Boolean }) speech = false;

  /** Turns the keyboard shortcuts off (Space, K, arrows, Home, End). */
  @property({ type: Boolean, attribute: 'no-shortcuts' }) noShortcuts = false;

  /** Playback speed, 0.75 to 2: audio playback rate, speech rate and auto-advance pace. */
  @property({ type: Number }) rate = 1;

  /** The heading level of the dialogue title (1 to 6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** The speech engine for Listen; defaults to the browser's `speechSynthesis`. */
  @property({ attribute: false }) synthesis: SpeechEngine | undefined;

  @state() private section: Dialogue | undefined;
  @state() private view: DialogueSnapshot | undefined;
  @state() private query = '';
  @state() private mediaTime = 0;
  @state() private mediaDuration = Number.NaN;
  @state() private mediaFailed = false;
  @state() private slottedMedia: HTMLMediaElement | undefined;
  @state() private speechStatus: SpeechStatus = 'idle';
  @state() private speechError = '';
  @state() private toolsStatus: 'copied' | 'copy-failed' | 'downloaded' | '' = '';

  @query('.scroller') private scroller!: HTMLElement | null;
  @query('.copy-fallback textarea') private fallbackText!: HTMLTextAreaElement | null;

  private controller: DialogueController | undefined;
  private rows: Row[] = [];
  private matching: ReadonlySet<number> = new Set();
  private configuredFor = '';
  /** The recording's source, once its code is loaded (see `audioLoader`); only a dialogue with a recording has one. */
  private audio: AudioSource | undefined;
  private audioCode: typeof audioModule | undefined;
  private audioLoad: Promise<void> | undefined;
  /** Play was pressed before the audio code arrived: it plays once loaded, unless paused, moved away or removed first. */
  private playWhenLoaded = false;
  private readonly audioEvents: AudioSourceEvents = {
    line: (index) => {
      if (index !== this.view?.current) this.request({ type: 'go', index }, 'audio');
    },
    play: () => this.request({ type: 'playing', source: 'audio' }, 'audio'),
    pause: () => this.request({ type: 'paused' }, 'audio'),
    state: ({ time, duration, failed }) => {
      this.mediaTime = time;
      this.mediaDuration = duration;
      this.mediaFailed = failed;
    },
  };
  private readonly autoAdvance = new AutoAdvance(() => this.autoStep());
  private speechQueue: SpeechQueue | undefined;
  /** The speech code, once loaded (see `speechLoader`). */
  private speechCode: typeof speechModule | undefined;
  private voices: VoiceLike[] = [];
  private scrollTarget: { index: number; page: boolean } | undefined;
  private focusLine: number | undefined;
  private highlightRanges: Range[] = [];
  private paintedFor = '';
  private seenObserver: IntersectionObserver | undefined;
  /** Read mode: how many lines the seen-line observer watches so far. */
  private observedLines = 0;
  /** How many lines are rendered so far (see FIRST_LINES). */
  @state() private renderLimit = FIRST_LINES;
  private chunkFrame = 0;
  private chunkTimer: ReturnType<typeof setTimeout> | undefined;
  /** Lines from this index on appeared by stepping and animate in (not those shown on load). */
  private freshFrom = Number.POSITIVE_INFINITY;
  /** The line elements `markLines` has marked, to unmark them when the marks move on. */
  private markedLines = new Set<HTMLElement>();

  constructor() {
    super();
    // Shortcuts work wherever focus is inside this element, and nowhere else.
    this.addEventListener('keydown', (event) => this.onKeydown(event));
  }

  // ---- Public API: what the controls call, for hosts that build their own ----

  /** Goes to the next line (in think-first mode, first shows the prompt, then the answer). */
  next(): void {
    this.request({ type: 'next' }, 'user');
  }

  /** Goes to the previous line. */
  previous(): void {
    this.request({ type: 'previous' }, 'user');
  }

  /** Starts again from the first line (step mode hides the later lines again). */
  restart(): void {
    this.stopPlayback();
    this.request({ type: 'restart' }, 'user');
    this.audio?.rewind();
  }

  /** Reveals the answer the think-first prompt is waiting on. */
  revealAnswer(): void {
    // The prompt goes away with its button: a learner who pressed it goes on from the answer it revealed, not from <body>.
    const focused = this.shadowRoot?.activeElement;
    if (focused instanceof HTMLElement && focused.closest('.think') && this.view && this.view.gate >= 0) this.focusLine = this.view.gate;
    this.request({ type: 'reveal' }, 'user');
  }

  /** Makes line `index` (0-based) current, seeking the audio there. */
  goToLine(index: number): void {
    this.request({ type: 'go', index }, 'user');
  }

  /** Starts playback: the audio, else speech (with `speech`), else auto-advance in step mode. */
  play(): void {
    const kind = this.playbackKind;
    if (kind === 'audio') this.playAudio();
    else if (kind === 'speech') void this.startSpeech();
    else if (kind === 'step') this.startAutoAdvance();
  }

  /** Pauses whatever is playing. */
  pause(): void {
    this.stopPlayback();
  }

  /** The current line (0-based), or -1 when none is current. */
  get currentLine(): number {
    return this.view?.current ?? -1;
  }

  /** What is playing: `audio`, `speech`, `step` (auto-advance), or undefined. */
  get playing(): PlaybackSource | undefined {
    return this.view?.playing;
  }

  // ---- Lesson and configuration ----

  private get stepping(): boolean {
    return this.mode === 'step' || this.mode === 'think';
  }

  private configKey(): string {
    return [this.dialogue, this.fragment, this.stepping, this.mode === 'think' || this.thinkFirst].join('|');
  }

  protected override lessonChanged(lesson: Lesson): void {
    this.stopPlayback();
    this.configuredFor = this.configKey();
    const section = this.pick(lesson.dialogues, this.dialogue || this.fragment || undefined);
    this.section = section;
    this.seenObserver?.disconnect();
    this.seenObserver = undefined;
    this.observedLines = 0;
    this.renderLimit = FIRST_LINES;
    this.paintedFor = '';
    this.freshFrom = Number.POSITIVE_INFINITY;
    if (!section) {
      this.controller = undefined;
      this.view = undefined;
      this.rows = [];
      return;
    }
    const looks = new Map(
      section.speakers.map((speaker, index) => [speaker.id, { speaker, index, colour: (index % 6) + 1, initials: initials(speaker.name) }]),
    );
    this.rows = section.lines.map((line, index) => new Row(index, lineId(section, index), looks.get(line.speaker)!, line.text));
    const thinking = this.stepping && (this.mode === 'think' || this.thinkFirst);
    const thinkPoints = thinking
      ? findThinkPoints(section.speakers, this.rows.map((row) => ({ speaker: row.speaker.id, text: row.plain })))
      : [];
    this.controller = new DialogueController(this.rows.length, { stepping: this.stepping, thinkPoints });
    this.controller.restore(this.readProgress('dialogue', section.id));
    this.view = this.controller.snapshot;
    this.setAudioLines();
    this.updateMatches();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // The dialogue id, mode or think-first changed after the lesson loaded: choose again (and recover from an unknown id).
    if (this.hasUpdated && this.data && this.configuredFor !== this.configKey()) {
      if (this.loadState === 'error') this.reselect();
      else this.lessonChanged(this.data);
    }
    if (changed.has('rate')) this.audio?.setRate(clampRate(this.rate));
    // Started as soon as there is a recording, so Play never waits on a download.
    if (this.hasAudio && !this.mediaFailed && !this.audioLoad) void this.loadAudio();
    if (changed.has('rate') && this.view?.playing === 'step') this.scheduleAutoAdvance();
    // Find out early whether speech can work, so an unusable Listen button says why before it is pressed.
    if (this.speech && !this.hasAudio && this.speechStatus === 'idle' && this.section) void this.checkVoices();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.adoptSlottedMedia();
    // Captured: the event may not bubble, and it fires on the lines inside the shadow root.
    if (LAZY_SEEN) this.renderRoot.addEventListener('contentvisibilityautostatechange', this.onLineRelevance, { capture: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopPlayback();
    this.audio?.attach(undefined);
    this.clearHighlights();
    this.seenObserver?.disconnect();
    this.seenObserver = undefined;
    this.observedLines = 0;
    cancelAnimationFrame(this.chunkFrame);
    clearTimeout(this.chunkTimer);
    this.chunkFrame = 0;
  }

  // ---- The controller: every source of "current line" goes through here ----

  private request(request: DialogueRequest, origin: Origin): DialogueEffect[] {
    const controller = this.controller;
    if (!controller) return [];
    const effects = controller.dispatch(request);
    this.view = controller.snapshot;
    this.apply(effects, origin);
    return effects;
  }

  private apply(effects: DialogueEffect[], origin: Origin) {
    const section = this.section!;
    let save = false;
    for (const effect of effects) {
      switch (effect.type) {
        case 'line':
          save = true;
          this.emit(new LessonLineEvent({ dialogueId: section.id, lineId: this.rows[effect.index]!.id, index: effect.index }));
          this.followLine(effect.index, origin);
          if (!effects.some((other) => other.type === 'reveal')) this.announceMove(effect.index, origin);
          break;
        case 'reveal':
          // A step animates its line in; a jump that shows many lines at once does not.
          this.freshFrom = effect.indices.length <= 3 ? (effect.indices[0] ?? this.freshFrom) : Number.POSITIVE_INFINITY;
          if (origin === 'user' || origin === 'auto') this.announceReveal(effect.indices);
          break;
        case 'gate':
          if (effect.index >= 0) {
            this.announce(this.t('dialogueThinkAnnounce', { name: this.rows[effect.index]!.speaker.name }));
            this.scrollTarget = { index: -1, page: origin === 'user' };
          }
          break;
        case 'halt':
          this.stopPlayback();
          break;
        case 'resume':
          this.resume(effect.source);
          break;
        case 'end':
          if (this.view?.playing === 'step') this.stopPlayback();
          else if (origin === 'user') this.announce(this.t('dialogueEnd'));
          break;
        case 'progress':
          save = true;
          this.emit(new LessonProgressEvent({ id: section.id, progress: effect.reached / effect.total }));
          break;
        case 'complete':
          this.emit(new LessonCompleteEvent({ id: section.id }));
          break;
        case 'play':
          this.emit(new LessonPlayEvent(effect.source));
          break;
        case 'pause':
          this.emit(new LessonPauseEvent(effect.source));
          break;
      }
    }
    if (save && this.controller) {
      const stored = this.readProgress('dialogue', section.id);
      this.writeProgress(mergeSaved(this.controller.save(), stored, this.rows.length), 'dialogue', section.id);
    }
  }

  /** Keeps the other sources, the scroll position and the focus with a line that just became current. */
  private followLine(index: number, origin: Origin) {
    if (origin !== 'audio') this.audio?.seekToLine(index);
    if (origin !== 'speech' && this.speechQueue?.speaking) this.speechQueue.start(index);
    if (origin !== 'auto' && this.view?.playing === 'step') this.scheduleAutoAdvance();
    this.scrollTarget = { index, page: origin === 'user' || origin === 'auto' };
    this.renderLimit = Math.max(this.renderLimit, index + 1);
    // Focus follows the learner's own moves among lines, never the audio, speech or auto-advance.
    const focused = this.shadowRoot?.activeElement;
    if (origin === 'user' && focused instanceof HTMLElement && focused.matches('li.line')) this.focusLine = index;
  }

  private lineSentence(index: number): string {
    const row = this.rows[index]!;
    return this.t('dialogueLine', { speaker: this.speakerLabel(row.speaker), text: row.plain });
  }

  /** Newly shown lines are read out once, when they appear (not while audio or speech says them). */
  private announceReveal(indices: number[]) {
    const last = indices[indices.length - 1];
    if (last === undefined) return;
    let text = indices.length === 1 ? this.lineSentence(last) : this.t('dialogueShownMany', { count: indices.length, line: this.lineSentence(last) });
    if (this.view && this.view.revealed === this.view.total) text += ` ${this.t('dialogueEnd')}`;
    this.announce(text);
  }

  /** Moving among lines already shown says where you are; in read mode, what the line says. */
  private announceMove(index: number, origin: Origin) {
    if (origin !== 'user' || this.focusLine !== undefined || !this.view) return;
    this.announce(this.view.stepping ? this.t('dialogueProgress', { current: index + 1, total: this.view.total }) : this.lineSentence(index));
  }

  // ---- Playback sources ----

  private get hasAudio(): boolean {
    return Boolean(this.section?.audio) || this.slottedMedia !== undefined;
  }

  /** Which source Play drives: the audio, speech, or auto-advance (step mode). */
  private get playbackKind(): PlaybackSource | undefined {
    if (this.hasAudio) return 'audio';
    if (this.speech) return 'speech';
    return this.stepping ? 'step' : undefined;
  }

  private togglePlay() {
    if (this.view?.playing) this.stopPlayback();
    else this.play();
  }

  /** Stops every source; each reports its own pause to the controller. */
  private stopPlayback() {
    if (this.autoAdvance.pending || this.view?.playing === 'step') {
      this.autoAdvance.cancel();
      this.request({ type: 'paused' }, 'step');
    }
    if (this.speechQueue?.speaking || this.view?.playing === 'speech') {
      this.speechQueue?.stop();
      this.request({ type: 'paused' }, 'speech');
    }
    this.playWhenLoaded = false;
    this.audio?.pause();
  }

  /** Play from where the learner is; from the top when the last line is current. */
  private startAutoAdvance() {
    const view = this.view;
    if (!view || !view.stepping) return;
    if (view.gate < 0 && view.current >= view.total - 1) this.request({ type: 'first' }, 'user');
    this.request({ type: 'playing', source: 'step' }, 'step');
    this.scheduleAutoAdvance();
  }

  /** Goes on after a think-first pause, from the answer just revealed (even when it is the last line). */
  private resume(source: PlaybackSource) {
    if (source === 'audio') this.playAudio();
    else if (source === 'speech') void this.startSpeech();
    else {
      this.request({ type: 'playing', source: 'step' }, 'step');
      this.scheduleAutoAdvance();
    }
  }

  private scheduleAutoAdvance() {
    const row = this.rows[this.view?.current ?? -1];
    if (row) this.autoAdvance.schedule(autoAdvanceDelay(row.plain, { rate: this.rate }));
  }

  private autoStep() {
    const effects = this.request({ type: 'next' }, 'auto');
    if (this.view?.playing === 'step' && !effects.some((effect) => effect.type === 'end' || effect.type === 'halt')) {
      this.scheduleAutoAdvance();
    }
  }

  private get engine(): SpeechEngine | undefined {
    return this.synthesis ?? (globalThis.speechSynthesis as unknown as SpeechEngine | undefined);
  }

  /** Finds out whether speech can work here, so an unusable Listen button says why up front. */
  private async checkVoices(): Promise<boolean> {
    const engine = this.engine;
    if (!engine) {
      this.speechStatus = 'unsupported';
      return false;
    }
    if (this.speechStatus === 'ready') return true;
    if (this.speechStatus === 'no-voices') {
      // Already waited once: only a quick look, in case voices were installed since.
      this.voices = engine.getVoices();
      if (this.voices.length) this.speechStatus = 'ready';
      return this.voices.length > 0;
    }
    this.speechStatus = 'checking';
    try {
      this.speechCode ??= await this.whileLoading(speechLoader.load());
    } catch (error) {
      // Offline, or a blocked chunk: Listen says so, and the next press tries again.
      console.error(`<${this.localName}>: the code that reads aloud could not be loaded`, error);
      this.speechStatus = 'not-loaded';
      return false;
    }
    this.voices = await this.speechCode.loadVoices(engine);
    this.speechStatus = this.voices.length ? 'ready' : 'no-voices';
    return this.voices.length > 0;
  }

  private async startSpeech() {
    const engine = this.engine;
    const section = this.section;
    if (!section || !this.data || this.speechStatus === 'checking') return;
    if (!(await this.checkVoices()) || !engine || !this.speechCode) {
      this.announce(this.speechUnavailableText());
      return;
    }
    const { SpeechQueue, assignVoices } = this.speechCode;
    const lesson = this.data;
    const createUtterance =
      engine.createUtterance?.bind(engine) ?? ((text: string) => new SpeechSynthesisUtterance(text) as unknown as UtteranceLike);
    this.speechQueue?.stop();
    this.speechError = '';
    this.speechQueue = new SpeechQueue({
      synth: engine,
      createUtterance,
      lines: this.rows.map((row) => ({ speaker: row.speaker.id, text: row.plain })),
      lang: lesson.lang,
      voices: assignVoices(section.speakers.map((speaker) => speaker.id), this.voices, lesson.lang),
      rate: () => clampRate(this.rate),
      onLine: (index) => !this.request({ type: 'go', index }, 'speech').some((effect) => effect.type === 'halt'),
      onDone: () => this.request({ type: 'paused' }, 'speech'),
      onError: (error) => {
        this.speechStatus = 'failed';
        this.speechError = error;
        this.request({ type: 'paused' }, 'speech');
      },
    });
    const view = this.view!;
    // At a think-first prompt, the question again; after the last line, from the top.
    const from = view.gate >= 0 ? view.gate - 1 : view.current < 0 || (view.current >= view.total - 1 && view.reached === view.total) ? 0 : view.current;
    this.request({ type: 'playing', source: 'speech' }, 'speech');
    this.speechQueue.start(Math.max(from, 0));
  }

  private speechUnavailableText(): string {
    if (this.speechStatus === 'unsupported') return this.t('dialogueSpeechUnsupported');
    if (this.speechStatus === 'no-voices') return this.t('dialogueSpeechNoVoices');
    if (this.speechStatus === 'failed') return this.t('dialogueSpeechFailed', { error: this.speechError });
    if (this.speechStatus === 'not-loaded') return this.t('dialogueSpeechNotLoaded');
    return '';
  }

  // ---- Audio: a real media element; its text track's cue events move the current line ----

  private adoptSlottedMedia() {
    const slotted = this.querySelector<HTMLMediaElement>(':scope > audio[slot="audio"], :scope > video[slot="audio"]');
    this.slottedMedia = slotted ?? undefined;
  }

  /** Loads the audio code, once; a failed download shows the audio error, and the next Play tries again. */
  private loadAudio(): Promise<void> {
    this.audioLoad ??= this.whileLoading(audioLoader.load()).then(
      async (code) => {
        this.audioCode = code;
        const audio = new code.AudioSource(this.audioEvents);
        this.audio = audio;
        audio.setRate(clampRate(this.rate));
        this.setAudioLines();
        this.requestUpdate();
        await this.updateComplete; // `updated` has attached the media element.
        // The learner moved on while the code downloaded: the recording follows.
        const current = this.view?.current ?? -1;
        if (current > 0) audio.seekToLine(current);
        if (this.playWhenLoaded) audio.play();
        this.playWhenLoaded = false;
      },
      (error: unknown) => {
        this.audioLoad = undefined;
        console.error(`<${this.localName}>: the audio code could not be loaded`, error);
        this.mediaFailed = true;
        // The learner pressed Play and waits: say it (a failure on load shows in the status only).
        if (this.playWhenLoaded) this.announce(this.t('dialogueAudioError'));
        this.playWhenLoaded = false;
      },
    );
    return this.audioLoad;
  }

  /** Binds the lines to the recording (once the audio code is there: `loadAudio` calls it too). */
  private setAudioLines() {
    const { audio, audioCode, section } = this;
    if (!audio || !audioCode || !section) return;
    const rows = this.rows;
    audio.setLines(
      () => rows.map((row) => ({ id: section.lines[row.index]!.id, speaker: row.speaker.id, text: row.plain })),
      section.speakers,
      audioCode.timingsFromLines(section.lines),
    );
  }

  private playAudio() {
    if (this.audio) return this.audio.play();
    this.playWhenLoaded = true;
    this.mediaFailed = false;
    void this.loadAudio();
  }

  private onSeekInput(event: Event) {
    this.audio?.seek(Number((event.target as HTMLInputElement).value));
  }

  private onRateChange(event: Event) {
    this.rate = clampRate(Number((event.target as HTMLSelectElement).value));
  }

  // ---- Keyboard and pointer ----

  private onKeydown(event: KeyboardEvent) {
    if (this.noShortcuts || !this.view || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.composedPath()[0];
    if (!(target instanceof Element)) return;
    // Fields, sliders and native media controls keep every key; buttons and links keep Space and Enter.
    if (target.closest('input, select, textarea, audio, video, [contenteditable]:not([contenteditable="false"]), [role="slider"]')) return;
    const onControl = target.closest('button, a[href], summary') !== null;
    const rtl = this.uiDir === 'rtl';
    switch (event.key) {
      case ' ':
        if (onControl || !this.playbackKind) return;
        this.togglePlay();
        break;
      case 'k':
      case 'K':
        if (!this.playbackKind) return;
        this.togglePlay();
        break;
      case 'ArrowRight':
        if (rtl) this.previous();
        else this.next();
        break;
      case 'ArrowLeft':
        if (rtl) this.next();
        else this.previous();
        break;
      case 'Home':
        this.request({ type: 'first' }, 'user');
        break;
      case 'End':
        this.request({ type: 'last' }, 'user');
        break;
      case 'Enter': {
        const line = target.closest<HTMLElement>('li.line');
        if (onControl || !line) return;
        this.goToLine(Number(line.dataset.index));
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  }

  private onLineClick(event: MouseEvent) {
    const target = event.composedPath()[0];
    if (!(target instanceof Element) || target.closest('a[href]')) return;
    // Selecting text to copy is not a request to jump.
    const root = this.shadowRoot as (ShadowRoot & { getSelection?: () => Selection | null }) | null;
    if (String(root?.getSelection?.() ?? getSelection() ?? '').length > 0) return;
    const line = target.closest<HTMLElement>('li.line');
    if (line) this.goToLine(Number(line.dataset.index));
  }

  // ---- Search, copy, download ----

  private updateMatches() {
    if (!this.query.trim()) {
      this.matching = new Set();
      return;
    }
    const found = new Set<number>();
    for (const row of this.rows) if (matchesQuery(`${row.speaker.name}\n${row.plain}`, this.query)) found.add(row.index);
    this.matching = found;
  }

  private onSearchInput(event: Event) {
    this.query = (event.target as HTMLInputElement).value;
    this.updateMatches();
    if (this.query.trim()) this.announce(this.matchCountText());
  }

  private matchCountText(): string {
    const view = this.view!;
    let count = 0;
    for (const index of this.matching) if (index < view.revealed) count++;
    return count ? this.t('dialogueMatches', { count, total: view.revealed }) : this.t('dialogueNoMatches');
  }

  private transcript(): string {
    const section = this.section!;
    return transcriptText(
      section.title,
      this.rows.map((row) => ({ speaker: this.speakerLabel(row.speaker), text: row.plain })),
    );
  }

  private async copyTranscript() {
    const text = this.transcript();
    try {
      if (!navigator.clipboard?.writeText) throw new Error('No clipboard');
      await navigator.clipboard.writeText(text);
      this.toolsStatus = 'copied';
      this.announce(this.t('dialogueCopied'));
    } catch {
      this.toolsStatus = 'copy-failed';
      await this.updateComplete;
      this.fallbackText?.focus();
      this.fallbackText?.select();
    }
  }

  private downloadTranscript() {
    const file = transcriptFileName(this.section!.id);
    const url = URL.createObjectURL(new Blob([this.transcript()], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file;
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
    this.toolsStatus = 'downloaded';
    this.announce(this.t('dialogueDownloaded', { file }));
  }

  // ---- After rendering: media, scrolling, focus, highlights, seen lines ----

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.audio?.attach(this.slottedMedia ?? this.renderRoot.querySelector<HTMLAudioElement>('audio.media') ?? undefined);
    this.markLines();
    this.scrollToTarget();
    if (this.focusLine !== undefined) {
      this.shadowRoot?.querySelector<HTMLElement>(`#line-${this.focusLine}`)?.focus({ preventScroll: true });
      this.focusLine = undefined;
    }
    this.paintMatches();
    this.observeSeenLines();
    this.renderMoreLater();
  }

  /**
   * Sets what changes on every step on the few lines concerned: `aria-current` and the
   * `current-line` part on the current line, the tab stop (the current line, else the first),
   * and `data-fresh` (the entrance animation) on lines a step has just shown.
   */
  private markLines() {
    const root = this.shadowRoot;
    const view = this.view;
    if (!root || !view) return;
    const line = (index: number) => (index >= 0 ? (root.getElementById(`line-${index}`) ?? undefined) : undefined);
    const current = line(view.current);
    const tabStop = current ?? line(0);
    const fresh = new Set<HTMLElement>();
    for (let index = this.freshFrom; index < view.revealed; index++) {
      const element = line(index);
      if (element) fresh.add(element);
    }
    for (const element of this.markedLines) {
      if (element !== current) {
        element.removeAttribute('aria-current');
        element.part.remove('current-line');
      }
      if (element !== tabStop) element.tabIndex = -1;
      if (!fresh.has(element)) delete element.dataset.fresh;
    }
    if (current) {
      current.setAttribute('aria-current', 'true');
      current.part.add('current-line');
    }
    if (tabStop) tabStop.tabIndex = 0;
    for (const element of fresh) element.dataset.fresh = '';
    this.markedLines = new Set([...fresh, ...(current ? [current] : []), ...(tabStop ? [tabStop] : [])]);
  }

  /** Adds the next lines once the current view has been painted (after a frame, in a task of its own). */
  private renderMoreLater() {
    if (this.chunkFrame || !this.view || this.renderLimit >= this.view.revealed) return;
    this.chunkFrame = requestAnimationFrame(() => {
      this.chunkTimer = setTimeout(() => {
        this.chunkFrame = 0;
        this.renderLimit += LINES_PER_FRAME;
      });
    });
  }

  private scrollToTarget() {
    const target = this.scrollTarget;
    this.scrollTarget = undefined;
    if (!target || !this.scroller) return;
    const element =
      target.index < 0
        ? this.shadowRoot?.querySelector<HTMLElement>('.think')
        : this.shadowRoot?.querySelector<HTMLElement>(`#line-${target.index}`);
    if (!element) return;
    const behavior: ScrollBehavior = prefersReducedMotion() ? 'auto' : 'smooth';
    if (target.page) {
      element.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior });
      return;
    }
    // Audio and speech move the transcript only, never the page the learner may have scrolled away.
    const scroller = this.scroller;
    const top = element.offsetTop;
    const bottom = top + element.offsetHeight;
    if (top < scroller.scrollTop) scroller.scrollTo({ top, behavior });
    else if (bottom > scroller.scrollTop + scroller.clientHeight) scroller.scrollTo({ top: bottom - scroller.clientHeight, behavior });
  }

  private clearHighlights() {
    const highlight = matchHighlight();
    for (const range of this.highlightRanges) highlight?.delete(range);
    this.highlightRanges = [];
  }

  /** Highlights matches without re-rendering any line: ranges over the rendered text. */
  private paintMatches() {
    const key = `${this.query}|${this.view?.revealed}|${this.section?.id}|${this.uiLang}`;
    if (key === this.paintedFor) return;
    this.paintedFor = key;
    this.clearHighlights();
    const highlight = matchHighlight();
    const query = this.query.trim();
    if (!highlight || !query) return;
    for (const index of this.matching) {
      const line = this.shadowRoot?.querySelector(`#line-${index}`);
      if (!line) continue;
      for (const part of line.querySelectorAll('.name, .text')) {
        const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
        const nodes: { node: Text; start: number }[] = [];
        let text = '';
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          nodes.push({ node: node as Text, start: text.length });
          text += node.nodeValue ?? '';
        }
        const locate = (offset: number, isEnd: boolean) => {
          const found = [...nodes].reverse().find((entry) => (isEnd ? entry.start < offset : entry.start <= offset)) ?? nodes[0]!;
          return [found.node, offset - found.start] as const;
        };
        for (const [start, end] of findMatches(text, query)) {
          const range = document.createRange();
          range.setStart(...locate(start, false));
          range.setEnd(...locate(end, true));
          this.highlightRanges.push(range);
          highlight.add(range);
        }
      }
    }
  }

  /**
   * Read mode: a line counts as reached once it has been on screen.
   *
   * Where the browser says which lines it renders (content-visibility: auto
   * and its state events), only those are observed: watching all ten
   * thousand lines of a long transcript made every frame's intersection work
   * grow with it (hundreds of ms per frame). Elsewhere every line is observed.
   */
  private observeSeenLines() {
    const view = this.view;
    if (!view || view.stepping || view.reached >= view.total || typeof IntersectionObserver === 'undefined') return;
    const fresh = !this.seenObserver;
    this.seenObserver ??= new IntersectionObserver(
      (entries) => {
        const seen: number[] = [];
        for (const entry of entries) {
          const rootHeight = entry.rootBounds?.height ?? innerHeight;
          if (entry.isIntersecting && (entry.intersectionRatio >= 0.5 || entry.intersectionRect.height >= rootHeight / 2)) {
            seen.push(Number((entry.target as HTMLElement).dataset.index));
            this.seenObserver?.unobserve(entry.target);
          }
        }
        if (seen.length) this.request({ type: 'seen', indices: seen }, 'user');
      },
      { threshold: [0, 0.25, 0.5, 0.75, 1] },
    );
    const lines = this.shadowRoot?.querySelectorAll<HTMLElement>('li.line') ?? [];
    for (let index = this.observedLines; index < lines.length; index++) {
      const line = lines[index]!;
      // A line the browser skips is observed when it starts rendering (onLineRelevance); lines already
      // rendered when the observer is (re)made have had that event, so they are looked at here.
      if (LAZY_SEEN && !(fresh && line.checkVisibility({ contentVisibilityAuto: true }))) continue;
      if (!this.controller?.hasReached(index)) this.seenObserver.observe(line);
    }
    this.observedLines = lines.length;
  }

  /** A line starts or stops being rendered (content-visibility: auto): watch it only while it is. */
  private readonly onLineRelevance = (event: Event) => {
    const line = event.target as HTMLElement;
    if (!this.seenObserver || !line.matches('li.line')) return;
    if ((event as ContentVisibilityAutoStateChangeEvent).skipped) this.seenObserver.unobserve(line);
    else if (!this.controller?.hasReached(Number(line.dataset.index))) this.seenObserver.observe(line);
  };

  // ---- Rendering ----

  private roleLabel(role: string | undefined): string {
    if (!role) return '';
    const known = role.trim().toLowerCase();
    // Own keys only: a role named "constructor" or "toString" is text, not Object.prototype's function.
    return Object.hasOwn(ROLE_KEYS, known) ? this.t(ROLE_KEYS[known]!) : role;
  }

  /** "Teacher (Instructor)": for plain text and announcements. */
  private speakerLabel(speaker: Speaker): string {
    const role = this.roleLabel(speaker.role);
    return role && role.toLowerCase() !== speaker.name.toLowerCase() ? this.t('dialogueSpeaker', { name: speaker.name, role }) : speaker.name;
  }

  protected renderLesson(): unknown {
    const section = this.section;
    const view = this.view;
    if (!section || !view) return nothing;
    const level = Math.min(Math.max(Math.round(this.headingLevel) || 3, 1), 6);
    return html`<section class="dialogue" part="dialogue" aria-labelledby="title">
      <header class="header" part="header">
        <div class="title" part="title" id="title" role="heading" aria-level=${level}>${section.title}</div>
        ${this.renderTools()}
      </header>
      ${this.renderCopyFallback()}
      <div class="scroller" part="transcript">
        <ol class="lines" aria-label=${this.t('dialogueTranscript')} @click=${this.onLineClick}>
          ${this.renderLines(view)}
        </ol>
        ${this.renderThink(view)}
        ${view.stepping && view.revealed === view.total && view.gate < 0
          ? html`<p class="end" part="end">${this.t('dialogueEnd')}</p>`
          : nothing}
      </div>
      ${this.renderControls(view)}
      <slot name="audio" @slotchange=${this.adoptSlottedMedia}></slot>
      ${this.renderAudio(section)}
    </section>`;
  }

  private renderTools() {
    const searching = this.query.trim() !== '';
    return html`<div class="tools" part="tools" role="group" aria-label=${this.t('dialogueTools')}>
      <div class="search" part="search">
        ${icons.search}
        <input
          type="search"
          part="search-input"
          aria-label=${this.t('dialogueSearch')}
          placeholder=${this.t('dialogueSearchPlaceholder')}
          autocomplete="off"
          spellcheck="false"
          aria-describedby=${searching ? 'match-count' : nothing}
          .value=${live(this.query)}
          @input=${this.onSearchInput}
        />
      </div>
      ${searching ? html`<span class="match-count" id="match-count" part="match-count">${this.matchCountText()}</span>` : nothing}
      <button part="copy-button" aria-label=${this.t('dialogueCopyLabel')} @click=${this.copyTranscript}>
        ${icons.copy}<span class="label">${this.t('dialogueCopy')}</span>
      </button>
      <button part="download-button" aria-label=${this.t('dialogueDownloadLabel')} @click=${this.downloadTranscript}>
        ${icons.download}<span class="label">${this.t('dialogueDownload')}</span>
      </button>
      ${this.toolsStatus === 'copied' || this.toolsStatus === 'downloaded'
        ? html`<span class="tools-status" part="tools-status">
            ${this.toolsStatus === 'copied'
              ? this.t('dialogueCopied')
              : this.t('dialogueDownloaded', { file: transcriptFileName(this.section!.id) })}
          </span>`
        : nothing}
    </div>`;
  }

  private renderCopyFallback() {
    if (this.toolsStatus !== 'copy-failed') return nothing;
    return html`<div class="copy-fallback" part="copy-fallback">
      <p id="copy-help">${this.t('dialogueCopyFailed')}</p>
      <textarea readonly rows="6" aria-label=${this.t('dialogueCopyText')} aria-describedby="copy-help" .value=${this.transcript()}></textarea>
      <button @click=${this.closeCopyFallback}>${this.t('close')}</button>
    </div>`;
  }

  /** Closing the box removes the focused button with it: focus goes back to Copy, where the reader came from. */
  private async closeCopyFallback() {
    this.toolsStatus = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="copy-button"]')?.focus();
  }

  /**
   * The lines, in blocks that re-render only when their own lines change: a step, an audio cue or
   * a reveal touches one block at most. What changes on every step (the current line, the tab
   * stop, the entrance animation) is not bound here but set on the few elements concerned after
   * each update (`markLines`).
   */
  private renderLines(view: DialogueSnapshot) {
    const searching = this.query.trim() !== '';
    const count = searching ? view.revealed : Math.min(view.revealed, this.renderLimit);
    const roles = this.section!.speakers.map((speaker) => this.roleLabel(speaker.role));
    const rolesKey = roles.join('\n');
    const blocks: unknown[] = [];
    for (let first = 0; first < count; first += LINES_PER_BLOCK) {
      const last = Math.min(first + LINES_PER_BLOCK, count);
      blocks.push(guard([this.rows, first, last, this.matching, rolesKey], () => this.renderBlock(first, last, searching, roles)));
    }
    return blocks;
  }

  private renderBlock(first: number, last: number, searching: boolean, roles: string[]) {
    const items: TemplateResult[] = [];
    for (let index = first; index < last; index++) {
      const row = this.rows[index]!;
      const role = roles[row.look.index] ?? '';
      items.push(html`<li
        id=${`line-${index}`}
        class=${`line s${row.look.colour}`}
        part="line"
        data-index=${index}
        tabindex="-1"
        ?hidden=${searching && !this.matching.has(index)}
      >${this.renderLineBody(row, role)}</li>`);
    }
    return items;
  }

  private renderLineBody(row: Row, role: string) {
    const showRole = role && role.toLowerCase() !== row.speaker.name.toLowerCase();
    return html`<span class="avatar" part="avatar" aria-hidden="true">${row.look.initials}</span>
      <div class="body">
        <p class="who" part="speaker"><span class="name">${row.speaker.name}</span>${showRole
          ? html` <span class="role" part="role">${role}</span>`
          : nothing}</p>
        <p class="text" part="text" dir="auto">${row.content}</p>
      </div>`;
  }

  private renderThink(view: DialogueSnapshot) {
    if (view.gate < 0) return nothing;
    const who = this.rows[view.gate]!.speaker.name;
    return html`<div class="think" part="think" role="group" aria-labelledby="think-title" aria-describedby="think-question-text think-who">
      ${icons.think}
      <div class="think-body">
        <p class="think-title" id="think-title">${this.t('dialogueThinkTitle')}</p>
        <p class="think-question" id="think-question-text">${this.t('dialogueThinkPrompt')}</p>
        <p class="think-who" id="think-who">${this.t('dialogueThinkWho', { name: who })}</p>
        <button class="primary" part="reveal-button" @click=${this.revealAnswer}>${this.t('dialogueReveal')}</button>
      </div>
    </div>`;
  }

  private renderControls(view: DialogueSnapshot) {
    const kind = this.playbackKind;
    if (!view.stepping && !kind) return nothing;
    return html`<div class="controls" part="controls" role="group" aria-label=${this.t('dialogueControls')}>
        ${view.stepping ? this.renderStepper(view) : nothing} ${kind ? this.renderPlayer(view, kind) : nothing}
      </div>
      ${this.renderStatus(kind)} ${this.renderShortcuts(kind)}`;
  }

  private renderStepper(view: DialogueSnapshot) {
    const rtl = this.uiDir === 'rtl';
    const atStart = view.current <= 0 && view.gate < 0;
    const atEnd = view.current >= view.total - 1 && view.gate < 0;
    return html`<div class="stepper" part="stepper">
      <button part="restart-button" @click=${this.restart}>${icons.restart}<span class="label">${this.t('dialogueRestart')}</span></button>
      <button
        part="previous-button"
        aria-disabled=${atStart ? 'true' : nothing}
        aria-keyshortcuts=${rtl ? 'ArrowRight' : 'ArrowLeft'}
        @click=${this.previous}
      >${icons.previous}<span class="label">${this.t('dialoguePrevious')}</span></button>
      <button
        part="next-button"
        class="primary"
        aria-disabled=${atEnd ? 'true' : nothing}
        aria-keyshortcuts=${rtl ? 'ArrowLeft' : 'ArrowRight'}
        @click=${this.next}
      ><span class="label">${this.t('dialogueNext')}</span>${icons.next}</button>
      <span class="progress" part="progress">${this.t('dialogueProgress', { current: Math.max(view.current, 0) + 1, total: view.total })}</span>
    </div>`;
  }

  private renderPlayer(view: DialogueSnapshot, kind: PlaybackSource) {
    const playing = view.playing !== undefined;
    const speechUnavailable = kind === 'speech' && ['unsupported', 'no-voices'].includes(this.speechStatus);
    const playLabel =
      kind === 'speech'
        ? this.t(playing ? 'dialogueStopListening' : 'dialogueListen')
        : this.t(playing ? 'dialoguePause' : 'dialoguePlay');
    const playIcon = playing ? (kind === 'speech' ? icons.stop : icons.pause) : kind === 'speech' ? icons.listen : icons.play;
    return html`<div class="player" part="player">
      <button
        part=${kind === 'speech' ? 'play-button listen-button' : 'play-button'}
        class="play"
        aria-keyshortcuts="Space K"
        aria-disabled=${speechUnavailable ? 'true' : nothing}
        aria-describedby=${speechUnavailable ? 'status' : nothing}
        @click=${this.togglePlay}
      >${playIcon}<span class="label">${playLabel}</span></button>
      ${kind === 'audio' ? this.renderTimeline() : nothing}
      <label class="speed" part="speed">
        <span>${this.t('dialogueSpeed')}</span>
        <select @change=${this.onRateChange}>
          ${this.rateOptions().map(
            (rate) => html`<option value=${rate} ?selected=${rate === clampRate(this.rate)}>${this.formatRate(rate)}</option>`,
          )}
        </select>
      </label>
    </div>`;
  }

  private rateOptions(): number[] {
    const rate = clampRate(this.rate);
    return (RATES as readonly number[]).includes(rate) ? [...RATES] : [...RATES, rate].sort((a, b) => a - b);
  }

  private formatRate(rate: number): string {
    return `${cachedIntl('rate', this.uiLang, (lang) => new Intl.NumberFormat(lang, { maximumFractionDigits: 2 })).format(rate)}×`;
  }

  private renderTimeline() {
    const duration = Number.isFinite(this.mediaDuration) ? this.mediaDuration : 0;
    const elapsed = formatTime(this.mediaTime);
    const total = formatTime(duration);
    return html`<span class="time" part="time"
        ><span class="visually-hidden">${this.t('dialogueTime', { elapsed, total })}</span
        ><span aria-hidden="true">${elapsed} / ${total}</span></span
      >
      <input
        class="seek"
        part="seek"
        type="range"
        min="0"
        max=${duration}
        step="0.1"
        .value=${live(String(Math.min(this.mediaTime, duration)))}
        ?disabled=${!duration}
        aria-label=${this.t('dialogueSeek')}
        aria-valuetext=${this.t('dialogueTime', { elapsed, total })}
        @input=${this.onSeekInput}
      />`;
  }

  private renderStatus(kind: PlaybackSource | undefined) {
    const text =
      kind === 'audio' && this.mediaFailed
        ? this.t('dialogueAudioError')
        : kind === 'speech'
          ? this.speechStatus === 'checking'
            ? this.t('dialogueSpeechChecking')
            : this.speechUnavailableText()
          : '';
    return text ? html`<p class="status" part="status" id="status">${text}</p>` : nothing;
  }

  private renderShortcuts(kind: PlaybackSource | undefined) {
    if (this.noShortcuts) return nothing;
    const rtl = this.uiDir === 'rtl';
    const keys = (...names: string[]) => names.map((name) => html`<kbd>${name}</kbd>`);
    return html`<details class="shortcuts" part="shortcuts">
      <summary>${icons.keyboard}${this.t('dialogueShortcuts')}</summary>
      <dl>
        ${kind ? html`<div><dt>${keys('Space', 'K')}</dt><dd>${this.t('dialogueShortcutPlay')}</dd></div>` : nothing}
        <div><dt>${rtl ? keys('→', '←') : keys('←', '→')}</dt><dd>${this.t('dialogueShortcutLines')}</dd></div>
        <div><dt>${keys('Home', 'End')}</dt><dd>${this.t('dialogueShortcutEnds')}</dd></div>
        <div><dt>${keys('Enter')}</dt><dd>${this.t('dialogueShortcutLine')}</dd></div>
      </dl>
    </details>`;
  }

  private renderAudio(section: Dialogue) {
    if (!section.audio || this.slottedMedia) return nothing;
    const src = this.resolveUrl(section.audio.src);
    const captions = section.audio.captions ? this.resolveUrl(section.audio.captions) : undefined;
    const crossOrigin = captions && new URL(captions).origin !== location.origin ? 'anonymous' : undefined;
    return keyed(
      `${section.id}|${src}|${captions}`,
      html`<audio class="media" preload="metadata" src=${src} crossorigin=${crossOrigin ?? nothing}>
        ${captions ? html`<track kind="metadata" default src=${captions} />` : nothing}
      </audio>`,
    );
  }
}

defineElement('lesson-dialogue', LessonDialogue);

declare global {
  interface HTMLElementTagNameMap {
    'lesson-dialogue': LessonDialogue;
  }
}
