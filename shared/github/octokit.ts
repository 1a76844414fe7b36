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
  /** Milliseconds one request may take before it is aborted. Default 30 s. */
  timeoutMs?: number;
  /**
   * Pages one `paginate` call reads at most (100 items a page). Default 100: a PR with more than
   * 10,000 comments, or an API that keeps answering "next", stops here with a log line.
   */
  maxPages?: number;
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
  const client = getOctokit(
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
  bound(client, options.timeoutMs ?? 30_000, options.maxPages ?? 100, log);
  return client;
}

/**
 * Every request gets a deadline, and every `paginate` a page budget: a stalled or hostile API (one
 * whose `Link: next` never ends) costs a bounded time, never a hung job.
 */
function bound(client: GitHubClient, timeoutMs: number, maxPages: number, log: (message: string) => void): void {
  // Hooks registered after the plugins are outermost, and before-after-hook binds the options the
  // inner hooks see: so the options object is changed in place, and every attempt (retries
  // included) goes through a fetch with its own deadline.
  client.hook.wrap('request', async (request, options) => {
    const given = options.request as { fetch?: typeof fetch } | undefined;
    const inner = given?.fetch ?? globalThis.fetch;
    let timedOut = false;
    const timedFetch: typeof fetch = (url, init) => {
      const deadline = AbortSignal.timeout(timeoutMs);
      deadline.addEventListener('abort', () => (timedOut = true), { once: true });
      const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
      return inner(url, { ...init, signal });
    };
    options.request = { ...options.request, fetch: timedFetch };
    try {
      return await request(options);
    } catch (error) {
      if (timedOut) {
        throw Object.assign(new Error(`GitHub API ${options.method} ${options.url} took longer than ${timeoutMs} ms`), {
          cause: error,
        });
      }
      throw error;
    }
  });
  type Paginate = (route: unknown, params?: unknown, mapFn?: unknown) => Promise<unknown[]>;
  type Page = { data: unknown[]; url: string; headers: { link?: string } };
  type MapFn = (response: Page, done: () => void) => unknown;
  const original = client.paginate as unknown as Paginate;
  const limited: Paginate = (route, params, mapFn) => {
    if (typeof params === 'function') [params, mapFn] = [undefined, params];
    let pages = 0;
    return original(route, params, (response: Page, done: () => void) => {
      pages += 1;
      if (pages >= maxPages && /rel="next"/.test(response.headers.link ?? '')) {
        log(`GitHub API: stopped reading ${response.url} after ${maxPages} pages`);
        done();
      }
      return typeof mapFn === 'function' ? (mapFn as MapFn)(response, done) : response.data;
    });
  };
  client.paginate = Object.assign(limited, original) as unknown as GitHubClient['paginate'];
}
