import type { AssayBridge } from '../shared/contract/bridge';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in browser mode. */
    assay?: AssayBridge;
  }
}

export {};
