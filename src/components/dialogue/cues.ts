/**
 * Cue timing for `<lesson-dialogue>`: a WebVTT parser that keeps `<v Speaker>`
 * voice tags, the mapping of cues to dialogue lines, and per-line times. The
 * browser plays the cues (TextTrack `cuechange` events); this module only
 * works out which line each cue belongs to. No DOM.
 */
import { normalizeAnswer } from '../../core/match.js';

export interface Cue {
  /** The cue identifier ("" when the file gives none). */
  id: string;
  /** Start and end, in seconds. */
  start: number;
  end: number;
  /** The payload as written, tags included. */
  text: string;
}

export class VttError extends Error {}

const TIMESTAMP = /^(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})$/;

/** `"01:02.500"` or `"1:01:02.500"` -> seconds; undefined when malformed. */
export function parseTimestamp(value: string): number | undefined {
  const match = TIMESTAMP.exec(value.trim());
  if (!match) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0', fraction = '0'] = match;
  if (Number(minutes) > 59 || Number(seconds) > 59) return undefined;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds) + Number(fraction.padEnd(3, '0')) / 1000;
}

/**
 * Parses a WebVTT file into its cues, in file order. Header, NOTE, STYLE and
 * REGION blocks are skipped, as are cues with a malformed timing line (as
 * browsers do). Throws `VttError` when the file does not start with WEBVTT.
 */
export function parseVtt(source: string): Cue[] {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!/^WEBVTT(?:[ \t\n]|$)/.test(text)) throw new VttError('Not a WebVTT file: it must start with "WEBVTT"');
  const blocks = text.split(/\n{2,}/);
  const cues: Cue[] = [];
  for (const block of blocks.slice(1)) {
    const lines = block.split('\n');
    while (lines.length && lines[0] === '') lines.shift();
    const first = lines[0];
    if (first === undefined || /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first)) continue;
    const timingIndex = first.includes('-->') ? 0 : lines[1]?.includes('-->') ? 1 : -1;
    if (timingIndex < 0) continue;
    const [startText = '', rest = ''] = lines[timingIndex]!.split('-->');
    const start = parseTimestamp(startText);
    const end = parseTimestamp(rest.trim().split(/[ \t]+/)[0] ?? '');
    if (start === undefined || end === undefined || end < start) continue;
    cues.push({
      id: timingIndex === 1 ? first.trim() : '',
      start,
      end,
      text: lines.slice(timingIndex + 1).join('\n'),
    });
  }
  return cues;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The speaker of a cue (`<v Teacher>` or `<v.loud Teacher>`) and its plain text, tags removed. */
export function parseCueText(payload: string): { voice: string | undefined; text: string } {
  const voice = /<v(?:\.[^\s>]*)?[ \t]+([^>]+)>/.exec(payload)?.[1]?.trim();
  const text = decodeEntities(payload.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
  return { voice: voice ? decodeEntities(voice) : undefined, text };
}

export interface CueLine {
  id?: string | undefined;
  /** The speaker id. */
  speaker: string;
  /** The line as plain text. */
  text: string;
}

export interface CueSpeaker {
  id: string;
  name: string;
}

/**
 * Which line each cue belongs to (its index, in cue order). A cue whose id is
 * a line id belongs to that line. Otherwise, with as many cues as lines (and
 * no ids), they pair up in order; with more cues than lines (a long line split over several
 * cues), a cue continues the current line while its voice is that line's
 * speaker and its text is part of that line (or the next line is someone
 * else's), and starts the next line otherwise.
 */
export function alignCues(cues: readonly Cue[], lines: readonly CueLine[], speakers: readonly CueSpeaker[]): number[] {
  const byLineId = new Map<string, number>();
  lines.forEach((line, index) => line.id && byLineId.set(line.id, index));
  const names = new Map<string, string>();
  for (const speaker of speakers) {
    names.set(speaker.id.toLowerCase(), speaker.id);
    names.set(speaker.name.toLowerCase(), speaker.id);
  }
  const speakerOfVoice = (voice: string | undefined) => (voice ? names.get(voice.toLowerCase()) : undefined);
  const lineTexts = lines.map((line) => normalizeAnswer(line.text));
  const oneToOne = cues.length === lines.length && !cues.some((cue) => byLineId.has(cue.id));

  let line = -1;
  return cues.map((cue, cueIndex) => {
    const named = cue.id ? byLineId.get(cue.id) : undefined;
    if (named !== undefined) return (line = named);
    if (oneToOne) return (line = cueIndex);
    const { voice, text } = parseCueText(cue.text);
    const speaker = speakerOfVoice(voice);
    const next = line + 1;
    if (next >= lines.length) return line;
    if (line < 0) return (line = next);
    const sameSpeaker = speaker === undefined ? voice === undefined : speaker === lines[line]!.speaker;
    const within = normalizeAnswer(text) !== '' && lineTexts[line]!.includes(normalizeAnswer(text));
    const nextIsSomeoneElse = speaker !== undefined && lines[next]!.speaker !== speaker;
    const continues = sameSpeaker && (within || nextIsSomeoneElse);
    return continues ? line : (line = next);
  });
}

export interface LineTiming {
  start: number;
  end: number;
}

/** Per-line times from lines' own `start`/`end`: a missing end runs to the next line's start. */
export function timingsFromLines(lines: readonly { start?: number | undefined; end?: number | undefined }[]): (LineTiming | undefined)[] {
  const timings = new Array<LineTiming | undefined>(lines.length);
  let nextStart: number | undefined;
  for (let index = lines.length - 1; index >= 0; index--) {
    const { start, end } = lines[index]!;
    if (start === undefined) {
      timings[index] = undefined;
      continue;
    }
    timings[index] = { start, end: end ?? (nextStart !== undefined && nextStart > start ? nextStart : Number.POSITIVE_INFINITY) };
    nextStart = start;
  }
  return timings;
}

/** Per-line times from aligned cues: from the first cue's start to the last cue's end. */
export function timingsFromCues(cues: readonly Cue[], cueLines: readonly number[], lineCount: number): (LineTiming | undefined)[] {
  const timings: (LineTiming | undefined)[] = Array.from({ length: lineCount }, () => undefined);
  cues.forEach((cue, cueIndex) => {
    const line = cueLines[cueIndex];
    if (line === undefined || line < 0 || line >= lineCount) return;
    const timing = timings[line];
    if (timing) {
      timing.start = Math.min(timing.start, cue.start);
      timing.end = Math.max(timing.end, cue.end);
    } else timings[line] = { start: cue.start, end: cue.end };
  });
  return timings;
}

/** The line to highlight among the lines of the active cues: the latest one. */
export function activeLine(lines: Iterable<number>): number | undefined {
  let latest: number | undefined;
  for (const line of lines) if (line >= 0 && (latest === undefined || line > latest)) latest = line;
  return latest;
}
