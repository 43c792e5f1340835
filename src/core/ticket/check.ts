import { TICKET_STATUSES, type AttachmentInfo, type Ticket, type TicketSummary } from '../adapter/types.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isTime = (v: unknown): v is string => isString(v) && !Number.isNaN(Date.parse(v));
const isStatus = (v: unknown) => TICKET_STATUSES.includes(v as Ticket['status']);

function isAttachment(v: unknown): v is AttachmentInfo {
  return isObject(v) && isString(v.id) && isString(v.name) && isString(v.type) && typeof v.size === 'number' && isString(v.url);
}

/** Whether a backend's answer has the shape of a `TicketSummary` (what the list shows). */
export function isTicketSummary(v: unknown): v is TicketSummary {
  return isObject(v) && isString(v.number) && isStatus(v.status) && isString(v.topic) && isString(v.title) && isTime(v.createdAt) && isTime(v.updatedAt) && (v.dueAnswerAt === undefined || isTime(v.dueAnswerAt));
}

/**
 * Whether a backend's answer has the shape of a `Ticket` (docs/api.md): what the element reads is
 * checked before anything is shown, so a broken answer is a clear message, never a crash.
 */
export function isTicket(v: unknown): v is Ticket {
  if (!isTicketSummary(v)) return false;
  const t = v as unknown as Record<string, unknown>;
  return (
    isTime(t.dueFirstReplyAt) &&
    isTime(t.dueAnswerAt) &&
    isString(t.description) &&
    Array.isArray(t.history) &&
    t.history.every((h) => isObject(h) && isStatus(h.status) && isTime(h.at) && (h.comment === undefined || isString(h.comment))) &&
    Array.isArray(t.comments) &&
    t.comments.every((c) => isObject(c) && isString(c.id) && (c.author === 'citizen' || c.author === 'operator') && isString(c.text) && isTime(c.at) && Array.isArray(c.attachments) && c.attachments.every(isAttachment)) &&
    Array.isArray(t.attachments) &&
    t.attachments.every(isAttachment) &&
    (t.extension === undefined || (isObject(t.extension) && isTime(t.extension.until) && isString(t.extension.reason))) &&
    (t.remindedAt === undefined || isTime(t.remindedAt)) &&
    (t.rating === undefined || (isObject(t.rating) && typeof t.rating.score === 'number'))
  );
}
