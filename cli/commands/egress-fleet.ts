/** `telltale egress publish | athena-ddl | fleet`: the fleet's egress (shared/egress/fleet/). */
import { Option, type Command } from 'commander';
import { InputError } from '../../shared/util/errors.ts';
import { examples } from '../help.ts';
import type { CliIO } from '../io.ts';

interface FleetFlags {
  reach?: string;
  new?: boolean;
  grown?: boolean;
  top?: string;
  since: string;
  history: string;
  engine: 'stream' | 'athena';
  folder?: string;
  athenaWorkgroup?: string;
  athenaDatabase?: string;
  athenaTable?: string;
  athenaOutput?: string;
  athenaTimeout: string;
  format: 'markdown' | 'json';
}

export function registerEgressFleet(egress: Command, io: CliIO): void {
  egress
    .command('publish')
    .description('publish egress reports as NDJSON rows (one per endpoint) under repository=…/date=…/')
    .addHelpText(
      'after',
      examples([
        [
          'telltale egress publish egress-report.json --to s3://org-egress/reports',
          'from a job, beside the PR comment',
        ],
        ['telltale egress publish reports/*.json --to ./fleet --repository acme/api', 'into a local folder'],
      ]),
    )
    .argument('<report...>', 'egress report JSON files (globs allowed)')
    .requiredOption('--to <where>', 's3://bucket/prefix, or a local folder')
    .option('--repository <owner/name>', 'default $GITHUB_REPOSITORY')
    .option('--workflow <name>', 'default $GITHUB_WORKFLOW')
    .option('--run <id>', 'default $GITHUB_RUN_ID')
    .option('--job <name>', "default the report's job")
    .action(
      async (
        files: string[],
        flags: { to: string; repository?: string; workflow?: string; run?: string; job?: string },
      ) => {
        const { publishReports } = await import('../../shared/egress/fleet/publish.ts');
        const repository = flags.repository ?? process.env.GITHUB_REPOSITORY ?? '';
        const put = flags.to.startsWith('s3://') ? await s3Put() : undefined;
        const { written, rows } = await publishReports({
          reports: files,
          to: flags.to,
          who: {
            repository,
            workflow: flags.workflow ?? process.env.GITHUB_WORKFLOW ?? '',
            run: flags.run ?? process.env.GITHUB_RUN_ID ?? '',
            ...(flags.job ? { job: flags.job } : {}),
          },
          ...(put ? { put } : {}),
        });
        io.stderr(`telltale: ${rows} row(s) in ${written.length} object(s)\n`);
        for (const w of written) io.stdout(`${w}\n`);
      },
    );

  egress
    .command('athena-ddl')
    .description('print the CREATE TABLE for the published rows on Athena')
    .addHelpText(
      'after',
      examples([['telltale egress athena-ddl --location s3://org-egress/reports/', 'the table over published rows']]),
    )
    .requiredOption('--location <s3url>', 'the s3://bucket/prefix given to publish --to')
    .option('--table <name>', 'database.table', 'default.telltale_egress')
    .action(async (flags: { location: string; table: string }) => {
      const { egressDdl } = await import('../../shared/egress/fleet/rows.ts');
      io.stdout(egressDdl(flags.table, flags.location));
    });

  egress
    .command('fleet')
    .description('ask the fleet: who reaches a host or CIDR, what is new, whose egress grew, the top endpoints')
    .addHelpText(
      'after',
      examples([
        ['telltale egress fleet --folder ./fleet --reach registry.npmjs.org', 'which repositories reach a host'],
        ['telltale egress fleet --folder ./fleet --new', 'endpoints first seen this week across the org'],
      ]),
    )
    .option('--reach <host|cidr>', 'repositories that reached this host (*.suffix allowed) or CIDR')
    .option('--new', 'endpoints first seen since --since across the org')
    .option('--grown', 'repositories with more distinct endpoints since --since than in as long before')
    .option('--top <n>', 'the endpoints used by the most repositories')
    .option('--since <when>', 'a duration back from now, or an ISO time', '7d')
    .option('--history <when>', 'how far back --new looks for an earlier sighting', '90d')
    .addOption(
      new Option('--engine <engine>', 'where the rows are read').choices(['stream', 'athena']).default('stream'),
    )
    .option('--folder <dir>', 'the local folder publish --to wrote (stream engine)')
    .option('--athena-workgroup <name>', 'Athena workgroup')
    .option('--athena-database <name>', 'Glue database')
    .option('--athena-table <name>', 'the table from `telltale egress athena-ddl`')
    .option('--athena-output <s3url>', "s3:// location for results; default the workgroup's")
    .option('--athena-timeout <seconds>', 'stop a query that runs longer', '600')
    .addOption(new Option('--format <format>', 'output format').choices(['markdown', 'json']).default('markdown'))
    .action(async (flags: FleetFlags) => {
      const { parseWindow } = await import('../../shared/cloudtrail/window.ts');
      const now = Date.now();
      const since = parseWindow(flags.since, undefined, now).start!;
      const history = parseWindow(flags.history, undefined, now).start!;
      const asked = [flags.reach !== undefined, !!flags.new, !!flags.grown, flags.top !== undefined].filter(Boolean);
      if (asked.length !== 1) throw new InputError('ask one question: --reach, --new, --grown or --top');
      const top = Number(flags.top ?? '10');
      if (!Number.isInteger(top) || top < 1)
        throw new InputError(`--top: '${flags.top}' is not a positive whole number`);
      const question =
        flags.reach !== undefined
          ? { kind: 'reach' as const, target: flags.reach }
          : flags.new
            ? { kind: 'new' as const, since }
            : flags.grown
              ? { kind: 'grown' as const, since, now }
              : { kind: 'top' as const, limit: top };
      const { fleetFromFolder, fleetOnAthena, questionDays } = await import('../../shared/egress/fleet/fleet.ts');
      const { targetMatcher, renderAnswer } = await import('../../shared/egress/fleet/questions.ts');
      if (question.kind === 'reach') targetMatcher(question.target);
      const days = questionDays(question, since, history, now);
      let rows;
      if (flags.engine === 'athena') {
        const need = (v: string | undefined, n: string) => {
          if (!v) throw new InputError(`--engine athena needs --athena-${n}`);
          return v;
        };
        const { qualifiedTable } = await import('../../shared/cloudtrail/athena/table.ts');
        const table = qualifiedTable(need(flags.athenaDatabase, 'database'), need(flags.athenaTable, 'table'));
        const { AthenaClient } = await import('@aws-sdk/client-athena');
        const client = new AthenaClient({
          region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
          retryMode: 'adaptive',
          maxAttempts: 8,
        });
        try {
          rows = (
            await fleetOnAthena(question, days, {
              client,
              target: {
                workgroup: need(flags.athenaWorkgroup, 'workgroup'),
                database: need(flags.athenaDatabase, 'database'),
                ...(flags.athenaOutput ? { output: flags.athenaOutput } : {}),
              },
              table,
              timeoutMs: Number(flags.athenaTimeout) * 1000,
            })
          ).answer;
        } finally {
          client.destroy();
        }
      } else {
        rows = await fleetFromFolder(
          flags.folder ??
            (() => {
              throw new InputError('the stream engine needs --folder DIR');
            })(),
          question,
          days,
        );
      }
      if (flags.format === 'json') io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      else {
        const { escapeMarkdown } = await import('../../shared/report/escape.ts');
        io.stdout(renderAnswer(rows, escapeMarkdown));
      }
    });
}

/** PutObject with the AWS SDK, loaded only for s3:// destinations. */
async function s3Put(): Promise<(bucket: string, key: string, body: string) => Promise<void>> {
  const { S3Client, PutObjectCommand } = await import('@aws-sdk/client-s3');
  const client = new S3Client({
    region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
    followRegionRedirects: true,
  });
  return async (bucket, key, body) => {
    await client.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'application/x-ndjson' }),
    );
  };
}
