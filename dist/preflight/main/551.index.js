export const id = 551;
export const ids = [551];
export const modules = {

/***/ 7551:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   diffEgress: () => (/* binding */ diffEgress),
/* harmony export */   mergeReports: () => (/* binding */ mergeReports)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _manifest_manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(905);
/* harmony import */ var _manifest_match_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9537);
/**
 * Observed egress against the manifest: which endpoints are new (observed, not allowed), which are
 * allowed, and which manifest entries went unused. Reports from several jobs (a matrix) are merged
 * first, so one verdict covers the whole workflow.
 */



const key = (e) => `${e.host.toLowerCase()}|${e.port}|${e.transport}`;
const union = (a, b) => {
    for (const x of b ?? [])
        if (!a.includes(x))
            a.push(x);
    return a;
};
/** Merges endpoints of several reports by (host, port, transport), summing counts, uniting steps. */
function mergeReports(reports) {
    const merged = new Map();
    for (const report of reports) {
        for (const e of report.endpoints) {
            const k = key(e);
            let m = merged.get(k);
            if (!m) {
                m = {
                    host: e.host.toLowerCase().replace(/\.$/, ''),
                    port: e.port,
                    transport: e.transport,
                    protocols: [],
                    namedBy: [],
                    addresses: [],
                    steps: [],
                    jobs: [],
                    connections: 0,
                    failed: 0,
                    bytes: 0,
                    firstSeen: e.firstSeen,
                    lastSeen: e.lastSeen,
                };
                merged.set(k, m);
            }
            union(m.protocols, [e.protocol]);
            union(m.namedBy, [e.namedBy]);
            union(m.addresses, e.addresses);
            union(m.steps, e.steps);
            if (report.job)
                union(m.jobs, [report.job]);
            m.connections += e.connections;
            m.failed += e.failed;
            m.bytes += e.bytes ?? 0;
            if (e.firstSeen < m.firstSeen)
                m.firstSeen = e.firstSeen;
            if (e.lastSeen > m.lastSeen)
                m.lastSeen = e.lastSeen;
        }
    }
    return [...merged.values()].sort((a, b) => a.host.localeCompare(b.host) || a.port - b.port);
}
function diffEgress(manifest, reports) {
    const endpoints = mergeReports(reports);
    // DNS evidence: every name an endpoint was known by, per address it was reached at. Names come
    // from the flows themselves (SNI, Host) or from DNS answers the decoder joined to the flow.
    const namesByAddress = new Map();
    for (const e of endpoints) {
        if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(e.host))
            continue;
        for (const a of e.addresses)
            union(namesByAddress.get(a) ?? namesByAddress.set(a, []).get(a), [e.host]);
    }
    const dnsNames = (address) => namesByAddress.get(address) ?? [];
    const used = new Set();
    const result = { manifest: manifest.file, reports: reports.length, new: [], unused: [], allowed: [] };
    for (const e of endpoints) {
        const match = (0,_manifest_match_js__WEBPACK_IMPORTED_MODULE_2__/* .findMatch */ .T)(manifest.entries, e, dnsNames);
        if (!match) {
            result.new.push({ status: 'new', ...e });
            continue;
        }
        used.add(`${match.entry.index}:${match.portIndex}`);
        result.allowed.push({ status: 'allowed', ...e, entry: entryRef(match.entry), via: match.via });
    }
    for (const entry of manifest.entries) {
        const ports = entry.ports ?? [undefined];
        ports.forEach((range, i) => {
            const portIndex = entry.ports ? i : -1;
            if (used.has(`${entry.index}:${portIndex}`))
                return;
            const item = { ...entryRef(entry), port: range ? (0,_manifest_manifest_js__WEBPACK_IMPORTED_MODULE_1__.formatPortRange)(range) : null };
            if (entry.transport)
                item.transport = entry.transport;
            if (entry.reason)
                item.reason = entry.reason;
            if (entry.owner)
                item.owner = entry.owner;
            result.unused.push(item);
        });
    }
    return result;
}
function entryRef(entry) {
    const ref = { index: entry.index };
    if (entry.host)
        ref.host = entry.host;
    if (entry.cidr)
        ref.cidr = entry.cidr.text;
    if (entry.location.line !== undefined)
        ref.line = entry.location.line;
    return ref;
}


/***/ }),

/***/ 9537:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ findMatch)
/* harmony export */ });
/* unused harmony export hostMatches */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Does a manifest entry allow an observed endpoint? Pure functions over plain data.
 *
 * Names: a `host:` that is an IP literal matches that address; an exact host matches case-insensitively, ignoring a trailing dot; `*.suffix` matches one or
 * more labels under `suffix` but not `suffix` itself (as TLS wildcards would not, and unlike
 * bullfrog's glob which also surprises users at the apex). Addresses: `node:net`'s BlockList does
 * the CIDR arithmetic for both families, including IPv4-mapped IPv6 addresses.
 */

function hostMatches(pattern, host) {
    const name = host.toLowerCase().replace(/\.$/, '');
    if (pattern.startsWith('*.')) {
        const suffix = pattern.slice(1); // ".example.com"
        return name.length > suffix.length && name.endsWith(suffix);
    }
    return name === pattern;
}
/** Whether `address` is the same address as the literal `literal` (either family, any spelling). */
function sameAddress(literal, address) {
    const family = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(address);
    if (!family || !(0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(literal))
        return false;
    const list = new node_net__WEBPACK_IMPORTED_MODULE_0__.BlockList();
    list.addAddress(literal, (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(literal) === 4 ? 'ipv4' : 'ipv6');
    return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
function cidrContains(cidr, address) {
    const family = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(address);
    if (!family)
        return false;
    const list = new node_net__WEBPACK_IMPORTED_MODULE_0__.BlockList();
    list.addSubnet(cidr.address, cidr.prefix, cidr.family);
    return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
function portIndex(entry, port) {
    if (!entry.ports)
        return -1;
    const i = entry.ports.findIndex((r) => port >= r.from && port <= r.to);
    return i === -1 ? undefined : i;
}
/**
 * The first entry that allows the endpoint. `dnsNames(address)` returns names DNS answers in the
 * same reports gave for an address: a connection known only by its IP is allowed when one of those
 * names is an allowed host.
 */
function findMatch(entries, endpoint, dnsNames = () => []) {
    const byAddress = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(endpoint.host) !== 0;
    const addresses = byAddress ? [endpoint.host, ...endpoint.addresses] : endpoint.addresses;
    for (const entry of entries) {
        if (entry.transport && entry.transport !== endpoint.transport)
            continue;
        const index = portIndex(entry, endpoint.port);
        if (index === undefined)
            continue;
        if (entry.host && (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(entry.host)) {
            // `host: 203.0.113.5` is an address, not a name: it matches the endpoint's addresses (a
            // connection to it that nothing named, or a name that resolved to it).
            if (addresses.some((a) => sameAddress(entry.host, a)))
                return { entry, portIndex: index, via: 'host' };
        }
        else if (entry.host) {
            if (!byAddress && hostMatches(entry.host, endpoint.host))
                return { entry, portIndex: index, via: 'host' };
            if (byAddress && addresses.some((a) => dnsNames(a).some((n) => hostMatches(entry.host, n)))) {
                return { entry, portIndex: index, via: 'dns' };
            }
        }
        if (entry.cidr && addresses.some((a) => cidrContains(entry.cidr, a)))
            return { entry, portIndex: index, via: 'cidr' };
    }
    return undefined;
}


/***/ })

};
