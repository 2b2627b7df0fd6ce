/**
 * Reading a dialogue aloud with the Web Speech API: sentence splitting (Chrome
 * cuts utterances off after about 15 seconds), one voice per speaker, waiting
 * for voices that load late, and a queue that speaks line after line. The
 * speech engine is passed in, so tests use a fake and nothing here needs a DOM.
 */
import { cachedIntl } from '../../core/intl.js';

/** The parts of `SpeechSynthesisVoice` used here. */
export interface VoiceLike {
  name: string;
  lang: string;
  voiceURI?: string;
  default?: boolean;
  localService?: boolean;
}

/** The parts of `SpeechSynthesisUtterance` used here. */
export interface UtteranceLike {
  text: string;
  lang: string;
  rate: number;
  pitch: number;
  voice: VoiceLike | null;
  addEventListener(type: 'end' | 'error', listener: (event: Event & { error?: string }) => void): void;
}

/** The parts of `speechSynthesis` used here. */
export interface SpeechSynthesisLike {
  speak(utterance: UtteranceLike): void;
  cancel(): void;
  getVoices(): VoiceLike[];
  addEventListener(type: 'voiceschanged', listener: () => void): void;
  removeEventListener(type: 'voiceschanged', listener: () => void): void;
}

/** How one speaker sounds. */
export interface SpeakerVoice<V extends VoiceLike = VoiceLike> {
  voice: V | undefined;
  pitch: number;
}

const LONGEST_UTTERANCE = 200;

/** Cuts a too-long sentence at commas and similar, then at spaces, then anywhere. */
function cut(sentence: string, max: number): string[] {
  if (sentence.length <= max) return [sentence];
  const pieces: string[] = [];
  let rest = sentence;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const at = Math.max(...[',', ';', ':', '、', '，', '；', '—'].map((mark) => window.lastIndexOf(mark)));
    const space = window.lastIndexOf(' ');
    const end = at > max / 3 ? at + 1 : space > max / 3 ? space : max;
    pieces.push(rest.slice(0, end).trim());
    rest = rest.slice(end).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** Splits plain text into sentences to speak one at a time, none longer than `max` characters. */
export function splitSentences(text: string, lang = 'en', max = LONGEST_UTTERANCE): string[] {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (!trimmed) return [];
  let sentences: string[];
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    const segmenter = cachedIntl('sentences', lang, (tag) => new Intl.Segmenter(tag, { granularity: 'sentence' }));
    sentences = [...segmenter.segment(trimmed)].map((part) => part.segment.trim());
  } else {
    sentences = trimmed.match(/[^.!?。！？]+(?:[.!?。！？]+["'”’)\]]*|$)/gu)?.map((part) => part.trim()) ?? [trimmed];
  }
  return sentences.filter(Boolean).flatMap((sentence) => cut(sentence, max));
}

/** Voices for the language: exact tag first, then the same base language; all voices if none match. */
function voicesForLanguage<V extends VoiceLike>(voices: readonly V[], lang: string): V[] {
  const wanted = lang.toLowerCase().replace('_', '-');
  const base = wanted.split('-')[0];
  const tag = (voice: V) => voice.lang.toLowerCase().replace('_', '-');
  // Within each group, the browser's default voice first: it is usually the best one.
  const defaultFirst = (list: V[]) => list.sort((a, b) => Number(Boolean(b.default)) - Number(Boolean(a.default)));
  const exact = defaultFirst(voices.filter((voice) => tag(voice) === wanted));
  const sameBase = defaultFirst(voices.filter((voice) => tag(voice) !== wanted && tag(voice).split('-')[0] === base));
  const matching = [...exact, ...sameBase];
  return matching.length ? matching : defaultFirst([...voices]);
}

const PITCHES = [1, 0.8, 1.25, 0.9, 1.15, 0.7];

/**
 * Gives each speaker a voice of the lesson's language, a different one while
 * there are enough; speakers who must share a voice get a different pitch.
 */
export function assignVoices<V extends VoiceLike>(speakerIds: readonly string[], voices: readonly V[], lang: string): Map<string, SpeakerVoice<V>> {
  const candidates = voicesForLanguage(voices, lang);
  const assigned = new Map<string, SpeakerVoice<V>>();
  speakerIds.forEach((id, index) => {
    const voice = candidates.length ? candidates[index % candidates.length] : undefined;
    const round = candidates.length ? Math.floor(index / candidates.length) : index;
    assigned.set(id, { voice, pitch: PITCHES[round % PITCHES.length]! });
  });
  return assigned;
}

/**
 * The voices of a speech engine. Browsers load them late: wait for
 * `voiceschanged` (or `timeoutMs`) when the list starts empty. Resolves with an
 * empty list when there are none (headless Chromium has none).
 */
export function loadVoices(
  synth: SpeechSynthesisLike,
  timeoutMs = 1500,
  setTimer: (callback: () => void, ms: number) => unknown = (callback, ms) => setTimeout(callback, ms),
): Promise<VoiceLike[]> {
  const now = synth.getVoices();
  if (now.length) return Promise.resolve(now);
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      synth.removeEventListener('voiceschanged', finish);
      resolve(synth.getVoices());
    };
    synth.addEventListener('voiceschanged', finish);
    setTimer(finish, timeoutMs);
  });
}

export interface SpeechQueueOptions {
  synth: SpeechSynthesisLike;
  /** Makes an utterance; the element passes `new SpeechSynthesisUtterance(text)`. */
  createUtterance: (text: string) => UtteranceLike;
  /** The lines as plain text, with their speaker ids. */
  lines: readonly { speaker: string; text: string }[];
  lang: string;
  voices: ReadonlyMap<string, SpeakerVoice>;
  /** Read for every sentence, so a speed change applies from the next sentence on. */
  rate: () => number;
  /** Speech reached a line. Return false to stop before speaking it (a think-first pause). */
  onLine: (index: number) => boolean;
  /** Speech finished the last line. */
  onDone: () => void;
  /** The engine failed; `error` is the SpeechSynthesisErrorEvent code. */
  onError: (error: string) => void;
}

/**
 * Speaks lines one sentence at a time, from any line. Stopping cancels the
 * engine; events of cancelled utterances are ignored, so a stop followed by
 * a start never skips or repeats a line.
 */
export class SpeechQueue {
  private generation = 0;
  private line = 0;
  private sentences: string[] = [];
  private sentence = 0;
  private active = false;
  /** Held so the engine's utterance is not garbage-collected mid-speech (a Chrome bug). */
  private utterance: UtteranceLike | undefined;

  constructor(private readonly options: SpeechQueueOptions) {}

  get speaking(): boolean {
    return this.active;
  }

  /** The sentence being spoken, if any. */
  get sentenceText(): string | undefined {
    return this.utterance?.text;
  }

  /** The line being spoken (or last spoken). */
  get currentLine(): number {
    return this.line;
  }

  /** Starts speaking at line `index`, after cancelling anything being said. */
  start(index: number): void {
    this.generation++;
    this.options.synth.cancel();
    this.active = true;
    this.line = index;
    this.beginLine();
  }

  stop(): void {
    this.generation++;
    this.utterance = undefined;
    if (!this.active) return;
    this.active = false;
    this.options.synth.cancel();
  }

  private beginLine() {
    const { lines, onLine, onDone, lang } = this.options;
    if (this.line >= lines.length) {
      this.active = false;
      onDone();
      return;
    }
    const generation = this.generation;
    if (!onLine(this.line) || generation !== this.generation) {
      if (generation === this.generation) this.active = false;
      return;
    }
    this.sentences = splitSentences(lines[this.line]!.text, lang);
    this.sentence = 0;
    this.speakSentence();
  }

  private speakSentence() {
    if (this.sentence >= this.sentences.length) {
      this.line++;
      this.beginLine();
      return;
    }
    const { synth, createUtterance, lines, lang, voices, rate, onError } = this.options;
    const generation = this.generation;
    const utterance = createUtterance(this.sentences[this.sentence]!);
    const sound = voices.get(lines[this.line]!.speaker);
    utterance.lang = sound?.voice?.lang ?? lang;
    utterance.voice = sound?.voice ?? null;
    utterance.pitch = sound?.pitch ?? 1;
    utterance.rate = rate();
    utterance.addEventListener('end', () => {
      if (generation !== this.generation) return;
      this.sentence++;
      this.speakSentence();
    });
    utterance.addEventListener('error', (event) => {
      if (generation !== this.generation || event.error === 'interrupted' || event.error === 'canceled') return;
      this.active = false;
      onError(event.error ?? 'unknown');
    });
    this.utterance = utterance;
    synth.speak(utterance);
  }
}
