import type { AssayBridge } from '../../shared/contract/bridge';
import type { Method, MethodInput, MethodOutput } from '../../shared/contract/api';
import { createHttpBridge } from './http-client';

/** Electron's preload provides window.assay; in browser mode the same calls go over HTTP. */
export const bridge: AssayBridge = window.assay ?? createHttpBridge();

/** Which shell the UI runs in, for the top bar. */
export const hostKind: 'desktop' | 'browser' = window.assay ? 'desktop' : 'browser';

export function call<M extends Method>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  return bridge.call(method, input);
}
