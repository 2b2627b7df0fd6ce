import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/pros-cons/pros-cons.js';
import type { Lesson } from '../src/core/schema.js';

interface Args {
  src: string;
  group: string;
  groups: string;
  compare: boolean;
  mode: 'card' | 'practice';
  headingLevel: number;
  lesson: Lesson | undefined;
}

const SEED = 'lessons/python-concurrency.json';

const meta: Meta<Args> = {
  title: 'Elements/Pros and cons',
  component: 'lesson-pros-cons',
  args: { src: `${SEED}#threading`, group: '', groups: '', compare: false, mode: 'card', headingLevel: 3, lesson: undefined },
  argTypes: {
    mode: { control: 'inline-radio', options: ['card', 'practice'] },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    lesson: { control: false },
  },
  render: (args) => html`<lesson-pros-cons
    src=${args.lesson ? nothing : args.src}
    group=${args.group || nothing}
    groups=${args.groups || nothing}
    ?compare=${args.compare}
    mode=${args.mode}
    heading-level=${args.headingLevel}
    .lesson=${args.lesson}
  ></lesson-pros-cons>`,
};
export default meta;
type Story = StoryObj<Args>;

/** One subject: a Pros list and a Cons list, with the explanation, examples and analogies behind disclosures. */
export const Card: Story = { args: { src: `${SEED}#multiprocessing` } };

/** Two subjects compared: rows line up by aspect, so a pro of one sits beside a con of the other. */
export const Compare: Story = { args: { src: SEED, groups: 'threading multiprocessing' } };

/** The compare view in a 20rem column (an LMS sidebar): each aspect becomes a small stacked card. */
export const CompareInANarrowColumn: Story = {
  args: { src: SEED, compare: true },
  decorators: [(story) => html`<div style="max-width: 20rem">${story()}</div>`],
};

/** Sort-it practice on one subject: is each statement a pro or a con? */
export const Practice: Story = { args: { src: `${SEED}#threading`, mode: 'practice' } };

/** Sort-it practice across subjects: does each statement describe threading or multiprocessing? */
export const ComparePractice: Story = { args: { src: SEED, compare: true, mode: 'practice' } };

function longLesson(count: number): Lesson {
  const half = count / 2;
  const aspects = ['Speed', 'Cost', 'Memory', 'Safety', 'Tooling'];
  const item = (side: 'pro' | 'con', index: number) => ({
    id: `${side}-${index + 1}`,
    text: `${side === 'pro' ? 'Advantage' : 'Drawback'} number ${index + 1}, with \`code\` and *emphasis* to check inline markup.`,
    aspect: aspects[index % aspects.length]!,
    explanation: `Why ${side} ${index + 1} is a ${side}.`,
  });
  return {
    formatVersion: 1,
    id: 'long-list',
    title: 'A long list',
    lang: 'en',
    prosCons: [
      {
        id: 'long',
        subject: 'A subject with 30 statements',
        pros: Array.from({ length: half }, (_, index) => item('pro', index)),
        cons: Array.from({ length: half }, (_, index) => item('con', index)),
        explanation: ['A generated group to check long lists.', { list: ['Fifteen pros', 'Fifteen cons'] }],
      },
    ],
  };
}

/** A generated group with 30 items (passed as the `lesson` property). */
export const ThirtyItems: Story = { args: { lesson: longLesson(30) } };

/** A generated group with 30 items, practised. */
export const ThirtyItemsPractice: Story = { args: { lesson: longLesson(30), mode: 'practice' } };

export const Dark: Story = {
  args: { src: SEED, compare: true },
  decorators: [
    (story) => html`<div style="--lesson-color-scheme: dark; color-scheme: dark; background: #0d1117; padding: 1rem">${story()}</div>`,
  ],
};

export const RightToLeft: Story = {
  args: { src: `${SEED}#threading` },
  decorators: [(story) => html`<div dir="rtl">${story()}</div>`],
};

/** An unknown group id: the element says so in place (role="alert") and fires `lesson-error`. */
export const Error: Story = { args: { src: `${SEED}#no-such-id` } };
