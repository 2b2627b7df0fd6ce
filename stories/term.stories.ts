import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/glossary/term.js';

interface Args {
  src: string;
  term: string;
  showDelay: number;
  hideDelay: number;
}

const SEED = 'lessons/python-concurrency.json';

/** One term inside a sentence, bound to the story's args. */
const term = (args: Args, text: string, id = '') => html`<lesson-term
  src=${args.src}
  term=${id || args.term || nothing}
  show-delay=${args.showDelay}
  hide-delay=${args.hideDelay}
  >${text}</lesson-term
>`;

const paragraph = (args: Args) => html`<p style="max-width: 36rem; line-height: 1.6">
  In CPython the ${term(args, 'GIL')} lets only one thread run Python bytecode at a time. That is why
  ${term(args, 'threads', 'threading-term')} give you ${term(args, 'concurrency')} for waiting on the network, but
  not ${term(args, 'parallelism')} for number crunching; ${term(args, 'multiprocessing')} does, with one interpreter
  per process.
</p>`;

const meta: Meta<Args> = {
  title: 'Elements/Term',
  component: 'lesson-term',
  args: { src: SEED, term: '', showDelay: 400, hideDelay: 300 },
  argTypes: {
    showDelay: { control: { type: 'number', min: 0, step: 100 } },
    hideDelay: { control: { type: 'number', min: 0, step: 100 } },
  },
  render: (args) => paragraph(args),
};
export default meta;
type Story = StoryObj<Args>;

/** Terms inside a paragraph: click, tap, Enter or Space opens a definition; hover or Tab peeks after a delay. */
export const Term: Story = {};

/** Terms in each corner of the frame: the definition flips above and shifts sideways to stay on screen. */
export const TermsNearEdges: Story = {
  render: (args) => html`<div style="position: relative; min-height: 90vh; font-size: 1.05rem">
    <p style="position: absolute; top: 0; left: 0; margin: 0">${term(args, 'Global Interpreter Lock')}</p>
    <p style="position: absolute; top: 0; right: 0; margin: 0">${term(args, 'multiprocessing')}</p>
    <p style="position: absolute; bottom: 0; left: 0; margin: 0">${term(args, 'concurrency')}</p>
    <p style="position: absolute; bottom: 0; right: 0; margin: 0">${term(args, 'parallelism')}</p>
    <p style="position: absolute; top: 45%; left: 50%; translate: -50% 0; margin: 0">
      Open the corner terms: each definition stays inside the frame, at 320 px too.
    </p>
  </div>`,
};

/** The dark theme. */
export const Dark: Story = {
  render: (args) => html`<div style="--lesson-color-scheme: dark; color-scheme: dark; background: #0d1117; color: #e6edf3; padding: 1rem">
    ${paragraph(args)}
  </div>`,
};

/** Right to left: the definition opens toward the reading direction. */
export const RightToLeft: Story = {
  render: (args) => html`<div dir="rtl" lang="ar">
    <p style="max-width: 36rem">
      في بايثون، يسمح ${term(args, 'GIL')} لخيط واحد فقط بتنفيذ الشيفرة في كل لحظة، ولذلك تمنحك
      ${term(args, 'threads', 'threading-term')} التزامن وليس ${term(args, 'parallelism')}.
    </p>
  </div>`,
};

/** A term the glossary does not have: the sentence reads as written, and the page gets a lesson-error. */
export const Error: Story = {
  render: (args) => html`<p style="max-width: 36rem">
    Python's ${term(args, 'asyncio')} event loop is not in this lesson's glossary, so the word stays plain text.
  </p>`,
};
