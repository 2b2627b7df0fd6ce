/**
 * The deck: what a learner is asked, as plain data. Cards come from the
 * lesson's flashcards, from its glossary, or both; each card can be asked
 * front to back (`forward`), back to front (`reverse`), or both ways
 * (`mixed`). Each way is its own item: it is shown, scheduled and saved on
 * its own, as Anki does with reversed cards.
 */
import type { Lesson, LessonImage } from '../../core/schema.js';
import { shuffle } from '../../core/match.js';

export type Direction = 'forward' | 'reverse';
export type DirectionSetting = Direction | 'mixed';
export type DeckSource = 'flashcards' | 'glossary' | 'both';

/** A card in one direction: the unit a learner sees, grades and has saved. */
export interface DeckItem {
  /** The id of the flashcard or glossary entry. */
  id: string;
  direction: Direction;
  /** `card-gil:forward`: unique in a deck. */
  key: string;
  /** What is asked (rich text). */
  question: string;
  /** What is answered (rich text). */
  answer: string;
  /** Other answers accepted when typing the answer. */
  accept: readonly string[];
  /** Helps recall the answer; only for the way the author wrote it (forward). */
  hint?: string;
  /** The image goes with the card's front text, on whichever face shows it. */
  image?: LessonImage;
  imageOn?: 'question' | 'answer';
  questionAudio?: string;
  answerAudio?: string;
}

interface CardSource {
  id: string;
  front: string;
  back: string;
  hint?: string | undefined;
  /** Accepted answers for the back (forward direction). */
  acceptBack: readonly string[];
  /** Accepted answers for the front (reverse direction). */
  acceptFront: readonly string[];
  image?: LessonImage | undefined;
  audio?: { front?: string | undefined; back?: string | undefined } | undefined;
}

export interface DeckOptions {
  from?: DeckSource;
  direction?: DirectionSetting;
  /** Only these card ids, in this order. Unknown ids are reported in `unknown`. */
  only?: readonly string[];
  /** Shuffles with this random source (`Math.random` or a seeded one for tests). */
  random?: () => number;
}

export interface Deck {
  items: DeckItem[];
  /** Ids asked for in `only` that are not cards of this deck. */
  unknown: string[];
}

/** The cards of a lesson before directions are applied, in lesson order. */
function cardSources(lesson: Lesson, from: DeckSource): CardSource[] {
  const glossary = lesson.glossary ?? [];
  const termNames = (termId: string | undefined): string[] => {
    const entry = termId ? glossary.find((item) => item.id === termId) : undefined;
    return entry ? [entry.term, ...(entry.aliases ?? [])] : [];
  };
  const cards: CardSource[] = [];
  if (from !== 'glossary') {
    for (const card of lesson.flashcards ?? []) {
      cards.push({
        id: card.id,
        front: card.front,
        back: card.back,
        hint: card.hint,
        acceptBack: card.accept ?? [],
        // Asked back to front, the glossary term a card is about is a right answer, by any of its names.
        acceptFront: termNames(card.term),
        image: card.image,
        audio: card.audio,
      });
    }
  }
  if (from !== 'flashcards') {
    // A glossary entry that already has its own flashcard is not asked twice.
    const covered = new Set(from === 'both' ? (lesson.flashcards ?? []).map((card) => card.term) : []);
    for (const entry of glossary) {
      if (covered.has(entry.id)) continue;
      cards.push({
        id: entry.id,
        front: entry.term,
        back: entry.definition,
        acceptBack: [],
        acceptFront: entry.aliases ?? [],
      });
    }
  }
  return cards;
}

function item(card: CardSource, direction: Direction): DeckItem {
  const forward = direction === 'forward';
  const result: DeckItem = {
    id: card.id,
    direction,
    key: `${card.id}:${direction}`,
    question: forward ? card.front : card.back,
    answer: forward ? card.back : card.front,
    accept: forward ? card.acceptBack : card.acceptFront,
  };
  if (forward && card.hint) result.hint = card.hint;
  if (card.image) {
    result.image = card.image;
    result.imageOn = forward ? 'question' : 'answer';
  }
  const frontAudio = card.audio?.front;
  const backAudio = card.audio?.back;
  const questionAudio = forward ? frontAudio : backAudio;
  const answerAudio = forward ? backAudio : frontAudio;
  if (questionAudio) result.questionAudio = questionAudio;
  if (answerAudio) result.answerAudio = answerAudio;
  return result;
}

/**
 * Builds the deck. In `mixed`, every forward item comes first, then every
 * reverse one, so a card's two ways are never asked back to back (unless
 * shuffled, when they are apart on average).
 */
export function buildDeck(lesson: Lesson, options: DeckOptions = {}): Deck {
  const { from = 'flashcards', direction = 'forward', only, random } = options;
  let cards = cardSources(lesson, from);
  const unknown: string[] = [];
  if (only?.length) {
    const byId = new Map(cards.map((card) => [card.id, card]));
    cards = [];
    for (const id of only) {
      const card = byId.get(id);
      if (card) cards.push(card);
      else unknown.push(id);
    }
  }
  const directions: Direction[] = direction === 'mixed' ? ['forward', 'reverse'] : [direction];
  const items = directions.flatMap((way) => cards.map((card) => item(card, way)));
  return { items: random ? shuffle(items, random) : items, unknown };
}

/** Parses a `direction` attribute value; anything unknown is `forward`. */
export const toDirection = (value: string | null | undefined): DirectionSetting =>
  value === 'reverse' || value === 'mixed' ? value : 'forward';

/** Parses a `from` attribute value; anything unknown is `flashcards`. */
export const toDeckSource = (value: string | null | undefined): DeckSource =>
  value === 'glossary' || value === 'both' ? value : 'flashcards';
