/**
 * Goss `http`, `addr` and `dns`: probes sent from where the target's network is. Only targets with
 * `live` have a network to probe from (the host: here); images skip them with the reason.
 */
import { Resolver, promises as dnsp } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AuditTarget } from '../target.ts';
import { NEEDS_LIVE, type Observe } from './types.ts';

/** Why a network probe cannot run for this target, or undefined when it can. */
function probeSkip(target: AuditTarget): string | undefined {
  if (!target.live) return NEEDS_LIVE;
  if (target.live.networkProbes === false)
    return `probes would be sent from the host, not from inside the ${target.kind}; use a command control`;
  return undefined;
}

interface HttpReply {
  status: number;
  headers: string[];
  body: string;
}

const MAX_REDIRECTS = 10;
const MAX_BODY = 4 * 1024 * 1024;

function request(url: URL, a: Record<string, unknown>, timeoutMs: number): Promise<HttpReply> {
  const lib = url.protocol === 'https:' ? https : http;
  const headers: Record<string, string> = {};
  for (const h of Array.isArray(a['request-headers']) ? a['request-headers'] : []) {
    const [k, ...v] = String(h).split(':');
    if (k) headers[k.trim()] = v.join(':').trim();
  }
  if (typeof a.username === 'string') {
    headers.authorization = `Basic ${Buffer.from(`${a.username}:${String(a.password ?? '')}`).toString('base64')}`;
  }
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      {
        method: typeof a.method === 'string' ? a.method : 'GET',
        headers,
        timeout: timeoutMs,
        ...(url.protocol === 'https:' ? { rejectUnauthorized: a['allow-insecure'] !== true } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (b: Buffer) => {
          size += b.length;
          if (size <= MAX_BODY) chunks.push(b);
        });
        res.on('end', () => {
          const hs: string[] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) hs.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
          resolve({ status: res.statusCode ?? 0, headers: hs, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no response within ${timeoutMs} ms`)));
    req.on('error', reject);
    if (typeof a['request-body'] === 'string') req.write(a['request-body']);
    req.end();
  });
}

export const observeHttp: Observe = async (control, target) => {
  const skip = probeSkip(target);
  if (skip) return { skip, values: {} };
  const a = control.attributes;
  const timeoutMs = typeof a.timeout === 'number' ? a.timeout : 5000;
  let url: URL;
  try {
    url = new URL(typeof a.url === 'string' ? a.url : control.id);
  } catch {
    return { skip: `'${control.id}' is not a URL`, values: {} };
  }
  try {
    let reply = await request(url, a, timeoutMs);
    for (
      let hop = 0;
      hop < MAX_REDIRECTS && a['no-follow-redirects'] !== true && reply.status >= 300 && reply.status < 400;
      hop++
    ) {
      const loc = reply.headers.find((h) => /^location:/i.test(h));
      if (!loc) break;
      url = new URL(loc.slice(loc.indexOf(':') + 1).trim(), url);
      reply = await request(url, a, timeoutMs);
    }
    return { values: { status: reply.status, headers: reply.headers, body: reply.body } };
  } catch (error) {
    return { values: { status: `no response: ${(error as Error).message}`, headers: [], body: '' } };
  }
};

/** Goss addr ids: `tcp://host:port` or `udp://host:port`. */
export const observeAddr: Observe = async (control, target) => {
  const skip = probeSkip(target);
  if (skip) return { skip, values: {} };
  const m = /^(tcp|udp):\/\/(\[[^\]]+\]|[^:]+):(\d+)$/.exec(control.id);
  if (!m) return { skip: `'${control.id}' is not an address (tcp://host:port)`, values: {} };
  if (m[1] === 'udp') return { skip: 'udp reachability cannot be known without a reply; use a command', values: {} };
  const host = m[2]!.replace(/^\[|\]$/g, '');
  const timeout = typeof control.attributes.timeout === 'number' ? control.attributes.timeout : 500;
  const reachable = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host, port: Number(m[3]), timeout });
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => finish(true));
    socket.once('timeout', () => finish(false));
    socket.once('error', () => finish(false));
  });
  return { values: { reachable } };
};

const DNS_TYPES = new Set(['A', 'AAAA', 'CAA', 'CNAME', 'MX', 'NS', 'PTR', 'SRV', 'TXT']);

/** Goss dns ids: `host` (resolved as the system would) or `TYPE:host` (asked of a DNS server). */
export const observeDns: Observe = async (control, target) => {
  const skip = probeSkip(target);
  if (skip) return { skip, values: {} };
  const a = control.attributes;
  const typed = /^([A-Z]+):(.+)$/.exec(control.id);
  try {
    if (!typed || !DNS_TYPES.has(typed[1]!)) {
      // Untyped: getaddrinfo, so /etc/hosts counts (`localhost`), as Goss's default lookup does.
      const found = await dnsp.lookup(control.id, { all: true });
      return { values: { resolvable: found.length > 0, addrs: found.map((f) => f.address) } };
    }
    const resolver = new Resolver({ timeout: typeof a.timeout === 'number' ? a.timeout : 500, tries: 2 });
    if (typeof a.server === 'string') resolver.setServers([a.server]);
    const records = await new Promise<unknown[]>((resolve, reject) =>
      resolver.resolve(typed[2]!, typed[1]!, (err: Error | null, rec: unknown) =>
        err ? reject(err) : resolve(rec as unknown[]),
      ),
    );
    return { values: { resolvable: records.length > 0, addrs: records.map(recordText) } };
  } catch {
    return { values: { resolvable: false, addrs: [] } };
  }
};

/** One DNS record as Goss prints it (MX "10 mail.example.", TXT joined strings). */
function recordText(r: unknown): string {
  if (typeof r === 'string') return r;
  if (Array.isArray(r)) return r.join('');
  if (r && typeof r === 'object') {
    const o = r as Record<string, unknown>;
    if ('exchange' in o) return `${String(o.priority)} ${String(o.exchange)}`;
    if ('name' in o && 'port' in o)
      return `${String(o.priority)} ${String(o.weight)} ${String(o.port)} ${String(o.name)}`;
    return JSON.stringify(o);
  }
  return String(r);
}
