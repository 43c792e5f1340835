import type { TechContext } from './adapter/types.js';

/** Browser name and major version from a User-Agent string (the order matters: Edge says Chrome too). */
export function describeBrowser(ua: string): string {
  const rules: [RegExp, string][] = [
    [/YaBrowser\/(\d+)/, 'Яндекс Браузер'],
    [/Edg\/(\d+)/, 'Microsoft Edge'],
    [/OPR\/(\d+)/, 'Opera'],
    [/Firefox\/(\d+)/, 'Firefox'],
    [/(?:Chrome|Chromium)\/(\d+)/, 'Chrome'],
    [/Version\/(\d+)[\d.]* .*Safari/, 'Safari'],
  ];
  for (const [pattern, name] of rules) {
    const m = pattern.exec(ua);
    if (m) return `${name} ${m[1]}`;
  }
  return ua.slice(0, 120);
}

export function describeOs(ua: string): string {
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/Android (\d+(?:\.\d+)?)/, (m) => `Android ${m[1]}`],
    [/(?:iPhone|iPad|iPod).*OS (\d+)[_\d]*/, (m) => `iOS ${m[1]}`],
    [/Windows NT (\d+\.\d+)/, (m) => `Windows ${m[1] === '10.0' ? '10/11' : m[1]}`],
    [/Mac OS X (\d+)[_.](\d+)/, (m) => `macOS ${m[1]}.${m[2]}`],
    [/CrOS/, () => 'ChromeOS'],
    [/Linux/, () => 'Linux'],
  ];
  for (const [pattern, name] of rules) {
    const m = pattern.exec(ua);
    if (m) return name(m);
  }
  return '—';
}

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
    screen: `${screen.width}×${screen.height}, окно ${innerWidth}×${innerHeight}, ×${devicePixelRatio}`,
    occurredAt: now.toISOString(),
    ...(appVersion ? { appVersion } : {}),
  };
}
