export const id = 924;
export const ids = [924];
export const modules = {

/***/ 2924:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  y: () => (/* binding */ OBSERVERS)
});

// EXTERNAL MODULE: ./shared/audit/target.ts
var target = __webpack_require__(9813);
;// CONCATENATED MODULE: ./shared/audit/system/accounts.ts
/**
 * Users and groups as /etc/passwd and /etc/group record them (passwd(5), group(5)), read through a
 * target's filesystem so hosts and images share one parser. Lines that do not parse are skipped:
 * a decoder never throws on bad bytes; a file that cannot be read is an error, not an empty list.
 */

function parsePasswd(text) {
    const out = [];
    for (const line of text.split('\n')) {
        if (!line || line.startsWith('#'))
            continue;
        const f = line.split(':');
        if (f.length < 7)
            continue;
        const uid = Number(f[2]);
        const gid = Number(f[3]);
        if (!Number.isInteger(uid) || !Number.isInteger(gid))
            continue;
        out.push({ name: f[0], uid, gid, home: f[5], shell: f[6] });
    }
    return out;
}
function parseGroup(text) {
    const out = [];
    for (const line of text.split('\n')) {
        if (!line || line.startsWith('#'))
            continue;
        const f = line.split(':');
        if (f.length < 4)
            continue;
        const gid = Number(f[2]);
        if (!Number.isInteger(gid))
            continue;
        out.push({ name: f[0], gid, members: f[3].split(',').filter(Boolean) });
    }
    return out;
}
/**
 * The file's text; '' only when the target really has no such file (then there are no accounts to
 * find). Any other failure (EACCES, EIO, too large) rejects: a user control must then say it could
 * not check, never "does not exist", which `exists: false` would take as a pass.
 */
async function readText(fs, path) {
    try {
        return (await fs.readFile(path)).toString('utf8');
    }
    catch (error) {
        if ((0,target/* isAbsent */.W0)(error))
            return '';
        const why = error.code === 'EFBIG' ? error.message : errno(error);
        throw new Error(`could not read ${path}: ${why}`, { cause: error });
    }
}
const errno = (error) => error.code ?? String(error.message ?? error);
async function readAccounts(fs) {
    const [passwd, group] = await Promise.all([readText(fs, '/etc/passwd'), readText(fs, '/etc/group')]);
    return { users: parsePasswd(passwd), groups: parseGroup(group) };
}
/** Names of the groups a user belongs to: the primary group plus supplementary memberships, as `id -Gn` lists them. */
function groupsOf(user, groups) {
    const names = new Set();
    const primary = groups.find((g) => g.gid === user.gid);
    if (primary)
        names.add(primary.name);
    for (const g of groups)
        if (g.members.includes(user.name))
            names.add(g.name);
    return [...names];
}

;// CONCATENATED MODULE: ./shared/audit/resources/types.ts
function cached(context, key, load) {
    let p = context.cache.get(key);
    if (!p) {
        p = load();
        context.cache.set(key, p);
    }
    return p;
}
const NEEDS_LIVE = 'needs a running system; this target has none';
/**
 * What a control looks at: the identity override when written (`path:`, `username:`, `name:`, …,
 * docs/gossfile.md "defaults to hash key"), else the key. YAML may make it a number (`port: 22`).
 */
function subject(control, override) {
    const v = control.attributes[override];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : control.id;
}

;// CONCATENATED MODULE: ./shared/audit/resources/accounts.ts
/** Goss `user` and `group`, read from /etc/passwd and /etc/group through the target's filesystem. */


const observeUser = async (control, target, context) => {
    const { users, groups } = await cached(context, 'accounts', () => readAccounts(target.fs));
    const name = subject(control, 'username');
    const user = users.find((u) => u.name === name);
    if (!user)
        return { values: { exists: false }, missing: true };
    return {
        values: {
            exists: true,
            uid: user.uid,
            gid: user.gid,
            home: user.home,
            shell: user.shell,
            groups: groupsOf(user, groups),
        },
    };
};
const observeGroup = async (control, target, context) => {
    const { groups } = await cached(context, 'accounts', () => readAccounts(target.fs));
    const name = subject(control, 'groupname');
    const group = groups.find((g) => g.name === name);
    if (!group)
        return { values: { exists: false }, missing: true };
    return { values: { exists: true, gid: group.gid } };
};

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./shared/audit/resources/file.ts
/** Goss `file`: existence, type, mode, ownership, size, contents and digests of a path in the target. */





/**
 * The absolute path a file control names. Goss (resource/file.go) expands `~` to the home of the user
 * running it and makes relative paths absolute from its working directory; on a host telltale does
 * the same. An image or container has no working directory of ours: relative paths start at its `/`,
 * and `~` is root's home there. `~name/…` (telltale's) is that user's home in the target's /etc/passwd.
 */
async function resolveFilePath(raw, target, context) {
    const tilde = /^~([^/]*)(\/.*)?$/.exec(raw);
    if (tilde) {
        const name = tilde[1];
        let home;
        if (name === '' && target.kind === 'host')
            home = external_node_os_default().homedir();
        else {
            const { users } = await cached(context, 'accounts', () => readAccounts(target.fs));
            home = users.find((u) => u.name === (name || 'root'))?.home;
        }
        if (home)
            return external_node_path_default().posix.join(home, tilde[2] ?? '');
    }
    if (raw.startsWith('/'))
        return raw;
    return target.kind === 'host' ? external_node_path_default().resolve(raw) : external_node_path_default().posix.join('/', raw);
}
const observeFile = async (control, target, context) => {
    const a = control.attributes;
    const where = await resolveFilePath(subject(control, 'path'), target, context);
    const info = await target.fs.stat(where, { follow: false });
    if (!info)
        return { values: { exists: false }, missing: true };
    // Goss reads mode, size and owner with lstat (system/file.go): a symlink reports its own 0777,
    // its own size and owner, so the controls `goss add` writes for a link pass. Contents and
    // digests are read through the link.
    const values = {
        exists: true,
        filetype: info.type,
        // Goss compares mode as a 4-digit octal string ("0644").
        mode: info.mode.toString(8).padStart(4, '0'),
        size: info.size,
        uid: info.uid,
        gid: info.gid,
        'linked-to': info.linkTarget ?? '',
    };
    if ('owner' in a || 'group' in a) {
        const { users, groups } = await cached(context, 'accounts', () => readAccounts(target.fs));
        values.owner = users.find((u) => u.uid === info.uid)?.name ?? String(info.uid);
        values.group = groups.find((g) => g.gid === info.gid)?.name ?? String(info.gid);
    }
    const wantsContent = ['contents', 'contains', 'md5', 'sha256', 'sha512'].some((k) => k in a);
    if (wantsContent) {
        const resolved = info.type === 'symlink' ? await target.fs.stat(where, { follow: true }) : info;
        if (resolved?.type === 'file') {
            const bytes = await target.fs.readFile(where);
            values.contents = bytes.toString('utf8');
            values.contains = values.contents;
            for (const algo of ['md5', 'sha256', 'sha512'])
                if (algo in a)
                    values[algo] = (0,external_node_crypto_.createHash)(algo).update(bytes).digest('hex');
        }
    }
    return { values };
};

// EXTERNAL MODULE: ./shared/audit/matchers.ts + 1 modules
var matchers = __webpack_require__(6825);
;// CONCATENATED MODULE: ./shared/audit/resources/image.ts
/**
 * telltale's `image:` section (container-structure-test's metadataTest): the image configuration's
 * user, env, exposed ports, entrypoint, cmd, workdir and labels. Maps (env, labels) are compared key
 * by key, so a control lists only the keys it cares about.
 */

const observeImage = async (control, target) => {
    const cfg = target.imageConfig;
    if (!cfg)
        return Promise.resolve({ skip: `the ${target.kind} target has no image configuration`, values: {} });
    const values = {
        user: cfg.user ?? '',
        'exposed-ports': cfg.exposedPorts,
        entrypoint: cfg.entrypoint ?? [],
        cmd: cfg.cmd ?? [],
        workdir: cfg.workdir ?? '',
    };
    const judged = {};
    for (const key of ['env', 'labels']) {
        const want = control.attributes[key];
        if (want === undefined)
            continue;
        const have = key === 'env' ? cfg.env : cfg.labels;
        if (want && typeof want === 'object' && !Array.isArray(want) && !(0,matchers/* isMatcherMap */.BY)(want)) {
            const bad = Object.entries(want).filter(([k, m]) => !(0,matchers/* evaluate */._3)(m, have[k]).pass);
            judged[key] = {
                pass: bad.length === 0,
                expected: bad.map(([k, m]) => `${k} ${(0,matchers/* evaluate */._3)(m, have[k]).expected}`).join(', ') || (0,matchers/* show */.WU)(want),
                actual: bad.map(([k]) => `${k}=${(0,matchers/* show */.WU)(have[k])}`).join(', ') || 'as expected',
            };
        }
        else
            values[key] = have;
    }
    return Promise.resolve({ values, judged });
};

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./shared/audit/resources/live.ts
/**
 * Resources only a running system can answer (Goss `port`, `process`, `service`, `command`,
 * `kernel-param`, `mount`, `interface`). On a target without `live` they are skipped with the
 * reason, never passed.
 */


/** Goss port ids: `22`, `tcp:22`, `tcp6:22`, `udp:53`, `udp6:53`; a bare number is tcp. */
function parsePortId(id) {
    const m = /^(?:(tcp6?|udp6?):)?(\d{1,5})$/.exec(id.trim());
    if (!m)
        return undefined;
    const port = Number(m[2]);
    if (port > 65535)
        return undefined;
    return { protocol: (m[1] ?? 'tcp'), port };
}
const observePort = async (control, target, context) => {
    const live = target.live;
    if (!live)
        return { skip: NEEDS_LIVE, values: {} };
    const id = parsePortId(subject(control, 'port'));
    if (!id)
        return { skip: `'${subject(control, 'port')}' is not a port id (tcp:22, udp:53, 22)`, values: {} };
    const ports = await cached(context, 'ports', () => live.listeningPorts());
    // A dual-stack socket bound to [::] serves IPv4 too and appears only in tcp6, so `tcp:N` also
    // accepts a tcp6 listener; `tcp6:N` asks for IPv6 only.
    const family = id.protocol.startsWith('tcp') ? 'tcp' : 'udp';
    const hits = ports.filter((p) => p.port === id.port && (id.protocol.endsWith('6') ? p.protocol === id.protocol : p.protocol.startsWith(family)));
    return { values: { listening: hits.length > 0, ip: [...new Set(hits.map((h) => h.address))] } };
};
const observeProcess = async (control, target, context) => {
    const live = target.live;
    if (!live)
        return { skip: NEEDS_LIVE, values: {} };
    const procs = await cached(context, 'processes', () => live.processes());
    // The kernel truncates comm to 15 bytes (TASK_COMM_LEN 16); compare the same way Goss does.
    const want = subject(control, 'comm').slice(0, 15);
    return { values: { running: procs.some((p) => p.comm === want) } };
};
const observeService = async (control, target) => {
    const live = target.live;
    if (!live)
        return { skip: NEEDS_LIVE, values: {} };
    if ('runlevels' in control.attributes)
        return { skip: 'runlevels apply to SysV init only; this host is read through systemd', values: {} };
    const s = await live.service(subject(control, 'name'));
    return { values: { enabled: s.enabled, running: s.running } };
};
const DEFAULT_COMMAND_TIMEOUT_MS = 10_000;
const observeCommand = async (control, target) => {
    const live = target.live;
    if (!live)
        return { skip: NEEDS_LIVE, values: {} };
    const a = control.attributes;
    // `exec: true` is YAML's boolean; Goss's string field reads it as the command `true`.
    const cmd = a.exec === undefined || a.exec === null ? control.id : String(a.exec);
    const timeoutMs = typeof a.timeout === 'number' ? a.timeout : DEFAULT_COMMAND_TIMEOUT_MS;
    const r = await live.runCommand(cmd, { timeoutMs });
    if (r.timedOut)
        return { values: { 'exit-status': `timed out after ${timeoutMs} ms`, stdout: r.stdout, stderr: r.stderr } };
    return { values: { 'exit-status': r.exitStatus, stdout: r.stdout, stderr: r.stderr } };
};
const observeKernelParam = async (control, target) => {
    const live = target.live;
    if (!live)
        return { skip: NEEDS_LIVE, values: {} };
    const value = await live.kernelParam(subject(control, 'name'));
    if (value === undefined)
        return { values: {}, missing: true };
    return { values: { value } };
};
const observeMount = async (control, target, context) => {
    const live = target.live;
    if (!live)
        return { skip: NEEDS_LIVE, values: {} };
    const mounts = await cached(context, 'mounts', () => live.mounts());
    // The last entry for a mount point is the one on top, the one a path lookup sees.
    const where = subject(control, 'mountpoint');
    const m = mounts.filter((x) => x.mountPoint === where).at(-1);
    if (!m)
        return { values: { exists: false }, missing: true };
    const values = {
        exists: true,
        opts: m.opts,
        'vfs-opts': m.vfsOpts,
        source: m.source,
        filesystem: m.filesystem,
    };
    if ('usage' in control.attributes && target.kind === 'host') {
        const st = await external_node_fs_.promises.statfs(where);
        values.usage = st.blocks > 0 ? Math.round((100 * (st.blocks - st.bfree)) / st.blocks) : 0;
    }
    return { values };
};
const observeInterface = async (control, target, context) => {
    const live = target.live;
    if (!live)
        return { skip: NEEDS_LIVE, values: {} };
    const all = await cached(context, 'interfaces', () => live.interfaces());
    const name = subject(control, 'name');
    const i = all.find((x) => x.name === name);
    if (!i)
        return { values: { exists: false }, missing: true };
    return { values: { exists: true, addrs: i.addrs, mtu: i.mtu } };
};

;// CONCATENATED MODULE: ./shared/audit/resources/matching.ts
/**
 * Goss `matching`: applies `matches` to the literal `content`, for values rendered from variables.
 * With `as-reader: true` the content is read as text, the way file contents are (resource/matching.go):
 * a list of matches is then a list of line patterns.
 */

const observeMatching = async (control) => {
    const a = control.attributes;
    if (a['as-reader'] === true) {
        const text = (0,matchers/* toStr */.N7)(a.content);
        if (Array.isArray(a.matches)) {
            const p = (0,matchers/* evaluatePatterns */.LP)(a.matches, text);
            return Promise.resolve({
                values: {},
                judged: {
                    matches: {
                        pass: p.pass,
                        expected: p.pass ? p.expected : `patterns ${(0,matchers/* show */.WU)(p.missing)}`,
                        actual: p.error ?? text,
                    },
                },
            });
        }
        return Promise.resolve({ values: { matches: text } });
    }
    return Promise.resolve({ values: { matches: a.content } });
};

// EXTERNAL MODULE: external "node:dns"
var external_node_dns_ = __webpack_require__(610);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
;// CONCATENATED MODULE: ./shared/audit/resources/network.ts
/**
 * Goss `http`, `addr` and `dns`: probes sent from where the target's network is. Only targets with
 * `live` have a network to probe from (the host: here); images skip them with the reason.
 */







/** Why a network probe cannot run for this target, or undefined when it can. */
function probeSkip(target) {
    if (!target.live)
        return NEEDS_LIVE;
    if (target.live.networkProbes === false)
        return `probes would be sent from the host, not from inside the ${target.kind}; use a command control`;
    return undefined;
}
const MAX_REDIRECTS = 10;
const MAX_BODY = 4 * 1024 * 1024;
/** TLS material Goss's http takes from files (`ca-file`, `cert-file`, `key-file`), read on this host. */
async function tlsOptions(a) {
    const read = (k) => (typeof a[k] === 'string' && a[k] !== '' ? external_node_fs_.promises.readFile(a[k]) : undefined);
    const [ca, cert, key] = await Promise.all([read('ca-file'), read('cert-file'), read('key-file')]);
    return {
        rejectUnauthorized: a['allow-insecure'] !== true,
        ...(ca ? { ca } : {}),
        ...(cert ? { cert } : {}),
        ...(key ? { key } : {}),
    };
}
/**
 * An HTTP proxy as Goss's `proxy:` uses one: plain http is sent to the proxy with the absolute URL
 * as the request target (RFC 9112 §3.2.2); https goes through a CONNECT tunnel (RFC 9110 §9.3.6).
 */
function viaProxy(proxy, target, timeoutMs) {
    return new Promise((resolve, reject) => {
        const authority = `${target.hostname}:${target.port || (target.protocol === 'https:' ? 443 : 80)}`;
        const req = external_node_http_default().request({
            host: proxy.hostname,
            port: proxy.port || 80,
            method: 'CONNECT',
            path: authority,
            headers: { host: authority },
            timeout: timeoutMs,
        });
        req.on('connect', (res, socket) => res.statusCode === 200
            ? resolve(socket)
            : (socket.destroy(), reject(new Error(`proxy answered ${res.statusCode}`))));
        req.on('timeout', () => req.destroy(new Error(`the proxy did not answer within ${timeoutMs} ms`)));
        req.on('error', reject);
        req.end();
    });
}
async function request(url, a, timeoutMs) {
    const headers = {};
    for (const h of Array.isArray(a['request-headers']) ? a['request-headers'] : []) {
        const [k, ...v] = String(h).split(':');
        if (k)
            headers[k.trim()] = v.join(':').trim();
    }
    if (typeof a.username === 'string') {
        headers.authorization = `Basic ${Buffer.from(`${a.username}:${String(a.password ?? '')}`).toString('base64')}`;
    }
    const secure = url.protocol === 'https:';
    const tlsOpts = secure ? await tlsOptions(a) : {};
    const proxy = typeof a.proxy === 'string' && a.proxy !== '' ? new URL(a.proxy) : undefined;
    const method = typeof a.method === 'string' ? a.method : 'GET';
    let req;
    const onReply = (resolve, reject) => (res) => {
        const chunks = [];
        let size = 0;
        res.on('data', (b) => {
            size += b.length;
            if (size <= MAX_BODY)
                chunks.push(b);
        });
        res.on('end', () => {
            const hs = [];
            for (let i = 0; i < res.rawHeaders.length; i += 2)
                hs.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
            resolve({ status: res.statusCode ?? 0, headers: hs, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
    };
    const tunnel = proxy && secure ? await viaProxy(proxy, url, timeoutMs) : undefined;
    return new Promise((resolve, reject) => {
        if (proxy && !secure) {
            req = external_node_http_default().request({
                host: proxy.hostname,
                port: proxy.port || 80,
                method,
                path: url.href,
                headers: { host: url.host, ...headers },
                timeout: timeoutMs,
            }, onReply(resolve, reject));
        }
        else if (tunnel) {
            req = external_node_https_default().request(url, {
                method,
                headers,
                timeout: timeoutMs,
                createConnection: () => external_node_tls_default().connect({ socket: tunnel, servername: url.hostname, ...tlsOpts }),
            }, onReply(resolve, reject));
        }
        else {
            req = (secure ? (external_node_https_default()) : (external_node_http_default())).request(url, { method, headers, timeout: timeoutMs, ...tlsOpts }, onReply(resolve, reject));
        }
        req.on('timeout', () => req.destroy(new Error(`no response within ${timeoutMs} ms`)));
        req.on('error', reject);
        if (typeof a['request-body'] === 'string')
            req.write(a['request-body']);
        req.end();
    });
}
const observeHttp = async (control, target) => {
    const skip = probeSkip(target);
    if (skip)
        return { skip, values: {} };
    const a = control.attributes;
    const timeoutMs = typeof a.timeout === 'number' ? a.timeout : 5000;
    let url;
    try {
        url = new URL(subject(control, 'url'));
    }
    catch {
        return { skip: `'${control.id}' is not a URL`, values: {} };
    }
    try {
        let reply = await request(url, a, timeoutMs);
        for (let hop = 0; hop < MAX_REDIRECTS && a['no-follow-redirects'] !== true && reply.status >= 300 && reply.status < 400; hop++) {
            const loc = reply.headers.find((h) => /^location:/i.test(h));
            if (!loc)
                break;
            url = new URL(loc.slice(loc.indexOf(':') + 1).trim(), url);
            reply = await request(url, a, timeoutMs);
        }
        return { values: { status: reply.status, headers: reply.headers, body: reply.body } };
    }
    catch (error) {
        return { values: { status: `no response: ${error.message}`, headers: [], body: '' } };
    }
};
/** Goss addr ids: `tcp://host:port` or `udp://host:port`. */
const observeAddr = async (control, target) => {
    const skip = probeSkip(target);
    if (skip)
        return { skip, values: {} };
    const address = subject(control, 'address');
    const m = /^(tcp|udp):\/\/(\[[^\]]+\]|[^:]+):(\d+)$/.exec(address);
    if (!m)
        return { skip: `'${address}' is not an address (tcp://host:port)`, values: {} };
    if (m[1] === 'udp')
        return { skip: 'udp reachability cannot be known without a reply; use a command', values: {} };
    const host = m[2].replace(/^\[|\]$/g, '');
    const timeout = typeof control.attributes.timeout === 'number' ? control.attributes.timeout : 500;
    const reachable = await new Promise((resolve) => {
        const socket = external_node_net_default().connect({ host, port: Number(m[3]), timeout });
        const finish = (ok) => {
            socket.destroy();
            resolve(ok);
        };
        socket.once('connect', () => finish(true));
        socket.once('timeout', () => finish(false));
        socket.once('error', () => finish(false));
    });
    return { values: { reachable } };
};
const DNS_TYPES = new Set(['A', 'AAAA', 'CAA', 'CNAME', 'MX', 'NS', 'PTR', 'SRV', 'TXT']);
/**
 * Goss dns ids: `host` or `TYPE:host`; `resolve:` overrides the key. Without `server` the name is
 * resolved as the system would (getaddrinfo, so /etc/hosts counts); with `server` every lookup —
 * a plain name too, as A and AAAA — is asked of that server (resource/dns.go, system/dns.go).
 */
const observeDns = async (control, target) => {
    const skip = probeSkip(target);
    if (skip)
        return { skip, values: {} };
    const a = control.attributes;
    const name = subject(control, 'resolve');
    const typed = /^([A-Z]+):(.+)$/.exec(name);
    const isTyped = typed !== null && DNS_TYPES.has(typed[1]);
    const server = typeof a.server === 'string' || typeof a.server === 'number' ? String(a.server) : undefined;
    try {
        if (!isTyped && server === undefined) {
            const found = await external_node_dns_.promises.lookup(name, { all: true });
            return { values: { resolvable: found.length > 0, addrs: found.map((f) => f.address) } };
        }
        const resolver = new external_node_dns_.Resolver({ timeout: typeof a.timeout === 'number' ? a.timeout : 500, tries: 2 });
        if (server !== undefined)
            resolver.setServers([server]);
        const ask = (host, rrtype) => new Promise((resolve) => resolver.resolve(host, rrtype, (err, rec) => resolve(err ? [] : rec)));
        const records = isTyped
            ? (await ask(typed[2], typed[1])).map((r) => recordText(r, typed[1]))
            : [...(await ask(name, 'A')), ...(await ask(name, 'AAAA'))].map((r) => recordText(r, 'A'));
        return { values: { resolvable: records.length > 0, addrs: records } };
    }
    catch {
        return { values: { resolvable: false, addrs: [] } };
    }
};
/** Names in answers end with a dot, as Goss prints them from the wire format ("a.dnstest.io."). */
function fqdn(name) {
    return name.endsWith('.') ? name : `${name}.`;
}
/** One DNS record as Goss prints it (MX "10 mail.example.", SRV "0 5 443 a.example.", TXT joined). */
function recordText(r, rrtype) {
    if (typeof r === 'string')
        return ['CNAME', 'NS', 'PTR'].includes(rrtype) ? fqdn(r) : r;
    if (Array.isArray(r))
        return r.join('');
    if (r && typeof r === 'object') {
        const o = r;
        if ('exchange' in o)
            return `${String(o.priority)} ${fqdn(String(o.exchange))}`;
        if ('name' in o && 'port' in o)
            return `${String(o.priority)} ${String(o.weight)} ${String(o.port)} ${fqdn(String(o.name))}`;
        return JSON.stringify(o);
    }
    return String(r);
}

;// CONCATENATED MODULE: ./shared/audit/resources/package.ts
/** Goss `package`: installed and versions, from the package databases the target holds. */

const observePackage = async (control, target, context) => {
    const all = await cached(context, 'packages', () => target.packages());
    const name = subject(control, 'name');
    const found = all.filter((p) => p.name === name);
    // Goss lists every installed version (multi-arch or multi-version rpm installs).
    return {
        values: { installed: found.length > 0, versions: found.map((p) => p.version) },
        missing: found.length === 0,
    };
};

;// CONCATENATED MODULE: ./shared/audit/resources/index.ts







const OBSERVERS = {
    file: observeFile,
    package: observePackage,
    port: observePort,
    service: observeService,
    user: observeUser,
    group: observeGroup,
    command: observeCommand,
    process: observeProcess,
    'kernel-param': observeKernelParam,
    mount: observeMount,
    interface: observeInterface,
    http: observeHttp,
    addr: observeAddr,
    dns: observeDns,
    matching: observeMatching,
    image: observeImage,
};


/***/ })

};
