import { registerDefaultStrings } from '../../core/localize.js';

/** English UI strings of this element: the fallback for every key (other languages: src/core/locales). */
export const glossaryStrings = {
  termAliases: 'Also called:',
  termMore: 'More about {term}',
  termUnavailable: '(no definition available)',
  termNotFound: 'No glossary entry for "{term}"',
  termMissing: 'A <lesson-term> needs text or a term attribute to look up',
  glossaryFilterLabel: 'Filter terms',
  glossaryCount: '{count} of {total} terms',
  glossaryNoMatch: 'No terms match "{query}"',
  glossaryIndexLabel: 'Glossary: jump to a letter',
  glossaryListLabel: 'Glossary',
  glossaryOtherSymbols: 'Numbers and symbols',
  glossaryNotesTitle: 'Terms used in this text',
};

export type GlossaryStrings = typeof glossaryStrings;

declare module '../../core/localize.js' {
  interface UiStrings extends GlossaryStrings {}
}

registerDefaultStrings(glossaryStrings);
