import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/flashcards/flashcards.js';
import type { Lesson } from '../src/core/schema.js';
import { MemoryProgressStore } from '../src/core/storage.js';

interface Args {
  src: string;
  mode: 'browse' | 'study' | 'type';
  modes: string;
  from: 'flashcards' | 'glossary' | 'both';
  direction: 'forward' | 'reverse' | 'mixed';
  scheduler: 'fsrs' | 'leitner';
  shuffle: boolean;
  cards: string;
  newLimit: number;
  lesson: Lesson | undefined;
}

const SEED = 'lessons/python-concurrency.json';

const meta: Meta<Args> = {
  title: 'Elements/Flashcards',
  component: 'lesson-flashcards',
  args: {
    src: SEED,
    mode: 'browse',
    modes: '',
    from: 'flashcards',
    direction: 'forward',
    scheduler: 'fsrs',
    shuffle: false,
    cards: '',
    newLimit: 20,
    lesson: undefined,
  },
  argTypes: {
    mode: { control: 'inline-radio', options: ['browse', 'study', 'type'] },
    from: { control: 'inline-radio', options: ['flashcards', 'glossary', 'both'] },
    direction: { control: 'inline-radio', options: ['forward', 'reverse', 'mixed'] },
    scheduler: { control: 'inline-radio', options: ['fsrs', 'leitner'] },
    newLimit: { control: { type: 'number', min: 0, max: 500 } },
    lesson: { control: false },
  },
  // Each story keeps its progress in memory, so it starts fresh and does not leak into the others.
  render: (args) => html`<lesson-flashcards
    src=${args.lesson ? nothing : args.src}
    mode=${args.mode}
    modes=${args.modes || nothing}
    from=${args.from}
    direction=${args.direction}
    scheduler=${args.scheduler}
    ?shuffle=${args.shuffle}
    cards=${args.cards || nothing}
    new-limit=${args.newLimit}
    .store=${new MemoryProgressStore()}
    .lesson=${args.lesson}
  ></lesson-flashcards>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Flip through the deck: the button, Space or Enter turn a card; arrows or a swipe move. */
export const Browse: Story = {};

/** Spaced repetition with FSRS (loaded when the session starts): grade with Again, Hard, Good or Easy (keys 1 to 4). */
export const Study: Story = { args: { mode: 'study' } };

/** The learner chooses: a Browse / Study / Type switch above the deck (as in `<lesson-view>`); the choice is remembered. */
export const ModeSwitch: Story = { args: { modes: 'browse study type' } };

/** Type the answer; case, spacing, punctuation and accepted answers do not count against the learner. */
export const TypeAnswer: Story = { args: { mode: 'type' } };

/** Cards made from the glossary, asked backwards: the definition is shown, the term (or an alias: "GIL") is the answer. */
export const GlossaryDeck: Story = { args: { from: 'glossary', direction: 'reverse', mode: 'type' } };

/** Leitner boxes for younger learners: Got it / Not yet. Mixed: every card is asked both ways, each way on its own schedule. */
export const Leitner: Story = { args: { mode: 'study', scheduler: 'leitner', direction: 'mixed' } };

function generatedLesson(count: number): Lesson {
  return {
    formatVersion: 1,
    id: `generated-${count}`,
    title: `${count} generated cards`,
    lang: 'en',
    flashcards: Array.from({ length: count }, (_, index) => ({
      id: `card-${index + 1}`,
      front: `What is **${index + 1}** squared?`,
      back: `\`${(index + 1) ** 2}\``,
      hint: `Multiply ${index + 1} by itself.`,
      accept: [String((index + 1) ** 2)],
    })),
  };
}

/** A generated 500-card deck (passed as the `lesson` property): only the card on screen is rendered. */
export const FiveHundredCards: Story = { args: { lesson: generatedLesson(500), shuffle: true } };

/** The same 500 cards studied: a session introduces `new-limit` new cards (20 by default). */
export const FiveHundredCardsStudy: Story = { args: { lesson: generatedLesson(500), mode: 'study' } };

export const Dark: Story = {
  args: { mode: 'study' },
  decorators: [
    (story) => html`<div style="--lesson-color-scheme: dark; color-scheme: dark; background: #0d1117; padding: 1rem">${story()}</div>`,
  ],
};

export const RightToLeft: Story = {
  decorators: [(story) => html`<div dir="rtl">${story()}</div>`],
};

/** In a 20rem column (an LMS sidebar): the controls stretch, nothing overflows. */
export const NarrowColumn: Story = {
  args: { mode: 'type' },
  decorators: [(story) => html`<div style="max-width: 20rem">${story()}</div>`],
};

/** An unknown card id in the `src` fragment: the element says so in place (role="alert") and fires `lesson-error`. */
export const Error: Story = { args: { src: `${SEED}#no-such-id` } };
