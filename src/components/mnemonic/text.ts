/** Text units shared by the aid view and by practice: paragraphs of a story, characters of a word. */

/** Paragraphs of a story: blank lines separate them. */
export const paragraphs = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);

// Below U+0300 no character joins its neighbour into one user-perceived character (Unicode's
// grapheme rules, UAX #29), except CR before LF: such text, which is most text, splits into
// its code units. The segmenter is made only for the rest: the first Intl object of a page
// loads the locale data (about 20 ms on a laptop), and this module is in every bundle.
const CR = 13;
const FIRST_JOINING = 0x300;
const nothingJoins = (text: string): boolean => {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === CR || code >= FIRST_JOINING) return false;
  }
  return true;
};
let graphemeSegmenter: Intl.Segmenter | undefined;

/** The user-perceived characters of `text` ("é" written as e + accent is one). */
export function graphemes(text: string): string[] {
  if (nothingJoins(text)) return text.split('');
  if (typeof Intl.Segmenter !== 'function') return text.match(/\P{M}\p{M}*/gu) ?? [];
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return [...graphemeSegmenter.segment(text)].map((part) => part.segment);
}

/** The first letter of a word, as the learner would write it: "É" of "Élan", "ß" of "ßig". */
export const firstLetter = (word: string): string => graphemes(word)[0] ?? '';
