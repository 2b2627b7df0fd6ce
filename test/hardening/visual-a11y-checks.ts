/**
 * Measurements behind the visual accessibility suites (visual-a11y.test.ts): what a control
 * looks like in forced colours, target sizes (WCAG 2.5.8), reflow at 320 px (WCAG 1.4.10) and
 * right-to-left mirroring. Each check walks the rendered page through open shadow roots and
 * returns readable problems, so a failing test says which control failed and why.
 */
import { executeServerCommand } from '@web/test-runner-commands';

/** Turns Chromium's forced-colours emulation on or off (a server command: web-test-runner.config.mjs). */
export async function forcedColors(active: boolean): Promise<void> {
  await executeServerCommand('emulate-media-features', active ? [{ name: 'forced-colors', value: 'active' }] : []);
}

/** Everything a pointer or keyboard acts on. */
const CONTROL =
  'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="tab"], [role="link"], [role="checkbox"], [role="radio"], [role="switch"], [role="slider"], [role="option"]';

/** Every element below `root`, in document order, through open shadow roots. */
export function deepElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  const visit = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) {
      found.push(element);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(root);
  return found;
}

/** The parent in the flat tree: across a shadow root to its host. */
function parentOf(element: Element): Element | null {
  if (element.assignedSlot) return element.assignedSlot;
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** Clipped to nothing (`.visually-hidden`), itself or through an ancestor: there for screen readers only. */
export function visuallyHidden(element: Element): boolean {
  for (let node: Element | null = element; node; node = parentOf(node)) {
    const style = getComputedStyle(node);
    if (style.clip === 'rect(0px, 0px, 0px, 0px)') return true;
  }
  return false;
}

/**
 * On screen for a sighted reader: laid out, visible, not in a closed <details>, not a turned-away
 * card face, not visually hidden.
 */
export function seen(element: Element): boolean {
  if (element.getClientRects().length === 0) return false;
  if (!element.checkVisibility({ visibilityProperty: true })) return false;
  if (element.closest('[inert]')) return false;
  return !visuallyHidden(element);
}

/** The controls a sighted reader can see below `root`. */
export function controlsIn(root: ParentNode): HTMLElement[] {
  return deepElements(root).filter((element): element is HTMLElement => element.matches(CONTROL) && seen(element));
}

/** A short name for an element in messages: `<button part="next-button"> "Next"`; without its text with `withText` false. */
export function nameOf(element: Element, withText = true): string {
  const part = element.getAttribute('part');
  const role = element.getAttribute('role');
  const id = element.id;
  const label = withText ? (element.getAttribute('aria-label') ?? visibleText(element)).slice(0, 40) : '';
  const host = element.getRootNode() instanceof ShadowRoot ? `${(element.getRootNode() as ShadowRoot).host.localName} ` : '';
  return `${host}<${element.localName}${part ? ` part="${part}"` : ''}${role ? ` role="${role}"` : ''}${id ? ` id="${id}"` : ''}${element.classList.length ? ` class="${element.className}"` : ''}>${label ? ` "${label}"` : ''}`;
}

/** The text a sighted reader sees: without visually hidden helpers. */
export function visibleText(element: Element): string {
  let text = '';
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) text += child.textContent ?? '';
      else if (child instanceof Element && !child.classList.contains('visually-hidden') && getComputedStyle(child).display !== 'none') walk(child);
    }
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
  };
  walk(element);
  return text.replace(/\s+/g, ' ').trim();
}

const px = (value: string) => Number.parseFloat(value) || 0;
const SIDES = ['top', 'right', 'bottom', 'left'] as const;

/** Native widgets that paint their own frame in forced colours (a range's track and thumb, a checkbox). */
function nativeWidget(element: Element, style: CSSStyleDeclaration): boolean {
  return element instanceof HTMLInputElement && ['range', 'checkbox', 'radio'].includes(element.type) && style.appearance !== 'none';
}

const SYSTEM_COLORS = [
  'Canvas', 'CanvasText', 'LinkText', 'VisitedText', 'ActiveText', 'ButtonFace', 'ButtonText', 'ButtonBorder', 'Field', 'FieldText',
  'Highlight', 'HighlightText', 'SelectedItem', 'SelectedItemText', 'Mark', 'MarkText', 'GrayText', 'AccentColor', 'AccentColorText',
];

/** The colours of the reader's forced palette, as computed values (call while forced colours are on). */
export function systemPalette(): Set<string> {
  const probe = document.createElement('span');
  probe.style.forcedColorAdjust = 'none';
  document.body.append(probe);
  const palette = new Set<string>(['rgba(0, 0, 0, 0)']);
  for (const name of SYSTEM_COLORS) {
    probe.style.color = name;
    palette.add(getComputedStyle(probe).color);
  }
  probe.remove();
  return palette;
}

/** An opaque version of a computed colour: forced colours keep an author background's alpha. */
const opaque = (color: string) => color.replace(/^rgba\((\d+), (\d+), (\d+), [\d.]+\)$/, 'rgb($1, $2, $3)');

/**
 * Why `control` has no visible boundary in forced colours, or undefined: it needs a border or an
 * outline, or, for a link, an underline. A control that opts out of forced colours
 * (`forced-color-adjust: none`) must still paint with the reader's palette.
 */
export function boundaryProblem(control: HTMLElement, palette: ReadonlySet<string>): string | undefined {
  const style = getComputedStyle(control);
  const framed = SIDES.some(
    (side) => px(style.getPropertyValue(`border-${side}-width`)) > 0 && !['none', 'hidden'].includes(style.getPropertyValue(`border-${side}-style`)),
  );
  const outlined = style.outlineStyle !== 'none' && px(style.outlineWidth) > 0;
  // A link, or a control in running text drawn as one (a glossary term): the underline is its boundary.
  const underlined = (control.localName === 'a' || style.display.startsWith('inline')) && style.textDecorationLine.includes('underline');
  if (!framed && !outlined && !underlined && !nativeWidget(control, style)) return `${nameOf(control)} has no border, outline or underline`;
  if (style.forcedColorAdjust === 'none') {
    const colours = { color: style.color, background: style.backgroundColor, border: style.borderTopColor };
    for (const [what, colour] of Object.entries(colours)) {
      const inPalette = palette.has(colour) || palette.has(opaque(colour)) || [...palette].some((entry) => opaque(entry) === opaque(colour));
      if (!inPalette) return `${nameOf(control)} opts out of forced colours with a ${what} outside the reader's palette (${colour})`;
    }
  }
  return undefined;
}

/**
 * Why focus on `control` is not seen in forced colours, or undefined. Focuses it (and leaves it
 * focused); a disabled control takes no focus and is skipped.
 */
export function focusProblem(focused: HTMLElement): string | undefined {
  if (focused.matches(':disabled')) return undefined;
  // A glossary's link becomes a <lesson-term> when it takes focus: the focus is then on that term's button.
  const parent = focused.parentNode;
  const index = parent ? [...parent.childNodes].indexOf(focused) : -1;
  focused.focus({ preventScroll: true });
  let control = focused;
  if (!focused.isConnected && focused.hasAttribute('data-lesson-term')) {
    const term = parent?.childNodes[index] as Element | undefined;
    control = term?.shadowRoot?.querySelector<HTMLElement>('[part~="trigger"]') ?? focused;
  }
  const active = (control.getRootNode() as Document | ShadowRoot).activeElement;
  if (active !== control) return `${nameOf(control)} does not take focus`;
  if (!control.matches(':focus-visible')) return `${nameOf(control)} takes focus without :focus-visible`;
  const style = getComputedStyle(control);
  if (style.outlineStyle === 'none' || px(style.outlineWidth) < 2) {
    return `${nameOf(control)} shows focus with outline ${style.outlineStyle} ${style.outlineWidth}: not seen in forced colours`;
  }
  return undefined;
}

/**
 * What survives forced colours in how `element` looks: borders and outlines (style and width),
 * underlines, weight and style of type, the visible text and the icons (shape and turn). Colours
 * and backgrounds are left out: forced colours replace them.
 */
export function forcedLook(element: Element): string {
  const style = getComputedStyle(element);
  const frame = SIDES.map((side) => `${style.getPropertyValue(`border-${side}-style`)} ${style.getPropertyValue(`border-${side}-width`)}`);
  const icons = [...element.querySelectorAll('svg')]
    .filter((svg) => seen(svg))
    .map((svg) => {
      const icon = getComputedStyle(svg);
      return `${svg.innerHTML.replace(/<!--[^]*?-->/g, '')} ${icon.transform} ${icon.rotate} ${icon.scale}`;
    });
  return JSON.stringify({
    frame,
    outline: `${style.outlineStyle} ${style.outlineWidth}`,
    decoration: `${style.textDecorationLine} ${style.textDecorationStyle}`,
    type: `${style.fontWeight} ${style.fontStyle}`,
    text: visibleText(element),
    icons,
  });
}

/** WCAG 2.5.8's minimum: 24 by 24 CSS px, or that much room around a smaller target. */
const MINIMUM = 24;

export interface TargetReport {
  /** Targets measured. */
  checked: number;
  /** Of those, smaller than 24 by 24 but with the spacing WCAG 2.5.8 allows. */
  bySpacing: string[];
  /** Inline targets in running text (WCAG 2.5.8's inline exception), not measured. */
  inline: string[];
  problems: string[];
}

/** A link or inline term inside a sentence: WCAG 2.5.8 exempts targets whose size the line of text sets. */
function inlineInText(control: HTMLElement): boolean {
  // Chromium lays out an inline <button> (a glossary term's trigger) as inline-block.
  if (!['inline', 'inline-block'].includes(getComputedStyle(control).display)) return false;
  const host = control.getRootNode() instanceof ShadowRoot ? (control.getRootNode() as ShadowRoot).host : undefined;
  // A glossary term's trigger stands for its host <lesson-term>, which sits in the author's sentence.
  const inSentence = host?.localName === 'lesson-term' ? host : control;
  const block = parentOf(inSentence);
  return !!block && visibleText(block).length > visibleText(inSentence).length;
}

function distanceToRect(x: number, y: number, box: DOMRect): number {
  const dx = Math.max(box.left - x, 0, x - box.right);
  const dy = Math.max(box.top - y, 0, y - box.bottom);
  return Math.hypot(dx, dy);
}

/** Measures every target below `root` against WCAG 2.5.8 (target size, minimum). */
export function targetReport(root: ParentNode): TargetReport {
  const report: TargetReport = { checked: 0, bySpacing: [], inline: [], problems: [] };
  const targets = controlsIn(root).filter((control) => {
    if (!inlineInText(control)) return true;
    report.inline.push(nameOf(control));
    return false;
  });
  const boxes = targets.map((target) => target.getBoundingClientRect());
  const small = boxes.map((box) => box.width < MINIMUM - 0.01 || box.height < MINIMUM - 0.01);
  targets.forEach((target, index) => {
    report.checked++;
    if (!small[index]) return;
    const box = boxes[index]!;
    const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
    // The spacing exception: a 24 px circle on this target's centre meets no other target and no other small target's circle.
    const crowded = boxes.findIndex((other, otherIndex) => {
      if (otherIndex === index) return false;
      if (distanceToRect(x, y, other) < MINIMUM / 2) return true;
      return small[otherIndex] && Math.hypot(other.left + other.width / 2 - x, other.top + other.height / 2 - y) < MINIMUM;
    });
    if (crowded < 0) report.bySpacing.push(`${nameOf(target, false)} ${box.width.toFixed(0)} × ${box.height.toFixed(0)} px`);
    else {
      report.problems.push(
        `${nameOf(target)} is ${box.width.toFixed(1)} × ${box.height.toFixed(1)} px, within 12 px of ${nameOf(targets[crowded]!)}`,
      );
    }
  });
  return report;
}

/** Why `root` does not reflow in the current viewport, if it does not: sideways scrolling or clipped content. */
export function reflowProblems(root: ParentNode): string[] {
  const problems: string[] = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width) {
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in a ${width} px viewport`);
  }
  for (const element of deepElements(root)) {
    if (element.getClientRects().length === 0 || visuallyHidden(element)) continue;
    const style = getComputedStyle(element);
    if (style.display === 'contents' || style.visibility !== 'visible') continue;
    if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX) && element.scrollWidth > element.clientWidth + 1) {
      problems.push(`${nameOf(element)} cuts its content sideways: ${element.scrollWidth} px of content in ${element.clientWidth} px`);
    }
    const box = element.getBoundingClientRect();
    if (box.width > 0 && (box.left < -1 || box.right > width + 1)) {
      problems.push(`${nameOf(element)} reaches outside the viewport: ${box.left.toFixed(1)} to ${box.right.toFixed(1)} px of ${width}`);
    }
  }
  return problems;
}

/** A box laid out in the direction of the page, relative to the element that holds the scene. */
export interface Placement {
  name: string;
  /** The element without its text (a right-to-left page may word or order its text differently). */
  key: string;
  /** Laid out by a parent in the direction under test (not lesson text keeping its own direction). */
  follows: boolean;
  /** Distance from the container's start edge (left in LTR, right in RTL), top, width, height. */
  start: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The boxes below `container`: block-level boxes and flex or grid items, each marked with whether
 * its parent lays it out in the direction under test. Lesson text in its own direction (an
 * English sentence on a right-to-left page) keeps its order, so its inside is not compared.
 */
export function placements(container: HTMLElement, dir: 'ltr' | 'rtl'): Placement[] {
  const frame = container.getBoundingClientRect();
  const result: Placement[] = [];
  for (const element of deepElements(container)) {
    if (!seen(element)) continue;
    const style = getComputedStyle(element);
    // Inline boxes sit where the text's own direction puts them; a popover is placed against its
    // trigger, not the page (the suite compares it on its own).
    if (style.display.startsWith('inline') || style.display === 'contents' || element.closest('[popover]')) continue;
    const parent = parentOf(element);
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    result.push({
      name: nameOf(element),
      key: nameOf(element, false),
      follows: !!parent && getComputedStyle(parent).direction === dir,
      start: dir === 'ltr' ? box.left - frame.left : frame.right - box.right,
      top: box.top - frame.top,
      width: box.width,
      height: box.height,
    });
  }
  return result;
}

/**
 * Compares a scene laid out left to right with the same scene right to left: every box the
 * right-to-left page lays out must sit mirrored. Returns the problems and how many boxes were compared.
 */
export function mirrorProblems(ltr: Placement[], rtl: Placement[], tolerance = 2): { compared: number; problems: string[] } {
  const keys = (boxes: Placement[]) => boxes.map((box) => box.key).join('\n');
  if (keys(ltr) !== keys(rtl)) {
    const inRtl = new Set(rtl.map((box) => box.key));
    const missing = ltr.filter((box) => !inRtl.has(box.key)).map((box) => box.name);
    return { compared: 0, problems: [`the scene renders other boxes right to left (${ltr.length} LTR, ${rtl.length} RTL)${missing.length ? `; not in RTL: ${missing.slice(0, 3).join(', ')}` : ''}`] };
  }
  const problems: string[] = [];
  let compared = 0;
  ltr.forEach((box, index) => {
    const other = rtl[index]!;
    if (!other.follows) return;
    compared++;
    const off = (['start', 'top', 'width', 'height'] as const).filter((key) => Math.abs(box[key] - other[key]) > tolerance);
    if (off.length) {
      problems.push(
        `${box.name} is not mirrored: ${off.map((key) => `${key} ${box[key].toFixed(1)} in LTR, ${other[key].toFixed(1)} in RTL`).join(', ')}`,
      );
    }
  });
  return { compared, problems };
}

/** The horizontal scale an element is drawn with (its `transform` and `scale`): negative when mirrored. */
export function horizontalScale(element: Element): number {
  const style = getComputedStyle(element);
  const matrix = style.transform === 'none' ? 1 : new DOMMatrixReadOnly(style.transform).a;
  const scale = style.scale === 'none' ? 1 : Number.parseFloat(style.scale.split(' ')[0]!);
  return matrix * scale;
}

/** Ends every running animation and transition (in shadow roots too), so boxes are measured where they come to rest. */
export function finishAnimations(): void {
  const shadowRoots = deepElements(document).flatMap((element) => (element.shadowRoot ? [element.shadowRoot] : []));
  for (const animation of [document, ...shadowRoots].flatMap((root) => root.getAnimations())) {
    const end = animation.effect?.getComputedTiming().endTime;
    if (typeof end === 'number' && Number.isFinite(end)) animation.finish();
  }
}
