// Pairs the items of two versions that answered the same input: by metadata pair_key, else item_id, else the
// normalized input text (NFKC, lower case, runs of white space collapsed). Repeats of one key pair in order:
// the first A with the first B, the second with the second; what is left over is unpaired.
import type { CompareItem } from './compare-item';

export interface Pairing {
  pairs: [number, number][];
  unpairedA: number[];
  unpairedB: number[];
  /** How many pairs each kind of key made. */
  by: { pair_key: number; item_id: number; input: number };
}

// NFKC leaves printable ASCII as it is, and ASCII without tabs, line breaks, leading, trailing or double spaces
// has no white space to collapse: testing for that is much cheaper than normalizing 100k inputs.
const PLAIN_ASCII = /^(?! )(?:[!-~]| (?! |$))*$/;

export function normalizeInput(text: string): string {
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function keyOf(item: CompareItem): string {
  if (item.pairKey !== null) return `k:${item.pairKey}`;
  if (item.itemId !== null) return `i:${item.itemId}`;
  return `t:${normalizeInput(item.input)}`;
}

/** Indices into a and b. */
export function pairItems(a: readonly CompareItem[], b: readonly CompareItem[]): Pairing {
  const queues = new Map<string, number[]>();
  a.forEach((item, i) => {
    const key = keyOf(item);
    const q = queues.get(key);
    if (q) q.push(i);
    else queues.set(key, [i]);
  });
  const heads = new Map<string, number>();
  const pairs: [number, number][] = [];
  const pairedA = new Uint8Array(a.length);
  const unpairedB: number[] = [];
  const by = { pair_key: 0, item_id: 0, input: 0 };
  b.forEach((item, j) => {
    const key = keyOf(item);
    const q = queues.get(key);
    const head = heads.get(key) ?? 0;
    if (!q || head >= q.length) {
      unpairedB.push(j);
      return;
    }
    heads.set(key, head + 1);
    const i = q[head]!;
    pairedA[i] = 1;
    pairs.push([i, j]);
    if (key.startsWith('k:')) by.pair_key++;
    else if (key.startsWith('i:')) by.item_id++;
    else by.input++;
  });
  const unpairedA: number[] = [];
  for (let i = 0; i < a.length; i++) if (!pairedA[i]) unpairedA.push(i);
  return { pairs, unpairedA, unpairedB, by };
}
