import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createMatcher, findLinks, findMatches, foldCase, type Piece, type TermSource } from '../src/components/glossary/linker.js';
import { normalizeTerm } from '../src/components/glossary/lookup.js';

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const isWordAt = (text: string, index: number) => {
  const code = text.charCodeAt(index);
  return (code >= 0xd800 && code <= 0xdfff) || WORD_CHAR.test(text[index]!);
};
const isAcronymName = (name: string) => name.length >= 2 && name === name.toUpperCase() && name !== name.toLowerCase() && !/\s/.test(name);

/**
 * The linking rules written the slow, obvious way (every name tried at every position), to check
 * the matcher against: the longest whole-word match at the leftmost position, white space runs for
 * a space, acronyms only in capitals, terms before aliases. Scans `text[from, to)`.
 */
function referenceMatches(sources: readonly TermSource[], text: string, from = 0, to = text.length) {
  const folded = foldCase(text);
  const names: { key: string; id: string; exact: string | undefined }[] = [];
  const add = (name: string, id: string) => {
    const key = foldCase(normalizeTerm(name));
    const exact = isAcronymName(name.trim()) ? name.trim() : undefined;
    if (key && !names.some((other) => other.key === key && other.exact === exact)) names.push({ key, id, exact });
  };
  for (const source of sources) add(source.term, source.id);
  for (const source of sources) for (const alias of source.aliases ?? []) add(alias, source.id);
  // For one spelling, the acronym is tried before the case-insensitive name.
  names.sort((a, b) => (a.key === b.key ? Number(a.exact === undefined) - Number(b.exact === undefined) : 0));
  const endOf = (key: string, start: number) => {
    let j = start;
    for (const char of key) {
      if (char === ' ') {
        if (j >= to || !/\s/.test(folded[j]!)) return -1;
        while (j < to && /\s/.test(folded[j]!)) j++;
      } else if (j + char.length <= to && folded.startsWith(char, j)) {
        j += char.length;
      } else {
        return -1;
      }
    }
    return j;
  };
  const matches: string[] = [];
  for (let i = from; i < to; ) {
    let best: { end: number; id: string } | undefined;
    if (i === 0 || !isWordAt(folded, i) || !isWordAt(folded, i - 1)) {
      for (const name of names) {
        const end = endOf(name.key, i);
        if (end < 0 || (end < folded.length && isWordAt(folded, end) && isWordAt(folded, end - 1))) continue;
        if (name.exact !== undefined && text.slice(i, end) !== name.exact) continue;
        if (!best || end > best.end) best = { end, id: name.id };
      }
    }
    if (best) matches.push(`${i}-${best.end}=${best.id}`);
    i = best ? best.end : i + 1;
  }
  return matches;
}

const terms = [
  { id: 'gil', term: 'Global Interpreter Lock', aliases: ['GIL'] },
  { id: 'lock', term: 'Lock' },
  { id: 'threading', term: 'Threading', aliases: ['threads', 'thread'] },
  { id: 'concurrency', term: 'Concurrency' },
  { id: 'cpp', term: 'C++' },
  { id: 'io', term: 'I/O' },
  { id: 'cafe', term: 'Café' },
];
const matcher = createMatcher(terms);
const found = (text: string) => findMatches(matcher, text).map((m) => `${text.slice(m.start, m.end)}=${m.id}`);

describe('glossary linker (logic)', () => {
  it('prefers the longest match: "Global Interpreter Lock" over "Lock"', () => {
    expect(found('The Global Interpreter Lock is a lock.')).to.deep.equal(['Global Interpreter Lock=gil', 'lock=lock']);
  });

  it('matches whole words only', () => {
    expect(found('GILT and Locksmith and unlock')).to.deep.equal([]);
    expect(found('threadsafe threads thread')).to.deep.equal(['threads=threading', 'thread=threading']);
    expect(found('(GIL), GIL’s, GIL-free')).to.deep.equal(['GIL=gil', 'GIL=gil', 'GIL=gil']);
  });

  it('matches aliases, in any case, but an acronym only in capitals', () => {
    expect(found('THREADING and Threads')).to.deep.equal(['THREADING=threading', 'Threads=threading']);
    expect(found('Gil met the gil and the GIL')).to.deep.equal(['GIL=gil']);
  });

  it('lets any white space in the text stand for a space in a term', () => {
    expect(found('the Global\n    Interpreter\u00a0Lock')).to.deep.equal(['Global\n    Interpreter\u00a0Lock=gil']);
    // Also near the start of a name, where the matcher first looks for names.
    const short = createMatcher([{ id: 'io', term: 'I O' }]);
    expect(findMatches(short, 'i \n\t o, I\u00a0O').map((m) => m.start)).to.deep.equal([0, 8]);
  });

  it('handles terms with symbols and non-ASCII letters', () => {
    expect(found('C++ and I/O, a café, not cafés')).to.deep.equal(['C++=cpp', 'I/O=io', 'café=cafe']);
  });

  it('keeps offsets when lower case would change a string’s length', () => {
    expect(foldCase('İstanbul GIL')).to.have.length('İstanbul GIL'.length);
    expect(found('İstanbul GIL')).to.deep.equal(['GIL=gil']);
  });

  it('links the first occurrence per section, or every one with all', () => {
    const pieces: Piece[] = [
      { text: 'Threads and the GIL. Threads again.', section: 0 },
      { text: 'The GIL in a new section.', section: 1 },
      { text: 'And the GIL once more.', section: 1 },
    ];
    const first = findLinks(matcher, pieces).map((l) => `${l.piece}:${l.id}`);
    expect(first).to.deep.equal(['0:threading', '0:gil', '1:gil']);
    const all = findLinks(matcher, pieces, { all: true }).map((l) => `${l.piece}:${l.id}`);
    expect(all).to.deep.equal(['0:threading', '0:gil', '0:threading', '1:gil', '2:gil']);
  });

  it('counts a term already linked in a section, wherever it is in the section', () => {
    const pieces: Piece[] = [
      { text: 'The GIL first.', section: 3 },
      { linked: 'gil', section: 3 },
      { text: 'Concurrency.', section: 3 },
    ];
    expect(findLinks(matcher, pieces).map((l) => l.id)).to.deep.equal(['concurrency']);
  });

  it('never crosses from one piece to the next, but reads word boundaries across joined pieces', () => {
    const split: Piece[] = [
      { text: 'the Global Interpreter', section: 0 },
      { text: ' Lock', section: 0, joined: true },
    ];
    expect(findLinks(matcher, split).map((l) => `${l.piece}:${l.id}`)).to.deep.equal(['1:lock']);
    // "un" + "lock" is one word when the pieces are joined (un<b>lock</b>), two when they are not.
    expect(findLinks(matcher, [{ text: 'un', section: 0 }, { text: 'lock', section: 0, joined: true }])).to.deep.equal([]);
    expect(findLinks(matcher, [{ text: 'un', section: 0 }, { text: 'lock', section: 0 }])).to.have.length(1);
  });

  it('reports offsets that slice back to the matched text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('GIL', 'Lock', 'the', 'Global Interpreter Lock', 'threads', ' ', ', ', 'x'), { maxLength: 30 }), (words) => {
        const text = words.join(' ');
        let last = 0;
        for (const match of findMatches(matcher, text)) {
          expect(match.start).to.be.at.least(last);
          expect(match.end).to.be.greaterThan(match.start);
          const slice = text.slice(match.start, match.end).replace(/\s+/g, ' ').toLowerCase();
          const names = terms.find((t) => t.id === match.id)!;
          expect([names.term, ...(names.aliases ?? [])].map((n) => n.toLowerCase())).to.include(slice);
          last = match.end;
        }
      }),
    );
  });

  it('finds what the rules say, for any glossary and text (checked against a slow reference)', () => {
    // ASCII, Latin-1, typographic punctuation (its word table is filled by hand), and an astral letter (a surrogate pair).
    const letters = ['a', 'b', 'c', 'A', 'B', 'C', '1', '_', 'é', 'É', '+', '.', '’', '—', '𝑥'];
    const name = fc.array(fc.constantFrom(...letters, ' '), { minLength: 1, maxLength: 6 }).map((chars) => chars.join(''));
    const glossary = fc
      .array(fc.record({ term: name, aliases: fc.array(name, { maxLength: 2 }) }), { minLength: 1, maxLength: 5 })
      .map((entries) => entries.map((entry, index) => ({ id: `e${index}`, ...entry })))
      .filter((entries) => entries.every((entry) => normalizeTerm(entry.term) !== ''));
    const text = fc.array(fc.constantFrom(...letters, ' ', '  ', '\n', ',', 'x', '\u00a0'), { maxLength: 40 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(glossary, text, fc.array(fc.nat(40), { maxLength: 3 }), fc.array(fc.boolean(), { maxLength: 4 }), (sources, sample, cuts, joins) => {
        const compiled = createMatcher(sources);
        const found = findMatches(compiled, sample).map((m) => `${m.start}-${m.end}=${m.id}`);
        expect(found, JSON.stringify({ sources, sample })).to.deep.equal(referenceMatches(sources, sample));
        // The same text in pieces, some joined (one line of words), some not: no match crosses a piece.
        const bounds = [...new Set([0, ...cuts.map((cut) => cut % (sample.length + 1)), sample.length])].sort((a, b) => a - b);
        const pieces: Piece[] = bounds.slice(1).map((end, index) => ({ text: sample.slice(bounds[index], end), section: 0, joined: joins[index] ?? false }));
        let whole = '';
        const ranges: [number, number][] = [];
        for (const piece of pieces) {
          if (!('text' in piece)) continue;
          if (!piece.joined && whole) whole += '\u0000';
          ranges.push([whole.length, whole.length + piece.text.length]);
          whole += piece.text;
        }
        const expected = ranges.flatMap(([start, end]) =>
          referenceMatches(sources, whole, start, end).map((m) => m.replace(/^(\d+)-(\d+)/, (_, a: string, b: string) => `${Number(a) - start}-${Number(b) - start}`)),
        );
        const links = findLinks(compiled, pieces, { all: true }).map((l) => `${l.start}-${l.end}=${l.id}`);
        expect(links, JSON.stringify({ sources, pieces })).to.deep.equal(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('knows how many names it compiled, and an empty glossary matches nothing', () => {
    expect(matcher.size).to.equal(10);
    expect(findMatches(createMatcher([]), 'GIL')).to.deep.equal([]);
  });
});
