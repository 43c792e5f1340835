import { html, type TemplateResult } from 'lit';
import type { Block, Inline, ListBlock } from '../../core/article/blocks.js';

function inline(parts: Inline[]): (string | TemplateResult)[] {
  // Text bindings only: markup in an article stays visible text. Hrefs passed safeHref (https: or this origin).
  return parts.map((part) => (part.kind === 'link' ? html`<a href=${part.href} rel="noopener noreferrer">${part.text}</a>` : part.text));
}

function list(block: ListBlock): TemplateResult {
  const items = block.items.map((item) => html`<li>${inline(item.content)}${item.children ? list(item.children) : ''}</li>`);
  return block.ordered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
}

/** An article body's blocks as paragraphs, lists and safe links: templates, never innerHTML. */
export function renderBlocks(blocks: Block[]): TemplateResult[] {
  return blocks.map((block) => (block.kind === 'paragraph' ? html`<p>${inline(block.content)}</p>` : list(block)));
}
