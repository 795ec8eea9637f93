import type { RecordInput } from '../../../shared/contract/record-input';
import { CREDIT_COLUMNS, generateCredit, type CreditData } from './credit';
import { toCsv } from './csv';
import { KB_DOCS, type KbDoc } from './kb/index';
import { DEFAULT_LOG_COUNT, generateLogs } from './logs';

/**
 * The whole demo as plain data, and as the exact file contents `writeDemoFiles` puts on disk. The knowledge
 * base is fixed content; logs and credit data depend on the seed.
 */
export interface DemoData {
  seed: number;
  kb: KbDoc[];
  logs: RecordInput[];
  credit: CreditData;
}

export interface DemoCounts {
  kbDocs: number;
  logs: number;
  referenceRows: number;
  currentRows: number;
}

export const DEMO_PATHS = {
  kbDir: 'kb',
  logs: 'logs.jsonl',
  reference: 'credit_reference.csv',
  current: 'credit_current.csv',
} as const;

export function checkSeed(seed: number): void {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`demo seed must be a whole number, got ${String(seed)}`);
}

export function generateDemo(seed = 42): DemoData {
  checkSeed(seed);
  return { seed, kb: KB_DOCS, logs: generateLogs(seed, DEFAULT_LOG_COUNT), credit: generateCredit(seed) };
}

export function demoCounts(data: DemoData): DemoCounts {
  return { kbDocs: data.kb.length, logs: data.logs.length, referenceRows: data.credit.reference.length, currentRows: data.credit.current.length };
}

/** File contents keyed by path relative to the demo folder (forward slashes), in a stable order. */
export function demoFiles(data: DemoData): Map<string, string> {
  const files = new Map<string, string>();
  for (const doc of data.kb) files.set(`${DEMO_PATHS.kbDir}/${doc.id}.md`, doc.text);
  files.set(DEMO_PATHS.logs, data.logs.map((r) => `${JSON.stringify(r)}\n`).join(''));
  files.set(DEMO_PATHS.reference, toCsv(CREDIT_COLUMNS, data.credit.reference));
  files.set(DEMO_PATHS.current, toCsv(CREDIT_COLUMNS, data.credit.current));
  return files;
}

export { CREDIT_COLUMNS, DECISION_THRESHOLD, type CreditData, type CreditRow } from './credit';
export { KB_CHUNKS, QA_FACTS, type KbChunk, type KbDoc, type QaFact } from './kb/index';
export { PROMPT_ID } from './logs';
export type { DemoLabel } from './turn-content';
