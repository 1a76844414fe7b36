/**
 * The sticky PR comment against the stand-in GitHub API over HTTP, with the real Octokit (retry and
 * throttling plugins included): the comment a reviewer sees stays one comment however many others
 * pile up, and a comment that cannot be posted never fails the step.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { publishComment, stickyMarker, upsertStickyComment, MAX_COMMENT_LENGTH } from '../../shared/github/comments.ts';
import { createGitHubClient } from '../../shared/github/octokit.ts';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.ts';

const BOT = 'github-actions[bot]';

describe('one sticky comment per key', () => {
  let api: GitHubApi;
  before(async () => {
    api = await startGitHubApi();
    api.addToken('rw', { login: BOT, access: 'write', installation: true });
    api.addToken('ro', { login: BOT, access: 'read', installation: true });
    api.addToken('pat', { login: 'octocat', access: 'write' });
  });
  after(() => api.close());
  const target = (issue: number) => ({ owner: 'octo', repo: 'app', issue });
  const client = (token = 'rw') => createGitHubClient({ token, baseUrl: api.url, retries: 2 });
  const summaries: string[] = [];
  const publish = (
    issue: number,
    body: string,
    token = 'rw',
    extra: Partial<Parameters<typeof publishComment>[0]> = {},
  ) =>
    publishComment({
      token,
      apiUrl: api.url,
      target: target(issue),
      key: 'egress',
      body,
      summary: async (md) => void summaries.push(md),
      log: () => {},
      retries: 2,
      ...extra,
    });

  it('finds its comment behind 150 others on the second page and updates it in place', async () => {
    api.seedComments(
      'octo/app',
      1,
      Array.from({ length: 150 }, (_, i) => ({ body: `review ${i}`, login: 'alice' })),
    );
    const first = await publish(1, 'two new endpoints');
    assert.equal(first.posted && first.action, 'created');
    api.seedComments(
      'octo/app',
      1,
      Array.from({ length: 20 }, (_, i) => ({ body: `later ${i}`, login: 'bob' })),
    );

    const second = await publish(1, 'three new endpoints');
    assert.equal(second.posted && second.action, 'updated');
    assert.equal(second.posted && first.posted && second.id, first.posted && first.id);

    const ours = api.comments('octo/app', 1).filter((c) => c.body.includes(stickyMarker('egress')));
    assert.equal(ours.length, 1, 'never duplicated');
    assert.equal(ours[0]!.body, `${stickyMarker('egress')}\nthree new endpoints`);
    // The comment sits at position 151 of 171: finding it needed page 2 of 100.
    const pages = api.requests.filter(
      (r) => r.method === 'GET' && r.path.startsWith('/repos/octo/app/issues/1/comments'),
    );
    assert.ok(
      pages.some((r) => r.path.includes('page=2')),
      'read the second page',
    );
  });

  it('does not write at all when the body is unchanged', async () => {
    await publish(2, 'same verdict');
    const writesBefore = api.writes().length;
    const again = await publish(2, 'same verdict');
    assert.equal(again.posted && again.action, 'unchanged');
    assert.equal(api.writes().length, writesBefore);
  });

  it('leaves alone a marker copied by someone else and keeps keys apart', async () => {
    api.seedComments('octo/app', 3, [{ body: `${stickyMarker('egress')}\nquoted by a human`, login: 'mallory' }]);
    await publish(3, 'egress verdict');
    await publish(3, 'audit verdict', 'rw', { key: 'audit' });
    const bodies = api.comments('octo/app', 3).map((c) => `${c.login}: ${c.body.split('\n')[1]}`);
    assert.deepEqual(bodies, ['mallory: quoted by a human', `${BOT}: egress verdict`, `${BOT}: audit verdict`]);
  });

  it('matches on the token user when GET /user names one (a personal access token)', async () => {
    api.seedComments('octo/app', 4, [{ body: `${stickyMarker('egress')}\nold`, login: BOT }]);
    const result = await upsertStickyComment(client('pat'), target(4), 'egress', 'from a PAT');
    assert.equal(result.action, 'created', "the bot's comment is not octocat's");
    assert.equal(api.comments('octo/app', 4).length, 2);
  });

  it('a read-only token (fork PR) writes the body to the job summary with the workflow_run pattern', async () => {
    summaries.length = 0;
    const outcome = await publish(5, '⚠️ 1 new endpoint', 'ro');
    assert.equal(outcome.posted, false);
    assert.equal(!outcome.posted && outcome.reason, 'read-only');
    assert.equal(api.comments('octo/app', 5).length, 0);
    assert.equal(summaries.length, 1);
    assert.match(summaries[0]!, /workflow_run/);
    assert.match(summaries[0]!, /⚠️ 1 new endpoint/);
  });

  it('retries through a 429 and a secondary rate limit, then posts', async () => {
    for (const kind of ['primary', 'secondary'] as const) {
      api.rateLimitNext(1, kind, 1);
      const outcome = await publish(6, `after ${kind}`);
      assert.equal(outcome.posted, true, kind);
      const statuses = api.requests.filter((r) => r.status === 429 || r.status === 403).length;
      assert.ok(statuses >= 1, 'the limit was hit');
    }
    assert.equal(api.comments('octo/app', 6).length, 1);
  });

  it('gives up on a rate limit that does not clear and degrades to the summary', async () => {
    summaries.length = 0;
    api.rateLimitNext(50, 'secondary', 1);
    const outcome = await publish(7, 'never posted', 'rw', { retries: 1 });
    api.rateLimitNext(0, 'secondary');
    assert.equal(!outcome.posted && outcome.reason, 'rate-limited');
    assert.match(summaries[0] ?? '', /rate limit/);
    assert.match(summaries[0] ?? '', /never posted/);
  });

  it('cuts a body over 65,536 characters and says where the rest is', async () => {
    const huge = Array.from({ length: 4000 }, (_, i) => `| host-${i}.example | 443 |`).join('\n');
    assert.ok(huge.length > MAX_COMMENT_LENGTH);
    const outcome = await publish(8, huge);
    assert.equal(outcome.posted, true);
    const [comment] = api.comments('octo/app', 8);
    assert.ok(comment!.body.length <= MAX_COMMENT_LENGTH);
    assert.match(comment!.body, /job summary/);
  });
});
