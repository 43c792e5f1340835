import { fail, ok, type Validation } from '../result.js';
import { attachStrings } from '../i18n/catalogues/attach.js';
import { formatBytes } from './bytes.js';

export { formatBytes } from './bytes.js';
export { DEFAULT_POLICY, type AttachPolicy } from './limits.js';
import { DEFAULT_POLICY, type AttachPolicy } from './limits.js';
import type { SniffedType } from './sniff.js';

export type FileDecision = 'as-is' | 'compress';


/** What the name promises (`.jpg` → JPEG), to tell a disguised file from an unknown one. */
function claimedType(name: string): string | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const claims: Record<string, string> = { jpg: 'JPEG', jpeg: 'JPEG', png: 'PNG', pdf: 'PDF', webp: 'WebP', heic: 'HEIC', heif: 'HEIC' };
  return claims[ext] ?? null;
}

/**
 * Decides for one file, by its real type (magic bytes) and size: send as is, compress first
 * (images over the limit, and formats the back office may not open), or refuse with the reason
 * and the limit in the user's words.
 */
export function decide(name: string, size: number, type: SniffedType, policy: AttachPolicy = DEFAULT_POLICY, lang = 'ru'): Validation<FileDecision> {
  if (policy.documentTypes.includes(type)) {
    return size <= policy.documentBytes ? ok('as-is') : fail('too-big', attachStrings.t(lang, 'attach.tooBig', { name, limit: formatBytes(policy.documentBytes, lang) }));
  }
  if (policy.imageTypes.includes(type)) {
    const native = type === 'image/jpeg' || type === 'image/png';
    return ok(native && size <= policy.imageBytes ? 'as-is' : 'compress');
  }
  const claimed = claimedType(name);
  if (claimed && type !== 'unknown') return fail('fake', attachStrings.t(lang, 'attach.fake', { name, claimed }));
  return fail('type', attachStrings.t(lang, 'attach.type', { name }));
}

/** Checks a file against the count and total limits, given the files already attached. */
export function fitsList(name: string, size: number, attached: readonly { size: number }[], policy: AttachPolicy = DEFAULT_POLICY, lang = 'ru'): Validation<true> {
  if (attached.length >= policy.maxFiles) return fail('too-many', attachStrings.t(lang, 'attach.tooMany', { name, count: policy.maxFiles }));
  const total = attached.reduce((sum, file) => sum + file.size, 0) + size;
  if (total > policy.totalBytes) return fail('total', attachStrings.t(lang, 'attach.total', { name, limit: formatBytes(policy.totalBytes, lang) }));
  return ok(true);
}
