// The web-standard globals every host of shared/ provides (browsers, Node 20+, worker threads), declared for the
// shared/ type check (tsconfig.shared.json), which otherwise has neither DOM nor Node types. Add one here only if
// it exists in all of them.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare function atob(data: string): string;
declare function btoa(data: string): string;
declare const performance: { now(): number };
/** The part of the WebAssembly JS API the bootstrap's SIMD kernels use (shared/stats/resample-kernels.ts). */
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array<ArrayBuffer>);
  }
  class Instance {
    constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
  class Memory {
    constructor(descriptor: { initial: number; maximum?: number });
    readonly buffer: ArrayBuffer;
    grow(delta: number): number;
  }
  function validate(bytes: Uint8Array<ArrayBuffer>): boolean;
}
