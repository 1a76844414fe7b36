/**
 * `telltale egress start|stop` and `telltale egress run -- CMD`: live capture with tcpdump, the same
 * code the egress action runs in its main and post steps. Behaviour lives in shared/egress/capture.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { ExitWith, type CliIO } from '../io.ts';
import type { EgressReport } from '../../shared/egress/model/report.ts';
import type { ReportFormat } from '../../shared/egress/run.ts';
import { InputError } from '../../shared/util/errors.ts';

interface CaptureFlags {
  filter: string;
  snaplen: string;
  iface: string;
  maxPackets?: string;
}

function captureOptions(command: Command): Command {
  return (
    command
      .option(
        '--filter <filter>',
        "'names' (DNS, connection set-up, requests: small), 'all', or a BPF expression",
        'names',
      )
      .option('--snaplen <bytes>', 'bytes kept per packet', '8192')
      .option('--iface <name>', 'interface to capture on', 'any')
      // No default here: the capture's own cap (2,000,000, capture/tcpdump.ts) applies when none is given.
      .option('--max-packets <n>', 'stop capturing after this many packets (default: 2000000)')
  );
}

function wholeNumber(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InputError(`${flag} must be a whole number, not '${value}'`);
  return n;
}

function toOptions(flags: CaptureFlags) {
  return {
    filter: flags.filter,
    snaplen: wholeNumber('--snaplen', flags.snaplen),
    iface: flags.iface,
    ...(flags.maxPackets === undefined ? {} : { maxPackets: wholeNumber('--max-packets', flags.maxPackets) }),
  };
}

const formatOption = () =>
  new Option('--format <format>', 'what to print').choices(['table', 'markdown', 'json']).default('table');

/** Writes DIR/egress-report.json (the file the action writes too) and prints the report. */
async function deliver(report: EgressReport, dir: string, format: ReportFormat, io: CliIO): Promise<void> {
  const { renderEgressReport } = await import('../../shared/egress/run.ts');
  writeFileSync(path.join(dir, 'egress-report.json'), renderEgressReport(report, 'json'));
  io.stdout(renderEgressReport(report, format));
  for (const warning of report.warnings) io.stderr(`telltale: warning: ${warning}\n`);
}

export function registerEgressCapture(egress: Command, io: CliIO): void {
  captureOptions(
    egress
      .command('start')
      .description('start capturing in the background (needs root or passwordless sudo)')
      .requiredOption('--out <dir>', 'folder for the capture file, its handle and later the report'),
  ).action(async (flags: CaptureFlags & { out: string }) => {
    const { startSession } = await import('../../shared/egress/capture/session.ts');
    const handle = await startSession({ dir: flags.out, ...toOptions(flags) });
    io.stdout(
      `capturing to ${handle.file} (tcpdump pid ${handle.pid}); stop with: telltale egress stop --out ${flags.out}\n`,
    );
  });
  egress
    .command('stop')
    .description('stop the background capture, write OUT/egress-report.json and print the endpoints')
    .requiredOption('--out <dir>', 'the folder given to egress start')
    .addOption(formatOption())
    .action(async (flags: { out: string; format: ReportFormat }) => {
      const { finishSession, readHandle } = await import('../../shared/egress/capture/session.ts');
      await deliver(await finishSession(readHandle(flags.out)), flags.out, flags.format, io);
    });

  captureOptions(
    egress
      .command('run')
      .description("run a command under capture; exits with the command's exit code")
      .argument('<command...>', 'the command and its arguments (put -- before it)')
      .option('--out <dir>', 'folder for egress.pcap and egress-report.json', 'telltale-egress')
      .addOption(formatOption()),
  ).action(async (command: string[], flags: CaptureFlags & { format: ReportFormat; out: string }) => {
    const { finishSession, startSession } = await import('../../shared/egress/capture/session.ts');
    mkdirSync(flags.out, { recursive: true });
    const handle = await startSession({ dir: flags.out, ...toOptions(flags) });
    const code = await new Promise<number>((resolve) => {
      const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit' });
      child.on('error', (error) => {
        io.stderr(`telltale: could not run ${command[0]}: ${error.message}\n`);
        resolve(127);
      });
      child.on('close', (status, signal) => resolve(status ?? (signal ? 128 : 1)));
    });
    await deliver(await finishSession(handle), flags.out, flags.format, io);
    // The command's own failure is what the caller cares about first.
    if (code !== 0) throw new ExitWith(code);
  });
}
