/**
 * The one way telltale builds a GitHub REST client: `@actions/github`'s Octokit with retry and
 * throttling, pointed at `GITHUB_API_URL` (GitHub Enterprise Server sets its own).
 *
 * `baseUrl` is always passed explicitly: `@actions/github` reads GITHUB_API_URL once at import time,
 * so a value set later in the same process (or a test's stand-in API) would be ignored otherwise.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface GitHubClientOptions {
  token: string;
  /** REST root, e.g. `https://api.github.com` or `https://ghes.example/api/v3`. */
  baseUrl: string;
  /** Retries after a rate limit or a transient (5xx, bare 429) failure. Default 3. */
  retries?: number;
  /**
   * The longest `retry-after` worth waiting for, in seconds. Default 60: a CI step that waits an hour
   * for a reset costs more than a comment is worth, so callers degrade to the job summary instead.
   */
  maxWaitSeconds?: number;
  /** Where retry notices go (a step log line); default: nowhere. */
  log?: (message: string) => void;
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const retries = options.retries ?? 3;
  const maxWait = options.maxWaitSeconds ?? 60;
  const log = options.log ?? (() => {});
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
      const retrying = retryCount < retries && retryAfter <= maxWait;
      log(
        `GitHub ${kind} rate limit on ${request.method ?? ''} ${request.url ?? ''}: ` +
          (retrying ? `retrying in ${retryAfter}s (${retryCount + 1}/${retries})` : 'giving up'),
      );
      return retrying;
    };
  return getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      retry: { retries },
      throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
      log: { debug: () => {}, info: () => {}, warn: log, error: log },
    },
    retry,
    throttling,
  );
}
