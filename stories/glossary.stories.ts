import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/glossary/glossary.js';

interface Args {
  src: string;
  view: 'text' | 'list';
  link: 'first' | 'all' | 'none';
  headingLevel: number;
}

const SEED = 'lessons/python-concurrency.json';

/** The author's own article: plain HTML the glossary links terms in. */
const article = html`<article style="max-width: 38rem; font-family: Georgia, serif; font-size: 1.1rem; line-height: 1.6">
  <h2>Why is my Python program not faster with threads?</h2>
  <p>
    Because of the Global Interpreter Lock. The GIL makes sure that only one thread executes Python bytecode at a
    time. Threading still helps when your threads wait for the network or the disk: that is concurrency, and the GIL
    is released while they wait.
  </p>
  <p>
    For CPU-bound work, multiprocessing gives you real parallelism: each process has its own interpreter, and its own
    GIL. Parallelism and concurrency are easy to confuse.
  </p>
  <pre><code>from multiprocessing import Pool  # code is never linked</code></pre>
  <h2>Choosing</h2>
  <p>
    Each section links a term again: threads for waiting, multiprocessing for computing. Text marked
    <span data-no-glossary>concurrency</span> with <code>data-no-glossary</code> is left alone, and so are links like
    <a href="https://docs.python.org/3/library/threading.html">the threading docs</a>.
  </p>
</article>`;

const meta: Meta<Args> = {
  title: 'Elements/Glossary',
  component: 'lesson-glossary',
  args: { src: SEED, view: 'text', link: 'first', headingLevel: 3 },
  argTypes: {
    view: { control: 'inline-radio', options: ['text', 'list'] },
    link: { control: 'inline-radio', options: ['first', 'all', 'none'] },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
  },
  render: (args) => html`<lesson-glossary src=${args.src} view=${args.view} link=${args.link} heading-level=${args.headingLevel}
    >${article}</lesson-glossary
  >`,
};
export default meta;
type Story = StoryObj<Args>;

/** Your article, its glossary terms linked: first occurrence in each section, code and links left alone. */
export const LinkedArticle: Story = {};

/** Every occurrence linked (`link="all"`). */
export const EveryOccurrence: Story = { args: { link: 'all' } };

/** The whole glossary A to Z with a filter; each entry has an id for deep links (`#glossary-gil`). */
export const ListView: Story = {
  args: { view: 'list' },
  render: (args) => html`<lesson-glossary src=${args.src} view="list" heading-level=${args.headingLevel}>
    <h2>Glossary</h2>
    <p>Every term of the lesson on Python concurrency.</p>
  </lesson-glossary>`,
};

/** The dark theme, linked article and list. */
export const Dark: Story = {
  render: (args) => html`<div style="--lesson-color-scheme: dark; color-scheme: dark; background: #0d1117; color: #e6edf3; padding: 1rem">
    <lesson-glossary src=${args.src} link=${args.link}>${article}</lesson-glossary>
    <lesson-glossary src=${args.src} view="list" heading-level=${args.headingLevel}></lesson-glossary>
  </div>`,
};

/** Right to left: the list and the popovers follow the direction. */
export const RightToLeft: Story = {
  render: (args) => html`<div dir="rtl">
    <lesson-glossary src=${args.src} link=${args.link}>
      <p>يشرح هذا النص الـ GIL وكيف تختلف concurrency عن parallelism في بايثون.</p>
    </lesson-glossary>
    <lesson-glossary src=${args.src} view="list" heading-level=${args.headingLevel}></lesson-glossary>
  </div>`,
};

/** A lesson that cannot be used: the error shows above the article, which stays readable. */
export const Error: Story = { args: { src: 'lessons/broken-lesson.json' } };
