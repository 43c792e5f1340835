import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, PROBLEM, readJson, sendJson } from '../http.js';
import type { ChatService } from './service.js';

/**
 * `/__test/chat/*` (only with --test-hooks, loopback only): cut every open event stream, force the
 * operators' hours, set the wait estimate. Browser tests use them to prove reconnection and the
 * states that depend on the clock.
 */
export async function chatHooks(req: IncomingMessage, res: ServerResponse, path: string, chat: ChatService): Promise<void> {
  if (req.method !== 'POST') throw new HttpError(405, PROBLEM.badRequest, 'POST');
  if (path === '/__test/chat/drop-streams') return sendJson(res, 200, { dropped: chat.streams.dropAll() });
  const body = (await readJson(req, 1024)) as Record<string, unknown> | null;
  if (path === '/__test/chat/hours' && body && (typeof body.open === 'boolean' || body.open === null)) chat.forceHours(body.open);
  else if (path === '/__test/chat/queue-time' && body && typeof body.secondsPerChat === 'number') {
    chat.config.secondsPerChat = body.secondsPerChat;
    if (typeof body.callbackAfterSeconds === 'number') chat.config.callbackAfterSeconds = body.callbackAfterSeconds;
  } else throw new HttpError(400, PROBLEM.badRequest, 'Unknown chat hook or body');
  res.writeHead(204).end();
}
