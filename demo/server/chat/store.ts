import { randomBytes, randomUUID } from 'node:crypto';
import type { AttachmentInfo } from '../../../src/core/adapter/types.js';
import type { Signer } from '../access.js';
import type { Db } from '../db.js';
import type { StoredUpload } from '../files.js';
import type { ChatArticleCard, ChatAuthor, ChatMessage, ChatQuickReply, ChatState, EndedBy } from './wire.js';

export interface SessionRow {
  id: string;
  token: string;
  state: ChatState;
  lang: 'ru' | 'en';
  created_at: string;
  queued_at: string | null;
  operator_name: string | null;
  ended_by: EndedBy | null;
  ended_at: string | null;
  read_seq: number;
  citizen_read_seq: number;
  callback_phone: string | null;
  callback_at: string | null;
  callback_consent: string | null;
  not_helped: number;
  rating: number | null;
  rating_comment: string | null;
}

interface MessageRow {
  seq: number;
  author: ChatAuthor;
  text: string;
  at: string;
  article_ids: string | null;
  client_id: string | null;
  extra: string | null;
  helped: number | null;
}

/** What a message may carry besides its text (stored as JSON in `extra`). */
export interface MessageExtra {
  clientId?: string;
  articles?: ChatArticleCard[];
  quickReplies?: ChatQuickReply[];
  operatorName?: string;
}

/** A stored chat file, by its id alone (signed download links name nothing else). */
export interface ChatFile {
  name: string;
  type: string;
  size: number;
  path: string;
}

/** The chat's tables: sessions, messages numbered by `seq` without gaps, files, marks. No events: see service.ts. */
export class ChatStore {
  constructor(
    private readonly db: Db,
    private readonly signer: Signer,
  ) {}

  create(lang: 'ru' | 'en', now: Date): SessionRow {
    const row = { id: randomUUID(), token: randomBytes(24).toString('base64url'), state: 'bot', lang, created_at: now.toISOString() };
    this.db.prepare('INSERT INTO chat_sessions (id, token, state, lang, created_at) VALUES (@id, @token, @state, @lang, @created_at)').run(row);
    return this.session(row.id)!;
  }

  session(id: string): SessionRow | undefined {
    return this.db.prepare('SELECT * FROM chat_sessions WHERE id = ?').get(id) as SessionRow | undefined;
  }

  update(id: string, changes: Partial<Omit<SessionRow, 'id' | 'token'>>): SessionRow {
    const keys = Object.keys(changes);
    if (keys.length) this.db.prepare(`UPDATE chat_sessions SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run({ ...changes, id });
    return this.session(id)!;
  }

  lastSeq(id: string): number {
    return (this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM chat_messages WHERE session_id = ?').get(id) as { seq: number }).seq;
  }

  /** Stores a message under the next `seq` (in one transaction with its files) and returns it as sent on the wire. */
  insert(id: string, author: ChatAuthor, text: string, extra: MessageExtra, files: StoredUpload[], now: Date): ChatMessage {
    return this.db.transaction(() => {
      const seq = this.lastSeq(id) + 1;
      const { clientId, ...rest } = extra;
      const articleIds = extra.articles?.map((a) => a.id);
      this.db
        .prepare('INSERT INTO chat_messages (session_id, seq, author, text, at, article_ids, client_id, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, seq, author, text, now.toISOString(), articleIds?.length ? JSON.stringify(articleIds) : null, clientId ?? null, Object.keys(rest).length ? JSON.stringify(rest) : null);
      const insert = this.db.prepare('INSERT INTO chat_attachments (id, session_id, seq, name, type, size, path) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const file of files) insert.run(file.id, id, seq, file.name, file.type, file.size, file.id);
      return this.message(id, seq)!;
    })();
  }

  message(id: string, seq: number): ChatMessage | undefined {
    return this.messages(id, seq - 1, 1)[0];
  }

  /** Messages after `after`, oldest first, at most `limit`, with fresh signed file links. */
  messages(id: string, after: number, limit = 500): ChatMessage[] {
    const rows = this.db.prepare('SELECT * FROM chat_messages WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?').all(id, after, limit) as MessageRow[];
    if (!rows.length) return [];
    const files = this.db
      .prepare('SELECT id, seq, name, type, size FROM chat_attachments WHERE session_id = ? AND seq BETWEEN ? AND ? ORDER BY rowid')
      .all(id, rows[0]!.seq, rows.at(-1)!.seq) as (Omit<AttachmentInfo, 'url'> & { seq: number })[];
    return rows.map((r) => {
      const extra = r.extra ? (JSON.parse(r.extra) as MessageExtra) : {};
      const attachments = files.filter((f) => f.seq === r.seq).map(({ seq: _seq, ...f }) => ({ ...f, url: this.signer.fileLink(f.id) }));
      return {
        id: `${id}:${r.seq}`,
        seq: r.seq,
        author: r.author,
        text: r.text,
        at: r.at,
        ...(r.client_id ? { clientId: r.client_id } : {}),
        ...(r.article_ids ? { articleIds: JSON.parse(r.article_ids) as string[] } : {}),
        ...extra,
        ...(attachments.length ? { attachments } : {}),
      };
    });
  }

  /** The bot answer `seq` of this session with its feedback so far, if it is one with article cards. */
  botAnswer(id: string, seq: number): { helped: number | null } | undefined {
    return this.db.prepare("SELECT helped FROM chat_messages WHERE session_id = ? AND seq = ? AND author = 'bot' AND article_ids IS NOT NULL").get(id, seq) as
      | { helped: number | null }
      | undefined;
  }

  setHelped(id: string, seq: number, helped: boolean): void {
    this.db.prepare('UPDATE chat_messages SET helped = ? WHERE session_id = ? AND seq = ?').run(helped ? 1 : 0, id, seq);
  }

  /** Sessions waiting for an operator, first come first. */
  queued(): SessionRow[] {
    return this.db.prepare("SELECT * FROM chat_sessions WHERE state = 'queued' ORDER BY queued_at, rowid").all() as SessionRow[];
  }

  /** Open chats and those closed since `since`, for the console. */
  forConsole(since: string): SessionRow[] {
    return this.db
      .prepare("SELECT * FROM chat_sessions WHERE state != 'closed' OR ended_at >= ? ORDER BY CASE state WHEN 'queued' THEN 0 WHEN 'operator' THEN 1 WHEN 'bot' THEN 2 ELSE 3 END, queued_at, created_at DESC LIMIT 200")
      .all(since) as SessionRow[];
  }

  unread(id: string, after: number): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM chat_messages WHERE session_id = ? AND seq > ? AND author = 'citizen'").get(id, after) as { n: number }).n;
  }

  fileById(fileId: string): ChatFile | undefined {
    return this.db.prepare('SELECT name, type, size, path FROM chat_attachments WHERE id = ?').get(fileId) as ChatFile | undefined;
  }

  filePaths(): string[] {
    return (this.db.prepare('SELECT path FROM chat_attachments').all() as { path: string }[]).map((r) => r.path);
  }
}
