export const id = 778;
export const ids = [778];
export const modules = {

/***/ 9778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseGoDuration: () => (/* binding */ parseGoDuration),
/* harmony export */   uf: () => (/* binding */ parseControls),
/* harmony export */   yy: () => (/* binding */ SETTINGS)
/* harmony export */ });
/* unused harmony export RESOURCE_ATTRIBUTES */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1472);
/* harmony import */ var _matchers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6825);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8303);
/**
 * Reads a Goss-compatible controls file into `Control`s, keeping each control's line and column so
 * SARIF and annotations point at it. Strict where Goss is lax: an unknown resource type, attribute
 * or matcher is an `InputError` with file:line:column, never a silent pass. Goss ignores unknown
 * top-level keys; we only accept the documented ones plus telltale's `image:` section. YAML anchors,
 * aliases and `<<` merge keys are expanded before the controls are read.
 */




/**
 * Attributes each resource type accepts, as Goss's docs/gossfile.md names them (the identity
 * overrides `path`, `username`, `name`, … included), plus `image`, telltale's own section.
 */
const RESOURCE_ATTRIBUTES = {
    file: [
        'exists',
        'path',
        'mode',
        'size',
        'owner',
        'uid',
        'group',
        'gid',
        'filetype',
        'contents',
        'contains',
        'md5',
        'sha256',
        'sha512',
        'linked-to',
    ],
    package: ['installed', 'name', 'versions'],
    port: ['listening', 'port', 'ip'],
    service: ['enabled', 'running', 'runlevels', 'name'],
    user: ['exists', 'username', 'uid', 'gid', 'groups', 'home', 'shell'],
    group: ['exists', 'groupname', 'gid'],
    command: ['exit-status', 'stdout', 'stderr', 'timeout', 'exec'],
    process: ['running', 'comm'],
    'kernel-param': ['value', 'name'],
    mount: ['exists', 'mountpoint', 'opts', 'vfs-opts', 'source', 'filesystem', 'usage', 'timeout'],
    interface: ['exists', 'name', 'addrs', 'mtu'],
    http: [
        'status',
        'allow-insecure',
        'no-follow-redirects',
        'timeout',
        'body',
        'headers',
        'request-headers',
        'method',
        'request-body',
        'username',
        'password',
        'url',
        'ca-file',
        'cert-file',
        'key-file',
        'proxy',
    ],
    addr: ['reachable', 'address', 'timeout', 'local-address'],
    dns: ['resolvable', 'resolveable', 'resolve', 'addrs', 'timeout', 'server'],
    matching: ['content', 'matches', 'as-reader'],
    image: ['user', 'env', 'exposed-ports', 'entrypoint', 'cmd', 'workdir', 'labels'],
    gossfile: [],
};
/** Settings that configure how a resource is probed rather than asserting anything about it. */
const SETTINGS = new Set([
    'timeout',
    'exec',
    'allow-insecure',
    'no-follow-redirects',
    'request-headers',
    'method',
    'request-body',
    'username',
    'password',
    'url',
    'server',
    'local-address',
    'content',
    'as-reader',
    'ca-file',
    'cert-file',
    'key-file',
    'proxy',
    // Identity overrides: which thing to look at when the key is only a label (docs/gossfile.md
    // "defaults to hash key").
    'path',
    'name',
    'groupname',
    'mountpoint',
    'port',
    'comm',
    'address',
    'resolve',
]);
/**
 * `username` is an identity override on `user` and a credential on `http`: a setting either way.
 * `retry_count`/`retry_delay` (resource/retry.go) re-run a resource until it passes.
 */
const COMMON = new Set(['title', 'meta', 'skip', 'retry_count', 'retry_delay']);
/** Windows-only Goss resources: refused with a message instead of an "unknown type". */
const WINDOWS_ONLY = new Set(['registry']);
/**
 * Attributes whose plain scalars are taken as written: an all-digit digest read as a number loses
 * digits. `mode` is taken as written when it has a leading zero (`0644`, which YAML 1.2 would read as
 * 644); `mode: 640` stays a number and compares numerically with "0640", as Goss's ToNumeric does.
 */
const VERBATIM = new Set(['md5', 'sha256', 'sha512']);
/** Parses one controls document. Pure: includes are returned, not followed. */
function parseControls(text, file) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    // merge: YAML `<<: *base` merge keys, which gossfiles use with anchors to share attributes.
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter, uniqueKeys: false, merge: true, prettyErrors: false });
    const pos = (node) => {
        const offset = node?.range?.[0] ?? 0;
        const lp = lineCounter.linePos(offset);
        return { file, line: lp.line, column: lp.col };
    };
    const firstError = doc.errors[0];
    if (firstError) {
        const lp = lineCounter.linePos(firstError.pos[0]);
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError(`the controls file is not valid YAML: ${firstError.message.split('\n')[0]}`, {
            location: { file, line: lp.line, column: lp.col },
            hint: 'check the indentation and quoting near this line',
        });
    }
    const out = { controls: [], includes: [], warnings: [] };
    if (doc.contents === null || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(doc.contents) && doc.contents.value === null))
        return out;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(doc.contents)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError('a controls file is a map of resource types (file:, package:, …)', {
            location: pos(doc.contents),
        });
    }
    // Aliases and merge keys are expanded by the YAML library; the alias count is bounded so a
    // "billion laughs" file is an error, not a hang.
    let js;
    try {
        js = (doc.toJS({ maxAliasCount: 1000 }) ?? {});
    }
    catch (error) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError(`the controls file cannot be expanded: ${error.message}`, {
            location: { file, line: 1, column: 1 },
        });
    }
    const resolve = (node) => node && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node) ? node.resolve(doc) : node;
    const topPairs = new Map();
    for (const typePair of doc.contents.items) {
        const typeName = String(keyValue(typePair));
        if (topPairs.has(typeName)) {
            // Goss (docs/gossfile.md "Important note about goss file format"): the later block replaces
            // the earlier one. Read the same way, and said.
            const first = pos(topPairs.get(typeName).key);
            out.warnings.push(`${file}:${pos(typePair.key).line}: '${typeName}:' appears again (first at line ${first.line}); as in Goss, only the last '${typeName}:' block is used`);
        }
        topPairs.set(typeName, typePair);
    }
    for (const [typeName, typePair] of topPairs) {
        const typePos = pos(typePair.key);
        const typeValue = js[typeName];
        if (typeName === 'image') {
            out.controls.push(buildControl('image', 'config', typeValue, mapPairs(resolve(typePair.value), resolve), typePos, pos, file));
            continue;
        }
        if (WINDOWS_ONLY.has(typeName)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError(`'${typeName}' is a Windows-only Goss resource; telltale audits Linux hosts and images`, {
                location: { ...typePos, field: typeName },
                hint: 'keep Windows checks in a separate gossfile for Goss on Windows',
            });
        }
        if (typeName !== 'gossfile' && !_model_js__WEBPACK_IMPORTED_MODULE_3__/* .RESOURCE_TYPES */ .Rx.includes(typeName)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError(`unknown resource type '${typeName}'`, {
                location: { ...typePos, field: typeName },
                hint: `known types: ${[..._model_js__WEBPACK_IMPORTED_MODULE_3__/* .RESOURCE_TYPES */ .Rx, 'gossfile', 'image'].join(', ')}`,
            });
        }
        if (typeValue === null || typeValue === undefined)
            continue;
        if (!isPlainObject(typeValue)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError(`'${typeName}' holds a map of resources keyed by id`, {
                location: { ...pos(typePair.value), field: typeName },
            });
        }
        const resNode = resolve(typePair.value);
        checkUniqueKeys(resNode, pos, typeName);
        const resPairs = mapPairs(resNode, resolve);
        for (const [id, attrs] of Object.entries(typeValue)) {
            const resPair = resPairs.get(id);
            const resPos = resPair ? pos(resPair.key) : typePos;
            if (typeName === 'gossfile') {
                const a = isPlainObject(attrs) ? attrs : {};
                for (const k of Object.keys(a)) {
                    if (!['skip', 'title', 'meta', 'file', 'path'].includes(k)) {
                        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError(`unknown attribute '${k}' for gossfile`, {
                            location: { ...resPos, field: `gossfile.${id}.${k}` },
                            hint: 'gossfile accepts: file, skip, title, meta',
                        });
                    }
                }
                // docs/gossfile.md "gossfile": the file is the key, or the `file` attribute.
                const named = typeof a.file === 'string' ? a.file : typeof a.path === 'string' ? a.path : id;
                out.includes.push({ pattern: named, skip: a.skip === true, position: resPos });
                continue;
            }
            out.controls.push(buildControl(typeName, id, attrs, mapPairs(resolve(resPair?.value), resolve), resPos, pos, file));
        }
    }
    return out;
}
/** Map pairs of an AST node by key (after alias resolution), for positions and verbatim sources. */
function mapPairs(node, resolve) {
    const m = new Map();
    const n = resolve(node);
    if (n && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(n))
        for (const p of n.items)
            m.set(String(keyValue(p)), p);
    return m;
}
/** A resource repeated under its type is a mistake Goss would hide (the last wins): an error here. */
function checkUniqueKeys(node, pos, typeName) {
    if (!node || !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node))
        return;
    const seen = new Set();
    for (const p of node.items) {
        const k = String(keyValue(p));
        if (k === '<<')
            continue;
        if (seen.has(k))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError(`Map keys must be unique: '${k}' is repeated under '${typeName}'`, {
                location: { ...pos(p.key), field: `${typeName}.${k}` },
                hint: 'merge the two entries into one',
            });
        seen.add(k);
    }
}
function buildControl(type, id, value, pairs, position, pos, file) {
    const control = { type, id, meta: {}, skip: false, attributes: {}, position, attributePositions: {} };
    if (value === null || value === undefined)
        return control;
    if (!isPlainObject(value)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError(`${type} '${id}' must be a map of attributes`, {
            location: { ...position, field: `${type}.${id}` },
        });
    }
    const allowed = RESOURCE_ATTRIBUTES[type];
    for (const [key, raw] of Object.entries(value)) {
        const pair = pairs.get(key);
        const keyPos = pair ? pos(pair.key) : position;
        const field = `${type}.${id}.${key}`;
        const node = pair?.value;
        const source = node && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && typeof node.source === 'string' ? node.source : undefined;
        const v = source !== undefined && (VERBATIM.has(key) || (key === 'mode' && /^0\d+$/.test(source))) ? source : raw;
        if (COMMON.has(key)) {
            if (key === 'title')
                control.title = String(v);
            else if (key === 'skip')
                control.skip = v === true;
            else if (key === 'meta')
                control.meta = checkMeta(v, { ...keyPos, field });
            else
                control.retry = { ...control.retry, ...retrySetting(key, v, { ...keyPos, field }) };
            continue;
        }
        if (!allowed.includes(key)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError(`unknown attribute '${key}' for ${type}`, {
                location: { ...keyPos, file, field },
                hint: `${type} accepts: ${[...allowed, 'title', 'meta', 'skip', 'retry_count', 'retry_delay'].join(', ')}`,
            });
        }
        const problem = SETTINGS.has(key)
            ? undefined
            : type === 'image' && (key === 'env' || key === 'labels') && isKeyedMap(v)
                ? Object.values(v).map(_matchers_js__WEBPACK_IMPORTED_MODULE_2__/* .checkMatcher */ .VH).find(Boolean)
                : (0,_matchers_js__WEBPACK_IMPORTED_MODULE_2__/* .checkMatcher */ .VH)(v);
        if (problem)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError(problem, { location: { ...(node ? pos(node) : keyPos), field } });
        control.attributes[key] = v;
        control.attributePositions[key] = keyPos;
    }
    if (type === 'command' || type === 'http' || type === 'addr' || type === 'dns' || type === 'mount') {
        const t = control.attributes.timeout;
        if (t !== undefined && (typeof t !== 'number' || t <= 0)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError(`timeout is milliseconds, a positive number`, {
                location: { ...position, field: `${type}.${id}.timeout` },
            });
        }
    }
    return control;
}
/** resource/retry.go: retry_count is a count; retry_delay milliseconds or a Go duration ("2s"). */
function retrySetting(key, value, location) {
    if (key === 'retry_count') {
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 1000)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError('retry_count is a whole number from 0 to 1000', { location });
        return { count: value };
    }
    const ms = typeof value === 'number' ? value : typeof value === 'string' ? parseGoDuration(value) : undefined;
    if (ms === undefined || ms < 0 || ms > 3_600_000)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError('retry_delay is milliseconds or a duration such as 500ms, 2s, 1m (at most 1h)', { location });
    return { delayMs: ms };
}
/** Go's time.ParseDuration for the units a delay uses (ns, us, ms, s, m, h), or a bare number of ms. */
function parseGoDuration(text) {
    const t = text.trim();
    if (t === '')
        return 0;
    if (/^\d+(\.\d+)?$/.test(t))
        return Number(t);
    const unit = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
    let total = 0;
    const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
    let m;
    let at = 0;
    while ((m = re.exec(t)) !== null) {
        total += Number(m[1]) * unit[m[2]];
        at = re.lastIndex;
    }
    return at === t.length && at > 0 ? total : undefined;
}
/** `env: {PATH: …, LANG: …}`: a map of names to matchers, not a matcher map itself. */
function isKeyedMap(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) && !(0,_matchers_js__WEBPACK_IMPORTED_MODULE_2__/* .isMatcherMap */ .BY)(value);
}
function checkMeta(value, location) {
    if (value === null || value === undefined)
        return {};
    if (typeof value !== 'object' || Array.isArray(value))
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError('meta is a map', { location });
    const meta = value;
    if (meta.impact !== undefined && (typeof meta.impact !== 'number' || meta.impact < 0 || meta.impact > 1)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError('meta.impact is a number from 0 to 1 (as InSpec)', { location });
    }
    if (meta.tags !== undefined && (!Array.isArray(meta.tags) || meta.tags.some((t) => typeof t !== 'string'))) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError('meta.tags is a list of strings', { location });
    }
    if (meta.id !== undefined && typeof meta.id !== 'string')
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError('meta.id is a string', { location });
    return meta;
}
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function keyValue(pair) {
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? pair.key.value : String(pair.key);
}


/***/ }),

/***/ 8303:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IC: () => (/* binding */ ruleId),
/* harmony export */   Rx: () => (/* binding */ RESOURCE_TYPES),
/* harmony export */   eh: () => (/* binding */ summarize)
/* harmony export */ });
/** The plain data an audit run passes around: controls as parsed, and results as judged. */
const RESOURCE_TYPES = [
    'file',
    'package',
    'port',
    'service',
    'user',
    'group',
    'command',
    'process',
    'kernel-param',
    'mount',
    'interface',
    'http',
    'addr',
    'dns',
    'matching',
];
/** The stable rule id of a control: `meta.id` when given, else `<type>:<id>`. */
function ruleId(c) {
    return typeof c.meta.id === 'string' && c.meta.id ? c.meta.id : `${c.type}:${c.id}`;
}
function summarize(results, durationMs) {
    const s = { controls: 0, passed: 0, failed: 0, skipped: 0, errored: 0, durationMs };
    const controls = new Set();
    for (const r of results) {
        controls.add(`${r.type}\u0000${r.id}\u0000${r.controlPosition.file}:${r.controlPosition.line}:${r.controlPosition.column}`);
        if (r.status === 'passed')
            s.passed++;
        else if (r.status === 'failed')
            s.failed++;
        else if (r.status === 'skipped')
            s.skipped++;
        else
            s.errored++;
    }
    s.controls = controls.size;
    return s;
}


/***/ })

};
