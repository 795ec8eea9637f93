import { ApiError } from '../../shared/contract/bridge';

/** Bad input to an import (missing file, unreadable format, bad spec): the message names the path and the fix. */
export function badInput(message: string): ApiError {
  return new ApiError('bad_request', message);
}

/** Stops reading early without an error (previews read only the first rows). */
export class StopReading extends Error {
  constructor() {
    super('stop reading');
    this.name = 'StopReading';
  }
}
