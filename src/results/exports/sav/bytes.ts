/** A little-endian byte builder for the SPSS system file writer. */
export class Bytes {
  private chunks: Buffer[] = [];
  private current = Buffer.alloc(64 * 1024);
  private pos = 0;
  length = 0;

  private ensure(n: number): void {
    if (this.pos + n <= this.current.length) return;
    this.chunks.push(this.current.subarray(0, this.pos));
    this.current = Buffer.alloc(Math.max(64 * 1024, n));
    this.pos = 0;
  }

  int32(v: number): this {
    this.ensure(4);
    this.current.writeInt32LE(v, this.pos);
    this.pos += 4;
    this.length += 4;
    return this;
  }

  float64(v: number): this {
    this.ensure(8);
    this.current.writeDoubleLE(v, this.pos);
    this.pos += 8;
    this.length += 8;
    return this;
  }

  uint8(v: number): this {
    this.ensure(1);
    this.current.writeUInt8(v, this.pos);
    this.pos += 1;
    this.length += 1;
    return this;
  }

  raw(b: Uint8Array): this {
    this.ensure(b.length);
    this.current.set(b, this.pos);
    this.pos += b.length;
    this.length += b.length;
    return this;
  }

  /** `b` padded with `fill` (default a space) or cut to exactly `width` bytes. */
  padded(b: Uint8Array, width: number, fill = 0x20): this {
    const out = Buffer.alloc(width, fill);
    out.set(b.subarray(0, width));
    return this.raw(out);
  }

  toBuffer(): Buffer {
    return Buffer.concat([...this.chunks, this.current.subarray(0, this.pos)]);
  }
}

export const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');

/** The longest prefix of `s` whose UTF-8 encoding fits in `max` bytes (never splits a character). */
export function utf8Prefix(s: string, max: number): Buffer {
  const b = utf8(s);
  if (b.length <= max) return b;
  let end = max;
  // Step back over continuation bytes (10xxxxxx) so the cut falls on a character boundary.
  while (end > 0 && ((b[end] ?? 0) & 0xc0) === 0x80) end--;
  return b.subarray(0, end);
}
