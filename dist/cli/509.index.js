export const id = 509;
export const ids = [509];
export const modules = {

/***/ 6509:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderDiffTable: () => (/* binding */ renderDiffTable),
/* harmony export */   renderPreflightTable: () => (/* binding */ renderPreflightTable)
/* harmony export */ });
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6682);
/* harmony import */ var _report_terminal_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4809);
/**
 * `egress diff` and `egress preflight` for a person at a terminal: aligned tables (renderTable makes
 * every untrusted cell inert) with coloured statuses, instead of Markdown escaped for GitHub. The
 * Markdown stays the format for files, CI logs and `--format markdown`.
 */


const portText = (port, transport) => `${port ?? 'any'}${transport === 'udp' ? '/udp' : ''}`;
/** New endpoints first (red when the job fails, yellow when only reported), then allowed, then unused. */
function renderDiffTable(verdict, c) {
    const { diff } = verdict;
    const rows = [];
    const observed = (status, list) => {
        for (const e of list)
            rows.push([
                status,
                e.host,
                portText(e.port, e.transport),
                e.protocols.join(', '),
                e.steps.join(', '),
                `${e.connections}`,
                `${e.failed || ''}`,
            ]);
    };
    observed('new', diff.new);
    observed('allowed', diff.allowed);
    for (const u of diff.unused) {
        rows.push(['unused', u.host ?? u.cidr ?? '', portText(u.port, u.transport), '', u.reason ?? '', '', '']);
    }
    const status = (text) => text.startsWith('new')
        ? verdict.failed
            ? c.red(text)
            : c.yellow(text)
        : text.startsWith('allowed')
            ? c.green(text)
            : c.dim(text);
    const head = verdict.diff.new.length
        ? (verdict.failed ? c.red : c.yellow)(`${verdict.failed ? '✗' : '!'} ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__.visibleControls)(verdict.message)}`)
        : c.green(`✓ ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__.visibleControls)(verdict.message)}`);
    const table = rows.length
        ? (0,_report_terminal_js__WEBPACK_IMPORTED_MODULE_1__/* .renderTable */ .bo)([
            { header: 'Status' },
            { header: 'Host', max: 60 },
            { header: 'Port' },
            { header: 'Protocol' },
            { header: 'Steps / reason', max: 40 },
            { header: 'Conns', right: true },
            { header: 'Failed', right: true },
        ], rows, (_row, column, text) => (column === 0 ? status(text) : column === 6 && text.trim() ? c.red(text) : text))
        : '';
    return `${head}\n\n${table}`;
}
/** One row per endpoint checked: ok green, skipped dim, anything else red with what failed. */
function renderPreflightTable(report, c) {
    const failed = report.results.filter((r) => r.status !== 'ok' && r.status !== 'skipped');
    const checked = report.results.filter((r) => r.status !== 'skipped').length;
    const manifest = (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__.visibleControls)(report.manifest);
    const head = failed.length
        ? c.red(`✗ ${failed.length} of ${checked} endpoint(s) in ${manifest} are not reachable from here`)
        : c.green(`✓ all ${checked} checkable endpoint(s) in ${manifest} answered`);
    const table = (0,_report_terminal_js__WEBPACK_IMPORTED_MODULE_1__/* .renderTable */ .bo)([
        { header: 'Status' },
        { header: 'Host', max: 60 },
        { header: 'Port', right: true },
        { header: 'ms', right: true },
        { header: 'Detail', max: 100 },
    ], report.results.map((r) => [
        r.status,
        r.host,
        String(r.port || '—'),
        r.status === 'skipped' ? '' : String(Math.round(r.ms)),
        r.detail + (r.redirects.length ? ` → ${r.redirects.join(' → ')}` : ''),
    ]), (_row, column, text) => column !== 0
        ? text
        : text.startsWith('ok')
            ? c.green(text)
            : text.startsWith('skipped')
                ? c.dim(text)
                : c.red(text));
    return `${head}\n\n${table}`;
}


/***/ })

};
