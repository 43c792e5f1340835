import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Test hooks (only with `testHooks: true`): make the next matching requests fail the way real
 * networks do, so browser tests can prove the kit's failure paths against the real server.
 */
export interface Fault {
  method?: string;
  path: string;
  /** Answer with this status (a problem document) instead of handling the request. */
  status?: number;
  retryAfter?: number;
  /** Handle the request, then cut the connection before the response: "the response was lost". */
  drop?: boolean;
  /** Wait this long before handling (to provoke client timeouts). */
  delayMs?: number;
  times?: number;
}

export class FaultInjector {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  clear(): void {
    this.faults = [];
  }

  /** Takes the first fault matching the request, counting it down. */
  take(req: IncomingMessage, pathname: string): Fault | undefined {
    const fault = this.faults.find((f) => (!f.method || f.method === req.method) && (pathname === f.path || (f.path.endsWith('*') && pathname.startsWith(f.path.slice(0, -1)))));
    if (!fault) return undefined;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }
}

/**
 * Makes the response vanish after the handler did its work: the client gets the start of a
 * response and then a reset connection. (A reset before any byte is not enough: browsers
 * silently resend a request whose kept-alive connection closed without answering.)
 */
export function dropResponse(res: ServerResponse): void {
  const destroy = () => {
    const socket = res.socket;
    socket?.write('HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n{"num', () => socket.destroy());
    return res;
  };
  res.writeHead = destroy as typeof res.writeHead;
  res.end = destroy as typeof res.end;
  res.write = (() => true) as typeof res.write;
}
