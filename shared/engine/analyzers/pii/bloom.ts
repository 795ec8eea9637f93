import { hashString } from '../../../text/embed/hash32';

/** Hash count of the common-words filter (with 11 bits per word, about 0.5% false positives). */
export const COMMON_WORDS_HASHES = 7;

/** Bit positions of a key in a Bloom filter of `bits` bits: double hashing over two seeded FNV-1a hashes. */
export function bloomPositions(key: string, bits: number, hashes: number): number[] {
  const a = hashString(key, 0x9e3779b9);
  const b = hashString(key, 0x85ebca6b) | 1;
  const out: number[] = [];
  for (let i = 0; i < hashes; i++) out.push(((a + Math.imul(i, b)) >>> 0) % bits);
  return out;
}
