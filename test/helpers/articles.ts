import type { Article } from '../../src/core/adapter/types.js';

/** The demo corpus as the reference server serves it. */
export async function demoArticles(api: string): Promise<Article[]> {
  return ((await (await fetch(`${api}/articles`)).json()) as { articles: Article[] }).articles;
}
