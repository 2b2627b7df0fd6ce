/**
 * A keyboard-only learner for tests: real key presses through `sendKeys`
 * (trusted events; the browser moves focus), a count of them, and a watch
 * for pointer events that must never come.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

/** Events a pointer makes. A click with `detail` 0 is a button activated by Enter or Space, so it does not count. */
const POINTER_EVENTS = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'touchstart', 'touchend', 'click'] as const;

/** The element that really has focus: `document.activeElement`, followed into each shadow root. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A short description of a focused element, for failure messages. */
function describeFocus(node: Element | null): string {
  if (!node) return 'nothing';
  const part = node.getAttribute('part');
  const name = (node.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  return `<${node.localName}${node.id ? `#${node.id}` : ''}${part ? ` part="${part}"` : ''}> "${name}"`;
}

export class Keyboard {
  /** Keys pressed (a chord such as Shift+Tab is one press; typed text is one per character). */
  presses = 0;
  /** Pointer events seen since this keyboard was made. */
  readonly pointerEvents: string[] = [];

  private readonly record = (event: Event) => {
    if (event.type === 'click' && (event as MouseEvent).detail === 0) return;
    this.pointerEvents.push(`${event.type} on ${describeFocus(event.composedPath()[0] as Element)}`);
  };

  constructor() {
    for (const type of POINTER_EVENTS) window.addEventListener(type, this.record, true);
  }

  stop(): void {
    for (const type of POINTER_EVENTS) window.removeEventListener(type, this.record, true);
  }

  expectNoPointerEvents(): void {
    expect(this.pointerEvents, 'pointer events during a keyboard-only task').to.deep.equal([]);
  }

  /** One key: `Tab`, `Enter`, `Escape`, `ArrowRight`, `Home`, `' '` for Space, `'4'`… */
  async press(key: string): Promise<void> {
    this.presses++;
    await sendKeys({ press: key === ' ' ? 'Space' : key });
  }

  /** Presses `key`, lets `el` render, and returns the element that has focus then. */
  async pressIn(el: { updateComplete: Promise<unknown> }, key: string): Promise<Element | null> {
    await this.press(key);
    await el.updateComplete;
    return deepActive();
  }

  /** A key with a modifier held: `chord('Shift', 'Tab')`, `chord('Control', 'Enter')`. */
  async chord(modifier: 'Shift' | 'Control' | 'Alt', key: string): Promise<void> {
    this.presses++;
    await sendKeys({ down: modifier });
    try {
      await sendKeys({ press: key });
    } finally {
      await sendKeys({ up: modifier });
    }
  }

  /** Types text into the focused field, one key per character (`\n` is Enter). */
  async type(text: string): Promise<void> {
    this.presses += [...text].length;
    await sendKeys({ type: text });
  }

  /**
   * Presses Tab (or Shift+Tab, `back`) until focus is on what `matches`
   * accepts, as a learner looking for a control would; fails after `max` presses.
   */
  async tabTo(matches: (node: Element | null) => boolean, what: string, { back = false, max = 60 } = {}): Promise<void> {
    const seen: string[] = [];
    for (let count = 0; count <= max; count++) {
      const active = deepActive();
      if (matches(active)) return;
      seen.push(describeFocus(active));
      if (back) await this.chord('Shift', 'Tab');
      else await this.press('Tab');
    }
    expect.fail(`${what} was not reached with ${back ? 'Shift+Tab' : 'Tab'} in ${max} presses; focus went: ${seen.join(' → ')}`);
  }
}
