/** Subcommands of `telltale egress`: see README "CLI". Flags are parsed here; behaviour lives in shared/egress/. */
import { Option, type Command } from 'commander';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ExitCode } from '../../shared/util/exit-codes.ts';
import { ExitWith, type CliIO } from '../io.ts';
import type { DemoSection } from './demo.ts';

/** Where the manifest lives unless told otherwise (the actions' `manifest` input defaults to it too). */
const DEFAULT_MANIFEST = '.github/egress.yml';

interface DiffFlags {
  manifest: string;
  format: 'json' | 'markdown';
  failOn: 'new' | 'never';
  update?: boolean;
}

interface PreflightFlags {
  manifest: string;
  format: 'json' | 'markdown';
  timeout: string;
  concurrency: string;
}

export function registerEgressPolicy(egress: Command, io: CliIO): void {
  egress
    .command('diff')
    .description('compare egress reports (several are merged, e.g. matrix jobs) with the manifest')
    .argument('<report...>', 'report JSON files written by the egress action or `telltale egress analyze`')
    .option('--manifest <file>', 'the egress manifest', DEFAULT_MANIFEST)
    .addOption(new Option('--format <format>', 'output format').choices(['markdown', 'json']).default('markdown'))
    .addOption(
      new Option('--fail-on <when>', 'exit 1 when there are new endpoints (new) or never')
        .choices(['new', 'never'])
        .default('new'),
    )
    .option('--update', 'add the new endpoints to the manifest, keeping its comments and order')
    .action(async (reports: string[], flags: DiffFlags) => {
      const { diffEgressRun } = await import('../../shared/egress/run.ts');
      const { verdict, updated } = await diffEgressRun({
        reportFiles: reports,
        manifest: flags.manifest,
        policy: flags.failOn === 'new' ? 'enforce' : 'audit',
        // --update starts a manifest from what a run observed when there is none yet.
        ...(flags.update
          ? { update: { note: 'added by `telltale egress diff --update`: review before committing' } }
          : {}),
      });
      if (updated) {
        io.stderr(
          `telltale: ${updated.added ? `added ${updated.added} endpoint(s) to ${updated.file}` : 'nothing new to add'}\n`,
        );
      }
      io.stdout(flags.format === 'json' ? `${JSON.stringify(verdict.diff, null, 2)}\n` : verdict.body);
      if (!updated && verdict.failed) throw new ExitWith(ExitCode.policy);
    });

  egress
    .command('preflight')
    .description('check that every endpoint in the manifest answers from here: DNS, TCP, TLS, HTTP')
    .option('--manifest <file>', 'the egress manifest', DEFAULT_MANIFEST)
    .option('--timeout <duration>', 'time allowed per endpoint (all run in parallel)', '3s')
    .option('--concurrency <n>', 'endpoints checked at once', '16')
    .addOption(new Option('--format <format>', 'output format').choices(['markdown', 'json']).default('markdown'))
    .action(async (flags: PreflightFlags) => {
      const { preflightEgress, renderPreflightReport } = await import('../../shared/egress/run.ts');
      const { report } = await preflightEgress({
        manifest: flags.manifest,
        timeout: flags.timeout,
        concurrency: flags.concurrency,
        name: (setting) => `--${setting}`,
      });
      io.stdout(renderPreflightReport(report, flags.format));
      if (!report.ok) throw new ExitWith(ExitCode.policy);
    });
}

/** The demo: the capture sample's report against the sample manifest, as the PR comment shows it. */
export const egressPolicyDemo: DemoSection[] = [
  {
    title: 'egress diff: the PR comment for samples/egress/ci-job.report.json',
    run: async (samples, io) => {
      const manifestFile = path.join(samples, 'egress', 'manifest.yml');
      const reportFile = path.join(samples, 'egress', 'ci-job.report.json');
      if (!existsSync(reportFile)) {
        io.stdout(`(no ${path.relative(samples, reportFile)} in this build's samples)\n`);
        return;
      }
      const { diffEgressRun } = await import('../../shared/egress/run.ts');
      const { verdict } = await diffEgressRun({
        reportFiles: [reportFile],
        manifest: manifestFile,
        manifestLabel: '.github/egress.yml',
        policy: 'audit',
      });
      io.stdout(verdict.body);
    },
  },
];
