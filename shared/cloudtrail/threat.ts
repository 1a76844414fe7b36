/**
 * Threat level on Sigma's scale. A finding starts at its rule's level and moves by explicit,
 * explained steps, each listed in the report:
 *
 * - root credentials: one step up (unless the rule is about root already);
 * - made by the user's pipeline, on evidence the caller cannot forge (provenance.ts: CloudFormation
 *   as `invokedBy`, or a principal declared with `--pipeline-principal`): one step down, since the
 *   change went through a pipeline and review. A User-Agent saying Terraform is only a claim (any
 *   holder of a stolen key can send it): it is shown and never lowers the level. The same change by
 *   hand in the console keeps its level (Tattletrail's idea: the console is where unreviewed changes
 *   happen);
 * - a failed call (`errorCode` present): an attempt, not a change: one step down, outcome "failed"
 *   (rules where the attempt itself is the signal, like LeaveOrganization, keep their level).
 */
import { agentFamily, viaOf } from './actor.ts';
import { pipelineEvidence } from './provenance.ts';
import { isFailed, str, type CloudTrailRecord } from './record.ts';
import type { SigmaLevel } from './rules/sigma/index.ts';

export const LEVELS: readonly SigmaLevel[] = ['informational', 'low', 'medium', 'high', 'critical'];

export function levelRank(level: SigmaLevel): number {
  return LEVELS.indexOf(level);
}

export function parseLevel(text: string): SigmaLevel | undefined {
  const l = text.trim().toLowerCase();
  return (LEVELS as readonly string[]).includes(l) ? (l as SigmaLevel) : l === 'info' ? 'informational' : undefined;
}

export interface ThreatStep {
  /** +1, -1, or 0 for a circumstance worth saying that does not move the level. */
  step: -1 | 0 | 1;
  reason: string;
}

export interface Threat {
  severity: SigmaLevel;
  outcome: 'success' | 'failed';
  steps: ThreatStep[];
}

export interface ThreatPolicy {
  /** Apply the root / IaC / console steps (off for rules about the actor itself, e.g. root sign-in). */
  actorModifiers: boolean;
  /** What a failed call does: `lower` one step (default), or `keep` the level. */
  failed: 'lower' | 'keep';
}

export function assessThreat(base: SigmaLevel, record: CloudTrailRecord, policy: ThreatPolicy): Threat {
  const steps: ThreatStep[] = [];
  if (policy.actorModifiers) {
    if (str(record.userIdentity?.type) === 'Root')
      steps.push({ step: 1, reason: "made with the root user's credentials" });
    const evidence = pipelineEvidence(record);
    const via = viaOf(record);
    if (evidence) steps.push({ step: -1, reason: `made by the pipeline: ${evidence.reason}` });
    else if (via === 'iac')
      steps.push({
        step: 0,
        reason: `the User-Agent says ${agentFamily(str(record.userAgent)) ?? 'infrastructure as code'}, which any caller can send: not used to lower the level (declare the pipeline's role with --pipeline-principal)`,
      });
    else if (via === 'console') steps.push({ step: 0, reason: 'made by hand in the console' });
  }
  const failed = isFailed(record);
  if (failed) {
    const code = str(record.errorCode) ?? 'failed';
    steps.push(
      policy.failed === 'keep'
        ? { step: 0, reason: `the call failed (${code}); the attempt alone is the signal` }
        : { step: -1, reason: `the call failed (${code}): an attempt, not a change` },
    );
  }
  const rank = steps.reduce((r, s) => r + s.step, levelRank(base));
  return {
    severity: LEVELS[Math.max(0, Math.min(LEVELS.length - 1, rank))]!,
    outcome: failed ? 'failed' : 'success',
    steps,
  };
}
