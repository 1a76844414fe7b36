// Property-based fuzzing: no decoder lets an exception escape on arbitrary bytes, and no capture file
// of any content crashes the analysis (it ends in a report or an InputError).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { decodeLink } from '../../shared/egress/decode/link.ts';
import { decodeIp } from '../../shared/egress/decode/ip.ts';
import { decodeTcp, decodeUdp, decodeUnreachable } from '../../shared/egress/decode/transport.ts';
import { decodeDns } from '../../shared/egress/decode/dns.ts';
import { parseClientHello } from '../../shared/egress/decode/tls.ts';
import { parseHttpRequest } from '../../shared/egress/decode/http.ts';
import { decapsulate } from '../../shared/egress/decode/tunnel.ts';
import { parseSocksRequest } from '../../shared/egress/decode/socks.ts';
import { findStartTls } from '../../shared/egress/decode/starttls.ts';
import { parseSvcb } from '../../shared/egress/decode/dns.ts';
import { FragmentTable } from '../../shared/egress/analyze/fragments.ts';
import { analyzeCaptureFile } from '../../shared/egress/analyze.ts';
import { InputError } from '../../shared/util/errors.ts';
import { clientHello, pcap } from './packets.ts';

const bytes = fc.uint8Array({ maxLength: 3000 }).map((a) => Buffer.from(a));
const runs = { numRuns: 2000 };

test('every decoder returns plain data or undefined on arbitrary bytes', () => {
  fc.assert(
    fc.property(bytes, fc.constantFrom(0, 1, 12, 101, 108, 113, 228, 229, 276), (b, linkType) => {
      const network = decodeLink(linkType, b);
      const ip = network && decodeIp(network);
      if (ip) decodeUnreachable(ip);
      if (ip) for (const protocol of [4, 41, 47, 17]) decapsulate({ ...ip, protocol });
      if (ip?.fragmentOf) new FragmentTable().add(ip, 0);
      decodeIp({ version: 4, data: b });
      decodeIp({ version: 6, data: b });
      decodeTcp(b);
      decodeUdp(b);
      decodeDns(b);
      parseClientHello(b);
      parseHttpRequest(b);
      parseSocksRequest(b);
      findStartTls(b);
      parseSvcb(b);
    }),
    runs,
  );
});

test('a ClientHello with random bytes flipped never throws', () => {
  const hello = clientHello('fuzz.example.test', 1200);
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(hello.length - 1), fc.nat(255)), { maxLength: 20 }), (flips) => {
      const b = Buffer.from(hello);
      for (const [i, v] of flips) b[i] = v;
      parseClientHello(b);
    }),
    runs,
  );
});

const dir = mkdtempSync(path.join(tmpdir(), 'telltale-fuzz-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a capture of arbitrary packets, or arbitrary bytes after a header, ends in a report', async () => {
  let i = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(bytes, { maxLength: 20 }),
      bytes,
      fc.constantFrom(1, 101, 276),
      async (frames, tail, linkType) => {
        const file = path.join(dir, `f${i++}.pcap`);
        const body = pcap(
          linkType,
          frames.map((data, k) => ({ time: k, data })),
        );
        writeFileSync(file, Buffer.concat([body, tail]));
        const report = await analyzeCaptureFile(file);
        assert.ok(Array.isArray(report.endpoints));
      },
    ),
    { numRuns: 200 },
  );
  await fc.assert(
    fc.asyncProperty(bytes, async (b) => {
      const file = path.join(dir, `r${i++}.pcap`);
      writeFileSync(file, b);
      try {
        await analyzeCaptureFile(file);
      } catch (error) {
        assert.ok(error instanceof InputError, String(error));
      }
    }),
    { numRuns: 200 },
  );
});
