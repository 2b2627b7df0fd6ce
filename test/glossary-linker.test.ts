import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createMatcher, findLinks, findMatches, foldCase, type Piece } from '../src/components/glossary/linker.js';

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

  it('knows how many names it compiled, and an empty glossary matches nothing', () => {
    expect(matcher.size).to.equal(10);
    expect(findMatches(createMatcher([]), 'GIL')).to.deep.equal([]);
  });
});
