import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createGitHubClient } from '../../shared/github/octokit.ts';
import { startGitHubApi, type GitHubApi } from './github-api.ts';

describe('the stand-in GitHub API, driven by the real Octokit', () => {
  let api: GitHubApi;
  before(async () => {
    api = await startGitHubApi();
    api.addToken('user-token', { login: 'octocat', access: 'write' });
    api.addToken('app-token', { login: 'github-actions[bot]', access: 'write', installation: true });
    api.addToken('fork-token', { login: 'github-actions[bot]', access: 'read', installation: true });
  });
  after(() => api.close());
  const client = (token: string) => createGitHubClient({ token, baseUrl: api.url, retries: 2 });

  it('names the token user, and refuses GET /user to an installation token as GitHub does', async () => {
    const { data } = await client('user-token').rest.users.getAuthenticated();
    assert.equal(data.login, 'octocat');
    await assert.rejects(
      client('app-token').rest.users.getAuthenticated(),
      (e: { status?: number; message?: string }) => {
        assert.equal(e.status, 403);
        assert.match(e.message ?? '', /Resource not accessible by integration/);
        return true;
      },
    );
  });

  it('pages 250 comments through Link headers, 100 at a time', async () => {
    api.seedComments(
      'octo/app',
      7,
      Array.from({ length: 250 }, (_, i) => ({ body: `c${i}`, login: 'someone' })),
    );
    const before = api.requests.length;
    const all = await client('user-token').paginate(client('user-token').rest.issues.listComments, {
      owner: 'octo',
      repo: 'app',
      issue_number: 7,
      per_page: 100,
    });
    assert.equal(all.length, 250);
    assert.equal(all[249]!.body, 'c249');
    const pages = api.requests.slice(before).map((r) => r.path);
    assert.deepEqual(pages, [
      '/repos/octo/app/issues/7/comments?per_page=100',
      '/repos/octo/app/issues/7/comments?per_page=100&page=2',
      '/repos/octo/app/issues/7/comments?per_page=100&page=3',
    ]);
  });

  it('creates, updates and deletes a comment; a read-only token gets 403; an oversized body 422', async () => {
    const octokit = client('app-token');
    const { data: created } = await octokit.rest.issues.createComment({
      owner: 'octo',
      repo: 'app',
      issue_number: 9,
      body: 'one',
    });
    assert.equal(created.user?.login, 'github-actions[bot]');
    await octokit.rest.issues.updateComment({ owner: 'octo', repo: 'app', comment_id: created.id, body: 'two' });
    assert.deepEqual(
      api.comments('octo/app', 9).map((c) => c.body),
      ['two'],
    );
    await assert.rejects(
      client('fork-token').rest.issues.createComment({ owner: 'octo', repo: 'app', issue_number: 9, body: 'x' }),
      (e: { status?: number }) => e.status === 403,
    );
    await assert.rejects(
      octokit.rest.issues.createComment({ owner: 'octo', repo: 'app', issue_number: 9, body: 'x'.repeat(65_537) }),
      (e: { status?: number; message?: string }) => e.status === 422 && /body is too long/.test(e.message ?? ''),
    );
    await octokit.rest.issues.deleteComment({ owner: 'octo', repo: 'app', comment_id: created.id });
    assert.equal(api.comments('octo/app', 9).length, 0);
    await assert.rejects(
      createGitHubClient({ token: 'nobody', baseUrl: api.url }).rest.issues.listComments({
        owner: 'o',
        repo: 'r',
        issue_number: 1,
      }),
      (e: { status?: number }) => e.status === 401,
    );
  });

  it('files, filters and edits issues (the nightly CloudTrail issue)', async () => {
    const octokit = client('app-token');
    await octokit.rest.issues.create({ owner: 'octo', repo: 'ops', title: 'other', labels: ['bug'] });
    const { data: nightly } = await octokit.rest.issues.create({
      owner: 'octo',
      repo: 'ops',
      title: 'CloudTrail nightly',
      body: 'b',
      labels: ['telltale', 'cloudtrail'],
    });
    const { data: found } = await octokit.rest.issues.listForRepo({
      owner: 'octo',
      repo: 'ops',
      labels: 'telltale,cloudtrail',
      state: 'open',
    });
    assert.deepEqual(
      found.map((i) => i.number),
      [nightly.number],
    );
    await octokit.rest.issues.update({ owner: 'octo', repo: 'ops', issue_number: nightly.number, state: 'closed' });
    const { data: open } = await octokit.rest.issues.listForRepo({ owner: 'octo', repo: 'ops', labels: 'cloudtrail' });
    assert.equal(open.length, 0);
    const { data: one } = await octokit.rest.issues.get({ owner: 'octo', repo: 'ops', issue_number: nightly.number });
    assert.equal(one.state, 'closed');
  });

  it('serves the jobs of a run attempt with their steps', async () => {
    api.setJobs('octo/app', 42, 1, [
      {
        id: 1,
        name: 'build',
        started_at: '2026-01-01T00:00:00Z',
        steps: [
          { name: 'npm ci', number: 1, started_at: '2026-01-01T00:00:01Z', completed_at: '2026-01-01T00:00:09Z' },
        ],
      },
    ]);
    const { data } = await client('app-token').rest.actions.listJobsForWorkflowRunAttempt({
      owner: 'octo',
      repo: 'app',
      run_id: 42,
      attempt_number: 1,
    });
    assert.equal(data.total_count, 1);
    assert.equal(data.jobs[0]!.steps![0]!.name, 'npm ci');
    api.setJobs('octo/app', 42, 2, [{ id: 2, name: 'build (retry)', started_at: '2026-01-01T01:00:00Z', steps: [] }]);
    const latest = await client('app-token').rest.actions.listJobsForWorkflowRun({
      owner: 'octo',
      repo: 'app',
      run_id: 42,
    });
    assert.deepEqual(
      latest.data.jobs.map((j) => j.name),
      ['build (retry)'],
    );
  });

  it('answers rate limits for the next requests and Octokit retries through them', async () => {
    for (const kind of ['primary', 'secondary', 'plain429'] as const) {
      api.rateLimitNext(1, kind, 1);
      const start = api.requests.length;
      const { data } = await client('user-token').rest.users.getAuthenticated();
      assert.equal(data.login, 'octocat', kind);
      const statuses = api.requests.slice(start).map((r) => r.status);
      assert.deepEqual(statuses, [kind === 'secondary' ? 403 : 429, 200], kind);
    }
  });

  it('serves GitHub Enterprise Server paths under /api/v3', async () => {
    const ghes = await startGitHubApi({ prefix: '/api/v3' });
    try {
      ghes.addToken('t', { login: 'ghe-user', access: 'write' });
      assert.match(ghes.url, /\/api\/v3$/);
      const { data } = await createGitHubClient({ token: 't', baseUrl: ghes.url }).rest.users.getAuthenticated();
      assert.equal(data.login, 'ghe-user');
    } finally {
      await ghes.close();
    }
  });
});
