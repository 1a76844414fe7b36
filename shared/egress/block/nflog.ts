/**
 * LINKTYPE_NFLOG (239), what `tcpdump -i nflog:N` writes: the packets an nftables `log group N`
 * rule logged. https://www.tcpdump.org/linktypes/LINKTYPE_NFLOG.html — a 4-byte header (address
 * family, version, resource id = the group, big-endian) then TLVs whose length and type are in the
 * capturing host's byte order (little-endian on the runners), each padded to 4 bytes; the length
 * counts the 4-byte TLV header. Types from linux/netfilter/nfnetlink_log.h. Never throws.
 */
import type { NetworkPayload } from '../decode/link.ts';

export const LINKTYPE_NFLOG = 239;
const NFULA_PAYLOAD = 9;
const NFULA_PREFIX = 10;
const NFULA_UID = 11;

export interface NflogPacket {
  group: number;
  /** The log rule's prefix (`telltale:output`, `telltale:forward`). */
  prefix?: string;
  /** The socket owner's uid, when the kernel had a local socket for the packet. */
  uid?: number;
  network?: NetworkPayload;
}

export function decodeNflog(frame: Buffer): NflogPacket | undefined {
  if (frame.length < 4) return undefined;
  const family = frame[0]!;
  const out: NflogPacket = { group: frame.readUInt16BE(2) };
  let offset = 4;
  while (offset + 4 <= frame.length) {
    const length = frame.readUInt16LE(offset);
    const type = frame.readUInt16LE(offset + 2) & 0x7fff;
    if (length < 4 || offset + length > frame.length) break;
    const value = frame.subarray(offset + 4, offset + length);
    if (type === NFULA_PAYLOAD) {
      // AF_INET 2, AF_INET6 10 (Linux numbering)
      if (family === 2) out.network = { version: 4, data: value };
      else if (family === 10) out.network = { version: 6, data: value };
    } else if (type === NFULA_PREFIX) {
      out.prefix = value.toString('latin1').replace(/\0.*$/s, '');
    } else if (type === NFULA_UID && value.length >= 4) {
      out.uid = value.readUInt32BE(0);
    }
    offset += (length + 3) & ~3;
  }
  return out;
}
