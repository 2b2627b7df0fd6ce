import type * as practiceView from './practice-view.js';

/**
 * How `<lesson-pros-cons>` loads its sort-it practice: with `import()`, so
 * bundlers put the practice (its logic, rendering and strings) in a chunk of
 * its own that only readers who practise download. An object, so tests can
 * stand in a slow or failing load.
 */
export type PracticeView = typeof practiceView;

export const practiceLoader = {
  load: (): Promise<PracticeView> => import('./practice-view.js'),
};
