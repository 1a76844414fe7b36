/**
 * DNS messages (RFC 1035) through `dns-packet`, reduced to what names an endpoint: the question,
 * the response code, and the answer chain (CNAME, A, AAAA; HTTPS/SVCB answers are kept by type).
 * dns-packet throws on malformed input; this wrapper returns undefined instead.
 */
import dnsPacket from 'dns-packet';
import { formatIPv4, formatIPv6 } from './ip.ts';

export interface DnsAnswer {
  name: string;
  type: string;
  /** An address for A/AAAA, the target name for CNAME, otherwise empty. */
  data: string;
  /** HTTPS/SVCB (RFC 9460 §2.2): the TargetName ('' when "." — the owner itself). */
  target?: string;
  /** HTTPS/SVCB ipv4hint and ipv6hint addresses (RFC 9460 §7.3). */
  hints?: string[];
}

export interface DnsMessage {
  id: number;
  response: boolean;
  /** NOERROR, NXDOMAIN, SERVFAIL, REFUSED… (responses only) */
  rcode: string;
  question?: { name: string; type: string };
  answers: DnsAnswer[];
}

// dns-packet 5.6 does not name these types; RFC 9460 gives them numbers 64 and 65.
const TYPE_NAMES: Record<string, string> = { UNKNOWN_64: 'SVCB', UNKNOWN_65: 'HTTPS' };
const typeName = (type: unknown) => TYPE_NAMES[String(type)] ?? String(type);

/**
 * SVCB/HTTPS RDATA (RFC 9460 §2.2): SvcPriority, TargetName (never compressed), then SvcParams as
 * key/length/value; ipv4hint is key 4, ipv6hint key 6. Undefined when the bytes do not parse.
 */
export function parseSvcb(rdata: Buffer): { target: string; hints: string[] } | undefined {
  if (rdata.length < 3) return undefined;
  let o = 2;
  const labels: string[] = [];
  for (let hops = 0; ; hops++) {
    if (o >= rdata.length || hops > 127) return undefined;
    const length = rdata[o++]!;
    if (length === 0) break;
    if (length > 63 || o + length > rdata.length) return undefined;
    labels.push(rdata.subarray(o, o + length).toString('latin1'));
    o += length;
  }
  const hints: string[] = [];
  while (o + 4 <= rdata.length) {
    const key = rdata.readUInt16BE(o);
    const length = rdata.readUInt16BE(o + 2);
    const value = rdata.subarray(o + 4, o + 4 + length);
    if (value.length < length) return undefined;
    if (key === 4) for (let i = 0; i + 4 <= value.length; i += 4) hints.push(formatIPv4(value, i));
    if (key === 6) for (let i = 0; i + 16 <= value.length; i += 16) hints.push(formatIPv6(value, i));
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
const decoded = new Map<string, Omit<DnsMessage, 'id'> | null>();
const MAX_CACHED = 4096;
const MAX_CACHED_BYTES = 1232;

export function decodeDns(payload: Buffer): DnsMessage | undefined {
  if (payload.length < 12) return undefined;
  const id = payload.readUInt16BE(0);
  if (payload.length > MAX_CACHED_BYTES) return decodeUncached(payload);
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
    if (decoded.size >= MAX_CACHED) decoded.clear();
    decoded.set(key, known);
  }
  return known ? { id, ...known } : undefined;
}

function decodeUncached(payload: Buffer): DnsMessage | undefined {
  let packet: ReturnType<typeof dnsPacket.decode>;
  try {
    packet = dnsPacket.decode(payload);
  } catch {
    return undefined;
  }
  const question = packet.questions?.[0];
  const answers: DnsAnswer[] = [];
  for (const answer of packet.answers ?? []) {
    const type = typeName(answer.type);
    const data =
      type === 'A' || type === 'AAAA' || type === 'CNAME' ? String((answer as { data?: unknown }).data ?? '') : '';
    const raw = (answer as { data?: unknown }).data;
    const svcb = (type === 'HTTPS' || type === 'SVCB') && Buffer.isBuffer(raw) ? parseSvcb(raw) : undefined;
    answers.push({ name: String(answer.name ?? ''), type, data, ...(svcb ?? {}) });
  }
  return {
    id: packet.id ?? 0,
    response: packet.type === 'response',
    rcode: String((packet as { rcode?: string }).rcode ?? 'NOERROR'),
    ...(question ? { question: { name: String(question.name ?? ''), type: typeName(question.type) } } : {}),
    answers,
  };
}
