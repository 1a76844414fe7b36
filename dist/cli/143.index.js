export const id = 143;
export const ids = [143,982];
export const modules = {

/***/ 9708:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ runQuery),
/* harmony export */   s: () => (/* binding */ estimatedCostUsd)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_athena__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2204);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1472);
/**
 * One Athena query, start to last row (cross-cutting: the CloudTrail engine and the fleet's egress
 * both run their SQL through it): StartQueryExecution, GetQueryExecution until a final state
 * (bounded by a timeout, then StopQueryExecution), GetQueryResults page by page (NextToken; the
 * first row of the first page is the header row, Athena API Reference "GetQueryResults").
 * Throttling and transient errors are the SDK's retry strategy's (adaptive mode, see engine.ts);
 * a FAILED or CANCELLED query is an error that says which and why.
 */


const wait = (ms) => new Promise((r) => setTimeout(r, ms));
/** Runs `sql`, handing each data row (NULL as undefined) to `row`; resolves with the statistics. */
async function runQuery(client, sql, target, options, row) {
    const sleep = options.sleep ?? wait;
    const started = await client
        .send(new _aws_sdk_client_athena__WEBPACK_IMPORTED_MODULE_1__/* .StartQueryExecutionCommand */ .Wjk({
        QueryString: sql,
        WorkGroup: target.workgroup,
        QueryExecutionContext: { Database: target.database },
        ...(target.output ? { ResultConfiguration: { OutputLocation: target.output } } : {}),
    }))
        .catch((error) => {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__.InputError(`Athena refused the query: ${error.name}: ${error.message}`, {
            location: { field: 'athena-workgroup' },
            hint: 'check the workgroup, database and output location, and the athena:StartQueryExecution permission',
        });
    });
    const id = started.QueryExecutionId;
    if (!id)
        throw new Error('Athena StartQueryExecution returned no QueryExecutionId');
    const deadline = Date.now() + options.timeoutMs;
    let delay = options.pollMs ?? 250;
    let bytesScanned = 0;
    let engineMs = 0;
    for (;;) {
        const { QueryExecution: q } = await client.send(new _aws_sdk_client_athena__WEBPACK_IMPORTED_MODULE_1__/* .GetQueryExecutionCommand */ .mRu({ QueryExecutionId: id }));
        const state = q?.Status?.State;
        bytesScanned = q?.Statistics?.DataScannedInBytes ?? 0;
        engineMs = q?.Statistics?.EngineExecutionTimeInMillis ?? 0;
        if (state === 'SUCCEEDED')
            break;
        if (state === 'FAILED' || state === 'CANCELLED') {
            const reason = q?.Status?.StateChangeReason ?? q?.Status?.AthenaError?.ErrorMessage ?? 'no reason given';
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__.InputError(`Athena query ${id} ${state === 'FAILED' ? 'failed' : 'was cancelled'}: ${reason}`, {
                hint: state === 'FAILED'
                    ? 'is the table created with `telltale cloudtrail athena-ddl`, and readable by this role (glue:GetTable, s3:GetObject)?'
                    : 'someone stopped it in the Athena console or the workgroup cancelled it (a data-scan limit?)',
            });
        }
        if (Date.now() + delay > deadline) {
            await client.send(new _aws_sdk_client_athena__WEBPACK_IMPORTED_MODULE_1__/* .StopQueryExecutionCommand */ .aaO({ QueryExecutionId: id })).catch(() => undefined);
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__.InputError(`Athena query ${id} did not finish within ${Math.round(options.timeoutMs / 1000)} s; stopped`, {
                location: { field: 'athena-timeout' },
                hint: 'raise --athena-timeout, or narrow the window',
            });
        }
        await sleep(delay);
        delay = Math.min(delay * 2, 5000);
    }
    let token;
    let rows = 0;
    let pages = 0;
    let header = true;
    do {
        const page = await client.send(new _aws_sdk_client_athena__WEBPACK_IMPORTED_MODULE_1__/* .GetQueryResultsCommand */ .sAK({
            QueryExecutionId: id,
            MaxResults: options.pageSize ?? 1000,
            ...(token ? { NextToken: token } : {}),
        }));
        pages++;
        for (const r of page.ResultSet?.Rows ?? []) {
            if (header) {
                header = false;
                continue;
            }
            rows++;
            row((r.Data ?? []).map((d) => d.VarCharValue));
        }
        token = page.NextToken;
    } while (token);
    return { id, sql, bytesScanned, engineMs, rows, pages };
}
/** Athena's price for the bytes a query scanned: $5 per TB, at least 10 MB per query (Athena pricing). */
function estimatedCostUsd(stats) {
    const MIN = 10 * 1024 * 1024;
    const bytes = stats.reduce((sum, s) => sum + Math.max(s.bytesScanned, MIN), 0);
    return (bytes / 1024 ** 4) * 5;
}


/***/ }),

/***/ 9143:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  scanOnAthena: () => (/* binding */ scanOnAthena)
});

// EXTERNAL MODULE: ./shared/cloudtrail/scan.ts + 2 modules
var scan = __webpack_require__(289);
// EXTERNAL MODULE: ./shared/cloudtrail/sources/layout.ts
var layout = __webpack_require__(7175);
// EXTERNAL MODULE: ./shared/athena/query.ts
var query = __webpack_require__(9708);
// EXTERNAL MODULE: ./shared/cloudtrail/rules/sigma/index.ts + 3 modules
var sigma = __webpack_require__(4616);
// EXTERNAL MODULE: ./shared/cloudtrail/health.ts
var health = __webpack_require__(4724);
// EXTERNAL MODULE: ./shared/cloudtrail/window.ts
var cloudtrail_window = __webpack_require__(7674);
// EXTERNAL MODULE: ./shared/util/errors.ts
var errors = __webpack_require__(1472);
// EXTERNAL MODULE: ./shared/cloudtrail/athena/table.ts
var athena_table = __webpack_require__(3982);
;// CONCATENATED MODULE: ./shared/cloudtrail/athena/plan.ts
/**
 * The queries of one Athena scan, as plain SQL (Trino, Athena engine v3). Two per night, whatever the
 * rule count (measured in scripts/bench/athena.ts): more queries would each scan the same partitions.
 *
 * 1. candidates: every record of the window any rule could match (the rule set compiled to one
 *    pre-filter by rules/sigma/sql.ts, a superset where SQL cannot say exactly what Sigma means),
 *    plus the trail changes log health reports; judged afterwards in process, by the same rule run.
 * 2. files: records per log file in the window (`"$path"`), for log health and the record count.
 *
 * Both name the window's day partitions explicitly (`"timestamp" IN (…)`), so partition projection
 * reads only those prefixes: bytes scanned, and so cost, follow the window, not the trail's age.
 */





const sqlText = (s) => `'${s.replace(/'/g, "''")}'`;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
function planScan(rules, window, table, now = Date.now()) {
    const days = (0,cloudtrail_window/* partitionDays */.ow)(window, now);
    if (!days || window.start === undefined) {
        throw new errors.InputError('--engine athena needs a window with a start: every query is limited to its days', {
            location: { field: 'since' },
            hint: 'use --since 24h (the default), 7d or an ISO time, not all',
        });
    }
    const scope = [
        `"timestamp" IN (${days.map(sqlText).join(', ')})`,
        `eventtime >= ${sqlText(iso(window.start))}`,
        ...(window.end !== undefined ? [`eventtime < ${sqlText(iso(window.end))}`] : []),
    ];
    const compiled = (0,sigma/* compileRuleSetToSql */.zS)(rules.detections, { table });
    const trailChanges = `(eventsource = 'cloudtrail.amazonaws.com' AND eventname IN (${[...health/* TRAIL_CHANGES */.dk]
        .map(sqlText)
        .join(', ')}))`;
    const filter = compiled.where === 'TRUE' ? 'TRUE' : `(${compiled.where} OR ${trailChanges})`;
    // Ordered, so every run hands the rules the same sequence (deduplication keeps the first of an eventID).
    const candidates = `SELECT ${(0,athena_table/* selectList */.fr)()} FROM ${table} WHERE ${[...scope, filter].join(' AND ')} ORDER BY eventtime, eventid, "$path"`;
    const files = `SELECT "$path", count(*) FROM ${table} WHERE ${scope.join(' AND ')} GROUP BY "$path"`;
    return {
        candidates,
        files,
        days,
        inexact: compiled.inexact,
        correlations: rules.all.filter((r) => r.kind === 'correlation').map((r) => r.title),
        missingFields: missingFields(rules.detections),
    };
}
function missingFields(rules) {
    const known = (0,athena_table/* tableFieldPaths */.HG)();
    const out = new Set();
    for (const rule of rules) {
        for (const selection of Object.values(rule.detection.selections)) {
            for (const tests of selection.anyOf) {
                for (const t of tests) {
                    const head = t.path[0] ?? '';
                    // Virtual fields are computed from the record in process; free-form JSON columns keep every key.
                    if (t.path.length === 1 && head === sigma/* KEYWORD_FIELD */.$Y)
                        continue;
                    if (head.startsWith('tt') && t.field.startsWith('tt.'))
                        continue;
                    if (athena_table/* CLOUDTRAIL_COLUMNS */.UG[head] === 'json')
                        continue;
                    if (head === 'resources' || known.has(t.field))
                        continue;
                    if (typeof athena_table/* CLOUDTRAIL_COLUMNS */.UG[head] === 'object' && t.path.length === 1)
                        continue;
                    out.add(`${rule.title}: \`${t.field}\``);
                }
            }
        }
    }
    return [...out].sort();
}

;// CONCATENATED MODULE: ./shared/cloudtrail/athena/engine.ts





async function scanOnAthena(options) {
    const now = options.now ?? Date.now();
    const plan = planScan(options.rules, options.window, options.table, now);
    const queryOptions = { timeoutMs: options.timeoutMs, ...(options.pageSize ? { pageSize: options.pageSize } : {}) };
    const queries = [];
    let windowRecords = 0;
    const fileOf = (name) => {
        const key = (0,layout/* parseTrailKey */.xX)(name);
        return {
            name,
            ...(key ? { account: key.account, region: key.region } : {}),
            ...(key?.deliveredMs !== undefined ? { deliveredMs: key.deliveredMs } : {}),
        };
    };
    const report = await (0,scan/* scanCloudTrail */.h)(async (sink) => {
        queries.push(await (0,query/* runQuery */.G)(options.client, plan.files, options.target, queryOptions, ([path, count]) => {
            windowRecords += Number(count ?? 0);
            sink.fileDone(fileOf(path ?? ''), Number(count ?? 0));
        }));
        const files = new Map();
        queries.push(await (0,query/* runQuery */.G)(options.client, plan.candidates, options.target, queryOptions, (values) => {
            const { record, file } = (0,athena_table/* decodeRow */.X5)(values);
            let f = files.get(file);
            if (!f)
                files.set(file, (f = fileOf(file)));
            sink.record(record, f);
        }));
        return {
            kind: 'athena',
            location: `athena:${options.target.workgroup}/${options.table}`,
            deliveries: true,
            notes: notes(plan, queries, windowRecords),
        };
    }, { ...options.scan, window: options.window, rules: options.rules, deliveries: true, now });
    // The scan counted the candidates it was given; the window held more, all of them looked at by SQL.
    report.stats.events = Math.max(report.stats.events, windowRecords - report.stats.duplicates);
    const candidateRows = queries[1]?.rows ?? 0;
    const bytesScanned = queries.reduce((s, q) => s + q.bytesScanned, 0);
    return {
        report,
        figures: { queries, windowRecords, candidateRows, bytesScanned, costUsd: (0,query/* estimatedCostUsd */.s)(queries), plan },
    };
}
function notes(plan, queries, windowRecords) {
    const bytes = queries.reduce((s, q) => s + q.bytesScanned, 0);
    const candidates = queries[1]?.rows ?? 0;
    const out = [
        `Athena: ${queries.length} queries over ${plan.days.length} day partition(s) (${plan.days[0]}…${plan.days.at(-1)}), ` +
            `${formatBytes(bytes)} scanned, about $${(0,query/* estimatedCostUsd */.s)(queries).toFixed(4)} at $5/TB (10 MB minimum per query)`,
        `Athena: ${candidates} candidate row(s) of ${windowRecords} record(s) in the window, judged in process by every rule`,
    ];
    for (const line of plan.inexact)
        out.push(`pre-filtered more broadly in SQL, judged in process: ${line}`);
    for (const title of plan.correlations)
        out.push(`correlation judged in process over the candidates of its rules: ${title}`);
    for (const line of plan.missingFields)
        out.push(`not a column of the Athena table, so always absent in rows read from it: ${line}`);
    return out;
}
function formatBytes(n) {
    if (n < 1024)
        return `${n} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let v = n;
    let i = -1;
    do {
        v /= 1024;
        i++;
    } while (v >= 1024 && i < units.length - 1);
    return `${v.toFixed(1)} ${units[i]}`;
}


/***/ }),

/***/ 3982:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_REGIONS: () => (/* binding */ DEFAULT_REGIONS),
/* harmony export */   HG: () => (/* binding */ tableFieldPaths),
/* harmony export */   UG: () => (/* binding */ CLOUDTRAIL_COLUMNS),
/* harmony export */   X5: () => (/* binding */ decodeRow),
/* harmony export */   cloudTrailDdl: () => (/* binding */ cloudTrailDdl),
/* harmony export */   fr: () => (/* binding */ selectList),
/* harmony export */   qualifiedTable: () => (/* binding */ qualifiedTable)
/* harmony export */ });
/* unused harmony exports RESOURCE_MEMBERS, PARTITIONS */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1472);
/**
 * The CloudTrail table on Athena, as AWS documents it (Athena User Guide, "Creating the table for
 * CloudTrail logs in Athena using partition projection"): one row per record, read by the CloudTrail
 * SerDe, free-form objects (requestParameters, responseElements, …) as JSON text, partitioned by
 * account, region and delivery day over the trail's own layout
 * `AWSLogs/[o-org/]<account>/CloudTrail/<region>/<yyyy>/<MM>/<dd>/`.
 *
 * The same shape serves three things, so it is written once here: the DDL `athena-ddl` prints, the
 * columns a scan selects, and the way a returned row is turned back into a CloudTrail record that
 * the streaming engine's evaluator, threat model and renderers judge exactly as they judge a file.
 */

/** Record field names (CloudTrail's own spelling); Hive lower-cases them in the table. */
const CLOUDTRAIL_COLUMNS = {
    eventVersion: 'string',
    userIdentity: {
        type: 'string',
        principalId: 'string',
        arn: 'string',
        accountId: 'string',
        invokedBy: 'string',
        accessKeyId: 'string',
        userName: 'string',
        onBehalfOf: { userId: 'string', identityStoreArn: 'string' },
        sessionContext: {
            attributes: { mfaAuthenticated: 'string', creationDate: 'string' },
            sessionIssuer: { type: 'string', principalId: 'string', arn: 'string', accountId: 'string', userName: 'string' },
            ec2RoleDelivery: 'string',
            sourceIdentity: 'string',
        },
    },
    eventTime: 'string',
    eventSource: 'string',
    eventName: 'string',
    awsRegion: 'string',
    sourceIPAddress: 'string',
    userAgent: 'string',
    errorCode: 'string',
    errorMessage: 'string',
    requestParameters: 'json',
    responseElements: 'json',
    additionalEventData: 'json',
    requestID: 'string',
    eventID: 'string',
    eventType: 'string',
    apiVersion: 'string',
    readOnly: 'string',
    recipientAccountId: 'string',
    serviceEventDetails: 'json',
    sharedEventID: 'string',
    vpcEndpointId: 'string',
    vpcEndpointAccountId: 'string',
    eventCategory: 'string',
    sessionCredentialFromConsole: 'string',
    edgeDeviceDetails: 'json',
    tlsDetails: { tlsVersion: 'string', cipherSuite: 'string', clientProvidedHostHeader: 'string' },
};
/** `resources` is ARRAY<STRUCT<…>>: its members, record spelling → column spelling. */
const RESOURCE_MEMBERS = { ARN: 'arn', accountId: 'accountid', type: 'type' };
/** The partition columns, in the order of the location template. */
const PARTITIONS = (/* unused pure expression or super */ null && (['account', 'region', 'timestamp']));
/** Every field path a rule can read from a returned row (for naming the ones it cannot). */
function tableFieldPaths() {
    const out = new Set();
    const walk = (prefix, shape) => {
        if (typeof shape === 'string') {
            out.add(prefix);
            return;
        }
        for (const [k, s] of Object.entries(shape))
            walk(`${prefix}.${k}`, s);
    };
    for (const [k, s] of Object.entries(CLOUDTRAIL_COLUMNS))
        walk(k, s);
    for (const m of Object.keys(RESOURCE_MEMBERS))
        out.add(`resources.${m}`);
    return out;
}
function hiveType(shape) {
    if (typeof shape === 'string')
        return 'STRING';
    return `STRUCT<${Object.entries(shape)
        .map(([k, s]) => `${k.toLowerCase()}:${hiveType(s)}`)
        .join(', ')}>`;
}
/** Regions AWS enables by default (for `--regions` left out); opt-in regions must be named. */
const DEFAULT_REGIONS = [
    'us-east-1',
    'us-east-2',
    'us-west-1',
    'us-west-2',
    'ca-central-1',
    'eu-central-1',
    'eu-west-1',
    'eu-west-2',
    'eu-west-3',
    'eu-north-1',
    'ap-south-1',
    'ap-northeast-1',
    'ap-northeast-2',
    'ap-northeast-3',
    'ap-southeast-1',
    'ap-southeast-2',
    'sa-east-1',
];
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The table's name as SQL, checked: it is pasted into every query. */
function qualifiedTable(database, table) {
    for (const [what, name] of [
        ['database', database],
        ['table', table],
    ]) {
        if (!IDENT.test(name)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__.InputError(`athena ${what} ${JSON.stringify(name)} is not a plain SQL name`, {
                location: { field: `athena-${what}` },
                hint: 'letters, digits and _ only, not starting with a digit',
            });
        }
    }
    return `${database}.${table}`;
}
/** CREATE EXTERNAL TABLE with partition projection on account, region and day. */
function cloudTrailDdl(options) {
    const parts = options.table.split('.');
    const name = parts.length === 2 ? qualifiedTable(parts[0], parts[1]) : qualifiedTable('default', options.table);
    const bucket = options.bucket.replace(/\/+$/, '');
    if (!/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(bucket)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__.InputError(`${JSON.stringify(options.bucket)} is not an s3://bucket[/prefix] URL`, {
            location: { field: 'bucket' },
        });
    }
    if (options.org !== undefined && !/^o-[a-z0-9]{10,32}$/.test(options.org)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__.InputError(`${JSON.stringify(options.org)} is not an organization ID (o-…)`, {
            location: { field: 'org' },
        });
    }
    if (!options.accounts.length || options.accounts.some((a) => !/^\d{12}$/.test(a))) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__.InputError('partition projection needs the accounts, as 12-digit IDs', {
            location: { field: 'accounts' },
            hint: '--accounts 111122223333,444455556666',
        });
    }
    if (options.regions.some((r) => !/^[a-z]{2}(-[a-z]+)+-\d$/.test(r))) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__.InputError(`not a region name in ${options.regions.join(',')}`, { location: { field: 'regions' } });
    }
    if (!/^\d{4}\/\d{2}\/\d{2}$/.test(options.since)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__.InputError(`${JSON.stringify(options.since)} is not a yyyy/MM/dd day`, { location: { field: 'since' } });
    }
    const root = `${bucket}/AWSLogs/${options.org ? `${options.org}/` : ''}`;
    const columns = [
        ...Object.entries(CLOUDTRAIL_COLUMNS).map(([k, s]) => `  ${k.toLowerCase()} ${hiveType(s)}`),
        `  resources ARRAY<STRUCT<${Object.values(RESOURCE_MEMBERS)
            .map((m) => `${m}:STRING`)
            .join(', ')}>>`,
    ];
    const props = [
        ['projection.enabled', 'true'],
        ['projection.account.type', 'enum'],
        ['projection.account.values', options.accounts.join(',')],
        ['projection.region.type', 'enum'],
        ['projection.region.values', options.regions.join(',')],
        ['projection.timestamp.type', 'date'],
        ['projection.timestamp.format', 'yyyy/MM/dd'],
        ['projection.timestamp.range', `${options.since},NOW`],
        ['projection.timestamp.interval', '1'],
        ['projection.timestamp.interval.unit', 'DAYS'],
        ['storage.location.template', `${root}\${account}/CloudTrail/\${region}/\${timestamp}`],
    ];
    return [
        `CREATE EXTERNAL TABLE ${name} (`,
        columns.join(',\n'),
        ')',
        'PARTITIONED BY (account STRING, region STRING, `timestamp` STRING)',
        "ROW FORMAT SERDE 'com.amazon.emr.hive.serde.CloudTrailSerde'",
        "STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'",
        "OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'",
        `LOCATION '${root}'`,
        'TBLPROPERTIES (',
        props.map(([k, v]) => `  '${k}'='${v.replace(/'/g, "''")}'`).join(',\n'),
        ');',
        '',
    ].join('\n');
}
function slots() {
    const out = [];
    const walk = (path, shape) => {
        if (typeof shape === 'string')
            out.push({ kind: 'field', path, shape });
        else
            for (const [k, s] of Object.entries(shape))
                walk([...path, k], s);
    };
    for (const [k, s] of Object.entries(CLOUDTRAIL_COLUMNS))
        walk([k], s);
    for (const m of Object.keys(RESOURCE_MEMBERS))
        out.push({ kind: 'resources', member: m });
    out.push({ kind: 'path' });
    return out;
}
const SLOTS = slots();
/**
 * The select list, one scalar per column. Struct members are read by dot access (same in Trino and
 * DuckDB); `resources` as one JSON array per member, because GetQueryResults renders an array of
 * rows as text no parser can trust. Rows come back by position: Trino lower-cases column labels.
 */
function selectList() {
    return SLOTS.map((s) => {
        if (s.kind === 'field')
            return s.path.map((p) => p.toLowerCase()).join('.');
        if (s.kind === 'resources')
            return `json_format(CAST(transform(resources, r -> r.${RESOURCE_MEMBERS[s.member]}) AS JSON))`;
        return '"$path"';
    }).join(', ');
}
/** A returned row (strings, undefined for NULL, in selectList order) back into a record and its file. */
function decodeRow(values) {
    const record = {};
    let file = '';
    const members = {};
    SLOTS.forEach((slot, i) => {
        const value = values[i];
        if (value === undefined)
            return;
        if (slot.kind === 'path') {
            file = value;
            return;
        }
        if (slot.kind === 'resources') {
            const parsed = parseJson(value);
            if (Array.isArray(parsed))
                members[slot.member] = parsed;
            return;
        }
        let target = record;
        for (const key of slot.path.slice(0, -1)) {
            const next = target[key];
            target = (typeof next === 'object' && next !== null ? next : (target[key] = {}));
        }
        const leaf = slot.path[slot.path.length - 1];
        // The SerDe turns the record's boolean readOnly into 'true'/'false'; the record had a boolean.
        target[leaf] =
            slot.shape === 'json'
                ? parseJson(value)
                : leaf === 'readOnly' && slot.path.length === 1
                    ? value === 'true'
                    : value;
    });
    const length = Math.max(0, ...Object.values(members).map((m) => m?.length ?? 0));
    if (length > 0) {
        record.resources = Array.from({ length }, (_, i) => {
            const item = {};
            for (const [m, list] of Object.entries(members))
                if (list?.[i] != null)
                    item[m] = list[i];
            return item;
        });
    }
    return { record: record, file };
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}


/***/ })

};
