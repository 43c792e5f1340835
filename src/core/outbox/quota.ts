/** The browser refused to store more (disk full, the site's share used up). Kept apart from db.ts: no idb. */
export function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}
