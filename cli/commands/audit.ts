/** `telltale audit …`: see README "CLI" and docs/audit.md. Flags are parsed here; all behaviour lives in shared/. */
import type { Command } from 'commander';
import path from 'node:path';
import { ExitCode } from '../../shared/util/exit-codes.ts';
import { ExitWith, waitingLine, type CliIO } from '../io.ts';
import { planOutputs, type FormatSet } from '../output.ts';
import { examples } from '../help.ts';
import type { DemoSection } from './demo.ts';

interface AuditFlags {
  controls?: string;
  target: string;
  format: string;
  output?: string;
  auditOnly?: boolean;
  engine?: string;
  vars?: string;
  varsInline?: string;
  retryTimeout?: string;
  sleep?: string;
  color?: boolean;
}

interface AddFlags {
  target: string;
  engine?: string;
  controls?: string;
}

/** Goss's `--retry-timeout`/`--sleep` take Go durations (`30s`, `500ms`, `1m`); a bare number is seconds. */
async function durationMs(text: string | undefined, flag: string): Promise<number | undefined> {
  if (text === undefined) return undefined;
  const { parseGoDuration } = await import('../../shared/audit/controls.ts');
  const { InputError } = await import('../../shared/util/errors.ts');
  const ms = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) * 1000 : parseGoDuration(text);
  if (ms === undefined || ms < 0 || ms > 24 * 3_600_000)
    throw new InputError(`${flag} is a duration such as 30s, 500ms or 2m`, { location: { field: flag } });
  return ms;
}

/** `add`/`autoadd` write into --controls FILE (merged, as `goss -g FILE add` does) or print the YAML. */
async function writeGenerated(
  added: { gossfile: Record<string, unknown>; notes: string[] },
  flags: AddFlags,
  io: CliIO,
): Promise<void> {
  const { promises: fsp } = await import('node:fs');
  const { parse, stringify } = await import('yaml');
  const { mergeGossfile } = await import('../../shared/audit/add/generate.ts');
  for (const n of added.notes) io.stderr(`note: ${n}\n`);
  if (!flags.controls) {
    io.stdout(stringify(added.gossfile));
    return;
  }
  let existing: Record<string, unknown> = {};
  try {
    const parsed = parse(await fsp.readFile(flags.controls, 'utf8')) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) existing = parsed as Record<string, unknown>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await fsp.writeFile(flags.controls, stringify(mergeGossfile(existing, added.gossfile)));
  io.stderr(`wrote ${flags.controls}\n`);
}

export function registerAudit(program: Command, io: CliIO): void {
  const audit = program
    .command('audit')
    .description('check controls (Goss-compatible YAML) against the host or an image and report them')
    .addHelpText(
      'after',
      examples([
        ['telltale audit -c controls.yaml', 'this host, read as it runs'],
        ['telltale audit -c controls.yaml -t oci:app.oci.tar', 'a built image, no container daemon'],
        ['telltale audit -c controls.yaml -f documentation,sarif,junit -o reports/', 'several reports of one run'],
      ]),
    )
    .option('-c, --controls <file>', 'controls file (Goss YAML, plus meta.id/impact/tags and an image: section)')
    .option('-t, --target <target>', 'host | image:PATH | oci:PATH | container:NAME | docker-image:REF', 'host')
    .option(
      '-f, --format <list>',
      'reporters, comma-separated, each optionally :FILE (documentation,json,junit,sarif,markdown,rspecish,tap)',
      'documentation',
    )
    .option('-o, --output <file|dir>', 'write the report(s) here instead of standard output (several: a folder)')
    .option('--vars <file>', 'YAML or JSON file of .Vars for gossfile templates (as goss --vars)')
    .option('--vars-inline <text>', 'YAML or JSON .Vars, overriding --vars keys (as goss --vars-inline)')
    .option('-r, --retry-timeout <duration>', 'retry the audit until it passes or this long has passed (e.g. 30s)')
    .option('-s, --sleep <duration>', 'time between retries (default 1s)')
    .option('--color', 'colour the documentation output (default: on a terminal, unless NO_COLOR is set)')
    .option('--no-color', 'never colour the output')
    .option(
      '--engine <engine>',
      'docker | podman, for container: and docker-image: (default: the one that knows the target)',
    )
    .option('--audit-only', 'report failures but exit 0 (for inherited infrastructure)')
    .action(async (flags: AuditFlags) => {
      const controlsFile = await requireControls(flags.controls);
      const { loadVars } = await import('../../shared/audit/template/vars.ts');
      const vars = await loadVars({
        ...(flags.vars !== undefined ? { varsFile: flags.vars } : {}),
        ...(flags.varsInline !== undefined ? { varsInline: flags.varsInline } : {}),
      });
      const { auditExitCode, performAudit } = await import('../../shared/audit/run.ts');
      const retryTimeoutMs = await durationMs(flags.retryTimeout, '--retry-timeout');
      const sleepMs = await durationMs(flags.sleep, '--sleep');
      const format = auditFormat(flags.format, flags.output);
      // An image or a container is read before the first control runs: say so on a terminal, and
      // clear the line as soon as the report starts.
      const waiting = flags.target === 'host' ? undefined : waitingLine(io, `audit: reading ${flags.target}`);
      const { report } = await performAudit({
        controlsFile,
        target: flags.target,
        format,
        stdout: (text) => {
          waiting?.stop();
          io.stdout(text);
        },
        vars,
        warn: (m) => io.stderr(`warning: ${m}\n`),
        // The global --no-color / NO_COLOR / TTY decision (io.color), unless audit's own flag says otherwise.
        color: flags.color === true || (flags.color !== false && io.color === true),
        ...(retryTimeoutMs !== undefined ? { retryTimeoutMs } : {}),
        ...(sleepMs !== undefined ? { sleepMs } : {}),
        ...(flags.engine ? { engine: flags.engine } : {}),
      }).finally(() => waiting?.stop());
      const code = auditExitCode(report, flags.auditOnly === true);
      if (code !== ExitCode.ok) throw new ExitWith(code);
    });

  const targetOption = [
    '-t, --target <target>',
    'host | image:PATH | oci:PATH | container:NAME | docker-image:REF',
    'host',
  ] as const;
  audit
    .command('add <type> <names...>')
    .description('write the controls that hold now for each NAME of TYPE on the target (as goss add), in Goss format')
    .addHelpText(
      'after',
      examples([
        ['telltale audit add package curl openssl', 'print controls for two packages as they are now'],
        ['telltale audit add file /etc/passwd -c controls.yaml -t oci:app.oci.tar', 'add to a gossfile, from an image'],
      ]),
    )
    .option(...targetOption)
    .option('-c, --controls <file>', 'add them to this gossfile (created if missing) instead of printing them')
    .option('--engine <engine>', 'docker | podman, for container: and docker-image:')
    .action(async (type: string, names: string[], _flags: AddFlags, cmd: Command) => {
      // -c/-t are also the parent's options; commander may hand them to `audit`, so read both.
      const flags = cmd.optsWithGlobals<AddFlags>();
      const { ADDABLE_TYPES, addControls } = await import('../../shared/audit/add/generate.ts');
      const { InputError } = await import('../../shared/util/errors.ts');
      if (!(ADDABLE_TYPES as readonly string[]).includes(type))
        throw new InputError(`cannot add '${type}'`, {
          location: { field: 'type' },
          hint: `one of ${ADDABLE_TYPES.join(', ')}`,
        });
      const { openTarget } = await import('../../shared/audit/targets/index.ts');
      const target = await openTarget(flags.target, flags.engine ? { engine: flags.engine } : {});
      try {
        const added = await addControls(target, type as (typeof ADDABLE_TYPES)[number], names);
        await writeGenerated(added, flags, io);
      } finally {
        await target.close();
      }
    });
  audit
    .command('autoadd <name>')
    .description(
      'write controls for everything named NAME on the target (file, package, user, group, service, process), as goss autoadd',
    )
    .addHelpText(
      'after',
      examples([['telltale audit autoadd sshd -c controls.yaml', 'every sshd-named resource, as it is now']]),
    )
    .option(...targetOption)
    .option('-c, --controls <file>', 'add them to this gossfile (created if missing) instead of printing them')
    .option('--engine <engine>', 'docker | podman, for container: and docker-image:')
    .action(async (name: string, _flags: AddFlags, cmd: Command) => {
      const flags = cmd.optsWithGlobals<AddFlags>();
      const { autoaddControls } = await import('../../shared/audit/add/generate.ts');
      const { openTarget } = await import('../../shared/audit/targets/index.ts');
      const target = await openTarget(flags.target, flags.engine ? { engine: flags.engine } : {});
      try {
        await writeGenerated(await autoaddControls(target, name), flags, io);
      } finally {
        await target.close();
      }
    });
  audit
    .command('render')
    .description('print the controls file as its template renders it (as goss render), includes not followed')
    .addHelpText(
      'after',
      examples([['telltale audit render -c goss.yaml --vars vars.yaml', 'see what a template becomes']]),
    )
    .option('-c, --controls <file>', 'controls file')
    .option('--vars <file>', 'YAML or JSON file of .Vars')
    .option('--vars-inline <text>', 'YAML or JSON .Vars, overriding --vars keys')
    .action(async (_flags: unknown, cmd: Command) => {
      const flags = cmd.optsWithGlobals<{ controls?: string; vars?: string; varsInline?: string }>();
      const file = await requireControls(flags.controls);
      const { loadVars } = await import('../../shared/audit/template/vars.ts');
      const { renderControls } = await import('../../shared/audit/load.ts');
      const { readFile } = await import('node:fs/promises');
      const vars = await loadVars({
        ...(flags.vars !== undefined ? { varsFile: flags.vars } : {}),
        ...(flags.varsInline !== undefined ? { varsInline: flags.varsInline } : {}),
      });
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        const { InputError } = await import('../../shared/util/errors.ts');
        throw new InputError(
          `cannot read the controls file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
          {
            location: { file },
          },
        );
      }
      io.stdout(renderControls(text, file, { vars }));
    });
}

async function requireControls(file: string | undefined): Promise<string> {
  if (file) return file;
  const { InputError } = await import('../../shared/util/errors.ts');
  throw new InputError("required option '-c, --controls <file>' not specified", {
    location: { field: '--controls' },
    hint: 'telltale audit -c goss.yaml [-t host|image:PATH|…]',
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

type AuditFormatName = 'documentation' | 'json' | 'junit' | 'sarif' | 'markdown' | 'rspecish' | 'tap';
const AUDIT_FORMATS: FormatSet<AuditFormatName> = {
  formats: ['documentation', 'json', 'junit', 'sarif', 'markdown', 'rspecish', 'tap'],
  aliases: { doc: 'documentation', md: 'markdown' },
  extension: {
    documentation: 'txt',
    json: 'json',
    junit: 'xml',
    sarif: 'sarif',
    markdown: 'md',
    rspecish: 'rspec.txt',
    tap: 'tap',
  },
  basename: 'audit',
};

/** The CLI's --format/--output convention, handed to the audit as its own `name:file,…` list. */
function auditFormat(format: string, output: string | undefined): string {
  return planOutputs(format, output, AUDIT_FORMATS)
    .map((t) => (t.file ? `${t.format}:${t.file}` : t.format))
    .join(',');
}
