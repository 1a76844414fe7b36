/**
 * DNS messages (RFC 1035) through `dns-packet`, reduced to what names an endpoint: the question,
 * the response code, and the answer chain (CNAME, A, AAAA; HTTPS/SVCB answers are kept by type).
 * dns-packet throws on malformed input; this wrapper returns undefined instead.
 */
import dnsPacket from 'dns-packet';

export interface DnsAnswer {
  name: string;
  type: string;
  /** An address for A/AAAA, the target name for CNAME, otherwise empty. */
  data: string;
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

export function decodeDns(payload: Buffer): DnsMessage | undefined {
  if (payload.length < 12) return undefined;
  let decoded: ReturnType<typeof dnsPacket.decode>;
  try {
    decoded = dnsPacket.decode(payload);
  } catch {
    return undefined;
  }
  const question = decoded.questions?.[0];
  const answers: DnsAnswer[] = [];
  for (const answer of decoded.answers ?? []) {
    const type = typeName(answer.type);
    const data =
      type === 'A' || type === 'AAAA' || type === 'CNAME' ? String((answer as { data?: unknown }).data ?? '') : '';
    answers.push({ name: String(answer.name ?? ''), type, data });
  }
  return {
    id: decoded.id ?? 0,
    response: decoded.type === 'response',
    rcode: String((decoded as { rcode?: string }).rcode ?? 'NOERROR'),
    ...(question ? { question: { name: String(question.name ?? ''), type: typeName(question.type) } } : {}),
    answers,
  };
}
