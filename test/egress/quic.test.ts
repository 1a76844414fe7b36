// QUIC Initials: keys per RFC 9001 / RFC 9369, CRYPTO frames shuffled over several packets, and a real
// Chromium's HTTP/3 attempt named by its SNI, agreeing with tshark's own QUIC dissector.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { analyzeCaptureFile } from '../../shared/egress/analyze.ts';
import {
  clientInitialKeys,
  cryptoFrames,
  decodeClientInitial,
  parseCryptoClientHello,
  QUIC_V1,
  QUIC_V2,
} from '../../shared/egress/decode/quic.ts';
import type { EgressReport } from '../../shared/egress/model/report.ts';
import { startCapture } from '../harness/capture.ts';
import { createWorld, worldSkipReason, type World } from '../harness/world.ts';
import { cryptoClientHello, ipv4, pcap, quicInitial, udp, type Frame } from './packets.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'telltale-quic-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const DCID = Buffer.from('8394c8f03e515708', 'hex');

describe('QUIC Initial decryption', () => {
  test('client keys match the published test vectors (RFC 9001 A.1, RFC 9369 A.1)', () => {
    const v1 = clientInitialKeys(DCID, QUIC_V1)!;
    assert.equal(v1.key.toString('hex'), '1f369613dd76d5467730efcbe3b1a22d');
    assert.equal(v1.iv.toString('hex'), 'fa044b2f42a3fd3b46fb255c');
    assert.equal(v1.hp.toString('hex'), '9f50449e04a0e810283a1e9933adedd2');
    const v2 = clientInitialKeys(DCID, QUIC_V2)!;
    assert.equal(v2.key.toString('hex'), '8b1a0bc121284290a29e0971b5cd045d');
    assert.equal(v2.iv.toString('hex'), '91f73e2351d8fa91660e909f');
    assert.equal(v2.hp.toString('hex'), '45b95e15235d6f45a6b19cbcb0294ba9');
    assert.equal(clientInitialKeys(DCID, 0x12345678), undefined, 'versions without public keys are not guessed at');
  });

  for (const version of [QUIC_V1, QUIC_V2]) {
    test(`a v${version === QUIC_V1 ? 1 : 2} Initial opens to its CRYPTO frames`, () => {
      const hello = cryptoClientHello('one.example.test', 400);
      const packet = quicInitial({ dcid: DCID, version, packetNumber: 7, frames: [{ offset: 0, data: hello }] });
      const result = decodeClientInitial(packet);
      assert.equal(result.status, 'ok');
      assert.ok(result.status === 'ok');
      assert.equal(result.frames.length, 1);
      const parsed = parseCryptoClientHello(result.frames[0]!.data);
      assert.deepEqual(parsed.status === 'ok' && parsed.serverName, 'one.example.test');
    });
  }

  test('a flipped ciphertext bit fails authentication instead of yielding garbage', () => {
    const packet = quicInitial({ dcid: DCID, frames: [{ offset: 0, data: cryptoClientHello('x.test', 300) }] });
    packet[packet.length - 40] = packet[packet.length - 40]! ^ 1;
    assert.equal(decodeClientInitial(packet).status, 'undecryptable');
  });

  test('short headers, versions without public keys and truncated packets are not Initials', () => {
    const packet = quicInitial({ dcid: DCID, frames: [{ offset: 0, data: cryptoClientHello('x.test', 300) }] });
    assert.equal(decodeClientInitial(Buffer.from([0x40, 1, 2, 3, 4, 5, 6, 7])).status, 'not-initial');
    const unknown = Buffer.from(packet);
    unknown.writeUInt32BE(0x12345678, 1);
    assert.equal(decodeClientInitial(unknown).status, 'not-initial');
    for (const cut of [1, 6, 20, 40]) assert.equal(decodeClientInitial(packet.subarray(0, cut)).status, 'not-initial');
  });

  test('later Initials keep the keys of the first DCID after the server picks a new one', () => {
    const newDcid = Buffer.from('5e17e0a1', 'hex');
    const later = quicInitial({ dcid: newDcid, keysFrom: DCID, frames: [{ offset: 0, data: Buffer.from('x') }] });
    assert.equal(decodeClientInitial(later).status, 'undecryptable');
    assert.equal(decodeClientInitial(later, DCID).status, 'ok');
  });

  test('PADDING, PING and ACK frames are stepped over; an unknown frame ends the walk', () => {
    const frames = cryptoFrames(
      Buffer.concat([
        Buffer.from([0x00, 0x01]), // PADDING, PING
        Buffer.from([0x02, 0x05, 0x00, 0x01, 0x00, 0x01, 0x02]), // ACK with one extra range
        Buffer.from([0x06, 0x00, 0x02, 0x61, 0x62]), // CRYPTO offset 0 "ab"
        Buffer.from([0x03, 0x01, 0x00, 0x00, 0x00, 0x01, 0x02, 0x03]), // ACK_ECN
        Buffer.from([0x06, 0x02, 0x01, 0x63]), // CRYPTO offset 2 "c"
        Buffer.from([0x1c, 0x00]), // CONNECTION_CLOSE: stop
        Buffer.from([0x06, 0x03, 0x01, 0x64]),
      ]),
    );
    assert.deepEqual(
      frames.map((f) => `${f.offset}:${f.data.toString()}`),
      ['0:ab', '2:c'],
    );
  });

  test('a ClientHello shuffled across three Initials names the flow once the stream is whole', async () => {
    // As Chrome does with post-quantum key shares: the hello exceeds one packet, frames out of order.
    const hello = cryptoClientHello('h3.shuffled.example.test', 2600);
    const pieces = [0, 300, 700, 1100, 1500, 1900, 2300].map((start, i, all) => ({
      offset: start,
      data: hello.subarray(start, all[i + 1] ?? hello.length),
    }));
    const packets = [
      [pieces[5]!, pieces[0]!, pieces[3]!],
      [pieces[1]!, pieces[6]!],
      [pieces[4]!, pieces[2]!],
    ].map((frames, pn) => quicInitial({ dcid: DCID, packetNumber: pn, frames }));
    const C = '10.1.0.5';
    const S = '192.0.2.80';
    const frames: Frame[] = packets.map((p, i) => ({ time: 1000 + i, data: ipv4(C, S, 17, udp(50000, 443, p)) }));
    const file = path.join(dir, 'shuffled.pcap');
    writeFileSync(file, pcap(101, frames));
    const report = await analyzeCaptureFile(file);
    assert.deepEqual(
      report.endpoints.map((e) => [e.host, e.port, e.transport, e.protocol, e.namedBy]),
      [['h3.shuffled.example.test', 443, 'udp', 'quic', 'sni']],
    );
    // Two of the three packets are not enough: the name is not guessed from a partial hello.
    writeFileSync(file, pcap(101, frames.slice(0, 2)));
    const partial = await analyzeCaptureFile(file);
    assert.deepEqual(
      partial.endpoints.map((e) => [e.host, e.namedBy]),
      [[S, 'none']],
    );
  });
});

const chromium = spawnSync('chromium', ['--version']).status === 0;
const skip =
  worldSkipReason() ||
  (spawnSync('tcpdump', ['--version']).status !== 0 && 'needs tcpdump') ||
  (!chromium && 'needs chromium') ||
  (spawnSync('tshark', ['--version']).status !== 0 && 'needs tshark');

describe('a real Chromium speaking HTTP/3', { skip }, () => {
  let world: World;
  let report: EgressReport;
  let file = '';

  before(async () => {
    // The host drops UDP 443 silently: no QUIC server exists here, and an ICMP error would stop
    // Chromium after its first Initial, before the rest of its ClientHello is sent.
    world = await createWorld({ hosts: [{ name: 'h3.example.test', dropUdp: [443] }] });
    file = path.join(world.dir, 'quic.pcap');
    const capture = await startCapture(world, { file });
    // The flags the machine's notes give for a headless Chromium with no network beyond the world.
    await world.exec(
      'timeout',
      [
        '6',
        'chromium',
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${path.join(world.dir, 'chromium-profile')}`,
        '--enable-quic',
        '--origin-to-force-quic-on=h3.example.test:443',
        '--dump-dom',
        'https://h3.example.test/',
      ],
      { env: world.clientEnv() },
    );
    await capture.stop();
    report = await analyzeCaptureFile(file);
  });
  after(async () => world?.close());

  test('its Initials are decrypted and the endpoint is named by SNI', () => {
    const h3 = report.endpoints.filter((e) => e.transport === 'udp' && e.port === 443);
    assert.deepEqual(
      h3.map((e) => [e.host, e.protocol, e.namedBy]),
      [['h3.example.test', 'quic', 'sni']],
    );
    assert.deepEqual(h3[0]!.addresses, [world.addressOf('h3.example.test').v4]);
    assert.equal(h3[0]!.quicVersion, 'v1', 'the report says which QUIC version the browser spoke');
  });

  test('tshark finds the same SNI in the same file', async () => {
    const t = await world.exec('tshark', [
      '-r',
      file,
      '-Y',
      'quic',
      '-T',
      'fields',
      '-e',
      'tls.handshake.extensions_server_name',
    ]);
    const names = new Set(
      t.stdout
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    );
    assert.deepEqual([...names], ['h3.example.test']);
  });
});
