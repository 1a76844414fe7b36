export const id = 905;
export const ids = [905];
export const modules = {

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
