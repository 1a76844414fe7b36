/**
 * STARTTLS: protocols that begin in plain text and switch to TLS on a command, after which the
 * client's next bytes are its TLS ClientHello. Given the client's first bytes, this finds where TLS
 * begins, so the ClientHello's SNI names the connection like a direct TLS one.
 *
 *   SMTP  RFC 3207 §4    EHLO/HELO …, then "STARTTLS"
 *   IMAP  RFC 9051 §6.2.1  "<tag> STARTTLS"
 *   POP3  RFC 2595 §4    "STLS"
 *   FTP   RFC 4217 §4    "AUTH TLS" (or the older "AUTH SSL")
 *   XMPP  RFC 6120 §5.4.2 <starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>
 */

export type StartTlsProtocol = 'smtp' | 'imap' | 'pop3' | 'ftp' | 'xmpp';

export type StartTlsResult =
  | { status: 'not-starttls' }
  | { status: 'need-more'; protocol?: StartTlsProtocol }
  /** `tls` is the client's stream from its first TLS byte. */
  | { status: 'ok'; protocol: StartTlsProtocol; tls: Buffer };

interface Dialect {
  protocol: StartTlsProtocol;
  /** The client's first command, which says the stream is this protocol. */
  opening: RegExp;
  /** The command that switches to TLS, as a whole line (or element), terminator included. */
  upgrade: RegExp;
}

const DIALECTS: readonly Dialect[] = [
  { protocol: 'smtp', opening: /^(EHLO|HELO|STARTTLS)\b/i, upgrade: /(^|\r?\n)STARTTLS[ \t]*\r?\n/i },
  {
    protocol: 'imap',
    opening: /^[A-Za-z0-9.]{1,20} (CAPABILITY|STARTTLS|NOOP|ID)\b/i,
    upgrade: /(^|\r?\n)[A-Za-z0-9.]{1,20} STARTTLS[ \t]*\r?\n/i,
  },
  { protocol: 'pop3', opening: /^(CAPA|STLS)\b/i, upgrade: /(^|\r?\n)STLS[ \t]*\r?\n/i },
  { protocol: 'ftp', opening: /^(AUTH|FEAT)\b/i, upgrade: /(^|\r?\n)AUTH (TLS|SSL|TLS-C)[ \t]*\r?\n/i },
  {
    protocol: 'xmpp',
    opening: /^(<\?xml[^>]*\?>\s*)?<stream:stream\b/,
    upgrade: /<starttls\s+xmlns=['"]urn:ietf:params:xml:ns:xmpp-tls['"]\s*(\/>|>\s*<\/starttls>)/,
  },
];

// The plain-text part before STARTTLS is a few short commands; past this it is not a STARTTLS opening.
const MAX_PLAINTEXT = 4096;

export function findStartTls(stream: Buffer): StartTlsResult {
  // latin1 keeps byte offsets equal to string offsets.
  const text = stream.subarray(0, MAX_PLAINTEXT).toString('latin1');
  for (const dialect of DIALECTS) {
    if (!dialect.opening.test(text)) continue;
    const match = dialect.upgrade.exec(text);
    if (!match) {
      return stream.length >= MAX_PLAINTEXT
        ? { status: 'not-starttls' }
        : { status: 'need-more', protocol: dialect.protocol };
    }
    const start = match.index + match[0].length;
    if (start >= stream.length) return { status: 'need-more', protocol: dialect.protocol };
    return { status: 'ok', protocol: dialect.protocol, tls: stream.subarray(start) };
  }
  // A prefix of an opening command ("EH") cannot be told yet.
  if (stream.length < 5 && /^[A-Za-z<0-9]*$/.test(text)) return { status: 'need-more' };
  return { status: 'not-starttls' };
}
