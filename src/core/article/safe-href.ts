/**
 * The only links an article may have: `https:` anywhere, or this origin (a path or `#faq/…`).
 * Everything is checked on the text as written, never decoded: a scheme split by control
 * characters, an entity (`javascript&colon;`), a protocol-relative `//host` or a backslash is
 * refused outright rather than guessed at.
 */
export function safeHref(raw: string, origin: string): string | null {
  const href = raw.trim();
  if (!/^[\x21-\x7e]+$/.test(href) || /["'<>\\`]/.test(href) || /&#|&[a-z][a-z0-9]*;/i.test(href) || href.startsWith('//')) return null;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) {
    if (url.protocol === 'https:' || (url.protocol === 'http:' && url.origin === base.origin)) return url.href;
    return null;
  }
  if (url.origin !== base.origin) return null;
  // Relative stays relative, so `#faq/…` opens on the page that shows the article.
  return href.startsWith('#') ? url.hash : url.pathname + url.search + url.hash;
}
