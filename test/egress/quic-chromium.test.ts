// A real Chromium speaking the other QUIC versions it still offers (--quic-version): draft-29, v2
// (RFC 9369) and Google QUIC Q046, whose CHLO travels in plaintext. Each is named by its SNI with its
// version, and compared with tshark on the same file. (Chromium no longer speaks Q043, Q050 or T051:
// asked for them it falls back to v1, so those are tested with packets built from the formats.)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { analyzeCaptureFile } from '../../shared/egress/analyze.ts';
import type { EgressReport } from '../../shared/egress/model/report.ts';
import { startCapture } from '../harness/capture.ts';
import { createWorld, worldSkipReason, type World } from '../harness/world.ts';

const skip =
  worldSkipReason() ||
  (spawnSync('tcpdump', ['--version']).status !== 0 && 'needs tcpdump') ||
  (spawnSync('chromium', ['--version']).status !== 0 && 'needs chromium') ||
  (spawnSync('tshark', ['--version']).status !== 0 && 'needs tshark');

const VERSIONS = [
  { flag: 'h3-29', name: 'draft-29', wire: '0xff00001d' },
  { flag: 'RFCv2', name: 'v2', wire: '0x6b3343cf' },
  { flag: 'h3-Q046', name: 'Q046', wire: 'Q046' },
];

describe('a real Chromium speaking draft-29, v2 and Q046', { skip }, () => {
  let world: World;
  const runs = new Map<string, { file: string; report: EgressReport }>();

  before(async () => {
    // As in quic.test.ts: UDP 443 is dropped silently so Chromium keeps sending its Initials.
    world = await createWorld({ hosts: [{ name: 'h3.example.test', dropUdp: [443] }] });
    for (const v of VERSIONS) {
      const file = path.join(world.dir, `quic-${v.name}.pcap`);
      const capture = await startCapture(world, { file });
      await world.exec(
        'timeout',
        [
          '5',
          'chromium',
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          `--user-data-dir=${path.join(world.dir, `profile-${v.name}`)}`,
          '--enable-quic',
          `--quic-version=${v.flag}`,
          '--origin-to-force-quic-on=h3.example.test:443',
          '--dump-dom',
          'https://h3.example.test/',
        ],
        { env: world.clientEnv() },
      );
      await capture.stop();
      runs.set(v.name, { file, report: await analyzeCaptureFile(file) });
    }
  });
  after(async () => world?.close());

  for (const v of VERSIONS) {
    test(`${v.name}: the endpoint is named by SNI and the report says ${v.name}`, () => {
      const { report } = runs.get(v.name)!;
      const h3 = report.endpoints.filter((e) => e.transport === 'udp' && e.port === 443);
      assert.deepEqual(
        h3.map((e) => [e.host, e.protocol, e.namedBy, e.quicVersion]),
        [['h3.example.test', 'quic', 'sni', v.name]],
      );
    });

    test(`${v.name}: tshark sees the same version on the wire`, async () => {
      const { file } = runs.get(v.name)!;
      const t = await world.exec('tshark', [
        '-r',
        file,
        '-Y',
        'quic || gquic',
        '-T',
        'fields',
        '-e',
        'quic.version',
        '-e',
        'gquic.version',
      ]);
      const versions = new Set(t.stdout.split(/\s+/).filter(Boolean));
      assert.deepEqual([...versions], [v.wire]);
    });
  }

  test('tshark finds the SNI of the draft-29 and v2 Initials too', async () => {
    for (const name of ['draft-29', 'v2']) {
      const t = await world.exec('tshark', [
        '-r',
        runs.get(name)!.file,
        '-Y',
        'quic',
        '-T',
        'fields',
        '-e',
        'tls.handshake.extensions_server_name',
      ]);
      assert.deepEqual(
        [
          ...new Set(
            t.stdout
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean),
          ),
        ],
        ['h3.example.test'],
        name,
      );
    }
  });

  test("Q046's CHLO follows a run of PADDING bytes: read past them, where tshark 4.0 stops", async () => {
    // Chromium pads before the STREAM frame; gQUIC PADDING ends at the first non-zero byte.
    const t = await world.exec('tshark', [
      '-r',
      runs.get('Q046')!.file,
      '-Y',
      'gquic',
      '-T',
      'fields',
      '-e',
      'gquic.tag.sni',
    ]);
    const tsharkNames = t.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const ours = runs.get('Q046')!.report.endpoints.find((e) => e.quicVersion === 'Q046');
    assert.equal(ours?.host, 'h3.example.test');
    // Recorded, not required: if a newer tshark reads it, it must agree with us.
    for (const name of tsharkNames) assert.equal(name, 'h3.example.test');
  });
});
