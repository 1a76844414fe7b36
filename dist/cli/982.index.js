export const id = 982;
export const ids = [982];
export const modules = {

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
