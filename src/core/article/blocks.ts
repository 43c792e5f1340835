import { safeHref } from './safe-href.js';

/**
 * An article body (plain text: paragraphs apart by blank lines, list items one a line, links as
 * bare https URLs or [text](href)) as typed blocks an element renders with templates, never as
 * HTML. Markup in the text stays text; a link whose address safeHref refuses stays text too.
 */
export type Inline = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

export interface ListItem {
  content: Inline[];
  /** A list nested under this item (indented lines). */
  children?: ListBlock;
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  items: ListItem[];
}

export interface ParagraphBlock {
  kind: 'paragraph';
  content: Inline[];
}

export type Block = ParagraphBlock | ListBlock;

const ITEM = /^(\s*)(?:([-•–—*])|(\d{1,3})[.)])\s+(.*)$/;
const LINK = /\[([^\]\n]+)\]\(([^)\s]+)\)|https?:\/\/[^\s<>"«»]+/g;

export function parseInline(text: string, origin: string): Inline[] {
  const out: Inline[] = [];
  const pushText = (t: string) => {
    if (!t) return;
    const last = out.at(-1);
    if (last?.kind === 'text') last.text += t;
    else out.push({ kind: 'text', text: t });
  };
  let at = 0;
  for (const m of text.matchAll(LINK)) {
    let whole = m[0];
    // A bare address ends before the sentence's closing punctuation.
    if (!m[1]) whole = whole.replace(/[.,;:!?)]+$/, '');
    pushText(text.slice(at, m.index));
    const href = safeHref(m[2] ?? whole, origin);
    if (href) out.push({ kind: 'link', text: m[1] ?? whole, href });
    else pushText(whole);
    at = m.index + whole.length;
  }
  pushText(text.slice(at));
  return out;
}

export function parseArticleBody(body: string, origin: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  // Open lists by depth: [0] the top level, [1] nested in its last item.
  let lists: ListBlock[] = [];
  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', content: parseInline(paragraph.join(' '), origin) });
    paragraph = [];
  };
  for (const line of body.split(/\r?\n/)) {
    const item = ITEM.exec(line);
    if (!line.trim()) {
      flushParagraph();
      lists = [];
      continue;
    }
    if (!item) {
      lists = [];
      paragraph.push(line.trim());
      continue;
    }
    flushParagraph();
    const ordered = item[3] !== undefined;
    const depth = Math.min(item[1]!.length >= 2 ? 1 : 0, lists.length);
    lists.length = depth + 1;
    let list = lists[depth];
    if (!list || list.ordered !== ordered) {
      list = { kind: 'list', ordered, items: [] };
      if (depth === 0) blocks.push(list);
      else {
        const parent = lists[0]!.items.at(-1)!;
        parent.children = list;
      }
      lists[depth] = list;
    }
    list.items.push({ content: parseInline(item[4]!, origin) });
  }
  flushParagraph();
  return blocks;
}
