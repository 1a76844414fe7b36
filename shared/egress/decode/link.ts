/**
 * Link layers: find where the network-layer packet starts and which protocol it is, for every link
 * type tcpdump and dumpcap write on Linux. Returns undefined for frames it cannot place; never throws.
 *
 * LINKTYPE values: https://www.tcpdump.org/linktypes.html
 */
export const LinkType = {
  null: 0, // BSD loopback: 4-byte address family in host byte order
  ethernet: 1,
  raw: 101, // raw IPv4 or IPv6, version from the first nibble
  rawAlt: 12, // DLT_RAW on some systems (OpenBSD numbering, also written by some tools)
  rawAlt2: 14,
  loop: 108, // OpenBSD loopback: address family in network byte order
  linuxSll: 113,
  ipv4: 228,
  ipv6: 229,
  linuxSll2: 276,
} as const;

export interface NetworkPayload {
  /** 4 or 6 */
  version: 4 | 6;
  data: Buffer;
}

const ETHERTYPE_IPV4 = 0x0800;
const ETHERTYPE_IPV6 = 0x86dd;
const ETHERTYPE_VLAN = [0x8100, 0x88a8, 0x9100];

const ETHERTYPE_PPPOE_SESSION = 0x8864;
const ETHERTYPE_MPLS = [0x8847, 0x8848];

function fromEtherType(etherType: number, data: Buffer): NetworkPayload | undefined {
  if (etherType === ETHERTYPE_IPV4) return { version: 4, data };
  if (etherType === ETHERTYPE_IPV6) return { version: 6, data };
  if (etherType === ETHERTYPE_PPPOE_SESSION) return pppoe(data);
  if (ETHERTYPE_MPLS.includes(etherType)) return mpls(data);
  return undefined;
}

/** PPPoE session stage (RFC 2516 §4): a 6-byte header, then a PPP protocol field. */
function pppoe(b: Buffer): NetworkPayload | undefined {
  if (b.length < 8 || b[0] !== 0x11 || b[1] !== 0x00) return undefined;
  const protocol = b.readUInt16BE(6);
  const end = Math.min(b.length, 6 + b.readUInt16BE(4));
  if (protocol === 0x0021) return { version: 4, data: b.subarray(8, end) };
  if (protocol === 0x0057) return { version: 6, data: b.subarray(8, end) };
  return undefined;
}

/** An MPLS label stack (RFC 3032 §2.1): 4 bytes a label until the bottom-of-stack bit, then IP. */
function mpls(b: Buffer): NetworkPayload | undefined {
  let o = 0;
  for (let labels = 0; labels < 16 && o + 4 <= b.length; labels++) {
    const bottom = (b[o + 2]! & 1) === 1;
    o += 4;
    if (bottom) return fromVersionNibble(b.subarray(o));
  }
  return undefined;
}

function fromVersionNibble(data: Buffer): NetworkPayload | undefined {
  if (data.length < 1) return undefined;
  const version = data[0]! >> 4;
  return version === 4 || version === 6 ? { version, data } : undefined;
}

type LinkDecoder = (frame: Buffer) => NetworkPayload | undefined;

function ethernet(frame: Buffer): NetworkPayload | undefined {
  if (frame.length < 14) return undefined;
  let offset = 12;
  let etherType = frame.readUInt16BE(offset);
  // 802.1Q / 802.1ad tags, possibly stacked (QinQ): 4 bytes each.
  while (ETHERTYPE_VLAN.includes(etherType) && frame.length >= offset + 6) {
    offset += 4;
    etherType = frame.readUInt16BE(offset);
  }
  return fromEtherType(etherType, frame.subarray(offset + 2));
}

// The family is AF_INET (2) or one of the OSes' AF_INET6 values (10, 24, 28, 30), in either byte order
// depending on the writer; the version nibble is the reliable tell.
const loopback: LinkDecoder = (frame) => (frame.length < 4 ? undefined : fromVersionNibble(frame.subarray(4)));

/** The one table of link types decoded: LINKTYPE value -> where its network packet starts. */
const LINK_DECODERS = new Map<number, LinkDecoder>([
  [LinkType.null, loopback],
  [LinkType.ethernet, ethernet],
  [LinkType.raw, fromVersionNibble],
  [LinkType.rawAlt, fromVersionNibble],
  [LinkType.rawAlt2, fromVersionNibble],
  [LinkType.loop, loopback],
  // 16-byte header, protocol at 14 (pcap-linktype(7) LINUX_SLL)
  [LinkType.linuxSll, (f) => (f.length < 16 ? undefined : fromEtherType(f.readUInt16BE(14), f.subarray(16)))],
  [LinkType.ipv4, (f) => ({ version: 4, data: f })],
  [LinkType.ipv6, (f) => ({ version: 6, data: f })],
  // 20-byte header, protocol at 0 (LINUX_SLL2, libpcap >= 1.10 for -i any)
  [LinkType.linuxSll2, (f) => (f.length < 20 ? undefined : fromEtherType(f.readUInt16BE(0), f.subarray(20)))],
]);

export function isDecodedLinkType(linkType: number): boolean {
  return LINK_DECODERS.has(linkType);
}

export function decodeLink(linkType: number, frame: Buffer): NetworkPayload | undefined {
  const decoder = LINK_DECODERS.get(linkType);
  return decoder ? decoder(frame) : undefined;
}
