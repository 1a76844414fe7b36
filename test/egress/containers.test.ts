// Traffic of containers on the runner (a podman bridge, as Docker's docker0) is captured too: the
// capture runs on every interface, and a connection seen twice (the container's veth and the bridge)
// is one connection in the report.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
});
