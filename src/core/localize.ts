/**
 * UI strings. English is built in and is the fallback for every key; Spanish
 * ships too. A page can add a language or override any string:
 *
 *   import { registerTranslation } from 'lesson-elements';
 *   registerTranslation('en', { next: 'Continue' });
 *
 * or per element: `el.strings = { next: 'Continue' }`.
 */
import { en, type CoreStrings } from './locales/en.js';

/**
 * Every UI string key. Each element adds its own keys from its `strings.ts`
 * (declaration merging), so a bundle of one element carries only its strings.
 */
export interface UiStrings extends CoreStrings {}
export type UiStringKey = keyof UiStrings;

/** English, the fallback of every key: the shared strings plus each loaded element's. */
const defaults: Record<string, string> = { ...en };
const translations = new Map<string, Partial<UiStrings>>();

/** Adds an element's English strings to the fallback layer (page overrides still win). */
export function registerDefaultStrings(strings: Record<string, string>): void {
  Object.assign(defaults, strings);
}

/**
 * Built-in languages besides English are loaded when a page first needs
 * them, so an English page never downloads Spanish strings.
 */
const builtIn: Record<string, () => Promise<Partial<UiStrings>>> = {
  es: () => import('./locales/es.js').then((module) => module.es),
};
/** Per built-in language: the load under way, or `true` once settled (loaded, or failed and falling back to English). */
const loaded = new Map<string, Promise<void> | true>();

/**
 * Starts loading a built-in language if `lang` needs one. Returns a promise
 * while strings are still on their way, undefined when nothing is to wait for.
 */
export function ensureTranslation(lang: string): Promise<void> | undefined {
  const base = lang.toLowerCase().split('-')[0] ?? 'en';
  const load = builtIn[base];
  const state = loaded.get(base);
  if (!load || state === true) return undefined;
  if (state) return state;
  const pending = load()
    .then(
      // A page's own overrides, registered before the built-in strings arrived, keep precedence.
      (strings) => registerTranslation(base, { ...strings, ...translations.get(base) }),
      (error: unknown) => console.error(`lesson-elements: the "${base}" UI strings could not be loaded`, error),
    )
    .finally(() => loaded.set(base, true));
  loaded.set(base, pending);
  return pending;
}
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
    overrides?.[key] ?? translations.get(exact)?.[key] ?? translations.get(base)?.[key] ?? defaults[key] ?? key;
  return format(template, params);
}
