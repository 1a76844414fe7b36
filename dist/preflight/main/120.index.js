export const id = 120;
export const ids = [120];
export const modules = {

/***/ 8120:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  expandReportPaths: () => (/* binding */ expandReportPaths),
  loadReport: () => (/* binding */ loadReport),
  loadReports: () => (/* binding */ loadReports)
});

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
                throw new errors/* InputError */.dz(`no report files match '${pattern}'`, { location: { file: pattern } });
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
// Compiled on first use (at import it cost every egress command, analyze included).
let compiled;
const validateArtifact = () => (compiled ??= new ajv.Ajv({ allErrors: false, strict: false }).compile(egress_report_artifact_schema_namespaceObject));
/** The first schema problem as a field path and a reason, never echoing the (untrusted) value. */
function schemaProblem(file) {
    const error = validateArtifact().errors?.[0];
    const field = (error?.instancePath ?? '')
        .split('/')
        .slice(1)
        .map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`))
        .join('');
    return new errors/* InputError */.dz(`not an egress report: ${field || 'the file'} ${error?.message ?? 'is not valid'}`, {
        location: { file, ...(field ? { field } : {}) },
        hint: 'schemas/egress-report-artifact.schema.json says what a report artifact may hold',
    });
}
async function loadReport(file) {
    let data;
    try {
        const size = (await (0,promises_.stat)(file)).size;
        if (size > MAX_REPORT_BYTES) {
            throw new errors/* InputError */.dz(`report is ${size} bytes; more than ${MAX_REPORT_BYTES} is not an egress report`, {
                location: { file },
            });
        }
        data = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch (error) {
        if (error instanceof errors/* InputError */.dz)
            throw error;
        throw new errors/* InputError */.dz(`not a readable JSON report: ${error.message}`, { location: { file } });
    }
    const endpoints = data?.endpoints;
    if (!Array.isArray(endpoints)) {
        throw new errors/* InputError */.dz('not an egress report: no endpoints array', {
            location: { file, field: 'endpoints' },
            hint: 'pass the report JSON the egress action or `telltale egress analyze --format json` writes',
        });
    }
    const checked = endpoints.map((e, i) => {
        const x = (e ?? {});
        const bad = (field) => new errors/* InputError */.dz(`endpoint ${i} has no valid '${field}'`, {
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
    if (!validateArtifact()(data))
        throw schemaProblem(file);
    const job = data.job ?? data.run?.job;
    return typeof job === 'string' ? { endpoints: checked, job } : { endpoints: checked };
}
async function loadReports(patterns) {
    const files = await expandReportPaths(patterns);
    if (!files.length)
        throw new errors/* InputError */.dz(`no report files found in ${patterns.join(', ')}`);
    if (files.length > MAX_REPORT_FILES)
        throw new errors/* InputError */.dz(`${files.length} report files; more than ${MAX_REPORT_FILES} is not one run's reports`, {
            location: { file: patterns.join(', ') },
        });
    return Promise.all(files.map(loadReport));
}


/***/ })

};
