/** `telltale audit …`: see README "CLI" and docs/audit.md. Flags are parsed here; all behaviour lives in shared/. */
import type { Command } from 'commander';
import path from 'node:path';
import { ExitCode } from '../../shared/util/exit-codes.ts';
import { ExitWith, type CliIO } from '../io.ts';
import type { DemoSection } from './demo.ts';

interface AuditFlags {
  controls: string;
  target: string;
  format: string;
  auditOnly?: boolean;
  engine?: string;
}

export function registerAudit(program: Command, io: CliIO): void {
  program
    .command('audit')
    .description('check controls (Goss-compatible YAML) against the host or an image and report them')
    .requiredOption(
      '-c, --controls <file>',
      'controls file (Goss YAML, plus meta.id/impact/tags and an image: section)',
    )
    .option('-t, --target <target>', 'host | image:PATH | oci:PATH | container:NAME | docker-image:REF', 'host')
    .option(
      '-f, --format <list>',
      'reporters, comma-separated, each optionally :FILE (documentation,json,junit,sarif,markdown)',
      'documentation',
    )
    .option(
      '--engine <engine>',
      'docker | podman, for container: and docker-image: (default: the one that knows the target)',
    )
    .option('--audit-only', 'report failures but exit 0 (for inherited infrastructure)')
    .action(async (flags: AuditFlags) => {
      const { auditExitCode, performAudit } = await import('../../shared/audit/run.ts');
      const { report } = await performAudit({
        controlsFile: flags.controls,
        target: flags.target,
        format: flags.format,
        stdout: io.stdout,
        ...(flags.engine ? { engine: flags.engine } : {}),
      });
      const code = auditExitCode(report, flags.auditOnly === true);
      if (code !== ExitCode.ok) throw new ExitWith(code);
    });
}

/** What `telltale demo` shows of this capability: a host audit of the bundled sample controls. */
export const auditDemo: DemoSection[] = [
  {
    title: 'audit: controls against this host',
    run: async (samples, io) => {
      // The report is the point here; a failed control must not fail `telltale demo`, so no exit code.
      const { performAudit } = await import('../../shared/audit/run.ts');
      await performAudit({
        controlsFile: path.join(samples, 'audit-host', 'controls.yaml'),
        target: 'host',
        format: 'documentation',
        stdout: io.stdout,
      });
    },
  },
  {
    title: 'audit: controls against a built image, read without a container daemon',
    run: async (samples, io) => {
      // samples/audit-image/app.oci.tar is made by scripts/make-samples/audit-image.sh; one control
      // fails on purpose (curl left in the runtime image).
      const dir = path.join(samples, 'audit-image');
      const { performAudit } = await import('../../shared/audit/run.ts');
      await performAudit({
        controlsFile: path.join(dir, 'controls.yaml'),
        target: `oci:${path.join(dir, 'app.oci.tar')}`,
        format: 'documentation',
        stdout: io.stdout,
      });
    },
  },
];
