export const id = 674;
export const ids = [674];
export const modules = {

/***/ 7674:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F_: () => (/* binding */ deliveryOverlaps),
/* harmony export */   O2: () => (/* binding */ describeWindow),
/* harmony export */   gO: () => (/* binding */ inWindow),
/* harmony export */   ow: () => (/* binding */ partitionDays),
/* harmony export */   parseWindow: () => (/* binding */ parseWindow),
/* harmony export */   z: () => (/* binding */ LATE_LOOKBACK_MS)
/* harmony export */ });
/* unused harmony exports DELIVERY_LAG_MS, dayKey */
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8515);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1472);
/**
 * The time window a scan looks at: `--since 24h|ISO|all` and `--until ISO`. Events are kept when
 * `start <= eventTime < end`; an open side is undefined.
 */


/**
 * CloudTrail writes a file some minutes after the events in it ("typically within about 5 minutes",
 * User Guide "How CloudTrail works"), and names and files it by delivery time. Files delivered up to
 * this long after the window's end are read, so the last minutes of the window are not lost.
 */
const DELIVERY_LAG_MS = 30 * 60_000;
/**
 * With the last night's watermark, files named up to this long before the window are looked at too:
 * those that arrived after the watermark were delivered late and are read now (LogFile.late).
 * CloudTrail delivers within minutes; an outage within hours.
 */
const LATE_LOOKBACK_MS = 24 * 3_600_000;
/**
 * Parses `--since` (a duration, an ISO time, or `all`) and `--until` (ISO). A duration counts back
 * from `--until` when one is given (`--since 24h --until T` is the 24 hours before T, as a reader of
 * the two flags expects), else from `now`.
 */
function parseWindow(since, until, now = Date.now()) {
    const window = {};
    if (until !== undefined)
        window.end = parseIsoTime(until.trim(), '--until');
    const trimmed = since.trim();
    if (trimmed.toLowerCase() !== 'all') {
        window.start = /^\d{4}-\d{2}-\d{2}/.test(trimmed)
            ? parseIsoTime(trimmed, '--since')
            : (window.end ?? now) - (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E)(trimmed, { what: '--since' });
    }
    if (window.start !== undefined && window.end !== undefined && window.start >= window.end) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError(`--since ${new Date(window.start).toISOString()} is not before --until ${new Date(window.end).toISOString()}`, { hint: 'the window is [since, until): since must be earlier' });
    }
    return window;
}
function parseIsoTime(text, what) {
    // A bare date is midnight UTC, as in CloudTrail's own partitions; a time without zone is UTC too.
    const normalized = /^\d{4}-\d{2}-\d{2}$/.test(text)
        ? `${text}T00:00:00Z`
        : /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)
            ? `${text}Z`
            : text;
    const ms = Date.parse(normalized);
    if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(ms)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError(`${what}: '${text}' is not an ISO 8601 time`, {
            hint: 'write e.g. 2026-05-04, 2026-05-04T16:00Z or 2026-05-04T16:00:00+02:00 (or, for --since, 24h or all)',
        });
    }
    return ms;
}
function inWindow(ms, window) {
    return (window.start === undefined || ms >= window.start) && (window.end === undefined || ms < window.end);
}
/**
 * The UTC days (`YYYY/MM/DD`, as in CloudTrail's S3 keys) whose files can hold events of the
 * window: from the start's day to the day of `end + DELIVERY_LAG_MS`. Undefined when the window is
 * open at the start (every day is needed). An open end runs to `now`.
 */
function partitionDays(window, now = Date.now()) {
    if (window.start === undefined)
        return undefined;
    const last = (window.end ?? now) + DELIVERY_LAG_MS;
    const days = [];
    const day = new Date(Math.floor(window.start / 86_400_000) * 86_400_000);
    // Bounded: a window of years is still a few thousand prefixes, listed one by one.
    while (day.getTime() <= last) {
        days.push(dayKey(day.getTime()));
        day.setUTCDate(day.getUTCDate() + 1);
    }
    return days;
}
function dayKey(ms) {
    const d = new Date(ms);
    return `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}`;
}
/** Whether a file delivered at `deliveredMs` can hold events of the window (delivery follows the events). */
function deliveryOverlaps(deliveredMs, window) {
    if (window.start !== undefined && deliveredMs < window.start)
        return false;
    if (window.end !== undefined && deliveredMs > window.end + DELIVERY_LAG_MS)
        return false;
    return true;
}
function describeWindow(window) {
    return {
        since: window.start === undefined ? null : new Date(window.start).toISOString(),
        until: window.end === undefined ? null : new Date(window.end).toISOString(),
    };
}


/***/ }),

/***/ 8515:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1472);
/**
 * The one duration parser: `--timeout 3s`, `--since 24h`, action inputs like `1m30s`.
 * Units: ms, s, m, h, d, w; several may be combined (`1h30m`). A bare number is in `defaultUnit`.
 */

const UNIT_MS = {
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
    w: 604_800_000,
};
/** Milliseconds in `text`; an InputError naming `what` (a flag or input) when it is not a duration. */
function parseDuration(text, options = {}) {
    const trimmed = text.trim().toLowerCase();
    const fail = () => new _errors_js__WEBPACK_IMPORTED_MODULE_0__.InputError(`${options.what ? `${options.what}: ` : ''}'${text}' is not a duration`, {
        ...(options.location ? { location: options.location } : {}),
        hint: 'write a number with a unit: 500ms, 3s, 5m, 24h, 7d, 1w, or combined like 1h30m',
    });
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Number(trimmed) * UNIT_MS[options.defaultUnit ?? 's'];
    const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g)];
    if (!parts.length || parts.map((p) => p[0]).join('') !== trimmed)
        throw fail();
    const total = parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_MS[p[2]], 0);
    if (!Number.isFinite(total))
        throw fail();
    return Math.round(total);
}


/***/ })

};
