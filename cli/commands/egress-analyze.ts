/** `telltale egress analyze FILE`: name every endpoint in any pcap/pcapng. Behaviour lives in shared/egress/. */
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { CliIO } from '../io.ts';
import type { DemoSection } from './demo.ts';
import type { ReportFormat } from '../../shared/egress/run.ts';

export function registerEgressAnalyze(egress: Command, io: CliIO): void {
  egress
    .command('analyze')
    .description('name every endpoint in a pcap or pcapng capture (DNS, TLS SNI, HTTP Host, CONNECT)')
    .argument('<file>', 'a pcap or pcapng file (tcpdump -w, dumpcap, tshark -w)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'markdown', 'json']).default('table'))
    .action(async (file: string, options: { format: ReportFormat }) => {
      const { analyzeEgress, renderEgressReport } = await import('../../shared/egress/run.ts');
      const report = await analyzeEgress(file);
      io.stdout(renderEgressReport(report, options.format));
      for (const warning of report.warnings) io.stderr(`telltale: warning: ${warning}\n`);
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
