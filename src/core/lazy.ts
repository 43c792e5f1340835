/**
 * A dynamic import loaded once and shared; a failed load (the page went offline before the chunk
 * arrived) is forgotten, so the next call tries again instead of failing forever.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}
