import { expect } from '@open-wc/testing';
import {
  activeLine,
  alignCues,
  parseCueText,
  parseTimestamp,
  parseVtt,
  timingsFromCues,
  timingsFromLines,
  VttError,
  type Cue,
} from '../src/components/dialogue/cues.js';

const speakers = [
  { id: 'teacher', name: 'Teacher' },
  { id: 's1', name: 'Student 1' },
];

describe('dialogue cues', () => {
  describe('parseTimestamp', () => {
    it('reads minutes and hours forms', () => {
      expect(parseTimestamp('00:01.500')).to.equal(1.5);
      expect(parseTimestamp('01:02:03.004')).to.equal(3723.004);
      expect(parseTimestamp(' 100:00:00.000 ')).to.equal(360_000);
    });
    it('rejects malformed timestamps', () => {
      for (const bad of ['1.5', '00:60.000', 'aa:bb.ccc', '', '00:01']) expect(parseTimestamp(bad), bad).to.equal(undefined);
    });
  });

  describe('parseVtt', () => {
    it('parses cues with identifiers, settings, multi-line text, and skips NOTE, STYLE and REGION blocks', () => {
      const file = [
        '\uFEFFWEBVTT - a lesson',
        'Kind: captions',
        '',
        'REGION',
        'id:fred',
        '',
        'STYLE',
        '::cue { color: red }',
        '',
        'NOTE this -> is not a cue',
        '',
        'to-1',
        '00:00.000 --> 00:02.500 align:start position:10%',
        '<v Teacher>Who can tell me',
        'an advantage?</v>',
        '',
        '',
        '00:02.500 --> 00:04.000',
        '<v.loud Student 1>It is efficient &amp; simple.',
        '',
        'broken',
        '00:05.000 --> nope',
        'ignored',
      ].join('\r\n');
      expect(parseVtt(file)).to.deep.equal([
        { id: 'to-1', start: 0, end: 2.5, text: '<v Teacher>Who can tell me\nan advantage?</v>' },
        { id: '', start: 2.5, end: 4, text: '<v.loud Student 1>It is efficient &amp; simple.' },
      ]);
    });

    it('refuses a file without the WEBVTT signature', () => {
      expect(() => parseVtt('1\n00:00:01,000 --> 00:00:02,000\nSRT, not VTT')).to.throw(VttError);
      expect(parseVtt('WEBVTT')).to.deep.equal([]);
    });
  });

  describe('parseCueText', () => {
    it('finds the voice and strips tags and entities', () => {
      expect(parseCueText('<v Teacher>Who <i>can</i> tell me?</v>')).to.deep.equal({ voice: 'Teacher', text: 'Who can tell me?' });
      expect(parseCueText('<v.first.loud Student 1>A &lt;b&gt; &#233;l&#xe8;ve')).to.deep.equal({ voice: 'Student 1', text: 'A <b> élève' });
      expect(parseCueText('<c.yellow>No voice</c> <00:00:01.000>here')).to.deep.equal({ voice: undefined, text: 'No voice here' });
    });
  });

  describe('alignCues', () => {
    const lines = [
      { id: 'a', speaker: 'teacher', text: 'Who can tell me an advantage of threading? Anyone?' },
      { speaker: 's1', text: 'It is efficient for I/O.' },
      { speaker: 'teacher', text: 'Correct.' },
    ];
    const cue = (text: string, id = ''): Cue => ({ id, start: 0, end: 1, text });

    it('pairs cues with lines in order when there are as many', () => {
      expect(alignCues([cue('x'), cue('y'), cue('z')], lines, speakers)).to.deep.equal([0, 1, 2]);
    });

    it('keeps a long line split over several cues together, by voice and text', () => {
      const cues = [
        cue('<v Teacher>Who can tell me an advantage of threading?'),
        cue('<v Teacher>Anyone?'),
        cue('<v Student 1>It is efficient for I/O.'),
        cue('<v teacher>Correct.'),
      ];
      expect(alignCues(cues, lines, speakers)).to.deep.equal([0, 0, 1, 2]);
    });

    it('uses cue identifiers that are line ids', () => {
      const cues = [cue('<v Student 1>Something else', 'zz'), cue('<v Teacher>Who', 'a'), cue('<v Teacher>can tell')];
      expect(alignCues(cues, lines, speakers)).to.deep.equal([0, 0, 0]);
    });

    it('attaches extra cues after the last line to the last line', () => {
      const cues = [cue('<v Teacher>1'), cue('<v Student 1>2'), cue('<v Teacher>3'), cue('<v Student 1>4')];
      expect(alignCues(cues, lines, speakers)).to.deep.equal([0, 1, 2, 2]);
    });
  });

  describe('timings', () => {
    it('fills missing ends from the next start', () => {
      expect(timingsFromLines([{ start: 0 }, {}, { start: 4, end: 5 }, { start: 6 }])).to.deep.equal([
        { start: 0, end: 4 },
        undefined,
        { start: 4, end: 5 },
        { start: 6, end: Number.POSITIVE_INFINITY },
      ]);
    });

    it('spans every cue of a line', () => {
      const cues: Cue[] = [
        { id: '', start: 0, end: 2, text: '' },
        { id: '', start: 2, end: 3.5, text: '' },
        { id: '', start: 4, end: 6, text: '' },
      ];
      expect(timingsFromCues(cues, [0, 0, 2], 3)).to.deep.equal([{ start: 0, end: 3.5 }, undefined, { start: 4, end: 6 }]);
    });

    it('picks the latest line among overlapping active cues', () => {
      expect(activeLine([2, 3, -1])).to.equal(3);
      expect(activeLine([])).to.equal(undefined);
      expect(activeLine([-1])).to.equal(undefined);
    });
  });
});
