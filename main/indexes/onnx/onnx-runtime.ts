import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type Ort = typeof import('onnxruntime-web');

let loading: Promise<Ort> | null = null;

/**
 * onnxruntime-web (ONNX Runtime compiled to WebAssembly), configured to run only from its installed files:
 * the wasm binary is read from node_modules and handed over, and the loader script is a file URL, so nothing is
 * fetched from a CDN or the network. One thread, no proxy worker: the caller already runs in a worker thread.
 */
export function loadOrt(): Promise<Ort> {
  loading ??= (async () => {
    const dist = path.dirname(createRequire(import.meta.url).resolve('onnxruntime-web'));
    const ort = await import('onnxruntime-web');
    ort.env.wasm.numThreads = 1;
    ort.env.wasm.proxy = false;
    ort.env.wasm.wasmPaths = { mjs: pathToFileURL(path.join(dist, 'ort-wasm-simd-threaded.mjs')).href };
    ort.env.wasm.wasmBinary = readFileSync(path.join(dist, 'ort-wasm-simd-threaded.wasm'));
    ort.env.logLevel = 'error';
    return ort;
  })().catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}
