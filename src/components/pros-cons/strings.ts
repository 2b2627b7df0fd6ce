import { registerDefaultStrings } from '../../core/localize.js';
import type { prosConsPracticeStrings } from './practice-strings.js';

/**
 * English UI strings of this element: the fallback for every key (other languages: src/core/locales).
 * The sort-it practice's own strings load with it, from `practice-strings.ts`.
 */
export const prosConsStrings = {
  prosConsPro: 'Pro',
  prosConsCon: 'Con',
  prosConsNone: 'None listed',
  prosConsExplanation: 'Explanation',
  prosConsExamples: 'Examples',
  prosConsAnalogies: 'Analogies',
  prosConsCompareTitle: '{subjects} compared',
  prosConsAspect: 'Aspect',
  prosConsOtherPros: 'Other pros',
  prosConsOtherCons: 'Other cons',
  prosConsNotMentioned: 'Not mentioned',
  prosConsMoreAbout: 'More about {subject}',
  prosConsPracticeFailed: 'The practice could not be loaded. Check your connection and try again.',
};

export type ProsConsStrings = typeof prosConsStrings & typeof prosConsPracticeStrings;

declare module '../../core/localize.js' {
  interface UiStrings extends ProsConsStrings {}
}

registerDefaultStrings(prosConsStrings);
