/**
 * `telltale egress capture start|stop` and `telltale egress run -- CMD`: live capture with tcpdump,
 * the same code the egress action runs in its main and post steps. Behaviour lives in shared/egress/.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { ExitWith, type CliIO } from '../io.ts';
import { renderReport, type ReportFormat } from './egress-analyze.ts';
import { finishSession, readHandle, startSession } from '../../shared/egress/capture/session.ts';
import { InputError } from '../../shared/util/errors.ts';

interface CaptureFlags {
  filter: string;
  snaplen: string;
  iface: string;
}

function captureOptions(command: Command): Command {
  return command
    .option(
      '--filter <filter>',
      "'names' (DNS, connection control, requests: small), 'all', or a BPF expression",
      'names',
    )
    .option('--snaplen <bytes>', 'bytes kept per packet', '8192')
    .option('--iface <name>', 'interface to capture on', 'any');
}

function toOptions(flags: CaptureFlags) {
  const snaplen = Number(flags.snaplen);
  if (!Number.isInteger(snaplen)) throw new InputError(`--snaplen must be a whole number, not '${flags.snaplen}'`);
  return { filter: flags.filter, snaplen, iface: flags.iface };
}

const formatOption = () =>
  new Option('--format <format>', 'report format').choices(['table', 'markdown', 'json']).default('table');

export function registerEgressCapture(egress: Command, io: CliIO): void {
  const capture = egress.command('capture').description("capture this machine's egress with tcpdump, across commands");
  captureOptions(
    capture
      .command('start')
      .description('start capturing in the background (needs root or passwordless sudo)')
      .requiredOption('--dir <dir>', 'folder for the capture file and its handle'),
  ).action(async (flags: CaptureFlags & { dir: string }) => {
    const handle = await startSession({ dir: flags.dir, ...toOptions(flags) });
    io.stdout(
      `capturing to ${handle.file} (tcpdump pid ${handle.pid}); stop with: telltale egress capture stop --dir ${flags.dir}\n`,
    );
  });
  capture
    .command('stop')
    .description('stop the background capture and report every endpoint it saw')
    .requiredOption('--dir <dir>', 'the folder given to capture start')
    .addOption(formatOption())
    .option('--output <file>', 'also write the JSON report here')
    .action(async (flags: { dir: string; format: ReportFormat; output?: string }) => {
      const report = await finishSession(readHandle(flags.dir));
      if (flags.output) writeFileSync(flags.output, renderReport(report, 'json'));
      io.stdout(renderReport(report, flags.format));
      for (const warning of report.warnings) io.stderr(`telltale: warning: ${warning}\n`);
    });

  captureOptions(
    egress
      .command('run')
      .description('run a command under capture and report every endpoint it reached')
      .argument('<command...>', 'the command and its arguments (put -- before it)')
      .addOption(formatOption())
      .option('--output <file>', 'also write the JSON report here')
      .option('--pcap <file>', 'keep the capture file here'),
  ).action(
    async (command: string[], flags: CaptureFlags & { format: ReportFormat; output?: string; pcap?: string }) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'telltale-run-'));
      try {
        const handle = await startSession({ dir, ...toOptions(flags) });
        const code = await new Promise<number>((resolve) => {
          const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit' });
          child.on('error', (error) => {
            io.stderr(`telltale: could not run ${command[0]}: ${error.message}\n`);
            resolve(127);
          });
          child.on('close', (status, signal) => resolve(status ?? (signal ? 128 : 1)));
        });
        const report = await finishSession(handle);
        if (flags.pcap) {
          copyFileSync(handle.file, flags.pcap);
          report.capture.file = flags.pcap;
        }
        if (flags.output) writeFileSync(flags.output, renderReport(report, 'json'));
        io.stdout(renderReport(report, flags.format));
        for (const warning of report.warnings) io.stderr(`telltale: warning: ${warning}\n`);
        // The command's own failure is what the caller cares about first.
        if (code !== 0) throw new ExitWith(code);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
}
