export const id = 199;
export const ids = [199];
export const modules = {

/***/ 199:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  L: () => (/* binding */ analyzeCaptureFile),
  k: () => (/* binding */ analyzeCaptureFilesMerged)
});

// EXTERNAL MODULE: ./shared/egress/source/capture-file.ts
var capture_file = __webpack_require__(4145);
;// CONCATENATED MODULE: ./shared/egress/decode/link.ts
/**
 * Link layers: find where the network-layer packet starts and which protocol it is, for every link
 * type tcpdump and dumpcap write on Linux. Returns undefined for frames it cannot place; never throws.
 *
 * LINKTYPE values: https://www.tcpdump.org/linktypes.html
 */
const LinkType = {
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
};
const ETHERTYPE_IPV4 = 0x0800;
const ETHERTYPE_IPV6 = 0x86dd;
const ETHERTYPE_VLAN = [0x8100, 0x88a8, 0x9100];
const ETHERTYPE_PPPOE_SESSION = 0x8864;
const ETHERTYPE_MPLS = [0x8847, 0x8848];
function fromEtherType(etherType, data) {
    if (etherType === ETHERTYPE_IPV4)
        return { version: 4, data };
    if (etherType === ETHERTYPE_IPV6)
        return { version: 6, data };
    if (etherType === ETHERTYPE_PPPOE_SESSION)
        return pppoe(data);
    if (ETHERTYPE_MPLS.includes(etherType))
        return mpls(data);
    return undefined;
}
/** PPPoE session stage (RFC 2516 §4): a 6-byte header, then a PPP protocol field. */
function pppoe(b) {
    if (b.length < 8 || b[0] !== 0x11 || b[1] !== 0x00)
        return undefined;
    const protocol = b.readUInt16BE(6);
    const end = Math.min(b.length, 6 + b.readUInt16BE(4));
    if (protocol === 0x0021)
        return { version: 4, data: b.subarray(8, end) };
    if (protocol === 0x0057)
        return { version: 6, data: b.subarray(8, end) };
    return undefined;
}
/** An MPLS label stack (RFC 3032 §2.1): 4 bytes a label until the bottom-of-stack bit, then IP. */
function mpls(b) {
    let o = 0;
    for (let labels = 0; labels < 16 && o + 4 <= b.length; labels++) {
        const bottom = (b[o + 2] & 1) === 1;
        o += 4;
        if (bottom)
            return fromVersionNibble(b.subarray(o));
    }
    return undefined;
}
function fromVersionNibble(data) {
    if (data.length < 1)
        return undefined;
    const version = data[0] >> 4;
    return version === 4 || version === 6 ? { version, data } : undefined;
}
function ethernet(frame) {
    if (frame.length < 14)
        return undefined;
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
const loopback = (frame) => (frame.length < 4 ? undefined : fromVersionNibble(frame.subarray(4)));
/** The one table of link types decoded: LINKTYPE value -> where its network packet starts. */
const LINK_DECODERS = new Map([
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
function isDecodedLinkType(linkType) {
    return LINK_DECODERS.has(linkType);
}
function decodeLink(linkType, frame) {
    const decoder = LINK_DECODERS.get(linkType);
    return decoder ? decoder(frame) : undefined;
}

// EXTERNAL MODULE: ./shared/egress/decode/ip.ts
var decode_ip = __webpack_require__(3218);
// EXTERNAL MODULE: ./shared/egress/decode/transport.ts
var decode_transport = __webpack_require__(4150);
;// CONCATENATED MODULE: ./shared/egress/decode/tunnel.ts

const UDP_TUNNELS = new Map([
    [4789, vxlan],
    [4790, vxlanGpe],
    [6081, geneve],
    [2152, gtpU],
]);
const ethernetFrame = (b) => decodeLink(LinkType.ethernet, b);
function byEtherType(type, b) {
    if (type === 0x0800)
        return { version: 4, data: b };
    if (type === 0x86dd)
        return { version: 6, data: b };
    if (type === 0x6558)
        return ethernetFrame(b); // Transparent Ethernet Bridging
    return undefined;
}
function tunnel_fromVersionNibble(b) {
    const version = b.length ? b[0] >> 4 : 0;
    return version === 4 || version === 6 ? { version, data: b } : undefined;
}
function decapsulate(ip) {
    const p = ip.payload;
    if (ip.protocol === 4)
        return { kind: 'ip-in-ip', inner: { version: 4, data: p } };
    if (ip.protocol === 41)
        return { kind: 'ip-in-ip', inner: { version: 6, data: p } };
    if (ip.protocol === 47)
        return gre(p);
    if (ip.protocol === 17 && p.length >= 8) {
        const tunnel = UDP_TUNNELS.get(p.readUInt16BE(2));
        if (tunnel) {
            const length = p.readUInt16BE(4);
            return tunnel(p.subarray(8, length >= 8 && length <= p.length ? length : p.length));
        }
    }
    return undefined;
}
function gre(b) {
    if (b.length < 4)
        return { kind: 'gre' };
    const flags = b.readUInt16BE(0);
    const version = flags & 0x7;
    const protocol = b.readUInt16BE(2);
    let o = 4;
    if (flags & 0x8000)
        o += 4; // checksum + reserved
    if (flags & 0x2000)
        o += 4; // key (PPTP: payload length + call id)
    if (flags & 0x1000)
        o += 4; // sequence number
    if (version === 1 && flags & 0x0080)
        o += 4; // PPTP acknowledgment number
    if (o > b.length)
        return { kind: 'gre' };
    const body = b.subarray(o);
    if (protocol === 0x88be) {
        // ERSPAN type II has an 8-byte header when the sequence bit is set; type I has none.
        return { kind: 'erspan', inner: ethernetFrame(flags & 0x1000 ? body.subarray(8) : body) };
    }
    if (protocol === 0x22eb) {
        // ERSPAN type III: 12 bytes, plus an 8-byte platform sub-header when the O bit (last bit) is set.
        if (body.length < 12)
            return { kind: 'erspan' };
        return { kind: 'erspan', inner: ethernetFrame(body.subarray(body[11] & 1 ? 20 : 12)) };
    }
    if (protocol === 0x880b)
        return { kind: 'gre', inner: ppp(body) };
    return { kind: 'gre', inner: byEtherType(protocol, body) };
}
/** A PPP frame (RFC 1661 §2), with or without the HDLC address/control bytes (RFC 1662). */
function ppp(b) {
    let o = b.length >= 2 && b[0] === 0xff && b[1] === 0x03 ? 2 : 0;
    if (o >= b.length)
        return undefined;
    // Protocol field compression (RFC 1661 §6.5): one byte when its low bit is set.
    let protocol;
    if (b[o] & 1)
        protocol = b[o++];
    else {
        if (o + 2 > b.length)
            return undefined;
        protocol = b.readUInt16BE(o);
        o += 2;
    }
    if (protocol === 0x21)
        return { version: 4, data: b.subarray(o) };
    if (protocol === 0x57)
        return { version: 6, data: b.subarray(o) };
    return undefined;
}
function vxlan(b) {
    // Flags byte: the I bit (0x08) says the VNI is valid; the inner frame is Ethernet.
    if (b.length < 8 || (b[0] & 0x08) === 0)
        return { kind: 'vxlan' };
    return { kind: 'vxlan', inner: ethernetFrame(b.subarray(8)) };
}
function vxlanGpe(b) {
    if (b.length < 8)
        return { kind: 'vxlan' };
    const next = b[3];
    const body = b.subarray(8);
    const inner = next === 1 ? { version: 4, data: body } : next === 2 ? { version: 6, data: body } : next === 3 ? ethernetFrame(body) : undefined; // prettier-ignore
    return { kind: 'vxlan', inner };
}
function geneve(b) {
    if (b.length < 8 || b[0] >> 6 !== 0)
        return { kind: 'geneve' };
    const header = 8 + (b[0] & 0x3f) * 4;
    if (header > b.length)
        return { kind: 'geneve' };
    return { kind: 'geneve', inner: byEtherType(b.readUInt16BE(2), b.subarray(header)) };
}
function gtpU(b) {
    // Version 1 (top 3 bits), PT = 1; message type 255 is a G-PDU carrying a user packet.
    if (b.length < 8 || b[0] >> 5 !== 1 || (b[0] & 0x10) === 0)
        return { kind: 'gtp-u' };
    if (b[1] !== 0xff)
        return { kind: 'gtp-u' };
    let o = 8;
    if (b[0] & 0x07) {
        // Sequence number, N-PDU number and next extension header type follow when E, S or PN is set.
        if (b.length < 12)
            return { kind: 'gtp-u' };
        let next = b[11];
        o = 12;
        // Each extension header: length in 4-octet units, contents, next type (TS 29.281 §5.2.1).
        for (let hops = 0; next !== 0 && hops < 16; hops++) {
            if (o >= b.length || b[o] === 0)
                return { kind: 'gtp-u' };
            const length = b[o] * 4;
            if (o + length > b.length)
                return { kind: 'gtp-u' };
            next = b[o + length - 1];
            o += length;
        }
    }
    return { kind: 'gtp-u', inner: tunnel_fromVersionNibble(b.subarray(o)) };
}

;// CONCATENATED MODULE: ./shared/egress/analyze/fast-path.ts
const SLOT_BITS = 12;
const SLOTS = 1 << SLOT_BITS;
/** Per slot: the tuple's length in words (3 for IPv4, 9 for IPv6; 0 = empty), then the words. */
const STRIDE = 10;
// A FIN changes nothing the analysis keeps; a SYN (a new connection on old ports) and a RST do.
const SYN_RST = 0x02 | 0x04;
const DNS_PORTS = new Set([53, 5353]);
class FlowCache {
    words = new Uint32Array(SLOTS * STRIDE);
    flows = new Array(SLOTS).fill(undefined);
    /** The last packet looked up and missed: its slot and tuple, for `learn`. */
    missSlot = -1;
    miss = new Uint32Array(STRIDE);
    /**
     * Counts a packet of a known, decided connection and returns true; false when the packet must take
     * the full path (then `learn` may file its connection once the full path has seen it).
     */
    count(linkType, b, start, end, time) {
        this.missSlot = -1;
        let o;
        // Where the IP header starts and which version the link layer says it is, for the link types
        // Linux captures mostly have (link.ts decodes them all).
        let said;
        if (linkType === 276) {
            if (end - start < 20)
                return false;
            o = start + 20;
            said = ipEtherType(b[start], b[start + 1]);
        }
        else if (linkType === 1) {
            if (end - start < 14)
                return false;
            o = start + 14;
            said = ipEtherType(b[start + 12], b[start + 13]);
        }
        else if (linkType === 113) {
            if (end - start < 16)
                return false;
            o = start + 16;
            said = ipEtherType(b[start + 14], b[start + 15]);
        }
        else if (linkType === 101 || linkType === 12 || linkType === 14) {
            o = start;
            said = end > o ? b[o] >> 4 : 0;
        }
        else if (linkType === 228 || linkType === 229) {
            o = start;
            said = linkType === 228 ? 4 : 6;
        }
        else
            return false;
        if (end - o < 1)
            return false;
        const version = b[o] >> 4;
        if (version !== said)
            return false;
        let t;
        let ipEnd;
        let wire;
        const m = this.miss;
        if (version === 4) {
            if (end - o < 20)
                return false;
            const ihl = (b[o] & 0x0f) * 4;
            // TCP, not a fragment (MF clear, offset 0).
            if (ihl < 20 || b[o + 9] !== 6 || (b[o + 6] & 0x3f) !== 0 || b[o + 7] !== 0)
                return false;
            const total = (b[o + 2] << 8) | b[o + 3];
            const length = end - o;
            ipEnd = total >= ihl && total <= length ? o + total : end;
            // As decode/ip.ts counts it: TSO super-segments may carry a total length of 0.
            wire = total >= ihl ? total - ihl : ipEnd - o - ihl;
            t = o + ihl;
            m[0] = 3;
            m[1] = u32(b, o + 12);
            m[2] = u32(b, o + 16);
        }
        else if (version === 6) {
            if (end - o < 40 || b[o + 6] !== 6)
                return false;
            const payloadLength = (b[o + 4] << 8) | b[o + 5];
            ipEnd = payloadLength > 0 && 40 + payloadLength <= end - o ? o + 40 + payloadLength : end;
            wire = payloadLength > 0 ? payloadLength : ipEnd - o - 40;
            t = o + 40;
            m[0] = 9;
            for (let i = 0; i < 8; i++)
                m[1 + i] = u32(b, o + 8 + i * 4);
        }
        else
            return false;
        if (ipEnd - t < 20)
            return false;
        const headerLength = (b[t + 12] >> 4) * 4;
        if (headerLength < 20 || headerLength > ipEnd - t)
            return false;
        const words = m[0];
        m[words] = u32(b, t);
        let h = 0x811c9dc5;
        for (let i = 1; i <= words; i++)
            h = Math.imul(h ^ m[i], 0x01000193);
        const slot = (h ^ (h >>> SLOT_BITS) ^ (h >>> (2 * SLOT_BITS))) & (SLOTS - 1);
        // Openings and resets change a connection's state: the full path reads them.
        if ((b[t + 13] & SYN_RST) !== 0)
            return false;
        this.missSlot = slot;
        const flow = this.flows[slot];
        if (flow === undefined || !this.matches(slot))
            return false;
        if (time > flow.lastSeen)
            flow.lastSeen = time;
        flow.bytes += wire;
        return true;
    }
    /**
     * After the full path: the connection the last missed packet was filed under. Only a connection
     * the full path has nothing left to learn from is filed (oriented, decided, not DNS over TCP,
     * whose bytes the DNS book reads).
     */
    learn(flow) {
        const slot = this.missSlot;
        this.missSlot = -1;
        if (slot < 0 || !flow || flow.transport !== 'tcp' || !flow.oriented || !flow.decided)
            return;
        if (DNS_PORTS.has(flow.serverPort))
            return;
        const base = slot * STRIDE;
        const m = this.miss;
        for (let i = 0; i <= m[0]; i++)
            this.words[base + i] = m[i];
        this.flows[slot] = flow;
    }
    /** Forgets every connection (one was set aside for a new one on the same ports). */
    clear() {
        this.flows.fill(undefined);
        this.missSlot = -1;
    }
    matches(slot) {
        const base = slot * STRIDE;
        const m = this.miss;
        const n = m[0];
        if (this.words[base] !== n)
            return false;
        for (let i = 1; i <= n; i++)
            if (this.words[base + i] !== m[i])
                return false;
        return true;
    }
}
/** Big-endian 32 bits; the caller has checked the bounds (Buffer#readUInt32BE checks them again). */
function u32(b, o) {
    return b[o] * 0x1000000 + ((b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]);
}
/** 4 for EtherType 0x0800, 6 for 0x86dd, else 0: VLAN tags and the rest take the full path. */
function ipEtherType(high, low) {
    return high === 0x08 && low === 0x00 ? 4 : high === 0x86 && low === 0xdd ? 6 : 0;
}

;// CONCATENATED MODULE: ./shared/egress/analyze/fragments.ts
const MAX_DATAGRAMS = 4096;
const MAX_DATAGRAM = 65_535 + 8;
const TIMEOUT_MS = 30_000;
class FragmentTable {
    partials = new Map();
    /** Fragments that never became a datagram (timed out, overlapping, too large, table full). */
    dropped = 0;
    /** Takes a fragment; returns the whole datagram once its last missing piece arrives. */
    add(ip, time) {
        const of = ip.fragmentOf;
        this.expire(time);
        const key = `${ip.version} ${ip.src} ${ip.dst} ${ip.version === 4 ? ip.protocol : ''} ${of.id}`;
        let partial = this.partials.get(key);
        if (!partial) {
            if (this.partials.size >= MAX_DATAGRAMS) {
                this.dropped++;
                return undefined;
            }
            partial = { pieces: [], started: time, count: 0, broken: false };
            this.partials.set(key, partial);
        }
        partial.count++;
        if (partial.broken)
            return undefined;
        const end = of.offset + ip.payload.length;
        if (end > MAX_DATAGRAM || partial.count > 64)
            partial.broken = true;
        else if (!of.more) {
            if (partial.total !== undefined && partial.total !== end)
                partial.broken = true;
            partial.total = end;
        }
        if (of.offset === 0)
            partial.first = ip;
        for (const piece of partial.pieces) {
            const exact = piece.offset === of.offset && piece.data.length === ip.payload.length;
            const overlaps = of.offset < piece.offset + piece.data.length && piece.offset < end;
            if (overlaps && !exact)
                partial.broken = true;
        }
        if (partial.broken)
            return undefined;
        // Packet buffers are recycled by the capture reader: keep a copy.
        if (!partial.pieces.some((p) => p.offset === of.offset)) {
            partial.pieces.push({ offset: of.offset, data: Buffer.from(ip.payload) });
        }
        return this.complete(key, partial);
    }
    complete(key, partial) {
        if (partial.total === undefined || !partial.first)
            return undefined;
        const pieces = [...partial.pieces].sort((a, b) => a.offset - b.offset);
        let at = 0;
        for (const piece of pieces) {
            if (piece.offset !== at)
                return undefined;
            at += piece.data.length;
        }
        if (at !== partial.total)
            return undefined;
        this.partials.delete(key);
        const payload = Buffer.concat(pieces.map((p) => p.data));
        return {
            ...partial.first,
            payload,
            fragment: false,
            fragmentOf: undefined,
            wirePayloadLength: payload.length,
        };
    }
    expire(time) {
        // Insertion order is start order: stop at the first one still in time.
        for (const [key, partial] of this.partials) {
            if (time - partial.started <= TIMEOUT_MS)
                break;
            this.dropped += partial.count;
            this.partials.delete(key);
        }
    }
    /** At the end of the capture: what never completed. */
    finish() {
        for (const partial of this.partials.values())
            this.dropped += partial.count;
        this.partials.clear();
    }
}

// EXTERNAL MODULE: ./node_modules/dns-packet/index.js
var dns_packet = __webpack_require__(4894);
;// CONCATENATED MODULE: ./shared/egress/decode/dns.ts
/**
 * DNS messages (RFC 1035) through `dns-packet`, reduced to what names an endpoint: the question,
 * the response code, and the answer chain (CNAME, A, AAAA; HTTPS/SVCB answers are kept by type).
 * dns-packet throws on malformed input; this wrapper returns undefined instead.
 */


// dns-packet 5.6 does not name these types; RFC 9460 gives them numbers 64 and 65.
const TYPE_NAMES = { UNKNOWN_64: 'SVCB', UNKNOWN_65: 'HTTPS' };
const typeName = (type) => TYPE_NAMES[String(type)] ?? String(type);
/**
 * SVCB/HTTPS RDATA (RFC 9460 §2.2): SvcPriority, TargetName (never compressed), then SvcParams as
 * key/length/value; ipv4hint is key 4, ipv6hint key 6. Undefined when the bytes do not parse.
 */
function parseSvcb(rdata) {
    if (rdata.length < 3)
        return undefined;
    let o = 2;
    const labels = [];
    for (let hops = 0;; hops++) {
        if (o >= rdata.length || hops > 127)
            return undefined;
        const length = rdata[o++];
        if (length === 0)
            break;
        if (length > 63 || o + length > rdata.length)
            return undefined;
        labels.push(rdata.subarray(o, o + length).toString('latin1'));
        o += length;
    }
    const hints = [];
    while (o + 4 <= rdata.length) {
        const key = rdata.readUInt16BE(o);
        const length = rdata.readUInt16BE(o + 2);
        const value = rdata.subarray(o + 4, o + 4 + length);
        if (value.length < length)
            return undefined;
        if (key === 4)
            for (let i = 0; i + 4 <= value.length; i += 4)
                hints.push((0,decode_ip/* formatIPv4 */.fD)(value, i));
        if (key === 6)
            for (let i = 0; i + 16 <= value.length; i += 16)
                hints.push((0,decode_ip/* formatIPv6 */.Tg)(value, i));
        o += 4 + length;
    }
    return { target: labels.join('.'), hints };
}
/**
 * A job asks the same few questions over and over (every HTTP client resolves per connection), and
 * gets byte-identical answers but for the ID: decoded messages are kept by their bytes after the ID,
 * bounded. A quarter of a busy capture's analysis was dns-packet decoding the same answer again.
 * Entries are shared: callers treat a DnsMessage as read-only.
 */
const decoded = new Map();
const MAX_CACHED = 4096;
const MAX_CACHED_BYTES = 1232;
function decodeDns(payload) {
    if (payload.length < 12)
        return undefined;
    const id = payload.readUInt16BE(0);
    if (payload.length > MAX_CACHED_BYTES)
        return decodeUncached(payload);
    const key = payload.toString('latin1', 2);
    let known = decoded.get(key);
    if (known === undefined) {
        const message = decodeUncached(payload);
        known = message
            ? {
                response: message.response,
                rcode: message.rcode,
                ...(message.question ? { question: message.question } : {}),
                answers: message.answers,
            }
            : null;
        if (decoded.size >= MAX_CACHED)
            decoded.clear();
        decoded.set(key, known);
    }
    return known ? { id, ...known } : undefined;
}
function decodeUncached(payload) {
    let packet;
    try {
        packet = dns_packet.decode(payload);
    }
    catch {
        return undefined;
    }
    const question = packet.questions?.[0];
    const answers = [];
    for (const answer of packet.answers ?? []) {
        const type = typeName(answer.type);
        const data = type === 'A' || type === 'AAAA' || type === 'CNAME' ? String(answer.data ?? '') : '';
        const raw = answer.data;
        const svcb = (type === 'HTTPS' || type === 'SVCB') && Buffer.isBuffer(raw) ? parseSvcb(raw) : undefined;
        answers.push({ name: String(answer.name ?? ''), type, data, ...(svcb ?? {}) });
    }
    return {
        id: packet.id ?? 0,
        response: packet.type === 'response',
        rcode: String(packet.rcode ?? 'NOERROR'),
        ...(question ? { question: { name: String(question.name ?? ''), type: typeName(question.type) } } : {}),
        answers,
    };
}

;// CONCATENATED MODULE: ./shared/util/order.ts
/**
 * Ordinal text order (UTF-16 code units), for sorting report rows. Unlike `localeCompare` it is the
 * same on every machine and locale, and it costs nothing to start: the first `localeCompare` call
 * builds an ICU collator, ~10 ms of a small capture's whole analysis.
 */
function byText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./shared/egress/analyze/dns-book.ts
/**
 * The DNS book: every question and answer seen, kept as the evidence that names addresses. An answer
 * names each address at the end of its CNAME chain by the question; a query with no response, an error
 * rcode or an empty answer is a failed lookup (attempted egress too).
 */


/** How many names one address keeps (the most recent win): a CDN address answers for many names. */
const NAMES_PER_ADDRESS = 16;
const MAX_TCP_MESSAGE_BUFFER = 64 * 1024;
/** Names kept for "looked up, not contacted"; past it the report says how many were left out. */
const MAX_ANSWERED_NAMES = 20_000;
const MAX_ADDRESSES_PER_NAME = 64;
class DnsBook {
    /** address -> names that resolved to it, in capture order */
    resolved = new Map();
    queries = new Map();
    failedLookups = [];
    /** Every name that got an answer, for the names no connection went to. */
    answered = new Map();
    answeredOmitted = 0;
    /** Per TCP DNS direction: bytes not yet forming a whole length-prefixed message. */
    tcpStreams = new Map();
    /** One UDP DNS datagram between `client` and `server`. */
    datagram(payload, client, server, time) {
        const message = decodeDns(payload);
        if (message)
            this.message(message, client, server, time);
    }
    /** TCP DNS bytes of one direction of a connection, `streamKey` naming that direction. */
    tcpBytes(streamKey, payload, client, server, time) {
        let buffer = Buffer.concat([this.tcpStreams.get(streamKey) ?? Buffer.alloc(0), payload]);
        // RFC 1035 §4.2.2: each message is preceded by a two-byte length.
        while (buffer.length >= 2 && buffer.length >= 2 + buffer.readUInt16BE(0)) {
            const length = buffer.readUInt16BE(0);
            const message = decodeDns(buffer.subarray(2, 2 + length));
            if (message)
                this.message(message, client, server, time);
            buffer = buffer.subarray(2 + length);
        }
        if (buffer.length && buffer.length < MAX_TCP_MESSAGE_BUFFER)
            this.tcpStreams.set(streamKey, Buffer.from(buffer));
        else
            this.tcpStreams.delete(streamKey);
    }
    message(message, client, server, time) {
        if (!message.question)
            return;
        const key = `${client} ${server} ${message.id}`;
        if (!message.response) {
            this.queries.set(key, { ...message.question, time });
            return;
        }
        this.queries.delete(key);
        const asked = message.question;
        const askedName = asked.name.toLowerCase();
        // Follow the CNAME chain from the question (HTTPS/SVCB targets alias like CNAMEs, RFC 9460 §2.4):
        // every address at its end is named by the question. One pass over a name -> targets index, so a
        // crafted answer of thousands of records costs linear time.
        const aliases = new Map();
        for (const answer of message.answers) {
            const target = answer.type === 'CNAME'
                ? answer.data
                : answer.target !== undefined && answer.target !== ''
                    ? answer.target
                    : '';
            if (!target)
                continue;
            const from = answer.name.toLowerCase();
            const list = aliases.get(from) ?? [];
            list.push(target.toLowerCase());
            aliases.set(from, list);
        }
        const chain = new Set([askedName]);
        const queue = [askedName];
        while (queue.length) {
            for (const next of aliases.get(queue.pop()) ?? []) {
                if (!chain.has(next)) {
                    chain.add(next);
                    queue.push(next);
                }
            }
        }
        let addresses = 0;
        const found = [];
        for (const answer of message.answers) {
            if (!chain.has(answer.name.toLowerCase()))
                continue;
            const named = answer.type === 'A' || answer.type === 'AAAA' ? [answer.data] : (answer.hints ?? []);
            for (const address of named) {
                addresses++;
                found.push(address);
                const sightings = this.resolved.get(address) ?? [];
                sightings.push({ name: askedName, time });
                if (sightings.length > NAMES_PER_ADDRESS)
                    sightings.shift();
                this.resolved.set(address, sightings);
            }
        }
        const answered = message.answers.some((a) => chain.has(a.name.toLowerCase()) && (a.type === asked.type || a.type === 'CNAME'));
        if (message.rcode === 'NOERROR' && (answered || addresses))
            this.noteAnswered(askedName, asked.type, found, server, time);
        if (message.rcode !== 'NOERROR' ||
            (!answered && addresses === 0 && (asked.type === 'A' || asked.type === 'AAAA'))) {
            this.failedLookups.push({
                name: asked.name,
                type: asked.type,
                rcode: message.rcode === 'NOERROR' ? 'NOANSWER' : message.rcode,
                server,
                time: new Date(time).toISOString(),
            });
        }
    }
    noteAnswered(name, type, addresses, server, time) {
        let entry = this.answered.get(name);
        if (!entry) {
            if (this.answered.size >= MAX_ANSWERED_NAMES) {
                this.answeredOmitted++;
                return;
            }
            entry = { types: new Set(), addresses: new Set(), server, time };
            this.answered.set(name, entry);
        }
        entry.types.add(type);
        for (const address of addresses)
            if (entry.addresses.size < MAX_ADDRESSES_PER_NAME)
                entry.addresses.add(address);
    }
    /**
     * Names that resolved but that no connection used: none of their addresses was contacted and no
     * endpoint carries the name. `contacted` holds the addresses connections went to; `named` the hosts.
     */
    lookedUpNotContacted(contacted, named) {
        const out = [];
        for (const [name, entry] of this.answered) {
            if (named.has(name))
                continue;
            if ([...entry.addresses].some((a) => contacted.has(a)))
                continue;
            out.push({
                name,
                types: [...entry.types].sort(),
                addresses: [...entry.addresses].sort(),
                server: entry.server,
                time: new Date(entry.time).toISOString(),
            });
        }
        return out.sort((a, b) => byText(a.time, b.time) || byText(a.name, b.name));
    }
    /** The name the most recent DNS answer gave this address before `time`, if any. */
    nameForAddress(address, time) {
        const sightings = this.resolved.get(address);
        if (!sightings)
            return undefined;
        for (let i = sightings.length - 1; i >= 0; i--)
            if (sightings[i].time <= time)
                return sightings[i].name;
        return undefined;
    }
    /**
     * Failed lookups worth reporting, unanswered queries included (a DNS query that never got a
     * response is an attempted egress too). An empty answer for one address family is no failure when
     * the same name resolved in the other (an IPv6-only host answers A with nothing).
     */
    usefulFailures() {
        const resolvedNames = new Set();
        for (const sightings of this.resolved.values())
            for (const s of sightings)
                resolvedNames.add(s.name);
        const unanswered = [...this.queries].map(([key, q]) => ({
            name: q.name,
            type: q.type,
            rcode: 'TIMEOUT',
            server: key.split(' ')[1],
            time: new Date(q.time).toISOString(),
        }));
        return [...this.failedLookups, ...unanswered].filter((l) => !(l.rcode === 'NOANSWER' && resolvedNames.has(l.name.toLowerCase())));
    }
}

;// CONCATENATED MODULE: ./shared/egress/analyze/flow-key.ts
function flowKey(transport, srcIp, srcPort, dstIp, dstPort) {
    return srcIp < dstIp || (srcIp === dstIp && srcPort <= dstPort)
        ? `${transport} ${srcIp} ${srcPort} ${dstIp} ${dstPort}`
        : `${transport} ${dstIp} ${dstPort} ${srcIp} ${srcPort}`;
}

;// CONCATENATED MODULE: ./shared/egress/analyze/failures.ts
/**
 * How a connection failed, from what the capture saw of it: a reset before any SYN-ACK (refused), an
 * ICMP unreachable quoting it, or a SYN that nothing answered.
 */



/** RFC 9293 §3.10.7.3: a reset answering a SYN means nothing listens there. */
function noteTcpFlags(flow, flags, fromClient) {
    if ((flags & decode_transport/* TcpFlag */.Of.rst) !== 0 && !fromClient && flow.synSeen && !flow.synAckSeen)
        flow.failure = 'refused';
}
/** The key of the flow an ICMP destination-unreachable refuses, if it quotes one. */
function refusedFlowKey(ip) {
    const refused = (0,decode_transport/* decodeUnreachable */.n0)(ip);
    if (!refused)
        return undefined;
    const transport = refused.protocol === 6 ? 'tcp' : refused.protocol === 17 ? 'udp' : undefined;
    if (!transport)
        return undefined;
    return flowKey(transport, refused.src, refused.srcPort, refused.dst, refused.dstPort);
}
function noteUnreachable(flow) {
    if (!flow.synAckSeen)
        flow.failure = 'unreachable';
}
/** At the end of the capture: a SYN never answered is a failure of its own. */
function finalFailure(flow) {
    if (flow.transport === 'tcp' && flow.synSeen && !flow.synAckSeen && !flow.failure)
        flow.failure = 'no-answer';
}

;// CONCATENATED MODULE: ./shared/egress/analyze/flow.ts
/**
 * A new connection with every field present from the start (undefined until known): connections
 * that grew their fields in different orders had different hidden classes, and the per-packet code
 * that touches them (analyze/fast-path.ts) went megamorphic and was deoptimised.
 */
function newFlow(transport, ends, time, oriented) {
    return {
        transport,
        clientIp: ends.clientIp,
        clientPort: ends.clientPort,
        serverIp: ends.serverIp,
        serverPort: ends.serverPort,
        firstSeen: time,
        lastSeen: time,
        bytes: 0,
        synSeen: false,
        oriented,
        serverSpoke: undefined,
        synAckSeen: false,
        failure: undefined,
        natClients: undefined,
        name: undefined,
        pending: undefined,
        decided: false,
        isn: undefined,
        baseSeq: undefined,
        quic: undefined,
        segments: 0,
    };
}

;// CONCATENATED MODULE: ./shared/egress/decode/tls.ts
/**
 * The TLS ClientHello (RFC 8446 §4.1.2) at the start of a client's byte stream: its server_name
 * (RFC 6066 §3) and ALPN (RFC 7301). The caller hands over the reassembled first bytes of the
 * stream; a ClientHello split over several segments or records (post-quantum key shares make it
 * ~2 KB) is answered `need-more` until enough bytes have arrived. Extensions may come in any order.
 */
const HANDSHAKE = 22;
const CLIENT_HELLO = 1;
// A ClientHello larger than this is not one we will wait for (the largest real ones are ~2-8 KB).
const MAX_HELLO = 64 * 1024;
/** Reassembles the handshake messages carried by consecutive TLS records. */
function handshakeBytes(stream) {
    const parts = [];
    let offset = 0;
    let total = 0;
    let needed = -1;
    while (offset + 5 <= stream.length) {
        if (stream[offset] !== HANDSHAKE || stream[offset + 1] !== 3)
            return 'not-tls';
        const length = stream.readUInt16BE(offset + 3);
        const body = stream.subarray(offset + 5, Math.min(stream.length, offset + 5 + length));
        parts.push(body);
        total += body.length;
        if (needed < 0 && total >= 4) {
            const head = Buffer.concat(parts);
            if (head[0] !== CLIENT_HELLO)
                return 'not-tls';
            needed = 4 + head.readUIntBE(1, 3);
            if (needed > MAX_HELLO)
                return 'not-tls';
        }
        if (needed >= 0 && total >= needed)
            return { bytes: Buffer.concat(parts).subarray(0, needed), complete: true };
        if (body.length < length)
            break;
        offset += 5 + length;
    }
    if (stream.length >= 1 && stream[0] !== HANDSHAKE)
        return 'not-tls';
    return { bytes: Buffer.concat(parts), complete: false };
}
function parseClientHello(stream) {
    const handshake = handshakeBytes(stream);
    if (handshake === 'not-tls')
        return { status: 'not-tls' };
    if (!handshake.complete)
        return { status: 'need-more' };
    return parseClientHelloBody(handshake.bytes.subarray(4));
}
/** The ClientHello body, after the 4-byte handshake header. Also used for QUIC's CRYPTO stream. */
function parseClientHelloBody(b) {
    let o = 2 + 32; // legacy_version, random
    if (o + 1 > b.length)
        return { status: 'not-tls' };
    o += 1 + b[o]; // legacy_session_id
    if (o + 2 > b.length)
        return { status: 'not-tls' };
    o += 2 + b.readUInt16BE(o); // cipher_suites
    if (o + 1 > b.length)
        return { status: 'not-tls' };
    o += 1 + b[o]; // legacy_compression_methods
    const result = { status: 'ok', alpn: [] };
    if (o + 2 > b.length)
        return result; // no extensions at all (TLS 1.0 style): valid, unnamed
    const end = Math.min(b.length, o + 2 + b.readUInt16BE(o));
    o += 2;
    while (o + 4 <= end) {
        const type = b.readUInt16BE(o);
        const length = b.readUInt16BE(o + 2);
        const body = b.subarray(o + 4, Math.min(end, o + 4 + length));
        if (type === 0 && body.length >= 5) {
            // server_name_list: list length, then entries of (type, length, name); host_name is type 0.
            let p = 2;
            while (p + 3 <= body.length) {
                const nameType = body[p];
                const nameLength = body.readUInt16BE(p + 1);
                if (nameType === 0 && p + 3 + nameLength <= body.length) {
                    result.serverName = body.subarray(p + 3, p + 3 + nameLength).toString('latin1');
                    break;
                }
                p += 3 + nameLength;
            }
        }
        else if (type === 16 && body.length >= 2) {
            let p = 2;
            while (p < body.length) {
                const len = body[p];
                if (p + 1 + len > body.length)
                    break;
                result.alpn.push(body.subarray(p + 1, p + 1 + len).toString('latin1'));
                p += 1 + len;
            }
        }
        o += 4 + length;
    }
    return result;
}

;// CONCATENATED MODULE: ./shared/egress/decode/http.ts
/**
 * The first request of an HTTP/1.x client stream (RFC 9112 §3): its method, the Host header, and
 * for `CONNECT host:port` (RFC 9110 §9.3.6) the real destination behind a proxy.
 */
const METHOD = /^(GET|HEAD|POST|PUT|DELETE|OPTIONS|PATCH|TRACE|CONNECT|PROPFIND|REPORT|MKCOL) /;
// A request head larger than this is not one we wait for.
const MAX_HEAD = 16 * 1024;
function parseHttpRequest(stream) {
    const head = stream.subarray(0, MAX_HEAD).toString('latin1');
    const method = METHOD.exec(head);
    if (!method)
        return head.length >= 8 ? { status: 'not-http' } : { status: 'need-more' };
    const end = head.indexOf('\r\n\r\n');
    const firstLineEnd = head.indexOf('\r\n');
    if (firstLineEnd < 0)
        return stream.length >= MAX_HEAD ? { status: 'not-http' } : { status: 'need-more' };
    // RFC 9112 §3: a recipient may split the request line on any run of whitespace.
    const [verb, target, version] = head
        .slice(0, firstLineEnd)
        .trim()
        .split(/[ \t]+/);
    if (!verb || !target || !version?.startsWith('HTTP/1.'))
        return { status: 'not-http' };
    if (verb === 'CONNECT') {
        const match = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(target);
        if (!match)
            return { status: 'ok', method: verb };
        return { status: 'ok', method: verb, connect: { host: match[1].toLowerCase(), port: Number(match[2]) } };
    }
    if (end < 0 && stream.length < MAX_HEAD)
        return { status: 'need-more' };
    const hostLine = /\r\nhost:[ \t]*([^\r\n]*)/i.exec(head.slice(0, end < 0 ? undefined : end));
    const host = hostLine?.[1]
        ?.trim()
        .replace(/:\d+$/, '')
        .replace(/^\[|\]$/g, '')
        .toLowerCase();
    // RFC 9110 §7.2: Host is a uri-host; a control character (a NUL, a bare CR) makes it no name at all.
    const named = host && !/[\x00-\x1f\x7f\s]/.test(host) ? host : undefined;
    return { status: 'ok', method: verb, ...(named ? { host: named } : {}) };
}

;// CONCATENATED MODULE: ./shared/egress/decode/socks.ts
/**
 * SOCKS proxies: the real destination a client asks a SOCKS server to connect to, from the client's
 * first bytes (like HTTP CONNECT). Pure; never throws.
 *
 *   SOCKS5  RFC 1928 §3-4 (greeting, then VER CMD RSV ATYP DST.ADDR DST.PORT),
 *           with RFC 1929 username/password sub-negotiation in between when offered
 *   SOCKS4  "SOCKS: A protocol for TCP proxy across firewalls" (VN=4 CD DSTPORT DSTIP USERID NUL)
 *   SOCKS4a the same with DSTIP 0.0.0.x and the host name after USERID (OpenSSH's socks4a.protocol)
 */

const NEED_MORE = { status: 'need-more' };
const NOT_SOCKS = { status: 'not-socks' };
const MAX_USERID = 255;
function parseSocksRequest(b) {
    if (!b.length)
        return NEED_MORE;
    if (b[0] === 5)
        return socks5(b);
    if (b[0] === 4)
        return socks4(b);
    return NOT_SOCKS;
}
function socks5(b) {
    if (b.length < 2)
        return NEED_MORE;
    const methods = b[1];
    if (methods === 0 || methods > 16)
        return NOT_SOCKS;
    let o = 2 + methods;
    if (b.length < o + 1)
        return NEED_MORE;
    const offered = b.subarray(2, o);
    // RFC 1929 §2: VER=1 ULEN UNAME PLEN PASSWD, sent when the server chose method 2.
    if (b[o] === 1 && offered.includes(2)) {
        if (b.length < o + 2)
            return NEED_MORE;
        const userEnd = o + 2 + b[o + 1];
        if (b.length < userEnd + 1)
            return NEED_MORE;
        o = userEnd + 1 + b[userEnd];
    }
    if (b.length < o + 5)
        return NEED_MORE;
    // VER CMD RSV ATYP: CONNECT (1) is the one that names a TCP destination.
    if (b[o] !== 5 || b[o + 1] !== 1 || b[o + 2] !== 0)
        return NOT_SOCKS;
    const type = b[o + 3];
    const at = o + 4;
    let host;
    let portAt;
    if (type === 1) {
        if (b.length < at + 6)
            return NEED_MORE;
        host = (0,decode_ip/* formatIPv4 */.fD)(b, at);
        portAt = at + 4;
    }
    else if (type === 3) {
        const length = b[at];
        if (!length)
            return NOT_SOCKS;
        if (b.length < at + 1 + length + 2)
            return NEED_MORE;
        host = b
            .subarray(at + 1, at + 1 + length)
            .toString('latin1')
            .toLowerCase();
        portAt = at + 1 + length;
    }
    else if (type === 4) {
        if (b.length < at + 18)
            return NEED_MORE;
        host = (0,decode_ip/* formatIPv6 */.Tg)(b, at);
        portAt = at + 16;
    }
    else
        return NOT_SOCKS;
    return { status: 'ok', version: 5, host, port: b.readUInt16BE(portAt) };
}
function socks4(b) {
    if (b.length < 9)
        return NEED_MORE;
    if (b[1] !== 1)
        return NOT_SOCKS; // CONNECT only (2 is BIND)
    const port = b.readUInt16BE(2);
    const userEnd = b.indexOf(0, 8);
    if (userEnd < 0)
        return b.length > 8 + MAX_USERID ? NOT_SOCKS : NEED_MORE;
    const v4a = b[4] === 0 && b[5] === 0 && b[6] === 0 && b[7] !== 0;
    if (!v4a)
        return { status: 'ok', version: 4, host: (0,decode_ip/* formatIPv4 */.fD)(b, 4), port };
    const hostEnd = b.indexOf(0, userEnd + 1);
    if (hostEnd < 0)
        return b.length > userEnd + 1 + 255 ? NOT_SOCKS : NEED_MORE;
    const host = b
        .subarray(userEnd + 1, hostEnd)
        .toString('latin1')
        .toLowerCase();
    return host ? { status: 'ok', version: 4, host, port } : NOT_SOCKS;
}

;// CONCATENATED MODULE: ./shared/egress/decode/starttls.ts
/**
 * STARTTLS: protocols that begin in plain text and switch to TLS on a command, after which the
 * client's next bytes are its TLS ClientHello. Given the client's first bytes, this finds where TLS
 * begins, so the ClientHello's SNI names the connection like a direct TLS one.
 *
 *   SMTP  RFC 3207 §4    EHLO/HELO …, then "STARTTLS"
 *   IMAP  RFC 9051 §6.2.1  "<tag> STARTTLS"
 *   POP3  RFC 2595 §4    "STLS"
 *   FTP   RFC 4217 §4    "AUTH TLS" (or the older "AUTH SSL")
 *   XMPP  RFC 6120 §5.4.2 <starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>
 */
const DIALECTS = [
    { protocol: 'smtp', opening: /^(EHLO|HELO|STARTTLS)\b/i, upgrade: /(^|\r?\n)STARTTLS[ \t]*\r?\n/i },
    {
        protocol: 'imap',
        opening: /^[A-Za-z0-9.]{1,20} (CAPABILITY|STARTTLS|NOOP|ID)\b/i,
        upgrade: /(^|\r?\n)[A-Za-z0-9.]{1,20} STARTTLS[ \t]*\r?\n/i,
    },
    { protocol: 'pop3', opening: /^(CAPA|STLS)\b/i, upgrade: /(^|\r?\n)STLS[ \t]*\r?\n/i },
    { protocol: 'ftp', opening: /^(AUTH|FEAT)\b/i, upgrade: /(^|\r?\n)AUTH (TLS|SSL|TLS-C)[ \t]*\r?\n/i },
    {
        protocol: 'xmpp',
        opening: /^(<\?xml[^>]*\?>\s*)?<stream:stream\b/,
        upgrade: /<starttls\s+xmlns=['"]urn:ietf:params:xml:ns:xmpp-tls['"]\s*(\/>|>\s*<\/starttls>)/,
    },
];
// The plain-text part before STARTTLS is a few short commands; past this it is not a STARTTLS opening.
const MAX_PLAINTEXT = 4096;
function findStartTls(stream) {
    // latin1 keeps byte offsets equal to string offsets.
    const text = stream.subarray(0, MAX_PLAINTEXT).toString('latin1');
    for (const dialect of DIALECTS) {
        if (!dialect.opening.test(text))
            continue;
        const match = dialect.upgrade.exec(text);
        if (!match) {
            return stream.length >= MAX_PLAINTEXT
                ? { status: 'not-starttls' }
                : { status: 'need-more', protocol: dialect.protocol };
        }
        const start = match.index + match[0].length;
        if (start >= stream.length)
            return { status: 'need-more', protocol: dialect.protocol };
        return { status: 'ok', protocol: dialect.protocol, tls: stream.subarray(start) };
    }
    // A prefix of an opening command ("EH") cannot be told yet.
    if (stream.length < 5 && /^[A-Za-z<0-9]*$/.test(text))
        return { status: 'need-more' };
    return { status: 'not-starttls' };
}

;// CONCATENATED MODULE: ./shared/egress/analyze/namers.ts
/**
 * The namers: each looks at a flow's first client bytes and says whether they are its protocol and,
 * if so, which host they name. Like a dissector table, the analyzer asks every namer of the flow's
 * transport in turn; a namer never throws on bad bytes.
 *
 *   not-mine   these bytes are not this protocol; do not ask again for this flow
 *   need-more  they may be, but the message is not complete yet
 *   named      they are; `name` says what the client asked for (host may be '' when unnamed)
 */




const NOT_MINE = { status: 'not-mine' };
const namers_NEED_MORE = { status: 'need-more' };
const tlsNamer = {
    id: 'tls',
    name(stream, { serverPort }) {
        const hello = parseClientHello(stream);
        if (hello.status === 'not-tls')
            return NOT_MINE;
        if (hello.status === 'need-more')
            return namers_NEED_MORE;
        const protocol = serverPort === 443 || hello.alpn.some((p) => p === 'h2' || p.startsWith('http/')) ? 'https' : 'tls';
        return {
            status: 'named',
            name: hello.serverName
                ? { host: hello.serverName.toLowerCase(), namedBy: 'sni', protocol }
                : { host: '', namedBy: 'none', protocol },
        };
    },
};
const httpNamer = {
    id: 'http',
    name(stream) {
        const request = parseHttpRequest(stream);
        if (request.status === 'not-http')
            return NOT_MINE;
        if (request.status === 'need-more')
            return namers_NEED_MORE;
        if (request.connect) {
            return {
                status: 'named',
                name: { host: request.connect.host, namedBy: 'connect', port: request.connect.port, protocol: 'http-proxy' },
            };
        }
        return {
            status: 'named',
            name: request.host
                ? { host: request.host, namedBy: 'http-host', protocol: 'http' }
                : { host: '', namedBy: 'none', protocol: 'http' },
        };
    },
};
const socksNamer = {
    id: 'socks',
    name(stream) {
        const request = parseSocksRequest(stream);
        if (request.status === 'not-socks')
            return NOT_MINE;
        if (request.status === 'need-more')
            return namers_NEED_MORE;
        return {
            status: 'named',
            name: { host: request.host, namedBy: 'connect', port: request.port, protocol: `socks${request.version}` },
        };
    },
};
/** Plain-text protocols upgraded with STARTTLS: the ClientHello after the upgrade names them. */
const startTlsNamer = {
    id: 'starttls',
    name(stream, context) {
        const upgrade = findStartTls(stream);
        if (upgrade.status === 'not-starttls')
            return NOT_MINE;
        if (upgrade.status === 'need-more')
            return namers_NEED_MORE;
        const hello = tlsNamer.name(upgrade.tls, context);
        if (hello.status !== 'named')
            return hello;
        return { status: 'named', name: { ...hello.name, protocol: upgrade.protocol } };
    },
};
/** The TCP namers, in the order they are asked (cheapest and commonest first). */
const STREAM_NAMERS = [tlsNamer, httpNamer, socksNamer, startTlsNamer];
/**
 * Asks every namer; the first that names the stream wins. `need-more` while any namer may still
 * claim the bytes, `not-mine` once all have refused them.
 */
function nameStream(stream, context, namers = STREAM_NAMERS) {
    let waiting = false;
    for (const namer of namers) {
        const verdict = namer.name(stream, context);
        if (verdict.status === 'named')
            return verdict;
        if (verdict.status === 'need-more')
            waiting = true;
    }
    return waiting ? namers_NEED_MORE : NOT_MINE;
}

// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
;// CONCATENATED MODULE: ./shared/egress/decode/quic-versions.ts
/**
 * Every QUIC version whose client Initial can be read by anyone on the path, and how: which salt
 * its Initial keys derive from, which HKDF labels, which long-header type bits mean Initial, and
 * what the CRYPTO stream carries (a TLS 1.3 ClientHello or Google's QUIC-crypto CHLO).
 *
 * Google QUIC before Q050 (Q043, Q046) sends its CHLO in plaintext; those are read by gquic.ts and
 * listed here only for their names. A version absent from this table has no public Initial keys
 * (or none we know of): its flows are reported as QUIC, version shown, unnamed.
 */
const QUIC_V1 = 0x00000001;
const QUIC_V2 = 0x6b3343cf;
const hex = (s) => Buffer.from(s, 'hex');
// draft-ietf-quic-tls-21 §5.2 and -22 §5.2 (also mvfst 0xfaceb001, which kept this salt).
const SALT_DRAFT_22 = hex('7fbcdb0e7c66bbe9193a96cd21519ebd7a02644a');
// draft-ietf-quic-tls-23 §5.2, unchanged through -28.
const SALT_DRAFT_23 = hex('c3eef712c72ebb5a11a7d2432bb46365bef9f502');
// draft-ietf-quic-tls-29 §5.2, unchanged through -32.
const SALT_DRAFT_29 = hex('afbfec289993d24c9e9786f19c6111e04390a899');
// RFC 9001 §5.2 (first published in draft-ietf-quic-tls-33 §5.2, kept in -34).
const SALT_V1 = hex('38762cf7f55934b34d179ae6a4c80cadccbb7f0a');
// RFC 9369 §3.3.1.
const SALT_V2 = hex('0dede3def700a6db819381be6e269dcbf9bd2ed9');
// draft-ietf-quic-v2-01 §3.3.1 (version 0x709a50c4, used by interop builds before RFC 9369).
const SALT_V2_DRAFT = hex('a707c203a59b47184a1d62ca570406ea7ae3e5d3');
// Google QUIC Q050, T050 and T051 salts: not in any RFC; as Wireshark's packet-quic.c lists them
// (quic_derive_initial_secrets), taken from Chromium's quic_crypto_utils.
const SALT_Q050 = hex('504574efd066fe2f9d945cfcdbd3a7f0d3b56b45');
const SALT_T050 = hex('7ff579e5acd072915580304c43a2367c60488310');
const SALT_T051 = hex('7a4edef4e7ccee5fa4506c19124fc8ccda6e033d');
const V1_TYPES = { initial: 0, zeroRtt: 1, handshake: 2, retry: 3 };
// RFC 9369 §3.2: Initial 0b01, 0-RTT 0b10, Handshake 0b11, Retry 0b00.
const V2_TYPES = { initial: 1, zeroRtt: 2, handshake: 3, retry: 0 };
function ietf(salts, labelPrefix = 'quic') {
    return { salts, labelPrefix, types: labelPrefix === 'quic' ? V1_TYPES : V2_TYPES, frames: 'ietf', hello: 'tls' };
}
/** The Initial protection of `version`, or undefined when it has none that is public. */
function quic_versions_initialProtection(version) {
    if (version === QUIC_V1)
        return ietf([SALT_V1]);
    if (version === QUIC_V2)
        return ietf([SALT_V2], 'quicv2');
    if (version === 0x709a50c4)
        return ietf([SALT_V2_DRAFT], 'quicv2');
    const draft = ietfDraft(version);
    // Drafts 22-34 share v1's long header (one-byte CID lengths, since -22) and frames.
    if (draft !== undefined && draft >= 22 && draft <= 34) {
        if (draft <= 22)
            return ietf([SALT_DRAFT_22]);
        if (draft <= 28)
            return ietf([SALT_DRAFT_23]);
        if (draft <= 32)
            return ietf([SALT_DRAFT_29]);
        return ietf([SALT_V1]);
    }
    // mvfst (facebook/mvfst quic/QuicConstants.h QuicVersion): MVFST_D24 (0xfaceb001) kept
    // draft-22's salt; QUIC_V1_ALIAS (0xfaceb003) uses v1's; MVFST (0xfaceb002, draft-27 based) and
    // every other alias fall to getQuicVersionSalt's default, draft-23's. Wireshark decrypts
    // 0xfaceb001, 0xfaceb002 and 0xfaceb00e the same way. Aliases added since may have moved to v1's
    // salt, so both are tried: the AEAD tag tells which is right, never a guess.
    if (version === 0xfaceb001)
        return ietf([SALT_DRAFT_22]);
    if (version === 0xfaceb003)
        return ietf([SALT_V1, SALT_DRAFT_23]);
    if (version >>> 8 === 0xfaceb0)
        return ietf([SALT_DRAFT_23, SALT_V1]);
    switch (version) {
        // Google QUIC with IETF long headers and Initial protection (Wireshark packet-quic.c), but
        // Google frames; T05x carry TLS 1.3 in CRYPTO frames, Q050 its QUIC-crypto CHLO.
        case 0x51303530:
            return { ...ietf([SALT_Q050]), frames: 'google', hello: 'chlo' };
        case 0x54303530:
            return { ...ietf([SALT_T050]), frames: 'google' };
        case 0x54303531:
            return { ...ietf([SALT_T051]), frames: 'google' };
        default:
            return undefined;
    }
}
/** The draft number of a version 0xff0000NN (RFC 9000 §15: draft N is 0xff000000 + N). */
function ietfDraft(version) {
    return version >>> 8 === 0xff0000 ? version & 0xff : undefined;
}
/** RFC 9000 §15: versions 0x?a?a?a?a are reserved to exercise version negotiation. */
function isGreaseVersion(version) {
    return (version & 0x0f0f0f0f) === 0x0a0a0a0a;
}
/** Google QUIC "Q0nn": the number after 'Q' (46 for "Q046"), or undefined. */
function googleQVersion(version) {
    const digit = (byte) => (byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : -1);
    const tens = digit((version >>> 8) & 0xff);
    const units = digit(version & 0xff);
    return version >>> 16 === 0x5130 && tens >= 0 && units >= 0 ? tens * 10 + units : undefined;
}
const MVFST_NAMES = new Map([
    [0xfaceb001, 'mvfst-draft-22'],
    [0xfaceb002, 'mvfst-draft-27'],
    [0xfaceb003, 'mvfst-v1-alias'],
    [0xfaceb00e, 'mvfst-experimental'],
    [0xfaceb00f, 'mvfst-invalid'],
    [0xfaceb010, 'mvfst-alias'],
    [0xfaceb011, 'mvfst-experimental2'],
    [0xfaceb013, 'mvfst-experimental3'],
]);
/** A short human name: "v1", "v2", "draft-29", "T051", "Q046", "mvfst-draft-27", or the hex. */
function versionName(version) {
    const v = version >>> 0;
    if (v === QUIC_V1)
        return 'v1';
    if (v === QUIC_V2)
        return 'v2';
    if (v === 0x709a50c4)
        return 'v2-draft';
    if (v === 0)
        return 'version-negotiation';
    const draft = ietfDraft(v);
    if (draft !== undefined)
        return `draft-${String(draft).padStart(2, '0')}`;
    const mvfst = MVFST_NAMES.get(v);
    if (mvfst)
        return mvfst;
    if (v >>> 8 === 0xfaceb0)
        return `mvfst-0x${v.toString(16)}`;
    const text = Buffer.from([v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]).toString('latin1');
    if (/^[QT]0\d\d$/.test(text))
        return text;
    if (isGreaseVersion(v))
        return `reserved-0x${v.toString(16).padStart(8, '0')}`;
    return `0x${v.toString(16).padStart(8, '0')}`;
}

;// CONCATENATED MODULE: ./shared/egress/decode/gquic.ts
/**
 * Google QUIC's own handshake: the client hello (CHLO) of QUIC-crypto, which gQUIC Q043-Q046 send
 * in plaintext on stream 1 and Q050 sends in CRYPTO frames inside its (publicly keyed) Initial.
 * The CHLO's `SNI` tag names the server.
 *
 * Formats, from Google's "QUIC Crypto" and "QUIC Wire Layout" documents as Wireshark's
 * epan/dissectors/packet-gquic.c reads them:
 * - Handshake message: message tag (4 bytes, "CHLO"), entry count (uint16 LE), 2 bytes of padding,
 *   then per entry a tag (4 bytes) and the end offset of its value (uint32 LE, non-decreasing),
 *   then the values back to back.
 * - Public header (Q043 and earlier): public flags (0x01 version present, 0x08 8-byte connection
 *   ID, 0x30 packet-number length 1/2/4/6), connection ID, version "Q043", packet number.
 * - Q044-Q046: an IETF-style long header: first byte 0b11TT00PP, version, DCIL/SCIL nibbles (each
 *   length + 3, 0 for none), connection IDs, packet number of PP + 1 bytes.
 * - Unencrypted packets then carry a 12-byte message hash (FNV-1a) and Google frames; a STREAM
 *   frame type is 0b1FDOOOSS (F fin, D 2-byte data length present, OOO offset length 0 or
 *   OOO + 1 bytes, SS stream-id length SS + 1); integers are big-endian since Q039.
 */

const CHLO = 0x43484c4f; // "CHLO"
const TAG_SNI = 0x534e4900; // "SNI\0"
// Chromium refuses messages with more entries (kMaxEntries); a CHLO is ~1-2 KB padded.
const MAX_ENTRIES = 128;
const MAX_MESSAGE = 64 * 1024;
/** The CHLO at the start of a QUIC-crypto stream. */
function parseChlo(stream) {
    if (stream.length < 4)
        return CHLO_PREFIX.subarray(0, stream.length).equals(stream) ? needMore : notChlo;
    if (stream.readUInt32BE(0) !== CHLO)
        return notChlo;
    if (stream.length < 8)
        return needMore;
    const entries = stream.readUInt16LE(4);
    if (entries > MAX_ENTRIES)
        return notChlo;
    const valuesStart = 8 + entries * 8;
    if (stream.length < valuesStart)
        return needMore;
    let previousEnd = 0;
    let sni;
    for (let i = 0; i < entries; i++) {
        const at = 8 + i * 8;
        const end = stream.readUInt32LE(at + 4);
        if (end < previousEnd || valuesStart + end > MAX_MESSAGE)
            return notChlo;
        if (stream.readUInt32BE(at) === TAG_SNI)
            sni = { start: previousEnd, end };
        previousEnd = end;
    }
    if (stream.length < valuesStart + previousEnd)
        return needMore;
    if (!sni)
        return { status: 'ok' };
    const name = stream.subarray(valuesStart + sni.start, valuesStart + sni.end).toString('latin1');
    return /^[A-Za-z0-9._-]{1,253}$/.test(name) ? { status: 'ok', serverName: name } : { status: 'ok' };
}
const CHLO_PREFIX = Buffer.from('CHLO', 'latin1');
const needMore = { status: 'need-more' };
const notChlo = { status: 'not-chlo' };
/**
 * A client's plaintext gQUIC packet (Q034-Q046) carrying its version, or undefined for anything
 * else (encrypted packets, IETF QUIC, other protocols).
 */
function decodeGquicPacket(b) {
    if (b.length < 14)
        return undefined;
    const first = b[0];
    let o;
    let version;
    let cid;
    if ((first & 0xc0) === 0xc0) {
        // Q044-Q046 long header.
        version = b.readUInt32BE(1);
        const q = googleQVersion(version);
        if (q === undefined || q < 44 || q > 46)
            return undefined;
        const dcil = b[5] >> 4 ? (b[5] >> 4) + 3 : 0;
        const scil = b[5] & 0x0f ? (b[5] & 0x0f) + 3 : 0;
        cid = b.subarray(6, 6 + dcil);
        o = 6 + dcil + scil + (first & 0x03) + 1;
    }
    else if ((first & 0xc0) === 0 && first & 0x01 && first & 0x08) {
        // Public header with the version flag and a full 8-byte connection ID (a client's first packets).
        version = b.readUInt32BE(9);
        const q = googleQVersion(version);
        if (q === undefined || q < 34 || q > 43)
            return undefined;
        cid = b.subarray(1, 9);
        o = 13 + [1, 2, 4, 6][(first >> 4) & 0x03];
    }
    else
        return undefined;
    const q = googleQVersion(version);
    o += 12; // message authentication hash of a NullEncrypted packet
    if (o >= b.length)
        return undefined;
    const bigEndian = q >= 39;
    const frames = [];
    while (o < b.length) {
        const type = b[o];
        if (type === 0x00 || type === 0x07) {
            o++; // PADDING (zeros to the end), PING
            continue;
        }
        if ((type & 0x80) === 0)
            break; // ACK, STOP_WAITING or others: nothing more for us
        const idLength = (type & 0x03) + 1;
        const offsetBits = (type >> 2) & 0x07;
        const offsetLength = offsetBits ? offsetBits + 1 : 0;
        let p = o + 1;
        if (p + idLength + offsetLength + (type & 0x20 ? 2 : 0) > b.length)
            break;
        const streamId = readUInt(b, p, idLength, bigEndian);
        p += idLength;
        const offset = readUInt(b, p, offsetLength, bigEndian);
        p += offsetLength;
        let length = b.length - p;
        if (type & 0x20) {
            length = readUInt(b, p, 2, bigEndian);
            p += 2;
        }
        if (p + length > b.length)
            break;
        if (streamId === 1)
            frames.push({ offset, data: b.subarray(p, p + length) });
        o = p + length;
    }
    return { version, cid: Buffer.from(cid), frames };
}
function readUInt(b, at, length, bigEndian) {
    let value = 0;
    for (let i = 0; i < length; i++)
        value = value * 256 + b[bigEndian ? at + i : at + length - 1 - i];
    return value;
}

;// CONCATENATED MODULE: ./shared/egress/decode/quic.ts
/**
 * The client's QUIC Initial packets (RFC 9000 §17.2.2), decrypted to the CRYPTO frames that carry its
 * TLS ClientHello, so a QUIC (HTTP/3) connection is named by its SNI like a TLS one.
 *
 * Initial packets are encrypted, but with keys anyone can derive from the packet's Destination
 * Connection ID (RFC 9001 §5.2): HKDF-Extract with the version's salt, then HKDF-Expand-Label
 * "client in" -> "quic key" / "quic iv" / "quic hp" (QUIC v2: "quicv2 …", RFC 9369 §3.3). Header
 * protection is removed with AES-128-ECB over a 16-byte sample (RFC 9001 §5.4), the payload opened
 * with AES-128-GCM (§5.3). Everything is in node:crypto; no npm parser exists for this. Which
 * versions have public keys, and their salts, is quic-versions.ts; Google QUIC's plaintext and
 * QUIC-crypto hellos are gquic.ts.
 *
 * A ClientHello with post-quantum key shares does not fit one ~1200-byte Initial: browsers spread it
 * over several packets and shuffle the CRYPTO frames inside each. `feedQuic` keeps a per-flow
 * session that reassembles them (bounded), walks coalesced packets (RFC 9000 §12.2), skips 0-RTT and
 * Handshake packets, and says why a flow could not be named.
 */

// node:crypto is loaded on the first QUIC packet: loading it cost every analysis ~10 ms, and most
// captures hold no QUIC. (A synchronous require: the decoders are synchronous.)
let nodeCrypto;
const quic_crypto = () => (nodeCrypto ??= (0,external_node_module_.createRequire)(import.meta.url)('node:crypto'));




/** HKDF-Expand-Label (RFC 8446 §7.1) for outputs of at most one SHA-256 block. */
function expandLabel(secret, label, length) {
    const fullLabel = Buffer.from(`tls13 ${label}`, 'latin1');
    const info = Buffer.concat([
        Buffer.from([length >> 8, length & 0xff, fullLabel.length]),
        fullLabel,
        Buffer.from([0]),
    ]);
    // HKDF-Expand: T(1) = HMAC(PRK, info | 0x01); one block is enough for 12-32 bytes.
    return quic_crypto()
        .createHmac('sha256', secret)
        .update(Buffer.concat([info, Buffer.from([1])]))
        .digest()
        .subarray(0, length);
}
function keysFrom(dcid, salt, labelPrefix) {
    const initialSecret = quic_crypto().createHmac('sha256', salt).update(dcid).digest();
    const clientSecret = expandLabel(initialSecret, 'client in', 32);
    return {
        key: expandLabel(clientSecret, `${labelPrefix} key`, 16),
        iv: expandLabel(clientSecret, `${labelPrefix} iv`, 12),
        hp: expandLabel(clientSecret, `${labelPrefix} hp`, 16),
    };
}
/**
 * The client's Initial keys for a Destination Connection ID (RFC 9001 §5.2, RFC 9369 §3.3.1-2),
 * with the salt the version's specification names; undefined for a version without public keys.
 */
function clientInitialKeys(dcid, version) {
    const protection = initialProtection(version);
    return protection && keysFrom(dcid, protection.salts[0], protection.labelPrefix);
}
/** A variable-length integer (RFC 9000 §16), or undefined past the end. */
function readVarint(b, o) {
    if (o >= b.length)
        return undefined;
    const length = 1 << (b[o] >> 6);
    if (o + length > b.length)
        return undefined;
    let value = b[o] & 0x3f;
    for (let i = 1; i < length; i++)
        value = value * 256 + b[o + i];
    return { value, next: o + length };
}
function parseInvariant(b, start) {
    // Long header form bit; QUIC bit greasing (RFC 9287) may clear the fixed bit, so only form counts.
    if (start + 7 > b.length || (b[start] & 0x80) === 0)
        return undefined;
    const version = b.readUInt32BE(start + 1);
    let o = start + 5;
    const dcidLength = b[o++];
    if (dcidLength > 20 || o + dcidLength >= b.length)
        return undefined;
    const dcid = b.subarray(o, o + dcidLength);
    o += dcidLength;
    const scidLength = b[o++];
    if (scidLength > 20 || o + scidLength > b.length)
        return undefined;
    return { start, version, dcid, next: o + scidLength };
}
/** The rest of a long header whose version's layout we know (RFC 9000 §17.2.1-17.2.4). */
function parseProtected(b, h, p) {
    const type = (b[h.start] >> 4) & 0x03;
    if (type === p.types.retry)
        return undefined; // no Length field; never sent by a client anyway
    const kind = type === p.types.initial ? 'initial' : type === p.types.zeroRtt ? '0-rtt' : 'handshake';
    let o = h.next;
    if (kind === 'initial') {
        const token = readVarint(b, o);
        if (!token)
            return undefined;
        o = token.next + token.value;
    }
    const length = readVarint(b, o);
    if (!length)
        return undefined;
    const end = length.next + length.value;
    // The header-protection sample starts 4 bytes past the packet number's offset and is 16 bytes.
    if (end > b.length || length.next + 4 + 16 > end)
        return undefined;
    return { ...h, kind, pnOffset: length.next, end };
}
/** Removes header protection and opens the payload; undefined when it does not authenticate. */
function openPacket(b, packet, keys) {
    const sample = b.subarray(packet.pnOffset + 4, packet.pnOffset + 20);
    const mask = quic_crypto().createCipheriv('aes-128-ecb', keys.hp, null).update(sample);
    const first = b[packet.start] ^ (mask[0] & 0x0f);
    const pnLength = (first & 0x03) + 1;
    const headerBytes = Buffer.from(b.subarray(packet.start, packet.pnOffset + pnLength));
    headerBytes[0] = first;
    let packetNumber = 0;
    for (let i = 0; i < pnLength; i++) {
        const byte = b[packet.pnOffset + i] ^ mask[1 + i];
        headerBytes[packet.pnOffset - packet.start + i] = byte;
        packetNumber = packetNumber * 256 + byte;
    }
    const nonce = Buffer.from(keys.iv);
    // The packet number, left-padded to the IV's length, XORed into its low bytes (RFC 9001 §5.3).
    for (let i = 0; i < 4; i++)
        nonce[11 - i] = nonce[11 - i] ^ (Math.floor(packetNumber / 256 ** i) & 0xff);
    const body = b.subarray(packet.pnOffset + pnLength, packet.end);
    if (body.length < 16)
        return undefined;
    try {
        const gcm = quic_crypto().createDecipheriv('aes-128-gcm', keys.key, nonce);
        gcm.setAAD(headerBytes);
        gcm.setAuthTag(body.subarray(body.length - 16));
        return Buffer.concat([gcm.update(body.subarray(0, body.length - 16)), gcm.final()]);
    }
    catch {
        return undefined;
    }
}
/** The CRYPTO frames of a decrypted Initial payload; stops at a frame an Initial may not carry. */
function cryptoFrames(payload) {
    const frames = [];
    let o = 0;
    while (o < payload.length) {
        const type = payload[o];
        if (type === 0x00 || type === 0x01) {
            o++; // PADDING, PING
        }
        else if (type === 0x06) {
            const offset = readVarint(payload, o + 1);
            const length = offset && readVarint(payload, offset.next);
            if (!offset || !length || length.next + length.value > payload.length)
                break;
            frames.push({ offset: offset.value, data: payload.subarray(length.next, length.next + length.value) });
            o = length.next + length.value;
        }
        else if (type === 0x02 || type === 0x03) {
            // ACK: largest, delay, range count, first range, then (gap, length) pairs, then ECN counts.
            let v = readVarint(payload, o + 1);
            for (let i = 0; v && i < 2; i++)
                v = readVarint(payload, v.next);
            const ranges = v?.value ?? 0;
            v = v && readVarint(payload, v.next);
            for (let i = 0; v && i < ranges * 2 + (type === 0x03 ? 3 : 0); i++)
                v = readVarint(payload, v.next);
            if (!v)
                break;
            o = v.next;
        }
        else {
            break; // CONNECTION_CLOSE or anything else: nothing more for us
        }
    }
    return frames;
}
/**
 * The CRYPTO frames of a Google QUIC (Q050/T050/T051) Initial: Google frames, where PADDING is 0x00,
 * PING 0x07 and CRYPTO 0x08 with varint offset and length (Wireshark packet-gquic.c FT_CRYPTO).
 */
function googleCryptoFrames(payload) {
    const frames = [];
    let o = 0;
    while (o < payload.length) {
        const type = payload[o];
        if (type === 0x00 || type === 0x07)
            o++;
        else if (type === 0x08) {
            const offset = readVarint(payload, o + 1);
            const length = offset && readVarint(payload, offset.next);
            if (!offset || !length || length.next + length.value > payload.length)
                break;
            frames.push({ offset: offset.value, data: payload.subarray(length.next, length.next + length.value) });
            o = length.next + length.value;
        }
        else
            break;
    }
    return frames;
}
/** Opens an Initial with the first candidate DCID and salt that authenticates. */
function openInitial(b, packet, protection, candidates) {
    for (const dcid of candidates) {
        for (const salt of protection.salts) {
            const payload = openPacket(b, packet, keysFrom(dcid, salt, protection.labelPrefix));
            if (payload)
                return {
                    dcid: Buffer.from(dcid),
                    frames: protection.frames === 'google' ? googleCryptoFrames(payload) : cryptoFrames(payload),
                };
        }
    }
    return undefined;
}
function uniqueCandidates(...dcids) {
    const out = [];
    for (const d of dcids)
        if (d && !out.some((o) => o.equals(d)))
            out.push(d);
    return out;
}
/**
 * Decrypts the first Initial packet of a UDP datagram sent by a client. `originalDcid` is the DCID
 * of the flow's first Initial: a client keeps the keys derived from it after the server picks a new
 * connection ID (RFC 9001 §5.2), so later Initials need it.
 */
function decodeClientInitial(datagram, originalDcid) {
    let start = 0;
    while (start < datagram.length) {
        const h = parseInvariant(datagram, start);
        const protection = h && initialProtection(h.version);
        const packet = h && protection && parseProtected(datagram, h, protection);
        if (!h || !protection || !packet)
            return { status: 'not-initial' };
        if (packet.kind === 'initial') {
            const opened = openInitial(datagram, packet, protection, uniqueCandidates(packet.dcid, originalDcid));
            const dcid = Buffer.from(packet.dcid);
            return opened
                ? { status: 'ok', dcid, version: h.version, frames: opened.frames }
                : { status: 'undecryptable', dcid, version: h.version };
        }
        start = packet.end;
    }
    return { status: 'not-initial' };
}
/** The ClientHello at the start of a QUIC CRYPTO stream: handshake messages without TLS records. */
function parseCryptoClientHello(stream) {
    if (stream.length < 4)
        return { status: 'need-more' };
    if (stream[0] !== 1)
        return { status: 'not-tls' };
    const needed = 4 + stream.readUIntBE(1, 3);
    if (needed > 64 * 1024)
        return { status: 'not-tls' };
    if (stream.length < needed)
        return { status: 'need-more', needed };
    return parseClientHelloBody(stream.subarray(4, needed));
}
// A client's hello arrives in its first few datagrams (post-quantum hellos: 2-3 Initials); past this
// many the flow is decided with what was seen.
const quic_MAX_DATAGRAMS = 16;
// The largest ClientHello tls.ts accepts; CRYPTO data past it is not kept.
const MAX_CRYPTO = 64 * 1024;
// A datagram of a version we know nothing of counts as QUIC only if it is padded like an Initial
// (RFC 9000 §14.1: a client's first datagram is at least 1200 bytes) or the flow already was QUIC.
const MIN_INITIAL_DATAGRAM = 1200;
function newQuicSession() {
    return {
        hello: 'tls',
        crypto: new Map(),
        cryptoBytes: 0,
        datagrams: 0,
        verdict: { status: 'not-quic' },
        final: false,
    };
}
/** Feeds one datagram the client sent; never throws, whatever the bytes. */
function feedQuic(session, datagram) {
    if (session.final)
        return session.verdict;
    session.datagrams++;
    try {
        step(session, datagram);
    }
    catch {
        // The decoders bound every read; this is a last guard so bad bytes never stop an analysis.
        if (session.version !== undefined)
            session.reason ??= 'malformed packet';
    }
    session.verdict = verdict(session);
    if (session.verdict.status === 'named' || session.datagrams >= quic_MAX_DATAGRAMS) {
        session.final = true;
        if (session.verdict.status === 'need-more')
            session.verdict = unnamed(session, 'ClientHello incomplete');
    }
    return session.verdict;
}
function unnamed(session, reason) {
    const version = session.version ?? 0;
    return { status: 'unnamed', version, versionName: versionName(version), reason };
}
function step(session, b) {
    if (b.length === 0)
        return;
    const gquic = decodeGquicPacket(b);
    if (gquic) {
        session.version = gquic.version;
        session.hello = 'chlo';
        addCrypto(session, gquic.version, gquic.frames);
        session.reason ??= `no CHLO on stream 1 of this ${versionName(gquic.version)} packet`;
        return;
    }
    let start = 0;
    let first;
    while (start < b.length) {
        const h = parseInvariant(b, start);
        if (!h || h.version === 0)
            return; // short header, padding, or version negotiation: done
        // Coalesced packets share one DCID (RFC 9000 §12.2); anything else after them is not a packet.
        if (first && !h.dcid.equals(first))
            return;
        first ??= h.dcid;
        const protection = quic_versions_initialProtection(h.version);
        if (!protection) {
            // Claimed as QUIC only if it looks like a client's first Initial of any real version: padded to
            // 1200 bytes and a DCID of at least 8 (RFC 9000 §14.1, §7.2).
            if (start === 0 && session.version === undefined && (b.length < MIN_INITIAL_DATAGRAM || h.dcid.length < 8))
                return;
            session.version = h.version;
            const q = googleQVersion(h.version);
            session.reason = isGreaseVersion(h.version)
                ? 'reserved version (the client is forcing version negotiation)'
                : q !== undefined
                    ? `Google QUIC ${versionName(h.version)} Initials have no public keys`
                    : h.version >>> 8 === 0xff0000
                        ? `${versionName(h.version)} Initials are not read (drafts 22-34 are)`
                        : 'no public Initial keys for this version';
            return; // without the version's layout we cannot find the next coalesced packet
        }
        const packet = parseProtected(b, h, protection);
        if (!packet) {
            if (session.version !== undefined)
                session.reason ??= 'malformed long header';
            return;
        }
        session.version = h.version;
        if (packet.kind === 'initial') {
            const opened = openInitial(b, packet, protection, uniqueCandidates(packet.dcid, session.originalDcid, session.earlyDcid));
            if (opened) {
                session.originalDcid ??= opened.dcid;
                session.hello = protection.hello;
                addCrypto(session, h.version, opened.frames);
                // An Initial with only ACK/PING/PADDING (before a Retry, or after the hello was missed).
                if (!opened.frames.length)
                    session.reason = 'no ClientHello in the Initials seen';
            }
            else
                session.reason = `Initial did not decrypt with ${versionName(h.version)}'s public keys`;
        }
        else if (!session.originalDcid) {
            if (packet.kind === '0-rtt')
                session.earlyDcid ??= Buffer.from(packet.dcid);
            session.reason ??= `no Initial seen: the flow began with a ${packet.kind === '0-rtt' ? '0-RTT' : 'Handshake'} packet`;
        }
        start = packet.end;
    }
}
function addCrypto(session, version, frames) {
    if (frames.length && session.cryptoVersion !== undefined && session.cryptoVersion !== version) {
        // A new version after version negotiation restarts the handshake with a fresh hello.
        session.crypto.clear();
        session.cryptoBytes = 0;
    }
    for (const frame of frames) {
        if (frame.offset >= MAX_CRYPTO || session.cryptoBytes >= MAX_CRYPTO)
            continue;
        const data = frame.data.subarray(0, Math.min(MAX_CRYPTO - frame.offset, MAX_CRYPTO - session.cryptoBytes));
        const kept = session.crypto.get(frame.offset);
        if (kept && kept.length >= data.length)
            continue;
        session.crypto.set(frame.offset, Buffer.from(data));
        session.cryptoBytes += data.length - (kept?.length ?? 0);
        session.cryptoVersion = version;
    }
}
/** The CRYPTO stream's bytes contiguous from offset 0 (overlaps and retransmissions collapse). */
function contiguous(crypto) {
    const parts = [];
    let offset = 0;
    for (let guard = 0; guard <= crypto.size; guard++) {
        let best;
        for (const [start, data] of crypto) {
            if (start <= offset && start + data.length > offset) {
                const tail = data.subarray(offset - start);
                if (!best || tail.length > best.length)
                    best = tail;
            }
        }
        if (!best)
            break;
        parts.push(best);
        offset += best.length;
    }
    return Buffer.concat(parts);
}
function verdict(session) {
    if (session.version === undefined)
        return { status: 'not-quic' };
    const version = session.cryptoVersion ?? session.version;
    if (session.crypto.size) {
        const stream = contiguous(session.crypto);
        const named = (host) => ({
            status: 'named',
            host: host.toLowerCase(),
            version,
            versionName: versionName(version),
        });
        const final = (reason) => {
            session.final = true;
            return { status: 'unnamed', version, versionName: versionName(version), reason };
        };
        if (session.hello === 'chlo') {
            const chlo = parseChlo(stream);
            if (chlo.status === 'ok')
                return chlo.serverName ? named(chlo.serverName) : final('CHLO without an SNI tag');
            if (chlo.status === 'not-chlo')
                return final('crypto stream is not a CHLO');
        }
        else {
            const hello = parseCryptoClientHello(stream);
            if (hello.status === 'ok')
                return hello.serverName ? named(hello.serverName) : final('ClientHello without server_name');
            if (hello.status === 'not-tls')
                return final('CRYPTO stream is not a ClientHello');
        }
        return { status: 'need-more' };
    }
    return session.reason ? unnamed(session, session.reason) : { status: 'need-more' };
}

;// CONCATENATED MODULE: ./shared/egress/analyze/reassembly.ts
/**
 * First-flight reassembly: the client's first bytes of a connection (TCP payload by sequence offset,
 * QUIC CRYPTO frames by stream offset), kept only until a namer decides, and capped so a connection
 * costs at most MAX_PENDING bytes and MAX_SEGMENTS looks whatever its sender does.
 */
const MAX_PENDING = 16 * 1024;
const MAX_SEGMENTS = 12;
/** Keeps a copy of the part of `data` at `offset` that falls inside the cap (packet buffers are recycled). */
function addPending(pending, offset, data) {
    if (offset < MAX_PENDING)
        pending.set(offset, Buffer.from(data.subarray(0, MAX_PENDING - offset)));
}
/** Joins contiguous segments from offset 0 (retransmissions and overlaps collapse). */
function contiguousPrefix(pending, cap = MAX_PENDING) {
    const parts = [];
    let offset = 0;
    for (;;) {
        let best;
        for (const [start, data] of pending) {
            if (start <= offset && start + data.length > offset) {
                const tail = data.subarray(offset - start);
                if (!best || tail.length > best.length)
                    best = tail;
            }
        }
        if (!best || offset >= cap)
            break;
        parts.push(best);
        offset += best.length;
    }
    return Buffer.concat(parts).subarray(0, cap);
}

;// CONCATENATED MODULE: ./shared/egress/analyze/analyzer.ts
/**
 * The packet pass: each IP packet finds its connection (one flowKey, oriented client -> server), and
 * the connection's first client bytes go to the namers until one names it. DNS goes to the DNS book,
 * ICMP errors and resets to the failure notes. What is learned is plain data the aggregate step reads.
 */













const analyzer_DNS_PORTS = new Set([53, 5353]);
// Ports that identify the server side of a flow whose opening packet was not captured.
const SERVER_PORTS = new Set([
    21, 22, 25, 53, 80, 110, 123, 143, 443, 465, 587, 853, 993, 995, 1080, 3128, 5222, 8080, 8443, 9418,
]);
// Tunnels inside tunnels are real (VXLAN over GRE over IPsec-less IP-in-IP); more than this is a loop.
const MAX_ENCAPSULATION = 4;
/**
 * Connections tracked one by one. Past this (a scan, a flood of SYNs) new connections are counted
 * per destination only, so memory stays bounded whatever the capture holds; the report says so.
 */
const MAX_FLOWS = 100_000;
/** Destinations counted past MAX_FLOWS; beyond this they are one bucket. */
const MAX_OVERFLOW_DESTINATIONS = 50_000;
/**
 * Without the opening packet, ports tell the server: a well-known one, else a privileged one, else
 * the one outside the ephemeral range (Linux 32768-60999, IANA 49152-65535). Undefined: no cue.
 */
function srcLooksLikeServer(srcPort, dstPort) {
    const src = SERVER_PORTS.has(srcPort);
    const dst = SERVER_PORTS.has(dstPort);
    if (src !== dst)
        return src;
    if (srcPort < 1024 !== dstPort < 1024)
        return srcPort < 1024;
    if (srcPort >= 32768 !== dstPort >= 32768)
        return dstPort >= 32768;
    return undefined;
}
/**
 * UDP has no handshake: the first datagram's sender is the client unless it comes from a well-known
 * port (a DNS answer whose query was not captured). TCP without its SYN goes by every port cue.
 */
function guessSrcIsServer(transport, srcPort, dstPort) {
    if (transport === 'udp')
        return SERVER_PORTS.has(srcPort) && !SERVER_PORTS.has(dstPort);
    return srcLooksLikeServer(srcPort, dstPort) === true;
}
/** A client's opening bytes: a TLS ClientHello record or an HTTP request line. */
function looksLikeClientOpening(b) {
    if (b.length >= 6 && b[0] === 22 && b[1] === 3 && b[5] === 1)
        return true;
    return /^(GET|HEAD|POST|PUT|DELETE|OPTIONS|PATCH|CONNECT) /.test(b.subarray(0, 8).toString('latin1'));
}
/** Everything learned while streaming, before it becomes the report. */
class Analysis {
    flows = new Map();
    /** Earlier connections whose 4-tuple a new connection reused (busy clients recycle ports). */
    reusedFlows = [];
    dns = new DnsBook();
    fragments = new FragmentTable();
    /** Connections past MAX_FLOWS, counted by destination. */
    overflow = new Map();
    overflowConnections = 0;
    undecoded = 0;
    undecodedBy = {};
    /** Packets taken out of a tunnel, by kind, and the tunnels' outer ends. */
    tunnels = {};
    tunnelEnds = new Map();
    /** Packets of known connections, counted without decoding them (fast-path.ts). */
    cache = new FlowCache();
    /** The TCP connection the packet being decoded was filed under, for the cache to learn. */
    lastTcpFlow;
    skip(reason) {
        this.undecoded++;
        this.undecodedBy[reason] = (this.undecodedBy[reason] ?? 0) + 1;
    }
    /**
     * The reader's CountedHook: a packet of a known connection is counted in place (fast-path.ts);
     * false sends it to `decode`, which must come next with that same packet.
     */
    counted = (linkType, buffer, start, end, time) => this.cache.count(linkType, buffer, start, end, time);
    /** A packet `counted` refused: decoded in full, and its connection learned by the fast path. */
    decode(raw) {
        this.lastTcpFlow = undefined;
        this.frame(raw.linkType, raw.data, raw.time);
        this.cache.learn(this.lastTcpFlow);
    }
    /** One captured frame: its link layer, then IP, fragments and tunnels down to the transport. */
    frame(linkType, data, time) {
        let network = decodeLink(linkType, data);
        if (!network)
            return this.skip(isDecodedLinkType(linkType) ? 'not-ip' : 'link-type');
        for (let depth = 0;; depth++) {
            let ip = (0,decode_ip/* decodeIp */.kK)(network);
            if (!ip)
                return this.skip('malformed');
            if (ip.fragmentOf) {
                ip = this.fragments.add(ip, time);
                if (!ip)
                    return;
            }
            const tunnel = depth < MAX_ENCAPSULATION ? decapsulate(ip) : undefined;
            if (!tunnel)
                return this.packet(ip, time);
            if (!tunnel.inner)
                return this.skip('tunnel');
            this.tunnels[tunnel.kind] = (this.tunnels[tunnel.kind] ?? 0) + 1;
            const ends = `${tunnel.kind} ${ip.src} -> ${ip.dst}`;
            if (this.tunnelEnds.has(ends) || this.tunnelEnds.size < 16)
                this.tunnelEnds.set(ends, (this.tunnelEnds.get(ends) ?? 0) + 1);
            network = tunnel.inner;
        }
    }
    /** Every connection seen, for the aggregate step. */
    allFlows() {
        return [...this.reusedFlows, ...this.flows.values()];
    }
    /** End of the capture: fragments that never completed are counted as undecoded. */
    finish() {
        this.fragments.finish();
        if (this.fragments.dropped) {
            this.undecoded += this.fragments.dropped;
            this.undecodedBy.fragment = (this.undecodedBy.fragment ?? 0) + this.fragments.dropped;
        }
    }
    packet(ip, time) {
        if (ip.protocol === 6)
            this.tcp(ip, time);
        else if (ip.protocol === 17)
            this.udp(ip, time);
        else if (ip.protocol === 1 || ip.protocol === 58)
            this.icmp(ip);
        else
            this.skip('protocol');
    }
    flowFor(transport, ip, srcPort, dstPort, sender, time) {
        const key = flowKey(transport, ip.src, srcPort, ip.dst, dstPort);
        let flow = this.flows.get(key);
        if (flow && sender !== 'unknown' && !flow.oriented) {
            // The opening packet (or the SYN-ACK) came late and says who is who: believe it over ports.
            const srcIsClient = flow.clientIp === ip.src && flow.clientPort === srcPort;
            if ((sender === 'client') !== srcIsClient)
                this.flip(flow);
            flow.oriented = true;
        }
        if (!flow) {
            if (this.flows.size >= MAX_FLOWS) {
                this.countOverflow(transport, ip, srcPort, dstPort, sender, time);
                return { flow: undefined, fromClient: false };
            }
            const srcIsServer = sender === 'server' || (sender === 'unknown' && guessSrcIsServer(transport, srcPort, dstPort));
            flow = newFlow(transport, {
                clientIp: srcIsServer ? ip.dst : ip.src,
                clientPort: srcIsServer ? dstPort : srcPort,
                serverIp: srcIsServer ? ip.src : ip.dst,
                serverPort: srcIsServer ? srcPort : dstPort,
            }, time, sender !== 'unknown');
            this.flows.set(key, flow);
        }
        flow.lastSeen = Math.max(flow.lastSeen, time);
        flow.bytes += ip.wirePayloadLength;
        const fromClient = flow.clientIp === ip.src && flow.clientPort === srcPort;
        return { flow, fromClient };
    }
    /** Swaps a flow's ends (its orientation was a guess, and the traffic said otherwise). */
    flip(flow) {
        // The key does not depend on direction: only the roles change.
        [flow.clientIp, flow.serverIp] = [flow.serverIp, flow.clientIp];
        [flow.clientPort, flow.serverPort] = [flow.serverPort, flow.clientPort];
        this.decide(flow);
        flow.decided = flow.name !== undefined;
        flow.baseSeq = undefined;
        flow.segments = 0;
    }
    /** Past MAX_FLOWS: the connection is counted by destination, and never named. */
    countOverflow(transport, ip, srcPort, dstPort, sender, time) {
        this.overflowConnections++;
        const srcIsServer = sender === 'server' || (sender === 'unknown' && guessSrcIsServer(transport, srcPort, dstPort));
        const serverIp = srcIsServer ? ip.src : ip.dst;
        const serverPort = srcIsServer ? srcPort : dstPort;
        let key = `${transport} ${serverIp} ${serverPort}`;
        if (!this.overflow.has(key) && this.overflow.size >= MAX_OVERFLOW_DESTINATIONS)
            key = 'other';
        let count = this.overflow.get(key);
        if (!count) {
            count = {
                transport,
                serverIp: key === 'other' ? '' : serverIp,
                serverPort: key === 'other' ? 0 : serverPort,
                connections: 0,
                bytes: 0,
                first: time,
                last: time,
            };
            this.overflow.set(key, count);
        }
        // Each packet past the cap counts once: without per-connection state, packets stand for connections
        // only for openings (SYNs); other packets add bytes.
        if (transport === 'udp' || sender === 'client')
            count.connections++;
        count.bytes += ip.wirePayloadLength;
        count.last = Math.max(count.last, time);
        return undefined;
    }
    tcp(ip, time) {
        const segment = (0,decode_transport/* decodeTcp */.yD)(ip.payload);
        if (!segment)
            return this.skip('malformed');
        const syn = (segment.flags & decode_transport/* TcpFlag */.Of.syn) !== 0;
        const ack = (segment.flags & decode_transport/* TcpFlag */.Of.ack) !== 0;
        if (syn && !ack) {
            // A SYN with a new initial sequence number on a known 4-tuple is a new connection reusing the
            // client's port, not a retransmission: set the old one aside so both are counted.
            const key = flowKey('tcp', ip.src, segment.srcPort, ip.dst, segment.dstPort);
            const previous = this.flows.get(key);
            const sameClient = previous?.clientIp === ip.src && previous.clientPort === segment.srcPort;
            if (previous?.synSeen && sameClient && previous.isn !== segment.seq) {
                this.reusedFlows.push(previous);
                this.flows.delete(key);
                this.cache.clear();
            }
        }
        const sender = syn ? (ack ? 'server' : 'client') : 'unknown';
        const found = this.flowFor('tcp', ip, segment.srcPort, segment.dstPort, sender, time);
        const flow = found.flow;
        let fromClient = found.fromClient;
        this.lastTcpFlow = flow;
        if (!flow)
            return;
        if (syn && !ack && fromClient) {
            flow.synSeen = true;
            flow.isn = segment.seq;
            flow.baseSeq = (segment.seq + 1) >>> 0;
        }
        if (syn && ack && !fromClient)
            flow.synAckSeen = true;
        noteTcpFlags(flow, segment.flags, fromClient);
        if (!segment.payload.length)
            return;
        if (analyzer_DNS_PORTS.has(flow.serverPort)) {
            const direction = fromClient ? '>' : '<';
            this.dns.tcpBytes(`${flowKey('tcp', flow.clientIp, flow.clientPort, flow.serverIp, flow.serverPort)} ${direction}`, segment.payload, flow.clientIp, flow.serverIp, time);
            return;
        }
        if (!fromClient && !flow.oriented && !flow.name && !flow.serverSpoke) {
            // Mid-connection capture: the side taken for the server opens with a ClientHello or a request.
            flow.serverSpoke = true;
            if (looksLikeClientOpening(segment.payload)) {
                this.flip(flow);
                flow.oriented = true;
                fromClient = true;
            }
        }
        if (!fromClient || flow.decided)
            return;
        flow.baseSeq ??= segment.seq;
        // Allocated on the first client byte: a connection that never sends any (a scan) costs no buffer.
        flow.pending ??= new Map();
        addPending(flow.pending, (segment.seq - flow.baseSeq) >>> 0, segment.payload);
        flow.segments++;
        this.nameFromClientBytes(flow);
    }
    /** The namers are done with this flow: its first-flight bytes go. */
    decide(flow) {
        flow.decided = true;
        flow.pending = undefined;
    }
    /** Asks the namers about the client's reassembled first bytes; gives up after a few segments. */
    nameFromClientBytes(flow) {
        const stream = contiguousPrefix(flow.pending);
        if (!stream.length) {
            // Data that never starts at offset 0 (a lost first segment): a few looks, then give up, so a
            // sender of endless out-of-order data costs no more than one that names itself.
            if (flow.segments >= MAX_SEGMENTS)
                this.decide(flow);
            return;
        }
        const verdict = nameStream(stream, { serverPort: flow.serverPort });
        if (verdict.status === 'named') {
            flow.name = verdict.name;
            this.decide(flow);
            return;
        }
        if (verdict.status === 'not-mine' || flow.segments >= MAX_SEGMENTS || stream.length >= MAX_PENDING)
            this.decide(flow);
    }
    udp(ip, time) {
        const datagram = (0,decode_transport/* decodeUdp */.MC)(ip.payload);
        if (!datagram)
            return this.skip('malformed');
        const { flow, fromClient } = this.flowFor('udp', ip, datagram.srcPort, datagram.dstPort, 'unknown', time);
        if (!flow)
            return;
        if (analyzer_DNS_PORTS.has(flow.serverPort)) {
            this.dns.datagram(datagram.payload, fromClient ? ip.src : ip.dst, fromClient ? ip.dst : ip.src, time);
            this.decide(flow);
            return;
        }
        if (!fromClient || flow.decided)
            return;
        // decode/quic.ts reads every version with public Initial keys and gQUIC's plaintext CHLO. An
        // unnamed verdict is kept as the flow's name meanwhile (a later datagram may still name it), so
        // a QUIC flow nobody can read still says QUIC and its version.
        flow.quic ??= newQuicSession();
        const verdict = feedQuic(flow.quic, datagram.payload);
        if (verdict.status === 'not-quic') {
            // The first datagram of a QUIC flow is a long-header (or gQUIC) packet; this is another protocol.
            this.decide(flow);
            flow.quic = undefined;
            return;
        }
        if (verdict.status === 'named')
            flow.name = { host: verdict.host, namedBy: 'sni', protocol: 'quic', quicVersion: verdict.versionName };
        else if (verdict.status === 'unnamed')
            flow.name = {
                host: '',
                namedBy: 'none',
                protocol: 'quic',
                quicVersion: verdict.versionName,
                unnamedReason: verdict.reason,
            };
        if (!flow.quic.final)
            return;
        this.decide(flow);
        flow.quic = undefined;
    }
    icmp(ip) {
        const key = refusedFlowKey(ip);
        const flow = key === undefined ? undefined : this.flows.get(key);
        if (flow)
            noteUnreachable(flow);
    }
}

// EXTERNAL MODULE: ./shared/egress/analyze/steps.ts
var analyze_steps = __webpack_require__(8520);
;// CONCATENATED MODULE: ./shared/egress/analyze/aggregate.ts



/** Addresses listed per endpoint; the rest are counted (an endpoint can sit behind a whole CDN). */
const MAX_LISTED_ADDRESSES = 1000;
function isLoopback(address) {
    return address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.');
}
const PORT_PROTOCOLS = {
    'tcp/22': 'ssh',
    'tcp/53': 'dns',
    'tcp/80': 'http',
    'tcp/443': 'https',
    'tcp/853': 'dns-over-tls',
    'tcp/9418': 'git',
    'udp/53': 'dns',
    'udp/123': 'ntp',
    'udp/443': 'quic',
    'udp/5353': 'mdns',
};
const NAMING_STRENGTH = { sni: 4, connect: 3, 'http-host': 2, dns: 1, none: 0 };
function protocolFor(transport, port, named) {
    return named?.protocol ?? PORT_PROTOCOLS[`${transport}/${port}`] ?? transport;
}
function toEndpoints(flows, dns, options = {}, overflow = []) {
    const { steps, includeLoopback = false } = options;
    const byKey = new Map();
    const contacted = new Set();
    let loopbackLeftOut = 0;
    const add = (host, port, transport, protocol, namedBy, address, flow, via) => {
        const key = `${host} ${port} ${transport}`;
        let acc = byKey.get(key);
        if (!acc) {
            acc = {
                endpoint: {
                    host,
                    port,
                    transport,
                    protocol,
                    namedBy,
                    connections: 0,
                    failed: 0,
                    bytes: 0,
                    ...(via ? { via } : {}),
                },
                steps: new Set(),
                addresses: new Set(),
                failures: new Set(),
                natClients: new Set(),
                first: flow.firstSeen,
                last: flow.lastSeen,
            };
            byKey.set(key, acc);
        }
        const e = acc.endpoint;
        if (NAMING_STRENGTH[namedBy] > NAMING_STRENGTH[e.namedBy])
            e.namedBy = namedBy;
        if (e.protocol === transport && protocol !== transport)
            e.protocol = protocol;
        if (address)
            acc.addresses.add(address);
        // A long-lived connection belongs to every step it was used in, first sight to last.
        if (steps)
            for (const step of (0,analyze_steps/* stepsDuring */.d)(steps, flow.firstSeen, flow.lastSeen))
                acc.steps.add(step);
        for (const client of flow.natClients ?? [])
            acc.natClients.add(client);
        const quicVersion = flow.name?.quicVersion;
        if (quicVersion && e.protocol === 'quic')
            e.quicVersion ??= quicVersion;
        if (flow.name?.unnamedReason && !e.unnamedReason && namedBy === 'none')
            e.unnamedReason = flow.name.unnamedReason;
        e.connections++;
        e.bytes += flow.bytes;
        if (flow.failure) {
            e.failed++;
            acc.failures.add(flow.failure);
        }
        acc.first = Math.min(acc.first, flow.firstSeen);
        acc.last = Math.max(acc.last, flow.lastSeen);
    };
    for (const flow of flows) {
        finalFailure(flow);
        contacted.add(flow.serverIp);
        const loopback = !includeLoopback && isLoopback(flow.serverIp);
        if (loopback && flow.name?.namedBy !== 'connect') {
            loopbackLeftOut++;
            continue;
        }
        // A TCP flow we only saw the tail of, with no SYN and no payload naming it, says little; keep it
        // (it is real egress) but it is named by DNS at best.
        const dnsName = dns.nameForAddress(flow.serverIp, flow.firstSeen);
        const named = flow.name?.host ? flow.name : undefined;
        if (named?.namedBy === 'connect') {
            // The tunnel's real destination, and the proxy it went through.
            const proxyHost = dnsName ?? flow.serverIp;
            add(named.host, named.port ?? 443, 'tcp', named.port === 443 ? 'https' : 'tcp', 'connect', undefined, flow, `${proxyHost}:${flow.serverPort}`);
            // A proxy on the runner itself is not egress; what it was asked to reach is (above).
            if (loopback)
                loopbackLeftOut++;
            else
                add(proxyHost, flow.serverPort, 'tcp', named.protocol ?? 'http-proxy', dnsName ? 'dns' : 'none', flow.serverIp, flow);
            continue;
        }
        if (named) {
            add(named.host, flow.serverPort, flow.transport, protocolFor(flow.transport, flow.serverPort, named), named.namedBy, flow.serverIp, flow);
        }
        else {
            const protocol = protocolFor(flow.transport, flow.serverPort, flow.name);
            add(dnsName ?? flow.serverIp, flow.serverPort, flow.transport, protocol, dnsName ? 'dns' : 'none', flow.serverIp, flow);
        }
    }
    for (const count of overflow) {
        const dnsName = count.serverIp ? dns.nameForAddress(count.serverIp, count.first) : undefined;
        const host = dnsName ?? (count.serverIp || '(other destinations)');
        const key = `${host} ${count.serverPort} ${count.transport}`;
        let acc = byKey.get(key);
        if (!acc) {
            acc = {
                endpoint: {
                    host,
                    port: count.serverPort,
                    transport: count.transport,
                    protocol: protocolFor(count.transport, count.serverPort),
                    namedBy: dnsName ? 'dns' : 'none',
                    connections: 0,
                    failed: 0,
                    bytes: 0,
                },
                steps: new Set(),
                addresses: new Set(),
                failures: new Set(),
                natClients: new Set(),
                first: count.first,
                last: count.last,
            };
            byKey.set(key, acc);
        }
        if (count.serverIp)
            acc.addresses.add(count.serverIp);
        acc.endpoint.connections += count.connections;
        acc.endpoint.bytes += count.bytes;
        acc.first = Math.min(acc.first, count.first);
        acc.last = Math.max(acc.last, count.last);
    }
    const endpoints = [...byKey.values()]
        .map(({ endpoint, steps: used, addresses, failures, natClients, first, last }) => ({
        ...endpoint,
        addresses: [...addresses].sort().slice(0, MAX_LISTED_ADDRESSES),
        ...(addresses.size > MAX_LISTED_ADDRESSES ? { addressesOmitted: addresses.size - MAX_LISTED_ADDRESSES } : {}),
        ...(natClients.size ? { natClients: [...natClients].sort() } : {}),
        failures: [...failures].sort(),
        firstSeen: new Date(first).toISOString(),
        lastSeen: new Date(last).toISOString(),
        // In job order, not name order: the reader follows the job.
        ...(steps
            ? { steps: steps.map((s) => s.name).filter((name, i, all) => used.has(name) && all.indexOf(name) === i) }
            : {}),
    }))
        .sort((a, b) => byText(a.firstSeen, b.firstSeen) || byText(a.host, b.host) || a.port - b.port);
    return { endpoints, loopbackLeftOut, contacted };
}

;// CONCATENATED MODULE: ./shared/egress/analyze/nat.ts
/** The copies of one packet cross the bridge and the uplink within this time (capture time). */
const SAME_MOMENT_MS = 2_000;
function copyKey(flow) {
    if (flow.transport === 'tcp') {
        // Without a SYN there is no ISN to match on, and ports alone are too weak for TCP.
        return flow.synSeen && flow.isn !== undefined ? `tcp ${flow.serverIp} ${flow.serverPort} ${flow.isn}` : undefined;
    }
    return `udp ${flow.serverIp} ${flow.serverPort} ${flow.clientPort}`;
}
/** Returns the flows with each pre-NAT copy folded into its post-NAT copy. Linear in the flows. */
function mergeNatCopies(flows) {
    // Without two client addresses there is no NAT to undo (the common case: one runner, no containers).
    const clients = new Set();
    for (const flow of flows)
        if (clients.add(flow.clientIp).size > 1)
            break;
    if (clients.size < 2)
        return [...flows];
    const byKey = new Map();
    for (const flow of flows) {
        const key = copyKey(flow);
        if (key === undefined)
            continue;
        const seen = byKey.get(key);
        if (seen === undefined)
            byKey.set(key, flow);
        else if (Array.isArray(seen))
            seen.push(flow);
        else
            byKey.set(key, [seen, flow]);
    }
    const folded = new Set();
    for (const group of byKey.values()) {
        if (!Array.isArray(group))
            continue;
        group.sort((a, b) => a.firstSeen - b.firstSeen);
        for (let i = 0; i + 1 < group.length; i++) {
            const before = group[i];
            const after = group[i + 1];
            if (folded.has(before) || before.clientIp === after.clientIp)
                continue;
            if (after.firstSeen - before.firstSeen > SAME_MOMENT_MS)
                continue;
            // The later copy has left through NAT; the earlier one is the container's own view of it.
            after.natClients = [...new Set([...(after.natClients ?? []), ...(before.natClients ?? []), before.clientIp])];
            after.firstSeen = Math.min(after.firstSeen, before.firstSeen);
            after.lastSeen = Math.max(after.lastSeen, before.lastSeen);
            after.bytes = Math.max(after.bytes, before.bytes);
            after.name ??= before.name;
            if (!after.name?.host && before.name?.host)
                after.name = before.name;
            after.failure ??= before.failure;
            folded.add(before);
        }
    }
    return folded.size ? flows.filter((f) => !folded.has(f)) : [...flows];
}

;// CONCATENATED MODULE: ./shared/egress/model/report.ts
/**
 * The egress report: what `telltale egress analyze --format json` prints and the egress action
 * writes to egress-report.json. Versioned; schemas/egress-report.schema.json describes it and a
 * test keeps the two in step. Keep the contract names (endpoints[].host/port/transport/protocol/
 * addresses); add fields, never rename them.
 */
const EGRESS_REPORT_SCHEMA_VERSION = 1;

// EXTERNAL MODULE: ./shared/version.ts
var version = __webpack_require__(4402);
;// CONCATENATED MODULE: ./shared/egress/analyze.ts
/**
 * Capture file -> egress report, in one streaming pass:
 *
 *   source/capture-file (pcap, pcapng) -> decode/link -> decode/ip
 *     -> analyze/analyzer: flows by analyze/flow-key, first flight by analyze/reassembly,
 *        names from the analyze/namers table (TLS SNI, HTTP Host/CONNECT, QUIC), analyze/dns-book,
 *        analyze/failures
 *     -> analyze/aggregate (per host, port, transport; analyze/steps) -> the report
 *
 * Memory is bounded by the number of connections, not the file size: each connection keeps at most
 * MAX_PENDING bytes of its client's first flight, and drops them as soon as they name it.
 */








const REASON_TEXT = {
    'link-type': 'of a link type not decoded',
    'not-ip': 'not IP (ARP, LLDP…)',
    malformed: 'with a header cut short or malformed',
    fragment: 'IP fragments whose datagram never completed',
    tunnel: 'inside a tunnel whose payload could not be decoded',
    protocol: 'of an IP protocol other than TCP, UDP or ICMP',
};
// Reasons that may hide egress; ARP and the like only get counted.
const WARN_REASONS = ['link-type', 'malformed', 'fragment', 'tunnel', 'protocol'];
/** Streams one file's packets into the analysis; the summary is complete when it resolves. */
async function feed(analysis, file, progress) {
    // Every decoder below copies what it keeps, so packet buffers may be recycled; packets of known
    // connections are counted inside the reader's loop (analyze/fast-path.ts).
    const { packets, summary } = (0,capture_file/* openCapture */.B)(file, { reuseBuffers: true, counted: analysis.counted });
    let next = 200_000;
    for (const raw of packets) {
        if (!raw.counted)
            analysis.decode(raw);
        // Yield to the event loop now and then so a long analysis does not starve timers and signals.
        if (summary.packets >= next) {
            next = summary.packets + 200_000;
            progress?.(summary.packets);
            await new Promise((resolve) => setImmediate(resolve));
        }
    }
    return summary;
}
function buildReport(analysis, files, summaries, options) {
    analysis.finish();
    const linkTypes = [...new Set(summaries.flatMap((s) => s.linkTypes))];
    const unknownLinks = linkTypes.filter((t) => !isDecodedLinkType(t));
    const warnings = summaries.flatMap((s) => s.warnings);
    if (unknownLinks.length)
        warnings.push(`link types ${unknownLinks.join(', ')} are not decoded; their packets are counted as undecoded`);
    for (const reason of WARN_REASONS) {
        const n = analysis.undecodedBy[reason];
        if (n && reason !== 'link-type')
            warnings.push(`${n} packets ${REASON_TEXT[reason]} were left undecoded`);
    }
    if (analysis.tunnelEnds.size) {
        const ends = [...analysis.tunnelEnds].map(([ends, n]) => `${ends} (${n})`).join(', ');
        warnings.push(`packets were taken out of tunnels and named inside them; tunnel ends not listed as endpoints: ${ends}`);
    }
    if (options.dropped)
        warnings.push(`the kernel dropped ${options.dropped} packets during capture: endpoints may be missing from this report`);
    if (analysis.overflowConnections)
        warnings.push(`more than ${MAX_FLOWS} connections: ${analysis.overflowConnections} later ones are counted by destination only, unnamed (memory stays bounded)`);
    const aggregate = toEndpoints(mergeNatCopies(analysis.allFlows()), analysis.dns, { ...(options.steps ? { steps: options.steps } : {}), includeLoopback: options.includeLoopback ?? false }, analysis.overflow.values());
    if (aggregate.loopbackLeftOut)
        warnings.push(`${aggregate.loopbackLeftOut} connections to loopback addresses are not egress and not listed (--include-loopback lists them)`);
    const lookedUp = analysis.dns.lookedUpNotContacted(aggregate.contacted, new Set(aggregate.endpoints.map((e) => e.host)));
    if (analysis.dns.answeredOmitted)
        warnings.push(`more than ${MAX_ANSWERED_NAMES} names were looked up: ${analysis.dns.answeredOmitted} later ones are not in "looked up, not contacted"`);
    const sum = (f) => summaries.reduce((n, s) => n + f(s), 0);
    return {
        schemaVersion: EGRESS_REPORT_SCHEMA_VERSION,
        tool: { name: 'telltale', version: version/* VERSION */.x },
        capture: {
            file: files[0],
            format: summaries[0].format,
            linkTypes,
            packets: sum((s) => s.packets),
            bytes: sum((s) => s.bytes),
            undecoded: analysis.undecoded,
            ...(analysis.undecoded ? { undecodedBy: { ...analysis.undecodedBy } } : {}),
            ...(Object.keys(analysis.tunnels).length ? { tunnels: { ...analysis.tunnels } } : {}),
            ...(options.dropped !== undefined ? { dropped: options.dropped } : {}),
            ...(options.backend ? { backend: options.backend } : {}),
            ...(options.filter !== undefined ? { filter: options.filter } : {}),
            ...(files.length > 1 ? { files: [...files] } : {}),
        },
        endpoints: aggregate.endpoints,
        failedLookups: analysis.dns.usefulFailures(),
        ...(lookedUp.length ? { lookedUp } : {}),
        warnings,
    };
}
/** Analyses a capture file. Throws InputError only when the file is not a capture at all. */
async function analyzeCaptureFile(file, options = {}) {
    const analysis = new Analysis();
    const summary = await feed(analysis, file, options.progress);
    return buildReport(analysis, [file], [summary], options);
}
/**
 * Several capture files as one report (the same job captured in parts, or a corpus read in one
 * process): connections and DNS answers are pooled, so a name learned in one file names the next.
 */
async function analyzeCaptureFilesMerged(files, options = {}) {
    const analysis = new Analysis();
    const summaries = [];
    for (const file of files)
        summaries.push(await feed(analysis, file, options.progress));
    return buildReport(analysis, files, summaries, options);
}


/***/ }),

/***/ 8520:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ stepAt),
/* harmony export */   d: () => (/* binding */ stepsDuring)
/* harmony export */ });
/** Job steps: which step a connection belongs to, from the times the Actions API reports. */
/**
 * The step a connection opened at `time` belongs to: the one whose window holds it, else the last one
 * started before it (the Actions API reports whole seconds, so a connection may fall in a gap).
 */
function stepAt(steps, time) {
    let candidate;
    for (const step of steps) {
        if (step.start <= time && (step.end === undefined || time <= step.end))
            return step.name;
        if (step.start <= time && (!candidate || step.start >= candidate.start))
            candidate = step;
    }
    return candidate?.name;
}
/** The Actions API reports step times in whole seconds: a boundary is only known to ±1 s. */
const STEP_TIME_SLACK_MS = 1000;
/**
 * Every step a connection was alive in, in job order: the step it opened in (`stepAt` its first
 * sight), and every later step it was still seen in more than a second after that step started — a
 * long-lived connection (a package registry kept open, a websocket) spans the steps that used it,
 * while a connection closing within the API's one-second rounding of a boundary (its FIN/ACK landing
 * in the next step's first second) is not credited to that next step.
 */
function stepsDuring(steps, first, last) {
    const opened = stepAt(steps, first);
    const names = [];
    let openedSeen = false;
    for (const step of steps) {
        if (!openedSeen && step.name === opened && step.start <= first) {
            openedSeen = true;
            names.push(step.name);
        }
        else if (step.start > first && step.start + STEP_TIME_SLACK_MS <= last)
            names.push(step.name);
    }
    return names;
}


/***/ }),

/***/ 3218:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tg: () => (/* binding */ formatIPv6),
/* harmony export */   fD: () => (/* binding */ formatIPv4),
/* harmony export */   kK: () => (/* binding */ decodeIp)
/* harmony export */ });
function formatIPv4(b, o) {
    return `${b[o]}.${b[o + 1]}.${b[o + 2]}.${b[o + 3]}`;
}
/** RFC 5952 text form: lower case, leading zeros dropped, the longest run of zero groups as `::`. */
// A capture holds few distinct addresses and many packets: formatting each IPv6 address once was a
// tenth of the analysis time on a bulk capture. Keyed by the raw 16 bytes; bounded.
const ipv6Cache = new Map();
function cachedIPv6(b, o) {
    const key = b.toString('latin1', o, o + 16);
    let text = ipv6Cache.get(key);
    if (text === undefined) {
        if (ipv6Cache.size >= 65_536)
            ipv6Cache.clear();
        text = formatIPv6(b, o);
        ipv6Cache.set(key, text);
    }
    return text;
}
function formatIPv6(b, o) {
    const groups = [];
    for (let i = 0; i < 8; i++)
        groups.push(b.readUInt16BE(o + i * 2));
    let bestStart = -1;
    let bestLength = 1;
    for (let i = 0; i < 8;) {
        if (groups[i] !== 0) {
            i++;
            continue;
        }
        let j = i;
        while (j < 8 && groups[j] === 0)
            j++;
        if (j - i > bestLength) {
            bestStart = i;
            bestLength = j - i;
        }
        i = j;
    }
    const hex = groups.map((g) => g.toString(16));
    if (bestStart < 0)
        return hex.join(':');
    return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
// Extension headers that carry a "next header" and a length in 8-octet units (RFC 8200 §4).
const IPV6_EXTENSIONS = new Set([0, 43, 60, 135, 139, 140]);
function decodeIp(network) {
    const b = network.data;
    if (network.version === 4) {
        if (b.length < 20)
            return undefined;
        const ihl = (b[0] & 0x0f) * 4;
        if (ihl < 20 || b.length < ihl)
            return undefined;
        const total = b.readUInt16BE(2);
        const end = total >= ihl && total <= b.length ? total : b.length;
        const flagsOffset = b.readUInt16BE(6);
        const moreFragments = (flagsOffset & 0x2000) !== 0;
        const fragmentOffset = flagsOffset & 0x1fff;
        return {
            version: 4,
            src: formatIPv4(b, 12),
            dst: formatIPv4(b, 16),
            protocol: b[9],
            payload: b.subarray(ihl, end),
            fragment: moreFragments || fragmentOffset !== 0,
            // RFC 791 §3.1: the offset counts 8-octet units.
            fragmentOf: moreFragments || fragmentOffset !== 0
                ? { id: b.readUInt16BE(4), offset: fragmentOffset * 8, more: moreFragments }
                : undefined,
            // TSO hands the capture a super-segment whose total length field may be 0: count what we have.
            wirePayloadLength: total >= ihl ? total - ihl : end - ihl,
        };
    }
    if (b.length < 40)
        return undefined;
    const payloadLength = b.readUInt16BE(4);
    const end = payloadLength > 0 && 40 + payloadLength <= b.length ? 40 + payloadLength : b.length;
    let next = b[6];
    let offset = 40;
    let fragment = false;
    let fragmentOf;
    // Bounded: each header is at least 8 bytes, so the walk ends within the packet.
    while (offset < end) {
        if (IPV6_EXTENSIONS.has(next)) {
            if (offset + 2 > end)
                return undefined;
            const length = (b[offset + 1] + 1) * 8;
            next = b[offset];
            offset += length;
        }
        else if (next === 44) {
            // Fragment header (RFC 8200 §4.5): 8 bytes; offset and M flag in bytes 2-3.
            if (offset + 8 > end)
                return undefined;
            const field = b.readUInt16BE(offset + 2);
            fragment = (field & 0xfff8) !== 0 || (field & 1) !== 0;
            // The offset is already in bytes once the low 3 bits are masked off (8-octet units << 3).
            if (fragment)
                fragmentOf = { id: b.readUInt32BE(offset + 4), offset: field & 0xfff8, more: (field & 1) !== 0 };
            next = b[offset];
            offset += 8;
        }
        else if (next === 51) {
            // Authentication Header: length in 4-octet units minus 2 (RFC 4302 §2.2).
            if (offset + 2 > end)
                return undefined;
            const length = (b[offset + 1] + 2) * 4;
            next = b[offset];
            offset += length;
        }
        else
            break;
    }
    if (offset > end)
        return undefined;
    return {
        version: 6,
        src: cachedIPv6(b, 8),
        dst: cachedIPv6(b, 24),
        protocol: next,
        payload: b.subarray(offset, end),
        fragment,
        fragmentOf,
        wirePayloadLength: payloadLength > 0 ? Math.max(0, 40 + payloadLength - offset) : end - offset,
    };
}


/***/ }),

/***/ 4150:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MC: () => (/* binding */ decodeUdp),
/* harmony export */   Of: () => (/* binding */ TcpFlag),
/* harmony export */   n0: () => (/* binding */ decodeUnreachable),
/* harmony export */   yD: () => (/* binding */ decodeTcp)
/* harmony export */ });
/* harmony import */ var _ip_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3218);
/** TCP and UDP headers, and the ICMP errors that say a connection attempt failed. Never throws. */

const TcpFlag = { fin: 0x01, syn: 0x02, rst: 0x04, psh: 0x08, ack: 0x10 };
function decodeTcp(b) {
    if (b.length < 20)
        return undefined;
    const headerLength = (b[12] >> 4) * 4;
    if (headerLength < 20 || headerLength > b.length)
        return undefined;
    return {
        srcPort: b.readUInt16BE(0),
        dstPort: b.readUInt16BE(2),
        seq: b.readUInt32BE(4),
        ack: b.readUInt32BE(8),
        flags: b[13],
        payload: b.subarray(headerLength),
    };
}
function decodeUdp(b) {
    if (b.length < 8)
        return undefined;
    const length = b.readUInt16BE(4);
    const end = length >= 8 && length <= b.length ? length : b.length;
    return { srcPort: b.readUInt16BE(0), dstPort: b.readUInt16BE(2), payload: b.subarray(8, end) };
}
/**
 * ICMPv4 type 3 (RFC 792) and ICMPv6 type 1 (RFC 4443 §3.1) carry the start of the packet they
 * refused: its IP header and the first 8 bytes of its transport header, enough for the ports.
 */
function decodeUnreachable(ip) {
    const b = ip.payload;
    const isV4 = ip.version === 4 && ip.protocol === 1 && b.length >= 8 && b[0] === 3;
    const isV6 = ip.version === 6 && ip.protocol === 58 && b.length >= 8 && b[0] === 1;
    if (!isV4 && !isV6)
        return undefined;
    const inner = (0,_ip_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeIp */ .kK)({ version: ip.version, data: b.subarray(8) });
    if (!inner || inner.payload.length < 4)
        return undefined;
    return {
        dst: inner.dst,
        dstPort: inner.payload.readUInt16BE(2),
        protocol: inner.protocol,
        src: inner.src,
        srcPort: inner.payload.readUInt16BE(0),
    };
}


/***/ }),

/***/ 4145:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ openCapture)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1472);
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


/** After this many packets in a row taken by the hook, one is handed out anyway (marked `counted`). */
const COUNTED_RUN = 65_536;
/**
 * One packet record. With `reuseBuffers` the reader hands out the same record every time (a bulk
 * capture is a hundred thousand packets: one object and one view each was a fifth of the analysis).
 */
class PacketRecord {
    linkType = 0;
    time = 0;
    wireLength = 0;
    buffer = EMPTY;
    start = 0;
    end = 0;
    counted = false;
    get data() {
        return this.buffer.subarray(this.start, this.end);
    }
}
const EMPTY = Buffer.alloc(0);
const CHUNK = 4 << 20;
const SLACK = 256 << 10;
/** A forward-only byte reader over a file descriptor that keeps at most one record plus a chunk. */
class ByteStream {
    buffer = Buffer.alloc(0);
    position = 0;
    /** File offset of buffer[0]. */
    base = 0;
    eof = false;
    fd;
    /** With `reuse`, the buffer before the current one, refilled next instead of a fresh allocation. */
    spare;
    /** The whole buffer `buffer` is a view of. */
    allocated;
    reuse;
    constructor(fd, reuse = false) {
        this.fd = fd;
        this.reuse = reuse;
    }
    get offset() {
        return this.base + this.position;
    }
    /** Makes `n` bytes available from the current position; false at end of file. */
    ensure(n) {
        while (this.buffer.length - this.position < n) {
            if (this.eof)
                return false;
            // The unread tail (less than one record) moves to the front of a fresh buffer and the file is
            // read straight in after it: no second copy of the chunk.
            const rest = this.buffer.length - this.position;
            const need = rest + Math.max(CHUNK, n);
            // Fresh memory costs a page fault per 4 KiB: reusing the previous buffer made reading a 147 MB
            // capture ~3x faster. Only for callers that copy what they keep past the next packet. The slack
            // lets a recycled buffer take any tail shorter than itself.
            const next = this.spare && this.spare.length >= need
                ? this.spare
                : Buffer.allocUnsafeSlow(Math.max(need, Math.max(CHUNK, n) + SLACK));
            this.spare = undefined;
            this.buffer.copy(next, 0, this.position);
            const read = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(this.fd, next, rest, next.length - rest, null);
            if (read === 0) {
                this.eof = true;
                return false;
            }
            this.base += this.position;
            if (this.reuse)
                this.spare = this.allocated;
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
    take(n) {
        const view = this.buffer.subarray(this.position, this.position + n);
        this.position += n;
        return view;
    }
    /** The current buffer and the read position in it, for reading a record in place (then `skip`). */
    get current() {
        return this.buffer;
    }
    get at() {
        return this.position;
    }
    skip(n) {
        this.position += n;
    }
    peek(n) {
        return this.buffer.subarray(this.position, this.position + n);
    }
    atEnd() {
        return !this.ensure(1);
    }
}
const PCAP_MAGIC = new Map([
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
function openCapture(file, options = {}) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, 'r');
    }
    catch (error) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError(`cannot open the capture: ${error.message}`, { location: { file } });
    }
    const reuse = options.reuseBuffers ?? false;
    const stream = new ByteStream(fd, reuse);
    const record = reuse
        ? ((shared) => () => shared)(new PacketRecord())
        : () => new PacketRecord();
    const counted = options.counted ?? (() => false);
    if (!stream.ensure(4)) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError('the file is empty, not a capture', { location: { file, offset: 0 } });
    }
    const magic = stream.peek(4).readUInt32BE(0);
    const summary = { format: 'pcap', linkTypes: [], packets: 0, bytes: 0, warnings: [] };
    let packets;
    if (PCAP_MAGIC.has(magic))
        packets = readPcap(stream, PCAP_MAGIC.get(magic), summary, file, record, counted);
    else if (magic === PCAPNG_SHB) {
        summary.format = 'pcapng';
        packets = readPcapng(stream, summary, file, record, counted);
    }
    else {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError(`not a pcap or pcapng file (magic 0x${magic.toString(16).padStart(8, '0')})`, {
            location: { file, offset: 0 },
            hint: 'write captures with tcpdump -w, tshark -w or dumpcap',
        });
    }
    const guarded = (function* () {
        try {
            yield* packets;
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        }
    })();
    return { packets: guarded, summary };
}
function truncated(summary, file, offset, what) {
    summary.warnings.push(`${file}@${offset}: ${what}; the capture is analysed up to this point (was it cut while being written?)`);
}
function* readPcap(stream, magic, summary, file, record, counted) {
    if (!stream.ensure(24))
        return truncated(summary, file, stream.offset, 'the pcap header is cut short');
    const header = stream.take(24);
    // The link type's upper bits carry FCS information (pcap-savefile(5)); only the low 16 bits name it.
    const linkType = (magic.little ? header.readUInt32LE(20) : header.readUInt32BE(20)) & 0xffff;
    summary.linkTypes.push(linkType);
    const loop = { stream, little: magic.little, divisor: magic.nanos ? 1e6 : 1e3, linkType, summary, counted };
    for (;;) {
        const packet = record();
        const problem = nextPcapPacket(loop, packet);
        if (problem === END)
            return;
        if (problem !== undefined)
            return truncated(summary, file, problem.at, problem.what);
        yield packet;
    }
}
// Buffer#readUInt32LE checks its argument on every call and was a tenth of the reading loop; the
// reader has already made sure the bytes are there.
const u32le = (b, o) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
const u32be = (b, o) => b[o] * 0x1000000 + ((b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]);
const END = { at: -1, what: 'end' };
/**
 * Reads pcap records until one is for the caller: one not taken by the `counted` hook, or one after
 * a long run of taken ones. Fills `packet`; returns undefined, END, or where and why the file is cut.
 * A plain function, not the generator: V8 optimises a hot loop inside a generator late or never.
 */
function nextPcapPacket(loop, packet) {
    const { stream, little, divisor, linkType, summary, counted } = loop;
    for (let run = 1;; run++) {
        if (stream.atEnd())
            return END;
        const at = stream.offset;
        if (!stream.ensure(16))
            return { at, what: 'a packet record header is cut short' };
        // The record header is read in place: no view per packet.
        let b = stream.current;
        let p = stream.at;
        const seconds = little ? u32le(b, p) : u32be(b, p);
        const fraction = little ? u32le(b, p + 4) : u32be(b, p + 4);
        const captured = little ? u32le(b, p + 8) : u32be(b, p + 8);
        const wire = little ? u32le(b, p + 12) : u32be(b, p + 12);
        stream.skip(16);
        if (captured > MAX_RECORD)
            return { at, what: `a packet record claims ${captured} bytes` };
        if (!stream.ensure(captured))
            return { at, what: 'the last packet is cut short' };
        b = stream.current;
        p = stream.at;
        stream.skip(captured);
        summary.packets++;
        summary.bytes += captured;
        const time = seconds * 1000 + fraction / divisor;
        const taken = counted(linkType, b, p, p + captured, time);
        if (taken && run < COUNTED_RUN)
            continue;
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
function* readPcapng(stream, summary, file, record, counted) {
    let little = true;
    let run = 0;
    let interfaces = [];
    while (!stream.atEnd()) {
        const at = stream.offset;
        if (!stream.ensure(12))
            return truncated(summary, file, at, 'a block header is cut short');
        const head = stream.peek(12);
        const type = head.readUInt32LE(0) === PCAPNG_SHB || head.readUInt32BE(0) === PCAPNG_SHB ? PCAPNG_SHB : undefined;
        if (type === PCAPNG_SHB) {
            // The byte-order magic after the block length decides how this whole section is read.
            const order = head.readUInt32LE(8);
            if (order === BYTE_ORDER_MAGIC)
                little = true;
            else if (head.readUInt32BE(8) === BYTE_ORDER_MAGIC)
                little = false;
            else
                return truncated(summary, file, at, 'a section header has no valid byte-order magic');
            interfaces = [];
        }
        const u32 = (b, o) => (little ? b.readUInt32LE(o) : b.readUInt32BE(o));
        const u16 = (b, o) => (little ? b.readUInt16LE(o) : b.readUInt16BE(o));
        const blockType = u32(head, 0);
        const length = u32(head, 4);
        if (length < 12 || length % 4 !== 0 || length > MAX_RECORD) {
            return truncated(summary, file, at, `a block claims an impossible length ${length}`);
        }
        if (!stream.ensure(length))
            return truncated(summary, file, at, 'the last block is cut short');
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
                if (code === 0)
                    break;
                if (code === 9 && len >= 1 && o + 4 < body.length) {
                    const v = body[o + 4];
                    unitsPerSecond = v & 0x80 ? 2 ** (v & 0x7f) : 10 ** (v & 0x7f);
                }
                o += 4 + Math.ceil(len / 4) * 4;
            }
            interfaces.push({ linkType, unitsPerSecond });
            if (!summary.linkTypes.includes(linkType))
                summary.linkTypes.push(linkType);
        }
        else if (blockType === 0x00000006 && body.length >= 20) {
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
            if (taken && ++run < COUNTED_RUN)
                continue;
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
        }
        else if (blockType === 0x00000003 && body.length >= 4) {
            // Simple Packet Block: interface 0, no timestamp.
            const iface = interfaces[0];
            if (!iface)
                continue;
            const wire = u32(body, 0);
            const length = Math.min(wire, body.length - 4);
            summary.packets++;
            summary.bytes += length;
            const taken = counted(iface.linkType, body, 4, 4 + length, 0);
            if (taken && ++run < COUNTED_RUN)
                continue;
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


/***/ })

};
