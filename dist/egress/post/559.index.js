export const id = 559;
export const ids = [559];
export const modules = {

/***/ 4559:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishReports: () => (/* binding */ publishReports)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./shared/egress/diff/reports.ts + 5 modules
var diff_reports = __webpack_require__(9218);
// EXTERNAL MODULE: ./shared/util/errors.ts
var errors = __webpack_require__(1472);
;// CONCATENATED MODULE: ./shared/egress/fleet/rows.ts
/**
 * The fleet's egress as rows: one per endpoint a job reached, with where it was seen (repository,
 * workflow, job, run, step) and when, written as newline-delimited JSON under Hive-style partitions
 * `repository=<owner%2Fname>/date=<yyyy-mm-dd>/` so Athena (and `telltale egress fleet` over a local
 * folder) read one layout.
 */

function fleetRows(report, who) {
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(who.repository)) {
        throw new errors/* InputError */.dz(`repository: '${who.repository}' is not owner/name`, { location: { field: 'repository' } });
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
        throw new InputError(`${JSON.stringify(table)} is not database.table`, { location: { field: 'table' } });
    if (!/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(location))
        throw new InputError(`${JSON.stringify(location)} is not an s3:// URL`, { location: { field: 'to' } });
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

;// CONCATENATED MODULE: ./shared/egress/fleet/publish.ts
/**
 * `telltale egress publish REPORT… --to s3://bucket/prefix|DIR`: each report's endpoints as rows
 * (rows.ts) in one NDJSON object per report under `repository=…/date=…/`. A local folder takes the
 * same layout, which `telltale egress fleet` reads with the streaming engine.
 */





async function publishReports(options) {
    const reports = await (0,diff_reports/* loadReports */.yc)(options.reports);
    const written = [];
    let count = 0;
    for (const [i, report] of reports.entries()) {
        const who = { ...options.who, job: options.who.job ?? report.job ?? `job${i}` };
        const rows = fleetRows(report, who);
        count += rows.length;
        const key = rowsKey(rows, who);
        const s3 = /^s3:\/\/([^/]+)\/?(.*)$/.exec(options.to);
        if (s3) {
            if (!options.put)
                throw new Error('publish to s3:// without a put function');
            const prefix = s3[2].replace(/\/+$/, '');
            const full = prefix ? `${prefix}/${key}` : key;
            await options.put(s3[1], full, toNdjson(rows)).catch((error) => {
                throw new errors/* InputError */.dz(`cannot write s3://${s3[1]}/${full}: ${error.name}: ${error.message}`, {
                    location: { field: 'to' },
                    hint: 'the role needs s3:PutObject on the prefix',
                });
            });
            written.push(`s3://${s3[1]}/${full}`);
        }
        else {
            const file = external_node_path_default().join(options.to, ...key.split('/'));
            await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
            await (0,promises_.writeFile)(file, toNdjson(rows));
            written.push(file);
        }
    }
    return { written, rows: count };
}


/***/ })

};
