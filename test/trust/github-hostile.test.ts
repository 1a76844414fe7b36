/**
 * Telltale against a GitHub API that is hostile or broken, over real HTTP (the stand-in API): a
 * GitHub App's token still finds its own sticky comment, a planted marker is never edited or
 * deleted, an echoed token is never printed, a hung API or endless pages cost a bounded time, and a
 * public repository is said to be public before a CloudTrail report is filed in it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { publishComment, stickyMarker, upsertStickyComment } from '../../shared/github/comments.ts';
import { createGitHubClient } from '../../shared/github/octokit.ts';
import { warnWhenPublic } from '../../shared/github/repository.ts';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.ts';

describe('a hostile or unusual GitHub API', () => {
  let api: GitHubApi;
  before(async () => {
    api = await startGitHubApi();
    api.addToken('app-token-0123456789', { login: 'telltale-app[bot]', access: 'write', installation: true });
    api.addToken('ro-token-0123456789', { login: 'github-actions[bot]', access: 'read', installation: true });
    api.addToken('actions-token-0123', { login: 'github-actions[bot]', access: 'write', installation: true });
  });
  after(() => api.close());
  const target = (issue: number) => ({ owner: 'octo', repo: 'app', issue });

  it('a GitHub App token (GET /user refused) updates its one sticky comment instead of adding more', async () => {
    const client = createGitHubClient({ token: 'app-token-0123456789', baseUrl: api.url, retries: 0 });
    const first = await upsertStickyComment(client, target(1), 'egress', 'one new endpoint');
    const second = await upsertStickyComment(client, target(1), 'egress', 'two new endpoints');
    const third = await upsertStickyComment(client, target(1), 'egress', 'two new endpoints');
    assert.deepEqual([first.action, second.action, third.action], ['created', 'updated', 'unchanged']);
    const comments = api.comments('octo/app', 1);
    assert.equal(comments.length, 1);
    assert.equal(comments[0]!.login, 'telltale-app[bot]');
    assert.ok(
      api.requests.some((r) => r.path === '/user' && r.status === 403),
      'GET /user was refused',
    );
  });

  it("a marker pasted into a person's comment is never updated nor deleted", async () => {
    const [planted] = api.seedComments('octo/app', 2, [
      { body: `${stickyMarker('egress')}\nall clear!`, login: 'mallory' },
    ]);
    const client = createGitHubClient({ token: 'app-token-0123456789', baseUrl: api.url, retries: 0 });
    await upsertStickyComment(client, target(2), 'egress', 'one new endpoint');
    await upsertStickyComment(client, target(2), 'egress', 'still one new endpoint');
    const comments = api.comments('octo/app', 2);
    assert.equal(comments.length, 2);
    assert.equal(comments.find((c) => c.id === planted!.id)?.body, `${stickyMarker('egress')}\nall clear!`);
    assert.match(comments.find((c) => c.login === 'telltale-app[bot]')!.body, /still one new endpoint/);
  });

  it('the github-actions bot and an App keep to their own comments with the same key', async () => {
    const app = createGitHubClient({ token: 'app-token-0123456789', baseUrl: api.url, retries: 0 });
    const actions = createGitHubClient({ token: 'actions-token-0123', baseUrl: api.url, retries: 0 });
    await upsertStickyComment(app, target(3), 'egress', 'from the app');
    await upsertStickyComment(actions, target(3), 'egress', 'from actions', { author: 'github-actions[bot]' });
    await upsertStickyComment(actions, target(3), 'egress', 'from actions, again', { author: 'github-actions[bot]' });
    const bodies = api.comments('octo/app', 3).map((c) => `${c.login}: ${c.body.split('\n')[1]}`);
    assert.deepEqual(bodies, ['telltale-app[bot]: from the app', 'github-actions[bot]: from actions, again']);
  });

  it('a token the API echoes in its error is not in the log line nor in the job summary', async () => {
    api.hostile({ echoToken: true });
    try {
      const logs: string[] = [];
      const summaries: string[] = [];
      const outcome = await publishComment({
        token: 'ro-token-0123456789',
        apiUrl: api.url,
        target: target(4),
        key: 'egress',
        body: 'report',
        summary: async (md) => void summaries.push(md),
        log: (m) => void logs.push(m),
        retries: 0,
      });
      assert.equal(outcome.posted, false);
      assert.ok(
        api.requests.some((r) => r.status >= 400),
        'the API answered with an error quoting the token',
      );
      const printed = [...logs, ...summaries, outcome.posted ? '' : outcome.message].join('\n');
      assert.match(printed, /token \*\*\* was refused/);
      assert.doesNotMatch(printed, /ro-token-0123456789/);
    } finally {
      api.hostile({});
    }
  });

  it('a request the API never answers fails after the timeout, not never', async () => {
    api.hostile({ stall: /^\/repos\/octo\/app\/issues\/5\/comments/ });
    try {
      const client = createGitHubClient({
        token: 'app-token-0123456789',
        baseUrl: api.url,
        retries: 0,
        timeoutMs: 300,
      });
      const started = Date.now();
      await assert.rejects(
        client.rest.issues.listComments({ owner: 'octo', repo: 'app', issue_number: 5 }),
        /took longer than 300 ms/,
      );
      assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    } finally {
      api.hostile({});
    }
  });

  it('pagination that never ends stops at the page budget, with a log line', async () => {
    api.seedComments('octo/app', 6, [{ body: 'hello', login: 'alice' }]);
    api.hostile({ endlessPages: true });
    try {
      const logs: string[] = [];
      const client = createGitHubClient({
        token: 'app-token-0123456789',
        baseUrl: api.url,
        retries: 0,
        maxPages: 7,
        log: (m) => void logs.push(m),
      });
      const before = api.requests.length;
      const comments = await client.paginate(client.rest.issues.listComments, {
        owner: 'octo',
        repo: 'app',
        issue_number: 6,
        per_page: 100,
      });
      assert.equal(comments.length, 1);
      assert.equal(api.requests.length - before, 7);
      assert.match(logs.join('\n'), /stopped reading .* after 7 pages/);
    } finally {
      api.hostile({});
    }
  });

  it('a CloudTrail report bound for a public repository is warned about; a private one is not', async () => {
    api.setRepository('octo/public-app', { private: false, visibility: 'public' });
    api.setRepository('octo/secops', { private: true });
    const warnings: string[] = [];
    const check = (repo: string) =>
      warnWhenPublic({
        token: 'actions-token-0123',
        apiUrl: api.url,
        owner: 'octo',
        repo,
        what: 'the report issue',
        warn: (m) => void warnings.push(m),
      });
    assert.equal(await check('public-app'), 'public');
    assert.match(warnings.pop() ?? '', /octo\/public-app is public: the report issue show AWS account ids/);
    assert.equal(await check('secops'), 'private');
    assert.deepEqual(warnings, []);
    assert.equal(await check('unknown-repo'), 'unknown');
    assert.match(warnings.pop() ?? '', /could not tell whether octo\/unknown-repo is public \(HTTP 404\)/);
  });
});
