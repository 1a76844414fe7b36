/**
 * Builders for crafted captures: frames for each link type, IPv4/IPv6 with TCP/UDP, TLS ClientHellos,
 * pcap in both byte orders and resolutions, pcapng with several interfaces. Real captures are tested
 * too (analyze-real.test.ts); these reach the corners a real client rarely shows.
 */
import { createCipheriv } from 'node:crypto';
import dnsPacket from 'dns-packet';
import { clientInitialKeys, QUIC_V1 } from '../../shared/egress/decode/quic.ts';

export function ipv4(src: string, dst: string, protocol: number, payload: Buffer, fragment = 0): Buffer {
  const h = Buffer.alloc(20);
  h[0] = 0x45;
  h.writeUInt16BE(20 + payload.length, 2);
  h.writeUInt16BE(fragment, 6);
  h[8] = 64;
  h[9] = protocol;
  src.split('.').forEach((n, i) => (h[12 + i] = Number(n)));
  dst.split('.').forEach((n, i) => (h[16 + i] = Number(n)));
  return Buffer.concat([h, payload]);
}

function v6bytes(address: string): Buffer {
  const [head, tail] = address.split('::');
  const parse = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const a = parse(head);
  const b = parse(tail);
  const groups = [...a, ...Array(8 - a.length - b.length).fill(0), ...b];
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(g, i * 2));
  return out;
}

/** IPv6 with an optional hop-by-hop options header in front of the payload. */
export function ipv6(src: string, dst: string, protocol: number, payload: Buffer, hopByHop = false): Buffer {
  const ext = hopByHop ? Buffer.from([protocol, 0, 1, 4, 0, 0, 0, 0]) : Buffer.alloc(0);
  const h = Buffer.alloc(40);
  h[0] = 0x60;
  h.writeUInt16BE(ext.length + payload.length, 4);
  h[6] = hopByHop ? 0 : protocol;
  h[7] = 64;
  v6bytes(src).copy(h, 8);
  v6bytes(dst).copy(h, 24);
  return Buffer.concat([h, ext, payload]);
}

export function tcp(
  srcPort: number,
  dstPort: number,
  seq: number,
  flags: number,
  payload: Buffer = Buffer.alloc(0),
): Buffer {
  const h = Buffer.alloc(20);
  h.writeUInt16BE(srcPort, 0);
  h.writeUInt16BE(dstPort, 2);
  h.writeUInt32BE(seq >>> 0, 4);
  h[12] = 0x50;
  h[13] = flags;
  return Buffer.concat([h, payload]);
}

export function udp(srcPort: number, dstPort: number, payload: Buffer): Buffer {
  const h = Buffer.alloc(8);
  h.writeUInt16BE(srcPort, 0);
  h.writeUInt16BE(dstPort, 2);
  h.writeUInt16BE(8 + payload.length, 4);
  return Buffer.concat([h, payload]);
}

export const SYN = 0x02;
export const SYNACK = 0x12;
export const ACK = 0x10;
export const RST = 0x04;
export const PSHACK = 0x18;
export const FIN = 0x01;

export function ethernet(ip: Buffer, vlan = false): Buffer {
  const version = ip[0]! >> 4;
  const type = Buffer.alloc(2);
  type.writeUInt16BE(version === 6 ? 0x86dd : 0x0800);
  const tag = vlan ? Buffer.from([0x81, 0x00, 0x00, 0x0a]) : Buffer.alloc(0);
  return Buffer.concat([Buffer.alloc(12, 0xaa), tag, type, ip]);
}

export function sll2(ip: Buffer): Buffer {
  const h = Buffer.alloc(20);
  h.writeUInt16BE(ip[0]! >> 4 === 6 ? 0x86dd : 0x0800, 0);
  return Buffer.concat([h, ip]);
}

export function sll(ip: Buffer): Buffer {
  const h = Buffer.alloc(16);
  h.writeUInt16BE(ip[0]! >> 4 === 6 ? 0x86dd : 0x0800, 14);
  return Buffer.concat([h, ip]);
}

export function nullLoopback(ip: Buffer): Buffer {
  const h = Buffer.alloc(4);
  h.writeUInt32LE(ip[0]! >> 4 === 6 ? 30 : 2);
  return Buffer.concat([h, ip]);
}

/** A TLS 1.3-style ClientHello record with SNI and ALPN, padded to about `size` bytes. */
export function clientHello(serverName: string, size = 600, sniFirst = false): Buffer {
  const name = Buffer.from(serverName, 'latin1');
  const sni = Buffer.alloc(9 + name.length);
  sni.writeUInt16BE(0, 0);
  sni.writeUInt16BE(5 + name.length, 2);
  sni.writeUInt16BE(3 + name.length, 4);
  sni[6] = 0;
  sni.writeUInt16BE(name.length, 7);
  name.copy(sni, 9);
  const alpn = Buffer.from([0x00, 0x10, 0x00, 0x05, 0x00, 0x03, 0x02, 0x68, 0x32]);
  const fixedLength = 2 + 32 + 1 + 4 + 2 + 2 + sni.length + alpn.length;
  const padLength = Math.max(0, size - 9 - fixedLength - 4);
  const padding = Buffer.concat([Buffer.from([0x00, 0x15, padLength >> 8, padLength & 0xff]), Buffer.alloc(padLength)]);
  const extensions = sniFirst ? [sni, alpn, padding] : [alpn, padding, sni];
  const extBytes = Buffer.concat(extensions);
  const extLength = Buffer.alloc(2);
  extLength.writeUInt16BE(extBytes.length);
  const body = Buffer.concat([
    Buffer.from([0x03, 0x03]),
    Buffer.alloc(32, 7),
    Buffer.from([0]),
    Buffer.from([0x00, 0x02, 0x13, 0x01]),
    Buffer.from([0x01, 0x00]),
    extLength,
    extBytes,
  ]);
  const handshake = Buffer.concat([
    Buffer.from([1, body.length >> 16, (body.length >> 8) & 0xff, body.length & 0xff]),
    body,
  ]);
  const record = Buffer.from([0x16, 0x03, 0x01, handshake.length >> 8, handshake.length & 0xff]);
  return Buffer.concat([record, handshake]);
}

export function dnsQuery(id: number, name: string, type: 'A' | 'AAAA' = 'A'): Buffer {
  return dnsPacket.encode({ type: 'query', id, flags: dnsPacket.RECURSION_DESIRED, questions: [{ type, name }] });
}

export function dnsAnswer(
  id: number,
  name: string,
  answers: { type: 'A' | 'AAAA' | 'CNAME'; name: string; data: string }[],
  rcode = 0,
): Buffer {
  return dnsPacket.encode({
    type: 'response',
    id,
    flags: dnsPacket.RECURSION_DESIRED | rcode,
    questions: [{ type: 'A', name }],
    answers: answers.map((a) => ({ ...a, ttl: 60, class: 'IN' as const })),
  });
}

export interface Frame {
  time: number;
  data: Buffer;
  iface?: number;
}

export function pcap(linkType: number, frames: Frame[], options: { little?: boolean; nanos?: boolean } = {}): Buffer {
  const little = options.little ?? true;
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    if (little) b.writeUInt32LE(n >>> 0);
    else b.writeUInt32BE(n >>> 0);
    return b;
  };
  const u16 = (n: number) => {
    const b = Buffer.alloc(2);
    if (little) b.writeUInt16LE(n);
    else b.writeUInt16BE(n);
    return b;
  };
  const magic = options.nanos ? 0xa1b23c4d : 0xa1b2c3d4;
  const parts: Buffer[] = [u32(magic), u16(2), u16(4), u32(0), u32(0), u32(262144), u32(linkType)];
  for (const frame of frames) {
    const seconds = Math.floor(frame.time / 1000);
    const fraction = options.nanos ? Math.round((frame.time % 1000) * 1e6) : Math.round((frame.time % 1000) * 1e3);
    parts.push(u32(seconds), u32(fraction), u32(frame.data.length), u32(frame.data.length), frame.data);
  }
  return Buffer.concat(parts);
}

/** pcapng (little-endian) with one Interface Description Block per link type (nanosecond resolution). */
export function pcapng(linkTypes: number[], frames: Frame[]): Buffer {
  const block = (type: number, body: Buffer) => {
    const padded = Buffer.concat([body, Buffer.alloc((4 - (body.length % 4)) % 4)]);
    const length = padded.length + 12;
    const head = Buffer.alloc(8);
    head.writeUInt32LE(type, 0);
    head.writeUInt32LE(length, 4);
    const tail = Buffer.alloc(4);
    tail.writeUInt32LE(length);
    return Buffer.concat([head, padded, tail]);
  };
  const shb = Buffer.alloc(16);
  shb.writeUInt32LE(0x1a2b3c4d, 0);
  shb.writeUInt16LE(1, 4);
  shb.writeBigInt64LE(-1n, 8);
  const parts = [block(0x0a0d0d0a, shb)];
  for (const linkType of linkTypes) {
    const idb = Buffer.alloc(8 + 8 + 4);
    idb.writeUInt16LE(linkType, 0);
    idb.writeUInt32LE(262144, 4);
    idb.writeUInt16LE(9, 8); // if_tsresol
    idb.writeUInt16LE(1, 10);
    idb[12] = 9; // 10^-9
    parts.push(block(0x00000001, idb));
  }
  for (const frame of frames) {
    const ns = BigInt(Math.round(frame.time * 1e6));
    const epb = Buffer.alloc(20);
    epb.writeUInt32LE(frame.iface ?? 0, 0);
    epb.writeUInt32LE(Number(ns >> 32n), 4);
    epb.writeUInt32LE(Number(ns & 0xffffffffn), 8);
    epb.writeUInt32LE(frame.data.length, 12);
    epb.writeUInt32LE(frame.data.length, 16);
    parts.push(block(0x00000006, Buffer.concat([epb, frame.data])));
  }
  return Buffer.concat(parts);
}

/** QUIC variable-length integer (RFC 9000 §16), in the shortest form that holds `value`. */
function varint(value: number): Buffer {
  if (value < 0x40) return Buffer.from([value]);
  if (value < 0x4000) return Buffer.from([0x40 | (value >> 8), value & 0xff]);
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value | 0x80000000);
  return b;
}

/**
 * A client Initial packet (RFC 9000 §17.2.2), protected exactly as RFC 9001 §5.3-5.4 say, carrying
 * the given CRYPTO frames (in the order given) and padded to 1200 bytes like a real client's.
 */
export function quicInitial(options: {
  dcid: Buffer;
  frames: { offset: number; data: Buffer }[];
  version?: number;
  packetNumber?: number;
  /** Derive the keys from this DCID instead (a later Initial after the server chose a new CID). */
  keysFrom?: Buffer;
}): Buffer {
  const version = options.version ?? QUIC_V1;
  const keys = clientInitialKeys(options.keysFrom ?? options.dcid, version)!;
  const pn = options.packetNumber ?? 0;
  const plain = Buffer.concat(
    options.frames.map((f) => Buffer.concat([Buffer.from([0x06]), varint(f.offset), varint(f.data.length), f.data])),
  );
  const scid = Buffer.from('c0ffee0102030405', 'hex');
  const typeBits = version === QUIC_V1 ? 0 : 1;
  const first = 0xc0 | (typeBits << 4) | 0x03; // 4-byte packet number
  const headerStart = Buffer.concat([
    Buffer.from([first]),
    Buffer.from([version >>> 24, (version >> 16) & 0xff, (version >> 8) & 0xff, version & 0xff]),
    Buffer.from([options.dcid.length]),
    options.dcid,
    Buffer.from([scid.length]),
    scid,
    varint(0), // no token
  ]);
  const pnBytes = Buffer.alloc(4);
  pnBytes.writeUInt32BE(pn);
  // Pad the payload (PADDING frames are zero bytes) so the datagram is 1200 bytes.
  const fixed = headerStart.length + 2 + 4 + 16;
  const payload = Buffer.concat([plain, Buffer.alloc(Math.max(0, 1200 - fixed - plain.length))]);
  const length = 4 + payload.length + 16; // packet number + payload + AEAD tag, in a 2-byte varint
  const header = Buffer.concat([headerStart, Buffer.from([0x40 | (length >> 8), length & 0xff]), pnBytes]);
  const nonce = Buffer.from(keys.iv);
  for (let i = 0; i < 4; i++) nonce[11 - i] = nonce[11 - i]! ^ ((pn >>> (8 * i)) & 0xff);
  const gcm = createCipheriv('aes-128-gcm', keys.key, nonce);
  gcm.setAAD(header);
  const sealed = Buffer.concat([gcm.update(payload), gcm.final(), gcm.getAuthTag()]);
  const packet = Buffer.concat([header, sealed]);
  const pnOffset = header.length - 4;
  const mask = createCipheriv('aes-128-ecb', keys.hp, null).update(packet.subarray(pnOffset + 4, pnOffset + 20));
  packet[0] = packet[0]! ^ (mask[0]! & 0x0f);
  for (let i = 0; i < 4; i++) packet[pnOffset + i] = packet[pnOffset + i]! ^ mask[1 + i]!;
  return packet;
}

/** The handshake message of a ClientHello, as QUIC carries it in CRYPTO frames (no TLS record). */
export function cryptoClientHello(serverName: string, size = 1800): Buffer {
  return clientHello(serverName, size).subarray(5);
}

// --- Encapsulations no local tool makes, byte by byte from their specifications -------------------

/** An Ethernet frame of any EtherType around `payload`. */
export function ethernetOf(etherType: number, payload: Buffer): Buffer {
  const type = Buffer.alloc(2);
  type.writeUInt16BE(etherType);
  return Buffer.concat([Buffer.alloc(12, 0xbb), type, payload]);
}

/** GRE (RFC 2784/2890) with an optional key and sequence number, around a payload of `protocol`. */
export function gre(protocol: number, payload: Buffer, options: { key?: number; seq?: number } = {}): Buffer {
  let flags = 0;
  const extra: Buffer[] = [];
  if (options.key !== undefined) {
    flags |= 0x2000;
    const k = Buffer.alloc(4);
    k.writeUInt32BE(options.key);
    extra.push(k);
  }
  if (options.seq !== undefined) {
    flags |= 0x1000;
    const s = Buffer.alloc(4);
    s.writeUInt32BE(options.seq);
    extra.push(s);
  }
  const h = Buffer.alloc(4);
  h.writeUInt16BE(flags, 0);
  h.writeUInt16BE(protocol, 2);
  return Buffer.concat([h, ...extra, payload]);
}

/** VXLAN (RFC 7348 §5): I flag, VNI, then an inner Ethernet frame. */
export function vxlan(vni: number, innerFrame: Buffer): Buffer {
  const h = Buffer.alloc(8);
  h[0] = 0x08;
  h.writeUIntBE(vni, 4, 3);
  return Buffer.concat([h, innerFrame]);
}

/** Geneve (RFC 8926 §3.4) with `optionWords` 4-byte words of options. */
export function geneve(protocol: number, payload: Buffer, optionWords = 0): Buffer {
  const h = Buffer.alloc(8 + optionWords * 4);
  h[0] = optionWords & 0x3f;
  h.writeUInt16BE(protocol, 2);
  return Buffer.concat([h, payload]);
}

/** GTP-U G-PDU (3GPP TS 29.281 §5.1), with a PDU Session Container extension header when asked. */
export function gtpU(teid: number, inner: Buffer, extension = false): Buffer {
  const ext = extension ? Buffer.from([0, 0, 0, 0x85, 1, 0x10, 0x09, 0]) : Buffer.alloc(0);
  const h = Buffer.alloc(8);
  h[0] = 0x30 | (extension ? 0x04 : 0);
  h[1] = 0xff;
  h.writeUInt16BE(ext.length + inner.length, 2);
  h.writeUInt32BE(teid, 4);
  return Buffer.concat([h, ext, inner]);
}

/** A PPPoE session frame (RFC 2516 §4) carrying IPv4 or IPv6. */
export function pppoe(ip: Buffer): Buffer {
  const h = Buffer.alloc(8);
  h[0] = 0x11;
  h.writeUInt16BE(0x1234, 2);
  h.writeUInt16BE(ip.length + 2, 4);
  h.writeUInt16BE(ip[0]! >> 4 === 6 ? 0x0057 : 0x0021, 6);
  return ethernetOf(0x8864, Buffer.concat([h, ip]));
}

/** IPv4 fragments of one datagram (RFC 791 §3.2), `size` payload bytes each (a multiple of 8). */
export function ipv4Fragments(
  src: string,
  dst: string,
  protocol: number,
  payload: Buffer,
  size: number,
  id = 0x4242,
): Buffer[] {
  const out: Buffer[] = [];
  for (let offset = 0; offset < payload.length; offset += size) {
    const part = payload.subarray(offset, offset + size);
    const more = offset + size < payload.length;
    const packet = ipv4(src, dst, protocol, part, (more ? 0x2000 : 0) | (offset / 8));
    packet.writeUInt16BE(id, 4);
    out.push(packet);
  }
  return out;
}

/** IPv6 fragments (RFC 8200 §4.5): a Fragment header in front of each piece. */
export function ipv6Fragments(
  src: string,
  dst: string,
  protocol: number,
  payload: Buffer,
  size: number,
  id = 0x10203040,
): Buffer[] {
  const out: Buffer[] = [];
  for (let offset = 0; offset < payload.length; offset += size) {
    const part = payload.subarray(offset, offset + size);
    const more = offset + size < payload.length;
    const header = Buffer.alloc(8);
    header[0] = protocol;
    header.writeUInt16BE(offset | (more ? 1 : 0), 2);
    header.writeUInt32BE(id, 4);
    out.push(ipv6(src, dst, 44, Buffer.concat([header, part])));
  }
  return out;
}
