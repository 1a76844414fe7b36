/** `telltale cloudtrail …`: see README "CLI". Flags are parsed here; all behaviour lives in shared/. */
import { Option, type Command } from 'commander';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CloudTrailReport } from '../../shared/cloudtrail/model/report.ts';
import type { NightState } from '../../shared/cloudtrail/state.ts';
import { InputError } from '../../shared/util/errors.ts';
import { ExitCode } from '../../shared/util/exit-codes.ts';
import { ExitWith, info, progressFor, type CliIO } from '../io.ts';
import type { DemoSection } from './demo.ts';
import { examples } from '../help.ts';

interface ScanFlags {
  source?: string;
  engine: string;
  athenaWorkgroup?: string;
  athenaDatabase?: string;
  athenaTable?: string;
  athenaOutput?: string;
  athenaTimeout: string;
  since: string;
  until?: string;
  rules?: string[];
  builtinRules: boolean;
  format: string;
  output?: string;
  failOn: string;
  concurrency: string;
  pipelinePrincipal?: string[];
  suppressions?: string;
  state?: string;
}

/** Where the suppression file is looked for unless --suppressions says (shared/cloudtrail/run.ts DEFAULT_SUPPRESSIONS). */
const DEFAULT_SUPPRESSIONS = '.github/cloudtrail-suppressions.yml';

export function registerCloudtrail(program: Command, io: CliIO): void {
  const cloudtrail = program
    .command('cloudtrail')
    .description('report risky changes in AWS CloudTrail: who did what, when, from where, how bad')
    .addHelpText(
      'after',
      examples([['telltale cloudtrail scan --source samples/cloudtrail --since all', 'the bundled sample']]),
    );
  cloudtrail
    .command('scan')
    .description('scan CloudTrail logs (folder, file, S3 bucket or the LookupEvents API) with the rule pack')
    .addHelpText(
      'after',
      examples([
        [
          'telltale cloudtrail scan --source samples/cloudtrail --since all',
          'the bundled sample (its events are from May 2026)',
        ],
        [
          'telltale cloudtrail scan --source s3://my-trail/AWSLogs/ --since 7d --fail-on high',
          'a week of an S3 trail, for CI',
        ],
        [
          'telltale cloudtrail scan --source lookup:eu-west-1 --since 24h --until 2026-05-05',
          'the 24 hours before a time',
        ],
        ['telltale cloudtrail scan --source logs/ --format html,json --output report/', 'the dashboard and the JSON'],
      ]),
    )
    .option(
      '--source <source>',
      'a log folder or file, s3://bucket/prefix, or lookup[:REGION,…] (LookupEvents; us-east-1 is always added); not with --engine athena',
    )
    .addOption(
      new Option('--engine <engine>', 'stream: read every record here; athena: let Athena narrow them first')
        .choices(['stream', 'athena'])
        .default('stream'),
    )
    .option('--athena-workgroup <name>', 'Athena workgroup (with --engine athena)')
    .option('--athena-database <name>', 'Glue database of the CloudTrail table')
    .option('--athena-table <name>', 'the CloudTrail table (see `telltale cloudtrail athena-ddl`)')
    .option('--athena-output <s3url>', "s3:// location for query results; default the workgroup's")
    .option('--athena-timeout <seconds>', 'stop a query that runs longer', '600')
    .option('--since <when>', 'start of the window: a duration back from now (24h, 7d), an ISO time, or all', '24h')
    .option('--until <iso>', 'end of the window (exclusive), an ISO time; default now')
    .option('--rules <dir...>', 'folders or files of extra Sigma rules (product: aws, service: cloudtrail)')
    .option('--no-builtin-rules', 'run only the --rules given')
    .option(
      '--format <formats>',
      'json, markdown, html or ocsf (OCSF Detection Findings); several comma-separated with --output DIR, or each with its file (html:dash.html)',
      'markdown',
    )
    .option(
      '--output <path>',
      'write the report to this file (one format) or into this folder (several) instead of standard output',
    )
    .option(
      '--state <file>',
      "the last run's state (read if it exists, then rewritten): its watermark brings in S3 log files delivered late, its rows mark what is new",
    )
    .option(
      '--suppressions <file>',
      `reviewed suppressions (rule, principal/resource patterns, reason, owner, expires); default ${DEFAULT_SUPPRESSIONS} when it exists`,
    )
    .option(
      '--pipeline-principal <arn...>',
      "the IAM role/user ARN(s) your pipeline runs as (* matches any characters): only their changes, or CloudFormation's (userIdentity.invokedBy), are one level lower; a User-Agent never is",
    )
    .addOption(
      new Option('--fail-on <level>', 'exit 1 when a finding is at or above this level')
        .choices(['informational', 'low', 'medium', 'high', 'critical', 'never'])
        .default('never'),
    )
    .option('--concurrency <n>', 'files read or downloaded at once', '8')
    .action(async (flags: ScanFlags) => {
      const { parseFormats, REPORT_FORMATS } = await import('../../shared/cloudtrail/render/formats.ts');
      const { decodeState, stateOf } = await import('../../shared/cloudtrail/state.ts');
      const formats = parseFormats(flags.format);
      const several = formats.length > 1;
      if (several && !flags.output && formats.some((f) => !f.path)) {
        throw new InputError('several formats need --output DIR (or a file per format: html:dash.html)', {
          location: { field: '--format' },
        });
      }
      let previous: NightState | undefined;
      if (flags.state) {
        const file = flags.state;
        const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return undefined;
          throw new InputError(`cannot read the state: ${error.message}`, { location: { file } });
        });
        if (text !== undefined) {
          previous = decodeState(text);
          if (!previous) throw new InputError('not a telltale CloudTrail state file', { location: { file } });
        }
      }
      const report = await runScan(flags, previous, io);
      for (const f of formats) {
        const text = REPORT_FORMATS[f.format].render(report);
        const target = f.path ?? (several ? path.join(flags.output!, REPORT_FORMATS[f.format].file) : flags.output);
        if (!target) {
          io.stdout(text);
          continue;
        }
        if (several && !f.path) await mkdir(flags.output!, { recursive: true });
        await writeFile(target, text).catch((error: Error) => {
          throw new InputError(`cannot write the report: ${error.message}`, { location: { file: target } });
        });
      }
      if (flags.state) await writeFile(flags.state, `${JSON.stringify(stateOf(report), null, 2)}\n`);
      const { stats } = report;
      info(
        io,
        `${stats.events} events, ${stats.files} file(s), ${stats.findings} finding(s)${
          stats.malformed ? `, ${stats.malformed} unreadable file(s)` : ''
        }${flags.output ? ` → ${flags.output}` : ''}`,
      );
      const empty = emptyWindowHint(report, flags);
      if (empty) info(io, empty);
      for (const m of report.malformedFiles.slice(0, 10)) io.stderr(`telltale: warning: ${m.file}: ${m.reason}\n`);
      for (const p of report.rules.problems.slice(0, 10)) {
        io.stderr(`telltale: warning: rule not loaded: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}\n`);
      }
      const { findingsAtOrAbove } = await import('../../shared/cloudtrail/model/report.ts');
      const { parseLevel } = await import('../../shared/cloudtrail/threat.ts');
      if (flags.failOn !== 'never' && findingsAtOrAbove(report, parseLevel(flags.failOn)!).length) {
        throw new ExitWith(ExitCode.policy);
      }
    });
  cloudtrail
    .command('athena-ddl')
    .description('print the CREATE TABLE for the trail on Athena, with partition projection on account, region, day')
    .addHelpText(
      'after',
      examples([
        [
          'telltale cloudtrail athena-ddl --bucket s3://org-trail --accounts 111122223333 > cloudtrail.sql',
          'the table DDL',
        ],
      ]),
    )
    .requiredOption('--bucket <s3url>', 's3://bucket[/prefix]: the folder that holds AWSLogs/')
    .requiredOption('--accounts <ids>', 'the accounts the trail logs, comma-separated 12-digit IDs')
    .option('--org <id>', "the organization trail's organization ID (o-…)")
    .option('--regions <names>', 'regions to project, comma-separated; default the regions AWS enables by default')
    .option('--table <name>', 'database.table', 'default.cloudtrail_logs')
    .option('--projection-start <day>', 'first day of the projection, yyyy/MM/dd', '2024/01/01')
    .action(
      async (flags: {
        bucket: string;
        accounts: string;
        org?: string;
        regions?: string;
        table: string;
        projectionStart: string;
      }) => {
        const { cloudTrailDdl, DEFAULT_REGIONS } = await import('../../shared/cloudtrail/athena/table.ts');
        const list = (s: string) =>
          s
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean);
        io.stdout(
          cloudTrailDdl({
            table: flags.table,
            bucket: flags.bucket,
            ...(flags.org ? { org: flags.org } : {}),
            accounts: list(flags.accounts),
            regions: flags.regions ? list(flags.regions) : DEFAULT_REGIONS,
            since: flags.projectionStart,
          }),
        );
      },
    );
}

/**
 * The first thing a newcomer runs (the bundled sample, default --since 24h) finds nothing: say what
 * the logs hold instead, and how to widen the window.
 */
export function emptyWindowHint(
  report: CloudTrailReport,
  flags: { since: string; until?: string },
): string | undefined {
  const { stats, window } = report;
  if (stats.events > 0 || !stats.outside) return undefined;
  const minute = (iso: string | null, open: string) => (iso ? `${iso.slice(0, 16).replace('T', ' ')}Z` : open);
  const asked = `${minute(window.since, 'the beginning')} to ${minute(window.until, 'now')}`;
  const seen = `${minute(stats.outside.first, '')} and ${minute(stats.outside.last, '')}`;
  const flagsText = `--since ${flags.since}${flags.until ? ` --until ${flags.until}` : ''}`;
  return (
    `no events in the window (${flagsText}: ${asked}); the logs found lie between ${seen} ` +
    `(by their events, or by their file and folder names)\n` +
    `  hint: --since all scans everything, or --since ${stats.outside.first.slice(0, 10)} for that period on`
  );
}

async function runScan(flags: ScanFlags, previous: NightState | undefined, io: CliIO): Promise<CloudTrailReport> {
  const { runCloudTrailScan } = await import('../../shared/cloudtrail/run.ts');
  const bar = progressFor(io);
  try {
    return await runCloudTrailScan({
      ...(previous ? { previous } : {}),
      ...(flags.source ? { source: flags.source } : {}),
      engine: flags.engine,
      athena: {
        ...(flags.athenaWorkgroup ? { workgroup: flags.athenaWorkgroup } : {}),
        ...(flags.athenaDatabase ? { database: flags.athenaDatabase } : {}),
        ...(flags.athenaTable ? { table: flags.athenaTable } : {}),
        ...(flags.athenaOutput ? { output: flags.athenaOutput } : {}),
        timeout: flags.athenaTimeout,
      },
      since: flags.since,
      ...(flags.until ? { until: flags.until } : {}),
      rules: flags.rules ?? [],
      builtinRules: flags.builtinRules,
      concurrency: flags.concurrency,
      pipelinePrincipals: flags.pipelinePrincipal ?? [],
      // The repository's reviewed list applies when it exists; a file named by the flag must exist.
      suppressions: flags.suppressions ?? DEFAULT_SUPPRESSIONS,
      suppressionsRequired: flags.suppressions !== undefined,
      progress: (s) => bar.update(`cloudtrail: ${s.files} file(s) read, ${s.events} events…`),
    });
  } finally {
    bar.done();
  }
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
      const { runCloudTrailScan } = await import('../../shared/cloudtrail/run.ts');
      const { renderCloudTrailMarkdown } = await import('../../shared/cloudtrail/render/markdown.ts');
      const report = await runCloudTrailScan({ source: dir, since: 'all' });
      io.stdout(renderCloudTrailMarkdown(report, { maxFindings: 40 }));
    },
  },
];
