export const id = 383;
export const ids = [383];
export const modules = {

/***/ 3067:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ADDABLE_TYPES: () => (/* binding */ ADDABLE_TYPES),
/* harmony export */   addControls: () => (/* binding */ addControls),
/* harmony export */   autoaddControls: () => (/* binding */ autoaddControls),
/* harmony export */   mergeGossfile: () => (/* binding */ mergeGossfile)
/* harmony export */ });
/* harmony import */ var _resources_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2924);

/** The types `add` can write. `matching` has nothing to observe; `image` is not a Goss type. */
const ADDABLE_TYPES = [
    'file',
    'package',
    'user',
    'group',
    'port',
    'process',
    'service',
    'command',
    'dns',
    'addr',
    'http',
    'interface',
    'kernel-param',
    'mount',
];
/** The attributes each type's observer should report, so every value `add` writes is observed. */
const ASK = {
    file: ['exists', 'mode', 'owner', 'group', 'filetype', 'linked-to', 'size'],
    package: ['installed', 'versions'],
    user: ['exists', 'uid', 'gid', 'groups', 'home', 'shell'],
    group: ['exists', 'gid'],
    port: ['listening', 'ip'],
    process: ['running'],
    service: ['enabled', 'running'],
    command: ['exit-status', 'stdout', 'stderr'],
    dns: ['resolvable', 'addrs'],
    addr: ['reachable'],
    http: ['status'],
    interface: ['exists', 'addrs', 'mtu'],
    'kernel-param': ['value'],
    mount: ['exists', 'opts', 'source', 'filesystem'],
};
/** Timeouts Goss writes with the generated control, so the file says how long a probe may take. */
const SETTINGS = {
    command: { timeout: 10000 },
    dns: { timeout: 500 },
    addr: { timeout: 500 },
    http: { 'allow-insecure': false, 'no-follow-redirects': false, timeout: 5000 },
    mount: { timeout: 1000 },
};
async function observe(type, id, target, context) {
    const control = {
        type,
        id,
        meta: {},
        skip: false,
        attributes: Object.fromEntries(ASK[type].map((k) => [k, null])),
        position: { file: '(add)', line: 0, column: 0 },
        attributePositions: {},
    };
    return _resources_index_js__WEBPACK_IMPORTED_MODULE_0__/* .OBSERVERS */ .y[type](control, target, context);
}
/** Turns what was observed into the attributes Goss's `add` writes for that type. */
function attributesFor(type, o) {
    const v = o.values;
    if (o.missing) {
        const gate = type === 'package' ? 'installed' : type === 'kernel-param' ? undefined : 'exists';
        return gate ? { [gate]: false } : {};
    }
    const pick = (keys) => Object.fromEntries(keys.filter((k) => v[k] !== undefined).map((k) => [k, v[k]]));
    switch (type) {
        case 'file': {
            const keys = ['exists', 'mode', 'owner', 'group', 'filetype'];
            if (v.filetype === 'symlink')
                keys.push('linked-to');
            return pick(keys);
        }
        case 'port':
            return v.listening ? pick(['listening', 'ip']) : { listening: false };
        case 'command': {
            // Lines as patterns (each must be found), not one exact string: robust to trailing newlines.
            const lines = (s) => String(s ?? '')
                .split('\n')
                .filter((l) => l !== '');
            const out = { 'exit-status': v['exit-status'] };
            const stdout = lines(v.stdout);
            if (stdout.length > 0 && stdout.length <= 20)
                out.stdout = stdout.map(escapePattern);
            return out;
        }
        case 'dns':
            return v.resolvable ? pick(['resolvable', 'addrs']) : { resolvable: false };
        case 'http':
            return typeof v.status === 'number' ? pick(['status']) : {};
        default:
            return pick(ASK[type]);
    }
}
/** A literal line as a Goss pattern: a leading `!` or `/` would change its meaning, so escape it. */
function escapePattern(line) {
    return /^[!/\\]/.test(line) ? `\\${line}` : line;
}
/** `add TYPE NAME…`: one control per name, whatever the target says (absent things included). */
async function addControls(target, type, names) {
    const context = { cache: new Map() };
    const out = { gossfile: {}, notes: [] };
    for (const name of names) {
        let o;
        try {
            o = await observe(type, name, target, context);
        }
        catch (error) {
            out.notes.push(`${type} ${name}: not added, could not check: ${error.message}`);
            continue;
        }
        if (o.skip) {
            out.notes.push(`${type} ${name}: not added, ${o.skip}`);
            continue;
        }
        if (type === 'http' && typeof o.values.status !== 'number') {
            out.notes.push(`http ${name}: not added, ${String(o.values.status)}`);
            continue;
        }
        (out.gossfile[type] ??= {})[name] = { ...attributesFor(type, o), ...(SETTINGS[type] ?? {}) };
    }
    return out;
}
/**
 * `autoadd NAME`: everything that exists under that name (Goss: a file when the name has a `/`,
 * else group, package, process (and its ports), service and user). Never addr, command, dns, http,
 * interface, kernel-param or mount, "for safety" as Goss says. Types the target cannot answer
 * (a service on an image) are left out with a note.
 */
async function autoaddControls(target, name) {
    const context = { cache: new Map() };
    const out = { gossfile: {}, notes: [] };
    const types = name.includes('/') ? ['file'] : ['group', 'package', 'process', 'service', 'user'];
    for (const type of types) {
        let o;
        try {
            o = await observe(type, name, target, context);
        }
        catch (error) {
            out.notes.push(`${type} ${name}: could not check, ${error.message}`);
            continue;
        }
        if (o.skip) {
            out.notes.push(`${type} ${name}: not looked at, ${o.skip}`);
            continue;
        }
        const exists = !o.missing &&
            (type === 'process'
                ? o.values.running === true
                : type === 'service'
                    ? o.values.enabled === true || o.values.running === true
                    : true);
        if (!exists)
            continue;
        (out.gossfile[type] ??= {})[name] = attributesFor(type, o);
        if (type === 'process' && target.live) {
            // Goss adds the ports the process listens on; telltale's live view has no pid per port, so
            // it says so rather than guessing.
            out.notes.push(`process ${name}: its listening ports are not added (add them with: add port PORT)`);
        }
    }
    return out;
}
/** Merges generated controls into an existing gossfile's data (new ids added, existing ones replaced). */
function mergeGossfile(existing, added) {
    const out = { ...existing };
    for (const [type, resources] of Object.entries(added)) {
        const prev = out[type];
        out[type] = { ...(prev && typeof prev === 'object' && !Array.isArray(prev) ? prev : {}), ...resources };
    }
    return out;
}


/***/ }),

/***/ 9813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W0: () => (/* binding */ isAbsent),
/* harmony export */   g$: () => (/* binding */ tooLarge),
/* harmony export */   tG: () => (/* binding */ MAX_FILE_READ)
/* harmony export */ });
/**
 * The one interface between audit resources and what they inspect. Resources (file, user,
 * package, port, …) ask a target questions; targets (host, image, OCI layout, container) answer
 * them. A new target must never touch a resource file (Goss's resource × system split).
 *
 * Change log for the image engineer (read before relying on a shape):
 * - v1: first version. Shapes below are the contract; extensions will be optional fields only.
 * - v1.1: `LiveSystem.networkProbes` (optional).
 * - v1.2: `stat` rejects for anything but "no such file" (EACCES, ELOOP, EIO); `readFile` takes
 *   `maxBytes` and rejects larger files with code EFBIG.
 */
/** The largest file a control reads whole (contents, digests): past it, "could not check: too large". */
const MAX_FILE_READ = 64 * 1024 * 1024;
/** The error of a read refused for size: the control says it could not check, never pass or fail. */
function tooLarge(path, size, limit) {
    return Object.assign(new Error(`could not check: ${path} is too large to read (${size} bytes; telltale reads at most ${limit})`), { code: 'EFBIG' });
}
/** "No such file": the only read errors that mean absence (a missing component, or one not a directory). */
function isAbsent(error) {
    const code = error?.code;
    return code === 'ENOENT' || code === 'ENOTDIR';
}


/***/ })

};
