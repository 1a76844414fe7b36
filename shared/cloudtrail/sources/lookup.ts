/**
 * The LookupEvents API: management events of the last 90 days, one region per call. Since
 * 2021-11-22, IAM, STS (global endpoint), sign-in and CloudFront events are recorded only in
 * us-east-1 (User Guide, "Global service events"), so us-east-1 is always read, whatever regions
 * were asked for. The API allows 2 requests per second per account and region and returns at most
 * 50 events a page: each region is paced to that rate on its own (regions run in parallel), and a
 * throttled call is retried with exponential back-off on top of the SDK's adaptive retry mode.
 */
import { LookupEventsCommand, type CloudTrailClient, type LookupEventsCommandOutput } from '@aws-sdk/client-cloudtrail';
import { InputError } from '../../util/errors.ts';
import type { CloudTrailRecord } from '../record.ts';
import type { TimeWindow } from '../window.ts';
import type { LogFile, RecordSink, SourceSummary } from './types.ts';
import { CREDENTIALS_HINT, isMissingCredentials } from './credentials.ts';

export const GLOBAL_SERVICES_REGION = 'us-east-1';

export interface LookupOptions {
  window: TimeWindow;
  /** Regions to read; undefined = every enabled region, from `listRegions`. us-east-1 is always added. */
  regions?: string[];
  clientFor: (region: string) => CloudTrailClient;
  /** The account's enabled regions (the CLI asks account:ListRegions). */
  listRegions?: () => Promise<string[]>;
  /** Least time between two requests to one region: 500 ms is the documented 2 requests/s. */
  minIntervalMs?: number;
  /** Retries of one throttled request before the region is given up. */
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  clock?: () => number;
  /** Jitter source in [0, 1). */
  random?: () => number;
}

const THROTTLING = new Set([
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'Throttling',
  'ThrottledException',
]);

export function isThrottling(error: unknown): boolean {
  const e = error as { name?: string; $retryable?: { throttling?: boolean }; $metadata?: { httpStatusCode?: number } };
  return THROTTLING.has(e?.name ?? '') || e?.$retryable?.throttling === true || e?.$metadata?.httpStatusCode === 429;
}

/** `lookup` or `lookup:eu-west-1,eu-central-1` → the regions asked for (undefined = all enabled). */
export function parseLookupSource(source: string): string[] | undefined {
  const m = /^lookup(?::(.*))?$/.exec(source);
  if (!m) throw new InputError(`--source: '${source}' is not lookup or lookup:REGIONS`);
  if (m[1] === undefined || m[1].trim() === '') return undefined;
  const regions = m[1].split(',').map((r) => r.trim());
  for (const region of regions) {
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) {
      throw new InputError(`--source: '${region}' is not an AWS region`, {
        hint: 'write lookup:eu-west-1,us-east-2 (comma-separated region codes), or lookup for every enabled region',
      });
    }
  }
  return regions;
}

export async function readLookup(sink: RecordSink, options: LookupOptions): Promise<SourceSummary> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const clock = options.clock ?? Date.now;
  const interval = options.minIntervalMs ?? 500;
  const maxRetries = options.maxRetries ?? 8;
  const random = options.random ?? Math.random;
  const notes: string[] = ['LookupEvents returns management events only (no S3 or Lambda data events)'];

  let asked = options.regions;
  if (!asked) {
    if (!options.listRegions) throw new InputError('lookup: no regions given and no way to list the enabled ones');
    asked = await options.listRegions();
  }
  const regions = [...new Set(asked)];
  if (!regions.includes(GLOBAL_SERVICES_REGION)) {
    regions.push(GLOBAL_SERVICES_REGION);
    notes.push('us-east-1 added: IAM, STS, sign-in and CloudFront events are recorded only there');
  }
  regions.sort();

  const failures: string[] = [];
  let noCredentials = false;
  await Promise.all(
    regions.map(async (region) => {
      const client = options.clientFor(region);
      const log: LogFile = { name: `lookup:${region}`, region };
      let records = 0;
      let firstProblem: string | undefined;
      let lastRequest = -Infinity;
      let token: string | undefined;
      try {
        do {
          let page: LookupEventsCommandOutput | undefined;
          for (let attempt = 0; !page; attempt++) {
            const wait = lastRequest + interval - clock();
            if (wait > 0) await sleep(wait);
            lastRequest = clock();
            try {
              page = await client.send(
                new LookupEventsCommand({
                  MaxResults: 50,
                  ...(options.window.start !== undefined ? { StartTime: new Date(options.window.start) } : {}),
                  ...(options.window.end !== undefined ? { EndTime: new Date(options.window.end) } : {}),
                  ...(token ? { NextToken: token } : {}),
                }),
              );
            } catch (error) {
              if (!isThrottling(error) || attempt >= maxRetries) throw error;
              // Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"), capped at 20 s.
              await sleep(Math.min(20_000, interval * 2 ** (attempt + 1)) * (0.5 + random() / 2));
            }
          }
          for (const event of page.Events ?? []) {
            const text = event.CloudTrailEvent;
            let record: unknown;
            try {
              record = typeof text === 'string' ? JSON.parse(text) : undefined;
            } catch (error) {
              firstProblem ??= `event ${event.EventId ?? '?'}: CloudTrailEvent is not JSON: ${(error as Error).message}`;
              continue;
            }
            if (record === null || typeof record !== 'object' || Array.isArray(record)) {
              firstProblem ??= `event ${event.EventId ?? '?'} has no CloudTrailEvent record`;
              continue;
            }
            records++;
            sink.record(record as CloudTrailRecord, log);
          }
          token = page.NextToken;
        } while (token);
      } catch (error) {
        if (isMissingCredentials(error)) noCredentials = true;
        const name = (error as { name?: string }).name ?? 'Error';
        const reason = `LookupEvents failed: ${name}: ${(error as Error).message ?? String(error)}`;
        failures.push(`${region}: ${reason}`);
        firstProblem ??= reason;
      }
      sink.fileDone(log, records, firstProblem);
    }),
  );
  if (failures.length === regions.length) {
    throw new InputError(`LookupEvents failed in every region (${failures[0]})`, {
      hint: noCredentials
        ? CREDENTIALS_HINT
        : 'the credentials need cloudtrail:LookupEvents; check AWS_PROFILE / AWS_REGION or the OIDC role',
    });
  }
  return { kind: 'lookup', location: 'lookup', deliveries: false, regions, notes };
}
