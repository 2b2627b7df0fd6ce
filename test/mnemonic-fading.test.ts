import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  compareWords,
  fade,
  fadeText,
  fadeWord,
  firstLetter,
  graphemes,
  tokenize,
  wordKey,
  words,
} from '../src/components/mnemonic/fading.js';

const rhyme = "Threading is light,\nfor I/O it shines bright,\nwhile multiprocessing takes flight,\nfor heavy tasks, it's just right.";

describe('fading cues (pure text functions)', () => {
  describe('tokenize', () => {
    it('splits words from spaces and punctuation, and joins back to the same text', () => {
      const tokens = tokenize('Threading is light, for I/O!');
      expect(tokens.filter((token) => token.word).map((token) => token.text)).to.deep.equal(['Threading', 'is', 'light', 'for', 'I', 'O']);
      expect(tokens.map((token) => token.text).join('')).to.equal('Threading is light, for I/O!');
    });

    it('keeps apostrophes inside words', () => {
      expect(words("it's just right")).to.deep.equal(["it's", 'just', 'right']);
      expect(words('it’s l’heure')).to.deep.equal(['it’s', 'l’heure']);
    });

    it('finds words in any script', () => {
      expect(words('¿Qué pasó, señor Núñez?')).to.deep.equal(['Qué', 'pasó', 'señor', 'Núñez']);
      expect(words('Многопоточность — это легко.')).to.deep.equal(['Многопоточность', 'это', 'легко']);
      expect(words('الخيوط خفيفة، والعمليات ثقيلة.')).to.deep.equal(['الخيوط', 'خفيفة', 'والعمليات', 'ثقيلة']);
    });

    it('splits text without spaces into words with the lesson language', () => {
      const japanese = words('私はスレッドが好きです', 'ja');
      expect(japanese.length).to.be.greaterThan(1);
      expect(japanese.join('')).to.equal('私はスレッドが好きです');
    });

    it('always gives the text back unchanged (property)', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
          expect(tokenize(text).map((token) => token.text).join('')).to.equal(text);
        }),
      );
    });
  });

  describe('first letters', () => {
    it('takes a whole grapheme, accents and all', () => {
      expect(firstLetter('Élan')).to.equal('É');
      expect(firstLetter('E\u0301lan')).to.equal('E\u0301');
      expect(firstLetter('👩‍💻coder')).to.equal('👩‍💻');
      expect(graphemes('ñandú')).to.have.length(5);
    });

    it('splits text below U+0300 into code units, as the segmenter would: every pair of such characters (CR aside) is two graphemes', () => {
      // Which UAX #29 rules keep two characters together depends on those two alone here (the rules
      // that look further need ZWJ, regional indicators or Indic letters, all above U+0300): pairs decide it.
      const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
      const characters = Array.from({ length: 0x300 }, (_, code) => String.fromCharCode(code)).filter((character) => character !== '\r');
      const joined: string[] = [];
      for (const first of characters) {
        for (const second of characters) {
          let count = 0;
          for (const _ of segmenter.segment(first + second)) count++;
          if (count !== 2) joined.push(`U+${first.charCodeAt(0).toString(16)} U+${second.charCodeAt(0).toString(16)}`);
        }
      }
      expect(joined, 'pairs the segmenter keeps together').to.deep.equal([]);
      expect(graphemes(characters.join(''))).to.deep.equal(characters);
      expect(graphemes('a\r\nb'), 'CR LF goes to the segmenter').to.deep.equal(['a', '\r\n', 'b']);
      expect(graphemes('E\u0301lan')).to.deep.equal(['E\u0301', 'l', 'a', 'n']);
    });

    it('fades one word per step', () => {
      expect(fadeWord('Threading', 1)).to.deep.equal({ word: true, text: 'Threading', shown: 'Threading', hidden: 0 });
      expect(fadeWord('Threading', 2)).to.deep.equal({ word: true, text: 'Threading', shown: 'T', hidden: 8 });
      expect(fadeWord('Threading', 3)).to.deep.equal({ word: true, text: 'Threading', shown: '', hidden: 9 });
    });
  });

  describe('fade', () => {
    it('step 1 is the full text', () => {
      expect(fadeText(rhyme, 1)).to.equal(rhyme);
    });

    it('step 2 keeps the first letter of each word, and all punctuation and line breaks', () => {
      expect(fadeText('Threading is light,\nfor I/O it shines bright,', 2, undefined, '')).to.equal('T i l,\nf I/O i s b,');
      expect(fadeText("for heavy tasks, it's just right.", 2, undefined, '')).to.equal('f h t, i j r.');
      expect(fadeText('Threading is light,', 2)).to.equal('T________ i_ l____,');
    });

    it('step 3 hides every word and keeps the punctuation', () => {
      expect(fadeText('Threading is light, for I/O!', 3, undefined, '')).to.equal('  ,  /!');
      expect(fadeText('is light,', 3)).to.equal('__ _____,');
    });

    it('handles Unicode letters', () => {
      expect(fadeText('¡Él pensó en Ñandú!', 2, undefined, '')).to.equal('¡É p e Ñ!');
      expect(fadeText('Многопоточность — это легко.', 2, undefined, '')).to.equal('М — э л.');
    });

    it('reports how many letters are hidden, for blanks of the right size', () => {
      const tokens = fade('I/O shines', 2).filter((token) => token.word);
      expect(tokens.map((token) => token.word && token.hidden)).to.deep.equal([0, 0, 5]);
    });

    it('never shows more than the previous step (property)', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
          const shownLetters = (step: 1 | 2 | 3) =>
            fade(text, step).reduce((sum, token) => sum + (token.word ? graphemes(token.shown).length : 0), 0);
          expect(shownLetters(2)).to.be.at.most(shownLetters(1));
          expect(shownLetters(3)).to.equal(0);
        }),
      );
    });
  });

  describe('compareWords (tolerant, word by word)', () => {
    it('ignores case, punctuation, spacing, accents and apostrophes', () => {
      expect(wordKey("It's")).to.equal('its');
      expect(wordKey('Pasó')).to.equal('paso');
      const comparison = compareWords(rhyme, 'threading IS light   for i o, it shines bright while multiprocessing takes flight for heavy tasks its just right');
      expect(comparison.complete).to.equal(true);
      expect(comparison.credit).to.equal(1);
      expect(comparison.missed).to.deep.equal([]);
    });

    it('marks a missing word without marking every later word', () => {
      const comparison = compareWords('Threading is light, for I/O it shines bright', 'threading is light for I/O shines bright');
      expect(comparison.recalled).to.deep.equal([true, true, true, true, true, true, false, true, true]);
      expect(comparison.missed).to.deep.equal(['it']);
      expect(comparison.complete).to.equal(false);
      expect(comparison.credit).to.be.closeTo(8 / 9, 1e-9);
    });

    it('counts words that are not in the text against the credit', () => {
      const comparison = compareWords('Multiprocessing Offers Parallelism', 'Multiprocessing really Offers true Parallelism');
      expect(comparison.missed).to.deep.equal([]);
      expect(comparison.extra).to.equal(2);
      expect(comparison.complete).to.equal(false);
      expect(comparison.credit).to.equal(3 / 5);
    });

    it('gives nothing for an empty answer', () => {
      const comparison = compareWords('Offers', '  ');
      expect(comparison.recalled).to.deep.equal([false]);
      expect(comparison.credit).to.equal(0);
    });

    it('never credits more than 1 nor less than 0 (property)', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (expected, answer) => {
          const { credit, recalled, expectedWords } = compareWords(expected, answer);
          expect(credit).to.be.within(0, 1);
          expect(recalled).to.have.length(expectedWords.length);
        }),
      );
    });

    it('an exact copy is always complete (property)', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), (text) => {
          expect(compareWords(text, text).complete).to.equal(true);
        }),
      );
    });
  });
});
