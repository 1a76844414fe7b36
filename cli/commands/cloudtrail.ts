/** `telltale cloudtrail …`: see README "CLI". Flags are parsed here; all behaviour lives in shared/. */
import { Option, type Command } from 'commander';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { findingsAtOrAbove, type CloudTrailReport } from '../../shared/cloudtrail/report/model.ts';
import { renderCloudTrailHtml } from '../../shared/cloudtrail/report/html.ts';
import { renderCloudTrailJson } from '../../shared/cloudtrail/report/json.ts';
import { renderCloudTrailMarkdown } from '../../shared/cloudtrail/report/markdown.ts';
import { loadRuleSet } from '../../shared/cloudtrail/rules/ruleset.ts';
import { scanCloudTrail } from '../../shared/cloudtrail/scan.ts';
import { readLocal } from '../../shared/cloudtrail/sources/local.ts';
import { parseLevel } from '../../shared/cloudtrail/threat.ts';
import { parseWindow } from '../../shared/cloudtrail/window.ts';
import { InputError } from '../../shared/util/errors.ts';
import { ExitCode } from '../../shared/util/exit-codes.ts';
import { ExitWith, type CliIO } from '../io.ts';
import type { DemoSection } from './demo.ts';

interface ScanFlags {
  source: string;
  since: string;
  until?: string;
  rules?: string[];
  builtinRules: boolean;
  format: 'json' | 'markdown' | 'html';
  output?: string;
  failOn: string;
  concurrency: string;
}

export function registerCloudtrail(program: Command, io: CliIO): void {
  const cloudtrail = program
    .command('cloudtrail')
    .description('report risky changes in AWS CloudTrail: who did what, when, from where, how bad');
  cloudtrail
    .command('scan')
    .description('scan CloudTrail logs (folder, file, S3 bucket or the LookupEvents API) with the rule pack')
    .requiredOption(
      '--source <source>',
      'a log folder or file, s3://bucket/prefix, or lookup[:REGION,…] (LookupEvents; us-east-1 is always added)',
    )
    .option('--since <when>', 'start of the window: a duration back from now (24h, 7d), an ISO time, or all', '24h')
    .option('--until <iso>', 'end of the window (exclusive), an ISO time; default now')
    .option('--rules <dir...>', 'folders or files of extra Sigma rules (product: aws, service: cloudtrail)')
    .option('--no-builtin-rules', 'run only the --rules given')
    .addOption(
      new Option('--format <format>', 'output format').choices(['json', 'markdown', 'html']).default('markdown'),
    )
    .option('--output <file>', 'write the report here instead of standard output')
    .addOption(
      new Option('--fail-on <level>', 'exit 1 when a finding is at or above this level')
        .choices(['informational', 'low', 'medium', 'high', 'critical', 'never'])
        .default('never'),
    )
    .option('--concurrency <n>', 'files read or downloaded at once', '8')
    .action(async (flags: ScanFlags) => {
      const report = await runScan(flags);
      const text =
        flags.format === 'json'
          ? renderCloudTrailJson(report)
          : flags.format === 'html'
            ? renderCloudTrailHtml(report)
            : renderCloudTrailMarkdown(report);
      if (flags.output) {
        await writeFile(flags.output, text).catch((error: Error) => {
          throw new InputError(`cannot write the report: ${error.message}`, { location: { file: flags.output! } });
        });
      } else {
        io.stdout(text);
      }
      const { stats } = report;
      io.stderr(
        `telltale: ${stats.events} events, ${stats.files} file(s), ${stats.findings} finding(s)${
          stats.malformed ? `, ${stats.malformed} unreadable file(s)` : ''
        }${flags.output ? ` → ${flags.output}` : ''}\n`,
      );
      for (const m of report.malformedFiles.slice(0, 10)) io.stderr(`telltale: warning: ${m.file}: ${m.reason}\n`);
      for (const p of report.rules.problems.slice(0, 10)) {
        io.stderr(`telltale: warning: rule not loaded: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}\n`);
      }
      if (flags.failOn !== 'never' && findingsAtOrAbove(report, parseLevel(flags.failOn)!).length) {
        throw new ExitWith(ExitCode.policy);
      }
    });
}

async function runScan(flags: ScanFlags): Promise<CloudTrailReport> {
  const window = parseWindow(flags.since, flags.until);
  const concurrency = Number(flags.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new InputError(`--concurrency: '${flags.concurrency}' is not a positive whole number`);
  }
  const rules = await loadRuleSet({ builtin: flags.builtinRules, dirs: flags.rules ?? [] });
  if (!rules.all.length)
    throw new InputError('no rules to run', { hint: 'drop --no-builtin-rules or pass --rules DIR' });
  const source = flags.source;
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  // The AWS SDK is loaded only for the sources that call AWS: a local scan starts faster without it.
  if (source.startsWith('s3://')) {
    const { S3Client } = await import('@aws-sdk/client-s3');
    const { readS3 } = await import('../../shared/cloudtrail/sources/s3.ts');
    const client = new S3Client({ region, followRegionRedirects: true });
    return scanCloudTrail((sink) => readS3(source, sink, { client, window, concurrency }), {
      window,
      rules,
      deliveries: true,
    });
  }
  if (/^lookup(:|$)/.test(source)) {
    const { CloudTrailClient } = await import('@aws-sdk/client-cloudtrail');
    const { parseLookupSource, readLookup } = await import('../../shared/cloudtrail/sources/lookup.ts');
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
      { window, rules, deliveries: false },
    );
  }
  return scanCloudTrail((sink) => readLocal(source, sink, { window, concurrency }), {
    window,
    rules,
    deliveries: true,
  });
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

/** The demo: the bundled AWSLogs tree, with the nightly report a team would read. */
export const cloudtrailDemo: DemoSection[] = [
  {
    title: 'cloudtrail scan: samples/cloudtrail/AWSLogs (the deleted default route, and friends)',
    run: async (samples, io) => {
      const dir = path.join(samples, 'cloudtrail');
      if (!existsSync(dir)) {
        io.stdout(`(no ${path.relative(samples, dir)} in this build's samples)\n`);
        return;
      }
      const window = parseWindow('all', undefined);
      const rules = await loadRuleSet();
      const report = await scanCloudTrail((sink) => readLocal(dir, sink, { window }), {
        window,
        rules,
        deliveries: true,
      });
      io.stdout(renderCloudTrailMarkdown(report, { maxFindings: 40 }));
    },
  },
];
