export const id = 285;
export const ids = [285];
export const modules = {

/***/ 2285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   decodeState: () => (/* binding */ decodeState),
/* harmony export */   stateOf: () => (/* binding */ stateOf)
/* harmony export */ });
/* unused harmony export encodeState */
const MARKER = /<!-- telltale:cloudtrail-state:([A-Za-z0-9+/=]{1,400000}) -->/;
const MAX_GROUPS = 5000;
function stateOf(report) {
    const state = {
        version: 1,
        generatedAt: report.generatedAt,
        groups: report.groups.slice(0, MAX_GROUPS).map((g) => g.id),
    };
    if (report.watermark)
        state.watermark = report.watermark;
    return state;
}
/**
 * The state as a hidden comment, at most `maxChars` long (an issue body holds 65,536): rows beyond
 * what fits are left out, which only means they would be marked new again.
 */
function encodeState(state, maxChars = 20_000) {
    const budget = Math.floor(((maxChars - 60) * 3) / 4);
    const fit = { ...state, groups: state.groups.slice(0, Math.max(0, Math.floor((budget - 200) / 19))) };
    return `<!-- telltale:cloudtrail-state:${Buffer.from(JSON.stringify(fit)).toString('base64')} -->`;
}
/** The state in an issue body or a state file's text; undefined when absent or not well formed. */
function decodeState(text) {
    const m = MARKER.exec(text);
    let raw;
    try {
        raw = JSON.parse(m ? Buffer.from(m[1], 'base64').toString('utf8') : text);
    }
    catch {
        return undefined;
    }
    return checkState(raw);
}
function checkState(raw) {
    if (raw === null || typeof raw !== 'object')
        return undefined;
    const o = raw;
    if (o.version !== 1 || typeof o.generatedAt !== 'string' || Number.isNaN(Date.parse(o.generatedAt)))
        return undefined;
    const state = {
        version: 1,
        generatedAt: o.generatedAt,
        groups: Array.isArray(o.groups)
            ? o.groups.filter((g) => typeof g === 'string' && /^[0-9a-f]{16}$/.test(g)).slice(0, MAX_GROUPS)
            : [],
    };
    if (typeof o.watermark === 'string' && !Number.isNaN(Date.parse(o.watermark)))
        state.watermark = o.watermark;
    return state;
}


/***/ })

};
