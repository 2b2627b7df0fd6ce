/** Text units shared by the aid view and by practice: paragraphs of a story, characters of a word. */

/** Paragraphs of a story: blank lines separate them. */
export const paragraphs = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);

const graphemeSegmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined;

/** The user-perceived characters of `text` ("é" written as e + accent is one). */
export function graphemes(text: string): string[] {
  if (graphemeSegmenter) return [...graphemeSegmenter.segment(text)].map((part) => part.segment);
  return text.match(/\P{M}\p{M}*/gu) ?? [];
}

/** The first letter of a word, as the learner would write it: "É" of "Élan", "ß" of "ßig". */
export const firstLetter = (word: string): string => graphemes(word)[0] ?? '';
