/** TCP and UDP headers, and the ICMP errors that say a connection attempt failed. Never throws. */
import { decodeIp, type IpPacket } from './ip.ts';

export const TcpFlag = { fin: 0x01, syn: 0x02, rst: 0x04, psh: 0x08, ack: 0x10 } as const;

export interface TcpSegment {
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  flags: number;
  payload: Buffer;
}

export interface UdpDatagram {
  srcPort: number;
  dstPort: number;
  payload: Buffer;
}

/** What an ICMP "destination unreachable" quotes of the packet it refused. */
export interface Unreachable {
  /** The address the refused packet was sent to, and its port. */
  dst: string;
  dstPort: number;
  protocol: number;
  src: string;
  srcPort: number;
}

export function decodeTcp(b: Buffer): TcpSegment | undefined {
  if (b.length < 20) return undefined;
  const headerLength = (b[12]! >> 4) * 4;
  if (headerLength < 20 || headerLength > b.length) return undefined;
  return {
    srcPort: b.readUInt16BE(0),
    dstPort: b.readUInt16BE(2),
    seq: b.readUInt32BE(4),
    ack: b.readUInt32BE(8),
    flags: b[13]!,
    payload: b.subarray(headerLength),
  };
}

export function decodeUdp(b: Buffer): UdpDatagram | undefined {
  if (b.length < 8) return undefined;
  const length = b.readUInt16BE(4);
  const end = length >= 8 && length <= b.length ? length : b.length;
  return { srcPort: b.readUInt16BE(0), dstPort: b.readUInt16BE(2), payload: b.subarray(8, end) };
}

/**
 * ICMPv4 type 3 (RFC 792) and ICMPv6 type 1 (RFC 4443 §3.1) carry the start of the packet they
 * refused: its IP header and the first 8 bytes of its transport header, enough for the ports.
 */
export function decodeUnreachable(ip: IpPacket): Unreachable | undefined {
  const b = ip.payload;
  const isV4 = ip.version === 4 && ip.protocol === 1 && b.length >= 8 && b[0] === 3;
  const isV6 = ip.version === 6 && ip.protocol === 58 && b.length >= 8 && b[0] === 1;
  if (!isV4 && !isV6) return undefined;
  const inner = decodeIp({ version: ip.version, data: b.subarray(8) });
  if (!inner || inner.payload.length < 4) return undefined;
  return {
    dst: inner.dst,
    dstPort: inner.payload.readUInt16BE(2),
    protocol: inner.protocol,
    src: inner.src,
    srcPort: inner.payload.readUInt16BE(0),
  };
}
