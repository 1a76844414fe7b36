/**
 * Whether a repository is public, from the API (GET /repos/{owner}/{repo}: `private`, and
 * `visibility` public/private/internal). A CloudTrail report names account ids, role ARNs and
 * source IPs: in a public repository, its issue and the run's artifacts are readable by anyone.
 */
import { errorMessage } from '../util/errors.ts';
import { createGitHubClient } from './octokit.ts';

export type Visibility = 'public' | 'private' | 'internal' | 'unknown';

export async function repositoryVisibility(options: {
  token: string;
  apiUrl: string;
  owner: string;
  repo: string;
  timeoutMs?: number;
}): Promise<{ visibility: Visibility; problem?: string }> {
  const client = createGitHubClient({
    token: options.token,
    baseUrl: options.apiUrl,
    retries: 1,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}', { owner: options.owner, repo: options.repo });
    const visibility = (data as { visibility?: unknown }).visibility;
    if (visibility === 'public' || visibility === 'private' || visibility === 'internal') return { visibility };
    return { visibility: data.private === false ? 'public' : data.private === true ? 'private' : 'unknown' };
  } catch (error) {
    const status = (error as { status?: number }).status;
    return { visibility: 'unknown', problem: status ? `HTTP ${status}` : errorMessage(error) };
  }
}

/**
 * The one warning the CloudTrail action gives before it files its nightly issue: a public
 * repository shows account ids, ARNs and IP addresses to everyone. `what` names what is exposed.
 */
export async function warnWhenPublic(options: {
  token: string;
  apiUrl: string;
  owner: string;
  repo: string;
  what: string;
  warn: (message: string, properties?: { title?: string }) => void;
}): Promise<Visibility> {
  const { visibility, problem } = await repositoryVisibility(options);
  if (visibility === 'public') {
    options.warn(
      `${options.owner}/${options.repo} is public: ${options.what} show AWS account ids, role ARNs and source IP addresses to anyone. ` +
        'Run the nightly report from a private repository (docs/cloudtrail.md, "Where the report goes").',
      { title: 'CloudTrail report in a public repository' },
    );
  } else if (visibility === 'unknown') {
    options.warn(
      `could not tell whether ${options.owner}/${options.repo} is public (${problem ?? 'no answer'}): ` +
        `${options.what} show AWS account ids, ARNs and IP addresses to whoever can read the repository`,
    );
  }
  return visibility;
}
