/**
 * Goss `http`, `addr` and `dns`: probes sent from where the target's network is. Only targets with
 * `live` have a network to probe from (the host: here); images skip them with the reason.
 */
import { Resolver, promises as dnsp } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { promises as fsp } from 'node:fs';
import type { AuditTarget } from '../target.ts';
import { NEEDS_LIVE, subject, type Observe } from './types.ts';

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

/** TLS material Goss's http takes from files (`ca-file`, `cert-file`, `key-file`), read on this host. */
async function tlsOptions(a: Record<string, unknown>): Promise<tls.ConnectionOptions> {
  const read = (k: string) => (typeof a[k] === 'string' && a[k] !== '' ? fsp.readFile(a[k]) : undefined);
  const [ca, cert, key] = await Promise.all([read('ca-file'), read('cert-file'), read('key-file')]);
  return {
    rejectUnauthorized: a['allow-insecure'] !== true,
    ...(ca ? { ca } : {}),
    ...(cert ? { cert } : {}),
    ...(key ? { key } : {}),
  };
}

/**
 * An HTTP proxy as Goss's `proxy:` uses one: plain http is sent to the proxy with the absolute URL
 * as the request target (RFC 9112 §3.2.2); https goes through a CONNECT tunnel (RFC 9110 §9.3.6).
 */
function viaProxy(proxy: URL, target: URL, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const authority = `${target.hostname}:${target.port || (target.protocol === 'https:' ? 443 : 80)}`;
    const req = http.request({
      host: proxy.hostname,
      port: proxy.port || 80,
      method: 'CONNECT',
      path: authority,
      headers: { host: authority },
      timeout: timeoutMs,
    });
    req.on('connect', (res, socket) =>
      res.statusCode === 200
        ? resolve(socket)
        : (socket.destroy(), reject(new Error(`proxy answered ${res.statusCode}`))),
    );
    req.on('timeout', () => req.destroy(new Error(`the proxy did not answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

async function request(url: URL, a: Record<string, unknown>, timeoutMs: number): Promise<HttpReply> {
  const headers: Record<string, string> = {};
  for (const h of Array.isArray(a['request-headers']) ? a['request-headers'] : []) {
    const [k, ...v] = String(h).split(':');
    if (k) headers[k.trim()] = v.join(':').trim();
  }
  if (typeof a.username === 'string') {
    headers.authorization = `Basic ${Buffer.from(`${a.username}:${String(a.password ?? '')}`).toString('base64')}`;
  }
  const secure = url.protocol === 'https:';
  const tlsOpts = secure ? await tlsOptions(a) : {};
  const proxy = typeof a.proxy === 'string' && a.proxy !== '' ? new URL(a.proxy) : undefined;
  const method = typeof a.method === 'string' ? a.method : 'GET';
  let req: http.ClientRequest;
  const onReply = (resolve: (r: HttpReply) => void, reject: (e: Error) => void) => (res: http.IncomingMessage) => {
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
  };
  const tunnel = proxy && secure ? await viaProxy(proxy, url, timeoutMs) : undefined;
  return new Promise((resolve, reject) => {
    if (proxy && !secure) {
      req = http.request(
        {
          host: proxy.hostname,
          port: proxy.port || 80,
          method,
          path: url.href,
          headers: { host: url.host, ...headers },
          timeout: timeoutMs,
        },
        onReply(resolve, reject),
      );
    } else if (tunnel) {
      req = https.request(
        url,
        {
          method,
          headers,
          timeout: timeoutMs,
          createConnection: () => tls.connect({ socket: tunnel, servername: url.hostname, ...tlsOpts }),
        },
        onReply(resolve, reject),
      );
    } else {
      req = (secure ? https : http).request(
        url,
        { method, headers, timeout: timeoutMs, ...tlsOpts },
        onReply(resolve, reject),
      );
    }
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
    url = new URL(subject(control, 'url'));
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
  const address = subject(control, 'address');
  const m = /^(tcp|udp):\/\/(\[[^\]]+\]|[^:]+):(\d+)$/.exec(address);
  if (!m) return { skip: `'${address}' is not an address (tcp://host:port)`, values: {} };
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

/**
 * Goss dns ids: `host` or `TYPE:host`; `resolve:` overrides the key. Without `server` the name is
 * resolved as the system would (getaddrinfo, so /etc/hosts counts); with `server` every lookup —
 * a plain name too, as A and AAAA — is asked of that server (resource/dns.go, system/dns.go).
 */
export const observeDns: Observe = async (control, target) => {
  const skip = probeSkip(target);
  if (skip) return { skip, values: {} };
  const a = control.attributes;
  const name = subject(control, 'resolve');
  const typed = /^([A-Z]+):(.+)$/.exec(name);
  const isTyped = typed !== null && DNS_TYPES.has(typed[1]!);
  const server = typeof a.server === 'string' || typeof a.server === 'number' ? String(a.server) : undefined;
  try {
    if (!isTyped && server === undefined) {
      const found = await dnsp.lookup(name, { all: true });
      return { values: { resolvable: found.length > 0, addrs: found.map((f) => f.address) } };
    }
    const resolver = new Resolver({ timeout: typeof a.timeout === 'number' ? a.timeout : 500, tries: 2 });
    if (server !== undefined) resolver.setServers([server]);
    const ask = (host: string, rrtype: string) =>
      new Promise<unknown[]>((resolve) =>
        resolver.resolve(host, rrtype, (err: Error | null, rec: unknown) => resolve(err ? [] : (rec as unknown[]))),
      );
    const records = isTyped
      ? (await ask(typed[2]!, typed[1]!)).map((r) => recordText(r, typed[1]!))
      : [...(await ask(name, 'A')), ...(await ask(name, 'AAAA'))].map((r) => recordText(r, 'A'));
    return { values: { resolvable: records.length > 0, addrs: records } };
  } catch {
    return { values: { resolvable: false, addrs: [] } };
  }
};

/** Names in answers end with a dot, as Goss prints them from the wire format ("a.dnstest.io."). */
function fqdn(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

/** One DNS record as Goss prints it (MX "10 mail.example.", SRV "0 5 443 a.example.", TXT joined). */
function recordText(r: unknown, rrtype: string): string {
  if (typeof r === 'string') return ['CNAME', 'NS', 'PTR'].includes(rrtype) ? fqdn(r) : r;
  if (Array.isArray(r)) return r.join('');
  if (r && typeof r === 'object') {
    const o = r as Record<string, unknown>;
    if ('exchange' in o) return `${String(o.priority)} ${fqdn(String(o.exchange))}`;
    if ('name' in o && 'port' in o)
      return `${String(o.priority)} ${String(o.weight)} ${String(o.port)} ${fqdn(String(o.name))}`;
    return JSON.stringify(o);
  }
  return String(r);
}
