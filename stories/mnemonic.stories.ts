import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/mnemonic/mnemonic.js';
import type { LessonMnemonic, MnemonicCheckBy } from '../src/components/mnemonic/mnemonic.js';
import { MemoryProgressStore, progressKey } from '../src/core/storage.js';

interface Args {
  src: string;
  aid: string;
  practice: boolean;
  startStep: number;
  checkBy: MnemonicCheckBy;
  headingLevel: number;
}

const SEED = 'lessons/python-concurrency.json';

const meta: Meta<Args> = {
  title: 'Elements/Mnemonic',
  component: 'lesson-mnemonic',
  args: { src: SEED, aid: '', practice: false, startStep: 1, checkBy: 'any', headingLevel: 3 },
  argTypes: {
    startStep: { control: { type: 'inline-radio' }, options: [1, 2, 3] },
    checkBy: { control: 'inline-radio', options: ['any', 'typing', 'rating'] },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
  },
  // Each render saves into a fresh in-memory store, so stories start the same every time.
  render: (args) => html`<lesson-mnemonic
    src=${args.src}
    aid=${args.aid || nothing}
    ?practice=${args.practice}
    start-step=${args.startStep}
    check-by=${args.checkBy}
    heading-level=${args.headingLevel}
    .store=${new MemoryProgressStore()}
  ></lesson-mnemonic>`,
};
export default meta;
type MnemonicStory = StoryObj<Args>;

/** A rhyme, set as verse lines. */
export const Rhyme: MnemonicStory = { args: { src: `${SEED}#threading-rhyme` } };

/** A story, as a short narrative card (with an image when the lesson gives one). */
export const Story: MnemonicStory = { args: { src: `${SEED}#chef-story` } };

/** A memory tool: its cue/meaning pairs. */
export const MemoryTool: MnemonicStory = { args: { src: `${SEED}#t-and-m` } };

/** An acronym: large letters; each opens to its word, or Show all opens every one. */
export const Acronym: MnemonicStory = { args: { src: `${SEED}#mop` } };

/** Every memory aid of the seed lesson as tabs, each labelled with its kind. */
export const FullSet: MnemonicStory = { args: { src: SEED } };

/** Practice already at step 2: only the first letter of each word is left. */
export const PracticeInProgress: MnemonicStory = {
  args: { src: `${SEED}#threading-rhyme`, practice: true, startStep: 2 },
};

/** An acronym practised at the blanks step: the letters are hidden too, one field per word. */
export const AcronymPractice: MnemonicStory = { args: { src: `${SEED}#mop`, practice: true, startStep: 3, checkBy: 'typing' } };

/** The word-by-word feedback after a partly recalled answer (typed by the story's play function). */
export const WordFeedback: MnemonicStory = {
  args: { src: `${SEED}#threading-rhyme`, practice: true, startStep: 2 },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<LessonMnemonic>('lesson-mnemonic')!;
    for (let tries = 0; el.loadState !== 'ready' && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    const field = el.shadowRoot!.querySelector('textarea')!;
    field.value = 'Threading is light, for I/O it shines bright, while multiprocessing takes flight';
    field.form!.requestSubmit();
    await el.updateComplete;
  },
};

function savedProgress(): MemoryProgressStore {
  const store = new MemoryProgressStore();
  store.write(progressKey('python-concurrency', 'mnemonic', 'mop'), {
    step: 1,
    remembered: true,
    complete: false,
    results: [{ step: 1, method: 'rated', correct: true, credit: 1 }],
    practisedAt: '2026-03-01T10:00:00.000Z',
  });
  return store;
}

/** Saved progress from an earlier visit: when it was last practised, and a button to resume. */
export const SavedProgress: MnemonicStory = {
  args: { src: `${SEED}#mop` },
  render: (args) => html`<lesson-mnemonic src=${args.src} heading-level=${args.headingLevel} .store=${savedProgress()}></lesson-mnemonic>`,
};

export const Dark: MnemonicStory = {
  args: { src: SEED },
  decorators: [
    (story) => html`<div style="--lesson-color-scheme: dark; color-scheme: dark; background: #0d1117; padding: 1rem">${story()}</div>`,
  ],
};

export const RightToLeft: MnemonicStory = {
  args: { src: SEED },
  decorators: [(story) => html`<div dir="rtl">${story()}</div>`],
};

/** An unknown aid id: the element says so in place (role="alert") and fires `lesson-error`. */
export const Error: MnemonicStory = { args: { src: `${SEED}#no-such-id` } };
