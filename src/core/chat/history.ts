import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ChatMessage, ChatSession } from '../adapter/types.js';
import type { StoredFile } from '../outbox/index.js';

/** A message written before the chat had a session (no connection at its first opening). */
export interface EarlyMessage {
  clientId: string;
  text: string;
  at: string;
  files: StoredFile[];
}

/** One chat as this browser remembers it: the session (to resume it) and the messages seen. */
export interface ChatHistory {
  /** Which chat on the site: the element's `history-key`, by default the page path. */
  key: string;
  /** None yet when the chat was first opened without a connection: then only `early` is kept. */
  session?: ChatSession;
  /** Messages waiting for a session to be created, in the order written. */
  early?: EarlyMessage[];
  messages: ChatMessage[];
  /** Last change (ms since the epoch); older than the retention, the history is forgotten. */
  savedAt: number;
  /** Set once the chat was rated, so the rating is not asked again after a reload. */
  rated?: boolean;
  /** Bot answers that did not help so far. */
  unhelpful?: number;
}

interface ChatDb extends DBSchema {
  chats: { key: string; value: ChatHistory };
}

export const CHAT_DB_NAME = 'gu-support-chat';

function open(name: string): Promise<IDBPDatabase<ChatDb>> {
  return openDB<ChatDb>(name, 1, {
    upgrade(db) {
      db.createObjectStore('chats', { keyPath: 'key' });
    },
  });
}

/** The chats kept in this browser (IndexedDB), each forgotten `retentionMs` after its last change. */
export class ChatHistoryStore {
  private constructor(
    private readonly db: IDBPDatabase<ChatDb>,
    private readonly retentionMs: number,
  ) {}

  static async open(retentionMs: number, name = CHAT_DB_NAME): Promise<ChatHistoryStore> {
    return new ChatHistoryStore(await open(name), retentionMs);
  }

  /** The chat kept under `key`, unless it is older than the retention (then it is deleted). */
  async read(key: string): Promise<ChatHistory | undefined> {
    const found = await this.db.get('chats', key);
    if (found && Date.now() - found.savedAt > this.retentionMs) {
      await this.db.delete('chats', key);
      return undefined;
    }
    return found;
  }

  async write(history: Omit<ChatHistory, 'savedAt'>): Promise<void> {
    await this.db.put('chats', { ...history, savedAt: Date.now() });
  }

  /** «Очистить историю»: forgets this chat. */
  async delete(key: string): Promise<void> {
    await this.db.delete('chats', key);
  }

  close(): void {
    this.db.close();
  }
}

/** Deletes every chat kept in this browser (part of `clearLocalData()`). */
export async function clearChatHistory(name = CHAT_DB_NAME): Promise<void> {
  const db = await open(name);
  await db.clear('chats');
  db.close();
}
