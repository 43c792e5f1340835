import { expect } from '@open-wc/testing';
import { parseArticleBody, parseInline, type Block, type Inline } from '../../src/core/article/blocks.js';
import { safeHref } from '../../src/core/article/safe-href.js';

const ORIGIN = 'https://portal.example';

function links(blocks: Block[]): Inline[] {
  const out: Inline[] = [];
  const walk = (content: Inline[]) => out.push(...content.filter((i) => i.kind === 'link'));
  for (const block of blocks) {
    if (block.kind === 'paragraph') walk(block.content);
    else
      for (const item of block.items) {
        walk(item.content);
        item.children?.items.forEach((c) => walk(c.content));
      }
  }
  return out;
}

const text = (content: Inline[]) => content.map((i) => i.text).join('');

describe('Article body → typed blocks', () => {
  it('makes paragraphs, bullet and numbered lists, nested items', () => {
    const blocks = parseArticleBody('Первый абзац.\n\nОсновные причины:\n- кэш;\n- куки.\n\n1. Позвонить.\n2. Указать:\n  - дату;\n  - номер.\nПосле списка.', ORIGIN);
    expect(blocks.map((b) => b.kind)).to.deep.equal(['paragraph', 'paragraph', 'list', 'list', 'paragraph']);
    const [, , bullets, numbered] = blocks as [Block, Block, Block & { kind: 'list' }, Block & { kind: 'list' }];
    expect(bullets.ordered).to.equal(false);
    expect(bullets.items.map((i) => text(i.content))).to.deep.equal(['кэш;', 'куки.']);
    expect(numbered.ordered).to.equal(true);
    expect(numbered.items[1]!.children!.items.map((i) => text(i.content))).to.deep.equal(['дату;', 'номер.']);
  });

  it('turns https addresses and [text](href) into links, same-origin paths and #faq anchors too', () => {
    const content = parseInline('Сайт https://www.gosuslugi.ru/. См. [ошибку 401](#faq/oshibka-401) и [правила](/help?x=1&y=2).', ORIGIN);
    expect(content.filter((i) => i.kind === 'link')).to.deep.equal([
      { kind: 'link', text: 'https://www.gosuslugi.ru/', href: 'https://www.gosuslugi.ru/' },
      { kind: 'link', text: 'ошибку 401', href: '#faq/oshibka-401' },
      { kind: 'link', text: 'правила', href: '/help?x=1&y=2' },
    ]);
    expect(text(content)).to.equal('Сайт https://www.gosuslugi.ru/. См. ошибку 401 и правила.');
  });

  it('keeps markup as literal text', () => {
    const body = 'Смотрите <img src=x onerror="alert(1)"> и <script>alert(2)</script> и <a href="javascript:alert(3)">тут</a>.';
    const blocks = parseArticleBody(body, ORIGIN);
    expect(blocks).to.have.length(1);
    expect(text((blocks[0] as { content: Inline[] }).content)).to.equal(body);
    expect(links(blocks)).to.deep.equal([]);
  });

  const attacks = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'javascript&colon;alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'jav&#x09;ascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:image/svg+xml,<svg onload=alert(1)>',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    '/\\evil.example/x',
    '\\\\evil.example',
    'http://evil.example/',
    'HTTP://evil.example/',
    'ftp://evil.example/',
    'file:///etc/passwd',
    'mailto:a@b.ru',
    'blob:https://portal.example/uuid',
    'https://evil.example/"onmouseover="alert(1)',
    "https://evil.example/'><img src=x>",
  ];

  for (const href of attacks) {
    it(`never makes a link of ${JSON.stringify(href)}`, () => {
      expect(safeHref(href, ORIGIN)).to.equal(null);
      const blocks = parseArticleBody(`До [нажмите](${href}) после ${href} конец`, ORIGIN);
      expect(links(blocks).map((l) => l.text)).not.to.include('нажмите');
      // At most an https address inside the text («blob:https://…») becomes a plain https link.
      for (const link of links(blocks)) expect((link as { href: string }).href).to.match(/^https:\/\/[a-z.]+\/[\w/-]*$/);
    });
  }

  it('allows https anywhere and http only to this origin', () => {
    expect(safeHref('https://www.gosuslugi.ru/help', ORIGIN)).to.equal('https://www.gosuslugi.ru/help');
    expect(safeHref('http://portal.example/a', 'http://portal.example')).to.equal('http://portal.example/a');
    expect(safeHref('http://portal.example/a', ORIGIN)).to.equal(null);
    expect(safeHref('#faq/snils', ORIGIN)).to.equal('#faq/snils');
    expect(safeHref('/help/../faq', ORIGIN)).to.equal('/faq');
  });
});
