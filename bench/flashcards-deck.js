// Shared by the bench/flashcards-*.html pages: a generated deck and a frame wait.

/** A valid lesson with `count` flashcards, each with rich text, a hint and an accepted answer. */
export function bigLesson(count) {
  return {
    formatVersion: 1,
    id: 'bench-deck',
    title: 'A big deck',
    lang: 'en',
    flashcards: Array.from({ length: count }, (_, i) => ({
      id: `card-${i}`,
      front: `Question number **${i}**: what is ${i} squared?`,
      back: `It is \`${i * i}\`.`,
      hint: `Multiply ${i} by itself.`,
      accept: [String(i * i)],
    })),
  };
}

export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
