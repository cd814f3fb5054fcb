// Owns the failure-as-value convention used across the IPC bridge, the host and the CLI.
// Errors never cross the bridge as thrown exceptions: every call resolves to a Result.

export type ErrorCode = 'invalid-request' | 'unknown-channel' | 'not-found' | 'forbidden' | 'io' | 'internal';

export interface AppError {
  readonly code: ErrorCode;
  /** A sentence a person can act on, in Swedish (the product's first language). */
  readonly message: string;
  /** The same sentence in English, shown when the interface is in English. */
  readonly messageEn: string;
}

/** A sentence main composes for the user, in both of the interface's languages. */
export interface Bilingual {
  readonly sv: string;
  readonly en: string;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string, messageEn: string): Result<T> {
  return { ok: false, error: { code, message, messageEn } };
}

/**
 * Why something was refused, as an Error (so it can be thrown or returned like one) whose
 * message is Swedish and whose `en` is the same sentence in English.
 */
export class Refusal extends Error {
  constructor(
    sv: string,
    readonly en: string,
  ) {
    super(sv);
  }
}

/** A failure whose sentences were composed together (a store or parser message). */
export function failWith<T = never>(code: ErrorCode, said: Bilingual): Result<T> {
  return fail(code, said.sv, said.en);
}
