import type { Localized } from '../core/types';

/** Why an input could not be read. Stable codes (they appear in JSON and SARIF output). */
export type InputErrorCode =
  | 'not-found'
  | 'unreadable'
  | 'is-directory'
  | 'not-regular-file'
  | 'too-large'
  | 'binary'
  | 'unknown-encoding'
  | 'docx-damaged'
  | 'docx-encrypted'
  | 'pdf-invalid'
  | 'pdf-encrypted'
  | 'pdf-no-text'
  | 'limit-exceeded'
  | 'timeout'
  | 'out-of-memory'
  | 'internal-error';

/** A problem reading one input: reported for that file, and the batch goes on. */
export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    readonly localized: Localized,
  ) {
    super(localized.en);
    this.name = 'InputError';
  }
}

/** An InputError with a message from the catalogue. */
export function inputFailure(code: InputErrorCode, message: Localized): InputError {
  return new InputError(code, message);
}

export function detailOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
