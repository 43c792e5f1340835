import type { ChatMessage } from '../adapter/types.js';

/**
 * Adds server messages to a list kept in `seq` order, each `seq` once: a message seen again
 * (replayed after a reconnect, fetched by polling, restored from history) replaces the old copy
 * instead of doubling it. Returns the same array when nothing changed, so a view can skip work.
 * Appending in order (the live case) is O(1); an older one is placed by binary search.
 */
export function mergeBySeq(list: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  let out: ChatMessage[] | undefined;
  for (const message of incoming) {
    const current = out ?? list;
    const last = current[current.length - 1];
    if (!last || message.seq > last.seq) {
      out ??= [...list];
      out.push(message);
      continue;
    }
    let lo = 0;
    let hi = current.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (current[mid]!.seq < message.seq) lo = mid + 1;
      else hi = mid;
    }
    if (current[lo]?.seq === message.seq && sameMessage(current[lo]!, message)) continue;
    out ??= [...list];
    out.splice(lo, current[lo]?.seq === message.seq ? 1 : 0, message);
  }
  return out ?? (list as ChatMessage[]);
}

function sameMessage(a: ChatMessage, b: ChatMessage): boolean {
  return a.id === b.id && a.text === b.text && a.author === b.author && (a.articleIds?.length ?? 0) === (b.articleIds?.length ?? 0);
}

/** The highest `seq` in a list kept by `mergeBySeq` (0 for none): where a stream resumes. */
export function lastSeq(list: readonly ChatMessage[]): number {
  return list[list.length - 1]?.seq ?? 0;
}
