import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

/** Each entry moves the schema one version up; `PRAGMA user_version` records where a file is. */
const MIGRATIONS: string[] = [
  `CREATE TABLE tickets (
     id INTEGER PRIMARY KEY,
     number TEXT NOT NULL UNIQUE,
     owner TEXT,
     topic TEXT NOT NULL,
     title TEXT NOT NULL,
     description TEXT NOT NULL,
     contact_json TEXT NOT NULL,
     phone TEXT NOT NULL,
     email TEXT,
     previous_number TEXT,
     urgent INTEGER NOT NULL,
     consent_version TEXT NOT NULL,
     consent_at TEXT NOT NULL,
     context_json TEXT,
     lang TEXT NOT NULL,
     content_hash TEXT NOT NULL,
     status TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     due_first_reply_at TEXT NOT NULL,
     due_answer_at TEXT NOT NULL
   );
   CREATE INDEX tickets_phone ON tickets(phone);
   CREATE INDEX tickets_owner ON tickets(owner);
   CREATE TABLE status_history (
     ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
     status TEXT NOT NULL, at TEXT NOT NULL, comment TEXT
   );
   CREATE TABLE comments (
     id INTEGER PRIMARY KEY,
     ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
     author TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL
   );
   CREATE TABLE attachments (
     id TEXT PRIMARY KEY,
     ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
     comment_id INTEGER REFERENCES comments(id) ON DELETE CASCADE,
     name TEXT NOT NULL, type TEXT NOT NULL, size INTEGER NOT NULL, path TEXT NOT NULL
   );
   CREATE TABLE idempotency (
     scope TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL,
     status INTEGER NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL,
     PRIMARY KEY (scope, key)
   );
   CREATE TABLE chat_sessions (
     id TEXT PRIMARY KEY, token TEXT NOT NULL, state TEXT NOT NULL,
     created_at TEXT NOT NULL, queued_at TEXT, rating INTEGER, rating_comment TEXT
   );
   CREATE TABLE chat_messages (
     session_id TEXT NOT NULL REFERENCES chat_sessions(id) ON DELETE CASCADE,
     seq INTEGER NOT NULL, author TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL,
     article_ids TEXT,
     PRIMARY KEY (session_id, seq)
   );`,
  // The chat of issue #11: who ended it, read marks, call-back, the bot's cards and feedback, files.
  `ALTER TABLE chat_sessions ADD COLUMN lang TEXT NOT NULL DEFAULT 'ru';
   ALTER TABLE chat_sessions ADD COLUMN operator_name TEXT;
   ALTER TABLE chat_sessions ADD COLUMN ended_by TEXT;
   ALTER TABLE chat_sessions ADD COLUMN ended_at TEXT;
   ALTER TABLE chat_sessions ADD COLUMN read_seq INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE chat_sessions ADD COLUMN citizen_read_seq INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE chat_sessions ADD COLUMN callback_phone TEXT;
   ALTER TABLE chat_sessions ADD COLUMN callback_at TEXT;
   ALTER TABLE chat_sessions ADD COLUMN callback_consent TEXT;
   ALTER TABLE chat_sessions ADD COLUMN not_helped INTEGER NOT NULL DEFAULT 0;
   CREATE INDEX chat_sessions_queue ON chat_sessions(state, queued_at);
   ALTER TABLE chat_messages ADD COLUMN client_id TEXT;
   ALTER TABLE chat_messages ADD COLUMN extra TEXT;
   ALTER TABLE chat_messages ADD COLUMN helped INTEGER;
   CREATE TABLE chat_attachments (
     id TEXT PRIMARY KEY,
     session_id TEXT NOT NULL REFERENCES chat_sessions(id) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     name TEXT NOT NULL, type TEXT NOT NULL, size INTEGER NOT NULL, path TEXT NOT NULL
   );
   CREATE INDEX chat_attachments_message ON chat_attachments(session_id, seq);`,
];

/** Opens (creating and migrating on first start) the SQLite file; `:memory:` for throwaway use. */
export function openDb(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return db;
}
