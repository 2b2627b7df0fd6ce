import { expect } from '@open-wc/testing';
import { assignVoices, loadVoices, SpeechQueue, splitSentences } from '../src/components/dialogue/speech.js';
import { FakeSynth, FakeUtterance, voice } from './fixtures/fake-speech.js';

describe('dialogue speech', () => {
  describe('splitSentences', () => {
    it('splits into sentences', () => {
      expect(splitSentences('Correct! Threading is great. But what about a disadvantage?')).to.deep.equal([
        'Correct!',
        'Threading is great.',
        'But what about a disadvantage?',
      ]);
      expect(splitSentences('  ')).to.deep.equal([]);
    });

    it('cuts long sentences at commas, then spaces, so no utterance runs past Chrome\'s limit', () => {
      const long = `${'alpha beta gamma, '.repeat(20)}end.`;
      const parts = splitSentences(long, 'en', 60);
      expect(parts.every((part) => part.length <= 60)).to.equal(true);
      expect(parts.join(' ').replace(/\s+/g, ' ')).to.equal(long.trim().replace(/\s+/g, ' '));
      expect(splitSentences('x'.repeat(130), 'en', 50)).to.deep.equal(['x'.repeat(50), 'x'.repeat(50), 'x'.repeat(30)]);
    });

    it('copes with an unknown language tag', () => {
      expect(splitSentences('One. Two.', 'not a tag!')).to.deep.equal(['One.', 'Two.']);
    });
  });

  describe('assignVoices', () => {
    it('gives speakers different voices of the lesson language, the default first', () => {
      const voices = [voice('Fr', 'fr-FR'), voice('Us', 'en-US'), voice('Gb', 'en_GB', true), voice('Us2', 'en-US')];
      const assigned = assignVoices(['teacher', 's1', 's2', 's3'], voices, 'en-US');
      expect([...assigned.values()].map((entry) => entry.voice?.name)).to.deep.equal(['Us', 'Us2', 'Gb', 'Us']);
      // The fourth speaker shares a voice, so it gets another pitch.
      expect(assigned.get('s3')!.pitch).to.not.equal(assigned.get('teacher')!.pitch);
    });

    it('falls back to any voice, and to pitch alone without voices', () => {
      expect(assignVoices(['a'], [voice('De', 'de-DE')], 'en').get('a')!.voice?.name).to.equal('De');
      const none = assignVoices(['a', 'b'], [], 'en');
      expect(none.get('a')!.voice).to.equal(undefined);
      expect(none.get('a')!.pitch).to.not.equal(none.get('b')!.pitch);
    });
  });

  describe('loadVoices', () => {
    it('returns voices at once when the engine has them', async () => {
      expect(await loadVoices(new FakeSynth([voice('A', 'en')]))).to.have.length(1);
    });

    it('waits for voiceschanged when they load late', async () => {
      const synth = new FakeSynth();
      const loading = loadVoices(synth, 60_000, () => undefined);
      synth.voices = [voice('A', 'en')];
      synth.dispatchEvent(new Event('voiceschanged'));
      expect(await loading).to.have.length(1);
    });

    it('gives up with no voices after the timeout', async () => {
      let expire: () => void = () => undefined;
      const loading = loadVoices(new FakeSynth(), 1500, (callback) => (expire = callback));
      expire();
      expect(await loading).to.deep.equal([]);
    });
  });

  describe('SpeechQueue', () => {
    const lines = [
      { speaker: 'teacher', text: 'Hello. How are you?' },
      { speaker: 's1', text: 'Fine.' },
      { speaker: 'teacher', text: 'Good.' },
    ];
    function setup(onLine: (index: number) => boolean = () => true) {
      const synth = new FakeSynth();
      const reached: number[] = [];
      let done = 0;
      const errors: string[] = [];
      let rate = 1;
      const voices = new Map([
        ['teacher', { voice: voice('T', 'en-GB'), pitch: 1 }],
        ['s1', { voice: undefined, pitch: 0.8 }],
      ]);
      const queue = new SpeechQueue({
        synth,
        createUtterance: (text) => new FakeUtterance(text),
        lines,
        lang: 'en',
        voices,
        rate: () => rate,
        onLine: (index) => {
          reached.push(index);
          return onLine(index);
        },
        onDone: () => done++,
        onError: (error) => errors.push(error),
      });
      return { synth, queue, reached, errors, done: () => done, setRate: (value: number) => (rate = value) };
    }

    it('speaks sentence by sentence, line after line, with each speaker\'s voice', () => {
      const { synth, queue, reached, done, setRate } = setup();
      queue.start(0);
      expect(synth.spoken.map((u) => u.text)).to.deep.equal(['Hello.']);
      expect(synth.spoken[0]).to.include({ lang: 'en-GB', pitch: 1, rate: 1 });
      setRate(1.5);
      synth.finish();
      expect(synth.spoken[1]).to.include({ text: 'How are you?', rate: 1.5 });
      synth.finish();
      expect(synth.spoken[2]).to.include({ text: 'Fine.', lang: 'en', pitch: 0.8, voice: null });
      synth.finish();
      synth.finish();
      expect(reached).to.deep.equal([0, 1, 2]);
      expect(done()).to.equal(1);
      expect(queue.speaking).to.equal(false);
    });

    it('stops before a line when onLine says so', () => {
      const { synth, queue, reached } = setup((index) => index !== 1);
      queue.start(0);
      synth.finish();
      synth.finish();
      expect(reached).to.deep.equal([0, 1]);
      expect(synth.spoken).to.have.length(2);
      expect(queue.speaking).to.equal(false);
    });

    it('ignores the end of a cancelled utterance, so a restart neither skips nor repeats', () => {
      const { synth, queue, reached } = setup();
      queue.start(0);
      const first = synth.spoken[0]!;
      queue.start(2);
      first.dispatchEvent(new Event('end'));
      expect(synth.spoken.map((u) => u.text)).to.deep.equal(['Hello.', 'Good.']);
      expect(reached).to.deep.equal([0, 2]);
      queue.stop();
      expect(queue.speaking).to.equal(false);
      synth.finish();
      expect(synth.spoken).to.have.length(2);
    });

    it('reports engine errors, but not the interruptions it causes itself', () => {
      const { synth, queue, errors } = setup();
      queue.start(0);
      synth.spoken[0]!.dispatchEvent(Object.assign(new Event('error'), { error: 'interrupted' }));
      expect(errors).to.deep.equal([]);
      synth.spoken[0]!.dispatchEvent(Object.assign(new Event('error'), { error: 'synthesis-failed' }));
      expect(errors).to.deep.equal(['synthesis-failed']);
      expect(queue.speaking).to.equal(false);
    });
  });
});
