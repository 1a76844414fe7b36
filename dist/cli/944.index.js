export const id = 944;
export const ids = [944];
export const modules = {

/***/ 1944:
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
// EXTERNAL MODULE: ./shared/egress/analyze.ts + 24 modules
var analyze = __webpack_require__(1630);
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

;// CONCATENATED MODULE: ./shared/egress/capture/session.ts
/**
 * A capture session as the action and the CLI run it: start tcpdump into a folder, and later stop it
 * and turn the file into an egress report. The handle is saved as JSON so the stopping process (the
 * action's `post`, `telltale egress capture stop`) can be a different one from the starting process.
 */






const HANDLE_FILE = 'capture.json';
async function startSession(options) {
    (0,external_node_fs_.mkdirSync)(options.dir, { recursive: true });
    const { dir, ...capture } = options;
    const handle = await startCapture({
        ...capture,
        file: external_node_path_default().join(dir, 'egress.pcap'),
        log: external_node_path_default().join(dir, 'tcpdump.log'),
    });
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
    const stopped = await stopCapture(handle);
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


/***/ })

};
