export const id = 357;
export const ids = [357];
export const modules = {

/***/ 7515:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   allowLine: () => (/* binding */ allowLine),
/* harmony export */   rw: () => (/* binding */ renderDiffMarkdown)
/* harmony export */ });
/* unused harmony exports verdictLine, renderBlockedMarkdown */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6682);
/* harmony import */ var _report_markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(216);
/* harmony import */ var _manifest_update_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5135);
/**
 * The egress diff as Markdown: the PR comment body and the job summary. Host names come from DNS
 * packets and TLS hellos anyone can send, so every one goes through shared/report/escape.ts.
 */




const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** One line a reviewer reads first. */
function verdictLine(diff, options) {
    const manifest = (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownCode */ .D9)(options.manifest);
    const seen = plural(diff.allowed.length + diff.new.length, 'endpoint');
    if (diff.new.length === 0) {
        return `✅ **telltale egress**: all ${seen} this run reached are allowed by ${manifest}.`;
    }
    const what = `${plural(diff.new.length, 'new endpoint')} not in ${manifest}`;
    return options.policy === 'enforce'
        ? `❌ **telltale egress**: ${what}; the job fails (policy \`enforce\`).`
        : `⚠️ **telltale egress**: ${what} (policy \`audit\`: reported, not failing).`;
}
const cellList = (items) => (items.length ? items.map(_report_escape_js__WEBPACK_IMPORTED_MODULE_2__.escapeMarkdown).join(', ') : '—');
const portCell = (e) => `${e.port}${e.transport === 'udp' ? '/udp' : ''}`;
function newTable(endpoints) {
    return (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .markdownTable */ .Qj)(['Host', 'Port', 'Protocol', 'Step', 'Named by'], endpoints.map((e) => [
        (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownCode */ .D9)(e.host) + (e.failed > 0 && e.failed >= e.connections ? ' (failed)' : ''),
        portCell(e),
        cellList(e.protocols),
        cellList(e.steps),
        cellList(e.namedBy),
    ]));
}
function staleList(unused) {
    return unused
        .map((u) => {
        const name = (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownCode */ .D9)(u.host ?? u.cidr ?? '');
        const port = u.port === null ? 'any port' : `port ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__.escapeMarkdown)(String(u.port))}`;
        const where = `\`allow[${u.index}]\`${u.line ? `, line ${u.line}` : ''}`;
        const reason = u.reason ? ` — ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__.escapeMarkdown)(u.reason)}` : '';
        return `- ${name} ${port}${u.transport ? `/${u.transport}` : ''} (${where})${reason}`;
    })
        .join('\n');
}
function fullTable(diff) {
    const rows = [...diff.new, ...diff.allowed]
        .sort((a, b) => a.host.localeCompare(b.host) || a.port - b.port)
        .map((e) => [
        (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownCode */ .D9)(e.host),
        portCell(e),
        cellList(e.protocols),
        cellList(e.namedBy),
        String(e.connections),
        String(e.failed),
        e.status === 'new'
            ? '**new**'
            : `allowed by ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownCode */ .D9)(e.entry.host ?? e.entry.cidr ?? '')}${e.via === 'dns' ? ' (DNS answer)' : ''}`,
    ]);
    return (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .markdownTable */ .Qj)(['Host', 'Port', 'Protocol', 'Named by', 'Connections', 'Failed', 'Status'], rows);
}
/** The PR comment / job summary body (without the sticky marker, which comments.ts adds). */
function renderDiffMarkdown(diff, options) {
    const parts = [verdictLine(diff, options)];
    if (diff.reports > 1)
        parts.push(`Merged from ${diff.reports} reports.`);
    if (diff.new.length) {
        parts.push(`#### New endpoints\n\n${newTable(diff.new)}`);
    }
    if (diff.unused.length) {
        parts.push(`#### Stale entries\n\nAllowed by the manifest but not used in this run. One run may not exercise every path ` +
            `(caches, retries, matrix legs), so check a few runs before removing an entry.\n\n${staleList(diff.unused)}`);
    }
    const total = diff.new.length + diff.allowed.length;
    if (total) {
        parts.push((0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .markdownDetails */ .oG)((0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeHtml */ .ZD)(`All ${total} endpoints observed (${diff.allowed.length} allowed, ${diff.new.length} new)`), fullTable(diff)));
    }
    const proposals = (0,_manifest_update_js__WEBPACK_IMPORTED_MODULE_1__/* .proposeEntries */ .$_)(diff.new);
    if (proposals.length) {
        const leftOut = diff.new.filter((e) => !(0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(e.host) && !(0,_manifest_update_js__WEBPACK_IMPORTED_MODULE_1__/* .isManifestHost */ .Wl)(e.host)).length;
        parts.push(`#### Allow them\n\nIf these endpoints are expected, add them under \`allow:\` in ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownCode */ .D9)(options.manifest)} ` +
            `(or run \`telltale egress diff --update\`):\n\n${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownCodeBlock */ .IS)((0,_manifest_update_js__WEBPACK_IMPORTED_MODULE_1__/* .renderSnippet */ .yh)(proposals), 'yaml')}` +
            (leftOut
                ? `\n\n${plural(leftOut, 'name')} that ${leftOut === 1 ? 'is' : 'are'} not a valid DNS name ${leftOut === 1 ? 'was' : 'were'} left out: look at ${leftOut === 1 ? 'it' : 'them'} before allowing anything.`
                : ''));
    }
    if (options.runUrl)
        parts.push(`<sub>[Workflow run](${encodeURI(options.runUrl)})</sub>`);
    return `${parts.join('\n\n')}\n`;
}
/** `curl (pid 123, container 0123abcd4567)`, the process as a table cell. */
function processCell(processes, unattributed = 0) {
    const named = (processes ?? []).slice(0, 3).map((p) => {
        const exe = p.exe ? (p.exe.split('/').pop() ?? p.exe) : 'unknown';
        const where = [`pid ${p.pid}`, ...(p.container ? [`container ${p.container}`] : [])].join(', ');
        const cmdline = p.cmdline
            ? ` ${markdownCode(p.cmdline.length > 80 ? `${p.cmdline.slice(0, 79)}…` : p.cmdline)}`
            : '';
        // pid and container id are ours (digits, hex), the executable and command line are not.
        return `${markdownCode(exe)} (${where})${cmdline}`;
    });
    const more = (processes?.length ?? 0) - named.length;
    if (more > 0)
        named.push(`and ${more} more`);
    if (unattributed)
        named.push(`${unattributed} not attributed`);
    return named.join('<br>') || 'not attributed';
}
/** The manifest line that would allow a blocked connection next time (a name only when it is a valid one). */
function allowLine(b) {
    const target = b.namedBy === 'dns' && (0,_manifest_update_js__WEBPACK_IMPORTED_MODULE_1__/* .isManifestHost */ .Wl)(b.host)
        ? `host: ${b.host}`
        : `cidr: ${b.address}/${(0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(b.address) === 6 ? 128 : 32}`;
    return `- { ${target}, ports: [${b.port}]${b.transport === 'udp' ? ', transport: udp' : ''} }`;
}
/**
 * Block mode's part of the comment: what the firewall refused, who tried, in which step, and the
 * one manifest line per destination that would allow it. Several addresses of one name are one row.
 */
function renderBlockedMarkdown(blocked, manifest) {
    if (!blocked.length)
        return '🛡️ **telltale egress** (policy `block`): nothing was blocked.\n';
    const rows = new Map();
    for (const b of blocked) {
        const k = `${b.host}|${b.port}|${b.transport}`;
        rows.set(k, [...(rows.get(k) ?? []), b]);
    }
    const groups = [...rows.values()];
    const table = markdownTable(['Host', 'Port', 'Step', 'Process', 'Attempts', 'From'], groups.map((g) => {
        const first = g[0];
        const processes = g.flatMap((b) => b.processes ?? []);
        return [
            markdownCode(first.host) + (first.namedBy === 'none' ? ' (no DNS name)' : ''),
            portCell(first),
            cellList([...new Set(g.flatMap((b) => b.steps ?? []))]),
            processCell(processes, g.reduce((n, b) => n + (b.unattributed ?? 0), 0)),
            String(g.reduce((n, b) => n + b.attempts, 0)),
            g.some((b) => b.origin === 'forward') ? 'a container' : 'this host',
        ];
    }));
    const lines = [...new Set(groups.map((g) => allowLine(g[0])))];
    return (`🛡️ **telltale egress** (policy \`block\`): ${plural(groups.length, 'destination')} refused — ` +
        `the connections failed at once and nothing was sent to ${groups.length === 1 ? 'it' : 'them'}.\n\n` +
        `#### Blocked\n\n${table}\n\n` +
        `If a blocked destination is expected, add its line under \`allow:\` in ${markdownCode(manifest)}:\n\n` +
        `${markdownCodeBlock(lines.join('\n'), 'yaml')}\n`);
}


/***/ }),

/***/ 8120:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yc: () => (/* binding */ loadReports)
});

// UNUSED EXPORTS: expandReportPaths, loadReport

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(6448);
;// CONCATENATED MODULE: ./schemas/egress-report-artifact.schema.json
const egress_report_artifact_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://raw.githubusercontent.com/telltale-dev/telltale/v1/schemas/egress-report-artifact.schema.json","title":"telltale egress report, as another job\'s artifact","description":"What actions/egress-report and `telltale egress diff` accept from a report file another job uploaded. That job may have run code from a fork, so every field the diff reads is bounded here: counts, string lengths, types. Fields the diff does not read are allowed and ignored. egress-report.schema.json describes the full report.","type":"object","required":["endpoints"],"properties":{"job":{"type":"string","maxLength":512},"run":{"type":"object","properties":{"job":{"type":"string","maxLength":512}}},"endpoints":{"type":"array","maxItems":100000,"items":{"$ref":"#/definitions/endpoint"}}},"definitions":{"count":{"type":"number","minimum":0,"maximum":1000000000000000},"endpoint":{"type":"object","required":["host","port","transport"],"properties":{"host":{"type":"string","minLength":1,"maxLength":1024},"port":{"type":"integer","minimum":0,"maximum":65535},"transport":{"enum":["tcp","udp"]},"protocol":{"type":"string","maxLength":64},"addresses":{"type":"array","maxItems":10000,"items":{"type":"string","maxLength":64}},"namedBy":{"type":"string","maxLength":32},"firstSeen":{"type":"string","maxLength":64},"lastSeen":{"type":"string","maxLength":64},"connections":{"$ref":"#/definitions/count"},"failed":{"$ref":"#/definitions/count"},"bytes":{"$ref":"#/definitions/count"},"steps":{"type":"array","maxItems":1000,"items":{"type":"string","maxLength":512}}}}}}');
// EXTERNAL MODULE: ./shared/util/errors.ts
var errors = __webpack_require__(1472);
;// CONCATENATED MODULE: ./shared/egress/diff/reports.ts
/**
 * Reads egress report files (the JSON the egress action writes and uploads as an artifact): plain
 * paths, folders (searched for `*.json`), or glob patterns. Reports from other jobs are data, not
 * code: each is checked for the shape the diff reads, with the file named on any problem.
 */





async function expandReportPaths(patterns) {
    const files = [];
    for (const pattern of patterns) {
        const info = await (0,promises_.stat)(pattern).catch(() => undefined);
        if (info?.isFile())
            files.push(pattern);
        else if (info?.isDirectory())
            files.push(...(await (0,dist/* glob */.TI)('**/*.json', { cwd: pattern, absolute: true })).sort());
        else {
            const matched = (await (0,dist/* glob */.TI)(pattern, { absolute: true, onlyFiles: true })).sort();
            if (!matched.length)
                throw new errors.InputError(`no report files match '${pattern}'`, { location: { file: pattern } });
            files.push(...matched);
        }
    }
    return [...new Set(files)];
}
/**
 * Reports arrive as artifacts from other (possibly fork) jobs: bound what one may cost. A real
 * report of a busy job is well under a megabyte; schemas/egress-report-artifact.schema.json bounds
 * every count and string the diff reads.
 */
const MAX_REPORT_BYTES = 16 * 1024 * 1024;
/** Report files in one run; a matrix of 256 jobs is GitHub's own limit. */
const MAX_REPORT_FILES = 1000;
const validateArtifact = new ajv.Ajv({ allErrors: false, strict: false }).compile(egress_report_artifact_schema_namespaceObject);
/** The first schema problem as a field path and a reason, never echoing the (untrusted) value. */
function schemaProblem(file) {
    const error = validateArtifact.errors?.[0];
    const field = (error?.instancePath ?? '')
        .split('/')
        .slice(1)
        .map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`))
        .join('');
    return new errors.InputError(`not an egress report: ${field || 'the file'} ${error?.message ?? 'is not valid'}`, {
        location: { file, ...(field ? { field } : {}) },
        hint: 'schemas/egress-report-artifact.schema.json says what a report artifact may hold',
    });
}
async function loadReport(file) {
    let data;
    try {
        const size = (await (0,promises_.stat)(file)).size;
        if (size > MAX_REPORT_BYTES) {
            throw new errors.InputError(`report is ${size} bytes; more than ${MAX_REPORT_BYTES} is not an egress report`, {
                location: { file },
            });
        }
        data = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch (error) {
        if (error instanceof errors.InputError)
            throw error;
        throw new errors.InputError(`not a readable JSON report: ${error.message}`, { location: { file } });
    }
    const endpoints = data?.endpoints;
    if (!Array.isArray(endpoints)) {
        throw new errors.InputError('not an egress report: no endpoints array', {
            location: { file, field: 'endpoints' },
            hint: 'pass the report JSON the egress action or `telltale egress analyze --format json` writes',
        });
    }
    const checked = endpoints.map((e, i) => {
        const x = (e ?? {});
        const bad = (field) => new errors.InputError(`endpoint ${i} has no valid '${field}'`, {
            location: { file, field: `endpoints[${i}].${field}` },
        });
        if (typeof x.host !== 'string' || !x.host)
            throw bad('host');
        if (typeof x.port !== 'number' || !Number.isInteger(x.port) || x.port < 0 || x.port > 65535)
            throw bad('port');
        if (x.transport !== 'tcp' && x.transport !== 'udp')
            throw bad('transport');
        const strings = (v) => (Array.isArray(v) ? v.filter((s) => typeof s === 'string') : []);
        const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
        const endpoint = {
            host: x.host,
            port: x.port,
            transport: x.transport,
            protocol: typeof x.protocol === 'string' ? x.protocol : 'unknown',
            addresses: strings(x.addresses),
            namedBy: typeof x.namedBy === 'string' ? x.namedBy : 'none',
            firstSeen: typeof x.firstSeen === 'string' ? x.firstSeen : '',
            lastSeen: typeof x.lastSeen === 'string' ? x.lastSeen : '',
            connections: num(x.connections),
            failed: num(x.failed),
            bytes: num(x.bytes),
        };
        if (Array.isArray(x.steps))
            endpoint.steps = strings(x.steps);
        return endpoint;
    });
    // The field checks above name the common mistakes; the schema bounds everything else.
    if (!validateArtifact(data))
        throw schemaProblem(file);
    const job = data.job ?? data.run?.job;
    return typeof job === 'string' ? { endpoints: checked, job } : { endpoints: checked };
}
async function loadReports(patterns) {
    const files = await expandReportPaths(patterns);
    if (!files.length)
        throw new errors.InputError(`no report files found in ${patterns.join(', ')}`);
    if (files.length > MAX_REPORT_FILES)
        throw new errors.InputError(`${files.length} report files; more than ${MAX_REPORT_FILES} is not one run's reports`, {
            location: { file: patterns.join(', ') },
        });
    return Promise.all(files.map(loadReport));
}


/***/ }),

/***/ 5135:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $_: () => (/* binding */ proposeEntries),
/* harmony export */   Wl: () => (/* binding */ isManifestHost),
/* harmony export */   xA: () => (/* binding */ updateManifest),
/* harmony export */   yh: () => (/* binding */ renderSnippet),
/* harmony export */   zY: () => (/* binding */ splitAllFailed)
/* harmony export */ });
/* unused harmony export keepOriginalLines */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _schemas_egress_manifest_schema_json__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8507);
/**
 * `--update`: adds newly observed endpoints to the manifest through the `yaml` Document API, so
 * comments, entry order, quoting and flow/block style of what is already there survive untouched.
 * The same proposals render the ready-to-paste snippet in the PR comment.
 */



// The schema's own host pattern: a proposal the loader would reject must never be written.
const HOST_PATTERN = new RegExp(_schemas_egress_manifest_schema_json__WEBPACK_IMPORTED_MODULE_2__.definitions.entry.properties.host.pattern);
/** Whether a name observed on the wire can be written as a manifest `host:`. */
function isManifestHost(name) {
    return name.length <= 255 && HOST_PATTERN.test(name) && !name.startsWith('*.');
}
/**
 * Endpoints whose every connection failed (refused, reset, no answer) worked for nobody: allow-listing
 * them because a run tried is how a typo or a dead mirror becomes policy. `--update` leaves them out,
 * lists them, and says how to add them on purpose.
 */
function splitAllFailed(endpoints) {
    const usable = [];
    const allFailed = [];
    for (const e of endpoints)
        (e.connections > 0 && e.failed >= e.connections ? allFailed : usable).push(e);
    return { usable, allFailed };
}
/**
 * One entry per name (or address) and transport, with every observed port, in a stable order.
 * Names that are not DNS names (anyone can put anything in an SNI or a DNS answer) are never
 * proposed; `isManifestHost` tells the caller which were left out.
 */
function proposeEntries(endpoints) {
    const byKey = new Map();
    for (const e of endpoints) {
        const family = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(e.host);
        if (!family && !isManifestHost(e.host))
            continue;
        const k = `${e.host}|${e.transport}`;
        let entry = byKey.get(k);
        if (!entry) {
            entry = family ? { cidr: `${e.host}/${family === 4 ? 32 : 128}`, ports: [] } : { host: e.host, ports: [] };
            if (e.transport === 'udp')
                entry.transport = 'udp';
            byKey.set(k, entry);
        }
        if (!entry.ports.includes(e.port))
            entry.ports.push(e.port);
    }
    const out = [...byKey.values()];
    for (const e of out)
        e.ports.sort((a, b) => a - b);
    return out.sort((a, b) => (a.host ?? a.cidr ?? '').localeCompare(b.host ?? b.cidr ?? ''));
}
/**
 * Returns the manifest text with `proposals` merged in: a port joins an existing exact-host entry of
 * the same transport that lists ports; anything else becomes a new entry at the end of `allow`.
 */
function updateManifest(manifest, proposals, note) {
    const doc = manifest.document.clone();
    let allow = doc.get('allow', true);
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(allow)) {
        allow = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .YAMLSeq */ .Rw();
        doc.set('allow', allow);
    }
    const seq = allow;
    // A first manifest (`allow: []`) grows block style, one `- host:` per entry with `ports: [443]`,
    // as the README's example is written.
    const startingOut = seq.items.length === 0;
    if (startingOut)
        seq.flow = false;
    const flowPorts = startingOut || seq.items.some((item) => (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(item) && item.get('ports', true)?.flow);
    let first = true;
    for (const proposal of proposals) {
        const existing = proposal.host
            ? seq.items.find((item) => (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(item) &&
                String(item.get('host') ?? '').toLowerCase() === proposal.host &&
                (item.get('transport') ?? 'tcp') === (proposal.transport ?? 'tcp') &&
                (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(item.get('ports', true)))
            : undefined;
        if (existing && (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(existing)) {
            const ports = existing.get('ports', true);
            const have = new Set(ports.items.map((p) => ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(p) ? p.value : p)));
            for (const port of proposal.ports)
                if (!have.has(port))
                    ports.add(doc.createNode(port));
            continue;
        }
        const node = doc.createNode(toPlain(proposal));
        const ports = node.get('ports', true);
        if (ports)
            ports.flow = flowPorts;
        if (first && note)
            node.commentBefore = ` ${note}`;
        first = false;
        seq.add(node);
    }
    const text = keepOriginalLines(manifest.text, doc.toString({ flowCollectionPadding: false }));
    return text.endsWith('\n') ? text : `${text}\n`;
}
/**
 * The `yaml` library re-emits the whole document: values and comments survive, but the spacing
 * people line comments up with does not. Every output line that equals an input line except for
 * whitespace is an untouched line, so it is replaced by the input line verbatim (matched in order
 * by a longest-common-subsequence over the lines; manifests are small).
 */
function keepOriginalLines(original, updated) {
    const a = original.split('\n');
    const b = updated.split('\n');
    const norm = (line) => line.replace(/\s+/g, '');
    const na = a.map(norm);
    const nb = b.map(norm);
    // lcs[i][j]: length of the LCS of a[i..] and b[j..].
    const lcs = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
    for (let i = a.length - 1; i >= 0; i--) {
        for (let j = b.length - 1; j >= 0; j--) {
            lcs[i][j] = na[i] === nb[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
    }
    const out = [];
    let i = 0;
    for (let j = 0; j < b.length;) {
        if (i < a.length && na[i] === nb[j]) {
            out.push(a[i]);
            i++;
            j++;
        }
        else if (i < a.length && lcs[i + 1][j] >= lcs[i][j + 1]) {
            i++;
        }
        else {
            out.push(b[j]);
            j++;
        }
    }
    return out.join('\n');
}
/** The proposals as a YAML list to paste under `allow:` (indented two spaces, like the manifest). */
function renderSnippet(proposals) {
    const doc = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .Document */ .yo(proposals.map(toPlain));
    for (const item of doc.contents.items) {
        const ports = item.get('ports', true);
        if (ports)
            ports.flow = true;
    }
    return doc
        .toString({ flowCollectionPadding: false })
        .trimEnd()
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n');
}
function toPlain(p) {
    const out = p.host ? { host: p.host } : { cidr: p.cidr };
    out.ports = p.ports;
    if (p.transport)
        out.transport = p.transport;
    return out;
}


/***/ }),

/***/ 8357:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  analyzeEgress: () => (/* binding */ analyzeEgress),
  analyzeEgressMerged: () => (/* binding */ analyzeEgressMerged),
  diffEgressRun: () => (/* binding */ diffEgressRun),
  preflightEgress: () => (/* binding */ preflightEgress),
  renderEgressReport: () => (/* binding */ renderEgressReport),
  renderPreflightReport: () => (/* binding */ renderPreflightReport)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./shared/util/duration.ts
var duration = __webpack_require__(8515);
// EXTERNAL MODULE: ./shared/util/errors.ts
var errors = __webpack_require__(1472);
// EXTERNAL MODULE: ./shared/egress/analyze.ts + 20 modules
var analyze = __webpack_require__(6821);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: ./shared/egress/manifest/manifest.ts + 2 modules
var manifest_manifest = __webpack_require__(905);
;// CONCATENATED MODULE: ./shared/egress/manifest/match.ts
/**
 * Does a manifest entry allow an observed endpoint? Pure functions over plain data.
 *
 * Names: a `host:` that is an IP literal matches that address; an exact host matches case-insensitively, ignoring a trailing dot; `*.suffix` matches one or
 * more labels under `suffix` but not `suffix` itself (as TLS wildcards would not, and unlike
 * bullfrog's glob which also surprises users at the apex). Addresses: `node:net`'s BlockList does
 * the CIDR arithmetic for both families, including IPv4-mapped IPv6 addresses.
 */

function hostMatches(pattern, host) {
    const name = host.toLowerCase().replace(/\.$/, '');
    if (pattern.startsWith('*.')) {
        const suffix = pattern.slice(1); // ".example.com"
        return name.length > suffix.length && name.endsWith(suffix);
    }
    return name === pattern;
}
/** Whether `address` is the same address as the literal `literal` (either family, any spelling). */
function sameAddress(literal, address) {
    const family = (0,external_node_net_.isIP)(address);
    if (!family || !(0,external_node_net_.isIP)(literal))
        return false;
    const list = new external_node_net_.BlockList();
    list.addAddress(literal, (0,external_node_net_.isIP)(literal) === 4 ? 'ipv4' : 'ipv6');
    return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
function cidrContains(cidr, address) {
    const family = (0,external_node_net_.isIP)(address);
    if (!family)
        return false;
    const list = new external_node_net_.BlockList();
    list.addSubnet(cidr.address, cidr.prefix, cidr.family);
    return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
function portIndex(entry, port) {
    if (!entry.ports)
        return -1;
    const i = entry.ports.findIndex((r) => port >= r.from && port <= r.to);
    return i === -1 ? undefined : i;
}
/**
 * The first entry that allows the endpoint. `dnsNames(address)` returns names DNS answers in the
 * same reports gave for an address: a connection known only by its IP is allowed when one of those
 * names is an allowed host.
 */
function findMatch(entries, endpoint, dnsNames = () => []) {
    const byAddress = (0,external_node_net_.isIP)(endpoint.host) !== 0;
    const addresses = byAddress ? [endpoint.host, ...endpoint.addresses] : endpoint.addresses;
    for (const entry of entries) {
        if (entry.transport && entry.transport !== endpoint.transport)
            continue;
        const index = portIndex(entry, endpoint.port);
        if (index === undefined)
            continue;
        if (entry.host && (0,external_node_net_.isIP)(entry.host)) {
            // `host: 203.0.113.5` is an address, not a name: it matches the endpoint's addresses (a
            // connection to it that nothing named, or a name that resolved to it).
            if (addresses.some((a) => sameAddress(entry.host, a)))
                return { entry, portIndex: index, via: 'host' };
        }
        else if (entry.host) {
            if (!byAddress && hostMatches(entry.host, endpoint.host))
                return { entry, portIndex: index, via: 'host' };
            if (byAddress && addresses.some((a) => dnsNames(a).some((n) => hostMatches(entry.host, n)))) {
                return { entry, portIndex: index, via: 'dns' };
            }
        }
        if (entry.cidr && addresses.some((a) => cidrContains(entry.cidr, a)))
            return { entry, portIndex: index, via: 'cidr' };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./shared/egress/diff/diff.ts
/**
 * Observed egress against the manifest: which endpoints are new (observed, not allowed), which are
 * allowed, and which manifest entries went unused. Reports from several jobs (a matrix) are merged
 * first, so one verdict covers the whole workflow.
 */



const key = (e) => `${e.host.toLowerCase()}|${e.port}|${e.transport}`;
const union = (a, b) => {
    for (const x of b ?? [])
        if (!a.includes(x))
            a.push(x);
    return a;
};
/** Merges endpoints of several reports by (host, port, transport), summing counts, uniting steps. */
function mergeReports(reports) {
    const merged = new Map();
    for (const report of reports) {
        for (const e of report.endpoints) {
            const k = key(e);
            let m = merged.get(k);
            if (!m) {
                m = {
                    host: e.host.toLowerCase().replace(/\.$/, ''),
                    port: e.port,
                    transport: e.transport,
                    protocols: [],
                    namedBy: [],
                    addresses: [],
                    steps: [],
                    jobs: [],
                    connections: 0,
                    failed: 0,
                    bytes: 0,
                    firstSeen: e.firstSeen,
                    lastSeen: e.lastSeen,
                };
                merged.set(k, m);
            }
            union(m.protocols, [e.protocol]);
            union(m.namedBy, [e.namedBy]);
            union(m.addresses, e.addresses);
            union(m.steps, e.steps);
            if (report.job)
                union(m.jobs, [report.job]);
            m.connections += e.connections;
            m.failed += e.failed;
            m.bytes += e.bytes ?? 0;
            if (e.firstSeen < m.firstSeen)
                m.firstSeen = e.firstSeen;
            if (e.lastSeen > m.lastSeen)
                m.lastSeen = e.lastSeen;
        }
    }
    return [...merged.values()].sort((a, b) => a.host.localeCompare(b.host) || a.port - b.port);
}
function diffEgress(manifest, reports) {
    const endpoints = mergeReports(reports);
    // DNS evidence: every name an endpoint was known by, per address it was reached at. Names come
    // from the flows themselves (SNI, Host) or from DNS answers the decoder joined to the flow.
    const namesByAddress = new Map();
    for (const e of endpoints) {
        if ((0,external_node_net_.isIP)(e.host))
            continue;
        for (const a of e.addresses)
            union(namesByAddress.get(a) ?? namesByAddress.set(a, []).get(a), [e.host]);
    }
    const dnsNames = (address) => namesByAddress.get(address) ?? [];
    const used = new Set();
    const result = { manifest: manifest.file, reports: reports.length, new: [], unused: [], allowed: [] };
    for (const e of endpoints) {
        const match = findMatch(manifest.entries, e, dnsNames);
        if (!match) {
            result.new.push({ status: 'new', ...e });
            continue;
        }
        used.add(`${match.entry.index}:${match.portIndex}`);
        result.allowed.push({ status: 'allowed', ...e, entry: entryRef(match.entry), via: match.via });
    }
    for (const entry of manifest.entries) {
        const ports = entry.ports ?? [undefined];
        ports.forEach((range, i) => {
            const portIndex = entry.ports ? i : -1;
            if (used.has(`${entry.index}:${portIndex}`))
                return;
            const item = { ...entryRef(entry), port: range ? (0,manifest_manifest/* formatPortRange */.QM)(range) : null };
            if (entry.transport)
                item.transport = entry.transport;
            if (entry.reason)
                item.reason = entry.reason;
            if (entry.owner)
                item.owner = entry.owner;
            result.unused.push(item);
        });
    }
    return result;
}
function entryRef(entry) {
    const ref = { index: entry.index };
    if (entry.host)
        ref.host = entry.host;
    if (entry.cidr)
        ref.cidr = entry.cidr.text;
    if (entry.location.line !== undefined)
        ref.line = entry.location.line;
    return ref;
}

// EXTERNAL MODULE: ./shared/egress/diff/reports.ts + 1 modules
var diff_reports = __webpack_require__(8120);
// EXTERNAL MODULE: ./shared/egress/manifest/update.ts
var update = __webpack_require__(5135);
// EXTERNAL MODULE: ./shared/egress/diff/render.ts
var render = __webpack_require__(7515);
;// CONCATENATED MODULE: ./shared/egress/policy.ts
/**
 * The egress verdict: a diff of observed endpoints against the manifest, judged by the policy.
 * `audit` only reports; `enforce` fails on new endpoints. Pure: it returns the verdict and the body of
 * the PR comment / job summary, and the adapter (action.ts, or the CLI) decides where they go.
 */


function parsePolicy(value) {
    if (value === 'audit' || value === 'enforce')
        return value;
    throw new InputError(`policy must be 'audit' or 'enforce', not '${value}'`, {
        hint: "'audit' reports new endpoints; 'enforce' also fails the job",
    });
}
function judgeEgress(diff, options) {
    const diffMarkdown = (0,render/* renderDiffMarkdown */.rw)(diff, {
        policy: options.policy,
        manifest: options.manifest,
        ...(options.runUrl ? { runUrl: options.runUrl } : {}),
    });
    const body = options.preface ? `${options.preface}\n\n${diffMarkdown}` : diffMarkdown;
    const failed = options.policy === 'enforce' && diff.new.length > 0;
    const message = diff.new.length
        ? `${diff.new.length} new endpoint(s) not in ${options.manifest}: ${diff.new
            .slice(0, 5)
            .map((e) => `${e.host}:${e.port}`)
            .join(', ')}${diff.new.length > 5 ? ', …' : ''}`
        : `all ${diff.allowed.length} observed endpoint(s) are allowed by ${options.manifest}`;
    return { diff, body, failed, message };
}

// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: external "node:dns"
var external_node_dns_ = __webpack_require__(610);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
;// CONCATENATED MODULE: ./shared/egress/preflight/probe.ts
/**
 * The network side of preflight: DNS, TCP, TLS and one HTTP request, each bounded by a deadline
 * and each failure named the way an operator reads it. A silently dropped SYN (a closed ACL or
 * security group) is a `timeout`; an RST is `refused`; no route is `unreachable`.
 */




/** A failed step: the verdict and the operator-facing detail. */
class ProbeFailure extends Error {
    status;
    constructor(status, detail) {
        super(detail);
        this.status = status;
    }
}
const remaining = (deadline) => Math.max(1, deadline - Date.now());
/**
 * A and AAAA answers (RFC 1035 §3.4.1, RFC 3596) from the configured DNS server, raced against the
 * system resolver (getaddrinfo: /etc/hosts, then DNS), which is what real clients use. Whichever
 * first yields addresses wins, so a name only /etc/hosts knows does not wait out a DNS timeout.
 */
async function resolveAddresses(host, deadline) {
    if ((0,external_node_net_.isIP)(host))
        return [host];
    const resolver = new external_node_dns_.promises.Resolver({ timeout: remaining(deadline), tries: 1 });
    const codes = [];
    const fromDns = Promise.allSettled([resolver.resolve4(host), resolver.resolve6(host)]).then((answers) => {
        const addresses = answers.flatMap((a) => (a.status === 'fulfilled' ? a.value : []));
        for (const a of answers)
            codes.push(a.status === 'rejected' ? (a.reason.code ?? '') : 'ENODATA');
        if (!addresses.length)
            throw new Error('no DNS answer');
        return addresses;
    });
    const fromSystem = withTimeout(external_node_dns_.promises.lookup(host, { all: true }), remaining(deadline)).then((found) => {
        if (!found.length)
            throw new Error('no system answer');
        return found.map((a) => a.address);
    });
    try {
        return await Promise.any([fromDns, fromSystem]);
    }
    catch {
        // Neither answered: the DNS codes below say why.
    }
    finally {
        // The loser may still be waiting on a server; it must not hold the process open.
        resolver.cancel();
    }
    if (codes.includes('ETIMEOUT'))
        throw new ProbeFailure('dns-failed', `DNS: no answer for ${host} before the timeout`);
    if (codes.includes('ENOTFOUND'))
        throw new ProbeFailure('dns-failed', `DNS: ${host} does not exist (NXDOMAIN)`);
    if (codes.length && codes.every((c) => c === 'ENODATA')) {
        throw new ProbeFailure('dns-failed', `DNS: ${host} has no A or AAAA records`);
    }
    throw new ProbeFailure('dns-failed', `DNS: lookup of ${host} failed (${codes.join(', ') || 'no answer'})`);
}
/** Connects to every address at once; the first to answer wins, the rest are closed. */
async function connectAny(addresses, port, deadline) {
    const failures = [];
    return new Promise((resolve, reject) => {
        let settled = false;
        const sockets = [];
        const timer = setTimeout(() => finish(), remaining(deadline));
        const finish = (winner) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            for (const s of sockets)
                if (s !== winner?.socket)
                    s.destroy();
            if (winner)
                return resolve(winner);
            for (const a of addresses) {
                if (!failures.some((f) => f.address === a))
                    failures.push({ address: a, status: 'timeout', detail: 'no answer (packets dropped?)' });
            }
            // The most telling verdict: a refusal proves the host is there; a timeout says nothing answered.
            const order = ['refused', 'unreachable', 'timeout'];
            const status = order.find((s) => failures.some((f) => f.status === s)) ?? 'unreachable';
            reject(new ProbeFailure(status, `TCP ${port}: ${failures.map((f) => `${f.address} ${f.detail}`).join('; ')}`));
        };
        for (const address of addresses) {
            const socket = (0,external_node_net_.connect)({ host: address, port });
            sockets.push(socket);
            socket.once('connect', () => finish({ socket, address }));
            socket.once('error', (error) => {
                failures.push({ address, ...describeSocketError(error) });
                if (failures.length === addresses.length)
                    finish();
            });
        }
        if (!addresses.length)
            finish();
    });
}
function describeSocketError(error) {
    switch (error.code) {
        case 'ECONNREFUSED':
            return { status: 'refused', detail: 'refused (RST)' };
        case 'EHOSTUNREACH':
        case 'ENETUNREACH':
        case 'EADDRNOTAVAIL':
        case 'EAFNOSUPPORT':
            return { status: 'unreachable', detail: `unreachable (${error.code})` };
        case 'ETIMEDOUT':
            return { status: 'timeout', detail: 'timed out' };
        default:
            return { status: 'unreachable', detail: error.code ?? error.message };
    }
}
/** TLS handshake over the connected socket, verifying the chain and the name (RFC 6125). */
function tlsHandshake(socket, host, deadline) {
    return new Promise((resolve, reject) => {
        const tls = (0,external_node_tls_.connect)({
            socket,
            host,
            ...((0,external_node_net_.isIP)(host) ? {} : { servername: host }),
            ALPNProtocols: ['http/1.1'],
        });
        const timer = setTimeout(() => {
            tls.destroy();
            reject(new ProbeFailure('timeout', 'TLS: no handshake before the timeout'));
        }, remaining(deadline));
        tls.once('secureConnect', () => {
            clearTimeout(timer);
            resolve(tls);
        });
        tls.once('error', (error) => {
            clearTimeout(timer);
            tls.destroy();
            reject(new ProbeFailure('tls-failed', `TLS: ${error.code ? `${error.code}: ` : ''}${error.message}`));
        });
    });
}
/** One GET over an already connected (and, for https, handshaken) socket. */
function httpGet(socket, url, deadline) {
    return new Promise((resolve, reject) => {
        const req = (0,external_node_http_.request)({
            createConnection: () => socket,
            method: 'GET',
            path: `${url.pathname}${url.search}`,
            headers: { host: url.host, 'user-agent': 'telltale-preflight', accept: '*/*', connection: 'close' },
        });
        const timer = setTimeout(() => {
            req.destroy();
            reject(new ProbeFailure('timeout', `HTTP: no response from ${url.href} before the timeout`));
        }, remaining(deadline));
        req.once('response', (res) => {
            clearTimeout(timer);
            const answer = { status: res.statusCode ?? 0 };
            if (typeof res.headers.location === 'string')
                answer.location = res.headers.location;
            res.resume();
            res.destroy();
            socket.destroy();
            resolve(answer);
        });
        req.once('error', (error) => {
            clearTimeout(timer);
            reject(new ProbeFailure('http-failed', `HTTP: ${error.code ?? ''} ${error.message}`.trim()));
        });
        req.end();
    });
}
function withTimeout(promise, ms) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('timeout')), ms);
        promise.then((v) => {
            clearTimeout(timer);
            resolve(v);
        }, (e) => {
            clearTimeout(timer);
            reject(e instanceof Error ? e : new Error(String(e)));
        });
    });
}

;// CONCATENATED MODULE: ./shared/egress/preflight/targets.ts
/**
 * What preflight can check in a manifest: every concrete host and port. Wildcards and CIDRs name
 * many endpoints, so they are checked only through their `probe:` URL; port ranges and UDP have no
 * handshake to test and are reported as not checkable rather than silently passed.
 */

/** Ports where a TLS handshake is expected (HTTPS, DoT, IMAPS/POP3S/SMTPS, LDAPS, Kubernetes). */
const TLS_PORTS = new Set([443, 465, 636, 853, 993, 995, 6443, 8443, 9443]);
/** Ports where an HTTP request is expected (plain or over TLS). */
const HTTP_PORTS = new Set([80, 443, 8080, 8443]);
function preflightTargets(entries) {
    const targets = [];
    for (const entry of entries) {
        const name = entry.host ?? entry.cidr?.text ?? '';
        const probe = entry.probe ? new URL(entry.probe) : undefined;
        const probePort = probe ? Number(probe.port || (probe.protocol === 'https:' ? 443 : 80)) : undefined;
        if (entry.transport === 'udp') {
            targets.push({
                host: name,
                port: entry.ports?.[0]?.from ?? 0,
                entry: entry.index,
                tls: false,
                skip: 'UDP has no handshake to check',
            });
            continue;
        }
        const concrete = entry.host && !entry.host.startsWith('*.');
        if (!concrete) {
            if (probe) {
                targets.push(probeTarget(probe, probePort, entry.index));
            }
            else {
                const what = entry.cidr ? 'a CIDR' : 'a wildcard';
                targets.push({
                    host: name,
                    port: entry.ports?.[0]?.from ?? 0,
                    entry: entry.index,
                    tls: false,
                    skip: `${what}: add a probe URL to check it`,
                });
            }
            continue;
        }
        const host = entry.host;
        const ports = entry.ports ?? [{ from: probePort ?? 443, to: probePort ?? 443 }];
        for (const range of ports) {
            if (range.from !== range.to) {
                targets.push({
                    host,
                    port: range.from,
                    entry: entry.index,
                    tls: false,
                    skip: `port range ${range.from}-${range.to}`,
                });
                continue;
            }
            const port = range.from;
            const target = { host, port, entry: entry.index, tls: TLS_PORTS.has(port) };
            if (probe && probePort === port && probe.hostname.toLowerCase() === host) {
                target.url = probe.href;
                target.probe = true;
                target.tls = probe.protocol === 'https:';
            }
            else if (HTTP_PORTS.has(port)) {
                target.url = `${target.tls ? 'https' : 'http'}://${(0,external_node_net_.isIP)(host) === 6 ? `[${host}]` : host}:${port}/`;
            }
            if (!entry.ports)
                target.note = `no ports listed: checked ${port}`;
            targets.push(target);
        }
        // A probe on another host or port than the entry's own is checked on its own.
        if (probe &&
            !(probe.hostname.toLowerCase() === host && ports.some((r) => r.from === probePort && r.to === probePort))) {
            targets.push(probeTarget(probe, probePort, entry.index));
        }
    }
    return targets;
}
function probeTarget(probe, port, entry) {
    return {
        host: probe.hostname.replace(/^\[|\]$/g, '').toLowerCase(),
        port,
        entry,
        tls: probe.protocol === 'https:',
        url: probe.href,
        probe: true,
    };
}

;// CONCATENATED MODULE: ./shared/egress/preflight/preflight.ts
/**
 * Preflight: before a deployment (or a job in block mode) depends on the manifest, check from this
 * host that every endpoint in it answers: DNS, TCP, TLS with certificate and name verification, and
 * an HTTP request with redirects followed. A redirect to a host the manifest does not list is a
 * failure: a client held to the manifest would be stopped there (the release-assets.githubusercontent.com
 * case in the egress notes).
 *
 * Targets run in parallel under a concurrency limit and each has the whole timeout as its budget,
 * so a run takes about one timeout, not the sum.
 */




async function runPreflight(manifest, options) {
    const limit = (0,p_limit/* default */.A)(options.concurrency ?? 16);
    const targets = preflightTargets(manifest.entries);
    const results = await Promise.all(targets.map((t) => limit(() => checkTarget(manifest, t, options))));
    return {
        manifest: manifest.file,
        timeoutMs: options.timeoutMs,
        results,
        ok: results.every((r) => r.status === 'ok' || r.status === 'skipped'),
    };
}
async function checkTarget(manifest, target, options) {
    const started = Date.now();
    const result = {
        host: target.host,
        port: target.port,
        status: 'ok',
        detail: '',
        redirects: [],
        addresses: [],
        entry: target.entry,
        ms: 0,
    };
    const finish = (status, detail) => {
        result.status = status;
        result.detail = target.note ? `${detail} (${target.note})` : detail;
        result.ms = Date.now() - started;
        return result;
    };
    if (target.skip)
        return finish('skipped', `not checkable: ${target.skip}`);
    const deadline = started + options.timeoutMs;
    try {
        const { socket, addresses } = await preflight_open(target.host, target.port, target.tls, deadline);
        result.addresses = addresses;
        if (!target.url) {
            socket.destroy();
            return finish('ok', target.tls ? 'TCP and TLS ok' : 'TCP ok');
        }
        return await followHttp(manifest, target, socket, deadline, options.maxRedirects ?? 5, result, finish);
    }
    catch (error) {
        if (error instanceof ProbeFailure)
            return finish(error.status, error.message);
        return finish('unreachable', error.message);
    }
}
async function preflight_open(host, port, tls, deadline) {
    const addresses = await resolveAddresses(host, deadline);
    const { socket } = await connectAny(addresses, port, deadline);
    if (!tls)
        return { socket, addresses };
    return { socket: await tlsHandshake(socket, host, deadline), addresses };
}
async function followHttp(manifest, target, first, deadline, maxRedirects, result, finish) {
    let url = new URL(target.url);
    let socket = first;
    for (let hop = 0;; hop++) {
        if (!socket) {
            const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
            const host = url.hostname.replace(/^\[|\]$/g, '');
            socket = (await preflight_open(host, port, url.protocol === 'https:', deadline)).socket;
        }
        const answer = await httpGet(socket, url, deadline);
        socket = undefined;
        const redirect = answer.status >= 300 && answer.status < 400 && answer.location;
        if (!redirect) {
            // Without a probe URL any answer but a server error shows the endpoint serves; with one, the
            // user named a URL that should work, so a client error fails too.
            const bad = answer.status >= (target.probe ? 400 : 500);
            const via = result.redirects.length ? ` after ${result.redirects.length} redirect(s)` : '';
            return bad
                ? finish('http-failed', `HTTP ${answer.status} from ${url.href}${via}`)
                : finish('ok', `HTTP ${answer.status}${via}`);
        }
        if (hop >= maxRedirects)
            return finish('http-failed', `more than ${maxRedirects} redirects`);
        const next = new URL(answer.location, url);
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
            return finish('http-failed', `redirects to a non-HTTP URL ${next.protocol}`);
        }
        result.redirects.push(next.href);
        const port = Number(next.port || (next.protocol === 'https:' ? 443 : 80));
        const host = next.hostname.replace(/^\[|\]$/g, '').toLowerCase();
        const listed = findMatch(manifest.entries, { host, port, transport: 'tcp', addresses: [] });
        if (!listed) {
            return finish('http-failed', `redirects to unlisted host ${host}:${port} (${next.href})`);
        }
        url = next;
    }
}

// EXTERNAL MODULE: ./shared/report/escape.ts
var report_escape = __webpack_require__(6682);
// EXTERNAL MODULE: ./shared/report/markdown.ts
var markdown = __webpack_require__(216);
;// CONCATENATED MODULE: ./shared/egress/preflight/render.ts
/** Preflight results as Markdown (job summary, terminal) and plain text. */


const ICON = { ok: '✅', skipped: '➖' };
function renderPreflightMarkdown(report) {
    const failed = report.results.filter((r) => r.status !== 'ok' && r.status !== 'skipped');
    const checked = report.results.filter((r) => r.status !== 'skipped').length;
    const head = failed.length
        ? `❌ **telltale preflight**: ${failed.length} of ${checked} endpoints in ${(0,report_escape/* markdownCode */.D9)(report.manifest)} are not reachable from here.`
        : `✅ **telltale preflight**: all ${checked} checkable endpoints in ${(0,report_escape/* markdownCode */.D9)(report.manifest)} answered.`;
    const table = (0,markdown/* markdownTable */.Qj)(['', 'Host', 'Port', 'Status', 'Detail'], report.results.map((r) => [
        ICON[r.status] ?? '❌',
        (0,report_escape/* markdownCode */.D9)(r.host),
        String(r.port || '—'),
        `\`${r.status}\``,
        (0,report_escape.escapeMarkdown)(r.detail + (r.redirects.length ? ` → ${r.redirects.join(' → ')}` : '')),
    ]));
    return `${head}\n\n${table}\n`;
}

;// CONCATENATED MODULE: ./shared/egress/render/endpoints.ts


/** "quic draft-29": a QUIC endpoint says which version it spoke (a name telltale makes, not input). */
function protocolText(e) {
    return e.quicVersion ? `${e.protocol} ${e.quicVersion}` : e.protocol;
}
function failureText(e) {
    return e.failed ? `${e.failed}/${e.connections} failed (${e.failures.join(', ')})` : '';
}
function addressText(e, format) {
    const listed = e.addresses.map(format).join(' ');
    const more = e.addressesOmitted ? ` (+${e.addressesOmitted} more)` : '';
    const nat = e.natClients?.length ? ` (before NAT: ${e.natClients.map(format).join(' ')})` : '';
    return listed ? `${listed}${more}${nat}` : e.via ? `via ${format(e.via)}` : '';
}
function summaryLine(report) {
    const failed = report.endpoints.filter((e) => e.failed).length;
    const parts = [
        `${report.endpoints.length} endpoint${report.endpoints.length === 1 ? '' : 's'}`,
        `${report.capture.packets} packets`,
    ];
    if (failed)
        parts.push(`${failed} with failed connections`);
    if (report.failedLookups.length)
        parts.push(`${report.failedLookups.length} failed DNS lookups`);
    if (report.lookedUp?.length)
        parts.push(`${report.lookedUp.length} names looked up, not contacted`);
    if (report.capture.dropped !== undefined)
        parts.push(`${report.capture.dropped} dropped by the kernel`);
    return parts.join(', ');
}
function renderEndpointsText(report) {
    const header = ['HOST', 'PORT', 'PROTO', 'NAMED BY', 'CONN', 'ADDRESSES', 'STEPS', 'FAILED'];
    const rows = report.endpoints.map((e) => [
        (0,report_escape.visibleControls)(e.host),
        `${e.port}/${e.transport}`,
        protocolText(e),
        e.namedBy,
        String(e.connections),
        addressText(e, report_escape.visibleControls),
        (e.steps ?? []).map(report_escape.visibleControls).join(', '),
        failureText(e),
    ]);
    const widths = header.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map((r) => r[i].length))));
    const line = (cells) => cells
        .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
        .join('  ')
        .trimEnd();
    const out = [line(header), ...rows.map(line)];
    for (const lookup of report.failedLookups) {
        out.push(`lookup failed: ${(0,report_escape.visibleControls)(lookup.name)} ${lookup.type} -> ${lookup.rcode} (server ${lookup.server})`);
    }
    for (const name of report.lookedUp ?? []) {
        const addresses = name.addresses.length ? ` -> ${name.addresses.map(report_escape.visibleControls).join(' ')}` : '';
        out.push(`looked up, not contacted: ${(0,report_escape.visibleControls)(name.name)} ${name.types.join('/')}${addresses}`);
    }
    for (const warning of report.warnings)
        out.push(`warning: ${(0,report_escape.visibleControls)(warning)}`);
    out.push(summaryLine(report));
    return `${out.join('\n')}\n`;
}
function renderEndpointsMarkdown(report, title = 'Egress') {
    const rows = report.endpoints.map((e) => [
        (0,report_escape/* markdownCode */.D9)(e.host),
        `${e.port}/${e.transport}`,
        protocolText(e),
        e.namedBy,
        String(e.connections),
        addressText(e, report_escape/* markdownCode */.D9),
        (e.steps ?? []).map(report_escape/* markdownCode */.D9).join(', '),
        failureText(e) ? `⚠️ ${failureText(e)}` : '',
    ]);
    const parts = [
        `### ${title}: ${summaryLine(report)}`,
        '',
        (0,markdown/* markdownTable */.Qj)(['Host', 'Port', 'Protocol', 'Named by', 'Connections', 'Addresses', 'Steps', 'Failures'], rows),
    ];
    if (report.failedLookups.length) {
        parts.push('', '#### Failed DNS lookups (attempted egress)', '', (0,markdown/* markdownTable */.Qj)(['Name', 'Type', 'Result', 'Server'], report.failedLookups.map((l) => [(0,report_escape/* markdownCode */.D9)(l.name), l.type, l.rcode, (0,report_escape/* markdownCode */.D9)(l.server)])));
    }
    if (report.lookedUp?.length) {
        parts.push('', '#### Looked up, not contacted (the name reached the resolver; no connection used it)', '', (0,markdown/* markdownTable */.Qj)(['Name', 'Types', 'Addresses', 'Server'], report.lookedUp.map((l) => [
            (0,report_escape/* markdownCode */.D9)(l.name),
            l.types.join(', '),
            l.addresses.map(report_escape/* markdownCode */.D9).join(' '),
            (0,report_escape/* markdownCode */.D9)(l.server),
        ])));
    }
    if (report.warnings.length)
        parts.push('', ...report.warnings.map((w) => `> ⚠️ ${(0,report_escape/* markdownCode */.D9)(w)}`));
    return `${parts.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./shared/egress/run.ts
/**
 * One egress run, the same for the CLI and the actions, returning plain data: name the endpoints of a
 * capture file (`analyze`), judge observed reports against the manifest (`diff`, optionally adding
 * the new endpoints to it), and check from here that every manifest endpoint answers (`preflight`).
 * Where the results go (stdout, the job summary, a PR comment, outputs) is the adapter's business.
 */













/** Every endpoint in a pcap or pcapng file. */
function analyzeEgress(file, options = {}) {
    return (0,analyze/* analyzeCaptureFile */.L)(file, options);
}
/** Several capture files as one report: connections and DNS answers pooled. */
function analyzeEgressMerged(files, options = {}) {
    return (0,analyze/* analyzeCaptureFilesMerged */.k)(files, options);
}
/** The report as the user asked for it; `json` is the egress-report.json every capture writes. */
function renderEgressReport(report, format) {
    if (format === 'json')
        return `${JSON.stringify(report, null, 2)}\n`;
    if (format === 'markdown')
        return renderEndpointsMarkdown(report);
    return renderEndpointsText(report);
}
/** A manifest that does not exist yet, for `--update` to start from what a run observed. */
const EMPTY_MANIFEST = "# Endpoints this repository's jobs may reach: see docs/egress-policy.md\nversion: 1\nallow: []\n";
async function diffEgressRun(options) {
    const manifest = options.update && !(0,external_node_fs_.existsSync)(options.manifest)
        ? (0,manifest_manifest/* parseManifest */.Ng)(EMPTY_MANIFEST, options.manifest)
        : await (0,manifest_manifest/* loadManifest */.eY)(options.manifest);
    const reports = [...(options.reports ?? []), ...(options.reportFiles ? await (0,diff_reports/* loadReports */.yc)(options.reportFiles) : [])];
    const judge = (m) => judgeEgress(diffEgress(m, reports), {
        policy: options.policy,
        manifest: options.manifestLabel ?? options.manifest,
        runUrl: options.runUrl,
        preface: options.preface,
    });
    const verdict = judge(manifest);
    if (!options.update)
        return { verdict };
    const { usable, allFailed } = (0,update/* splitAllFailed */.zY)(verdict.diff.new);
    const proposals = (0,update/* proposeEntries */.$_)(usable);
    let after = verdict;
    if (proposals.length) {
        const text = (0,update/* updateManifest */.xA)(manifest, proposals, options.update.note);
        await (0,promises_.writeFile)(options.manifest, text);
        // The verdict the user now has: what is still new (left out, or not writable as a host).
        after = judge((0,manifest_manifest/* parseManifest */.Ng)(text, options.manifest));
    }
    const leftOut = allFailed.map((e) => ({ host: e.host, port: e.port, transport: e.transport }));
    return {
        verdict,
        updated: {
            file: options.manifest,
            added: proposals.length ? usable.length : 0,
            leftOut,
            leftOutSnippet: leftOut.length ? (0,update/* renderSnippet */.yh)((0,update/* proposeEntries */.$_)(leftOut)) : '',
            verdict: after,
        },
    };
}
async function preflightEgress(options) {
    const timeoutMs = (0,duration/* parseDuration */.E)(options.timeout, { what: options.name('timeout') });
    const concurrency = Number(options.concurrency);
    if (!/^\s*\d+\s*$/.test(options.concurrency) || !Number.isInteger(concurrency) || concurrency < 1) {
        throw new errors.InputError(`${options.name('concurrency')}: '${options.concurrency}' is not a positive whole number`);
    }
    const report = await runPreflight(await (0,manifest_manifest/* loadManifest */.eY)(options.manifest), { timeoutMs, concurrency });
    return { report, failed: report.results.filter((r) => r.status !== 'ok' && r.status !== 'skipped') };
}
/** The preflight report as the user asked for it. */
function renderPreflightReport(report, format) {
    return format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderPreflightMarkdown(report);
}


/***/ }),

/***/ 216:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qj: () => (/* binding */ markdownTable),
/* harmony export */   o4: () => (/* binding */ truncateMarkdown),
/* harmony export */   oG: () => (/* binding */ markdownDetails)
/* harmony export */ });
/* unused harmony export truncateMarkdownBytes */
/**
 * Small Markdown builders shared by every report. Cells and text passed in must already be escaped
 * with `escapeMarkdown` or `markdownCode` (shared/report/escape.ts); these functions only lay out.
 */
/** A GFM table. Rows shorter than the header are padded with empty cells. */
function markdownTable(header, rows) {
    const line = (cells) => `| ${header.map((_, i) => (cells[i] ?? '').replace(/\r?\n/g, ' ')).join(' | ')} |`;
    return [line(header), `|${header.map(() => ' --- |').join('')}`, ...rows.map(line)].join('\n');
}
/** A collapsed `<details>` block; GitHub needs the blank lines for Markdown inside to render. */
function markdownDetails(summary, body) {
    return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
/**
 * Cuts Markdown to at most `limit` UTF-16 code units (GitHub's comment limit is 65,536), at a line
 * boundary, never inside a surrogate pair, and appends `note`. Returns the text unchanged when it fits.
 */
function truncateMarkdown(text, limit, note) {
    if (text.length <= limit)
        return text;
    const budget = limit - note.length - 2;
    if (budget <= 0)
        return note.slice(0, limit);
    let cut = text.lastIndexOf('\n', budget);
    if (cut < budget / 2)
        cut = budget;
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        cut -= 1;
    return `${text.slice(0, cut)}\n\n${note}`;
}
/**
 * Like `truncateMarkdown`, but counts UTF-8 bytes, the unit of the runner's job-summary limit
 * (1 MiB per step): the cut is at a line boundary when one is near, else at a character boundary,
 * and `note` follows. Returns the text unchanged when it fits; an empty string when not even the
 * note does.
 */
function truncateMarkdownBytes(text, limit, note) {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length <= limit)
        return text;
    const noteBytes = Buffer.byteLength(note, 'utf8') + 2;
    const budget = limit - noteBytes;
    if (budget <= 0)
        return Buffer.byteLength(note, 'utf8') <= limit ? note : '';
    let cut = bytes.lastIndexOf(0x0a, budget - 1);
    if (cut < budget / 2) {
        cut = budget;
        // Back off UTF-8 continuation bytes (10xxxxxx) so no character is split.
        while (cut > 0 && (bytes[cut] & 0xc0) === 0x80)
            cut -= 1;
    }
    let head = bytes.subarray(0, cut).toString('utf8');
    // Never split a surrogate pair's worth of text either (a cut inside one decodes as U+FFFD).
    head = head.replace(/\ufffd$/, '');
    return `${head}\n\n${note}`;
}


/***/ }),

/***/ 8515:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1472);
/**
 * The one duration parser: `--timeout 3s`, `--since 24h`, action inputs like `1m30s`.
 * Units: ms, s, m, h, d, w; several may be combined (`1h30m`). A bare number is in `defaultUnit`.
 */

const UNIT_MS = {
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
    w: 604_800_000,
};
/** Milliseconds in `text`; an InputError naming `what` (a flag or input) when it is not a duration. */
function parseDuration(text, options = {}) {
    const trimmed = text.trim().toLowerCase();
    const fail = () => new _errors_js__WEBPACK_IMPORTED_MODULE_0__.InputError(`${options.what ? `${options.what}: ` : ''}'${text}' is not a duration`, {
        ...(options.location ? { location: options.location } : {}),
        hint: 'write a number with a unit: 500ms, 3s, 5m, 24h, 7d, 1w, or combined like 1h30m',
    });
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Number(trimmed) * UNIT_MS[options.defaultUnit ?? 's'];
    const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g)];
    if (!parts.length || parts.map((p) => p[0]).join('') !== trimmed)
        throw fail();
    const total = parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_MS[p[2]], 0);
    if (!Number.isFinite(total))
        throw fail();
    return Math.round(total);
}


/***/ }),

/***/ 370:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ pLimit)
});

// UNUSED EXPORTS: limitFunction

;// CONCATENATED MODULE: ./node_modules/yocto-queue/index.js
/*
How it works:
`this.#head` is an instance of `Node` which keeps track of its current value and nests another instance of `Node` that keeps the value that comes after it. When a value is provided to `.enqueue()`, the code needs to iterate through `this.#head`, going deeper and deeper to find the last value. However, iterating through every single item is slow. This problem is solved by saving a reference to the last value as `this.#tail` so that it can reference it to add a new value.
*/

class Node {
	value;
	next;

	constructor(value) {
		this.value = value;
	}
}

class Queue {
	#head;
	#tail;
	#size;

	constructor() {
		this.clear();
	}

	enqueue(value) {
		const node = new Node(value);

		if (this.#head) {
			this.#tail.next = node;
			this.#tail = node;
		} else {
			this.#head = node;
			this.#tail = node;
		}

		this.#size++;
	}

	dequeue() {
		const current = this.#head;
		if (!current) {
			return;
		}

		this.#head = this.#head.next;
		this.#size--;

		// Clean up tail reference when queue becomes empty
		if (!this.#head) {
			this.#tail = undefined;
		}

		return current.value;
	}

	peek() {
		if (!this.#head) {
			return;
		}

		return this.#head.value;

		// TODO: Node.js 18.
		// return this.#head?.value;
	}

	clear() {
		this.#head = undefined;
		this.#tail = undefined;
		this.#size = 0;
	}

	get size() {
		return this.#size;
	}

	* [Symbol.iterator]() {
		let current = this.#head;

		while (current) {
			yield current.value;
			current = current.next;
		}
	}

	* drain() {
		while (this.#head) {
			yield this.dequeue();
		}
	}
}

;// CONCATENATED MODULE: ./node_modules/p-limit/index.js


function pLimit(concurrency) {
	let rejectOnClear = false;

	if (typeof concurrency === 'object') {
		({concurrency, rejectOnClear = false} = concurrency);
	}

	validateConcurrency(concurrency);

	if (typeof rejectOnClear !== 'boolean') {
		throw new TypeError('Expected `rejectOnClear` to be a boolean');
	}

	const queue = new Queue();
	let activeCount = 0;

	const resumeNext = () => {
		// Process the next queued function if we're under the concurrency limit
		if (activeCount < concurrency && queue.size > 0) {
			activeCount++;
			queue.dequeue().run();
		}
	};

	const next = () => {
		activeCount--;
		resumeNext();
	};

	const run = async (function_, resolve, arguments_) => {
		// Execute the function and capture the result promise
		const result = (async () => function_(...arguments_))();

		// Resolve immediately with the promise (don't wait for completion)
		resolve(result);

		// Wait for the function to complete (success or failure)
		// We catch errors here to prevent unhandled rejections,
		// but the original promise rejection is preserved for the caller
		try {
			await result;
		} catch {}

		// Decrement active count and process next queued function
		next();
	};

	const enqueue = (function_, resolve, reject, arguments_) => {
		const queueItem = {reject};

		// Queue the internal resolve function instead of the run function
		// to preserve the asynchronous execution context.
		new Promise(internalResolve => { // eslint-disable-line promise/param-names
			queueItem.run = internalResolve;
			queue.enqueue(queueItem);
		}).then(run.bind(undefined, function_, resolve, arguments_)); // eslint-disable-line promise/prefer-await-to-then

		// Start processing immediately if we haven't reached the concurrency limit
		if (activeCount < concurrency) {
			resumeNext();
		}
	};

	const generator = (function_, ...arguments_) => new Promise((resolve, reject) => {
		enqueue(function_, resolve, reject, arguments_);
	});

	Object.defineProperties(generator, {
		activeCount: {
			get: () => activeCount,
		},
		pendingCount: {
			get: () => queue.size,
		},
		clearQueue: {
			value() {
				if (!rejectOnClear) {
					queue.clear();
					return;
				}

				const abortError = AbortSignal.abort().reason;

				while (queue.size > 0) {
					queue.dequeue().reject(abortError);
				}
			},
		},
		concurrency: {
			get: () => concurrency,

			set(newConcurrency) {
				validateConcurrency(newConcurrency);
				concurrency = newConcurrency;

				queueMicrotask(() => {
					// eslint-disable-next-line no-unmodified-loop-condition
					while (activeCount < concurrency && queue.size > 0) {
						resumeNext();
					}
				});
			},
		},
		map: {
			async value(iterable, function_) {
				const promises = [];

				try {
					Array.from(iterable, (value, index) => {
						const promise = generator(function_, value, index);
						promises.push(promise);
						return promise;
					});
				} catch (error) {
					// The iterable threw, so `Promise.all` never observes the already scheduled promises. Observe them here to avoid unhandled rejections.
					for (const promise of promises) {
						promise.catch(() => {}); // eslint-disable-line promise/prefer-await-to-then
					}

					throw error;
				}

				return Promise.all(promises);
			},
		},
	});

	return generator;
}

function limitFunction(function_, options) {
	const limit = pLimit(options);

	const limitedFunction = (...arguments_) => limit(() => function_(...arguments_));
	Object.defineProperty(limitedFunction, 'clearQueue', {
		value: limit.clearQueue,
	});

	return limitedFunction;
}

function validateConcurrency(concurrency) {
	if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
		throw new TypeError('Expected `concurrency` to be a number from 1 and up');
	}
}


/***/ })

};
