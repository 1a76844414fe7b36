// Block mode and containers: a podman container on a bridge inside the world's runner namespace
// (its traffic crosses the firewall's `forward` chain, not `output`) still resolves names, reaches
// what the manifest allows, is refused the rest at once, and is named — process and container id.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { EgressReport } from '../../shared/egress/model/report.ts';
import { importRootfs, podmanSkipReason, removeImages, tinyRootfs, uniqueName } from '../harness/podman.ts';
import { createWorld, worldSkipReason, type World } from '../harness/world.ts';
import { repoRoot } from '../harness/runner.ts';

const skip =
  worldSkipReason() ||
  podmanSkipReason() ||
  (spawnSync('nft', ['--version']).status !== 0 && 'needs nft') ||
  (spawnSync('nsenter', ['--version']).status !== 0 && 'needs nsenter (util-linux)');

describe('block mode with a podman container', { skip }, () => {
  let world: World;
  const dir = mkdtempSync(path.join(tmpdir(), 'telltale-block-pod-'));
  const tag = `localhost/${uniqueName('telltale-block')}:1`;

  before(async () => {
    const root = tinyRootfs(dir);
    for (const applet of ['wget', 'nslookup', 'sh'])
      spawnSync('ln', ['-sf', 'busybox', path.join(root, 'bin', applet)]);
    await importRootfs(root, tag);
    writeFileSync(path.join(dir, 'egress.yml'), 'version: 1\nallow:\n  - host: allowed.test\n    ports: [80]\n');
    world = await createWorld({ hosts: [{ name: 'allowed.test' }, { name: 'denied.test' }] });
  });
  after(async () => {
    await world?.close();
    await removeImages([tag]);
    rmSync(dir, { recursive: true, force: true });
  });

  test('the container resolves, reaches the allowed host, is refused the other, and is named', async () => {
    const out = path.join(dir, 'out');
    const inner = [
      'nslookup allowed.test >/dev/null; echo "dns=$?"',
      'wget -q -O - http://allowed.test/ >/dev/null; echo "allowed=$?"',
      's=$(date +%s); wget -q -O - http://denied.test/ >/dev/null 2>&1; echo "denied=$? $(( $(date +%s) - s ))"',
    ].join('; ');
    // `ip netns exec` remounts /sys, where runc needs the cgroup mounts: podman joins the runner's
    // network namespace with nsenter and keeps this process's mounts. It runs the world's resolver,
    // as Docker hands containers the host's upstream resolvers.
    const r = await world.exec(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'cli/index.ts'), 'egress', 'run', '--manifest', path.join(dir, 'egress.yml'),
        '--policy', 'block', '--out', out, '--format', 'json', '--',
        'nsenter', `--mount=/proc/${process.pid}/ns/mnt`, `--net=/run/netns/${world.runnerNs}`,
        'podman', 'run', '--rm', '--dns', world.dnsAddress.v4, tag, '/bin/busybox', 'sh', '-c', inner], // prettier-ignore
      { cwd: repoRoot, env: world.clientEnv(), timeoutMs: 180_000 },
    );
    assert.match(r.stdout, /^dns=0$/m, `DNS inside the container still resolves: ${r.stderr}`);
    assert.match(r.stdout, /^allowed=0$/m, r.stderr);
    const denied = /^denied=(\d+) (\d+)$/m.exec(r.stdout);
    assert.ok(denied && denied[1] !== '0', r.stdout);
    assert.ok(Number(denied[2]) <= 1, `refused at once (${denied[2]} s)`);

    const report = JSON.parse(readFileSync(path.join(out, 'egress-report.json'), 'utf8')) as EgressReport;
    const blocked = report.blocked?.find((b) => b.host === 'denied.test');
    assert.ok(blocked, JSON.stringify(report.blocked));
    assert.equal(blocked.origin, 'forward', 'from a container, through the forward chain');
    assert.match(blocked.processes?.[0]?.container ?? '', /^[0-9a-f]{12}$/);
    assert.match(blocked.processes?.[0]?.cmdline ?? '', /wget -q -O - http:\/\/denied.test\//);
    assert.ok(
      !report.endpoints.some((e) => e.host === 'denied.test'),
      'the refused SYN the capture saw on the veth is not an endpoint that was reached',
    );
    const allowed = report.endpoints.find((e) => e.host === 'allowed.test' && e.port === 80);
    assert.match(allowed?.processes?.[0]?.container ?? '', /^[0-9a-f]{12}$/, JSON.stringify(allowed));
    assert.equal(report.block?.attributed, report.block?.connections);
    const left = await world.exec('nft', ['list', 'tables']);
    assert.doesNotMatch(left.stdout, /telltale/);
  });
});
