/**
 * Finding glossary entries: by id, term or alias, case-insensitively, plus
 * the A to Z ordering, letter groups and filtering of the list view.
 * Plain logic (only `termKey` reads an element).
 */
import { cachedIntl } from '../../core/intl.js';
import { normalizeAnswer } from '../../core/match.js';
import { plainText } from '../../core/rich-text.js';
import type { GlossaryEntry } from '../../core/schema.js';

/** Folds a term for comparison: Unicode-normalized, lower case, single spaces, trimmed. */
export function normalizeTerm(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * What a `<lesson-term>` element names: its `term` attribute, or its own
 * text (an inline JSON script inside it is not part of the name).
 */
export function termKey(element: Element): string {
  const attribute = element.getAttribute('term');
  if (attribute) return attribute.trim();
  let text = '';
  for (const node of element.childNodes) {
    if (node.nodeType === 3) text += (node as Text).data;
    else if (node.nodeType === 1 && (node as Element).localName !== 'script') text += node.textContent ?? '';
  }
  return text.replace(/\s+/g, ' ').trim();
}

const indexes = new WeakMap<readonly GlossaryEntry[], Map<string, GlossaryEntry>>();

/** One map for every way of naming an entry. On a clash ids win over terms, terms over aliases, earlier over later. */
function indexOf(entries: readonly GlossaryEntry[]): Map<string, GlossaryEntry> {
  let index = indexes.get(entries);
  if (index) return index;
  index = new Map();
  const add = (key: string, entry: GlossaryEntry) => {
    const folded = normalizeTerm(key);
    if (folded && !index!.has(folded)) index!.set(folded, entry);
  };
  for (const entry of entries) add(entry.id, entry);
  for (const entry of entries) add(entry.term, entry);
  for (const entry of entries) for (const alias of entry.aliases ?? []) add(alias, entry);
  indexes.set(entries, index);
  return index;
}

/** The entry named by `key` (its id, its term or one of its aliases, in any case), if any. */
export function findEntry(entries: readonly GlossaryEntry[] | undefined, key: string): GlossaryEntry | undefined {
  if (!entries?.length) return undefined;
  return indexOf(entries).get(normalizeTerm(key));
}

/** A letter group of the A to Z list. */
export interface LetterGroup {
  /** The heading: an upper-case letter, or `#` for terms that start with a digit or a symbol. */
  letter: string;
  /** A stable, URL-safe key for the group's id. */
  key: string;
  entries: GlossaryEntry[];
}

/** The letter a term is filed under: its first letter without accents, upper case; `#` for anything else. */
export function letterOf(term: string, lang = 'en'): string {
  const first = term.trim().normalize('NFD').replace(/\p{M}+/gu, '').charAt(0);
  return /\p{L}/u.test(first) ? first.toLocaleUpperCase(lang) : '#';
}

/** The entries in the reader's alphabetical order (accents and case do not separate terms; "2" before "10"). */
export function sortEntries(entries: readonly GlossaryEntry[], lang = 'en'): GlossaryEntry[] {
  const collator = cachedIntl('collator', lang, (tag) => new Intl.Collator(tag, { sensitivity: 'base', numeric: true }));
  return [...entries].sort((a, b) => collator.compare(a.term, b.term) || collator.compare(a.id, b.id));
}

/** Sorted entries grouped by first letter; the `#` group (digits, symbols) comes first. */
export function groupByLetter(entries: readonly GlossaryEntry[], lang = 'en'): LetterGroup[] {
  const groups = new Map<string, LetterGroup>();
  for (const entry of sortEntries(entries, lang)) {
    const letter = letterOf(entry.term, lang);
    let group = groups.get(letter);
    if (!group) {
      group = { letter, key: letter === '#' ? 'symbols' : letter.toLowerCase(), entries: [] };
      groups.set(letter, group);
    }
    group.entries.push(entry);
  }
  const list = [...groups.values()];
  const symbols = list.findIndex((group) => group.letter === '#');
  if (symbols > 0) list.unshift(...list.splice(symbols, 1));
  return list;
}

const searchTexts = new WeakMap<GlossaryEntry, string>();

/**
 * The entries whose term, aliases or definition contain every word of
 * `query`, ignoring case, accents and punctuation. An empty query keeps all.
 */
export function filterEntries(entries: readonly GlossaryEntry[], query: string): GlossaryEntry[] {
  const words = normalizeAnswer(query).split(' ').filter(Boolean);
  if (!words.length) return [...entries];
  return entries.filter((entry) => {
    let text = searchTexts.get(entry);
    if (text === undefined) {
      text = ` ${normalizeAnswer([entry.term, ...(entry.aliases ?? []), plainText(entry.definition)].join(' '))} `;
      searchTexts.set(entry, text);
    }
    return words.every((word) => text.includes(word));
  });
}
