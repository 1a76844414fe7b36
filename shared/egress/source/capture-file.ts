/**
 * Streams the packets of a capture file, pcap or pcapng, in one pass with bounded memory.
 *
 * pcap: both byte orders, microsecond (0xa1b2c3d4) and nanosecond (0xa1b23c4d) magic.
 * pcapng: Section Header (per-section byte order), Interface Description (link type and timestamp
 * resolution per interface), Enhanced and Simple Packet blocks; other blocks are skipped by length.
 *
 * A file cut mid-record or with garbage ends the stream with a warning naming the byte offset:
 * everything before it is still analysed. Nothing here throws on bad bytes; only a file that is no
 * capture at all (unknown magic) is an InputError, raised by `openCapture`.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { InputError } from '../../util/errors.ts';

export interface RawPacket {
  /** Link type of the interface the packet was captured on (LINKTYPE_* values). */
  linkType: number;
  /** Capture time in milliseconds since the epoch (sub-millisecond precision kept as a fraction). */
  time: number;
  /** The packet's bytes (a view of `buffer` from `start` to `end`, made when asked for). */
  readonly data: Buffer;
  /** Length on the wire; larger than data.length when the snap length cut the packet. */
  wireLength: number;
  /** The read buffer the packet lies in, and where: the analyzer's fast path reads it in place. */
  buffer: Buffer;
  start: number;
  end: number;
  /**
   * True when the `counted` hook already took this packet: it is handed out only so that the
   * caller gets control back now and then (progress, the event loop), and is not to be read again.
   */
  counted: boolean;
}

/**
 * Called for each packet in place, before it is handed out: returning true says the caller has
 * dealt with it (the analyzer's fast path), and the reader goes straight on to the next record. One
 * tight loop instead of a generator round trip per packet halved the time of a bulk capture.
 */
export type CountedHook = (linkType: number, buffer: Buffer, start: number, end: number, time: number) => boolean;
/** After this many packets in a row taken by the hook, one is handed out anyway (marked `counted`). */
const COUNTED_RUN = 65_536;

/**
 * One packet record. With `reuseBuffers` the reader hands out the same record every time (a bulk
 * capture is a hundred thousand packets: one object and one view each was a fifth of the analysis).
 */
class PacketRecord implements RawPacket {
  linkType = 0;
  time = 0;
  wireLength = 0;
  buffer: Buffer = EMPTY;
  start = 0;
  end = 0;
  counted = false;
  get data(): Buffer {
    return this.buffer.subarray(this.start, this.end);
  }
}
const EMPTY = Buffer.alloc(0);

export interface CaptureSummary {
  format: 'pcap' | 'pcapng';
  linkTypes: number[];
  packets: number;
  bytes: number;
  warnings: string[];
}

const CHUNK = 4 << 20;
const SLACK = 256 << 10;

/** A forward-only byte reader over a file descriptor that keeps at most one record plus a chunk. */
class ByteStream {
  private buffer: Buffer = Buffer.alloc(0);
  private position = 0;
  /** File offset of buffer[0]. */
  private base = 0;
  private eof = false;
  private readonly fd: number;
  /** With `reuse`, the buffer before the current one, refilled next instead of a fresh allocation. */
  private spare: Buffer | undefined;
  /** The whole buffer `buffer` is a view of. */
  private allocated: Buffer | undefined;
  private readonly reuse: boolean;

  constructor(fd: number, reuse = false) {
    this.fd = fd;
    this.reuse = reuse;
  }

  get offset(): number {
    return this.base + this.position;
  }

  /** Makes `n` bytes available from the current position; false at end of file. */
  ensure(n: number): boolean {
    while (this.buffer.length - this.position < n) {
      if (this.eof) return false;
      // The unread tail (less than one record) moves to the front of a fresh buffer and the file is
      // read straight in after it: no second copy of the chunk.
      const rest = this.buffer.length - this.position;
      const need = rest + Math.max(CHUNK, n);
      // Fresh memory costs a page fault per 4 KiB: reusing the previous buffer made reading a 147 MB
      // capture ~3x faster. Only for callers that copy what they keep past the next packet. The slack
      // lets a recycled buffer take any tail shorter than itself.
      const next =
        this.spare && this.spare.length >= need
          ? this.spare
          : Buffer.allocUnsafeSlow(Math.max(need, Math.max(CHUNK, n) + SLACK));
      this.spare = undefined;
      this.buffer.copy(next, 0, this.position);
      const read = readSync(this.fd, next, rest, next.length - rest, null);
      if (read === 0) {
        this.eof = true;
        return false;
      }
      this.base += this.position;
      if (this.reuse) this.spare = this.allocated;
      this.allocated = next;
      this.buffer = next.subarray(0, rest + read);
      this.position = 0;
    }
    return true;
  }

  /**
   * The next `n` bytes, advancing past them. A view, not a copy. Without `reuse` each refill
   * allocates a new buffer and never writes into an old one, so a view stays valid for as long as
   * someone holds it; with `reuse` it is valid until the read after next.
   */
  take(n: number): Buffer {
    const view = this.buffer.subarray(this.position, this.position + n);
    this.position += n;
    return view;
  }

  /** The current buffer and the read position in it, for reading a record in place (then `skip`). */
  get current(): Buffer {
    return this.buffer;
  }

  get at(): number {
    return this.position;
  }

  skip(n: number): void {
    this.position += n;
  }

  peek(n: number): Buffer {
    return this.buffer.subarray(this.position, this.position + n);
  }

  atEnd(): boolean {
    return !this.ensure(1);
  }
}

const PCAP_MAGIC = new Map<number, { little: boolean; nanos: boolean }>([
  [0xa1b2c3d4, { little: false, nanos: false }],
  [0xd4c3b2a1, { little: true, nanos: false }],
  [0xa1b23c4d, { little: false, nanos: true }],
  [0x4d3cb2a1, { little: true, nanos: true }],
]);
const PCAPNG_SHB = 0x0a0d0d0a;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
// Larger than any real packet record; a length beyond it means the file is corrupt from here on.
const MAX_RECORD = 16 * 1024 * 1024;

/**
 * Opens a pcap or pcapng file for one streaming pass: a packet iterator plus a summary that is
 * complete once the iterator is exhausted. `reuseBuffers` trades lifetimes for speed: each packet's
 * bytes are valid only until the next packet or two, and the record itself until the next packet
 * (the same object comes back refilled); the analyzer copies what it keeps. `counted` lets the
 * caller take packets in place (CountedHook).
 */
export function openCapture(
  file: string,
  options: { reuseBuffers?: boolean; counted?: CountedHook } = {},
): { packets: Generator<RawPacket>; summary: CaptureSummary } {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new InputError(`cannot open the capture: ${(error as Error).message}`, { location: { file } });
  }
  const reuse = options.reuseBuffers ?? false;
  const stream = new ByteStream(fd, reuse);
  const record = reuse
    ? (
        (shared) => () =>
          shared
      )(new PacketRecord())
    : () => new PacketRecord();
  const counted = options.counted ?? (() => false);
  if (!stream.ensure(4)) {
    closeSync(fd);
    throw new InputError('the file is empty, not a capture', { location: { file, offset: 0 } });
  }
  const magic = stream.peek(4).readUInt32BE(0);
  const summary: CaptureSummary = { format: 'pcap', linkTypes: [], packets: 0, bytes: 0, warnings: [] };
  let packets: Generator<RawPacket>;
  if (PCAP_MAGIC.has(magic)) packets = readPcap(stream, PCAP_MAGIC.get(magic)!, summary, file, record, counted);
  else if (magic === PCAPNG_SHB) {
    summary.format = 'pcapng';
    packets = readPcapng(stream, summary, file, record, counted);
  } else {
    closeSync(fd);
    throw new InputError(`not a pcap or pcapng file (magic 0x${magic.toString(16).padStart(8, '0')})`, {
      location: { file, offset: 0 },
      hint: 'write captures with tcpdump -w, tshark -w or dumpcap',
    });
  }
  const guarded = (function* () {
    try {
      yield* packets;
    } finally {
      closeSync(fd);
    }
  })();
  return { packets: guarded, summary };
}

function truncated(summary: CaptureSummary, file: string, offset: number, what: string): void {
  summary.warnings.push(
    `${file}@${offset}: ${what}; the capture is analysed up to this point (was it cut while being written?)`,
  );
}

function* readPcap(
  stream: ByteStream,
  magic: { little: boolean; nanos: boolean },
  summary: CaptureSummary,
  file: string,
  record: () => PacketRecord,
  counted: CountedHook,
): Generator<RawPacket> {
  if (!stream.ensure(24)) return truncated(summary, file, stream.offset, 'the pcap header is cut short');
  const header = stream.take(24);
  // The link type's upper bits carry FCS information (pcap-savefile(5)); only the low 16 bits name it.
  const linkType = (magic.little ? header.readUInt32LE(20) : header.readUInt32BE(20)) & 0xffff;
  summary.linkTypes.push(linkType);
  const loop: PcapLoop = { stream, little: magic.little, divisor: magic.nanos ? 1e6 : 1e3, linkType, summary, counted };
  for (;;) {
    const packet = record();
    const problem = nextPcapPacket(loop, packet);
    if (problem === END) return;
    if (problem !== undefined) return truncated(summary, file, problem.at, problem.what);
    yield packet;
  }
}

// Buffer#readUInt32LE checks its argument on every call and was a tenth of the reading loop; the
// reader has already made sure the bytes are there.
const u32le = (b: Buffer, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + b[o + 3]! * 0x1000000;
const u32be = (b: Buffer, o: number) => b[o]! * 0x1000000 + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!);

interface PcapLoop {
  stream: ByteStream;
  little: boolean;
  divisor: number;
  linkType: number;
  summary: CaptureSummary;
  counted: CountedHook;
}

const END = { at: -1, what: 'end' };

/**
 * Reads pcap records until one is for the caller: one not taken by the `counted` hook, or one after
 * a long run of taken ones. Fills `packet`; returns undefined, END, or where and why the file is cut.
 * A plain function, not the generator: V8 optimises a hot loop inside a generator late or never.
 */
function nextPcapPacket(loop: PcapLoop, packet: PacketRecord): { at: number; what: string } | undefined {
  const { stream, little, divisor, linkType, summary, counted } = loop;
  for (let run = 1; ; run++) {
    if (stream.atEnd()) return END;
    const at = stream.offset;
    if (!stream.ensure(16)) return { at, what: 'a packet record header is cut short' };
    // The record header is read in place: no view per packet.
    let b = stream.current;
    let p = stream.at;
    const seconds = little ? u32le(b, p) : u32be(b, p);
    const fraction = little ? u32le(b, p + 4) : u32be(b, p + 4);
    const captured = little ? u32le(b, p + 8) : u32be(b, p + 8);
    const wire = little ? u32le(b, p + 12) : u32be(b, p + 12);
    stream.skip(16);
    if (captured > MAX_RECORD) return { at, what: `a packet record claims ${captured} bytes` };
    if (!stream.ensure(captured)) return { at, what: 'the last packet is cut short' };
    b = stream.current;
    p = stream.at;
    stream.skip(captured);
    summary.packets++;
    summary.bytes += captured;
    const time = seconds * 1000 + fraction / divisor;
    const taken = counted(linkType, b, p, p + captured, time);
    if (taken && run < COUNTED_RUN) continue;
    packet.linkType = linkType;
    packet.time = time;
    packet.wireLength = wire;
    packet.buffer = b;
    packet.start = p;
    packet.end = p + captured;
    packet.counted = taken;
    return undefined;
  }
}

interface PcapngInterface {
  linkType: number;
  /** Timestamp units per second. */
  unitsPerSecond: number;
}

function* readPcapng(
  stream: ByteStream,
  summary: CaptureSummary,
  file: string,
  record: () => PacketRecord,
  counted: CountedHook,
): Generator<RawPacket> {
  let little = true;
  let run = 0;
  let interfaces: PcapngInterface[] = [];
  while (!stream.atEnd()) {
    const at = stream.offset;
    if (!stream.ensure(12)) return truncated(summary, file, at, 'a block header is cut short');
    const head = stream.peek(12);
    const type = head.readUInt32LE(0) === PCAPNG_SHB || head.readUInt32BE(0) === PCAPNG_SHB ? PCAPNG_SHB : undefined;
    if (type === PCAPNG_SHB) {
      // The byte-order magic after the block length decides how this whole section is read.
      const order = head.readUInt32LE(8);
      if (order === BYTE_ORDER_MAGIC) little = true;
      else if (head.readUInt32BE(8) === BYTE_ORDER_MAGIC) little = false;
      else return truncated(summary, file, at, 'a section header has no valid byte-order magic');
      interfaces = [];
    }
    const u32 = (b: Buffer, o: number) => (little ? b.readUInt32LE(o) : b.readUInt32BE(o));
    const u16 = (b: Buffer, o: number) => (little ? b.readUInt16LE(o) : b.readUInt16BE(o));
    const blockType = u32(head, 0);
    const length = u32(head, 4);
    if (length < 12 || length % 4 !== 0 || length > MAX_RECORD) {
      return truncated(summary, file, at, `a block claims an impossible length ${length}`);
    }
    if (!stream.ensure(length)) return truncated(summary, file, at, 'the last block is cut short');
    const block = stream.take(length);
    const body = block.subarray(8, length - 4);
    if (blockType === 0x00000001 && body.length >= 8) {
      // Interface Description Block: link type, then options; if_tsresol (code 9) sets the units.
      const linkType = u16(body, 0);
      let unitsPerSecond = 1e6;
      let o = 8;
      while (o + 4 <= body.length) {
        const code = u16(body, o);
        const len = u16(body, o + 2);
        if (code === 0) break;
        if (code === 9 && len >= 1 && o + 4 < body.length) {
          const v = body[o + 4]!;
          unitsPerSecond = v & 0x80 ? 2 ** (v & 0x7f) : 10 ** (v & 0x7f);
        }
        o += 4 + Math.ceil(len / 4) * 4;
      }
      interfaces.push({ linkType, unitsPerSecond });
      if (!summary.linkTypes.includes(linkType)) summary.linkTypes.push(linkType);
    } else if (blockType === 0x00000006 && body.length >= 20) {
      // Enhanced Packet Block.
      const iface = interfaces[u32(body, 0)];
      const captured = u32(body, 12);
      if (!iface || 20 + captured > body.length) {
        summary.warnings.push(`${file}@${at}: a packet names an unknown interface or overruns its block; skipped`);
        continue;
      }
      const units = u32(body, 4) * 2 ** 32 + u32(body, 8);
      summary.packets++;
      summary.bytes += captured;
      const time = (units / iface.unitsPerSecond) * 1000;
      const taken = counted(iface.linkType, body, 20, 20 + captured, time);
      if (taken && ++run < COUNTED_RUN) continue;
      run = 0;
      const packet = record();
      packet.linkType = iface.linkType;
      packet.time = time;
      packet.wireLength = u32(body, 16);
      packet.buffer = body;
      packet.start = 20;
      packet.end = 20 + captured;
      packet.counted = taken;
      yield packet;
    } else if (blockType === 0x00000003 && body.length >= 4) {
      // Simple Packet Block: interface 0, no timestamp.
      const iface = interfaces[0];
      if (!iface) continue;
      const wire = u32(body, 0);
      const length = Math.min(wire, body.length - 4);
      summary.packets++;
      summary.bytes += length;
      const taken = counted(iface.linkType, body, 4, 4 + length, 0);
      if (taken && ++run < COUNTED_RUN) continue;
      run = 0;
      const packet = record();
      packet.linkType = iface.linkType;
      packet.time = 0;
      packet.wireLength = wire;
      packet.buffer = body;
      packet.start = 4;
      packet.end = 4 + length;
      packet.counted = taken;
      yield packet;
    }
  }
}
