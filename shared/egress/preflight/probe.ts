/**
 * The network side of preflight: DNS, TCP, TLS and one HTTP request, each bounded by a deadline
 * and each failure named the way an operator reads it. A silently dropped SYN (a closed ACL or
 * security group) is a `timeout`; an RST is `refused`; no route is `unreachable`.
 */
import { promises as dnsPromises } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';

export type PreflightStatus =
  'ok' | 'dns-failed' | 'timeout' | 'refused' | 'unreachable' | 'tls-failed' | 'http-failed' | 'skipped';

/** A failed step: the verdict and the operator-facing detail. */
export class ProbeFailure extends Error {
  readonly status: PreflightStatus;
  constructor(status: PreflightStatus, detail: string) {
    super(detail);
    this.status = status;
  }
}

const remaining = (deadline: number) => Math.max(1, deadline - Date.now());

/**
 * A and AAAA answers (RFC 1035 §3.4.1, RFC 3596) from the configured DNS server, raced against the
 * system resolver (getaddrinfo: /etc/hosts, then DNS), which is what real clients use. Whichever
 * first yields addresses wins, so a name only /etc/hosts knows does not wait out a DNS timeout.
 */
export async function resolveAddresses(host: string, deadline: number): Promise<string[]> {
  if (isIP(host)) return [host];
  const resolver = new dnsPromises.Resolver({ timeout: remaining(deadline), tries: 1 });
  const codes: string[] = [];
  const fromDns = Promise.allSettled([resolver.resolve4(host), resolver.resolve6(host)]).then((answers) => {
    const addresses = answers.flatMap((a) => (a.status === 'fulfilled' ? a.value : []));
    for (const a of answers)
      codes.push(a.status === 'rejected' ? ((a.reason as NodeJS.ErrnoException).code ?? '') : 'ENODATA');
    if (!addresses.length) throw new Error('no DNS answer');
    return addresses;
  });
  const fromSystem = withTimeout(dnsPromises.lookup(host, { all: true }), remaining(deadline)).then((found) => {
    if (!found.length) throw new Error('no system answer');
    return found.map((a) => a.address);
  });
  try {
    return await Promise.any([fromDns, fromSystem]);
  } catch {
    // Neither answered: the DNS codes below say why.
  } finally {
    // The loser may still be waiting on a server; it must not hold the process open.
    resolver.cancel();
  }
  if (codes.includes('ETIMEOUT')) throw new ProbeFailure('dns-failed', `DNS: no answer for ${host} before the timeout`);
  if (codes.includes('ENOTFOUND')) throw new ProbeFailure('dns-failed', `DNS: ${host} does not exist (NXDOMAIN)`);
  if (codes.length && codes.every((c) => c === 'ENODATA')) {
    throw new ProbeFailure('dns-failed', `DNS: ${host} has no A or AAAA records`);
  }
  throw new ProbeFailure('dns-failed', `DNS: lookup of ${host} failed (${codes.join(', ') || 'no answer'})`);
}

/** Connects to every address at once; the first to answer wins, the rest are closed. */
export async function connectAny(
  addresses: readonly string[],
  port: number,
  deadline: number,
): Promise<{ socket: Socket; address: string }> {
  const failures: { address: string; status: PreflightStatus; detail: string }[] = [];
  return new Promise((resolve, reject) => {
    let settled = false;
    const sockets: Socket[] = [];
    const timer = setTimeout(() => finish(), remaining(deadline));
    const finish = (winner?: { socket: Socket; address: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const s of sockets) if (s !== winner?.socket) s.destroy();
      if (winner) return resolve(winner);
      for (const a of addresses) {
        if (!failures.some((f) => f.address === a))
          failures.push({ address: a, status: 'timeout', detail: 'no answer (packets dropped?)' });
      }
      // The most telling verdict: a refusal proves the host is there; a timeout says nothing answered.
      const order: PreflightStatus[] = ['refused', 'unreachable', 'timeout'];
      const status = order.find((s) => failures.some((f) => f.status === s)) ?? 'unreachable';
      reject(new ProbeFailure(status, `TCP ${port}: ${failures.map((f) => `${f.address} ${f.detail}`).join('; ')}`));
    };
    for (const address of addresses) {
      const socket = connect({ host: address, port });
      sockets.push(socket);
      socket.once('connect', () => finish({ socket, address }));
      socket.once('error', (error: NodeJS.ErrnoException) => {
        failures.push({ address, ...describeSocketError(error) });
        if (failures.length === addresses.length) finish();
      });
    }
    if (!addresses.length) finish();
  });
}

function describeSocketError(error: NodeJS.ErrnoException): { status: PreflightStatus; detail: string } {
  switch (error.code) {
    case 'ECONNREFUSED':
      return { status: 'refused', detail: 'refused (RST)' };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
    case 'EAFNOSUPPORT':
      return { status: 'unreachable', detail: `unreachable (${error.code})` };
    case 'ETIMEDOUT':
      return { status: 'timeout', detail: 'timed out' };
    default:
      return { status: 'unreachable', detail: error.code ?? error.message };
  }
}

/** TLS handshake over the connected socket, verifying the chain and the name (RFC 6125). */
export function tlsHandshake(socket: Socket, host: string, deadline: number): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const tls = tlsConnect({
      socket,
      host,
      ...(isIP(host) ? {} : { servername: host }),
      ALPNProtocols: ['http/1.1'],
    });
    const timer = setTimeout(() => {
      tls.destroy();
      reject(new ProbeFailure('timeout', 'TLS: no handshake before the timeout'));
    }, remaining(deadline));
    tls.once('secureConnect', () => {
      clearTimeout(timer);
      resolve(tls);
    });
    tls.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      tls.destroy();
      reject(new ProbeFailure('tls-failed', `TLS: ${error.code ? `${error.code}: ` : ''}${error.message}`));
    });
  });
}

export interface HttpAnswer {
  status: number;
  location?: string;
}

/** One GET over an already connected (and, for https, handshaken) socket. */
export function httpGet(socket: Socket, url: URL, deadline: number): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      createConnection: () => socket,
      method: 'GET',
      path: `${url.pathname}${url.search}`,
      headers: { host: url.host, 'user-agent': 'telltale-preflight', accept: '*/*', connection: 'close' },
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new ProbeFailure('timeout', `HTTP: no response from ${url.href} before the timeout`));
    }, remaining(deadline));
    req.once('response', (res: IncomingMessage) => {
      clearTimeout(timer);
      const answer: HttpAnswer = { status: res.statusCode ?? 0 };
      if (typeof res.headers.location === 'string') answer.location = res.headers.location;
      res.resume();
      res.destroy();
      socket.destroy();
      resolve(answer);
    });
    req.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new ProbeFailure('http-failed', `HTTP: ${error.code ?? ''} ${error.message}`.trim()));
    });
    req.end();
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
