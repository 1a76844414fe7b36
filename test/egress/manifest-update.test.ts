/**
 * A team's first `telltale egress diff --update`: the manifest it writes reads like one a person
 * wrote (block style), endpoints nobody could reach are not allow-listed behind the user's back, and
 * what is printed afterwards is the verdict against the manifest as it now is.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { runCli } from '../../cli/program.ts';
import type { ObservedEndpoint } from '../../shared/egress/diff/diff.ts';
import { parseManifest } from '../../shared/egress/manifest/manifest.ts';
import { proposeEntries, splitAllFailed, updateManifest } from '../../shared/egress/manifest/update.ts';

function endpoint(host: string, port: number, extra: Partial<ObservedEndpoint> = {}): ObservedEndpoint {
  return {
    host,
    port,
    transport: 'tcp',
    protocol: 'tls',
    addresses: ['192.0.2.1'],
    namedBy: 'sni',
    firstSeen: '2026-11-23T06:00:00.000Z',
    lastSeen: '2026-11-23T06:00:01.000Z',
    connections: 2,
    failed: 0,
    bytes: 100,
    ...extra,
  };
}

describe('egress diff --update on a repository without a manifest', () => {
  let dir: string;
  let report: string;
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
    return { code, stdout: out.join(''), stderr: err.join('') };
  };
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'telltale-update-'));
    report = path.join(dir, 'egress-report.json');
    await writeFile(
      report,
      JSON.stringify({
        version: 1,
        endpoints: [
          endpoint('registry.npmjs.org', 443),
          endpoint('github.com', 443),
          // Every connection refused: a typo'd mirror, or a service that is gone.
          endpoint('mirror.internal.example', 8443, { connections: 3, failed: 3 }),
          // One of two failed: it did answer, so it is a real dependency.
          endpoint('flaky.example', 443, { connections: 2, failed: 1 }),
        ],
      }),
    );
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('writes a block-style manifest, leaves out the endpoint that never answered, and says how to add it', async () => {
    const manifest = path.join(dir, 'egress.yml');
    const r = await run('egress', 'diff', report, '--manifest', manifest, '--update', '--format', 'markdown');
    const text = await readFile(manifest, 'utf8');
    assert.match(text, /^allow:\n {2}# added by `telltale egress diff --update`/m);
    assert.match(text, /\n {2}- host: flaky\.example\n {4}ports: \[443\]\n/);
    assert.doesNotMatch(text, /\{host:/, 'no flow-style entries');
    assert.ok(text.endsWith('\n'));
    const data = parse(text) as { allow: { host: string }[] };
    assert.deepEqual(
      data.allow.map((e) => e.host),
      ['flaky.example', 'github.com', 'registry.npmjs.org'],
    );
    assert.match(r.stderr, /added 3 endpoint\(s\) to /);
    assert.match(r.stderr, /warning: not added, every connection to them failed: mirror\.internal\.example:8443/);
    assert.match(
      r.stderr,
      /to allow them on purpose, add under allow:.*\n {2}- host: mirror\.internal\.example\n {4}ports: \[8443\]/,
    );
    // The verdict printed is the new one: only the left-out endpoint is still new, so enforce fails.
    assert.match(r.stdout, /1 new endpoint not in/);
    assert.match(r.stdout, /mirror\.internal\.example/);
    assert.equal(r.code, 1);
  });

  it('after --update with nothing left out, the new verdict is clean and the exit code 0', async () => {
    const ok = path.join(dir, 'ok.json');
    await writeFile(ok, JSON.stringify({ version: 1, endpoints: [endpoint('pypi.org', 443)] }));
    const manifest = path.join(dir, 'clean.yml');
    const r = await run('egress', 'diff', ok, '--manifest', manifest, '--update', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const diff = JSON.parse(r.stdout) as { new: unknown[]; allowed: { host: string }[] };
    assert.deepEqual(diff.new, []);
    assert.deepEqual(
      diff.allowed.map((e) => e.host),
      ['pypi.org'],
    );
  });

  it('--quiet hides the "added" line but never the warning about what was left out', async () => {
    const manifest = path.join(dir, 'quiet.yml');
    const r = await run('--quiet', 'egress', 'diff', report, '--manifest', manifest, '--update', '--format', 'json');
    assert.doesNotMatch(r.stderr, /added \d/);
    assert.match(r.stderr, /warning: not added/);
  });
});

describe('the pieces', () => {
  it('an endpoint is left out only when every one of its connections failed', () => {
    const { usable, allFailed } = splitAllFailed([
      endpoint('a.example', 443, { connections: 1, failed: 1 }),
      endpoint('b.example', 443, { connections: 4, failed: 3 }),
      endpoint('c.example', 443, { connections: 0, failed: 0 }),
    ]);
    assert.deepEqual(
      allFailed.map((e) => e.host),
      ['a.example'],
    );
    assert.deepEqual(
      usable.map((e) => e.host),
      ['b.example', 'c.example'],
    );
  });

  it('an existing flow-style manifest keeps its style', () => {
    const manifest = parseManifest('version: 1\nallow: [{host: a.example, ports: [443]}]\n', 'egress.yml');
    const text = updateManifest(manifest, proposeEntries([{ host: 'b.example', port: 443, transport: 'tcp' }]));
    assert.match(text, /allow: \[\s*\{ ?host: a\.example/);
    assert.match(text, /\{ ?host: b\.example, ports: \[443\] ?\}/);
  });
});
