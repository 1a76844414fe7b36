/**
 * actions/egress-report as the runner runs it: the committed bundle under Node 24 (when available),
 * reports from two matrix jobs in a downloaded-artifact folder, the stand-in GitHub API for the PR.
 * One verdict, one sticky comment; a fork's read-only token never fails the step.
 *
 * TELLTALE_TEST_ROOT may point at a folder holding actions/ and dist/ (e.g. a private build made with
 * `node scripts/build.mjs --out DIR`); by default the repository's own dist/ is used.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.ts';
import { node24, repoRoot, withAction } from '../harness/runner.ts';

const root = process.env.TELLTALE_TEST_ROOT ?? repoRoot;
const built = existsSync(path.join(root, 'dist', 'egress-report', 'main', 'index.js'));

const endpoint = (host: string, port: number, steps: string[]) => ({
  host,
  port,
  transport: 'tcp',
  protocol: 'tls',
  addresses: ['198.51.100.7'],
  namedBy: 'sni',
  firstSeen: '2026-11-23T06:00:00.000Z',
  lastSeen: '2026-11-23T06:00:02.000Z',
  connections: 2,
  failed: 0,
  bytes: 5120,
  steps,
});

describe(
  'actions/egress-report',
  { skip: built ? false : 'bundle not built (npm run build, or set TELLTALE_TEST_ROOT)' },
  () => {
    let api: GitHubApi;
    let dir: string;
    before(async () => {
      api = await startGitHubApi();
      api.addToken('rw-token', { login: 'github-actions[bot]', access: 'write', installation: true });
      api.addToken('fork-token', { login: 'github-actions[bot]', access: 'read', installation: true });
      dir = await mkdtemp(path.join(tmpdir(), 'telltale-egress-report-'));
      // What actions/download-artifact writes: one folder per artifact.
      for (const [job, endpoints] of [
        [
          'egress-report-22',
          [endpoint('registry.npmjs.org', 443, ['npm ci']), endpoint('telemetry.example', 443, ['npm ci'])],
        ],
        [
          'egress-report-24',
          [endpoint('registry.npmjs.org', 443, ['npm ci']), endpoint('x](https://evil)', 443, ['npm test'])],
        ],
      ] as const) {
        await mkdir(path.join(dir, 'reports', job), { recursive: true });
        await writeFile(
          path.join(dir, 'reports', job, 'egress-report.json'),
          JSON.stringify({ version: 1, job, endpoints }),
        );
      }
      await writeFile(
        path.join(dir, 'egress.yml'),
        'version: 1\nallow:\n  - host: registry.npmjs.org # npm\n    ports: [443]\n  - host: pypi.org\n    ports: [443]\n',
      );
    });
    after(async () => {
      await api.close();
      await rm(dir, { recursive: true, force: true });
    });

    const run = (inputs: Record<string, string>, token: string, pr: number) =>
      withAction(
        {
          action: 'egress-report',
          root,
          ...(node24() ? { node: node24()! } : {}),
          token,
          inputs: { reports: path.join(dir, 'reports'), manifest: path.join(dir, 'egress.yml'), ...inputs },
          env: { GITHUB_API_URL: api.url, GITHUB_REPOSITORY: 'octo/app' },
          event: { name: 'pull_request', payload: { pull_request: { number: pr } } },
          timeoutMs: 60_000,
        },
        (result) => result.main,
      );

    it('merges both jobs into one verdict and one sticky comment, updated in place on the next run', async () => {
      const first = await run({ policy: 'audit' }, 'rw-token', 21);
      assert.equal(first.exitCode, 0, first.stderr + first.stdout);
      assert.equal(first.outputs['new-count'], '2');
      assert.equal(first.outputs['allowed-count'], '1');
      assert.equal(first.outputs.verdict, 'pass');
      assert.match(first.summary, /2 new endpoints not in/);
      const comments = api.comments('octo/app', 21);
      assert.equal(comments.length, 1);
      assert.match(comments[0]!.body, /Merged from 2 reports/);
      assert.match(comments[0]!.body, /`x\]\(https:\/\/evil\)`/, 'the hostile name is a code span, not a link');
      assert.equal(first.outputs['comment-url'], `https://github.com/octo/app/pull/21#issuecomment-${comments[0]!.id}`);

      const writes = api.writes().length;
      const second = await run({ policy: 'audit' }, 'rw-token', 21);
      assert.equal(second.exitCode, 0);
      assert.equal(api.comments('octo/app', 21).length, 1, 'never a second comment');
      assert.equal(api.writes().length, writes, 'unchanged body: no write');
    });

    it('under enforce, fails the step with the new endpoints named', async () => {
      const step = await run({ policy: 'enforce' }, 'rw-token', 22);
      assert.equal(step.exitCode, 1);
      assert.equal(step.outputs.verdict, 'fail');
      const error = step.annotations.find((a) => a.level === 'error');
      assert.match(error?.message ?? '', /2 new endpoint\(s\) not in .*telemetry\.example:443/);
    });

    it('with a fork PR read-only token, passes and puts the verdict and the workflow_run pattern in the summary', async () => {
      const step = await run({ policy: 'audit' }, 'fork-token', 23);
      assert.equal(step.exitCode, 0, step.stdout);
      assert.equal(api.comments('octo/app', 23).length, 0);
      assert.match(step.summary, /2 new endpoints not in/);
      assert.match(step.summary, /PR comment not posted/);
      assert.match(step.summary, /workflow_run/);
      assert.equal(step.outputs['comment-url'], undefined);
    });
  },
);
