/**
 * Preflight: before a deployment (or a job in block mode) depends on the manifest, check from this
 * host that every endpoint in it answers: DNS, TCP, TLS with certificate and name verification, and
 * an HTTP request with redirects followed. A redirect to a host the manifest does not list is a
 * failure: a client held to the manifest would be stopped there (the release-assets.githubusercontent.com
 * case in the egress notes).
 *
 * Targets run in parallel under a concurrency limit and each has the whole timeout as its budget,
 * so a run takes about one timeout, not the sum.
 */
import pLimit from 'p-limit';
import type { Socket } from 'node:net';
import type { Manifest } from '../manifest/manifest.ts';
import { findMatch } from '../manifest/match.ts';
import { connectAny, httpGet, ProbeFailure, resolveAddresses, tlsHandshake, type PreflightStatus } from './probe.ts';
import { preflightTargets, type PreflightTarget } from './targets.ts';

export type { PreflightStatus };

export interface PreflightResult {
  host: string;
  port: number;
  status: PreflightStatus;
  detail: string;
  /** Every URL the HTTP check was sent to after the first, in order. */
  redirects: string[];
  addresses: string[];
  /** Index of the manifest entry in `allow`. */
  entry: number;
  ms: number;
}

export interface PreflightOptions {
  timeoutMs: number;
  /** Targets checked at once. Default 16. */
  concurrency?: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
}

export interface PreflightReport {
  manifest: string;
  timeoutMs: number;
  results: PreflightResult[];
  /** True when every checkable endpoint is ok. */
  ok: boolean;
}

export async function runPreflight(manifest: Manifest, options: PreflightOptions): Promise<PreflightReport> {
  const limit = pLimit(options.concurrency ?? 16);
  const targets = preflightTargets(manifest.entries);
  const results = await Promise.all(targets.map((t) => limit(() => checkTarget(manifest, t, options))));
  return {
    manifest: manifest.file,
    timeoutMs: options.timeoutMs,
    results,
    ok: results.every((r) => r.status === 'ok' || r.status === 'skipped'),
  };
}

async function checkTarget(
  manifest: Manifest,
  target: PreflightTarget,
  options: PreflightOptions,
): Promise<PreflightResult> {
  const started = Date.now();
  const result: PreflightResult = {
    host: target.host,
    port: target.port,
    status: 'ok',
    detail: '',
    redirects: [],
    addresses: [],
    entry: target.entry,
    ms: 0,
  };
  const finish = (status: PreflightStatus, detail: string) => {
    result.status = status;
    result.detail = target.note ? `${detail} (${target.note})` : detail;
    result.ms = Date.now() - started;
    return result;
  };
  if (target.skip) return finish('skipped', `not checkable: ${target.skip}`);
  const deadline = started + options.timeoutMs;
  try {
    const { socket, addresses } = await open(target.host, target.port, target.tls, deadline);
    result.addresses = addresses;
    if (!target.url) {
      socket.destroy();
      return finish('ok', target.tls ? 'TCP and TLS ok' : 'TCP ok');
    }
    return await followHttp(manifest, target, socket, deadline, options.maxRedirects ?? 5, result, finish);
  } catch (error) {
    if (error instanceof ProbeFailure) return finish(error.status, error.message);
    return finish('unreachable', (error as Error).message);
  }
}

async function open(
  host: string,
  port: number,
  tls: boolean,
  deadline: number,
): Promise<{ socket: Socket; addresses: string[] }> {
  const addresses = await resolveAddresses(host, deadline);
  const { socket } = await connectAny(addresses, port, deadline);
  if (!tls) return { socket, addresses };
  return { socket: await tlsHandshake(socket, host, deadline), addresses };
}

async function followHttp(
  manifest: Manifest,
  target: PreflightTarget,
  first: Socket,
  deadline: number,
  maxRedirects: number,
  result: PreflightResult,
  finish: (status: PreflightStatus, detail: string) => PreflightResult,
): Promise<PreflightResult> {
  let url = new URL(target.url!);
  let socket: Socket | undefined = first;
  for (let hop = 0; ; hop++) {
    if (!socket) {
      const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
      const host = url.hostname.replace(/^\[|\]$/g, '');
      socket = (await open(host, port, url.protocol === 'https:', deadline)).socket;
    }
    const answer = await httpGet(socket, url, deadline);
    socket = undefined;
    const redirect = answer.status >= 300 && answer.status < 400 && answer.location;
    if (!redirect) {
      // Without a probe URL any answer but a server error shows the endpoint serves; with one, the
      // user named a URL that should work, so a client error fails too.
      const bad = answer.status >= (target.probe ? 400 : 500);
      const via = result.redirects.length ? ` after ${result.redirects.length} redirect(s)` : '';
      return bad
        ? finish('http-failed', `HTTP ${answer.status} from ${url.href}${via}`)
        : finish('ok', `HTTP ${answer.status}${via}`);
    }
    if (hop >= maxRedirects) return finish('http-failed', `more than ${maxRedirects} redirects`);
    const next = new URL(answer.location!, url);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      return finish('http-failed', `redirects to a non-HTTP URL ${next.protocol}`);
    }
    result.redirects.push(next.href);
    const port = Number(next.port || (next.protocol === 'https:' ? 443 : 80));
    const host = next.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const listed = findMatch(manifest.entries, { host, port, transport: 'tcp', addresses: [] });
    if (!listed) {
      return finish('http-failed', `redirects to unlisted host ${host}:${port} (${next.href})`);
    }
    url = next;
  }
}
