/**
 * A trail's S3 bucket, `s3://bucket[/prefix]`: accounts (and an organization's `o-…/` level) and
 * regions are discovered with delimiter listings; then only the day prefixes the window needs are
 * listed, starting after the key of the window's first minute (keys sort by delivery time), so a
 * bucket holding years of logs costs a handful of LIST calls, never a full listing. Objects are
 * streamed through gunzip, several at once, each one record at a time.
 */
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import pLimit from 'p-limit';
import { InputError } from '../../util/errors.ts';
import { deliveryOverlaps, LATE_LOOKBACK_MS, partitionDays, type TimeWindow } from '../window.ts';
import { decodeLogStream } from './decode.ts';
import { parseTrailKey } from './layout.ts';
import { CREDENTIALS_HINT, isMissingCredentials } from './credentials.ts';
import type { LogFile, RecordSink, SourceSummary } from './types.ts';

export interface S3Options {
  client: S3Client;
  window: TimeWindow;
  /** Objects downloaded at once. */
  concurrency?: number;
  now?: number;
  /**
   * The last night's watermark (epoch ms of the latest LastModified it read). Files named up to
   * LATE_LOOKBACK_MS before the window that arrived after it are read too (`LogFile.late`).
   */
  watermark?: number;
}

export interface S3Location {
  bucket: string;
  prefix: string;
}

export function parseS3Url(url: string): S3Location {
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  if (!m) {
    throw new InputError(`--source: '${url}' is not an S3 location`, {
      hint: 'write s3://bucket or s3://bucket/prefix (the folder that holds AWSLogs/, or a folder inside it)',
    });
  }
  const prefix = (m[2] ?? '').replace(/^\/+/, '');
  return { bucket: m[1]!, prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix };
}

const ORG = /^o-[a-z0-9]{10,32}$/;
const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export async function readS3(url: string, sink: RecordSink, options: S3Options): Promise<SourceSummary> {
  const { bucket, prefix } = parseS3Url(url);
  const { client, window } = options;
  const notes: string[] = [];

  const listError = (error: unknown, listed: string): never => {
    const name = (error as { name?: string }).name ?? 'Error';
    const message = (error as Error).message ?? String(error);
    throw new InputError(`cannot list s3://${bucket}/${listed}: ${name}: ${message}`, {
      location: { file: url },
      hint:
        name === 'NoSuchBucket'
          ? 'check the bucket name'
          : isMissingCredentials(error)
            ? CREDENTIALS_HINT
            : 'the credentials need s3:ListBucket on the bucket (and s3:GetObject, kms:Decrypt for SSE-KMS trails)',
    });
  };

  async function* list(listPrefix: string, extra: { delimiter?: boolean; startAfter?: string }) {
    let token: string | undefined;
    const seenTokens = new Set<string>();
    do {
      const page = await client
        .send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: listPrefix,
            ...(extra.delimiter ? { Delimiter: '/' } : {}),
            ...(extra.startAfter && !token ? { StartAfter: extra.startAfter } : {}),
            ...(token ? { ContinuationToken: token } : {}),
          }),
        )
        .catch((error: unknown) => listError(error, listPrefix));
      yield page;
      const next = page.IsTruncated ? page.NextContinuationToken : undefined;
      // A server that hands back a token it already gave would make this loop forever.
      if (next !== undefined && seenTokens.has(next)) {
        notes.push(
          `the listing of s3://${bucket}/${listPrefix} repeated a continuation token: stopped listing there after ${seenTokens.size + 1} page(s); files after it were not read`,
        );
        break;
      }
      if (next !== undefined) seenTokens.add(next);
      token = next;
    } while (token);
  }

  const children = async (parent: string): Promise<string[]> => {
    const names: string[] = [];
    for await (const page of list(parent, { delimiter: true })) {
      for (const p of page.CommonPrefixes ?? []) {
        if (p.Prefix) names.push(p.Prefix.slice(parent.length).replace(/\/$/, ''));
      }
    }
    return names.sort();
  };

  // Where in AWSLogs/[o-…/]<account>/CloudTrail/<region>/ the given prefix points.
  const segments = prefix.split('/').filter(Boolean);
  let at = segments.lastIndexOf('AWSLogs');
  let base = prefix;
  if (at < 0) {
    if (!(await children(prefix)).includes('AWSLogs')) {
      throw new InputError(`no AWSLogs/ folder under s3://${bucket}/${prefix}`, {
        location: { file: url },
        hint: 'point --source at the prefix the trail writes to (the folder that holds AWSLogs/)',
      });
    }
    base = `${prefix}AWSLogs/`;
    at = segments.length;
  } else {
    base = `${segments.slice(0, at + 1).join('/')}/`;
  }
  const given = segments.slice(at + 1);

  // Accounts, each with the prefix of its `CloudTrail/` folder.
  const accountPrefixes: string[] = [];
  let rest = given;
  if (rest[0] && ORG.test(rest[0])) {
    base = `${base}${rest[0]}/`;
    rest = rest.slice(1);
    if (!rest[0]) for (const a of await children(base)) if (ACCOUNT.test(a)) accountPrefixes.push(`${base}${a}/`);
  } else if (!rest[0]) {
    for (const child of await children(base)) {
      if (ACCOUNT.test(child)) accountPrefixes.push(`${base}${child}/`);
      else if (ORG.test(child)) {
        for (const a of await children(`${base}${child}/`)) {
          if (ACCOUNT.test(a)) accountPrefixes.push(`${base}${child}/${a}/`);
        }
      }
    }
  }
  if (rest[0]) {
    if (!ACCOUNT.test(rest[0])) {
      throw new InputError(`'${rest[0]}' in s3://${bucket}/${prefix} is not an account id`, {
        location: { file: url },
      });
    }
    accountPrefixes.push(`${base}${rest[0]}/`);
    rest = rest.slice(1);
  }
  if (rest[0] && rest[0] !== 'CloudTrail') {
    throw new InputError(`s3://${bucket}/${prefix} is not inside a CloudTrail/ folder`, {
      location: { file: url },
      hint: 'digests (CloudTrail-Digest/) and Insights (CloudTrail-Insight/) hold no management events',
    });
  }
  const givenRegion = rest[1];
  const regionPrefixes: { prefix: string; account: string; region: string }[] = [];
  for (const accountPrefix of accountPrefixes) {
    const account = accountPrefix.split('/').at(-2)!;
    const trail = `${accountPrefix}CloudTrail/`;
    const regions = givenRegion ? [givenRegion] : (await children(trail)).filter((r) => REGION.test(r));
    for (const region of regions) regionPrefixes.push({ prefix: `${trail}${region}/`, account, region });
  }
  if (!regionPrefixes.length) notes.push(`no CloudTrail/<region>/ folders under s3://${bucket}/${prefix}`);

  const watermark = options.watermark;
  // With a watermark, the listing starts a lookback earlier: late files are named before the window.
  const listWindow: TimeWindow =
    watermark !== undefined && window.start !== undefined
      ? { ...window, start: window.start - LATE_LOOKBACK_MS }
      : window;
  const days = partitionDays(listWindow, options.now);
  const limit = pLimit(options.concurrency ?? 8);
  const running = new Set<Promise<void>>();
  const download = async (key: string, log: LogFile) => {
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const body = object.Body as AsyncIterable<Uint8Array> | undefined;
      if (!body) return sink.fileDone(log, 0, 'empty object');
      const result = await decodeLogStream(body, (record) => sink.record(record, log));
      sink.fileDone(log, result.records, result.error);
    } catch (error) {
      const name = (error as { name?: string }).name ?? 'Error';
      sink.fileDone(log, 0, `download failed: ${name}: ${(error as Error).message ?? String(error)}`);
    }
  };
  const enqueue = async (key: string, log: LogFile) => {
    const promise = limit(() => download(key, log)).finally(() => running.delete(promise));
    running.add(promise);
    if (running.size >= 64) await Promise.race(running);
  };

  for (const r of regionPrefixes) {
    const listings: { prefix: string; startAfter?: string }[] = days
      ? days.map((day, i) => ({
          prefix: `${r.prefix}${day}/`,
          // Keys sort by the delivery stamp in their names: skip what was delivered before the window.
          ...(i === 0 && listWindow.start !== undefined
            ? { startAfter: `${r.prefix}${day}/${r.account}_CloudTrail_${r.region}_${stamp(listWindow.start)}` }
            : {}),
        }))
      : [{ prefix: r.prefix }];
    for (const listing of listings) {
      for await (const page of list(listing.prefix, listing.startAfter ? { startAfter: listing.startAfter } : {})) {
        for (const object of page.Contents ?? []) {
          const key = object.Key;
          if (!key || key.endsWith('/')) continue;
          const name = `s3://${bucket}/${key}`;
          const trail = parseTrailKey(key);
          if (!trail) {
            sink.fileSkipped(name, 'not-a-log');
            continue;
          }
          const modifiedMs = object.LastModified?.getTime();
          let late = false;
          if (trail.deliveredMs !== undefined && !deliveryOverlaps(trail.deliveredMs, window)) {
            // Named before the window but delivered after the last night looked: read it now.
            late =
              watermark !== undefined &&
              modifiedMs !== undefined &&
              modifiedMs > watermark &&
              window.start !== undefined &&
              trail.deliveredMs < window.start;
            if (!late) {
              sink.fileSkipped(name, 'outside-window');
              continue;
            }
          }
          const log: LogFile = { name, account: trail.account, region: trail.region };
          if (modifiedMs !== undefined) log.modifiedMs = modifiedMs;
          if (late) log.late = true;
          if (trail.deliveredMs !== undefined) log.deliveredMs = trail.deliveredMs;
          await enqueue(key, log);
        }
      }
    }
  }
  await Promise.all(running);
  return {
    kind: 's3',
    location: `s3://${bucket}/${prefix}`,
    deliveries: true,
    regions: [...new Set(regionPrefixes.map((r) => r.region))].sort(),
    notes,
  };
}

/** `YYYYMMDDTHHmmZ` as in CloudTrail file names. */
function stamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
}
