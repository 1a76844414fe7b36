/**
 * What a verdict is worth, said where people read it: reports written by a pull request's own code
 * (the fork flow: `pull_request` uploads, `workflow_run` comments) are informational only.
 */
import { escapeMarkdown, markdownCode } from '../report/escape.ts';
import type { ArtifactProvenance } from './context.ts';

export function untrustedReportNote(provenance: ArtifactProvenance): string {
  const where = provenance.headRepository
    ? ` (${escapeMarkdown(provenance.headRepository)}${provenance.headSha ? ` at ${markdownCode(provenance.headSha.slice(0, 40))}` : ''})`
    : '';
  return (
    `> [!WARNING]\n` +
    `> **Informational only.** This egress report was written by the pull request\u2019s own code` +
    `${provenance.fork ? ' from a fork' : ''}${where}, which could have left out or made up any endpoint. ` +
    `It cannot pass or fail this pull request; enforce egress on runs of reviewed code (push, merge queue).`
  );
}
