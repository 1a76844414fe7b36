/**
 * `|cidr` matching without allocation-heavy parsing: CloudTrail's `sourceIPAddress` is tested by
 * many rules on every event, and also holds service names (`ec2.amazonaws.com`, `AWS Internal`),
 * which must simply not match.
 */

// Leading zeros are refused, as node:net does: `010` is octal to some parsers and decimal to others.
const IPV4 = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;

/** An IPv4 address as an unsigned 32-bit number, or undefined. */
export function parseIPv4(text: string): number | undefined {
  const m = IPV4.exec(text);
  if (!m) return undefined;
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

/** An IPv6 address (RFC 4291 §2.2 text forms, with an optional zone) as eight 16-bit groups. */
export function parseIPv6(text: string): number[] | undefined {
  const zone = text.indexOf('%');
  const address = zone >= 0 ? text.slice(0, zone) : text;
  if (!address.includes(':')) return undefined;
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (i === pieces.length - 1 && piece.includes('.')) {
        // RFC 4291 §2.2 (3): the low 32 bits may be written as an IPv4 address.
        const v4 = parseIPv4(piece);
        if (v4 === undefined) return undefined;
        out.push(Math.floor(v4 / 65536), v4 % 65536);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return undefined;
        out.push(parseInt(piece, 16));
      }
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return undefined;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

/** A predicate for "this text is an address inside network/prefix". */
export function cidrMatcher(network: string, prefix: number, family: 4 | 6): (text: string) => boolean {
  if (family === 4) {
    const net = parseIPv4(network);
    if (net === undefined) throw new Error(`not an IPv4 network: ${network}`);
    if (prefix === 0) return (text) => parseIPv4(text) !== undefined;
    const shift = 32 - prefix;
    const want = Math.floor(net / 2 ** shift);
    return (text) => {
      const ip = parseIPv4(text);
      return ip !== undefined && Math.floor(ip / 2 ** shift) === want;
    };
  }
  const net = parseIPv6(network);
  if (!net) throw new Error(`not an IPv6 network: ${network}`);
  return (text) => {
    if (!text.includes(':')) return false;
    const ip = parseIPv6(text);
    if (!ip) return false;
    let bits = prefix;
    for (let i = 0; i < 8 && bits > 0; i++, bits -= 16) {
      const take = Math.min(16, bits);
      const shift = 16 - take;
      if (ip[i]! >> shift !== net[i]! >> shift) return false;
    }
    return true;
  };
}
