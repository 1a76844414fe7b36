/**
 * actions/egress with `policy: block`, as the runner runs it inside the world's runner namespace:
 * `main` puts the firewall up, the job's steps run real clients (one allowed, one not), `post` takes it
 * down and the PR comment shows what was blocked, in which step, by which process, and the line that
 * would allow it. And a job cancelled between main and post (the follower gets SIGTERM) leaves nothing.
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

// TELLTALE_ACTION_ROOT: a folder with actions/ and a freshly built dist/ (the lead's integration build).
const actionRoot = process.env.TELLTALE_ACTION_ROOT ?? repoRoot;
const built = existsSync(path.join(actionRoot, 'dist', 'egress', 'post', 'index.js'));
const skip =
  worldSkipReason() ||
  (spawnSync('tcpdump', ['--version']).status !== 0 && 'needs tcpdump') ||
  (spawnSync('nft', ['--version']).status !== 0 && 'needs nft') ||
  (!built && 'bundle not built (npm run build)');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const apiTime = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
async function nextSecond() {
  await sleep(1000 - (Date.now() % 1000) + 20);
}

describe('actions/egress with policy: block', { skip }, () => {
  let world: World;
  let api: GitHubApi;
  let apiPort: number;
  let manifest = '';

  before(async () => {
    world = await createWorld({ hosts: [{ name: 'registry.example.test' }, { name: 'telemetry.example.test' }] });
    api = await startGitHubApi();
    api.addToken('rw-token', { login: 'github-actions[bot]', access: 'write', installation: true });
    apiPort = await world.bridge(Number(new URL(api.url).port));
    const dir = path.join(world.dir, 'repo', '.github');
    await mkdir(dir, { recursive: true });
    manifest = path.join(dir, 'egress.yml');
    await writeFile(manifest, 'version: 1\nallow:\n  - host: registry.example.test\n    ports: [443]\n');
  });
  after(async () => {
    await api?.close();
    await world?.close();
  });

  const leftovers = async () =>
    [
      ...(await world.exec('nft', ['list', 'tables'])).stdout.split('\n'),
      ...(await world.exec('sh', ['-c', 'iptables -t mangle -S; ip6tables -t mangle -S'])).stdout.split('\n'),
    ].filter((l) => /telltale/i.test(l));

  it('refuses the unlisted host at once and the comment says who, where, and how to allow it', async () => {
    const runId = 601;
    let refused: { code: number | null; stderr: string; ms: number } | undefined;
    let allowed: { code: number | null } | undefined;
    const result: RunResult = await runAction({
      action: 'egress',
      root: actionRoot,
      wrapper: ['ip', 'netns', 'exec', world.runnerNs],
      ...(node24() ? { node: node24()! } : {}),
      token: 'rw-token',
      inputs: { manifest, policy: 'block' },
      env: {
        GITHUB_API_URL: `http://127.0.0.1:${apiPort}`,
        GITHUB_REPOSITORY: 'octo/app',
        GITHUB_RUN_ID: String(runId),
        ...world.clientEnv(),
      },
      event: { name: 'pull_request', payload: { pull_request: { number: 11 } } },
      timeoutMs: 90_000,
      afterPhase: async (phase, step) => {
        if (phase !== 'main') return;
        assert.equal(step.exitCode, 0, step.stdout + step.stderr);
        assert.ok((await leftovers()).length, 'the firewall is up after main');
        await nextSecond();
        const installStart = Date.now();
        allowed = await world.exec('curl', ['-sS', '-o', '/dev/null', 'https://registry.example.test/'], {
          env: world.clientEnv(),
        });
        const installEnd = Date.now();
        await nextSecond();
        const testStart = Date.now();
        const r = await world.exec(
          process.execPath,
          ['-e', "fetch('https://telemetry.example.test/t').then((r) => r.text()).catch((e) => { const c = e.cause ?? e; console.error(String(c.code ?? (c.errors ?? []).map((x) => x.code))); process.exit(1); })"], // prettier-ignore
          { env: world.clientEnv() },
        );
        refused = { ...r, ms: Date.now() - testStart };
        const testEnd = Date.now();
        api.setJobs('octo/app', runId, 1, [
          {
            id: 2,
            name: 'build',
            status: 'in_progress',
            runner_name: 'telltale-harness',
            started_at: apiTime(installStart - 5000),
            steps: [
              { name: 'telltale egress', number: 1, started_at: apiTime(installStart - 3000), completed_at: apiTime(installStart - 2000) },
              { name: 'npm ci', number: 2, started_at: apiTime(installStart), completed_at: apiTime(installEnd) },
              { name: 'npm test', number: 3, started_at: apiTime(testStart), completed_at: apiTime(testEnd) },
              { name: 'Post telltale egress', number: 4, started_at: apiTime(Date.now()), completed_at: null },
            ], // prettier-ignore
          },
        ]);
      },
    });
    try {
      assert.equal(allowed?.code, 0, 'the listed host works');
      assert.notEqual(refused?.code, 0);
      assert.match(refused!.stderr, /ECONNREFUSED|ECONNRESET/);
      assert.ok(refused!.ms < 1500, `refused at once (${refused!.ms} ms, node start-up included)`);
      const post = result.post!;
      assert.equal(post.exitCode, 0, post.stdout + post.stderr);
      assert.equal(post.outputs['blocked-count'], '1');
      const report = JSON.parse(readFileSync(post.outputs.report!, 'utf8')) as EgressReport;
      const blocked = report.blocked?.find((b) => b.host === 'telemetry.example.test');
      assert.ok(blocked, JSON.stringify(report.blocked));
      assert.deepEqual(blocked.steps, ['npm test']);
      const comment = api.comments('octo/app', 11)[0]?.body ?? '';
      assert.match(comment, /#### Blocked/);
      assert.match(comment, /\| `telemetry\.example\.test` \| 443 \| npm test \| `node`/);
      assert.match(comment, /- \{ host: telemetry\.example\.test, ports: \[443\] \}/);
      assert.ok(post.annotations.some((a) => /egress blocked: telemetry\.example\.test:443\/tcp/.test(a.message)));
      assert.deepEqual(await leftovers(), [], 'post removed the firewall');
    } finally {
      await result.cleanup();
    }
  });

  it('a job cancelled between main and post leaves no firewall, and post still reports', async () => {
    const result: RunResult = await runAction({
      action: 'egress',
      root: actionRoot,
      wrapper: ['ip', 'netns', 'exec', world.runnerNs],
      ...(node24() ? { node: node24()! } : {}),
      inputs: { manifest, policy: 'block', steps: 'false', comment: 'false' },
      env: world.clientEnv(),
      timeoutMs: 90_000,
      afterPhase: async (phase, step) => {
        if (phase !== 'main') return;
        assert.equal(step.exitCode, 0, step.stdout + step.stderr);
        const dir = step.state.dir!;
        const handle = JSON.parse(readFileSync(path.join(dir, 'block.json'), 'utf8')) as { followerPid: number };
        // The runner cancels: the follower is the one process block mode left running.
        process.kill(handle.followerPid, 'SIGTERM');
        for (let i = 0; i < 100 && (await leftovers()).length; i++) await sleep(50);
        assert.deepEqual(await leftovers(), [], 'nothing left right after the SIGTERM');
      },
    });
    try {
      const post = result.post!;
      assert.equal(post.exitCode, 0, post.stdout + post.stderr);
      assert.deepEqual(await leftovers(), []);
    } finally {
      await result.cleanup();
    }
  });
});
