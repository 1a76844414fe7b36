/** Source dispatch for a scan: local files, S3, or the LookupEvents API (the AWS adapters' edge). */
import type { CloudTrailReport } from './model/report.ts';
import { PipelinePrincipals } from './provenance.ts';
import { loadRuleSet } from './rules/ruleset.ts';
import { scanCloudTrail, type ScanOptions } from './scan.ts';
import { readLocal } from './sources/local.ts';
import { parseWindow } from './window.ts';
import { InputError } from '../util/errors.ts';
import type { AthenaScanOptions } from './athena/engine.ts';
import { parseSuppressions, type Suppression } from './suppressions.ts';
import { markNew } from './model/groups.ts';
import type { NightState } from './state.ts';
import { readFile } from 'node:fs/promises';

export interface RunScanOptions {
  /** A folder or file, s3://bucket/prefix, or lookup[:REGION,…]; not used by the Athena engine. */
  source?: string;
  /** `stream` (default): read every record here; `athena`: let Athena narrow them (athena/engine.ts). */
  engine?: string;
  athena?: {
    workgroup?: string;
    database?: string;
    table?: string;
    output?: string;
    /** Seconds one query may run, as text from a flag or input; default 600. */
    timeout?: string;
  };
  /** 24h, 7d, an ISO time, or all. */
  since: string;
  until?: string;
  /** Extra rule folders or files. */
  rules?: readonly string[];
  /** Run the built-in pack (default true). */
  builtinRules?: boolean;
  /** Files read or downloaded at once, as text from a flag or input. */
  concurrency?: string;
  /** ARNs (with `*`) of the principals the user's pipeline runs as: their changes are one step lower. */
  pipelinePrincipals?: readonly string[];
  /** The suppression file; a missing file is an error only when `suppressionsRequired`. */
  suppressions?: string;
  suppressionsRequired?: boolean;
  now?: number;
  /** The last night's state (state.ts): its watermark brings in late files, its rows make "new" marks. */
  previous?: NightState;
  /** Counts so far, after each file read or skipped (the CLI's progress line on a terminal). */
  progress?: ScanOptions['progress'];
}

/** Where the suppression file lives unless told otherwise (relative to the working directory). */
export const DEFAULT_SUPPRESSIONS = '.github/cloudtrail-suppressions.yml';

export async function loadSuppressions(file: string | undefined, required: boolean): Promise<Suppression[]> {
  if (!file) return [];
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !required) return [];
    throw new InputError(code === 'ENOENT' ? 'no such suppression file' : `cannot read: ${(error as Error).message}`, {
      location: { file },
      hint: `a YAML file with a suppressions: list (see docs/cloudtrail.md); default ${DEFAULT_SUPPRESSIONS}`,
    });
  }
  return parseSuppressions(text, file);
}

/**
 * One scan from a source description, as `telltale cloudtrail scan` and the cloudtrail action run it.
 * The AWS SDK is loaded only for the sources that call AWS: a local scan starts faster without it.
 */
export async function runCloudTrailScan(flags: RunScanOptions): Promise<CloudTrailReport> {
  const report = await scanOnce(flags);
  const previous = flags.previous;
  if (previous) {
    // The watermark only moves forward: a night that read nothing new keeps the last one.
    if (previous.watermark && (!report.watermark || previous.watermark > report.watermark))
      report.watermark = previous.watermark;
    report.previous = {
      generatedAt: previous.generatedAt,
      newGroups: markNew(report.groups, new Set(previous.groups)),
    };
  }
  return report;
}

async function scanOnce(flags: RunScanOptions): Promise<CloudTrailReport> {
  const window = parseWindow(flags.since, flags.until, flags.now);
  const concurrency = Number(flags.concurrency ?? '8');
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new InputError(`concurrency: '${flags.concurrency ?? ''}' is not a positive whole number`);
  }
  const pipelinePrincipals = new PipelinePrincipals(flags.pipelinePrincipals ?? []);
  const suppressions = await loadSuppressions(flags.suppressions, flags.suppressionsRequired ?? false);
  const common = {
    pipelinePrincipals,
    suppressions,
    ...(flags.now !== undefined ? { now: flags.now } : {}),
    ...(flags.progress ? { progress: flags.progress } : {}),
  };
  const rules = await loadRuleSet({ builtin: flags.builtinRules ?? true, dirs: [...(flags.rules ?? [])] });
  if (!rules.all.length)
    throw new InputError('no rules to run', { hint: 'drop --no-builtin-rules or pass --rules DIR' });
  const engine = flags.engine ?? 'stream';
  if (engine === 'athena') return runOnAthena(flags, window, rules, common);
  if (engine !== 'stream') {
    throw new InputError(`engine: '${engine}' is not stream or athena`, { location: { field: 'engine' } });
  }
  const source = flags.source;
  if (!source)
    throw new InputError('no source to scan', { hint: 'pass --source DIR|s3://…|lookup, or --engine athena' });
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  if (source.startsWith('s3://')) {
    const { S3Client } = await import('@aws-sdk/client-s3');
    const { readS3 } = await import('./sources/s3.ts');
    const client = new S3Client({ region, followRegionRedirects: true });
    const watermark = flags.previous?.watermark ? Date.parse(flags.previous.watermark) : undefined;
    return scanCloudTrail(
      (sink) => readS3(source, sink, { client, window, concurrency, ...(watermark ? { watermark } : {}) }),
      {
        window,
        rules,
        deliveries: true,
        ...common,
      },
    );
  }
  if (/^lookup(:|$)/.test(source)) {
    const { CloudTrailClient } = await import('@aws-sdk/client-cloudtrail');
    const { parseLookupSource, readLookup } = await import('./sources/lookup.ts');
    const regions = parseLookupSource(source);
    const clients = new Map<string, InstanceType<typeof CloudTrailClient>>();
    const clientFor = (r: string) => {
      let c = clients.get(r);
      if (!c) clients.set(r, (c = new CloudTrailClient({ region: r, retryMode: 'adaptive', maxAttempts: 5 })));
      return c;
    };
    return scanCloudTrail(
      (sink) =>
        readLookup(sink, {
          window,
          clientFor,
          ...(regions ? { regions } : {}),
          listRegions: () => enabledRegions(region),
        }),
      { window, rules, deliveries: false, ...common },
    );
  }
  const localWatermark = flags.previous?.watermark ? Date.parse(flags.previous.watermark) : undefined;
  return scanCloudTrail(
    (sink) =>
      readLocal(source, sink, { window, concurrency, ...(localWatermark ? { watermark: localWatermark } : {}) }),
    {
      window,
      rules,
      deliveries: true,
      ...common,
    },
  );
}

/** The Athena engine: the AWS SDK's Athena client, retrying throttled calls (adaptive mode). */
async function runOnAthena(
  flags: RunScanOptions,
  window: ReturnType<typeof parseWindow>,
  rules: Awaited<ReturnType<typeof loadRuleSet>>,
  common: AthenaScanOptions['scan'],
): Promise<CloudTrailReport> {
  const a = flags.athena ?? {};
  const need = (value: string | undefined, name: string): string => {
    if (!value)
      throw new InputError(`--engine athena needs --athena-${name}`, { location: { field: `athena-${name}` } });
    return value;
  };
  const { qualifiedTable } = await import('./athena/table.ts');
  const table = qualifiedTable(need(a.database, 'database'), need(a.table, 'table'));
  const workgroup = need(a.workgroup, 'workgroup');
  if (a.output !== undefined && a.output !== '' && !a.output.startsWith('s3://')) {
    throw new InputError(`athena-output: '${a.output}' is not an s3:// URL`, { location: { field: 'athena-output' } });
  }
  const timeout = Number(a.timeout || '600');
  if (!Number.isFinite(timeout) || timeout <= 0) {
    throw new InputError(`athena-timeout: '${a.timeout ?? ''}' is not a positive number of seconds`, {
      location: { field: 'athena-timeout' },
    });
  }
  const { AthenaClient } = await import('@aws-sdk/client-athena');
  const { scanOnAthena } = await import('./athena/engine.ts');
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const client = new AthenaClient({ region, retryMode: 'adaptive', maxAttempts: 8 });
  try {
    const { report } = await scanOnAthena({
      client,
      target: { workgroup, database: need(a.database, 'database'), ...(a.output ? { output: a.output } : {}) },
      table,
      rules,
      window,
      timeoutMs: timeout * 1000,
      scan: common,
      ...(flags.now !== undefined ? { now: flags.now } : {}),
    });
    return report;
  } finally {
    client.destroy();
  }
}

/** The account's enabled regions (account:ListRegions). */
async function enabledRegions(region: string): Promise<string[]> {
  const { AccountClient, ListRegionsCommand } = await import('@aws-sdk/client-account');
  const client = new AccountClient({ region });
  const regions: string[] = [];
  let token: string | undefined;
  try {
    do {
      const page = await client.send(
        new ListRegionsCommand({
          RegionOptStatusContains: ['ENABLED', 'ENABLED_BY_DEFAULT'],
          MaxResults: 50,
          ...(token ? { NextToken: token } : {}),
        }),
      );
      for (const r of page.Regions ?? []) if (r.RegionName) regions.push(r.RegionName);
      token = page.NextToken;
    } while (token);
  } catch (error) {
    throw new InputError(`cannot list the account's enabled regions: ${(error as Error).message}`, {
      hint: 'grant account:ListRegions, or name the regions: --source lookup:eu-west-1,us-east-1',
    });
  }
  return regions;
}
