import { expect } from '@open-wc/testing';
import { buildDeck, toDeckSource, toDirection } from '../src/components/flashcards/deck.js';
import type { Lesson } from '../src/core/schema.js';
import { miniLesson } from './fixtures/mini-lesson.js';

/** A lesson with two cards (one about a glossary term) and two glossary entries. */
function lesson(): Lesson {
  return {
    ...miniLesson(),
    flashcards: [
      {
        id: 'f1',
        front: 'What is the GIL?',
        back: 'The Global Interpreter Lock',
        hint: 'G… I… L…',
        accept: ['a mutex'],
        term: 'gil',
        image: { src: 'gil.png', alt: 'A lock' },
        audio: { front: 'q.mp3', back: 'a.mp3' },
      },
      { id: 'f2', front: 'Threads share…', back: 'memory' },
    ],
    glossary: [
      { id: 'gil', term: 'Global Interpreter Lock', aliases: ['GIL'], definition: 'A mutex.' },
      { id: 'thread', term: 'Thread', definition: 'A path of execution.' },
    ],
  };
}

describe('flashcards deck', () => {
  it('makes one forward item per flashcard, in lesson order', () => {
    const { items, unknown } = buildDeck(lesson());
    expect(unknown).to.deep.equal([]);
    expect(items.map((item) => item.key)).to.deep.equal(['f1:forward', 'f2:forward']);
    const [first] = items;
    expect(first).to.include({ id: 'f1', direction: 'forward', question: 'What is the GIL?', answer: 'The Global Interpreter Lock' });
    expect(first!.accept).to.deep.equal(['a mutex']);
    expect(first!.hint).to.equal('G… I… L…');
    expect(first).to.include({ imageOn: 'question', questionAudio: 'q.mp3', answerAudio: 'a.mp3' });
  });

  it('turns cards around in reverse: the term and its aliases are right answers, the hint is dropped', () => {
    const [first] = buildDeck(lesson(), { direction: 'reverse' }).items;
    expect(first).to.include({ key: 'f1:reverse', question: 'The Global Interpreter Lock', answer: 'What is the GIL?' });
    expect(first!.accept).to.deep.equal(['Global Interpreter Lock', 'GIL']);
    expect(first!.hint).to.equal(undefined);
    expect(first).to.include({ imageOn: 'answer', questionAudio: 'a.mp3', answerAudio: 'q.mp3' });
  });

  it('asks every card both ways in mixed, forward ones first', () => {
    const keys = buildDeck(lesson(), { direction: 'mixed' }).items.map((item) => item.key);
    expect(keys).to.deep.equal(['f1:forward', 'f2:forward', 'f1:reverse', 'f2:reverse']);
  });

  it('makes cards from the glossary: term in front, definition behind, aliases accepted backwards', () => {
    const items = buildDeck(lesson(), { from: 'glossary' }).items;
    expect(items.map((item) => item.key)).to.deep.equal(['gil:forward', 'thread:forward']);
    expect(items[0]).to.include({ question: 'Global Interpreter Lock', answer: 'A mutex.' });
    const reverse = buildDeck(lesson(), { from: 'glossary', direction: 'reverse' }).items[0]!;
    expect(reverse.accept).to.deep.equal(['GIL']);
  });

  it('uses both, without asking a term twice when a flashcard covers it', () => {
    const ids = buildDeck(lesson(), { from: 'both' }).items.map((item) => item.id);
    expect(ids).to.deep.equal(['f1', 'f2', 'thread']);
  });

  it('keeps only the cards asked for, in that order, and reports unknown ids', () => {
    const { items, unknown } = buildDeck(lesson(), { only: ['f2', 'nope', 'f1'] });
    expect(items.map((item) => item.id)).to.deep.equal(['f2', 'f1']);
    expect(unknown).to.deep.equal(['nope']);
  });

  it('shuffles with the random source it is given', () => {
    let seed = 0;
    const random = () => [0.1, 0.9, 0.5][seed++ % 3]!;
    const order = buildDeck(lesson(), { direction: 'mixed', random }).items.map((item) => item.key);
    expect(order).to.have.members(['f1:forward', 'f2:forward', 'f1:reverse', 'f2:reverse']);
    expect(order).not.to.deep.equal(['f1:forward', 'f2:forward', 'f1:reverse', 'f2:reverse']);
  });

  it('is empty for a lesson without cards', () => {
    const bare = { ...lesson(), flashcards: undefined, glossary: undefined } as unknown as Lesson;
    expect(buildDeck(bare, { from: 'both' }).items).to.deep.equal([]);
  });

  it('parses attribute values, falling back to the defaults', () => {
    expect(toDirection('reverse')).to.equal('reverse');
    expect(toDirection('sideways')).to.equal('forward');
    expect(toDeckSource('both')).to.equal('both');
    expect(toDeckSource(null)).to.equal('flashcards');
  });
});
