import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PATHS, demoCounts, demoFiles, generateDemo, type DemoCounts } from './generate/index';

export interface DemoFilesResult {
  kbDir: string;
  logsPath: string;
  referencePath: string;
  currentPath: string;
  counts: DemoCounts;
}

/**
 * Writes the seeded demo into `dir`: kb/<doc-id>.md, logs.jsonl, credit_reference.csv and credit_current.csv.
 * Existing files with those names are overwritten; nothing else in the folder is touched.
 */
export function writeDemoFiles(dir: string, seed = 42): DemoFilesResult {
  if (typeof dir !== 'string' || dir.trim() === '') throw new TypeError('demo output folder must be a non-empty path');
  const root = path.resolve(dir);
  const data = generateDemo(seed);
  try {
    mkdirSync(path.join(root, DEMO_PATHS.kbDir), { recursive: true });
    for (const [relative, text] of demoFiles(data)) writeFileSync(path.join(root, ...relative.split('/')), text, 'utf8');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`could not write demo files to ${root}: ${reason}`);
  }
  return {
    kbDir: path.join(root, DEMO_PATHS.kbDir),
    logsPath: path.join(root, DEMO_PATHS.logs),
    referencePath: path.join(root, DEMO_PATHS.reference),
    currentPath: path.join(root, DEMO_PATHS.current),
    counts: demoCounts(data),
  };
}
