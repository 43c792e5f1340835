/**
 * Links the kit's CSS (src/styles/gu-support-kit.css, served as dist/gu-support-kit.css) and sets
 * the demo portal's body text, with which its reserved heights were measured.
 */
export async function linkKitCss(): Promise<void> {
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: new URL('../../src/styles/gu-support-kit.css', import.meta.url).href });
  const loaded = new Promise((resolve) => link.addEventListener('load', resolve, { once: true }));
  document.head.append(link);
  await loaded;
  Object.assign(document.body.style, { margin: '0', fontFamily: "system-ui, 'Segoe UI', Roboto, Arial, sans-serif" });
}
