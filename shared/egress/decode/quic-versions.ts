/**
 * Every QUIC version whose client Initial can be read by anyone on the path, and how: which salt
 * its Initial keys derive from, which HKDF labels, which long-header type bits mean Initial, and
 * what the CRYPTO stream carries (a TLS 1.3 ClientHello or Google's QUIC-crypto CHLO).
 *
 * Google QUIC before Q050 (Q043, Q046) sends its CHLO in plaintext; those are read by gquic.ts and
 * listed here only for their names. A version absent from this table has no public Initial keys
 * (or none we know of): its flows are reported as QUIC, version shown, unnamed.
 */

export const QUIC_V1 = 0x00000001;
export const QUIC_V2 = 0x6b3343cf;

/** How an IETF-style long-header Initial of this version is protected and what it carries. */
export interface InitialProtection {
  /** HKDF-Extract salts to try, first the one the version's specification names. */
  salts: Buffer[];
  /** "quic" for v1 and every draft; "quicv2" for v2 (RFC 9369 §3.3.2). */
  labelPrefix: 'quic' | 'quicv2';
  /** Long-header packet type bits (RFC 9000 §17.2): v2 renumbers them (RFC 9369 §3.2). */
  types: { initial: number; zeroRtt: number; handshake: number; retry: number };
  /** IETF frames (RFC 9000 §19) or Google QUIC frames (Q050/T050/T051: CRYPTO is type 0x08). */
  frames: 'ietf' | 'google';
  /** What the CRYPTO stream holds: a TLS ClientHello, or a QUIC-crypto CHLO message (Q050). */
  hello: 'tls' | 'chlo';
}

const hex = (s: string): Buffer => Buffer.from(s, 'hex');

// draft-ietf-quic-tls-21 §5.2 and -22 §5.2 (also mvfst 0xfaceb001, which kept this salt).
const SALT_DRAFT_22 = hex('7fbcdb0e7c66bbe9193a96cd21519ebd7a02644a');
// draft-ietf-quic-tls-23 §5.2, unchanged through -28.
const SALT_DRAFT_23 = hex('c3eef712c72ebb5a11a7d2432bb46365bef9f502');
// draft-ietf-quic-tls-29 §5.2, unchanged through -32.
const SALT_DRAFT_29 = hex('afbfec289993d24c9e9786f19c6111e04390a899');
// RFC 9001 §5.2 (first published in draft-ietf-quic-tls-33 §5.2, kept in -34).
const SALT_V1 = hex('38762cf7f55934b34d179ae6a4c80cadccbb7f0a');
// RFC 9369 §3.3.1.
const SALT_V2 = hex('0dede3def700a6db819381be6e269dcbf9bd2ed9');
// draft-ietf-quic-v2-01 §3.3.1 (version 0x709a50c4, used by interop builds before RFC 9369).
const SALT_V2_DRAFT = hex('a707c203a59b47184a1d62ca570406ea7ae3e5d3');
// Google QUIC Q050, T050 and T051 salts: not in any RFC; as Wireshark's packet-quic.c lists them
// (quic_derive_initial_secrets), taken from Chromium's quic_crypto_utils.
const SALT_Q050 = hex('504574efd066fe2f9d945cfcdbd3a7f0d3b56b45');
const SALT_T050 = hex('7ff579e5acd072915580304c43a2367c60488310');
const SALT_T051 = hex('7a4edef4e7ccee5fa4506c19124fc8ccda6e033d');

const V1_TYPES = { initial: 0, zeroRtt: 1, handshake: 2, retry: 3 };
// RFC 9369 §3.2: Initial 0b01, 0-RTT 0b10, Handshake 0b11, Retry 0b00.
const V2_TYPES = { initial: 1, zeroRtt: 2, handshake: 3, retry: 0 };

function ietf(salts: Buffer[], labelPrefix: 'quic' | 'quicv2' = 'quic'): InitialProtection {
  return { salts, labelPrefix, types: labelPrefix === 'quic' ? V1_TYPES : V2_TYPES, frames: 'ietf', hello: 'tls' };
}

/** The Initial protection of `version`, or undefined when it has none that is public. */
export function initialProtection(version: number): InitialProtection | undefined {
  if (version === QUIC_V1) return ietf([SALT_V1]);
  if (version === QUIC_V2) return ietf([SALT_V2], 'quicv2');
  if (version === 0x709a50c4) return ietf([SALT_V2_DRAFT], 'quicv2');
  const draft = ietfDraft(version);
  // Drafts 22-34 share v1's long header (one-byte CID lengths, since -22) and frames.
  if (draft !== undefined && draft >= 22 && draft <= 34) {
    if (draft <= 22) return ietf([SALT_DRAFT_22]);
    if (draft <= 28) return ietf([SALT_DRAFT_23]);
    if (draft <= 32) return ietf([SALT_DRAFT_29]);
    return ietf([SALT_V1]);
  }
  // mvfst (facebook/mvfst quic/QuicConstants.h QuicVersion): MVFST_D24 (0xfaceb001) kept
  // draft-22's salt; QUIC_V1_ALIAS (0xfaceb003) uses v1's; MVFST (0xfaceb002, draft-27 based) and
  // every other alias fall to getQuicVersionSalt's default, draft-23's. Wireshark decrypts
  // 0xfaceb001, 0xfaceb002 and 0xfaceb00e the same way. Aliases added since may have moved to v1's
  // salt, so both are tried: the AEAD tag tells which is right, never a guess.
  if (version === 0xfaceb001) return ietf([SALT_DRAFT_22]);
  if (version === 0xfaceb003) return ietf([SALT_V1, SALT_DRAFT_23]);
  if (version >>> 8 === 0xfaceb0) return ietf([SALT_DRAFT_23, SALT_V1]);
  switch (version) {
    // Google QUIC with IETF long headers and Initial protection (Wireshark packet-quic.c), but
    // Google frames; T05x carry TLS 1.3 in CRYPTO frames, Q050 its QUIC-crypto CHLO.
    case 0x51303530:
      return { ...ietf([SALT_Q050]), frames: 'google', hello: 'chlo' };
    case 0x54303530:
      return { ...ietf([SALT_T050]), frames: 'google' };
    case 0x54303531:
      return { ...ietf([SALT_T051]), frames: 'google' };
    default:
      return undefined;
  }
}

/** The draft number of a version 0xff0000NN (RFC 9000 §15: draft N is 0xff000000 + N). */
function ietfDraft(version: number): number | undefined {
  return version >>> 8 === 0xff0000 ? version & 0xff : undefined;
}

/** RFC 9000 §15: versions 0x?a?a?a?a are reserved to exercise version negotiation. */
export function isGreaseVersion(version: number): boolean {
  return (version & 0x0f0f0f0f) === 0x0a0a0a0a;
}

/** Google QUIC "Q0nn": the number after 'Q' (46 for "Q046"), or undefined. */
export function googleQVersion(version: number): number | undefined {
  const digit = (byte: number) => (byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : -1);
  const tens = digit((version >>> 8) & 0xff);
  const units = digit(version & 0xff);
  return version >>> 16 === 0x5130 && tens >= 0 && units >= 0 ? tens * 10 + units : undefined;
}

const MVFST_NAMES = new Map<number, string>([
  [0xfaceb001, 'mvfst-draft-22'],
  [0xfaceb002, 'mvfst-draft-27'],
  [0xfaceb003, 'mvfst-v1-alias'],
  [0xfaceb00e, 'mvfst-experimental'],
  [0xfaceb00f, 'mvfst-invalid'],
  [0xfaceb010, 'mvfst-alias'],
  [0xfaceb011, 'mvfst-experimental2'],
  [0xfaceb013, 'mvfst-experimental3'],
]);

/** A short human name: "v1", "v2", "draft-29", "T051", "Q046", "mvfst-draft-27", or the hex. */
export function versionName(version: number): string {
  const v = version >>> 0;
  if (v === QUIC_V1) return 'v1';
  if (v === QUIC_V2) return 'v2';
  if (v === 0x709a50c4) return 'v2-draft';
  if (v === 0) return 'version-negotiation';
  const draft = ietfDraft(v);
  if (draft !== undefined) return `draft-${String(draft).padStart(2, '0')}`;
  const mvfst = MVFST_NAMES.get(v);
  if (mvfst) return mvfst;
  if (v >>> 8 === 0xfaceb0) return `mvfst-0x${v.toString(16)}`;
  const text = Buffer.from([v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]).toString('latin1');
  if (/^[QT]0\d\d$/.test(text)) return text;
  if (isGreaseVersion(v)) return `reserved-0x${v.toString(16).padStart(8, '0')}`;
  return `0x${v.toString(16).padStart(8, '0')}`;
}
