import type { TechContext } from './adapter/types.js';

/** Name and major version, first match wins (Edge and Yandex also say Chrome; every browser says Safari). */
const BROWSERS: [RegExp, string][] = [
  [/YaBrowser\/(\d+)/, 'Яндекс Браузер'],
  [/Edg\/(\d+)/, 'Microsoft Edge'],
  [/OPR\/(\d+)/, 'Opera'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/Chrom(?:e|ium)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+).*Safari/, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/Android ([\d.]+)/, 'Android'],
  [/(?:iPhone|iPad|iPod).*? OS (\d+)/, 'iOS'],
  [/Windows NT ([\d.]+)/, 'Windows NT'],
  [/Mac OS X (\d+[_.]\d+)/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

function describe(ua: string, table: [RegExp, string][]): string {
  for (const [pattern, name] of table) {
    const m = pattern.exec(ua);
    if (m) return m[1] ? `${name} ${m[1].replace('_', '.')}` : name;
  }
  return '—';
}

export const describeBrowser = (ua: string): string => describe(ua, BROWSERS);
export const describeOs = (ua: string): string => describe(ua, SYSTEMS);

/** The page address without query and fragment: they may hold tokens, codes or personal data. */
export function safePageUrl(href: string): string {
  try {
    const url = new URL(href);
    return `${url.origin}${url.pathname}`;
  } catch {
    return '';
  }
}

/** What support needs to reproduce a problem, collected from the browser; shown to the user first. */
export function collectTechContext(appVersion?: string, now = new Date()): TechContext {
  const ua = navigator.userAgent;
  return {
    pageUrl: safePageUrl(location.href),
    browser: describeBrowser(ua),
    os: describeOs(ua),
    screen: `${screen.width}×${screen.height} (${innerWidth}×${innerHeight}) ×${devicePixelRatio}`,
    occurredAt: now.toISOString(),
    ...(appVersion ? { appVersion } : {}),
  };
}
