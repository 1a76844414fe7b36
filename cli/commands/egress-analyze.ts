/** `telltale egress analyze FILE…`: name every endpoint in any pcap/pcapng. Behaviour lives in shared/egress/. */
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { CliIO } from '../io.ts';
import type { DemoSection } from './demo.ts';
import type { ReportFormat } from '../../shared/egress/run.ts';

export function registerEgressAnalyze(egress: Command, io: CliIO): void {
  egress
    .command('analyze')
    .description('name every endpoint in a pcap or pcapng capture (DNS, TLS SNI, HTTP Host, CONNECT)')
    .argument('<files...>', 'pcap or pcapng files (tcpdump -w, dumpcap, tshark -w); one report each')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'markdown', 'json']).default('table'))
    .option('--merge', 'one report for all the files (connections and DNS answers pooled)')
    .option('--include-loopback', 'list connections to loopback addresses too (not egress; left out by default)')
    .action(async (files: string[], options: { format: ReportFormat; merge?: boolean; includeLoopback?: boolean }) => {
      const { analyzeEgress, analyzeEgressMerged, renderEgressReport } = await import('../../shared/egress/run.ts');
      const analyzeOptions = { includeLoopback: options.includeLoopback ?? false };
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
    });
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
