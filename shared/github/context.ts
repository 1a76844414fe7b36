/**
 * What a workflow run tells a step about itself, read from the runner's environment. Pure data, no
 * `@actions/*` import, so the CLI reads the same context when run locally inside a job.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../util/errors.ts';

export interface RunContext {
  /** `owner/name` */
  repository: string | undefined;
  eventName: string | undefined;
  /** The event payload, or `{}` when there is none (local runs). */
  event: Record<string, unknown>;
  runId: number | undefined;
  runAttempt: number | undefined;
  job: string | undefined;
  sha: string | undefined;
  /** REST API root; GitHub Enterprise Server sets its own. */
  apiUrl: string;
  serverUrl: string;
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const eventPath = env.GITHUB_EVENT_PATH;
  let event: Record<string, unknown> = {};
  if (eventPath) {
    try {
      event = JSON.parse(readFileSync(eventPath, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new InputError(`cannot read the event payload: ${(error as Error).message}`, {
        location: { file: eventPath },
      });
    }
  }
  const int = (value: string | undefined) => (value && /^\d+$/.test(value) ? Number(value) : undefined);
  return {
    repository: env.GITHUB_REPOSITORY || undefined,
    eventName: env.GITHUB_EVENT_NAME || undefined,
    event,
    runId: int(env.GITHUB_RUN_ID),
    runAttempt: int(env.GITHUB_RUN_ATTEMPT),
    job: env.GITHUB_JOB || undefined,
    sha: env.GITHUB_SHA || undefined,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
  };
}

/** The web page of this workflow run, when running in one. */
export function runUrl(context: RunContext): string | undefined {
  return context.repository && context.runId
    ? `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`
    : undefined;
}

/** The pull request number of a `pull_request`/`pull_request_target`/`issue_comment` event, if any. */
export function pullRequestNumber(context: RunContext): number | undefined {
  const pr = context.event.pull_request as { number?: unknown } | undefined;
  if (pr && typeof pr.number === 'number') return pr.number;
  const issue = context.event.issue as { number?: unknown; pull_request?: unknown } | undefined;
  if (issue && issue.pull_request && typeof issue.number === 'number') return issue.number;
  return undefined;
}

/** Splits `owner/name`, with an InputError naming where the value came from when it is malformed. */
export function splitRepository(
  repository: string | undefined,
  source = 'GITHUB_REPOSITORY',
): { owner: string; repo: string } {
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(repository ?? '');
  if (!match) throw new InputError(`${source} must be 'owner/name', got '${repository ?? ''}'`);
  return { owner: match[1]!, repo: match[2]! };
}

/** Who wrote the data a step reads from another run's artifacts. */
export interface ArtifactProvenance {
  /** True when the artifact was written by code this repository has not reviewed (a PR's run). */
  untrusted: boolean;
  /** `owner/name` of the code that ran, when the event says. */
  headRepository?: string;
  headSha?: string;
  fork: boolean;
}

/**
 * In a `workflow_run` workflow the artifacts come from the triggering run, which ran the code of
 * the pull request (a fork's, or a branch's nobody reviewed yet): whatever it uploaded, that code
 * could have written. Anything else (a matrix's own jobs on push) is this repository's own code.
 */
export function artifactProvenance(context: RunContext): ArtifactProvenance {
  if (context.eventName !== 'workflow_run') return { untrusted: false, fork: false };
  const run = (context.event.workflow_run ?? {}) as {
    event?: unknown;
    head_sha?: unknown;
    head_repository?: { full_name?: unknown };
  };
  const head = typeof run.head_repository?.full_name === 'string' ? run.head_repository.full_name : undefined;
  const base =
    context.repository ?? ((context.event.repository as { full_name?: unknown } | undefined)?.full_name as string);
  return {
    untrusted: true,
    fork: head === undefined || head.toLowerCase() !== String(base ?? '').toLowerCase(),
    ...(head ? { headRepository: head } : {}),
    ...(typeof run.head_sha === 'string' ? { headSha: run.head_sha } : {}),
  };
}
