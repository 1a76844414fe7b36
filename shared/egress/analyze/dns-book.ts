/**
 * The DNS book: every question and answer seen, kept as the evidence that names addresses. An answer
 * names each address at the end of its CNAME chain by the question; a query with no response, an error
 * rcode or an empty answer is a failed lookup (attempted egress too).
 */
import { decodeDns, type DnsMessage } from '../decode/dns.ts';
import type { FailedLookup, LookedUpName } from '../model/report.ts';
import { byText } from '../../util/order.ts';

/** How many names one address keeps (the most recent win): a CDN address answers for many names. */
const NAMES_PER_ADDRESS = 16;
const MAX_TCP_MESSAGE_BUFFER = 64 * 1024;
/** Names kept for "looked up, not contacted"; past it the report says how many were left out. */
export const MAX_ANSWERED_NAMES = 20_000;
const MAX_ADDRESSES_PER_NAME = 64;

interface AnsweredName {
  types: Set<string>;
  addresses: Set<string>;
  server: string;
  time: number;
}

interface DnsSighting {
  name: string;
  time: number;
}

export class DnsBook {
  /** address -> names that resolved to it, in capture order */
  readonly resolved = new Map<string, DnsSighting[]>();
  readonly queries = new Map<string, { name: string; type: string; time: number }>();
  readonly failedLookups: FailedLookup[] = [];
  /** Every name that got an answer, for the names no connection went to. */
  readonly answered = new Map<string, AnsweredName>();
  answeredOmitted = 0;
  /** Per TCP DNS direction: bytes not yet forming a whole length-prefixed message. */
  private readonly tcpStreams = new Map<string, Buffer>();

  /** One UDP DNS datagram between `client` and `server`. */
  datagram(payload: Buffer, client: string, server: string, time: number): void {
    const message = decodeDns(payload);
    if (message) this.message(message, client, server, time);
  }

  /** TCP DNS bytes of one direction of a connection, `streamKey` naming that direction. */
  tcpBytes(streamKey: string, payload: Buffer, client: string, server: string, time: number): void {
    let buffer = Buffer.concat([this.tcpStreams.get(streamKey) ?? Buffer.alloc(0), payload]);
    // RFC 1035 §4.2.2: each message is preceded by a two-byte length.
    while (buffer.length >= 2 && buffer.length >= 2 + buffer.readUInt16BE(0)) {
      const length = buffer.readUInt16BE(0);
      const message = decodeDns(buffer.subarray(2, 2 + length));
      if (message) this.message(message, client, server, time);
      buffer = buffer.subarray(2 + length);
    }
    if (buffer.length && buffer.length < MAX_TCP_MESSAGE_BUFFER) this.tcpStreams.set(streamKey, Buffer.from(buffer));
    else this.tcpStreams.delete(streamKey);
  }

  message(message: DnsMessage, client: string, server: string, time: number): void {
    if (!message.question) return;
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
    const aliases = new Map<string, string[]>();
    for (const answer of message.answers) {
      const target =
        answer.type === 'CNAME'
          ? answer.data
          : answer.target !== undefined && answer.target !== ''
            ? answer.target
            : '';
      if (!target) continue;
      const from = answer.name.toLowerCase();
      const list = aliases.get(from) ?? [];
      list.push(target.toLowerCase());
      aliases.set(from, list);
    }
    const chain = new Set([askedName]);
    const queue = [askedName];
    while (queue.length) {
      for (const next of aliases.get(queue.pop()!) ?? []) {
        if (!chain.has(next)) {
          chain.add(next);
          queue.push(next);
        }
      }
    }
    let addresses = 0;
    const found: string[] = [];
    for (const answer of message.answers) {
      if (!chain.has(answer.name.toLowerCase())) continue;
      const named = answer.type === 'A' || answer.type === 'AAAA' ? [answer.data] : (answer.hints ?? []);
      for (const address of named) {
        addresses++;
        found.push(address);
        const sightings = this.resolved.get(address) ?? [];
        sightings.push({ name: askedName, time });
        if (sightings.length > NAMES_PER_ADDRESS) sightings.shift();
        this.resolved.set(address, sightings);
      }
    }
    const answered = message.answers.some(
      (a) => chain.has(a.name.toLowerCase()) && (a.type === asked.type || a.type === 'CNAME'),
    );
    if (message.rcode === 'NOERROR' && (answered || addresses))
      this.noteAnswered(askedName, asked.type, found, server, time);
    if (
      message.rcode !== 'NOERROR' ||
      (!answered && addresses === 0 && (asked.type === 'A' || asked.type === 'AAAA'))
    ) {
      this.failedLookups.push({
        name: asked.name,
        type: asked.type,
        rcode: message.rcode === 'NOERROR' ? 'NOANSWER' : message.rcode,
        server,
        time: new Date(time).toISOString(),
      });
    }
  }

  private noteAnswered(name: string, type: string, addresses: string[], server: string, time: number): void {
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
    for (const address of addresses) if (entry.addresses.size < MAX_ADDRESSES_PER_NAME) entry.addresses.add(address);
  }

  /**
   * Names that resolved but that no connection used: none of their addresses was contacted and no
   * endpoint carries the name. `contacted` holds the addresses connections went to; `named` the hosts.
   */
  lookedUpNotContacted(contacted: ReadonlySet<string>, named: ReadonlySet<string>): LookedUpName[] {
    const out: LookedUpName[] = [];
    for (const [name, entry] of this.answered) {
      if (named.has(name)) continue;
      if ([...entry.addresses].some((a) => contacted.has(a))) continue;
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
  nameForAddress(address: string, time: number): string | undefined {
    const sightings = this.resolved.get(address);
    if (!sightings) return undefined;
    for (let i = sightings.length - 1; i >= 0; i--) if (sightings[i]!.time <= time) return sightings[i]!.name;
    return undefined;
  }

  /**
   * Failed lookups worth reporting, unanswered queries included (a DNS query that never got a
   * response is an attempted egress too). An empty answer for one address family is no failure when
   * the same name resolved in the other (an IPv6-only host answers A with nothing).
   */
  usefulFailures(): FailedLookup[] {
    const resolvedNames = new Set<string>();
    for (const sightings of this.resolved.values()) for (const s of sightings) resolvedNames.add(s.name);
    const unanswered = [...this.queries].map(([key, q]) => ({
      name: q.name,
      type: q.type,
      rcode: 'TIMEOUT',
      server: key.split(' ')[1]!,
      time: new Date(q.time).toISOString(),
    }));
    return [...this.failedLookups, ...unanswered].filter(
      (l) => !(l.rcode === 'NOANSWER' && resolvedNames.has(l.name.toLowerCase())),
    );
  }
}
