export const id = 135;
export const ids = [135];
export const modules = {

/***/ 5135:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   isManifestHost: () => (/* binding */ isManifestHost),
/* harmony export */   keepOriginalLines: () => (/* binding */ keepOriginalLines),
/* harmony export */   proposeEntries: () => (/* binding */ proposeEntries),
/* harmony export */   renderSnippet: () => (/* binding */ renderSnippet),
/* harmony export */   splitAllFailed: () => (/* binding */ splitAllFailed),
/* harmony export */   updateManifest: () => (/* binding */ updateManifest)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _schemas_egress_manifest_schema_json__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8507);
/**
 * `--update`: adds newly observed endpoints to the manifest through the `yaml` Document API, so
 * comments, entry order, quoting and flow/block style of what is already there survive untouched.
 * The same proposals render the ready-to-paste snippet in the PR comment.
 */



// The schema's own host pattern: a proposal the loader would reject must never be written.
const HOST_PATTERN = new RegExp(_schemas_egress_manifest_schema_json__WEBPACK_IMPORTED_MODULE_2__.definitions.entry.properties.host.pattern);
/** Whether a name observed on the wire can be written as a manifest `host:`. */
function isManifestHost(name) {
    return name.length <= 255 && HOST_PATTERN.test(name) && !name.startsWith('*.');
}
/**
 * Endpoints whose every connection failed (refused, reset, no answer) worked for nobody: allow-listing
 * them because a run tried is how a typo or a dead mirror becomes policy. `--update` leaves them out,
 * lists them, and says how to add them on purpose.
 */
function splitAllFailed(endpoints) {
    const usable = [];
    const allFailed = [];
    for (const e of endpoints)
        (e.connections > 0 && e.failed >= e.connections ? allFailed : usable).push(e);
    return { usable, allFailed };
}
/**
 * One entry per name (or address) and transport, with every observed port, in a stable order.
 * Names that are not DNS names (anyone can put anything in an SNI or a DNS answer) are never
 * proposed; `isManifestHost` tells the caller which were left out.
 */
function proposeEntries(endpoints) {
    const byKey = new Map();
    for (const e of endpoints) {
        const family = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(e.host);
        if (!family && !isManifestHost(e.host))
            continue;
        const k = `${e.host}|${e.transport}`;
        let entry = byKey.get(k);
        if (!entry) {
            entry = family ? { cidr: `${e.host}/${family === 4 ? 32 : 128}`, ports: [] } : { host: e.host, ports: [] };
            if (e.transport === 'udp')
                entry.transport = 'udp';
            byKey.set(k, entry);
        }
        if (!entry.ports.includes(e.port))
            entry.ports.push(e.port);
    }
    const out = [...byKey.values()];
    for (const e of out)
        e.ports.sort((a, b) => a - b);
    return out.sort((a, b) => (a.host ?? a.cidr ?? '').localeCompare(b.host ?? b.cidr ?? ''));
}
/**
 * Returns the manifest text with `proposals` merged in: a port joins an existing exact-host entry of
 * the same transport that lists ports; anything else becomes a new entry at the end of `allow`.
 */
function updateManifest(manifest, proposals, note) {
    const doc = manifest.document.clone();
    let allow = doc.get('allow', true);
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(allow)) {
        allow = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .YAMLSeq */ .Rw();
        doc.set('allow', allow);
    }
    const seq = allow;
    // A first manifest (`allow: []`) grows block style, one `- host:` per entry with `ports: [443]`,
    // as the README's example is written.
    const startingOut = seq.items.length === 0;
    if (startingOut)
        seq.flow = false;
    const flowPorts = startingOut || seq.items.some((item) => (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(item) && item.get('ports', true)?.flow);
    let first = true;
    for (const proposal of proposals) {
        const existing = proposal.host
            ? seq.items.find((item) => (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(item) &&
                String(item.get('host') ?? '').toLowerCase() === proposal.host &&
                (item.get('transport') ?? 'tcp') === (proposal.transport ?? 'tcp') &&
                (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(item.get('ports', true)))
            : undefined;
        if (existing && (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(existing)) {
            const ports = existing.get('ports', true);
            const have = new Set(ports.items.map((p) => ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(p) ? p.value : p)));
            for (const port of proposal.ports)
                if (!have.has(port))
                    ports.add(doc.createNode(port));
            continue;
        }
        const node = doc.createNode(toPlain(proposal));
        const ports = node.get('ports', true);
        if (ports)
            ports.flow = flowPorts;
        if (first && note)
            node.commentBefore = ` ${note}`;
        first = false;
        seq.add(node);
    }
    const text = keepOriginalLines(manifest.text, doc.toString({ flowCollectionPadding: false }));
    return text.endsWith('\n') ? text : `${text}\n`;
}
/**
 * The `yaml` library re-emits the whole document: values and comments survive, but the spacing
 * people line comments up with does not. Every output line that equals an input line except for
 * whitespace is an untouched line, so it is replaced by the input line verbatim (matched in order
 * by a longest-common-subsequence over the lines; manifests are small).
 */
function keepOriginalLines(original, updated) {
    const a = original.split('\n');
    const b = updated.split('\n');
    const norm = (line) => line.replace(/\s+/g, '');
    const na = a.map(norm);
    const nb = b.map(norm);
    // lcs[i][j]: length of the LCS of a[i..] and b[j..].
    const lcs = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
    for (let i = a.length - 1; i >= 0; i--) {
        for (let j = b.length - 1; j >= 0; j--) {
            lcs[i][j] = na[i] === nb[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
    }
    const out = [];
    let i = 0;
    for (let j = 0; j < b.length;) {
        if (i < a.length && na[i] === nb[j]) {
            out.push(a[i]);
            i++;
            j++;
        }
        else if (i < a.length && lcs[i + 1][j] >= lcs[i][j + 1]) {
            i++;
        }
        else {
            out.push(b[j]);
            j++;
        }
    }
    return out.join('\n');
}
/** The proposals as a YAML list to paste under `allow:` (indented two spaces, like the manifest). */
function renderSnippet(proposals) {
    const doc = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .Document */ .yo(proposals.map(toPlain));
    for (const item of doc.contents.items) {
        const ports = item.get('ports', true);
        if (ports)
            ports.flow = true;
    }
    return doc
        .toString({ flowCollectionPadding: false })
        .trimEnd()
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n');
}
function toPlain(p) {
    const out = p.host ? { host: p.host } : { cidr: p.cidr };
    out.ports = p.ports;
    if (p.transport)
        out.transport = p.transport;
    return out;
}


/***/ }),

/***/ 8507:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://raw.githubusercontent.com/telltale-dev/telltale/v1/schemas/egress-manifest.schema.json","title":"telltale egress manifest","description":"The network endpoints a repository\'s CI jobs are allowed to reach (.github/egress.yml). Checked by `telltale egress diff` and the egress actions; probed by `telltale egress preflight`.","type":"object","additionalProperties":false,"required":["version","allow"],"properties":{"version":{"const":1,"description":"Manifest format version. Only 1 exists."},"allow":{"type":"array","description":"Allowed endpoints. An observed connection is allowed when any entry matches it.","items":{"$ref":"#/definitions/entry"}}},"definitions":{"port":{"description":"A port (1-65535) or an inclusive range written \\"low-high\\".","oneOf":[{"type":"integer","minimum":1,"maximum":65535},{"type":"string","pattern":"^[0-9]{1,5}-[0-9]{1,5}$"}]},"entry":{"type":"object","additionalProperties":false,"oneOf":[{"required":["host"]},{"required":["cidr"]}],"properties":{"host":{"type":"string","minLength":1,"maxLength":255,"pattern":"^(\\\\*\\\\.)?[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?(\\\\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*\\\\.?$","description":"A DNS name matched exactly (case-insensitive), or \\"*.suffix\\": one or more labels under suffix (not suffix itself)."},"cidr":{"type":"string","description":"An IPv4 or IPv6 network, e.g. 10.0.0.0/8 or 2001:db8::/32. A bare address means /32 or /128."},"ports":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/port"},"description":"Allowed ports. Omit to allow any port."},"transport":{"enum":["tcp","udp"],"description":"Limit the entry to TCP or UDP. Omit for both."},"reason":{"type":"string","description":"Why the job needs this endpoint (shown in reports)."},"owner":{"type":"string","description":"Who to ask about this entry."},"probe":{"type":"string","pattern":"^https?://","description":"URL `telltale egress preflight` requests for this entry (needed to check wildcards and CIDRs)."}}}}}');

/***/ })

};
