/**
 * Tolerant answer matching, shared by type-the-answer (flashcards) and
 * recall practice (mnemonics): case, accents, punctuation and spacing do not
 * count against the learner.
 */
import { plainText } from './rich-text.js';

/** Reduces text to what an answer is judged on: lower case, no accents, no punctuation, single spaces. */
export function normalizeAnswer(text: string): string {
  return plainText(text)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Does `answer` match `expected` or any of the `accepted` alternatives? */
export function matchesAnswer(answer: string, expected: string, accepted: readonly string[] = []): boolean {
  const given = normalizeAnswer(answer);
  if (!given) return false;
  return [expected, ...accepted].some((candidate) => normalizeAnswer(candidate) === given);
}

/** Fisher–Yates shuffle into a new array; `random` is injectable so tests are repeatable. */
export function shuffle<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}
