export const id = 974;
export const ids = [974];
export const modules = {

/***/ 6974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y6: () => (/* binding */ fleetRows),
/* harmony export */   egressDdl: () => (/* binding */ egressDdl),
/* harmony export */   kL: () => (/* binding */ toNdjson),
/* harmony export */   nC: () => (/* binding */ rowsKey)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1472);
/**
 * The fleet's egress as rows: one per endpoint a job reached, with where it was seen (repository,
 * workflow, job, run, step) and when, written as newline-delimited JSON under Hive-style partitions
 * `repository=<owner%2Fname>/date=<yyyy-mm-dd>/` so Athena (and `telltale egress fleet` over a local
 * folder) read one layout.
 */

function fleetRows(report, who) {
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(who.repository)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__.InputError(`repository: '${who.repository}' is not owner/name`, { location: { field: 'repository' } });
    }
    return report.endpoints.map((e) => ({
        repository: who.repository,
        workflow: who.workflow,
        job: who.job ?? report.job ?? '',
        run: who.run,
        step: e.steps?.[0] ?? '',
        host: e.host,
        port: e.port,
        protocol: e.protocol,
        addresses: [...e.addresses],
        time: e.firstSeen,
        connections: e.connections,
        bytes: e.bytes ?? 0,
    }));
}
/** `repository=octo%2Fapp/date=2026-05-04/<run>-<job>.json`: the object key (or relative path). */
function rowsKey(rows, who) {
    const day = (rows[0]?.time ?? new Date().toISOString()).slice(0, 10);
    const safe = (s) => s.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 80) || '_';
    return `repository=${encodeURIComponent(who.repository)}/date=${day}/${safe(who.run)}-${safe(who.job ?? 'job')}.json`;
}
function toNdjson(rows) {
    return rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
}
/** The Athena table over the published rows (Hive JSON SerDe, partitions from the folder names). */
function egressDdl(table, location) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/.test(table))
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__.InputError(`${JSON.stringify(table)} is not database.table`, { location: { field: 'table' } });
    if (!/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(location))
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__.InputError(`${JSON.stringify(location)} is not an s3:// URL`, { location: { field: 'to' } });
    return [
        `CREATE EXTERNAL TABLE ${table} (`,
        '  workflow STRING,',
        '  job STRING,',
        '  run STRING,',
        '  step STRING,',
        '  host STRING,',
        '  port BIGINT,',
        '  protocol STRING,',
        '  addresses ARRAY<STRING>,',
        '  time STRING,',
        '  connections BIGINT,',
        '  bytes BIGINT',
        ')',
        'PARTITIONED BY (repository STRING, `date` STRING)',
        "ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'",
        `LOCATION '${location.replace(/\/+$/, '')}/'`,
        ';',
        `-- New repositories and days: MSCK REPAIR TABLE ${table};`,
        '',
    ].join('\n');
}


/***/ })

};
