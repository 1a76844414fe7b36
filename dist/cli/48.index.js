export const id = 48;
export const ids = [48,643];
export const modules = {

/***/ 8048:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commentTargetFromRun: () => (/* binding */ commentTargetFromRun),
  publishComment: () => (/* binding */ publishComment)
});

// UNUSED EXPORTS: ACTIONS_BOT, MAX_COMMENT_LENGTH, ownStickyComments, parsePullRequestNumber, pullRequestTarget, stickyBody, stickyMarker, tokenLogin, upsertStickyComment

// EXTERNAL MODULE: ./shared/report/escape.ts
var report_escape = __webpack_require__(6682);
// EXTERNAL MODULE: ./shared/report/markdown.ts
var markdown = __webpack_require__(216);
// EXTERNAL MODULE: ./shared/util/errors.ts
var errors = __webpack_require__(1472);
// EXTERNAL MODULE: ./shared/github/context.ts
var context = __webpack_require__(3643);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(1758);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
;// CONCATENATED MODULE: ./shared/github/octokit.ts
/**
 * The one way telltale builds a GitHub REST client: `@actions/github`'s Octokit with retry and
 * throttling, pointed at `GITHUB_API_URL` (GitHub Enterprise Server sets its own).
 *
 * `baseUrl` is always passed explicitly: `@actions/github` reads GITHUB_API_URL once at import time,
 * so a value set later in the same process (or a test's stand-in API) would be ignored otherwise.
 */



function createGitHubClient(options) {
    const retries = options.retries ?? 3;
    const maxWait = options.maxWaitSeconds ?? 60;
    const log = options.log ?? (() => { });
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const retrying = retryCount < retries && retryAfter <= maxWait;
        log(`GitHub ${kind} rate limit on ${request.method ?? ''} ${request.url ?? ''}: ` +
            (retrying ? `retrying in ${retryAfter}s (${retryCount + 1}/${retries})` : 'giving up'));
        return retrying;
    };
    const client = (0,github/* getOctokit */.Q)(options.token, {
        baseUrl: options.baseUrl.replace(/\/+$/, ''),
        retry: { retries },
        throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
        log: { debug: () => { }, info: () => { }, warn: log, error: log },
    }, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
    bound(client, options.timeoutMs ?? 30_000, options.maxPages ?? 100, log);
    return client;
}
/**
 * Every request gets a deadline, and every `paginate` a page budget: a stalled or hostile API (one
 * whose `Link: next` never ends) costs a bounded time, never a hung job.
 */
function bound(client, timeoutMs, maxPages, log) {
    // Hooks registered after the plugins are outermost, and before-after-hook binds the options the
    // inner hooks see: so the options object is changed in place, and every attempt (retries
    // included) goes through a fetch with its own deadline.
    client.hook.wrap('request', async (request, options) => {
        const given = options.request;
        const inner = given?.fetch ?? globalThis.fetch;
        let timedOut = false;
        const timedFetch = (url, init) => {
            const deadline = AbortSignal.timeout(timeoutMs);
            deadline.addEventListener('abort', () => (timedOut = true), { once: true });
            const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
            return inner(url, { ...init, signal });
        };
        options.request = { ...options.request, fetch: timedFetch };
        try {
            return await request(options);
        }
        catch (error) {
            if (timedOut) {
                throw Object.assign(new Error(`GitHub API ${options.method} ${options.url} took longer than ${timeoutMs} ms`), {
                    cause: error,
                });
            }
            throw error;
        }
    });
    const original = client.paginate;
    const limited = (route, params, mapFn) => {
        if (typeof params === 'function')
            [params, mapFn] = [undefined, params];
        let pages = 0;
        return original(route, params, (response, done) => {
            pages += 1;
            if (pages >= maxPages && /rel="next"/.test(response.headers.link ?? '')) {
                log(`GitHub API: stopped reading ${response.url} after ${maxPages} pages`);
                done();
            }
            return typeof mapFn === 'function' ? mapFn(response, done) : response.data;
        });
    };
    client.paginate = Object.assign(limited, original);
}

;// CONCATENATED MODULE: ./shared/github/comments.ts
/**
 * One sticky PR comment per key: found by a hidden marker among **all** the PR's comments (paged 100
 * at a time) written by the same user as the token, updated in place, never duplicated, and left
 * alone when the body has not changed (no notification, no "edited" noise). The pattern follows
 * marocchino/sticky-pull-request-comment.
 *
 * `publishComment` never fails a step over a comment: a read-only token (fork pull requests), an
 * exhausted rate limit or any other API failure puts the body in the job summary instead, with the
 * reason and, for forks, the `pull_request` → artifact → `workflow_run` pattern that works.
 */





/** GitHub rejects comment bodies longer than this (422 "body is too long"). */
const MAX_COMMENT_LENGTH = 65_536;
/** The identity GITHUB_TOKEN comments as; GET /user is refused to installation tokens. */
const ACTIONS_BOT = 'github-actions[bot]';
function stickyMarker(key) {
    // The key ends up inside an HTML comment: anything that could close it (`-->`) must be impossible.
    if (!/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/.test(key)) {
        throw new errors.InputError(`comment key '${key}' must be 1-100 letters, digits, '.', '_', ':', '/' or '-'`, {
            hint: 'e.g. --key egress or --key audit/debian',
        });
    }
    return `<!-- telltale:sticky ${key} -->`;
}
/** The full comment text: marker first, then the body cut to fit GitHub's limit. */
function stickyBody(key, body, truncatedNote = TRUNCATED_NOTE) {
    const marker = stickyMarker(key);
    return `${marker}\n${(0,markdown/* truncateMarkdown */.o4)(body, MAX_COMMENT_LENGTH - marker.length - 1, truncatedNote)}`;
}
const TRUNCATED_NOTE = '> ✂️ This comment was cut to fit GitHub\u2019s 65,536-character limit. The full report is in the job summary of the workflow run.';
/**
 * The login comments by this token appear under, or undefined when GitHub will not say: GET /user
 * is refused (403) to installation tokens, both GITHUB_TOKEN (github-actions[bot]) and a GitHub
 * App's (my-app[bot]), so the login cannot be guessed from the token.
 */
async function tokenLogin(client) {
    try {
        const { data } = await client.rest.users.getAuthenticated();
        return data.login;
    }
    catch (error) {
        if (error.status === 403)
            return undefined;
        throw error;
    }
}
/**
 * Which comments are this token's sticky comment for `marker`. With a known login: that login's.
 * Without one (an installation token): a `Bot` account's, since only GitHub Apps and
 * github-actions post as bots. Either way, a marker a person pasted into their own comment (a PR
 * author trying to get theirs edited or ours deleted) never matches.
 */
function ownStickyComments(comments, marker, login) {
    const withMarker = comments.filter((c) => (c.body ?? '').startsWith(marker));
    if (login)
        return withMarker.filter((c) => c.user?.login === login);
    const bots = withMarker.filter((c) => c.user?.type === 'Bot');
    // Several bots with the same key (two Apps): keep to the oldest one's comments.
    const first = bots[0]?.user?.login;
    return bots.filter((c) => c.user?.login === first);
}
async function upsertStickyComment(client, target, key, body, options = {}) {
    const full = stickyBody(key, body);
    const marker = stickyMarker(key);
    const author = options.author ?? (await tokenLogin(client));
    const params = { owner: target.owner, repo: target.repo, issue_number: target.issue };
    const comments = await client.paginate(client.rest.issues.listComments, { ...params, per_page: 100 });
    const ours = ownStickyComments(comments, marker, author);
    const existing = ours[0];
    if (!existing) {
        const { data } = await client.rest.issues.createComment({ ...params, body: full });
        return { action: 'created', id: data.id, url: data.html_url };
    }
    // Earlier races may have left duplicates; keep the oldest, remove the rest.
    for (const extra of ours.slice(1)) {
        await client.rest.issues.deleteComment({ owner: target.owner, repo: target.repo, comment_id: extra.id });
    }
    if (existing.body === full)
        return { action: 'unchanged', id: existing.id, url: existing.html_url };
    const { data } = await client.rest.issues.updateComment({
        owner: target.owner,
        repo: target.repo,
        comment_id: existing.id,
        body: full,
    });
    return { action: 'updated', id: data.id, url: data.html_url };
}
async function publishComment(options) {
    stickyMarker(options.key); // a bad key is the caller's mistake: say so before any request
    const client = createGitHubClient({
        token: options.token,
        baseUrl: options.apiUrl,
        log: options.log,
        ...(options.retries === undefined ? {} : { retries: options.retries }),
        ...(options.maxWaitSeconds === undefined ? {} : { maxWaitSeconds: options.maxWaitSeconds }),
    });
    try {
        const result = await upsertStickyComment(client, options.target, options.key, options.body, {
            ...(options.author ? { author: options.author } : {}),
        });
        return { posted: true, ...result };
    }
    catch (error) {
        if (error instanceof errors.InputError)
            throw error;
        // A hostile or broken API may echo the token in its error body: never print it.
        const outcome = redactToken(classify(error), options.token);
        options.log(`PR comment not posted (${outcome.reason}): ${outcome.message}`);
        await options.summary(degradedSummary(outcome, options));
        return outcome;
    }
}
function redactToken(outcome, token) {
    return token.length >= 4 ? { ...outcome, message: outcome.message.split(token).join('***') } : outcome;
}
function classify(error) {
    const status = error.status;
    const message = error instanceof Error ? error.message : String(error);
    if (status === 403 && /not accessible by integration|permission/i.test(message)) {
        return { posted: false, reason: 'read-only', message: `${status} ${message}` };
    }
    if (status === 429 || (status === 403 && /rate limit/i.test(message))) {
        return { posted: false, reason: 'rate-limited', message: `${status} ${message}` };
    }
    return { posted: false, reason: 'failed', message: status ? `${status} ${message}` : message };
}
function degradedSummary(outcome, options) {
    const { owner, repo, issue } = options.target;
    const why = outcome.reason === 'read-only'
        ? `The token cannot write to ${owner}/${repo}#${issue}. Pull requests from forks get a read-only ` +
            '`GITHUB_TOKEN` and no secrets, so a `pull_request` workflow cannot comment. To comment anyway, ' +
            'upload the report as an artifact in the `pull_request` workflow and post it from a separate ' +
            '`workflow_run` workflow that runs with the base repository\u2019s token and never runs code from ' +
            'the fork (telltale docs: docs/examples/egress-comment-from-fork.yml).'
        : outcome.reason === 'rate-limited'
            ? 'GitHub\u2019s rate limit did not clear after retrying with backoff.'
            : 'The GitHub API refused the request.';
    // The API's message is data from a server; keep it out of Markdown syntax.
    const detail = (0,report_escape.escapeMarkdown)(outcome.message);
    const head = `### PR comment not posted\n\n${why}\n\n<sub>${detail}</sub>\n`;
    if (options.bodyInSummary === false)
        return head;
    return `${head}\nThis is what the comment would have said:\n\n---\n\n${options.body}\n`;
}
/** Repository and PR number from the run (GITHUB_REPOSITORY, the event payload) or an explicit --pr. */
function commentTargetFromRun(run, pr) {
    const { owner, repo } = (0,context/* splitRepository */.T8)(run.repository);
    const issue = pr ?? (0,context/* pullRequestNumber */.Kd)(run);
    if (issue === undefined) {
        throw new errors.InputError(`no pull request to comment on: the '${run.eventName ?? 'unknown'}' event has no PR number`, {
            hint: 'pass --pr N (or the action input pr), or run on pull_request / workflow_run with the PR number',
        });
    }
    return { owner, repo, issue };
}
/** Like `commentTargetFromRun`, but undefined when the run is not about a pull request (a push, a schedule). */
function pullRequestTarget(run, pr) {
    if (pr === undefined && pullRequestNumber(run) === undefined)
        return undefined;
    return commentTargetFromRun(run, pr);
}
/** Parses a PR number given as text (a CLI flag, an action input); blank means none. */
function parsePullRequestNumber(text, what = 'pr') {
    if (!text.trim())
        return undefined;
    if (!/^[1-9]\d{0,9}$/.test(text.trim()))
        throw new InputError(`${what}: '${text}' is not a pull request number`);
    return Number(text.trim());
}


/***/ }),

/***/ 3643:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kd: () => (/* binding */ pullRequestNumber),
/* harmony export */   T8: () => (/* binding */ splitRepository),
/* harmony export */   readRunContext: () => (/* binding */ readRunContext)
/* harmony export */ });
/* unused harmony exports runUrl, artifactProvenance */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1472);
/**
 * What a workflow run tells a step about itself, read from the runner's environment. Pure data, no
 * `@actions/*` import, so the CLI reads the same context when run locally inside a job.
 */


function readRunContext(env = process.env) {
    const eventPath = env.GITHUB_EVENT_PATH;
    let event = {};
    if (eventPath) {
        try {
            event = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(eventPath, 'utf8'));
        }
        catch (error) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError(`cannot read the event payload: ${error.message}`, {
                location: { file: eventPath },
            });
        }
    }
    const int = (value) => (value && /^\d+$/.test(value) ? Number(value) : undefined);
    return {
        repository: env.GITHUB_REPOSITORY || undefined,
        eventName: env.GITHUB_EVENT_NAME || undefined,
        event,
        runId: int(env.GITHUB_RUN_ID),
        runAttempt: int(env.GITHUB_RUN_ATTEMPT),
        job: env.GITHUB_JOB || undefined,
        sha: env.GITHUB_SHA || undefined,
        apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
        serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    };
}
/** The web page of this workflow run, when running in one. */
function runUrl(context) {
    return context.repository && context.runId
        ? `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`
        : undefined;
}
/** The pull request number of a `pull_request`/`pull_request_target`/`issue_comment` event, if any. */
function pullRequestNumber(context) {
    const pr = context.event.pull_request;
    if (pr && typeof pr.number === 'number')
        return pr.number;
    const issue = context.event.issue;
    if (issue && issue.pull_request && typeof issue.number === 'number')
        return issue.number;
    return undefined;
}
/** Splits `owner/name`, with an InputError naming where the value came from when it is malformed. */
function splitRepository(repository, source = 'GITHUB_REPOSITORY') {
    const match = /^([\w.-]+)\/([\w.-]+)$/.exec(repository ?? '');
    if (!match)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError(`${source} must be 'owner/name', got '${repository ?? ''}'`);
    return { owner: match[1], repo: match[2] };
}
/**
 * In a `workflow_run` workflow the artifacts come from the triggering run, which ran the code of
 * the pull request (a fork's, or a branch's nobody reviewed yet): whatever it uploaded, that code
 * could have written. Anything else (a matrix's own jobs on push) is this repository's own code.
 */
function artifactProvenance(context) {
    if (context.eventName !== 'workflow_run')
        return { untrusted: false, fork: false };
    const run = (context.event.workflow_run ?? {});
    const head = typeof run.head_repository?.full_name === 'string' ? run.head_repository.full_name : undefined;
    const base = context.repository ?? context.event.repository?.full_name;
    return {
        untrusted: true,
        fork: head === undefined || head.toLowerCase() !== String(base ?? '').toLowerCase(),
        ...(head ? { headRepository: head } : {}),
        ...(typeof run.head_sha === 'string' ? { headSha: run.head_sha } : {}),
    };
}


/***/ }),

/***/ 216:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qj: () => (/* binding */ markdownTable),
/* harmony export */   o4: () => (/* binding */ truncateMarkdown),
/* harmony export */   oG: () => (/* binding */ markdownDetails)
/* harmony export */ });
/* unused harmony export truncateMarkdownBytes */
/**
 * Small Markdown builders shared by every report. Cells and text passed in must already be escaped
 * with `escapeMarkdown` or `markdownCode` (shared/report/escape.ts); these functions only lay out.
 */
/** A GFM table. Rows shorter than the header are padded with empty cells. */
function markdownTable(header, rows) {
    const line = (cells) => `| ${header.map((_, i) => (cells[i] ?? '').replace(/\r?\n/g, ' ')).join(' | ')} |`;
    return [line(header), `|${header.map(() => ' --- |').join('')}`, ...rows.map(line)].join('\n');
}
/** A collapsed `<details>` block; GitHub needs the blank lines for Markdown inside to render. */
function markdownDetails(summary, body) {
    return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
/**
 * Cuts Markdown to at most `limit` UTF-16 code units (GitHub's comment limit is 65,536), at a line
 * boundary, never inside a surrogate pair, and appends `note`. Returns the text unchanged when it fits.
 */
function truncateMarkdown(text, limit, note) {
    if (text.length <= limit)
        return text;
    const budget = limit - note.length - 2;
    if (budget <= 0)
        return note.slice(0, limit);
    let cut = text.lastIndexOf('\n', budget);
    if (cut < budget / 2)
        cut = budget;
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        cut -= 1;
    return `${text.slice(0, cut)}\n\n${note}`;
}
/**
 * Like `truncateMarkdown`, but counts UTF-8 bytes, the unit of the runner's job-summary limit
 * (1 MiB per step): the cut is at a line boundary when one is near, else at a character boundary,
 * and `note` follows. Returns the text unchanged when it fits; an empty string when not even the
 * note does.
 */
function truncateMarkdownBytes(text, limit, note) {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length <= limit)
        return text;
    const noteBytes = Buffer.byteLength(note, 'utf8') + 2;
    const budget = limit - noteBytes;
    if (budget <= 0)
        return Buffer.byteLength(note, 'utf8') <= limit ? note : '';
    let cut = bytes.lastIndexOf(0x0a, budget - 1);
    if (cut < budget / 2) {
        cut = budget;
        // Back off UTF-8 continuation bytes (10xxxxxx) so no character is split.
        while (cut > 0 && (bytes[cut] & 0xc0) === 0x80)
            cut -= 1;
    }
    let head = bytes.subarray(0, cut).toString('utf8');
    // Never split a surrogate pair's worth of text either (a cut inside one decodes as U+FFFD).
    head = head.replace(/\ufffd$/, '');
    return `${head}\n\n${note}`;
}


/***/ })

};
