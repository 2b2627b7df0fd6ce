/**
 * The lesson's inline markup subset, rendered with Lit templates.
 *
 * Supported: *emphasis*, **strong**, `code`, [text](url). Everything else,
 * raw HTML included, is text: Lit escapes it, nothing is parsed as HTML.
 * Links keep their href only when it is http(s), mailto or relative; a
 * relative one leads where the lesson file says (see `lessonHref`).
 */
import { html, nothing, type AttributePart, type TemplateResult } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import { LessonElement } from './lesson-element.js';
import { SAFE_URL, type Blocks } from './schema.js';

export type InlineNode =
  | { type: 'text'; text: string }
  | { type: 'em' | 'strong'; children: InlineNode[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: InlineNode[] };

// One alternation, tried left to right: code first (its content is literal), then links, strong, emphasis.
// A link's text and URL stop at the next "[": otherwise each "[" of "[a](b[a](b…" would scan to the end of
// the line, and a long hostile line would take quadratic time.
const TOKEN = /`([^`]+)`|\[([^[\]]+)\]\(([^)\s[]+)\)|\*\*(.+?)\*\*|\*([^*\s](?:[^*]*[^*\s])?)\*/g;

/** Parses inline markup into a small tree; unmatched markers stay as text. */
export function parseInline(source: string): InlineNode[] {
  const nodes: InlineNode[] = [];
  let last = 0;
  for (const match of source.matchAll(TOKEN)) {
    const index = match.index ?? 0;
    if (index > last) nodes.push({ type: 'text', text: source.slice(last, index) });
    const [, code, linkText, href, strong, em] = match;
    if (code !== undefined) nodes.push({ type: 'code', text: code });
    else if (linkText !== undefined && href !== undefined) nodes.push({ type: 'link', href, children: parseInline(linkText) });
    else if (strong !== undefined) nodes.push({ type: 'strong', children: parseInline(strong) });
    else if (em !== undefined) nodes.push({ type: 'em', children: parseInline(em) });
    last = index + match[0].length;
  }
  if (last < source.length) nodes.push({ type: 'text', text: source.slice(last) });
  return nodes;
}

/** Is this URL safe to put in an href or src? */
export const isSafeUrl = (url: string): boolean => SAFE_URL.test(url.trim());

/**
 * A link's href. A relative URL resolves against the lesson file of the
 * element rendering it, as the lesson's images, audio and reference links do:
 * a lesson fetched from `/lessons/` links to its neighbours there, whatever
 * page shows it. `#id` stays a link within the page.
 */
class LessonHref extends Directive {
  render(href: string): string {
    return href;
  }

  override update(part: AttributePart, [href]: [string]): string {
    return LessonElement.resolveHrefOf(part.options?.host, href);
  }
}
const lessonHref = directive(LessonHref);

function renderNodes(nodes: InlineNode[]): unknown[] {
  return nodes.map((node) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'code':
        return html`<code>${node.text}</code>`;
      case 'em':
        return html`<em>${renderNodes(node.children)}</em>`;
      case 'strong':
        return html`<strong>${renderNodes(node.children)}</strong>`;
      case 'link':
        return isSafeUrl(node.href)
          ? html`<a href=${lessonHref(node.href)} part="link">${renderNodes(node.children)}</a>`
          : renderNodes(node.children);
    }
  });
}

/** Renders lesson rich text as a Lit template (never innerHTML). */
export function richText(source: string | undefined): unknown {
  return source ? renderNodes(parseInline(source)) : nothing;
}

/** The plain text of rich text: for speech, search, answer matching and aria labels. */
export function plainText(source: string): string {
  const flatten = (nodes: InlineNode[]): string =>
    nodes.map((node) => ('children' in node ? flatten(node.children) : node.text)).join('');
  return flatten(parseInline(source));
}

/** Renders block content: paragraphs, headings (at `headingLevel`) and two-level lists. */
export function renderBlocks(blocks: Blocks | undefined, headingLevel = 4): TemplateResult | typeof nothing {
  if (!blocks?.length) return nothing;
  const level = Math.min(Math.max(headingLevel, 1), 6);
  return html`${blocks.map((block) => {
    if (typeof block === 'string') return html`<p>${richText(block)}</p>`;
    if ('heading' in block) return html`<div role="heading" aria-level=${level} class="heading">${block.heading}</div>`;
    return html`<ul>
      ${block.list.map((item) =>
        typeof item === 'string'
          ? html`<li>${richText(item)}</li>`
          : html`<li>${richText(item.text)}<ul>${item.list.map((sub) => html`<li>${richText(sub)}</li>`)}</ul></li>`,
      )}
    </ul>`;
  })}`;
}
