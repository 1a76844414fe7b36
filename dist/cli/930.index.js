export const id = 930;
export const ids = [930];
export const modules = {

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
