import { z } from 'zod';
import { api, isMethod, type Handlers, type Method } from '../../shared/contract/api';
import { ApiError, type Reply } from '../../shared/contract/bridge';
import { WorkspaceError } from '../storage/workspace-error';

function describeIssues(method: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`);
  return `${method}: invalid request: ${parts.join('; ')}`;
}

/**
 * The boundary every host shares: checks the method exists, parses the input with the contract's schema,
 * runs the handler and turns any failure into a reply with a message the user can act on.
 */
export async function dispatch(handlers: Partial<Handlers>, method: unknown, input: unknown): Promise<Reply<unknown>> {
  // A host may serve a subset of the contract (the CLI's import command loads only the import handlers).
  if (!isMethod(method) || handlers[method] === undefined) {
    return { ok: false, error: { code: 'unknown_method', message: `unknown API method ${JSON.stringify(String(method)).slice(0, 80)}` } };
  }
  const parsed = api[method].input.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'bad_request', message: describeIssues(method, parsed.error) } };
  try {
    const handler = handlers[method] as (i: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, error: { code: err.code, message: err.message } };
    if (err instanceof WorkspaceError) return { ok: false, error: { code: 'workspace', message: err.message } };
    return { ok: false, error: { code: 'internal', message: `${method} failed: ${(err as Error).message ?? String(err)}` } };
  }
}

/** Calls a method in-process with the same validation, throwing ApiError on failure (used by the CLI and tests). */
export async function callApi<M extends Method>(handlers: Partial<Handlers>, method: M, input: z.input<(typeof api)[M]['input']>): Promise<z.output<(typeof api)[M]['output']>> {
  const reply = await dispatch(handlers, method, input);
  if (!reply.ok) throw new ApiError(reply.error.code, reply.error.message);
  return reply.value as z.output<(typeof api)[M]['output']>;
}
