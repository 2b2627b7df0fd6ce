/**
 * Fading cues: the three steps of recall practice, as pure functions over text.
 *
 *   1 full text        "Threading is light,"
 *   2 first letters    "T i l,"   (each word keeps its first letter)
 *   3 blanks           "_ _ _,"   (every word hidden)
 *
 * Punctuation, spaces and line breaks are never hidden: they are the shape a
 * learner hangs the words on. Words are found with `Intl.Segmenter` in the
 * lesson's language (so Japanese or Thai text without spaces still has
 * words), with a Unicode-aware regular expression as the fallback.
 */
import { cachedIntl } from '../../core/intl.js';
import { normalizeAnswer } from '../../core/match.js';
import { firstLetter, graphemes } from './text.js';
import type { Step } from './record.js';

export { isStep, LAST_STEP, STEPS, type Step } from './record.js';
export { firstLetter, graphemes } from './text.js';

/** A piece of text: a word a learner recalls, or what sits between words (spaces, punctuation). */
export type TextToken = { word: true; text: string } | { word: false; text: string };

/** A word as shown at one step: what is visible of it and how much is hidden. */
export interface FadedWord {
  word: true;
  /** The whole word. */
  text: string;
  /** What the learner sees: the word, its first letter, or nothing. */
  shown: string;
  /** How many letters (grapheme clusters) are hidden. */
  hidden: number;
}
export type FadedToken = FadedWord | { word: false; text: string };

// A letter or digit, then letters, marks and digits, with inner apostrophes or hyphens ("it's", "well-known").
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’ʼ\-‐][\p{L}\p{M}\p{N}]+)*/gu;

// Without Intl.Segmenter (older browsers) the regular expression alone finds the words.
const wordSegmenter = (lang: string | undefined): Intl.Segmenter | undefined =>
  typeof Intl.Segmenter === 'function' ? cachedIntl('words', lang, (tag) => new Intl.Segmenter(tag, { granularity: 'word' })) : undefined;

const hasLetterOrDigit = (text: string) => /[\p{L}\p{N}]/u.test(text);

/** Splits text into words and the separators between them; joining every token's text gives the text back. */
export function tokenize(text: string, lang?: string): TextToken[] {
  const tokens: TextToken[] = [];
  const push = (token: TextToken) => {
    const previous = tokens[tokens.length - 1];
    // Merge neighbouring separators, so "light, " is one token and not two.
    if (previous && !previous.word && !token.word) previous.text += token.text;
    else tokens.push(token);
  };
  const segmenter = wordSegmenter(lang);
  if (segmenter) {
    for (const { segment, isWordLike } of segmenter.segment(text)) {
      push({ word: Boolean(isWordLike) && hasLetterOrDigit(segment), text: segment } as TextToken);
    }
    return tokens;
  }
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    const index = match.index ?? 0;
    if (index > last) push({ word: false, text: text.slice(last, index) });
    push({ word: true, text: match[0] });
    last = index + match[0].length;
  }
  if (last < text.length) push({ word: false, text: text.slice(last) });
  return tokens;
}

/** The words of `text`, in order. */
export const words = (text: string, lang?: string): string[] =>
  tokenize(text, lang)
    .filter((token) => token.word)
    .map((token) => token.text);

/** One word at one step: whole, first letter only, or hidden. */
export function fadeWord(word: string, step: Step): FadedWord {
  const length = graphemes(word).length;
  if (step === 1) return { word: true, text: word, shown: word, hidden: 0 };
  if (step === 2) return { word: true, text: word, shown: firstLetter(word), hidden: Math.max(0, length - 1) };
  return { word: true, text: word, shown: '', hidden: length };
}

/** Text at one step, as tokens: separators untouched, words faded. */
export function fade(text: string, step: Step, lang?: string): FadedToken[] {
  return tokenize(text, lang).map((token) => (token.word ? fadeWord(token.text, step) : token));
}

/**
 * Text at one step, as a plain string: each hidden letter becomes `blank`
 * (default "_"). Step 2 of "Threading is light," is "T________ i_ l____,".
 */
export function fadeText(text: string, step: Step, lang?: string, blank = '_'): string {
  return fade(text, step, lang)
    .map((token) => (token.word ? token.shown + blank.repeat(token.hidden) : token.text))
    .join('');
}

/** How a recalled answer compares with the text, word by word. */
export interface WordComparison {
  /** For each word of the expected text, in order: was it recalled? */
  recalled: boolean[];
  /** The expected words, as written. */
  expectedWords: string[];
  /** The expected words the learner did not write. */
  missed: string[];
  /** How many words the learner wrote that the text does not have (at that place). */
  extra: number;
  /** Every word recalled, in order, and nothing added. */
  complete: boolean;
  /** Partial credit between 0 and 1: recalled words over the larger of expected and written words. */
  credit: number;
}

// Apostrophes are dropped before comparing, so "its" matches "it's" and "dont" matches "don't".
const APOSTROPHES = /['’ʼ]/g;

/** What a word is judged on: `normalizeAnswer` (case, accents, punctuation) without apostrophes or inner spaces. */
export const wordKey = (word: string): string => normalizeAnswer(word.replace(APOSTROPHES, '')).replace(/\s+/g, '');

/** The length of the longest common subsequence, as a table for walking back the alignment. */
function lcsTable(a: readonly string[], b: readonly string[]): number[][] {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  return table;
}

/**
 * Compares a typed answer with the expected text word by word. Words are
 * aligned in order (longest common subsequence), so one forgotten or added
 * word does not mark every later word wrong.
 */
export function compareWords(expected: string, answer: string, lang?: string): WordComparison {
  const expectedWords = words(expected, lang);
  const allKeys = expectedWords.map(wordKey);
  // A "word" with nothing left to compare (a lone symbol) cannot be missed: it counts as recalled and is not judged.
  const judgedIndexes = allKeys.flatMap((key, index) => (key ? [index] : []));
  const expectedKeys = judgedIndexes.map((index) => allKeys[index]!);
  const answerKeys = words(answer, lang).map(wordKey).filter(Boolean);
  const table = lcsTable(expectedKeys, answerKeys);
  const recalled = allKeys.map((key) => !key);
  let i = 0;
  let j = 0;
  while (i < expectedKeys.length && j < answerKeys.length) {
    if (expectedKeys[i] === answerKeys[j]) {
      recalled[judgedIndexes[i]!] = true;
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  const hits = judgedIndexes.filter((index) => recalled[index]).length;
  const extra = answerKeys.length - hits;
  const judged = Math.max(expectedKeys.length, answerKeys.length);
  return {
    recalled,
    expectedWords,
    missed: expectedWords.filter((_, index) => !recalled[index]),
    extra,
    complete: hits === expectedKeys.length && extra === 0,
    credit: judged === 0 ? 1 : hits / judged,
  };
}
