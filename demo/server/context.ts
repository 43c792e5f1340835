import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Article } from '../../src/core/adapter/types.js';
import type { Signer } from './access.js';
import type { Db } from './db.js';
import type { UploadLimits } from './files.js';
import type { Guard } from './guard.js';
import { HttpError, PROBLEM, bearerToken, clientKey } from './http.js';
import type { Budget, RateLimiter } from './rate-limit.js';
import { sameSecret } from './secrets.js';
import { ChatService, type ChatConfig } from './chat/service.js';
import { TicketStore } from './tickets-store.js';

/** Rate budgets: per client for every bucket, and per ticket number / per contact for failed look-ups. */
export interface Budgets {
  client: Budget;
  lookupPerNumber: Budget;
  lookupPerContact: Budget;
}

export interface ContextOptions {
  db: Db;
  limiter: RateLimiter;
  budgets: Budgets;
  uploadLimits: UploadLimits;
  articles: Article[];
  tmpDir: string;
  filesDir: string;
  operatorToken: string;
  chat: ChatConfig;
  now: () => number;
  signer: Signer;
  guard: Guard;
  /** Reverse proxies in front of the server that append to X-Forwarded-For (0: none, trust no header). */
  trustProxy: number;
}

/** What every route needs: storage, limits, secrets and the in-process event bus (chat, console). */
export class Context {
  readonly tickets: TicketStore;
  readonly chat: ChatService;
  readonly events = new EventEmitter();
  readonly db: Db;
  readonly limiter: RateLimiter;
  readonly budgets: Budgets;
  readonly uploadLimits: UploadLimits;
  readonly articles: Article[];
  readonly tmpDir: string;
  readonly filesDir: string;
  readonly signer: Signer;
  readonly guard: Guard;
  private readonly operatorToken: string;
  private readonly trustProxy: number;

  constructor(options: ContextOptions) {
    ({
      db: this.db,
      limiter: this.limiter,
      budgets: this.budgets,
      uploadLimits: this.uploadLimits,
      articles: this.articles,
      tmpDir: this.tmpDir,
      filesDir: this.filesDir,
      signer: this.signer,
      guard: this.guard,
      operatorToken: this.operatorToken,
      trustProxy: this.trustProxy,
    } = options);
    this.tickets = new TicketStore(this.db, this.signer);
    this.chat = new ChatService(this.db, this.signer, this.articles, options.chat, options.now);
    this.events.setMaxListeners(0);
  }

  client(req: IncomingMessage): string {
    return clientKey(req, this.trustProxy);
  }

  /** Counts a request of this client in `bucket`; 429 past the per-client budget. */
  limit(req: IncomingMessage, bucket: string): void {
    this.limiter.take(bucket, this.client(req), this.budgets.client);
  }

  /** The operator's bearer token, compared in constant time. */
  requireOperator(req: IncomingMessage): void {
    if (!sameSecret(bearerToken(req), this.operatorToken)) {
      throw new HttpError(401, PROBLEM.unauthorized, 'Нужен токен оператора', undefined, { 'WWW-Authenticate': 'Bearer' });
    }
  }
}
