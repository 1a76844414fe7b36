export const id = 270;
export const ids = [270,778];
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

/***/ 4270:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v: () => (/* binding */ loadControls),
  renderControls: () => (/* binding */ renderControls)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(6448);
// EXTERNAL MODULE: ./shared/util/errors.ts
var errors = __webpack_require__(1472);
// EXTERNAL MODULE: ./shared/audit/controls.ts
var audit_controls = __webpack_require__(9778);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./shared/audit/matchers.ts + 1 modules
var matchers = __webpack_require__(6825);
;// CONCATENATED MODULE: ./shared/audit/template/values.ts
/**
 * Values as Go's fmt prints them with %v (what `{{.x}}` writes): strings as they are, integers
 * without a decimal point, floats in the shortest form with Go's exponent style, lists as
 * `[a b c]`, maps as `map[k:v]` with sorted keys, nil as `<no value>`.
 */
function formatValue(v) {
    if (v === undefined || v === null)
        return '<no value>';
    return fmt(v);
}
function fmt(v) {
    if (v === undefined || v === null)
        return '<nil>';
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number')
        return goFloat(v);
    if (typeof v === 'boolean')
        return String(v);
    if (Array.isArray(v))
        return `[${v.map(fmt).join(' ')}]`;
    if (typeof v === 'object')
        return `map[${Object.keys(v)
            .sort()
            .map((k) => `${k}:${fmt(v[k])}`)
            .join(' ')}]`;
    return String(v);
}
/** strconv.FormatFloat(f, 'g', -1, 64) as %v uses it: exponent below 1e-4 or from 1e21. */
function goFloat(n) {
    if (Number.isInteger(n) && Math.abs(n) < 1e21)
        return String(n);
    if (!Number.isFinite(n))
        return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
    const abs = Math.abs(n);
    if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) {
        const [mant, exp] = n.toExponential().split('e');
        const e = Number(exp);
        return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
    }
    return String(n);
}

;// CONCATENATED MODULE: ./shared/audit/template/functions.ts
/**
 * The functions a gossfile template can call (docs/gossfile.md "Templates"):
 * - Go text/template's built-ins (pkg.go.dev/text/template#hdr-Functions);
 * - Goss's own (template.go): mkSlice, getEnv, readFile, regexMatch, toUpper, toLower,
 *   findStringSubmatch — which take precedence over Sprig's of the same name, as in Goss;
 * - the Sprig functions (masterminds.github.io/sprig) that gossfiles use: strings, lists, dicts,
 *   defaults, math, encoding and regexes. Every regex is Go RE2 syntax run in linear time.
 * A name not in this table is refused when the template is parsed, with its location.
 */



/** The function a template names, if it is one of ours (never a property of Object.prototype). */
function lookupFunction(name) {
    return Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
}
/** Go's truth (text/template "if"): false, 0, nil, and empty strings, lists and maps are false. */
function isTruthy(v) {
    if (v === null || v === undefined || v === false || v === 0 || v === '')
        return false;
    if (Array.isArray(v))
        return v.length > 0;
    if (typeof v === 'object')
        return Object.keys(v).length > 0;
    return true;
}
const str = (v) => (typeof v === 'string' ? v : formatValue(v === undefined ? null : v));
const num = (v, what) => {
    if (typeof v === 'number')
        return v;
    if (typeof v === 'string' && /^\s*[-+]?\d+(\.\d+)?\s*$/.test(v))
        return Number(v);
    if (typeof v === 'boolean')
        return v ? 1 : 0;
    if (v === null || v === undefined)
        return 0;
    throw new Error(`${what}: expected a number, got ${formatValue(v)}`);
};
const list = (v, what) => {
    if (Array.isArray(v))
        return v;
    if (v === null || v === undefined)
        return [];
    throw new Error(`${what}: expected a list, got ${formatValue(v)}`);
};
const dict = (v, what) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
        return v;
    throw new Error(`${what}: expected a map, got ${formatValue(v)}`);
};
const arity = (name, args, min, max = min) => {
    if (args.length < min || args.length > max)
        throw new Error(`wrong number of args for ${name}: want ${min === max ? min : `${min}-${max}`} got ${args.length}`);
};
const regex = (source) => {
    const re = (0,matchers/* compileGoRegex */.lX)(str(source));
    if (typeof re === 'string')
        throw new Error(re);
    return re;
};
/** Go's comparison rules for eq/lt…: basic kinds only, and of the same kind. */
function compare(a, b, name) {
    const kind = (v) => typeof v === 'number'
        ? 'number'
        : typeof v === 'string'
            ? 'string'
            : typeof v === 'boolean'
                ? 'bool'
                : v === null || v === undefined
                    ? 'nil'
                    : 'other';
    const ka = kind(a);
    const kb = kind(b);
    if (ka === 'other' || kb === 'other')
        throw new Error(`${name}: can only compare basic types`);
    if (ka !== kb)
        throw new Error(`${name}: incompatible types for comparison`);
    if (ka === 'nil')
        return 0;
    if (ka === 'bool') {
        if (name !== 'eq' && name !== 'ne')
            throw new Error(`${name}: invalid type for comparison`);
        return a === b ? 0 : 1;
    }
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Go's fmt.Sprint: a space between operands when neither side is a string. */
function sprint(args) {
    let out = '';
    args.forEach((a, i) => {
        if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string')
            out += ' ';
        out += formatValue(a);
    });
    return out;
}
/** The fmt verbs templates use: %s %v %d %q %f %x %X %t %%, with width and precision. */
function sprintf(format, args) {
    let n = 0;
    return format.replace(/%([-+ 0#]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g, (_m, flags, width, prec, verb) => {
        if (verb === '%')
            return '%';
        if (n >= args.length)
            return `%!${verb}(MISSING)`;
        const a = args[n++];
        let s;
        switch (verb) {
            case 's':
            case 'v':
                s = formatValue(a);
                if (prec !== undefined)
                    s = s.slice(0, Number(prec));
                break;
            case 'd':
                s = typeof a === 'number' ? String(Math.trunc(a)) : `%!d(${formatValue(a)})`;
                break;
            case 'q':
                s = JSON.stringify(str(a));
                break;
            case 'f':
            case 'F':
                s = typeof a === 'number' ? a.toFixed(prec === undefined ? 6 : Number(prec)) : `%!f(${formatValue(a)})`;
                break;
            case 'x':
            case 'X':
                s = typeof a === 'number' ? Math.trunc(a).toString(16) : Buffer.from(str(a)).toString('hex');
                if (verb === 'X')
                    s = s.toUpperCase();
                break;
            case 't':
                s = typeof a === 'boolean' ? String(a) : `%!t(${formatValue(a)})`;
                break;
            default:
                s = `%!${verb}(${formatValue(a)})`;
        }
        if (width !== undefined && s.length < Number(width)) {
            const pad = (flags.includes('0') && !flags.includes('-') ? '0' : ' ').repeat(Number(width) - s.length);
            s = flags.includes('-') ? s + pad : pad + s;
        }
        return s;
    });
}
const sortedKeys = (m) => Object.keys(m).sort();
const FUNCTIONS = {
    // ---- Go text/template built-ins ----
    and: () => undefined, // evaluated lazily by the renderer
    or: () => undefined,
    not: (a) => (arity('not', a, 1), !isTruthy(a[0])),
    len: (a) => {
        arity('len', a, 1);
        const v = a[0];
        if (typeof v === 'string')
            return Buffer.byteLength(v);
        if (Array.isArray(v))
            return v.length;
        if (v !== null && typeof v === 'object')
            return Object.keys(v).length;
        throw new Error(`len of ${formatValue(v)}`);
    },
    index: (a) => {
        if (a.length < 1)
            throw new Error('wrong number of args for index');
        let v = a[0];
        for (const k of a.slice(1)) {
            if (Array.isArray(v)) {
                const i = num(k, 'index');
                if (!Number.isInteger(i) || i < 0 || i >= v.length)
                    throw new Error(`index out of range: ${formatValue(k)}`);
                v = v[i];
            }
            else if (v !== null && typeof v === 'object') {
                // A missing key gives the zero value, not an error (index is not a field access).
                v = v[str(k)] ?? null;
            }
            else if (v === null || v === undefined)
                throw new Error('index of untyped nil');
            else
                throw new Error(`can't index item of type ${typeof v}`);
        }
        return v;
    },
    slice: (a) => {
        const [v, ...ix] = a;
        const i = ix.length > 0 ? num(ix[0], 'slice') : 0;
        if (typeof v === 'string')
            return v.slice(i, ix.length > 1 ? num(ix[1], 'slice') : undefined);
        return list(v, 'slice').slice(i, ix.length > 1 ? num(ix[1], 'slice') : undefined);
    },
    print: (a) => sprint(a),
    println: (a) => `${a.map((x) => formatValue(x)).join(' ')}\n`,
    printf: (a) => sprintf(str(a[0]), a.slice(1)),
    eq: (a) => {
        if (a.length < 2)
            throw new Error('missing argument for comparison');
        return a.slice(1).some((b) => compare(a[0], b, 'eq') === 0);
    },
    ne: (a) => (arity('ne', a, 2), compare(a[0], a[1], 'ne') !== 0),
    lt: (a) => (arity('lt', a, 2), compare(a[0], a[1], 'lt') < 0),
    le: (a) => (arity('le', a, 2), compare(a[0], a[1], 'le') <= 0),
    gt: (a) => (arity('gt', a, 2), compare(a[0], a[1], 'gt') > 0),
    ge: (a) => (arity('ge', a, 2), compare(a[0], a[1], 'ge') >= 0),
    html: (a) => sprint(a).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' })[c]),
    js: (a) => JSON.stringify(sprint(a)).slice(1, -1).replace(/</g, '\\u003C').replace(/>/g, '\\u003E').replace(/'/g, "\\'"),
    urlquery: (a) => encodeURIComponent(sprint(a)).replace(/%20/g, '+'),
    // ---- Goss's own (template.go) ----
    mkSlice: (a) => [...a],
    getEnv: (a, ctx) => {
        arity('getEnv', a, 1, 2);
        const v = ctx.env[str(a[0])] ?? '';
        return v === '' && a.length > 1 ? str(a[1]) : v;
    },
    readFile: (a, ctx) => (arity('readFile', a, 1), ctx.readFile(str(a[0])).trim()),
    regexMatch: (a) => (arity('regexMatch', a, 2), regex(a[0]).test(str(a[1]))),
    toUpper: (a) => (arity('toUpper', a, 1), str(a[0]).toUpperCase()),
    toLower: (a) => (arity('toLower', a, 1), str(a[0]).toLowerCase()),
    findStringSubmatch: (a) => {
        arity('findStringSubmatch', a, 2);
        const m = regex(a[0]).matcher(str(a[1]));
        if (!m.find())
            return [];
        const out = [];
        for (let i = 0; i <= m.groupCount(); i++)
            out.push(m.group(i) ?? '');
        return out;
    },
    // ---- Sprig: strings ----
    upper: (a) => str(a[0]).toUpperCase(),
    lower: (a) => str(a[0]).toLowerCase(),
    title: (a) => str(a[0]).replace(/(^|[\s])(\p{L})/gu, (_m, s, c) => s + c.toUpperCase()),
    trim: (a) => str(a[0]).trim(),
    trimAll: (a) => {
        const cut = [...str(a[0])];
        let s = str(a[1]);
        while (s && cut.includes(s[0]))
            s = s.slice(1);
        while (s && cut.includes(s.at(-1)))
            s = s.slice(0, -1);
        return s;
    },
    trimPrefix: (a) => (str(a[1]).startsWith(str(a[0])) ? str(a[1]).slice(str(a[0]).length) : str(a[1])),
    trimSuffix: (a) => str(a[0]) !== '' && str(a[1]).endsWith(str(a[0])) ? str(a[1]).slice(0, -str(a[0]).length) : str(a[1]),
    replace: (a) => (arity('replace', a, 3), str(a[2]).split(str(a[0])).join(str(a[1]))),
    repeat: (a) => {
        const n = num(a[0], 'repeat');
        if (n < 0 || n * str(a[1]).length > 16 * 1024 * 1024)
            throw new Error('repeat: count out of range');
        return str(a[1]).repeat(n);
    },
    substr: (a) => str(a[2]).slice(num(a[0], 'substr'), num(a[1], 'substr') < 0 ? undefined : num(a[1], 'substr')),
    trunc: (a) => {
        const n = num(a[0], 'trunc');
        const s = str(a[1]);
        return n >= 0 ? s.slice(0, n) : s.slice(n);
    },
    nospace: (a) => str(a[0]).replace(/\s+/g, ''),
    contains: (a) => (arity('contains', a, 2), str(a[1]).includes(str(a[0]))),
    hasPrefix: (a) => (arity('hasPrefix', a, 2), str(a[1]).startsWith(str(a[0]))),
    hasSuffix: (a) => (arity('hasSuffix', a, 2), str(a[1]).endsWith(str(a[0]))),
    quote: (a) => a
        .filter((x) => x !== null && x !== undefined)
        .map((x) => JSON.stringify(str(x)))
        .join(' '),
    squote: (a) => a
        .filter((x) => x !== null && x !== undefined)
        .map((x) => `'${str(x)}'`)
        .join(' '),
    cat: (a) => a
        .filter((x) => x !== null && x !== undefined)
        .map(str)
        .join(' '),
    indent: (a) => {
        const pad = ' '.repeat(num(a[0], 'indent'));
        return pad + str(a[1]).replace(/\n/g, `\n${pad}`);
    },
    nindent: (a) => {
        const pad = ' '.repeat(num(a[0], 'nindent'));
        return `\n${pad}${str(a[1]).replace(/\n/g, `\n${pad}`)}`;
    },
    split: (a) => Object.fromEntries(str(a[1])
        .split(str(a[0]))
        .map((p, i) => [`_${i}`, p])),
    splitList: (a) => (arity('splitList', a, 2), str(a[1]).split(str(a[0]))),
    join: (a) => (arity('join', a, 2), list(a[1], 'join').map(str).join(str(a[0]))),
    toString: (a) => str(a[0]),
    toStrings: (a) => list(a[0], 'toStrings').map(str),
    toJson: (a) => JSON.stringify(a[0] ?? null),
    toPrettyJson: (a) => JSON.stringify(a[0] ?? null, null, 2),
    fromJson: (a) => {
        try {
            return JSON.parse(str(a[0]));
        }
        catch {
            return {};
        }
    },
    b64enc: (a) => Buffer.from(str(a[0])).toString('base64'),
    b64dec: (a) => Buffer.from(str(a[0]), 'base64').toString('utf8'),
    sha256sum: (a) => (0,external_node_crypto_.createHash)('sha256').update(str(a[0])).digest('hex'),
    sha1sum: (a) => (0,external_node_crypto_.createHash)('sha1').update(str(a[0])).digest('hex'),
    env: (a, ctx) => ctx.env[str(a[0])] ?? '',
    expandenv: (a, ctx) => str(a[0]).replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, x, y) => ctx.env[(x ?? y)] ?? ''),
    // ---- Sprig: regexes (Go RE2, linear time) ----
    regexFind: (a) => {
        const m = regex(a[0]).matcher(str(a[1]));
        return m.find() ? (m.group(0) ?? '') : '';
    },
    regexFindAll: (a) => {
        const m = regex(a[0]).matcher(str(a[1]));
        const limit = a.length > 2 ? num(a[2], 'regexFindAll') : -1;
        const out = [];
        while ((limit < 0 || out.length < limit) && m.find())
            out.push(m.group(0) ?? '');
        return out;
    },
    regexReplaceAll: (a) => regex(a[0]).matcher(str(a[1])).replaceAll(str(a[2])),
    regexReplaceAllLiteral: (a) => regex(a[0]).matcher(str(a[1])).replaceAll(str(a[2]).replace(/\$/g, '\\$')),
    regexSplit: (a) => {
        const parts = regex(a[0]).split(str(a[1]));
        const n = a.length > 2 ? num(a[2], 'regexSplit') : -1;
        return n < 0 ? parts : parts.slice(0, n);
    },
    // ---- Sprig: defaults and flow ----
    default: (a) => (arity('default', a, 1, 2), a.length < 2 || !isTruthy(a[1]) ? a[0] : a[1]),
    empty: (a) => !isTruthy(a[0]),
    coalesce: (a) => a.find(isTruthy) ?? null,
    ternary: (a) => (arity('ternary', a, 3), isTruthy(a[2]) ? a[0] : a[1]),
    fail: (a) => {
        throw new Error(str(a[0]));
    },
    // ---- Sprig: math ----
    atoi: (a) => {
        const n = Number.parseInt(str(a[0]), 10);
        return Number.isNaN(n) ? 0 : n;
    },
    int: (a) => Math.trunc(num(a[0], 'int')),
    int64: (a) => Math.trunc(num(a[0], 'int64')),
    float64: (a) => num(a[0], 'float64'),
    add: (a) => a.reduce((s, x) => s + num(x, 'add'), 0),
    add1: (a) => num(a[0], 'add1') + 1,
    sub: (a) => num(a[0], 'sub') - num(a[1], 'sub'),
    mul: (a) => a.reduce((s, x) => s * num(x, 'mul'), 1),
    div: (a) => {
        const d = num(a[1], 'div');
        if (d === 0)
            throw new Error('integer divide by zero');
        return Math.trunc(num(a[0], 'div') / d);
    },
    mod: (a) => {
        const d = num(a[1], 'mod');
        if (d === 0)
            throw new Error('integer divide by zero');
        return num(a[0], 'mod') % d;
    },
    max: (a) => Math.max(...a.map((x) => num(x, 'max'))),
    min: (a) => Math.min(...a.map((x) => num(x, 'min'))),
    until: (a) => {
        const n = num(a[0], 'until');
        if (Math.abs(n) > 1_000_000)
            throw new Error('until: count too large');
        return Array.from({ length: Math.abs(n) }, (_v, i) => (n < 0 ? -i : i));
    },
    untilStep: (a) => {
        const [start, stop, step] = [num(a[0], 'untilStep'), num(a[1], 'untilStep'), num(a[2], 'untilStep')];
        if (step === 0 || Math.abs((stop - start) / step) > 1_000_000)
            return [];
        const out = [];
        for (let i = start; step > 0 ? i < stop : i > stop; i += step)
            out.push(i);
        return out;
    },
    seq: (a) => {
        const nums = a.map((x) => num(x, 'seq'));
        const [start, step, end] = nums.length === 1
            ? [1, 1, nums[0]]
            : nums.length === 2
                ? [nums[0], nums[0] <= nums[1] ? 1 : -1, nums[1]]
                : [nums[0], nums[1], nums[2]];
        if (step === 0 || Math.abs((end - start) / step) > 1_000_000)
            return '';
        const out = [];
        for (let i = start; step > 0 ? i <= end : i >= end; i += step)
            out.push(goFloat(i));
        return out.join(' ');
    },
    // ---- Sprig: lists ----
    list: (a) => [...a],
    first: (a) => list(a[0], 'first')[0] ?? null,
    last: (a) => list(a[0], 'last').at(-1) ?? null,
    rest: (a) => list(a[0], 'rest').slice(1),
    initial: (a) => list(a[0], 'initial').slice(0, -1),
    append: (a) => [...list(a[0], 'append'), a[1]],
    push: (a) => [...list(a[0], 'push'), a[1]],
    prepend: (a) => [a[1], ...list(a[0], 'prepend')],
    concat: (a) => a.flatMap((x) => list(x, 'concat')),
    reverse: (a) => [...list(a[0], 'reverse')].reverse(),
    uniq: (a) => {
        const out = [];
        for (const x of list(a[0], 'uniq'))
            if (!out.some((y) => JSON.stringify(y) === JSON.stringify(x)))
                out.push(x);
        return out;
    },
    compact: (a) => list(a[0], 'compact').filter(isTruthy),
    has: (a) => list(a[1], 'has').some((x) => JSON.stringify(x) === JSON.stringify(a[0])),
    sortAlpha: (a) => list(a[0], 'sortAlpha').map(str).sort(),
    without: (a) => list(a[0], 'without').filter((x) => !a.slice(1).some((y) => JSON.stringify(x) === JSON.stringify(y))),
    // ---- Sprig: dicts ----
    dict: (a) => {
        const out = {};
        for (let i = 0; i < a.length; i += 2)
            out[str(a[i])] = a[i + 1] ?? '';
        return out;
    },
    get: (a) => (arity('get', a, 2), dict(a[0], 'get')[str(a[1])] ?? ''),
    set: (a) => {
        arity('set', a, 3);
        const m = dict(a[0], 'set');
        m[str(a[1])] = a[2];
        return m;
    },
    unset: (a) => {
        const m = dict(a[0], 'unset');
        delete m[str(a[1])];
        return m;
    },
    hasKey: (a) => (arity('hasKey', a, 2), Object.hasOwn(dict(a[0], 'hasKey'), str(a[1]))),
    keys: (a) => a.flatMap((m) => sortedKeys(dict(m, 'keys'))),
    values: (a) => {
        const m = dict(a[0], 'values');
        return sortedKeys(m).map((k) => m[k]);
    },
    pick: (a) => {
        const m = dict(a[0], 'pick');
        return Object.fromEntries(a
            .slice(1)
            .map(str)
            .filter((k) => Object.hasOwn(m, k))
            .map((k) => [k, m[k]]));
    },
    omit: (a) => {
        const m = dict(a[0], 'omit');
        const drop = new Set(a.slice(1).map(str));
        return Object.fromEntries(Object.entries(m).filter(([k]) => !drop.has(k)));
    },
    merge: (a) => {
        const dst = dict(a[0], 'merge');
        for (const src of a.slice(1))
            for (const [k, v] of Object.entries(dict(src, 'merge')))
                if (!(k in dst))
                    dst[k] = v;
        return dst;
    },
};

;// CONCATENATED MODULE: ./shared/audit/template/parse.ts
/**
 * A parser for the part of Go's text/template (pkg.go.dev/text/template) that gossfiles use: text,
 * `{{pipeline}}` actions with `{{-`/`-}}` trimming and comments (a slash-star pair inside the braces), `if`/`else if`/`else`,
 * `range` (with `$i, $v :=`, `else`, `break`, `continue`), `with` (and `else with`), variables
 * (`$x := …`, `$x = …`), pipelines (`a | b c`), parenthesised pipelines with field chains, and
 * string/raw-string/char/number/bool/nil literals. `define`, `template` and `block` are refused:
 * a gossfile is one template. Every node keeps the line and column it was written at, so an error
 * is reported at file:line:col.
 */
class TemplateError extends Error {
    loc;
    constructor(message, loc) {
        super(message);
        this.loc = loc;
    }
}
/** Splits the source into text and actions, applying the trim markers (text/template "Text and spaces"). */
function split(src, locOf) {
    const pieces = [];
    let i = 0;
    let trimNext = false;
    while (i < src.length) {
        const open = src.indexOf('{{', i);
        let text = open < 0 ? src.slice(i) : src.slice(i, open);
        if (trimNext)
            text = text.replace(/^[ \t\r\n]+/, '');
        trimNext = false;
        if (open < 0) {
            if (text)
                pieces.push({ kind: 'text', text });
            break;
        }
        let bodyStart = open + 2;
        // `{{- ` trims the text before; the dash must be followed by a space to be a marker.
        if (/^-[ \t\r\n]/.test(src.slice(bodyStart, bodyStart + 2))) {
            text = text.replace(/[ \t\r\n]+$/, '');
            bodyStart += 1;
        }
        if (text)
            pieces.push({ kind: 'text', text });
        // Find the closing `}}`, skipping over quoted strings and comments.
        let j = bodyStart;
        let close = -1;
        while (j < src.length) {
            const c = src[j];
            if (c === '"' || c === "'") {
                j++;
                while (j < src.length && src[j] !== c)
                    j += src[j] === '\\' ? 2 : 1;
                j++;
                continue;
            }
            if (c === '`') {
                j = src.indexOf('`', j + 1);
                if (j < 0)
                    break;
                j++;
                continue;
            }
            if (src.startsWith('/*', j)) {
                const end = src.indexOf('*/', j + 2);
                if (end < 0)
                    throw new TemplateError('unclosed comment', locOf(j));
                j = end + 2;
                continue;
            }
            if (src.startsWith('}}', j)) {
                close = j;
                break;
            }
            if (c === '\n' && !/^\s*\/\*/.test(src.slice(bodyStart, j))) {
                // Newlines are allowed inside actions (Go 1.16+); keep scanning.
            }
            j++;
        }
        if (close < 0)
            throw new TemplateError('unclosed action: no matching "}}"', locOf(open));
        let bodyEnd = close;
        if (/[ \t\r\n]-$/.test(src.slice(bodyEnd - 2, bodyEnd))) {
            bodyEnd -= 1;
            trimNext = true;
        }
        const body = src.slice(bodyStart, bodyEnd);
        if (!/^\s*\/\*[\s\S]*\*\/\s*$/.test(body))
            pieces.push({ kind: 'action', action: { body, loc: locOf(open), bodyOffset: bodyStart } });
        i = close + 2;
    }
    return pieces;
}
/** Tokenises one action body (text/template "Pipelines", "Arguments"). */
function lex(body, at) {
    const out = [];
    let i = 0;
    const fieldPath = (start) => {
        const path = [];
        let k = start;
        while (body[k] === '.') {
            const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(body.slice(k + 1));
            if (!m)
                break;
            path.push(m[0]);
            k += 1 + m[0].length;
        }
        return [path, k];
    };
    while (i < body.length) {
        const c = body[i];
        const loc = at(i);
        if (/\s/.test(c)) {
            i++;
            continue;
        }
        if (c === '|' || c === '(' || c === ')' || c === ',') {
            out.push({ tok: { t: c }, loc });
            i++;
            continue;
        }
        if (body.startsWith(':=', i)) {
            out.push({ tok: { t: ':=' }, loc });
            i += 2;
            continue;
        }
        if (c === '=') {
            out.push({ tok: { t: '=' }, loc });
            i++;
            continue;
        }
        if (c === '.') {
            const prevClose = out.at(-1)?.tok.t === ')' && body[i - 1] === ')';
            const [path, k] = fieldPath(i);
            if (path.length === 0) {
                if (/[0-9]/.test(body[i + 1] ?? '')) {
                    // a number like .5
                }
                else {
                    out.push({ tok: { t: 'field', v: [] }, loc });
                    i++;
                    continue;
                }
            }
            else {
                out.push({ tok: prevClose ? { t: 'chain', v: path } : { t: 'field', v: path }, loc });
                i = k;
                continue;
            }
        }
        if (c === '$') {
            const m = /^\$[A-Za-z0-9_]*/.exec(body.slice(i));
            const [path, k] = fieldPath(i + m[0].length);
            out.push({ tok: { t: 'var', v: m[0], path }, loc });
            i = k;
            continue;
        }
        if (c === '"') {
            let k = i + 1;
            while (k < body.length && body[k] !== '"')
                k += body[k] === '\\' ? 2 : 1;
            if (k >= body.length)
                throw new TemplateError('unterminated quoted string', loc);
            out.push({ tok: { t: 'lit', v: unquote(body.slice(i, k + 1), loc) }, loc });
            i = k + 1;
            continue;
        }
        if (c === '`') {
            const k = body.indexOf('`', i + 1);
            if (k < 0)
                throw new TemplateError('unterminated raw string', loc);
            out.push({ tok: { t: 'lit', v: body.slice(i + 1, k) }, loc });
            i = k + 1;
            continue;
        }
        if (c === "'") {
            const m = /^'(\\.|[^'\\])+'/.exec(body.slice(i));
            if (!m)
                throw new TemplateError('malformed character constant', loc);
            const ch = unquote(`"${m[0].slice(1, -1).replace(/"/g, '\\"')}"`, loc);
            out.push({ tok: { t: 'lit', v: ch.codePointAt(0) ?? 0 }, loc });
            i += m[0].length;
            continue;
        }
        const num = /^[-+]?(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(\d[\d_]*)?\.?\d[\d_]*([eE][-+]?\d+)?)/.exec(body.slice(i));
        if (num && num[0] !== '' && /[0-9]/.test(num[0])) {
            const text = num[0].replace(/_/g, '');
            const v = /^[-+]?0[oO]/.test(text)
                ? Number.parseInt(text.replace(/0[oO]/, ''), 8) * (text.startsWith('-') ? -1 : 1)
                : /^[-+]?0[bB]/.test(text)
                    ? Number.parseInt(text.replace(/0[bB]/, ''), 2) * (text.startsWith('-') ? -1 : 1)
                    : /^[-+]?0\d+$/.test(text)
                        ? Number.parseInt(text, 8)
                        : Number(text);
            if (Number.isNaN(v))
                throw new TemplateError(`bad number syntax: ${num[0]}`, loc);
            out.push({ tok: { t: 'lit', v }, loc });
            i += num[0].length;
            continue;
        }
        const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(body.slice(i));
        if (id) {
            const w = id[0];
            out.push({
                tok: w === 'true' || w === 'false'
                    ? { t: 'lit', v: w === 'true' }
                    : w === 'nil'
                        ? { t: 'lit', v: null }
                        : { t: 'ident', v: w },
                loc,
            });
            i += w.length;
            continue;
        }
        throw new TemplateError(`unexpected ${JSON.stringify(c)} in action`, loc);
    }
    return out;
}
/** Go's interpreted string literal escapes. */
function unquote(lit, loc) {
    try {
        return JSON.parse(lit
            .replace(/\\x([0-9a-fA-F]{2})/g, (_m, h) => `\\u00${h}`)
            .replace(/\\U([0-9a-fA-F]{8})/g, (_m, h) => String.fromCodePoint(Number.parseInt(h, 16)))
            .replace(/\\a/g, '\\u0007')
            .replace(/\\v/g, '\\u000b')
            .replace(/\\'/g, "'"));
    }
    catch {
        throw new TemplateError(`malformed string literal ${lit}`, loc);
    }
}
const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'break', 'continue', 'define', 'template', 'block']);
/** Parses a whole template into nodes. Throws TemplateError at the offending action. */
function parseTemplate(src) {
    const lineStarts = [0];
    for (let k = 0; k < src.length; k++)
        if (src[k] === '\n')
            lineStarts.push(k + 1);
    const locOf = (offset) => {
        let lo = 0;
        let hi = lineStarts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (lineStarts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
    };
    const pieces = split(src, locOf);
    let pos = 0;
    let loopDepth = 0;
    const parseList = () => {
        const nodes = [];
        while (pos < pieces.length) {
            const p = pieces[pos++];
            if (p.kind === 'text') {
                nodes.push({ kind: 'text', text: p.text });
                continue;
            }
            const a = p.action;
            const m = /^\s*([a-z]+)\b([\s\S]*)$/.exec(a.body);
            const word = m?.[1];
            if (word && KEYWORDS.has(word)) {
                const rest = m[2];
                if (word === 'end' || word === 'else')
                    return { nodes, stop: { word, rest, action: a } };
                if (word === 'define' || word === 'template' || word === 'block')
                    throw new TemplateError(`{{${word}}} is not supported: a gossfile is one template (use gossfile: includes)`, a.loc);
                if (word === 'break' || word === 'continue') {
                    if (loopDepth === 0)
                        throw new TemplateError(`{{${word}}} outside range`, a.loc);
                    if (rest.trim() !== '')
                        throw new TemplateError(`unexpected ${JSON.stringify(rest.trim())} in {{${word}}}`, a.loc);
                    nodes.push({ kind: word, loc: a.loc });
                    continue;
                }
                nodes.push(parseControl(word, rest, a));
                continue;
            }
            nodes.push({ kind: 'action', pipe: parsePipeline(a.body, a, 0), loc: a.loc });
        }
        return { nodes, stop: undefined };
    };
    const parseControl = (word, rest, a) => {
        const offset = a.body.length - rest.length;
        const pipe = parsePipeline(rest, a, offset);
        if (pipe.cmds.length === 0)
            throw new TemplateError(`missing value for ${word}`, a.loc);
        if (word === 'range')
            loopDepth++;
        const body = parseList();
        if (word === 'range')
            loopDepth--;
        if (!body.stop)
            throw new TemplateError(`unexpected EOF: {{${word}}} has no {{end}}`, a.loc);
        const node = {
            kind: word,
            pipe,
            then: body.nodes,
            loc: a.loc,
        };
        if (body.stop.word === 'else') {
            const elseRest = body.stop.rest.trim();
            const chained = /^(if|with)\b([\s\S]*)$/.exec(elseRest);
            if (chained && chained[1] === word && word !== 'range') {
                // `{{else if …}}` / `{{else with …}}`: an inner control that shares this one's {{end}}.
                const inner = parseControl(word, chained[2], body.stop.action);
                node.else = [inner];
                return node;
            }
            if (elseRest !== '')
                throw new TemplateError(`unexpected ${JSON.stringify(elseRest)} in {{else}}`, body.stop.action.loc);
            const elseBody = parseList();
            if (!elseBody.stop || elseBody.stop.word !== 'end')
                throw new TemplateError(`expected {{end}} after {{else}}`, body.stop.action.loc);
            node.else = elseBody.nodes;
        }
        else if (body.stop.rest.trim() !== '') {
            throw new TemplateError(`unexpected ${JSON.stringify(body.stop.rest.trim())} in {{end}}`, body.stop.action.loc);
        }
        return node;
    };
    const parsePipeline = (text, a, offset) => {
        const toks = lex(text, (o) => locOf(a.bodyOffset + offset + o));
        let k = 0;
        const loc = toks[0]?.loc ?? a.loc;
        const pipeline = (inParens) => {
            const p = { cmds: [], loc: toks[k]?.loc ?? loc };
            // Declarations: `$x :=`, `$i, $v :=`, `$x =`.
            const save = k;
            const names = [];
            while (toks[k]?.tok.t === 'var' && toks[k].tok.path.length === 0) {
                names.push(toks[k].tok.v);
                k++;
                if (toks[k]?.tok.t === ',') {
                    k++;
                    continue;
                }
                break;
            }
            if (names.length > 0 && (toks[k]?.tok.t === ':=' || toks[k]?.tok.t === '=')) {
                if (names.length > 2)
                    throw new TemplateError('too many declarations', toks[save].loc);
                p.decl = { names, assign: toks[k].tok.t === '=' };
                k++;
            }
            else
                k = save;
            let cmd = { args: [], loc: toks[k]?.loc ?? loc };
            while (k < toks.length) {
                const { tok, loc: l } = toks[k];
                if (tok.t === ')') {
                    if (!inParens)
                        throw new TemplateError('unexpected ")"', l);
                    break;
                }
                k++;
                if (tok.t === '|') {
                    if (cmd.args.length === 0)
                        throw new TemplateError('missing command before "|"', l);
                    p.cmds.push(cmd);
                    cmd = { args: [], loc: toks[k]?.loc ?? l };
                    continue;
                }
                if (tok.t === '(') {
                    const inner = pipeline(true);
                    if (toks[k]?.tok.t !== ')')
                        throw new TemplateError('unclosed left paren', l);
                    k++;
                    let path = [];
                    if (toks[k]?.tok.t === 'chain')
                        path = toks[k++].tok.v;
                    cmd.args.push({ kind: 'pipe', pipe: inner, path, loc: l });
                    continue;
                }
                if (tok.t === 'field')
                    cmd.args.push({ kind: 'field', path: tok.v, loc: l });
                else if (tok.t === 'var')
                    cmd.args.push({ kind: 'var', name: tok.v, path: tok.path, loc: l });
                else if (tok.t === 'ident')
                    cmd.args.push({ kind: 'ident', name: tok.v, loc: l });
                else if (tok.t === 'lit')
                    cmd.args.push({ kind: 'literal', value: tok.v, loc: l });
                else
                    throw new TemplateError(`unexpected ${JSON.stringify(tok.t)} in pipeline`, l);
            }
            if (cmd.args.length > 0)
                p.cmds.push(cmd);
            else if (p.cmds.length > 0)
                throw new TemplateError('missing command after "|"', cmd.loc);
            return p;
        };
        const p = pipeline(false);
        if (k < toks.length)
            throw new TemplateError(`unexpected ${JSON.stringify(toks[k].tok.t)}`, toks[k].loc);
        if (p.cmds.length === 0 && !p.decl && text.trim() !== '')
            throw new TemplateError('empty pipeline', loc);
        if (p.cmds.length === 0 && text.trim() === '' && offset === 0)
            throw new TemplateError('missing value for command', a.loc);
        return p;
    };
    const { nodes, stop } = parseList();
    if (stop)
        throw new TemplateError(`unexpected {{${stop.word}}}`, stop.action.loc);
    return nodes;
}

;// CONCATENATED MODULE: ./shared/audit/template/render.ts
/**
 * Renders a gossfile the way Goss does before reading it as YAML (template.go): Go text/template
 * semantics over `{ Env, Vars }` with `missingkey=error`, Goss's own functions and the Sprig
 * functions gossfiles use (functions.ts). Anything outside that subset is an error located at
 * file:line:col, never output that would parse into a wrong control. Bounded: at most
 * MAX_STEPS evaluations and MAX_OUTPUT bytes, so a template cannot hang or fill memory.
 */




const MAX_STEPS = 2_000_000;
const MAX_OUTPUT = 32 * 1024 * 1024;
class Break {
}
class Continue {
}
/** True when the text has template actions at all (Goss renders every file; plain YAML is unchanged). */
function hasTemplate(text) {
    return text.includes('{{');
}
function renderTemplate(src, ctx) {
    const nodes = parseTemplate(src);
    // Check every function name once, before running anything (Go's parse-time "function not defined").
    checkFunctions(nodes);
    const data = { Env: { ...ctx.env }, Vars: ctx.vars ?? {} };
    let out = '';
    let steps = 0;
    const step = (loc) => {
        if (++steps > MAX_STEPS)
            throw new TemplateError(`the template ran more than ${MAX_STEPS} steps`, loc);
    };
    const emit = (s, loc) => {
        out += s;
        if (out.length > MAX_OUTPUT)
            throw new TemplateError(`the rendered file is over ${MAX_OUTPUT} bytes`, loc);
    };
    const lookupVar = (scopes, name, loc) => {
        for (let i = scopes.length - 1; i >= 0; i--)
            if (scopes[i].has(name))
                return scopes[i].get(name);
        throw new TemplateError(`undefined variable: ${name}`, loc);
    };
    const assignVar = (scopes, name, value, loc) => {
        for (let i = scopes.length - 1; i >= 0; i--)
            if (scopes[i].has(name)) {
                scopes[i].set(name, value);
                return;
            }
        throw new TemplateError(`undefined variable: ${name}`, loc);
    };
    const field = (value, path, loc, what) => {
        let v = value;
        let shown = what;
        for (const name of path) {
            if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
                const m = v;
                // missingkey=error (template.go): a key the map lacks is an error, not "<no value>".
                if (!Object.hasOwn(m, name) || m[name] === undefined)
                    throw new TemplateError(`map has no entry for key "${name}" (in ${shown}.${name})`, loc);
                v = m[name];
            }
            else if (v === null || v === undefined) {
                throw new TemplateError(`nil pointer evaluating ${shown}.${name}`, loc);
            }
            else {
                throw new TemplateError(`can't evaluate field ${name} in type ${goType(v)}`, loc);
            }
            shown = `${shown}.${name}`;
        }
        return v;
    };
    const operand = (op, dot, scopes) => {
        step(op.loc);
        switch (op.kind) {
            case 'field':
                return field(dot, op.path, op.loc, '');
            case 'var':
                return field(lookupVar(scopes, op.name, op.loc), op.path, op.loc, op.name);
            case 'literal':
                return op.value;
            case 'pipe':
                return field(pipeline(op.pipe, dot, scopes), op.path, op.loc, '(…)');
            case 'ident':
                return call(op.name, [], op.loc, dot, scopes, []);
        }
    };
    const call = (name, argOps, loc, dot, scopes, extra) => {
        const fn = lookupFunction(name);
        if (!fn)
            throw new TemplateError(`function "${name}" not defined`, loc);
        // and/or evaluate their arguments lazily (Go 1.18).
        if (name === 'and' || name === 'or') {
            const thunks = [...argOps.map((a) => () => operand(a, dot, scopes)), ...extra.map((e) => () => e)];
            if (thunks.length === 0)
                throw new TemplateError(`wrong number of args for ${name}: want at least 1 got 0`, loc);
            let last;
            for (const t of thunks) {
                last = t();
                if (name === 'and' ? !isTruthy(last) : isTruthy(last))
                    return last;
            }
            return last;
        }
        const args = [...argOps.map((a) => operand(a, dot, scopes)), ...extra];
        try {
            return fn(args, { readFile: ctx.readFile, env: ctx.env });
        }
        catch (error) {
            if (error instanceof TemplateError)
                throw error;
            throw new TemplateError(`error calling ${name}: ${error.message}`, loc);
        }
    };
    const command = (cmd, dot, scopes, prev) => {
        const [head, ...rest] = cmd.args;
        if (!head)
            throw new TemplateError('empty command', cmd.loc);
        if (head.kind === 'ident')
            return call(head.name, rest, head.loc, dot, scopes, prev);
        if (rest.length > 0 || prev.length > 0) {
            if (head.kind === 'field' && head.path.length > 0)
                throw new TemplateError(`${'.' + head.path.join('.')} is not a method and cannot take arguments`, head.loc);
            throw new TemplateError(`can't give argument to non-function ${describeOperand(head)}`, head.loc);
        }
        return operand(head, dot, scopes);
    };
    const pipeline = (p, dot, scopes) => {
        let value;
        let first = true;
        for (const cmd of p.cmds) {
            value = command(cmd, dot, scopes, first ? [] : [value]);
            first = false;
        }
        if (p.decl && p.decl.names.length === 1) {
            if (p.decl.assign)
                assignVar(scopes, p.decl.names[0], value, p.loc);
            else
                scopes.at(-1).set(p.decl.names[0], value);
        }
        return value;
    };
    const run = (list, dot, scopes) => {
        for (const n of list) {
            switch (n.kind) {
                case 'text':
                    emit(n.text, { line: 0, column: 0 });
                    break;
                case 'action': {
                    const v = pipeline(n.pipe, dot, scopes);
                    if (!n.pipe.decl)
                        emit(formatValue(v), n.loc);
                    break;
                }
                case 'if':
                case 'with': {
                    const inner = [...scopes, new Map()];
                    const v = pipeline(n.pipe, dot, inner);
                    if (isTruthy(v))
                        run(n.then, n.kind === 'with' ? v : dot, inner);
                    else if (n.else)
                        run(n.else, dot, [...scopes, new Map()]);
                    break;
                }
                case 'range':
                    runRange(n, dot, scopes);
                    break;
                case 'break':
                    throw new Break();
                case 'continue':
                    throw new Continue();
            }
        }
    };
    const runRange = (n, dot, scopes) => {
        const names = n.pipe.decl?.names ?? [];
        const decl = n.pipe.decl;
        const inner = [...scopes, new Map()];
        // Evaluate without the declaration: in a range it binds the loop variables, not the value.
        const value = pipeline({ ...n.pipe, decl: undefined }, dot, inner);
        if (decl?.assign)
            throw new TemplateError('range can only declare its variables with :=', n.loc);
        let entries;
        if (Array.isArray(value))
            entries = value.map((v, i) => [i, v]);
        else if (value !== null && typeof value === 'object')
            entries = Object.keys(value)
                .sort()
                .map((k) => [k, value[k]]);
        else if (typeof value === 'number' && Number.isInteger(value)) {
            // Go 1.22: range over an integer counts from 0.
            if (value > MAX_STEPS)
                throw new TemplateError(`range over ${value} is too long`, n.loc);
            entries = Array.from({ length: Math.max(0, value) }, (_v, i) => [i, i]);
            if (names.length === 2)
                throw new TemplateError("can't use two variables when ranging over an integer", n.loc);
        }
        else if (value === null || value === undefined)
            entries = [];
        else
            throw new TemplateError(`range can't iterate over ${formatValue(value)}`, n.loc);
        if (entries.length === 0) {
            if (n.else)
                run(n.else, dot, [...scopes, new Map()]);
            return;
        }
        for (const [k, v] of entries) {
            step(n.loc);
            const scope = [...scopes, new Map()];
            if (names.length === 1)
                scope.at(-1).set(names[0], v);
            if (names.length === 2) {
                scope.at(-1).set(names[0], k);
                scope.at(-1).set(names[1], v);
            }
            try {
                run(n.then, v, scope);
            }
            catch (signal) {
                if (signal instanceof Break)
                    break;
                if (signal instanceof Continue)
                    continue;
                throw signal;
            }
        }
    };
    run(nodes, data, [new Map([['$', data]])]);
    return out;
}
function checkFunctions(nodes) {
    const visitPipe = (p) => {
        for (const c of p.cmds)
            for (const a of c.args) {
                if (a.kind === 'ident' && !lookupFunction(a.name))
                    throw new TemplateError(`function "${a.name}" not defined (telltale supports Go's built-ins, Goss's functions and a documented Sprig subset; see docs/audit.md)`, a.loc);
                if (a.kind === 'pipe')
                    visitPipe(a.pipe);
            }
    };
    const visit = (list) => {
        for (const n of list) {
            if (n.kind === 'action')
                visitPipe(n.pipe);
            if (n.kind === 'if' || n.kind === 'with' || n.kind === 'range') {
                visitPipe(n.pipe);
                visit(n.then);
                if (n.else)
                    visit(n.else);
            }
        }
    };
    visit(nodes);
}
function describeOperand(op) {
    switch (op.kind) {
        case 'literal':
            return formatValue(op.value);
        case 'var':
            return op.name;
        default:
            return op.kind;
    }
}
function goType(v) {
    if (typeof v === 'string')
        return 'string';
    if (typeof v === 'number')
        return Number.isInteger(v) ? 'int' : 'float64';
    if (typeof v === 'boolean')
        return 'bool';
    if (Array.isArray(v))
        return '[]interface {}';
    return 'interface {}';
}

;// CONCATENATED MODULE: ./shared/audit/load.ts
/**
 * Reads a controls file and the `gossfile:` includes it names (paths and globs relative to the
 * including file, as Goss resolves them), detecting include cycles. Each file is first rendered as
 * a Go text/template with `.Env` and `.Vars`, as Goss renders every gossfile (template.go).
 */






async function loadControls(file, options = {}, seen = new Set()) {
    const abs = external_node_path_default().resolve(file);
    if (seen.has(abs))
        throw new errors.InputError(`gossfile include cycle through ${file}`, { location: { file } });
    let text;
    try {
        text = await external_node_fs_.promises.readFile(abs, 'utf8');
    }
    catch (error) {
        throw new errors.InputError(`cannot read the controls file: ${error.code ?? String(error)}`, {
            location: { file },
            hint: 'pass --controls with the path of a Goss-style YAML file',
        });
    }
    const rendered = renderControls(text, file, options);
    let parsed;
    try {
        parsed = (0,audit_controls/* parseControls */.uf)(rendered, file);
    }
    catch (error) {
        if (error instanceof errors.InputError && rendered !== text) {
            // Positions are in the rendered text; say so, or the line numbers look wrong.
            throw new errors.InputError(`${error.message} (in the file as its template renders it; see \`telltale audit render\`)`, {
                ...(error.location ? { location: error.location } : {}),
            });
        }
        throw error;
    }
    for (const w of parsed.warnings)
        options.warn?.(w);
    const controls = [...parsed.controls];
    const next = new Set(seen).add(abs);
    for (const inc of parsed.includes) {
        if (inc.skip)
            continue;
        const base = external_node_path_default().dirname(file);
        const matches = external_node_path_default().isAbsolute(inc.pattern)
            ? await (0,dist/* glob */.TI)(inc.pattern, { absolute: true, onlyFiles: true })
            : await (0,dist/* glob */.TI)(inc.pattern, { cwd: base, absolute: false, onlyFiles: true });
        if (matches.length === 0) {
            throw new errors.InputError(`gossfile '${inc.pattern}' matches no file`, {
                location: { ...inc.position, field: `gossfile.${inc.pattern}` },
            });
        }
        for (const m of matches.sort())
            controls.push(...(await loadControls(external_node_path_default().isAbsolute(m) ? m : external_node_path_default().join(base, m), options, next)));
    }
    return controls;
}
/** One file's text after its template is rendered; a template error is an InputError at file:line:col. */
function renderControls(text, file, options = {}) {
    if (!hasTemplate(text))
        return text;
    try {
        return renderTemplate(text, {
            env: options.env ?? process.env,
            vars: options.vars ?? {},
            readFile: (p) => (0,external_node_fs_.readFileSync)(external_node_path_default().resolve(p), 'utf8'),
        });
    }
    catch (error) {
        if (error instanceof TemplateError)
            throw new errors.InputError(`template: ${error.message}`, {
                location: { file, line: error.loc.line, column: error.loc.column },
                hint: 'Goss renders gossfiles as Go text/template before reading the YAML; pass --vars FILE or --vars-inline JSON for .Vars',
            });
        throw error;
    }
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
