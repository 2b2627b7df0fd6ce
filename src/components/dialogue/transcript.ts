/**
 * The transcript as text: search that ignores case and accents (and says
 * where each match is, for highlighting), speaker initials, and the plain
 * text a learner copies or downloads. No DOM.
 */

interface Folded {
  /** Lower case, accents removed. */
  text: string;
  /** For each folded character (and one past the end), its index in the original text. */
  origin: number[];
}

/** Folds text for search, remembering where each folded character came from. */
export function fold(text: string): Folded {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const simple = char.normalize('NFD').replace(/\p{M}+/gu, '').toLocaleLowerCase();
    for (let i = 0; i < simple.length; i++) origin.push(index);
    folded += simple;
    index += char.length;
  }
  origin.push(index);
  return { text: folded, origin };
}

const foldQuery = (query: string) => fold(query.replace(/\s+/g, ' ').trim()).text;

/** Where `query` occurs in `text`, as [start, end) ranges of the original text, ignoring case and accents. */
export function findMatches(text: string, query: string): [number, number][] {
  const needle = foldQuery(query);
  if (!needle) return [];
  const haystack = fold(text);
  const ranges: [number, number][] = [];
  let from = 0;
  for (;;) {
    const at = haystack.text.indexOf(needle, from);
    if (at < 0) return ranges;
    const end = at + needle.length;
    ranges.push([haystack.origin[at]!, haystack.origin[end]!]);
    from = end;
  }
}

/** Does `text` contain `query`, ignoring case and accents? */
export function matchesQuery(text: string, query: string): boolean {
  const needle = foldQuery(query);
  return needle !== '' && fold(text).text.includes(needle);
}

/** "Teacher" -> "T", "Student 2" -> "S2", "María José" -> "MJ". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const first = (word: string | undefined) => (word ? Array.from(word)[0]!.toLocaleUpperCase() : '');
  if (words.length <= 1) return first(words[0]);
  return first(words[0]) + first(words[words.length - 1]);
}

export interface TranscriptEntry {
  /** The speaker as the reader should see it: "Teacher (Instructor)". */
  speaker: string;
  /** The line as plain text. */
  text: string;
}

/** The transcript as plain text: the title, then one paragraph per line. */
export function transcriptText(title: string, entries: readonly TranscriptEntry[]): string {
  return [title, ...entries.map((entry) => `${entry.speaker}: ${entry.text}`)].join('\n\n') + '\n';
}

/** A safe file name for a downloaded transcript. */
export function transcriptFileName(id: string): string {
  return `${id.replace(/[^A-Za-z0-9_-]+/g, '-') || 'dialogue'}.txt`;
}
