/**
 * The documents one term occurs in: per occurrence, `slot << 2 | field` and the term frequency
 * in that field. One list per term, not per field, keeps the object count down (most terms of the
 * long tail are in a handful of offers). Grown by doubling; may start as a view into a snapshot's
 * array, copied only when it grows.
 */
export class Postings {
  constructor(
    public entries: Int32Array,
    public tfs: Uint16Array,
    public length: number,
  ) {}

  static empty(): Postings {
    return new Postings(new Int32Array(2), new Uint16Array(2), 0);
  }

  push(entry: number, tf: number): void {
    if (this.length === this.entries.length) {
      const capacity = Math.max(2, this.length * 2);
      const entries = new Int32Array(capacity);
      entries.set(this.entries.subarray(0, this.length));
      const tfs = new Uint16Array(capacity);
      tfs.set(this.tfs.subarray(0, this.length));
      this.entries = entries;
      this.tfs = tfs;
    }
    this.entries[this.length] = entry;
    this.tfs[this.length++] = Math.min(tf, 0xffff);
  }

  /** Removes the slot's occurrences (one per field at most) by moving the last ones in their place; pushes their fields onto `fields`. */
  deleteSlot(slot: number, fields: number[]): void {
    for (let i = 0; i < this.length;) {
      const entry = this.entries[i]!;
      if (entry >> 2 !== slot) {
        i++;
        continue;
      }
      fields.push(entry & 3);
      this.length--;
      this.entries[i] = this.entries[this.length]!;
      this.tfs[i] = this.tfs[this.length]!;
    }
  }
}
