/**
 * The egress verdict a post step (actions/egress) or a merging job (actions/egress-report) reaches:
 * diff the observed reports against the manifest, write the job summary, post the sticky PR comment
 * when asked, and say whether the job fails. `audit` only reports; `enforce` fails on new endpoints.
 */
import { publishComment, type CommentTarget, type PublishOutcome } from '../github/comments.ts';
import { truncateMarkdown } from '../report/markdown.ts';
import { InputError } from '../util/errors.ts';
import { diffEgress, type EgressDiff, type ObservedReport } from './diff/diff.ts';
import { renderDiffMarkdown, type EgressPolicy } from './diff/render.ts';
import { loadManifest } from './manifest/manifest.ts';

export type { EgressPolicy };

/** Characters of Markdown written to the job summary (the runner's limit is 1 MiB per step). */
const SUMMARY_LIMIT = 900_000;

export interface EgressPolicyOptions {
  reports: readonly ObservedReport[];
  manifestPath: string;
  policy: EgressPolicy;
  /** Post (or update) the sticky PR comment. */
  comment: boolean;
  /** What the PR comment needs; required when `comment` is true. */
  github?: { token: string; apiUrl: string; target: CommentTarget | undefined; runUrl?: string };
  /** Sticky comment key; one comment per key per PR. Default `egress`. */
  key?: string;
  summary: (markdown: string) => Promise<void>;
  log: (message: string) => void;
}

export interface EgressVerdict {
  diff: EgressDiff;
  markdown: string;
  /** True when the policy says the job fails. */
  failed: boolean;
  /** One line for the step log / failure message. */
  message: string;
  comment?: PublishOutcome | { posted: false; reason: 'no-pull-request'; message: string };
}

export function parsePolicy(value: string): EgressPolicy {
  if (value === 'audit' || value === 'enforce') return value;
  throw new InputError(`policy must be 'audit' or 'enforce', not '${value}'`, {
    hint: "'audit' reports new endpoints; 'enforce' also fails the job",
  });
}

export async function applyEgressPolicy(options: EgressPolicyOptions): Promise<EgressVerdict> {
  const manifest = await loadManifest(options.manifestPath);
  const diff = diffEgress(manifest, options.reports);
  const renderOptions = {
    policy: options.policy,
    manifest: options.manifestPath,
    ...(options.github?.runUrl ? { runUrl: options.github.runUrl } : {}),
  };
  const markdown = renderDiffMarkdown(diff, renderOptions);
  const failed = options.policy === 'enforce' && diff.new.length > 0;
  const message = diff.new.length
    ? `${diff.new.length} new endpoint(s) not in ${options.manifestPath}: ${diff.new
        .slice(0, 5)
        .map((e) => `${e.host}:${e.port}`)
        .join(', ')}${diff.new.length > 5 ? ', …' : ''}`
    : `all ${diff.allowed.length} observed endpoint(s) are allowed by ${options.manifestPath}`;

  // The runner drops a step summary over 1 MiB entirely; keep well under it.
  await options.summary(
    truncateMarkdown(
      markdown,
      SUMMARY_LIMIT,
      '> ✂️ Cut to fit the job summary; `telltale egress diff --format json` gives the full lists.',
    ),
  );
  const verdict: EgressVerdict = { diff, markdown, failed, message };
  if (options.comment) {
    const github = options.github;
    if (!github?.target) {
      options.log('no pull request in this run: the egress verdict is in the job summary only');
      verdict.comment = { posted: false, reason: 'no-pull-request', message: 'not a pull request run' };
    } else {
      verdict.comment = await publishComment({
        token: github.token,
        apiUrl: github.apiUrl,
        target: github.target,
        key: options.key ?? 'egress',
        body: markdown,
        summary: options.summary,
        // The diff is already in the summary; a degraded comment only adds why it was not posted.
        bodyInSummary: false,
        log: options.log,
      });
    }
  }
  return verdict;
}
