/** `telltale egress …`: see README "CLI". Flags are parsed here; all behaviour lives in shared/egress/. */
import type { Command } from 'commander';
import type { CliIO } from '../io.ts';
import type { DemoSection } from './demo.ts';
import { examples } from '../help.ts';
import { egressAnalyzeDemo, registerEgressAnalyze } from './egress-analyze.ts';
import { registerEgressCapture } from './egress-capture.ts';
import { egressPolicyDemo, registerEgressPolicy } from './egress-policy.ts';
import { registerEgressFleet } from './egress-fleet.ts';

export function registerEgress(program: Command, io: CliIO): void {
  const egress = program
    .command('egress')
    .description('capture, name, diff and preflight network egress')
    .addHelpText(
      'after',
      examples([
        ['sudo telltale egress run -- npm ci', 'capture a command and name every endpoint it reached'],
        ['telltale egress diff telltale-egress/egress-report.json', 'compare with .github/egress.yml'],
      ]),
    );
  registerEgressAnalyze(egress, io);
  registerEgressCapture(egress, io);
  registerEgressPolicy(egress, io);
  registerEgressFleet(egress, io);
}

/** What `telltale demo` shows of egress, in order: the endpoint table, then the manifest diff. */
export const egressDemo: DemoSection[] = [...egressAnalyzeDemo, ...egressPolicyDemo];
