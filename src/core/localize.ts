/**
 * UI strings. English is built in and is the fallback for every key; Spanish
 * ships too. A page can add a language or override any string:
 *
 *   import { registerTranslation } from 'lesson-elements';
 *   registerTranslation('en', { next: 'Continue' });
 *
 * or per element: `el.strings = { next: 'Continue' }`.
 */
import { en, type UiStrings } from './locales/en.js';
import { es } from './locales/es.js';

export type { UiStrings };
export type UiStringKey = keyof UiStrings;

const translations = new Map<string, Partial<UiStrings>>([
  ['en', en],
  ['es', es],
]);
const listeners = new Set<() => void>();

/** Adds or overrides UI strings for a language (`"es"`, `"pt-BR"`); elements re-render. */
export function registerTranslation(lang: string, strings: Partial<UiStrings>): void {
  const key = lang.toLowerCase();
  translations.set(key, { ...translations.get(key), ...strings });
  for (const listener of listeners) listener();
}

/** Lets elements re-render when translations change. Returns an unsubscribe function. */
export function onTranslationsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Fills `{name}` placeholders. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * Looks up a UI string: element overrides, then the exact language
 * (`pt-br`), then its base (`pt`), then English.
 */
export function translate(
  lang: string,
  key: UiStringKey,
  params?: Record<string, string | number>,
  overrides?: Partial<UiStrings>,
): string {
  const exact = lang.toLowerCase();
  const base = exact.split('-')[0] ?? 'en';
  const template =
    overrides?.[key] ?? translations.get(exact)?.[key] ?? translations.get(base)?.[key] ?? en[key];
  return format(template, params);
}
