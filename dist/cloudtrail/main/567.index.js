export const id = 567;
export const ids = [567];
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

/***/ 5567:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readS3: () => (/* binding */ readS3)
/* harmony export */ });
/* unused harmony export parseS3Url */
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3711);
/* harmony import */ var p_limit__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(370);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1472);
/* harmony import */ var _window_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7869);
/* harmony import */ var _decode_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8618);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7175);
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5127);
/**
 * A trail's S3 bucket, `s3://bucket[/prefix]`: accounts (and an organization's `o-…/` level) and
 * regions are discovered with delimiter listings; then only the day prefixes the window needs are
 * listed, starting after the key of the window's first minute (keys sort by delivery time), so a
 * bucket holding years of logs costs a handful of LIST calls, never a full listing. Objects are
 * streamed through gunzip, several at once, each one record at a time.
 */







function parseS3Url(url) {
    const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
    if (!m) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`--source: '${url}' is not an S3 location`, {
            hint: 'write s3://bucket or s3://bucket/prefix (the folder that holds AWSLogs/, or a folder inside it)',
        });
    }
    const prefix = (m[2] ?? '').replace(/^\/+/, '');
    return { bucket: m[1], prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix };
}
const ORG = /^o-[a-z0-9]{10,32}$/;
const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
async function readS3(url, sink, options) {
    const { bucket, prefix } = parseS3Url(url);
    const { client, window } = options;
    const notes = [];
    const listError = (error, listed) => {
        const name = error.name ?? 'Error';
        const message = error.message ?? String(error);
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`cannot list s3://${bucket}/${listed}: ${name}: ${message}`, {
            location: { file: url },
            hint: name === 'NoSuchBucket'
                ? 'check the bucket name'
                : (0,_credentials_js__WEBPACK_IMPORTED_MODULE_3__/* .isMissingCredentials */ .t)(error)
                    ? _credentials_js__WEBPACK_IMPORTED_MODULE_3__/* .CREDENTIALS_HINT */ .P
                    : 'the credentials need s3:ListBucket on the bucket (and s3:GetObject, kms:Decrypt for SSE-KMS trails)',
        });
    };
    async function* list(listPrefix, extra) {
        let token;
        const seenTokens = new Set();
        do {
            const page = await client
                .send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__/* .ListObjectsV2Command */ .u6x({
                Bucket: bucket,
                Prefix: listPrefix,
                ...(extra.delimiter ? { Delimiter: '/' } : {}),
                ...(extra.startAfter && !token ? { StartAfter: extra.startAfter } : {}),
                ...(token ? { ContinuationToken: token } : {}),
            }))
                .catch((error) => listError(error, listPrefix));
            yield page;
            const next = page.IsTruncated ? page.NextContinuationToken : undefined;
            // A server that hands back a token it already gave would make this loop forever.
            if (next !== undefined && seenTokens.has(next)) {
                notes.push(`the listing of s3://${bucket}/${listPrefix} repeated a continuation token: stopped listing there after ${seenTokens.size + 1} page(s); files after it were not read`);
                break;
            }
            if (next !== undefined)
                seenTokens.add(next);
            token = next;
        } while (token);
    }
    const children = async (parent) => {
        const names = [];
        for await (const page of list(parent, { delimiter: true })) {
            for (const p of page.CommonPrefixes ?? []) {
                if (p.Prefix)
                    names.push(p.Prefix.slice(parent.length).replace(/\/$/, ''));
            }
        }
        return names.sort();
    };
    // Where in AWSLogs/[o-…/]<account>/CloudTrail/<region>/ the given prefix points.
    const segments = prefix.split('/').filter(Boolean);
    let at = segments.lastIndexOf('AWSLogs');
    let base = prefix;
    if (at < 0) {
        if (!(await children(prefix)).includes('AWSLogs')) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`no AWSLogs/ folder under s3://${bucket}/${prefix}`, {
                location: { file: url },
                hint: 'point --source at the prefix the trail writes to (the folder that holds AWSLogs/)',
            });
        }
        base = `${prefix}AWSLogs/`;
        at = segments.length;
    }
    else {
        base = `${segments.slice(0, at + 1).join('/')}/`;
    }
    const given = segments.slice(at + 1);
    // Accounts, each with the prefix of its `CloudTrail/` folder.
    const accountPrefixes = [];
    let rest = given;
    if (rest[0] && ORG.test(rest[0])) {
        base = `${base}${rest[0]}/`;
        rest = rest.slice(1);
        if (!rest[0])
            for (const a of await children(base))
                if (ACCOUNT.test(a))
                    accountPrefixes.push(`${base}${a}/`);
    }
    else if (!rest[0]) {
        for (const child of await children(base)) {
            if (ACCOUNT.test(child))
                accountPrefixes.push(`${base}${child}/`);
            else if (ORG.test(child)) {
                for (const a of await children(`${base}${child}/`)) {
                    if (ACCOUNT.test(a))
                        accountPrefixes.push(`${base}${child}/${a}/`);
                }
            }
        }
    }
    if (rest[0]) {
        if (!ACCOUNT.test(rest[0])) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`'${rest[0]}' in s3://${bucket}/${prefix} is not an account id`, {
                location: { file: url },
            });
        }
        accountPrefixes.push(`${base}${rest[0]}/`);
        rest = rest.slice(1);
    }
    if (rest[0] && rest[0] !== 'CloudTrail') {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`s3://${bucket}/${prefix} is not inside a CloudTrail/ folder`, {
            location: { file: url },
            hint: 'digests (CloudTrail-Digest/) and Insights (CloudTrail-Insight/) hold no management events',
        });
    }
    const givenRegion = rest[1];
    const regionPrefixes = [];
    for (const accountPrefix of accountPrefixes) {
        const account = accountPrefix.split('/').at(-2);
        const trail = `${accountPrefix}CloudTrail/`;
        const regions = givenRegion ? [givenRegion] : (await children(trail)).filter((r) => REGION.test(r));
        for (const region of regions)
            regionPrefixes.push({ prefix: `${trail}${region}/`, account, region });
    }
    if (!regionPrefixes.length)
        notes.push(`no CloudTrail/<region>/ folders under s3://${bucket}/${prefix}`);
    const watermark = options.watermark;
    // With a watermark, the listing starts a lookback earlier: late files are named before the window.
    const listWindow = watermark !== undefined && window.start !== undefined
        ? { ...window, start: window.start - _window_js__WEBPACK_IMPORTED_MODULE_1__/* .LATE_LOOKBACK_MS */ .z }
        : window;
    const days = (0,_window_js__WEBPACK_IMPORTED_MODULE_1__/* .partitionDays */ .ow)(listWindow, options.now);
    const limit = (0,p_limit__WEBPACK_IMPORTED_MODULE_5__/* ["default"] */ .A)(options.concurrency ?? 8);
    const running = new Set();
    const download = async (key, log) => {
        try {
            const object = await client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__/* .GetObjectCommand */ .jLs({ Bucket: bucket, Key: key }));
            const body = object.Body;
            if (!body)
                return sink.fileDone(log, 0, 'empty object');
            const result = await (0,_decode_js__WEBPACK_IMPORTED_MODULE_2__/* .decodeLogStream */ .vS)(body, (record) => sink.record(record, log));
            sink.fileDone(log, result.records, result.error);
        }
        catch (error) {
            const name = error.name ?? 'Error';
            sink.fileDone(log, 0, `download failed: ${name}: ${error.message ?? String(error)}`);
        }
    };
    const enqueue = async (key, log) => {
        const promise = limit(() => download(key, log)).finally(() => running.delete(promise));
        running.add(promise);
        if (running.size >= 64)
            await Promise.race(running);
    };
    for (const r of regionPrefixes) {
        const listings = days
            ? days.map((day, i) => ({
                prefix: `${r.prefix}${day}/`,
                // Keys sort by the delivery stamp in their names: skip what was delivered before the window.
                ...(i === 0 && listWindow.start !== undefined
                    ? { startAfter: `${r.prefix}${day}/${r.account}_CloudTrail_${r.region}_${stamp(listWindow.start)}` }
                    : {}),
            }))
            : [{ prefix: r.prefix }];
        for (const listing of listings) {
            for await (const page of list(listing.prefix, listing.startAfter ? { startAfter: listing.startAfter } : {})) {
                for (const object of page.Contents ?? []) {
                    const key = object.Key;
                    if (!key || key.endsWith('/'))
                        continue;
                    const name = `s3://${bucket}/${key}`;
                    const trail = (0,_layout_js__WEBPACK_IMPORTED_MODULE_6__/* .parseTrailKey */ .xX)(key);
                    if (!trail) {
                        sink.fileSkipped(name, 'not-a-log');
                        continue;
                    }
                    const modifiedMs = object.LastModified?.getTime();
                    let late = false;
                    if (trail.deliveredMs !== undefined && !(0,_window_js__WEBPACK_IMPORTED_MODULE_1__/* .deliveryOverlaps */ .F_)(trail.deliveredMs, window)) {
                        // Named before the window but delivered after the last night looked: read it now.
                        late =
                            watermark !== undefined &&
                                modifiedMs !== undefined &&
                                modifiedMs > watermark &&
                                window.start !== undefined &&
                                trail.deliveredMs < window.start;
                        if (!late) {
                            sink.fileSkipped(name, 'outside-window');
                            continue;
                        }
                    }
                    const log = { name, account: trail.account, region: trail.region };
                    if (modifiedMs !== undefined)
                        log.modifiedMs = modifiedMs;
                    if (late)
                        log.late = true;
                    if (trail.deliveredMs !== undefined)
                        log.deliveredMs = trail.deliveredMs;
                    await enqueue(key, log);
                }
            }
        }
    }
    await Promise.all(running);
    return {
        kind: 's3',
        location: `s3://${bucket}/${prefix}`,
        deliveries: true,
        regions: [...new Set(regionPrefixes.map((r) => r.region))].sort(),
        notes,
    };
}
/** `YYYYMMDDTHHmmZ` as in CloudTrail file names. */
function stamp(ms) {
    const iso = new Date(ms).toISOString();
    return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
}


/***/ })

};
