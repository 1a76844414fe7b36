/**
 * Decoders for the text the Linux kernel publishes under /proc (proc(5)). Pure functions over the
 * file contents, so tests feed them real captures; malformed lines are skipped, never thrown on.
 */
import type { ListeningPort, MountInfo } from '../target.ts';

/**
 * /proc/net/{tcp,tcp6,udp,udp6}: `sl local_address rem_address st …`, addresses in hex in host
 * byte order per 32-bit word. TCP state 0A is LISTEN; an unconnected UDP socket is state 07.
 */
export function parseProcNet(text: string, protocol: ListeningPort['protocol']): ListeningPort[] {
  const out: ListeningPort[] = [];
  const udp = protocol.startsWith('udp');
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4) continue;
    const [addrHex, portHex] = (f[1] ?? '').split(':');
    const state = f[3];
    if (!addrHex || !portHex || state !== (udp ? '07' : '0A')) continue;
    const address = decodeProcAddress(addrHex);
    if (address === undefined) continue;
    out.push({ protocol, address, port: parseInt(portHex, 16) });
  }
  return out;
}

function decodeProcAddress(hex: string): string | undefined {
  if (!/^[0-9A-Fa-f]+$/.test(hex)) return undefined;
  const words: number[][] = [];
  for (let i = 0; i < hex.length; i += 8) {
    const word = hex.slice(i, i + 8);
    // Each 32-bit word is printed as the kernel's in-memory value, little-endian on x86 and arm.
    const bytes = [6, 4, 2, 0].map((j) => parseInt(word.slice(j, j + 2), 16));
    words.push(bytes);
  }
  const bytes = words.flat();
  if (bytes.length === 4) return bytes.join('.');
  if (bytes.length !== 16) return undefined;
  // IPv4-mapped IPv6 (::ffff:a.b.c.d) reads better as the IPv4 address Goss users write.
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff)
    return `::ffff:${bytes.slice(12).join('.')}`;
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return compressIpv6(groups);
}

/** RFC 5952 §4.2.3: the longest run of zero groups (two or more) becomes `::`. */
function compressIpv6(groups: string[]): string {
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < groups.length;) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}

/** /proc/self/mountinfo (proc(5)): per-mount options before ` - `, fs type, source and super options after. */
export function parseMountInfo(text: string): MountInfo[] {
  const out: MountInfo[] = [];
  for (const line of text.split('\n')) {
    const [left, right] = line.split(' - ');
    if (!left || !right) continue;
    const l = left.split(' ');
    const r = right.split(' ');
    if (l.length < 6 || r.length < 3) continue;
    out.push({
      mountPoint: unescapeOctal(l[4]!),
      opts: l[5]!.split(','),
      filesystem: r[0]!,
      source: unescapeOctal(r[1]!),
      vfsOpts: r[2]!.split(','),
    });
  }
  return out;
}

/** The kernel escapes space, tab, newline and backslash in paths as \ooo. */
function unescapeOctal(text: string): string {
  return text.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}
