import { ApiError } from '../../shared/contract/bridge';

// Control characters (C0, DEL, C1), line and paragraph separators and bidi controls: what input files may hold
// that would move the cursor, recolour or reorder a terminal line (hence the lint exception).
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text from input files made safe to print: invisible and control characters written as \uXXXX escapes. */
export function printable(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Bad input to an import (missing file, unreadable format, bad spec): the message names the path and the fix.
 * Messages quote file names and field names from the input, so they are made printable here once for every
 * place that shows them (terminal, page).
 */
export function badInput(message: string): ApiError {
  return new ApiError('bad_request', printable(message));
}

/** Stops reading early without an error (previews read only the first rows). */
export class StopReading extends Error {
  constructor() {
    super('stop reading');
    this.name = 'StopReading';
  }
}
