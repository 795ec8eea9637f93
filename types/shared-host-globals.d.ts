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
