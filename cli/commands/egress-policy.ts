/** Subcommands of `telltale egress`: see README "CLI". Flags are parsed here; behaviour lives in shared/egress/. */
import { Option, type Command } from 'commander';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../../shared/util/errors.ts';
import { ExitCode } from '../../shared/util/exit-codes.ts';
import { parseDuration } from '../../shared/util/duration.ts';
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
      const { loadManifest, parseManifest } = await import('../../shared/egress/manifest/manifest.ts');
      const { diffEgress } = await import('../../shared/egress/diff/diff.ts');
      const { loadReports } = await import('../../shared/egress/diff/reports.ts');
      const { renderDiffMarkdown } = await import('../../shared/egress/diff/render.ts');
      // --update starts a manifest from what a run observed when there is none yet.
      const manifest =
        flags.update && !existsSync(flags.manifest)
          ? parseManifest(
              "# Endpoints this repository's jobs may reach: see docs/egress-policy.md\nversion: 1\nallow: []\n",
              flags.manifest,
            )
          : await loadManifest(flags.manifest);
      const diff = diffEgress(manifest, await loadReports(reports));
      if (flags.update) {
        const { proposeEntries, updateManifest } = await import('../../shared/egress/manifest/update.ts');
        const proposals = proposeEntries(diff.new);
        if (proposals.length) {
          const text = updateManifest(
            manifest,
            proposals,
            'added by `telltale egress diff --update`: review before committing',
          );
          await writeFile(flags.manifest, text);
        }
        io.stderr(
          `telltale: ${proposals.length ? `added ${diff.new.length} endpoint(s) to ${flags.manifest}` : 'nothing new to add'}\n`,
        );
      }
      if (flags.format === 'json') io.stdout(`${JSON.stringify(diff, null, 2)}\n`);
      else
        io.stdout(
          renderDiffMarkdown(diff, { policy: flags.failOn === 'new' ? 'enforce' : 'audit', manifest: flags.manifest }),
        );
      if (!flags.update && flags.failOn === 'new' && diff.new.length) throw new ExitWith(ExitCode.policy);
    });

  egress
    .command('preflight')
    .description('check that every endpoint in the manifest answers from here: DNS, TCP, TLS, HTTP')
    .option('--manifest <file>', 'the egress manifest', DEFAULT_MANIFEST)
    .option('--timeout <duration>', 'time allowed per endpoint (all run in parallel)', '3s')
    .option('--concurrency <n>', 'endpoints checked at once', '16')
    .addOption(new Option('--format <format>', 'output format').choices(['markdown', 'json']).default('markdown'))
    .action(async (flags: PreflightFlags) => {
      const timeoutMs = parseDuration(flags.timeout, { what: '--timeout' });
      const concurrency = Number(flags.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1) {
        throw new InputError(`--concurrency: '${flags.concurrency}' is not a positive whole number`);
      }
      const { loadManifest } = await import('../../shared/egress/manifest/manifest.ts');
      const { runPreflight } = await import('../../shared/egress/preflight/preflight.ts');
      const { renderPreflightMarkdown } = await import('../../shared/egress/preflight/render.ts');
      const report = await runPreflight(await loadManifest(flags.manifest), { timeoutMs, concurrency });
      io.stdout(flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderPreflightMarkdown(report));
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
      const { loadManifest } = await import('../../shared/egress/manifest/manifest.ts');
      const { diffEgress } = await import('../../shared/egress/diff/diff.ts');
      const { loadReport } = await import('../../shared/egress/diff/reports.ts');
      const { renderDiffMarkdown } = await import('../../shared/egress/diff/render.ts');
      const diff = diffEgress(await loadManifest(manifestFile), [await loadReport(reportFile)]);
      io.stdout(renderDiffMarkdown(diff, { policy: 'audit', manifest: '.github/egress.yml' }));
    },
  },
];
