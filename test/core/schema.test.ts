import { expect } from '@open-wc/testing';
import { formatPath, validateLesson } from '../../src/core/schema.js';
import { miniLesson } from '../fixtures/mini-lesson.js';

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
  });

  it('refuses a document that is not an object', () => {
    const result = validateLesson([1, 2]);
    if (result.ok) throw new Error('expected errors');
    expect(result.errors[0]).to.contain('received an array');
  });
});
