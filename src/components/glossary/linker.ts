/**
 * Term linking: finds glossary terms in text in ONE pass with ONE matcher
 * for every term and alias (a trie over case-folded text), never one regular
 * expression per term. Plain logic, no DOM: the element turns pieces of its
 * content into `Piece`s, asks `findLinks()` where terms are, and wraps them.
 *
 * The pass itself: one regular expression holding the first characters of
 * every name jumps, in the engine's native code, to the places where a name
 * may start (a few thousand in a 50,000-word article); the trie, walked only
 * there, decides which name (if any) is there. A loop in script over every
 * character costs several times more on a page's first and only run, before
 * the engine has optimized it.
 *
 * Rules:
 * - leftmost, then longest match: "Global Interpreter Lock" wins over "Lock";
 * - whole words only: "GIL" does not match inside "GILT"; an edge of a term
 *   that is a letter or digit must meet a non-word character or the text's end;
 * - case-insensitive, and any run of white space in the text matches one space
 *   in a term ("Global\n  Interpreter Lock");
 * - an all-capitals term or alias of two letters or more ("GIL") is an
 *   acronym and matches only in capitals, so "Gil" the name is left alone;
 * - a match never crosses from one piece to the next (a text node to the next).
 */
import { normalizeTerm } from './lookup.js';

/** What the matcher needs of a glossary entry. */
export interface TermSource {
  id: string;
  term: string;
  aliases?: readonly string[] | undefined;
}

/** What a trie node completes: entry ids, an acronym with its exact spelling to compare with (one shape for all). */
type Ends = { id: string; exact: string | undefined }[];

/**
 * A compiled set of terms; build once per glossary and reuse. The trie is
 * flat: nodes are numbers (the root is 0) and every edge lives in one map,
 * keyed by node and UTF-16 code unit, so building it allocates almost nothing.
 */
export interface TermMatcher {
  /** `node * 0x10000 + code unit` to the next node. */
  readonly edges: Map<number, number>;
  /** The names each node completes, by node. */
  readonly ends: Map<number, Ends>;
  /**
   * Where a name may start: the first few characters of every name, at a
   * word boundary when a name starts with a letter or digit. Undefined
   * where the engine cannot build it (no lookbehind): every position is tried.
   */
  readonly candidates: RegExp | undefined;
  /** How many names (terms and aliases) it knows. */
  readonly size: number;
}

const SPACE = 32;
const isSpace = (code: number) =>
  code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;

/**
 * 0: not yet known, 1: a word character (letter, digit, mark, `_`), 2: anything else.
 * ASCII and the typographic punctuation of General Punctuation (dashes, curly quotes, spaces) are filled
 * here by hand; other characters are looked up the first time they are met. The lookup's regular
 * expression costs more than a millisecond to compile (its Unicode classes), so English text
 * mostly never compiles it.
 */
const wordTable = new Uint8Array(0x10000);
for (let code = 0; code < 0x80; code++) wordTable[code] = /[A-Za-z0-9_]/.test(String.fromCharCode(code)) ? 1 : 2;
wordTable.fill(2, 0x2000, 0x2070);
const WORD = /[\p{L}\p{N}\p{M}_]/u;
function isWord(code: number): boolean {
  let known = wordTable[code];
  if (!known) {
    // Surrogates stand for astral letters (CJK extensions, scripts beyond the BMP): count them as word characters.
    known = (code >= 0xd800 && code <= 0xdfff) || WORD.test(String.fromCharCode(code)) ? 1 : 2;
    wordTable[code] = known;
  }
  return known === 1;
}

/**
 * Lower-cases without moving any character: the folded text has the same
 * length and offsets as the original (true for nearly all text; the rare
 * character whose lower case is longer, like "İ", is left as it is).
 */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let folded = '';
  for (const char of text) {
    const low = char.toLowerCase();
    folded += low.length === char.length ? low : char;
  }
  return folded;
}

/**
 * What may come before a name that starts a word, in the candidates pattern: anything but an ASCII
 * word character (the text is case-folded). It lets through more than `isWord` would (a name after
 * "é"); `matchAt` turns those away. A Unicode class here would cost the pattern a millisecond to compile.
 */
const NOT_AFTER = '(?<![a-z0-9_])';
const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;
/** How many characters of each name the candidates pattern holds. */
const CANDIDATE_LENGTH = 4;

/** The regular expression that finds where a name may start (see `TermMatcher.candidates`), from the case-folded names. */
function candidatesOf(keys: Iterable<string>): RegExp | undefined {
  const wordStart = new Set<string>();
  const otherStart = new Set<string>();
  for (const key of keys) {
    // Four characters tell most words that merely start like a name ("time", "timikaic") apart cheaply;
    // a longer pattern costs the engine more than the trie walks it saves. (Never half a surrogate pair.)
    let end = Math.min(key.length, CANDIDATE_LENGTH);
    const last = key.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end++;
    (isWord(key.charCodeAt(0)) ? wordStart : otherStart).add(key.slice(0, end));
  }
  // Escaped in one go, not name by name: a glossary has hundreds. (Names hold no line breaks: spaces are collapsed.)
  const alternatives = (prefixes: Set<string>) =>
    [...prefixes].join('\n').replace(SYNTAX, '\\$&').replace(/ /g, '\\s+').replace(/\n/g, '|');
  const patterns = [
    ...(wordStart.size ? [`${NOT_AFTER}(?:${alternatives(wordStart)})`] : []),
    ...(otherStart.size ? [alternatives(otherStart)] : []),
  ];
  if (!patterns.length) return undefined;
  try {
    // Code units, not code points ('u'): a name is matched as it is spelled, and the scan never steps back into a pair.
    return new RegExp(patterns.join('|'), 'g');
  } catch {
    return undefined;
  }
}

/** Two or more characters, no lower case, no space, at least one cased letter: "GIL", "I/O", "2PC". */
const isAcronym = (name: string) =>
  name.length >= 2 && name === name.toUpperCase() && name !== name.toLowerCase() && !/\s/.test(name);

/** Compiles every term and alias of `entries` into one matcher. Terms win over aliases that spell the same. */
export function createMatcher(entries: readonly TermSource[]): TermMatcher {
  const edges = new Map<number, number>();
  const endsByNode = new Map<number, Ends>();
  const keys = new Set<string>();
  let nodes = 1;
  let size = 0;
  const insert = (name: string, id: string) => {
    const key = foldCase(normalizeTerm(name));
    if (!key) return;
    keys.add(key);
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const edge = node * 0x10000 + key.charCodeAt(i);
      let child = edges.get(edge);
      if (child === undefined) edges.set(edge, (child = nodes++));
      node = child;
    }
    const exact = isAcronym(name.trim()) ? name.trim() : undefined;
    let ends = endsByNode.get(node);
    if (!ends) endsByNode.set(node, (ends = []));
    if (ends.some((end) => end.exact === exact)) return;
    // A case-insensitive name is the fallback, so it goes last.
    if (exact === undefined) ends.push({ id, exact });
    else ends.unshift({ id, exact });
    size++;
  };
  for (const entry of entries) insert(entry.term, entry.id);
  for (const entry of entries) for (const alias of entry.aliases ?? []) insert(alias, entry.id);
  return { edges, ends: endsByNode, candidates: candidatesOf(keys), size };
}

/** A term found in text: `text.slice(start, end)` names entry `id`. */
export interface TermMatch {
  start: number;
  end: number;
  id: string;
}

/**
 * The longest name that starts at `i` and ends by `to`, as a whole word
 * (characters outside the range still count for word boundaries): its end
 * and entry id, or undefined. `original` is `folded` before case folding.
 */
function matchAt(
  matcher: TermMatcher,
  original: string,
  folded: string,
  i: number,
  to: number,
): { end: number; id: string } | undefined {
  const { edges, ends: endsByNode } = matcher;
  const length = folded.length;
  const first = folded.charCodeAt(i);
  if (i > 0 && isWord(first) && isWord(folded.charCodeAt(i - 1))) return undefined;
  let node = edges.get(first);
  if (node === undefined) return undefined;
  let j = i + 1;
  let best: { end: number; id: string } | undefined;
  for (;;) {
    const ends = endsByNode.get(node);
    if (ends && (j === length || !isWord(folded.charCodeAt(j)) || !isWord(folded.charCodeAt(j - 1)))) {
      for (const end of ends) {
        if (end.exact === undefined || original.slice(i, j) === end.exact) {
          best = { end: j, id: end.id };
          break;
        }
      }
    }
    if (j >= to) break;
    const next = folded.charCodeAt(j);
    if (isSpace(next)) {
      node = edges.get(node * 0x10000 + SPACE);
      if (node === undefined) break;
      j++;
      while (j < to && isSpace(folded.charCodeAt(j))) j++;
    } else {
      node = edges.get(node * 0x10000 + next);
      if (node === undefined) break;
      j++;
    }
  }
  return best;
}

/**
 * Scans `folded` (with `original` the same text before case folding) range
 * by range (`ranges` holds `[start, end)` pairs, in order) and reports every
 * leftmost-longest whole-word match, never across the end of a range.
 * Characters outside the ranges still count for word boundaries.
 */
function scan(
  matcher: TermMatcher,
  original: string,
  folded: string,
  ranges: Int32Array,
  report: (start: number, end: number, id: string, range: number) => void,
): void {
  // No names (link="none", an empty glossary): nothing can match, so there is nothing to scan.
  if (!matcher.size) return;
  const count = ranges.length / 2;
  const candidates = matcher.candidates;
  if (!candidates) {
    for (let range = 0; range < count; range++) {
      for (let i = ranges[range * 2]!, to = ranges[range * 2 + 1]!; i < to; ) {
        const match = matchAt(matcher, original, folded, i, to);
        if (match) report(i, match.end, match.id, range);
        i = match ? match.end : i + 1;
      }
    }
    return;
  }
  // The engine finds where a name may start; the trie says which name, if any.
  let range = 0;
  let next = count ? ranges[0]! : 0;
  while (range < count) {
    candidates.lastIndex = next;
    const found = candidates.exec(folded);
    if (!found) return;
    const i = found.index;
    while (range < count && i >= ranges[range * 2 + 1]!) range++;
    if (range === count) return;
    if (i < ranges[range * 2]!) {
      next = ranges[range * 2]!;
      continue;
    }
    const match = matchAt(matcher, original, folded, i, ranges[range * 2 + 1]!);
    if (match) report(i, match.end, match.id, range);
    next = match ? match.end : i + 1;
  }
}

/** Every glossary term in `text`, leftmost-longest, whole words, in order. */
export function findMatches(matcher: TermMatcher, text: string): TermMatch[] {
  const matches: TermMatch[] = [];
  scan(matcher, text, foldCase(text), Int32Array.of(0, text.length), (start, end, id) => matches.push({ start, end, id }));
  return matches;
}

/**
 * One piece of content in document order: a text node's text, or a term
 * that is already linked (it counts as that term's occurrence in its section).
 */
export type Piece =
  | {
      text: string;
      /** The section the piece is in: first occurrences are counted per section. */
      section: number;
      /** True when nothing separates this text from the previous piece's (same line of inline text). */
      joined?: boolean;
    }
  | { linked: string; section: number };

/** Where to link: `piece` is the index of a text piece, `start`/`end` offsets in its text. */
export interface Link extends TermMatch {
  piece: number;
}

/**
 * Decides which term occurrences in `pieces` become links: with `all` every
 * one; otherwise only the first in each section (a term already linked in a
 * section is not linked there again). One scan over all the text.
 */
export function findLinks(matcher: TermMatcher, pieces: readonly Piece[], options: { all?: boolean } = {}): Link[] {
  const all = options.all ?? false;
  const seen = new Map<number, Set<string>>();
  const seenIn = (section: number) => {
    let set = seen.get(section);
    if (!set) seen.set(section, (set = new Set()));
    return set;
  };
  // The whole text, pieces separated by a non-word, non-space character unless they are joined.
  const parts: string[] = [];
  const starts = new Int32Array(pieces.length).fill(-1);
  let offset = 0;
  pieces.forEach((piece, index) => {
    if ('linked' in piece) {
      seenIn(piece.section).add(piece.linked);
      return;
    }
    if (!piece.joined && offset > 0) {
      parts.push('\u0000');
      offset++;
    }
    starts[index] = offset;
    parts.push(piece.text);
    offset += piece.text.length;
  });
  const original = parts.join('');
  const folded = foldCase(original);
  // One scan of all the text, a range per text piece.
  const textPieces = pieces.flatMap((piece, index) => ('text' in piece && piece.text ? [index] : []));
  const ranges = new Int32Array(textPieces.length * 2);
  textPieces.forEach((index, range) => {
    ranges[range * 2] = starts[index]!;
    ranges[range * 2 + 1] = starts[index]! + (pieces[index] as { text: string }).text.length;
  });
  const links: Link[] = [];
  scan(matcher, original, folded, ranges, (start, end, id, range) => {
    const index = textPieces[range]!;
    const section = seenIn(pieces[index]!.section);
    if (!all && section.has(id)) return;
    section.add(id);
    const offset = starts[index]!;
    links.push({ piece: index, start: start - offset, end: end - offset, id });
  });
  return links;
}
