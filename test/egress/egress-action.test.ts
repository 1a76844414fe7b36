/**
 * actions/egress as the runner runs it, inside the world's runner namespace: `main` starts tcpdump,
 * the job's "other steps" run real clients, `post` stops the capture, asks the GitHub API stand-in
 * (bridged into the namespace) which step ran when, diffs against the manifest and comments on the PR.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { EgressReport } from '../../shared/egress/model/report.ts';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.ts';
import { node24, repoRoot, runAction, type RunResult } from '../harness/runner.ts';
import { createWorld, worldSkipReason, type World } from '../harness/world.ts';

const built = existsSync(path.join(repoRoot, 'dist', 'egress', 'post', 'index.js'));
const skip =
  worldSkipReason() ||
  (spawnSync('tcpdump', ['--version']).status !== 0 && 'needs tcpdump') ||
  (!built && 'bundle not built (npm run build)');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The Actions API reports step times in whole seconds. */
const apiTime = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
/** Waits until the wall clock enters a new second, so two steps never share one. */
async function nextSecond() {
  await sleep(1000 - (Date.now() % 1000) + 20);
}

describe('actions/egress in a job', { skip }, () => {
  let world: World;
  let api: GitHubApi;
  let apiPort: number;

  before(async () => {
    world = await createWorld({ hosts: [{ name: 'registry.example.test' }, { name: 'telemetry.example.test' }] });
    api = await startGitHubApi();
    api.addToken('rw-token', { login: 'github-actions[bot]', access: 'write', installation: true });
    apiPort = await world.bridge(Number(new URL(api.url).port));
  });
  after(async () => {
    await api?.close();
    await world?.close();
  });

  /** Runs the action around two job steps whose times the jobs API then reports. */
  async function job(options: { inputs?: Record<string, string>; pr?: number; runId: number }) {
    const result: RunResult = await runAction({
      action: 'egress',
      wrapper: ['ip', 'netns', 'exec', world.runnerNs],
      ...(node24() ? { node: node24()! } : {}),
      token: 'rw-token',
      inputs: options.inputs ?? {},
      env: {
        GITHUB_API_URL: `http://127.0.0.1:${apiPort}`,
        GITHUB_REPOSITORY: 'octo/app',
        GITHUB_RUN_ID: String(options.runId),
        ...world.clientEnv(),
      },
      event: options.pr
        ? { name: 'pull_request', payload: { pull_request: { number: options.pr } } }
        : { name: 'push', payload: {} },
      timeoutMs: 60_000,
      afterPhase: async (phase, step) => {
        if (phase !== 'main') return;
        assert.equal(step.exitCode, 0, step.stdout + step.stderr);
        await nextSecond();
        const installStart = Date.now();
        await world.exec('curl', ['-sS', '-o', '/dev/null', 'https://registry.example.test/'], {
          env: world.clientEnv(),
        });
        const installEnd = Date.now();
        await nextSecond();
        const testStart = Date.now();
        await world.exec(process.execPath, ['-e', "fetch('https://telemetry.example.test/t').then((r) => r.text())"], {
          env: world.clientEnv(),
        });
        const testEnd = Date.now();
        api.setJobs('octo/app', options.runId, 1, [
          {
            id: 1,
            name: 'lint',
            status: 'completed',
            runner_name: 'another-runner',
            started_at: apiTime(installStart - 5000),
            steps: [{ name: 'npm ci', number: 1, started_at: apiTime(installStart), completed_at: apiTime(testEnd) }],
          },
          {
            id: 2,
            name: 'build (ubuntu)',
            status: 'in_progress',
            runner_name: 'telltale-harness',
            started_at: apiTime(installStart - 5000),
            steps: [
              {
                name: 'Set up job',
                number: 1,
                started_at: apiTime(installStart - 5000),
                completed_at: apiTime(installStart - 4000),
              },
              {
                name: 'telltale egress',
                number: 2,
                started_at: apiTime(installStart - 3000),
                completed_at: apiTime(installStart - 2000),
              },
              { name: 'npm ci', number: 3, started_at: apiTime(installStart), completed_at: apiTime(installEnd) },
              { name: 'npm test', number: 4, started_at: apiTime(testStart), completed_at: apiTime(testEnd) },
              { name: 'Post telltale egress', number: 5, started_at: apiTime(Date.now()), completed_at: null },
            ],
          },
        ]);
      },
    });
    return { result };
  }

  it('names each endpoint and the step that reached it, without a manifest', async () => {
    const { result } = await job({ runId: 501 });
    try {
      const post = result.post!;
      assert.equal(post.exitCode, 0, post.stdout + post.stderr);
      const report = JSON.parse(readFileSync(post.outputs.report!, 'utf8')) as EgressReport;
      const steps = Object.fromEntries(
        report.endpoints.filter((e) => e.host.endsWith('.example.test')).map((e) => [e.host, e.steps]),
      );
      assert.deepEqual(steps, {
        'registry.example.test': ['npm ci'],
        'telemetry.example.test': ['npm test'],
      });
      assert.equal(report.job, 'build (ubuntu)');
      assert.equal(report.capture.dropped, 0);
      assert.match(post.summary, /Egress of this job/);
      assert.match(post.summary, /`telemetry\.example\.test`/);
      assert.equal(post.outputs.verdict, 'pass');
      assert.ok(Number(post.outputs.endpoints) >= 2);
      assert.ok(!spawnSync('pgrep', ['-f', post.outputs.pcap!]).stdout.length, 'tcpdump is gone after post');
      const jobsCalls = api.requests.filter((r) =>
        r.path.startsWith('/repos/octo/app/actions/runs/501/attempts/1/jobs'),
      );
      assert.equal(jobsCalls.length, 1);
    } finally {
      await result.cleanup();
    }
  });

  it('under enforce with a manifest, comments on the PR and fails on the new endpoint', async () => {
    const manifestDir = path.join(world.dir, 'repo', '.github');
    await mkdir(manifestDir, { recursive: true });
    const manifest = path.join(manifestDir, 'egress.yml');
    // The job's own DNS and the API stand-in are allowed by address; the telemetry host is not listed.
    await writeFile(
      manifest,
      [
        'version: 1',
        'allow:',
        '  - host: registry.example.test',
        '    ports: [443]',
        '  - cidr: 127.0.0.0/8',
        '    ports: [1-65535]',
        '  - cidr: 10.77.0.2/32',
        '    ports: [53]',
        '  - cidr: fd77::2/128',
        '    ports: [53]',
        '',
      ].join('\n'),
    );
    const { result } = await job({ runId: 502, pr: 9, inputs: { manifest, policy: 'enforce' } });
    try {
      const post = result.post!;
      assert.equal(post.exitCode, 1, post.stdout);
      assert.equal(post.outputs.verdict, 'fail', post.stdout);
      assert.equal(post.outputs['new-count'], '1');
      const error = post.annotations.find((a) => a.level === 'error');
      assert.match(error?.message ?? '', /1 new endpoint\(s\) not in .*telemetry\.example\.test:443/);
      const comments = api.comments('octo/app', 9);
      assert.equal(comments.length, 1);
      assert.match(comments[0]!.body, /telemetry\.example\.test/);
      assert.match(comments[0]!.body, /npm test/, 'the comment says which step reached it');
    } finally {
      await result.cleanup();
    }
  });

  it('mode: stop in a later step reports early, so the job can upload the report; post then does nothing', async () => {
    const reportDir = path.join(world.dir, 'early');
    let stop: RunResult | undefined;
    const first = await runAction({
      action: 'egress',
      wrapper: ['ip', 'netns', 'exec', world.runnerNs],
      inputs: { 'report-dir': reportDir, steps: 'false' },
      env: world.clientEnv(),
      timeoutMs: 60_000,
      afterPhase: async (phase) => {
        if (phase !== 'main') return;
        await world.exec('curl', ['-sS', '-o', '/dev/null', 'https://registry.example.test/'], {
          env: world.clientEnv(),
        });
        stop = await runAction({
          action: 'egress',
          wrapper: ['ip', 'netns', 'exec', world.runnerNs],
          inputs: { 'report-dir': reportDir, mode: 'stop', steps: 'false' },
          timeoutMs: 60_000,
        });
        // What happens after the stop step is not in the report.
        await world.exec('curl', ['-sS', '-o', '/dev/null', 'https://telemetry.example.test/'], {
          env: world.clientEnv(),
        });
      },
    });
    try {
      assert.ok(stop);
      assert.equal(stop.main.exitCode, 0, stop.main.stdout);
      assert.match(stop.post!.stdout, /no capture was started by this step/, 'the stop step’s own post does nothing');
      const report = JSON.parse(readFileSync(stop.main.outputs.report!, 'utf8')) as EgressReport;
      const hosts = report.endpoints.map((e) => e.host).filter((h) => h.endsWith('.example.test'));
      assert.deepEqual(hosts, ['registry.example.test']);
      assert.equal(first.post!.exitCode, 0);
      assert.match(first.post!.stdout, /already reported by a later step/);
    } finally {
      await stop?.cleanup();
      await first.cleanup();
    }
  });

  it('a typo in an input fails main before the job runs, and post has nothing to stop', async () => {
    const result = await runAction({
      action: 'egress',
      wrapper: ['ip', 'netns', 'exec', world.runnerNs],
      inputs: { policy: 'enforced' },
      timeoutMs: 60_000,
    });
    try {
      assert.equal(result.main.exitCode, 1);
      assert.match(
        result.main.annotations[0]?.message ?? '',
        /policy must be 'audit', 'enforce' or 'block', not 'enforced'/,
      );
      assert.equal(result.post!.exitCode, 0);
      assert.match(result.post!.stdout, /no capture was started/);
    } finally {
      await result.cleanup();
    }
  });
});
