import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/dialogue/dialogue.js';
import type { DialogueMode } from '../src/components/dialogue/dialogue.js';
import type { Dialogue, Lesson } from '../src/core/schema.js';
import { MemoryProgressStore } from '../src/core/storage.js';
import { toneWav } from '../test/fixtures/wav.js';

interface Args {
  src: string;
  dialogue: string;
  mode: DialogueMode;
  thinkFirst: boolean;
  speech: boolean;
  noShortcuts: boolean;
  rate: number;
  headingLevel: number;
  lesson: Lesson | undefined;
  /** Story only: a generated recording given to the element as `<audio slot="audio">`. */
  audioUrl: string;
}

const SEED = 'lessons/python-concurrency.json';

const meta: Meta<Args> = {
  title: 'Elements/Dialogue',
  component: 'lesson-dialogue',
  args: {
    src: `${SEED}#threading-overview`,
    dialogue: '',
    mode: 'read',
    thinkFirst: false,
    speech: false,
    noShortcuts: false,
    rate: 1,
    headingLevel: 3,
    lesson: undefined,
    audioUrl: '',
  },
  argTypes: {
    mode: { control: 'inline-radio', options: ['read', 'step', 'think'] },
    rate: { control: 'select', options: [0.75, 1, 1.25, 1.5, 1.75, 2] },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    lesson: { control: false },
    audioUrl: { control: false, table: { disable: true } },
  },
  // A fresh in-memory store per render: stories always start from the first line.
  render: (args) => html`<lesson-dialogue
    src=${args.lesson ? nothing : args.src}
    dialogue=${args.dialogue || nothing}
    mode=${args.mode}
    ?think-first=${args.thinkFirst}
    ?speech=${args.speech}
    ?no-shortcuts=${args.noShortcuts}
    rate=${args.rate}
    heading-level=${args.headingLevel}
    .lesson=${args.lesson}
    .store=${new MemoryProgressStore()}
    >${args.audioUrl ? html`<audio slot="audio" preload="auto" src=${args.audioUrl}></audio>` : nothing}</lesson-dialogue
  >`,
};
export default meta;
type Story = StoryObj<Args>;

/** The whole transcript, each line with its speaker's name, role and colour. */
export const Read: Story = {};

/** One line at a time: Next, Previous, Restart, and Play to advance at a pace set by each line's length. */
export const Step: Story = { args: { mode: 'step', src: `${SEED}#multiprocessing-overview` } };

/** Before a student answers the teacher's question, the learner is asked what they would answer. */
export const ThinkFirst: Story = { args: { mode: 'think' } };

const speakerPitches = [330, 392, 440, 494, 523, 587];

/** A dialogue with per-line start/end times and a matching generated recording (a soft tone as each line starts). */
function timedDialogue(): { lesson: Lesson; audioUrl: string } {
  const texts: [string, string][] = [
    ['teacher', "Let's start with threading. Who can tell me an advantage of using threading?"],
    ['s1', "It's efficient for I/O-bound tasks, like downloading files or making network calls."],
    ['teacher', 'Correct! But what about a disadvantage?'],
    ['s2', "There's the Global Interpreter Lock, which limits parallel execution."],
    ['teacher', 'Exactly. Thread for I/O-bound tasks; use processes for CPU-bound work.'],
  ];
  const speakers: Dialogue['speakers'] = [
    { id: 'teacher', name: 'Teacher', role: 'instructor' },
    { id: 's1', name: 'Student 1', role: 'student' },
    { id: 's2', name: 'Student 2', role: 'student' },
  ];
  let time = 0;
  const lines = texts.map(([speaker, text], index) => {
    const start = time;
    time += 2 + text.length / 30;
    return { id: `audio-${index + 1}`, speaker, text, start: Math.round(start * 10) / 10, end: Math.round(time * 10) / 10 };
  });
  const tones = lines.map((line) => ({ at: line.start, hz: speakerPitches[speakers.findIndex((s) => s.id === line.speaker)]! }));
  return {
    audioUrl: URL.createObjectURL(toneWav(time, tones)),
    lesson: {
      formatVersion: 1,
      id: 'story-audio',
      title: 'Audio story',
      lang: 'en',
      dialogues: [{ id: 'with-audio', title: 'Threading, with audio', speakers, lines }],
    },
  };
}

/**
 * A recording drives the highlight through cue events: play, seek with the slider, click a line
 * (or press Enter on it) to jump there, change the speed. The recording is generated in the story
 * and given as the element's own `<audio slot="audio">`; a lesson would name it in `audio.src`.
 */
export const Audio: Story = { args: timedDialogue() };

/** The same player in step mode: lines appear as the recording reaches them. */
export const AudioStep: Story = { args: { ...timedDialogue(), mode: 'think' } };

/**
 * Listen reads the lines aloud with the browser's voices, one voice per speaker where it has
 * several. Where it has none (headless Chromium), the button says why it cannot.
 */
export const Speech: Story = { args: { speech: true, src: `${SEED}#multiprocessing-overview` } };

function longDialogue(count: number): Lesson {
  return {
    formatVersion: 1,
    id: 'story-long',
    title: 'A long dialogue',
    lang: 'en',
    dialogues: [
      {
        id: 'long',
        title: `A dialogue of ${count} lines`,
        speakers: [
          { id: 'teacher', name: 'Teacher', role: 'instructor' },
          ...[1, 2, 3, 4, 5].map((n) => ({ id: `s${n}`, name: `Student ${n}`, role: 'student' })),
        ],
        lines: Array.from({ length: count }, (_, i) =>
          i % 2 === 0
            ? { speaker: 'teacher', text: `Question ${i / 2 + 1}: when would you use *threads* rather than processes?` }
            : { speaker: `s${(Math.floor(i / 2) % 5) + 1}`, text: `When the work waits on **I/O**, answer ${Math.ceil(i / 2)}: \`threading\` overlaps the waiting.` },
        ),
      },
    ],
  };
}

/** A generated 200-line dialogue (the `lesson` property): the transcript scrolls, search filters it. */
export const TwoHundredLines: Story = { args: { lesson: longDialogue(200) } };

/** Step mode through the 200 lines, pausing before each answer. */
export const TwoHundredLinesThinkFirst: Story = { args: { lesson: longDialogue(200), mode: 'think' } };

export const Dark: Story = {
  args: { mode: 'think' },
  decorators: [
    (story) => html`<div style="--lesson-color-scheme: dark; color-scheme: dark; background: #0d1117; padding: 1rem">${story()}</div>`,
  ],
};

/** Right to left: the layout mirrors, and the arrow keys follow the reading direction (Left is next). */
export const RightToLeft: Story = {
  args: { mode: 'step' },
  decorators: [(story) => html`<div dir="rtl">${story()}</div>`],
};

/** In a 20rem column (an LMS sidebar): tool and step buttons keep their icons, their names stay for screen readers. */
export const NarrowColumn: Story = {
  args: { mode: 'step', speech: true },
  decorators: [(story) => html`<div style="max-width: 20rem">${story()}</div>`],
};

/** An unknown dialogue id: the element says so in place (role="alert") and fires `lesson-error`. */
export const Error: Story = { args: { src: `${SEED}#no-such-id` } };
