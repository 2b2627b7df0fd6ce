// Shared by the bench/dialogue-*.html pages: a generated long dialogue and a frame wait.

const speakers = [
  { id: 'teacher', name: 'Teacher', role: 'instructor' },
  ...[1, 2, 3, 4].map((n) => ({ id: `s${n}`, name: `Student ${n}`, role: 'student' })),
];

/** A valid lesson with one dialogue of `count` lines: a teacher asking, students answering, with inline markup. */
export function bigDialogue(count) {
  return {
    formatVersion: 1,
    id: 'bench-dialogue',
    title: 'A long dialogue',
    lang: 'en',
    dialogues: [
      {
        id: 'long',
        title: `A dialogue of ${count} lines`,
        speakers,
        lines: Array.from({ length: count }, (_, i) => {
          const teacher = i % 2 === 0;
          return {
            id: `line-${i + 1}`,
            speaker: teacher ? 'teacher' : `s${(Math.floor(i / 2) % 4) + 1}`,
            text: teacher
              ? `Question ${i / 2 + 1}: why would you pick *threads* over processes for task ${i}?`
              : `Because task ${i - 1} waits on **I/O**, and \`threading\` lets another thread run meanwhile.`,
          };
        }),
      },
    ],
  };
}

export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
