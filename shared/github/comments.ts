/**
 * One sticky PR comment per key: found by a hidden marker among **all** the PR's comments (paged 100
 * at a time) written by the same user as the token, updated in place, never duplicated, and left
 * alone when the body has not changed (no notification, no "edited" noise). The pattern follows
 * marocchino/sticky-pull-request-comment.
 *
 * `publishComment` never fails a step over a comment: a read-only token (fork pull requests), an
 * exhausted rate limit or any other API failure puts the body in the job summary instead, with the
 * reason and, for forks, the `pull_request` → artifact → `workflow_run` pattern that works.
 */
import { escapeMarkdown } from '../report/escape.ts';
import { truncateMarkdown } from '../report/markdown.ts';
import { InputError } from '../util/errors.ts';
import { pullRequestNumber, splitRepository, type RunContext } from './context.ts';
import { createGitHubClient, type GitHubClient } from './octokit.ts';

/** GitHub rejects comment bodies longer than this (422 "body is too long"). */
export const MAX_COMMENT_LENGTH = 65_536;

/** The identity GITHUB_TOKEN comments as; GET /user is refused to installation tokens. */
export const ACTIONS_BOT = 'github-actions[bot]';

export interface CommentTarget {
  owner: string;
  repo: string;
  issue: number;
}

export function stickyMarker(key: string): string {
  // The key ends up inside an HTML comment: anything that could close it (`-->`) must be impossible.
  if (!/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/.test(key)) {
    throw new InputError(`comment key '${key}' must be 1-100 letters, digits, '.', '_', ':', '/' or '-'`, {
      hint: 'e.g. --key egress or --key audit/debian',
    });
  }
  return `<!-- telltale:sticky ${key} -->`;
}

/** The full comment text: marker first, then the body cut to fit GitHub's limit. */
export function stickyBody(key: string, body: string, truncatedNote = TRUNCATED_NOTE): string {
  const marker = stickyMarker(key);
  return `${marker}\n${truncateMarkdown(body, MAX_COMMENT_LENGTH - marker.length - 1, truncatedNote)}`;
}

const TRUNCATED_NOTE =
  '> ✂️ This comment was cut to fit GitHub\u2019s 65,536-character limit. The full report is in the job summary of the workflow run.';

export type StickyAction = 'created' | 'updated' | 'unchanged';

export interface StickyResult {
  action: StickyAction;
  id: number;
  url: string;
}

/**
 * The login comments by this token appear under, or undefined when GitHub will not say: GET /user
 * is refused (403) to installation tokens, both GITHUB_TOKEN (github-actions[bot]) and a GitHub
 * App's (my-app[bot]), so the login cannot be guessed from the token.
 */
export async function tokenLogin(client: GitHubClient): Promise<string | undefined> {
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return data.login;
  } catch (error) {
    if ((error as { status?: number }).status === 403) return undefined;
    throw error;
  }
}

interface ListedComment {
  id: number;
  body?: string | undefined;
  html_url: string;
  user?: { login?: string; type?: string } | null;
}

/**
 * Which comments are this token's sticky comment for `marker`. With a known login: that login's.
 * Without one (an installation token): a `Bot` account's, since only GitHub Apps and
 * github-actions post as bots. Either way, a marker a person pasted into their own comment (a PR
 * author trying to get theirs edited or ours deleted) never matches.
 */
export function ownStickyComments<T extends ListedComment>(
  comments: readonly T[],
  marker: string,
  login?: string,
): T[] {
  const withMarker = comments.filter((c) => (c.body ?? '').startsWith(marker));
  if (login) return withMarker.filter((c) => c.user?.login === login);
  const bots = withMarker.filter((c) => c.user?.type === 'Bot');
  // Several bots with the same key (two Apps): keep to the oldest one's comments.
  const first = bots[0]?.user?.login;
  return bots.filter((c) => c.user?.login === first);
}

export async function upsertStickyComment(
  client: GitHubClient,
  target: CommentTarget,
  key: string,
  body: string,
  options: { author?: string } = {},
): Promise<StickyResult> {
  const full = stickyBody(key, body);
  const marker = stickyMarker(key);
  const author = options.author ?? (await tokenLogin(client));
  const params = { owner: target.owner, repo: target.repo, issue_number: target.issue };
  const comments = await client.paginate(client.rest.issues.listComments, { ...params, per_page: 100 });
  const ours = ownStickyComments(comments, marker, author);
  const existing = ours[0];
  if (!existing) {
    const { data } = await client.rest.issues.createComment({ ...params, body: full });
    return { action: 'created', id: data.id, url: data.html_url };
  }
  // Earlier races may have left duplicates; keep the oldest, remove the rest.
  for (const extra of ours.slice(1)) {
    await client.rest.issues.deleteComment({ owner: target.owner, repo: target.repo, comment_id: extra.id });
  }
  if (existing.body === full) return { action: 'unchanged', id: existing.id, url: existing.html_url };
  const { data } = await client.rest.issues.updateComment({
    owner: target.owner,
    repo: target.repo,
    comment_id: existing.id,
    body: full,
  });
  return { action: 'updated', id: data.id, url: data.html_url };
}

export interface PublishOptions {
  token: string;
  apiUrl: string;
  target: CommentTarget;
  key: string;
  body: string;
  /** Appends Markdown to the job summary (ctx.summary in an action). */
  summary: (markdown: string) => Promise<void>;
  log: (message: string) => void;
  /** Who the token comments as, when known (GET /user is refused to installation tokens). */
  author?: string;
  retries?: number;
  maxWaitSeconds?: number;
  /** Whether a degraded comment copies the body into the summary (false when it is there already). */
  bodyInSummary?: boolean;
}

export type PublishOutcome =
  | ({ posted: true } & StickyResult)
  | { posted: false; reason: 'read-only' | 'rate-limited' | 'failed'; message: string };

export async function publishComment(options: PublishOptions): Promise<PublishOutcome> {
  stickyMarker(options.key); // a bad key is the caller's mistake: say so before any request
  const client = createGitHubClient({
    token: options.token,
    baseUrl: options.apiUrl,
    log: options.log,
    ...(options.retries === undefined ? {} : { retries: options.retries }),
    ...(options.maxWaitSeconds === undefined ? {} : { maxWaitSeconds: options.maxWaitSeconds }),
  });
  try {
    const result = await upsertStickyComment(client, options.target, options.key, options.body, {
      ...(options.author ? { author: options.author } : {}),
    });
    return { posted: true, ...result };
  } catch (error) {
    if (error instanceof InputError) throw error;
    // A hostile or broken API may echo the token in its error body: never print it.
    const outcome = redactToken(classify(error), options.token);
    options.log(`PR comment not posted (${outcome.reason}): ${outcome.message}`);
    await options.summary(degradedSummary(outcome, options));
    return outcome;
  }
}

function redactToken<T extends { message: string }>(outcome: T, token: string): T {
  return token.length >= 4 ? { ...outcome, message: outcome.message.split(token).join('***') } : outcome;
}

function classify(error: unknown): Extract<PublishOutcome, { posted: false }> {
  const status = (error as { status?: number }).status;
  const message = error instanceof Error ? error.message : String(error);
  if (status === 403 && /not accessible by integration|permission/i.test(message)) {
    return { posted: false, reason: 'read-only', message: `${status} ${message}` };
  }
  if (status === 429 || (status === 403 && /rate limit/i.test(message))) {
    return { posted: false, reason: 'rate-limited', message: `${status} ${message}` };
  }
  return { posted: false, reason: 'failed', message: status ? `${status} ${message}` : message };
}

function degradedSummary(outcome: Extract<PublishOutcome, { posted: false }>, options: PublishOptions): string {
  const { owner, repo, issue } = options.target;
  const why =
    outcome.reason === 'read-only'
      ? `The token cannot write to ${owner}/${repo}#${issue}. Pull requests from forks get a read-only ` +
        '`GITHUB_TOKEN` and no secrets, so a `pull_request` workflow cannot comment. To comment anyway, ' +
        'upload the report as an artifact in the `pull_request` workflow and post it from a separate ' +
        '`workflow_run` workflow that runs with the base repository\u2019s token and never runs code from ' +
        'the fork (telltale docs: docs/examples/egress-comment-from-fork.yml).'
      : outcome.reason === 'rate-limited'
        ? 'GitHub\u2019s rate limit did not clear after retrying with backoff.'
        : 'The GitHub API refused the request.';
  // The API's message is data from a server; keep it out of Markdown syntax.
  const detail = escapeMarkdown(outcome.message);
  const head = `### PR comment not posted\n\n${why}\n\n<sub>${detail}</sub>\n`;
  if (options.bodyInSummary === false) return head;
  return `${head}\nThis is what the comment would have said:\n\n---\n\n${options.body}\n`;
}

/** Repository and PR number from the run (GITHUB_REPOSITORY, the event payload) or an explicit --pr. */
export function commentTargetFromRun(run: RunContext, pr?: number): CommentTarget {
  const { owner, repo } = splitRepository(run.repository);
  const issue = pr ?? pullRequestNumber(run);
  if (issue === undefined) {
    throw new InputError(`no pull request to comment on: the '${run.eventName ?? 'unknown'}' event has no PR number`, {
      hint: 'pass --pr N (or the action input pr), or run on pull_request / workflow_run with the PR number',
    });
  }
  return { owner, repo, issue };
}

/** Like `commentTargetFromRun`, but undefined when the run is not about a pull request (a push, a schedule). */
export function pullRequestTarget(run: RunContext, pr?: number): CommentTarget | undefined {
  if (pr === undefined && pullRequestNumber(run) === undefined) return undefined;
  return commentTargetFromRun(run, pr);
}

/** Parses a PR number given as text (a CLI flag, an action input); blank means none. */
export function parsePullRequestNumber(text: string, what = 'pr'): number | undefined {
  if (!text.trim()) return undefined;
  if (!/^[1-9]\d{0,9}$/.test(text.trim())) throw new InputError(`${what}: '${text}' is not a pull request number`);
  return Number(text.trim());
}
