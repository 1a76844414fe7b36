export const id = 825;
export const ids = [825];
export const modules = {

/***/ 6825:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  VH: () => (/* binding */ checkMatcher),
  lX: () => (/* binding */ compileGoRegex),
  _3: () => (/* binding */ evaluate),
  LP: () => (/* binding */ evaluatePatterns),
  BY: () => (/* binding */ isMatcherMap),
  WU: () => (/* binding */ show),
  N7: () => (/* binding */ toStr)
});

// UNUSED EXPORTS: MATCHER_KEYWORDS, toNum

// EXTERNAL MODULE: ./node_modules/@xmldom/xmldom/lib/index.js
var lib = __webpack_require__(8351);
// EXTERNAL MODULE: ./node_modules/re2js/build/index.js
var build = __webpack_require__(2856);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./node_modules/xpath/xpath.js
var xpath = __webpack_require__(8408);
var xpath_default = /*#__PURE__*/__webpack_require__.n(xpath);
;// CONCATENATED MODULE: ./shared/audit/gjson.ts
/**
 * The part of gjson's path syntax (gjson.dev, tidwall/gjson SYNTAX.md) that Goss's `gjson` matcher
 * users write: `a.b.c`, `\.` to escape a dot, `*` and `?` wildcards in a key, a number to index an
 * array, `#` for an array's length, `list.#.field` to collect a field of every element, and the
 * modifiers `@this`, `@keys`, `@values`, `@reverse`. Anything else (queries `#(…)`, `|` pipes, other
 * modifiers) is refused with a message rather than answered differently. Pure.
 */

function gjsonGet(text, path) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        return { ok: false, error: 'the value is not valid JSON' };
    }
    const parts = splitPath(path);
    if (typeof parts === 'string')
        return { ok: false, error: parts };
    const found = walk(doc, parts);
    return found === undefined ? { ok: false, error: `path not found: ${path}` } : found;
}
function splitPath(path) {
    if (/[|]|#\(/.test(path))
        return `gjson path '${path}': queries and pipes are not supported by telltale`;
    const parts = [];
    let cur = '';
    for (let i = 0; i < path.length; i++) {
        const c = path[i];
        if (c === '\\' && i + 1 < path.length)
            cur += path[++i];
        else if (c === '.') {
            parts.push(cur);
            cur = '';
        }
        else
            cur += c;
    }
    parts.push(cur);
    return parts;
}
function walk(value, parts) {
    if (parts.length === 0)
        return { ok: true, value };
    const [head, ...rest] = parts;
    if (head.startsWith('@')) {
        const mod = modifier(head, value);
        return typeof mod === 'string' ? { ok: false, error: mod } : walk(mod.value, rest);
    }
    if (Array.isArray(value)) {
        if (head === '#') {
            if (rest.length === 0)
                return { ok: true, value: value.length };
            const collected = [];
            for (const el of value) {
                const r = walk(el, rest);
                if (r?.ok)
                    collected.push(r.value);
            }
            return { ok: true, value: collected };
        }
        if (/^\d+$/.test(head)) {
            const i = Number(head);
            return i < value.length ? walk(value[i], rest) : undefined;
        }
        return undefined;
    }
    if (value !== null && typeof value === 'object') {
        const obj = value;
        if (/[*?]/.test(head)) {
            // Keys come from the data; RE2 keeps the wildcard match linear.
            const re = build/* RE2JS */.L3.compile(`^${head
                .split('')
                .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : build/* RE2JS */.L3.quote(c)))
                .join('')}$`, build/* RE2JS */.L3.DOTALL);
            const key = Object.keys(obj).find((k) => re.test(k));
            return key === undefined ? undefined : walk(obj[key], rest);
        }
        return Object.hasOwn(obj, head) ? walk(obj[head], rest) : undefined;
    }
    return undefined;
}
function modifier(name, value) {
    switch (name) {
        case '@this':
            return { value };
        case '@keys':
            return value && typeof value === 'object' && !Array.isArray(value)
                ? { value: Object.keys(value) }
                : { value: [] };
        case '@values':
            return value && typeof value === 'object' && !Array.isArray(value)
                ? { value: Object.values(value) }
                : { value: [] };
        case '@reverse':
            return Array.isArray(value) ? { value: [...value].reverse() } : { value };
        default:
            return `gjson modifier '${name}' is not supported by telltale (only @this, @keys, @values, @reverse)`;
    }
}

;// CONCATENATED MODULE: ./shared/audit/matchers.ts
/**
 * Goss's matcher language (docs/gossfile.md "Matchers"; resource/gomega.go maps YAML onto matchers),
 * evaluated over plain values. A matcher is whatever the user wrote for an attribute:
 * - a string: the actual value converted to a string (a list joined with "\n", matchers/type_conversion.go
 *   `ToString`) must equal it, so `groups: root` passes for a user whose only group is root;
 * - a number: the actual value converted to a number (`ToNumeric`) must equal it (`mode: 640`, `uid: "0"`);
 * - a boolean: strict equality;
 * - a list: `contain-elements` of the items, each item a matcher and each matched by a distinct element;
 * - a one-key map naming a keyword (`have-prefix`, `not`, `gjson`, …).
 * Pure: no I/O, never throws on a bad actual value (Goss reports an error there, we a failed result).
 * Every regular expression is Go RE2 syntax run by re2js: linear time whatever the text (issue 10 §4).
 */





/** The matcher keywords Goss documents, plus telltale's `have-key-with-value` (an older Goss one, kept). */
const MATCHER_KEYWORDS = [
    'equal',
    'not',
    'and',
    'or',
    'have-prefix',
    'have-suffix',
    'contain-substring',
    'match-regexp',
    'contain-element',
    'contain-elements',
    'consist-of',
    'have-len',
    'have-key',
    'have-key-with-value',
    'have-patterns',
    'gt',
    'ge',
    'lt',
    'le',
    'semver-constraint',
    'gjson',
    'xml',
];
const KEYWORDS = new Set(MATCHER_KEYWORDS);
/** True when `value` is written as a matcher map (`{have-prefix: x}`) rather than a literal. */
function isMatcherMap(value) {
    if (!isPlainObject(value))
        return false;
    const keys = Object.keys(value);
    return keys.length === 1 && KEYWORDS.has(keys[0]);
}
/** The first problem in a matcher as written (unknown keyword, wrong operand), or undefined. */
function checkMatcher(value) {
    if (Array.isArray(value)) {
        for (const v of value) {
            const p = checkMatcher(v);
            if (p)
                return p;
        }
        return undefined;
    }
    if (!isPlainObject(value))
        return undefined;
    const keys = Object.keys(value);
    if (keys.length !== 1)
        return `a matcher map has exactly one key, got ${keys.length} (${keys.join(', ')}); Goss allows one matcher per level`;
    const key = keys[0];
    if (!KEYWORDS.has(key))
        return `unknown matcher '${key}' (known: ${MATCHER_KEYWORDS.join(', ')})`;
    const arg = value[key];
    switch (key) {
        case 'not':
        case 'have-key':
            return checkMatcher(arg);
        case 'contain-element':
            // resource/gomega.go: a matcher, a string or a number.
            return isPlainObject(arg) || typeof arg === 'string' || typeof arg === 'number'
                ? checkMatcher(arg)
                : `'contain-element' takes a matcher, a string or a number`;
        case 'and':
        case 'or':
        case 'contain-elements':
        case 'consist-of':
            if (!Array.isArray(arg))
                return `'${key}' takes a list`;
            return checkMatcher(arg);
        case 'have-prefix':
        case 'have-suffix':
        case 'contain-substring':
            return typeof arg === 'string' ? undefined : `'${key}' takes a string`;
        case 'match-regexp':
            if (typeof arg !== 'string')
                return `'match-regexp' takes a string`;
            return regexProblem(arg);
        case 'have-patterns':
            if (!Array.isArray(arg) || arg.some((p) => typeof p !== 'string'))
                return `'have-patterns' takes a list of strings`;
            return arg.map((p) => patternProblem(p)).find(Boolean);
        case 'have-len':
            return typeof arg === 'number' ? undefined : `'have-len' takes a number`;
        case 'gt':
        case 'ge':
        case 'lt':
        case 'le':
            return typeof arg === 'number' || (typeof arg === 'string' && isNumeric(arg))
                ? undefined
                : `'${key}' takes a number`;
        case 'semver-constraint':
            if (typeof arg !== 'string' || parseConstraint(arg) === undefined)
                return `'semver-constraint' takes a semver range as blang/semver reads it (">=1.2.0 <2.0.0 !=1.5.0", ">5.0.0 || <1.5.0")`;
            return undefined;
        case 'have-key-with-value':
            return isPlainObject(arg) && Object.keys(arg).length > 0
                ? Object.values(arg).map(checkMatcher).find(Boolean)
                : `'have-key-with-value' takes a map {key: matcher}`;
        case 'gjson':
            return isPlainObject(arg) && Object.keys(arg).length > 0
                ? Object.values(arg).map(checkMatcher).find(Boolean)
                : `'gjson' takes a map {path: matcher}`;
        case 'xml':
            if (!isPlainObject(arg) ||
                typeof arg.xpath !== 'string' ||
                Object.keys(arg).some((k) => k !== 'xpath' && k !== 'result'))
                return `'xml' takes {xpath: "//book/title", result: "<title>…</title>"}`;
            return undefined;
        default:
            return undefined;
    }
}
/** Evaluates a matcher against an actual value. */
function evaluate(matcher, actual, depth = 0) {
    // A matcher is a finite tree; the bound only guards a hand-built cyclic value.
    if (depth > 64)
        return { pass: false, expected: 'a matcher nested less than 64 deep', error: 'matcher nested too deep' };
    if (isMatcherMap(matcher))
        return evaluateKeyword(matcher, actual, depth + 1);
    if (Array.isArray(matcher))
        return containElements(matcher, actual, depth + 1, 'contain elements');
    if (typeof matcher === 'string')
        return { pass: toStr(actual) === matcher, expected: show(matcher) };
    if (typeof matcher === 'number') {
        const n = toNum(actual);
        return n === undefined
            ? { pass: false, expected: show(matcher), error: `expected a number, got ${show(actual)}` }
            : { pass: n === matcher, expected: show(matcher) };
    }
    if (typeof matcher === 'boolean')
        return { pass: actual === matcher, expected: show(matcher) };
    if (matcher === null || matcher === undefined)
        return { pass: false, expected: 'a value', error: 'missing required attribute (the matcher is empty)' };
    return { pass: false, expected: show(matcher), error: `not a matcher: ${show(matcher)}` };
}
function evaluateKeyword(m, actual, depth) {
    const [key, arg] = Object.entries(m)[0];
    switch (key) {
        case 'equal':
            return { pass: deepEqual(arg, actual), expected: `equal ${show(arg)}` };
        case 'not': {
            const inner = evaluate(arg, actual, depth);
            // A matcher that could not apply stays a failure under `not` (Goss returns its error).
            if (inner.error)
                return { ...inner, expected: `not ${inner.expected}` };
            return { pass: !inner.pass, expected: `not ${inner.expected}` };
        }
        case 'and': {
            const parts = arg.map((a) => evaluate(a, actual, depth));
            const error = parts.find((p) => p.error)?.error;
            return {
                pass: parts.every((p) => p.pass),
                expected: parts.map((p) => p.expected).join(' and '),
                ...(error ? { error } : {}),
            };
        }
        case 'or': {
            const parts = arg.map((a) => evaluate(a, actual, depth));
            return { pass: parts.some((p) => p.pass), expected: parts.map((p) => p.expected).join(' or ') };
        }
        case 'have-prefix':
            return { pass: toStr(actual).startsWith(String(arg)), expected: `have prefix ${show(arg)}` };
        case 'have-suffix':
            return { pass: toStr(actual).endsWith(String(arg)), expected: `have suffix ${show(arg)}` };
        case 'contain-substring':
            return { pass: toStr(actual).includes(String(arg)), expected: `contain substring ${show(arg)}` };
        case 'match-regexp': {
            const re = compileGoRegex(String(arg));
            const expected = `match /${String(arg)}/`;
            return typeof re === 'string' ? { pass: false, expected, error: re } : { pass: re.test(toStr(actual)), expected };
        }
        case 'have-patterns': {
            const p = evaluatePatterns(arg, toStr(actual));
            return {
                pass: p.pass,
                expected: p.pass ? p.expected : `patterns ${show(p.missing)}`,
                ...(p.error ? { error: p.error } : {}),
            };
        }
        case 'contain-element': {
            const items = toArr(actual);
            const expected = `contain element ${describe(arg)}`;
            if (!Array.isArray(items))
                return { pass: false, expected, error: `expected a list, got ${show(actual)}` };
            return { pass: items.some((a) => evaluate(arg, a, depth).pass), expected };
        }
        case 'contain-elements':
            return containElements(arg, toArr(actual), depth, 'contain elements');
        case 'consist-of': {
            const want = arg;
            const have = toArr(actual);
            const expected = `consist of ${show(want)}`;
            if (!Array.isArray(have))
                return { pass: false, expected, error: `expected a list, got ${show(actual)}` };
            return { pass: want.length === have.length && maxMatching(want, have, depth) === want.length, expected };
        }
        case 'have-len': {
            const len = lengthOf(actual);
            const expected = `have length ${String(arg)}`;
            return len === undefined
                ? { pass: false, expected, error: `a length needs a string, list or map, got ${show(actual)}` }
                : { pass: len === Number(arg), expected };
        }
        case 'have-key': {
            const expected = `have key ${describe(arg)}`;
            if (!isPlainObject(actual))
                return { pass: false, expected, error: `expected a map, got ${show(actual)}` };
            return { pass: Object.keys(actual).some((k) => evaluate(arg, k, depth).pass), expected };
        }
        case 'have-key-with-value': {
            const pairs = Object.entries(arg);
            const expected = pairs.map(([k, v]) => `have key ${show(k)} with value ${describe(v)}`).join(' and ');
            if (!isPlainObject(actual))
                return { pass: false, expected, error: `expected a map, got ${show(actual)}` };
            return {
                pass: pairs.every(([k, v]) => Object.hasOwn(actual, k) && evaluate(v, actual[k], depth).pass),
                expected,
            };
        }
        case 'gt':
        case 'ge':
        case 'lt':
        case 'le': {
            const a = toNum(actual);
            const b = Number(arg);
            const word = { gt: '>', ge: '>=', lt: '<', le: '<=' }[key];
            const expected = `be ${word} ${b}`;
            if (a === undefined)
                return { pass: false, expected, error: `expected a number, got ${show(actual)}` };
            return { pass: key === 'gt' ? a > b : key === 'ge' ? a >= b : key === 'lt' ? a < b : a <= b, expected };
        }
        case 'semver-constraint':
            return semverConstraint(String(arg), actual);
        case 'gjson': {
            const parts = [];
            const text = toStr(actual);
            for (const [path, sub] of Object.entries(arg)) {
                const got = gjsonGet(text, path);
                if (!got.ok)
                    parts.push({ pass: false, expected: `gjson ${path}`, error: got.error });
                else {
                    const inner = evaluate(sub, got.value, depth);
                    parts.push({ ...inner, expected: `gjson ${path} ${inner.expected}` });
                }
            }
            const error = parts.find((p) => p.error)?.error;
            return {
                pass: parts.every((p) => p.pass),
                expected: parts.map((p) => p.expected).join(' and '),
                ...(error ? { error } : {}),
            };
        }
        case 'xml':
            return xmlMatch(arg, actual);
        default:
            return { pass: false, expected: `unknown matcher ${key}`, error: `unknown matcher ${key}` };
    }
}
/**
 * `contain-elements` (and a bare list): every wanted matcher is met by a distinct element, so
 * `[group2, group2]` needs two matching groups (docs/gossfile.md "Arrays", gomega's bipartite match).
 */
function containElements(want, have, depth, words) {
    const expected = `${words} ${show(want)}`;
    if (!Array.isArray(have)) {
        if (want.length === 0)
            return { pass: true, expected };
        return { pass: false, expected, error: `expected a list, got ${show(have)}` };
    }
    return { pass: maxMatching(want, have, depth) === want.length, expected };
}
/** The size of a maximum matching between matchers and elements (Kuhn's augmenting paths). */
function maxMatching(want, have, depth) {
    const ok = want.map((w) => have.map((a) => evaluate(w, a, depth).pass));
    const owner = new Array(have.length).fill(-1);
    const tryAssign = (i, seen) => {
        for (let j = 0; j < have.length; j++) {
            if (!ok[i][j] || seen[j])
                continue;
            seen[j] = true;
            if (owner[j] === -1 || tryAssign(owner[j], seen)) {
                owner[j] = i;
                return true;
            }
        }
        return false;
    };
    let n = 0;
    for (let i = 0; i < want.length; i++)
        if (tryAssign(i, new Array(have.length).fill(false)))
            n++;
    return n;
}
/**
 * Goss's line patterns (matchers/have_patterns.go), for `contents`, `stdout`, `stderr`, `body` and
 * `have-patterns`. Each line of the text is tested against each pattern:
 * - `/re/` and `!/re/`: a Go regex per line (one leading `\` or `/` and one trailing `/` stripped);
 * - anything else: a substring, after stripping every leading `\`, `/` and `!` — so `\!foo` looks for
 *   `foo` without negation, which is how Goss's code reads its documented escape;
 * - a leading `!` negates: no line may match. An empty pattern always passes.
 * Matcher maps inside the list are telltale's: each is applied to the whole text.
 */
function evaluatePatterns(patterns, text) {
    const missing = [];
    const lines = splitLines(text);
    for (const p of patterns) {
        if (isMatcherMap(p)) {
            const r = evaluate(p, text);
            if (!r.pass)
                missing.push(r.expected);
            continue;
        }
        const raw = typeof p === 'string' ? p : String(p);
        const pat = compilePattern(raw);
        if (typeof pat === 'string')
            return { pass: false, expected: `patterns ${show(patterns)}`, missing: [raw], error: pat };
        if (raw === '')
            continue;
        const hit = lines.some((l) => pat.test(l));
        if (hit === pat.inverse)
            missing.push(raw);
    }
    return { pass: missing.length === 0, expected: `patterns ${show(patterns)}`, missing };
}
function compilePattern(raw) {
    if ((raw.startsWith('/') || raw.startsWith('!/')) && raw.endsWith('/') && raw.length > 1) {
        let body = raw;
        const inverse = body.startsWith('!');
        if (inverse)
            body = body.slice(1);
        if (body.startsWith('\\') || body.startsWith('/'))
            body = body.slice(1);
        if (body.endsWith('/'))
            body = body.slice(0, -1);
        const re = compileGoRegex(body);
        return typeof re === 'string' ? re : { inverse, test: (l) => re.test(l) };
    }
    const inverse = raw.startsWith('!');
    const clean = raw.replace(/^[\\/!]+/, '');
    return { inverse, test: (l) => l.includes(clean) };
}
function patternProblem(raw) {
    const p = compilePattern(raw);
    return typeof p === 'string' ? `pattern ${JSON.stringify(raw)}: ${p}` : undefined;
}
/** bufio.ScanLines: split on \n, drop one trailing \r, no empty token after a final newline. */
function splitLines(text) {
    if (text === '')
        return [];
    const lines = text.split('\n');
    if (lines.at(-1) === '')
        lines.pop();
    return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}
const regexCache = new Map();
/**
 * A Go regular expression (regexp/syntax: `[[:digit:]]`, `\A`, `\z`, `(?i)`, `(?P<name>…)`), compiled
 * by re2js, an RE2 port: matching is linear in the text, so `^(a+)+$` cannot hang on hostile input.
 * Returns the compile error as text.
 */
function compileGoRegex(source) {
    const hit = regexCache.get(source);
    if (hit !== undefined)
        return hit;
    let out;
    try {
        out = build/* RE2JS */.L3.compile(source);
    }
    catch (error) {
        out = `not a valid Go regular expression: ${error.message}`;
    }
    if (regexCache.size > 1000)
        regexCache.clear();
    regexCache.set(source, out);
    return out;
}
function regexProblem(source) {
    const r = compileGoRegex(source);
    return typeof r === 'string' ? `'match-regexp' ${r}` : undefined;
}
/**
 * blang/semver ParseRange: alternatives split by `||`, each an AND of comparisons; operators
 * `<` `<=` `>` `>=` `=` `==` `!` `!=` (none = equal), optionally spaced from the version; a version
 * may use x/X/* wildcards. Versions must be full semver (matchers/semver_constraint.go).
 */
function parseConstraint(text) {
    if (text.trim() === '')
        return undefined;
    const out = [];
    for (const alt of text.split('||')) {
        const raw = alt.trim().split(/\s+/).filter(Boolean);
        const tokens = [];
        for (let i = 0; i < raw.length; i++) {
            const t = raw[i];
            if (/^(<=|>=|==|!=|<|>|=|!)$/.test(t) && i + 1 < raw.length)
                tokens.push(t + raw[++i]);
            else
                tokens.push(t);
        }
        if (tokens.length === 0)
            return undefined;
        const comps = [];
        for (const t of tokens) {
            const m = /^(<=|>=|==|!=|<|>|=|!)?(.+)$/.exec(t);
            if (!m)
                return undefined;
            const opText = m[1] ?? '=';
            const op = (opText === '==' ? '=' : opText === '!' ? '!=' : opText);
            const expanded = expandWildcard(op, m[2]);
            if (!expanded)
                return undefined;
            comps.push(...expanded);
        }
        out.push(comps);
    }
    return out;
}
function expandWildcard(op, v) {
    const parts = v.split('.');
    const wild = (p) => p === undefined || p === 'x' || p === 'X' || p === '*';
    if (!parts.some((p) => p === 'x' || p === 'X' || p === '*')) {
        return semver_default().valid(v, { loose: false }) === null ? undefined : [{ op, version: v }];
    }
    if (parts.length > 3 || (!/^\d+$/.test(parts[0]) && !wild(parts[0])))
        return undefined;
    const major = wild(parts[0]) ? undefined : Number(parts[0]);
    const minor = wild(parts[1]) ? undefined : Number(parts[1]);
    if (major === undefined)
        return op === '=' || op === '>=' || op === '<=' ? [{ op: '>=', version: '0.0.0' }] : undefined;
    const lo = `${major}.${minor ?? 0}.0`;
    const hi = minor === undefined ? `${major + 1}.0.0` : `${major}.${minor + 1}.0`;
    switch (op) {
        case '=':
            return [
                { op: '>=', version: lo },
                { op: '<', version: hi },
            ];
        case '!=':
            return undefined;
        case '>':
        case '<=':
            return [{ op: op === '>' ? '>=' : '<', version: hi }];
        case '>=':
        case '<':
            return [{ op, version: lo }];
    }
}
function semverConstraint(range, actual) {
    const expected = `satisfy semver constraint ${show(range)}`;
    const alternatives = parseConstraint(range);
    if (!alternatives)
        return { pass: false, expected, error: `not a valid semver constraint: ${show(range)}` };
    const list = Array.isArray(actual) ? actual : [actual];
    const versions = list.map((v) => (typeof v === 'string' ? semver_default().valid(v, { loose: false }) : null));
    if (list.length === 0 || versions.some((v) => v === null))
        return {
            pass: false,
            expected,
            error: `expected one or more valid semver versions (Debian and RPM versions such as 1:2.3-4 are not), got ${show(actual)}`,
        };
    const holds = (v, c) => {
        const d = semver_default().compare(v, c.version);
        return c.op === '<'
            ? d < 0
            : c.op === '<='
                ? d <= 0
                : c.op === '>'
                    ? d > 0
                    : c.op === '>='
                        ? d >= 0
                        : c.op === '='
                            ? d === 0
                            : d !== 0;
    };
    const pass = versions.every((v) => alternatives.some((alt) => alt.every((c) => holds(v, c))));
    return { pass, expected };
}
// ---- xml: an XPath query over the actual text (matchers/xml.go) ----
function xmlMatch(arg, actual) {
    const want = arg.result === undefined || arg.result === null ? '' : String(arg.result).trim();
    const expected = `xml ${arg.xpath}${want ? ` = ${show(want)}` : ' exists'}`;
    if (typeof actual !== 'string')
        return { pass: false, expected, error: `expected XML text, got ${show(actual)}` };
    let doc;
    try {
        doc = new lib/* DOMParser */.S4({
            onError: (level, msg) => {
                if (level !== 'warning')
                    throw new Error(msg);
            },
        }).parseFromString(actual, 'text/xml');
    }
    catch (error) {
        return { pass: false, expected, error: `not XML: ${error.message.split('\n')[0]}` };
    }
    let result;
    try {
        result = xpath_default().select(arg.xpath, doc);
    }
    catch (error) {
        return { pass: false, expected, error: `not a valid XPath expression: ${error.message}` };
    }
    if (Array.isArray(result)) {
        if (want === '')
            return { pass: result.length > 0, expected };
        const ser = new lib/* XMLSerializer */.el();
        const text = result
            .map((n) => n.nodeType === 2
            ? `<${n.nodeName}>${n.nodeValue ?? ''}</${n.nodeName}>`
            : n.nodeType === 3
                ? (n.nodeValue ?? '')
                : ser.serializeToString(n))
            .join('');
        return text === want ? { pass: true, expected } : { pass: false, expected, error: `got ${show(text)}` };
    }
    if (want === '')
        return { pass: false, expected, error: 'a function result needs an expected result' };
    const text = typeof result === 'number' ? goFloat(result) : String(result);
    return text === want ? { pass: true, expected } : { pass: false, expected, error: `got ${show(text)}` };
}
// ---- Goss's transforms (matchers/type_conversion.go) ----
/** `ToString`: lists joined with "\n", scalars as Go's %v prints them. */
function toStr(value) {
    if (typeof value === 'string')
        return value;
    if (Array.isArray(value))
        return value.map(goValue).join('\n');
    return goValue(value);
}
function goValue(value) {
    if (value === undefined || value === null)
        return '';
    if (typeof value === 'number')
        return goFloat(value);
    if (typeof value === 'object')
        return JSON.stringify(value);
    return String(value);
}
/** Go's %v of a float64: integers without a decimal point, large ones in e-notation. */
function goFloat(n) {
    return String(n);
}
/** `ToNumeric`: numbers as they are, strings (and lists joined) parsed after trimming. */
function toNum(value) {
    if (typeof value === 'number')
        return value;
    if (Array.isArray(value))
        return toNum(toStr(value));
    if (typeof value === 'string' && isNumeric(value))
        return Number(value.trim());
    return undefined;
}
/** `ToArray`: a string becomes its lines. */
function toArr(value) {
    return typeof value === 'string' ? value.split('\n') : value;
}
function isNumeric(text) {
    return /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(text);
}
/** `equal`: reflect.DeepEqual over the decoded values (order matters in lists). */
function deepEqual(expected, actual) {
    if (Array.isArray(expected)) {
        return (Array.isArray(actual) && expected.length === actual.length && expected.every((e, i) => deepEqual(e, actual[i])));
    }
    if (isPlainObject(expected)) {
        if (!isPlainObject(actual))
            return false;
        const keys = Object.keys(expected);
        return keys.length === Object.keys(actual).length && keys.every((k) => deepEqual(expected[k], actual[k]));
    }
    return expected === actual;
}
function lengthOf(value) {
    // Go's len of a string counts bytes.
    if (typeof value === 'string')
        return Buffer.byteLength(value, 'utf8');
    if (Array.isArray(value))
        return value.length;
    if (isPlainObject(value))
        return Object.keys(value).length;
    return undefined;
}
function describe(matcher) {
    return isMatcherMap(matcher) ? evaluate(matcher, undefined).expected : show(matcher);
}
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** A value as a failure message shows it: JSON, so strings keep their quotes. */
function show(value) {
    return value === undefined ? 'nothing' : JSON.stringify(value);
}


/***/ })

};
