/**
 * CloudTrail's S3 layout (User Guide, "Finding your CloudTrail log files"):
 *
 *   [prefix/]AWSLogs/[o-orgid/]<account>/CloudTrail/<region>/YYYY/MM/DD/
 *       <account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<unique>.json.gz
 *
 * Siblings `CloudTrail-Digest/` (integrity digests) and `CloudTrail-Insight/` are not event logs.
 * The same layout is used for a local copy (`aws s3 sync`), so both sources read keys with this.
 */

export interface TrailKey {
  org?: string;
  account: string;
  kind: 'log' | 'digest' | 'insight';
  region: string;
  /** `YYYY/MM/DD` */
  day: string;
  fileName: string;
  deliveredMs?: number;
}

const KEY =
  /(?:^|\/)AWSLogs\/(?:(o-[a-z0-9]{10,32})\/)?(\d{12})\/(CloudTrail|CloudTrail-Digest|CloudTrail-Insight)\/([a-z0-9-]+)\/(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)$/;

/** The parts of a key (or a local path with `/` separators) in the CloudTrail layout, else undefined. */
export function parseTrailKey(key: string): TrailKey | undefined {
  const m = KEY.exec(key);
  if (!m) return undefined;
  const kindText = m[3]!;
  const parsed: TrailKey = {
    account: m[2]!,
    kind: kindText === 'CloudTrail' ? 'log' : kindText === 'CloudTrail-Digest' ? 'digest' : 'insight',
    region: m[4]!,
    day: `${m[5]}/${m[6]}/${m[7]}`,
    fileName: m[8]!,
  };
  if (m[1]) parsed.org = m[1];
  const delivered = deliveryTime(parsed.fileName);
  if (delivered !== undefined) parsed.deliveredMs = delivered;
  return parsed;
}

/** `111122223333_CloudTrail_eu-west-1_20260504T1645Z_AbCd.json.gz` → 2026-05-04T16:45Z in ms. */
export function deliveryTime(fileName: string): number | undefined {
  const m = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z_/.exec(fileName);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return Number.isNaN(ms) ? undefined : ms;
}

/** A file name a log reader should open: JSON, JSON Lines or their gzipped forms. */
export function looksLikeLogFile(name: string): boolean {
  return /\.(json|jsonl|ndjson|json\.gz|jsonl\.gz|ndjson\.gz|gz)$/i.test(name);
}
