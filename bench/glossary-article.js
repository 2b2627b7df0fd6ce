// The input of the glossary benchmarks, built in the page: a 500-term glossary and a 50,000-word
// article (50 sections of 10 paragraphs of 100 words; one word in 40 is a glossary term, some of them
// multi-word, some aliases). A fixed seed makes every sample link the same article.

export const TERMS = 500;
const SECTIONS = 50;
const PARAGRAPHS = 10;
const WORDS = 100;

const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'zen', 'dra', 'pho', 'qua', 'bel', 'cor', 'fin', 'gus', 'hal', 'jet', 'mor', 'nix'];
const word = (i) => syllables[i % 20] + syllables[Math.floor(i / 20) % 20] + syllables[Math.floor(i / 400) % 20] + 'ic';

/** A valid lesson whose glossary has `TERMS` entries: every fifth term has two words, every tenth an alias. */
export function makeLesson() {
  const glossary = Array.from({ length: TERMS }, (_, i) => ({
    id: `term-${i}`,
    term: i % 5 === 0 ? `${word(i)} ${word(i + 7)}` : word(i),
    ...(i % 10 === 0 ? { aliases: [`${word(i).slice(0, 3).toUpperCase()}${i}`] } : {}),
    definition: `The definition of term number ${i}, with *some* **markup**.`,
  }));
  return { formatVersion: 1, id: 'bench-glossary', title: 'A big glossary', lang: 'en', glossary };
}

/** The article as DOM (not yet in the document), and its word count. */
export function makeArticle(lesson) {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = (list) => list[Math.floor(random() * list.length)];
  const filler = 'the of and to in is that for it as with was on be by this are from at or an which have not one had but they were all there when we can more its also into has than other some time only these may then first like'.split(' ');
  const names = lesson.glossary.flatMap((entry) => [entry.term, ...(entry.aliases ?? [])]);
  const article = document.createElement('article');
  let words = 0;
  for (let s = 0; s < SECTIONS; s++) {
    const section = document.createElement('section');
    const heading = document.createElement('h2');
    heading.textContent = `Section ${s + 1}`;
    section.append(heading);
    for (let p = 0; p < PARAGRAPHS; p++) {
      const paragraph = document.createElement('p');
      const text = [];
      for (let w = 0; w < WORDS; w++) text.push(random() < 1 / 40 ? pick(names) : pick(filler));
      words += text.length;
      paragraph.textContent = `${text.join(' ')}.`;
      section.append(paragraph);
    }
    article.append(section);
  }
  return { article, words };
}

export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** The lesson and its article, laid out in the page, once a fresh task has begun: start the clock next. */
export async function placeArticle() {
  const lesson = makeLesson();
  const { article, words } = makeArticle(lesson);
  document.body.append(article);
  await nextFrame();
  document.body.offsetHeight;
  await new Promise((resolve) => setTimeout(resolve));
  return { lesson, article, words };
}
