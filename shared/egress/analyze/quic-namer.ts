/**
 * The QUIC namer: a client's Initial packets, decrypted (decode/quic.ts), their CRYPTO frames
 * reassembled until they hold the whole ClientHello, whose SNI names the flow. One session per flow.
 *
 * The shape (`newQuicSession` / `feedQuic`) is the per-flow interface of the QUIC decoder; this thin
 * wrapper keeps the analyzer independent of how many versions the decoder knows.
 */
import { decodeClientInitial, parseCryptoClientHello } from '../decode/quic.ts';
import { addPending, contiguousPrefix, MAX_SEGMENTS, type Pending } from './reassembly.ts';

export interface QuicSession {
  /** The Destination Connection ID of the client's first Initial, from which its keys derive. */
  dcid?: Buffer;
  crypto: Pending;
  datagrams: number;
  version?: number;
}

export type QuicVerdict =
  | { status: 'not-quic' }
  | { status: 'need-more' }
  | { status: 'named'; host: string; version: number; versionName: string }
  | { status: 'unnamed'; version: number; versionName: string; reason: string };

export function newQuicSession(): QuicSession {
  return { crypto: new Map(), datagrams: 0 };
}

function versionName(version: number): string {
  if (version === 1) return 'v1';
  if (version === 0x6b3343cf) return 'v2';
  return `0x${version.toString(16).padStart(8, '0')}`;
}

/** Feeds one client datagram of the flow; the verdict is final unless it is `need-more`. */
export function feedQuic(session: QuicSession, datagram: Buffer): QuicVerdict {
  const initial = decodeClientInitial(datagram, session.dcid);
  if (initial.status === 'not-initial') {
    // The first datagram of a QUIC flow is an Initial; anything else is some other UDP protocol.
    if (session.datagrams === 0) return { status: 'not-quic' };
    return giveUpOrWait(session);
  }
  session.datagrams++;
  session.dcid ??= initial.dcid;
  session.version ??= initial.version;
  if (initial.status === 'ok') {
    for (const frame of initial.frames) addPending(session.crypto, frame.offset, frame.data);
    const hello = parseCryptoClientHello(contiguousPrefix(session.crypto));
    if (hello.status === 'ok') {
      const name = versionName(initial.version);
      return hello.serverName
        ? { status: 'named', host: hello.serverName.toLowerCase(), version: initial.version, versionName: name }
        : { status: 'unnamed', version: initial.version, versionName: name, reason: 'no SNI in the ClientHello' };
    }
    if (hello.status === 'not-tls') {
      const name = versionName(initial.version);
      return { status: 'unnamed', version: initial.version, versionName: name, reason: 'CRYPTO is no ClientHello' };
    }
  }
  return giveUpOrWait(session);
}

function giveUpOrWait(session: QuicSession): QuicVerdict {
  if (session.datagrams < MAX_SEGMENTS) return { status: 'need-more' };
  const version = session.version ?? 0;
  return { status: 'unnamed', version, versionName: versionName(version), reason: 'no whole ClientHello' };
}
