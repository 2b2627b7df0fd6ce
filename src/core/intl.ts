/**
 * One cache for `Intl` objects. Building a formatter, collator or segmenter
 * costs a few milliseconds on a phone, and elements format in every render;
 * and an unknown language tag (lesson data is written by hand) throws a
 * RangeError, which falls back to English here, once, for every caller.
 */
const cache = new Map<string, unknown>();

/**
 * The `Intl` object `create` builds for `lang`, made once per `kind` and language.
 * `kind` names the object and its options (e.g. `list-disjunction`).
 */
export function cachedIntl<T>(kind: string, lang: string | undefined, create: (lang: string | undefined) => T): T {
  const key = `${kind}\u0000${lang ?? ''}`;
  if (!cache.has(key)) {
    let value: T;
    try {
      value = create(lang || undefined);
    } catch {
      value = create('en');
    }
    cache.set(key, value);
  }
  return cache.get(key) as T;
}
