/**
 * Interns byte strings to integer codes without creating a JS string per occurrence: FNV-1a hash,
 * open addressing, bytes compared in place. A categorical column of a million rows with a few dozen
 * distinct values costs one hash per field and one string per distinct value.
 */
export class ByteDictionary {
  private table = new Int32Array(64).fill(-1);
  private hashes: number[] = [];
  private bytes: Uint8Array[] = [];
  private readonly decoder = new TextDecoder('utf-8');

  /** Codes of one-byte values ("0", "1", "a"): most survey items, no hashing at all. */
  private readonly single = new Int32Array(256).fill(-1);

  code(buf: Uint8Array, s: number, e: number): number {
    if (e - s === 1) {
      const c = this.single[buf[s]!]!;
      if (c >= 0) return c;
      const code = this.intern(buf, s, e);
      this.single[buf[s]!] = code;
      return code;
    }
    return this.intern(buf, s, e);
  }

  private intern(buf: Uint8Array, s: number, e: number): number {
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
    h >>>= 0;
    const mask = this.table.length - 1;
    let slot = h & mask;
    for (;;) {
      const c = this.table[slot]!;
      if (c < 0) break;
      if (this.hashes[c] === h && this.equals(c, buf, s, e)) return c;
      slot = (slot + 1) & mask;
    }
    const c = this.bytes.length;
    this.bytes.push(buf.slice(s, e));
    this.hashes.push(h);
    this.table[slot] = c;
    if (this.bytes.length * 2 > this.table.length) this.rehash();
    return c;
  }

  private equals(c: number, buf: Uint8Array, s: number, e: number): boolean {
    const b = this.bytes[c]!;
    if (b.length !== e - s) return false;
    for (let i = 0; i < b.length; i++) if (b[i] !== buf[s + i]) return false;
    return true;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = table.length - 1;
    for (let c = 0; c < this.hashes.length; c++) {
      let slot = this.hashes[c]! & mask;
      while (table[slot]! >= 0) slot = (slot + 1) & mask;
      table[slot] = c;
    }
    this.table = table;
  }

  labels(): string[] {
    return this.bytes.map((b) => this.decoder.decode(b));
  }
}
