/**
 * Typed outcome of an expected failure (bad input, refused file): core code returns it
 * instead of throwing, and throws only for bugs.
 */
export type Validation<T> =
  | { ok: true; value: T; warning?: ValidationWarning }
  | { ok: false; code: string; message: string };

/** A problem worth telling the user about that does not block sending (e.g. an e-mail typo). */
export interface ValidationWarning {
  code: string;
  message: string;
  /** A corrected value the UI may offer with one click. */
  suggestion?: string;
}

export function ok<T>(value: T, warning?: ValidationWarning): Validation<T> {
  return warning ? { ok: true, value, warning } : { ok: true, value };
}

export function fail<T = never>(code: string, message: string): Validation<T> {
  return { ok: false, code, message };
}
