/** `telltale egress analyze FILE`: name every endpoint in any pcap/pcapng. Behaviour lives in shared/egress/. */
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { CliIO } from '../io.ts';
import type { DemoSection } from './demo.ts';
import type { EgressReport } from '../../shared/egress/model/report.ts';

export type ReportFormat = 'json' | 'markdown' | 'table';

export async function renderReport(report: EgressReport, format: ReportFormat): Promise<string> {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  const { renderEndpointsMarkdown, renderEndpointsText } = await import('../../shared/egress/render/endpoints.ts');
  if (format === 'markdown') return renderEndpointsMarkdown(report);
  return renderEndpointsText(report);
}

export function registerEgressAnalyze(egress: Command, io: CliIO): void {
  egress
    .command('analyze')
    .description('name every endpoint in a pcap or pcapng capture (DNS, TLS SNI, HTTP Host, CONNECT)')
    .argument('<file>', 'a pcap or pcapng file (tcpdump -w, dumpcap, tshark -w)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'markdown', 'json']).default('table'))
    .action(async (file: string, options: { format: ReportFormat }) => {
      const { analyzeCaptureFile } = await import('../../shared/egress/analyze.ts');
      const report = await analyzeCaptureFile(file);
      io.stdout(await renderReport(report, options.format));
      for (const warning of report.warnings) io.stderr(`telltale: warning: ${warning}\n`);
    });
}

export const egressAnalyzeDemo: DemoSection[] = [
  {
    title: 'Egress: every endpoint a CI job reached (samples/egress/ci-job.pcap, a real capture)',
    run: async (samples, io) => {
      const { analyzeCaptureFile } = await import('../../shared/egress/analyze.ts');
      const report = await analyzeCaptureFile(path.join(samples, 'egress', 'ci-job.pcap'));
      report.capture.file = 'samples/egress/ci-job.pcap';
      io.stdout(await renderReport(report, 'table'));
    },
  },
];
