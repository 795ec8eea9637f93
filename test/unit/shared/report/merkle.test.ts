import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MerkleTree, verifyConsistency } from '../../../../shared/report/merkle';

// The eight leaves and tree heads used by Certificate Transparency's reference tests (RFC 6962 / 9162 hashing).
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

const h = (hex: string) => createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');
const entries = (n: number) => Array.from({ length: n }, (_, i) => h(i.toString(16).padStart(8, '0')));

describe('RFC 9162 Merkle tree over audit entry hashes', () => {
  it('gives the Certificate Transparency reference tree heads', () => {
    const tree = new MerkleTree(CT_LEAVES);
    CT_ROOTS.forEach((root, i) => expect(tree.root(i + 1)).toBe(root));
    expect(tree.root(0)).toBe(h(''));
  });

  it('hashes leaves with 0x00 and nodes with 0x01 (a two-leaf tree by hand)', () => {
    const [a, b] = entries(2) as [string, string];
    const leaf = (x: string) => createHash('sha256').update(Buffer.concat([Buffer.from([0]), Buffer.from(x, 'hex')])).digest();
    const root = createHash('sha256').update(Buffer.concat([Buffer.from([1]), leaf(a), leaf(b)])).digest('hex');
    expect(new MerkleTree([a, b]).root()).toBe(root);
  });

  it('proves every earlier size consistent with every later one, and rejects wrong heads or proofs', () => {
    const tree = new MerkleTree(entries(21));
    for (let n = 1; n <= 21; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = tree.consistencyProof(m, n);
        expect(verifyConsistency(m, n, tree.root(m), tree.root(n), proof)).toBe(true);
        if (m < n) {
          expect(verifyConsistency(m, n, tree.root(m), tree.root(n - 1 || 1) === tree.root(n) ? '00'.repeat(32) : tree.root(n - 1), proof)).toBe(false);
          expect(verifyConsistency(m, n, h('ff'), tree.root(n), proof)).toBe(false);
          if (proof.length) expect(verifyConsistency(m, n, tree.root(m), tree.root(n), proof.slice(1))).toBe(false);
        }
      }
    }
  });

  it('changes the head when any entry is edited, removed or reordered', () => {
    const hashes = entries(9);
    const root = new MerkleTree(hashes).root();
    expect(new MerkleTree(hashes.slice(0, 8)).root()).not.toBe(root);
    expect(new MerkleTree([hashes[1]!, hashes[0]!, ...hashes.slice(2)]).root()).not.toBe(root);
    expect(new MerkleTree([...hashes.slice(0, 4), h('ee'), ...hashes.slice(5)]).root()).not.toBe(root);
    // A rewritten log is not consistent with the head an earlier report anchored.
    const rewritten = new MerkleTree([...hashes.slice(0, 4), h('ee'), ...hashes.slice(5), h('aa')]);
    expect(verifyConsistency(9, 10, root, rewritten.root(), rewritten.consistencyProof(9))).toBe(false);
  });
});
