/** The last request numbers looked up on this device: numbers only, never a contact. */
const KEY = 'gu-support-kit:recent-tickets';
const MAX = 5;

/** Numbers looked up here, newest first (empty where storage is unavailable). */
export function recentNumbers(): string[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((n): n is string => typeof n === 'string' && /^\d{4}-\d{4}-\d{4}$/.test(n)).slice(0, MAX) : [];
  } catch {
    return [];
  }
}

export function rememberNumber(number: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify([number, ...recentNumbers().filter((n) => n !== number)].slice(0, MAX)));
  } catch {
    // Storage off or full: the list is a convenience.
  }
}

export function forgetRecentNumbers(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}
