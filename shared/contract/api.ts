import { z } from 'zod';
import {
  Asset, AuditPage, AuditQuery, ChainStatus, ImportRequest, ImportSummary, LogRecord,
  RecordFacets, RecordPage, RecordQuery, WorkspaceInfo,
} from './schemas';

const None = z.object({}).strict().default({});

/**
 * The one API contract. The renderer (over IPC or HTTP), the CLI and tests all call these methods;
 * main/api implements each once and every request is parsed with `input` where it enters main/.
 */
export const api = {
  'workspace.info': { input: None, output: WorkspaceInfo },
  'assets.list': { input: None, output: z.array(Asset) },
  'records.list': { input: RecordQuery.strict(), output: RecordPage },
  'records.get': { input: z.object({ id: z.number().int().positive() }).strict(), output: LogRecord },
  'records.facets': { input: None, output: RecordFacets },
  'audit.list': { input: AuditQuery.strict(), output: AuditPage },
  'audit.verify': { input: None, output: ChainStatus },
  'import.file': { input: ImportRequest.strict(), output: ImportSummary },
} as const;

export type Api = typeof api;
export type Method = keyof Api;
export type MethodInput<M extends Method> = z.input<Api[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type MethodOutput<M extends Method> = z.output<Api[M]['output']>;
export type Handlers = { [M in Method]: (input: ParsedInput<M>) => Promise<MethodOutput<M>> };

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}
