/**
 * actions/cloudtrail as the runner runs it (the committed bundle, under Node 24 when available) over
 * the bundled AWSLogs sample, with the stand-in GitHub API for the nightly issue.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.ts';
import { node24, repoRoot, withAction } from '../harness/runner.ts';

const built = existsSync(path.join(repoRoot, 'dist', 'cloudtrail', 'main', 'index.js'));
const samples = path.join(repoRoot, 'samples', 'cloudtrail');

describe('actions/cloudtrail', { skip: built ? false : 'bundle not built (npm run build)' }, () => {
  let api: GitHubApi;
  before(async () => {
    api = await startGitHubApi();
    api.addToken('rw-token', { login: 'github-actions[bot]', access: 'write', installation: true });
    api.addToken('ro-token', { login: 'github-actions[bot]', access: 'read', installation: true });
  });
  after(async () => api?.close());

  const run = (inputs: Record<string, string>, token = 'rw-token') =>
    withAction(
      {
        action: 'cloudtrail',
        ...(node24() ? { node: node24()! } : {}),
        token,
        inputs: { source: samples, since: 'all', ...inputs },
        env: { GITHUB_API_URL: api.url, GITHUB_REPOSITORY: 'octo/infra', GITHUB_RUN_ID: '77' },
        event: { name: 'schedule', payload: {} },
        timeoutMs: 60_000,
      },
      (result) => {
        const main = result.main;
        const read = (output: string) => (main.outputs[output] ? readFileSync(main.outputs[output]!, 'utf8') : '');
        return { main, report: read('report'), dashboard: read('dashboard') };
      },
    );

  it('reports, files one issue, and fails at high', async () => {
    const { main, report, dashboard } = await run({});
    assert.equal(main.exitCode, 1, main.stdout);
    const error = main.annotations.find((a) => a.level === 'error');
    assert.match(error?.message ?? '', /finding\(s\) at high or above: 4 critical, 3 high/);
    const json = JSON.parse(report) as { findings: { eventName: string; severity: string }[] };
    assert.ok(json.findings.some((f) => f.eventName === 'DeleteRoute' && f.severity === 'high'));
    assert.match(dashboard, /^<!doctype html>/i);
    assert.match(main.summary, /DeleteRoute 0\\\.0\\\.0\\\.0\/0/);
    assert.equal(main.outputs.highest, 'critical');
    // The truncated sample file is reported, not fatal.
    assert.ok(main.annotations.some((a) => a.level === 'warning' && /unreadable CloudTrail file/.test(a.message)));
    const issues = api.issues('octo/infra');
    assert.equal(issues.length, 1);
    assert.deepEqual(issues[0]!.labels, ['telltale-cloudtrail']);
    assert.match(issues[0]!.title, /^CloudTrail report \d{4}-\d\d-\d\d: 4 critical, 3 high/);
    assert.equal(main.outputs['issue-url'], `https://github.com/octo/infra/issues/${issues[0]!.number}`);
  });

  it('the next night updates the open issue and comments; once closed, the next night with findings opens a new one', async () => {
    const { main } = await run({ 'fail-on': 'never' });
    assert.equal(main.exitCode, 0, main.stdout);
    const [issue] = api.issues('octo/infra');
    assert.equal(api.issues('octo/infra').length, 1, 'still one issue');
    assert.equal(api.comments('octo/infra', issue!.number).length, 1, 'watchers hear about the new night');
    issue!.state = 'closed';
    await run({ 'fail-on': 'never' });
    const all = api.issues('octo/infra');
    assert.equal(all.length, 2);
    assert.equal(all.filter((i) => i.state === 'open').length, 1);
  });

  it('with a read-only token the report still lands in the summary and the step fails only on findings', async () => {
    const { main } = await run({ 'fail-on': 'never', 'issue-key': 'ro' }, 'ro-token');
    assert.equal(main.exitCode, 0, main.stdout);
    assert.ok(main.annotations.some((a) => a.level === 'warning' && /issues: write/.test(a.message)));
    assert.match(main.summary, /CloudTrail: risky changes/);
  });

  it('a bad input fails with a message naming it, not a stack', async () => {
    const { main } = await run({ 'fail-on': 'severe' });
    assert.equal(main.exitCode, 1);
    assert.match(main.annotations[0]?.message ?? '', /fail-on must be one of .*not 'severe'/);
    const missing = await run({ source: path.join(samples, 'no-such-folder') });
    assert.equal(missing.main.exitCode, 1);
    assert.doesNotMatch(missing.main.stdout, /internal error|\n\s+at /);
  });
});
