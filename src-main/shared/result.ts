// Owns the failure-as-value convention used across the IPC bridge, the host and the CLI.
// Errors never cross the bridge as thrown exceptions: every call resolves to a Result.

export type ErrorCode = 'invalid-request' | 'unknown-channel' | 'not-found' | 'forbidden' | 'io' | 'internal';

export interface AppError {
  readonly code: ErrorCode;
  /** A sentence a person can act on (Swedish, the product's first language). */
  readonly message: string;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
