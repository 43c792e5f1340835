import busboy from 'busboy';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { sniffType } from '../../src/core/attach/sniff.js';
import { HttpError, PROBLEM, parseJson, readJson } from './http.js';

export interface UploadLimits {
  fileBytes: number;
  totalBytes: number;
  files: number;
  jsonBytes: number;
  /** Types accepted after sniffing the bytes. */
  types: readonly string[];
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  fileBytes: 5 * 1024 * 1024,
  totalBytes: 25 * 1024 * 1024,
  files: 10,
  jsonBytes: 64 * 1024,
  types: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
};

/** The extension a stored file gets from its sniffed type, whatever name it was sent with. */
const EXTENSIONS: Record<string, string> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp', 'application/pdf': '.pdf' };

export interface StoredUpload {
  id: string;
  name: string;
  type: string;
  size: number;
  /** Temporary path until `commitFiles` moves it into the store. */
  path: string;
  sha256: string;
}

interface Pending extends StoredUpload {
  /** The name as sent (cleaned), for messages about a refused file. */
  sentName: string;
  out: WriteStream;
  /** Settles when the write stream has closed its file (successfully or not). */
  closed: Promise<void>;
}

export interface ParsedBody {
  /** The JSON document (the `payload` part of a multipart body, or the whole JSON body). */
  payload: unknown;
  files: StoredUpload[];
}

/** A file name safe to show and to send back in Content-Disposition: NFC, no control or bidi characters, no path. */
export function cleanName(name: string): string {
  const cleaned = Array.from(
    name
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
      .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069/\\:*?"<>|]/g, '_')
      .replace(/[\ud800-\udfff]/g, '_')
      .trim()
      .replace(/^\.+/, ''),
  )
    .slice(0, 120)
    .join('');
  return cleaned || 'file';
}

/**
 * The name a stored file gets: the sent name cleaned, with the extension of its real type
 * (`invoice.html` that is a PNG becomes `invoice.png`), so a downloaded copy opens as what it is.
 */
export function storedName(name: string, type: string): string {
  const cleaned = cleanName(name);
  const extension = EXTENSIONS[type] ?? '';
  let stem = cleaned.replace(/\.[^.]*$/, '').replace(/[. ]+$/, '') || 'file';
  if (extension && stem.toLowerCase().endsWith(extension)) stem = stem.slice(0, -extension.length) || 'file';
  return `${stem}${extension}`;
}

/** Closes every partial file and deletes it; resolves only once nothing is left on disk. */
export async function discard(files: StoredUpload[]): Promise<void> {
  await Promise.all(
    files.map(async (file) => {
      const pending = file as Partial<Pending>;
      if (pending.out && !pending.out.closed) pending.out.destroy();
      await pending.closed;
      await rm(file.path, { force: true });
    }),
  );
}

/** Empties the temporary folder: partial uploads of a process that died. Run at start. */
export async function sweepTmp(tmpDir: string): Promise<number> {
  const names = await readdir(tmpDir).catch(() => [] as string[]);
  await Promise.all(names.map((name) => rm(join(tmpDir, name), { force: true, recursive: true })));
  return names.length;
}

/**
 * Reads a JSON body, or a multipart body with a `payload` JSON field and `files` parts.
 * Limits are enforced while streaming. Every stream involved has an error handler, and on any
 * failure (a malformed or cut body, a limit, the client leaving) every partial file is closed
 * and deleted before the error is thrown, so the answer never comes before the clean-up.
 */
export async function readPayload(req: IncomingMessage, tmpDir: string, limits: UploadLimits, uploadSlot?: () => () => void): Promise<ParsedBody> {
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(type)) return { payload: await readJson(req, limits.jsonBytes), files: [] };
  if (!/;\s*boundary=("?)[^";]{1,70}\1\s*(?:;|$)/i.test(type)) throw new HttpError(400, PROBLEM.badRequest, 'В заголовке multipart/form-data нет boundary');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limits.totalBytes + limits.jsonBytes + 64 * 1024) {
    throw new HttpError(413, PROBLEM.tooLarge, `Вложения больше ${limits.totalBytes} байт в сумме`);
  }
  const release = uploadSlot?.() ?? (() => undefined);
  const files: Pending[] = [];
  try {
    await mkdir(tmpDir, { recursive: true });
    const payload = await new Promise<unknown>((resolve, reject) => {
      let payloadText: string | null = null;
      let total = 0;
      let settled = false;
      const fail = (error: HttpError) => {
        if (settled) return;
        settled = true;
        req.unpipe(parser);
        req.resume(); // let the client finish sending so it can read the answer
        for (const file of files) file.out.destroy();
        reject(error);
      };
      let parser: ReturnType<typeof busboy>;
      try {
        parser = busboy({
          headers: req.headers,
          limits: { fileSize: limits.fileBytes, files: limits.files, fields: 4, fieldSize: limits.jsonBytes, parts: limits.files + 4, headerPairs: 20 },
          defParamCharset: 'utf8',
        });
      } catch {
        throw new HttpError(400, PROBLEM.badRequest, 'Заголовок multipart/form-data повреждён');
      }
      req.on('error', () => fail(new HttpError(400, PROBLEM.badRequest, 'Тело запроса оборвалось')));
      req.on('close', () => {
        if (!req.complete) fail(new HttpError(400, PROBLEM.badRequest, 'Тело запроса оборвалось'));
      });
      // The client may have gone while the temporary folder was being made: then no event is coming.
      if (req.destroyed && !req.complete) return fail(new HttpError(400, PROBLEM.badRequest, 'Тело запроса оборвалось'));
      parser.on('error', () => fail(new HttpError(400, PROBLEM.badRequest, 'Тело multipart повреждено или оборвано')));
      parser.on('field', (name, value, info) => {
        if (info.valueTruncated) fail(new HttpError(413, PROBLEM.tooLarge, `Поле ${name} больше ${limits.jsonBytes} байт`));
        else if (name === 'payload') payloadText = value;
      });
      parser.on('file', (name: string, stream: Readable, info: { filename?: string }) => {
        stream.on('error', () => fail(new HttpError(400, PROBLEM.badRequest, 'Файл в теле запроса оборван')));
        if (name !== 'files' || settled) {
          stream.resume();
          return;
        }
        const path = join(tmpDir, randomUUID());
        const out = createWriteStream(path);
        const closed = new Promise<void>((done) => out.once('close', done));
        const sentName = cleanName(info.filename ?? '');
        const upload: Pending = { id: randomUUID(), name: sentName, sentName, type: 'unknown', size: 0, path, sha256: '', out, closed };
        files.push(upload);
        const hash = createHash('sha256');
        let head = Buffer.alloc(0);
        let finished = false;
        out.on('error', () => fail(new HttpError(500, PROBLEM.server, 'Не удалось сохранить файл')));
        out.once('finish', () => {
          finished = true;
          upload.sha256 = hash.digest('hex');
          upload.type = sniffType(new Uint8Array(head));
          upload.name = storedName(upload.name, upload.type);
        });
        stream.on('data', (chunk: Buffer) => {
          if (head.length < 512) head = Buffer.concat([head, chunk.subarray(0, 512 - head.length)]);
          upload.size += chunk.length;
          total += chunk.length;
          hash.update(chunk);
          if (total > limits.totalBytes) fail(new HttpError(413, PROBLEM.tooLarge, `Вложения больше ${limits.totalBytes} байт в сумме`));
        });
        stream.on('limit', () => fail(new HttpError(413, PROBLEM.tooLarge, `Файл «${sentName}» больше ${limits.fileBytes} байт`)));
        stream.pipe(out);
        // Whether the file was written completely is known once its stream closed.
        void closed.then(() => {
          if (!finished) fail(new HttpError(500, PROBLEM.server, 'Не удалось сохранить файл'));
        });
      });
      parser.on('filesLimit', () => fail(new HttpError(413, PROBLEM.tooLarge, `Не больше ${limits.files} файлов`)));
      parser.on('partsLimit', () => fail(new HttpError(413, PROBLEM.tooLarge, 'Слишком много частей в теле запроса')));
      parser.on('fieldsLimit', () => fail(new HttpError(413, PROBLEM.tooLarge, 'Слишком много полей в теле запроса')));
      parser.on('close', () => {
        void Promise.all(files.map((f) => f.closed)).then(() => {
          if (settled) return;
          const text: string | null = payloadText;
          if (text === null) return fail(new HttpError(400, PROBLEM.badRequest, 'Нет поля payload'));
          try {
            const value = parseJson(text, 'Поле payload');
            settled = true;
            resolve(value);
          } catch (error) {
            fail(error instanceof HttpError ? error : new HttpError(400, PROBLEM.badRequest, 'Поле payload — не JSON'));
          }
        });
      });
      req.pipe(parser);
    });
    const refused = files.find((file) => !limits.types.includes(file.type));
    if (refused) {
      const shown = refused.sentName;
      throw new HttpError(415, PROBLEM.unsupportedType, `Файл «${shown}» не принят: допустимы PDF, JPEG, PNG`, [
        { field: 'files', code: 'type', detail: `Файл «${shown}» не принят: допустимы PDF, JPEG, PNG` },
      ]);
    }
    return { payload, files: files.map(({ id, name, type, size, path, sha256 }) => ({ id, name, type, size, path, sha256 })) };
  } catch (error) {
    await discard(files);
    throw error;
  } finally {
    release();
  }
}

/** Moves accepted uploads into the permanent store, renaming each to its id. */
export async function commitFiles(files: StoredUpload[], storeDir: string): Promise<void> {
  await mkdir(storeDir, { recursive: true });
  for (const file of files) {
    const target = join(storeDir, file.id);
    await rename(file.path, target);
    file.path = target;
  }
}

/**
 * Moves accepted uploads into the store before the database names them, runs `create`, and
 * removes them again when nothing was created (a replay, a refusal, an error).
 */
export async function storeWith<T>(files: StoredUpload[], storeDir: string, create: () => { created: boolean; value: T }): Promise<T> {
  if (!files.length) return create().value;
  await commitFiles(files, storeDir);
  let created = false;
  try {
    const result = create();
    created = result.created;
    return result.value;
  } finally {
    if (!created) await discard(files);
  }
}
