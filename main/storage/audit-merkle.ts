// The audit log as an RFC 9162 Merkle tree: what a report anchors (length, head hash, tree head) and what
// `assay verify --against` recomputes. The hash chain shows an edited or removed entry in the middle; the tree
// head in a signed report also shows removed newest entries, which the chain alone cannot.
import { MerkleTree } from '../../shared/report/merkle';
import { verifyChain } from './audit-chain';
import type { Db } from './db';
import { auditEntryHashes } from './reports-repo';

export interface AuditTreeHead {
  length: number;
  headHash: string;
  merkleRoot: string;
  chainIntact: boolean;
  tree: MerkleTree;
}

const EMPTY_HEAD = '0'.repeat(64);

/** The tree over the whole log (or its first `length` entries) and whether the hash chain holds. */
export function auditTreeHead(db: Db, length?: number): AuditTreeHead {
  const hashes = auditEntryHashes(db, length);
  const tree = new MerkleTree(hashes);
  const chain = verifyChain(db);
  return { length: hashes.length, headHash: hashes.at(-1) ?? EMPTY_HEAD, merkleRoot: tree.root(), chainIntact: chain.ok, tree };
}
