/**
 * The namers: each looks at a flow's first client bytes and says whether they are its protocol and,
 * if so, which host they name. Like a dissector table, the analyzer asks every namer of the flow's
 * transport in turn; a namer never throws on bad bytes.
 *
 *   not-mine   these bytes are not this protocol; do not ask again for this flow
 *   need-more  they may be, but the message is not complete yet
 *   named      they are; `name` says what the client asked for (host may be '' when unnamed)
 */
import { parseClientHello } from '../decode/tls.ts';
import { parseHttpRequest } from '../decode/http.ts';
import { parseSocksRequest } from '../decode/socks.ts';
import { findStartTls } from '../decode/starttls.ts';
import type { FlowName } from './flow.ts';

export type NamerVerdict = { status: 'not-mine' } | { status: 'need-more' } | { status: 'named'; name: FlowName };

/** What a stream namer knows of the flow besides its bytes. */
export interface StreamContext {
  serverPort: number;
}

export interface StreamNamer {
  /** Short name, for tests and the report of what ran. */
  id: string;
  name(stream: Buffer, context: StreamContext): NamerVerdict;
}

const NOT_MINE: NamerVerdict = { status: 'not-mine' };
const NEED_MORE: NamerVerdict = { status: 'need-more' };

export const tlsNamer: StreamNamer = {
  id: 'tls',
  name(stream, { serverPort }) {
    const hello = parseClientHello(stream);
    if (hello.status === 'not-tls') return NOT_MINE;
    if (hello.status === 'need-more') return NEED_MORE;
    const protocol =
      serverPort === 443 || hello.alpn.some((p) => p === 'h2' || p.startsWith('http/')) ? 'https' : 'tls';
    return {
      status: 'named',
      name: hello.serverName
        ? { host: hello.serverName.toLowerCase(), namedBy: 'sni', protocol }
        : { host: '', namedBy: 'none', protocol },
    };
  },
};

export const httpNamer: StreamNamer = {
  id: 'http',
  name(stream) {
    const request = parseHttpRequest(stream);
    if (request.status === 'not-http') return NOT_MINE;
    if (request.status === 'need-more') return NEED_MORE;
    if (request.connect) {
      return {
        status: 'named',
        name: { host: request.connect.host, namedBy: 'connect', port: request.connect.port, protocol: 'http-proxy' },
      };
    }
    return {
      status: 'named',
      name: request.host
        ? { host: request.host, namedBy: 'http-host', protocol: 'http' }
        : { host: '', namedBy: 'none', protocol: 'http' },
    };
  },
};

export const socksNamer: StreamNamer = {
  id: 'socks',
  name(stream) {
    const request = parseSocksRequest(stream);
    if (request.status === 'not-socks') return NOT_MINE;
    if (request.status === 'need-more') return NEED_MORE;
    return {
      status: 'named',
      name: { host: request.host, namedBy: 'connect', port: request.port, protocol: `socks${request.version}` },
    };
  },
};

/** Plain-text protocols upgraded with STARTTLS: the ClientHello after the upgrade names them. */
export const startTlsNamer: StreamNamer = {
  id: 'starttls',
  name(stream, context) {
    const upgrade = findStartTls(stream);
    if (upgrade.status === 'not-starttls') return NOT_MINE;
    if (upgrade.status === 'need-more') return NEED_MORE;
    const hello = tlsNamer.name(upgrade.tls, context);
    if (hello.status !== 'named') return hello;
    return { status: 'named', name: { ...hello.name, protocol: upgrade.protocol } };
  },
};

/** The TCP namers, in the order they are asked (cheapest and commonest first). */
export const STREAM_NAMERS: readonly StreamNamer[] = [tlsNamer, httpNamer, socksNamer, startTlsNamer];

/**
 * Asks every namer; the first that names the stream wins. `need-more` while any namer may still
 * claim the bytes, `not-mine` once all have refused them.
 */
export function nameStream(stream: Buffer, context: StreamContext, namers = STREAM_NAMERS): NamerVerdict {
  let waiting = false;
  for (const namer of namers) {
    const verdict = namer.name(stream, context);
    if (verdict.status === 'named') return verdict;
    if (verdict.status === 'need-more') waiting = true;
  }
  return waiting ? NEED_MORE : NOT_MINE;
}
