/**
 * A miniature internet for tests: a "runner" network namespace (where the job's clients run) and an
 * "internet" namespace (where every server lives), joined by one veth pair, over IPv4 and IPv6.
 *
 *   await withWorld({ hosts: [{ name: 'registry.example.test' }, { name: 'v6.example.test', v4: false }] }, async (w) => {
 *     const r = await w.exec('curl', ['-sS', 'https://registry.example.test/'], { env: w.clientEnv() });
 *   });
 *
 * What it builds (only addresses inside these namespaces are ever contacted):
 * - DNS: dnsmasq in the internet namespace is the runner's only resolver (`/etc/netns/<runner>/
 *   resolv.conf`, which `ip netns exec` bind-mounts over /etc/resolv.conf). It is authoritative for
 *   `.test`: A and AAAA for every host, CNAME chains (`cnames`), NXDOMAIN for any other `.test` name,
 *   REFUSED for names outside `.test`. UDP and TCP (`dig +tcp`).
 * - TLS: a CA generated with openssl when the world starts; one server certificate names every host.
 *   `clientEnv()` makes curl, wget, node, python3 and git trust it; `caFile` is the PEM path.
 * - HTTP on 80 and HTTPS on 443 for every host (one node server bound to all internet addresses):
 *   `/` answers 200 with a small body, `/bytes/N` N bytes, `/redirect?to=URL` a 302, a host with
 *   `redirectTo` answers 302 to that URL on every path, and files under `staticDir` are served as is
 *   when they exist (so `git clone https://host/repo.git` works over git's dumb HTTP protocol).
 * - An HTTP forward proxy on `proxyUrl` that supports `CONNECT host:port` (for HTTPS_PROXY tests).
 * - Per host `drop: [ports]` (iptables DROP: a silently closed ACL) and `reject: [ports]`
 *   (REJECT with tcp-reset). A port nobody listens on answers RST anyway.
 * - `offloads: false` turns TSO/GSO/GRO off on both veth ends so captured TCP segments are MTU sized
 *   (a 2 KB ClientHello then really spans two segments).
 *
 * Everything is torn down by `close()` (processes, namespaces and their iptables rules, the
 * /etc/netns folder, the temp folder), by `withWorld` even when the test throws, and by a process
 * exit hook when a test crashes. Names carry a random suffix, so worlds can run side by side.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface HostSpec {
  /** A name under `.test`. */
  name: string;
  /** Give the host an IPv4 address (default true). */
  v4?: boolean;
  /** Give the host an IPv6 address (default true). */
  v6?: boolean;
  /** Answer every HTTP(S) request with a 302 to this URL. */
  redirectTo?: string;
  /** TCP ports whose packets to this host are silently dropped. */
  drop?: number[];
  /** UDP ports whose packets to this host are silently dropped (a QUIC server that never answers). */
  dropUdp?: number[];
  /** TCP ports answered with a TCP reset by the firewall. */
  reject?: number[];
}

export interface WorldSpec {
  hosts: HostSpec[];
  /** alias -> target; targets may be other aliases (a chain) but must end at a host. */
  cnames?: Record<string, string>;
  /** Folder served as static files by every host (git's dumb HTTP, large files). */
  staticDir?: string;
  /** Leave segmentation offloads on (default) or turn them off for MTU-sized captured segments. */
  offloads?: boolean;
  /** Extra dnsmasq options (`--txt-record=…`, `--host-record=…`, `--edns-packet-max=…`). */
  dnsmasqOptions?: string[];
}

export interface ExecOptions {
  ns?: 'runner' | 'internet';
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  input?: string;
  cwd?: string;
}

export interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface World {
  readonly runnerNs: string;
  readonly internetNs: string;
  /** The runner's interface name (inside runnerNs). */
  readonly runnerIf: string;
  /** The internet side's interface name (inside internetNs). */
  readonly internetIf: string;
  readonly caFile: string;
  /** The world's temp folder (certificates, configs, logs); removed on close. */
  readonly dir: string;
  /** `http://<address>:3128`, a forward proxy that supports CONNECT. */
  readonly proxyUrl: string;
  /** The runner's own addresses. */
  readonly runnerAddress: { v4: string; v6: string };
  /** The DNS server's addresses. */
  readonly dnsAddress: { v4: string; v6: string };
  addressOf(host: string): { v4?: string; v6?: string };
  /** Runs a command to completion inside a namespace (default: runner). Never rejects on a non-zero exit. */
  exec(command: string, args: string[], options?: ExecOptions): Promise<ExecResult>;
  /** Starts a long-running process inside a namespace; it is killed on close. */
  spawn(command: string, args: string[], options?: ExecOptions): ChildProcess;
  /** Environment that makes curl, wget, node, python3, openssl and git trust the world's CA. */
  clientEnv(extra?: Record<string, string>): Record<string, string>;
  /**
   * Makes a TCP service on the test process's own loopback (the GitHub API stand-in) reachable from
   * the runner namespace, at `127.0.0.1:<returned port>` there. The forwarder is killed on close.
   */
  bridge(port: number): Promise<number>;
  close(): Promise<void>;
}

// The forwarder: it binds its listener inside the runner namespace (where `ip netns exec` started it),
// then switches itself back to the test's namespace with setns(2), so each connection it accepts is
// relayed to the service there. Sockets keep the namespace they were made in.
const BRIDGE_SCRIPT = `
import ctypes, os, selectors, socket, sys
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(('127.0.0.1', 0)); srv.listen(64)
print(srv.getsockname()[1], flush=True)
libc = ctypes.CDLL(None, use_errno=True)
with open(sys.argv[1]) as ns:
    if libc.setns(ns.fileno(), 0x40000000) != 0: sys.exit('setns failed: %d' % ctypes.get_errno())
target = int(sys.argv[2]); sel = selectors.DefaultSelector(); peers = {}
sel.register(srv, selectors.EVENT_READ)
def drop(s):
    for x in (s, peers.pop(s, None)):
        if x is None: continue
        try: sel.unregister(x)
        except Exception: pass
        peers.pop(x, None); x.close()
while True:
    for key, _ in sel.select():
        s = key.fileobj
        if s is srv:
            c, _ = srv.accept()
            try: u = socket.create_connection(('127.0.0.1', target), timeout=5)
            except OSError: c.close(); continue
            peers[c] = u; peers[u] = c
            sel.register(c, selectors.EVENT_READ); sel.register(u, selectors.EVENT_READ)
            continue
        try: data = s.recv(65536)
        except OSError: data = b''
        if not data: drop(s); continue
        try: peers[s].sendall(data)
        except (OSError, KeyError): drop(s)
`;

/** Why worlds cannot be built here, or false when they can. Tests skip with this reason. */
export function worldSkipReason(): string | false {
  if (process.env.TELLTALE_UNIT) return 'a unit run (npm run test:unit) builds no network namespaces';
  if (process.getuid?.() !== 0) return 'needs root (network namespaces, iptables)';
  const missing = ['ip', 'iptables', 'ip6tables', 'dnsmasq', 'openssl'].filter(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0,
  );
  if (missing.length) return `needs ${missing.join(', ')} (scripts/install-system-deps.sh installs them)`;
  return false;
}

const live = new Set<{ closeSync: () => void }>();
process.on('exit', () => {
  for (const world of live) world.closeSync();
});

function run(args: string[], timeoutMs = 20_000): string {
  const result = spawnSync(args[0]!, args.slice(1), { encoding: 'utf8', timeout: timeoutMs });
  if (result.status !== 0) {
    throw new Error(
      `world: '${args.join(' ')}' failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`,
    );
  }
  return result.stdout;
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`world: ${what} not ready after ${timeoutMs} ms`);
}

// The internet-side server: HTTP, HTTPS, the CONNECT proxy. Kept as plain JS so it runs with the
// same node binary and no loader inside the namespace.
const SERVER_SOURCE = String.raw`
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
function handler(req, res) {
  const host = String(req.headers.host || '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
  const spec = config.hosts[host];
  const url = new URL(req.url, 'http://x');
  if (spec && spec.redirectTo) { res.writeHead(302, { location: spec.redirectTo }); return res.end(); }
  if (url.pathname === '/redirect') { res.writeHead(302, { location: url.searchParams.get('to') || '/' }); return res.end(); }
  const bytes = /^\/bytes\/(\d+)$/.exec(url.pathname);
  if (bytes) {
    let left = Number(bytes[1]);
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': left });
    const chunk = Buffer.alloc(64 * 1024, 120);
    const pump = () => { while (left > 0) { const n = Math.min(left, chunk.length); left -= n; if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return res.once('drain', pump); } res.end(); };
    return pump();
  }
  if (config.staticDir && url.pathname !== '/') {
    const file = path.join(config.staticDir, path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ''));
    try { if (statSync(file).isFile()) { res.writeHead(200); return createReadStream(file).pipe(res); } } catch {}
    if (url.pathname.includes('.git/')) { res.writeHead(404); return res.end('not found\n'); }
  }
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('hello from ' + host + '\n');
}
function resolve(host) {
  const spec = config.hosts[String(host).toLowerCase()];
  return spec ? (spec.v4 || spec.v6) : host;
}
const tls = { key: readFileSync(config.key), cert: readFileSync(config.cert) };
const servers = [
  [http.createServer(handler), 80],
  [https.createServer(tls, handler), 443],
];
const proxy = http.createServer((req, res) => { res.writeHead(405); res.end('CONNECT only\n'); });
proxy.on('connect', (req, socket, head) => {
  const [host, port] = req.url.split(/:(?=\d+$)/);
  const upstream = net.connect(Number(port || 443), resolve(host), () => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    upstream.write(head); upstream.pipe(socket); socket.pipe(upstream);
  });
  upstream.on('error', () => { socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'); });
  socket.on('error', () => upstream.destroy());
});
servers.push([proxy, 3128]);
let up = 0;
for (const [server, port] of servers) server.listen({ port, host: '::', ipv6Only: false }, () => { if (++up === servers.length) process.stdout.write('ready\n'); });
`;

let counter = 0;

export async function createWorld(spec: WorldSpec): Promise<World> {
  const skip = worldSkipReason();
  if (skip) throw new Error(`world: ${skip}`);
  const id = `${randomBytes(2).toString('hex')}${(counter++).toString(36)}`;
  const runnerNs = `tt-run-${id}`;
  const internetNs = `tt-net-${id}`;
  const runnerIf = `ttr${id}`.slice(0, 15);
  const internetIf = `tti${id}`.slice(0, 15);
  const dir = mkdtempSync(path.join(tmpdir(), `telltale-world-${id}-`));
  const netnsEtc = path.join('/etc/netns', runnerNs);
  const children = new Set<ChildProcess>();

  // Namespaces are private to each world, so every world can use the same addresses.
  const runnerAddress = { v4: '10.77.0.1', v6: 'fd77::1' };
  const dnsAddress = { v4: '10.77.0.2', v6: 'fd77::2' };
  const proxyAddress = '10.77.0.3';
  const addresses = new Map<string, { v4?: string; v6?: string }>();
  spec.hosts.forEach((host, i) => {
    const name = host.name.toLowerCase();
    if (!name.endsWith('.test')) throw new Error(`world: host ${host.name} must be under .test`);
    addresses.set(name, {
      ...(host.v4 === false ? {} : { v4: `10.77.${1 + Math.floor(i / 250)}.${1 + (i % 250)}` }),
      ...(host.v6 === false ? {} : { v6: `fd77::1:${(i + 1).toString(16)}` }),
    });
  });

  const closeSync = () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    spawnSync('ip', ['netns', 'del', runnerNs]);
    spawnSync('ip', ['netns', 'del', internetNs]);
    rmSync(netnsEtc, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  };
  const handle = { closeSync };
  live.add(handle);

  const nsName = (ns: 'runner' | 'internet' | undefined) => (ns === 'internet' ? internetNs : runnerNs);
  const spawnIn = (command: string, args: string[], options: ExecOptions = {}): ChildProcess => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, ...options.env })) if (v !== undefined) env[k] = v;
    const child = spawn('ip', ['netns', 'exec', nsName(options.ns), command, ...args], {
      env,
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    children.add(child);
    child.on('exit', () => children.delete(child));
    if (options.input !== undefined) child.stdin!.end(options.input);
    else child.stdin!.end();
    return child;
  };

  try {
    run(['ip', 'netns', 'add', runnerNs]);
    run(['ip', 'netns', 'add', internetNs]);
    run([
      'ip',
      'link',
      'add',
      runnerIf,
      'netns',
      runnerNs,
      'type',
      'veth',
      'peer',
      'name',
      internetIf,
      'netns',
      internetNs,
    ]);
    const inRunner = (...args: string[]) => run(['ip', 'netns', 'exec', runnerNs, ...args]);
    const inNet = (...args: string[]) => run(['ip', 'netns', 'exec', internetNs, ...args]);
    for (const [ns, ifname] of [
      [inRunner, runnerIf],
      [inNet, internetIf],
    ] as const) {
      ns('ip', 'link', 'set', 'lo', 'up');
      ns('ip', 'link', 'set', ifname, 'up');
      if (spec.offloads === false) ns('ethtool', '-K', ifname, 'tso', 'off', 'gso', 'off', 'gro', 'off');
    }
    inRunner('ip', 'addr', 'add', `${runnerAddress.v4}/16`, 'dev', runnerIf);
    inRunner('ip', '-6', 'addr', 'add', `${runnerAddress.v6}/64`, 'dev', runnerIf, 'nodad');
    // Every address not on the runner's link lives behind the internet namespace.
    inRunner('ip', 'route', 'add', 'default', 'via', dnsAddress.v4);
    inRunner('ip', '-6', 'route', 'add', 'default', 'via', dnsAddress.v6);
    inNet('ip', 'addr', 'add', `${dnsAddress.v4}/16`, 'dev', internetIf);
    inNet('ip', '-6', 'addr', 'add', `${dnsAddress.v6}/64`, 'dev', internetIf, 'nodad');
    inNet('ip', 'addr', 'add', `${proxyAddress}/16`, 'dev', internetIf);
    for (const address of addresses.values()) {
      if (address.v4) inNet('ip', 'addr', 'add', `${address.v4}/16`, 'dev', internetIf);
      if (address.v6) inNet('ip', '-6', 'addr', 'add', `${address.v6}/64`, 'dev', internetIf, 'nodad');
    }
    for (const host of spec.hosts) {
      const address = addresses.get(host.name.toLowerCase())!;
      for (const [ports, protocol, target] of [
        [host.drop ?? [], 'tcp', ['DROP']],
        [host.dropUdp ?? [], 'udp', ['DROP']],
        [host.reject ?? [], 'tcp', ['REJECT', '--reject-with', 'tcp-reset']],
      ] as const) {
        for (const port of ports) {
          if (address.v4)
            inNet(
              'iptables',
              '-A',
              'INPUT',
              '-p',
              protocol,
              '-d',
              address.v4,
              '--dport',
              String(port),
              '-j',
              ...target,
            );
          if (address.v6)
            inNet(
              'ip6tables',
              '-A',
              'INPUT',
              '-p',
              protocol,
              '-d',
              address.v6,
              '--dport',
              String(port),
              '-j',
              ...target,
            );
        }
      }
    }

    // A CA and one leaf certificate naming every host (SANs), made fresh for this world.
    const caKey = path.join(dir, 'ca.key');
    const caFile = path.join(dir, 'ca.pem');
    const leafKey = path.join(dir, 'leaf.key');
    const leafCsr = path.join(dir, 'leaf.csr');
    const leafCert = path.join(dir, 'leaf.pem');
    const ext = path.join(dir, 'leaf.ext');
    run(['openssl', 'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', caKey, '-out', caFile, '-days', '2', '-subj', '/CN=telltale test CA']); // prettier-ignore
    run(['openssl', 'req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', leafKey, '-out', leafCsr, '-subj', '/CN=telltale test server']); // prettier-ignore
    const names = [...addresses.keys(), ...Object.keys(spec.cnames ?? {})];
    writeFileSync(ext, `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}\nbasicConstraints=CA:FALSE\n`);
    run(['openssl', 'x509', '-req', '-in', leafCsr, '-CA', caFile, '-CAkey', caKey, '-CAcreateserial',
      '-out', leafCert, '-days', '2', '-extfile', ext]); // prettier-ignore

    // DNS: authoritative for .test, nothing else.
    const hostsFile = path.join(dir, 'hosts');
    writeFileSync(
      hostsFile,
      [...addresses]
        .flatMap(([name, a]) => [a.v4 && `${a.v4} ${name}`, a.v6 && `${a.v6} ${name}`].filter(Boolean))
        .join('\n') + '\n',
    );
    const dnsmasq = spawnIn(
      'dnsmasq',
      [
        '--keep-in-foreground',
        '--no-resolv',
        '--no-hosts',
        `--addn-hosts=${hostsFile}`,
        '--local=/test/',
        '--bind-interfaces',
        `--listen-address=${dnsAddress.v4}`,
        `--listen-address=${dnsAddress.v6}`,
        `--pid-file=${path.join(dir, 'dnsmasq.pid')}`,
        '--log-facility=-',
        '--user=root',
        ...Object.entries(spec.cnames ?? {}).map(([alias, target]) => `--cname=${alias},${target}`),
        ...(spec.dnsmasqOptions ?? []),
      ],
      { ns: 'internet' },
    );
    let dnsLog = '';
    dnsmasq.stderr!.on('data', (chunk) => (dnsLog += chunk));
    mkdirSync(netnsEtc, { recursive: true });
    writeFileSync(path.join(netnsEtc, 'resolv.conf'), `nameserver ${dnsAddress.v4}\nnameserver ${dnsAddress.v6}\n`);

    const config = path.join(dir, 'server.json');
    writeFileSync(
      config,
      JSON.stringify({
        key: leafKey,
        cert: leafCert,
        staticDir: spec.staticDir,
        hosts: Object.fromEntries(
          spec.hosts.map((h) => [
            h.name.toLowerCase(),
            { ...addresses.get(h.name.toLowerCase()), redirectTo: h.redirectTo },
          ]),
        ),
      }),
    );
    const serverFile = path.join(dir, 'server.mjs');
    writeFileSync(serverFile, SERVER_SOURCE);
    const server = spawnIn(process.execPath, [serverFile, config], { ns: 'internet' });
    let serverOut = '';
    server.stdout!.on('data', (chunk) => (serverOut += chunk));
    server.stderr!.on('data', (chunk) => (serverOut += chunk));
    await waitFor(`servers (${serverOut})`, () => serverOut.includes('ready') || server.exitCode !== null);
    if (server.exitCode !== null) throw new Error(`world: server exited: ${serverOut}`);
    await waitFor(`dnsmasq (${dnsLog})`, () => {
      if (dnsmasq.exitCode !== null) throw new Error(`world: dnsmasq exited: ${dnsLog}`);
      return spawnSync('ip', ['netns', 'exec', internetNs, 'ss', '-lun'])
        .stdout?.toString()
        .includes(`${dnsAddress.v4}:53`);
    });

    const world: World = {
      runnerNs,
      internetNs,
      runnerIf,
      internetIf,
      caFile,
      dir,
      proxyUrl: `http://${proxyAddress}:3128`,
      runnerAddress,
      dnsAddress,
      addressOf: (host) => {
        const address = addresses.get(host.toLowerCase());
        if (!address) throw new Error(`world: no host ${host}`);
        return address;
      },
      spawn: spawnIn,
      exec: (command, args, options = {}) =>
        new Promise<ExecResult>((resolve, reject) => {
          const child = spawnIn(command, args, options);
          let stdout = '';
          let stderr = '';
          child.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
          child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
          const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
          child.on('error', reject);
          child.on('close', (code) => {
            clearTimeout(timer);
            resolve({ code, stdout, stderr });
          });
        }),
      clientEnv: (extra = {}) => ({
        CURL_CA_BUNDLE: caFile,
        SSL_CERT_FILE: caFile,
        NODE_EXTRA_CA_CERTS: caFile,
        GIT_SSL_CAINFO: caFile,
        REQUESTS_CA_BUNDLE: caFile,
        ...extra,
      }),
      bridge: async (port) => {
        const child = world.spawn('python3', ['-c', BRIDGE_SCRIPT, `/proc/${process.pid}/ns/net`, String(port)]);
        const line = await new Promise<string>((resolve, reject) => {
          let out = '';
          child.stdout!.setEncoding('utf8').on('data', (c: string) => {
            out += c;
            if (out.includes('\n')) resolve(out.trim());
          });
          child.on('error', reject);
          child.on('close', (code) => reject(new Error(`world: bridge exited (${code})`)));
        });
        return Number(line);
      },
      close: async () => {
        live.delete(handle);
        for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
        await waitFor(
          'children to exit',
          () => [...children].every((c) => c.exitCode !== null || c.signalCode !== null),
          3_000,
        ).catch(() => undefined);
        closeSync();
      },
    };
    return world;
  } catch (error) {
    live.delete(handle);
    closeSync();
    throw error;
  }
}

/** Builds a world, runs `fn`, and always tears the world down. */
export async function withWorld<T>(spec: WorldSpec, fn: (world: World) => Promise<T>): Promise<T> {
  const world = await createWorld(spec);
  try {
    return await fn(world);
  } finally {
    await world.close();
  }
}

/** True when the namespace still exists (for tests of the teardown itself). */
export function namespaceExists(name: string): boolean {
  return spawnSync('ip', ['netns', 'list'])
    .stdout.toString()
    .split('\n')
    .some((l) => l.split(' ')[0] === name);
}
