import { AdapterError, kindForStatus, parseRetryAfter, type Problem } from './errors.js';
import type { RequestOptions, UploadFile } from './types.js';

export interface RestAdapterOptions {
  /** Base URL of the API, e.g. `/api/support` or `https://support.example.gov.ru/api`. */
  endpoint: string;
  /** Extra headers on every request (an API key, a portal's session header). */
  headers?: Record<string, string>;
  /** Returns the signed-in user's bearer token, or null for anonymous requests. */
  getToken?: () => string | null | Promise<string | null>;
  /** Milliseconds before a request counts as timed out (uploads get 4× as long). Default 15 s. */
  timeoutMs?: number;
  /** Language the server should answer in (Accept-Language). */
  lang?: string;
  /** How often the chat is polled where its event stream cannot be opened (3 s). */
  pollMs?: number;
  /** After falling back to polling, the event stream is tried again after this, doubling up to a minute (5 s). */
  streamRetryMs?: number;
}

interface Sent {
  method: string;
  path: string;
  body?: unknown;
  files?: UploadFile[];
  options?: RequestOptions;
  headers?: Record<string, string>;
}

/** The multipart body of docs/api.md: a `payload` JSON field and one `files` part per file. */
function multipartBody(body: unknown, files: UploadFile[]): FormData {
  const form = new FormData();
  form.append('payload', JSON.stringify(body ?? {}));
  for (const file of files) form.append('files', new Blob([file.data], { type: file.type }), file.name);
  return form;
}

/** Same messages the UI shows; the elements translate by `kind`, these are for logs. */
const KIND_MESSAGE = {
  offline: 'Нет соединения с сервером',
  timeout: 'Сервер не ответил вовремя',
} as const;

/**
 * HTTP for the REST adapter: base URL, headers (language, bearer token, Idempotency-Key), timeouts,
 * problem+json errors as `AdapterError`, and uploads through XMLHttpRequest for their progress.
 */
export class RestTransport {
  protected readonly base: string;

  constructor(protected readonly options: RestAdapterOptions) {
    this.base = options.endpoint.replace(/\/+$/, '');
  }

  protected url(path: string): string {
    return `${this.base}${path}`;
  }

  protected async headers(extra: Record<string, string> = {}, options?: RequestOptions): Promise<Record<string, string>> {
    const headers: Record<string, string> = { Accept: 'application/json', ...this.options.headers, ...extra };
    const lang = options?.lang ?? this.options.lang;
    if (lang) headers['Accept-Language'] = lang;
    const token = await this.options.getToken?.();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options?.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    return headers;
  }

  protected timeoutSignal(options: RequestOptions | undefined, factor = 1): { signal: AbortSignal; timedOut: () => boolean } {
    const timeout = AbortSignal.timeout((this.options.timeoutMs ?? 15_000) * factor);
    const signal = options?.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    return { signal, timedOut: () => timeout.aborted && !options?.signal?.aborted };
  }

  protected async request<T>({ method, path, body, files, options, headers: extra }: Sent): Promise<T> {
    const multipart = Boolean(files?.length || options?.onProgress);
    // XHR only for its upload progress; a service worker has no XHR, and fetch uploads there.
    if (multipart && typeof XMLHttpRequest === 'function') return this.upload<T>({ method, path, body, files: files ?? [], options, headers: extra });
    const { signal, timedOut } = this.timeoutSignal(options, multipart ? 4 : 1);
    const headers = await this.headers(body !== undefined && !multipart ? { 'Content-Type': 'application/json', ...extra } : extra, options);
    const payload = multipart ? multipartBody(body, files ?? []) : body !== undefined ? JSON.stringify(body) : undefined;
    let response: Response;
    try {
      response = await fetch(this.url(path), { method, headers, body: payload, signal, credentials: 'same-origin' });
    } catch (error) {
      throw this.networkError(error, timedOut(), options?.signal);
    }
    const text = await response.text().catch(() => '');
    return this.parse<T>(response.status, text, response.headers.get('Retry-After'));
  }

  protected networkError(error: unknown, timedOut: boolean, userSignal?: AbortSignal): unknown {
    if (userSignal?.aborted) return userSignal.reason ?? error;
    if (timedOut) return new AdapterError('timeout', KIND_MESSAGE.timeout);
    return new AdapterError('offline', KIND_MESSAGE.offline);
  }

  protected parse<T>(status: number, text: string, retryAfter: string | null): T {
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null; // a proxy's HTML error page: the status alone decides
    }
    if (status >= 200 && status < 300) return data as T;
    const problem = data && typeof data === 'object' && 'status' in data ? (data as Problem) : undefined;
    const kind = kindForStatus(status);
    throw new AdapterError(kind, problem?.title ?? `HTTP ${status}`, {
      status,
      ...(problem ? { problem } : {}),
      ...(kind === 'rate-limited' ? { retryAfterMs: parseRetryAfter(retryAfter) ?? 30_000 } : {}),
    });
  }

  /** Multipart upload through XHR for progress events. */
  protected async upload<T>({ method, path, body, files, options, headers: extra }: Sent & { files: UploadFile[] }): Promise<T> {
    const form = multipartBody(body, files);
    const headers = await this.headers(extra, options);
    const { signal, timedOut } = this.timeoutSignal(options, 4);
    return new Promise<T>((resolve, reject) => {
      if (signal.aborted) return reject(this.networkError(signal.reason, timedOut(), options?.signal));
      const xhr = new XMLHttpRequest();
      xhr.open(method, this.url(path));
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (e) => e.lengthComputable && options?.onProgress?.(e.loaded / e.total);
      const abort = () => xhr.abort();
      signal.addEventListener('abort', abort, { once: true });
      const done = () => signal.removeEventListener('abort', abort);
      xhr.onload = () => {
        done();
        try {
          resolve(this.parse<T>(xhr.status, xhr.responseText, xhr.getResponseHeader('Retry-After')));
        } catch (error) {
          reject(error);
        }
      };
      xhr.onerror = xhr.onabort = () => {
        done();
        reject(this.networkError(signal.reason, timedOut(), options?.signal));
      };
      xhr.send(form);
    });
  }
}
