import { createHash } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { generateTicketNumber } from '../../src/core/validate/ticket-number.js';
import type { Signer } from './access.js';
import type { AttachmentInfo, NewTicket, StatusChange, Ticket, TicketComment, TicketRating, TicketReceipt, TicketStatus, TicketSummary } from '../../src/core/adapter/types.js';
import { addWorkingDays } from '../../src/core/calendar/working-days.js';
import type { Db } from './db.js';
import type { StoredUpload } from './files.js';

/** Working days to a full answer (DOMAIN.md: 5; urgent requests are not given longer). */
const ANSWER_WORKING_DAYS = 5;
const FIRST_REPLY_MS = 24 * 3600_000;
/** The same text from the same phone within this time is the same request. */
const DUPLICATE_WINDOW_MS = 24 * 3600_000;

interface TicketRow {
  id: number;
  number: string;
  topic: string;
  title: string;
  description: string;
  contact_json: string;
  /** The portal bearer identity that created it (`/api/my/tickets`), or null. */
  owner: string | null;
  phone: string;
  email: string | null;
  previous_number: string | null;
  urgent: number;
  status: TicketStatus;
  created_at: string;
  updated_at: string;
  due_first_reply_at: string;
  due_answer_at: string;
  revision: number;
  reminded_at: string | null;
  rating: number | null;
  rating_comment: string | null;
  extended_until: string | null;
  extension_reason: string | null;
}

/** The ticket's later fields (deadline extension, reminder, rating, revision), present when set. */
function followUp(row: TicketRow): Partial<Ticket> {
  return {
    ...(row.extended_until ? { extension: { until: row.extended_until, reason: row.extension_reason ?? '' } } : {}),
    ...(row.reminded_at ? { remindedAt: row.reminded_at } : {}),
    ...(row.rating ? { rating: { score: row.rating, ...(row.rating_comment ? { comment: row.rating_comment } : {}) } } : {}),
  };
}

export function contentHash(ticket: NewTicket): string {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return createHash('sha256').update([ticket.topic, norm(ticket.title), norm(ticket.description), ticket.previousNumber ?? ''].join('\u0000')).digest('hex');
}

function receipt(row: TicketRow, duplicateOf?: string): TicketReceipt {
  return {
    number: row.number,
    status: row.status,
    createdAt: row.created_at,
    dueFirstReplyAt: row.due_first_reply_at,
    dueAnswerAt: row.due_answer_at,
    urgent: row.urgent === 1,
    ...(duplicateOf ? { duplicateOf } : {}),
  };
}

/**
 * What a citizen types as the contact for an anonymous look-up, in one comparable form: an
 * e-mail in lower case, a phone as its last 10 digits. Also the key of the per-contact rate limit.
 */
export function contactKey(contact: string): string {
  const value = contact.trim().toLowerCase();
  if (value.includes('@')) return value;
  const digits = value.replace(/\D/g, '');
  return digits.length >= 10 ? digits.slice(-10) : '';
}

/** Compares both the e-mail and the phone every time, so a miss takes as long as a hit. */
function contactMatches(row: TicketRow, contact: string): boolean {
  const key = contactKey(contact);
  const email = (row.email ?? '').toLowerCase();
  const phone = row.phone.replace(/\D/g, '').slice(-10);
  const byEmail = equalText(key, email);
  const byPhone = equalText(key, phone);
  return key !== '' && (byEmail || byPhone);
}

function equalText(a: string, b: string): boolean {
  return createHash('sha256').update(a).digest().equals(createHash('sha256').update(b).digest());
}

/** A row to compare against when the number is unknown, so both misses cost the same. */
const NO_TICKET = { email: 'nobody@invalid', phone: '0000000000' } as TicketRow;

export class TicketStore {
  constructor(
    private readonly db: Db,
    private readonly signer: Signer,
    /** Hears `ticket:<number>` with the new revision after every change (the ticket's event stream). */
    private readonly events?: EventEmitter,
  ) {}

  /** Marks a change: a new revision and update time, announced to the ticket's event stream. */
  private touch(row: TicketRow, at: string): void {
    this.db.prepare('UPDATE tickets SET updated_at = ?, revision = revision + 1 WHERE id = ?').run(at, row.id);
    this.events?.emit(`ticket:${row.number}`, row.revision + 1);
  }

  /** A random number (see ticket-number.ts) not yet used; collisions are astronomically rare but checked. */
  private newNumber(): string {
    for (;;) {
      const number = generateTicketNumber();
      if (!this.row(number)) return number;
    }
  }

  /** Creates a ticket, or returns the open one with the same text from the same phone. */
  create(ticket: NewTicket, files: StoredUpload[], owner: string | null, now = new Date()): { receipt: TicketReceipt; created: boolean } {
    const hash = contentHash(ticket);
    const since = new Date(now.getTime() - DUPLICATE_WINDOW_MS).toISOString();
    const existing = this.db
      .prepare("SELECT * FROM tickets WHERE phone = ? AND content_hash = ? AND created_at > ? AND status != 'closed' ORDER BY id DESC LIMIT 1")
      .get(ticket.contact.phone, hash, since) as TicketRow | undefined;
    if (existing) return { receipt: receipt(existing, existing.number), created: false };

    const number = this.newNumber();
    const at = now.toISOString();
    const row = {
      number,
      owner,
      topic: ticket.topic,
      title: ticket.title,
      description: ticket.description,
      contact_json: JSON.stringify(ticket.contact),
      phone: ticket.contact.phone,
      email: ticket.contact.email ?? null,
      previous_number: ticket.previousNumber ?? null,
      urgent: ticket.urgent ? 1 : 0,
      consent_version: ticket.consent.version,
      consent_at: ticket.consent.givenAt,
      context_json: ticket.context ? JSON.stringify(ticket.context) : null,
      lang: ticket.lang ?? 'ru',
      content_hash: hash,
      status: 'accepted',
      created_at: at,
      updated_at: at,
      due_first_reply_at: new Date(now.getTime() + FIRST_REPLY_MS).toISOString(),
      due_answer_at: addWorkingDays(now, ANSWER_WORKING_DAYS).toISOString(),
    };
    const columns = Object.keys(row);
    const id = Number(
      this.db.prepare(`INSERT INTO tickets (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row).lastInsertRowid,
    );
    this.db.prepare('INSERT INTO status_history (ticket_id, status, at) VALUES (?, ?, ?)').run(id, 'accepted', at);
    this.insertAttachments(id, null, files);
    return { receipt: receipt(this.row(number)!), created: true };
  }

  private insertAttachments(ticketId: number, commentId: number | null, files: StoredUpload[]): void {
    const insert = this.db.prepare('INSERT INTO attachments (id, ticket_id, comment_id, name, type, size, path) VALUES (?, ?, ?, ?, ?, ?, ?)');
    // The file lives under the files folder by its id (moved there after the transaction commits).
    for (const file of files) insert.run(file.id, ticketId, commentId, file.name, file.type, file.size, file.id);
  }

  row(number: string): TicketRow | undefined {
    return this.db.prepare('SELECT * FROM tickets WHERE number = ?').get(number) as TicketRow | undefined;
  }

  /** The ticket if `contact` is the phone or e-mail given at creation; otherwise undefined (no hint which, same work). */
  findForContact(number: string, contact: string): TicketRow | undefined {
    const row = this.row(number);
    const matches = contactMatches(row ?? NO_TICKET, contact);
    return row && matches ? row : undefined;
  }

  private attachmentsOf(ticketId: number, commentId: number | null): AttachmentInfo[] {
    const rows = (
      commentId === null
        ? this.db.prepare('SELECT id, name, type, size FROM attachments WHERE ticket_id = ? AND comment_id IS NULL').all(ticketId)
        : this.db.prepare('SELECT id, name, type, size FROM attachments WHERE comment_id = ?').all(commentId)
    ) as Omit<AttachmentInfo, 'url'>[];
    return rows.map((a) => ({ ...a, url: this.signer.fileLink(a.id) }));
  }

  full(row: TicketRow): Ticket {
    const history = this.db.prepare('SELECT status, at, comment FROM status_history WHERE ticket_id = ? ORDER BY rowid').all(row.id) as {
      status: TicketStatus;
      at: string;
      comment: string | null;
    }[];
    const comments = this.db.prepare('SELECT id, author, text, at FROM comments WHERE ticket_id = ? ORDER BY id').all(row.id) as {
      id: number;
      author: TicketComment['author'];
      text: string;
      at: string;
    }[];
    return {
      ...receipt(row),
      topic: row.topic,
      title: row.title,
      description: row.description,
      updatedAt: row.updated_at,
      revision: row.revision,
      ...followUp(row),
      ...(row.previous_number ? { previousNumber: row.previous_number } : {}),
      history: history.map((h): StatusChange => ({ status: h.status, at: h.at, ...(h.comment ? { comment: h.comment } : {}) })),
      comments: comments.map((c) => ({ id: String(c.id), author: c.author, text: c.text, at: c.at, attachments: this.attachmentsOf(row.id, c.id) })),
      attachments: this.attachmentsOf(row.id, null),
    };
  }

  summaries(where: { owner?: string }): TicketSummary[] {
    const rows = (
      where.owner !== undefined
        ? this.db.prepare('SELECT * FROM tickets WHERE owner = ? ORDER BY id DESC LIMIT 200').all(where.owner)
        : this.db.prepare('SELECT * FROM tickets ORDER BY id DESC LIMIT 500').all()
    ) as TicketRow[];
    return rows.map((r) => ({
      number: r.number,
      status: r.status,
      topic: r.topic,
      title: r.title,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      urgent: r.urgent === 1,
      dueAnswerAt: r.due_answer_at,
      ...(r.extended_until ? { extension: { until: r.extended_until, reason: r.extension_reason ?? '' } } : {}),
    }));
  }

  addComment(row: TicketRow, author: TicketComment['author'], text: string, files: StoredUpload[], now = new Date()): TicketComment {
    const at = now.toISOString();
    const id = Number(this.db.prepare('INSERT INTO comments (ticket_id, author, text, at) VALUES (?, ?, ?, ?)').run(row.id, author, text, at).lastInsertRowid);
    this.insertAttachments(row.id, id, files);
    this.touch(row, at);
    return { id: String(id), author, text, at, attachments: this.attachmentsOf(row.id, id) };
  }

  setStatus(row: TicketRow, status: TicketStatus, comment: string | undefined, now = new Date()): void {
    const at = now.toISOString();
    this.db.prepare('UPDATE tickets SET status = ? WHERE id = ?').run(status, row.id);
    this.db.prepare('INSERT INTO status_history (ticket_id, status, at, comment) VALUES (?, ?, ?, ?)').run(row.id, status, at, comment ?? null);
    this.touch(row, at);
  }

  /** When the ticket entered its current status (the latest history entry). */
  statusSince(row: TicketRow): string {
    return (this.db.prepare('SELECT at FROM status_history WHERE ticket_id = ? ORDER BY rowid DESC LIMIT 1').get(row.id) as { at: string } | undefined)?.at ?? row.created_at;
  }

  /** Whether the ticket was ever «Решено» (a rating is asked for the answer). */
  wasResolved(row: TicketRow): boolean {
    return Boolean(this.db.prepare("SELECT 1 FROM status_history WHERE ticket_id = ? AND status = 'resolved' LIMIT 1").get(row.id));
  }

  remind(row: TicketRow, now = new Date()): string {
    const at = now.toISOString();
    this.db.prepare('UPDATE tickets SET reminded_at = ? WHERE id = ?').run(at, row.id);
    this.touch(row, at);
    return at;
  }

  rate(row: TicketRow, rating: TicketRating, now = new Date()): void {
    this.db.prepare('UPDATE tickets SET rating = ?, rating_comment = ? WHERE id = ?').run(rating.score, rating.comment ?? null, row.id);
    this.touch(row, now.toISOString());
  }

  extend(row: TicketRow, until: string, reason: string, now = new Date()): void {
    this.db.prepare('UPDATE tickets SET extended_until = ?, extension_reason = ? WHERE id = ?').run(until, reason, row.id);
    this.touch(row, now.toISOString());
  }

  /** Test hook: moves every time of a ticket `hours` into the past (to test what depends on its age). */
  age(row: TicketRow, hours: number): void {
    const shift = `-${hours * 3600} seconds`;
    const moved = (column: string) => `${column} = strftime('%Y-%m-%dT%H:%M:%fZ', ${column}, '${shift}')`;
    this.db.prepare(`UPDATE tickets SET ${['created_at', 'updated_at', 'due_first_reply_at', 'due_answer_at'].map(moved).join(', ')} WHERE id = ?`).run(row.id);
    this.db.prepare(`UPDATE tickets SET ${moved('reminded_at')} WHERE id = ? AND reminded_at IS NOT NULL`).run(row.id);
    this.db.prepare(`UPDATE status_history SET ${moved('at')} WHERE ticket_id = ?`).run(row.id);
    this.db.prepare(`UPDATE comments SET ${moved('at')} WHERE ticket_id = ?`).run(row.id);
  }

  /** A stored attachment by its id alone (signed download links name nothing else). */
  attachmentById(id: string): { name: string; type: string; size: number; path: string } | undefined {
    return this.db.prepare('SELECT name, type, size, path FROM attachments WHERE id = ?').get(id) as { name: string; type: string; size: number; path: string } | undefined;
  }

  /** Ids of every stored attachment file (to sweep files no ticket refers to). */
  attachmentPaths(): Set<string> {
    return new Set((this.db.prepare('SELECT path FROM attachments').all() as { path: string }[]).map((r) => r.path));
  }

  attachment(row: TicketRow, id: string): { name: string; type: string; size: number; path: string } | undefined {
    return this.db.prepare('SELECT name, type, size, path FROM attachments WHERE ticket_id = ? AND id = ?').get(row.id, id) as
      | { name: string; type: string; size: number; path: string }
      | undefined;
  }
}
