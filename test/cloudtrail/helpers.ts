// Shared by the CloudTrail tests: run records through the real scan pipeline with the real rules.
import type { CloudTrailRecord } from '../../shared/cloudtrail/record.ts';
import type { CloudTrailReport } from '../../shared/cloudtrail/model/report.ts';
import { loadRuleSet, type RuleSet } from '../../shared/cloudtrail/rules/ruleset.ts';
import { PipelinePrincipals } from '../../shared/cloudtrail/provenance.ts';
import { scanCloudTrail } from '../../shared/cloudtrail/scan.ts';
import type { TimeWindow } from '../../shared/cloudtrail/window.ts';

let builtin: Promise<RuleSet> | undefined;
/** The built-in rule pack, loaded once per test file (rule sets keep per-scan aggregate state: see fresh). */
export function builtinRules(fresh = false): Promise<RuleSet> {
  if (fresh) return loadRuleSet();
  return (builtin ??= loadRuleSet());
}

export async function scanRecords(
  records: CloudTrailRecord[],
  window: TimeWindow = {},
  options: { pipelinePrincipals?: string[] } = {},
): Promise<CloudTrailReport> {
  const rules = await builtinRules(true);
  return scanCloudTrail(
    async (sink) => {
      for (const r of records) sink.record(r, { name: 'memory' });
      sink.fileDone({ name: 'memory' }, records.length);
      return { kind: 'files', location: 'memory', deliveries: false, notes: [] };
    },
    {
      window,
      rules,
      deliveries: false,
      now: Date.parse('2026-05-05T00:00:00Z'),
      pipelinePrincipals: new PipelinePrincipals(options.pipelinePrincipals ?? []),
    },
  );
}

export function capture() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s) },
  };
}
