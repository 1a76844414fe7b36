/**
 * The egress verdict: a diff of observed endpoints against the manifest, judged by the policy.
 * `audit` only reports; `enforce` fails on new endpoints. Pure: it returns the verdict and the body of
 * the PR comment / job summary, and the adapter (action.ts, or the CLI) decides where they go.
 */
import { InputError } from '../util/errors.ts';
import type { EgressDiff } from './diff/diff.ts';
import { renderDiffMarkdown, type EgressPolicy } from './diff/render.ts';

export type { EgressPolicy };

export interface EgressVerdict {
  diff: EgressDiff;
  /** Markdown for the sticky PR comment and the job summary. */
  body: string;
  /** True when the policy says the job fails. */
  failed: boolean;
  /** One line for the step log / failure message. */
  message: string;
}

export function parsePolicy(value: string): EgressPolicy {
  if (value === 'audit' || value === 'enforce') return value;
  throw new InputError(`policy must be 'audit' or 'enforce', not '${value}'`, {
    hint: "'audit' reports new endpoints; 'enforce' also fails the job",
  });
}

export function judgeEgress(
  diff: EgressDiff,
  options: {
    policy: EgressPolicy;
    manifest: string;
    runUrl?: string | undefined;
    /** Markdown put before the diff (e.g. that untrusted code wrote the reports). */
    preface?: string | undefined;
  },
): EgressVerdict {
  const diffMarkdown = renderDiffMarkdown(diff, {
    policy: options.policy,
    manifest: options.manifest,
    ...(options.runUrl ? { runUrl: options.runUrl } : {}),
  });
  const body = options.preface ? `${options.preface}\n\n${diffMarkdown}` : diffMarkdown;
  const failed = options.policy === 'enforce' && diff.new.length > 0;
  const message = diff.new.length
    ? `${diff.new.length} new endpoint(s) not in ${options.manifest}: ${diff.new
        .slice(0, 5)
        .map((e) => `${e.host}:${e.port}`)
        .join(', ')}${diff.new.length > 5 ? ', …' : ''}`
    : `all ${diff.allowed.length} observed endpoint(s) are allowed by ${options.manifest}`;
  return { diff, body, failed, message };
}
