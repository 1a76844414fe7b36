export const id = 761;
export const ids = [761];
export const modules = {

/***/ 6761:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  auditExitCode: () => (/* binding */ auditExitCode),
  performAudit: () => (/* binding */ performAudit)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./shared/util/errors.ts
var errors = __webpack_require__(1472);
;// CONCATENATED MODULE: ./shared/audit/formats.ts
/**
 * `--format documentation,json:out.json,sarif:out.sarif`: which reporters run and where each
 * writes. At most one reporter may write to stdout (InSpec's rule), since two would interleave.
 */

/** telltale's reporters, plus Goss's `rspecish` and `tap` (docs/cli.md "validate"). */
const FORMATS = ['documentation', 'json', 'junit', 'sarif', 'markdown', 'rspecish', 'tap'];
function parseFormats(text) {
    const specs = text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((item) => {
        const i = item.indexOf(':');
        const name = i < 0 ? item : item.slice(0, i);
        const file = i < 0 ? undefined : item.slice(i + 1);
        if (!FORMATS.includes(name)) {
            throw new errors.InputError(`unknown format '${name}'`, {
                location: { field: '--format' },
                hint: `use one or more of ${FORMATS.join(', ')}, e.g. documentation,sarif:audit.sarif`,
            });
        }
        if (file === '')
            throw new errors.InputError(`format '${name}:' needs a file name after the colon`, {
                location: { field: '--format' },
            });
        return { name: name, ...(file ? { path: file } : {}) };
    });
    if (specs.length === 0)
        throw new errors.InputError('--format is empty', { location: { field: '--format' } });
    if (specs.filter((s) => !s.path).length > 1) {
        throw new errors.InputError('only one format can write to stdout', {
            location: { field: '--format' },
            hint: 'give the others a file: json:audit.json',
        });
    }
    return specs;
}

// EXTERNAL MODULE: ./shared/audit/load.ts + 4 modules
var load = __webpack_require__(4270);
// EXTERNAL MODULE: ./shared/report/escape.ts
var report_escape = __webpack_require__(6682);
// EXTERNAL MODULE: ./shared/report/terminal.ts
var terminal = __webpack_require__(4809);
;// CONCATENATED MODULE: ./shared/audit/render/documentation.ts
/**
 * RSpec's documentation format, as Chef's Audit Mode streamed it to the log: the group, each example
 * indented under it with "(FAILED - n)", then a failures section with expected and actual, and
 * "N controls, M failures" with the time. Terminal text: untrusted strings have control characters
 * made visible so a file's contents cannot move the cursor or rewrite earlier lines.
 */


const safe = (s) => (0,report_escape.visibleControls)(s);
/** Multi-line values keep their lines (each made safe) so a diff-like read stays possible. */
const block = (s) => s.split('\n').map(safe).join('\n        ');
function documentationReporter(write, options = {}) {
    // RSpec's colours: green passed, red failed, yellow skipped; the newline stays outside the colour.
    const colours = (0,terminal/* palette */.MF)(options.color === true);
    const paint = (colour, text) => text.endsWith('\n') ? `${colours[colour](text.slice(0, -1))}\n` : colours[colour](text);
    const failures = [];
    return (e) => {
        switch (e.kind) {
            case 'phase-started':
                write(`Audit of ${safe(e.target)}\n\n`);
                break;
            case 'group-started':
                write(`${e.control.type} ${safe(e.control.id)}${e.control.title ? ` — ${safe(e.control.title)}` : ''}\n`);
                break;
            case 'control-passed':
                write(paint('green', `  ${e.result.property} ${safe(e.result.expected ?? '')}\n`));
                break;
            case 'control-failed':
            case 'control-errored':
                failures.push(e.result);
                write(paint('red', `  ${e.result.property} ${safe(e.result.expected ?? '')} (${e.kind === 'control-failed' ? 'FAILED' : 'ERROR'} - ${failures.length})\n`));
                break;
            case 'control-skipped':
                write(paint('yellow', `  ${e.result.property} (SKIPPED: ${safe(e.result.reason ?? '')})\n`));
                break;
            case 'group-finished':
                write('\n');
                break;
            case 'phase-finished': {
                if (failures.length > 0) {
                    write('Failures:\n\n');
                    failures.forEach((f, i) => {
                        write(`  ${i + 1}) ${f.type} ${safe(f.id)} ${f.property}${f.title ? ` (${safe(f.title)})` : ''}\n`);
                        if (f.status === 'error')
                            write(`     Error: ${block(f.reason ?? '')}\n`);
                        else {
                            write(`     expected: ${block(f.expected ?? '')}\n`);
                            write(`          got: ${block(f.actual ?? '')}\n`);
                        }
                        write(`     # ${safe(f.position.file)}:${f.position.line}\n\n`);
                    });
                }
                const s = e.summary;
                const checks = s.passed + s.failed + s.skipped + s.errored;
                const extra = [s.skipped ? `${s.skipped} skipped` : '', s.errored ? `${s.errored} errors` : ''].filter(Boolean);
                write(`Finished in ${(s.durationMs / 1000).toFixed(3)} seconds\n`);
                const line = `${s.controls} control${s.controls === 1 ? '' : 's'} (${checks} check${checks === 1 ? '' : 's'}), ${s.failed} failures${extra.length ? `, ${extra.join(', ')}` : ''}\n`;
                write(paint(s.failed || s.errored ? 'red' : 'green', line));
                break;
            }
            case 'phase-failed':
                write(`\nAudit phase failed: ${safe(e.error)}\n`);
                break;
        }
    };
}

;// CONCATENATED MODULE: ./shared/audit/render/json.ts
function renderJson(report) {
    const { passed, failed, skipped, errored, durationMs } = report.summary;
    return `${JSON.stringify({
        controls: report.controlsFile,
        target: report.target,
        summary: { passed, failed, skipped, errored, durationMs: Math.round(durationMs) },
        results: report.results.map((r) => ({
            type: r.type,
            id: r.id,
            property: r.property,
            status: r.status,
            expected: r.expected ?? null,
            actual: r.actual ?? null,
            ...(r.reason !== undefined ? { reason: r.reason } : {}),
            title: r.title ?? null,
            meta: r.meta,
            line: r.position.line,
        })),
    }, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./shared/audit/render/junit.ts
/**
 * JUnit XML in the shape test-report tools accept (the Ant/Surefire schema that
 * mikepenz/action-junit-report and dorny/test-reporter read): one testsuite per resource type,
 * one testcase per control property, named "<type> <id>: <property>" so a failure is findable
 * without opening the report (goss#962, #313).
 */

function renderJunit(report) {
    const byType = new Map();
    for (const r of report.results)
        byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
    const s = report.summary;
    const total = report.results.length;
    const lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="telltale audit" tests="${total}" failures="${s.failed}" errors="${s.errored}" skipped="${s.skipped}" time="${secs(s.durationMs)}">`,
    ];
    for (const [type, rs] of byType) {
        const count = (st) => rs.filter((r) => r.status === st).length;
        const time = rs.reduce((n, r) => n + r.durationMs, 0);
        lines.push(`  <testsuite name="${(0,report_escape/* escapeXml */.X)(type)}" tests="${rs.length}" failures="${count('failed')}" errors="${count('error')}" skipped="${count('skipped')}" time="${secs(time)}">`);
        for (const r of rs) {
            const name = (0,report_escape/* escapeXml */.X)(`${r.type} ${r.id}: ${r.property}${r.title ? ` (${r.title})` : ''}`);
            const attrs = `name="${name}" classname="${(0,report_escape/* escapeXml */.X)(`${r.type}.${r.id}`)}" file="${(0,report_escape/* escapeXml */.X)(r.position.file)}" line="${r.position.line}" time="${secs(r.durationMs)}"`;
            if (r.status === 'passed') {
                lines.push(`    <testcase ${attrs}/>`);
                continue;
            }
            lines.push(`    <testcase ${attrs}>`);
            if (r.status === 'skipped')
                lines.push(`      <skipped message="${(0,report_escape/* escapeXml */.X)(r.reason ?? '')}"/>`);
            else if (r.status === 'error')
                lines.push(`      <error message="${(0,report_escape/* escapeXml */.X)(r.reason ?? '')}"/>`);
            else {
                const msg = `expected ${r.expected ?? ''}, got ${r.actual ?? ''}`;
                lines.push(`      <failure message="${(0,report_escape/* escapeXml */.X)(msg)}" type="${(0,report_escape/* escapeXml */.X)(r.property)}">${(0,report_escape/* escapeXml */.X)(`expected: ${r.expected ?? ''}\n     got: ${r.actual ?? ''}`)}</failure>`);
            }
            lines.push('    </testcase>');
        }
        lines.push('  </testsuite>');
    }
    lines.push('</testsuites>');
    return `${lines.join('\n')}\n`;
}
const secs = (ms) => (ms / 1000).toFixed(3);

// EXTERNAL MODULE: ./shared/report/markdown.ts
var markdown = __webpack_require__(216);
;// CONCATENATED MODULE: ./shared/audit/render/markdown.ts
/**
 * The job-summary Markdown (failures first, each untrusted value escaped) and the annotations on the
 * controls file. GitHub shows 10 annotations of each kind per step, so we emit at most that many and
 * say how many more there are instead of letting the runner drop them silently.
 */


/** The step summary is capped at 1 MiB; stay well under it with room for other steps' output. */
const SUMMARY_LIMIT = 512 * 1024;
const ANNOTATIONS_PER_STEP = 10;
const ICON = { passed: '✅', failed: '❌', skipped: '⏭️', error: '⚠️' };
function row(r) {
    const detail = r.status === 'failed'
        ? `expected ${(0,report_escape/* markdownCode */.D9)(r.expected ?? '')}, got ${(0,report_escape/* markdownCode */.D9)(r.actual ?? '')}`
        : (0,report_escape.escapeMarkdown)(r.reason ?? r.expected ?? '');
    return [
        `${ICON[r.status]} ${r.status}`,
        (0,report_escape.escapeMarkdown)(r.type),
        (0,report_escape/* markdownCode */.D9)(r.id),
        (0,report_escape.escapeMarkdown)(r.property),
        detail,
        String(r.position.line),
    ];
}
function renderMarkdown(report) {
    const s = report.summary;
    const bad = report.results.filter((r) => r.status === 'failed' || r.status === 'error');
    const rest = report.results.filter((r) => r.status !== 'failed' && r.status !== 'error');
    const header = ['status', 'type', 'resource', 'property', 'detail', 'line'];
    const parts = [
        `### Audit of ${(0,report_escape.escapeMarkdown)(report.target)}`,
        '',
        `${s.failed === 0 && s.errored === 0 ? '✅' : '❌'} **${s.passed} passed**, **${s.failed} failed**, ${s.skipped} skipped, ${s.errored} errors — controls ${(0,report_escape/* markdownCode */.D9)(report.controlsFile)}`,
        '',
    ];
    if (bad.length)
        parts.push('#### Failures', '', (0,markdown/* markdownTable */.Qj)(header, bad.map(row)), '');
    if (rest.length)
        parts.push((0,markdown/* markdownDetails */.oG)(`${rest.length} passed or skipped`, (0,markdown/* markdownTable */.Qj)(header, rest.map(row))), '');
    return (0,markdown/* truncateMarkdown */.o4)(parts.join('\n'), SUMMARY_LIMIT, '_The summary was cut to fit GitHub\u2019s limit; the JSON and SARIF reports have every result._');
}
/** Annotations for failed controls, at most ANNOTATIONS_PER_STEP, plus how many were left out. */
function auditAnnotations(report) {
    const bad = report.results.filter((r) => r.status === 'failed' || r.status === 'error');
    const annotations = bad.slice(0, ANNOTATIONS_PER_STEP).map((r) => ({
        level: r.status === 'failed' ? 'error' : 'warning',
        title: `${r.type} ${r.id}: ${r.property}`,
        message: r.status === 'failed'
            ? `expected ${r.expected ?? ''}, got ${r.actual ?? ''}`
            : `could not be checked: ${r.reason ?? ''}`,
        // An included gossfile's control is annotated in that file, not in the one that included it.
        file: r.position.file,
        line: r.position.line,
        column: r.position.column,
    }));
    return { annotations, omitted: Math.max(0, bad.length - annotations.length) };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./shared/version.ts
var version = __webpack_require__(4402);
// EXTERNAL MODULE: ./shared/audit/model.ts
var model = __webpack_require__(8303);
;// CONCATENATED MODULE: ./shared/audit/render/sarif.ts
/**
 * SARIF 2.1.0 (OASIS), the subset GitHub code scanning reads: one rule per control (`meta.id` or
 * `<type>:<id>`, stable across runs), one result per failed or errored property, located at the
 * control's line in the controls file (the region runs to the failing property's line). Level from
 * `meta.impact` as InSpec grades it: ≥0.7 error, ≥0.4 warning, >0 note; no impact → error. A
 * control that could not be checked is level error whatever its impact, and is also listed as a
 * tool execution notification, with `executionSuccessful: false`.
 */





function sarifLevel(impact) {
    if (typeof impact !== 'number')
        return 'error';
    if (impact >= 0.7)
        return 'error';
    if (impact >= 0.4)
        return 'warning';
    return 'note';
}
/** security-severity (0–10) lets code scanning rank alerts as it does for CodeQL. */
function securitySeverity(impact) {
    return typeof impact === 'number' ? (impact * 10).toFixed(1) : undefined;
}
/**
 * SARIF artifact URIs are relative to the repository root (the workspace, the working directory of
 * an action step), with forward slashes; an included gossfile keeps its own path.
 */
function artifactUri(file, root = process.cwd()) {
    const rel = external_node_path_default().isAbsolute(file) ? external_node_path_default().relative(root, file) : file;
    // Outside the workspace there is no repository path: an absolute file URI at least stays valid.
    if (rel.startsWith('..') || external_node_path_default().isAbsolute(rel))
        return (0,external_node_url_.pathToFileURL)(external_node_path_default().resolve(root, file)).href;
    return rel.replace(/\\/g, '/').replace(/^\.\//, '');
}
function renderSarif(report, root = process.cwd()) {
    const rules = new Map();
    for (const r of report.results) {
        const id = (0,model/* ruleId */.IC)(r);
        if (!rules.has(id))
            rules.set(id, { r, index: rules.size });
    }
    const results = report.results
        .filter((r) => r.status === 'failed' || r.status === 'error')
        .map((r) => {
        const id = (0,model/* ruleId */.IC)(r);
        const text = r.status === 'error'
            ? `${r.type} ${r.id}: ${r.property} could not be checked: ${r.reason ?? ''}`
            : `${r.type} ${r.id}: ${r.property} expected ${r.expected ?? ''}, got ${r.actual ?? ''}`;
        return {
            ruleId: id,
            ruleIndex: rules.get(id).index,
            // A control telltale could not check is an error whatever its impact: no verdict is no pass.
            level: r.status === 'error' ? 'error' : sarifLevel(r.meta.impact),
            message: { text },
            locations: [
                {
                    physicalLocation: {
                        artifactLocation: { uri: artifactUri(r.controlPosition.file, root) },
                        // From the control's key down to the failing attribute: code scanning shows the control.
                        region: {
                            startLine: r.controlPosition.line,
                            startColumn: r.controlPosition.column,
                            ...(r.position.line > r.controlPosition.line ? { endLine: r.position.line } : {}),
                        },
                    },
                },
            ],
            // Stable per control property and target, so re-runs update one alert instead of adding one.
            partialFingerprints: {
                'telltaleControl/v1': (0,external_node_crypto_.createHash)('sha256')
                    .update(`${id}\0${r.property}\0${report.target}`)
                    .digest('hex')
                    .slice(0, 32),
            },
            properties: { status: r.status, property: r.property, target: report.target },
        };
    });
    const sarif = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'telltale audit',
                        informationUri: 'https://github.com/telltale-dev/telltale',
                        semanticVersion: version/* VERSION */.x,
                        rules: [...rules.entries()].map(([id, { r }]) => {
                            const sev = securitySeverity(r.meta.impact);
                            return {
                                id,
                                name: `${r.type}:${r.id}`.replace(/[^A-Za-z0-9]+/g, '-'),
                                shortDescription: { text: r.title ?? `${r.type} ${r.id}` },
                                defaultConfiguration: { level: sarifLevel(r.meta.impact) },
                                properties: {
                                    ...(Array.isArray(r.meta.tags) ? { tags: r.meta.tags } : {}),
                                    ...(sev ? { 'security-severity': sev } : {}),
                                },
                            };
                        }),
                    },
                },
                automationDetails: { id: `telltale-audit/${report.target}/` },
                // SARIF §3.20: what the tool could not do is a tool execution notification, not only a result.
                invocations: [
                    {
                        executionSuccessful: report.summary.errored === 0,
                        toolExecutionNotifications: report.results
                            .filter((r) => r.status === 'error')
                            .map((r) => ({
                            level: 'error',
                            message: { text: `could not check ${r.type} ${r.id}: ${r.property}: ${r.reason ?? ''}` },
                            descriptor: { id: 'could-not-check' },
                            associatedRule: { id: (0,model/* ruleId */.IC)(r) },
                        })),
                    },
                ],
                results,
            },
        ],
    };
    return `${JSON.stringify(sarif, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./shared/audit/render/goss-names.ts
const NAMES = {
    file: 'File',
    package: 'Package',
    port: 'Port',
    service: 'Service',
    user: 'User',
    group: 'Group',
    command: 'Command',
    process: 'Process',
    'kernel-param': 'KernelParam',
    mount: 'Mount',
    interface: 'Interface',
    http: 'HTTP',
    addr: 'Addr',
    dns: 'DNS',
    matching: 'Matching',
    image: 'Image',
};
function gossTypeName(type) {
    return NAMES[type];
}

;// CONCATENATED MODULE: ./shared/audit/render/rspecish.ts
/**
 * Goss's `rspecish` format (outputs/rspecish.go): one character per check (`.` passed, `F` failed,
 * `S` skipped, `E` could not check), then the failures and skips in full, then the total duration and
 * "Count: N, Failed: N, Skipped: N" — Goss's count, which is of checks. Untrusted text is made visible.
 */


const CHAR = { passed: '.', failed: 'F', skipped: 'S', error: 'E' };
function renderRspecish(report) {
    const safe = (s) => (0,report_escape.visibleControls)(s);
    const line = report.results.map((r) => CHAR[r.status]).join('');
    const out = [line, ''];
    const notPassed = report.results.filter((r) => r.status !== 'passed');
    if (notPassed.length > 0) {
        out.push('Failures/Skipped:', '');
        for (const r of notPassed) {
            const head = `${gossTypeName(r.type)}: ${safe(r.id)}: ${r.property}:`;
            if (r.status === 'skipped')
                out.push(`${head} skipped${r.reason ? ` (${safe(r.reason)})` : ''}`, '');
            else if (r.status === 'error')
                out.push(head, `Error: ${safe(r.reason ?? '')}`, '');
            else
                out.push(head, 'Expected', `    ${safe(r.actual ?? '')}`, 'to', `    ${safe(r.expected ?? '')}`, '');
        }
    }
    const s = report.summary;
    out.push(`Total Duration: ${(s.durationMs / 1000).toFixed(3)}s`);
    out.push(`Count: ${report.results.length}, Failed: ${s.failed + s.errored}, Skipped: ${s.skipped}`);
    return `${out.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./shared/audit/render/tap.ts
/**
 * Goss's `tap` format (outputs/tap.go), the Test Anything Protocol (testanything.org, TAP 13):
 * a `1..N` plan, then `ok N - …` / `not ok N - …` per check, skips as `ok N - # SKIP …`.
 * A TAP line is one line: untrusted text has newlines and control characters made visible.
 */


function renderTap(report) {
    const one = (s) => (0,report_escape.visibleControls)(s.replace(/\r?\n/g, '\\n'));
    const lines = [`1..${report.results.length}`];
    report.results.forEach((r, i) => {
        const n = i + 1;
        const head = `${gossTypeName(r.type)}: ${one(r.id)}: ${r.property}:`;
        if (r.status === 'passed')
            lines.push(`ok ${n} - ${head} matches expectation: ${one(r.expected ?? '')}`);
        else if (r.status === 'skipped')
            lines.push(`ok ${n} - # SKIP ${head} ${one(r.reason ?? 'skipped')}`);
        else if (r.status === 'error')
            lines.push(`not ok ${n} - ${head} could not check: ${one(r.reason ?? '')}`);
        else
            lines.push(`not ok ${n} - ${head} doesn't match, expect: ${one(r.expected ?? '')} found: ${one(r.actual ?? '')}`);
    });
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./shared/audit/matchers.ts + 1 modules
var matchers = __webpack_require__(6825);
// EXTERNAL MODULE: ./shared/audit/controls.ts
var controls = __webpack_require__(9778);
// EXTERNAL MODULE: ./shared/audit/resources/index.ts + 9 modules
var resources = __webpack_require__(2924);
;// CONCATENATED MODULE: ./shared/audit/phase.ts
/**
 * The audit phase, as Chef's Audit Mode ran it (RFC 035): each control is a group, each asserted
 * attribute an example; events stream to reporters in file order; an error in one control never
 * stops the others, and an error of the whole phase is an event too, not a crash.
 */





/** Attributes compared as Goss line patterns when written as a list of strings. */
const TEXT_ATTRIBUTES = new Set(['contents', 'contains', 'stdout', 'stderr', 'body', 'headers']);
const MAX_ACTUAL = 2000;
/** Attributes Goss checks first and that gate the rest (resource/*.go call shouldSkip after them). */
const GATES = {
    file: ['exists'],
    user: ['exists'],
    group: ['exists'],
    mount: ['exists'],
    interface: ['exists'],
    package: ['installed'],
    dns: ['resolvable', 'resolveable'],
    port: ['listening'],
    process: ['running'],
};
async function runAudit(controls, target, listener, options = {}) {
    const now = options.now ?? (() => performance.now());
    const started = now();
    const results = [];
    try {
        listener({ kind: 'phase-started', target: target.description, controls: controls.length });
        const context = { cache: new Map() };
        const limit = (0,p_limit/* default */.A)(options.concurrency ?? 8);
        const observed = controls.map((c) => limit(async () => {
            const t0 = now();
            if (c.skip)
                return { obs: undefined, ms: 0 };
            try {
                let obs = await resources/* OBSERVERS */.y[c.type](c, target, context);
                // resource/retry.go: retry_count more tries, retry_delay apart (default 1 s), each a fresh look.
                for (let n = 0; n < (c.retry?.count ?? 0) && judge(c, { obs }).some((r) => r.status === 'failed'); n++) {
                    await new Promise((r) => setTimeout(r, c.retry?.delayMs || 1000));
                    obs = await resources/* OBSERVERS */.y[c.type](c, target, { cache: new Map() });
                }
                return { obs, ms: now() - t0 };
            }
            catch (error) {
                return { error: error instanceof Error ? error.message : String(error), ms: now() - t0 };
            }
        }));
        for (const [i, control] of controls.entries()) {
            listener({ kind: 'group-started', control });
            const o = await observed[i];
            const judged = judge(control, 'error' in o ? { error: o.error } : { obs: o.obs }, o.ms);
            for (const r of judged) {
                results.push(r);
                listener({ kind: `control-${r.status === 'error' ? 'errored' : r.status}`, result: r });
            }
            listener({ kind: 'group-finished', control });
        }
        const summary = (0,model/* summarize */.eh)(results, now() - started);
        listener({ kind: 'phase-finished', summary, results });
        return { summary, results };
    }
    catch (error) {
        listener({ kind: 'phase-failed', error: error instanceof Error ? error.message : String(error), results });
        throw error;
    }
}
/** Turns one control's observation into one result per asserted attribute. Pure. */
function judge(control, outcome, durationMs = 0) {
    const base = {
        type: control.type,
        id: control.id,
        meta: control.meta,
        controlPosition: control.position,
        ...(control.title !== undefined ? { title: control.title } : {}),
        durationMs,
    };
    const at = (prop) => control.attributePositions[prop] ?? control.position;
    const props = Object.keys(control.attributes).filter((k) => !controls/* SETTINGS */.yy.has(k) || (control.type === 'matching' && k === 'matches'));
    if (props.length === 0)
        return [
            { ...base, property: '-', status: 'skipped', reason: 'no attributes to check', position: control.position },
        ];
    const obs = outcome.obs;
    const one = (property) => {
        const position = at(property);
        const expectedRaw = control.attributes[property];
        if (control.skip)
            return { ...base, property, status: 'skipped', reason: 'skip: true', position };
        if (outcome.error !== undefined)
            return { ...base, property, status: 'error', reason: outcome.error, expected: (0,matchers/* show */.WU)(expectedRaw), position };
        if (!obs)
            return { ...base, property, status: 'error', reason: 'nothing was observed', position };
        if (obs.skip)
            return { ...base, property, status: 'skipped', reason: obs.skip, position };
        const j = obs.judged?.[property];
        if (j)
            return {
                ...base,
                property,
                status: j.pass ? 'passed' : 'failed',
                expected: j.expected,
                actual: j.actual,
                position,
            };
        if (obs.missing && !(property in obs.values))
            return {
                ...base,
                property,
                status: 'failed',
                expected: (0,matchers/* show */.WU)(expectedRaw),
                actual: `${control.type} does not exist`,
                position,
            };
        const actual = obs.values[property];
        if (TEXT_ATTRIBUTES.has(property) && Array.isArray(expectedRaw)) {
            const text = Array.isArray(actual) ? actual.join('\n') : typeof actual === 'string' ? actual : '';
            const p = (0,matchers/* evaluatePatterns */.LP)(expectedRaw, text);
            return {
                ...base,
                property,
                status: p.pass ? 'passed' : 'failed',
                expected: p.pass ? p.expected : `patterns ${(0,matchers/* show */.WU)(p.missing)}`,
                actual: truncate(p.error ? `${p.error}` : text),
                position,
            };
        }
        const m = (0,matchers/* evaluate */._3)(expectedRaw, actual);
        const shown = truncate(typeof actual === 'string' && actual.includes('\n') ? actual : (0,matchers/* show */.WU)(actual));
        return {
            ...base,
            property,
            status: m.pass ? 'passed' : 'failed',
            expected: m.expected,
            // Goss reports a matcher that cannot apply (a non-semver version, invalid JSON) as an error of the test.
            actual: m.error ? `${shown} (${m.error})` : shown,
            position,
        };
    };
    // resource/resource.go shouldSkip: when the first, gating attribute (exists, installed, …) fails
    // or reports false, Goss skips the resource's other attributes instead of failing each of them.
    const gate = props.find((p) => GATES[control.type]?.includes(p));
    if (gate === undefined)
        return props.map(one);
    const gated = one(gate);
    const holds = gated.status === 'passed' && obs?.values[gate] !== false;
    return props.map((p) => p === gate
        ? gated
        : holds || gated.status === 'skipped' || gated.status === 'error'
            ? one(p)
            : {
                ...base,
                property: p,
                status: 'skipped',
                reason: `${gate} is ${(0,matchers/* show */.WU)(obs?.values[gate])}, so ${p} is not checked (as Goss does)`,
                position: at(p),
            });
}
function truncate(text) {
    return text.length > MAX_ACTUAL
        ? `${text.slice(0, MAX_ACTUAL)}… (${text.length - MAX_ACTUAL} more characters)`
        : text;
}

// EXTERNAL MODULE: ./shared/audit/targets/index.ts + 17 modules
var targets = __webpack_require__(4525);
;// CONCATENATED MODULE: ./shared/audit/run.ts
/**
 * One audit, end to end: load controls, open the target, run the phase with the streaming reporter
 * subscribed, render the file reporters, close the target. Shared by the CLI and the action.
 */














async function performAudit(req) {
    const formats = parseFormats(req.format);
    const controls = await (0,load/* loadControls */.v)(req.controlsFile, {
        ...(req.vars ? { vars: req.vars } : {}),
        ...(req.warn ? { warn: req.warn } : {}),
    });
    const target = await (req.open ?? ((spec) => (0,targets.openTarget)(spec, req.engine ? { engine: req.engine } : {})))(req.target);
    try {
        const listeners = [];
        const docs = formats.find((f) => f.name === 'documentation');
        let docText = '';
        if (docs)
            listeners.push(documentationReporter(docs.path ? (t) => (docText += t) : req.stdout, {
                color: !docs.path && req.color === true,
            }));
        if (req.retryTimeoutMs !== undefined && req.retryTimeoutMs > 0) {
            // Goss validate --retry-timeout/--sleep: quiet runs until one passes or time is up; the
            // reported run below is the one after (a passing system passes again).
            const deadline = Date.now() + req.retryTimeoutMs;
            for (;;) {
                const trial = await runAudit(controls, target, () => { });
                if (trial.summary.failed === 0 && trial.summary.errored === 0)
                    break;
                if (Date.now() + (req.sleepMs ?? 1000) > deadline)
                    break;
                await new Promise((r) => setTimeout(r, req.sleepMs ?? 1000));
            }
        }
        const { summary, results } = await runAudit(controls, target, (e) => listeners.forEach((l) => l(e)));
        const report = { controlsFile: req.controlsFile, target: target.description, summary, results };
        const files = {};
        for (const f of formats) {
            const text = f.name === 'documentation'
                ? docText
                : f.name === 'json'
                    ? renderJson(report)
                    : f.name === 'junit'
                        ? renderJunit(report)
                        : f.name === 'sarif'
                            ? renderSarif(report)
                            : f.name === 'rspecish'
                                ? renderRspecish(report)
                                : f.name === 'tap'
                                    ? renderTap(report)
                                    : renderMarkdown(report);
            if (!f.path) {
                if (f.name !== 'documentation')
                    req.stdout(text);
                continue;
            }
            try {
                await external_node_fs_.promises.mkdir(external_node_path_default().dirname(external_node_path_default().resolve(f.path)), { recursive: true });
                await external_node_fs_.promises.writeFile(f.path, text);
            }
            catch (error) {
                throw new errors.InputError(`cannot write the ${f.name} report: ${error.code ?? String(error)}`, { location: { file: f.path } });
            }
            files[f.name] = f.path;
        }
        return { report, files };
    }
    finally {
        await target.close();
    }
}
/** Exit status as Chef's Audit Mode had it: 1 when any control failed or errored, unless audit-only. */
function auditExitCode(report, auditOnly) {
    return !auditOnly && (report.summary.failed > 0 || report.summary.errored > 0) ? 1 : 0;
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
