/**
 * One audit, end to end: load controls, open the target, run the phase with the streaming reporter
 * subscribed, render the file reporters, close the target. Shared by the CLI and the action.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { InputError } from '../util/errors.ts';
import { parseFormats, type FormatSpec } from './formats.ts';
import { loadControls } from './load.ts';
import { documentationReporter } from './render/documentation.ts';
import { renderJson } from './render/json.ts';
import { renderJunit } from './render/junit.ts';
import { renderMarkdown } from './render/markdown.ts';
import type { AuditReport } from './render/report.ts';
import { renderSarif } from './render/sarif.ts';
import { renderRspecish } from './render/rspecish.ts';
import { renderTap } from './render/tap.ts';
import { runAudit, type AuditListener } from './phase.ts';
import type { AuditTarget } from './target.ts';
import { openTarget } from './targets/index.ts';

export interface AuditRequest {
  controlsFile: string;
  target: string;
  format: string;
  /** Where stdout-bound reporters write. */
  stdout: (text: string) => void;
  /** `docker` or `podman` for container and docker-image targets; default: whichever knows the target. */
  engine?: string;
  /** Opens the target; tests pass their own (an image fixture, a host with extra state). */
  open?: (spec: string) => Promise<AuditTarget>;
  /** `.Vars` for gossfile templates (--vars / --vars-inline). */
  vars?: Record<string, unknown>;
  /** Where notices about the controls file go (a repeated top-level block). */
  warn?: (message: string) => void;
  /** Goss `--retry-timeout`: re-run the whole audit until it passes or this many ms have passed. */
  retryTimeoutMs?: number;
  /** Goss `--sleep`: the pause between those runs (default 1 s). */
  sleepMs?: number;
  /** Colour the documentation reporter (the CLI decides: a terminal, and no NO_COLOR). */
  color?: boolean;
}

export interface AuditOutcome {
  report: AuditReport;
  /** Files written, by format name. */
  files: Partial<Record<FormatSpec['name'], string>>;
}

export async function performAudit(req: AuditRequest): Promise<AuditOutcome> {
  const formats = parseFormats(req.format);
  const controls = await loadControls(req.controlsFile, {
    ...(req.vars ? { vars: req.vars } : {}),
    ...(req.warn ? { warn: req.warn } : {}),
  });
  const target = await (req.open ?? ((spec: string) => openTarget(spec, req.engine ? { engine: req.engine } : {})))(
    req.target,
  );
  try {
    const listeners: AuditListener[] = [];
    const docs = formats.find((f) => f.name === 'documentation');
    let docText = '';
    if (docs)
      listeners.push(
        documentationReporter(docs.path ? (t) => (docText += t) : req.stdout, {
          color: !docs.path && req.color === true,
        }),
      );
    if (req.retryTimeoutMs !== undefined && req.retryTimeoutMs > 0) {
      // Goss validate --retry-timeout/--sleep: quiet runs until one passes or time is up; the
      // reported run below is the one after (a passing system passes again).
      const deadline = Date.now() + req.retryTimeoutMs;
      for (;;) {
        const trial = await runAudit(controls, target, () => {});
        if (trial.summary.failed === 0 && trial.summary.errored === 0) break;
        if (Date.now() + (req.sleepMs ?? 1000) > deadline) break;
        await new Promise((r) => setTimeout(r, req.sleepMs ?? 1000));
      }
    }
    const { summary, results } = await runAudit(controls, target, (e) => listeners.forEach((l) => l(e)));
    const report: AuditReport = { controlsFile: req.controlsFile, target: target.description, summary, results };
    const files: AuditOutcome['files'] = {};
    for (const f of formats) {
      const text =
        f.name === 'documentation'
          ? docText
          : f.name === 'json'
            ? renderJson(report)
            : f.name === 'junit'
              ? renderJunit(report)
              : f.name === 'sarif'
                ? renderSarif(report)
                : f.name === 'rspecish'
                  ? renderRspecish(report)
                  : f.name === 'tap'
                    ? renderTap(report)
                    : renderMarkdown(report);
      if (!f.path) {
        if (f.name !== 'documentation') req.stdout(text);
        continue;
      }
      try {
        await fsp.mkdir(path.dirname(path.resolve(f.path)), { recursive: true });
        await fsp.writeFile(f.path, text);
      } catch (error) {
        throw new InputError(
          `cannot write the ${f.name} report: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
          { location: { file: f.path } },
        );
      }
      files[f.name] = f.path;
    }
    return { report, files };
  } finally {
    await target.close();
  }
}

/** Exit status as Chef's Audit Mode had it: 1 when any control failed or errored, unless audit-only. */
export function auditExitCode(report: AuditReport, auditOnly: boolean): 0 | 1 {
  return !auditOnly && (report.summary.failed > 0 || report.summary.errored > 0) ? 1 : 0;
}
