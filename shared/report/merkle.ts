// RFC 9162 (Certificate Transparency 2.0) Merkle tree over the audit log: leaf = SHA-256(0x00 || entry hash),
// node = SHA-256(0x01 || left || right), split at the largest power of two below n. A report carries the tree
// head; a consistency proof shows that an earlier head's entries are an unchanged prefix of a later log.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

const LEAF = Uint8Array.of(0);
const NODE = Uint8Array.of(1);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function leafHash(entry: Uint8Array): Uint8Array {
  return sha256(concat(LEAF, entry));
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return sha256(concat(NODE, left, right));
}

/** Largest power of two strictly below n (n >= 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** A tree over fixed leaves; subtree heads are memoised because proofs and the root share them. */
export class MerkleTree {
  private readonly leaves: Uint8Array[];
  private readonly memo = new Map<string, Uint8Array>();

  /** `entryHashesHex`: each audit entry's hash (hex), in seq order. */
  constructor(entryHashesHex: readonly string[]) {
    this.leaves = entryHashesHex.map((h) => leafHash(hexToBytes(h)));
  }

  get size(): number {
    return this.leaves.length;
  }

  /** MTH(D[lo:hi]). */
  private mth(lo: number, hi: number): Uint8Array {
    const n = hi - lo;
    if (n === 0) return sha256(new Uint8Array(0));
    if (n === 1) return this.leaves[lo]!;
    const key = `${lo}:${hi}`;
    const cached = this.memo.get(key);
    if (cached) return cached;
    const k = splitPoint(n);
    const h = nodeHash(this.mth(lo, lo + k), this.mth(lo + k, hi));
    this.memo.set(key, h);
    return h;
  }

  /** Root of the first `size` leaves (default: all). */
  root(size: number = this.leaves.length): string {
    if (size < 0 || size > this.leaves.length) throw new RangeError(`tree size ${size} outside 0..${this.leaves.length}`);
    return bytesToHex(this.mth(0, size));
  }

  /** RFC 9162 §2.1.4.1 PROOF(m, D[n]) from the first `m` leaves to all of them. */
  consistencyProof(m: number, n: number = this.leaves.length): string[] {
    if (!(m >= 0 && m <= n && n <= this.leaves.length)) throw new RangeError(`consistency proof needs 0 <= ${m} <= ${n} <= ${this.leaves.length}`);
    if (m === 0 || m === n) return [];
    const out: Uint8Array[] = [];
    const sub = (mm: number, lo: number, hi: number, complete: boolean): void => {
      const size = hi - lo;
      if (mm === size) {
        if (!complete) out.push(this.mth(lo, hi));
        return;
      }
      const k = splitPoint(size);
      if (mm <= k) {
        sub(mm, lo, lo + k, complete);
        out.push(this.mth(lo + k, hi));
      } else {
        sub(mm - k, lo + k, hi, false);
        out.push(this.mth(lo, lo + k));
      }
    };
    sub(m, 0, n, true);
    return out.map(bytesToHex);
  }
}

/** RFC 9162 §2.1.4.2: does `proof` show that the tree of size m with `firstRoot` is a prefix of the one of size n? */
export function verifyConsistency(m: number, n: number, firstRoot: string, secondRoot: string, proof: readonly string[]): boolean {
  if (!(Number.isInteger(m) && Number.isInteger(n) && m >= 0 && m <= n)) return false;
  if (m === n) return proof.length === 0 && firstRoot === secondRoot;
  if (m === 0) return proof.length === 0;
  let path: Uint8Array[];
  try {
    path = proof.map((h) => hexToBytes(h));
  } catch {
    return false;
  }
  if ((m & (m - 1)) === 0) path = [hexToBytes(firstRoot), ...path];
  if (path.length === 0) return false;
  let fn = m - 1;
  let sn = n - 1;
  while (fn & 1) {
    fn >>>= 1;
    sn >>>= 1;
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn & 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!(fn & 1)) {
        do {
          fn >>>= 1;
          sn >>>= 1;
        } while (!(fn & 1) && fn !== 0);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>>= 1;
    sn >>>= 1;
  }
  return sn === 0 && bytesToHex(fr) === firstRoot && bytesToHex(sr) === secondRoot;
}
