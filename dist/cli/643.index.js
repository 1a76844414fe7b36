export const id = 643;
export const ids = [643];
export const modules = {

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


/***/ })

};
