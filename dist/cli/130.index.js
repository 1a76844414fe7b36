export const id = 130;
export const ids = [130,905];
export const modules = {

/***/ 2130:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  finishSession: () => (/* binding */ finishSession),
  readHandle: () => (/* binding */ readHandle),
  startSession: () => (/* binding */ startSession)
});

// UNUSED EXPORTS: HANDLE_FILE

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./shared/egress/analyze.ts + 23 modules
var analyze = __webpack_require__(199);
// EXTERNAL MODULE: ./shared/util/errors.ts
var errors = __webpack_require__(1472);
;// CONCATENATED MODULE: ./shared/egress/capture/completeness.ts
/** Below this much free space a capture cannot have kept writing (a pcap record is up to 8 KiB + 16). */
const FULL_BELOW = 64 * 1024;
/** tcpdump's last words (an error such as "No space left on device"), short and on one line. */
function lastWords(messages) {
    const lines = messages
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !/^listening on|packets? (captured|received|dropped)/.test(l));
    const last = lines.at(-1);
    return last ? `: tcpdump said "${last.slice(0, 200)}"` : '';
}
function captureIncompleteness(facts) {
    const { stats } = facts.stopped;
    const since = facts.fileWrittenAt ? { since: facts.fileWrittenAt } : {};
    const from = facts.fileWrittenAt ? ` after ${facts.fileWrittenAt}` : '';
    if (facts.freeBytes !== undefined && facts.freeBytes < FULL_BELOW) {
        return {
            reason: 'disk-full',
            message: `CAPTURE INCOMPLETE: the disk holding the capture file is full (${facts.freeBytes} bytes free); egress${from} is not in this report`,
            ...since,
        };
    }
    if (stats.captured !== undefined && stats.captured >= facts.maxPackets) {
        return {
            reason: 'packet-cap',
            message: `CAPTURE INCOMPLETE: the capture reached its cap of ${facts.maxPackets} packets and stopped there; egress${from} is not in this report`,
            ...since,
        };
    }
    if (facts.stopped.endedEarly) {
        return {
            reason: 'tcpdump-ended',
            message: `CAPTURE INCOMPLETE: tcpdump ended before the capture was stopped${lastWords(facts.stopped.messages)}; egress${from} is not in this report`,
            ...since,
        };
    }
    if (stats.captured !== undefined && stats.captured > facts.packetsInFile) {
        return {
            reason: 'packets-lost',
            message: `CAPTURE INCOMPLETE: tcpdump captured ${stats.captured} packets but only ${facts.packetsInFile} reached the file (was the disk full?)`,
            ...since,
        };
    }
    return undefined;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./shared/egress/capture/tcpdump.ts
/**
 * Live capture with the system's tcpdump, started detached so it outlives the process that started
 * it: the egress action starts it in `main` and stops it in `post`, the CLI in `capture start` and
 * `capture stop`, or around one command in `egress run`. Node itself never needs privileges: only
 * tcpdump runs as root (through `sudo -n` when we are not root).
 *
 * Why tcpdump and not the `pcap` addon: the addon is a native module tied to one Node ABI, cannot
 * decode the LINUX_SLL2 frames `-i any` produces, and would make the Node process run as root
 * (../../../docs/egress.md, "Why tcpdump").
 *
 * What is captured (`filter: 'names'`, the default) is what names endpoints and tells failures, and
 * nothing of the bulk data: every DNS packet; TCP packets that open, close or reset a connection;
 * outbound TCP packets that carry payload (requests, ClientHellos); outbound QUIC long-header packets
 * and Google QUIC public-header packets; ICMP errors; tunnelled traffic whole (its names are inside). A download never reaches user space, so capture costs little even on busy jobs.
 */



/**
 * The default filter. BPF's `tcp[...]` offsets only compile for IPv4, so IPv6 gets its own clauses
 * over the fixed 40-byte header (TCP flags at ip6[53], data offset at ip6[52]); IPv6 packets with
 * extension headers are kept whole rather than risk missing them.
 */
const NAMES_FILTER = [
    'port 53 or port 853 or port 5353',
    'or icmp or icmp6',
    'or (ip and tcp[tcpflags] & (tcp-syn|tcp-fin|tcp-rst) != 0)',
    'or (ip6 and ip6[6] = 6 and ip6[53] & 0x07 != 0)',
    'or (ip6 and ip6[6] != 6 and ip6[6] != 17 and ip6[6] != 58)',
    'or (outbound and ip and tcp and (ip[2:2] - ((ip[0] & 0x0f) << 2) - ((tcp[12] & 0xf0) >> 2)) != 0)',
    'or (outbound and ip6 and ip6[6] = 6 and (ip6[4:2] - ((ip6[52] & 0xf0) >> 2)) != 0)',
    'or (outbound and ip and udp and udp[8] & 0x80 != 0)',
    'or (outbound and ip6 and ip6[6] = 17 and ip6[48] & 0x80 != 0)',
    // Google QUIC Q043 and older: a public header (top bit clear) with the version flag and an 8-byte
    // connection ID, then the version "Q0xx" (its CHLO names the host in plaintext).
    'or (outbound and ip and udp and udp[8] & 0xc9 = 0x09 and udp[17:2] = 0x5130)',
    'or (outbound and ip6 and ip6[6] = 17 and ip6[48] & 0xc9 = 0x09 and ip6[57:2] = 0x5130)',
    // Tunnels (GRE incl. ERSPAN, IP-in-IP, 6in4, VXLAN, Geneve, GTP-U) whole: the names are inside.
    'or (ip and (ip proto 47 or ip proto 4 or ip proto 41)) or (ip6 and (ip6[6] = 47 or ip6[6] = 4 or ip6[6] = 41))',
    'or (udp and (port 4789 or port 6081 or port 2152))',
].join(' ');
const DEFAULT_MAX_PACKETS = 2_000_000;
/**
 * The BPF expression for a `filter:` input or `--filter`. It reaches tcpdump (as root) as one argv
 * element after `--`, and text starting with `-` is refused outright: glibc's getopt permutes
 * arguments, so without both a "filter" such as `-w/etc/cron.d/x` or `-z sh` would be an option.
 */
function resolveFilter(filter) {
    if (!filter || filter === 'names')
        return NAMES_FILTER;
    if (filter === 'all')
        return '';
    if (/^[\s]*-/.test(filter))
        throw new errors.InputError(`the filter '${filter.slice(0, 80)}' starts with '-': that is a tcpdump option, not a BPF expression`, {
            location: { field: 'filter' },
            hint: "use 'names', 'all', or a BPF expression such as 'tcp port 443'",
        });
    if (/[\u0000]/.test(filter))
        throw new errors.InputError('the filter holds a NUL character', { location: { field: 'filter' } });
    return filter;
}
function isRoot() {
    return typeof process.getuid === 'function' && process.getuid() === 0;
}
/** Whether `sudo -n` works here without a password (as on GitHub-hosted runners). */
function sudoWorks() {
    return (0,external_node_child_process_.spawnSync)('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
}
/** Whether the tcpdump binary can be run at all. */
function tcpdumpAvailable(tcpdump = 'tcpdump') {
    return !(0,external_node_child_process_.spawnSync)(tcpdump, ['--version'], { stdio: 'ignore' }).error;
}
/** tcpdump's arguments for a capture that runs as root (directly or through sudo). */
function tcpdumpArgs(options) {
    const snaplen = options.snaplen ?? 8192;
    if (!Number.isInteger(snaplen) || snaplen < 256 || snaplen > 262144)
        throw new errors.InputError(`snaplen must be an integer from 256 to 262144, not ${snaplen}`, {
            location: { field: 'snaplen' },
        });
    const filter = resolveFilter(options.filter);
    const maxPackets = options.maxPackets ?? DEFAULT_MAX_PACKETS;
    if (!Number.isInteger(maxPackets) || maxPackets < 1)
        throw new errors.InputError(`the packet cap must be a positive whole number, not ${maxPackets}`, {
            location: { field: 'max-packets' },
        });
    return [
        '-i',
        options.iface ?? 'any',
        '-n',
        // Packets reach the file as they arrive: stopping right after the last request loses nothing.
        '--immediate-mode',
        '-U',
        '-s',
        String(snaplen),
        '-B',
        String(options.bufferKiB ?? 8192),
        '-c',
        String(maxPackets),
        '-w',
        options.file,
        // Stay root: the file lives in a folder the (unprivileged) caller owns and Debian's tcpdump would
        // otherwise switch to its own user before opening it.
        '-Z',
        'root',
        // Everything after `--` is the expression (tcpdump joins the remaining arguments), never an option.
        ...(filter ? ['--', filter] : []),
    ];
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function alive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        // EPERM: it exists but belongs to root (a sudo'd tcpdump seen by an unprivileged caller).
        return error.code === 'EPERM';
    }
}
/** Starts tcpdump detached and waits until it listens. Throws InputError when it cannot. */
async function startCapture(options) {
    const tcpdump = options.tcpdump ?? 'tcpdump';
    if (!tcpdumpAvailable(tcpdump))
        throw new errors.InputError(`tcpdump was not found (${tcpdump})`, {
            hint: 'install it first: sudo apt-get install -y tcpdump',
        });
    const useSudo = !isRoot();
    if (useSudo && !sudoWorks())
        throw new errors.InputError('capturing packets needs root: run as root or give this user passwordless sudo', {
            hint: 'GitHub-hosted runners have passwordless sudo; on a self-hosted runner add a sudoers rule for tcpdump',
        });
    const args = tcpdumpArgs(options);
    const command = useSudo ? 'sudo' : tcpdump;
    const commandArgs = useSudo ? ['-n', tcpdump, ...args] : args;
    const logFd = (0,external_node_fs_.openSync)(options.log, 'w');
    const child = (0,external_node_child_process_.spawn)(command, commandArgs, { detached: true, stdio: ['ignore', 'ignore', logFd] });
    (0,external_node_fs_.closeSync)(logFd);
    const pid = child.pid;
    child.unref();
    if (pid === undefined)
        throw new errors.InputError(`could not start ${command}`);
    const deadline = Date.now() + (options.readyTimeoutMs ?? 10_000);
    for (;;) {
        const messages = (0,external_node_fs_.readFileSync)(options.log, 'utf8');
        if (/listening on/.test(messages))
            break;
        if (child.exitCode !== null || !alive(pid))
            throw new errors.InputError(`tcpdump stopped at once: ${messages.trim() || 'no message'}`, {
                hint: 'check the filter and the interface',
            });
        if (Date.now() > deadline) {
            signal({ pid, sudo: useSudo }, 'SIGKILL');
            throw new errors.InputError(`tcpdump did not start listening within ${options.readyTimeoutMs ?? 10_000} ms`);
        }
        await sleep(20);
    }
    return {
        pid,
        file: options.file,
        log: options.log,
        filter: resolveFilter(options.filter),
        maxPackets: options.maxPackets ?? DEFAULT_MAX_PACKETS,
        sudo: useSudo,
        startedAt: new Date().toISOString(),
    };
}
function signal(handle, name) {
    try {
        // sudo relays signals to tcpdump; its real uid is the caller's, so the caller may signal it.
        process.kill(handle.pid, name);
    }
    catch {
        if (handle.sudo)
            (0,external_node_child_process_.spawnSync)('sudo', ['-n', 'kill', `-${name.replace('SIG', '')}`, String(handle.pid)]);
    }
}
/** The process is still the tcpdump (or its sudo) we started, not a reused pid. */
function isOurs(handle) {
    try {
        const cmdline = (0,external_node_fs_.readFileSync)(`/proc/${handle.pid}/cmdline`, 'utf8');
        return cmdline.includes('tcpdump') && cmdline.includes(handle.file);
    }
    catch {
        return false;
    }
}
/** tcpdump's exit summary: "N packets captured / received by filter / dropped by kernel". */
function parseTcpdumpStats(messages) {
    const stats = {};
    const pick = (pattern) => {
        const m = pattern.exec(messages);
        return m ? Number(m[1]) : undefined;
    };
    const captured = pick(/(\d+) packets? captured/);
    const received = pick(/(\d+) packets? received by filter/);
    const dropped = pick(/(\d+) packets? dropped by kernel/);
    if (captured !== undefined)
        stats.captured = captured;
    if (received !== undefined)
        stats.received = received;
    if (dropped !== undefined)
        stats.dropped = dropped;
    return stats;
}
/**
 * Stops the capture gracefully (SIGINT, so tcpdump flushes the file and prints its summary), waits
 * up to `timeoutMs`, and only then kills it. Stopping a capture that already ended is not an error.
 */
async function stopCapture(handle, timeoutMs = 10_000) {
    let clean = true;
    const endedEarly = !(alive(handle.pid) && isOurs(handle));
    if (!endedEarly) {
        // Let packets already in the kernel's queue reach the file (immediate mode makes this short).
        await sleep(200);
        signal(handle, 'SIGINT');
        const deadline = Date.now() + timeoutMs;
        while (alive(handle.pid) && isOurs(handle) && Date.now() < deadline)
            await sleep(25);
        if (alive(handle.pid) && isOurs(handle)) {
            signal(handle, 'SIGKILL');
            clean = false;
        }
    }
    const messages = (0,external_node_fs_.existsSync)(handle.log) ? (0,external_node_fs_.readFileSync)(handle.log, 'utf8') : '';
    if (!(0,external_node_fs_.existsSync)(handle.file))
        throw new errors.InputError(`the capture file ${handle.file} is missing`, {
            hint: `tcpdump said: ${messages.trim() || 'nothing'}`,
        });
    return { stats: parseTcpdumpStats(messages), endedEarly, clean, messages };
}

// EXTERNAL MODULE: ./shared/egress/manifest/manifest.ts + 2 modules
var manifest_manifest = __webpack_require__(905);
// EXTERNAL MODULE: ./shared/egress/analyze/steps.ts
var analyze_steps = __webpack_require__(8520);
// EXTERNAL MODULE: ./shared/egress/decode/ip.ts
var decode_ip = __webpack_require__(3218);
// EXTERNAL MODULE: ./shared/egress/decode/transport.ts
var decode_transport = __webpack_require__(4150);
// EXTERNAL MODULE: ./shared/egress/source/capture-file.ts
var capture_file = __webpack_require__(4145);
;// CONCATENATED MODULE: ./shared/egress/block/nflog.ts
const LINKTYPE_NFLOG = 239;
const NFULA_PAYLOAD = 9;
const NFULA_PREFIX = 10;
const NFULA_UID = 11;
function decodeNflog(frame) {
    if (frame.length < 4)
        return undefined;
    const family = frame[0];
    const out = { group: frame.readUInt16BE(2) };
    let offset = 4;
    while (offset + 4 <= frame.length) {
        const length = frame.readUInt16LE(offset);
        const type = frame.readUInt16LE(offset + 2) & 0x7fff;
        if (length < 4 || offset + length > frame.length)
            break;
        const value = frame.subarray(offset + 4, offset + length);
        if (type === NFULA_PAYLOAD) {
            // AF_INET 2, AF_INET6 10 (Linux numbering)
            if (family === 2)
                out.network = { version: 4, data: value };
            else if (family === 10)
                out.network = { version: 6, data: value };
        }
        else if (type === NFULA_PREFIX) {
            out.prefix = value.toString('latin1').replace(/\0.*$/s, '');
        }
        else if (type === NFULA_UID && value.length >= 4) {
            out.uid = value.readUInt32BE(0);
        }
        offset += (length + 3) & ~3;
    }
    return out;
}

;// CONCATENATED MODULE: ./shared/egress/block/attribution.ts
/**
 * Joins what block mode recorded — the follower's DNS answers (block-dns.jsonl), its per-connection
 * process records (block-connections.jsonl) and the NFLOG capture of refused connections
 * (blocked.pcap) — into the report: `blocked[]`, and `processes` on each endpoint.
 *
 * A refused connection is named by the DNS answer that gave its address, the latest one before the
 * attempt (the name the client asked for, since a SYN carries none). Its process is the follower's
 * record of the same five-tuple. Pure over the records; reading the files is `readBlockRecords`.
 */






function readJsonl(file) {
    if (!(0,external_node_fs_.existsSync)(file))
        return { rows: [], bad: 0 };
    const rows = [];
    let bad = 0;
    for (const line of (0,external_node_fs_.readFileSync)(file, 'utf8').split('\n')) {
        if (!line.trim())
            continue;
        try {
            rows.push(JSON.parse(line));
        }
        catch {
            bad++;
        }
    }
    return { rows, bad };
}
/** The refused packets of an NFLOG capture. */
function readRefused(file) {
    const refused = [];
    let bad = 0;
    if (!(0,external_node_fs_.existsSync)(file))
        return { refused, bad };
    const { packets } = (0,capture_file/* openCapture */.B)(file);
    for (const packet of packets) {
        const log = packet.linkType === LINKTYPE_NFLOG ? decodeNflog(packet.data) : undefined;
        const ip = log?.network ? (0,decode_ip/* decodeIp */.kK)(log.network) : undefined;
        const transport = ip?.protocol === 6 ? 'tcp' : ip?.protocol === 17 ? 'udp' : undefined;
        const ports = ip && (transport === 'tcp' ? (0,decode_transport/* decodeTcp */.yD)(ip.payload) : transport === 'udp' ? (0,decode_transport/* decodeUdp */.MC)(ip.payload) : undefined);
        if (!ip || !transport || !ports) {
            bad++;
            continue;
        }
        refused.push({
            time: packet.time,
            origin: log?.prefix === 'telltale:forward' ? 'forward' : 'output',
            transport,
            src: ip.src,
            sport: ports.srcPort,
            dst: ip.dst,
            dport: ports.dstPort,
        });
    }
    return { refused, bad };
}
function readBlockRecords(files) {
    const dns = readJsonl(files.dns);
    const connections = readJsonl(files.connections);
    const refused = readRefused(files.refused);
    return {
        dns: dns.rows,
        connections: connections.rows,
        refused: refused.refused,
        unreadable: dns.bad + connections.bad + refused.bad,
    };
}
const bare = (address) => address.replace(/^::ffff:(?=\d+\.)/, '');
const tupleKey = (r) => `${r.transport} ${bare(r.src)} ${r.sport} ${bare(r.dst)} ${r.dport}`;
const processKey = (p) => `${p.pid} ${p.exe ?? ''} ${p.cmdline ?? ''}`;
function addProcess(list, process) {
    if (!list.some((p) => processKey(p) === processKey(process)))
        list.push(process);
}
/** The latest name DNS gave an address before `time` (or the earliest after, for clock jitter). */
function nameAt(dns, address, time) {
    let best;
    for (const r of dns) {
        if (bare(r.address) !== bare(address))
            continue;
        if (!best)
            best = r;
        else if (r.time <= time && (best.time > time || r.time > best.time))
            best = r;
    }
    return best?.name;
}
/** The follower's records grouped by five-tuple, each group in time order. */
function byTuple(connections) {
    const groups = new Map();
    for (const c of connections) {
        const key = tupleKey(c);
        const group = groups.get(key);
        if (group)
            group.push(c);
        else
            groups.set(key, [c]);
    }
    for (const group of groups.values())
        group.sort((a, b) => a.time - b.time);
    return groups;
}
/**
 * The process behind a packet of this five-tuple at `time`: the latest attributed record at or
 * before it, else the first after it. A record without a process never hides one with it: the same
 * flow may be logged twice (a follower of an earlier version logged every retried datagram, and a
 * retry can arrive after the client closed its socket), and a port reused later by another process
 * is told apart by time.
 */
function processAt(group, time) {
    let best;
    for (const c of group ?? []) {
        if (!c.process)
            continue;
        if (c.time > time && best)
            break;
        best = c.process;
        if (c.time > time)
            break;
    }
    return best;
}
/** One blocked entry per refused destination and transport, with who tried and when. */
function blockedConnections(records, steps = []) {
    const tuples = byTuple(records.connections);
    const out = new Map();
    for (const packet of records.refused) {
        const host = nameAt(records.dns, packet.dst, packet.time);
        const key = `${packet.transport} ${bare(packet.dst)} ${packet.dport}`;
        const iso = new Date(packet.time).toISOString();
        let entry = out.get(key);
        if (!entry) {
            entry = {
                host: host ?? bare(packet.dst),
                namedBy: host ? 'dns' : 'none',
                address: bare(packet.dst),
                port: packet.dport,
                transport: packet.transport,
                origin: packet.origin,
                attempts: 0,
                firstSeen: iso,
                lastSeen: iso,
                tuples: new Set(),
            };
            out.set(key, entry);
        }
        entry.attempts++;
        entry.lastSeen = iso;
        const step = steps.length ? (0,analyze_steps/* stepAt */.O)(steps, packet.time) : undefined;
        if (step && !(entry.steps ??= []).includes(step))
            entry.steps.push(step);
        const tuple = tupleKey(packet);
        if (entry.tuples.has(tuple))
            continue; // a retried UDP datagram of the same flow
        entry.tuples.add(tuple);
        const process = processAt(tuples.get(tuple), packet.time);
        if (process)
            addProcess((entry.processes ??= []), process);
        else
            entry.unattributed = (entry.unattributed ?? 0) + 1;
    }
    return [...out.values()]
        .map(({ tuples: _tuples, ...rest }) => rest)
        .sort((a, b) => a.host.localeCompare(b.host) || a.port - b.port);
}
/**
 * Adds `processes` (and `unattributed`) to every endpoint from the connections the follower saw going
 * to its addresses, port and transport. A connection is a five-tuple, however many of its packets
 * were logged; it is unattributed only when none of them named a process. Returns how many
 * connections there were and how many had an owner.
 */
function attributeEndpoints(endpoints, connections) {
    const index = new Map();
    const groups = byTuple(connections);
    let attributed = 0;
    for (const group of groups.values()) {
        const processes = [];
        for (const c of group)
            if (c.process)
                addProcess(processes, c.process);
        if (processes.length)
            attributed++;
        const key = `${group[0].transport} ${bare(group[0].dst)} ${group[0].dport}`;
        const list = index.get(key);
        if (list)
            list.push(processes);
        else
            index.set(key, [processes]);
    }
    for (const endpoint of endpoints) {
        for (const address of endpoint.addresses) {
            for (const processes of index.get(`${endpoint.transport} ${bare(address)} ${endpoint.port}`) ?? []) {
                for (const p of processes)
                    addProcess((endpoint.processes ??= []), p);
                if (!processes.length)
                    endpoint.unattributed = (endpoint.unattributed ?? 0) + 1;
            }
        }
    }
    return { connections: groups.size, attributed };
}
/**
 * Endpoints that exist only as refused attempts: a container's SYN is captured on its veth before the
 * forward chain refuses it, so the capture lists an endpoint that was never reached. It is in
 * `blocked` already; keeping it among the endpoints would also make the diff call it new.
 */
function withoutBlocked(endpoints, blocked) {
    const refused = new Set(blocked.map((b) => `${b.transport} ${b.address} ${b.port}`));
    return endpoints.filter((e) => !(e.failed >= e.connections &&
        e.addresses.length > 0 &&
        e.addresses.every((a) => refused.has(`${e.transport} ${bare(a)} ${e.port}`))));
}

;// CONCATENATED MODULE: ./shared/egress/block/runner-endpoints.ts
/**
 * The runner's own endpoints: what a GitHub Actions runner must keep reaching while block mode is on,
 * so the job can still report its steps, upload logs and artifacts, use the cache and finish. This is
 * the reviewed default allow-list the issue asked for, not an open hole: each line says why it is
 * here, every entry is HTTPS (TCP 443) only, and `runner-endpoints: false` (CLI: the default) turns the
 * list off. Sources: GitHub's "About GitHub-hosted runners — communication requirements" and the
 * runner's own configuration (`ActionsServiceUrl`, `ResultsServiceUrl`, the cache service URL).
 *
 * Loopback and the DNS resolvers are not here: they are allowed by the ruleset itself.
 */

const RUNNER_ENDPOINTS_FILE = 'telltale:runner-endpoints.yml';
const RUNNER_ENDPOINTS_YAML = `version: 1
allow:
  - host: github.com
    ports: [443]
    reason: the runner's registration and job messages; actions/checkout over HTTPS
  - host: api.github.com
    ports: [443]
    reason: the REST API (telltale's own step names, the PR comment, actions using GITHUB_TOKEN)
  - host: "*.actions.githubusercontent.com"
    ports: [443]
    reason: the Actions service (pipelines, broker, run service, token exchange, job logs)
  - host: results-receiver.actions.githubusercontent.com
    ports: [443]
    reason: the results service that receives step logs, the job summary and artifacts v4
  - host: codeload.github.com
    ports: [443]
    reason: the runner downloads the actions a job uses as tarballs from here
  - host: "*.blob.core.windows.net"
    ports: [443]
    reason: artifact and cache storage (actions/upload-artifact, actions/cache) and log uploads
  - host: objects.githubusercontent.com
    ports: [443]
    reason: action tarballs and release assets redirected from codeload.github.com and github.com
  - host: release-assets.githubusercontent.com
    ports: [443]
    reason: release downloads (GitHub moved them here from objects.githubusercontent.com in 2025)
  - host: pkg.actions.githubusercontent.com
    ports: [443]
    reason: the runner's own updates
`;
/** The runner's endpoints as manifest entries; their negative indexes tell them from the manifest's. */
function runnerEndpoints() {
    return (0,manifest_manifest.parseManifest)(RUNNER_ENDPOINTS_YAML, RUNNER_ENDPOINTS_FILE).entries.map((entry) => ({
        ...entry,
        index: -1 - entry.index,
    }));
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./shared/egress/block/follower-script.ts
/**
 * The follower: the one long-running process of block mode, started detached in the egress action's
 * `main` (or by `telltale egress run`) and stopped in `post`. Python 3 with its standard library only
 * (no native addon, nothing to build): its `socket` module speaks AF_NETLINK / NETLINK_NETFILTER, which
 * is all an NFQUEUE client needs (linux/netfilter/nfnetlink_queue.h: bind with NFQNL_MSG_CONFIG, read
 * NFQNL_MSG_PACKET, answer NFQNL_MSG_VERDICT).
 *
 * What it does with each queued packet:
 * - a DNS answer (RFC 1035 §4.1; TCP with its two-byte length, §4.2.2): for every A/AAAA record whose
 *   name, or a CNAME on the way to it, a manifest host entry matches, it adds `address . proto . port`
 *   elements to the allow sets with a timeout from the record's TTL, clamped; only then is the answer
 *   released to the client. Each answer is logged to block-dns.jsonl (the names of blocked addresses).
 * - the first packet of a new flow: it finds the socket in /proc/<pid>/net/{tcp,udp}{,6} (the host's
 *   namespace first, then each container's), the process holding that socket inode in /proc/*\/fd
 *   (processes started in the last seconds first, then earlier owners), and logs pid, executable,
 *   command line and container id to block-connections.jsonl once per flow; then releases the packet
 *   to the verdict chain. Packets already waiting are taken as one batch and share one walk of /proc, so a burst of
 *   new flows (a parallel build, a browser) is not held once per flow; a retried packet of a flow
 *   already logged (unreplied UDP stays NEW in conntrack) is released without a walk.
 * Each queue has its own thread, so a held first packet never waits behind the DNS queue's nft runs
 * (one per drained batch of answers), and the follower raises its own priority: the job's load must
 * not hold its packets long enough for a client to give up on a socket before it is attributed.
 * On SIGTERM, SIGINT, SIGHUP or any exit it removes the queue steering and the table itself, so a
 * job cancelled between `main` and `post` leaves no firewall behind; `post` removes both again.
 *
 * Host matching is shared/egress/manifest/match.ts's rule, restated in Python (three lines) because
 * the follower runs alone, outside Node.
 */
const FOLLOWER_SCRIPT = String.raw `import json, os, signal, socket, struct, subprocess, sys, threading, time, re

# Two netfilter queues, spoken over plain netlink (linux/netfilter/nfnetlink_queue.h), Python stdlib only:
#  - the DNS queue holds every DNS answer until the allow sets carry its addresses, then releases it,
#    so a client that connects right after its answer is never refused (the race);
#  - the connection queue holds the first packet of every new outbound TCP/UDP flow while /proc names
#    the process that owns its socket, then releases it to the verdict chain.
# It removes the firewall table itself on SIGTERM/SIGINT/SIGHUP or any exit.
config = json.load(open(sys.argv[1]))
TABLE = config['table']
DIR = config['dir']

def nft(script):
    r = subprocess.run(['nft', '-f', '-'], input=script, text=True, capture_output=True)
    return r.returncode == 0, r.stderr.strip()

done = False
def remove_table():
    # The queue steering first (nothing waits for a follower that is leaving), then the table.
    global done
    if done: return
    done = True
    for command in config['teardown']:
        subprocess.run(command, capture_output=True)
    nft('add table inet %s\ndelete table inet %s\n' % (TABLE, TABLE))

def on_signal(signum, frame):
    remove_table()
    os._exit(0)
for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
    signal.signal(s, on_signal)

NETLINK_NETFILTER = 12
NFNL_SUBSYS_QUEUE = 3
NFQNL_MSG_PACKET, NFQNL_MSG_VERDICT, NFQNL_MSG_CONFIG = 0, 1, 2
NFQA_CFG_CMD, NFQA_CFG_PARAMS = 1, 2
NFQNL_CFG_CMD_BIND = 1
NFQA_PACKET_HDR, NFQA_VERDICT_HDR, NFQA_PAYLOAD = 1, 2, 10
NLM_F_REQUEST, NLM_F_ACK = 1, 4
NLMSG_ERROR = 2
NF_ACCEPT = 1

def attr(kind, data):
    n = 4 + len(data)
    return struct.pack('=HH', n, kind) + data + b'\0' * ((4 - n % 4) % 4)

def message(kind, queue, attrs, flags=NLM_F_REQUEST):
    body = struct.pack('=BBH', 0, 0, socket.htons(queue)) + b''.join(attrs)
    return struct.pack('=IHHII', 16 + len(body), (NFNL_SUBSYS_QUEUE << 8) | kind, flags, 0, 0) + body

def open_queue(queue):
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_NETFILTER)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
    sock.bind((0, 0))
    sock.send(message(NFQNL_MSG_CONFIG, queue, [attr(NFQA_CFG_CMD, struct.pack('=BxH', NFQNL_CFG_CMD_BIND, 0))], NLM_F_REQUEST | NLM_F_ACK))
    check_ack(sock, 'bind queue %d' % queue)
    # copy mode 2 = NFQNL_COPY_PACKET, up to 65535 bytes
    sock.send(message(NFQNL_MSG_CONFIG, queue, [attr(NFQA_CFG_PARAMS, struct.pack('>IB', 65535, 2))], NLM_F_REQUEST | NLM_F_ACK))
    check_ack(sock, 'configure queue %d' % queue)
    return sock

def check_ack(sock, what):
    data = sock.recv(65536)
    length, kind = struct.unpack_from('=IH', data, 0)
    if kind == NLMSG_ERROR:
        (error,) = struct.unpack_from('=i', data, 16)
        if error != 0:
            sys.stderr.write('telltale block: could not %s: errno %d\n' % (what, -error))
            sys.exit(3)

def verdict(sock, queue, packet_id):
    sock.send(message(NFQNL_MSG_VERDICT, queue, [attr(NFQA_VERDICT_HDR, struct.pack('>II', NF_ACCEPT, packet_id))]))

def packets(data):
    off = 0
    while off + 16 <= len(data):
        length, kind = struct.unpack_from('=IH', data, off)
        if length < 16: break
        if kind == (NFNL_SUBSYS_QUEUE << 8) | NFQNL_MSG_PACKET:
            packet_id, payload = None, None
            a = off + 20
            while a + 4 <= off + length:
                alen, atype = struct.unpack_from('=HH', data, a)
                if alen < 4: break
                atype &= 0x7fff
                if atype == NFQA_PACKET_HDR: (packet_id,) = struct.unpack_from('>I', data, a + 4)
                elif atype == NFQA_PAYLOAD: payload = data[a + 4:a + alen]
                a += (alen + 3) & ~3
            if packet_id is not None: yield packet_id, payload or b''
        off += (length + 3) & ~3

# --- IP headers -----------------------------------------------------------------------------
def ip_header(p):
    """(version, src, dst, proto, transport bytes) or None; IPv6 extension headers are not walked."""
    if len(p) < 20: return None
    v = p[0] >> 4
    if v == 4:
        ihl = (p[0] & 15) * 4
        return 4, socket.inet_ntop(socket.AF_INET, p[12:16]), socket.inet_ntop(socket.AF_INET, p[16:20]), p[9], p[ihl:]
    if v == 6 and len(p) >= 40:
        return 6, socket.inet_ntop(socket.AF_INET6, p[8:24]), socket.inet_ntop(socket.AF_INET6, p[24:40]), p[6], p[40:]
    return None

# --- DNS answers (RFC 1035 §4.1) --------------------------------------------------------------
def read_name(m, o, depth=0):
    labels = []
    jumps = 0
    end = None
    while True:
        if o >= len(m): raise ValueError('name past end')
        n = m[o]
        if n == 0:
            o += 1
            break
        if n & 0xc0 == 0xc0:  # RFC 1035 §4.1.4 compression pointer
            if o + 1 >= len(m): raise ValueError('pointer past end')
            if end is None: end = o + 2
            o = ((n & 0x3f) << 8) | m[o + 1]
            jumps += 1
            if jumps > 32: raise ValueError('pointer loop')
            continue
        labels.append(m[o + 1:o + 1 + n].decode('ascii', 'replace').lower())
        o += 1 + n
    return '.'.join(labels), (end if end is not None else o)

def dns_answers(m):
    """(question name, [(owner, type, ttl, value)]) of a DNS response, or None."""
    if len(m) < 12: return None
    flags, qd, an = struct.unpack_from('>HHH', m, 2)
    if not flags & 0x8000 or qd < 1: return None
    o = 12
    qname = None
    for _ in range(qd):
        name, o = read_name(m, o)
        if qname is None: qname = name
        o += 4
    records = []
    for _ in range(an):
        owner, o = read_name(m, o)
        rtype, _cls, ttl, rdlen = struct.unpack_from('>HHIH', m, o)
        o += 10
        rdata = m[o:o + rdlen]
        if rtype == 1 and rdlen == 4: records.append((owner, 'A', ttl, socket.inet_ntop(socket.AF_INET, rdata)))
        elif rtype == 28 and rdlen == 16: records.append((owner, 'AAAA', ttl, socket.inet_ntop(socket.AF_INET6, rdata)))
        elif rtype == 5: records.append((owner, 'CNAME', ttl, read_name(m, o)[0]))
        o += rdlen
    return qname, records

def dns_messages(ip):
    version, src, dst, proto, t = ip
    if proto == 17 and len(t) >= 8: return [t[8:]]
    if proto == 6 and len(t) >= 20:
        data = t[(t[12] >> 4) * 4:]
        out = []
        while len(data) >= 2:  # RFC 1035 §4.2.2: two-byte length before each message
            n = struct.unpack_from('>H', data)[0]
            if len(data) < 2 + n: break
            out.append(data[2:2 + n]); data = data[2 + n:]
        return out
    return []

def host_matches(pattern, name):
    # The same rule as shared/egress/manifest/match.ts hostMatches: '*.x' covers deeper names, not x.
    if pattern.startswith('*.'):
        return len(name) > len(pattern) - 1 and name.endswith(pattern[1:])
    return name == pattern

# Sets written to: (family, key) -> expiry, so an answer seen again only refreshes a stale element.
added = {}
dns_log = open(os.path.join(DIR, 'block-dns.jsonl'), 'a', buffering=1)
conn_log = open(os.path.join(DIR, 'block-connections.jsonl'), 'a', buffering=1)
TTL_MIN, TTL_MAX = config['ttlMin'], config['ttlMax']
HOLD = config.get('hold', True)

def allow_answer(msg, now, commands):
    """Appends to commands the set updates one answer needs, and logs its records."""
    parsed = dns_answers(msg)
    if not parsed: return
    qname, records = parsed
    names = {qname}
    # CNAME chain: every alias in the answer names the addresses at its end.
    for owner, rtype, ttl, value in records:
        if rtype == 'CNAME': names.add(value); names.add(owner)
    for owner, rtype, ttl, address in records:
        if rtype not in ('A', 'AAAA'): continue
        timeout = max(TTL_MIN, min(TTL_MAX, ttl))
        allowed = []
        for entry in config['hosts']:
            if not any(host_matches(entry['host'], n) for n in names): continue
            allowed.append(entry['index'])
            family = 4 if rtype == 'A' else 6
            for element in entry['elements']:
                key = '%s . %s' % (address, element)
                expiry = added.get((family, key), 0)
                if expiry - now > timeout / 2: continue
                added[(family, key)] = now + timeout
                s = 'allow%d' % family
                # add, delete, add: refreshes the timeout whether or not the element exists.
                commands.append('add element inet %s %s { %s }\ndelete element inet %s %s { %s }\nadd element inet %s %s { %s timeout %ds }\n' % (TABLE, s, key, TABLE, s, key, TABLE, s, key, timeout))
        dns_log.write(json.dumps({'time': now * 1000, 'name': qname, 'owner': owner, 'address': address, 'ttl': ttl, 'allowedBy': allowed}) + '\n')

# --- process attribution (/proc) -----------------------------------------------------------------
recent = []  # pids that owned sockets before, tried right after the young ones

def hex_addr(text, family):
    if family == 4:
        return socket.inet_ntop(socket.AF_INET, struct.pack('<I', int(text, 16)))
    raw = bytes.fromhex(text)
    return socket.inet_ntop(socket.AF_INET6, b''.join(raw[i:i + 4][::-1] for i in range(0, 16, 4)))

def find_inode(pid, proto, family, src, sport, dst, dport):
    name = ('tcp' if proto == 6 else 'udp') + ('6' if family == 6 else '')
    fallback = None
    try:
        lines = open('/proc/%s/net/%s' % (pid, name)).read().splitlines()[1:]
    except OSError:
        return None
    # TIME_WAIT sockets pile up in these tables on a busy job: look at a line only when it holds the port.
    needle = ':%04X ' % sport
    for line in lines:
        if needle not in line: continue
        f = line.split()
        if len(f) < 10: continue
        la, lp = f[1].split(':'); ra, rp = f[2].split(':')
        if int(lp, 16) != sport: continue
        laddr = hex_addr(la, family)
        if laddr not in (src, '0.0.0.0', '::') and not laddr.endswith(':' + src): continue
        if int(rp, 16) == dport and hex_addr(ra, family).replace('::ffff:', '') == dst.replace('::ffff:', ''):
            return int(f[9])
        if int(rp, 16) == 0: fallback = int(f[9])  # an unconnected UDP socket: sendto()
    return fallback

# NETLINK_SOCK_DIAG (linux/inet_diag.h): ask the kernel for the one socket of a five-tuple. Reading
# /proc/net/tcp instead costs ~7 ms once a busy job has left 1,500 TIME_WAIT sockets in it.
NETLINK_SOCK_DIAG, SOCK_DIAG_BY_FAMILY = 4, 20
try:
    diag = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_SOCK_DIAG)
except OSError:
    diag = None

def diag_inode(proto, family, src, sport, dst, dport):
    if diag is None: return None
    af = socket.AF_INET if family == 4 else socket.AF_INET6
    def addr(a):
        b = socket.inet_pton(af, a)
        return b + b'\0' * (16 - len(b))
    # inet_diag_req_v2 {family, protocol, ext, pad, states} + inet_diag_sockid {sport, dport, src, dst, if, cookie}
    req = struct.pack('=BBBBI', af, proto, 0, 0, 0xffffffff) + struct.pack('>HH', sport, dport) + addr(src) + addr(dst) + struct.pack('=III', 0, 0xffffffff, 0xffffffff)
    try:
        diag.send(struct.pack('=IHHII', 16 + len(req), SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, 0, 0) + req)
        data = diag.recv(65536)
    except OSError:
        return None
    if len(data) < 88 or struct.unpack_from('=H', data, 4)[0] != SOCK_DIAG_BY_FAMILY: return None  # NLMSG_ERROR: none
    # inet_diag_msg: 4 bytes of state, the 48-byte sockid, expires, rqueue, wqueue, uid, then inode
    return struct.unpack_from('=I', data, 16 + 4 + 48 + 16)[0] or None

def proc_pids():
    try: return [p for p in os.listdir('/proc') if p.isdigit()]
    except OSError: return []

# When each pid was first seen (0: before the job). A process started in the last seconds is the
# likeliest owner of a new flow; pid numbers cannot say which those are once they wrap (pid_max is
# 32768 on many runners).
first_seen = dict.fromkeys(proc_pids(), 0.0)
YOUNG = 30.0

def look_at_pids(now):
    """(young pids, newest first; every pid): one listdir of /proc per batch that needs it."""
    pids = proc_pids()
    seen = {p: first_seen.get(p, now) for p in pids}
    first_seen.clear(); first_seen.update(seen)
    young = sorted((p for p in pids if now - seen[p] < YOUNG), key=lambda p: seen[p], reverse=True)
    return young, pids

try: MY_NETNS = os.readlink('/proc/self/ns/net')
except OSError: MY_NETNS = None
namespaces = {}  # another network namespace -> one pid in it
namespaces_walked = [0.0]

def netns_pids(view, now):
    """One pid per other network namespace: /proc/PID/net/* shows that namespace's sockets. Every
    pid's namespace is read at most every few seconds (thousands of readlinks on a busy runner); in
    between only young processes are, and a new container's first process is one of them."""
    young, pids = view()
    if now - namespaces_walked[0] > 5:
        namespaces.clear(); namespaces_walked[0] = now
        candidates = pids
    else:
        candidates = young
    for pid in candidates:
        try: ns = os.readlink('/proc/%s/ns/net' % pid)
        except OSError: continue
        if ns != MY_NETNS and ns not in namespaces: namespaces[ns] = pid
    for ns, pid in list(namespaces.items()):
        if not os.path.exists('/proc/' + pid): del namespaces[ns]
    return list(namespaces.values())

def owners_of(inodes, view):
    """inode -> pid for every socket inode asked for, in one walk of /proc/*/fd however many there are
    (a burst of new flows costs one walk, not one each). Young processes go first, then pids that
    owned sockets before, then the rest, highest pid first."""
    targets = {'socket:[%d]' % inode: inode for inode in inodes}
    found = {}
    if not targets: return found
    young, pids = view()
    alive = set(pids)
    owners = [p for p in recent if p in alive]
    tried = set(young).union(owners)
    others = sorted((p for p in pids if p not in tried), key=int, reverse=True)
    for pid in young + [p for p in owners if p not in young] + others:
        try: fds = os.listdir('/proc/%s/fd' % pid)
        except OSError: continue
        for fd in fds:
            try: link = os.readlink('/proc/%s/fd/%s' % (pid, fd))
            except OSError: continue
            inode = targets.pop(link, None)
            if inode is None: continue
            found[inode] = pid
            if pid in recent: recent.remove(pid)
            recent.insert(0, pid)
            del recent[64:]
        if not targets: break
    return found

CONTAINER_RE = re.compile(r'(?:libpod-|docker-|/docker/|/libpod_parent/|crio-)([0-9a-f]{12,64})')

def describe(pid):
    out = {'pid': int(pid)}
    try: out['exe'] = os.readlink('/proc/%s/exe' % pid)
    except OSError: pass
    try:
        argv = open('/proc/%s/cmdline' % pid, 'rb').read().split(b'\0')
        out['cmdline'] = ' '.join(a.decode('utf8', 'replace') for a in argv if a)[:1000]
    except OSError: pass
    try:
        m = CONTAINER_RE.search(open('/proc/%s/cgroup' % pid).read())
        if m: out['container'] = m.group(1)[:12]
    except OSError: pass
    return out

# Flows already logged: five-tuple -> [socket inode or None, last seen]. Conntrack keeps an unreplied
# UDP flow NEW, so every retried datagram of a QUIC Initial comes back to this queue, and so does a
# retransmitted SYN; they are the flow already logged, named by the socket seen first even when the
# client has closed it since (a refused QUIC attempt closes at once).
flows = {}
FLOW_KEEP = 120.0

def socket_inode(version, proto, src, sport, dst, dport, view, now):
    # Our own namespace first (the host's sockets); containers' namespaces only when it has none.
    inode = diag_inode(proto, version, src, sport, dst, dport) if proto == 6 else None
    if inode is None: inode = find_inode('self', proto, version, src, sport, dst, dport)
    if inode is None:
        for ns_pid in netns_pids(view, now):
            inode = find_inode(ns_pid, proto, version, src, sport, dst, dport)
            if inode is not None: break
    return inode

def attribute(ips, now):
    """Logs the new flows among a batch of first packets, with the process behind each."""
    fresh = []
    # /proc is listed only if this batch needs it: a batch of retries found in our namespace does not.
    looked = []
    def view():
        if not looked: looked.append(look_at_pids(now))
        return looked[0]
    for ip in ips:
        version, src, dst, proto, t = ip
        if proto not in (6, 17) or len(t) < 4: continue
        sport, dport = struct.unpack_from('>HH', t)
        key = (proto, src, sport, dst, dport)
        inode = socket_inode(version, proto, src, sport, dst, dport, view, now)
        known = flows.get(key)
        if known and now - known[1] < FLOW_KEEP and (inode is None or inode == known[0]):
            known[1] = now
            continue
        flows[key] = [inode, now]
        record = {'time': now * 1000, 'transport': 'tcp' if proto == 6 else 'udp', 'src': src, 'sport': sport, 'dst': dst, 'dport': dport}
        fresh.append((record, inode))
    owners = owners_of({inode for _, inode in fresh if inode is not None}, view)
    for record, inode in fresh:
        pid = owners.get(inode)
        if pid: record['process'] = describe(pid)
        conn_log.write(json.dumps(record) + '\n')
    if len(flows) > 8192:
        for key in [k for k, v in flows.items() if now - v[1] >= FLOW_KEEP]: del flows[key]

def drain(sock, first):
    """The packets of one recv and of every message already waiting behind it (bounded)."""
    out = list(packets(first))
    for _ in range(64):
        try: data = sock.recv(1 << 20, socket.MSG_DONTWAIT)
        except (BlockingIOError, InterruptedError): break
        out.extend(packets(data))
    return out

def follow_dns(sock):
    # Every answer of one drained batch goes into one nft run: a fork of nft costs milliseconds on a
    # busy runner, and a burst of lookups (a parallel build resolving its registries) must not pay it
    # once per answer before the first of them is released.
    while True:
        batch = drain(sock, sock.recv(1 << 20))
        now = time.time()
        commands = []
        for packet_id, payload in batch:
            if not HOLD: verdict(sock, config['dnsQueue'], packet_id)
            ip = ip_header(payload)
            try:
                for msg in (dns_messages(ip) if ip else []): allow_answer(msg, now, commands)
            except (ValueError, struct.error, IndexError) as error:
                sys.stderr.write('telltale block: undecodable DNS answer: %s\n' % error)
        if commands:
            ok, err = nft(''.join(commands))
            if not ok: sys.stderr.write('telltale block: set update failed: %s\n' % err)
        if HOLD:
            for packet_id, _ in batch: verdict(sock, config['dnsQueue'], packet_id)

def follow_connections(sock):
    # Its own thread, so a held first packet never waits behind the DNS queue's nft runs: a client
    # whose SYN is held long enough gives up on it (curl's happy eyeballs opens the other family after
    # 200 ms and closes the loser), and a socket closed before /proc is read cannot be attributed.
    while True:
        batch = drain(sock, sock.recv(1 << 20))
        try:
            attribute([ip for ip in (ip_header(p) for _, p in batch) if ip], time.time())
        finally:
            for packet_id, _ in batch: verdict(sock, config['connectionQueue'], packet_id)

def run(follow, sock):
    # A follower thread that fails takes the whole process (and with it the firewall) down, through
    # the main thread's signal handler, rather than leaving one queue held with nobody answering.
    try: follow(sock)
    except BaseException as error:
        sys.stderr.write('telltale block: follower failed: %r\n' % (error,))
        sys.stderr.flush()
        os.kill(os.getpid(), signal.SIGTERM)

try:
    # Every packet of the job waits on this process: a job that loads every core must not starve it.
    try: os.nice(-10)
    except OSError: pass
    dns_sock = open_queue(config['dnsQueue'])
    conn_sock = open_queue(config['connectionQueue'])
    threads = [threading.Thread(target=run, args=(f, s), daemon=True)
               for f, s in ((follow_dns, dns_sock), (follow_connections, conn_sock))]
    for t in threads: t.start()
    open(os.path.join(DIR, 'block-follower.ready'), 'w').write(str(os.getpid()))
    # The main thread only waits: Python delivers signals to it alone.
    while all(t.is_alive() for t in threads): time.sleep(1)
finally:
    remove_table()
`;

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./shared/egress/block/resolvers.ts
/**
 * The DNS resolvers block mode keeps reachable: every `nameserver` of /etc/resolv.conf and, when the
 * host runs systemd-resolved (resolv.conf then names only its stub, 127.0.0.53), of
 * /run/systemd/resolve/resolv.conf too, which lists the upstream servers the stub asks and Docker
 * hands to containers. Block mode never replaces a resolver: it only reads what the host uses.
 */


const RESOLV_CONF_FILES = ['/etc/resolv.conf', '/run/systemd/resolve/resolv.conf'];
/** The `nameserver` addresses of resolv.conf text (resolv.conf(5)); a zone index (`%eth0`) is dropped. */
function parseNameservers(text) {
    const out = [];
    for (const line of text.split('\n')) {
        const m = /^\s*nameserver\s+(\S+)/.exec(line);
        const address = m?.[1]?.replace(/%.*$/, '');
        if (address && (0,external_node_net_.isIP)(address) && !out.includes(address))
            out.push(address);
    }
    return out;
}
function readResolvers(files = RESOLV_CONF_FILES) {
    const all = files.flatMap((file) => {
        try {
            return parseNameservers((0,external_node_fs_.readFileSync)(file, 'utf8'));
        }
        catch {
            return [];
        }
    });
    const unique = [...new Set(all)];
    return { v4: unique.filter((a) => (0,external_node_net_.isIP)(a) === 4), v6: unique.filter((a) => (0,external_node_net_.isIP)(a) === 6) };
}

;// CONCATENATED MODULE: ./shared/egress/block/ruleset.ts
/** `proto . ports` keys for an entry: no transport means both, no ports means every port. */
function entryKeys(entry) {
    const transports = entry.transport ? [entry.transport] : ['tcp', 'udp'];
    const ports = entry.ports ?? [{ from: 0, to: 65535 }];
    return transports.flatMap((t) => ports.map((p) => `${t} . ${p.from === p.to ? String(p.from) : `${p.from}-${p.to}`}`));
}
function planBlock(table, entries, resolvers, numbers) {
    const hosts = [];
    const static4 = [];
    const static6 = [];
    for (const entry of entries) {
        const keys = entryKeys(entry);
        if (entry.host)
            hosts.push({ index: entry.index, host: entry.host, elements: keys });
        if (entry.cidr) {
            const into = entry.cidr.family === 'ipv4' ? static4 : static6;
            for (const key of keys)
                into.push(`${entry.cidr.text} . ${key}`);
        }
    }
    return { table, hosts, static4, static6, resolvers, ...numbers };
}
const set = (name, type, flags, elements) => `  set ${name} {\n    type ${type}\n${flags ? `    flags ${flags}\n` : ''}` +
    (elements.length ? `    elements = { ${elements.join(', ')} }\n` : '') +
    '  }\n';
const chain = (name, hook, priority, rules) => `  chain ${name} {\n    type filter hook ${hook} priority ${priority}; policy accept;\n` +
    rules.map((r) => `    ${r}\n`).join('') +
    '  }\n';
/** The whole table; loading it with `nft -f -` is atomic (all of it or nothing). */
function buildRuleset(plan) {
    const l4 = 'meta l4proto { tcp, udp }';
    const verdict = (via) => [
        'ct state != new accept',
        'meta l4proto != { tcp, udp } accept',
        `${l4} ip daddr @resolvers4 th dport 53 accept`,
        `${l4} ip6 daddr @resolvers6 th dport 53 accept`,
        'ip daddr . meta l4proto . th dport @allow4 accept',
        'ip6 daddr . meta l4proto . th dport @allow6 accept',
        'ip daddr . meta l4proto . th dport @static4 accept',
        'ip6 daddr . meta l4proto . th dport @static6 accept',
        `log group ${plan.logGroup} queue-threshold 1 prefix "telltale:${via}"`,
        'meta l4proto tcp reject with tcp reset',
        'reject with icmpx admin-prohibited',
    ];
    const key = 'inet_proto . inet_service';
    return (`table inet ${plan.table} {\n` +
        set('allow4', `ipv4_addr . ${key}`, 'interval, timeout', []) +
        set('allow6', `ipv6_addr . ${key}`, 'interval, timeout', []) +
        set('static4', `ipv4_addr . ${key}`, 'interval', plan.static4) +
        set('static6', `ipv6_addr . ${key}`, 'interval', plan.static6) +
        set('resolvers4', 'ipv4_addr', '', plan.resolvers.v4) +
        set('resolvers6', 'ipv6_addr', '', plan.resolvers.v6) +
        chain('output', 'output', 'filter', ['oifname "lo" accept', ...verdict('output')]) +
        // Connections into a container (published ports, DNAT) are not egress.
        chain('forward', 'forward', 'filter', ['ct status dnat accept', ...verdict('forward')]) +
        '}\n');
}
/**
 * The queue steering, as iptables commands (table `mangle`, chains of our own hooked first into
 * OUTPUT, INPUT and FORWARD, priority mangle = -150, before the verdict chains). Why iptables and not
 * an nft `queue` statement in our table: that statement needs the kernel's nft_queue module, which
 * some kernels do not build (this project's test machines among them), while the xt NFQUEUE target
 * iptables-nft uses is built nearly everywhere; both end up as rules in the same nftables core.
 */
function queueRules(plan, options = {}) {
    // Without the connection queue (only to measure the race), new flows go straight to the verdict.
    const steerConnections = options.connections ?? true;
    const setup = [];
    const teardown = [];
    const id = plan.table.slice('telltale_'.length);
    const queue = (n) => ['-j', 'NFQUEUE', '--queue-num', String(n), '--queue-bypass'];
    const families = [
        { tool: 'iptables', resolvers: plan.resolvers.v4, loopback: '127.0.0.0/8' },
        { tool: 'ip6tables', resolvers: plan.resolvers.v6, loopback: '::1/128' },
    ];
    for (const { tool, resolvers, loopback } of families) {
        const chains = { OUTPUT: `TELLTALE-${id}-OUT`, INPUT: `TELLTALE-${id}-IN`, FORWARD: `TELLTALE-${id}-FWD` };
        const add = (chainName, ...rule) => setup.push([tool, '-t', 'mangle', '-A', chainName, ...rule]);
        for (const name of Object.values(chains))
            setup.push([tool, '-t', 'mangle', '-N', name]);
        const newFlows = (chainName) => {
            for (const r of resolvers)
                for (const p of ['udp', 'tcp'])
                    add(chainName, '-d', r, '-p', p, '--dport', '53', '-j', 'RETURN');
            if (!steerConnections)
                return;
            add(chainName, '-p', 'tcp', '--syn', '-m', 'conntrack', '--ctstate', 'NEW', ...queue(plan.connectionQueue));
            add(chainName, '-p', 'udp', '-m', 'conntrack', '--ctstate', 'NEW', ...queue(plan.connectionQueue));
        };
        const answers = (chainName, sources) => {
            for (const s of sources)
                for (const p of ['udp', 'tcp'])
                    add(chainName, '-s', s, '-p', p, '--sport', '53', ...queue(plan.dnsQueue));
        };
        add(chains.OUTPUT, '-o', 'lo', '-j', 'RETURN');
        newFlows(chains.OUTPUT);
        // Answers from the resolvers, and from a resolver on this host (systemd-resolved, dnsmasq).
        answers(chains.INPUT, [...resolvers, loopback]);
        answers(chains.FORWARD, resolvers);
        add(chains.FORWARD, '-m', 'conntrack', '--ctstate', 'DNAT', '-j', 'RETURN');
        newFlows(chains.FORWARD);
        for (const [hook, name] of Object.entries(chains)) {
            setup.push([tool, '-t', 'mangle', '-I', hook, '1', '-j', name]);
            teardown.push([tool, '-t', 'mangle', '-D', hook, '-j', name]);
        }
        for (const name of Object.values(chains)) {
            teardown.push([tool, '-t', 'mangle', '-F', name]);
            teardown.push([tool, '-t', 'mangle', '-X', name]);
        }
    }
    return { setup, teardown };
}
/** Removes the table (and so every rule and set of block mode); an absent table is not an error. */
function deleteRuleset(table) {
    // `destroy` (nft >= 1.0.8) ignores a missing table; `delete` after an `add` works on older nft too.
    return `add table inet ${table}\ndelete table inet ${table}\n`;
}
/** Table names are ours alone: `telltale_` and 8 hex digits. */
const TABLE_PATTERN = /^telltale_[0-9a-f]{8}$/;

;// CONCATENATED MODULE: ./shared/egress/block/state.ts
/**
 * Block mode's life on a host: put the firewall up (table, follower, queue steering, the NFLOG
 * capture of refused connections), and take all of it down again. The handle is plain JSON in the
 * report folder (block.json), so the process that stops block mode (the action's `post`,
 * `telltale egress stop`) need not be the one that started it.
 *
 * Order matters both ways. Up: table (verdicts), follower (binds the queues), steering (packets go to
 * the queues only once somebody listens), NFLOG capture. Down: the follower first (on SIGTERM it
 * removes steering and table itself), then steering and table again, whatever the follower managed:
 * removing twice is harmless, leaving a rule behind is not.
 */









const BLOCK_HANDLE_FILE = 'block.json';
const state_isRoot = () => process.getuid?.() === 0;
const state_sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function privileged(args, input) {
    const [command, ...rest] = state_isRoot() ? args : ['sudo', '-n', ...args];
    return (0,external_node_child_process_.spawnSync)(command, rest, { encoding: 'utf8', input, timeout: 30_000 });
}
function nft(script) {
    const result = privileged(['nft', '-f', '-'], script);
    if (result.status !== 0)
        throw new errors.InputError(`nft refused the block-mode ruleset: ${(result.stderr || result.error?.message || '').trim()}`, {
            hint: 'block mode needs nftables (nft) and root or passwordless sudo',
        });
}
/** Removes block mode's queue steering and table; safe to call any number of times. */
function removeFirewall(table, teardown) {
    if (!TABLE_PATTERN.test(table))
        return;
    for (const command of teardown)
        privileged(command);
    privileged(['nft', '-f', '-'], deleteRuleset(table));
}
/** Telltale tables and iptables chains present in this network namespace (a leftover is a bug). */
function firewallLeftovers() {
    const tables = (privileged(['nft', 'list', 'tables']).stdout ?? '')
        .split('\n')
        .filter((line) => /\btelltale/.test(line))
        .map((line) => line.trim());
    const chains = ['iptables', 'ip6tables'].flatMap((tool) => (privileged([tool, '-t', 'mangle', '-S']).stdout ?? '')
        .split('\n')
        .filter((line) => line.includes('TELLTALE'))
        .map((line) => `${tool}: ${line}`));
    return [...tables, ...chains];
}
async function startBlock(options) {
    if (privileged(['nft', '--version']).status !== 0)
        throw new errors.InputError('block mode needs nft (nftables) and root or passwordless sudo', {
            hint: 'install it with: sudo apt-get install -y nftables',
        });
    const table = `telltale_${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
    // Random numbers so two sessions (or another tool's queues) do not collide.
    const numbers = { logGroup: (0,external_node_crypto_.randomInt)(1000, 30000), dnsQueue: (0,external_node_crypto_.randomInt)(1000, 30000), connectionQueue: 0 };
    numbers.connectionQueue = numbers.dnsQueue + 1;
    const plan = planBlock(table, options.entries, options.resolvers ?? readResolvers(), numbers);
    const steering = queueRules(plan, { connections: options.attribute ?? true });
    const teardown = steering.teardown;
    const dir = options.dir;
    const config = {
        table,
        dir,
        dnsQueue: plan.dnsQueue,
        connectionQueue: plan.connectionQueue,
        hosts: plan.hosts,
        ttlMin: options.ttlMin ?? 300,
        ttlMax: options.ttlMax ?? 3600,
        hold: options.hold ?? true,
        teardown,
    };
    const configFile = external_node_path_default().join(dir, 'block-follower.json');
    const ready = external_node_path_default().join(dir, 'block-follower.ready');
    (0,external_node_fs_.rmSync)(ready, { force: true });
    (0,external_node_fs_.writeFileSync)(configFile, `${JSON.stringify(config, null, 2)}\n`);
    const scriptFile = external_node_path_default().join(dir, 'block-follower.py');
    (0,external_node_fs_.writeFileSync)(scriptFile, FOLLOWER_SCRIPT);
    nft(buildRuleset(plan));
    let followerPid;
    let nflog;
    try {
        const logFd = (0,external_node_fs_.openSync)(external_node_path_default().join(dir, 'block-follower.log'), 'a');
        const [command, ...args] = state_isRoot()
            ? ['python3', scriptFile, configFile]
            : ['sudo', '-n', 'python3', scriptFile, configFile];
        const child = (0,external_node_child_process_.spawn)(command, args, { detached: true, stdio: ['ignore', logFd, logFd] });
        (0,external_node_fs_.closeSync)(logFd);
        child.unref();
        followerPid = child.pid;
        const deadline = Date.now() + 10_000;
        while (!(0,external_node_fs_.existsSync)(ready)) {
            if (child.exitCode !== null || Date.now() > deadline)
                throw new errors.InputError(`the block-mode follower did not start: ${(0,external_node_fs_.readFileSync)(external_node_path_default().join(dir, 'block-follower.log'), 'utf8').trim() || 'no message'}`);
            await state_sleep(20);
        }
        for (const command of steering.setup) {
            const result = privileged(command);
            if (result.status !== 0)
                throw new errors.InputError(`could not steer packets to the follower: ${command.join(' ')}: ${result.stderr.trim()}`);
        }
        nflog = await startCapture({
            file: external_node_path_default().join(dir, 'blocked.pcap'),
            log: external_node_path_default().join(dir, 'blocked-tcpdump.log'),
            iface: `nflog:${plan.logGroup}`,
            filter: 'all',
            snaplen: 512,
        });
    }
    catch (error) {
        if (followerPid)
            signalFollower(followerPid, 'SIGTERM');
        removeFirewall(table, teardown);
        throw error;
    }
    const handle = {
        table,
        followerPid: followerPid,
        ...numbers,
        teardown,
        nflog,
        dnsLog: external_node_path_default().join(dir, 'block-dns.jsonl'),
        connectionLog: external_node_path_default().join(dir, 'block-connections.jsonl'),
        startedAt: new Date().toISOString(),
        sudo: !state_isRoot(),
    };
    (0,external_node_fs_.writeFileSync)(external_node_path_default().join(dir, BLOCK_HANDLE_FILE), `${JSON.stringify(handle, null, 2)}\n`);
    return handle;
}
/** The follower still runs (a zombie, or a pid reused by another program, does not count). */
function followerAlive(pid) {
    try {
        return (0,external_node_fs_.readFileSync)(`/proc/${pid}/cmdline`, 'utf8').includes('block-follower');
    }
    catch {
        return false;
    }
}
function signalFollower(pid, name) {
    if (!followerAlive(pid))
        return;
    try {
        process.kill(pid, name);
    }
    catch {
        (0,external_node_child_process_.spawnSync)('sudo', ['-n', 'kill', `-${name.replace('SIG', '')}`, String(pid)]);
    }
}
function readBlockHandle(dir) {
    const file = external_node_path_default().join(dir, BLOCK_HANDLE_FILE);
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch (error) {
        throw new errors.InputError(`${file} is not a block-mode handle: ${error.message}`, { location: { file } });
    }
}
/** Takes block mode down: follower, steering, table, then the NFLOG capture (so it holds every refusal). */
async function stopBlock(handle) {
    const followerGone = !followerAlive(handle.followerPid);
    signalFollower(handle.followerPid, 'SIGTERM');
    const deadline = Date.now() + 3_000;
    while (Date.now() < deadline && followerAlive(handle.followerPid))
        await state_sleep(20);
    signalFollower(handle.followerPid, 'SIGKILL');
    removeFirewall(handle.table, handle.teardown);
    await stopCapture(handle.nflog).catch(() => undefined);
    return {
        leftovers: firewallLeftovers().filter((l) => l.includes(handle.table) || l.includes(handle.table.slice(9))),
        followerGone,
    };
}

;// CONCATENATED MODULE: ./shared/egress/block/session.ts
/**
 * Block mode as the capture session uses it: `startBlockSession` before the capture starts (so the
 * capture also records the DNS answers the allow sets were fed from), `finishBlockSession` after it
 * stopped, adding what was refused and who opened each connection to the report.
 */





async function startBlockSession(options) {
    const manifest = await (0,manifest_manifest.loadManifest)(options.manifest);
    return startBlock({
        dir: options.dir,
        entries: [...manifest.entries, ...(options.runnerEndpoints ? runnerEndpoints() : [])],
        ...(options.hold === undefined ? {} : { hold: options.hold }),
    });
}
/** Takes the firewall down (when one was started in `dir`) and adds its records to the report. */
async function finishBlockSession(dir, report, steps = []) {
    const handle = readBlockHandle(dir);
    if (!handle)
        return;
    const { leftovers, followerGone } = await stopBlock(handle);
    const records = readBlockRecords({
        dns: handle.dnsLog,
        connections: handle.connectionLog,
        refused: external_node_path_default().join(dir, 'blocked.pcap'),
    });
    report.blocked = blockedConnections(records, steps);
    report.endpoints = withoutBlocked(report.endpoints, report.blocked);
    const { connections, attributed } = attributeEndpoints(report.endpoints, records.connections);
    report.block = { table: handle.table, connections, attributed, leftovers };
    if (records.unreadable)
        report.warnings.push(`block mode: ${records.unreadable} record(s) of its logs could not be read`);
    // Said, never a quiet pass: a follower that left early took the firewall with it.
    if (followerGone)
        report.warnings.push(`block mode: its follower had stopped before the job ended (see ${external_node_path_default().join(dir, 'block-follower.log')}); from then on nothing was blocked nor attributed`);
    if (leftovers.length)
        report.warnings.push(`block mode could not remove all of its firewall: ${leftovers.join('; ')}`);
    if (connections > attributed)
        report.warnings.push(`block mode: ${connections - attributed} of ${connections} connection(s) could not be tied to a process`);
}
/** Stops a block session without a report (a start that failed half way, a cancelled run's cleanup). */
async function abandonBlockSession(dir) {
    const handle = readBlockHandle(dir);
    if (handle)
        await stopBlock(handle);
}

;// CONCATENATED MODULE: ./shared/egress/capture/session.ts
/**
 * A capture session as the action and the CLI run it: start tcpdump into a folder, and later stop it
 * and turn the file into an egress report. The handle is saved as JSON so the stopping process (the
 * action's `post`, `telltale egress capture stop`) can be a different one from the starting process.
 */







const HANDLE_FILE = 'capture.json';
async function startSession(options) {
    (0,external_node_fs_.mkdirSync)(options.dir, { recursive: true });
    const { dir, block, ...capture } = options;
    if (block)
        await startBlockSession({ dir, ...block });
    let handle;
    try {
        handle = await startCapture({
            ...capture,
            file: external_node_path_default().join(dir, 'egress.pcap'),
            log: external_node_path_default().join(dir, 'tcpdump.log'),
        });
    }
    catch (error) {
        if (block)
            await abandonBlockSession(dir);
        throw error;
    }
    (0,external_node_fs_.writeFileSync)(external_node_path_default().join(dir, HANDLE_FILE), `${JSON.stringify(handle, null, 2)}\n`);
    return handle;
}
function readHandle(dir) {
    const file = external_node_path_default().join(dir, HANDLE_FILE);
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch {
        throw new errors.InputError(`no capture was started in ${dir} (${HANDLE_FILE} is missing)`, {
            hint: 'start one with `telltale egress start --out DIR`',
        });
    }
    try {
        const handle = JSON.parse(text);
        if (typeof handle.pid !== 'number' || typeof handle.file !== 'string')
            throw new Error('fields missing');
        return handle;
    }
    catch (error) {
        throw new errors.InputError(`${file} is not a capture handle: ${error.message}`, { location: { file } });
    }
}
/** Stops the capture, analyses the file, and records how complete the capture was. */
async function finishSession(handle, options = {}) {
    // Stop the capture first: block mode's firewall stays up until the last captured packet.
    const stopped = await stopCapture(handle).catch(async (error) => {
        await abandonBlockSession(external_node_path_default().dirname(handle.file));
        throw error;
    });
    const report = await (0,analyze/* analyzeCaptureFile */.L)(handle.file, {
        backend: 'tcpdump',
        filter: handle.filter,
        ...(stopped.stats.dropped !== undefined ? { dropped: stopped.stats.dropped } : {}),
        ...(options.steps ? { steps: options.steps } : {}),
    });
    const incomplete = captureIncompleteness({
        stopped,
        maxPackets: handle.maxPackets,
        packetsInFile: report.capture.packets,
        ...fileFacts(handle.file),
    });
    if (incomplete) {
        report.capture.incomplete = incomplete;
        // A drop count from a capture that did not run to the end would read as "nothing was lost".
        delete report.capture.dropped;
        report.warnings.unshift(incomplete.message);
    }
    if (!stopped.clean)
        report.warnings.push('tcpdump did not stop when asked and was killed: the last packets may be missing');
    await finishBlockSession(external_node_path_default().dirname(handle.file), report, options.steps);
    return report;
}
/** When the capture file was last written, and how much room its file system had left. */
function fileFacts(file) {
    const facts = {};
    try {
        facts.fileWrittenAt = (0,external_node_fs_.statSync)(file).mtime.toISOString();
    }
    catch {
        // missing file: stopCapture already said so
    }
    try {
        const fs = (0,external_node_fs_.statfsSync)(external_node_path_default().dirname(file));
        facts.freeBytes = fs.bavail * fs.bsize;
    }
    catch {
        // not every platform has statfs
    }
    return facts;
}


/***/ }),

/***/ 905:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  formatPortRange: () => (/* binding */ formatPortRange),
  loadManifest: () => (/* binding */ loadManifest),
  normalizeHost: () => (/* binding */ normalizeHost),
  parseCidr: () => (/* binding */ parseCidr),
  parseManifest: () => (/* binding */ parseManifest),
  parsePort: () => (/* binding */ parsePort)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./shared/util/errors.ts
var errors = __webpack_require__(1472);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./schemas/egress-manifest.schema.json
var egress_manifest_schema = __webpack_require__(8507);
;// CONCATENATED MODULE: ./shared/util/suggest.ts
/**
 * "Did you mean": the known word closest to a misspelled one. Optimal string alignment distance
 * (Levenshtein plus adjacent transposition, so `prots` → `ports` is one edit), as commander uses for
 * its own unknown-option suggestions. Words here are field names, so quadratic is fine.
 */
/** Edits (insert, delete, substitute, swap two neighbours) between `a` and `b`. */
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++)
        d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                best = Math.min(best, d[i - 2][j - 2] + 1);
            d[i][j] = best;
        }
    }
    return d[a.length][b.length];
}
/**
 * The candidate closest to `word` (case-insensitive), when it is close enough to be a slip: at most
 * a third of the word's length in edits (at least one). Undefined when nothing is that close.
 */
function closest(word, candidates) {
    const w = word.toLowerCase();
    const limit = Math.max(1, Math.floor(w.length / 3));
    let best;
    let bestDistance = Infinity;
    for (const c of candidates) {
        const distance = editDistance(w, c.toLowerCase());
        if (distance < bestDistance && distance <= limit) {
            best = c;
            bestDistance = distance;
        }
    }
    return best;
}

;// CONCATENATED MODULE: ./shared/egress/manifest/validate.ts
/**
 * Validates a manifest against schemas/egress-manifest.schema.json (the same file editors use) and
 * turns every schema error into one InputError: the first problem located at the offending YAML
 * node's line and column, then each further problem on its own located line, so one edit-run cycle
 * fixes them all. A misspelled field gets the closest known one ("did you mean 'ports'?").
 */





// verbose: each error carries its parent schema, whose `properties` are the fields allowed there.
// Compiled on first use: compiling at import cost every CLI command that merely loads egress ~40 ms.
let compiled;
const validator = () => (compiled ??= new ajv.Ajv({ allErrors: true, strict: false, verbose: true }).compile(egress_manifest_schema));
/** At most this many problems are listed; the rest are counted (a pasted binary is not 10,000 lines). */
const MAX_LISTED = 20;
function validateAgainstSchema(data, document, lineCounter, file) {
    const validate = validator();
    if (validate(data))
        return;
    const problems = pickErrors(validate.errors ?? []).map((error) => toProblem(error, data, document, lineCounter, file));
    const [first, ...rest] = problems;
    if (!first)
        return;
    const listed = rest.slice(0, MAX_LISTED - 1).map((p) => `\n  ${(0,errors/* formatLocation */.j$)(p.location)}: ${p.message}`);
    const more = rest.length > listed.length ? `\n  … and ${rest.length - listed.length} more` : '';
    throw new errors.InputError(`${first.message}${listed.join('')}${more}`, {
        location: first.location,
        hint: `${problems.length > 1 ? `${problems.length} problems; ` : ''}schemas/egress-manifest.schema.json describes the format`,
    });
}
function toProblem(error, data, document, lineCounter, file) {
    const path = error.instancePath
        .split('/')
        .slice(1)
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    let keyName;
    if (error.keyword === 'additionalProperties')
        keyName = String(error.params.additionalProperty);
    const field = fieldName(keyName === undefined ? path : [...path, keyName]);
    const location = nodeLocation(document, lineCounter, file, path, field, keyName);
    const value = path.length ? document.getIn(path) : data;
    return { message: describe(error, value, keyName), location };
}
/**
 * Ajv reports every branch of a failed `oneOf`; keep the one error a person would fix: the deepest
 * path first, and for a port the single "not a port" message instead of both branches' complaints.
 */
function pickErrors(errors) {
    const seen = new Set();
    const out = [];
    const sorted = [...errors].sort((a, b) => depth(b) - depth(a) || order(a) - order(b));
    for (const error of sorted) {
        // Every unknown field of an object is its own problem; otherwise one per node. An unknown field
        // comes first at its node, so `hots:` is reported as a misspelling, not as "needs host or cidr".
        const unknown = error.keyword === 'additionalProperties';
        const key = unknown ? `${error.instancePath}\u0000${String(error.params.additionalProperty)}` : error.instancePath;
        if (seen.has(key) || (!unknown && seen.has(`${error.instancePath}\u0000*`)))
            continue;
        seen.add(key);
        seen.add(`${error.instancePath}\u0000*`);
        out.push(error);
    }
    // Report in document order so "the first problem" is the first one in the file.
    return out.sort((a, b) => a.instancePath.localeCompare(b.instancePath, 'en', { numeric: true }));
}
const depth = (e) => e.instancePath.split('/').length;
// Within one path prefer errors that name the problem, then the oneOf summary, then the complaints
// of each oneOf branch (a branch's `required: [host]` is not what the user got wrong).
const order = (e) => /\/oneOf\/\d+\//.test(e.schemaPath) ? 3 : e.keyword === 'oneOf' ? 2 : e.keyword === 'type' ? 1 : 0;
function describe(error, value, keyName) {
    const shown = JSON.stringify(value);
    if (/\/ports\/\d+$/.test(error.instancePath))
        return `${shown} is not a port`;
    switch (error.keyword) {
        case 'additionalProperties': {
            const known = Object.keys(error.parentSchema?.properties ?? {});
            const guess = closest(keyName ?? '', known);
            return `unknown field '${keyName}'${guess ? ` (did you mean '${guess}'?)` : known.length ? ` (known: ${known.join(', ')})` : ''}`;
        }
        case 'required':
            return `missing '${String(error.params.missingProperty)}'`;
        case 'oneOf':
            if (/^\/allow\/\d+$/.test(error.instancePath))
                return 'an entry needs exactly one of host or cidr';
            return `${shown} is not valid here`;
        case 'const':
            return `${shown} is not a supported version (use 1)`;
        case 'enum':
            return `${shown} must be one of ${error.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
        case 'pattern':
            if (error.instancePath.endsWith('/host')) {
                return `${shown} is not a host name (a wildcard is only allowed as a leading '*.')`;
            }
            return `${shown} ${error.message ?? 'does not match'}`;
        default:
            return `${shown} ${error.message ?? 'is not valid'}`;
    }
}
function fieldName(path) {
    return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
/** The line and column of the node at `path` (or of its key `keyName`), with `field` attached. */
function nodeLocation(document, lineCounter, file, path, field, keyName) {
    let node = (path.length ? document.getIn(path, true) : document.contents);
    if (keyName !== undefined && (0,dist/* isMap */.jh)(node)) {
        const pair = node.items.find((p) => (0,dist/* isPair */.tO)(p) && (0,dist/* isScalar */.jn)(p.key) && p.key.value === keyName);
        if (pair && (0,dist/* isScalar */.jn)(pair.key))
            node = pair.key;
    }
    const offset = node?.range?.[0];
    if (offset === undefined)
        return { file, field };
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col, field };
}

;// CONCATENATED MODULE: ./shared/egress/manifest/manifest.ts
/**
 * The egress manifest (`.github/egress.yml`): the endpoints a repository's jobs may reach.
 *
 *   version: 1
 *   allow:
 *     - host: registry.npmjs.org   # exact name
 *       ports: [443]
 *     - host: "*.githubusercontent.com"
 *     - cidr: 10.0.0.0/8
 *       ports: [5432, "8000-8100"]
 *       transport: tcp
 *
 * Parsing keeps the YAML Document (for `--update`, which must keep comments and style) and the
 * position of every entry, so every later message can point at a line and column.
 */





async function loadManifest(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new errors.InputError(code === 'ENOENT' ? 'manifest not found' : `cannot read the manifest: ${error.message}`, {
            location: { file },
            hint: code === 'ENOENT'
                ? `create it with 'version: 1' and an 'allow:' list, or run 'telltale egress diff --update --manifest ${file} REPORT.json' to start from what a run observed`
                : undefined,
        });
    }
    return parseManifest(text, file);
}
/** Parses and validates manifest text; every problem is an InputError with line and column. */
function parseManifest(text, file) {
    const lineCounter = new dist/* LineCounter */.HN();
    const document = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const yamlError = document.errors[0];
    if (yamlError) {
        const pos = lineCounter.linePos(yamlError.pos[0]);
        throw new errors.InputError(`not valid YAML: ${yamlError.message.split('\n')[0]}`, {
            location: { file, line: pos.line, column: pos.col },
        });
    }
    let data;
    try {
        // toJS resolves aliases: an undefined one, or too many (an alias bomb), throws here.
        data = document.toJS({ maxAliasCount: 100 });
    }
    catch (error) {
        throw new errors.InputError(`not a usable manifest: ${error.message}`, {
            location: { file, line: 1, column: 1 },
        });
    }
    validateAgainstSchema(data, document, lineCounter, file);
    const allow = data.allow;
    const entries = allow.map((raw, index) => {
        const at = (field, ...path) => nodeLocation(document, lineCounter, file, ['allow', index, ...path], `allow[${index}]${field}`);
        const entry = { index, location: at('') };
        if (typeof raw.host === 'string')
            entry.host = normalizeHost(raw.host);
        if (typeof raw.cidr === 'string') {
            const cidr = parseCidr(raw.cidr);
            if (!cidr) {
                throw new errors.InputError(`'${raw.cidr}' is not an IPv4 or IPv6 network`, {
                    location: at('.cidr', 'cidr'),
                    hint: 'write an address and a prefix length, e.g. 10.0.0.0/8 or 2001:db8::/32',
                });
            }
            entry.cidr = cidr;
        }
        if (Array.isArray(raw.ports)) {
            entry.ports = raw.ports.map((port, i) => {
                const range = parsePort(port);
                if (!range) {
                    throw new errors.InputError(`${JSON.stringify(port)} is not a port`, {
                        location: at(`.ports[${i}]`, 'ports', i),
                        hint: 'ports are 1-65535, or a range written "low-high" with low <= high',
                    });
                }
                return range;
            });
        }
        if (raw.transport === 'tcp' || raw.transport === 'udp')
            entry.transport = raw.transport;
        if (typeof raw.reason === 'string')
            entry.reason = raw.reason;
        if (typeof raw.owner === 'string')
            entry.owner = raw.owner;
        if (typeof raw.probe === 'string') {
            try {
                new URL(raw.probe);
            }
            catch {
                throw new errors.InputError(`'${raw.probe}' is not a URL`, { location: at('.probe', 'probe') });
            }
            entry.probe = raw.probe;
        }
        return entry;
    });
    return { file, entries, document, text };
}
function normalizeHost(host) {
    return host.trim().toLowerCase().replace(/\.$/, '');
}
/** A port number, or a `"low-high"` string; undefined when out of 1-65535 or reversed. */
function parsePort(value) {
    const ok = (n) => Number.isInteger(n) && n >= 1 && n <= 65535;
    if (typeof value === 'number')
        return ok(value) ? { from: value, to: value } : undefined;
    const m = typeof value === 'string' ? /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(value.trim()) : null;
    if (!m)
        return undefined;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    return ok(from) && ok(to) && from <= to ? { from, to } : undefined;
}
function formatPortRange(range) {
    return range.from === range.to ? range.from : `${range.from}-${range.to}`;
}
/** `10.0.0.0/8`, `2001:db8::/32`, or a bare address (a /32 or /128). */
function parseCidr(text) {
    const [address = '', prefixText, extra] = text.trim().split('/');
    if (extra !== undefined)
        return undefined;
    const version = (0,external_node_net_.isIP)(address);
    if (!version)
        return undefined;
    const max = version === 4 ? 32 : 128;
    if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText))
        return undefined;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (prefix > max)
        return undefined;
    return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6', text: `${address}/${prefix}` };
}


/***/ }),

/***/ 8507:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://raw.githubusercontent.com/telltale-dev/telltale/v1/schemas/egress-manifest.schema.json","title":"telltale egress manifest","description":"The network endpoints a repository\'s CI jobs are allowed to reach (.github/egress.yml). Checked by `telltale egress diff` and the egress actions; probed by `telltale egress preflight`.","type":"object","additionalProperties":false,"required":["version","allow"],"properties":{"version":{"const":1,"description":"Manifest format version. Only 1 exists."},"allow":{"type":"array","description":"Allowed endpoints. An observed connection is allowed when any entry matches it.","items":{"$ref":"#/definitions/entry"}}},"definitions":{"port":{"description":"A port (1-65535) or an inclusive range written \\"low-high\\".","oneOf":[{"type":"integer","minimum":1,"maximum":65535},{"type":"string","pattern":"^[0-9]{1,5}-[0-9]{1,5}$"}]},"entry":{"type":"object","additionalProperties":false,"oneOf":[{"required":["host"]},{"required":["cidr"]}],"properties":{"host":{"type":"string","minLength":1,"maxLength":255,"pattern":"^(\\\\*\\\\.)?[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?(\\\\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*\\\\.?$","description":"A DNS name matched exactly (case-insensitive), or \\"*.suffix\\": one or more labels under suffix (not suffix itself)."},"cidr":{"type":"string","description":"An IPv4 or IPv6 network, e.g. 10.0.0.0/8 or 2001:db8::/32. A bare address means /32 or /128."},"ports":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/port"},"description":"Allowed ports. Omit to allow any port."},"transport":{"enum":["tcp","udp"],"description":"Limit the entry to TCP or UDP. Omit for both."},"reason":{"type":"string","description":"Why the job needs this endpoint (shown in reports)."},"owner":{"type":"string","description":"Who to ask about this entry."},"probe":{"type":"string","pattern":"^https?://","description":"URL `telltale egress preflight` requests for this entry (needed to check wildcards and CIDRs)."}}}}}');

/***/ })

};
