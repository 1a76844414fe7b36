/**
 * Tunnels and encapsulations: the packet inside an IP-in-IP, GRE (with ERSPAN and PPTP's enhanced
 * GRE), VXLAN, VXLAN-GPE, Geneve or GTP-U packet, so a capture of tunnelled or mirrored traffic is
 * named like plain traffic. Pure; never throws. `undefined`: not a tunnel this module knows.
 *
 *   IP-in-IP: RFC 2003 (4in4, protocol 4), RFC 4213 §3.5 (6in4, protocol 41), RFC 2473 (4in6, 6in6)
 *   GRE: RFC 2784, key and sequence RFC 2890, PPTP enhanced GRE RFC 2637 §4.1
 *   ERSPAN: draft-foschiano-erspan-03 (type II 0x88BE, type III 0x22EB; type I has no header)
 *   VXLAN: RFC 7348 §5 (UDP 4789); VXLAN-GPE: draft-ietf-nvo3-vxlan-gpe (UDP 4790)
 *   Geneve: RFC 8926 §3.4 (UDP 6081); GTP-U: 3GPP TS 29.281 §5 (UDP 2152)
 */
import type { IpPacket } from './ip.ts';
import { decodeLink, LinkType, type NetworkPayload } from './link.ts';

export type TunnelKind = 'ip-in-ip' | 'gre' | 'erspan' | 'vxlan' | 'geneve' | 'gtp-u';

export interface Decapsulated {
  kind: TunnelKind;
  /** The inner packet; undefined when the tunnel was recognised but its payload could not be placed. */
  inner?: NetworkPayload;
}

const UDP_TUNNELS = new Map<number, (b: Buffer) => Decapsulated>([
  [4789, vxlan],
  [4790, vxlanGpe],
  [6081, geneve],
  [2152, gtpU],
]);

const ethernetFrame = (b: Buffer) => decodeLink(LinkType.ethernet, b);

function byEtherType(type: number, b: Buffer): NetworkPayload | undefined {
  if (type === 0x0800) return { version: 4, data: b };
  if (type === 0x86dd) return { version: 6, data: b };
  if (type === 0x6558) return ethernetFrame(b); // Transparent Ethernet Bridging
  return undefined;
}

function fromVersionNibble(b: Buffer): NetworkPayload | undefined {
  const version = b.length ? b[0]! >> 4 : 0;
  return version === 4 || version === 6 ? { version, data: b } : undefined;
}

export function decapsulate(ip: IpPacket): Decapsulated | undefined {
  const p = ip.payload;
  if (ip.protocol === 4) return { kind: 'ip-in-ip', inner: { version: 4, data: p } };
  if (ip.protocol === 41) return { kind: 'ip-in-ip', inner: { version: 6, data: p } };
  if (ip.protocol === 47) return gre(p);
  if (ip.protocol === 17 && p.length >= 8) {
    const tunnel = UDP_TUNNELS.get(p.readUInt16BE(2));
    if (tunnel) {
      const length = p.readUInt16BE(4);
      return tunnel(p.subarray(8, length >= 8 && length <= p.length ? length : p.length));
    }
  }
  return undefined;
}

function gre(b: Buffer): Decapsulated {
  if (b.length < 4) return { kind: 'gre' };
  const flags = b.readUInt16BE(0);
  const version = flags & 0x7;
  const protocol = b.readUInt16BE(2);
  let o = 4;
  if (flags & 0x8000) o += 4; // checksum + reserved
  if (flags & 0x2000) o += 4; // key (PPTP: payload length + call id)
  if (flags & 0x1000) o += 4; // sequence number
  if (version === 1 && flags & 0x0080) o += 4; // PPTP acknowledgment number
  if (o > b.length) return { kind: 'gre' };
  const body = b.subarray(o);
  if (protocol === 0x88be) {
    // ERSPAN type II has an 8-byte header when the sequence bit is set; type I has none.
    return { kind: 'erspan', inner: ethernetFrame(flags & 0x1000 ? body.subarray(8) : body) };
  }
  if (protocol === 0x22eb) {
    // ERSPAN type III: 12 bytes, plus an 8-byte platform sub-header when the O bit (last bit) is set.
    if (body.length < 12) return { kind: 'erspan' };
    return { kind: 'erspan', inner: ethernetFrame(body.subarray(body[11]! & 1 ? 20 : 12)) };
  }
  if (protocol === 0x880b) return { kind: 'gre', inner: ppp(body) };
  return { kind: 'gre', inner: byEtherType(protocol, body) };
}

/** A PPP frame (RFC 1661 §2), with or without the HDLC address/control bytes (RFC 1662). */
export function ppp(b: Buffer): NetworkPayload | undefined {
  let o = b.length >= 2 && b[0] === 0xff && b[1] === 0x03 ? 2 : 0;
  if (o >= b.length) return undefined;
  // Protocol field compression (RFC 1661 §6.5): one byte when its low bit is set.
  let protocol: number;
  if (b[o]! & 1) protocol = b[o++]!;
  else {
    if (o + 2 > b.length) return undefined;
    protocol = b.readUInt16BE(o);
    o += 2;
  }
  if (protocol === 0x21) return { version: 4, data: b.subarray(o) };
  if (protocol === 0x57) return { version: 6, data: b.subarray(o) };
  return undefined;
}

function vxlan(b: Buffer): Decapsulated {
  // Flags byte: the I bit (0x08) says the VNI is valid; the inner frame is Ethernet.
  if (b.length < 8 || (b[0]! & 0x08) === 0) return { kind: 'vxlan' };
  return { kind: 'vxlan', inner: ethernetFrame(b.subarray(8)) };
}

function vxlanGpe(b: Buffer): Decapsulated {
  if (b.length < 8) return { kind: 'vxlan' };
  const next = b[3]!;
  const body = b.subarray(8);
  const inner = next === 1 ? { version: 4 as const, data: body } : next === 2 ? { version: 6 as const, data: body } : next === 3 ? ethernetFrame(body) : undefined; // prettier-ignore
  return { kind: 'vxlan', inner };
}

function geneve(b: Buffer): Decapsulated {
  if (b.length < 8 || b[0]! >> 6 !== 0) return { kind: 'geneve' };
  const header = 8 + (b[0]! & 0x3f) * 4;
  if (header > b.length) return { kind: 'geneve' };
  return { kind: 'geneve', inner: byEtherType(b.readUInt16BE(2), b.subarray(header)) };
}

function gtpU(b: Buffer): Decapsulated {
  // Version 1 (top 3 bits), PT = 1; message type 255 is a G-PDU carrying a user packet.
  if (b.length < 8 || b[0]! >> 5 !== 1 || (b[0]! & 0x10) === 0) return { kind: 'gtp-u' };
  if (b[1] !== 0xff) return { kind: 'gtp-u' };
  let o = 8;
  if (b[0]! & 0x07) {
    // Sequence number, N-PDU number and next extension header type follow when E, S or PN is set.
    if (b.length < 12) return { kind: 'gtp-u' };
    let next = b[11]!;
    o = 12;
    // Each extension header: length in 4-octet units, contents, next type (TS 29.281 §5.2.1).
    for (let hops = 0; next !== 0 && hops < 16; hops++) {
      if (o >= b.length || b[o] === 0) return { kind: 'gtp-u' };
      const length = b[o]! * 4;
      if (o + length > b.length) return { kind: 'gtp-u' };
      next = b[o + length - 1]!;
      o += length;
    }
  }
  return { kind: 'gtp-u', inner: fromVersionNibble(b.subarray(o)) };
}
