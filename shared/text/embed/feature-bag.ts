/**
 * The distinct features of one text with their counts: an open-addressing table over typed arrays, reused
 * between texts so that embedding allocates almost nothing. Keys are 32-bit feature hashes; the feature family
 * (word, bigram, character n-gram) is stored beside each key.
 */
export class FeatureBag {
  hashes: Uint32Array;
  groups: Uint8Array;
  counts: Float64Array;
  size = 0;
  private slots: Int32Array;
  private entrySlot: Int32Array;
  private mask: number;

  constructor(capacity = 1024) {
    const cap = 1 << Math.ceil(Math.log2(Math.max(16, capacity)));
    this.hashes = new Uint32Array(cap);
    this.groups = new Uint8Array(cap);
    this.counts = new Float64Array(cap);
    this.entrySlot = new Int32Array(cap);
    this.slots = new Int32Array(cap * 2);
    this.mask = cap * 2 - 1;
  }

  add(hash: number, group: number): void {
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      if (this.hashes[entry - 1] === hash) {
        this.counts[entry - 1]! += 1;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
    if (this.size === this.hashes.length) {
      this.grow();
      this.add(hash, group);
      return;
    }
    const e = this.size++;
    this.hashes[e] = hash;
    this.groups[e] = group;
    this.counts[e] = 1;
    this.entrySlot[e] = slot;
    this.slots[slot] = e + 1;
  }

  clear(): void {
    for (let e = 0; e < this.size; e++) this.slots[this.entrySlot[e]!] = 0;
    this.size = 0;
  }

  private grow(): void {
    const old = { hashes: this.hashes, groups: this.groups, counts: this.counts, size: this.size };
    const cap = this.hashes.length * 2;
    this.hashes = new Uint32Array(cap);
    this.groups = new Uint8Array(cap);
    this.counts = new Float64Array(cap);
    this.entrySlot = new Int32Array(cap);
    this.slots = new Int32Array(cap * 2);
    this.mask = cap * 2 - 1;
    this.size = 0;
    for (let e = 0; e < old.size; e++) {
      this.add(old.hashes[e]!, old.groups[e]!);
      this.counts[this.size - 1] = old.counts[e]!;
    }
  }
}
