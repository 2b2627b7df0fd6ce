/**
 * Issue #10, hardening: every element in each of its states (visual-a11y-scenes.ts) in forced
 * colours, at 320 px, for target size and right to left. Each suite prints its figure.
 *
 *   npx wtr --files test/hardening/visual-a11y.test.ts
 */
import { expect, nextFrame } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import {
  boundaryProblem,
  controlsIn,
  finishAnimations,
  focusProblem,
  forcedColors,
  forcedLook,
  horizontalScale,
  mirrorProblems,
  placements,
  reflowProblems,
  seen,
  systemPalette,
  targetReport,
  visibleText,
} from './visual-a11y-checks.js';
import {
  dialogue,
  flashcards,
  mnemonic,
  practising,
  press,
  scenes,
  seed,
  settle,
  shadowOf,
  sortItPractice,
  steps,
  toStepTwo,
  typeAnswer,
  type Scene,
} from './visual-a11y-scenes.js';

const WIDE = { width: 800, height: 600 };
const elementCount = new Set(scenes.map((scene) => scene.element)).size;
const title = (scene: Scene) => `${scene.element}: ${scene.state}`;
const number = (value: number) => value.toLocaleString('en');

describe('visual accessibility (issue #10)', function () {
  this.timeout(30_000);

  before(() => setViewport(WIDE));
  after(async () => {
    await forcedColors(false);
    await setViewport(WIDE);
  });

  describe('forced colours', () => {
    const tally = { scenes: 0, controls: 0, states: 0, failures: 0 };
    before(() => forcedColors(true));
    after(async () => {
      await forcedColors(false);
      console.log(
        `forced colours: ${tally.scenes} states of ${elementCount} elements, ${number(tally.controls)} controls with a boundary and a focus ring, ${tally.states} state changes told apart without colour, ${tally.failures} failures`,
      );
    });

    for (const scene of scenes) {
      it(`every control has a boundary and a focus ring: ${title(scene)}`, async () => {
        const wrapper = await scene.mount('ltr');
        const palette = systemPalette();
        const controls = controlsIn(wrapper);
        const problems = controls.map((control) => boundaryProblem(control, palette)).filter(Boolean);
        for (const control of controls) {
          if (!seen(control)) continue; // focusing an earlier control may have hidden it (a popover closing)
          problems.push(focusProblem(control));
        }
        (document.activeElement as HTMLElement | null)?.blur();
        const found = problems.filter(Boolean);
        tally.scenes++;
        tally.controls += controls.length;
        tally.failures += found.length;
        expect(controls.length, 'controls in the scene').to.be.greaterThan(0);
        expect(found).to.deep.equal([]);
      });
    }

    /** Expects every look to differ from every other: what tells the states apart survives forced colours. */
    function expectDistinct(looks: Record<string, string>) {
      const entries = Object.entries(looks);
      for (const [i, [name, look]] of entries.entries()) {
        for (const [otherName, otherLook] of entries.slice(i + 1)) {
          tally.states++;
          if (look === otherLook) tally.failures++;
          expect(look, `${name} and ${otherName} look the same in forced colours: ${look}`).to.not.equal(otherLook);
        }
      }
    }

    it('the current dialogue line', async () => {
      const wrapper = await dialogue('ltr', { mode: 'step' });
      const line = shadowOf(wrapper, 'lesson-dialogue').querySelector('#line-0')!;
      const current = forcedLook(line);
      await steps(wrapper, 1);
      expect(line.hasAttribute('aria-current')).to.equal(false);
      expectDistinct({ 'the current line': current, 'a line read before': forcedLook(line) });
    });

    it('the selected tab (memory aids, summary levels)', async () => {
      const aids = await mnemonic('ltr');
      const tab = shadowOf(aids, 'lesson-mnemonic').querySelector('[role="tab"]')!;
      const selected = forcedLook(tab);
      await press(aids, 'lesson-mnemonic', '[role="tab"]:nth-of-type(2)');
      expect(tab.getAttribute('aria-selected')).to.equal('false');
      expectDistinct({ 'a selected aid tab': selected, 'an aid tab not selected': forcedLook(tab) });
      aids.remove();

      const { scenes: [view] = [] } = { scenes: scenes.filter((scene) => scene.element === 'lesson-view') };
      const wrapper = await view!.mount('ltr');
      const viewRoot = shadowOf(wrapper, 'lesson-view');
      const summaryTab = viewRoot.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')!;
      const before = forcedLook(summaryTab);
      viewRoot.querySelector<HTMLElement>('[role="tab"][aria-selected="false"]')!.click();
      await settle(wrapper);
      expect(summaryTab.getAttribute('aria-selected')).to.equal('false');
      expectDistinct({ 'a selected summary tab': before, 'a summary tab not selected': forcedLook(summaryTab) });
    });

    it('the current, finished and coming practice steps', async () => {
      const wrapper = await practising('ltr', 'threading-rhyme');
      const stepTwo = () => shadowOf(wrapper, 'lesson-mnemonic').querySelectorAll('[part="steps"] li')[1]!;
      const coming = forcedLook(stepTwo());
      await toStepTwo(wrapper);
      expect(stepTwo().getAttribute('aria-current')).to.equal('step');
      const current = forcedLook(stepTwo());
      await press(wrapper, 'lesson-mnemonic', '[part="reveal"]');
      await press(wrapper, 'lesson-mnemonic', '[part="rating"]');
      await press(wrapper, 'lesson-mnemonic', '[part="next"]');
      expect(stepTwo().getAttribute('aria-current')).to.equal('false');
      expectDistinct({ 'a coming step': coming, 'the current step': current, 'a finished step': forcedLook(stepTwo()) });
    });

    it('right and wrong answers, and missed words', async () => {
      /** The mark of an answer: its verdict word and icon (the statement around it differs from answer to answer). */
      const mark = (element: Element) =>
        JSON.stringify([
          visibleText(element.querySelector('strong, .verdict-label, .result') ?? element),
          [...element.querySelectorAll('svg')].map((svg) => svg.innerHTML),
        ]);
      const sortIt = async (choice: string) => {
        const wrapper = await sortItPractice('ltr');
        await press(wrapper, 'lesson-pros-cons', `[part~="choice"][data-choice="${choice}"]`);
        const look = forcedLook(shadowOf(wrapper, 'lesson-pros-cons').querySelector('[part~="feedback"]')!);
        wrapper.remove();
        return look;
      };
      expectDistinct({ 'a statement sorted right': await sortIt('pro'), 'a statement sorted wrong': await sortIt('con') });

      const results = scenes.find((scene) => scene.state === 'sort-it practice, results')!;
      const review = await results.mount('ltr');
      const reviewRoot = shadowOf(review, 'lesson-pros-cons');
      expectDistinct({
        'a right answer in the review': mark(reviewRoot.querySelector('.review-item.correct')!),
        'a wrong answer in the review': mark(reviewRoot.querySelector('.review-item.incorrect')!),
      });
      review.remove();

      const typed = async (text: string) => {
        const wrapper = await flashcards('ltr', { mode: 'type' });
        await typeAnswer(wrapper, text);
        const look = mark(shadowOf(wrapper, 'lesson-flashcards').querySelector('[part~="verdict"]')!);
        wrapper.remove();
        return look;
      };
      expectDistinct({ 'a card answered right': await typed('concurrency'), 'a card answered wrong': await typed('soup') });

      /** Step 1 of the rhyme's practice, answered by typing `text`. */
      const recalled = async (text: string) => {
        const wrapper = await practising('ltr', 'threading-rhyme');
        const field = shadowOf(wrapper, 'lesson-mnemonic').querySelector<HTMLTextAreaElement>('[part="input"]')!;
        field.value = text;
        await press(wrapper, 'lesson-mnemonic', '[part="check"]');
        const root = shadowOf(wrapper, 'lesson-mnemonic');
        const look = forcedLook(root.querySelector('[part="feedback"] .result')!);
        const missed = root.querySelector('[part="missed"]');
        const missedLook = missed && forcedLook(missed);
        const plainLook = missed && forcedLook(missed.parentElement!);
        wrapper.remove();
        return { look, missedLook, plainLook };
      };
      const rhyme = (await seed()).memoryAids!.find((aid) => aid.id === 'threading-rhyme');
      const right = await recalled(rhyme?.kind === 'rhyme' ? rhyme.lines.join('\n') : '');
      const wrong = await recalled('Threading is light');
      expectDistinct({ 'a text recalled': right.look, 'a text missed': wrong.look });
      expectDistinct({ 'a missed word': wrong.missedLook!, 'the words around it': wrong.plainLook! });
    });
  });

  describe('reflow at 320 px', () => {
    const tally = { scenes: 0, failures: 0 };
    before(() => setViewport({ width: 320, height: 640 }));
    after(async () => {
      await setViewport(WIDE);
      console.log(`reflow at 320 px: ${tally.scenes} states of ${elementCount} elements, ${tally.failures} with sideways scrolling or clipped content`);
    });

    for (const scene of scenes) {
      it(`no sideways scrolling, nothing cut off: ${title(scene)}`, async () => {
        const wrapper = await scene.mount('ltr');
        await nextFrame();
        finishAnimations();
        const problems = reflowProblems(wrapper);
        tally.scenes++;
        if (problems.length) tally.failures++;
        expect(problems).to.deep.equal([]);
      });
    }
  });

  describe('target size', () => {
    const tally = { scenes: 0, targets: 0, bySpacing: new Set<string>(), spaced: 0, inline: new Set<string>(), failures: 0 };
    after(async () => {
      await setViewport(WIDE);
      console.log(
        `target size: ${number(tally.targets)} target boxes measured in ${tally.scenes} states at 800 and 320 px, ${number(tally.targets - tally.spaced - tally.failures)} at least 24 × 24 px, ${tally.spaced} smaller with the spacing WCAG 2.5.8 allows (${[...tally.bySpacing].join('; ')}), ${tally.inline.size} kinds of inline target in running text exempt (${[...tally.inline].join(', ')}), ${tally.failures} failures`,
      );
    });

    for (const scene of scenes) {
      it(`at least 24 × 24 px, or spaced: ${title(scene)}`, async () => {
        await setViewport(WIDE);
        const wrapper = await scene.mount('ltr');
        const problems: string[] = [];
        for (const width of [800, 320]) {
          await setViewport({ width, height: 640 });
          await nextFrame();
          finishAnimations();
          const report = targetReport(wrapper);
          tally.targets += report.checked;
          tally.spaced += report.bySpacing.length;
          for (const spaced of report.bySpacing) tally.bySpacing.add(spaced);
          tally.failures += report.problems.length;
          for (const inline of report.inline) tally.inline.add(inline.replace(/ ".*"$/, ''));
          problems.push(...report.problems.map((problem) => `at ${width} px: ${problem}`));
        }
        tally.scenes++;
        expect(problems).to.deep.equal([]);
      });
    }
  });

  describe('right to left', () => {
    const tally = { scenes: 0, boxes: 0, arrows: 0, failures: 0 };
    after(() => {
      console.log(
        `right to left: ${tally.scenes} states of ${elementCount} elements mirrored, ${number(tally.boxes)} boxes compared, ${tally.arrows} direction icons turned, axe on each, ${tally.failures} failures`,
      );
    });

    for (const scene of scenes) {
      it(`lays out mirrored: ${title(scene)}`, async () => {
        const ltr = await scene.mount('ltr');
        const ltrBoxes = placements(ltr, 'ltr');
        const ltrArrows = (scene.arrows ?? []).map((selector) => arrowScale(ltr, scene, selector));
        const ltrPopover = popoverOffset(ltr, 'ltr');
        ltr.remove();

        const rtl = await scene.mount('rtl');
        const { compared, problems } = mirrorProblems(ltrBoxes, placements(rtl, 'rtl'));
        (scene.arrows ?? []).forEach((selector, index) => {
          const scale = arrowScale(rtl, scene, selector);
          if (Math.sign(scale) !== -Math.sign(ltrArrows[index]!)) problems.push(`${selector} points the same way in both directions`);
        });
        const rtlPopover = popoverOffset(rtl, 'rtl');
        if (ltrPopover !== undefined && Math.abs(ltrPopover - rtlPopover!) > 2) {
          problems.push(`the popover starts ${ltrPopover} px from its term's start edge in LTR, ${rtlPopover} px in RTL`);
        }
        tally.scenes++;
        tally.boxes += compared;
        tally.arrows += scene.arrows?.length ?? 0;
        tally.failures += problems.length;
        expect(problems).to.deep.equal([]);
        await expect(rtl).to.be.accessible();
      });
    }
  });
});

/** The horizontal scale of a direction icon: found in the scene's element, or an element nested in it. */
function arrowScale(wrapper: HTMLElement, scene: Scene, selector: string): number {
  const icon = shadowOf(wrapper, scene.element).querySelector(selector);
  if (!icon) throw new Error(`${scene.element}: no ${selector}`);
  return horizontalScale(icon);
}

/** How far an open popover starts from its trigger's start edge (left in LTR, right in RTL). */
function popoverOffset(wrapper: HTMLElement, dir: 'ltr' | 'rtl'): number | undefined {
  const term = wrapper.querySelector('lesson-term');
  const popover = term?.shadowRoot?.querySelector('[popover]:popover-open');
  if (!term || !popover) return undefined;
  const trigger = term.shadowRoot!.querySelector('[part~="trigger"]')!.getBoundingClientRect();
  const box = popover.getBoundingClientRect();
  return Math.round(dir === 'ltr' ? box.left - trigger.left : trigger.right - box.right);
}
