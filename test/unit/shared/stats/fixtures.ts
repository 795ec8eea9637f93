// Loads the SciPy fixtures written by scripts/gen-scipy-fixtures.py and regenerates their large samples.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { createRng } from '../../../../shared/stats/prng';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtureDir = path.resolve(here, '../../../fixtures/scipy');

export function loadCases<T>(name: string): T {
  return (JSON.parse(readFileSync(path.join(fixtureDir, name), 'utf8')) as { cases: T }).cases;
}

export interface GenSpec {
  seed: number;
  n: number;
  shift?: number;
  scale?: number;
  decimals?: number;
}

export type SampleSpec = number[] | GenSpec;

/** Same doubles as gen() in the Python script: Irwin-Hall(4) - 2, scaled, shifted, floored to decimals. */
export function gen(spec: GenSpec): Float64Array {
  const rng = createRng(spec.seed);
  const out = new Float64Array(spec.n);
  const scale = spec.scale ?? 1;
  const shift = spec.shift ?? 0;
  for (let i = 0; i < spec.n; i++) {
    let x = (rng() + rng() + rng() + rng() - 2) * scale + shift;
    if (spec.decimals !== undefined) x = Math.floor(x * 10 ** spec.decimals) / 10 ** spec.decimals;
    out[i] = x;
  }
  return out;
}

export function sample(spec: SampleSpec): Float64Array {
  return Array.isArray(spec) ? Float64Array.from(spec) : gen(spec);
}

/** Relative agreement to `rel` (1e-6 by default); exact zeros must come out below 1e-300. */
export function expectRel(actual: number, expected: number, rel = 1e-6): void {
  const tol = Math.max(Math.abs(expected) * rel, 1e-300);
  if (!(Math.abs(actual - expected) <= tol)) {
    expect.fail(`expected ${expected}, got ${actual} (relative error ${Math.abs(actual - expected) / Math.abs(expected)})`);
  }
}
