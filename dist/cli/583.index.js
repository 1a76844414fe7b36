export const id = 583;
export const ids = [583,930];
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

/***/ 583:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fleetFromFolder: () => (/* binding */ fleetFromFolder),
/* harmony export */   fleetOnAthena: () => (/* binding */ fleetOnAthena),
/* harmony export */   questionDays: () => (/* binding */ questionDays)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_readline__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(481);
/* harmony import */ var node_readline__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_readline__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _athena_query_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9708);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1472);
/* harmony import */ var _questions_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4930);
/**
 * `telltale egress fleet`: one question over the fleet's rows, fetched by one of two engines —
 * `stream` (default) reads a local folder of published rows (`repository=…/date=…/*.json`) line by
 * line, `athena` lets Athena read only the days the question needs (`"date" IN (…)`) and, for
 * `reach` on a host, only that host's rows. Either way questions.ts answers, so the answers are
 * the same.
 */







const DAY = 86_400_000;
/** The days (`yyyy-mm-dd`) whose rows a question needs: history for `new`, twice the span for `grown`. */
function questionDays(question, since, history, now) {
    const from = question.kind === 'new' ? history : question.kind === 'grown' ? since - (now - since) : since;
    const days = [];
    for (let t = Math.floor(from / DAY) * DAY; t <= now; t += DAY)
        days.push(new Date(t).toISOString().slice(0, 10));
    return days;
}
async function fleetFromFolder(dir, question, days) {
    const wanted = new Set(days);
    const rows = [];
    const repos = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir, { withFileTypes: true }).catch((error) => {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__.InputError(`cannot read the fleet folder: ${error.message}`, { location: { file: dir } });
    });
    for (const repo of repos
        .filter((d) => d.isDirectory() && d.name.startsWith('repository='))
        .sort((a, b) => a.name.localeCompare(b.name))) {
        for (const day of (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, repo.name), { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
            if (!day.isDirectory() || !wanted.has(day.name.replace(/^date=/, '')))
                continue;
            for (const file of (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, repo.name, day.name))).sort()) {
                if (!file.endsWith('.json'))
                    continue;
                const where = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, repo.name, day.name, file);
                let line = 0;
                for await (const text of (0,node_readline__WEBPACK_IMPORTED_MODULE_3__.createInterface)({ input: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(where), crlfDelay: Infinity })) {
                    line++;
                    if (!text.trim())
                        continue;
                    try {
                        rows.push(JSON.parse(text));
                    }
                    catch {
                        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__.InputError('not a JSON row', { location: { file: where, line } });
                    }
                }
            }
        }
    }
    return (0,_questions_js__WEBPACK_IMPORTED_MODULE_6__/* .answer */ .Z)(question, rows);
}
/** The same question, the rows read by Athena over the days it needs. */
async function fleetOnAthena(question, days, options) {
    const q = (s) => `'${s.replace(/'/g, "''")}'`;
    const where = [`"date" IN (${days.map(q).join(', ')})`];
    if (question.kind === 'reach' && !/\//.test(question.target)) {
        const host = question.target.toLowerCase();
        where.push(host.startsWith('*.')
            ? `lower(host) LIKE ${q(`%${host.slice(1).replace(/[\\%_]/g, '\\$&')}`)} ESCAPE '\\'`
            : `lower(host) = ${q(host)}`);
    }
    const sql = `SELECT repository, workflow, job, run, step, host, port, protocol, json_format(CAST(addresses AS JSON)), time, connections, bytes FROM ${options.table} WHERE ${where.join(' AND ')}`;
    const rows = [];
    const query = await (0,_athena_query_js__WEBPACK_IMPORTED_MODULE_4__/* .runQuery */ .G)(options.client, sql, options.target, { timeoutMs: options.timeoutMs }, (v) => {
        rows.push({
            repository: v[0] ?? '',
            workflow: v[1] ?? '',
            job: v[2] ?? '',
            run: v[3] ?? '',
            step: v[4] ?? '',
            host: v[5] ?? '',
            port: Number(v[6] ?? 0),
            protocol: v[7] ?? '',
            addresses: v[8] ? JSON.parse(v[8]) : [],
            time: v[9] ?? '',
            connections: Number(v[10] ?? 0),
            bytes: Number(v[11] ?? 0),
        });
    });
    return { answer: (0,_questions_js__WEBPACK_IMPORTED_MODULE_6__/* .answer */ .Z)(question, rows), query };
}


/***/ }),

/***/ 4930:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ answer),
/* harmony export */   renderAnswer: () => (/* binding */ renderAnswer),
/* harmony export */   targetMatcher: () => (/* binding */ targetMatcher)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1472);
/**
 * The questions a security team asks of the fleet's egress, answered from rows (rows.ts) by one set
 * of pure functions, whichever engine fetched the rows (a local folder, or Athena over the
 * published partitions): so both engines give the same answers, in the same output.
 *
 *   reach     which repositories reach a host (exact, or `*.suffix`) or an address in a CIDR
 *   new       endpoints first seen since a time, across the org
 *   grown     repositories with more distinct endpoints since a time than in as long before it
 *   top       endpoints used by the most repositories
 */

const endpointOf = (r) => `${r.host}:${r.port}/${r.protocol}`;
function answer(question, rows) {
    switch (question.kind) {
        case 'reach': {
            const match = targetMatcher(question.target);
            const byRepo = new Map();
            for (const r of rows) {
                if (!match(r))
                    continue;
                const e = byRepo.get(r.repository) ?? { endpoints: new Set(), last: '', runs: new Set() };
                e.endpoints.add(endpointOf(r));
                e.runs.add(r.run);
                if (r.time > e.last)
                    e.last = r.time;
                byRepo.set(r.repository, e);
            }
            return [...byRepo]
                .map(([repository, e]) => ({
                repository,
                endpoints: [...e.endpoints].sort().join(' '),
                runs: e.runs.size,
                lastSeen: e.last,
            }))
                .sort((a, b) => a.repository.localeCompare(b.repository));
        }
        case 'new': {
            const first = new Map();
            for (const r of rows) {
                const key = endpointOf(r);
                const e = first.get(key);
                if (!e)
                    first.set(key, { time: r.time, repos: new Set([r.repository]) });
                else {
                    if (r.time < e.time)
                        e.time = r.time;
                    e.repos.add(r.repository);
                }
            }
            const since = new Date(question.since).toISOString();
            return [...first]
                .filter(([, e]) => e.time >= since)
                .map(([endpoint, e]) => ({ endpoint, firstSeen: e.time, repositories: [...e.repos].sort().join(' ') }))
                .sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || a.endpoint.localeCompare(b.endpoint));
        }
        case 'grown': {
            const since = new Date(question.since).toISOString();
            const before = new Date(question.since - (question.now - question.since)).toISOString();
            const repos = new Map();
            for (const r of rows) {
                if (r.time < before)
                    continue;
                const e = repos.get(r.repository) ?? { old: new Set(), cur: new Set() };
                (r.time >= since ? e.cur : e.old).add(endpointOf(r));
                repos.set(r.repository, e);
            }
            return [...repos]
                .filter(([, e]) => e.cur.size > e.old.size)
                .map(([repository, e]) => ({
                repository,
                before: e.old.size,
                after: e.cur.size,
                added: [...e.cur]
                    .filter((x) => !e.old.has(x))
                    .sort()
                    .join(' '),
            }))
                .sort((a, b) => b.after - b.before - (a.after - a.before) || a.repository.localeCompare(b.repository));
        }
        case 'top': {
            const by = new Map();
            for (const r of rows) {
                const e = by.get(endpointOf(r)) ?? { repos: new Set(), connections: 0 };
                e.repos.add(r.repository);
                e.connections += r.connections;
                by.set(endpointOf(r), e);
            }
            return [...by]
                .map(([endpoint, e]) => ({ endpoint, repositories: e.repos.size, connections: e.connections }))
                .sort((a, b) => b.repositories - a.repositories || b.connections - a.connections || a.endpoint.localeCompare(b.endpoint))
                .slice(0, question.limit);
        }
    }
}
/** A host (`api.example.com`, `*.example.com`) or a CIDR (`203.0.113.0/24`, IPv4 only). */
function targetMatcher(target) {
    const cidr = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(target);
    if (cidr) {
        const net = ipv4(cidr[1]);
        const bits = Number(cidr[2]);
        if (net === undefined || bits > 32)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__.InputError(`'${target}' is not an IPv4 CIDR`, { location: { field: 'reach' } });
        const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
        return (r) => r.addresses.some((a) => {
            const ip = ipv4(a);
            return ip !== undefined && (ip & mask) >>> 0 === (net & mask) >>> 0;
        });
    }
    const host = target.toLowerCase();
    if (!/^(\*\.)?[a-z0-9_.-]+$/.test(host))
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__.InputError(`'${target}' is not a host name or CIDR`, { location: { field: 'reach' } });
    if (host.startsWith('*.'))
        return (r) => r.host.toLowerCase().endsWith(host.slice(1));
    return (r) => r.host.toLowerCase() === host;
}
function ipv4(text) {
    const parts = text.split('.').map(Number);
    if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255))
        return undefined;
    return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}
/** The answer as text: a Markdown table (the same whichever engine fetched the rows). */
function renderAnswer(rows, escape) {
    if (!rows.length)
        return '(no rows)\n';
    const cols = Object.keys(rows[0]);
    return [
        `| ${cols.join(' | ')} |`,
        `| ${cols.map(() => '---').join(' | ')} |`,
        ...rows.map((r) => `| ${cols.map((c) => escape(String(r[c]))).join(' | ')} |`),
        '',
    ].join('\n');
}


/***/ })

};
