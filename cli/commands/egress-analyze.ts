/** `telltale egress analyze FILE…`: name every endpoint in any pcap/pcapng. Behaviour lives in shared/egress/. */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { progressFor, type CliIO } from '../io.ts';
import { deliverOutputs, planOutputs } from '../output.ts';
import { examples } from '../help.ts';
import type { DemoSection } from './demo.ts';
import type { ReportFormat } from '../../shared/egress/run.ts';

export function registerEgressAnalyze(egress: Command, io: CliIO): void {
  egress
    .command('analyze')
    .description('name every endpoint in a pcap or pcapng capture (DNS, TLS SNI, HTTP Host, CONNECT)')
    .argument('<files...>', 'pcap or pcapng files (tcpdump -w, dumpcap, tshark -w); one report each')
    .addHelpText(
      'after',
      examples([
        ['telltale egress analyze capture.pcapng', 'every endpoint, as a table'],
        [
          'telltale egress analyze capture.pcap --format json --output egress-report.json',
          'the report egress diff reads',
        ],
        ['telltale egress analyze part1.pcap part2.pcap --merge', 'one report for a job captured in parts'],
      ]),
    )
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'markdown', 'json']).default('table'))
    .option('--output <file>', 'write the report here instead of standard output')
    .option('--merge', 'one report for all the files (connections and DNS answers pooled)')
    .option('--include-loopback', 'list connections to loopback addresses too (not egress; left out by default)')
    .action(
      async (
        files: string[],
        options: { format: ReportFormat; output?: string; merge?: boolean; includeLoopback?: boolean },
      ) => {
        const { analyzeEgress, analyzeEgressMerged, renderEgressReport } = await import('../../shared/egress/run.ts');
        // The one output convention (cli/output.ts): --output FILE takes what would go to stdout.
        const targets = planOutputs<ReportFormat>(options.format, options.output, {
          formats: ['table', 'markdown', 'json'],
          extension: { table: 'txt', markdown: 'md', json: 'json' },
          basename: 'egress-report',
        });
        let text = '';
        const out = { ...io, stdout: (t: string) => void (text += t) };
        const bar = progressFor(io);
        const analyzeOptions = {
          includeLoopback: options.includeLoopback ?? false,
          progress: (n: number) => bar.update(`analyze: ${n.toLocaleString('en')} packets…`),
        };
        try {
          await analyzeInto(out);
        } finally {
          bar.done();
        }
        await deliverOutputs(io, targets, () => text);

        async function analyzeInto(io: CliIO): Promise<void> {
          if (options.merge || files.length === 1) {
            const report = options.merge
              ? await analyzeEgressMerged(files, analyzeOptions)
              : await analyzeEgress(files[0]!, analyzeOptions);
            io.stdout(renderEgressReport(report, options.format));
            for (const warning of report.warnings) io.stderr(`telltale: warning: ${warning}\n`);
            return;
          }
          // One process for many files: start-up is paid once. JSON is one array, one report per file.
          const reports = [];
          for (const file of files) {
            const report = await analyzeEgress(file, analyzeOptions);
            if (options.format === 'json') reports.push(report);
            else {
              const heading = options.format === 'markdown' ? '## ' : '== ';
              io.stdout(`${heading}${file}\n\n${renderEgressReport(report, options.format)}\n`);
            }
            for (const warning of report.warnings) io.stderr(`telltale: warning: ${file}: ${warning}\n`);
          }
          if (options.format === 'json') io.stdout(`${JSON.stringify(reports, null, 2)}\n`);
        }
      },
    );
}

export const egressAnalyzeDemo: DemoSection[] = [
  {
    title: 'Egress: every endpoint a CI job reached (samples/egress/ci-job.pcap, a real capture)',
    run: async (samples, io) => {
      const { analyzeEgress, renderEgressReport } = await import('../../shared/egress/run.ts');
      const report = await analyzeEgress(path.join(samples, 'egress', 'ci-job.pcap'));
      report.capture.file = 'samples/egress/ci-job.pcap';
      io.stdout(renderEgressReport(report, 'table'));
    },
  },
];
