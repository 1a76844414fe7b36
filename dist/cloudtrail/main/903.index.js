export const id = 903;
export const ids = [903];
export const modules = {

/***/ 5127:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ CREDENTIALS_HINT),
/* harmony export */   t: () => (/* binding */ isMissingCredentials)
/* harmony export */ });
/**
 * What to tell a user whose AWS call failed for want of credentials: the SDK's own message ("Could
 * not load credentials from any providers") names no way to get them.
 */
/** The SDK's credential chain found nothing (CredentialsProviderError from @smithy/property-provider). */
function isMissingCredentials(error) {
    const name = error?.name;
    return name === 'CredentialsProviderError' || name === 'ExpiredTokenException' || name === 'ExpiredToken';
}
/** The ways the AWS SDK's default chain finds credentials, in the order a newcomer meets them. */
const CREDENTIALS_HINT = 'no AWS credentials were found. Give them one of the ways the AWS SDK reads: ' +
    'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) in the environment; ' +
    '`aws configure` or `aws configure sso` then AWS_PROFILE=<profile> (run `aws sso login` when it expires); ' +
    'in GitHub Actions, OIDC: permissions `id-token: write` and a step ' +
    '`uses: aws-actions/configure-aws-credentials@v4` with `role-to-assume` and `aws-region`';


/***/ }),

/***/ 4903:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseLookupSource: () => (/* binding */ parseLookupSource),
/* harmony export */   readLookup: () => (/* binding */ readLookup)
/* harmony export */ });
/* unused harmony exports GLOBAL_SERVICES_REGION, isThrottling */
/* harmony import */ var _aws_sdk_client_cloudtrail__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7392);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1472);
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5127);
/**
 * The LookupEvents API: management events of the last 90 days, one region per call. Since
 * 2021-11-22, IAM, STS (global endpoint), sign-in and CloudFront events are recorded only in
 * us-east-1 (User Guide, "Global service events"), so us-east-1 is always read, whatever regions
 * were asked for. The API allows 2 requests per second per account and region and returns at most
 * 50 events a page: each region is paced to that rate on its own (regions run in parallel), and a
 * throttled call is retried with exponential back-off on top of the SDK's adaptive retry mode.
 */



const GLOBAL_SERVICES_REGION = 'us-east-1';
const THROTTLING = new Set([
    'ThrottlingException',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'Throttling',
    'ThrottledException',
]);
function isThrottling(error) {
    const e = error;
    return THROTTLING.has(e?.name ?? '') || e?.$retryable?.throttling === true || e?.$metadata?.httpStatusCode === 429;
}
/** `lookup` or `lookup:eu-west-1,eu-central-1` → the regions asked for (undefined = all enabled). */
function parseLookupSource(source) {
    const m = /^lookup(?::(.*))?$/.exec(source);
    if (!m)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`--source: '${source}' is not lookup or lookup:REGIONS`);
    if (m[1] === undefined || m[1].trim() === '')
        return undefined;
    const regions = m[1].split(',').map((r) => r.trim());
    for (const region of regions) {
        if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`--source: '${region}' is not an AWS region`, {
                hint: 'write lookup:eu-west-1,us-east-2 (comma-separated region codes), or lookup for every enabled region',
            });
        }
    }
    return regions;
}
async function readLookup(sink, options) {
    const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const clock = options.clock ?? Date.now;
    const interval = options.minIntervalMs ?? 500;
    const maxRetries = options.maxRetries ?? 8;
    const random = options.random ?? Math.random;
    const notes = ['LookupEvents returns management events only (no S3 or Lambda data events)'];
    let asked = options.regions;
    if (!asked) {
        if (!options.listRegions)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('lookup: no regions given and no way to list the enabled ones');
        asked = await options.listRegions();
    }
    const regions = [...new Set(asked)];
    if (!regions.includes(GLOBAL_SERVICES_REGION)) {
        regions.push(GLOBAL_SERVICES_REGION);
        notes.push('us-east-1 added: IAM, STS, sign-in and CloudFront events are recorded only there');
    }
    regions.sort();
    const failures = [];
    let noCredentials = false;
    await Promise.all(regions.map(async (region) => {
        const client = options.clientFor(region);
        const log = { name: `lookup:${region}`, region };
        let records = 0;
        let firstProblem;
        let lastRequest = -Infinity;
        let token;
        try {
            do {
                let page;
                for (let attempt = 0; !page; attempt++) {
                    const wait = lastRequest + interval - clock();
                    if (wait > 0)
                        await sleep(wait);
                    lastRequest = clock();
                    try {
                        page = await client.send(new _aws_sdk_client_cloudtrail__WEBPACK_IMPORTED_MODULE_1__/* .LookupEventsCommand */ .nau({
                            MaxResults: 50,
                            ...(options.window.start !== undefined ? { StartTime: new Date(options.window.start) } : {}),
                            ...(options.window.end !== undefined ? { EndTime: new Date(options.window.end) } : {}),
                            ...(token ? { NextToken: token } : {}),
                        }));
                    }
                    catch (error) {
                        if (!isThrottling(error) || attempt >= maxRetries)
                            throw error;
                        // Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"), capped at 20 s.
                        await sleep(Math.min(20_000, interval * 2 ** (attempt + 1)) * (0.5 + random() / 2));
                    }
                }
                for (const event of page.Events ?? []) {
                    const text = event.CloudTrailEvent;
                    let record;
                    try {
                        record = typeof text === 'string' ? JSON.parse(text) : undefined;
                    }
                    catch (error) {
                        firstProblem ??= `event ${event.EventId ?? '?'}: CloudTrailEvent is not JSON: ${error.message}`;
                        continue;
                    }
                    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
                        firstProblem ??= `event ${event.EventId ?? '?'} has no CloudTrailEvent record`;
                        continue;
                    }
                    records++;
                    sink.record(record, log);
                }
                token = page.NextToken;
            } while (token);
        }
        catch (error) {
            if ((0,_credentials_js__WEBPACK_IMPORTED_MODULE_2__/* .isMissingCredentials */ .t)(error))
                noCredentials = true;
            const name = error.name ?? 'Error';
            const reason = `LookupEvents failed: ${name}: ${error.message ?? String(error)}`;
            failures.push(`${region}: ${reason}`);
            firstProblem ??= reason;
        }
        sink.fileDone(log, records, firstProblem);
    }));
    if (failures.length === regions.length) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`LookupEvents failed in every region (${failures[0]})`, {
            hint: noCredentials
                ? _credentials_js__WEBPACK_IMPORTED_MODULE_2__/* .CREDENTIALS_HINT */ .P
                : 'the credentials need cloudtrail:LookupEvents; check AWS_PROFILE / AWS_REGION or the OIDC role',
        });
    }
    return { kind: 'lookup', location: 'lookup', deliveries: false, regions, notes };
}


/***/ })

};
