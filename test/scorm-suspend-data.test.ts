import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { SUSPEND_DATA_LIMIT, decodeSuspendData, encodeSuspendData, fromBase85, toBase85 } from '../src/delivery/suspend-data.js';
import { cardStates } from './fixtures/scorm/progress.js';

const entriesOf = (values: Record<string, unknown>) => new Map(Object.entries(values).map(([key, value]) => [key, JSON.stringify(value)]));
const rawLength = (entries: Map<string, string>) => [...entries].reduce((sum, [key, value]) => sum + key.length + value.length + 4, 2);

describe('suspend_data codec', () => {
  it('writes small progress as compact JSON with the lesson prefix written once', () => {
    const entries = entriesOf({
      'lesson-elements:mini:view:progress': { talk: { progress: 1 } },
      'lesson-elements:mini:summary-level': 'detailed',
      'lesson-elements:other:x': 1,
    });
    const { value, omitted } = encodeSuspendData(entries, 4096);
    expect(value).to.equal('{"mini":{"view:progress":{"talk":{"progress":1}},"summary-level":"detailed"},"other":{"x":1}}');
    expect(omitted).to.deep.equal([]);
    expect(decodeSuspendData(value)).to.deep.equal(entries);
  });

  it('keeps keys that do not carry the lesson-elements prefix', () => {
    const entries = entriesOf({ 'host:key': [1, 2], 'lesson-elements:solo': true });
    expect(decodeSuspendData(encodeSuspendData(entries, 4096).value)).to.deep.equal(entries);
  });

  it('compresses progress larger than the limit, losslessly, into at most the limit', () => {
    const entries = entriesOf(cardStates('python-concurrency', 24));
    expect(rawLength(entries)).to.be.greaterThan(SUSPEND_DATA_LIMIT['1.2'] * 2);
    const { value, omitted } = encodeSuspendData(entries, SUSPEND_DATA_LIMIT['1.2']);
    expect(omitted).to.deep.equal([]);
    expect(value[0]).to.equal('~');
    expect(value.length).to.be.at.most(SUSPEND_DATA_LIMIT['1.2']);
    expect(decodeSuspendData(value)).to.deep.equal(entries);
  });

  it('uses only characters that survive HTML, XML and SQL storage', () => {
    const { value } = encodeSuspendData(entriesOf(cardStates('python-concurrency', 24)), 4096);
    expect(value).to.match(/^[\x21-\x7e]+$/);
    expect(value).not.to.match(/["'&<>\\]/);
  });

  it('leaves out the largest entries, and names them, only when even compressed data cannot fit', () => {
    const entries = entriesOf({ ...cardStates('big', 200), 'lesson-elements:big:view:progress': { done: 1 } });
    const { value, omitted } = encodeSuspendData(entries, SUSPEND_DATA_LIMIT['1.2']);
    expect(value.length).to.be.at.most(SUSPEND_DATA_LIMIT['1.2']);
    expect(omitted.length).to.be.greaterThan(0);
    expect(omitted).not.to.include('lesson-elements:big:view:progress');
    const kept = decodeSuspendData(value);
    expect(kept.size + omitted.length).to.equal(entries.size);
    for (const [key, text] of kept) expect(text).to.equal(entries.get(key));
  });

  it('reads an empty value as no progress and refuses data that is not its own', () => {
    expect(decodeSuspendData('').size).to.equal(0);
    expect(() => decodeSuspendData('viewed=1,2,3|slide=4')).to.throw(/Unknown suspend_data format/);
    expect(() => decodeSuspendData('~0abc')).to.throw();
    expect(() => decodeSuspendData('{"broken":')).to.throw();
  });

  it('round-trips any bytes through base-85', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = toBase85(bytes);
        expect(text.length).to.equal(Math.ceil(bytes.length / 4) * 5);
        expect([...fromBase85(text, bytes.length)]).to.deep.equal([...bytes]);
      }),
    );
  });

  it('round-trips any progress entries', () => {
    const key = fc.oneof(fc.string({ minLength: 1 }), fc.string().map((rest) => `lesson-elements:l1:${rest}`));
    fc.assert(
      fc.property(fc.dictionary(key, fc.jsonValue()), (values) => {
        const entries = entriesOf(values);
        for (const limit of [64000, 200]) {
          const { value, omitted } = encodeSuspendData(entries, limit);
          expect(value.length).to.be.at.most(limit);
          const decoded = decodeSuspendData(value);
          for (const [k, text] of decoded) expect(text).to.equal(entries.get(k));
          expect(decoded.size + omitted.length).to.equal(entries.size);
        }
      }),
      { numRuns: 60 },
    );
  });
});
