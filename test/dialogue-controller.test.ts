import { expect } from '@open-wc/testing';
import { DialogueController, findThinkPoints, type DialogueEffect } from '../src/components/dialogue/controller.js';

const types = (effects: DialogueEffect[]) => effects.map((effect) => effect.type);

describe('dialogue controller', () => {
  describe('step mode', () => {
    it('opens on the first line and reveals one line per next, in order', () => {
      const controller = new DialogueController(3, { stepping: true });
      expect(controller.snapshot).to.include({ current: 0, revealed: 1, reached: 1, gate: -1 });
      expect(controller.dispatch({ type: 'next' })).to.deep.equal([
        { type: 'reveal', indices: [1] },
        { type: 'line', index: 1, previous: 0 },
        { type: 'progress', reached: 2, total: 3 },
      ]);
      expect(types(controller.dispatch({ type: 'next' }))).to.deep.equal(['reveal', 'line', 'progress', 'complete']);
      expect(controller.dispatch({ type: 'next' })).to.deep.equal([{ type: 'end' }]);
      expect(controller.snapshot).to.include({ current: 2, revealed: 3, reached: 3 });
    });

    it('moves back without hiding lines, and forward again without revealing (or announcing) them twice', () => {
      const controller = new DialogueController(3, { stepping: true });
      controller.dispatch({ type: 'next' });
      expect(controller.dispatch({ type: 'previous' })).to.deep.equal([{ type: 'line', index: 0, previous: 1 }]);
      expect(controller.snapshot.revealed).to.equal(2);
      expect(controller.dispatch({ type: 'next' })).to.deep.equal([{ type: 'line', index: 1, previous: 0 }]);
      expect(controller.dispatch({ type: 'previous' })).to.have.length(1);
      expect(controller.dispatch({ type: 'previous' })).to.deep.equal([]);
    });

    it('restarts with the later lines hidden again, and completes only once', () => {
      const controller = new DialogueController(2, { stepping: true });
      expect(types(controller.dispatch({ type: 'next' }))).to.include('complete');
      controller.dispatch({ type: 'restart' });
      expect(controller.snapshot).to.include({ current: 0, revealed: 1, reached: 2 });
      expect(types(controller.dispatch({ type: 'next' }))).to.deep.equal(['reveal', 'line']);
    });

    it('jumps to the last line revealing everything between', () => {
      const controller = new DialogueController(4, { stepping: true });
      const effects = controller.dispatch({ type: 'last' });
      expect(effects[0]).to.deep.equal({ type: 'reveal', indices: [1, 2, 3] });
      expect(controller.snapshot).to.include({ current: 3, revealed: 4 });
      expect(types(controller.dispatch({ type: 'first' }))).to.deep.equal(['line']);
    });

    it('ignores lines out of range', () => {
      const controller = new DialogueController(2, { stepping: true });
      expect(controller.dispatch({ type: 'go', index: 5 })).to.deep.equal([]);
      expect(controller.dispatch({ type: 'go', index: -1 })).to.deep.equal([]);
    });
  });

  describe('think-first', () => {
    it('stops before a think point, then reveals it on request', () => {
      const controller = new DialogueController(3, { stepping: true, thinkPoints: [1] });
      expect(controller.dispatch({ type: 'next' })).to.deep.equal([{ type: 'gate', index: 1 }]);
      expect(controller.snapshot).to.include({ current: 0, revealed: 1, gate: 1 });
      // A second next (or the reveal button) answers the prompt.
      expect(controller.dispatch({ type: 'next' })).to.deep.equal([
        { type: 'reveal', indices: [1] },
        { type: 'line', index: 1, previous: 0 },
        { type: 'progress', reached: 2, total: 3 },
      ]);
      expect(controller.snapshot.gate).to.equal(-1);
    });

    it('previous closes the prompt without revealing', () => {
      const controller = new DialogueController(3, { stepping: true, thinkPoints: [1] });
      controller.dispatch({ type: 'next' });
      expect(controller.dispatch({ type: 'previous' })).to.deep.equal([{ type: 'gate', index: -1 }]);
      expect(controller.snapshot).to.include({ revealed: 1, gate: -1 });
    });

    it('halts playback at the prompt and resumes it after the reveal', () => {
      const controller = new DialogueController(3, { stepping: true, thinkPoints: [1] });
      controller.dispatch({ type: 'playing', source: 'audio' });
      expect(controller.dispatch({ type: 'go', index: 1 })).to.deep.equal([
        { type: 'gate', index: 1 },
        { type: 'halt', source: 'audio' },
      ]);
      expect(controller.dispatch({ type: 'paused' })).to.deep.equal([{ type: 'pause', source: 'audio' }]);
      expect(types(controller.dispatch({ type: 'reveal' }))).to.deep.equal(['reveal', 'line', 'resume', 'progress']);
    });

    it('does not pause on a jump past the think point, nor once the line has been revealed', () => {
      const controller = new DialogueController(4, { stepping: true, thinkPoints: [1] });
      expect(types(controller.dispatch({ type: 'go', index: 2 }))).to.deep.equal(['reveal', 'line', 'progress']);
      controller.dispatch({ type: 'first' });
      expect(types(controller.dispatch({ type: 'next' }))).to.deep.equal(['line']);
    });

    it('pauses again after a restart', () => {
      const controller = new DialogueController(3, { stepping: true, thinkPoints: [1] });
      controller.dispatch({ type: 'next' });
      controller.dispatch({ type: 'reveal' });
      controller.dispatch({ type: 'restart' });
      expect(controller.dispatch({ type: 'next' })).to.deep.equal([{ type: 'gate', index: 1 }]);
    });
  });

  describe('read mode', () => {
    it('shows every line with none current, and counts seen lines as reached', () => {
      const controller = new DialogueController(3, { stepping: false, thinkPoints: [1] });
      expect(controller.snapshot).to.include({ current: -1, revealed: 3, reached: 0 });
      expect(controller.dispatch({ type: 'seen', indices: [0, 1, 7] })).to.deep.equal([{ type: 'progress', reached: 2, total: 3 }]);
      expect(types(controller.dispatch({ type: 'next' }))).to.deep.equal(['line']);
      expect(types(controller.dispatch({ type: 'go', index: 2 }))).to.deep.equal(['line', 'progress', 'complete']);
    });
  });

  describe('playback reports', () => {
    it('reports play and pause once each, and a switch of source as pause then play', () => {
      const controller = new DialogueController(2, { stepping: false });
      expect(controller.dispatch({ type: 'playing', source: 'speech' })).to.deep.equal([{ type: 'play', source: 'speech' }]);
      expect(controller.dispatch({ type: 'playing', source: 'speech' })).to.deep.equal([]);
      expect(controller.dispatch({ type: 'playing', source: 'audio' })).to.deep.equal([
        { type: 'pause', source: 'speech' },
        { type: 'play', source: 'audio' },
      ]);
      expect(controller.dispatch({ type: 'paused' })).to.deep.equal([{ type: 'pause', source: 'audio' }]);
      expect(controller.dispatch({ type: 'paused' })).to.deep.equal([]);
    });
  });

  describe('saving', () => {
    it('round-trips position and reached lines as ranges', () => {
      const controller = new DialogueController(6, { stepping: true });
      controller.dispatch({ type: 'go', index: 2 });
      controller.dispatch({ type: 'previous' });
      const saved = controller.save();
      expect(saved).to.deep.equal({ stepping: true, current: 1, revealed: 3, reached: [[0, 2]] });
      const restored = new DialogueController(6, { stepping: true });
      restored.restore(JSON.parse(JSON.stringify(saved)));
      expect(restored.snapshot).to.include({ current: 1, revealed: 3, reached: 3 });
    });

    it('does not report completion again for a dialogue completed on an earlier visit', () => {
      const controller = new DialogueController(2, { stepping: false });
      controller.restore({ current: -1, revealed: 2, reached: [[0, 1]] });
      expect(controller.dispatch({ type: 'go', index: 1 })).to.deep.equal([{ type: 'line', index: 1, previous: -1 }]);
    });

    it('restores the position only from a step-mode save', () => {
      const read = new DialogueController(3, { stepping: false });
      read.dispatch({ type: 'go', index: 1 });
      const step = new DialogueController(3, { stepping: true });
      step.restore(read.save());
      expect(step.snapshot).to.include({ current: 0, revealed: 1, reached: 2 });
    });

    it('ignores malformed or out-of-range saved data', () => {
      const controller = new DialogueController(3, { stepping: true });
      for (const junk of [null, 'x', 5, { reached: 'no' }, { reached: [[0, 'a'], 'b'] }]) controller.restore(junk);
      controller.restore({ stepping: true, current: 99, revealed: 99, reached: [[-5, 99]] });
      expect(controller.snapshot).to.include({ current: 2, revealed: 3, reached: 3 });
    });
  });
});

describe('findThinkPoints', () => {
  const speakers = [
    { id: 'teacher', role: 'instructor' },
    { id: 's1', role: 'student' },
    { id: 'n', role: 'narrator' },
  ];

  it('finds student lines that answer a teacher question', () => {
    const lines = [
      { speaker: 'teacher', text: 'What is a thread?' },
      { speaker: 's1', text: 'A path of execution.' },
      { speaker: 'teacher', text: 'Right. And a process?  ' },
      { speaker: 'n', text: 'A pause.' },
      { speaker: 's1', text: 'A program running.' },
      { speaker: 'teacher', text: 'Is that "all"?”' },
      { speaker: 's1', text: 'Yes.' },
      { speaker: 's1', text: 'Is it?' },
      { speaker: 's1', text: 'No.' },
      { speaker: 'teacher', text: 'Good.' },
      { speaker: 's1', text: 'Thanks.' },
    ];
    expect(findThinkPoints(speakers, lines)).to.deep.equal([1, 6]);
  });

  it('understands question marks of other scripts', () => {
    const lines = [
      { speaker: 'teacher', text: 'ما هو الخيط؟' },
      { speaker: 's1', text: 'مسار' },
      { speaker: 'teacher', text: '什么是线程？' },
      { speaker: 's1', text: '执行路径' },
    ];
    expect(findThinkPoints(speakers, lines)).to.deep.equal([1, 3]);
  });

  it('without roles, takes the first speaker as the teacher', () => {
    const lines = [
      { speaker: 'a', text: 'Why?' },
      { speaker: 'b', text: 'Because.' },
      { speaker: 'b', text: 'Why not?' },
      { speaker: 'a', text: 'Hm.' },
    ];
    expect(findThinkPoints([{ id: 'a' }, { id: 'b' }], lines)).to.deep.equal([1]);
  });
});
