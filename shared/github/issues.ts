/**
 * One open issue per report kind, updated in place: the nightly CloudTrail report is filed as an
 * issue carrying a label and a hidden marker. While it is open each night updates it (people watching
 * it are notified by a short comment when the night has findings); once someone closes it, the next
 * night with findings opens a new one. Failures (no `issues: write`, issues disabled, rate limits)
 * are returned, never thrown: the report is still in the job summary and the artifact.
 */
import { errorMessage } from '../util/errors.ts';
import { MAX_COMMENT_LENGTH } from './comments.ts';
import { createGitHubClient } from './octokit.ts';

export interface ReportIssueOptions {
  token: string;
  apiUrl: string;
  owner: string;
  repo: string;
  /** Which report this is; one open issue per key. */
  key: string;
  label: string;
  title: string;
  body: string;
  /** A short comment posted on an existing issue so watchers hear about the new night, if any. */
  comment?: string;
  /**
   * Open a new issue when none is open (default true). False for a quiet night: then the latest closed
   * issue, if any (`closed`), gets the new body silently (it carries state between nights) and stays closed.
   */
  create?: boolean;
  closed?: number;
  log?: (message: string) => void;
}

export interface FoundReportIssue {
  number: number;
  state: 'open' | 'closed';
  body: string;
  url: string;
}

/** Pages of issues read when looking for the report issue (100 each): a bound on a hostile or huge repository. */
const MAX_ISSUE_PAGES = 10;

/** The open report issue for `key`, else the most recently created closed one; undefined when none (or on failure). */
export async function findReportIssue(
  options: Pick<ReportIssueOptions, 'token' | 'apiUrl' | 'owner' | 'repo' | 'key' | 'label' | 'log'>,
): Promise<FoundReportIssue | undefined> {
  const client = createGitHubClient({
    token: options.token,
    baseUrl: options.apiUrl,
    ...(options.log ? { log: options.log } : {}),
  });
  const marker = issueMarker(options.key);
  try {
    let pages = 0;
    let closed: FoundReportIssue | undefined;
    for await (const page of client.paginate.iterator('GET /repos/{owner}/{repo}/issues', {
      owner: options.owner,
      repo: options.repo,
      state: 'all',
      labels: options.label,
      per_page: 100,
    })) {
      for (const i of page.data as (ApiIssue & { state?: string })[]) {
        if (i.pull_request || !(i.body ?? '').startsWith(marker)) continue;
        const found: FoundReportIssue = {
          number: i.number,
          state: i.state === 'closed' ? 'closed' : 'open',
          body: i.body ?? '',
          url: i.html_url,
        };
        if (found.state === 'open') return found;
        if (!closed || found.number > closed.number) closed = found;
      }
      if (++pages >= MAX_ISSUE_PAGES) break;
    }
    return closed;
  } catch {
    return undefined;
  }
}

export type ReportIssueOutcome =
  | { posted: true; action: 'created' | 'updated' | 'kept-closed'; number: number; url: string }
  | { posted: false; message: string };

export function issueMarker(key: string): string {
  return `<!-- telltale:issue:${key.replace(/[^A-Za-z0-9_.-]/g, '_')} -->`;
}

interface ApiIssue {
  number: number;
  body?: string | null;
  html_url: string;
  pull_request?: unknown;
}

export async function upsertReportIssue(options: ReportIssueOptions): Promise<ReportIssueOutcome> {
  const client = createGitHubClient({
    token: options.token,
    baseUrl: options.apiUrl,
    ...(options.log ? { log: options.log } : {}),
  });
  const marker = issueMarker(options.key);
  const body = `${marker}\n${options.body}`.slice(0, MAX_COMMENT_LENGTH);
  const { owner, repo } = options;
  try {
    const open = (await client.paginate('GET /repos/{owner}/{repo}/issues', {
      owner,
      repo,
      state: 'open',
      labels: options.label,
      per_page: 100,
    })) as ApiIssue[];
    const existing = open.find((i) => !i.pull_request && (i.body ?? '').startsWith(marker));
    if (existing) {
      await client.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
        owner,
        repo,
        issue_number: existing.number,
        title: options.title,
        body,
      });
      if (options.comment) {
        await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
          owner,
          repo,
          issue_number: existing.number,
          body: options.comment.slice(0, MAX_COMMENT_LENGTH),
        });
      }
      return { posted: true, action: 'updated', number: existing.number, url: existing.html_url };
    }
    if (options.create === false) {
      if (options.closed === undefined) return { posted: false, message: 'a quiet night: no issue opened' };
      const kept = await client.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
        owner,
        repo,
        issue_number: options.closed,
        body,
      });
      return { posted: true, action: 'kept-closed', number: options.closed, url: kept.data.html_url };
    }
    const created = await client.request('POST /repos/{owner}/{repo}/issues', {
      owner,
      repo,
      title: options.title,
      body,
      labels: [options.label],
    });
    return { posted: true, action: 'created', number: created.data.number, url: created.data.html_url };
  } catch (error) {
    const status = (error as { status?: number }).status;
    const message =
      status === 403 || status === 404
        ? `the token cannot write issues here (HTTP ${status}): give the job \`permissions: issues: write\``
        : status === 410
          ? 'issues are disabled in this repository'
          : `filing the report issue failed: ${errorMessage(error)}`;
    return { posted: false, message };
  }
}
