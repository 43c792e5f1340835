import type { SniffedType } from './sniff.js';

/** What the kit accepts; every number is configurable by the portal. */
export interface AttachPolicy {
  /** Images larger than this are compressed to fit (screenshots and photos). */
  imageBytes: number;
  /** Documents (PDF) larger than this are refused. */
  documentBytes: number;
  maxFiles: number;
  totalBytes: number;
  /** Types a file may really be (by its bytes) and still be sent. */
  documentTypes: readonly SniffedType[];
  imageTypes: readonly SniffedType[];
  /**
   * Where the page serves `gu-compress-worker.js`, when it is not beside the kit's code: a kit
   * loaded from a CDN (a Worker must come from the page's own origin) or a CSP that allows
   * workers only from one path. `null` compresses on the main thread. By default the file the
   * kit ships beside its code, which bundlers emit with the app.
   */
  workerUrl?: string | URL | null;
}

const MB = 1024 * 1024;

export const DEFAULT_POLICY: AttachPolicy = {
  imageBytes: 2 * MB,
  documentBytes: 5 * MB,
  maxFiles: 10,
  totalBytes: 25 * MB,
  documentTypes: ['application/pdf'],
  // WebP and HEIC photos are taken in and re-encoded as JPEG, which every back office opens.
  imageTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic'],
};

