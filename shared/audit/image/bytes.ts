/**
 * Reads exact byte counts from a stream of chunks (a file stream, a gunzip stream): what a tar
 * reader needs to take a 512-byte header, then skip or take an entry's body, without ever holding
 * more than the chunks in flight.
 */
export class ByteReader {
  #it: AsyncIterator<Buffer>;
  #chunks: Buffer[] = [];
  #length = 0;
  #done = false;
  /** Bytes consumed so far (read or skipped). */
  position = 0;

  constructor(source: AsyncIterable<Buffer | Uint8Array>) {
    const inner = source[Symbol.asyncIterator]();
    this.#it = {
      next: async () => {
        const r = await inner.next();
        return r.done ? r : { done: false, value: Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value) };
      },
      return: async () => {
        await inner.return?.();
        return { done: true, value: undefined };
      },
    };
  }

  async #fill(n: number): Promise<void> {
    while (this.#length < n && !this.#done) {
      const r = await this.#it.next();
      if (r.done) this.#done = true;
      else if (r.value.length) {
        this.#chunks.push(r.value);
        this.#length += r.value.length;
      }
    }
  }

  /** Exactly `n` bytes, or undefined when the stream ends first. */
  async read(n: number): Promise<Buffer | undefined> {
    await this.#fill(n);
    if (this.#length < n) return undefined;
    let out: Buffer;
    const first = this.#chunks[0]!;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.#chunks.shift();
      else this.#chunks[0] = first.subarray(n);
    } else {
      out = Buffer.allocUnsafe(n);
      let off = 0;
      while (off < n) {
        const c = this.#chunks[0]!;
        const take = Math.min(c.length, n - off);
        c.copy(out, off, 0, take);
        off += take;
        if (take === c.length) this.#chunks.shift();
        else this.#chunks[0] = c.subarray(take);
      }
    }
    this.#length -= n;
    this.position += n;
    return out;
  }

  /** Drops `n` bytes; false when the stream ended first. */
  async skip(n: number): Promise<boolean> {
    let left = n;
    while (left > 0) {
      if (this.#length === 0) {
        await this.#fill(1);
        if (this.#length === 0) return false;
      }
      const c = this.#chunks[0]!;
      const take = Math.min(c.length, left);
      if (take === c.length) this.#chunks.shift();
      else this.#chunks[0] = c.subarray(take);
      this.#length -= take;
      this.position += take;
      left -= take;
    }
    return true;
  }

  /** The next `n` bytes as a stream of chunks, for a nested decoder (a layer inside an archive). */
  async *slice(n: number): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      if (this.#length === 0) {
        await this.#fill(1);
        if (this.#length === 0) throw new Error(`the archive ends ${left} bytes before the entry does`);
      }
      const c = this.#chunks[0]!;
      const take = Math.min(c.length, left);
      const part = c.subarray(0, take);
      if (take === c.length) this.#chunks.shift();
      else this.#chunks[0] = c.subarray(take);
      this.#length -= take;
      this.position += take;
      left -= take;
      yield part;
    }
  }

  async close(): Promise<void> {
    this.#chunks = [];
    await this.#it.return?.();
  }
}
