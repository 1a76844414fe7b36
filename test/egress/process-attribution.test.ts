// Block mode names the process behind every connection: six different real clients (curl, wget,
// node, python3, openssl, git) run at the same time, each to its own allowed and its own refused
// host, several times over; every connection the follower saw must name the client that made it.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ConnectionRecord } from '../../shared/egress/block/attribution.ts';
import type { EgressReport } from '../../shared/egress/model/report.ts';
import { createWorld, worldSkipReason, type World } from '../harness/world.ts';
import { repoRoot } from '../harness/runner.ts';

const CLIENTS = ['curl', 'wget', 'node', 'python', 'openssl', 'git'] as const;
const ROUNDS = 4;

/** How each client reaches `host` (https, port 443). */
function clientCommand(client: (typeof CLIENTS)[number], host: string, caFile: string, clone: string): string {
  switch (client) {
    case 'curl':
      return `curl -sS -o /dev/null https://${host}/`;
    case 'wget':
      return `wget -q -O /dev/null --ca-certificate=${caFile} https://${host}/`;
    case 'node':
      return `node -e "fetch('https://${host}/').then(r=>r.text(),()=>0)"`;
    case 'python':
      return `python3 -c "import urllib.request; urllib.request.urlopen('https://${host}/', timeout=10).read()"`;
    case 'openssl':
      // Not -quiet: it implies -ign_eof, and the client would wait for the server to hang up.
      return `openssl s_client -connect ${host}:443 -servername ${host} </dev/null`;
    case 'git':
      return `git clone -q https://${host}/repo.git ${clone}`;
  }
}

/** The executable that really opens the socket (git hands HTTPS to its git-remote-https helper). */
const EXPECTED: Record<(typeof CLIENTS)[number], RegExp> = {
  curl: /^curl$/,
  wget: /^wget$/,
  node: /^node/,
  python: /^python3/,
  openssl: /^openssl$/,
  git: /^git/, // /proc/PID/exe of git-remote-https is the git-remote-http it links to
};

const NS_LAST_PID = '/proc/sys/kernel/ns_last_pid';

/**
 * Old processes holding `files` open descriptors between them, with pids above every pid the
 * clients will get: the next pid is set near pid_max for them (ns_last_pid, root only), then back to
 * where it was, so the clients started afterwards get low numbers, as they do once pids have wrapped.
 * Each holds what its file limit allows (8,000 at most); they exit when the test's end of their
 * stdin closes, even if the test dies.
 */
async function oldBusyProcesses(files: number): Promise<ChildProcess[]> {
  const before = readFileSync(NS_LAST_PID, 'utf8').trim();
  const pidMax = Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8'));
  const script = [
    'import os, resource, sys',
    'soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)',
    'resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))',
    "fds = [os.open('/dev/null', os.O_RDONLY) for _ in range(min(hard - 64, 8000))]",
    "sys.stdout.write('%d\\n' % len(fds)); sys.stdout.flush(); sys.stdin.read()",
  ].join('\n');
  const holders: ChildProcess[] = [];
  let held = 0;
  try {
    writeFileSync(NS_LAST_PID, String(pidMax - 5000));
    while (held < files && holders.length < 100) {
      const holder = spawn('python3', ['-c', script], { stdio: ['pipe', 'pipe', 'inherit'] });
      holders.push(holder);
      held += await new Promise<number>((resolve, reject) => {
        holder.stdout!.once('data', (line: Buffer) => resolve(Number(line.toString())));
        holder.once('exit', (code) => reject(new Error(`a busy process exited (${code})`)));
      });
    }
  } catch (error) {
    for (const h of holders) h.kill('SIGKILL');
    throw error;
  } finally {
    writeFileSync(NS_LAST_PID, before);
  }
  assert.ok(held >= files, `${held} files held`);
  for (const h of holders) assert.ok(h.pid! > pidMax - 5000, `a busy process has pid ${h.pid}`);
  return holders;
}

const skip =
  worldSkipReason() ||
  (spawnSync('tcpdump', ['--version']).status !== 0 && 'needs tcpdump') ||
  (spawnSync('nft', ['--version']).status !== 0 && 'needs nft');

describe('process attribution under concurrency', { skip }, () => {
  let world: World;
  const dir = mkdtempSync(path.join(tmpdir(), 'telltale-attribution-'));

  before(async () => {
    const work = path.join(dir, 'work');
    const staticDir = path.join(dir, 'static');
    mkdirSync(work, { recursive: true });
    mkdirSync(staticDir);
    const git = (cwd: string, ...args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8' });
    git(work, 'init', '-q');
    writeFileSync(path.join(work, 'README'), 'hello\n');
    git(work, 'add', 'README');
    git(work, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'first');
    git(staticDir, 'clone', '-q', '--bare', work, 'repo.git');
    git(path.join(staticDir, 'repo.git'), 'update-server-info');
    writeFileSync(path.join(dir, 'egress.yml'), 'version: 1\nallow:\n  - host: "*.allowed.test"\n    ports: [443]\n');
    world = await createWorld({
      hosts: CLIENTS.flatMap((c) => [{ name: `${c}.allowed.test` }, { name: `${c}.denied.test` }]),
      staticDir,
    });
  });
  after(async () => {
    await world?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs every client ROUNDS times under block mode and checks each connection's process. */
  async function clientsAreNamed(out: string): Promise<void> {
    mkdirSync(out, { recursive: true });
    const jobs = CLIENTS.flatMap((c) =>
      Array.from({ length: ROUNDS }, (_, i) =>
        ['allowed', 'denied'].map((kind) => {
          const clone = path.join(out, `clone-${c}-${kind}-${i}`);
          return `(${clientCommand(c, `${c}.${kind}.test`, world.caFile, clone)}) >>${out}/${c}.err 2>&1 &`;
        }),
      ).flat(),
    );
    const run = await world.exec(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'cli/index.ts'), 'egress', 'run', '--manifest', path.join(dir, 'egress.yml'),
        '--policy', 'block', '--out', out, '--format', 'json', '--', 'sh', '-c', `${jobs.join('\n')}\nwait`], // prettier-ignore
      { cwd: repoRoot, env: world.clientEnv(), timeoutMs: 180_000 },
    );
    assert.equal(run.code, 0, run.stderr);

    const owner = new Map<string, (typeof CLIENTS)[number]>();
    for (const c of CLIENTS)
      for (const kind of ['allowed', 'denied']) {
        const a = world.addressOf(`${c}.${kind}.test`);
        for (const address of [a.v4, a.v6]) if (address) owner.set(address, c);
      }
    const records = readFileSync(path.join(out, 'block-connections.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as ConnectionRecord)
      .filter((r) => owner.has(r.dst));
    const wrong = records.filter(
      (r) => !EXPECTED[owner.get(r.dst)!].test(path.basename(r.process?.exe ?? 'unattributed')),
    );
    const accuracy = (records.length - wrong.length) / records.length;
    process.stdout.write(
      `# attribution: ${records.length - wrong.length}/${records.length} connections named the right process (${(accuracy * 100).toFixed(1)} %)\n`,
    );
    // Every client connected at least once to each of its hosts, refused or not.
    for (const c of CLIENTS)
      for (const kind of ['allowed', 'denied']) {
        const a = world.addressOf(`${c}.${kind}.test`);
        if (!records.some((r) => r.dst === a.v4 || r.dst === a.v6))
          assert.fail(`${c} never reached ${kind}: ${readFileSync(path.join(out, `${c}.err`), 'utf8')}`);
      }
    assert.deepEqual(
      wrong.map((r) => `${owner.get(r.dst)} -> ${r.dst}:${r.dport}: ${r.process?.exe ?? 'unattributed'}`),
      [],
    );

    const report = JSON.parse(readFileSync(path.join(out, 'egress-report.json'), 'utf8')) as EgressReport;
    for (const c of CLIENTS) {
      const blocked = report.blocked?.filter((b) => b.host === `${c}.denied.test`) ?? [];
      assert.ok(blocked.length, `${c}.denied.test is blocked`);
      for (const b of blocked)
        assert.ok(
          b.processes?.every((p) => EXPECTED[c].test(path.basename(p.exe ?? ''))),
          JSON.stringify(b.processes),
        );
    }
  }

  test('every connection of six concurrent clients names the client that opened it', async () => {
    await clientsAreNamed(path.join(dir, 'run'));
  });

  // A runner that has been busy for a while: pid numbers have wrapped, so old processes with many
  // open files sort ahead of the clients by pid. The follower must still find each owner before the
  // clients give up on their held first packet (curl tries IPv4 after 200 ms without an answer on
  // IPv6, and a socket closed meanwhile has no owner left to name).
  test('on a busy runner, with pids wrapped past old processes holding 40,000 files', async (t) => {
    const holders = await oldBusyProcesses(40_000);
    t.after(() => holders.forEach((h) => h.kill('SIGKILL')));
    await clientsAreNamed(path.join(dir, 'busy'));
  });
});
