// Real clients through the paths the corpus showed we missed: SMTP upgraded with STARTTLS (openssl
// s_client against a small SMTP server), curl through a SOCKS5 proxy, HTTPS inside a VXLAN tunnel
// between the namespaces, and DNS answers too large for one packet (dnsmasq, fragmented by the kernel).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { analyzeCaptureFile } from '../../shared/egress/analyze.ts';
import { startCapture } from '../harness/capture.ts';
import { createWorld, worldSkipReason, type World } from '../harness/world.ts';

const SMTP_SERVER = String.raw`
import socket, ssl, sys, threading
address, cert, key = sys.argv[1], sys.argv[2], sys.argv[3]
ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH); ctx.load_cert_chain(cert, key)
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind((address, 25)); srv.listen(8); print('ready', flush=True)
def handle(c):
    c.settimeout(10)
    c.sendall(b'220 mail.example.test ESMTP\r\n')
    buf = b''
    while True:
        data = c.recv(4096)
        if not data: return c.close()
        buf += data
        while b'\n' in buf:
            line, buf = buf.split(b'\n', 1)
            cmd = line.strip().upper()
            if cmd.startswith(b'EHLO') or cmd.startswith(b'HELO'): c.sendall(b'250-mail.example.test\r\n250 STARTTLS\r\n')
            elif cmd == b'STARTTLS':
                c.sendall(b'220 go ahead\r\n')
                t = ctx.wrap_socket(c, server_side=True)
                while True:
                    got = t.recv(4096)
                    if not got: break
                    if got.strip().upper().startswith(b'QUIT'): t.sendall(b'221 bye\r\n'); break
                    t.sendall(b'250 ok\r\n')
                return t.close()
            elif cmd == b'QUIT': c.sendall(b'221 bye\r\n'); return c.close()
            else: c.sendall(b'250 ok\r\n')
while True:
    conn, _ = srv.accept()
    threading.Thread(target=handle, args=(conn,), daemon=True).start()
`;

// RFC 1928 without authentication: enough for curl --socks5-hostname. Names resolve from argv (the
// internet namespace has no resolver of its own).
const SOCKS_SERVER = String.raw`
import json, socket, sys, threading
address, hosts = sys.argv[1], json.loads(sys.argv[2])
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind((address, 1080)); srv.listen(8); print('ready', flush=True)
def recvn(s, n):
    out = b''
    while len(out) < n:
        got = s.recv(n - len(out))
        if not got: raise EOFError()
        out += got
    return out
def pipe(a, b):
    try:
        while True:
            data = a.recv(65536)
            if not data: break
            b.sendall(data)
    except OSError: pass
    for s in (a, b):
        try: s.shutdown(socket.SHUT_RDWR)
        except OSError: pass
def handle(c):
    try:
        _, n = recvn(c, 2); recvn(c, n); c.sendall(b'\x05\x00')
        _, cmd, _, atyp = recvn(c, 4)
        if atyp == 3: host = recvn(c, recvn(c, 1)[0]).decode()
        elif atyp == 1: host = socket.inet_ntoa(recvn(c, 4))
        else: return c.close()
        port = int.from_bytes(recvn(c, 2), 'big')
        up = socket.create_connection((hosts.get(host, host), port), timeout=10)
        c.sendall(b'\x05\x00\x00\x01' + bytes(6))
        threading.Thread(target=pipe, args=(up, c), daemon=True).start()
        pipe(c, up)
    except (OSError, EOFError): c.close()
while True:
    conn, _ = srv.accept()
    threading.Thread(target=handle, args=(conn,), daemon=True).start()
`;

async function waitReady(child: ReturnType<World['spawn']>, what: string): Promise<void> {
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (out += c));
  const deadline = Date.now() + 10_000;
  while (!out.includes('ready')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${what} did not start: ${out}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const TXT = Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(97 + i)}`.repeat(250));

describe('real clients through STARTTLS, SOCKS, a VXLAN tunnel and fragmented DNS', { skip: worldSkipReason() }, () => {
  let world: World;
  const dir = mkdtempSync(path.join(tmpdir(), 'telltale-analyze-world-'));

  before(async () => {
    world = await createWorld({
      hosts: [{ name: 'mail.example.test' }, { name: 'registry.example.test' }, { name: 'tunnel.example.test' }],
      dnsmasqOptions: [
        '--edns-packet-max=4096',
        `--txt-record=big.example.test,${TXT.join(',')}`,
        ...Array.from({ length: 100 }, (_, i) => `--host-record=many.example.test,fd77::9:${(i + 1).toString(16)}`),
      ],
    });
  });
  after(async () => {
    await world?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('openssl s_client -starttls smtp: the SMTP server is named by the SNI sent after STARTTLS', async () => {
    const smtp = world.spawn('python3', ['-c', SMTP_SERVER, world.addressOf('mail.example.test').v4!,
      path.join(world.dir, 'leaf.pem'), path.join(world.dir, 'leaf.key')], { ns: 'internet' }); // prettier-ignore
    await waitReady(smtp, 'the SMTP server');
    const file = path.join(dir, 'smtp.pcap');
    const capture = await startCapture(world, { file });
    const client = await world.exec(
      'openssl',
      ['s_client', '-starttls', 'smtp', '-connect', 'mail.example.test:25', '-servername', 'mail.example.test',
        '-CAfile', world.caFile, '-verify_return_error', '-quiet'], // prettier-ignore
      { input: 'QUIT\r\n', timeoutMs: 20_000 },
    );
    await capture.stop();
    assert.match(client.stderr + client.stdout, /verify return:1|221 bye/, client.stderr);
    const report = await analyzeCaptureFile(file);
    const mail = report.endpoints.find((e) => e.port === 25);
    const why = `${JSON.stringify(report.endpoints)}\n${client.stderr}`;
    assert.deepEqual(mail && [mail.host, mail.protocol, mail.namedBy], ['mail.example.test', 'smtp', 'sni'], why);
    // (s_client tries the IPv6 address first, which the server does not listen on: refused, then IPv4.)
    assert.ok(mail?.addresses.includes(world.addressOf('mail.example.test').v4!), why);
  });

  test('curl --socks5-hostname: the real destination, via the proxy, and the proxy itself', async () => {
    const hosts = { 'registry.example.test': world.addressOf('registry.example.test').v4 };
    const socks = world.spawn('python3', ['-c', SOCKS_SERVER, '10.77.0.3', JSON.stringify(hosts)], { ns: 'internet' });
    await waitReady(socks, 'the SOCKS server');
    const file = path.join(dir, 'socks.pcap');
    const capture = await startCapture(world, { file });
    const client = await world.exec(
      'curl',
      ['-sS', '-o', '/dev/null', '-w', '%{http_code}', '--socks5-hostname', '10.77.0.3:1080', 'https://registry.example.test/'],
      { env: world.clientEnv() },
    ); // prettier-ignore
    await capture.stop();
    assert.equal(client.stdout, '200', client.stderr);
    const report = await analyzeCaptureFile(file);
    const rows = report.endpoints.map((e) => [e.host, e.port, e.protocol, e.namedBy, e.via ?? '']);
    assert.deepEqual(rows.sort(), [
      ['10.77.0.3', 1080, 'socks5', 'none', ''],
      ['registry.example.test', 443, 'https', 'connect', '10.77.0.3:1080'],
    ]);
    assert.equal(report.failedLookups.length, 0, 'curl asked the proxy to resolve: no DNS on the runner');
  });

  test('HTTPS inside a VXLAN tunnel between the namespaces is named, and the tunnel is said', async () => {
    const tunnelHost = world.addressOf('tunnel.example.test').v4!;
    const inRunner = (...args: string[]) =>
      spawnSync('ip', ['netns', 'exec', world.runnerNs, ...args], { encoding: 'utf8' });
    const inNet = (...args: string[]) =>
      spawnSync('ip', ['netns', 'exec', world.internetNs, ...args], { encoding: 'utf8' });
    for (const [run, local, remote, dev, address] of [
      [inRunner, '10.77.0.1', '10.77.0.2', world.runnerIf, '10.201.0.1/24'],
      [inNet, '10.77.0.2', '10.77.0.1', world.internetIf, '10.201.0.2/24'],
    ] as const) {
      for (const args of [
        ['ip', 'link', 'add', 'vx42', 'type', 'vxlan', 'id', '42', 'local', local, 'remote', remote, 'dstport', '4789', 'dev', dev],
        ['ip', 'addr', 'add', address, 'dev', 'vx42'],
        ['ip', 'link', 'set', 'vx42', 'up'],
      ]) {
        const r = run(...args);
        assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
      }
    } // prettier-ignore
    // Only the tunnel host is routed through the tunnel; the capture sees only the outer packets.
    assert.equal(inRunner('ip', 'route', 'add', `${tunnelHost}/32`, 'dev', 'vx42', 'src', '10.201.0.1').status, 0);
    const file = path.join(dir, 'vxlan.pcap');
    const capture = await startCapture(world, { file, iface: world.runnerIf });
    const client = await world.exec(
      'curl',
      ['-sS', '-o', '/dev/null', '-w', '%{http_code}', '--resolve', `tunnel.example.test:443:${tunnelHost}`, 'https://tunnel.example.test/'],
      { env: world.clientEnv() },
    ); // prettier-ignore
    await capture.stop();
    assert.equal(client.stdout, '200', client.stderr);
    const report = await analyzeCaptureFile(file);
    const endpoint = report.endpoints.find((e) => e.host === 'tunnel.example.test');
    assert.deepEqual(endpoint && [endpoint.port, endpoint.namedBy, endpoint.addresses], [443, 'sni', [tunnelHost]]);
    assert.ok((report.capture.tunnels?.vxlan ?? 0) > 5, JSON.stringify(report.capture));
    assert.ok(!report.endpoints.some((e) => e.port === 4789), 'the tunnel itself is no endpoint');
    assert.match(report.warnings.join('\n'), /vxlan 10\.77\.0\.1 -> 10\.77\.0\.2/);
  });

  test('DNS answers larger than one packet arrive fragmented and are read whole', async () => {
    const file = path.join(dir, 'fragments.pcap');
    const capture = await startCapture(world, { file });
    for (const [type, name] of [['TXT', 'big.example.test'], ['AAAA', 'many.example.test']] as const) {
      const dig = await world.exec('dig', ['+bufsize=4096', '+notcp', '+ignore', '+tries=1', '@10.77.0.2', type, name]);
      assert.match(dig.stdout, /status: NOERROR/, dig.stdout);
    } // prettier-ignore
    await capture.stop();
    // The kernel really fragmented them (else this test would prove nothing).
    const fragments = spawnSync('tcpdump', ['-r', file, '-n', 'ip[6:2] & 0x3fff != 0'], { encoding: 'utf8' });
    assert.ok(fragments.stdout.trim().split('\n').length >= 2, `no fragments captured: ${fragments.stderr}`);
    const report = await analyzeCaptureFile(file);
    assert.deepEqual(report.failedLookups, [], 'no lookup is taken for timed out');
    assert.equal(report.capture.undecodedBy?.fragment, undefined);
    const looked = new Map(report.lookedUp?.map((l) => [l.name, l]));
    assert.deepEqual(looked.get('big.example.test')?.types, ['TXT']);
    assert.equal(looked.get('many.example.test')?.addresses.length, 64, 'capped at 64 addresses per name');
  });
});
