// Real clients, real packets: what curl, wget, node, python3, openssl, git, dig and nc did in the
// network world is named from a tcpdump capture, and agrees with tshark on the same file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { analyzeCaptureFile } from '../../shared/egress/analyze.ts';
import type { EgressReport } from '../../shared/egress/model/report.ts';
import { startCapture } from '../harness/capture.ts';
import { createWorld, worldSkipReason, type World } from '../harness/world.ts';
import { repoRoot } from '../harness/runner.ts';

const skip = worldSkipReason() || (spawnSync('tcpdump', ['--version']).status !== 0 && 'needs tcpdump');

describe('real clients captured in the network world', { skip }, () => {
  let world: World;
  let report: EgressReport;
  let file = '';

  before(async () => {
    world = await createWorld({
      // Offloads would hand tcpdump one 517-byte super-segment; off, the capture shows the wire.
      offloads: false,
      hosts: [
        { name: 'curl.example.test' },
        { name: 'wget.example.test' },
        { name: 'node.example.test' },
        { name: 'python.example.test' },
        { name: 'sni-only.example.test' },
        { name: 'v6.example.test', v4: false },
        { name: 'edge.cdn.example.test' },
        { name: 'split.example.test' },
        { name: 'proxied.example.test' },
        { name: 'bare.example.test', drop: [8443] },
      ],
      cnames: { 'www.example.test': 'edge.cdn.example.test' },
    });
    // The server side advertises a tiny MSS to split.example.test's clients, so their ClientHello
    // really spans several segments (offloads would otherwise hide it).
    const split = world.addressOf('split.example.test');
    for (const [tool, address] of [
      ['iptables', split.v4],
      ['ip6tables', split.v6],
    ] as const) {
      const r = await world.exec(
        tool,
        [
          '-t',
          'mangle',
          '-A',
          'OUTPUT',
          '-s',
          address!,
          '-p',
          'tcp',
          '--tcp-flags',
          'SYN,RST',
          'SYN',
          '-j',
          'TCPMSS',
          '--set-mss',
          '200',
        ],
        { ns: 'internet' },
      );
      assert.equal(r.code, 0, r.stderr);
    }
    file = path.join(world.dir, 'job.pcap');
    const capture = await startCapture(world, { file });
    const env = world.clientEnv();
    const get = (url: string) => `fetch('${url}').then((r) => r.text())`;
    await world.exec('curl', ['-sS', '-o', '/dev/null', 'https://curl.example.test/'], { env });
    await world.exec('wget', ['-qO', '/dev/null', `--ca-certificate=${world.caFile}`, 'https://wget.example.test/'], {
      env,
    });
    await world.exec(process.execPath, ['-e', get('https://node.example.test/')], { env });
    await world.exec(
      'python3',
      ['-c', "import urllib.request; urllib.request.urlopen('https://python.example.test/')"],
      { env },
    );
    const ip = world.addressOf('sni-only.example.test').v4!;
    await world.exec(
      'openssl',
      ['s_client', '-connect', `${ip}:443`, '-servername', 'sni-only.example.test', '-brief'],
      { input: '' },
    );
    await world.exec('curl', ['-sS', '-o', '/dev/null', 'https://v6.example.test/'], { env });
    await world.exec('curl', ['-sS', '-o', '/dev/null', 'http://www.example.test/'], { env });
    await world.exec('curl', ['-4', '-sS', '-o', '/dev/null', 'https://split.example.test/'], { env });
    await world.exec('curl', ['-sS', '-o', '/dev/null', 'https://proxied.example.test/'], {
      env: { ...env, HTTPS_PROXY: world.proxyUrl },
    });
    await world.exec('dig', ['+tcp', '+short', 'node.example.test']);
    await world.exec('dig', ['+short', 'nowhere.example.test']);
    await world.exec('nc', ['-z', '-w', '2', world.addressOf('bare.example.test').v4!, '8443']);
    await capture.stop();
    report = await analyzeCaptureFile(file);
  });
  after(() => world?.close());

  const endpoint = (host: string, port = 443) => report.endpoints.find((e) => e.host === host && e.port === port);

  test('every HTTPS client is named by the SNI it sent, over IPv4 and IPv6', () => {
    for (const host of ['curl', 'wget', 'node', 'python', 'v6'].map((h) => `${h}.example.test`)) {
      assert.equal(endpoint(host)?.namedBy, 'sni', host);
      assert.equal(endpoint(host)?.protocol, 'https', host);
    }
    assert.deepEqual(endpoint('v6.example.test')?.addresses, [world.addressOf('v6.example.test').v6]);
  });

  test('openssl s_client with an SNI and no DNS is named by the SNI', () => {
    assert.deepEqual(endpoint('sni-only.example.test')?.addresses, [world.addressOf('sni-only.example.test').v4]);
  });

  test('a ClientHello split over several segments is still named', () => {
    const ip = world.addressOf('split.example.test').v4!;
    const segments = spawnSync('tcpdump', ['-nn', '-r', file, `dst host ${ip} and dst port 443`], { encoding: 'utf8' });
    // Once seen named by DNS only (under a loaded full run, not reproduced since): the packets the
    // analyzer had are in the message, so a rare failure says why.
    const both = spawnSync('tcpdump', ['-nn', '-r', file, `host ${ip} and port 443`], { encoding: 'utf8' });
    assert.equal(
      endpoint('split.example.test')?.namedBy,
      'sni',
      `${JSON.stringify(endpoint('split.example.test'))}\n${both.stdout.split('\n').slice(0, 24).join('\n')}`,
    );
    const first = /seq 0:(\d+),/.exec(segments.stdout);
    assert.ok(
      first && Number(first[1]) <= 200,
      `the first ClientHello segment carries ${first?.[1]} bytes, not the whole hello`,
    );
  });

  test('plain HTTP through a CNAME is named by its Host header', () => {
    assert.deepEqual(
      [endpoint('www.example.test', 80)?.namedBy, endpoint('www.example.test', 80)?.protocol],
      ['http-host', 'http'],
    );
  });

  test('HTTPS_PROXY: the CONNECT names the destination, and the proxy is an endpoint too', () => {
    assert.equal(endpoint('proxied.example.test')?.namedBy, 'connect');
    assert.ok(report.endpoints.some((e) => e.port === 3128 && e.protocol === 'http-proxy'));
  });

  test('DNS over TCP and UDP, an NXDOMAIN, and a dropped connection to a bare IP', () => {
    assert.ok(report.endpoints.some((e) => e.port === 53 && e.transport === 'tcp'));
    assert.ok(report.endpoints.some((e) => e.port === 53 && e.transport === 'udp'));
    assert.deepEqual(
      report.failedLookups.filter((l) => l.name === 'nowhere.example.test').map((l) => l.rcode),
      ['NXDOMAIN'],
    );
    const bare = report.endpoints.find((e) => e.port === 8443);
    assert.deepEqual(
      [bare?.host, bare?.namedBy, bare?.failures],
      [world.addressOf('bare.example.test').v4, 'none', ['no-answer']],
    );
  });

  test('the names agree with tshark reading the same capture', (t) => {
    if (spawnSync('tshark', ['--version']).status !== 0) return t.skip('tshark is not installed');
    const fields = spawnSync(
      'tshark',
      [
        '-r',
        file,
        '-T',
        'fields',
        '-e',
        'tls.handshake.extensions_server_name',
        '-e',
        'http.host',
        '-e',
        'http.request.uri',
      ],
      { encoding: 'utf8' },
    );
    const theirs = new Set<string>();
    for (const line of fields.stdout.split('\n')) {
      const [sni, host, uri] = line.split('\t');
      if (sni) theirs.add(sni.toLowerCase());
      if (host && !uri?.includes(':')) theirs.add(host.toLowerCase().replace(/:\d+$/, ''));
    }
    const ours = new Set(
      report.endpoints
        .filter((e) => e.namedBy === 'sni' || e.namedBy === 'http-host' || e.namedBy === 'connect')
        .map((e) => e.host),
    );
    for (const name of theirs) assert.ok(ours.has(name), `tshark names ${name}; telltale does not`);
  });

  test('the report validates against the shipped JSON Schema', () => {
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schemas', 'egress-report.schema.json'), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    // ajv-formats is CommonJS with a default export; under NodeNext it arrives as the module object.
    const addFormats = (addFormatsModule as unknown as { default: (a: Ajv2020) => void }).default;
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(report), JSON.stringify(validate.errors));
    assert.ok(
      validate(JSON.parse(readFileSync(path.join(repoRoot, 'samples', 'egress', 'ci-job.report.json'), 'utf8'))),
    );
  });
});
