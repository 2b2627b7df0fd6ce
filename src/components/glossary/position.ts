/**
 * Places a popover next to its anchor, inside the viewport.
 *
 * First choice: CSS anchor positioning (the styles anchor the popover below
 * the term and let the browser flip it). The trigger and the popover live in
 * the same shadow root, so the anchor resolves even when the term itself sits
 * in someone else's shadow root or in an iframe. Then we measure: if the
 * browser has no anchor positioning, or the result spills out of the viewport
 * (a term near the edge of a 320 px phone), `@floating-ui/dom` takes over.
 * It is loaded with `import()` the first time it is needed, so it is a
 * separate chunk that most readers never download.
 */
import type * as FloatingUiModule from '@floating-ui/dom';
import type { ComputePositionReturn } from '@floating-ui/dom';

export interface PlaceOptions {
  /** Space between the anchor and the popover, in CSS px. */
  gap?: number;
  /** The least space kept between the popover and the viewport's edges, in CSS px. */
  padding?: number;
  /** Skip CSS anchor positioning and measure with Floating UI (tests use it to check the fallback). */
  strategy?: 'auto' | 'floating';
}

export interface Placement {
  /** Which mechanism placed the popover. */
  strategy: 'css' | 'floating';
  /** Which side of the anchor the popover ended up on. */
  side: 'top' | 'bottom' | 'left' | 'right';
  /** Stops following the anchor (scroll, resize); call when the popover closes. */
  stop: () => void;
}

/** The class the styles use to turn CSS anchor positioning off while Floating UI places the popover. */
export const FLOATING_CLASS = 'floating';

type FloatingUi = typeof FloatingUiModule;
let floatingUi: Promise<FloatingUi> | undefined;

/** Loads `@floating-ui/dom` once, lazily. */
export function loadFloatingUi(): Promise<FloatingUi> {
  floatingUi ??= import('@floating-ui/dom');
  return floatingUi;
}

/** Does this window's CSS support anchor positioning with `position-area`? */
export function supportsAnchorPositioning(win: Window | null): boolean {
  const css = (win as (Window & typeof globalThis) | null)?.CSS;
  return !!css?.supports?.('position-area', 'bottom') && css.supports('anchor-name', '--a');
}

/** The part of the window the popover must stay in: its visual viewport, or the layout viewport. */
function viewportOf(element: Element) {
  const doc = element.ownerDocument;
  const win = doc.defaultView;
  const visual = win?.visualViewport;
  const width = doc.documentElement.clientWidth || win?.innerWidth || 0;
  const height = doc.documentElement.clientHeight || win?.innerHeight || 0;
  return {
    left: visual?.offsetLeft ?? 0,
    top: visual?.offsetTop ?? 0,
    right: (visual?.offsetLeft ?? 0) + Math.min(width, visual?.width ?? width),
    bottom: (visual?.offsetTop ?? 0) + Math.min(height, visual?.height ?? height),
  };
}

/** Which side of the anchor a placed popover is on. */
function sideOf(anchor: DOMRect, floating: DOMRect): Placement['side'] {
  if (floating.top >= anchor.bottom - 1) return 'bottom';
  if (floating.bottom <= anchor.top + 1) return 'top';
  return floating.left >= anchor.right - 1 ? 'right' : 'left';
}

/** Is `floating` fully inside the viewport (less `padding`), and beside its anchor rather than over it? */
export function fitsViewport(anchor: Element, floating: Element, padding = 0): boolean {
  const box = floating.getBoundingClientRect();
  const view = viewportOf(floating);
  const tolerance = 0.5;
  const inside =
    box.width > 0 &&
    box.left >= view.left + padding - tolerance &&
    box.top >= view.top + padding - tolerance &&
    box.right <= view.right - padding + tolerance &&
    box.bottom <= view.bottom - padding + tolerance;
  if (!inside) return false;
  const target = anchor.getBoundingClientRect();
  const overlaps =
    box.left < target.right - tolerance &&
    box.right > target.left + tolerance &&
    box.top < target.bottom - tolerance &&
    box.bottom > target.top + tolerance;
  return !overlaps;
}

/** Places `floating` with Floating UI: below the anchor, flipped above and shifted sideways as needed. */
async function placeWithFloatingUi(anchor: HTMLElement, floating: HTMLElement, gap: number, padding: number): Promise<Placement> {
  const { computePosition, autoUpdate, offset, inline, flip, shift, size } = await loadFloatingUi();
  floating.classList.add(FLOATING_CLASS);
  let result: ComputePositionReturn | undefined;
  const update = async () => {
    result = await computePosition(anchor, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(gap),
        inline(),
        flip({ padding, fallbackAxisSideDirection: 'none' }),
        shift({ padding }),
        size({
          padding,
          apply({ availableWidth, availableHeight, elements }) {
            elements.floating.style.maxWidth = `${Math.max(0, availableWidth)}px`;
            elements.floating.style.maxHeight = `${Math.max(0, availableHeight)}px`;
          },
        }),
      ],
    });
    floating.style.left = `${result.x}px`;
    floating.style.top = `${result.y}px`;
  };
  await update();
  const stop = autoUpdate(anchor, floating, () => void update());
  const placed = result?.placement ?? 'bottom';
  const side = placed.split('-')[0] as Placement['side'];
  return { strategy: 'floating', side, stop };
}

/** Clears what Floating UI set, so CSS anchor positioning applies again. */
function reset(floating: HTMLElement) {
  floating.classList.remove(FLOATING_CLASS);
  for (const property of ['left', 'top', 'max-width', 'max-height']) floating.style.removeProperty(property);
}

/**
 * Places an open popover (`floating`) next to `anchor`, inside the
 * viewport. Resolves once it is in place.
 */
export async function placePopover(anchor: HTMLElement, floating: HTMLElement, options: PlaceOptions = {}): Promise<Placement> {
  const gap = options.gap ?? 6;
  const padding = options.padding ?? 8;
  reset(floating);
  if (options.strategy !== 'floating' && supportsAnchorPositioning(floating.ownerDocument.defaultView)) {
    if (fitsViewport(anchor, floating, padding)) {
      return { strategy: 'css', side: sideOf(anchor.getBoundingClientRect(), floating.getBoundingClientRect()), stop: () => {} };
    }
  }
  return placeWithFloatingUi(anchor, floating, gap, padding);
}
