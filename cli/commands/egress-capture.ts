/**
 * `telltale egress start|stop` and `telltale egress run -- CMD`: live capture with tcpdump, the same
 * code the egress action runs in its main and post steps. Behaviour lives in shared/egress/capture.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { ExitWith, type CliIO } from '../io.ts';
import type { EgressReport } from '../../shared/egress/model/report.ts';
import type { ReportFormat } from '../../shared/egress/run.ts';
import { InputError } from '../../shared/util/errors.ts';
import { examples } from '../help.ts';

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

interface RunFlags {
  format: ReportFormat;
  out: string;
  manifest?: string;
  policy: 'audit' | 'block';
  runnerEndpoints: boolean;
}

const policyOption = () =>
  new Option('--policy <policy>', "'audit' (capture only) or 'block' (refuse what the manifest does not allow)")
    .choices(['audit', 'block'])
    .default('audit');

function blockOption(flags: Omit<RunFlags, 'format'>) {
  if (flags.policy !== 'block') return {};
  if (!flags.manifest)
    throw new InputError('--policy block needs --manifest FILE: the endpoints that stay reachable', {
      hint: 'write a first manifest from an audit run: telltale egress diff --update --manifest FILE REPORT.json',
    });
  return { block: { manifest: flags.manifest, runnerEndpoints: flags.runnerEndpoints } };
}

const formatOption = () =>
  new Option('--format <format>', 'what to print').choices(['table', 'markdown', 'json']).default('table');

/** Writes DIR/egress-report.json (the file the action writes too) and prints the report. */
async function deliver(report: EgressReport, dir: string, format: ReportFormat, io: CliIO): Promise<void> {
  const { renderEgressReport } = await import('../../shared/egress/run.ts');
  const file = path.join(dir, 'egress-report.json');
  try {
    writeFileSync(file, renderEgressReport(report, 'json'));
  } catch (error) {
    // A capture that filled its disk leaves no room for the report: print it all the same.
    io.stderr(`telltale: warning: could not write ${file} (${(error as Error).message}); the report is printed only\n`);
  }
  io.stdout(renderEgressReport(report, format));
  for (const warning of report.warnings) io.stderr(`telltale: warning: ${warning}\n`);
  if (report.blocked?.length) {
    // Names come from DNS answers: control characters are shown, not obeyed, on the terminal.
    const { visibleControls } = await import('../../shared/report/escape.ts');
    const { allowLine } = await import('../../shared/egress/diff/render.ts');
    for (const b of report.blocked) {
      const who = b.processes?.map(
        (p) => `${p.exe ?? '?'} (pid ${p.pid}${p.container ? `, container ${p.container}` : ''})`,
      );
      io.stderr(
        visibleControls(
          `telltale: blocked ${b.host}:${b.port}/${b.transport} (${b.address}) by ${who?.join(', ') ?? 'an unattributed process'}; to allow it: ${allowLine(b)}`,
        ) + '\n',
      );
    }
  }
}

export function registerEgressCapture(egress: Command, io: CliIO): void {
  captureOptions(
    egress
      .command('start')
      .description('start capturing in the background (needs root or passwordless sudo)')
      .addHelpText('after', examples([['sudo telltale egress start --out /tmp/egress', 'capture until egress stop']]))
      .requiredOption('--out <dir>', 'folder for the capture file, its handle and later the report'),
  )
    .option('--manifest <file>', 'the egress manifest; with --policy block, what stays reachable')
    .addOption(policyOption())
    .option('--runner-endpoints', "with --policy block, also allow the GitHub Actions runner's own endpoints", false)
    .action(async (flags: CaptureFlags & Omit<RunFlags, 'format'>) => {
      const { startSession } = await import('../../shared/egress/capture/session.ts');
      const handle = await startSession({ dir: flags.out, ...toOptions(flags), ...blockOption(flags) });
      io.stdout(
        `capturing to ${handle.file} (tcpdump pid ${handle.pid}); stop with: telltale egress stop --out ${flags.out}\n`,
      );
    });
  egress
    .command('stop')
    .description('stop the background capture, write OUT/egress-report.json and print the endpoints')
    .addHelpText('after', examples([['sudo telltale egress stop --out /tmp/egress', 'end the capture started there']]))
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
      .addHelpText(
        'after',
        examples([['sudo telltale egress run -- npm ci', 'what npm ci reached, in telltale-egress/']]),
      )
      .argument('<command...>', 'the command and its arguments (put -- before it)')
      .option('--out <dir>', 'folder for egress.pcap and egress-report.json', 'telltale-egress')
      .addOption(formatOption())
      .option('--manifest <file>', 'the egress manifest; with --policy block, what stays reachable')
      .addOption(policyOption())
      .option('--runner-endpoints', "with --policy block, also allow the GitHub Actions runner's own endpoints", false),
  ).action(async (command: string[], flags: CaptureFlags & RunFlags) => {
    const { finishSession, startSession } = await import('../../shared/egress/capture/session.ts');
    mkdirSync(flags.out, { recursive: true });
    // A cancelled workflow (SIGTERM) or Ctrl-C (SIGINT) must still stop the root tcpdump and write
    // the report of what was captured: the signal goes to the command, and the run ends as usual.
    let interrupted: NodeJS.Signals | undefined;
    let child: ChildProcess | undefined;
    let forceTimer: NodeJS.Timeout | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      if (interrupted) {
        child?.kill('SIGKILL'); // a second signal: no more patience with the command
        return;
      }
      interrupted = signal;
      io.stderr(`telltale: ${signal}: stopping the command, then the capture; the report covers egress until now\n`);
      child?.kill(signal);
      forceTimer = setTimeout(() => child?.kill('SIGKILL'), 10_000);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      const handle = await startSession({ dir: flags.out, ...toOptions(flags), ...blockOption(flags) });
      // Loaded here, not at start-up: every other command would pay for it.
      const { spawn } = await import('node:child_process');
      const code = interrupted
        ? 128 + signalNumber(interrupted)
        : await new Promise<number>((resolve) => {
            child = spawn(command[0]!, command.slice(1), { stdio: 'inherit' });
            child.on('error', (error) => {
              io.stderr(`telltale: could not run ${command[0]}: ${error.message}\n`);
              resolve(127);
            });
            child.on('close', (status, signal) => resolve(status ?? (signal ? 128 + signalNumber(signal) : 1)));
          });
      clearTimeout(forceTimer);
      const report = await finishSession(handle);
      if (interrupted)
        report.warnings.unshift(
          `interrupted by ${interrupted}: the command was stopped, and this report covers egress until then`,
        );
      await deliver(report, flags.out, flags.format, io);
      // The command's own failure is what the caller cares about first.
      if (code !== 0) throw new ExitWith(code);
      if (interrupted) throw new ExitWith(128 + signalNumber(interrupted));
    } finally {
      clearTimeout(forceTimer);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  });
}

function signalNumber(signal: NodeJS.Signals): number {
  return osConstants.signals[signal] ?? 1;
}
