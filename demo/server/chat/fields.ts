import type { IncomingMessage } from 'node:http';
import { validateText } from '../../../src/core/validate/text.js';
import { invalid } from '../body.js';
import { HttpError, PROBLEM, readJson } from '../http.js';

/** A chat request's small JSON body; no body at all reads as `{}` (the kit posts some calls without one). */
export async function smallBody(req: IncomingMessage): Promise<unknown> {
  const declared = req.headers['content-length'];
  if ((declared === undefined || declared === '0') && req.headers['transfer-encoding'] === undefined) return {};
  return readJson(req, 8 * 1024);
}

/** A non-negative integer message number (`seq`, `after`); `what` names it in the refusal. */
export function seqOf(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw invalid('Номер сообщения — целое неотрицательное число', [{ field, code: 'type', detail: 'Номер сообщения — целое неотрицательное число' }]);
  }
  return value;
}

/** `?after=` or `Last-Event-ID`: digits only, else 400. */
export function resumePoint(raw: string | string[] | null | undefined): number {
  if (raw === undefined || raw === null || raw === '') return 0;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) throw new HttpError(400, PROBLEM.badRequest, 'after и Last-Event-ID — номер сообщения (цифры)');
  return Number(raw);
}

export function boolOf(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw invalid('Ожидается true или false', [{ field, code: 'type', detail: 'Ожидается true или false' }]);
  return value;
}

/** The kit's id for a pending bubble: 1–64 visible ASCII characters. */
export function clientIdOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[\x21-\x7e]{1,64}$/.test(value)) {
    throw invalid('clientId — 1–64 видимых символа ASCII', [{ field: 'clientId', code: 'format', detail: 'clientId — 1–64 видимых символа ASCII' }]);
  }
  return value;
}

/** Consent to the processing of personal data, as tickets take it: `{ version, givenAt }`. */
export function consentOf(value: unknown, lang: string): { version: string; givenAt: string } {
  const data = value as { version?: unknown; givenAt?: unknown } | null;
  const refuse = () => invalid('Нужно согласие на обработку персональных данных', [{ field: 'consent', code: 'required', detail: lang === 'en' ? 'Consent to the processing of personal data is required' : 'Нужно согласие на обработку персональных данных' }]);
  if (typeof data !== 'object' || data === null || Array.isArray(data) || Object.keys(data).some((k) => k !== 'version' && k !== 'givenAt')) throw refuse();
  const version = validateText(typeof data.version === 'string' ? data.version : '', { required: true, max: 64 }, lang);
  const givenAt = typeof data.givenAt === 'string' && data.givenAt.length <= 40 ? new Date(data.givenAt) : new Date(NaN);
  if (!version.ok || Number.isNaN(givenAt.getTime())) throw refuse();
  return { version: version.value, givenAt: givenAt.toISOString() };
}
