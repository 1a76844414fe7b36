/**
 * What users rely on when they run Goss files: `dns` asks the given `server` for every record type,
 * `--retry-timeout`/`--sleep` and `retry_count` wait for a thing to come up, colour only when asked
 * (or on a terminal without NO_COLOR), and Goss's `rspecish` and `tap` formats.
 * The DNS server is a real UDP server on loopback, made here with dns-packet.
 */
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import dnsPacket from 'dns-packet';
import { parseControls } from '../../shared/audit/controls.ts';
import { runAudit } from '../../shared/audit/phase.ts';
import { openTarget } from '../../shared/audit/targets/index.ts';
import { cli } from './helpers.ts';

async function onHost(text: string): Promise<Record<string, string>> {
  const { controls } = parseControls(text, 'c.yaml');
  const target = await openTarget('host');
  try {
    const { results } = await runAudit(controls, target, () => {});
    return Object.fromEntries(results.map((r) => [`${r.id} ${r.property}`, `${r.status} ${r.actual ?? ''}`]));
  } finally {
    await target.close();
  }
}

describe('dns with server: every record type is asked of that server (resource/dns.go)', () => {
  let server: dgram.Socket;
  let port = 0;
  const asked: string[] = [];
  before(async () => {
    server = dgram.createSocket('udp4');
    server.on('message', (msg, rinfo) => {
      let q;
      try {
        q = dnsPacket.decode(msg);
      } catch {
        return;
      }
      const question = q.questions?.[0];
      if (!question) return;
      asked.push(`${question.type} ${question.name}`);
      const answers: dnsPacket.Answer[] = [];
      const name = question.name;
      if (name === 'svc.telltale.test') {
        if (question.type === 'A') answers.push({ type: 'A', name, data: '10.1.2.3' });
        if (question.type === 'MX')
          answers.push({ type: 'MX', name, data: { preference: 10, exchange: 'mail.telltale.test' } });
        if (question.type === 'TXT') answers.push({ type: 'TXT', name, data: ['hello dns'] });
      }
      if (name === 'alias.telltale.test' && question.type === 'CNAME')
        answers.push({ type: 'CNAME', name, data: 'svc.telltale.test' });
      if (name === '_https._tcp.telltale.test' && question.type === 'SRV')
        answers.push({ type: 'SRV', name, data: { priority: 0, weight: 5, port: 443, target: 'a.telltale.test' } });
      const reply = dnsPacket.encode({
        id: q.id,
        type: 'response',
        flags: dnsPacket.RECURSION_DESIRED,
        questions: q.questions,
        answers,
      });
      server.send(reply, rinfo.port, rinfo.address);
    });
    await new Promise<void>((r) => server.bind(0, '127.0.0.1', () => r()));
    port = server.address().port;
  });
  after(() => server.close());

  it('a plain name (A and AAAA), CNAME, MX, SRV and TXT, with names ending in a dot as Goss prints them', async () => {
    const s = `127.0.0.1:${port}`;
    const r = await onHost(
      [
        'dns:',
        '  svc.telltale.test:',
        `    {resolvable: true, addrs: [10.1.2.3], server: "${s}", timeout: 2000}`,
        '  CNAME:alias.telltale.test:',
        `    {resolvable: true, addrs: [svc.telltale.test.], server: "${s}", timeout: 2000}`,
        '  MX:svc.telltale.test:',
        `    {resolvable: true, addrs: ["10 mail.telltale.test."], server: "${s}", timeout: 2000}`,
        '  SRV:_https._tcp.telltale.test:',
        `    {resolvable: true, addrs: ["0 5 443 a.telltale.test."], server: "${s}", timeout: 2000}`,
        '  TXT:svc.telltale.test:',
        `    {resolvable: true, addrs: [hello dns], server: "${s}", timeout: 2000}`,
        '  nothing.telltale.test:',
        `    {resolvable: false, server: "${s}", timeout: 2000}`,
      ].join('\n'),
    );
    assert.deepEqual(
      Object.entries(r).filter(([, v]) => !v.startsWith('passed')),
      [],
    );
    assert.ok(asked.includes('A svc.telltale.test') && asked.includes('AAAA svc.telltale.test'), asked.join(', '));
  });
});

describe('waiting, colour and Goss formats', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'telltale-goss-runtime-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('--retry-timeout/--sleep: a file that appears after a while passes; without them it fails', async () => {
    const flag = path.join(dir, 'ready');
    const file = path.join(dir, 'wait.yaml');
    await writeFile(file, `file:\n  ${flag}:\n    exists: true\n`);
    assert.equal((await cli(['audit', '-c', file])).code, 1);
    const timer = setTimeout(() => void writeFile(flag, 'up\n'), 1500);
    try {
      const run = await cli(['audit', '-c', file, '--retry-timeout', '20s', '--sleep', '200ms']);
      assert.equal(run.code, 0, run.stdout + run.stderr);
    } finally {
      clearTimeout(timer);
    }
  });
  it('resource/retry.go retry_count/retry_delay: one resource is looked at again until it passes', async () => {
    const flag = path.join(dir, 'later');
    const timer = setTimeout(() => void writeFile(flag, 'up\n'), 600);
    try {
      const r = await onHost(`file:\n  ${flag}:\n    exists: true\n    retry_count: 20\n    retry_delay: 100ms\n`);
      assert.match(r[`${flag} exists`]!, /^passed/);
    } finally {
      clearTimeout(timer);
    }
  });
  it('colour: none when not a terminal, SGR colours with --color, none with NO_COLOR and no flag', async () => {
    const file = path.join(dir, 'ok.yaml');
    await writeFile(file, 'user:\n  root:\n    exists: true\n');
    const plain = await cli(['audit', '-c', file]);
    assert.doesNotMatch(plain.stdout, /\u001b\[/);
    const coloured = await cli(['audit', '-c', file, '--color']);
    assert.match(coloured.stdout, /\u001b\[32m {2}exists true\u001b\[39m\n/);
    const env = { PATH: process.env.PATH ?? '', HOME: dir, NO_COLOR: '1' };
    assert.doesNotMatch((await cli(['audit', '-c', file], { env })).stdout, /\u001b\[/);
  });
  it('rspecish and tap: a character or a TAP line per check, Goss-style names, a newline in a value made visible', async () => {
    const file = path.join(dir, 'mixed.yaml');
    await writeFile(
      file,
      'user:\n  root:\n    exists: true\n    uid: 1\nmatching:\n  m:\n    content: "a\\nb"\n    matches: "x"\n    skip: true\n',
    );
    const r = await cli(['audit', '-c', file, '-f', 'rspecish']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^\.FS\n\nFailures\/Skipped:\n\nUser: root: uid:\nExpected\n {4}0\nto\n {4}1\n/);
    assert.match(r.stdout, /\nCount: 3, Failed: 1, Skipped: 1\n$/);
    const t = await cli(['audit', '-c', file, '-f', 'tap']);
    assert.equal(
      t.stdout,
      "1..3\nok 1 - User: root: exists: matches expectation: true\nnot ok 2 - User: root: uid: doesn't match, expect: 1 found: 0\nok 3 - # SKIP Matching: m: matches: skip: true\n",
    );
  });
});
