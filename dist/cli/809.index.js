export const id = 809;
export const ids = [809];
export const modules = {

/***/ 4809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MF: () => (/* binding */ palette),
/* harmony export */   colorEnabled: () => (/* binding */ colorEnabled)
/* harmony export */ });
/* unused harmony exports displayWidth, renderTable, progress */
/**
 * What a person at a terminal sees: colour only on a TTY (never with NO_COLOR or --no-color),
 * progress on stderr only on a TTY, and plain-text tables for the commands whose default output is
 * read by eye (`egress diff`, `egress preflight`). Pure functions over plain data, so the CLI passes
 * in whether its streams are TTYs and tests see exactly what a person would.
 */

/**
 * https://no-color.org: a non-empty NO_COLOR turns colour off; `--no-color` too; FORCE_COLOR (not "0")
 * turns it on for CI logs that render ANSI; otherwise colour exactly when writing to a TTY that is not
 * a dumb terminal.
 */
function colorEnabled({ isTTY, env, noColorFlag }) {
    if (noColorFlag)
        return false;
    if (env.NO_COLOR)
        return false;
    if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false')
        return true;
    return isTTY && env.TERM !== 'dumb';
}
const sgr = (open, close) => (s) => `\u001b[${open}m${s}\u001b[${close}m`;
const plain = (s) => s;
function palette(enabled) {
    if (!enabled)
        return { red: plain, green: plain, yellow: plain, blue: plain, bold: plain, dim: plain };
    return {
        red: sgr(31, 39),
        green: sgr(32, 39),
        yellow: sgr(33, 39),
        blue: sgr(34, 39),
        bold: sgr(1, 22),
        dim: sgr(2, 22),
    };
}
const ANSI = /\u001b\[[0-9;]*m/g;
/** Columns a string takes on a terminal, ignoring colour codes (wide CJK counts two). */
function displayWidth(text) {
    let width = 0;
    for (const ch of text.replace(ANSI, '')) {
        const cp = ch.codePointAt(0);
        width +=
            (cp >= 0x1100 && cp <= 0x115f) ||
                (cp >= 0x2e80 && cp <= 0xa4cf) ||
                (cp >= 0xac00 && cp <= 0xd7a3) ||
                (cp >= 0xf900 && cp <= 0xfaff) ||
                (cp >= 0xfe30 && cp <= 0xfe4f) ||
                (cp >= 0xff00 && cp <= 0xff60) ||
                (cp >= 0x1f300 && cp <= 0x1faff)
                ? 2
                : 1;
    }
    return width;
}
/**
 * A plain-text table: a header, a rule, one row per line, columns padded to the widest cell. Cells
 * are untrusted (host names from packets): control and bidi characters are made visible, so no cell
 * can move the cursor, clear the screen or reorder the line. `style` colours a whole cell after
 * padding is computed.
 */
function renderTable(columns, rows, style = (_r, _c, t) => t) {
    const cut = (text, max = 80) => {
        const safe = visibleControls(text);
        return safe.length > max ? `${safe.slice(0, max - 1)}…` : safe;
    };
    const cells = rows.map((row) => columns.map((c, i) => cut(row[i] ?? '', c.max)));
    const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...cells.map((r) => displayWidth(r[i]))));
    const pad = (text, i) => {
        const fill = ' '.repeat(Math.max(0, widths[i] - displayWidth(text)));
        return columns[i].right ? fill + text : text + fill;
    };
    const line = (parts) => parts.join('  ').trimEnd();
    return [
        line(columns.map((c, i) => pad(c.header, i))),
        line(widths.map((w) => '─'.repeat(w))),
        ...cells.map((row, r) => line(row.map((text, i) => style(r, i, pad(text, i))))),
    ]
        .map((l) => `${l}\n`)
        .join('');
}
/**
 * A one-line progress indicator on stderr for long work (many CloudTrail files, a large capture, an
 * image read). Only on a TTY: in a CI log or a pipe it writes nothing, so logs stay clean and
 * stdout stays machine-readable. `--quiet` disables it too.
 */
function progress(write, enabled, intervalMs = 100, now = Date.now) {
    if (!enabled)
        return { update: () => { }, done: () => { } };
    let last = -Infinity;
    let shown = false;
    return {
        update(text) {
            const t = now();
            if (t - last < intervalMs)
                return;
            last = t;
            shown = true;
            write(`\r\u001b[K${visibleControls(text).slice(0, 200)}`);
        },
        done() {
            if (shown)
                write('\r\u001b[K');
            shown = false;
        },
    };
}


/***/ })

};
