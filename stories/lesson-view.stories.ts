import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/lesson-view/lesson-view.js';

interface Args {
  src: string;
  sections: string;
  headingLevel: number;
  noToc: boolean;
  lang: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Lesson view',
  component: 'lesson-view',
  args: { src: 'lessons/python-concurrency.json', sections: '', headingLevel: 2, noToc: false, lang: '' },
  argTypes: {
    headingLevel: { control: { type: 'number', min: 1, max: 5 } },
    lang: { control: 'inline-radio', options: ['', 'en', 'es'] },
  },
  render: (args) => html`<lesson-view
    src=${args.src}
    sections=${args.sections || nothing}
    heading-level=${args.headingLevel}
    lang=${args.lang || nothing}
    ?no-toc=${args.noToc}
  ></lesson-view>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The complete seed lesson. */
export const FullLesson: Story = {};

/** A slice: only the chosen sections, in the chosen order. */
export const Slice: Story = { args: { sections: 'flashcards, dialogues' } };

/** Headings starting at level 3, for a page that already has h1 and h2. */
export const NestedHeadings: Story = { args: { headingLevel: 3, sections: 'summaries, key-concepts, examples' } };

/** The UI in Spanish (the lesson text stays as written). */
export const SpanishUi: Story = { args: { lang: 'es', sections: 'summaries, pros-cons, links' } };

export const Dark: Story = {
  args: { sections: 'summaries, pros-cons, memory-aids' },
  render: (args) => html`<div style="--lesson-color-scheme: dark; color-scheme: dark; background: #0d1117; padding: 1rem">
    ${meta.render!(args, {} as never)}
  </div>`,
};

export const RightToLeft: Story = {
  args: { sections: 'summaries, key-concepts, flashcards' },
  render: (args) => html`<div dir="rtl">${meta.render!(args, {} as never)}</div>`,
};

/** A lesson that cannot be loaded: the error is shown in place, never a blank box. */
export const Error: Story = { args: { src: 'lessons/missing.json' } };
