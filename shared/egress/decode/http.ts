/**
 * The first request of an HTTP/1.x client stream (RFC 9112 §3): its method, the Host header, and
 * for `CONNECT host:port` (RFC 9110 §9.3.6) the real destination behind a proxy.
 */

export type HttpRequestResult =
  | { status: 'need-more' }
  | { status: 'not-http' }
  | { status: 'ok'; method: string; host?: string; connect?: { host: string; port: number } };

const METHOD = /^(GET|HEAD|POST|PUT|DELETE|OPTIONS|PATCH|TRACE|CONNECT|PROPFIND|REPORT|MKCOL) /;
// A request head larger than this is not one we wait for.
const MAX_HEAD = 16 * 1024;

export function parseHttpRequest(stream: Buffer): HttpRequestResult {
  const head = stream.subarray(0, MAX_HEAD).toString('latin1');
  const method = METHOD.exec(head);
  if (!method) return head.length >= 8 ? { status: 'not-http' } : { status: 'need-more' };
  const end = head.indexOf('\r\n\r\n');
  const firstLineEnd = head.indexOf('\r\n');
  if (firstLineEnd < 0) return stream.length >= MAX_HEAD ? { status: 'not-http' } : { status: 'need-more' };
  // RFC 9112 §3: a recipient may split the request line on any run of whitespace.
  const [verb, target, version] = head
    .slice(0, firstLineEnd)
    .trim()
    .split(/[ \t]+/);
  if (!verb || !target || !version?.startsWith('HTTP/1.')) return { status: 'not-http' };
  if (verb === 'CONNECT') {
    const match = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(target);
    if (!match) return { status: 'ok', method: verb };
    return { status: 'ok', method: verb, connect: { host: match[1]!.toLowerCase(), port: Number(match[2]) } };
  }
  if (end < 0 && stream.length < MAX_HEAD) return { status: 'need-more' };
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
