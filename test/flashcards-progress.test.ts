import { expect } from '@open-wc/testing';
import {
  buildExport,
  decodeRecord,
  encodeRecord,
  EXPORT_FORMAT,
  parseExport,
  progressParts,
  RECORD_VERSION,
} from '../src/components/flashcards/progress.js';

const memory = { due: '2026-01-06T09:00:00.000Z', reps: 1, lapses: 0, box: 1 };

describe('flashcards progress codec', () => {
  it('stores a record per card and direction, with its version', () => {
    expect(progressParts('card-gil', 'reverse')).to.deep.equal(['flashcards', 'card-gil', 'reverse']);
    const stored = encodeRecord({ leitner: memory });
    expect(stored).to.deep.equal({ v: RECORD_VERSION, leitner: memory });
    expect(decodeRecord(JSON.parse(JSON.stringify(stored)))).to.deep.equal({ leitner: memory });
  });

  it('ignores records of an unknown version and anything that is not a record', () => {
    expect(decodeRecord({ v: RECORD_VERSION + 1, leitner: memory })).to.equal(undefined);
    expect(decodeRecord({ leitner: memory })).to.equal(undefined);
    for (const junk of [undefined, null, 3, 'text', [1, 2]]) expect(decodeRecord(junk)).to.equal(undefined);
  });

  it('drops fields it does not know', () => {
    expect(decodeRecord({ v: 1, fsrs: { a: 1 }, sm2: { b: 2 } })).to.deep.equal({ fsrs: { a: 1 } });
  });

  it('exports every record of a deck and imports it back', () => {
    const file = buildExport(
      'python-concurrency',
      [
        { id: 'card-gil', direction: 'forward', record: { leitner: memory } },
        { id: 'card-gil', direction: 'reverse', record: {} },
      ],
      new Date('2026-01-05T10:00:00Z'),
    );
    expect(file).to.deep.equal({
      format: EXPORT_FORMAT,
      version: 1,
      lesson: 'python-concurrency',
      exported: '2026-01-05T10:00:00.000Z',
      cards: { 'card-gil': { forward: { v: 1, leitner: memory } } },
    });
    const result = parseExport(JSON.stringify(file), 'python-concurrency', new Set(['card-gil']));
    expect(result).to.deep.equal({ ok: true, records: [{ id: 'card-gil', direction: 'forward', record: { leitner: memory } }] });
  });

  it('keeps cards whose ids are also names of Object properties', () => {
    const ids = ['constructor', 'toString', '__proto__'];
    const file = buildExport('python-concurrency', ids.map((id) => ({ id, direction: 'forward' as const, record: { leitner: memory } })), new Date());
    expect(Object.keys(file.cards)).to.deep.equal(ids);
    expect(({} as Record<string, unknown>).constructor, 'Object itself untouched').to.equal(Object);
    const result = parseExport(JSON.stringify(file), 'python-concurrency', new Set(ids));
    expect(result.ok && result.records.map((record) => record.id)).to.deep.equal(ids);
  });

  it('explains why a file cannot be imported', () => {
    const cards = new Set(['card-gil']);
    const good = buildExport('python-concurrency', [{ id: 'card-gil', direction: 'forward', record: { leitner: memory } }], new Date());
    expect(parseExport('{nope', 'python-concurrency', cards)).to.deep.equal({ ok: false, problem: 'invalid' });
    expect(parseExport('{"format":"something-else"}', 'python-concurrency', cards)).to.deep.equal({ ok: false, problem: 'invalid' });
    expect(parseExport(JSON.stringify({ ...good, version: 2 }), 'python-concurrency', cards)).to.deep.equal({ ok: false, problem: 'newer' });
    expect(parseExport(JSON.stringify(good), 'other', cards)).to.deep.equal({
      ok: false,
      problem: 'other-lesson',
      lesson: 'python-concurrency',
    });
    expect(parseExport(JSON.stringify(good), 'python-concurrency', new Set(['another-card']))).to.deep.equal({ ok: false, problem: 'empty' });
  });

  it('skips damaged records and imports the rest', () => {
    const text = JSON.stringify({
      format: EXPORT_FORMAT,
      version: 1,
      lesson: 'l',
      cards: { a: { forward: { v: 1, leitner: memory }, reverse: 'broken' }, b: 'broken', c: { forward: { v: 99 } } },
    });
    const result = parseExport(text, 'l', new Set(['a', 'b', 'c']));
    expect(result).to.deep.equal({ ok: true, records: [{ id: 'a', direction: 'forward', record: { leitner: memory } }] });
  });
});
