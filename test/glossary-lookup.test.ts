import { expect } from '@open-wc/testing';
import type { GlossaryEntry } from '../src/core/schema.js';
import { filterEntries, findEntry, groupByLetter, letterOf, normalizeTerm, sortEntries } from '../src/components/glossary/lookup.js';

const glossary: GlossaryEntry[] = [
  { id: 'concurrency', term: 'Concurrency', definition: 'Handling many tasks by interleaving.' },
  { id: 'parallelism', term: 'Parallelism', definition: 'Running at the *same* time.' },
  { id: 'gil', term: 'Global Interpreter Lock', aliases: ['GIL'], definition: 'A mutex in CPython.' },
  { id: 'threading', term: 'Threading', aliases: ['threads', 'thread'], definition: 'Threads in one process.' },
  { id: 'multiprocessing', term: 'Multiprocessing', definition: 'Processes with their own memory.' },
  { id: 'eager', term: 'Éager evaluation', definition: 'Evaluates now.' },
  { id: 'n10', term: '10x engineer', definition: 'A myth.' },
  { id: 'n2', term: '2PC', definition: 'Two-phase commit.' },
];

describe('glossary lookup (logic)', () => {
  it('finds an entry by id, by term and by alias, in any case', () => {
    expect(findEntry(glossary, 'gil')?.term).to.equal('Global Interpreter Lock');
    expect(findEntry(glossary, 'Global Interpreter Lock')?.id).to.equal('gil');
    expect(findEntry(glossary, 'global interpreter LOCK')?.id).to.equal('gil');
    expect(findEntry(glossary, 'GIL')?.id).to.equal('gil');
    expect(findEntry(glossary, 'Threads')?.id).to.equal('threading');
    expect(findEntry(glossary, 'THREADING')?.id).to.equal('threading');
  });

  it('ignores extra white space and returns nothing for unknown keys or no glossary', () => {
    expect(findEntry(glossary, '  Global\n  Interpreter   Lock ')?.id).to.equal('gil');
    expect(findEntry(glossary, 'asyncio')).to.equal(undefined);
    expect(findEntry(glossary, '')).to.equal(undefined);
    expect(findEntry(undefined, 'gil')).to.equal(undefined);
  });

  it('prefers an id over a term, and a term over an alias that spell the same', () => {
    const clash: GlossaryEntry[] = [
      { id: 'a', term: 'Lock', aliases: ['mutex'], definition: 'x' },
      { id: 'mutex', term: 'Mutual exclusion', definition: 'y' },
      { id: 'c', term: 'Latch', aliases: ['lock'], definition: 'z' },
    ];
    expect(findEntry(clash, 'mutex')?.id).to.equal('mutex');
    expect(findEntry(clash, 'lock')?.id).to.equal('a');
  });

  it('normalizes terms for comparison', () => {
    expect(normalizeTerm('  The\tGIL\n')).to.equal('the gil');
  });

  it('sorts in the reader’s alphabet and groups by letter, symbols and digits first', () => {
    expect(sortEntries(glossary).map((entry) => entry.id)).to.deep.equal([
      'n2', 'n10', 'concurrency', 'eager', 'gil', 'multiprocessing', 'parallelism', 'threading',
    ]);
    const groups = groupByLetter(glossary);
    expect(groups.map((group) => group.letter)).to.deep.equal(['#', 'C', 'E', 'G', 'M', 'P', 'T']);
    expect(groups[0]!.key).to.equal('symbols');
    expect(groups[2]!.entries[0]!.id).to.equal('eager');
    expect(letterOf('éclair')).to.equal('E');
    expect(letterOf('ñandú', 'es')).to.equal('N');
  });

  it('filters on term, aliases and definition, ignoring case, accents and punctuation', () => {
    const ids = (query: string) => filterEntries(glossary, query).map((entry) => entry.id);
    expect(ids('')).to.have.length(glossary.length);
    expect(ids('gil')).to.deep.equal(['gil']);
    expect(ids('EAGER')).to.deep.equal(['eager']);
    expect(ids('eager')).to.deep.equal(['eager']);
    expect(ids('same time')).to.deep.equal(['parallelism']);
    expect(ids('thread')).to.include.members(['threading']);
    expect(ids('no such thing')).to.deep.equal([]);
  });
});
