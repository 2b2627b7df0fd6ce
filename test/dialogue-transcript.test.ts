import { expect } from '@open-wc/testing';
import { findMatches, fold, initials, matchesQuery, transcriptFileName, transcriptText } from '../src/components/dialogue/transcript.js';

describe('dialogue transcript', () => {
  it('finds matches ignoring case and accents, as ranges of the original text', () => {
    const text = 'Él dijo: ÉL es él.';
    expect(findMatches(text, 'el')).to.deep.equal([
      [0, 2],
      [9, 11],
      [15, 17],
    ]);
    expect(findMatches(text, '  ')).to.deep.equal([]);
    expect(findMatches('Threading, threads', 'THREAD')).to.deep.equal([
      [0, 6],
      [11, 17],
    ]);
  });

  it('maps ranges back through decomposed characters and astral symbols', () => {
    const text = 'cafe\u0301 🙂 Café';
    expect(findMatches(text, 'café').map(([start, end]) => text.slice(start, end))).to.deep.equal(['cafe\u0301', 'Café']);
    expect(fold('Ä').text).to.equal('a');
  });

  it('tells whether a text matches', () => {
    expect(matchesQuery('The Global Interpreter Lock', 'interpreter lock')).to.equal(true);
    expect(matchesQuery('The GIL', 'lock')).to.equal(false);
    expect(matchesQuery('Anything', '')).to.equal(false);
  });

  it('makes initials from names', () => {
    expect(initials('Teacher')).to.equal('T');
    expect(initials('Student 2')).to.equal('S2');
    expect(initials('  maría josé  ')).to.equal('MJ');
    expect(initials('😀 Bot')).to.equal('😀B');
    expect(initials('')).to.equal('');
  });

  it('writes the transcript as plain text paragraphs', () => {
    expect(
      transcriptText('Threads', [
        { speaker: 'Teacher (Instructor)', text: 'Why?' },
        { speaker: 'Student 1 (Student)', text: 'Because.' },
      ]),
    ).to.equal('Threads\n\nTeacher (Instructor): Why?\n\nStudent 1 (Student): Because.\n');
  });

  it('makes safe file names', () => {
    expect(transcriptFileName('threading-overview')).to.equal('threading-overview.txt');
    expect(transcriptFileName('a/b c')).to.equal('a-b-c.txt');
  });
});
