import { expect } from 'vitest';
import { ApiError } from '../../shared/contract/bridge';

/** Awaits a call that must fail with an ApiError and returns it, so a test can check its code and message. */
export async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected the call to fail');
}
