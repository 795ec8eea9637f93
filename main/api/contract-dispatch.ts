import type { z } from 'zod';
import { ApiError, type Reply } from '../../shared/contract/bridge';
import { WorkspaceError } from '../storage/workspace-error';

/**
 * The API contract or a domain's part of it (shared/contract/*-api.ts): method name -> input and output schemas.
 * A host that serves one domain validates against that part alone, and so does not build every domain's
 * schemas at start-up (the whole contract costs a CLI command ~0.25 s of CPU before its first row).
 */
export type Contract = Record<string, { input: z.ZodType; output: z.ZodType }>;

export type ContractHandlers<C extends Contract> = { [M in keyof C]: (input: z.output<C[M]['input']>) => Promise<z.output<C[M]['output']>> };

/** One call through a contract, throwing ApiError on failure. */
export type ContractCall<C extends Contract> = <M extends keyof C & string>(method: M, input: z.input<C[M]['input']>) => Promise<z.output<C[M]['output']>>;

function describeIssues(method: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`);
  return `${method}: invalid request: ${parts.join('; ')}`;
}

/**
 * The boundary every host shares: checks the method exists, parses the input with the contract's schema,
 * runs the handler and turns any failure into a reply with a message the user can act on.
 */
export async function dispatchIn<C extends Contract>(contract: C, handlers: Partial<ContractHandlers<C>>, method: unknown, input: unknown): Promise<Reply<unknown>> {
  // A host may serve a subset of the contract (the CLI's import command loads only the import handlers).
  if (typeof method !== 'string' || !Object.prototype.hasOwnProperty.call(contract, method) || handlers[method] === undefined) {
    return { ok: false, error: { code: 'unknown_method', message: `unknown API method ${JSON.stringify(String(method)).slice(0, 80)}` } };
  }
  const parsed = contract[method]!.input.safeParse(input ?? {});
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
export async function callIn<C extends Contract, M extends keyof C & string>(contract: C, handlers: Partial<ContractHandlers<C>>, method: M,
  input: z.input<C[M]['input']>): Promise<z.output<C[M]['output']>> {
  const reply = await dispatchIn(contract, handlers, method, input);
  if (!reply.ok) throw new ApiError(reply.error.code, reply.error.message);
  return reply.value as z.output<C[M]['output']>;
}
