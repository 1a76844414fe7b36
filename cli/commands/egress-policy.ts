/** Subcommands of `telltale egress`: see README "CLI". Flags are parsed here; behaviour lives in shared/egress/. */
import { Option, type Command } from 'commander';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ExitCode } from '../../shared/util/exit-codes.ts';
import { colors, ExitWith, info, type CliIO } from '../io.ts';
import { deliverOutputs, planOutputs, type FormatSet } from '../output.ts';
import type { DemoSection } from './demo.ts';
import { examples } from '../help.ts';

/** Where the manifest lives unless told otherwise (the actions' `manifest` input defaults to it too). */
const DEFAULT_MANIFEST = '.github/egress.yml';

type PolicyFormat = 'table' | 'markdown' | 'json';

/** `--format table|markdown|json` (comma-separated for several) and `--output FILE|DIR`: see cli/output.ts. */
const policyFormats = (basename: string): FormatSet<PolicyFormat> => ({
  formats: ['table', 'markdown', 'json'],
  aliases: { md: 'markdown', text: 'table' },
  extension: { table: 'txt', markdown: 'md', json: 'json' },
  basename,
});

/**
 * Read by eye on a terminal: a table. Anywhere else (a pipe, a CI log, a file) Markdown, as before,
 * so scripts that paste the output into a comment keep working.
 */
const defaultFormat = (io: CliIO, output: string | undefined): PolicyFormat =>
  io.isTTY && output === undefined ? 'table' : 'markdown';

const FORMAT_HELP =
  'table, markdown or json, comma-separated for several (default: table on a terminal, else markdown)';

interface DiffFlags {
  manifest: string;
  format?: string;
  output?: string;
  failOn: 'new' | 'never';
  update?: boolean;
}

interface PreflightFlags {
  manifest: string;
  format?: string;
  output?: string;
  timeout: string;
  concurrency: string;
}

export function registerEgressPolicy(egress: Command, io: CliIO): void {
  egress
    .command('diff')
    .description('compare egress reports (several are merged, e.g. matrix jobs) with the manifest')
    .addHelpText(
      'after',
      examples([
        [
          'telltale egress diff egress-report.json',
          'judge one capture against .github/egress.yml (a table on a terminal)',
        ],
        [
          'telltale egress diff reports/ --update',
          'start or extend the manifest from what was observed, then show the new verdict',
        ],
        [
          'telltale egress diff linux.json mac.json --format markdown,json --output out/',
          'the PR comment body and the JSON diff, as files',
        ],
      ]),
    )
    .argument('<report...>', 'report JSON files written by the egress action or `telltale egress analyze`')
    .option('--manifest <file>', 'the egress manifest', DEFAULT_MANIFEST)
    .option('--format <list>', FORMAT_HELP)
    .option('--output <file|dir>', 'write the report(s) here instead of standard output')
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
        info(io, updated.added ? `added ${updated.added} endpoint(s) to ${updated.file}` : 'nothing new to add');
        if (updated.leftOut.length) {
          // A warning, not info: --quiet must not hide that something was deliberately not allowed.
          io.stderr(
            `telltale: warning: not added, every connection to them failed: ${updated.leftOut
              .map((e) => `${e.host}:${e.port}${e.transport === 'udp' ? '/udp' : ''}`)
              .join(', ')}\n` +
              `  to allow them on purpose, add under allow: in ${updated.file}:\n${updated.leftOutSnippet}\n`,
          );
        }
      }
      // After --update the verdict shown is the one against the manifest as now written.
      const shown = updated ? updated.verdict : verdict;
      const targets = planOutputs(
        flags.format ?? defaultFormat(io, flags.output),
        flags.output,
        policyFormats('egress-diff'),
      );
      const { renderDiffTable } = await import('../../shared/egress/render/terminal.ts');
      await deliverOutputs(io, targets, (format) =>
        format === 'json'
          ? `${JSON.stringify(shown.diff, null, 2)}\n`
          : format === 'table'
            ? renderDiffTable(shown, colors(io))
            : shown.body,
      );
      if (shown.failed) throw new ExitWith(ExitCode.policy);
    });

  egress
    .command('preflight')
    .description('check that every endpoint in the manifest answers from here: DNS, TCP, TLS, HTTP')
    .addHelpText(
      'after',
      examples([
        ['telltale egress preflight', 'check .github/egress.yml from this machine'],
        ['telltale egress preflight --manifest egress.yml --timeout 5s --format json', 'slower networks, for a script'],
      ]),
    )
    .option('--manifest <file>', 'the egress manifest', DEFAULT_MANIFEST)
    .option('--timeout <duration>', 'time allowed per endpoint (all run in parallel)', '3s')
    .option('--concurrency <n>', 'endpoints checked at once', '16')
    .option('--format <list>', FORMAT_HELP)
    .option('--output <file|dir>', 'write the report(s) here instead of standard output')
    .action(async (flags: PreflightFlags) => {
      const { preflightEgress, renderPreflightReport } = await import('../../shared/egress/run.ts');
      const { report } = await preflightEgress({
        manifest: flags.manifest,
        timeout: flags.timeout,
        concurrency: flags.concurrency,
        name: (setting) => `--${setting}`,
      });
      const targets = planOutputs(
        flags.format ?? defaultFormat(io, flags.output),
        flags.output,
        policyFormats('egress-preflight'),
      );
      const { renderPreflightTable } = await import('../../shared/egress/render/terminal.ts');
      await deliverOutputs(io, targets, (format) =>
        format === 'table' ? renderPreflightTable(report, colors(io)) : renderPreflightReport(report, format),
      );
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
