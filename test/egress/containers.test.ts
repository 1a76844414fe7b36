// Traffic of containers on the runner (a podman bridge, as Docker's docker0) is captured too: the
// capture runs on every interface, and a connection seen twice (the container's veth and the bridge)
// is one connection in the report. A connection that leaves the runner through NAT is seen with the
// container's address before NAT and the host's after it: one connection too, the container's address
// kept as evidence.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { EgressReport } from '../../shared/egress/model/report.ts';
import {
  importRootfs,
  podman,
  podmanSkipReason,
  removeContainers,
  removeImages,
  tinyRootfs,
  uniqueName,
} from '../harness/podman.ts';
import { repoRoot } from '../harness/runner.ts';

const skip =
  podmanSkipReason() ||
  (process.getuid?.() !== 0 && 'needs root') ||
  (spawnSync('tcpdump', ['--version']).status !== 0 && 'needs tcpdump');

describe('containers on the runner', { skip }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'telltale-containers-'));
  const tag = `localhost/${uniqueName('telltale-egress-net')}:1`;
  const server = uniqueName('telltale-egress-server');
  let serverIp = '';

  before(async () => {
    const root = tinyRootfs(dir);
    for (const applet of ['httpd', 'wget']) spawnSync('ln', ['-s', 'busybox', path.join(root, 'bin', applet)]);
    await importRootfs(root, tag);
    await podman(['run', '-d', '--name', server, tag, '/bin/busybox', 'httpd', '-f', '-p', '8080', '-h', '/srv']);
    serverIp = await podman(['inspect', '-f', '{{.NetworkSettings.IPAddress}}', server]);
    assert.match(serverIp, /^\d+\.\d+\.\d+\.\d+$/, 'the server container has a bridge address');
  });
  after(async () => {
    await removeContainers([server]);
    await removeImages([tag]);
    rmSync(dir, { recursive: true, force: true });
  });

  test('a container reaching another over the bridge is in the report, once', () => {
    const out = path.join(dir, 'out');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'cli/index.ts'), 'egress', 'run', '--out', out, '--filter', `net ${serverIp}/32`, '--',
        'podman', 'run', '--rm', tag, '/bin/busybox', 'wget', '-q', '-O', '-', `http://${serverIp}:8080/app.conf`], // prettier-ignore
      { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /listen = 8080/, 'the client container got the file');
    const report = JSON.parse(readFileSync(path.join(out, 'egress-report.json'), 'utf8')) as EgressReport;
    const endpoint = report.endpoints.find((e) => e.port === 8080);
    assert.ok(endpoint, JSON.stringify(report.endpoints));
    assert.equal(endpoint.host, `${serverIp}`);
    assert.equal(endpoint.namedBy, 'http-host');
    assert.equal(endpoint.connections, 1, 'the veth and bridge copies are one connection');
  });

  test('a container reaching a host outside through NAT is one connection, its bridge address kept', async () => {
    // "Outside": a namespace behind a veth from the runner's own namespace; podman masquerades the
    // container's traffic to it (netavark's NAT rule for everything not on the bridge).
    const id = randomBytes(3).toString('hex');
    const ns = `tt-nat-${id}`;
    const [hostIf, farIf] = [`ttn${id}a`, `ttn${id}b`];
    const subnet = `10.199.${parseInt(id.slice(0, 2), 16)}`;
    const farIp = `${subnet}.2`;
    const sh = (...args: string[]) => {
      const r = spawnSync(args[0]!, args.slice(1), { encoding: 'utf8' });
      assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
    };
    let web: ReturnType<typeof spawn> | undefined;
    try {
      sh('ip', 'netns', 'add', ns);
      sh('ip', 'link', 'add', hostIf, 'type', 'veth', 'peer', 'name', farIf, 'netns', ns);
      sh('ip', 'addr', 'add', `${subnet}.1/30`, 'dev', hostIf);
      sh('ip', 'link', 'set', hostIf, 'up');
      sh('ip', 'netns', 'exec', ns, 'ip', 'addr', 'add', `${farIp}/30`, 'dev', farIf);
      sh('ip', 'netns', 'exec', ns, 'ip', 'link', 'set', farIf, 'up');
      sh('ip', 'netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up');
      // The far side answers only the host's address: it never sees the container's (that is NAT).
      web = spawn('ip', ['netns', 'exec', ns, 'python3', '-m', 'http.server', '8081', '--bind', farIp, '--directory', dir], {
        stdio: 'ignore',
      }); // prettier-ignore
      await new Promise((resolve) => setTimeout(resolve, 700));
      const out = path.join(dir, 'nat-out');
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', path.join(repoRoot, 'cli/index.ts'), 'egress', 'run', '--out', out, '--filter', `host ${farIp}`, '--',
          'podman', 'run', '--rm', tag, '/bin/busybox', 'wget', '-q', '-O', '-', `http://${farIp}:8081/`], // prettier-ignore
        { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 },
      );
      assert.equal(run.status, 0, run.stderr);
      const report = JSON.parse(readFileSync(path.join(out, 'egress-report.json'), 'utf8')) as EgressReport;
      const endpoint = report.endpoints.find((e) => e.port === 8081);
      assert.ok(endpoint, JSON.stringify(report.endpoints));
      assert.equal(endpoint.connections, 1, `one connection, not one per side of NAT: ${JSON.stringify(endpoint)}`);
      assert.equal(endpoint.natClients?.length, 1, JSON.stringify(endpoint));
      assert.match(endpoint.natClients[0]!, /^10\.88\./, 'the container address on the podman bridge');
    } finally {
      web?.kill('SIGTERM');
      spawnSync('ip', ['link', 'del', hostIf]);
      spawnSync('ip', ['netns', 'del', ns]);
    }
  });
});
