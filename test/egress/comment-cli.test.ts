/**
 * `telltale comment` inside a job, the generic poster audit and CloudTrail reuse: context from the
 * runner's environment (GITHUB_REPOSITORY, GITHUB_EVENT_PATH, GITHUB_API_URL for GHES), the stand-in
 * API behind a GHES-style /api/v3 prefix, the real CLI in a child process.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.ts';
import { repoRoot } from '../harness/runner.ts';

function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/index.ts', ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('telltale comment', () => {
  let api: GitHubApi;
  let dir: string;
  let env: Record<string, string>;
  before(async () => {
    api = await startGitHubApi({ prefix: '/api/v3' });
    api.addToken('rw', { login: 'github-actions[bot]', access: 'write', installation: true });
    api.addToken('ro', { login: 'github-actions[bot]', access: 'read', installation: true });
    dir = await mkdtemp(path.join(tmpdir(), 'telltale-comment-cli-'));
    await writeFile(path.join(dir, 'event.json'), JSON.stringify({ pull_request: { number: 31 } }));
    await writeFile(path.join(dir, 'body.md'), '### Audit\n\n3 controls failed.\n');
    await writeFile(path.join(dir, 'summary.md'), '');
    env = {
      GITHUB_API_URL: api.url,
      GITHUB_REPOSITORY: 'octo/app',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path.join(dir, 'event.json'),
      GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
    };
  });
  after(async () => {
    await api.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('posts to the PR from the event through a GHES API root, then updates the same comment', async () => {
    const first = await cli(['comment', '--body-file', path.join(dir, 'body.md'), '--key', 'audit'], {
      ...env,
      GITHUB_TOKEN: 'rw',
    });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^created https:\/\/github\.com\/octo\/app\/pull\/31#issuecomment-\d+/);
    await writeFile(path.join(dir, 'body.md'), '### Audit\n\n2 controls failed.\n');
    const second = await cli(['comment', '--body-file', path.join(dir, 'body.md'), '--key', 'audit', '--pr', '31'], {
      ...env,
      GITHUB_TOKEN: 'rw',
    });
    assert.match(second.stdout, /^updated /);
    const comments = api.comments('octo/app', 31);
    assert.equal(comments.length, 1);
    assert.match(comments[0]!.body, /2 controls failed/);
  });

  it('with a read-only token exits 0 and leaves the body in the job summary', async () => {
    const run = await cli(['comment', '--body-file', path.join(dir, 'body.md'), '--key', 'audit', '--pr', '32'], {
      ...env,
      GITHUB_TOKEN: 'ro',
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /not posted \(read-only\)/);
    const summary = await readFile(path.join(dir, 'summary.md'), 'utf8');
    assert.match(summary, /PR comment not posted/);
    assert.match(summary, /2 controls failed/);
  });

  it('refuses a key that could close the hidden marker, and a missing token, as usage errors', async () => {
    const badKey = await cli(['comment', '--body-file', path.join(dir, 'body.md'), '--key', 'x-->'], {
      ...env,
      GITHUB_TOKEN: 'rw',
    });
    assert.equal(badKey.code, 2);
    assert.match(badKey.stderr, /comment key 'x-->'/);
    const noToken = await cli(['comment', '--body-file', path.join(dir, 'body.md'), '--key', 'audit'], env);
    assert.equal(noToken.code, 2);
    assert.match(noToken.stderr, /GITHUB_TOKEN is not set/);
  });
});
