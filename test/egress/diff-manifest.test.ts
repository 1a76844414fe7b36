/**
 * Observed egress against the manifest, the way a team meets it: reports from a matrix merged into
 * one verdict, stale entries listed, `--update` adding what was new without losing the comments
 * that explain the rest of the file.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { runCli } from '../../cli/program.ts';
import { diffEgress, type ObservedEndpoint } from '../../shared/egress/diff/diff.ts';
import { parseManifest } from '../../shared/egress/manifest/manifest.ts';
import { hostMatches } from '../../shared/egress/manifest/match.ts';
import { proposeEntries, updateManifest } from '../../shared/egress/manifest/update.ts';
import { parsePolicy } from '../../shared/egress/policy.ts';
import { diffEgressRun } from '../../shared/egress/run.ts';

const MANIFEST = `# Where CI may go. Ask #platform before adding entries.
version: 1
allow:
  - host: registry.npmjs.org        # exact name
    ports: [443]
    reason: npm install             # optional: reason, owner
  - host: "*.githubusercontent.com" # wildcard: one or more labels under the suffix
    ports: [443]
  - host: pypi.org                  # no ports: any port
  - cidr: 10.0.0.0/8                # IPv4 or IPv6 CIDR
    ports: [5432, "8000-8100"]
    transport: tcp                  # optional
  - cidr: 2001:db8:5::/48
`;

function endpoint(host: string, port: number, extra: Partial<ObservedEndpoint> = {}): ObservedEndpoint {
  return {
    host,
    port,
    transport: 'tcp',
    protocol: port === 443 ? 'tls' : 'tcp',
    addresses: [],
    namedBy: 'sni',
    firstSeen: '2026-11-23T06:00:00.000Z',
    lastSeen: '2026-11-23T06:00:01.000Z',
    connections: 1,
    failed: 0,
    bytes: 100,
    ...extra,
  };
}

describe('which endpoints a manifest allows', () => {
  const manifest = parseManifest(MANIFEST, '.github/egress.yml');
  const verdict = (...endpoints: ObservedEndpoint[]) => {
    const diff = diffEgress(manifest, [{ endpoints }]);
    return [
      ...diff.new.map((e) => `new ${e.host}:${e.port}`),
      ...diff.allowed.map((e) => `allowed ${e.host}:${e.port}`),
    ].sort();
  };

  it('a wildcard covers one or more labels under the suffix, never the suffix itself', () => {
    assert.equal(hostMatches('*.githubusercontent.com', 'objects.githubusercontent.com'), true);
    assert.equal(hostMatches('*.githubusercontent.com', 'a.b.githubusercontent.com'), true);
    assert.equal(hostMatches('*.githubusercontent.com', 'githubusercontent.com'), false);
    assert.equal(hostMatches('*.githubusercontent.com', 'evilgithubusercontent.com'), false);
    assert.equal(hostMatches('registry.npmjs.org', 'Registry.NPMJS.org.'), true);
  });

  it('ports, ranges, transport and any-port entries', () => {
    assert.deepEqual(
      verdict(
        endpoint('registry.npmjs.org', 443),
        endpoint('registry.npmjs.org', 80),
        endpoint('pypi.org', 8443),
        endpoint('10.2.3.4', 8050, { namedBy: 'none' }),
        endpoint('10.2.3.4', 8101, { namedBy: 'none' }),
        endpoint('10.2.3.4', 5432, { namedBy: 'none', transport: 'udp' }),
      ),
      [
        'allowed 10.2.3.4:8050',
        'allowed pypi.org:8443',
        'allowed registry.npmjs.org:443',
        'new 10.2.3.4:5432',
        'new 10.2.3.4:8101',
        'new registry.npmjs.org:80',
      ],
    );
  });

  it('a connection known only by IP is allowed by a CIDR (IPv6 too) or by a DNS answer naming an allowed host', () => {
    assert.deepEqual(
      verdict(
        endpoint('registry.npmjs.org', 443, { addresses: ['104.16.1.34'] }),
        endpoint('104.16.1.34', 443, { namedBy: 'none' }),
        endpoint('2001:db8:5::10', 22, { namedBy: 'none' }),
        endpoint('203.0.113.9', 443, { namedBy: 'none' }),
      ),
      ['allowed 104.16.1.34:443', 'allowed 2001:db8:5::10:22', 'allowed registry.npmjs.org:443', 'new 203.0.113.9:443'],
    );
  });

  it('merges matrix reports: one row per endpoint, counts summed, steps united, and lists stale entries', () => {
    const diff = diffEgress(manifest, [
      {
        job: 'test (20)',
        endpoints: [
          endpoint('registry.npmjs.org', 443, { steps: ['npm ci'] }),
          endpoint('evil.example', 443, { steps: ['npm test'] }),
        ],
      },
      {
        job: 'test (22)',
        endpoints: [
          endpoint('registry.npmjs.org', 443, { steps: ['npm ci'], connections: 3 }),
          endpoint('evil.example', 443, { steps: ['postinstall'] }),
        ],
      },
    ]);
    assert.equal(diff.reports, 2);
    assert.equal(diff.allowed.length, 1);
    assert.equal(diff.allowed[0]!.connections, 4);
    assert.deepEqual(diff.allowed[0]!.jobs, ['test (20)', 'test (22)']);
    assert.deepEqual(
      diff.new.map((e) => [e.host, e.steps]),
      [['evil.example', ['npm test', 'postinstall']]],
    );
    assert.deepEqual(
      diff.unused.map((u) => [u.host ?? u.cidr, u.port]),
      [
        ['*.githubusercontent.com', 443],
        ['pypi.org', null],
        ['10.0.0.0/8', 5432],
        ['10.0.0.0/8', '8000-8100'],
        ['2001:db8:5::/48', null],
      ],
    );
  });
});

describe('telltale egress diff', () => {
  let dir: string;
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
    return { code, stdout: out.join(''), stderr: err.join('') };
  };
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'telltale-diff-'));
    await writeFile(path.join(dir, 'egress.yml'), MANIFEST);
    const report = (endpoints: ObservedEndpoint[]) => JSON.stringify({ version: 1, endpoints });
    await writeFile(
      path.join(dir, 'linux.json'),
      report([
        endpoint('registry.npmjs.org', 443),
        endpoint('objects.githubusercontent.com', 443),
        endpoint('telemetry.example', 443, { steps: ['npm ci'] }),
      ]),
    );
    await writeFile(
      path.join(dir, 'mac.json'),
      report([
        endpoint('telemetry.example', 8443),
        endpoint('10.9.9.9', 53, { transport: 'udp', protocol: 'dns', namedBy: 'none' }),
      ]),
    );
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('prints the JSON contract and exits 1 when something is new', async () => {
    const { code, stdout } = await run(
      'egress',
      'diff',
      '--manifest',
      path.join(dir, 'egress.yml'),
      '--format',
      'json',
      path.join(dir, 'linux.json'),
      path.join(dir, 'mac.json'),
    );
    assert.equal(code, 1);
    const json = JSON.parse(stdout);
    assert.deepEqual(
      json.new.map((e: { host: string; port: number }) => `${e.host}:${e.port}`),
      ['10.9.9.9:53', 'telemetry.example:443', 'telemetry.example:8443'],
    );
    assert.ok(
      json.allowed.every(
        (e: { host?: string; port?: number }) => typeof e.host === 'string' && typeof e.port === 'number',
      ),
    );
    assert.ok(
      json.unused.every((e: { host?: string; cidr?: string; port?: unknown }) => (e.host ?? e.cidr) && 'port' in e),
    );
  });

  it('--fail-on never reports the same and exits 0', async () => {
    const { code, stdout } = await run(
      'egress',
      'diff',
      '--manifest',
      path.join(dir, 'egress.yml'),
      '--fail-on',
      'never',
      path.join(dir, 'linux.json'),
    );
    assert.equal(code, 0);
    assert.match(stdout, /1 new endpoint not in/);
  });

  it('--update adds the new endpoints, keeps every comment and the order, and the next diff is clean', async () => {
    const file = path.join(dir, 'update.yml');
    await writeFile(file, MANIFEST);
    const reports = [path.join(dir, 'linux.json'), path.join(dir, 'mac.json')];
    const { code } = await run('egress', 'diff', '--manifest', file, '--update', ...reports);
    assert.equal(code, 0);
    const text = await readFile(file, 'utf8');
    assert.ok(text.startsWith(MANIFEST), `what was there is kept byte for byte:\n${text}`);
    for (const comment of [
      '# Where CI may go. Ask #platform before adding entries.',
      '# exact name',
      '# optional: reason, owner',
      '# wildcard: one or more labels under the suffix',
      '# optional',
    ]) {
      assert.ok(text.includes(comment), `kept ${comment}`);
    }
    const data = parse(text) as { allow: Record<string, unknown>[] };
    assert.deepEqual(
      data.allow.map((e) => e.host ?? e.cidr),
      [
        'registry.npmjs.org',
        '*.githubusercontent.com',
        'pypi.org',
        '10.0.0.0/8',
        '2001:db8:5::/48',
        '10.9.9.9/32',
        'telemetry.example',
      ],
    );
    assert.deepEqual(data.allow[6], { host: 'telemetry.example', ports: [443, 8443] });
    assert.deepEqual(data.allow[5], { cidr: '10.9.9.9/32', ports: [53], transport: 'udp' });
    assert.match(text, /ports: \[443, 8443\]/, 'flow style like the entries around it');
    const again = await run('egress', 'diff', '--manifest', file, ...reports);
    assert.equal(again.code, 0, again.stdout);
  });

  it('a new port of a listed host joins its entry; only that line changes', () => {
    const manifest = parseManifest(MANIFEST, 'egress.yml');
    const text = updateManifest(manifest, proposeEntries([{ host: 'registry.npmjs.org', port: 80, transport: 'tcp' }]));
    const before = MANIFEST.split('\n');
    const after = text.split('\n');
    assert.equal(after.length, before.length);
    const changed = after.flatMap((line, i) => (line === before[i] ? [] : [[before[i], line]]));
    assert.deepEqual(changed, [['    ports: [443]', '    ports: [443, 80]']]);
  });

  it('a report that is not one is a usage error naming the file', async () => {
    await writeFile(path.join(dir, 'bad.json'), '{"endpoints": [{"host": "a", "port": "443"}]}');
    const { code, stderr } = await run(
      'egress',
      'diff',
      '--manifest',
      path.join(dir, 'egress.yml'),
      path.join(dir, 'bad.json'),
    );
    assert.equal(code, 2);
    assert.match(stderr, /bad\.json: endpoints\[0\]\.port: endpoint 0 has no valid 'port'/);
  });
});

describe('the egress policy a post step applies', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'telltale-policy-'));
    await writeFile(path.join(dir, 'egress.yml'), MANIFEST);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('audit passes and enforce fails on the same new endpoint, and the verdict carries the comment body', async () => {
    const reports = [{ endpoints: [endpoint('registry.npmjs.org', 443), endpoint('telemetry.example', 443)] }];
    const common = { reports, manifest: path.join(dir, 'egress.yml') };
    const { verdict: audit } = await diffEgressRun({ ...common, policy: 'audit' });
    const { verdict: enforce } = await diffEgressRun({ ...common, policy: 'enforce', runUrl: 'https://ci/run/1' });
    assert.equal(audit.failed, false);
    assert.equal(enforce.failed, true);
    assert.match(enforce.message, /1 new endpoint\(s\) not in .*: telemetry\.example:443/);
    assert.match(audit.body, /⚠️ \*\*telltale egress\*\*: 1 new endpoint/);
    assert.match(enforce.body, /❌ \*\*telltale egress\*\*: 1 new endpoint/);
    assert.deepEqual(
      enforce.diff.new.map((e) => e.host),
      ['telemetry.example'],
    );
    assert.throws(() => parsePolicy('block'), /policy must be 'audit' or 'enforce'/);
  });
});
