export const id = 884;
export const ids = [884];
export const modules = {

/***/ 5884:
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
// EXTERNAL MODULE: ./shared/egress/analyze.ts + 23 modules
var analyze = __webpack_require__(199);
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
 *
 * The diff and preflight rooms (manifest, YAML, JSON Schema, globbing, sockets) are loaded when their
 * run starts: `egress analyze` of a small capture spent more time loading them than analysing.
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
    const [{ diffEgress }, { loadReports }, { loadManifest, parseManifest }, update, { judgeEgress }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(463), __webpack_require__.e(551)]).then(__webpack_require__.bind(__webpack_require__, 7551)),
        Promise.all(/* import() */[__webpack_require__.e(463), __webpack_require__.e(448), __webpack_require__.e(120)]).then(__webpack_require__.bind(__webpack_require__, 8120)),
        Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(463), __webpack_require__.e(905)]).then(__webpack_require__.bind(__webpack_require__, 905)),
        Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(135)]).then(__webpack_require__.bind(__webpack_require__, 5135)),
        Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(744)]).then(__webpack_require__.bind(__webpack_require__, 1744)),
    ]);
    const { proposeEntries, renderSnippet, splitAllFailed, updateManifest } = update;
    const manifest = options.update && !(0,external_node_fs_.existsSync)(options.manifest)
        ? parseManifest(EMPTY_MANIFEST, options.manifest)
        : await loadManifest(options.manifest);
    const reports = [...(options.reports ?? []), ...(options.reportFiles ? await loadReports(options.reportFiles) : [])];
    const judge = (m) => judgeEgress(diffEgress(m, reports), {
        policy: options.policy,
        manifest: options.manifestLabel ?? options.manifest,
        runUrl: options.runUrl,
        preface: options.preface,
    });
    const verdict = judge(manifest);
    if (!options.update)
        return { verdict };
    const { usable, allFailed } = splitAllFailed(verdict.diff.new);
    const proposals = proposeEntries(usable);
    let after = verdict;
    if (proposals.length) {
        const text = updateManifest(manifest, proposals, options.update.note);
        await (0,promises_.writeFile)(options.manifest, text);
        // The verdict the user now has: what is still new (left out, or not writable as a host).
        after = judge(parseManifest(text, options.manifest));
    }
    const leftOut = allFailed.map((e) => ({ host: e.host, port: e.port, transport: e.transport }));
    return {
        verdict,
        updated: {
            file: options.manifest,
            added: proposals.length ? usable.length : 0,
            leftOut,
            leftOutSnippet: leftOut.length ? renderSnippet(proposeEntries(leftOut)) : '',
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
    const [{ loadManifest }, { runPreflight }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(463), __webpack_require__.e(905)]).then(__webpack_require__.bind(__webpack_require__, 905)),
        __webpack_require__.e(/* import() */ 13).then(__webpack_require__.bind(__webpack_require__, 6013)),
    ]);
    const report = await runPreflight(await loadManifest(options.manifest), { timeoutMs, concurrency });
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


/***/ })

};
