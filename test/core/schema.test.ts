import { expect } from '@open-wc/testing';
import { formatPath, splitErrorMessage, unknownFieldReport, validateLesson } from '../../src/core/schema.js';
import { miniLesson } from '../fixtures/mini-lesson.js';

const unknownFieldsIn = (data: unknown) => unknownFieldReport(data).unknownFields;
const saidBetterIn = (data: unknown) => unknownFieldReport(data).saidBetter;

describe('validateLesson', () => {
  it('accepts a valid lesson', () => {
    const result = validateLesson(miniLesson());
    expect(result.ok).to.be.true;
  });

  it('names the JSON path and what was expected, for every error at once', () => {
    const lesson = miniLesson() as unknown as Record<string, unknown>;
    lesson.title = 42;
    (lesson.glossary as Record<string, unknown>[])[0]!.definition = '';
    const result = validateLesson(lesson);
    expect(result.ok).to.be.false;
    if (result.ok) return;
    expect(result.errors).to.have.length(2);
    expect(result.errors[0]).to.match(/^title: .*string/);
    expect(result.errors[1]).to.match(/^glossary\[0\]\.definition: /);
  });

  it('checks speakers, duplicate ids and glossary references', () => {
    const lesson = miniLesson();
    lesson.dialogues![0]!.lines[1]!.speaker = 's9';
    lesson.keyConcepts![0]!.id = 'talk';
    lesson.flashcards![0]!.term = 'nope';
    const result = validateLesson(lesson);
    expect(result.ok).to.be.false;
    if (result.ok) return;
    expect(result.errors).to.include('dialogues[0].lines[1].speaker: "s9" is not a speaker of this dialogue (teacher, s1)');
    expect(result.errors.some((e) => e.startsWith('keyConcepts[0].id: "talk" is already the id of dialogues[0];'))).to.be.true;
    expect(result.errors).to.include('flashcards[0].term: "nope" is not a glossary entry of this lesson');
  });

  it('refuses javascript: and data: URLs', () => {
    const lesson = miniLesson();
    lesson.links = [{ title: 'x', url: 'javascript:alert(1)' }, { title: 'y', url: 'data:text/html,hi' }, { title: 'z', url: 'JaVaScRiPt:alert(1)' }];
    const result = validateLesson(lesson);
    expect(result.ok).to.be.false;
    if (result.ok) return;
    expect(result.errors.filter((e) => e.includes('Expected an http(s), mailto or relative URL'))).to.have.length(3);
  });

  it('formats paths', () => {
    expect(formatPath(['dialogues', 0, 'lines', 3, 'speaker'])).to.equal('dialogues[0].lines[3].speaker');
    expect(formatPath([])).to.equal('(lesson)');
    // A key that is not a plain name is quoted: a path must say where, even for a typo.
    expect(formatPath(['glossary', 0, 'tit le'])).to.equal('glossary[0]["tit le"]');
    expect(formatPath(['glossary', 0, 'a.b', '"x"'])).to.equal('glossary[0]["a.b"]["\\"x\\""]');
    expect(formatPath(['odd key'])).to.equal('["odd key"]');
    // Read back from a message, also when a quoted key holds ": ".
    for (const path of [['dialogues', 0, 'lines', 3, 'speaker'], [], ['glossary', 0, 'note: draft'], ['a', 'b"c', 2]]) {
      expect(splitErrorMessage(`${formatPath(path)}: Expected a: b`)).to.deep.equal({ path: formatPath(path), message: 'Expected a: b' });
    }
    expect(splitErrorMessage('The lesson is 4.4 MB; the limit is 4 MB')).to.deep.equal({ path: '', message: 'The lesson is 4.4 MB; the limit is 4 MB' });
  });
});

describe('validateLesson messages for authors', () => {
  it('reports structural and cross-reference errors together', () => {
    const lesson = miniLesson() as unknown as Record<string, unknown>;
    lesson.title = 1;
    (lesson.dialogues as { lines: { speaker: string }[] }[])[0]!.lines[0]!.speaker = 'nobody';
    const result = validateLesson(lesson);
    expect(result.ok).to.be.false;
    if (result.ok) return;
    expect(result.errors).to.have.length(2);
    expect(result.errors[1]).to.contain('"nobody" is not a speaker');
  });

  it('says which field is missing or unknown', () => {
    const lesson = miniLesson() as unknown as Record<string, unknown>;
    delete (lesson.glossary as Record<string, unknown>[])[0]!.definition;
    (lesson.glossary as Record<string, unknown>[])[0]!.colour = 'red';
    const result = validateLesson(lesson);
    if (result.ok) throw new Error('expected errors');
    expect(result.errors).to.include('glossary[0].definition: required field is missing');
    expect(result.errors.some((e) => e.startsWith('glossary[0].colour: unknown field'))).to.be.true;
    // valibot names the first unknown field of each object (odd keys quoted); authoring tools add the rest.
    const entry = (lesson.glossary as Record<string, unknown>[])[0]!;
    Object.assign(entry, { 'see also': 'x', colur: 'blue' });
    (lesson as Record<string, unknown>).auther = 'me';
    const again = validateLesson(lesson);
    if (again.ok) throw new Error('expected errors');
    const unknownIn = (errors: string[]) => errors.filter((e) => e.includes('unknown field')).map((e) => e.slice(0, e.indexOf(':')));
    expect(unknownIn(again.errors)).to.have.members(['glossary[0].colour', 'auther']);
    expect(unknownIn(unknownFieldsIn(lesson))).to.have.members(['glossary[0]["see also"]', 'glossary[0].colur']);
  });

  it('lists every unknown field for authors, in any shape of object, twenty at most per object', () => {
    expect(unknownFieldsIn(miniLesson())).to.deep.equal([]);
    const flooded = miniLesson() as unknown as Record<string, unknown>;
    // A memory aid: one shape per kind.
    const aid = (flooded.memoryAids as Record<string, unknown>[])[0]!;
    Object.assign(aid, Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`field${i}`, i])));
    const first = validateLesson(flooded);
    if (first.ok) throw new Error('expected errors');
    expect(first.errors).to.deep.equal(['memoryAids[0].field0: unknown field (check its spelling; see docs/lesson-format.md)']);
    const more = unknownFieldsIn(flooded);
    expect(more).to.have.length(21);
    expect(more[0]).to.equal('memoryAids[0].field1: unknown field (check its spelling; see docs/lesson-format.md)');
    expect(more[20]).to.equal('memoryAids[0]: 979 more unknown fields');
    // Data that is not a lesson's shape at all: nothing to add, no error thrown.
    for (const odd of [null, 3, [], { dialogues: 'x' }, { dialogues: [{ lines: 5, zz: 1 }] }]) expect(() => unknownFieldsIn(odd)).to.not.throw();
  });

  it('lists every unknown field inside an object that matches no option of a union (blocks, list items)', () => {
    const lesson = miniLesson() as unknown as Record<string, unknown>;
    const UNKNOWN = 'unknown field (check its spelling; see docs/lesson-format.md)';
    // A heading block with two extra fields; a list block whose item has two; a block that is no block at all.
    (lesson.summaries as Record<string, unknown>).detailed = [
      { heading: 'Part', colour: 'red', 'font size': 2 },
      { list: ['a', { text: 'b', list: ['c'], colour: 'red', bullet: '*' }] },
      { haeding: 'Typo' },
    ];
    const result = validateLesson(lesson);
    if (result.ok) throw new Error('expected errors');
    // valibot sees three objects that match no option of the union: the elements say so, once each.
    const block = 'Expected a paragraph text, a {"heading": "..."} block or a {"list": [...]} block';
    expect(result.errors).to.deep.equal([0, 1, 2].map((i) => `summaries.detailed[${i}]: ${block}`));
    // Authoring tools name the fields no option knows: every one, in nested unions too. "heading" and "list" are known.
    expect(unknownFieldsIn(lesson)).to.deep.equal([
      `summaries.detailed[0].colour: ${UNKNOWN}`,
      `summaries.detailed[0]["font size"]: ${UNKNOWN}`,
      `summaries.detailed[1].list[1].colour: ${UNKNOWN}`,
      `summaries.detailed[1].list[1].bullet: ${UNKNOWN}`,
      `summaries.detailed[2].haeding: ${UNKNOWN}`,
    ]);
    // The first two fit a form once their unknown fields go: the fields say more than the union's message.
    // {"haeding": …} fits none even then: its message stays.
    expect(saidBetterIn(lesson)).to.deep.equal([0, 1].map((i) => `summaries.detailed[${i}]: ${block}`));
    // A block is a heading or a list, not both: no field is unknown there, so only the union's message is left.
    (lesson.summaries as Record<string, unknown>).detailed = [{ heading: 'Part', list: ['a'] }];
    expect(unknownFieldsIn(lesson)).to.deep.equal([]);
    expect(saidBetterIn(lesson)).to.deep.equal([]);
    // An unknown field plus another fault (a heading that is too long, a list item of the wrong type): the message stays.
    (lesson.summaries as Record<string, unknown>).detailed = [{ heading: 'x'.repeat(301), colour: 'red' }, { list: [5], colour: 'red' }];
    expect(unknownFieldsIn(lesson)).to.have.length(2);
    expect(saidBetterIn(lesson)).to.deep.equal([]);
    // An array where a block or an item belongs is the wrong type, not unknown fields "0", "1"…
    (lesson.summaries as Record<string, unknown>).detailed = [['p', 'q'], { list: [['a', 'b']] }];
    expect(validateLesson(lesson).ok).to.equal(false);
    expect(unknownFieldsIn(lesson)).to.deep.equal([]);
  });

  it('lists unknown fields inside union options twenty per object, and stays quick under a flood of them', () => {
    const lesson = miniLesson() as unknown as Record<string, unknown>;
    const fields = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`field${i}`, i]));
    (lesson.prosCons as Record<string, unknown>[])[0]!.explanation = [
      { heading: 'Why', ...fields(10_000) },
      { list: Array.from({ length: 1000 }, () => ({ text: 'b', list: ['c'], ...fields(30) })) },
    ];
    // No clock here (speed is for benchmarks): a walk that went quadratic would run far past the test's timeout.
    const more = unknownFieldsIn(lesson);
    expect(more).to.have.length(21 + 1000 * 21);
    expect(more[19]).to.equal('prosCons[0].explanation[0].field19: unknown field (check its spelling; see docs/lesson-format.md)');
    expect(more[20]).to.equal('prosCons[0].explanation[0]: 9980 more unknown fields');
    expect(more.at(-1)).to.equal('prosCons[0].explanation[1].list[999]: 10 more unknown fields');
    // Union-shaped data that is not a lesson's shape at all: nothing to add, no error thrown.
    const odd = [5, 'x', [], [{ list: 5, x: 1 }], [{ list: [{ list: 'x', y: 1 }, [1], null] }], [null, [{ z: 1 }]]];
    for (const detailed of odd) {
      expect(() => unknownFieldsIn({ ...lesson, summaries: { detailed } })).to.not.throw();
    }
    expect(unknownFieldsIn({ ...miniLesson(), summaries: { detailed: [{ list: 5, x: 1 }] } })).to.deep.equal([
      'summaries.detailed[0].x: unknown field (check its spelling; see docs/lesson-format.md)',
    ]);
  });

  it('refuses a document that is not an object', () => {
    const result = validateLesson([1, 2]);
    if (result.ok) throw new Error('expected errors');
    expect(result.errors[0]).to.contain('received an array');
  });
});
