/** Defines a tag once: a page that loads the library twice (a CDN copy and a bundle) must not throw. */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
