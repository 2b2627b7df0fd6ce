/**
 * The sections of a whole-lesson view, in reading order, and which of them
 * a lesson has. Pure data: the element renders them, tests read them.
 */
import type { Lesson } from '../../core/schema.js';
import type { UiStringKey } from '../../core/localize.js';

export const SECTION_NAMES = [
  'summaries',
  'dialogues',
  'pros-cons',
  'key-concepts',
  'examples',
  'memory-aids',
  'flashcards',
  'glossary',
  'links',
] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/** The UI string that titles each section. */
export const SECTION_TITLES: Record<SectionName, UiStringKey> = {
  summaries: 'viewSummaries',
  dialogues: 'viewDialogues',
  'pros-cons': 'viewProsCons',
  'key-concepts': 'viewKeyConcepts',
  examples: 'viewExamples',
  'memory-aids': 'viewMemoryAids',
  flashcards: 'viewFlashcards',
  glossary: 'viewGlossary',
  links: 'viewLinks',
};

/** Does the lesson have anything to show in this section? */
export function hasSection(lesson: Lesson, name: SectionName): boolean {
  switch (name) {
    case 'summaries':
      return Boolean(lesson.summaries?.quick || lesson.summaries?.standard || lesson.summaries?.detailed?.length);
    case 'dialogues':
      return Boolean(lesson.dialogues?.length);
    case 'pros-cons':
      return Boolean(lesson.prosCons?.length);
    case 'key-concepts':
      return Boolean(lesson.keyConcepts?.length);
    case 'examples':
      return Boolean(lesson.examples?.length);
    case 'memory-aids':
      return Boolean(lesson.memoryAids?.length);
    case 'flashcards':
      return Boolean(lesson.flashcards?.length || lesson.glossary?.length);
    case 'glossary':
      return Boolean(lesson.glossary?.length);
    case 'links':
      return Boolean(lesson.links?.length);
  }
}

/**
 * The sections to show: the author's choice and order (`"dialogues, flashcards"`),
 * or all in reading order; unknown names are reported, sections the lesson lacks are skipped.
 */
export function chooseSections(lesson: Lesson, attribute: string | undefined): { sections: SectionName[]; unknown: string[] } {
  const asked = (attribute ?? '')
    .split(/[\s,]+/)
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = asked.filter((name) => !(SECTION_NAMES as readonly string[]).includes(name));
  const names = (asked.length ? asked.filter((name) => !unknown.includes(name)) : [...SECTION_NAMES]) as SectionName[];
  return { sections: [...new Set(names)].filter((name) => hasSection(lesson, name)), unknown };
}

/**
 * The parts of a section whose completion counts: a practice or a player reports
 * `lesson-complete` for these ids; reading sections count once they have been seen.
 */
export function trackedParts(lesson: Lesson, name: SectionName): string[] {
  switch (name) {
    case 'dialogues':
      return (lesson.dialogues ?? []).map((dialogue) => dialogue.id);
    case 'pros-cons':
      return (lesson.prosCons ?? []).length ? ['pros-cons'] : [];
    case 'memory-aids':
      return (lesson.memoryAids ?? []).map((aid) => aid.id);
    default:
      return [name];
  }
}
