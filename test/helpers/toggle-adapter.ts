import { AdapterError } from '../../src/core/adapter/errors.js';
import { MemoryAdapter, type MemoryAdapterOptions } from '../../src/core/adapter/memory.js';
import type { NewTicket, RequestOptions, TicketReceipt, UploadFile } from '../../src/core/adapter/types.js';

/**
 * A MemoryAdapter whose connection can be cut and restored: while `online` is false every request
 * is refused as `offline` (topics still load, so a form renders). Unlike `failNext`, it stays
 * offline for every retry, as a real network does, until a test brings it back. No DOM or test
 * framework imports, so a fixture page (a second "tab" in an iframe) can use it too.
 */
export class ToggleAdapter extends MemoryAdapter {
  constructor(
    public online = true,
    options: MemoryAdapterOptions = {},
  ) {
    super(options);
  }

  override createTicket(ticket: NewTicket, files: UploadFile[], options: RequestOptions & { idempotencyKey: string }): Promise<TicketReceipt> {
    if (!this.online) return Promise.reject(new AdapterError('offline', 'offline'));
    return super.createTicket(ticket, files, options);
  }
}
