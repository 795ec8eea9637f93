#!/usr/bin/env node
// `npm run bench [-- name ...]`: runs each bench/<name>.ts in its own process, one after another, so one
// benchmark's memory never skews the next one's figures.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const benches = readdirSync('bench').filter((f) => f.endsWith('.ts') && f !== 'eval-analyzers.ts').map((f) => f.replace(/\.ts$/, ''))
  .filter((name) => only.length === 0 || only.includes(name)).sort();
let failed = 0;
for (const name of benches) {
  console.log(`\n=== bench/${name}.ts ===`);
  const r = spawnSync('npx', ['tsx', `bench/${name}.ts`], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
