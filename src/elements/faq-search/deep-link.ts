/** `#faq/<id>`: the address of an article (ids are readable slugs, see demo/server/articles.ts). */
const HASH = /^#faq\/([A-Za-z0-9_-]{1,120})$/;

export function articleIdOf(hash: string): string | undefined {
  return HASH.exec(hash)?.[1];
}

export function articleHash(id: string): string {
  return `#faq/${id}`;
}
