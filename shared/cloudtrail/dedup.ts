/**
 * "Have I seen this eventID?" for millions of events in a few bytes each. The same event can reach a
 * scan more than once: an organization trail and an account trail both deliver it, LookupEvents in
 * us-east-1 and another region both return a global event, overlapping exports are merged. A Set of
 * the ID strings would cost ~100 bytes per event; this keeps a 64-bit fingerprint (two independent
 * 32-bit FNV-1a hashes) in an open-addressing table of typed arrays: 16 bytes per event at most.
 * The chance that two of a billion distinct IDs share a fingerprint is about 3 × 10⁻², of ten
 * million about 3 × 10⁻⁶: acceptable for deduplicating log lines, stated here rather than hidden.
 */
export class EventIdSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private mask: number;
  size = 0;

  constructor(initialCapacity = 1 << 16) {
    let capacity = 1 << 4;
    while (capacity < initialCapacity * 2) capacity <<= 1;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.mask = capacity - 1;
  }

  /** Adds the ID; false when it was already there. */
  add(id: string): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x050c5d1f;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 15);
    }
    h1 >>>= 0;
    // 0/0 marks an empty slot.
    h2 = h2 >>> 0 || 1;
    if (this.insert(h1, h2)) {
      if (++this.size * 2 > this.mask) this.grow();
      return true;
    }
    return false;
  }

  private insert(h1: number, h2: number): boolean {
    let slot = (h1 ^ Math.imul(h2, 0x9e3779b1)) & this.mask;
    for (;;) {
      const lo = this.lo[slot]!;
      if (lo === 0) {
        this.hi[slot] = h1;
        this.lo[slot] = h2;
        return true;
      }
      if (lo === h2 && this.hi[slot] === h1) return false;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const { hi, lo } = this;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(lo.length * 2);
    this.mask = this.hi.length - 1;
    for (let i = 0; i < hi.length; i++) if (lo[i] !== 0) this.insert(hi[i]!, lo[i]!);
  }
}
