import { executeServerCommand } from '@web/test-runner-commands';
import type { Fault } from '../../demo/server/faults.js';

/** Starts (once per test file, or fresh) the real reference server and returns its API base. */
export async function referenceServer(options: { fresh?: boolean } = {}): Promise<{ url: string; api: string }> {
  const { url } = await executeServerCommand<{ url: string }, { action: string; fresh?: boolean }>('reference-server', { action: 'start', fresh: options.fresh });
  return { url, api: `${url}/api` };
}

export async function stopReferenceServer(): Promise<void> {
  await executeServerCommand('reference-server', { action: 'stop' });
}

/** Makes the next matching requests fail as real networks do (see demo/server/faults.ts). */
export async function injectFault(url: string, fault: Fault): Promise<void> {
  const response = await fetch(`${url}/__test/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(fault) });
  if (!response.ok) throw new Error(`fault injection failed: ${response.status}`);
}

export async function resetFaults(url: string): Promise<void> {
  await fetch(`${url}/__test/reset`, { method: 'POST' });
}

export async function countRows(url: string, table: 'tickets' | 'comments' | 'chat_messages' | 'attachments'): Promise<number> {
  return ((await (await fetch(`${url}/__test/count?table=${table}`)).json()) as { count: number }).count;
}
