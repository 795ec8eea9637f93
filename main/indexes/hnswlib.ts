import { createRequire } from 'node:module';

type HnswlibModule = typeof import('hnswlib-node');

// hnswlib-node is CommonJS that assigns its exports at run time, which Node's ESM loader cannot name statically.
const hnswlib = createRequire(import.meta.url)('hnswlib-node') as HnswlibModule;

export const HierarchicalNSW = hnswlib.HierarchicalNSW;
export type HierarchicalNSW = InstanceType<HnswlibModule['HierarchicalNSW']>;
