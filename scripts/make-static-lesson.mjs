// Writes bench/view-static.html: the seed lesson as plain static HTML with no script of
// its own (the floor that <lesson-view> is compared with in `npm run bench -- view`).
// Only a final inline line reports when the page has been laid out, as the view page does.
import { readFileSync, writeFileSync } from 'node:fs';

const lesson = JSON.parse(readFileSync(new URL('../demo/lessons/python-concurrency.json', import.meta.url), 'utf8'));
const esc = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const inline = (text) =>
  esc(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>');
const blocks = (items = []) =>
  items
    .map((block) =>
      typeof block === 'string'
        ? `<p>${inline(block)}</p>`
        : 'heading' in block
          ? `<h4>${esc(block.heading)}</h4>`
          : `<ul>${block.list.map((item) => (typeof item === 'string' ? `<li>${inline(item)}</li>` : `<li>${inline(item.text)}<ul>${item.list.map((sub) => `<li>${inline(sub)}</li>`).join('')}</ul></li>`)).join('')}</ul>`,
    )
    .join('\n');

const s = lesson.summaries ?? {};
const html = `<!doctype html>
<html lang="${lesson.lang}">
<head><meta charset="utf-8"><title>${esc(lesson.title)} (static)</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:60rem;margin:auto;padding:1rem}section{margin-block:2rem}</style>
</head>
<body>
<article>
<h2>${esc(lesson.title)}</h2>
<p>${inline(lesson.description ?? '')}</p>
<section id="summaries"><h3>Summary</h3><p>${inline(s.quick ?? '')}</p><p>${inline(s.standard ?? '')}</p>${blocks(s.detailed)}</section>
<section id="dialogues"><h3>Dialogues</h3>${(lesson.dialogues ?? [])
  .map((d) => {
    const names = Object.fromEntries(d.speakers.map((sp) => [sp.id, sp.name]));
    return `<h4>${esc(d.title)}</h4><ol>${d.lines.map((l) => `<li><strong>${esc(names[l.speaker])}</strong>: ${inline(l.text)}</li>`).join('')}</ol>`;
  })
  .join('\n')}</section>
<section id="pros-cons"><h3>Pros and cons</h3>${(lesson.prosCons ?? [])
  .map(
    (g) =>
      `<h4>${esc(g.subject)}</h4><h5>Pros</h5><ul>${g.pros.map((i) => `<li>${inline(i.text)}</li>`).join('')}</ul><h5>Cons</h5><ul>${g.cons.map((i) => `<li>${inline(i.text)}</li>`).join('')}</ul>${blocks(g.explanation)}${(g.analogies ?? []).map((a) => `<p>${inline(a.text)}</p>`).join('')}`,
  )
  .join('\n')}</section>
<section id="key-concepts"><h3>Key concepts</h3><dl>${(lesson.keyConcepts ?? []).map((k) => `<dt>${esc(k.title ?? '')}</dt><dd>${inline(k.text)}</dd>`).join('')}</dl></section>
<section id="examples"><h3>Examples</h3><ul>${(lesson.examples ?? []).map((e) => `<li>${inline(e.text)}</li>`).join('')}</ul></section>
<section id="memory-aids"><h3>Memory aids</h3>${(lesson.memoryAids ?? [])
  .map((a) => `<h4>${esc(a.title ?? a.kind)}</h4><p>${inline(a.lines?.join(' ') ?? a.text ?? a.letters?.map((l) => `${l.letter}: ${l.word}`).join(', ') ?? '')}</p>`)
  .join('\n')}</section>
<section id="flashcards"><h3>Flashcards</h3><dl>${(lesson.flashcards ?? []).map((c) => `<dt>${inline(c.front)}</dt><dd>${inline(c.back)}</dd>`).join('')}</dl></section>
<section id="glossary"><h3>Glossary</h3><dl>${(lesson.glossary ?? []).map((g) => `<dt>${esc(g.term)}</dt><dd>${inline(g.definition)}</dd>`).join('')}</dl></section>
<section id="links"><h3>Reference links</h3><ul>${(lesson.links ?? []).map((l) => `<li><a href="${esc(l.url)}">${esc(l.title)}</a></li>`).join('')}</ul></section>
</article>
<script>requestAnimationFrame(() => { window.tachometerResult = performance.now(); });</script>
</body>
</html>
`;
writeFileSync(new URL('../bench/view-static.html', import.meta.url), html);
console.log('wrote bench/view-static.html');
