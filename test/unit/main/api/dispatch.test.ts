import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../main/api/dispatch';
import { EventBus } from '../../../../main/api/event-bus';
import { createHandlers } from '../../../../main/api/handlers';
import { createWorkspace } from '../../../../main/storage/workspace';
import { useTempDir } from '../../../helpers/tmp';

const tmp = useTempDir();

function handlers() {
  const ws = createWorkspace(path.join(tmp(), 'ws'));
  return createHandlers(ws, new EventBus());
}

describe('API boundary', () => {
  it('answers a valid request', async () => {
    const reply = await dispatch(handlers(), 'records.list', { limit: 10 });
    expect(reply).toEqual({ ok: true, value: { total: 0, offset: 0, rows: [], next: null } });
  });

  it('rejects an unknown method by name', async () => {
    const reply = await dispatch(handlers(), 'records.drop', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'unknown_method', message: 'unknown API method "records.drop"' } });
  });

  it.each([
    [{ limit: 5000 }, /records\.list: invalid request: limit: Too big/],
    [{ limit: 'ten' }, /limit: Invalid input: expected number/],
    [{ sort: 'input; DROP TABLE records' }, /sort: Invalid option/],
    [{ offset: -1 }, /offset: Too small/],
    [{ extra: true }, /Unrecognized key/],
  ])('rejects a bad records.list request %j with a clear message', async (input, message) => {
    const reply = await dispatch(handlers(), 'records.list', input);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('bad_request');
      expect(reply.error.message).toMatch(message);
    }
  });

  it('reports a missing record as not_found', async () => {
    const reply = await dispatch(handlers(), 'records.get', { id: 42 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not_found', message: 'record 42 does not exist' } });
  });

  it('rejects a non-object input', async () => {
    const reply = await dispatch(handlers(), 'audit.verify', 'please');
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
