import busboy from 'busboy';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { sniffType } from '../../src/core/attach/sniff.js';
import { HttpError, PROBLEM, readJson } from './http.js';

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

export interface StoredUpload {
  id: string;
  name: string;
  type: string;
  size: number;
  /** Temporary path until `commit` moves it into the store. */
  path: string;
  sha256: string;
}

export interface ParsedBody {
  /** The JSON document (the `payload` part of a multipart body, or the whole JSON body). */
  payload: unknown;
  files: StoredUpload[];
}

/** A file name safe to show and to send back in Content-Disposition. */
function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\]/g, '_').trim().slice(0, 200);
  return cleaned || 'file';
}

/**
 * Reads a JSON body, or a multipart body with a `payload` JSON field and `files` parts.
 * Limits are enforced while streaming; on any failure every partial file is deleted and nothing is kept.
 */
export async function readPayload(req: IncomingMessage, tmpDir: string, limits: UploadLimits): Promise<ParsedBody> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) return { payload: await readJson(req, limits.jsonBytes), files: [] };
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limits.totalBytes + limits.jsonBytes + 64 * 1024) {
    throw new HttpError(413, PROBLEM.tooLarge, `Вложения больше ${limits.totalBytes} байт в сумме`);
  }
  await mkdir(tmpDir, { recursive: true });
  const files: StoredUpload[] = [];
  try {
    const payload = await new Promise<unknown>((resolve, reject) => {
      let payloadText: string | null = null;
      let total = 0;
      let failed = false;
      const pending: Promise<void>[] = [];
      const fail = (error: HttpError) => {
        if (failed) return;
        failed = true;
        req.unpipe(parser);
        req.resume();
        reject(error);
      };
      const parser = busboy({
        headers: req.headers,
        limits: { fileSize: limits.fileBytes, files: limits.files, fields: 4, fieldSize: limits.jsonBytes, parts: limits.files + 4 },
        defParamCharset: 'utf8',
      });
      parser.on('field', (name, value, info) => {
        if (info.valueTruncated) fail(new HttpError(413, PROBLEM.tooLarge, `Поле ${name} больше ${limits.jsonBytes} байт`));
        else if (name === 'payload') payloadText = value;
      });
      parser.on('file', (name, stream, info) => {
        if (name !== 'files') {
          stream.resume();
          return;
        }
        const upload: StoredUpload = { id: randomUUID(), name: cleanName(info.filename ?? ''), type: 'unknown', size: 0, path: join(tmpDir, randomUUID()), sha256: '' };
        files.push(upload);
        const hash = createHash('sha256');
        const out = createWriteStream(upload.path);
        let head = Buffer.alloc(0);
        stream.on('data', (chunk: Buffer) => {
          if (head.length < 512) head = Buffer.concat([head, chunk.subarray(0, 512 - head.length)]);
          upload.size += chunk.length;
          total += chunk.length;
          hash.update(chunk);
          if (total > limits.totalBytes) fail(new HttpError(413, PROBLEM.tooLarge, `Вложения больше ${limits.totalBytes} байт в сумме`));
        });
        stream.on('limit', () => fail(new HttpError(413, PROBLEM.tooLarge, `Файл «${upload.name}» больше ${limits.fileBytes} байт`)));
        pending.push(
          new Promise<void>((done, error) => {
            out.on('finish', () => {
              upload.sha256 = hash.digest('hex');
              upload.type = sniffType(new Uint8Array(head));
              done();
            });
            out.on('error', error);
          }),
        );
        stream.pipe(out);
      });
      parser.on('filesLimit', () => fail(new HttpError(413, PROBLEM.tooLarge, `Не больше ${limits.files} файлов`)));
      parser.on('error', () => fail(new HttpError(400, PROBLEM.badRequest, 'Тело multipart повреждено')));
      parser.on('close', () => {
        void Promise.all(pending).then(() => {
          if (failed) return;
          const text: string | null = payloadText;
          if (text === null) return fail(new HttpError(400, PROBLEM.badRequest, 'Нет поля payload'));
          try {
            resolve(JSON.parse(text));
          } catch {
            fail(new HttpError(400, PROBLEM.badRequest, 'Поле payload — не JSON'));
          }
        }, () => fail(new HttpError(500, PROBLEM.server, 'Не удалось сохранить файл')));
      });
      req.pipe(parser);
    });
    const refused = files.find((file) => !limits.types.includes(file.type));
    if (refused) {
      throw new HttpError(415, PROBLEM.unsupportedType, `Файл «${refused.name}» не принят: допустимы PDF, JPEG, PNG`, [
        { field: 'files', code: 'type', detail: `Файл «${refused.name}» не принят: допустимы PDF, JPEG, PNG` },
      ]);
    }
    return { payload, files };
  } catch (error) {
    await discard(files);
    throw error;
  }
}

export async function discard(files: StoredUpload[]): Promise<void> {
  await Promise.all(files.map((file) => rm(file.path, { force: true })));
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
