// `assay --help` and every command pay for each module the CLI entry imports statically. This keeps that set to
// commander and the command files: engines (zod schemas, analyzers, drift, storage) load when a command runs, with
// `await import(...)` inside its action. A command that imports one at the top fails here, not in a timing check.
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../helpers/cli';

async function staticGraph(): Promise<{ inputs: string[]; packages: string[] }> {
  const r = await build({
    absWorkingDir: repoRoot, entryPoints: { assay: 'main/cli/index.ts' }, bundle: true, splitting: true, format: 'esm',
    platform: 'node', outdir: 'dist/graph-check', packages: 'external', write: false, metafile: true, logLevel: 'silent',
  });
  const outputs: Metafile['outputs'] = r.metafile.outputs;
  const entry = Object.keys(outputs).find((k) => k.endsWith('/assay.js'))!;
  const seen = new Set<string>();
  const packages = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const out = stack.pop()!;
    if (seen.has(out)) continue;
    seen.add(out);
    for (const i of outputs[out]!.imports) {
      if (i.kind !== 'import-statement') continue;
      if (i.external) packages.add(i.path);
      else stack.push(i.path);
    }
  }
  return { inputs: [...seen].flatMap((o) => Object.keys(outputs[o]!.inputs)), packages: [...packages] };
}

describe('CLI start-up', () => {
  it('imports no engine before a command runs', async () => {
    const { inputs, packages } = await staticGraph();
    expect(packages.filter((p) => !p.startsWith('node:')).sort()).toEqual(expect.not.arrayContaining(['zod', 'better-sqlite3', 'hnswlib-node', 'csv-parse']));
    const heavy = inputs.filter((p) => !p.endsWith('-error.ts') && /^(shared\/(contract\/.*-schemas|engine\/analyzers|drift\/(?!types|test-choice)|metrics|stats)|main\/(storage|api|analysis|importers|indexes|tabular)\/)/.test(p));
    expect(heavy).toEqual([]);
  });
});
