export const id = 820;
export const ids = [820,674,514,482];
export const modules = {

/***/ 7585:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   qX: () => (/* binding */ agentFamily),
/* harmony export */   tu: () => (/* binding */ describeActor),
/* harmony export */   wQ: () => (/* binding */ viaOf)
/* harmony export */ });
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6563);
/**
 * Who made a call, and how. CloudTrail's `userIdentity` differs by identity type (User Guide,
 * "CloudTrail userIdentity element"): IAM users have a `userName`, assumed roles and root do not,
 * AWS service events may carry only `invokedBy`. The actor's name is derived per type, never read
 * from one field that is empty half the time (Tattletrail's bug).
 */

function describeActor(record) {
    const id = (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(record.userIdentity) ?? {};
    const type = (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(id.type) ?? ((0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(id.invokedBy) ? 'AWSService' : 'Unknown');
    const arn = (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(id.arn);
    const accountId = (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(id.accountId) ?? (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(record.recipientAccountId);
    const session = (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(id.sessionContext);
    const issuer = (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(session?.sessionIssuer);
    const attributes = (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(session?.attributes);
    const actor = { key: '', name: '', type };
    if (arn)
        actor.arn = arn;
    if (accountId)
        actor.accountId = accountId;
    const principalId = (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(id.principalId);
    if (principalId)
        actor.principalId = principalId;
    const key = (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(id.accessKeyId);
    if (key) {
        actor.accessKeyId = key;
        if (key.startsWith('AKIA'))
            actor.credential = 'long-term';
        else if (key.startsWith('ASIA'))
            actor.credential = 'temporary';
    }
    const mfa = attributes?.mfaAuthenticated;
    if (mfa !== undefined)
        actor.mfa = mfa === true || mfa === 'true';
    const invokedBy = (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(id.invokedBy);
    if (invokedBy)
        actor.invokedBy = invokedBy;
    switch (type) {
        case 'Root':
            actor.name = `root (${accountId ?? 'unknown account'})`;
            actor.key = `root:${accountId ?? '?'}`;
            break;
        case 'IAMUser':
            actor.name = (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(id.userName) ?? lastPart(arn) ?? principalId ?? 'IAM user';
            break;
        case 'AssumedRole': {
            const role = (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(issuer?.userName) ?? arn?.split('/')[1];
            const sessionName = arn?.split('/').slice(2).join('/') || principalId?.split(':')[1];
            if ((0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(issuer?.arn))
                actor.sessionIssuer = (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(issuer?.arn);
            if (sessionName)
                actor.sessionName = sessionName;
            actor.name = [role, sessionName].filter(Boolean).join('/') || arn || 'assumed role';
            break;
        }
        case 'AWSService':
            actor.name = invokedBy ?? 'AWS service';
            actor.key = `service:${invokedBy ?? '?'}`;
            break;
        default:
            actor.name = (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(id.userName) ?? lastPart(arn) ?? principalId ?? invokedBy ?? type;
    }
    if (!actor.key)
        actor.key = arn ?? (principalId ? `${type}:${principalId}` : `${type}:${actor.name}`);
    return actor;
}
function lastPart(arn) {
    if (!arn)
        return undefined;
    const tail = arn.split('/').pop();
    return tail && tail !== arn ? tail : arn.split(':').pop() || undefined;
}
/**
 * How the call was made, from `userAgent`, `invokedBy` and the console flag. IaC is named first:
 * CloudFormation calls carry `cloudformation.amazonaws.com` as agent or invoker, Terraform and
 * Pulumi put their names in the agent, the CDK deploys through CloudFormation.
 */
function viaOf(record) {
    const agent = (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(record.userAgent) ?? '';
    const invokedBy = (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)((0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(record.userIdentity)?.invokedBy) ?? '';
    const source = (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(record.sourceIPAddress) ?? '';
    if (/cloudformation\.amazonaws\.com/i.test(agent) ||
        /cloudformation\.amazonaws\.com/i.test(invokedBy) ||
        /cloudformation\.amazonaws\.com/i.test(source) ||
        /\b(terraform|pulumi|aws-cdk|crossplane|opentofu)\b/i.test(agent)) {
        return 'iac';
    }
    const fromConsole = record.sessionCredentialFromConsole === true || record.sessionCredentialFromConsole === 'true';
    if (fromConsole ||
        /^signin\.amazonaws\.com$|^console\.([a-z0-9-]+\.)?amazonaws\.com$|^AWS Internal$/i.test(agent) ||
        /^\[?(S3Console|Mozilla)\//i.test(agent)) {
        return 'console';
    }
    if (/^\[?aws-cli\//i.test(agent))
        return 'cli';
    if (invokedBy || /^[a-z0-9-]+\.amazonaws\.com$/i.test(agent))
        return 'service';
    if (/^\[?(Boto3|botocore|aws-sdk-|aws-sdk-java|aws-internal|APN\/|Go-http-client|python-requests)/i.test(agent)) {
        return 'sdk';
    }
    return 'unknown';
}
/** The user agent's family, for tables: `aws-cli/2.15.0 Python/…` → `aws-cli/2.15.0`. */
function agentFamily(agent) {
    if (!agent)
        return undefined;
    const iac = /\b(Terraform|Pulumi|aws-cdk|OpenTofu|Crossplane)\/[^\s)]+/i.exec(agent);
    if (iac)
        return iac[0];
    return agent
        .replace(/^\[|\]$/g, '')
        .split(/\s+/)[0]
        .slice(0, 80);
}


/***/ }),

/***/ 4724:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Je: () => (/* binding */ HealthTracker),
/* harmony export */   dk: () => (/* binding */ TRAIL_CHANGES)
/* harmony export */ });
/* unused harmony export MAX_STRIP_CELLS */
/* harmony import */ var _actor_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7585);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6563);
/**
 * Is the log itself trustworthy? A report that finds nothing in a window where logging was off is
 * worse than no report. Two signals, in the spirit of Prowler's trail checks:
 *
 * - hours of the window in which no log file was delivered (from the delivery stamp in CloudTrail
 *   file names; with LookupEvents, hours in which no event was returned), overall and per account
 *   and region stream;
 * - changes to trails seen in the window: StopLogging, DeleteTrail, UpdateTrail, PutEventSelectors…
 */


const HOUR = 3_600_000;
const TRAIL_CHANGES = new Set([
    'StopLogging',
    'StartLogging',
    'DeleteTrail',
    'CreateTrail',
    'UpdateTrail',
    'PutEventSelectors',
    'PutInsightSelectors',
    'DeleteEventDataStore',
    'UpdateEventDataStore',
    'StopEventDataStoreIngestion',
]);
/** Listed hours are capped; the count is always exact. */
const MAX_LISTED_HOURS = 48;
/** Strips are at most this many cells (two weeks of hours); longer windows put several hours in a cell. */
const MAX_STRIP_CELLS = 336;
function strip(hours, from, to, cell) {
    let out = '';
    for (let c = from; c <= to; c += cell) {
        let any = false;
        for (let h = c; h < c + cell && h <= to && !any; h++)
            any = hours.has(h);
        out += any ? '1' : '0';
    }
    return out;
}
class HealthTracker {
    hours = new Set();
    streams = new Map();
    changes = [];
    min = Infinity;
    max = -Infinity;
    basis;
    constructor(basis) {
        this.basis = basis;
    }
    file(file) {
        if (this.basis !== 'deliveries' || file.deliveredMs === undefined)
            return;
        const hour = Math.floor(file.deliveredMs / HOUR);
        this.mark(hour);
        const key = `${file.account ?? '?'}/${file.region ?? '?'}`;
        let s = this.streams.get(key);
        if (!s) {
            s = {
                account: file.account ?? '?',
                region: file.region ?? '?',
                files: 0,
                hours: new Set(),
                first: Infinity,
                last: -Infinity,
            };
            this.streams.set(key, s);
        }
        s.files++;
        s.hours.add(hour);
        s.first = Math.min(s.first, file.deliveredMs);
        s.last = Math.max(s.last, file.deliveredMs);
    }
    event(record, timeMs) {
        if (this.basis === 'events' && Number.isFinite(timeMs))
            this.mark(Math.floor(timeMs / HOUR));
        const name = (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(record.eventName);
        if (name && TRAIL_CHANGES.has(name) && (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(record.eventSource) === 'cloudtrail.amazonaws.com') {
            const request = record.requestParameters ?? {};
            this.changes.push({
                eventName: name,
                eventTime: (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(record.eventTime) ?? '',
                eventId: (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(record.eventID) ?? '',
                trail: String((0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(request.name) ?? (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(request.trailName) ?? (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(request.eventDataStore) ?? ''),
                actor: (0,_actor_js__WEBPACK_IMPORTED_MODULE_1__/* .describeActor */ .tu)(record).name,
                region: (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(record.awsRegion) ?? '',
                outcome: (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .isFailed */ .Ix)(record) ? 'failed' : 'success',
            });
        }
    }
    mark(hour) {
        this.hours.add(hour);
        this.min = Math.min(this.min, hour);
        this.max = Math.max(this.max, hour);
    }
    report(window, now) {
        // The hours to examine: the window (an open end stops at now, minus the delivery lag so the
        // current hour, not yet delivered, is not called silent); `all` uses what was seen.
        const lastComplete = Math.floor((now - 15 * 60_000) / HOUR);
        let from = window.start !== undefined ? Math.floor(window.start / HOUR) : this.min;
        let to = window.end !== undefined
            ? Math.ceil(window.end / HOUR) - 1
            : window.start !== undefined
                ? lastComplete
                : this.max;
        to = Math.min(to, lastComplete);
        const health = {
            basis: this.basis,
            hours: 0,
            silentHours: 0,
            silent: [],
            streams: [],
            trailChanges: [...this.changes].sort((a, b) => a.eventTime.localeCompare(b.eventTime)),
            strip: '',
            cellHours: 1,
        };
        if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) {
            from = NaN;
            return health;
        }
        health.from = new Date(from * HOUR).toISOString();
        health.to = new Date((to + 1) * HOUR).toISOString();
        health.hours = to - from + 1;
        health.cellHours = Math.max(1, Math.ceil(health.hours / MAX_STRIP_CELLS));
        health.strip = strip(this.hours, from, to, health.cellHours);
        for (let h = from; h <= to; h++) {
            if (this.hours.has(h))
                continue;
            health.silentHours++;
            if (health.silent.length < MAX_LISTED_HOURS)
                health.silent.push(`${new Date(h * HOUR).toISOString().slice(0, 13)}:00Z`);
        }
        for (const s of [...this.streams.values()].sort((a, b) => `${a.account}/${a.region}`.localeCompare(`${b.account}/${b.region}`))) {
            let silent = 0;
            for (let h = from; h <= to; h++)
                if (!s.hours.has(h))
                    silent++;
            health.streams.push({
                account: s.account,
                region: s.region,
                files: s.files,
                firstDelivery: new Date(s.first).toISOString(),
                lastDelivery: new Date(s.last).toISOString(),
                silentHours: silent,
                strip: strip(s.hours, from, to, health.cellHours),
            });
        }
        return health;
    }
}


/***/ }),

/***/ 2564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _b: () => (/* binding */ markNew),
/* harmony export */   uB: () => (/* binding */ FindingGrouper)
/* harmony export */ });
/* unused harmony export EXAMPLES_PER_GROUP */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _threat_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3482);
/**
 * Repeated findings folded into what a person reads: one group per (rule, principal, target), with
 * how many events, the first and last time, and every event id (the JSON keeps them all). Full
 * findings are kept only up to a few per group, so memory follows the groups, not the events: a
 * night of 200,000 identical root calls is one group of 200,000 ids and a handful of examples.
 */


/** Full findings kept per group (the rest are counted and their ids kept). */
const EXAMPLES_PER_GROUP = 5;
class FindingGrouper {
    groups = new Map();
    total = 0;
    add(f) {
        this.total += f.count;
        const key = `${f.ruleId}\u0000${f.actor.key}\u0000${f.resources[0] ?? ''}`;
        let entry = this.groups.get(key);
        if (!entry) {
            const group = {
                id: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(key).digest('hex').slice(0, 16),
                rule: f.rule,
                ruleId: f.ruleId,
                ruleSlug: f.ruleSlug,
                attack: f.attack ?? [],
                severity: f.severity,
                actor: {
                    key: f.actor.key,
                    name: f.actor.name,
                    type: f.actor.type,
                    ...(f.actor.arn ? { arn: f.actor.arn } : {}),
                },
                target: f.resources[0] ?? '',
                count: 0,
                firstSeen: f.eventTime,
                lastSeen: f.eventTime,
                success: 0,
                failed: 0,
                regions: [],
                accounts: [],
                summary: f.summary,
                eventIds: [],
            };
            if (f.ruleAuthor)
                group.ruleAuthor = f.ruleAuthor;
            if (f.description)
                group.description = f.description;
            entry = { group, examples: [] };
            this.groups.set(key, entry);
        }
        const g = entry.group;
        g.count += f.count;
        if (f.outcome === 'failed')
            g.failed += f.count;
        else
            g.success += f.count;
        if ((0,_threat_js__WEBPACK_IMPORTED_MODULE_1__/* .levelRank */ .Le)(f.severity) > (0,_threat_js__WEBPACK_IMPORTED_MODULE_1__/* .levelRank */ .Le)(g.severity))
            g.severity = f.severity;
        if (f.eventTime && (!g.firstSeen || f.eventTime < g.firstSeen))
            g.firstSeen = f.eventTime;
        if (f.eventTime >= g.lastSeen) {
            g.lastSeen = f.eventTime;
            g.summary = f.summary;
            if (f.consoleUrl)
                g.consoleUrl = f.consoleUrl;
            else
                delete g.consoleUrl;
        }
        if (f.region && !g.regions.includes(f.region) && g.regions.length < 20)
            g.regions.push(f.region);
        if (f.account && !g.accounts.includes(f.account) && g.accounts.length < 20)
            g.accounts.push(f.account);
        if (f.eventId)
            g.eventIds.push(f.eventId);
        if (entry.examples.length < EXAMPLES_PER_GROUP) {
            f.group = g.id;
            entry.examples.push(f);
        }
    }
    /** Groups, worst first, then the biggest, then by rule and actor. */
    result() {
        const entries = [...this.groups.values()].sort((a, b) => (0,_threat_js__WEBPACK_IMPORTED_MODULE_1__/* .levelRank */ .Le)(b.group.severity) - (0,_threat_js__WEBPACK_IMPORTED_MODULE_1__/* .levelRank */ .Le)(a.group.severity) ||
            b.group.count - a.group.count ||
            a.group.rule.localeCompare(b.group.rule) ||
            a.group.actor.key.localeCompare(b.group.actor.key) ||
            a.group.target.localeCompare(b.group.target));
        return { groups: entries.map((e) => e.group), findings: entries.flatMap((e) => e.examples) };
    }
}
/** Marks the groups that were not in the previous night's report. */
function markNew(groups, previous) {
    let fresh = 0;
    for (const g of groups) {
        g.new = !previous.has(g.id);
        if (g.new)
            fresh++;
    }
    return fresh;
}


/***/ }),

/***/ 4514:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eg: () => (/* binding */ compareFindings),
/* harmony export */   findingsAtOrAbove: () => (/* binding */ findingsAtOrAbove),
/* harmony export */   m5: () => (/* binding */ groupByActor)
/* harmony export */ });
/* unused harmony export countText */
/* harmony import */ var _threat_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3482);

function compareFindings(a, b) {
    return ((0,_threat_js__WEBPACK_IMPORTED_MODULE_0__/* .levelRank */ .Le)(b.severity) - (0,_threat_js__WEBPACK_IMPORTED_MODULE_0__/* .levelRank */ .Le)(a.severity) ||
        a.actor.key.localeCompare(b.actor.key) ||
        a.eventTime.localeCompare(b.eventTime) ||
        a.rule.localeCompare(b.rule));
}
/** Actors ordered by their worst finding, then by how many they have. */
function groupByActor(groups) {
    const actors = new Map();
    for (const g of groups) {
        let a = actors.get(g.actor.key);
        if (!a) {
            a = { key: g.actor.key, name: g.actor.name, type: g.actor.type, highest: g.severity, findings: 0, groups: 0 };
            if (g.actor.arn)
                a.arn = g.actor.arn;
            actors.set(g.actor.key, a);
        }
        a.findings += g.count;
        a.groups++;
        if ((0,_threat_js__WEBPACK_IMPORTED_MODULE_0__/* .levelRank */ .Le)(g.severity) > (0,_threat_js__WEBPACK_IMPORTED_MODULE_0__/* .levelRank */ .Le)(a.highest))
            a.highest = g.severity;
    }
    return [...actors.values()].sort((a, b) => (0,_threat_js__WEBPACK_IMPORTED_MODULE_0__/* .levelRank */ .Le)(b.highest) - (0,_threat_js__WEBPACK_IMPORTED_MODULE_0__/* .levelRank */ .Le)(a.highest) || b.findings - a.findings || a.name.localeCompare(b.name));
}
/** Groups (rows) at or above `level`: what fails a run. */
function findingsAtOrAbove(report, level) {
    return report.groups.filter((g) => (0,_threat_js__WEBPACK_IMPORTED_MODULE_0__/* .levelRank */ .Le)(g.severity) >= (0,_threat_js__WEBPACK_IMPORTED_MODULE_0__/* .levelRank */ .Le)(level));
}
/** `3 critical, 2 high` over rows (groups), for titles and messages: what a person reads. */
function countText(report) {
    const counts = new Map();
    for (const g of report.groups)
        counts.set(g.severity, (counts.get(g.severity) ?? 0) + 1);
    const levels = ['critical', 'high', 'medium', 'low', 'informational'];
    const parts = levels.filter((l) => counts.get(l)).map((l) => `${counts.get(l)} ${l}`);
    return parts.length ? parts.join(', ') : 'no findings';
}


/***/ }),

/***/ 3705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FP: () => (/* binding */ copyProvenance),
/* harmony export */   gL: () => (/* binding */ PipelinePrincipals),
/* harmony export */   g_: () => (/* binding */ pipelineEvidence),
/* harmony export */   pF: () => (/* binding */ markProvenance)
/* harmony export */ });
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6563);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1472);
/**
 * Evidence that a call came from the user's own pipeline, of the kind a caller cannot forge. Only
 * this lowers a threat level (issue: "evidence an attacker controls never lowers a threat"):
 *
 * - `userIdentity.invokedBy` / `sourceIPAddress` naming CloudFormation: AWS writes these when a
 *   service calls on a principal's behalf (User Guide, "userIdentity element": invokedBy "the name of
 *   the AWS service that made the request"); a caller with a stolen key cannot set them;
 * - the principal (`userIdentity.arn`, or an assumed role's `sessionContext.sessionIssuer.arn`) is one
 *   the user declared as their pipeline's (`--pipeline-principal`, input `pipeline-principals`):
 *   AWS authenticates it, so naming it is a decision the user made, not a claim the caller makes.
 *
 * The User-Agent (`Terraform/1.8`, `aws-cdk`) is text the caller chooses: it is shown, never trusted.
 */


/** Deployment services whose `invokedBy` means "this change went through a template". */
const DEPLOY_SERVICES = /^(cloudformation|servicecatalog)\.amazonaws\.com$/i;
/** Declared pipeline principals: exact ARNs, or with `*` for any run of characters (role paths, session names). */
class PipelinePrincipals {
    patterns;
    constructor(declared = []) {
        this.patterns = declared
            .map((d) => d.trim())
            .filter(Boolean)
            .map((text) => {
            if (!/^arn:aws[a-z-]*:(iam|sts)::(\d{12}|\*):/.test(text)) {
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__.InputError(`pipeline principal '${text}' is not an IAM or STS ARN`, {
                    location: { field: 'pipeline-principals' },
                    hint: 'name the role your pipeline assumes, e.g. arn:aws:iam::111122223333:role/deploy (a * matches any characters)',
                });
            }
            const re = new RegExp(`^${text.split('*').map(escapeRe).join('.*')}$`);
            return { text, re };
        });
    }
    get declared() {
        return this.patterns.map((p) => p.text);
    }
    match(arn) {
        if (!arn)
            return undefined;
        return this.patterns.find((p) => p.re.test(arn))?.text;
    }
}
function escapeRe(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
const EVIDENCE = Symbol('telltale.pipelineEvidence');
/** Reads the evidence once per record and keeps it on a symbol key (JSON can never carry one). */
function markProvenance(record, principals) {
    const evidence = findEvidence(record, principals);
    record[EVIDENCE] = evidence ?? null;
    return evidence;
}
/** Carries the evidence marked on `from` (if any) over to a copy of it. */
function copyProvenance(from, to) {
    const marked = from[EVIDENCE];
    if (marked !== undefined)
        to[EVIDENCE] = marked;
}
/** The evidence marked by the scan; without a scan (a bare rule test) it is read with no declared principals. */
function pipelineEvidence(record) {
    const marked = record[EVIDENCE];
    if (marked !== undefined)
        return marked ?? undefined;
    return findEvidence(record, NO_PRINCIPALS);
}
const NO_PRINCIPALS = new PipelinePrincipals();
function findEvidence(record, principals) {
    const id = (0,_record_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(record.userIdentity);
    const invokedBy = (0,_record_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(id?.invokedBy);
    if (invokedBy && DEPLOY_SERVICES.test(invokedBy)) {
        return {
            field: 'userIdentity.invokedBy',
            value: invokedBy,
            reason: `invoked by ${invokedBy} (userIdentity.invokedBy, written by AWS)`,
        };
    }
    const source = (0,_record_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(record.sourceIPAddress);
    if (source && DEPLOY_SERVICES.test(source)) {
        return {
            field: 'sourceIPAddress',
            value: source,
            reason: `made by ${source} on the caller's behalf (sourceIPAddress, written by AWS)`,
        };
    }
    const arn = (0,_record_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(id?.arn);
    const byArn = principals.match(arn);
    if (byArn && arn) {
        return { field: 'userIdentity.arn', value: arn, reason: `made by the declared pipeline principal ${byArn}` };
    }
    const issuer = (0,_record_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)((0,_record_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)((0,_record_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(id?.sessionContext)?.sessionIssuer)?.arn);
    const byIssuer = principals.match(issuer);
    if (byIssuer && issuer) {
        return {
            field: 'userIdentity.sessionContext.sessionIssuer.arn',
            value: issuer,
            reason: `made by a session of the declared pipeline role ${byIssuer}`,
        };
    }
    return undefined;
}


/***/ }),

/***/ 6563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ix: () => (/* binding */ isFailed),
/* harmony export */   QW: () => (/* binding */ eventTimeMs),
/* harmony export */   WL: () => (/* binding */ obj),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   ld: () => (/* binding */ items)
/* harmony export */ });
/**
 * A CloudTrail record as telltale keeps it: the JSON object AWS wrote, untouched. Rules read any
 * field by path, so the type names only the fields the pipeline itself reads; everything in it is
 * untrusted text an attacker may have chosen (user agents, resource names, request parameters).
 *
 * Field reference: AWS CloudTrail User Guide, "CloudTrail record contents" and "userIdentity element".
 */
/** The record's time in epoch milliseconds, or NaN when `eventTime` is missing or not a time. */
function eventTimeMs(record) {
    return typeof record.eventTime === 'string' ? Date.parse(record.eventTime) : NaN;
}
/** A string field, or undefined when absent or of another type (logs are untrusted: never assume). */
function str(value) {
    return typeof value === 'string' ? value : undefined;
}
/** An object field, or undefined. */
function obj(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value)
        ? value
        : undefined;
}
/**
 * EC2 wraps lists as `{ items: [...] }` (its XML heritage); other services use plain arrays. Both
 * come back as an array here, and anything else as an empty one.
 */
function items(value) {
    if (Array.isArray(value))
        return value;
    const wrapped = obj(value)?.items;
    return Array.isArray(wrapped) ? wrapped : [];
}
/** The call failed: CloudTrail writes `errorCode` only for calls that did not succeed. */
function isFailed(record) {
    if (typeof record.errorCode === 'string' && record.errorCode !== '')
        return true;
    // ConsoleLogin reports a failed sign-in in the response instead (errorMessage "Failed authentication").
    return str(obj(record.responseElements)?.ConsoleLogin) === 'Failure';
}


/***/ }),

/***/ 7112:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EC: () => (/* binding */ builtinVirtualFields)
});

// UNUSED EXPORTS: actorKind, targetsOtherUser

// EXTERNAL MODULE: ./shared/cloudtrail/actor.ts
var actor = __webpack_require__(7585);
// EXTERNAL MODULE: ./shared/cloudtrail/provenance.ts
var provenance = __webpack_require__(3705);
// EXTERNAL MODULE: ./shared/cloudtrail/record.ts
var cloudtrail_record = __webpack_require__(6563);
;// CONCATENATED MODULE: ./shared/cloudtrail/rules/builtin/policy.ts
/**
 * IAM policy documents as CloudTrail logs them: a JSON *string* in IAM's `policyDocument` /
 * `assumeRolePolicyDocument`, an object in S3's `bucketPolicy`; `Statement`, `Action`, `Resource`
 * and `Principal` may each be one value or a list (IAM User Guide, "IAM JSON policy elements").
 */

/** The statements of a policy given as an object or JSON text; [] for anything unreadable. */
function policyStatements(document) {
    let doc = document;
    if (typeof doc === 'string') {
        try {
            // IAM URL-encodes documents in some API responses; CloudTrail requests carry the raw JSON.
            doc = JSON.parse(doc.trim().startsWith('%7B') ? decodeURIComponent(doc) : doc);
        }
        catch {
            return [];
        }
    }
    const statements = (0,cloudtrail_record/* obj */.WL)(doc)?.Statement;
    const list = Array.isArray(statements) ? statements : statements === undefined ? [] : [statements];
    return list.map((s) => (0,cloudtrail_record/* obj */.WL)(s)).filter((s) => s !== undefined);
}
function list(value) {
    if (typeof value === 'string')
        return [value];
    if (Array.isArray(value))
        return value.filter((v) => typeof v === 'string');
    return [];
}
const allows = (s) => typeof s.Effect === 'string' && s.Effect.toLowerCase() === 'allow';
/**
 * `full`: Allow every action (`*`, `*:*`) on every resource; `iam`: Allow `iam:*` on every
 * resource (as good as admin: it can grant itself the rest); undefined otherwise. A `NotAction`
 * allow on `*` (everything except a few) counts as full.
 */
function adminGrant(document) {
    let found;
    for (const s of policyStatements(document)) {
        if (!allows(s) || !list(s.Resource).includes('*'))
            continue;
        const actions = list(s.Action);
        if (actions.some((a) => a === '*' || a === '*:*') || (s.NotAction !== undefined && s.Action === undefined))
            return 'full';
        if (actions.some((a) => a.toLowerCase() === 'iam:*'))
            found = 'iam';
    }
    return found;
}
/** Account ids and `*` named as AWS principals of Allow statements, with whether a Condition limits them. */
function allowedPrincipals(document) {
    const out = [];
    for (const s of policyStatements(document)) {
        if (!allows(s))
            continue;
        const conditioned = (0,cloudtrail_record/* obj */.WL)(s.Condition) !== undefined && Object.keys((0,cloudtrail_record/* obj */.WL)(s.Condition)).length > 0;
        const principal = s.Principal;
        const aws = principal === '*' ? ['*'] : list((0,cloudtrail_record/* obj */.WL)(principal)?.AWS);
        for (const p of aws)
            out.push({ principal: p, conditioned });
    }
    return out;
}
/** `arn:aws:iam::444455556666:root`, `444455556666` → `444455556666`; `*` stays `*`. */
function principalAccount(principal) {
    if (principal === '*')
        return '*';
    if (/^\d{12}$/.test(principal))
        return principal;
    return /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1];
}
/**
 * Who a resource or trust policy lets in beyond its own account: `public` for `*` without a
 * Condition, `foreign-account` for another account's principal; undefined if neither.
 */
function policyExposure(document, ownAccount) {
    let exposure;
    for (const { principal, conditioned } of allowedPrincipals(document)) {
        const account = principalAccount(principal);
        if (account === '*') {
            if (!conditioned)
                return 'public';
            continue;
        }
        if (account && ownAccount && account !== ownAccount)
            exposure = 'foreign-account';
    }
    return exposure;
}

;// CONCATENATED MODULE: ./shared/cloudtrail/rules/builtin/sharing.ts
/**
 * "Shared with the world, or with another account": the grant a sharing call adds, read from each
 * service's own request shape (EC2 `{items: […]}` lists, RDS `valuesToAdd`, S3 policy objects and
 * ACLs, Lambda permissions, KMS key policies as JSON text).
 */


const PUBLIC_ACL_GROUPS = /\/global\/(AllUsers|AuthenticatedUsers)$/;
const PUBLIC_CANNED_ACLS = new Set(['public-read', 'public-read-write', 'authenticated-read']);
/** The account that owns what the call changed: the trail's account for the event. */
function ownAccount(record) {
    return (0,cloudtrail_record/* str */.gx)(record.recipientAccountId) ?? (0,cloudtrail_record/* str */.gx)((0,cloudtrail_record/* obj */.WL)(record.userIdentity)?.accountId);
}
function publicShare(record) {
    const request = (0,cloudtrail_record/* obj */.WL)(record.requestParameters) ?? {};
    const own = ownAccount(record);
    const name = (0,cloudtrail_record/* str */.gx)(record.eventName) ?? '';
    const widest = (grants) => {
        let exposure;
        for (const g of grants) {
            if (g === undefined)
                continue;
            if (g.toLowerCase() === 'all' || g === '*')
                return 'public';
            if (own === undefined || g !== own)
                exposure = 'foreign-account';
        }
        return exposure;
    };
    switch (name) {
        case 'ModifySnapshotAttribute':
        case 'ModifyImageAttribute': {
            const permission = (0,cloudtrail_record/* obj */.WL)(request.createVolumePermission) ?? (0,cloudtrail_record/* obj */.WL)(request.launchPermission);
            const added = (0,cloudtrail_record/* items */.ld)((0,cloudtrail_record/* obj */.WL)(permission?.add)).map((i) => (0,cloudtrail_record/* obj */.WL)(i));
            return widest(added.map((i) => (0,cloudtrail_record/* str */.gx)(i?.group) ?? (0,cloudtrail_record/* str */.gx)(i?.userId)));
        }
        case 'ModifyDBSnapshotAttribute':
        case 'ModifyDBClusterSnapshotAttribute': {
            if ((0,cloudtrail_record/* str */.gx)(request.attributeName)?.toLowerCase() !== 'restore')
                return undefined;
            const values = request.valuesToAdd;
            return widest((Array.isArray(values) ? values : []).map((v) => (0,cloudtrail_record/* str */.gx)(v)));
        }
        case 'PutBucketPolicy':
            return policyExposure(request.bucketPolicy ?? request.policy, own);
        case 'PutBucketAcl': {
            const canned = (0,cloudtrail_record/* str */.gx)(request['x-amz-acl']) ?? (Array.isArray(request['x-amz-acl']) ? (0,cloudtrail_record/* str */.gx)(request['x-amz-acl'][0]) : undefined);
            if (canned && PUBLIC_CANNED_ACLS.has(canned.toLowerCase()))
                return 'public';
            const acl = (0,cloudtrail_record/* obj */.WL)((0,cloudtrail_record/* obj */.WL)(request.AccessControlPolicy)?.AccessControlList);
            const grants = Array.isArray(acl?.Grant) ? acl.Grant : acl?.Grant !== undefined ? [acl.Grant] : [];
            for (const g of grants) {
                const uri = (0,cloudtrail_record/* str */.gx)((0,cloudtrail_record/* obj */.WL)((0,cloudtrail_record/* obj */.WL)(g)?.Grantee)?.URI);
                if (uri && PUBLIC_ACL_GROUPS.test(uri))
                    return 'public';
            }
            return undefined;
        }
        case 'PutKeyPolicy':
            return policyExposure(request.policy, own);
        default:
            break;
    }
    if (name.startsWith('AddPermission')) {
        // Lambda: a principal of `*` with no source condition lets anyone invoke the function.
        const principal = (0,cloudtrail_record/* str */.gx)(request.principal);
        if (principal === undefined)
            return undefined;
        if (principal === '*') {
            return request.sourceArn || request.sourceAccount || request.principalOrgID ? undefined : 'public';
        }
        const account = principalAccount(principal);
        return account && own && account !== own ? 'foreign-account' : undefined;
    }
    if (name.startsWith('CreateFunctionUrlConfig') || name.startsWith('UpdateFunctionUrlConfig')) {
        return (0,cloudtrail_record/* str */.gx)(request.authType)?.toUpperCase() === 'NONE' ? 'public' : undefined;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./shared/cloudtrail/rules/builtin/trail.ts
/**
 * Changes that make a trail log less while it keeps running (User Guide, "Logging management
 * events" and "UpdateTrail"): fewer regions, no global services, no integrity digests, management
 * events or writes no longer selected, event sources excluded.
 */

const isFalse = (v) => v === false || v === 'false';
function trailWeakening(record) {
    const request = (0,cloudtrail_record/* obj */.WL)(record.requestParameters) ?? {};
    const reasons = [];
    switch ((0,cloudtrail_record/* str */.gx)(record.eventName)) {
        case 'UpdateTrail':
            if (isFalse(request.isMultiRegionTrail))
                reasons.push('no longer multi-region');
            if (isFalse(request.includeGlobalServiceEvents))
                reasons.push('global service events (IAM, STS) excluded');
            if (isFalse(request.enableLogFileValidation))
                reasons.push('log file validation disabled');
            if (isFalse(request.isOrganizationTrail))
                reasons.push('no longer an organization trail');
            if ((0,cloudtrail_record/* str */.gx)(request.s3BucketName))
                reasons.push(`logs now written to bucket ${(0,cloudtrail_record/* str */.gx)(request.s3BucketName)}`);
            break;
        case 'PutEventSelectors': {
            const selectors = Array.isArray(request.eventSelectors) ? request.eventSelectors : [];
            for (const s of selectors.map(cloudtrail_record/* obj */.WL)) {
                if (!s)
                    continue;
                if (isFalse(s.includeManagementEvents))
                    reasons.push('management events excluded');
                if ((0,cloudtrail_record/* str */.gx)(s.readWriteType)?.toLowerCase() === 'readonly')
                    reasons.push('write events no longer logged');
                const excluded = s.excludeManagementEventSources;
                if (Array.isArray(excluded) && excluded.length)
                    reasons.push(`excludes ${excluded.join(', ')}`);
            }
            const advanced = Array.isArray(request.advancedEventSelectors) ? request.advancedEventSelectors : [];
            if (advanced.length) {
                const managementSelected = advanced.some((a) => (Array.isArray((0,cloudtrail_record/* obj */.WL)(a)?.fieldSelectors) ? (0,cloudtrail_record/* obj */.WL)(a).fieldSelectors : []).some((f) => {
                    const field = (0,cloudtrail_record/* obj */.WL)(f);
                    const equals = field?.equals;
                    return ((0,cloudtrail_record/* str */.gx)(field?.field) === 'eventCategory' &&
                        Array.isArray(equals) &&
                        equals.some((e) => (0,cloudtrail_record/* str */.gx)(e)?.toLowerCase() === 'management'));
                }));
                if (!managementSelected)
                    reasons.push('advanced selectors select no management events');
            }
            break;
        }
        default:
            return undefined;
    }
    return reasons.length ? [...new Set(reasons)].join('; ') : undefined;
}

;// CONCATENATED MODULE: ./shared/cloudtrail/rules/builtin/world-open.ts
/**
 * "Opened to the whole internet": a source network with prefix length 0 (`0.0.0.0/0`, `::/0`, or
 * an anonymizer's `x.x.x.x/0`), tested on the prefix length, not on the literal text.
 *
 * AuthorizeSecurityGroupIngress is logged in two request shapes (both seen in real trails) and,
 * in newer records, with the rules as applied in the response; all three are read:
 * - flat: `{groupId, ipProtocol, fromPort, toPort, cidrIp}` (with an empty `ipPermissions: {}`);
 * - `ipPermissions.items[]{ipProtocol, fromPort, toPort, ipRanges.items[].cidrIp,
 *   ipv6Ranges.items[].cidrIpv6}`;
 * - `responseElements.securityGroupRuleSet.items[]{isEgress, ipProtocol, fromPort, toPort, cidrIpv4 | cidrIpv6}`.
 */

/** Admin and database ports: SSH, RDP, telnet, SMB, MySQL, PostgreSQL, MSSQL, Oracle, Redis, Elasticsearch, MongoDB, Docker API, Kubernetes API/kubelet, VNC, WinRM. */
const ADMIN_PORTS = [
    22, 23, 445, 1433, 1521, 2375, 2376, 3306, 3389, 5432, 5900, 5985, 5986, 6379, 6443, 9200, 10250, 11211, 27017,
];
const WEB_PORTS = [80, 443];
/** A CIDR with prefix length 0: every address of its family. */
function isWorldCidr(cidr) {
    return typeof cidr === 'string' && /^[^/]+\/0+$/.test(cidr.trim());
}
/** Every ingress range with a /0 source the record adds, from whichever shapes it carries. */
function worldIngressRanges(record) {
    const request = (0,cloudtrail_record/* obj */.WL)(record.requestParameters) ?? {};
    const out = [];
    const add = (permission, cidr) => {
        if (!isWorldCidr(cidr))
            return;
        const range = { protocol: String(permission.ipProtocol ?? '-1'), cidr: String(cidr) };
        const from = num(permission.fromPort);
        const to = num(permission.toPort);
        if (from !== undefined)
            range.from = from;
        if (to !== undefined)
            range.to = to;
        out.push(range);
    };
    add(request, request.cidrIp);
    add(request, request.cidrIpv6);
    for (const p of (0,cloudtrail_record/* items */.ld)(request.ipPermissions)) {
        const permission = (0,cloudtrail_record/* obj */.WL)(p);
        if (!permission)
            continue;
        for (const r of (0,cloudtrail_record/* items */.ld)(permission.ipRanges))
            add(permission, (0,cloudtrail_record/* obj */.WL)(r)?.cidrIp);
        for (const r of (0,cloudtrail_record/* items */.ld)(permission.ipv6Ranges))
            add(permission, (0,cloudtrail_record/* obj */.WL)(r)?.cidrIpv6);
    }
    for (const r of (0,cloudtrail_record/* items */.ld)((0,cloudtrail_record/* obj */.WL)(record.responseElements)?.securityGroupRuleSet)) {
        const rule = (0,cloudtrail_record/* obj */.WL)(r);
        if (!rule || rule.isEgress === true || rule.isEgress === 'true')
            continue;
        add(rule, rule.cidrIpv4 ?? rule.cidrIpv6);
    }
    return out;
}
/**
 * How wide the opening is: `all` (every protocol, or every port), `admin` (a range covering an
 * admin or database port), `other`, `web` (only 80/443); undefined when nothing opens to /0.
 */
function worldIngress(record) {
    let worst;
    const rank = { web: 0, other: 1, admin: 2, all: 3 };
    for (const r of worldIngressRanges(record)) {
        const cls = classify(r);
        if (worst === undefined || rank[cls] > rank[worst])
            worst = cls;
    }
    return worst;
}
function classify(range) {
    const protocol = range.protocol.toLowerCase();
    if (protocol === '-1' || protocol === 'all')
        return 'all';
    // ICMP "ports" are type/code; an ICMP opening is not a service exposure by port.
    if (protocol === 'icmp' || protocol === '1' || protocol === 'icmpv6' || protocol === '58')
        return 'other';
    const from = range.from ?? 0;
    const to = range.to ?? 65535;
    if (from <= 0 && to >= 65535)
        return 'all';
    if (from === -1 && to === -1)
        return 'all';
    if (ADMIN_PORTS.some((p) => p >= from && p <= to))
        return 'admin';
    if (WEB_PORTS.includes(from) && to === from)
        return 'web';
    return 'other';
}
function num(value) {
    const n = typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : NaN;
    return Number.isFinite(n) ? n : undefined;
}
/** The first /0 source, for a summary. */
function worldSource(record) {
    const r = worldIngressRanges(record)[0];
    if (!r)
        return undefined;
    const ports = r.protocol === '-1'
        ? 'all traffic'
        : r.from === r.to
            ? `${r.protocol}/${r.from}`
            : `${r.protocol}/${r.from ?? 0}-${r.to ?? 65535}`;
    return `${str(r.cidr)} ${ports}`;
}

;// CONCATENATED MODULE: ./shared/cloudtrail/rules/builtin/virtual-fields.ts
/**
 * The `tt.*` fields built-in (and users') Sigma rules can test like any record field, for what
 * YAML cannot say: a /0 CIDR in any of three request shapes, a policy document parsed from JSON
 * text, a public share, an IaC or human actor. Each returns plain data, or undefined ("missing",
 * so Sigma's `null` matches it).
 *
 *   tt.worldIngress      all | admin | other | web   security-group ingress from /0 or ::/0
 *   tt.adminPolicy       full | iam                  an inline / managed policy document granting admin
 *   tt.trustExposure     public | foreign-account    a role trust policy open to * or another account
 *   tt.publicShare       public | foreign-account    snapshot, AMI, RDS snapshot, bucket, key, Lambda
 *   tt.trailWeakened     text (the reasons)          UpdateTrail / PutEventSelectors logging less
 *   tt.via               console | cli | sdk | iac | service | unknown
 *   tt.actorKind         human | iac | service | automation   (iac only on unforgeable evidence, provenance.ts)
 *   tt.pipeline          the evidence's field when the call came from the declared pipeline
 *   tt.targetsOtherUser  true | false                an IAM user call (keys, passwords) aimed at someone else
 *   tt.principal         text                        who made the call, one key per identity (actor.ts):
 *                                                    root:<account>, the issuer role + session, the user ARN,
 *                                                    service:<invokedBy> — for correlation `group-by`
 */







function actorKind(record) {
    if ((0,provenance/* pipelineEvidence */.g_)(record))
        return 'iac';
    const via = (0,actor/* viaOf */.wQ)(record);
    // A User-Agent claiming Terraform is the caller's own word: automation, not the trusted pipeline.
    if (via === 'iac')
        return 'automation';
    if (via === 'service' || (0,cloudtrail_record/* str */.gx)((0,cloudtrail_record/* obj */.WL)(record.userIdentity)?.type) === 'AWSService')
        return 'service';
    if (via === 'console' || via === 'cli')
        return 'human';
    return 'automation';
}
function targetsOtherUser(record) {
    const target = (0,cloudtrail_record/* str */.gx)((0,cloudtrail_record/* obj */.WL)(record.requestParameters)?.userName);
    if (!target)
        return false;
    const id = (0,cloudtrail_record/* obj */.WL)(record.userIdentity);
    return !((0,cloudtrail_record/* str */.gx)(id?.type) === 'IAMUser' && (0,cloudtrail_record/* str */.gx)(id?.userName) === target);
}
const builtinVirtualFields = {
    'tt.worldIngress': (e) => worldIngress(e),
    'tt.adminPolicy': (e) => {
        const request = (0,cloudtrail_record/* obj */.WL)(e.requestParameters);
        return request ? adminGrant(request.policyDocument) : undefined;
    },
    'tt.trustExposure': (e) => {
        const request = (0,cloudtrail_record/* obj */.WL)(e.requestParameters);
        return request
            ? policyExposure(request.policyDocument ?? request.assumeRolePolicyDocument, ownAccount(e))
            : undefined;
    },
    'tt.publicShare': (e) => publicShare(e),
    'tt.trailWeakened': (e) => trailWeakening(e),
    'tt.via': (e) => (0,actor/* viaOf */.wQ)(e),
    'tt.actorKind': (e) => actorKind(e),
    'tt.pipeline': (e) => (0,provenance/* pipelineEvidence */.g_)(e)?.field,
    'tt.targetsOtherUser': (e) => targetsOtherUser(e),
    'tt.principal': (e) => (0,actor/* describeActor */.tu)(e).key || undefined,
};


/***/ }),

/***/ 6303:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  QT: () => (/* binding */ compileRuleSet),
  PJ: () => (/* binding */ fieldResolver)
});

// UNUSED EXPORTS: compileRule, presence, textMatcher

;// CONCATENATED MODULE: ./shared/cloudtrail/rules/sigma/cidr.ts
/**
 * `|cidr` matching without allocation-heavy parsing: CloudTrail's `sourceIPAddress` is tested by
 * many rules on every event, and also holds service names (`ec2.amazonaws.com`, `AWS Internal`),
 * which must simply not match.
 */
// Leading zeros are refused, as node:net does: `010` is octal to some parsers and decimal to others.
const IPV4 = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;
/** An IPv4 address as an unsigned 32-bit number, or undefined. */
function parseIPv4(text) {
    const m = IPV4.exec(text);
    if (!m)
        return undefined;
    let value = 0;
    for (let i = 1; i <= 4; i++) {
        const octet = Number(m[i]);
        if (octet > 255)
            return undefined;
        value = value * 256 + octet;
    }
    return value;
}
/** An IPv6 address (RFC 4291 §2.2 text forms, with an optional zone) as eight 16-bit groups. */
function parseIPv6(text) {
    const zone = text.indexOf('%');
    const address = zone >= 0 ? text.slice(0, zone) : text;
    if (!address.includes(':'))
        return undefined;
    const halves = address.split('::');
    if (halves.length > 2)
        return undefined;
    const groups = (part) => {
        if (part === '')
            return [];
        const out = [];
        const pieces = part.split(':');
        for (let i = 0; i < pieces.length; i++) {
            const piece = pieces[i];
            if (i === pieces.length - 1 && piece.includes('.')) {
                // RFC 4291 §2.2 (3): the low 32 bits may be written as an IPv4 address.
                const v4 = parseIPv4(piece);
                if (v4 === undefined)
                    return undefined;
                out.push(Math.floor(v4 / 65536), v4 % 65536);
            }
            else {
                if (!/^[0-9a-fA-F]{1,4}$/.test(piece))
                    return undefined;
                out.push(parseInt(piece, 16));
            }
        }
        return out;
    };
    const head = groups(halves[0]);
    const tail = halves.length === 2 ? groups(halves[1]) : [];
    if (!head || !tail)
        return undefined;
    if (halves.length === 1)
        return head.length === 8 ? head : undefined;
    const missing = 8 - head.length - tail.length;
    if (missing < 1)
        return undefined;
    return [...head, ...new Array(missing).fill(0), ...tail];
}
/** A predicate for "this text is an address inside network/prefix". */
function cidrMatcher(network, prefix, family) {
    if (family === 4) {
        const net = parseIPv4(network);
        if (net === undefined)
            throw new Error(`not an IPv4 network: ${network}`);
        if (prefix === 0)
            return (text) => parseIPv4(text) !== undefined;
        const shift = 32 - prefix;
        const want = Math.floor(net / 2 ** shift);
        return (text) => {
            const ip = parseIPv4(text);
            return ip !== undefined && Math.floor(ip / 2 ** shift) === want;
        };
    }
    const net = parseIPv6(network);
    if (!net)
        throw new Error(`not an IPv6 network: ${network}`);
    return (text) => {
        if (!text.includes(':'))
            return false;
        const ip = parseIPv6(text);
        if (!ip)
            return false;
        let bits = prefix;
        for (let i = 0; i < 8 && bits > 0; i++, bits -= 16) {
            const take = Math.min(16, bits);
            const shift = 16 - take;
            if (ip[i] >> shift !== net[i] >> shift)
                return false;
        }
        return true;
    };
}

// EXTERNAL MODULE: ./shared/cloudtrail/rules/sigma/modifiers.ts
var modifiers = __webpack_require__(9094);
// EXTERNAL MODULE: ./shared/cloudtrail/rules/sigma/regex.ts
var regex = __webpack_require__(6839);
// EXTERNAL MODULE: ./shared/cloudtrail/rules/sigma/wildcard.ts
var wildcard = __webpack_require__(260);
;// CONCATENATED MODULE: ./shared/cloudtrail/rules/sigma/evaluate.ts




function compileRule(rule, options = {}) {
    const virtual = options.virtualFields ?? {};
    const selections = new Map();
    for (const [name, selection] of Object.entries(rule.detection.selections)) {
        const groups = selection.anyOf.map((tests) => allOf([...tests].sort((a, b) => cost(a, virtual) - cost(b, virtual)).map((t) => compileFieldTest(t, virtual))));
        selections.set(name, anyOf(groups));
    }
    const condition = compileCondition(rule.detection.condition, selections);
    const matchedSelections = (event) => [...selections].filter(([, p]) => p(event)).map(([n]) => n);
    return Object.assign((event) => condition(event), { rule, matchedSelections });
}
/**
 * A rough price of testing a field, so an AND tries the cheap, selective tests (`eventSource`,
 * `eventName`) first and rarely reaches a regex or the JSON text of `requestParameters`.
 */
function cost(test, virtual) {
    let price = test.path.length;
    // A keyword search reads every value of the event.
    if (test.field === modifiers/* KEYWORD_FIELD */.$Y)
        price += 8;
    // A helper may parse a policy document; let the plain fields rule the event out first.
    if (Object.keys(virtual).some((k) => test.field === k || test.field.startsWith(`${k}.`)))
        price += 6;
    for (const v of test.values) {
        if (v.kind === 're' || v.kind === 'fieldref' || v.kind === 'variants')
            price += 4;
        else if (v.kind === 'string' && (0,wildcard/* patternShape */.YY)(v.pattern).kind === 'regexp')
            price += 3;
    }
    if (test.path.length === 1 && /^(requestParameters|responseElements|additionalEventData)$/.test(test.field))
        price += 5;
    return price;
}
function allOf(predicates) {
    if (predicates.length === 1)
        return predicates[0];
    return (event) => {
        for (const p of predicates)
            if (!p(event))
                return false;
        return true;
    };
}
function anyOf(predicates) {
    if (predicates.length === 1)
        return predicates[0];
    return (event) => {
        for (const p of predicates)
            if (p(event))
                return true;
        return false;
    };
}
function compileCondition(node, selections) {
    switch (node.kind) {
        case 'ref':
            return selections.get(node.name) ?? never(node.name);
        case 'and':
            return allOf(node.items.map((n) => compileCondition(n, selections)));
        case 'or':
            return anyOf(node.items.map((n) => compileCondition(n, selections)));
        case 'not': {
            const inner = compileCondition(node.item, selections);
            return (event) => !inner(event);
        }
        case 'of': {
            const items = node.names.map((n) => selections.get(n) ?? never(n));
            return node.quantifier === 'all' ? allOf(items) : anyOf(items);
        }
    }
}
function never(name) {
    // parse.ts checks every reference; a hand-built tree naming a missing selection is a bug.
    throw new Error(`condition refers to unknown selection ${name}`);
}
// ---------------------------------------------------------------------------------------------
// Field lookup
const virtualCache = new WeakMap();
function callVirtual(fn, event) {
    let perEvent = virtualCache.get(event);
    if (!perEvent)
        virtualCache.set(event, (perEvent = new Map()));
    if (perEvent.has(fn))
        return perEvent.get(fn);
    const value = fn(event);
    perEvent.set(fn, value);
    return value;
}
/** Builds the lookup for a dotted field, honouring virtual fields first. */
function fieldResolver(field, virtual = {}) {
    const path = field.split('.');
    for (let i = path.length; i >= 1; i--) {
        const key = path.slice(0, i).join('.');
        const fn = Object.hasOwn(virtual, key) ? virtual[key] : undefined;
        if (fn) {
            const rest = path.slice(i);
            const lookup = pathLookup(rest);
            return (event) => lookup(callVirtual(fn, event));
        }
    }
    const lookup = pathLookup(path);
    return (event) => lookup(event);
}
/**
 * Values at a dotted path: arrays on the way are searched element by element, and at each step a
 * literal key containing the remaining dots (`"a.b": …`) is tried before the nested path.
 */
function pathLookup(path) {
    const n = path.length;
    // Only keys Object.prototype also has (`constructor`, `toString`) need an own-property check.
    const read = (obj, key) => key in Object.prototype ? (Object.hasOwn(obj, key) ? obj[key] : undefined) : obj[key];
    const dotted = path.map((_, i) => {
        const keys = [];
        for (let j = n; j > i + 1; j--)
            keys.push({ key: path.slice(i, j).join('.'), next: j });
        return keys;
    });
    const walk = (node, i, out) => {
        if (i === n)
            return flatten(node, out);
        if (node === null || typeof node !== 'object')
            return;
        if (Array.isArray(node)) {
            for (const item of node)
                walk(item, i, out);
            return;
        }
        const obj = node;
        for (const { key, next } of dotted[i]) {
            const value = read(obj, key);
            if (value !== undefined)
                walk(value, next, out);
        }
        const value = read(obj, path[i]);
        if (value !== undefined)
            walk(value, i + 1, out);
    };
    // The common case (`eventName`, `errorCode`): one property read and a reused one-element list.
    // Safe because evaluation is synchronous and no predicate keeps the list.
    const one = [undefined];
    const key = path[0];
    return (root) => {
        if (n === 1 && root !== null && typeof root === 'object' && !Array.isArray(root)) {
            const value = read(root, key);
            if (value === undefined)
                return EMPTY;
            if (!Array.isArray(value)) {
                one[0] = value;
                return one;
            }
        }
        const out = [];
        walk(root, 0, out);
        return out;
    };
}
const EMPTY = [];
/**
 * Whether a dotted field is present, whatever its value (null and empty included), with the same
 * walk as pathLookup: arrays on the way count when any element has it; dotted literal keys too.
 */
function presence(field, virtual = {}) {
    const path = field.split('.');
    for (let i = path.length; i >= 1; i--) {
        const key = path.slice(0, i).join('.');
        const fn = Object.hasOwn(virtual, key) ? virtual[key] : undefined;
        if (fn) {
            const rest = path.slice(i);
            // A virtual field is "present" when the helper gives a value (undefined means it had nothing).
            return (event) => {
                const value = callVirtual(fn, event);
                return rest.length === 0 ? value !== undefined : has(value, rest, 0);
            };
        }
    }
    return (event) => has(event, path, 0);
}
function has(node, path, i) {
    if (node === null || typeof node !== 'object')
        return false;
    if (Array.isArray(node))
        return node.some((item) => has(item, path, i));
    const obj = node;
    for (let j = path.length; j > i; j--) {
        const key = j === i + 1 ? path[i] : path.slice(i, j).join('.');
        if (!Object.hasOwn(obj, key))
            continue;
        if (j === path.length)
            return true;
        if (has(obj[key], path, j))
            return true;
    }
    return false;
}
const eventLeafCache = new WeakMap();
/**
 * Every scalar value of an event (strings, numbers, booleans at any depth), for keyword searches:
 * rules specification v2, "Lists": values without a field are searched in the whole event.
 */
function eventLeaves(event) {
    let leaves = eventLeafCache.get(event);
    if (!leaves) {
        const out = [];
        const visit = (node, depth) => {
            if (node === null || node === undefined)
                return;
            if (typeof node !== 'object')
                out.push(node);
            else if (depth < 64)
                for (const child of Object.values(node))
                    visit(child, depth + 1);
        };
        visit(event, 0);
        eventLeafCache.set(event, (leaves = out));
    }
    return leaves;
}
function flatten(value, out) {
    if (value === undefined)
        return;
    if (Array.isArray(value))
        for (const item of value)
            flatten(item, out);
    else
        out.push(value);
}
// ---------------------------------------------------------------------------------------------
// Values
const jsonText = new WeakMap();
/** The text Sigma compares: strings as is, numbers and booleans as written in JSON, objects as JSON. */
function textOf(value) {
    if (typeof value === 'string')
        return value;
    if (value === null || value === undefined)
        return undefined;
    if (typeof value === 'object') {
        let text = jsonText.get(value);
        if (text === undefined)
            jsonText.set(value, (text = JSON.stringify(value)));
        return text;
    }
    return String(value);
}
// Sixty rules ask for the lower case of the same `eventName` string; V8 keeps a string's hash in the
// string, so a Map lookup is cheaper than lowercasing again. Bounded so a long run cannot grow it.
const LOWER_CACHE_LIMIT = 20_000;
const LOWER_CACHE_MAX_LENGTH = 256;
let lowerCache = new Map();
function lowerOf(text) {
    if (text.length > LOWER_CACHE_MAX_LENGTH)
        return text.toLowerCase();
    let lower = lowerCache.get(text);
    if (lower === undefined) {
        if (lowerCache.size >= LOWER_CACHE_LIMIT)
            lowerCache = new Map();
        lowerCache.set(text, (lower = text.toLowerCase()));
    }
    return lower;
}
/** A matcher for one Sigma string pattern against a value's text. */
function textMatcher(pattern, cased) {
    const shape = (0,wildcard/* patternShape */.YY)(pattern);
    const lit = shape.kind === 'anything' || shape.kind === 'regexp' ? '' : cased ? shape.text : shape.text.toLowerCase();
    switch (shape.kind) {
        case 'equals':
            return cased ? (t) => t === lit : (t) => lowerOf(t) === lit;
        case 'startswith':
            return cased ? (t) => t.startsWith(lit) : (t) => lowerOf(t).startsWith(lit);
        case 'endswith':
            return cased ? (t) => t.endsWith(lit) : (t) => lowerOf(t).endsWith(lit);
        case 'contains':
            return cased ? (t) => t.includes(lit) : (t) => lowerOf(t).includes(lit);
        case 'anything':
            return () => true;
        case 'regexp': {
            // `a*b*c` from a rule author: a linear-time engine, so no wildcard pattern can backtrack.
            const re = (0,regex/* compileLinearRegex */.I)((0,wildcard/* patternToRegExpSource */.GK)(pattern), cased ? '' : 'i');
            return (t) => re.test(t);
        }
    }
}
function compileFieldTest(test, virtual) {
    const only = test.values.length === 1 ? test.values[0] : undefined;
    if (only?.kind === 'exists') {
        const present = presence(test.field, virtual);
        return only.exists ? present : (event) => !present(event);
    }
    const resolve = test.field === modifiers/* KEYWORD_FIELD */.$Y ? eventLeaves : fieldResolver(test.field, virtual);
    const listPredicates = [];
    if (test.combine === 'any') {
        // A long `eventName:` list becomes one Set lookup per event instead of one comparison per value.
        const equalsCased = new Set();
        const equalsFolded = new Set();
        const rest = [];
        for (const v of test.values) {
            const shape = v.kind === 'string' ? (0,wildcard/* patternShape */.YY)(v.pattern) : undefined;
            if (v.kind === 'string' && shape?.kind === 'equals') {
                if (v.cased)
                    equalsCased.add(shape.text);
                else
                    equalsFolded.add(shape.text.toLowerCase());
            }
            else {
                rest.push(v);
            }
        }
        if (equalsCased.size || equalsFolded.size) {
            listPredicates.push((values) => {
                for (const value of values) {
                    const t = textOf(value);
                    if (t !== undefined && (equalsCased.has(t) || (equalsFolded.size > 0 && equalsFolded.has(lowerOf(t))))) {
                        return true;
                    }
                }
                return false;
            });
        }
        listPredicates.push(...rest.map((v) => compileValueTest(v, virtual)));
        return (event) => {
            const values = resolve(event);
            for (const p of listPredicates)
                if (p(values, event))
                    return true;
            return false;
        };
    }
    listPredicates.push(...test.values.map((v) => compileValueTest(v, virtual)));
    return (event) => {
        const values = resolve(event);
        for (const p of listPredicates)
            if (!p(values, event))
                return false;
        return true;
    };
}
function someText(match) {
    return (values) => {
        for (const value of values) {
            const t = textOf(value);
            if (t === undefined)
                continue;
            if (match(t))
                return true;
            // IAM policy documents are JSON *strings* inside requestParameters, so in the object's JSON
            // text their quotes are escaped; SigmaHQ rules match `'"Action": "*"'` against the document
            // itself. The strings inside an object are therefore candidates too.
            if (typeof value === 'object' && value !== null) {
                for (const leaf of stringsIn(value))
                    if (match(leaf))
                        return true;
            }
        }
        return false;
    };
}
const leafStrings = new WeakMap();
function stringsIn(value) {
    let leaves = leafStrings.get(value);
    if (!leaves) {
        const out = [];
        const visit = (node) => {
            if (typeof node === 'string')
                out.push(node);
            else if (node !== null && typeof node === 'object')
                for (const child of Object.values(node))
                    visit(child);
        };
        visit(value);
        leafStrings.set(value, (leaves = out));
    }
    return leaves;
}
function compileValueTest(test, virtual) {
    switch (test.kind) {
        case 'null':
            return (values) => values.length === 0 || values.includes(null);
        case 'exists':
            // compileFieldTest answers `|exists` from presence; this is only reached through a value list.
            return (values) => values.length > 0 === test.exists;
        case 'string':
            return someText(textMatcher(test.pattern, test.cased));
        case 'variants': {
            const matchers = test.patterns.map((p) => textMatcher(p, test.cased));
            return someText((t) => matchers.some((m) => m(t)));
        }
        case 're': {
            const re = (0,regex/* compileLinearRegex */.I)(test.source, test.flags);
            return someText((t) => re.test(t));
        }
        case 'cidr':
            return someText(cidrMatcher(test.network, test.prefix, test.family));
        case 'compare': {
            const { op, value: limit } = test;
            const cmp = op === 'gt'
                ? (n) => n > limit
                : op === 'gte'
                    ? (n) => n >= limit
                    : op === 'lt'
                        ? (n) => n < limit
                        : (n) => n <= limit;
            return (values) => values.some((v) => {
                const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
                return Number.isFinite(n) && cmp(n);
            });
        }
        case 'neq': {
            const equal = textMatcher(test.pattern, test.cased);
            return (values) => {
                let seen = false;
                for (const value of values) {
                    const t = textOf(value);
                    if (t === undefined)
                        continue;
                    seen = true;
                    if (equal(t))
                        return false;
                }
                return seen;
            };
        }
        case 'fieldref': {
            const other = fieldResolver(test.field, virtual);
            const { position, cased } = test;
            const related = (a, b) => position === 'equals'
                ? a === b
                : position === 'startswith'
                    ? a.startsWith(b)
                    : position === 'endswith'
                        ? a.endsWith(b)
                        : a.includes(b);
            return (values, event) => {
                const others = other(event);
                for (const value of values) {
                    const a = textOf(value);
                    if (a === undefined)
                        continue;
                    for (const o of others) {
                        const b = textOf(o);
                        if (b !== undefined && (cased ? related(a, b) : related(lowerOf(a), lowerOf(b))))
                            return true;
                    }
                }
                return false;
            };
        }
    }
}
/**
 * Compiles rules for use together. Almost every CloudTrail rule requires `eventName` to be one of a
 * few names; such rules are indexed by name, so an event is only tested against the rules that
 * could match it (the answer is the same as testing every rule).
 */
function compileRuleSet(rules, options = {}) {
    const compiled = rules.map((rule) => compileRule(rule, options));
    const indexable = !Object.hasOwn(options.virtualFields ?? {}, INDEX_FIELD);
    const required = compiled.map((c) => (indexable ? requiredValues(c.rule.detection.condition, c.rule) : undefined));
    const byName = new Map();
    for (const names of required)
        for (const name of names ?? [])
            byName.set(name, []);
    const always = [];
    compiled.forEach((c, i) => {
        const names = required[i];
        if (!names) {
            always.push(c);
            for (const list of byName.values())
                list.push(c);
        }
        else {
            for (const name of names)
                byName.get(name).push(c);
        }
    });
    const run = (event) => {
        const name = event[INDEX_FIELD];
        const candidates = typeof name === 'string' ? (byName.get(lowerOf(name)) ?? always) : compiled;
        const out = [];
        for (const c of candidates)
            if (c(event))
                out.push(c);
        return out;
    };
    return Object.assign(run, { rules: compiled });
}
const INDEX_FIELD = 'eventName';
/**
 * The lower-cased event names a condition can possibly match, or undefined when it can match any.
 * Sound, not complete: `not`, wildcards and `|cased` simply leave a rule unindexed.
 */
function requiredValues(node, rule) {
    const union = (sets) => sets.some((s) => s === undefined) ? undefined : new Set(sets.flatMap((s) => [...s]));
    const intersection = (sets) => {
        const known = sets.filter((s) => s !== undefined);
        if (known.length === 0)
            return undefined;
        return known.reduce((a, b) => new Set([...a].filter((x) => b.has(x))));
    };
    switch (node.kind) {
        case 'ref':
            return selectionValues(rule, node.name);
        case 'and':
            return intersection(node.items.map((n) => requiredValues(n, rule)));
        case 'or':
            return union(node.items.map((n) => requiredValues(n, rule)));
        case 'not':
            return undefined;
        case 'of': {
            const sets = node.names.map((n) => selectionValues(rule, n));
            return node.quantifier === 'all' ? intersection(sets) : union(sets);
        }
    }
}
function selectionValues(rule, name) {
    const selection = rule.detection.selections[name];
    if (!selection)
        return undefined;
    const groups = selection.anyOf.map((tests) => {
        const sets = tests
            .filter((t) => t.field === INDEX_FIELD && t.combine === 'any')
            .map((t) => {
            const names = [];
            for (const v of t.values) {
                const shape = v.kind === 'string' ? (0,wildcard/* patternShape */.YY)(v.pattern) : undefined;
                if (shape?.kind !== 'equals')
                    return undefined;
                names.push(shape.text.toLowerCase());
            }
            return new Set(names);
        });
        return sets.find((s) => s !== undefined);
    });
    if (groups.some((g) => g === undefined))
        return undefined;
    return new Set(groups.flatMap((g) => [...g]));
}


/***/ }),

/***/ 4616:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $Y: () => (/* reexport */ modifiers/* KEYWORD_FIELD */.$Y),
  QT: () => (/* reexport */ evaluate/* compileRuleSet */.QT),
  zS: () => (/* reexport */ compileRuleSetToSql),
  CK: () => (/* binding */ isCloudTrailRule),
  g6: () => (/* reexport */ parseSigmaRules),
  lN: () => (/* binding */ ruleLink)
});

// UNUSED EXPORTS: REGEX_MAX_LENGTH, compileLinearRegex, compileRule, compileRuleToSql, ruleProblemError

// EXTERNAL MODULE: ./shared/util/errors.ts
var errors = __webpack_require__(1472);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./shared/cloudtrail/rules/sigma/regex.ts
var regex = __webpack_require__(6839);
;// CONCATENATED MODULE: ./shared/cloudtrail/rules/sigma/condition.ts

/** A condition the parser cannot accept; `column` is 1-based within the condition text. */
class ConditionError extends Error {
    column;
    constructor(message, column) {
        super(message);
        this.name = 'ConditionError';
        this.column = column;
    }
}
function tokenize(text) {
    const tokens = [];
    const re = /\s+|([()])|([A-Za-z0-9_*.\-]+)|(.)/gy;
    let m;
    while ((m = re.exec(text)) !== null) {
        const column = m.index + 1;
        const word = m[1] ?? m[2];
        if (word !== undefined)
            tokens.push({ text: word, lower: word.toLowerCase(), column });
        else if (m[3] !== undefined) {
            if (m[3] === '|') {
                throw new ConditionError('aggregation expressions (`| count() …`) are Sigma v1 syntax and are not supported; use a correlation rule', column);
            }
            throw new ConditionError(`unexpected character ${JSON.stringify(m[3])}`, column);
        }
    }
    return tokens;
}
const KEYWORDS = new Set(['and', 'or', 'not', 'of', 'them', '(', ')']);
function globToRegExp(glob) {
    // Selection names come from the rule file: the same linear-time engine as every rule pattern.
    return (0,regex/* compileLinearRegex */.I)(`^${glob.replace(/[.+?^${}()|[\]\\-]/g, '\\$&').replace(/\*/g, '.*')}$`);
}
/**
 * Parses one condition string. `selectionNames` are the rule's selections in written order; every
 * reference must name one of them and every `x of pattern` must match at least one.
 */
function parseCondition(text, selectionNames) {
    const tokens = tokenize(text);
    let pos = 0;
    const endColumn = text.length + 1;
    const peek = () => tokens[pos];
    const fail = (message, token = peek()) => {
        throw new ConditionError(message, token?.column ?? endColumn);
    };
    const parseOr = () => {
        const items = [parseAnd()];
        while (peek()?.lower === 'or') {
            pos++;
            items.push(parseAnd());
        }
        return items.length === 1 ? items[0] : { kind: 'or', items };
    };
    const parseAnd = () => {
        const items = [parseNot()];
        while (peek()?.lower === 'and') {
            pos++;
            items.push(parseNot());
        }
        return items.length === 1 ? items[0] : { kind: 'and', items };
    };
    const parseNot = () => {
        if (peek()?.lower === 'not') {
            pos++;
            return { kind: 'not', item: parseNot() };
        }
        return parseOf();
    };
    const parseOf = () => {
        const first = peek();
        const second = tokens[pos + 1];
        if (first && second?.lower === 'of') {
            if (first.lower !== '1' && first.lower !== 'any' && first.lower !== 'all') {
                fail(`\`${first.text} of\` is not Sigma: only \`1 of\` and \`all of\` are defined`, first);
            }
            pos += 2;
            const target = peek();
            if (!target || (KEYWORDS.has(target.lower) && target.lower !== 'them')) {
                fail('expected a selection name pattern or `them` after `of`', target);
            }
            pos++;
            const quantifier = first.lower === 'all' ? 'all' : 'one';
            let names;
            if (target.lower === 'them') {
                // Spec: `them` means every selection except those whose name starts with an underscore.
                names = selectionNames.filter((n) => !n.startsWith('_'));
            }
            else {
                const re = globToRegExp(target.text);
                names = selectionNames.filter((n) => re.test(n));
            }
            if (names.length === 0)
                fail(`\`${target.text}\` matches no selection of this rule`, target);
            return { kind: 'of', quantifier, pattern: target.text, names };
        }
        return parsePrimary();
    };
    const parsePrimary = () => {
        const token = peek();
        if (!token)
            return fail('the condition ends where a selection name was expected');
        if (token.text === '(') {
            pos++;
            const inner = parseOr();
            if (peek()?.text !== ')')
                fail('missing `)`');
            pos++;
            return inner;
        }
        if (KEYWORDS.has(token.lower))
            fail(`unexpected \`${token.text}\``, token);
        if (token.text.includes('*'))
            fail(`wildcards need \`1 of\` or \`all of\`: \`${token.text}\``, token);
        if (!selectionNames.includes(token.text))
            fail(`\`${token.text}\` is not a selection of this rule`, token);
        pos++;
        return { kind: 'ref', name: token.text };
    };
    if (tokens.length === 0)
        throw new ConditionError('the condition is empty', 1);
    const tree = parseOr();
    if (pos < tokens.length)
        fail(`unexpected \`${peek().text}\``);
    return tree;
}

// EXTERNAL MODULE: ./shared/cloudtrail/rules/sigma/modifiers.ts
var modifiers = __webpack_require__(9094);
;// CONCATENATED MODULE: ./shared/cloudtrail/rules/sigma/parse.ts
/**
 * Reads Sigma rule files (one or several YAML documents) into typed SigmaRules. Every construct is
 * either understood or reported as a RuleProblem with its line and column; a rule with a problem is
 * left out of `rules`, never loaded with part of its detection ignored.
 */



const LEVELS = ['informational', 'low', 'medium', 'high', 'critical'];
const STATUSES = ['stable', 'test', 'experimental', 'deprecated', 'unsupported'];
const KNOWN_KEYS = new Set([
    'title',
    'id',
    'name',
    'status',
    'description',
    'author',
    'date',
    'modified',
    'references',
    'tags',
    'level',
    'logsource',
    'falsepositives',
    'fields',
    'detection',
    'license',
    'related',
    'scope',
    'taxonomy',
    'correlation',
    'generate',
    'filter',
]);
// Anchors and aliases (`&common` / `*common`) are YAML, so rules may share a value list that way.
const MAX_ALIASES = 100;
/** Replaces every alias in the tree by a copy of what it names, so the detection walk sees plain nodes. */
function expandAliases(doc) {
    let expanded = 0;
    (0,dist/* visit */.YR)(doc, {
        Alias(_, alias) {
            if (++expanded > MAX_ALIASES)
                throw new Error(`more than ${MAX_ALIASES} aliases (recursive anchor?)`);
            const target = alias.resolve(doc);
            if (!target)
                throw new Error(`alias *${alias.source} names no anchor`);
            return target.clone();
        },
    });
}
/** Parses every rule in `text` (the contents of `file`, used in problems and in `rule.source`). */
function parseSigmaRules(text, file) {
    const lineCounter = new dist/* LineCounter */.HN();
    const docs = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter, uniqueKeys: true });
    const out = { rules: [], correlations: [], filters: [], problems: [] };
    if (!Array.isArray(docs)) {
        // An EmptyStream: the file has no documents at all.
        return out;
    }
    for (const doc of docs) {
        const result = parseDocument(doc, file, lineCounter);
        if (result === undefined)
            continue;
        if ('rule' in result)
            out.rules.push(result.rule);
        else if ('correlation' in result)
            out.correlations.push(result.correlation);
        else if ('filter' in result)
            out.filters.push(result.filter);
        else
            out.problems.push(...result.problems);
    }
    return out;
}
function parseDocument(doc, file, lineCounter) {
    const spanOf = (node) => {
        const offset = node?.range?.[0] ?? 0;
        const pos = lineCounter.linePos(offset);
        return { line: pos.line, column: pos.col };
    };
    const docSpan = spanOf(doc.contents);
    const problems = [];
    // Filled in once the title is known, so later problems name their rule.
    const named = {};
    const report = (message, span = docSpan) => {
        problems.push({ file, line: span.line, column: span.column, ...(named.rule ? { rule: named.rule } : {}), message });
    };
    if (doc.errors.length) {
        for (const error of doc.errors) {
            const pos = error.linePos?.[0];
            problems.push({
                file,
                ...(pos ? { line: pos.line, column: pos.col } : {}),
                message: `YAML: ${firstLine(error.message)}`,
            });
        }
        return { problems };
    }
    if (doc.contents === null)
        return undefined;
    const root = doc.contents;
    if (!(0,dist/* isMap */.jh)(root)) {
        report('a Sigma rule is a YAML mapping with title, logsource and detection');
        return { problems };
    }
    let js;
    try {
        js = doc.toJS({ maxAliasCount: MAX_ALIASES });
        expandAliases(doc);
    }
    catch (error) {
        report(`YAML: ${firstLine(error.message)}`);
        return { problems };
    }
    const title = typeof js.title === 'string' ? js.title : undefined;
    const id = typeof js.id === 'string' ? js.id : undefined;
    const name = title ?? id;
    if (name !== undefined)
        named.rule = name;
    let level;
    if (js.level !== undefined) {
        if (typeof js.level === 'string' && LEVELS.includes(js.level))
            level = js.level;
        else
            report(`\`level: ${String(js.level)}\` is not one of ${LEVELS.join(', ')}`, spanOf(root.get('level', true)));
    }
    // Rules specification v2, "Title": max. 256 characters; "Status": one of five values.
    if (title !== undefined && title.length > 256) {
        report(`\`title\` is ${title.length} characters; the specification allows at most 256`, spanOf(root.get('title', true)));
    }
    if (js.status !== undefined && !STATUSES.includes(js.status)) {
        report(`\`status: ${String(js.status)}\` is not one of ${STATUSES.join(', ')}`, spanOf(root.get('status', true)));
    }
    if ('action' in js) {
        report('Sigma v1 rule collections (`action: global|reset|repeat`) are not supported; write one rule per document');
        return { problems };
    }
    if ('correlation' in js) {
        if ('detection' in js)
            report('a document holds either `correlation` or `detection`, not both');
        if (!title)
            report('`title` is missing');
        const correlation = parseCorrelation(root, js, spanOf, report);
        if (problems.length || !correlation || !title)
            return { problems };
        return { correlation: { ...meta(js, title, id, level, file, docSpan), ...correlation } };
    }
    if ('filter' in js && !('detection' in js)) {
        if (!title)
            report('`title` is missing');
        const logsource = js.logsource;
        if (!logsource || typeof logsource !== 'object' || Array.isArray(logsource))
            report('`logsource` is missing');
        const filterNode = root.get('filter', true);
        let filter;
        if (!(0,dist/* isMap */.jh)(filterNode))
            report('`filter` must be a mapping with rules, selections and a condition', spanOf(filterNode));
        else
            filter = parseFilter(filterNode, spanOf, report);
        if (problems.length || !filter || !title)
            return { problems };
        return {
            filter: {
                title,
                ...(id !== undefined ? { id } : {}),
                ...optionalString(js, 'description'),
                logsource: logsourceOf(js),
                rules: filter.rules,
                detection: filter.detection,
                source: { file, line: docSpan.line },
            },
        };
    }
    if (!title)
        report('`title` is missing');
    const logsource = js.logsource;
    if (!logsource || typeof logsource !== 'object' || Array.isArray(logsource))
        report('`logsource` is missing');
    const detectionNode = root.get('detection', true);
    let detection;
    if (!(0,dist/* isMap */.jh)(detectionNode))
        report('`detection` is missing or not a mapping', detectionNode ? spanOf(detectionNode) : docSpan);
    else
        detection = parseDetection(detectionNode, spanOf, report);
    if (problems.length || !detection || !title)
        return { problems };
    const rule = {
        ...meta(js, title, id, level, file, docSpan),
        logsource: logsourceOf(js),
        fields: stringList(js.fields),
        detection,
    };
    return { rule };
}
function meta(js, title, id, level, file, docSpan) {
    const custom = {};
    for (const [key, value] of Object.entries(js))
        if (!KNOWN_KEYS.has(key) && key !== '__proto__')
            custom[key] = value;
    return {
        title,
        ...(id !== undefined ? { id } : {}),
        ...optionalString(js, 'name'),
        ...optionalString(js, 'status'),
        ...optionalString(js, 'description'),
        ...optionalString(js, 'author'),
        ...optionalString(js, 'date'),
        ...optionalString(js, 'modified'),
        references: stringList(js.references),
        tags: stringList(js.tags),
        ...(level ? { level } : {}),
        falsepositives: stringList(js.falsepositives),
        source: { file, line: docSpan.line },
        custom,
    };
}
function logsourceOf(js) {
    const ls = (js.logsource ?? {});
    return {
        ...optionalString(ls, 'product'),
        ...optionalString(ls, 'service'),
        ...optionalString(ls, 'category'),
        ...optionalString(ls, 'definition'),
    };
}
const CORRELATION_TYPES = ['event_count', 'value_count', 'temporal', 'temporal_ordered'];
const CONDITION_OPS = new Set(['gt', 'gte', 'lt', 'lte', 'eq', 'neq']);
const CORRELATION_KEYS = new Set([
    'type',
    'rules',
    'group-by',
    'timespan',
    'timeframe',
    'condition',
    'aliases',
    'generate',
]);
// Correlation rules specification v2, "Time Selection": number + lower-case letter s, m, h or d.
const TIMESPAN = /^(\d+)([smhd])$/;
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Longest timespan accepted: a correlation's state lives this long, so it bounds memory too. */
const MAX_TIMESPAN_MS = 31 * UNIT_MS.d;
/** Correlation rules specification v2, "Correlation section": type, rules, group-by, timespan, condition. */
function parseCorrelation(root, js, spanOf, report) {
    const node = root.get('correlation', true);
    if (!(0,dist/* isMap */.jh)(node)) {
        report('`correlation` must be a mapping with type, rules, group-by, timespan and condition', spanOf(node));
        return undefined;
    }
    const at = (key) => spanOf(node.get(key, true) ?? node);
    const c = (js.correlation ?? {});
    const before = { count: 0 };
    const fail = (message, span) => {
        before.count++;
        report(`correlation: ${message}`, span);
    };
    for (const key of Object.keys(c)) {
        if (!CORRELATION_KEYS.has(key))
            fail(`unknown key \`${key}\``, at(key));
    }
    const type = c.type;
    if (!CORRELATION_TYPES.includes(c.type)) {
        fail(`\`type\` must be one of ${CORRELATION_TYPES.join(', ')}`, at('type'));
    }
    const rules = Array.isArray(c.rules) ? c.rules : typeof c.rules === 'string' ? [c.rules] : undefined;
    if (!rules || rules.length === 0 || !rules.every((r) => typeof r === 'string' && r !== '')) {
        fail('`rules` must list the referred rules by id or name', at('rules'));
    }
    if ((type === 'temporal' || type === 'temporal_ordered') && rules && rules.length < 2) {
        fail(`a ${type} correlation needs two or more rules`, at('rules'));
    }
    // "group-by … Use: mandatory"; an empty list groups every event together.
    const groupBy = c['group-by'] === undefined ? undefined : Array.isArray(c['group-by']) ? c['group-by'] : [c['group-by']];
    if (!groupBy || !groupBy.every((g) => typeof g === 'string' && g !== '')) {
        fail('`group-by` must list one or more field names', at('group-by'));
    }
    // `timeframe` is the spelling of v1 and of early v2 drafts; pySigma reads both.
    const spanText = c.timespan ?? c.timeframe;
    const m = typeof spanText === 'string' ? TIMESPAN.exec(spanText) : null;
    let ms = 0;
    if (!m)
        fail('`timespan` must be a number and one of s, m, h, d, e.g. `10m`', at('timespan'));
    else {
        ms = Number(m[1]) * UNIT_MS[m[2]];
        if (ms <= 0 || ms > MAX_TIMESPAN_MS)
            fail('`timespan` must be between 1s and 31d', at('timespan'));
    }
    let condition;
    let field;
    if (c.condition !== undefined) {
        if (c.condition === null || typeof c.condition !== 'object' || Array.isArray(c.condition)) {
            fail('`condition` must be a mapping such as `gte: 10`', at('condition'));
        }
        else {
            condition = {};
            for (const [op, value] of Object.entries(c.condition)) {
                if (op === 'field') {
                    if (typeof value === 'string' && value !== '')
                        field = value;
                    else
                        fail('`condition.field` must name a field', at('condition'));
                }
                else if (!CONDITION_OPS.has(op)) {
                    fail(`\`condition.${op}\` is not one of gt, gte, lt, lte, eq, neq`, at('condition'));
                }
                else if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
                    fail(`\`condition.${op}\` must be a whole number`, at('condition'));
                }
                else {
                    condition[op] = value;
                }
            }
            if (Object.keys(condition).length === 0)
                fail('`condition` names no bound (gt, gte, lt, lte, eq, neq)', at('condition'));
        }
    }
    if ((type === 'event_count' || type === 'value_count') && !condition) {
        fail(`a ${type} correlation needs a \`condition\` such as \`gte: 10\``, at('type'));
    }
    if (type === 'value_count' && !field)
        fail('a value_count correlation needs `condition.field`', at('condition'));
    if (type !== 'value_count' && field)
        fail('`condition.field` belongs to value_count only', at('condition'));
    const aliases = {};
    if (c.aliases !== undefined) {
        const ok = c.aliases !== null &&
            typeof c.aliases === 'object' &&
            !Array.isArray(c.aliases) &&
            Object.values(c.aliases).every((m) => m !== null &&
                typeof m === 'object' &&
                !Array.isArray(m) &&
                Object.values(m).every((f) => typeof f === 'string' && f !== ''));
        if (!ok)
            fail('`aliases` must map each alias to `rule name: field`', at('aliases'));
        else
            for (const [alias, map] of Object.entries(c.aliases)) {
                if (alias !== '__proto__')
                    aliases[alias] = { ...map };
            }
    }
    // The specification puts `generate` beside `level`; some writers nest it in `correlation:`.
    const generate = js.generate ?? c.generate ?? false;
    if (typeof generate !== 'boolean')
        fail('`generate` must be true or false', spanOf(root.get('generate', true)));
    if (before.count)
        return undefined;
    return {
        type,
        rules: rules,
        groupBy: groupBy,
        timespan: { text: spanText, ms },
        ...(condition ? { condition } : {}),
        ...(field ? { field } : {}),
        aliases,
        generate: generate,
    };
}
/** Filters specification v2.1, "Global Filter": `rules`, then selections and a `condition`. */
function parseFilter(node, spanOf, report) {
    const rulesNode = node.get('rules', true);
    const rules = [];
    if ((0,dist/* isSeq */.oP)(rulesNode)) {
        for (const item of rulesNode.items) {
            if ((0,dist/* isScalar */.jn)(item) && typeof item.value === 'string' && item.value !== '')
                rules.push(item.value);
            else
                report('filter: each entry of `rules` is a rule id or name', spanOf(item));
        }
    }
    else if ((0,dist/* isScalar */.jn)(rulesNode) && typeof rulesNode.value === 'string') {
        rules.push(rulesNode.value);
    }
    if (rules.length === 0) {
        report('filter: `rules` must name the rules to filter, by id or name', spanOf(rulesNode ?? node));
        return undefined;
    }
    const detection = parseDetection(node, spanOf, report, new Set(['rules']));
    return detection ? { rules, detection } : undefined;
}
function parseDetection(node, spanOf, report, skip = new Set()) {
    const selections = {};
    const names = [];
    let conditionPair;
    for (const pair of node.items) {
        const name = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
        const span = spanOf(pair.key);
        if (skip.has(name))
            continue;
        if (name === 'condition') {
            conditionPair = pair;
            continue;
        }
        if (name === 'timeframe') {
            report('`timeframe` belongs to correlation rules, which are not supported', span);
            continue;
        }
        if (name === '__proto__') {
            report('`__proto__` cannot name a selection', span);
            continue;
        }
        names.push(name);
        const selection = parseSelection(name, pair.value, span, spanOf, report);
        if (selection)
            selections[name] = selection;
    }
    if (!conditionPair) {
        report('`detection.condition` is missing', spanOf(node));
        return undefined;
    }
    const conditionNode = conditionPair.value;
    const texts = [];
    if ((0,dist/* isScalar */.jn)(conditionNode) && typeof conditionNode.value === 'string') {
        texts.push({ text: conditionNode.value, span: spanOf(conditionNode) });
    }
    else if ((0,dist/* isSeq */.oP)(conditionNode)) {
        for (const item of conditionNode.items) {
            if ((0,dist/* isScalar */.jn)(item) && typeof item.value === 'string')
                texts.push({ text: item.value, span: spanOf(item) });
            else
                report('each condition in the list must be a string', spanOf(item));
        }
    }
    else {
        report('`condition` must be a string or a list of strings', spanOf(conditionPair.key));
    }
    const trees = [];
    for (const { text, span } of texts) {
        try {
            trees.push(parseCondition(text, names));
        }
        catch (error) {
            if (!(error instanceof ConditionError))
                throw error;
            // Plain and single-quoted scalars start one character earlier than their text; close enough.
            report(`condition \`${text}\`: ${error.message}`, { line: span.line, column: span.column + error.column - 1 });
        }
    }
    if (trees.length !== texts.length || trees.length === 0)
        return undefined;
    return {
        selections,
        condition: trees.length === 1 ? trees[0] : { kind: 'or', items: trees },
        conditionText: texts.map((t) => t.text),
    };
}
function parseSelection(name, value, span, spanOf, report) {
    const groups = [];
    let ok = true;
    const parseMap = (map) => {
        const tests = [];
        for (const pair of map.items) {
            const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
            const keySpan = spanOf(pair.key);
            try {
                tests.push((0,modifiers/* buildFieldTest */.Bk)(key, rawValues(key, pair.value, keySpan, spanOf), keySpan));
            }
            catch (error) {
                if (!(error instanceof modifiers/* RuleSyntaxError */.mv))
                    throw error;
                ok = false;
                report(`selection \`${name}\`: ${error.message}`, error.span ?? keySpan);
            }
        }
        return tests;
    };
    if ((0,dist/* isMap */.jh)(value)) {
        if (value.items.length === 0) {
            report(`selection \`${name}\` is empty`, span);
            return undefined;
        }
        groups.push(parseMap(value));
    }
    else if ((0,dist/* isSeq */.oP)(value) && value.items.length > 0 && value.items.every((item) => (0,dist/* isMap */.jh)(item))) {
        for (const item of value.items)
            groups.push(parseMap(item));
    }
    else if (((0,dist/* isSeq */.oP)(value) && value.items.every((item) => item === null || (0,dist/* isScalar */.jn)(item))) || (0,dist/* isScalar */.jn)(value)) {
        // Rules specification v2, "Lists": a list of values with no field searches the whole event, OR-ed.
        try {
            groups.push([(0,modifiers/* buildFieldTest */.Bk)(modifiers/* KEYWORD_FIELD */.$Y, rawValues('keyword', value, span, spanOf), span)]);
        }
        catch (error) {
            if (!(error instanceof modifiers/* RuleSyntaxError */.mv))
                throw error;
            report(`selection \`${name}\`: ${error.message}`, error.span ?? span);
            return undefined;
        }
    }
    else if ((0,dist/* isSeq */.oP)(value)) {
        report(`selection \`${name}\`: a list mixes field maps and keywords; write them as two selections`, span);
        return undefined;
    }
    else {
        report(`selection \`${name}\` is empty`, span);
        return undefined;
    }
    return ok ? { name, anyOf: groups, span } : undefined;
}
function rawValues(key, node, keySpan, spanOf) {
    const scalar = (item, span) => {
        if (item === null)
            return { value: null, span };
        if (!(0,dist/* isScalar */.jn)(item)) {
            throw new modifiers/* RuleSyntaxError */.mv(`\`${key}\`: values must be scalars or a list of scalars, not a nested mapping or list`, spanOf(item));
        }
        const v = item.value;
        if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
            return { value: v, span: spanOf(item) };
        }
        return { value: String(v), span: spanOf(item) };
    };
    if ((0,dist/* isSeq */.oP)(node))
        return node.items.map((item) => scalar(item, item ? spanOf(item) : keySpan));
    return [scalar(node, node ? spanOf(node) : keySpan)];
}
function optionalString(obj, key) {
    const value = obj[key];
    if (value === undefined || value === null)
        return {};
    return { [key]: typeof value === 'string' ? value : String(value) };
}
function stringList(value) {
    if (value === undefined || value === null)
        return [];
    if (Array.isArray(value))
        return value.filter((v) => v !== null && v !== undefined).map((v) => String(v));
    return [String(value)];
}
function firstLine(message) {
    return message.split('\n')[0] ?? message;
}

// EXTERNAL MODULE: ./shared/cloudtrail/rules/sigma/evaluate.ts + 1 modules
var evaluate = __webpack_require__(6303);
// EXTERNAL MODULE: ./shared/cloudtrail/rules/sigma/wildcard.ts
var wildcard = __webpack_require__(260);
;// CONCATENATED MODULE: ./shared/cloudtrail/rules/sigma/sql.ts
/**
 * Compiles a parsed Sigma rule to a SQL WHERE clause over the AWS-documented CloudTrail Athena table
 * (Trino), or the same shape in DuckDB for tests. It reads the same tree as evaluate.ts.
 *
 * Every sub-expression is compiled to two predicates: `upper`, true for every event the rule could
 * match (a superset), and `lower`, true only for events the rule certainly matches (a subset). Where
 * SQL can say exactly what Sigma means the two are the same text. `not` swaps them, so a prefilter
 * stays a superset however deep the negation. The query selects with `upper`; `exact` is true when
 * `upper` and `lower` coincide for the whole rule, and otherwise `inexact` says which parts are
 * approximate, so the caller re-checks the candidates with the in-process evaluator.
 *
 * Every leaf is wrapped so it is never SQL NULL: Sigma has no three-valued logic, and `NOT NULL`
 * would silently drop rows from `selection and not filter`.
 *
 * Correlation rules are judged in process (rules/correlation.ts), not compiled here: their referred
 * rules are ordinary detection rules of the rule set (RuleSet.detections, filters applied), so a
 * prefilter over the rule set returns every row a correlation needs.
 */



const TRUE = 'TRUE';
const FALSE = 'FALSE';
// The AWS-documented CloudTrail table (docs.aws.amazon.com/athena/latest/ug/cloudtrail-logs.html),
// keyed by the field names a Sigma rule uses (the JSON record's spelling; case matters, as in-process).
const STRING_COLUMNS = new Set([
    'eventVersion',
    'eventTime',
    'eventSource',
    'eventName',
    'awsRegion',
    'sourceIPAddress',
    'userAgent',
    'errorCode',
    'errorMessage',
    'requestID',
    'eventID',
    'eventType',
    'apiVersion',
    'readOnly',
    'recipientAccountId',
    'sharedEventID',
    'vpcEndpointId',
    'vpcEndpointAccountId',
    'eventCategory',
    'sessionCredentialFromConsole',
]);
const JSON_COLUMNS = new Set([
    'requestParameters',
    'responseElements',
    'additionalEventData',
    'serviceEventDetails',
    'edgeDeviceDetails',
]);
const STRUCTS = {
    userIdentity: {
        type: true,
        principalId: true,
        arn: true,
        accountId: true,
        invokedBy: true,
        accessKeyId: true,
        userName: true,
        onBehalfOf: { userId: true, identityStoreArn: true },
        sessionContext: {
            attributes: { mfaAuthenticated: true, creationDate: true },
            sessionIssuer: { type: true, principalId: true, arn: true, accountId: true, userName: true },
            ec2RoleDelivery: true,
            sourceIdentity: true,
        },
    },
    tlsDetails: { tlsVersion: true, cipherSuite: true, clientProvidedHostHeader: true },
};
const RESOURCE_FIELDS = { ARN: 'arn', accountId: 'accountid', type: 'type' };
function placeOf(path) {
    const [head = '', ...rest] = path;
    // Rules specification v2, "Lists": a keyword is searched in every value of the event.
    if (path.length === 1 && head === modifiers/* KEYWORD_FIELD */.$Y)
        return { kind: 'unknown', why: 'a keyword search over the whole event' };
    if (STRING_COLUMNS.has(head)) {
        return rest.length
            ? { kind: 'unknown', why: 'a sub-field of a string column' }
            : { kind: 'column', expr: head.toLowerCase() };
    }
    if (JSON_COLUMNS.has(head)) {
        if (rest.length === 0)
            return { kind: 'jsontext', column: head.toLowerCase() };
        if (!rest.every((s) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s))) {
            return { kind: 'unknown', why: 'a JSON key that JSONPath cannot name plainly' };
        }
        return { kind: 'json', column: head.toLowerCase(), path: rest };
    }
    const struct = STRUCTS[head];
    if (struct) {
        let shape = struct;
        for (const seg of rest) {
            if (shape === true || !Object.hasOwn(shape, seg))
                return { kind: 'unknown', why: 'not a column of the CloudTrail table' };
            shape = shape[seg];
        }
        if (shape !== true)
            return { kind: 'unknown', why: 'a whole struct, compared as JSON text in-process' };
        return { kind: 'column', expr: [head, ...rest].map((s) => s.toLowerCase()).join('.') };
    }
    if (head === 'resources' && rest.length === 1 && RESOURCE_FIELDS[rest[0]]) {
        return { kind: 'resources', member: RESOURCE_FIELDS[rest[0]] };
    }
    return { kind: 'unknown', why: 'not a column of the CloudTrail table (virtual or unlisted field)' };
}
function sqlString(text) {
    return `'${text.replace(/'/g, "''")}'`;
}
function likePattern(pattern, lower) {
    const body = pattern.parts
        .map((p) => {
        if (p.kind === 'any')
            return '%';
        if (p.kind === 'one')
            return '_';
        const text = lower ? p.text.toLowerCase() : p.text;
        return text.replace(/[\\%_]/g, '\\$&');
    })
        .join('');
    return sqlString(body);
}
function quoteIdent(name) {
    return `"${name.replace(/"/g, '""')}"`;
}
function tableName(table) {
    const parts = table.split('.');
    if (!table || parts.some((p) => p === '')) {
        throw new errors.InputError(`${JSON.stringify(table)} is not a table name`, {
            location: { field: 'table' },
            hint: 'write database.table, e.g. default.cloudtrail_logs',
        });
    }
    return parts.map((p) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(p) ? p : quoteIdent(p))).join('.');
}
const and = (items) => {
    if (items.includes(FALSE))
        return FALSE;
    const kept = items.filter((i) => i !== TRUE);
    if (kept.length === 0)
        return TRUE;
    return kept.length === 1 ? kept[0] : `(${kept.join(' AND ')})`;
};
const or = (items) => {
    if (items.includes(TRUE))
        return TRUE;
    const kept = items.filter((i) => i !== FALSE);
    if (kept.length === 0)
        return FALSE;
    return kept.length === 1 ? kept[0] : `(${kept.join(' OR ')})`;
};
const not = (item) => (item === TRUE ? FALSE : item === FALSE ? TRUE : `(NOT ${item})`);
const nn = (predicate) => `COALESCE(${predicate}, FALSE)`;
const exact = (predicate) => ({ upper: predicate, lower: predicate });
class Compiler {
    inexact = [];
    dialect;
    constructor(dialect) {
        this.dialect = dialect;
    }
    approximate(field, why) {
        const line = `\`${field}\`: ${why}`;
        if (!this.inexact.includes(line))
            this.inexact.push(line);
    }
    jsonScalar(column, path) {
        const jp = sqlString(`$.${path.join('.')}`);
        if (this.dialect === 'trino')
            return `json_extract_scalar(${column}, ${jp})`;
        // DuckDB renders objects and arrays as JSON text; Trino gives NULL. Match Trino.
        return `(CASE WHEN json_type(${column}, ${jp}) IN ('OBJECT', 'ARRAY') THEN NULL ELSE json_extract_string(${column}, ${jp}) END)`;
    }
    anyResource(member, predicate) {
        const body = predicate(`r.${member}`);
        if (this.dialect === 'trino')
            return `any_match(resources, r -> ${body})`;
        return `(len(list_filter(resources, r -> ${body})) > 0)`;
    }
    condition(node, rule) {
        switch (node.kind) {
            case 'ref':
                return this.selection(rule, node.name);
            case 'and':
            case 'or': {
                const parts = node.items.map((n) => this.condition(n, rule));
                const join = node.kind === 'and' ? and : or;
                return { upper: join(parts.map((p) => p.upper)), lower: join(parts.map((p) => p.lower)) };
            }
            case 'not': {
                const inner = this.condition(node.item, rule);
                return { upper: not(inner.lower), lower: not(inner.upper) };
            }
            case 'of': {
                const parts = node.names.map((n) => this.selection(rule, n));
                const join = node.quantifier === 'all' ? and : or;
                return { upper: join(parts.map((p) => p.upper)), lower: join(parts.map((p) => p.lower)) };
            }
        }
    }
    selection(rule, name) {
        const selection = rule.detection.selections[name];
        if (!selection)
            throw new Error(`unknown selection ${name}`);
        const groups = selection.anyOf.map((tests) => {
            const parts = tests.map((t) => this.fieldTest(t));
            return { upper: and(parts.map((p) => p.upper)), lower: and(parts.map((p) => p.lower)) };
        });
        return { upper: or(groups.map((g) => g.upper)), lower: or(groups.map((g) => g.lower)) };
    }
    fieldTest(test) {
        const place = placeOf(test.path);
        let values = test.values;
        const parts = [];
        if (place.kind === 'column' && test.combine === 'any') {
            // `eventName: [A, B, C]` reads best, and plans best, as one IN list.
            for (const cased of [false, true]) {
                const texts = values.flatMap((v) => {
                    if (v.kind !== 'string' || v.cased !== cased)
                        return [];
                    const shape = (0,wildcard/* patternShape */.YY)(v.pattern);
                    return shape.kind === 'equals' ? [cased ? shape.text : shape.text.toLowerCase()] : [];
                });
                if (texts.length < 2)
                    continue;
                const subject = cased ? place.expr : `lower(${place.expr})`;
                parts.push(exact(nn(`${subject} IN (${texts.map(sqlString).join(', ')})`)));
                values = values.filter((v) => !(v.kind === 'string' && v.cased === cased && (0,wildcard/* patternShape */.YY)(v.pattern).kind === 'equals'));
            }
        }
        parts.push(...values.map((v) => this.valueTest(test.field, place, v)));
        const join = test.combine === 'all' ? and : or;
        return { upper: join(parts.map((p) => p.upper)), lower: join(parts.map((p) => p.lower)) };
    }
    /** A string/wildcard match on a scalar SQL expression (NULL-safe). */
    textPredicate(x, pattern, cased) {
        const shape = (0,wildcard/* patternShape */.YY)(pattern);
        if (shape.kind === 'anything')
            return `(${x} IS NOT NULL)`;
        const subject = cased ? x : `lower(${x})`;
        if (shape.kind === 'equals')
            return nn(`${subject} = ${sqlString(cased ? shape.text : shape.text.toLowerCase())}`);
        return nn(`${subject} LIKE ${likePattern(pattern, !cased)} ESCAPE '\\'`);
    }
    /** What every match must contain in a column's raw JSON text: the literal runs JSON leaves unescaped. */
    textHint(column, patterns, cased) {
        const hints = patterns.map((pattern) => {
            const runs = (0,wildcard/* literalRuns */.Sj)(pattern).flatMap((run) => run.split(/[^\x20-\x7e]|["\\/<>&']/).filter(Boolean));
            if (runs.length === 0)
                return `(${column} IS NOT NULL)`;
            const like = runs.map((r) => (cased ? r : r.toLowerCase()).replace(/[\\%_]/g, '\\$&')).join('%');
            return nn(`${cased ? column : `lower(${column})`} LIKE ${sqlString(`%${like}%`)} ESCAPE '\\'`);
        });
        return or(hints);
    }
    valueTest(field, place, test) {
        if (place.kind === 'unknown') {
            this.approximate(field, `${place.why}; matched in-process only`);
            return { upper: TRUE, lower: FALSE };
        }
        if (test.kind === 're') {
            this.approximate(field, '`|re` runs on RE2 in process; SQL regex engines (Joni, DuckDB RE2) differ in details');
            return { upper: TRUE, lower: FALSE };
        }
        if (test.kind === 'fieldref')
            return this.fieldref(field, place, test);
        if (place.kind === 'column')
            return this.onScalar(field, place.expr, test, true);
        if (place.kind === 'resources') {
            if (test.kind === 'string' || test.kind === 'variants') {
                const patterns = test.kind === 'string' ? [test.pattern] : test.patterns;
                return exact(this.anyResource(place.member, (x) => or(patterns.map((p) => this.textPredicate(x, p, test.cased)))));
            }
            this.approximate(field, `\`${test.kind}\` on an array of structs is matched in-process only`);
            return { upper: TRUE, lower: FALSE };
        }
        if (place.kind === 'jsontext') {
            this.approximate(field, 'a whole JSON column is compared as its JSON text, whose spelling SQL may not share');
            if (test.kind === 'string' || test.kind === 'variants') {
                const patterns = test.kind === 'string' ? [test.pattern] : test.patterns;
                return { upper: this.textHint(place.column, patterns, test.cased), lower: FALSE };
            }
            if (test.kind === 'null')
                return { upper: `(${place.column} IS NULL OR ${place.column} = '[]')`, lower: `(${place.column} IS NULL)` };
            if (test.kind === 'exists') {
                const some = `(${place.column} IS NOT NULL)`;
                return test.exists ? { upper: some, lower: FALSE } : { upper: TRUE, lower: not(some) };
            }
            return { upper: `(${place.column} IS NOT NULL)`, lower: FALSE };
        }
        // A field inside a JSON text column. json_extract_scalar finds scalars on a plain path; Sigma also
        // searches arrays on the way and compares objects as JSON, which the raw-text hint keeps as candidates.
        this.approximate(field, 'inside a JSON text column: arrays and objects on the path are re-checked in-process');
        const s = this.jsonScalar(place.column, place.path);
        const present = `(${place.column} IS NOT NULL)`;
        const scalar = this.onScalar(field, s, test, false);
        switch (test.kind) {
            case 'string':
            case 'variants': {
                const patterns = test.kind === 'string' ? [test.pattern] : test.patterns;
                return { upper: or([scalar.lower, this.textHint(place.column, patterns, test.cased)]), lower: scalar.lower };
            }
            case 'null':
                return { upper: `(${s} IS NULL)`, lower: `(${place.column} IS NULL)` };
            case 'exists':
                return test.exists
                    ? { upper: present, lower: `(${s} IS NOT NULL)` }
                    : { upper: `(${s} IS NULL)`, lower: not(present) };
            default:
                return { upper: or([scalar.lower, and([present, `(${s} IS NULL)`]), scalar.upper]), lower: scalar.lower };
        }
    }
    /** Tests on an expression holding one scalar string per row (or NULL when absent). */
    onScalar(field, x, test, isColumn) {
        switch (test.kind) {
            case 'null':
                return exact(`(${x} IS NULL)`);
            case 'exists':
                // Modifiers appendix v2.1: `exists` is presence, and a field present with a null value
                // exists; a table column holds NULL for both, so NULL rows stay candidates of `exists: true`.
                this.approximate(field, '`|exists` counts a null value as present; SQL NULL cannot tell null from absent');
                return test.exists ? { upper: TRUE, lower: `(${x} IS NOT NULL)` } : { upper: `(${x} IS NULL)`, lower: FALSE };
            case 'string':
                return exact(this.textPredicate(x, test.pattern, test.cased));
            case 'variants':
                return exact(or(test.patterns.map((p) => this.textPredicate(x, p, test.cased))));
            case 'neq':
                return exact(and([`(${x} IS NOT NULL)`, not(this.textPredicate(x, test.pattern, test.cased))]));
            case 'compare': {
                const op = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[test.op];
                const n = `TRY_CAST(${x} AS DOUBLE)`;
                // JavaScript's Number() reads a few spellings SQL casts refuse (hex, surrounding spaces).
                if (isColumn)
                    this.approximate(field, 'numeric text SQL cannot cast is re-checked in-process');
                return {
                    upper: nn(`(${n} ${op} ${test.value} OR (${x} IS NOT NULL AND ${n} IS NULL))`),
                    lower: nn(`${n} ${op} ${test.value}`),
                };
            }
            case 'cidr': {
                this.approximate(field, '`|cidr` is pre-filtered on the address text and checked in-process');
                if (test.family === 4 && test.prefix >= 8) {
                    const octets = test.network.split('.').slice(0, Math.floor(test.prefix / 8));
                    return { upper: nn(`${x} LIKE ${sqlString(`${octets.join('.')}.%`)}`), lower: FALSE };
                }
                return { upper: `(${x} IS NOT NULL)`, lower: FALSE };
            }
            default:
                this.approximate(field, `\`${test.kind}\` is matched in-process only`);
                return { upper: TRUE, lower: FALSE };
        }
    }
    fieldref(field, place, test) {
        const other = placeOf(test.path);
        const scalarOf = (p) => p.kind === 'column' ? p.expr : p.kind === 'json' ? this.jsonScalar(p.column, p.path) : undefined;
        const a = scalarOf(place);
        const b = scalarOf(other);
        if (a === undefined || b === undefined || test.position === 'endswith') {
            this.approximate(field, '`|fieldref` between these fields is matched in-process only');
            return { upper: TRUE, lower: FALSE };
        }
        const [x, y] = test.cased ? [a, b] : [`lower(${a})`, `lower(${b})`];
        const predicate = test.position === 'equals'
            ? `${x} = ${y}`
            : test.position === 'startswith'
                ? `starts_with(${x}, ${y})`
                : `strpos(${x}, ${y}) > 0`;
        const bounds = exact(nn(predicate));
        if (place.kind === 'column' && other.kind === 'column')
            return bounds;
        this.approximate(field, '`|fieldref` on a field inside a JSON column is re-checked in-process');
        return { upper: TRUE, lower: bounds.lower };
    }
}
function isoSeconds(value, what) {
    const date = typeof value === 'string' ? new Date(value) : value;
    if (Number.isNaN(date.getTime())) {
        throw new errors.InputError(`${JSON.stringify(String(value))} is not a time`, {
            location: { field: `window.${what}` },
            hint: 'use an ISO 8601 time such as 2026-11-22T00:00:00Z',
        });
    }
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
function windowPredicates(options) {
    const pruning = Object.entries(options.partitionValues ?? {}).map(([column, values]) => {
        if (values.length === 0) {
            throw new errors.InputError(`no values given for partition column ${column}`, {
                location: { field: `partitionValues.${column}` },
                hint: 'leave the column out to read every partition',
            });
        }
        return `${quoteIdent(column)} IN (${values.map(sqlString).join(', ')})`;
    });
    return [...pruning, ...timePredicates(options)];
}
function timePredicates(options) {
    if (!options.window) {
        if (options.partition) {
            throw new errors.InputError('a date partition needs a window to prune on', {
                location: { field: 'partition' },
                hint: 'pass window: { start, end }',
            });
        }
        return [];
    }
    const start = isoSeconds(options.window.start, 'start');
    const end = isoSeconds(options.window.end, 'end');
    const parts = [`eventtime >= ${sqlString(start)}`, `eventtime < ${sqlString(end)}`];
    if (options.partition) {
        const sep = options.partition.format === 'yyyy/MM/dd' ? '/' : '-';
        const day = (iso) => iso.slice(0, 10).replace(/-/g, sep);
        parts.unshift(`${quoteIdent(options.partition.column)} BETWEEN ${sqlString(day(start))} AND ${sqlString(day(end))}`);
    }
    return parts;
}
function compileWhere(rule, dialect) {
    const compiler = new Compiler(dialect);
    const bounds = compiler.condition(rule.detection.condition, rule);
    return { bounds, inexact: compiler.inexact };
}
function query(options, where) {
    const columns = options.columns?.length ? options.columns.join(', ') : '*';
    return `SELECT ${columns} FROM ${tableName(options.table)} WHERE ${and([...windowPredicates(options), where])}`;
}
/** One rule as a query returning its candidates (all of its matches; exactly them when `exact`). */
function compileRuleToSql(rule, options) {
    const { bounds, inexact } = compileWhere(rule, options.dialect ?? 'trino');
    const isExact = bounds.upper === bounds.lower;
    return { sql: query(options, bounds.upper), where: bounds.upper, exact: isExact, inexact: isExact ? [] : inexact };
}
/**
 * A whole rule set as one scan: the candidates of any rule. Re-check each row with every compiled
 * rule in-process to attribute matches; `exact` says whether every row returned matches some rule.
 */
function compileRuleSetToSql(rules, options) {
    const dialect = options.dialect ?? 'trino';
    const compiled = rules.map((rule) => ({ rule, ...compileWhere(rule, dialect) }));
    const where = or(compiled.map((c) => c.bounds.upper));
    const isExact = compiled.every((c) => c.bounds.upper === c.bounds.lower);
    const inexact = compiled.flatMap((c) => c.bounds.upper === c.bounds.lower ? [] : c.inexact.map((line) => `${c.rule.title}: ${line}`));
    return { sql: query(options, where), where, exact: isExact, inexact };
}

;// CONCATENATED MODULE: ./shared/cloudtrail/rules/sigma/index.ts
/**
 * Sigma rules for CloudTrail: parse once into a typed tree (parse.ts → detection.ts), then either
 * evaluate in-process (evaluate.ts) or compile to Athena/Trino SQL (sql.ts). Both read the same tree.
 *
 *   const { rules, problems } = parseSigmaRules(yamlText, 'rules/my.yml');
 *   const match = compileRule(rules[0], { virtualFields: { 'tt.openToWorld': (e) => openToWorld(e) } });
 *   if (match(record)) report(match.rule.author, match.rule.id, match.matchedSelections(record));
 *   const matchAll = compileRuleSet(rules, options); for (const record of records) for (const hit of matchAll(record)) …
 *   const { sql, exact } = compileRuleToSql(rules[0], { table: 'default.cloudtrail_logs', window, partition });
 */






/** True for rules written for CloudTrail (`logsource: product: aws, service: cloudtrail`). */
function isCloudTrailRule(rule) {
    return rule.logsource.product?.toLowerCase() === 'aws' && rule.logsource.service?.toLowerCase() === 'cloudtrail';
}
/** The rule's page in SigmaHQ's rule browser or its first reference, for "see also" links. */
function ruleLink(rule) {
    return rule.references.find((r) => /^https?:\/\//.test(r));
}
/** A RuleProblem as an InputError, for callers that refuse to run with any rule left out. */
function ruleProblemError(problem) {
    return new InputError(problem.rule ? `rule "${problem.rule}": ${problem.message}` : problem.message, {
        location: {
            file: problem.file,
            ...(problem.line !== undefined ? { line: problem.line } : {}),
            ...(problem.column !== undefined ? { column: problem.column } : {}),
        },
        hint: 'fix the rule, or remove it from the rule directory; telltale never runs part of a rule',
    });
}


/***/ }),

/***/ 9094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Y: () => (/* binding */ KEYWORD_FIELD),
/* harmony export */   Bk: () => (/* binding */ buildFieldTest),
/* harmony export */   mv: () => (/* binding */ RuleSyntaxError)
/* harmony export */ });
/* unused harmony export REGEX_MAX_LENGTH */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _regex_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6839);
/* harmony import */ var _wildcard_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(260);
/**
 * Field modifiers (Sigma spec v2 appendix "Modifiers", v2.1 for `neq`): turns
 * `field|mod|mod: values` into a typed FieldTest, or says precisely why it cannot.
 */



/** A problem found while reading one part of a rule; parse.ts attaches the file. */
class RuleSyntaxError extends Error {
    span;
    constructor(message, span) {
        super(message);
        this.name = 'RuleSyntaxError';
        this.span = span;
    }
}
/**
 * Longest `|re` pattern accepted. Matching is linear-time (regex.ts); this bounds the compiled
 * program's size, and so the cost per character.
 */
const REGEX_MAX_LENGTH = 1000;
const POSITION = new Set(['contains', 'startswith', 'endswith']);
const ENCODING = new Set(['utf16le', 'utf16be', 'utf16', 'wide']);
const COMPARE = new Set(['gt', 'gte', 'lt', 'lte']);
const RE_FLAGS = new Set(['i', 'm', 's']);
const KNOWN = new Set([
    ...POSITION,
    ...ENCODING,
    ...COMPARE,
    ...RE_FLAGS,
    'all',
    'cased',
    're',
    'cidr',
    'exists',
    'fieldref',
    'base64',
    'base64offset',
    'windash',
    'neq',
]);
const UNSUPPORTED = {
    expand: '`|expand` needs placeholder values supplied by a processing pipeline; telltale has none',
    minute: 'time-part modifiers (`|minute`, `|hour`, …) are not supported',
    hour: 'time-part modifiers (`|minute`, `|hour`, …) are not supported',
    day: 'time-part modifiers (`|minute`, `|hour`, …) are not supported',
    week: 'time-part modifiers (`|minute`, `|hour`, …) are not supported',
    month: 'time-part modifiers (`|minute`, `|hour`, …) are not supported',
    year: 'time-part modifiers (`|minute`, `|hour`, …) are not supported',
};
/**
 * The field name of a keyword search: Sigma rules specification v2, "Lists": values with no field
 * are searched in the whole event; `'|all': [a, b]` asks for every keyword.
 */
const KEYWORD_FIELD = '';
/** Modifiers that make no sense without a field (there is no one value to test or compare). */
const FIELD_ONLY = new Set(['exists', 'fieldref', 'neq', ...COMPARE]);
/**
 * Builds the FieldTest for `key: values`, where `key` is `field|mod|…` as written. An empty field
 * (`'|all'`, or a keyword list passed with key '') is a keyword search: each keyword is looked for
 * anywhere in any value of the event (implicitly `contains`, as a full-text search is).
 */
function buildFieldTest(key, values, span) {
    const [field = '', ...modifiers] = key.split('|');
    const keyword = field === KEYWORD_FIELD;
    const mods = new Set();
    for (const mod of modifiers) {
        if (UNSUPPORTED[mod])
            throw new RuleSyntaxError(`\`${key}\`: ${UNSUPPORTED[mod]}`, span);
        if (!KNOWN.has(mod))
            throw new RuleSyntaxError(`\`${key}\`: unknown modifier \`${mod}\``, span);
        if (mods.has(mod))
            throw new RuleSyntaxError(`\`${key}\`: modifier \`${mod}\` given twice`, span);
        mods.add(mod);
    }
    if (values.length === 0)
        throw new RuleSyntaxError(`\`${key}\`: the value list is empty`, span);
    // Modifiers appendix v2.1, "Generic Modifiers": single item values are not allowed an `all`.
    if (mods.has('all') && values.length < 2) {
        throw new RuleSyntaxError(`\`${key}\`: \`|all\` needs two or more values (Sigma modifiers appendix: single item values are not allowed an all modifier)`, span);
    }
    if (keyword) {
        const bad = [...mods].filter((m) => FIELD_ONLY.has(m));
        if (bad.length)
            throw new RuleSyntaxError(`\`${key}\`: a keyword search cannot take \`|${bad[0]}\``, span);
        if (values.some((v) => v.value === null)) {
            throw new RuleSyntaxError(`\`${key}\`: a keyword cannot be null`, span);
        }
        if (!['contains', 'startswith', 'endswith', 're', 'cidr', 'base64', 'base64offset'].some((m) => mods.has(m))) {
            mods.add('contains');
        }
    }
    const positions = [...mods].filter((m) => POSITION.has(m));
    if (positions.length > 1)
        throw new RuleSyntaxError(`\`${key}\`: ${positions.join(' and ')} exclude each other`, span);
    const position = positions[0];
    const compares = [...mods].filter((m) => COMPARE.has(m));
    const kinds = ['re', 'cidr', 'exists', 'fieldref', ...compares].filter((m) => mods.has(m));
    if (kinds.length > 1)
        throw new RuleSyntaxError(`\`${key}\`: ${kinds.join(' and ')} exclude each other`, span);
    const kind = kinds[0];
    const cased = mods.has('cased');
    const allow = (allowed) => {
        const extra = [...mods].filter((m) => m !== kind && m !== 'all' && !allowed.includes(m));
        if (extra.length) {
            throw new RuleSyntaxError(`\`${key}\`: \`${extra.join('|')}\` cannot be combined with \`${kind}\``, span);
        }
    };
    for (const f of RE_FLAGS) {
        if (mods.has(f) && kind !== 're')
            throw new RuleSyntaxError(`\`${key}\`: \`|${f}\` is a flag of \`|re\``, span);
    }
    const one = (build) => values.map(build);
    let tests;
    if (kind === 're') {
        allow(['i', 'm', 's']);
        tests = one((v) => regexTest(key, v, mods));
    }
    else if (kind === 'cidr') {
        allow([]);
        tests = one((v) => cidrTest(key, v));
    }
    else if (kind === 'exists') {
        allow([]);
        if (values.length !== 1)
            throw new RuleSyntaxError(`\`${key}\`: \`|exists\` takes one value, true or false`, span);
        tests = one((v) => {
            const text = String(v.value).toLowerCase();
            if (text !== 'true' && text !== 'false') {
                throw new RuleSyntaxError(`\`${key}\`: \`|exists\` takes true or false, not ${JSON.stringify(v.value)}`, v.span);
            }
            return { kind: 'exists', exists: text === 'true' };
        });
    }
    else if (kind === 'fieldref') {
        allow(['contains', 'startswith', 'endswith', 'cased']);
        tests = one((v) => {
            if (typeof v.value !== 'string' || v.value === '') {
                throw new RuleSyntaxError(`\`${key}\`: \`|fieldref\` takes a field name`, v.span);
            }
            return { kind: 'fieldref', field: v.value, path: v.value.split('.'), position: position ?? 'equals', cased };
        });
    }
    else if (kind !== undefined) {
        allow([]);
        tests = one((v) => {
            const n = typeof v.value === 'number' ? v.value : typeof v.value === 'string' ? Number(v.value) : NaN;
            if (v.value === '' || !Number.isFinite(n)) {
                throw new RuleSyntaxError(`\`${key}\`: \`|${kind}\` takes a number, not ${JSON.stringify(v.value)}`, v.span);
            }
            return { kind: 'compare', op: kind, value: n };
        });
    }
    else {
        tests = one((v) => stringTest(key, v, mods, position, cased));
    }
    if (mods.has('all') && tests.some((t) => t.kind === 'null')) {
        throw new RuleSyntaxError(`\`${key}\`: \`|all\` with a null value can never match`, span);
    }
    return {
        field,
        path: field.split('.'),
        modifiers,
        combine: mods.has('all') ? 'all' : 'any',
        values: tests,
        span,
    };
}
function stringTest(key, v, mods, position, cased) {
    const encoded = [...mods].filter((m) => ENCODING.has(m));
    const base64 = mods.has('base64') || mods.has('base64offset');
    if (v.value === null) {
        if ([...mods].some((m) => m !== 'all')) {
            throw new RuleSyntaxError(`\`${key}\`: null cannot take modifiers; write \`${key.split('|')[0]}: null\``, v.span);
        }
        return { kind: 'null' };
    }
    if (encoded.length > 1)
        throw new RuleSyntaxError(`\`${key}\`: ${encoded.join(' and ')} exclude each other`, v.span);
    if (encoded.length && !base64) {
        throw new RuleSyntaxError(`\`${key}\`: \`|${encoded[0]}\` only makes sense before \`|base64\` or \`|base64offset\``, v.span);
    }
    if (mods.has('base64') && mods.has('base64offset')) {
        throw new RuleSyntaxError(`\`${key}\`: base64 and base64offset exclude each other`, v.span);
    }
    if (mods.has('base64offset') && position !== 'contains') {
        throw new RuleSyntaxError(`\`${key}\`: \`|base64offset\` must be followed by \`|contains\``, v.span);
    }
    if (mods.has('windash') && base64) {
        throw new RuleSyntaxError(`\`${key}\`: windash cannot be combined with base64`, v.span);
    }
    const text = String(v.value);
    const place = (p) => (0,_wildcard_js__WEBPACK_IMPORTED_MODULE_2__/* .surround */ .DE)(p, position === 'contains' || position === 'endswith', position === 'contains' || position === 'startswith');
    let patterns;
    if (base64) {
        // Encoded values are literal bytes: wildcards in them would be encoded too, so they are refused.
        if (/(?<!\\)[*?]/.test(text)) {
            throw new RuleSyntaxError(`\`${key}\`: wildcards cannot be base64-encoded`, v.span);
        }
        const bytes = encodeText(patternText(text), encoded[0]);
        const encodings = mods.has('base64offset') ? base64Offsets(bytes) : [bytes.toString('base64')];
        patterns = encodings.map((e) => place((0,_wildcard_js__WEBPACK_IMPORTED_MODULE_2__/* .literalPattern */ .Kf)(e)));
    }
    else if (mods.has('windash')) {
        patterns = windashVariants(text).map((t) => place((0,_wildcard_js__WEBPACK_IMPORTED_MODULE_2__/* .parseSigmaString */ .oy)(t)));
    }
    else {
        patterns = [place(typeof v.value === 'string' ? (0,_wildcard_js__WEBPACK_IMPORTED_MODULE_2__/* .parseSigmaString */ .oy)(text) : (0,_wildcard_js__WEBPACK_IMPORTED_MODULE_2__/* .literalPattern */ .Kf)(text))];
    }
    // base64 output is case-sensitive by nature: `QQ==` and `qq==` are different bytes.
    const exactCase = cased || base64;
    if (mods.has('neq')) {
        if (patterns.length !== 1)
            throw new RuleSyntaxError(`\`${key}\`: \`|neq\` takes plain values`, v.span);
        return { kind: 'neq', pattern: patterns[0], cased: exactCase };
    }
    if (patterns.length === 1)
        return { kind: 'string', pattern: patterns[0], cased: exactCase };
    return { kind: 'variants', patterns, cased: exactCase };
}
function patternText(text) {
    return text.replace(/\\([*?\\])/g, '$1');
}
function encodeText(text, encoding) {
    if (encoding === 'utf16le' || encoding === 'wide')
        return Buffer.from(text, 'utf16le');
    if (encoding === 'utf16be')
        return Buffer.from(text, 'utf16le').swap16();
    if (encoding === 'utf16')
        return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    return Buffer.from(text, 'utf8');
}
/**
 * The three base64 renderings of `bytes` at byte offsets 0, 1 and 2 inside a larger string, trimmed
 * to the characters that do not depend on the neighbouring bytes (pySigma `SigmaBase64OffsetModifier`).
 */
function base64Offsets(bytes) {
    const start = [0, 2, 3];
    const end = [0, -3, -2];
    const out = [];
    for (let i = 0; i < 3; i++) {
        const shifted = Buffer.concat([Buffer.alloc(i, 0x20), bytes]).toString('base64');
        const cut = end[(bytes.length + i) % 3];
        out.push(shifted.slice(start[i], cut === 0 ? undefined : cut));
    }
    return out;
}
/** `-` and `/` introducing a command-line flag, rendered with each dash Windows accepts. */
function windashVariants(text) {
    const variants = ['-', '/', '\u2013', '\u2014', '\u2015'].map((dash) => text.replace(/\B[-/](?=\w)/g, dash));
    return [...new Set(variants)];
}
function regexTest(key, v, mods) {
    if (typeof v.value !== 'string') {
        throw new RuleSyntaxError(`\`${key}\`: \`|re\` takes a string pattern`, v.span);
    }
    const source = v.value;
    const flags = [...RE_FLAGS].filter((f) => mods.has(f)).join('');
    if (source.length > REGEX_MAX_LENGTH) {
        throw new RuleSyntaxError(`\`${key}\`: regular expression longer than ${REGEX_MAX_LENGTH} characters`, v.span);
    }
    try {
        (0,_regex_js__WEBPACK_IMPORTED_MODULE_1__/* .compileLinearRegex */ .I)(source, flags);
    }
    catch (error) {
        if (!(error instanceof _regex_js__WEBPACK_IMPORTED_MODULE_1__/* .RegexSyntaxError */ .J))
            throw error;
        throw new RuleSyntaxError(`\`${key}\`: not a regular expression telltale can run in linear time (${error.message}); Sigma's regex flavour has no lookaround, atomic groups or backreferences`, v.span);
    }
    return { kind: 're', source, flags };
}
function cidrTest(key, v) {
    const text = String(v.value ?? '');
    const slash = text.indexOf('/');
    const address = slash < 0 ? text : text.slice(0, slash);
    const family = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(address);
    const max = family === 6 ? 128 : 32;
    const prefix = slash < 0 ? max : Number(text.slice(slash + 1));
    if (family === 0 ||
        !Number.isInteger(prefix) ||
        prefix < 0 ||
        prefix > max ||
        (slash >= 0 && !/^\d+$/.test(text.slice(slash + 1)))) {
        throw new RuleSyntaxError(`\`${key}\`: ${JSON.stringify(v.value)} is not a CIDR network such as 10.0.0.0/8`, v.span);
    }
    return { kind: 'cidr', network: address, prefix, family: family };
}


/***/ }),

/***/ 6839:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ compileLinearRegex),
/* harmony export */   J: () => (/* binding */ RegexSyntaxError)
/* harmony export */ });
/* harmony import */ var re2js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2856);
/**
 * Every regular expression a rule author writes (`|re`, and the wildcards `*` `?` that do not reduce
 * to a plain comparison) runs on re2js, a JavaScript port of RE2: matching takes time linear in the
 * input whatever the pattern, so `^(a|a)+$` against 100k characters of attacker-controlled log text
 * is milliseconds, not the exponential backtracking of JavaScript's RegExp.
 *
 * Sigma modifiers appendix v2.1, "Regular Expression": the flavour is PCRE's common core (`.`, `^`,
 * `$`, `* + ? {n,m}`, classes, groups, `|`), which RE2 accepts; lookaround and atomic groups are
 * named unsupported there, and RE2 refuses them too, so such a rule is a problem of its own, never a
 * silent mismatch. Sub-modifiers `|i`, `|m`, `|s` map to RE2's CASE_INSENSITIVE, MULTILINE, DOTALL.
 */

class RegexSyntaxError extends Error {
    constructor(message) {
        super(message);
        this.name = 'RegexSyntaxError';
    }
}
/** Compiles `source` with Sigma flags; throws RegexSyntaxError with RE2's reason when it cannot. */
function compileLinearRegex(source, flags = '') {
    let bits = 0;
    for (const f of flags) {
        if (f === 'i')
            bits |= re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.CASE_INSENSITIVE;
        else if (f === 'm')
            bits |= re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.MULTILINE;
        else if (f === 's')
            bits |= re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.DOTALL;
        else
            throw new RegexSyntaxError(`unknown regular expression flag ${JSON.stringify(f)}`);
    }
    let re;
    try {
        re = re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.compile(source, bits);
    }
    catch (error) {
        throw new RegexSyntaxError(error.message.replace(/^error parsing regexp: /, ''));
    }
    return { test: (text) => re.test(text) };
}


/***/ }),

/***/ 260:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DE: () => (/* binding */ surround),
/* harmony export */   GK: () => (/* binding */ patternToRegExpSource),
/* harmony export */   Kf: () => (/* binding */ literalPattern),
/* harmony export */   Sj: () => (/* binding */ literalRuns),
/* harmony export */   YY: () => (/* binding */ patternShape),
/* harmony export */   oy: () => (/* binding */ parseSigmaString)
/* harmony export */ });
/* unused harmony export patternToSigma */
const SPECIAL = new Set(['*', '?', '\\']);
/** Parses a value as written in a rule into literal text and wildcards. */
function parseSigmaString(raw) {
    const parts = [];
    let text = '';
    const flush = () => {
        if (text)
            parts.push({ kind: 'text', text });
        text = '';
    };
    for (let i = 0; i < raw.length; i++) {
        const ch = raw[i];
        if (ch === '\\') {
            const next = raw[i + 1];
            if (next !== undefined && SPECIAL.has(next)) {
                text += next;
                i++;
            }
            else {
                text += ch;
            }
        }
        else if (ch === '*' || ch === '?') {
            flush();
            parts.push(ch === '*' ? { kind: 'any' } : { kind: 'one' });
        }
        else {
            text += ch;
        }
    }
    flush();
    return { parts: mergeAny(parts) };
}
/** Literal text with no wildcard meaning (numbers, booleans, base64 output). */
function literalPattern(text) {
    return { parts: text ? [{ kind: 'text', text }] : [] };
}
/** Adds a leading and/or trailing `*` (what `contains`, `startswith` and `endswith` mean). */
function surround(pattern, before, after) {
    const parts = [...pattern.parts];
    if (before)
        parts.unshift({ kind: 'any' });
    if (after)
        parts.push({ kind: 'any' });
    return { parts: mergeAny(parts) };
}
// Consecutive `*` mean the same as one; merging keeps the regex linear and the LIKE pattern short.
function mergeAny(parts) {
    const out = [];
    for (const part of parts) {
        const last = out[out.length - 1];
        if (part.kind === 'any' && last?.kind === 'any')
            continue;
        if (part.kind === 'text' && last?.kind === 'text') {
            out[out.length - 1] = { kind: 'text', text: last.text + part.text };
            continue;
        }
        out.push(part);
    }
    return out;
}
/** The pattern written back in Sigma syntax, for explanations. */
function patternToSigma(pattern) {
    return pattern.parts
        .map((p) => (p.kind === 'any' ? '*' : p.kind === 'one' ? '?' : p.text.replace(/[*?\\]/g, '\\$&')))
        .join('');
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
/** An anchored RegExp source for the pattern (`*` → `[\s\S]*`, `?` → `[\s\S]`). */
function patternToRegExpSource(pattern) {
    const body = pattern.parts
        .map((p) => (p.kind === 'any' ? '[\\s\\S]*' : p.kind === 'one' ? '[\\s\\S]' : escapeRegExp(p.text)))
        .join('');
    return `^${body}$`;
}
function patternShape(pattern) {
    const p = pattern.parts;
    if (p.length === 0)
        return { kind: 'equals', text: '' };
    if (p.length === 1) {
        const only = p[0];
        if (only.kind === 'text')
            return { kind: 'equals', text: only.text };
        if (only.kind === 'any')
            return { kind: 'anything' };
        return { kind: 'regexp' };
    }
    const [first, second, third] = p;
    if (p.length === 2 && first.kind === 'text' && second.kind === 'any')
        return { kind: 'startswith', text: first.text };
    if (p.length === 2 && first.kind === 'any' && second.kind === 'text')
        return { kind: 'endswith', text: second.text };
    if (p.length === 3 && first.kind === 'any' && second.kind === 'text' && third.kind === 'any') {
        return { kind: 'contains', text: second.text };
    }
    return { kind: 'regexp' };
}
/** The literal runs of a pattern, in order (every match contains them in this order). */
function literalRuns(pattern) {
    return pattern.parts.flatMap((p) => (p.kind === 'text' ? [p.text] : []));
}


/***/ }),

/***/ 1820:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCloudTrailScan: () => (/* binding */ runCloudTrailScan)
});

// UNUSED EXPORTS: DEFAULT_SUPPRESSIONS, loadSuppressions

// EXTERNAL MODULE: ./shared/cloudtrail/provenance.ts
var provenance = __webpack_require__(3705);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./shared/cloudtrail/rules/builtin/files.ts
/**
 * The built-in rule pack: one Sigma file per rule in `sigma/` (ours, author `telltale`; rules that
 * count over many events are Sigma correlation rules, e.g. access-denied-burst.yml), and the `tt.*`
 * virtual fields they read (virtual-fields.ts). Each file is named here literally so a bundler copies it with the code;
 * test/cloudtrail/builtin-rules.test.ts checks this list against the folder.
 */
const BUILTIN_RULE_FILES = [
    __webpack_require__.ab + "access-denied-burst.yml",
    __webpack_require__.ab + "access-key-for-other-user.yml",
    __webpack_require__.ab + "admin-policy-attached.yml",
    __webpack_require__.ab + "backup-recovery-point-deleted.yml",
    __webpack_require__.ab + "bedrock-model-access-enabled.yml",
    __webpack_require__.ab + "cloudtrail-stopped.yml",
    __webpack_require__.ab + "cloudtrail-weakened.yml",
    __webpack_require__.ab + "config-disabled.yml",
    __webpack_require__.ab + "console-delete.yml",
    __webpack_require__.ab + "console-login-without-mfa.yml",
    __webpack_require__.ab + "default-route-changed.yml",
    __webpack_require__.ab + "discovery-burst.yml",
    __webpack_require__.ab + "ebs-default-encryption-disabled.yml",
    __webpack_require__.ab + "ec2-ami-deregistered.yml",
    __webpack_require__.ab + "ec2-instance-connect-key-pushed.yml",
    __webpack_require__.ab + "ec2-key-pair-created.yml",
    __webpack_require__.ab + "ec2-password-data-read.yml",
    __webpack_require__.ab + "ec2-serial-console-enabled.yml",
    __webpack_require__.ab + "ec2-serial-console-key-pushed.yml",
    __webpack_require__.ab + "ec2-unusual-instance-launch.yml",
    __webpack_require__.ab + "ec2-user-data-bulk-read.yml",
    __webpack_require__.ab + "ec2-user-data-changed.yml",
    __webpack_require__.ab + "elb-attributes-modified.yml",
    __webpack_require__.ab + "elb-listener-modified.yml",
    __webpack_require__.ab + "guardduty-disabled.yml",
    __webpack_require__.ab + "iam-user-created-by-hand.yml",
    __webpack_require__.ab + "identity-provider-changed.yml",
    __webpack_require__.ab + "inline-admin-policy.yml",
    __webpack_require__.ab + "kms-key-disabled-or-deleted.yml",
    __webpack_require__.ab + "lambda-code-overwritten.yml",
    __webpack_require__.ab + "lambda-layer-added.yml",
    __webpack_require__.ab + "lambda-public-invoke.yml",
    __webpack_require__.ab + "leave-organization.yml",
    __webpack_require__.ab + "login-profile-for-other-user.yml",
    __webpack_require__.ab + "logs-log-group-deleted.yml",
    __webpack_require__.ab + "mfa-deactivated.yml",
    __webpack_require__.ab + "nacl-allow-all-traffic.yml",
    __webpack_require__.ab + "nacl-allow-world.yml",
    __webpack_require__.ab + "rds-made-public.yml",
    __webpack_require__.ab + "rds-subnet-group-modified.yml",
    __webpack_require__.ab + "region-enabled.yml",
    __webpack_require__.ab + "resolver-query-logs-deleted.yml",
    __webpack_require__.ab + "rolesanywhere-trust-anchor.yml",
    __webpack_require__.ab + "root-access-key-created.yml",
    __webpack_require__.ab + "root-api-use.yml",
    __webpack_require__.ab + "root-console-login-without-mfa.yml",
    __webpack_require__.ab + "root-console-login.yml",
    __webpack_require__.ab + "s3-bucket-made-public.yml",
    __webpack_require__.ab + "s3-bucket-policy-foreign-account.yml",
    __webpack_require__.ab + "s3-lifecycle-short-expiry.yml",
    __webpack_require__.ab + "s3-mass-delete.yml",
    __webpack_require__.ab + "s3-object-encrypted-with-customer-key.yml",
    __webpack_require__.ab + "s3-public-access-block-removed.yml",
    __webpack_require__.ab + "s3-versioning-suspended.yml",
    __webpack_require__.ab + "sagemaker-lifecycle-config.yml",
    __webpack_require__.ab + "secrets-batch-read.yml",
    __webpack_require__.ab + "secrets-bulk-read.yml",
    __webpack_require__.ab + "securityhub-disabled.yml",
    __webpack_require__.ab + "ses-sending-checked.yml",
    __webpack_require__.ab + "sg-open-world-admin-port.yml",
    __webpack_require__.ab + "sg-open-world-all.yml",
    __webpack_require__.ab + "sg-open-world-other-port.yml",
    __webpack_require__.ab + "sg-open-world-web.yml",
    __webpack_require__.ab + "snapshot-made-public.yml",
    __webpack_require__.ab + "snapshot-shared-foreign-account.yml",
    __webpack_require__.ab + "ssm-parameters-read-by-path.yml",
    __webpack_require__.ab + "ssm-securestring-bulk-read.yml",
    __webpack_require__.ab + "ssm-session-by-human.yml",
    __webpack_require__.ab + "ssm-session-started.yml",
    __webpack_require__.ab + "ssm-shell-command.yml",
    __webpack_require__.ab + "sts-federation-token.yml",
    __webpack_require__.ab + "trust-policy-foreign-account.yml",
    __webpack_require__.ab + "trust-policy-public.yml",
    __webpack_require__.ab + "vpc-flow-logs-deleted.yml",
];

// EXTERNAL MODULE: ./shared/cloudtrail/rules/builtin/virtual-fields.ts + 4 modules
var virtual_fields = __webpack_require__(7112);
// EXTERNAL MODULE: ./shared/cloudtrail/record.ts
var cloudtrail_record = __webpack_require__(6563);
// EXTERNAL MODULE: ./shared/cloudtrail/rules/sigma/evaluate.ts + 1 modules
var evaluate = __webpack_require__(6303);
;// CONCATENATED MODULE: ./shared/cloudtrail/rules/correlation.ts



/** A group judged exactly until it holds this many entries; then expiry starts. */
const SOFT_ENTRIES = 512;
/** Entries kept per group, whatever the order of arrival. */
const MAX_ENTRIES = 4096;
/** Groups kept per correlation. */
const MAX_GROUPS = 100_000;
/** How late (relative to the newest record of its group) a record may arrive and still be counted. */
const LATENESS_MS = 3_600_000;
/** Event IDs kept with a hit. */
const MAX_HIT_IDS = 200;
/** One correlation over one stream. */
class CorrelationState {
    correlation;
    groupKey;
    valueOf;
    groups = new Map();
    span;
    need;
    dropped = 0;
    trimmed = 0;
    /** Whether groups let go of entries that cannot change a count (see the header). */
    thins;
    constructor(correlation, members, virtualFields = {}) {
        this.correlation = correlation;
        this.span = correlation.timespan.ms;
        this.need = members.length;
        this.thins = correlation.type === 'value_count' || correlation.type === 'temporal';
        const fieldFor = (field, member) => (member.name !== undefined ? correlation.aliases[field]?.[member.name] : undefined) ?? field;
        this.groupKey = members.map((member) => {
            const resolvers = correlation.groupBy.map((g) => (0,evaluate/* fieldResolver */.PJ)(fieldFor(g, member), virtualFields));
            return (record) => resolvers.map((r) => firstText(r(record)) ?? '');
        });
        this.valueOf = members.map((member) => {
            if (correlation.type !== 'value_count' || !correlation.field)
                return () => undefined;
            const r = (0,evaluate/* fieldResolver */.PJ)(fieldFor(correlation.field, member), virtualFields);
            return (record) => firstText(r(record));
        });
    }
    /** A record the `member`-th referred rule matched. */
    observe(member, record) {
        const t = Date.parse((0,cloudtrail_record/* str */.gx)(record.eventTime) ?? '');
        if (Number.isNaN(t))
            return;
        const value = this.valueOf[member](record);
        // value_count counts values; an event without one adds nothing (as COUNT(DISTINCT x) skips NULL).
        if (this.correlation.type === 'value_count' && value === undefined)
            return;
        const values = this.groupKey[member](record);
        // One group-by field (the common case) is its own key; several are joined unambiguously.
        const key = values.length === 1 ? values[0] : JSON.stringify(values);
        let group = this.groups.get(key);
        if (!group) {
            if (this.groups.size >= MAX_GROUPS) {
                this.dropped++;
                return;
            }
            this.groups.set(key, (group = { values, entries: [], dead: 0, limit: SOFT_ENTRIES, best: undefined }));
            if (this.thins)
                group.byKey = new Map();
        }
        const entry = { t, member, value, record: slim(record) };
        insertSorted(group.entries, entry);
        if (group.byKey)
            this.thin(group, entry);
        // Expiry waits for the entry limit, not for time: sources arrive out of order by days (the
        // local walk reads region after region), and a group judged exactly must keep them all.
        if (group.entries.length - group.dead >= group.limit)
            this.expire(group, t);
    }
    /** Entries held now, over every group (a measure of the state's memory). */
    size() {
        let n = 0;
        for (const g of this.groups.values())
            n += g.entries.length - g.dead;
        return n;
    }
    /** What a thinned group counts an entry under: its value (value_count) or its rule (temporal). */
    countedKey(entry) {
        return this.correlation.type === 'value_count' ? entry.value : entry.member;
    }
    /**
     * Files the entry under its counted key and lets go of the neighbours it makes redundant: an entry
     * whose previous and next entries of the same key lie within one timespan of each other.
     */
    thin(group, entry) {
        const k = this.countedKey(entry);
        const list = group.byKey.get(k);
        if (!list) {
            group.byKey.set(k, [entry]);
            return;
        }
        const i = insertSorted(list, entry);
        // Highest first, so that a removal does not move the positions still to be looked at.
        for (let j = Math.min(i + 1, list.length - 2); j >= Math.max(1, i - 1); j--) {
            if (list[j + 1].t - list[j - 1].t <= this.span) {
                list[j].dead = true;
                group.dead++;
                list.splice(j, 1);
            }
        }
        // Dead entries are dropped from the time-ordered list once they are most of it.
        if (group.dead > 64 && group.dead * 2 > group.entries.length)
            compact(group);
    }
    /** The groups whose busiest timespan satisfies the condition. */
    end() {
        const hits = [];
        const condition = this.condition();
        for (const group of this.groups.values()) {
            this.sweep(group);
            const best = group.best;
            if (!best || !satisfies(best.metric, condition))
                continue;
            hits.push({
                record: best.record,
                metric: best.metric,
                first: new Date(best.first).toISOString(),
                last: new Date(best.last).toISOString(),
                eventIds: best.ids,
                eventNames: best.names,
                group: group.values,
            });
        }
        return hits;
    }
    notes() {
        const out = [];
        if (this.dropped) {
            out.push(`${this.dropped} matching events fell in groups beyond the first ${MAX_GROUPS} and were not counted`);
        }
        if (this.trimmed) {
            out.push(`a group held more than ${(MAX_ENTRIES * 3) / 4} events within the timespan + 1h; ${this.trimmed} were let go, so its busiest-timespan count is a lower bound`);
        }
        return out;
    }
    condition() {
        if (this.correlation.condition)
            return this.correlation.condition;
        // Temporal types without a condition: every referred rule ("All events defined by the rules
        // referred by the rule field must occur in the time frame").
        return { gte: this.need };
    }
    /** Remembers the busiest stretch so far, then lets go of entries far from the newest arrival. */
    expire(group, cursor) {
        this.sweep(group);
        const horizon = this.span + LATENESS_MS;
        let kept = group.entries.filter((e) => !e.dead && Math.abs(e.t - cursor) <= horizon);
        if (kept.length > (MAX_ENTRIES * 3) / 4) {
            // Still (nearly) too many: keep the half nearest the newest arrival, so the next expiry is
            // thousands of arrivals away and the cost per record stays constant.
            const byDistance = [...kept].sort((a, b) => Math.abs(a.t - cursor) - Math.abs(b.t - cursor));
            const keep = new Set(byDistance.slice(0, MAX_ENTRIES / 2));
            this.trimmed += kept.length - keep.size;
            kept = kept.filter((e) => keep.has(e));
        }
        group.entries = kept;
        group.dead = 0;
        if (group.byKey) {
            group.byKey.clear();
            for (const e of kept) {
                const k = this.countedKey(e);
                const list = group.byKey.get(k);
                if (list)
                    list.push(e);
                else
                    group.byKey.set(k, [e]);
            }
        }
        group.limit = Math.min(MAX_ENTRIES + 1, Math.max(SOFT_ENTRIES, kept.length * 2));
    }
    /** The group's busiest timespan-long stretch of entries, folded into `group.best`. */
    sweep(group) {
        if (group.dead)
            compact(group);
        const e = group.entries;
        if (e.length === 0)
            return;
        const found = measure(this.correlation.type, e, this.span, this.need);
        if (!found || (group.best && group.best.metric >= found.metric))
            return;
        const stretch = e.slice(found.lo, found.hi + 1);
        const names = new Set();
        for (const x of stretch)
            if (names.size < 10)
                names.add((0,cloudtrail_record/* str */.gx)(x.record.eventName) ?? '?');
        group.best = {
            metric: found.metric,
            first: stretch[0].t,
            last: stretch[stretch.length - 1].t,
            ids: stretch.slice(0, MAX_HIT_IDS).map((x) => (0,cloudtrail_record/* str */.gx)(x.record.eventID) ?? ''),
            names: [...names].sort(),
            record: stretch[stretch.length - 1].record,
        };
    }
}
/**
 * What an entry keeps of its record: every top-level field but the request and response payloads,
 * of which only the request's scalar values stay (the names and ids a finding shows as resources
 * and a group-by may read). A busy night files hundreds of thousands of entries; whole records made
 * the scan's memory grow with its input and its time go to the garbage collector.
 */
const HEAVY = new Set(['requestParameters', 'responseElements', 'additionalEventData', 'serviceEventDetails']);
function slim(record) {
    const out = {};
    // The pipeline evidence the scan marked (a symbol key, which for-in does not copy): without it a
    // correlation's finding would ignore the declared pipeline principals.
    (0,provenance/* copyProvenance */.FP)(record, out);
    for (const key in record) {
        const value = record[key];
        if (!HEAVY.has(key))
            out[key] = value;
        else if (key === 'requestParameters' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
            const scalars = {};
            for (const k in value) {
                const v = value[k];
                if (v === null || typeof v !== 'object')
                    scalars[k] = v;
            }
            out[key] = scalars;
        }
    }
    return out;
}
/** Drops the thinned entries from the group's time-ordered list. */
function compact(group) {
    group.entries = group.entries.filter((e) => !e.dead);
    group.dead = 0;
}
/**
 * Entries stay in (time, member) order; records mostly arrive in order, so this is mostly a push.
 * Returns where the entry went.
 */
function insertSorted(entries, entry) {
    const before = (a, b) => a.t < b.t || (a.t === b.t && a.member <= b.member);
    if (entries.length === 0 || before(entries[entries.length - 1], entry)) {
        entries.push(entry);
        return entries.length - 1;
    }
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(entries[mid], entry))
            lo = mid + 1;
        else
            hi = mid;
    }
    entries.splice(lo, 0, entry);
    return lo;
}
/** The busiest stretch of at most `span` ms: its measure and its first and last entry. */
function measure(type, e, span, need) {
    let best;
    const consider = (metric, lo, hi) => {
        if (metric > 0 && (!best || metric > best.metric))
            best = { metric, lo, hi };
    };
    if (type === 'temporal_ordered') {
        // From each match of the first rule, the greedy walk finds the longest in-order prefix in reach.
        for (let lo = 0; lo < e.length; lo++) {
            if (e[lo].member !== 0)
                continue;
            let k = 1;
            let hi = lo;
            for (let r = lo + 1; r < e.length && e[r].t - e[lo].t <= span && k < need; r++) {
                if (e[r].member === k) {
                    k++;
                    hi = r;
                }
            }
            consider(k, lo, hi);
            if (k === need)
                break;
        }
        return best;
    }
    // Two pointers over time order: [lo, hi] is the longest stretch ending at hi within the span.
    const counts = new Map();
    const keyOf = (x) => type === 'value_count' ? x.value : type === 'temporal' ? x.member : undefined;
    let lo = 0;
    for (let hi = 0; hi < e.length; hi++) {
        const k = keyOf(e[hi]);
        if (k !== undefined)
            counts.set(k, (counts.get(k) ?? 0) + 1);
        while (e[hi].t - e[lo].t > span) {
            const old = keyOf(e[lo]);
            if (old !== undefined) {
                const n = counts.get(old) - 1;
                if (n === 0)
                    counts.delete(old);
                else
                    counts.set(old, n);
            }
            lo++;
        }
        consider(type === 'event_count' ? hi - lo + 1 : counts.size, lo, hi);
    }
    return best;
}
/** Correlation rules specification v2, "Condition": every bound given must hold (a range is AND). */
function satisfies(n, c) {
    if (c.gt !== undefined && !(n > c.gt))
        return false;
    if (c.gte !== undefined && !(n >= c.gte))
        return false;
    if (c.lt !== undefined && !(n < c.lt))
        return false;
    if (c.lte !== undefined && !(n <= c.lte))
        return false;
    if (c.eq !== undefined && n !== c.eq)
        return false;
    if (c.neq !== undefined && n === c.neq)
        return false;
    return true;
}
function firstText(values) {
    for (const v of values) {
        if (v === null || v === undefined)
            continue;
        return typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
    return undefined;
}
/** A correlation's bound notes as rule problems, for the report. */
function correlationNotes(state) {
    const c = state.correlation;
    return state.notes().map((message) => ({
        file: c.source.file,
        line: c.source.line,
        rule: c.title,
        message: `correlation: ${message}`,
    }));
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./shared/util/errors.ts
var errors = __webpack_require__(1472);
;// CONCATENATED MODULE: ./shared/cloudtrail/rules/folder.ts
/**
 * Reads a `--rules` folder (or file) of Sigma YAML. A folder is input an attacker may shape (a
 * pull request adding rules), so every entry is opened the same careful way: symlinks are followed
 * once and only to regular files or folders inside no loop; a dangling link, a device (`/dev/zero`),
 * a FIFO, a socket, a file too large or one that cannot be read is a problem of its own, named with
 * its path, and the scan goes on with the other files. Nothing can block: files are opened
 * non-blocking and checked with fstat before a byte is read, so a FIFO swapped in after the
 * directory listing is still refused rather than waited on.
 */




/** Largest rule file read; SigmaHQ's biggest rules are a few KiB. */
const MAX_RULE_FILE_BYTES = 1024 * 1024;
/** Folders deep and files many enough for any rule pack; a bound on what a hostile tree costs. */
const MAX_DEPTH = 32;
const MAX_FILES = 20_000;
/** The rule files under `dir` with their text, and a problem for each entry that could not be read. */
async function readRuleFiles(dir) {
    const top = await (0,promises_.stat)(dir).catch((error) => {
        throw new errors.InputError(error.code === 'ENOENT' ? 'no such rule file or folder' : `cannot read the rule folder (${error.code})`, { location: { file: dir }, hint: '--rules takes a folder of Sigma .yml files' });
    });
    const files = [];
    const problems = [];
    const problem = (file, message) => void problems.push({ file, message });
    if (!top.isDirectory()) {
        const read = await readRuleFile(dir);
        if (typeof read === 'string')
            files.push({ file: dir, text: read });
        else
            problem(dir, read.problem);
        return { files, problems };
    }
    const seen = new Set();
    let count = 0;
    const walk = async (d, depth) => {
        const real = await (0,promises_.realpath)(d).catch(() => d);
        if (seen.has(real))
            return problem(d, 'a folder reached twice through symlinks (a loop?); read once');
        seen.add(real);
        if (depth > MAX_DEPTH)
            return problem(d, `folders nested deeper than ${MAX_DEPTH}; not read`);
        let entries;
        try {
            entries = await (0,promises_.readdir)(d, { withFileTypes: true });
        }
        catch (error) {
            return problem(d, `cannot list the folder (${error.code ?? 'error'})`);
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
            if (entry.name.startsWith('.'))
                continue;
            const full = external_node_path_default().join(d, entry.name);
            let kind = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
            if (entry.isSymbolicLink()) {
                const target = await (0,promises_.stat)(full).catch((error) => error);
                if (target instanceof Error) {
                    if (isRuleName(entry.name)) {
                        problem(full, target.code === 'ENOENT'
                            ? 'a symlink to nothing (dangling)'
                            : `cannot follow the symlink (${target.code ?? 'error'})`);
                    }
                    continue;
                }
                kind = target.isDirectory() ? 'dir' : 'file';
            }
            if (kind === 'dir') {
                await walk(full, depth + 1);
                continue;
            }
            if (!isRuleName(entry.name))
                continue;
            if (++count > MAX_FILES) {
                if (count === MAX_FILES + 1)
                    problem(d, `more than ${MAX_FILES} rule files; the rest are not read`);
                continue;
            }
            if (kind === 'other') {
                problem(full, `${describeKind(entry)}, not a rule file; skipped`);
                continue;
            }
            const read = await readRuleFile(full);
            if (typeof read === 'string')
                files.push({ file: full, text: read });
            else
                problem(full, read.problem);
        }
    };
    await walk(dir, 0);
    return { files, problems };
}
function isRuleName(name) {
    return /\.ya?ml$/i.test(name);
}
function describeKind(entry) {
    if (entry.isFIFO())
        return 'a FIFO (named pipe)';
    if (entry.isSocket())
        return 'a socket';
    if (entry.isCharacterDevice() || entry.isBlockDevice())
        return 'a device';
    return 'not a regular file';
}
/** A regular file's text, or why it was not read. Never blocks, never reads past the bound. */
async function readRuleFile(file) {
    let handle;
    try {
        handle = await (0,promises_.open)(file, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK | external_node_fs_.constants.O_NOCTTY);
    }
    catch (error) {
        const code = error.code;
        return { problem: code === 'ENOENT' ? 'a symlink to nothing (dangling)' : `cannot open (${code ?? 'error'})` };
    }
    try {
        const info = await handle.stat();
        if (info.isFIFO())
            return { problem: 'a FIFO (named pipe), not a rule file; skipped' };
        if (info.isCharacterDevice() || info.isBlockDevice())
            return { problem: 'a device, not a rule file; skipped' };
        if (!info.isFile())
            return { problem: 'not a regular file; skipped' };
        if (info.size > MAX_RULE_FILE_BYTES) {
            return {
                problem: `${info.size} bytes, larger than the ${MAX_RULE_FILE_BYTES}-byte limit for a rule file; skipped`,
            };
        }
        // Read in chunks up to one byte past the bound, whatever stat said: a file growing while read
        // (or one in /proc that reports size 0) stays bounded and is read whole.
        const chunks = [];
        let length = 0;
        for (;;) {
            const chunk = Buffer.alloc(64 * 1024);
            const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
            if (bytesRead === 0)
                break;
            chunks.push(chunk.subarray(0, bytesRead));
            length += bytesRead;
            if (length > MAX_RULE_FILE_BYTES) {
                return { problem: `larger than the ${MAX_RULE_FILE_BYTES}-byte limit for a rule file; skipped` };
            }
        }
        const buffer = Buffer.concat(chunks, length);
        if (buffer.subarray(0, length).includes(0))
            return { problem: 'holds NUL bytes: not a YAML text file; skipped' };
        return buffer.subarray(0, length).toString('utf8');
    }
    catch (error) {
        return { problem: `cannot read (${error.code ?? error.message})` };
    }
    finally {
        await handle.close().catch(() => undefined);
    }
}

;// CONCATENATED MODULE: ./shared/cloudtrail/rules/sigma/filter.ts
/** `rule` with `filter` applied; `n` keeps the selection names of several filters apart. */
function applyFilter(rule, filter, n) {
    // Rule selection names are YAML keys; a space cannot start one, so these cannot collide.
    const prefix = ` filter${n}:`;
    const renamed = (name) => `${prefix}${name}`;
    const selections = { ...rule.detection.selections };
    for (const [name, selection] of Object.entries(filter.detection.selections)) {
        selections[renamed(name)] = { ...selection, name: renamed(name) };
    }
    return {
        ...rule,
        detection: {
            selections,
            condition: {
                kind: 'and',
                items: [rule.detection.condition, { kind: 'not', item: rename(filter.detection.condition, renamed) }],
            },
            conditionText: [
                `(${rule.detection.conditionText.join(') or (')}) and not (${filter.detection.conditionText.join(') or (')})`,
            ],
        },
    };
}
function rename(node, renamed) {
    switch (node.kind) {
        case 'ref':
            return { kind: 'ref', name: renamed(node.name) };
        case 'and':
        case 'or':
            return { kind: node.kind, items: node.items.map((i) => rename(i, renamed)) };
        case 'not':
            return { kind: 'not', item: rename(node.item, renamed) };
        case 'of':
            return { ...node, names: node.names.map(renamed) };
    }
}
/** Whether a filter's log source can apply to a rule's (fields it leaves out match anything). */
function sameLogsource(filter, rule) {
    const keys = ['product', 'service', 'category'];
    return keys.every((k) => filter.logsource[k] === undefined || filter.logsource[k]?.toLowerCase() === rule.logsource[k]?.toLowerCase());
}

// EXTERNAL MODULE: ./shared/cloudtrail/rules/sigma/index.ts + 3 modules
var sigma = __webpack_require__(4616);
;// CONCATENATED MODULE: ./shared/cloudtrail/rules/ruleset.ts
/**
 * The rules a scan runs: the built-in pack and any `--rules DIR` of Sigma files, parsed once. Every
 * rule — a detection rule judged record by record, or a correlation rule judged over many — is an
 * ordinary member (rules/model.ts): loaded the same way, listed the same way, left out by
 * `--no-builtin-rules` the same way. Sigma filter documents in any of the folders tune the rules
 * they name. A rule that cannot be loaded is listed with file:line:column and left out whole; it
 * never runs in part.
 */









async function loadRuleSet(options = {}) {
    const problems = [];
    const otherLogsource = [];
    const detections = [];
    const correlations = [];
    const filters = [];
    // Ids and names of rules for other log sources: a correlation or filter over them is theirs too.
    const elsewhere = new Set();
    const take = (text, file, origin) => {
        const parsed = (0,sigma/* parseSigmaRules */.g6)(text, file);
        problems.push(...parsed.problems);
        for (const rule of parsed.rules) {
            if ((0,sigma/* isCloudTrailRule */.CK)(rule))
                detections.push({ doc: rule, origin });
            else {
                otherLogsource.push(`${file}: ${rule.title}`);
                for (const key of [rule.id, rule.name])
                    if (key !== undefined)
                        elsewhere.add(key);
            }
        }
        for (const c of parsed.correlations)
            correlations.push({ doc: c, origin });
        for (const f of parsed.filters)
            filters.push({ doc: f, origin });
    };
    if (options.builtin !== false) {
        for (const url of BUILTIN_RULE_FILES) {
            // ncc turns `new URL('./x.yml', import.meta.url)` into a plain path string next to the bundle.
            const file = typeof url === 'string' ? url : (0,external_node_url_.fileURLToPath)(url);
            // Read synchronously: our own ~70 small files beside the bundle, where an await per file left
            // the thread idle for a tenth of a short scan.
            take((0,external_node_fs_.readFileSync)(file, 'utf8'), `builtin/${external_node_path_default().basename(file)}`, 'builtin');
        }
    }
    for (const dir of options.dirs ?? []) {
        const read = await readRuleFiles(dir);
        problems.push(...read.problems);
        for (const { file, text } of read.files)
            take(text, file, 'custom');
    }
    const firstInFile = new Map();
    for (const { doc } of [...detections, ...correlations]) {
        const line = firstInFile.get(doc.source.file);
        if (line === undefined || doc.source.line < line)
            firstInFile.set(doc.source.file, doc.source.line);
    }
    const slugOf = (rule) => {
        const base = external_node_path_default().basename(rule.source.file).replace(/\.ya?ml$/i, '');
        return firstInFile.get(rule.source.file) === rule.source.line
            ? base
            : `${base}/${rule.name ?? `line-${rule.source.line}`}`;
    };
    const ruleInfo = (rule, origin, kind, generates) => describeRule(rule, slugOf(rule), origin, kind, generates);
    const byRef = referenceIndex(detections, correlations, problems);
    const forOthers = (refs, title, file) => {
        if (!refs.every((r) => !byRef.has(r) && elsewhere.has(r)))
            return false;
        otherLogsource.push(`${file}: ${title}`);
        return true;
    };
    const filtered = applyFilters(detections, filters.filter((f) => !forOthers(f.doc.rules, f.doc.title, f.doc.source.file)), byRef, problems);
    const resolved = resolveCorrelations(correlations.filter((c) => !forOthers(c.doc.rules, c.doc.title, c.doc.source.file)), byRef, problems);
    // Correlation rules specification v2, "Generate": the referred rules (and referred correlations)
    // report on their own only when a correlation says `generate: true`; by default only the
    // correlation's query is made.
    const quiet = new Set();
    const loud = new Set();
    for (const { doc, members } of resolved)
        for (const m of members)
            (doc.generate ? loud : quiet).add(m.doc);
    const generates = (doc) => !quiet.has(doc) || loud.has(doc);
    const compiled = (0,sigma/* compileRuleSet */.QT)(filtered.map((f) => f.rule), { virtualFields: virtual_fields/* builtinVirtualFields */.EC });
    const infoOf = new Map();
    compiled.rules.forEach((c, i) => {
        const { original, origin, filters: applied } = filtered[i];
        infoOf.set(c, { ...ruleInfo(original, origin, 'event', generates(original)), filters: applied });
    });
    // `resolved` is in dependency order: a correlation comes after every correlation it refers to.
    const correlationInfo = resolved.map((r) => ruleInfo(r.doc, r.origin, 'correlation', generates(r.doc)));
    const feeds = new Map();
    resolved.forEach((r, state) => r.members.forEach((m, member) => {
        const list = feeds.get(m.doc) ?? [];
        list.push({ state, member });
        feeds.set(m.doc, list);
    }));
    // Filters rewrite the rule; correlations refer to it as written.
    const originalOf = new Map(filtered.map((f) => [f.rule, f.original]));
    return {
        all: [...infoOf.values(), ...correlationInfo],
        detections: filtered.map((f) => f.rule),
        correlations: resolved.map((r) => r.doc),
        problems,
        otherLogsource,
        start() {
            const states = resolved.map((r) => new CorrelationState(r.doc, r.members.map((m) => (m.doc.name !== undefined ? { name: m.doc.name } : {})), virtual_fields/* builtinVirtualFields */.EC));
            return {
                record(record) {
                    const hits = [];
                    for (const c of compiled(record)) {
                        const info = infoOf.get(c);
                        if (info.generates)
                            hits.push({ rule: info, record });
                        for (const { state, member } of feeds.get(originalOf.get(c.rule)) ?? []) {
                            states[state].observe(member, record);
                        }
                    }
                    return hits;
                },
                end() {
                    const out = [];
                    states.forEach((state, i) => {
                        const info = correlationInfo[i];
                        for (const hit of state.end()) {
                            // A chained correlation sees this one's hit as an event at the end of its busiest
                            // timespan, told by that event's record (so its group-by reads the same fields).
                            for (const { state: outer, member } of feeds.get(state.correlation) ?? []) {
                                states[outer].observe(member, hit.record);
                            }
                            if (!info.generates)
                                continue;
                            out.push({
                                rule: info,
                                record: hit.record,
                                aggregate: {
                                    count: hit.metric,
                                    summary: correlationSummary(state.correlation, info, hit),
                                    first: hit.first,
                                    last: hit.last,
                                    eventIds: hit.eventIds,
                                },
                            });
                        }
                    });
                    return out;
                },
                notes: () => states.flatMap((s) => correlationNotes(s)),
            };
        },
    };
}
/** Rules by `id` and by `name` (correlation rules specification v2, "Related rules"). */
function referenceIndex(detections, correlations, problems) {
    const index = new Map();
    const ambiguous = new Set();
    const add = (key, ref, meta) => {
        if (key === undefined)
            return;
        const had = index.get(key);
        if (had && !ambiguous.has(key)) {
            ambiguous.add(key);
            problems.push({
                file: meta.source.file,
                line: meta.source.line,
                rule: meta.title,
                message: `\`${key}\` names two rules; a correlation or filter referring to it is left out`,
            });
        }
        index.set(key, ref);
    };
    for (const { doc } of detections) {
        add(doc.id, { kind: 'rule', rule: doc }, doc);
        if (doc.name !== doc.id)
            add(doc.name, { kind: 'rule', rule: doc }, doc);
    }
    for (const { doc } of correlations) {
        add(doc.id, { kind: 'correlation', correlation: doc }, doc);
        if (doc.name !== doc.id)
            add(doc.name, { kind: 'correlation', correlation: doc }, doc);
    }
    for (const key of ambiguous)
        index.delete(key);
    return index;
}
function applyFilters(detections, filters, byRef, problems) {
    const out = new Map(detections.map(({ doc, origin }) => [doc, { rule: doc, original: doc, origin, filters: [] }]));
    filters.forEach(({ doc: filter }, n) => {
        const say = (message) => problems.push({ file: filter.source.file, line: filter.source.line, rule: filter.title, message });
        for (const name of filter.rules) {
            const ref = byRef.get(name);
            if (!ref) {
                say(`filter: \`${name}\` names no loaded rule (rules are named by their \`id\` or \`name\`)`);
                continue;
            }
            if (ref.kind !== 'rule') {
                say(`filter: \`${name}\` is a correlation rule; filters apply to detection rules (filter its referred rules)`);
                continue;
            }
            if (!sameLogsource(filter, ref.rule)) {
                say(`filter: its logsource does not match the logsource of \`${name}\`; not applied there`);
                continue;
            }
            const entry = out.get(ref.rule);
            entry.rule = applyFilter(entry.rule, filter, n);
            entry.filters.push(filter.title);
        }
    });
    return [...out.values()];
}
/**
 * Resolves each correlation's `rules` to loaded rules or correlations ("Correlations can be chained
 * to express more complex use cases") and orders them so every correlation follows those it refers
 * to; a cycle, or a reference to a correlation left out, leaves the correlation out too.
 */
function resolveCorrelations(correlations, byRef, problems) {
    const say = (doc, message) => problems.push({
        file: doc.source.file,
        line: doc.source.line,
        rule: doc.title,
        message: `correlation: ${message}`,
    });
    const candidates = new Map();
    for (const { doc, origin } of correlations) {
        const members = [];
        let ok = true;
        for (const name of doc.rules) {
            const ref = byRef.get(name);
            if (!ref) {
                say(doc, `\`${name}\` names no loaded CloudTrail rule (rules are referred to by \`id\` or \`name\`)`);
                ok = false;
            }
            else if (ref.kind === 'correlation') {
                if (ref.correlation === doc) {
                    say(doc, `\`${name}\` is this correlation itself`);
                    ok = false;
                }
                else
                    members.push({ kind: 'correlation', doc: ref.correlation });
            }
            else
                members.push({ kind: 'rule', doc: ref.rule });
        }
        for (const [alias, map] of Object.entries(doc.aliases)) {
            for (const m of members) {
                if (m.doc.name === undefined || !Object.hasOwn(map, m.doc.name)) {
                    say(doc, `alias \`${alias}\` gives no field for the referred rule \`${m.doc.name ?? m.doc.id ?? m.doc.title}\``);
                    ok = false;
                }
            }
        }
        if (ok)
            candidates.set(doc, { doc, origin, members });
    }
    // Depth-first order; a correlation on a cycle or over a left-out correlation is left out.
    const out = [];
    const state = new Map();
    const visit = (doc) => {
        const seen = state.get(doc);
        if (seen === 'done')
            return true;
        if (seen === 'out')
            return false;
        if (seen === 'visiting')
            return false;
        const r = candidates.get(doc);
        if (!r) {
            state.set(doc, 'out');
            return false;
        }
        state.set(doc, 'visiting');
        for (const m of r.members) {
            if (m.kind !== 'correlation')
                continue;
            if (!visit(m.doc)) {
                say(doc, `the referred correlation \`${m.doc.name ?? m.doc.id ?? m.doc.title}\` is left out or refers back to this one`);
                state.set(doc, 'out');
                return false;
            }
        }
        state.set(doc, 'done');
        out.push(r);
        return true;
    };
    for (const { doc } of correlations)
        if (candidates.has(doc))
            visit(doc);
    return out;
}
const FILLED = /\{(count|timespan|eventNames|field|rules)\}/g;
/** The hit's one line: the rule's `x-telltale: summary` with `{count}` … filled in, or a plain account. */
function correlationSummary(c, info, hit) {
    const names = hit.eventNames.length
        ? hit.eventNames.slice(0, 5).join(', ') + (hit.eventNames.length > 5 ? ', …' : '')
        : '';
    const values = {
        count: String(hit.metric),
        timespan: c.timespan.text,
        eventNames: names,
        field: c.field ?? '',
        rules: c.rules.join(c.type === 'temporal_ordered' ? ' → ' : ', '),
    };
    if (info.summary)
        return info.summary.replace(FILLED, (_, k) => values[k] ?? '');
    switch (c.type) {
        case 'event_count':
            return `${hit.metric} events in ${c.timespan.text}${names ? ` (${names})` : ''}`;
        case 'value_count':
            return `${hit.metric} distinct ${c.field ?? 'values'} in ${c.timespan.text}${names ? ` (${names})` : ''}`;
        case 'temporal':
            return `${hit.metric} of ${c.rules.length} related rules within ${c.timespan.text} (${values.rules})`;
        case 'temporal_ordered':
            return `${values.rules} in order within ${c.timespan.text}`;
    }
}
function describeRule(rule, slug, origin, kind, generates) {
    const x = (rule.custom['x-telltale'] ?? {});
    const decisive = new Set();
    if ('detection' in rule) {
        for (const selection of Object.values(rule.detection.selections)) {
            for (const tests of selection.anyOf) {
                for (const t of tests) {
                    if (t.field && !/^(eventName|eventSource|userIdentity\.type|errorCode)$/.test(t.field))
                        decisive.add(t.field);
                }
            }
        }
        for (const f of rule.fields)
            decisive.add(f);
    }
    const info = {
        id: rule.id ?? `${rule.source.file}:${rule.source.line}`,
        slug,
        title: rule.title,
        kind,
        generates,
        level: rule.level ?? 'medium',
        origin,
        file: rule.source.file,
        // Imported rules get the same threat steps as built-ins; `x-telltale: {actor-modifiers: false}`
        // opts a rule out (docs/cloudtrail.md, "Threat level").
        policy: {
            actorModifiers: x['actor-modifiers'] !== false,
            failed: x.failed === 'keep' ? 'keep' : 'lower',
        },
        decisiveFields: [...decisive],
        filters: [],
    };
    if (rule.description)
        info.description = rule.description;
    if (rule.tags.length)
        info.tags = [...rule.tags];
    if (rule.author)
        info.author = rule.author;
    const link = (0,sigma/* ruleLink */.lN)(rule);
    if (link)
        info.link = link;
    if (typeof x.summary === 'string')
        info.summary = x.summary;
    return info;
}

// EXTERNAL MODULE: ./shared/cloudtrail/scan.ts + 2 modules
var scan = __webpack_require__(289);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./shared/cloudtrail/window.ts
var cloudtrail_window = __webpack_require__(7674);
// EXTERNAL MODULE: ./shared/cloudtrail/sources/decode.ts
var decode = __webpack_require__(2531);
// EXTERNAL MODULE: ./shared/cloudtrail/sources/layout.ts
var layout = __webpack_require__(7175);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./shared/cloudtrail/sources/read-ahead.ts
/**
 * Read-ahead for trees of small log files, on the second core. CloudTrail writes a file per account,
 * region and ~5 minutes, most a few KB: for such a tree the main thread spent an eighth of its time
 * opening, reading, closing and inflating files, each too small for libuv's thread pool to pay for
 * its round trips. A worker thread does that instead, for batches of files at a time, and hands
 * the inflated bytes back without a copy (transferred ArrayBuffers); the main thread only parses
 * and judges.
 *
 * The worker is a short stdlib-only script (fs, zlib), evaluated from this string so that every
 * bundle carries it without a separate file. It reads only files up to TINY_FILE bytes and inflates
 * them up to MAX_INFLATED; anything else (a big file, a gzip bomb, a read error) comes back as
 * `undefined` and the caller reads it its usual way, streamed, with its usual error messages.
 * Without worker threads (or if the worker dies) every read answers `undefined` the same way.
 */

/** Files up to this size are read ahead (bigger ones are streamed by the caller). */
const TINY_FILE = 64 * 1024;
/** A read-ahead file inflating past this is left to the caller's bounded stream instead. */
const MAX_INFLATED = 4 * 1024 * 1024;
/** Files asked for in one message (fewer when no more are waiting). */
const BATCH = 32;
const WORKER = `
const { parentPort } = require('node:worker_threads');
const { openSync, fstatSync, readSync, closeSync } = require('node:fs');
const { gunzipSync } = require('node:zlib');
const TINY = ${TINY_FILE}, MAX = ${MAX_INFLATED};
function one(file) {
  let fd;
  try { fd = openSync(file, 'r'); } catch { return undefined; }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > TINY || info.size === 0) return undefined;
    const raw = Buffer.allocUnsafeSlow(info.size);
    let got = 0;
    while (got < raw.length) { const n = readSync(fd, raw, got, raw.length - got, got); if (n === 0) break; got += n; }
    if (got !== raw.length) return undefined;
    const bytes = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw, { maxOutputLength: MAX }) : raw;
    return { bytes, modifiedMs: info.mtimeMs };
  } catch { return undefined; } finally { try { closeSync(fd); } catch {} }
}
parentPort.on('message', ({ id, files }) => {
  const results = files.map(one);
  const transfer = [];
  const out = results.map((r) => {
    if (!r) return undefined;
    // A view of a pooled or shared buffer cannot be transferred: copy it into one of its own
    // (Buffer.from would copy into the pool again).
    let b = r.bytes;
    if (b.byteOffset !== 0 || b.byteLength !== b.buffer.byteLength) { const own = Buffer.allocUnsafeSlow(b.length); b.copy(own); b = own; }
    transfer.push(b.buffer);
    return { buffer: b.buffer, length: b.length, modifiedMs: r.modifiedMs };
  });
  parentPort.postMessage({ id, out }, transfer);
});
`;
/** A read-ahead worker, started now; `close` ends it. */
function startReadAhead() {
    let worker;
    try {
        worker = new external_node_worker_threads_.Worker(WORKER, { eval: true });
    }
    catch {
        worker = undefined;
    }
    let broken = worker === undefined;
    const waiting = [];
    const sent = new Map();
    let nextId = 0;
    let scheduled = false;
    const failAll = () => {
        broken = true;
        for (const resolvers of sent.values())
            for (const r of resolvers)
                r(undefined);
        sent.clear();
        for (const w of waiting.splice(0))
            w.resolve(undefined);
    };
    worker?.on('message', (message) => {
        const resolvers = sent.get(message.id);
        sent.delete(message.id);
        if (!resolvers)
            return;
        message.out.forEach((r, i) => resolvers[i]?.(r ? { bytes: Buffer.from(r.buffer, 0, r.length), modifiedMs: r.modifiedMs } : undefined));
        if (!sent.size)
            worker?.unref();
    });
    worker?.on('error', failAll);
    worker?.on('exit', failAll);
    worker?.unref();
    const flush = () => {
        scheduled = false;
        while (waiting.length && worker && !broken) {
            const batch = waiting.splice(0, BATCH);
            const id = nextId++;
            sent.set(id, batch.map((w) => w.resolve));
            worker.ref();
            worker.postMessage({ id, files: batch.map((w) => w.file) });
        }
    };
    return {
        read(file) {
            if (broken)
                return Promise.resolve(undefined);
            return new Promise((resolve) => {
                waiting.push({ file, resolve });
                // Requests made in the same turn of the event loop go together.
                if (waiting.length >= BATCH)
                    flush();
                else if (!scheduled) {
                    scheduled = true;
                    setImmediate(flush);
                }
            });
        },
        async close() {
            broken = true;
            failAll();
            // Not awaited: terminating a worker takes tens of milliseconds, and an unref'd worker does
            // not keep the process alive meanwhile.
            void worker?.terminate();
        },
    };
}

;// CONCATENATED MODULE: ./shared/cloudtrail/sources/local.ts
/**
 * Local files and folders: a single file in any accepted format (decode.ts), or a folder walked
 * recursively. Inside the `AWSLogs/…/CloudTrail/<region>/YYYY/MM/DD/` layout only the day folders
 * and files whose delivery time can hold events of the window are opened; digests and Insights are
 * skipped. Files outside the layout are all read (an export has no dates in its name).
 */










// Files up to TINY_FILE are read and inflated synchronously (CloudTrail's 5-minute files are mostly a
// few KB) when the read-ahead worker did not already: the same bound as the worker's.

/** Files up to this size are read in one call; bigger ones are streamed. */
const SMALL_FILE = 2 * 1024 * 1024;
/** A small gzip file inflating past this is streamed instead (a gzip bomb stays bounded). */
const SMALL_INFLATED = 32 * 1024 * 1024;
const gunzipAsync = (0,external_node_util_.promisify)(external_node_zlib_.gunzip);
const INFLATE_CHUNK = 1024 * 1024;
/**
 * A small file's bytes, gunzipped on libuv's thread pool (so with several reads in flight inflation
 * runs beside the parsing on the main thread); undefined when it should be streamed.
 */
async function readSmall(file, log) {
    // A tiny file costs more in async round trips (open, stat, read, close, inflate) than in work: it
    // is read and inflated in one go. Bigger ones overlap on the thread pool; large ones are streamed.
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(file, 'r');
    }
    catch {
        return undefined;
    }
    let size;
    try {
        const info = (0,external_node_fs_.fstatSync)(fd);
        size = info.size;
        log.modifiedMs = info.mtimeMs;
        if (size <= TINY_FILE) {
            const bytes = (0,external_node_fs_.readFileSync)(fd);
            return (0,decode/* isGzip */.bf)(bytes) ? (0,external_node_zlib_.gunzipSync)(bytes, { maxOutputLength: SMALL_INFLATED }) : bytes;
        }
    }
    catch {
        return undefined;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
    if (size > SMALL_FILE)
        return undefined;
    const bytes = await (0,promises_.readFile)(file).catch(() => undefined);
    if (!bytes || !(0,decode/* isGzip */.bf)(bytes))
        return bytes;
    // zlib's default 16 KiB output chunks meant ~150 round trips between the thread pool and the main
    // thread per 2.4 MB file; their callbacks were a twentieth of a scan of large files.
    return await gunzipAsync(bytes, { maxOutputLength: SMALL_INFLATED, chunkSize: INFLATE_CHUNK }).catch(() => undefined);
}
const DAY_FOLDER = /(?:^|\/)AWSLogs\/(?:o-[a-z0-9]{10,32}\/)?\d{12}\/(CloudTrail|CloudTrail-Digest|CloudTrail-Insight)(?:\/([a-z0-9-]+)(?:\/(\d{4})(?:\/(\d{2})(?:\/(\d{2}))?)?)?)?$/;
async function readLocal(location, sink, options) {
    const info = await (0,promises_.stat)(location).catch((error) => {
        throw new errors.InputError(error.code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${error.message}`, {
            location: { file: location },
            hint: 'pass a CloudTrail log file, a folder of them, s3://bucket/prefix or lookup',
        });
    });
    const { watermark } = options;
    const start = options.window.start;
    // With a watermark, day folders a lookback before the window are walked: late files are named there.
    const days = (0,cloudtrail_window/* partitionDays */.ow)(watermark !== undefined && start !== undefined
        ? { ...options.window, start: start - cloudtrail_window/* LATE_LOOKBACK_MS */.z }
        : options.window, options.now);
    /** Files named before the window that changed after the watermark (file mtime): read, records kept. */
    const late = new Set();
    const limit = (0,p_limit/* default */.A)(options.concurrency ?? 4);
    // Queued reads are bounded too, so a tree of 100,000 files does not become 100,000 promises.
    const running = new Set();
    const enqueue = async (task) => {
        const promise = limit(task).finally(() => running.delete(promise));
        running.add(promise);
        if (running.size >= 64)
            await Promise.race(running);
    };
    // In a folder, small files are read and inflated ahead on a worker thread (read-ahead.ts).
    const ahead = info.isDirectory() ? startReadAhead() : undefined;
    const readOne = (file, key, early) => enqueue(async () => {
        const trail = (0,layout/* parseTrailKey */.xX)(key);
        const log = { name: file };
        if (trail) {
            log.account = trail.account;
            log.region = trail.region;
            if (trail.deliveredMs !== undefined)
                log.deliveredMs = trail.deliveredMs;
        }
        const onRecord = (record) => sink.record(record, log);
        if (late.has(file))
            log.late = true;
        const got = early ? await early : undefined;
        if (got)
            log.modifiedMs = got.modifiedMs;
        const whole = got ? got.bytes : await readSmall(file, log);
        const result = whole === undefined
            ? await (0,decode/* decodeLogStream */.vS)((0,external_node_fs_.createReadStream)(file, { highWaterMark: 256 * 1024 }), onRecord)
            : (0,decode/* decodeLogBuffer */.dk)(whole, onRecord);
        sink.fileDone(log, result.records, result.error);
    });
    const visitFile = async (file, key) => {
        const trail = (0,layout/* parseTrailKey */.xX)(key);
        if (trail) {
            if (trail.kind !== 'log')
                return sink.fileSkipped(file, trail.kind);
            if (trail.deliveredMs !== undefined && !(0,cloudtrail_window/* deliveryOverlaps */.F_)(trail.deliveredMs, options.window)) {
                const mtime = watermark !== undefined && start !== undefined && trail.deliveredMs < start
                    ? await (0,promises_.stat)(file).then((s) => s.mtimeMs, () => undefined)
                    : undefined;
                if (mtime === undefined || mtime <= watermark) {
                    return sink.fileSkipped(file, 'outside-window', { from: trail.deliveredMs, to: trail.deliveredMs });
                }
                late.add(file);
            }
            if (trail.deliveredMs === undefined && days && !days.includes(trail.day)) {
                return sink.fileSkipped(file, 'outside-window', folderSpan(trail.day));
            }
        }
        else if (!(0,layout/* looksLikeLogFile */.o$)(file)) {
            return sink.fileSkipped(file, 'not-a-log');
        }
        // Asked for now, before the queue's limit, so that the worker gets files in batches.
        await readOne(file, key, ahead?.read(file));
    };
    // Real paths of folders walked, so a link back up the tree is not walked forever.
    const visited = new Set();
    const walk = async (dir, key) => {
        const real = await (0,promises_.realpath)(dir).catch(() => dir);
        if (visited.has(real))
            return;
        visited.add(real);
        const folder = DAY_FOLDER.exec(key);
        if (folder) {
            if (folder[1] === 'CloudTrail-Digest')
                return sink.fileSkipped(dir, 'digest');
            if (folder[1] === 'CloudTrail-Insight')
                return sink.fileSkipped(dir, 'insight');
            const prefix = [folder[3], folder[4], folder[5]].filter(Boolean).join('/');
            if (days && prefix && !days.some((d) => d.startsWith(prefix))) {
                return sink.fileSkipped(dir, 'outside-window', folderSpan(prefix));
            }
        }
        const entries = [];
        for await (const entry of await (0,promises_.opendir)(dir)) {
            if (entry.name.startsWith('.'))
                continue;
            if (entry.isDirectory())
                entries.push({ name: entry.name, dir: true });
            else if (entry.isFile())
                entries.push({ name: entry.name, dir: false });
            else if (entry.isSymbolicLink()) {
                // Logs are often linked into place (a synced folder, a test layout): follow the link, and say
                // so when it leads nowhere or to something that is not a log (a device would never end).
                const child = external_node_path_default().join(dir, entry.name);
                const target = await (0,promises_.stat)(child).catch((error) => error);
                if (target instanceof Error) {
                    sink.fileDone({ name: child }, 0, `broken symbolic link (${target.code ?? target.message})`);
                }
                else if (target.isDirectory()) {
                    const real = await (0,promises_.realpath)(child);
                    if (visited.has(real))
                        sink.fileSkipped(child, 'not-a-log');
                    else
                        entries.push({ name: entry.name, dir: true });
                }
                else if (target.isFile())
                    entries.push({ name: entry.name, dir: false });
                else
                    sink.fileDone({ name: child }, 0, 'the symbolic link leads to a device, pipe or socket, not a file');
            }
            else {
                sink.fileDone({ name: external_node_path_default().join(dir, entry.name) }, 0, 'a device, pipe or socket, not a log file');
            }
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
            const child = external_node_path_default().join(dir, entry.name);
            const childKey = key ? `${key}/${entry.name}` : entry.name;
            if (entry.dir)
                await walk(child, childKey);
            else
                await visitFile(child, childKey);
        }
    };
    if (info.isDirectory()) {
        try {
            // Keys are the absolute path with `/`, so a folder given inside the layout still parses.
            await walk(location, external_node_path_default().resolve(location).split((external_node_path_default()).sep).join('/'));
            await Promise.all(running);
        }
        finally {
            await ahead?.close();
        }
    }
    else if (!info.isFile()) {
        throw new errors.InputError('not a file or folder (a device, pipe or socket)', {
            location: { file: location },
            hint: 'pass a CloudTrail log file or a folder of them',
        });
    }
    else {
        // A file named on the command line is read whatever its name says.
        await readOne(location, '');
        await Promise.all(running);
    }
    return { kind: 'files', location, deliveries: info.isDirectory(), notes: [] };
}
/** The UTC time a `YYYY`, `YYYY/MM` or `YYYY/MM/DD` folder covers. */
function folderSpan(prefix) {
    const [y, m, d] = prefix.split('/').map(Number);
    if (y === undefined || Number.isNaN(y))
        return undefined;
    const from = Date.UTC(y, (m ?? 1) - 1, d ?? 1);
    const next = d !== undefined ? Date.UTC(y, m - 1, d + 1) : m !== undefined ? Date.UTC(y, m, 1) : Date.UTC(y + 1, 0, 1);
    return { from, to: next - 1 };
}

// EXTERNAL MODULE: ./shared/cloudtrail/suppressions.ts
var suppressions = __webpack_require__(9146);
// EXTERNAL MODULE: ./shared/cloudtrail/model/groups.ts
var groups = __webpack_require__(2564);
;// CONCATENATED MODULE: ./shared/cloudtrail/run.ts









/** Where the suppression file lives unless told otherwise (relative to the working directory). */
const DEFAULT_SUPPRESSIONS = '.github/cloudtrail-suppressions.yml';
async function loadSuppressions(file, required) {
    if (!file)
        return [];
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' && !required)
            return [];
        throw new errors.InputError(code === 'ENOENT' ? 'no such suppression file' : `cannot read: ${error.message}`, {
            location: { file },
            hint: `a YAML file with a suppressions: list (see docs/cloudtrail.md); default ${DEFAULT_SUPPRESSIONS}`,
        });
    }
    return (0,suppressions/* parseSuppressions */.Q)(text, file);
}
/**
 * One scan from a source description, as `telltale cloudtrail scan` and the cloudtrail action run it.
 * The AWS SDK is loaded only for the sources that call AWS: a local scan starts faster without it.
 */
async function runCloudTrailScan(flags) {
    const report = await scanOnce(flags);
    const previous = flags.previous;
    if (previous) {
        // The watermark only moves forward: a night that read nothing new keeps the last one.
        if (previous.watermark && (!report.watermark || previous.watermark > report.watermark))
            report.watermark = previous.watermark;
        report.previous = {
            generatedAt: previous.generatedAt,
            newGroups: (0,groups/* markNew */._b)(report.groups, new Set(previous.groups)),
        };
    }
    return report;
}
async function scanOnce(flags) {
    const window = (0,cloudtrail_window.parseWindow)(flags.since, flags.until, flags.now);
    const concurrency = Number(flags.concurrency ?? '8');
    if (!Number.isInteger(concurrency) || concurrency < 1) {
        throw new errors.InputError(`concurrency: '${flags.concurrency ?? ''}' is not a positive whole number`);
    }
    const pipelinePrincipals = new provenance/* PipelinePrincipals */.gL(flags.pipelinePrincipals ?? []);
    const suppressions = await loadSuppressions(flags.suppressions, flags.suppressionsRequired ?? false);
    const common = {
        pipelinePrincipals,
        suppressions,
        ...(flags.now !== undefined ? { now: flags.now } : {}),
        ...(flags.progress ? { progress: flags.progress } : {}),
    };
    const rules = await loadRuleSet({ builtin: flags.builtinRules ?? true, dirs: [...(flags.rules ?? [])] });
    if (!rules.all.length)
        throw new errors.InputError('no rules to run', { hint: 'drop --no-builtin-rules or pass --rules DIR' });
    const engine = flags.engine ?? 'stream';
    if (engine === 'athena')
        return runOnAthena(flags, window, rules, common);
    if (engine !== 'stream') {
        throw new errors.InputError(`engine: '${engine}' is not stream or athena`, { location: { field: 'engine' } });
    }
    const source = flags.source;
    if (!source)
        throw new errors.InputError('no source to scan', { hint: 'pass --source DIR|s3://…|lookup, or --engine athena' });
    const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
    if (source.startsWith('s3://')) {
        const { S3Client } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(711)]).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
        const { readS3 } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(711), __webpack_require__.e(567)]).then(__webpack_require__.bind(__webpack_require__, 5567));
        const client = new S3Client({ region, followRegionRedirects: true });
        const watermark = flags.previous?.watermark ? Date.parse(flags.previous.watermark) : undefined;
        return (0,scan/* scanCloudTrail */.h)((sink) => readS3(source, sink, { client, window, concurrency, ...(watermark ? { watermark } : {}) }), {
            window,
            rules,
            deliveries: true,
            ...common,
        });
    }
    if (/^lookup(:|$)/.test(source)) {
        const { CloudTrailClient } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(392)]).then(__webpack_require__.t.bind(__webpack_require__, 7392, 19));
        const { parseLookupSource, readLookup } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(392), __webpack_require__.e(903)]).then(__webpack_require__.bind(__webpack_require__, 4903));
        const regions = parseLookupSource(source);
        const clients = new Map();
        const clientFor = (r) => {
            let c = clients.get(r);
            if (!c)
                clients.set(r, (c = new CloudTrailClient({ region: r, retryMode: 'adaptive', maxAttempts: 5 })));
            return c;
        };
        return (0,scan/* scanCloudTrail */.h)((sink) => readLookup(sink, {
            window,
            clientFor,
            ...(regions ? { regions } : {}),
            listRegions: () => enabledRegions(region),
        }), { window, rules, deliveries: false, ...common });
    }
    const localWatermark = flags.previous?.watermark ? Date.parse(flags.previous.watermark) : undefined;
    return (0,scan/* scanCloudTrail */.h)((sink) => readLocal(source, sink, { window, concurrency, ...(localWatermark ? { watermark: localWatermark } : {}) }), {
        window,
        rules,
        deliveries: true,
        ...common,
    });
}
/** The Athena engine: the AWS SDK's Athena client, retrying throttled calls (adaptive mode). */
async function runOnAthena(flags, window, rules, common) {
    const a = flags.athena ?? {};
    const need = (value, name) => {
        if (!value)
            throw new errors.InputError(`--engine athena needs --athena-${name}`, { location: { field: `athena-${name}` } });
        return value;
    };
    const { qualifiedTable } = await __webpack_require__.e(/* import() */ 982).then(__webpack_require__.bind(__webpack_require__, 3982));
    const table = qualifiedTable(need(a.database, 'database'), need(a.table, 'table'));
    const workgroup = need(a.workgroup, 'workgroup');
    if (a.output !== undefined && a.output !== '' && !a.output.startsWith('s3://')) {
        throw new errors.InputError(`athena-output: '${a.output}' is not an s3:// URL`, { location: { field: 'athena-output' } });
    }
    const timeout = Number(a.timeout || '600');
    if (!Number.isFinite(timeout) || timeout <= 0) {
        throw new errors.InputError(`athena-timeout: '${a.timeout ?? ''}' is not a positive number of seconds`, {
            location: { field: 'athena-timeout' },
        });
    }
    const { AthenaClient } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(204)]).then(__webpack_require__.t.bind(__webpack_require__, 2204, 19));
    const { scanOnAthena } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(204), __webpack_require__.e(143)]).then(__webpack_require__.bind(__webpack_require__, 9143));
    const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
    const client = new AthenaClient({ region, retryMode: 'adaptive', maxAttempts: 8 });
    try {
        const { report } = await scanOnAthena({
            client,
            target: { workgroup, database: need(a.database, 'database'), ...(a.output ? { output: a.output } : {}) },
            table,
            rules,
            window,
            timeoutMs: timeout * 1000,
            scan: common,
            ...(flags.now !== undefined ? { now: flags.now } : {}),
        });
        return report;
    }
    finally {
        client.destroy();
    }
}
/** The account's enabled regions (account:ListRegions). */
async function enabledRegions(region) {
    const { AccountClient, ListRegionsCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(990)]).then(__webpack_require__.t.bind(__webpack_require__, 2990, 19));
    const client = new AccountClient({ region });
    const regions = [];
    let token;
    try {
        do {
            const page = await client.send(new ListRegionsCommand({
                RegionOptStatusContains: ['ENABLED', 'ENABLED_BY_DEFAULT'],
                MaxResults: 50,
                ...(token ? { NextToken: token } : {}),
            }));
            for (const r of page.Regions ?? [])
                if (r.RegionName)
                    regions.push(r.RegionName);
            token = page.NextToken;
        } while (token);
    }
    catch (error) {
        throw new errors.InputError(`cannot list the account's enabled regions: ${error.message}`, {
            hint: 'grant account:ListRegions, or name the regions: --source lookup:eu-west-1,us-east-1',
        });
    }
    return regions;
}


/***/ }),

/***/ 289:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  h: () => (/* binding */ scanCloudTrail)
});

// EXTERNAL MODULE: ./shared/version.ts
var version = __webpack_require__(4402);
;// CONCATENATED MODULE: ./shared/cloudtrail/dedup.ts
/**
 * "Have I seen this eventID?" for millions of events in a few bytes each. The same event can reach a
 * scan more than once: an organization trail and an account trail both deliver it, LookupEvents in
 * us-east-1 and another region both return a global event, overlapping exports are merged. A Set of
 * the ID strings would cost ~100 bytes per event; this keeps a 64-bit fingerprint (two independent
 * 32-bit FNV-1a hashes) in an open-addressing table of typed arrays: 16 bytes per event at most.
 * The chance that two of a billion distinct IDs share a fingerprint is about 3 × 10⁻², of ten
 * million about 3 × 10⁻⁶: acceptable for deduplicating log lines, stated here rather than hidden.
 */
class EventIdSet {
    hi;
    lo;
    mask;
    size = 0;
    constructor(initialCapacity = 1 << 16) {
        let capacity = 1 << 4;
        while (capacity < initialCapacity * 2)
            capacity <<= 1;
        this.hi = new Uint32Array(capacity);
        this.lo = new Uint32Array(capacity);
        this.mask = capacity - 1;
    }
    /** Adds the ID; false when it was already there. */
    add(id) {
        let h1 = 0x811c9dc5;
        let h2 = 0x050c5d1f;
        for (let i = 0; i < id.length; i++) {
            const c = id.charCodeAt(i);
            h1 = Math.imul(h1 ^ c, 0x01000193);
            h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 15);
        }
        h1 >>>= 0;
        // 0/0 marks an empty slot.
        h2 = h2 >>> 0 || 1;
        if (this.insert(h1, h2)) {
            if (++this.size * 2 > this.mask)
                this.grow();
            return true;
        }
        return false;
    }
    insert(h1, h2) {
        let slot = (h1 ^ Math.imul(h2, 0x9e3779b1)) & this.mask;
        for (;;) {
            const lo = this.lo[slot];
            if (lo === 0) {
                this.hi[slot] = h1;
                this.lo[slot] = h2;
                return true;
            }
            if (lo === h2 && this.hi[slot] === h1)
                return false;
            slot = (slot + 1) & this.mask;
        }
    }
    grow() {
        const { hi, lo } = this;
        this.hi = new Uint32Array(hi.length * 2);
        this.lo = new Uint32Array(lo.length * 2);
        this.mask = this.hi.length - 1;
        for (let i = 0; i < hi.length; i++)
            if (lo[i] !== 0)
                this.insert(hi[i], lo[i]);
    }
}

// EXTERNAL MODULE: ./shared/cloudtrail/actor.ts
var cloudtrail_actor = __webpack_require__(7585);
// EXTERNAL MODULE: ./shared/cloudtrail/provenance.ts
var provenance = __webpack_require__(3705);
// EXTERNAL MODULE: ./shared/cloudtrail/record.ts
var cloudtrail_record = __webpack_require__(6563);
// EXTERNAL MODULE: ./shared/cloudtrail/rules/builtin/virtual-fields.ts + 4 modules
var virtual_fields = __webpack_require__(7112);
;// CONCATENATED MODULE: ./shared/cloudtrail/findings.ts
/**
 * A finding: one rule matched one event (or, for aggregate rules, one actor's events), with who,
 * what, when, where, how bad and why. Every string copied from the log is untrusted; renderers
 * escape it.
 */




const MAX_TEXT = 300;
function buildFinding(rule, record, threat, extra) {
    const actor = (0,cloudtrail_actor/* describeActor */.tu)(record);
    const via = (0,cloudtrail_actor/* viaOf */.wQ)(record);
    const finding = {
        rule: rule.title,
        ruleId: rule.id,
        ruleSlug: rule.slug,
        ruleOrigin: rule.origin,
        baseLevel: rule.level,
        severity: threat.severity,
        modifiers: threat.steps,
        eventId: (0,cloudtrail_record/* str */.gx)(record.eventID) ?? '',
        eventName: (0,cloudtrail_record/* str */.gx)(record.eventName) ?? '',
        eventSource: (0,cloudtrail_record/* str */.gx)(record.eventSource) ?? '',
        eventTime: (0,cloudtrail_record/* str */.gx)(record.eventTime) ?? '',
        outcome: threat.outcome,
        actor,
        sourceIPAddress: (0,cloudtrail_record/* str */.gx)(record.sourceIPAddress) ?? '',
        userAgent: clip((0,cloudtrail_record/* str */.gx)(record.userAgent) ?? ''),
        via,
        region: (0,cloudtrail_record/* str */.gx)(record.awsRegion) ?? '',
        resources: resourcesOf(record),
        details: {},
        summary: '',
        count: extra?.count ?? 1,
    };
    if (rule.author)
        finding.ruleAuthor = rule.author;
    if (rule.description)
        finding.description = clip(rule.description);
    const link = consoleUrl(finding.region, finding.eventId);
    if (link)
        finding.consoleUrl = link;
    if (rule.link)
        finding.ruleLink = rule.link;
    const account = (0,cloudtrail_record/* str */.gx)(record.recipientAccountId) ?? actor.accountId;
    if (account)
        finding.account = account;
    if ((0,cloudtrail_record/* str */.gx)(record.errorCode))
        finding.errorCode = clip((0,cloudtrail_record/* str */.gx)(record.errorCode));
    if ((0,cloudtrail_record/* str */.gx)(record.errorMessage))
        finding.errorMessage = clip((0,cloudtrail_record/* str */.gx)(record.errorMessage));
    for (const field of rule.decisiveFields) {
        const value = fieldText(record, field);
        if (value !== undefined)
            finding.details[field] = value;
    }
    const what = extra?.summary ??
        (rule.summary ? fillTemplate(rule.summary, record) : `${finding.eventName} ${finding.resources[0] ?? ''}`.trim());
    finding.summary = clip(`${what} by ${actor.name}${viaPhrase(via, record)} at ${timeOfDay(finding.eventTime)}${finding.outcome === 'failed' ? ` (failed: ${finding.errorCode ?? 'denied'})` : ''}`);
    return finding;
}
/**
 * The event's page in the CloudTrail console's event history. Both parts come from the log, so they
 * are checked against their documented shapes (a region name, an event id GUID) before becoming a link.
 */
function consoleUrl(region, eventId) {
    if (!/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region) || !/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(eventId)) {
        return undefined;
    }
    return `https://${region}.console.aws.amazon.com/cloudtrailv2/home?region=${region}#/events/${eventId}`;
}
/** ATT&CK technique ids from Sigma tags (`attack.t1078.004`); tactics (`attack.persistence`) are left out. */
function attackTechniques(tags) {
    const out = [];
    for (const t of tags) {
        const m = /^attack\.(t\d{4}(?:\.\d{3})?)$/i.exec(t);
        if (m && !out.includes(m[1].toUpperCase()))
            out.push(m[1].toUpperCase());
    }
    return out;
}
function viaPhrase(via, record) {
    switch (via) {
        case 'console':
            return ' from the console';
        case 'cli':
            return ' with the AWS CLI';
        case 'iac':
            // Said only when AWS vouches for it (provenance.ts); otherwise the agent is quoted as a claim.
            return (0,provenance/* pipelineEvidence */.g_)(record)
                ? ` via infrastructure as code (${(0,cloudtrail_actor/* agentFamily */.qX)((0,cloudtrail_record/* str */.gx)(record.userAgent)) ?? 'CloudFormation'})`
                : ` with ${(0,cloudtrail_actor/* agentFamily */.qX)((0,cloudtrail_record/* str */.gx)(record.userAgent)) ?? 'an IaC tool'} (User-Agent, unverified)`;
        case 'sdk':
            return ` with ${(0,cloudtrail_actor/* agentFamily */.qX)((0,cloudtrail_record/* str */.gx)(record.userAgent)) ?? 'an SDK'}`;
        case 'service':
            return ` by ${(0,cloudtrail_record/* str */.gx)(record.userIdentity?.invokedBy) ?? (0,cloudtrail_actor/* agentFamily */.qX)((0,cloudtrail_record/* str */.gx)(record.userAgent)) ?? 'an AWS service'}`;
        default:
            return '';
    }
}
/** `16:42 UTC` when the event is today-ish readable; the full ISO time is in `eventTime`. */
function timeOfDay(iso) {
    const m = /T(\d{2}:\d{2})/.exec(iso);
    return m ? `${iso.slice(0, 10)} ${m[1]} UTC` : iso || 'an unknown time';
}
/** `{a.b}` → the field's text; `{a,b}` → the first present; a missing field leaves `?`. */
function fillTemplate(template, record) {
    return template.replace(/\{([^{}]+)\}/g, (_, names) => {
        for (const name of names.split(',')) {
            const value = fieldText(record, name.trim());
            if (value !== undefined)
                return value;
        }
        return '?';
    });
}
/** A field (or `tt.*` virtual field) as short text; undefined when missing. */
function fieldText(record, field) {
    let value;
    const virtual = virtual_fields/* builtinVirtualFields */.EC[field];
    if (virtual)
        value = virtual(record);
    else {
        value = record;
        for (const part of field.split('.')) {
            const o = (0,cloudtrail_record/* obj */.WL)(value);
            if (!o) {
                value = undefined;
                break;
            }
            value = o[part];
        }
    }
    if (value === undefined || value === null)
        return undefined;
    if (Array.isArray(value)) {
        const parts = value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)));
        return clip(parts.join(', '));
    }
    return clip(typeof value === 'object' ? JSON.stringify(value) : String(value));
}
const ID_KEYS = /^(?:[a-z][A-Za-z]*(?:Id|Name|Arn|Identifier)|name|bucketName|functionName|keyId|policyArn)$/;
function resourcesOf(record) {
    const out = new Set();
    for (const r of Array.isArray(record.resources) ? record.resources : []) {
        const arn = (0,cloudtrail_record/* str */.gx)((0,cloudtrail_record/* obj */.WL)(r)?.ARN);
        if (arn)
            out.add(clip(arn));
    }
    const request = (0,cloudtrail_record/* obj */.WL)(record.requestParameters);
    if (request) {
        for (const [key, value] of Object.entries(request)) {
            if (out.size >= 6)
                break;
            if (typeof value === 'string' && value && ID_KEYS.test(key))
                out.add(clip(value));
        }
    }
    return [...out];
}
function clip(text) {
    return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

// EXTERNAL MODULE: ./shared/cloudtrail/model/groups.ts
var model_groups = __webpack_require__(2564);
// EXTERNAL MODULE: ./shared/cloudtrail/suppressions.ts
var suppressions = __webpack_require__(9146);
// EXTERNAL MODULE: ./shared/cloudtrail/health.ts
var cloudtrail_health = __webpack_require__(4724);
// EXTERNAL MODULE: ./shared/cloudtrail/model/report.ts
var report = __webpack_require__(4514);
// EXTERNAL MODULE: ./shared/cloudtrail/threat.ts
var cloudtrail_threat = __webpack_require__(3482);
// EXTERNAL MODULE: ./shared/cloudtrail/window.ts
var cloudtrail_window = __webpack_require__(7674);
;// CONCATENATED MODULE: ./shared/cloudtrail/scan.ts
/**
 * One scan: a source streams records in; each is placed in the window, deduplicated by eventID,
 * matched against every rule, and forgotten. What is kept is small: findings, the bounded per-group
 * state of correlation rules (rules/correlation.ts), 16 bytes per event ID, one bit per hour for
 * log health.
 *
 *   const rules = await loadRuleSet({ dirs });
 *   const report = await scanCloudTrail((sink) => readLocal(dir, sink, { window }), { window, rules });
 */











async function scanCloudTrail(read, options) {
    const { window, rules } = options;
    const now = options.now ?? Date.now();
    const seen = new EventIdSet();
    const health = new cloudtrail_health/* HealthTracker */.Je(options.deliveries ? 'deliveries' : 'events');
    const grouper = new model_groups/* FindingGrouper */.uB();
    const suppressor = new suppressions/* Suppressor */.$(options.suppressions ?? [], now);
    const hourly = new Map();
    let suppressed = 0;
    let watermark = -Infinity;
    const keep = (f, tags) => {
        const attack = attackTechniques(tags);
        if (attack.length)
            f.attack = attack;
        if (suppressor.suppresses(f)) {
            suppressed += f.count;
            return;
        }
        grouper.add(f);
        stats.bySeverity[f.severity] += f.count;
        const t = Date.parse(f.eventTime);
        if (Number.isFinite(t)) {
            const hour = Math.floor(t / 3_600_000);
            const h = hourly.get(hour) ?? { findings: 0, highest: 0 };
            h.findings += f.count;
            h.highest = Math.max(h.highest, cloudtrail_threat/* LEVELS */.A_.indexOf(f.severity));
            hourly.set(hour, h);
        }
    };
    const malformedFiles = [];
    const stats = {
        events: 0,
        files: 0,
        malformed: 0,
        records: 0,
        duplicates: 0,
        outsideWindow: 0,
        lateFiles: 0,
        undated: 0,
        skipped: {},
        findings: 0,
        suppressed: 0,
        bySeverity: Object.fromEntries(cloudtrail_threat/* LEVELS */.A_.map((l) => [l, 0])),
    };
    const principals = options.pipelinePrincipals ?? new provenance/* PipelinePrincipals */.gL();
    const bounded = window.start !== undefined || window.end !== undefined;
    // What lay outside the window (event times, and the times skipped files' names cover): an empty
    // window then says where the logs are instead of just "0 events".
    let outsideFrom = Infinity;
    let outsideTo = -Infinity;
    const outside = (from, to) => {
        if (from < outsideFrom)
            outsideFrom = from;
        if (to > outsideTo)
            outsideTo = to;
    };
    const run = rules.start();
    const found = (hit) => {
        const { rule, record, aggregate } = hit;
        const threat = (0,cloudtrail_threat/* assessThreat */.DA)(rule.level, record, rule.policy);
        keep(buildFinding(rule, record, threat, aggregate ? { count: aggregate.count, summary: aggregate.summary } : undefined), rule.tags ?? []);
    };
    const sink = {
        record(record, file) {
            stats.records++;
            const time = (0,cloudtrail_record/* eventTimeMs */.QW)(record);
            if (Number.isNaN(time)) {
                if (bounded) {
                    stats.undated++;
                    return;
                }
            }
            else if (!(0,cloudtrail_window/* inWindow */.gO)(time, window) && !(file.late && window.start !== undefined && time < window.start)) {
                stats.outsideWindow++;
                outside(time, time);
                return;
            }
            const id = record.eventID;
            if (typeof id === 'string' && id && !seen.add(id)) {
                stats.duplicates++;
                return;
            }
            stats.events++;
            health.event(record, time);
            (0,provenance/* markProvenance */.pF)(record, principals);
            for (const hit of run.record(record))
                found(hit);
        },
        fileDone(file, records, error) {
            stats.files++;
            if (file.late)
                stats.lateFiles++;
            if (file.modifiedMs !== undefined && file.modifiedMs > watermark)
                watermark = file.modifiedMs;
            health.file(file);
            if (error !== undefined) {
                stats.malformed++;
                malformedFiles.push({ file: file.name, reason: error, records });
            }
            options.progress?.(stats);
        },
        fileSkipped(_name, reason, span) {
            stats.skipped[reason] = (stats.skipped[reason] ?? 0) + 1;
            if (reason === 'outside-window' && span)
                outside(span.from, span.to);
            options.progress?.(stats);
        },
    };
    const source = await read(sink);
    // Correlation rules are judged once every record has been seen.
    for (const hit of run.end())
        found(hit);
    const { groups, findings } = grouper.result();
    findings.sort(report/* compareFindings */.Eg);
    stats.findings = grouper.total;
    stats.suppressed = suppressed;
    if (outsideFrom <= outsideTo) {
        stats.outside = { first: new Date(outsideFrom).toISOString(), last: new Date(outsideTo).toISOString() };
    }
    malformedFiles.sort((a, b) => a.file.localeCompare(b.file));
    const perRule = new Map();
    for (const g of groups)
        perRule.set(g.ruleId, (perRule.get(g.ruleId) ?? 0) + g.count);
    return {
        tool: { name: 'telltale', version: version/* VERSION */.x },
        generatedAt: new Date(now).toISOString(),
        window: (0,cloudtrail_window/* describeWindow */.O2)(window),
        source: {
            kind: source.kind,
            location: source.location,
            ...(source.regions ? { regions: source.regions } : {}),
            notes: source.notes,
        },
        stats,
        ...(Number.isFinite(watermark) ? { watermark: new Date(watermark).toISOString() } : {}),
        groups,
        findings,
        actors: (0,report/* groupByActor */.m5)(groups),
        timeline: [...hourly.entries()]
            .sort((a, b) => a[0] - b[0])
            .map(([hour, h]) => ({
            hour: new Date(hour * 3_600_000).toISOString(),
            findings: h.findings,
            highest: cloudtrail_threat/* LEVELS */.A_[h.highest],
        })),
        suppressions: suppressor.outcomes(),
        health: health.report(window, now),
        malformedFiles,
        rules: {
            loaded: rules.all.map((r) => ({
                id: r.id,
                slug: r.slug,
                title: r.title,
                level: r.level,
                origin: r.origin,
                ...(r.author ? { author: r.author } : {}),
                ...(r.link ? { link: r.link } : {}),
                findings: perRule.get(r.id) ?? 0,
            })),
            problems: [...rules.problems, ...run.notes()],
            otherLogsource: rules.otherLogsource,
        },
    };
}


/***/ }),

/***/ 2531:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bf: () => (/* binding */ isGzip),
/* harmony export */   dk: () => (/* binding */ decodeLogBuffer),
/* harmony export */   vS: () => (/* binding */ decodeLogStream)
/* harmony export */ });
/* unused harmony exports MAX_RECORD_BYTES, MAX_KEPT_DEPTH, pruneDeep */
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Bytes of one log file → CloudTrail records, streamed: memory holds one record at a time, never the
 * file (except a file already in memory in CloudTrail's delivery shape, up to 4 MiB, which is parsed
 * whole: decodeLogBuffer). Accepted, plain or gzipped (sniffed from the bytes, RFC 1952 §2.3.1 magic 1f 8b, not the
 * name), in one file or mixed:
 *
 * - `{"Records":[…]}`, as CloudTrail delivers to S3;
 * - `{"Events":[…]}`, the output of `aws cloudtrail lookup-events`, where each `CloudTrailEvent` is
 *   the record as a JSON *string*;
 * - a bare JSON array of records (Stratus Red Team's detonation logs, most exports);
 * - JSON Lines: one record (or one LookupEvents event) per line.
 *
 * A scanner walks the bytes tracking only strings and nesting depth, cuts out each record and hands
 * it to JSON.parse. It never throws on bad input past the first problem: it returns the problem
 * (where, what) and how many records came before it, and the caller decides (Wireshark's rule).
 */


/** One record longer than this is refused rather than buffered (CloudTrail's own records are < 1 MiB). */
const MAX_RECORD_BYTES = 32 * 1024 * 1024;
/**
 * Parts of a record nested deeper than this are replaced by a note: JSON.parse takes any depth, but
 * rules, the report and JSON.stringify walk values recursively. The record itself (its event name,
 * identity, time) is kept, so its finding is not lost to a hostile `requestParameters`.
 */
const MAX_KEPT_DEPTH = 64;
const CHUNK = 256 * 1024;
async function decodeLogStream(input, onRecord) {
    const splitter = new RecordSplitter(onRecord);
    const iterator = input[Symbol.asyncIterator]();
    let stage = 'read';
    try {
        // The gzip magic is two bytes; a stream may hand them over one at a time.
        let head = Buffer.alloc(0);
        while (head.length < 2) {
            const next = await iterator.next();
            if (next.done)
                break;
            head = Buffer.concat([head, next.value]);
        }
        if (head.length === 0)
            return { records: 0, error: 'empty file' };
        const all = async function* () {
            yield head;
            for (let r = await iterator.next(); !r.done; r = await iterator.next())
                yield r.value;
        };
        const consume = async (chunks) => {
            for await (const chunk of chunks)
                splitter.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
        };
        if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
            stage = 'gunzip';
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_0__.pipeline)(all, (0,node_zlib__WEBPACK_IMPORTED_MODULE_1__.createGunzip)({ chunkSize: CHUNK }), consume);
        }
        else {
            await consume(all());
        }
        splitter.end();
        return { records: splitter.records };
    }
    catch (error) {
        return { records: splitter.records, error: describeError(error, stage, splitter) };
    }
}
/**
 * A whole small file already in memory (local.ts reads small files in one call and gunzips them on
 * libuv's thread pool: for a tree of thousands of 5 KB files the streams cost more than the data).
 */
function decodeLogBuffer(bytes, onRecord) {
    const splitter = new RecordSplitter(onRecord);
    if (bytes.length === 0)
        return { records: 0, error: 'empty file' };
    try {
        const records = bytes.length <= WHOLE_PARSE_MAX ? deliveredFile(bytes) : undefined;
        if (records) {
            for (const record of records) {
                splitter.records++;
                onRecord(record);
            }
            return { records: splitter.records };
        }
        for (let i = 0; i < bytes.length; i += CHUNK)
            splitter.push(bytes.subarray(i, Math.min(bytes.length, i + CHUNK)));
        splitter.end();
        return { records: splitter.records };
    }
    catch (error) {
        return { records: splitter.records, error: describeError(error, 'read', splitter) };
    }
}
/** Files up to this size are first tried with one JSON.parse of the whole text (deliveredFile). */
const WHOLE_PARSE_MAX = 4 * 1024 * 1024;
/** How a file in CloudTrail's delivery shape starts. */
const DELIVERY_HEAD = /^[ \t\r\n]*\{[ \t\r\n]*"Records"[ \t\r\n]*:/;
/**
 * The records of a file in CloudTrail's delivery shape (`{"Records":[…]}` and nothing else, every
 * element a record no deeper than MAX_KEPT_DEPTH), parsed in one call; undefined for anything else,
 * which the splitter then reads with its exact messages. For the thousands of small files a trail
 * delivers, one JSON.parse of the file costs less than scanning it byte by byte in JavaScript and
 * parsing each record's slice; the result is the same records in the same order.
 */
function deliveredFile(bytes) {
    // Other shapes (a bare array, LookupEvents' `Events`, JSON Lines of wrappers) are told from the
    // first bytes, so that they are not parsed whole only to be parsed again by the splitter.
    if (!DELIVERY_HEAD.test(bytes.toString('latin1', 0, 64)))
        return undefined;
    let doc;
    try {
        doc = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        return undefined;
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
        return undefined;
    const keys = Object.keys(doc);
    const list = doc.Records;
    if (keys.length !== 1 || keys[0] !== 'Records' || !Array.isArray(list))
        return undefined;
    for (const r of list) {
        if (r === null || typeof r !== 'object' || Array.isArray(r))
            return undefined;
        const o = r;
        if (typeof o.eventName !== 'string' && typeof o.eventTime !== 'string' && typeof o.eventID !== 'string') {
            return undefined;
        }
        if (deeperThan(o, MAX_KEPT_DEPTH))
            return undefined;
    }
    return list;
}
/**
 * Whether containers nest more than `limit` levels below `node` (at level `depth`). Recursion is
 * bounded by `limit`; an index loop over values is several times faster than for-in on Node 24.
 */
function deeperThan(node, limit, depth = 1) {
    const values = Array.isArray(node) ? node : Object.values(node);
    for (let i = 0; i < values.length; i++) {
        const child = values[i];
        if (child === null || typeof child !== 'object')
            continue;
        if (depth >= limit || deeperThan(child, limit, depth + 1))
            return true;
    }
    return false;
}
function isGzip(bytes) {
    return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}
function describeError(error, stage, splitter) {
    const after = splitter.records ? ` (after ${splitter.records} record(s))` : '';
    if (error instanceof DecodeError)
        return `${error.message}${after}`;
    const code = error.code;
    const message = error instanceof Error ? error.message : String(error);
    if (stage === 'gunzip' && code === 'Z_BUF_ERROR')
        return `truncated gzip: the file ends mid-stream${after}`;
    if (stage === 'gunzip' && typeof code === 'string' && code.startsWith('Z_'))
        return `corrupt gzip: ${message}${after}`;
    return `read failed: ${message}${after}`;
}
class DecodeError extends Error {
}
const QUOTE = 0x22;
/** RFC 8259 §2: ws = space, horizontal tab, line feed, carriage return. */
const JSON_WHITESPACE = Array.from({ length: 256 }, (_, b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d);
const BACKSLASH = 0x5c;
const WRAPPER_KEYS = new Set(['Records', 'Events']);
/**
 * Cuts records out of a JSON byte stream. Depth counts open containers; `recordDepth` is the depth
 * at which an opening `{` starts a record: 1 inside a top-level array or a wrapper object's array,
 * 0 for a top-level object (JSON Lines, or a wrapper until its `Records` key shows it is one).
 */
class RecordSplitter {
    records = 0;
    depth = 0;
    inString = false;
    /** An odd run of backslashes ended the previous chunk inside a string: its first byte is escaped. */
    escaped = false;
    /** Depth of the array whose elements are records, or -1 outside one. */
    arrayDepth = -1;
    /** Whether the current record array holds LookupEvents events (`Events`) rather than records. */
    lookupEvents = false;
    capturing = false;
    captureDepth = 0;
    captureStart = 0;
    captureMaxDepth = 0;
    captured = [];
    capturedBytes = 0;
    offset = 0;
    element = 0;
    /** Top-level JSON values seen (one for a Records file, one per line for JSON Lines). */
    values = 0;
    onRecord;
    constructor(onRecord) {
        this.onRecord = onRecord;
    }
    push(chunk) {
        const n = chunk.length;
        let i = 0;
        if (this.capturing)
            this.captureStart = 0;
        while (i < n) {
            if (this.inString) {
                i = this.skipString(chunk, i);
                continue;
            }
            const c = chunk[i];
            if (c === QUOTE) {
                this.inString = true;
                if (!this.capturing && this.depth <= (this.arrayDepth < 0 ? 0 : this.arrayDepth)) {
                    this.fail(`unexpected string at byte ${this.offset + i}`);
                }
            }
            else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
                if (!this.capturing) {
                    if (c === 0x7b && (this.depth === 0 || this.depth === this.arrayDepth))
                        this.startCapture(i);
                    else if (c === 0x5b && this.depth === 0)
                        this.openArray(1, false);
                    if (this.depth === 0)
                        this.values++;
                }
                else if (c === 0x5b && this.depth === 1 && this.arrayDepth < 0) {
                    // `[` as a value of the top-level object: a `Records`/`Events` key makes it a wrapper.
                    const key = this.lastKey(chunk, i);
                    if (key !== undefined && WRAPPER_KEYS.has(key)) {
                        this.capturing = false;
                        this.captured = [];
                        this.openArray(2, key === 'Events');
                    }
                }
                // Depth is only a counter here (no recursion), so any depth is scanned; endCapture prunes.
                if (++this.depth > this.captureMaxDepth && this.capturing)
                    this.captureMaxDepth = this.depth;
            }
            else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
                if (this.depth === 0)
                    this.fail(`unexpected '${String.fromCharCode(c)}' at byte ${this.offset + i}`);
                this.depth--;
                if (this.capturing && this.depth === this.captureDepth)
                    this.endCapture(chunk, i);
                else if (this.depth === this.arrayDepth - 1 && c === 0x5d)
                    this.arrayDepth = -1;
            }
            else if (!this.capturing && !JSON_WHITESPACE[c] && c !== 0x2c /* , */ && c !== 0x3a /* : */) {
                // Only RFC 8259 §2 whitespace passes: a NUL-filled file (preallocated, crashed) is named at byte 0.
                const atTop = this.depth === 0 || this.depth === this.arrayDepth;
                if (atTop) {
                    this.fail(this.arrayDepth > 0 && this.depth === this.arrayDepth
                        ? `element ${this.element} of the record list is not an object (byte ${this.offset + i})`
                        : `not CloudTrail JSON: unexpected '${printable(c)}' at byte ${this.offset + i}`);
                }
            }
            i++;
        }
        if (this.capturing) {
            const piece = chunk.subarray(this.captureStart);
            this.captured.push(piece);
            this.capturedBytes += piece.length;
            if (this.capturedBytes > MAX_RECORD_BYTES)
                this.fail(`a record longer than ${MAX_RECORD_BYTES} bytes at byte ${this.offset}`);
        }
        this.offset += n;
    }
    end() {
        if (this.inString || this.depth > 0) {
            this.fail(`truncated JSON: the input ends inside ${this.arrayDepth > 0 ? `element ${this.element} of the record list` : 'a JSON value'} (byte ${this.offset})`);
        }
        if (this.values === 0)
            this.fail('no JSON value in the file');
    }
    /** Skips string bytes from `i`; returns the index after the closing quote, or the chunk's length. */
    skipString(chunk, i) {
        if (this.escaped) {
            this.escaped = false;
            i++;
            if (i >= chunk.length)
                return i;
        }
        for (;;) {
            const q = chunk.indexOf(QUOTE, i);
            if (q < 0) {
                // Carry an unfinished escape into the next chunk.
                let run = 0;
                for (let k = chunk.length - 1; k >= i && chunk[k] === BACKSLASH; k--)
                    run++;
                this.escaped = run % 2 === 1;
                return chunk.length;
            }
            let run = 0;
            for (let k = q - 1; k >= i && chunk[k] === BACKSLASH; k--)
                run++;
            if (run % 2 === 0) {
                this.inString = false;
                return q + 1;
            }
            i = q + 1;
        }
    }
    openArray(depthInside, lookupEvents) {
        this.arrayDepth = depthInside;
        this.lookupEvents = lookupEvents;
    }
    startCapture(i) {
        this.capturing = true;
        this.captureDepth = this.depth;
        this.captureMaxDepth = this.depth;
        this.captureStart = i;
        this.captured = [];
        this.capturedBytes = 0;
    }
    endCapture(chunk, i) {
        this.capturing = false;
        const last = chunk.subarray(this.captureStart, i + 1);
        const text = this.captured.length
            ? Buffer.concat([...this.captured, last]).toString('utf8')
            : chunk.toString('utf8', this.captureStart, i + 1);
        this.captured = [];
        const where = this.arrayDepth > 0 ? `element ${this.element} of the record list` : `object ${this.element + 1}`;
        this.element++;
        let value;
        try {
            value = JSON.parse(text);
        }
        catch (error) {
            this.fail(`malformed JSON in ${where}: ${error.message}`);
        }
        if (this.captureMaxDepth - this.captureDepth > MAX_KEPT_DEPTH)
            value = pruneDeep(value, MAX_KEPT_DEPTH);
        this.deliver(value, where, this.arrayDepth > 0 ? this.lookupEvents : undefined);
    }
    /** `lookup`: true inside `Events`, false inside `Records`/an array, undefined for a top-level object. */
    deliver(value, where, lookup) {
        if (value === null || typeof value !== 'object' || Array.isArray(value))
            this.fail(`${where} is not an object`);
        const o = value;
        if (lookup !== false && 'CloudTrailEvent' in o) {
            const inner = o.CloudTrailEvent;
            let record = inner;
            if (typeof inner === 'string') {
                try {
                    record = JSON.parse(inner);
                }
                catch (error) {
                    this.fail(`${where}: CloudTrailEvent is not JSON: ${error.message}`);
                }
            }
            return this.deliver(record, `${where} (CloudTrailEvent)`, false);
        }
        if (lookup === true)
            this.fail(`${where} has no CloudTrailEvent`);
        if (typeof o.eventName !== 'string' && typeof o.eventTime !== 'string' && typeof o.eventID !== 'string') {
            this.fail(`${where} is not a CloudTrail record (no eventName, eventTime or eventID)`);
        }
        this.records++;
        this.onRecord(o);
    }
    /** The key written just before position `i` of the top-level object (`"Records" :`), if short. */
    lastKey(chunk, i) {
        const tailBytes = 96;
        let text = chunk.toString('latin1', Math.max(this.captureStart, i - tailBytes), i);
        if (text.length < tailBytes && this.captured.length) {
            const before = Buffer.concat(this.captured).toString('latin1');
            text = before.slice(-tailBytes) + text;
        }
        const match = /"([A-Za-z]+)"\s*:\s*$/.exec(text);
        return match?.[1];
    }
    fail(message) {
        throw new DecodeError(message);
    }
}
/** Replaces containers deeper than `limit` with a short note, iteratively (the input may be 100k deep). */
function pruneDeep(root, limit) {
    const stack = [];
    if (root !== null && typeof root === 'object')
        stack.push({ node: root, depth: 1 });
    while (stack.length) {
        const { node, depth } = stack.pop();
        const keys = Array.isArray(node) ? node.keys() : Object.keys(node).values();
        for (const k of keys) {
            const child = node[k];
            if (child === null || typeof child !== 'object')
                continue;
            if (depth >= limit)
                node[k] = `[nested deeper than ${limit} levels: left out]`;
            else
                stack.push({ node: child, depth: depth + 1 });
        }
    }
    return root;
}
function printable(byte) {
    return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`;
}


/***/ }),

/***/ 7175:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o$: () => (/* binding */ looksLikeLogFile),
/* harmony export */   xX: () => (/* binding */ parseTrailKey)
/* harmony export */ });
/* unused harmony export deliveryTime */
/**
 * CloudTrail's S3 layout (User Guide, "Finding your CloudTrail log files"):
 *
 *   [prefix/]AWSLogs/[o-orgid/]<account>/CloudTrail/<region>/YYYY/MM/DD/
 *       <account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<unique>.json.gz
 *
 * Siblings `CloudTrail-Digest/` (integrity digests) and `CloudTrail-Insight/` are not event logs.
 * The same layout is used for a local copy (`aws s3 sync`), so both sources read keys with this.
 */
const KEY = /(?:^|\/)AWSLogs\/(?:(o-[a-z0-9]{10,32})\/)?(\d{12})\/(CloudTrail|CloudTrail-Digest|CloudTrail-Insight)\/([a-z0-9-]+)\/(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)$/;
/** The parts of a key (or a local path with `/` separators) in the CloudTrail layout, else undefined. */
function parseTrailKey(key) {
    const m = KEY.exec(key);
    if (!m)
        return undefined;
    const kindText = m[3];
    const parsed = {
        account: m[2],
        kind: kindText === 'CloudTrail' ? 'log' : kindText === 'CloudTrail-Digest' ? 'digest' : 'insight',
        region: m[4],
        day: `${m[5]}/${m[6]}/${m[7]}`,
        fileName: m[8],
    };
    if (m[1])
        parsed.org = m[1];
    const delivered = deliveryTime(parsed.fileName);
    if (delivered !== undefined)
        parsed.deliveredMs = delivered;
    return parsed;
}
/** `111122223333_CloudTrail_eu-west-1_20260504T1645Z_AbCd.json.gz` → 2026-05-04T16:45Z in ms. */
function deliveryTime(fileName) {
    const m = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z_/.exec(fileName);
    if (!m)
        return undefined;
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
    return Number.isNaN(ms) ? undefined : ms;
}
/** A file name a log reader should open: JSON, JSON Lines or their gzipped forms. */
function looksLikeLogFile(name) {
    return /\.(json|jsonl|ndjson|json\.gz|jsonl\.gz|ndjson\.gz|gz)$/i.test(name);
}


/***/ }),

/***/ 9146:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ Suppressor),
/* harmony export */   Q: () => (/* binding */ parseSuppressions)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1472);
/**
 * `.github/cloudtrail-suppressions.yml`: the team's reviewed list of findings that are expected here,
 * each with why, who answers for it and until when. Nothing is hidden silently: the report lists every
 * entry with how many findings it suppressed, and an entry past its expiry stops applying and is
 * reported as expired (so a suppression is a decision with a date, not a forgotten mute).
 *
 *   suppressions:
 *     - rule: ssm-session-by-human          # a rule's slug, id or title; `*` for any rule
 *       principal: 'arn:aws:sts::111122223333:assumed-role/Ops/*'   # optional, `*` matches anything
 *       resource: 'i-0abc*'                 # optional: any resource/target of the finding
 *       reason: Ops works through Session Manager
 *       owner: '@platform-team'
 *       expires: 2026-09-30                 # required; an ISO date (end of that day, UTC)
 */


const KEYS = new Set(['rule', 'principal', 'resource', 'reason', 'owner', 'expires']);
/** Parses the file's text; every problem names the file, line and field. */
function parseSuppressions(text, file) {
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: lines, uniqueKeys: true });
    const where = (node, field) => ({
        file,
        ...(node?.range ? { line: lines.linePos(node.range[0]).line, column: lines.linePos(node.range[0]).col } : {}),
        ...(field ? { field } : {}),
    });
    if (doc.errors.length) {
        const e = doc.errors[0];
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError(`not YAML: ${e.message.split('\n')[0]}`, {
            location: { file, line: e.linePos?.[0]?.line ?? 1, column: e.linePos?.[0]?.col ?? 1 },
        });
    }
    if (doc.contents === null)
        return [];
    const root = doc.contents;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root))
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError('expected a mapping with a `suppressions:` list', { location: where(root) });
    const list = root.get('suppressions', true);
    if (list === undefined || list === null)
        return [];
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(list))
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError('`suppressions` must be a list', { location: where(list, 'suppressions') });
    return list.items.map((item, i) => {
        const field = `suppressions[${i}]`;
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(item))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError('each suppression is a mapping', { location: where(item, field) });
        const value = (key) => {
            const v = item.get(key, true);
            if (v === undefined || v === null)
                return undefined;
            const js = v.toJSON();
            if (js instanceof Date)
                return js.toISOString().slice(0, 10);
            if (typeof js !== 'string' && typeof js !== 'number') {
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError(`\`${key}\` must be text`, { location: where(v, `${field}.${key}`) });
            }
            return String(js).trim();
        };
        for (const pair of item.items) {
            const key = String(pair.key?.value ?? '');
            if (!KEYS.has(key)) {
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError(`unknown key \`${key}\``, {
                    location: where(pair.key, `${field}.${key}`),
                    hint: `a suppression has ${[...KEYS].join(', ')}`,
                });
            }
        }
        const need = (key, hint) => {
            const v = value(key);
            if (!v)
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError(`\`${key}\` is required`, { location: where(item, `${field}.${key}`), hint });
            return v;
        };
        const rule = need('rule', 'the rule slug, id or title, or * for any rule');
        const reason = need('reason', 'say why this finding is expected here');
        const owner = need('owner', 'who answers for it: a person or team handle');
        const expires = need('expires', 'every suppression ends: an ISO date such as 2026-09-30');
        const expiresMs = /^\d{4}-\d{2}-\d{2}$/.test(expires) ? Date.parse(`${expires}T23:59:59.999Z`) : NaN;
        if (Number.isNaN(expiresMs)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__.InputError(`\`expires\` must be an ISO date (YYYY-MM-DD), not '${expires}'`, {
                location: where(item.get('expires', true), `${field}.expires`),
            });
        }
        const s = { rule, reason, owner, expires, expiresMs, at: `${file}:${where(item).line ?? 1}` };
        const principal = value('principal');
        const resource = value('resource');
        if (principal)
            s.principal = principal;
        if (resource)
            s.resource = resource;
        return s;
    });
}
/** Case-insensitive glob: `*` any run of characters, everything else literal. */
function glob(pattern) {
    return new RegExp(`^${pattern
        .split('*')
        .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`, 'is');
}
/** Applies the entries to findings one at a time, counting what each suppressed. */
class Suppressor {
    entries;
    now;
    constructor(entries, now) {
        this.now = now;
        this.entries = entries.map((s) => ({
            s,
            rule: glob(s.rule),
            ...(s.principal ? { principal: glob(s.principal) } : {}),
            ...(s.resource ? { resource: glob(s.resource) } : {}),
            out: {
                rule: s.rule,
                ...(s.principal ? { principal: s.principal } : {}),
                ...(s.resource ? { resource: s.resource } : {}),
                reason: s.reason,
                owner: s.owner,
                expires: s.expires,
                at: s.at,
                expired: s.expiresMs < now,
                matched: 0,
                eventIds: [],
            },
        }));
    }
    /** True when a live entry suppresses the finding. An expired entry only counts what it would have hidden. */
    suppresses(f) {
        let hit = false;
        for (const e of this.entries) {
            if (!e.rule.test(f.ruleSlug) && !e.rule.test(f.ruleId) && !e.rule.test(f.rule))
                continue;
            if (e.principal &&
                ![f.actor.key, f.actor.arn, f.actor.sessionIssuer, f.actor.name].some((v) => v && e.principal.test(v)))
                continue;
            if (e.resource && !f.resources.some((r) => e.resource.test(r)))
                continue;
            e.out.matched += f.count;
            if (f.eventId)
                e.out.eventIds.push(f.eventId);
            if (!e.out.expired)
                hit = true;
        }
        return hit;
    }
    outcomes() {
        return this.entries.map((e) => e.out);
    }
}


/***/ }),

/***/ 3482:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A_: () => (/* binding */ LEVELS),
/* harmony export */   DA: () => (/* binding */ assessThreat),
/* harmony export */   Le: () => (/* binding */ levelRank),
/* harmony export */   parseLevel: () => (/* binding */ parseLevel)
/* harmony export */ });
/* harmony import */ var _actor_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7585);
/* harmony import */ var _provenance_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3705);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6563);
/**
 * Threat level on Sigma's scale. A finding starts at its rule's level and moves by explicit,
 * explained steps, each listed in the report:
 *
 * - root credentials: one step up (unless the rule is about root already);
 * - made by the user's pipeline, on evidence the caller cannot forge (provenance.ts: CloudFormation
 *   as `invokedBy`, or a principal declared with `--pipeline-principal`): one step down, since the
 *   change went through a pipeline and review. A User-Agent saying Terraform is only a claim (any
 *   holder of a stolen key can send it): it is shown and never lowers the level. The same change by
 *   hand in the console keeps its level (Tattletrail's idea: the console is where unreviewed changes
 *   happen);
 * - a failed call (`errorCode` present): an attempt, not a change: one step down, outcome "failed"
 *   (rules where the attempt itself is the signal, like LeaveOrganization, keep their level).
 */



const LEVELS = ['informational', 'low', 'medium', 'high', 'critical'];
function levelRank(level) {
    return LEVELS.indexOf(level);
}
function parseLevel(text) {
    const l = text.trim().toLowerCase();
    return LEVELS.includes(l) ? l : l === 'info' ? 'informational' : undefined;
}
function assessThreat(base, record, policy) {
    const steps = [];
    if (policy.actorModifiers) {
        if ((0,_record_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(record.userIdentity?.type) === 'Root')
            steps.push({ step: 1, reason: "made with the root user's credentials" });
        const evidence = (0,_provenance_js__WEBPACK_IMPORTED_MODULE_0__/* .pipelineEvidence */ .g_)(record);
        const via = (0,_actor_js__WEBPACK_IMPORTED_MODULE_2__/* .viaOf */ .wQ)(record);
        if (evidence)
            steps.push({ step: -1, reason: `made by the pipeline: ${evidence.reason}` });
        else if (via === 'iac')
            steps.push({
                step: 0,
                reason: `the User-Agent says ${(0,_actor_js__WEBPACK_IMPORTED_MODULE_2__/* .agentFamily */ .qX)((0,_record_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(record.userAgent)) ?? 'infrastructure as code'}, which any caller can send: not used to lower the level (declare the pipeline's role with --pipeline-principal)`,
            });
        else if (via === 'console')
            steps.push({ step: 0, reason: 'made by hand in the console' });
    }
    const failed = (0,_record_js__WEBPACK_IMPORTED_MODULE_1__/* .isFailed */ .Ix)(record);
    if (failed) {
        const code = (0,_record_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(record.errorCode) ?? 'failed';
        steps.push(policy.failed === 'keep'
            ? { step: 0, reason: `the call failed (${code}); the attempt alone is the signal` }
            : { step: -1, reason: `the call failed (${code}): an attempt, not a change` });
    }
    const rank = steps.reduce((r, s) => r + s.step, levelRank(base));
    return {
        severity: LEVELS[Math.max(0, Math.min(LEVELS.length - 1, rank))],
        outcome: failed ? 'failed' : 'success',
        steps,
    };
}


/***/ }),

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


/***/ }),

/***/ 370:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ pLimit)
});

// UNUSED EXPORTS: limitFunction

;// CONCATENATED MODULE: ./node_modules/yocto-queue/index.js
/*
How it works:
`this.#head` is an instance of `Node` which keeps track of its current value and nests another instance of `Node` that keeps the value that comes after it. When a value is provided to `.enqueue()`, the code needs to iterate through `this.#head`, going deeper and deeper to find the last value. However, iterating through every single item is slow. This problem is solved by saving a reference to the last value as `this.#tail` so that it can reference it to add a new value.
*/

class Node {
	value;
	next;

	constructor(value) {
		this.value = value;
	}
}

class Queue {
	#head;
	#tail;
	#size;

	constructor() {
		this.clear();
	}

	enqueue(value) {
		const node = new Node(value);

		if (this.#head) {
			this.#tail.next = node;
			this.#tail = node;
		} else {
			this.#head = node;
			this.#tail = node;
		}

		this.#size++;
	}

	dequeue() {
		const current = this.#head;
		if (!current) {
			return;
		}

		this.#head = this.#head.next;
		this.#size--;

		// Clean up tail reference when queue becomes empty
		if (!this.#head) {
			this.#tail = undefined;
		}

		return current.value;
	}

	peek() {
		if (!this.#head) {
			return;
		}

		return this.#head.value;

		// TODO: Node.js 18.
		// return this.#head?.value;
	}

	clear() {
		this.#head = undefined;
		this.#tail = undefined;
		this.#size = 0;
	}

	get size() {
		return this.#size;
	}

	* [Symbol.iterator]() {
		let current = this.#head;

		while (current) {
			yield current.value;
			current = current.next;
		}
	}

	* drain() {
		while (this.#head) {
			yield this.dequeue();
		}
	}
}

;// CONCATENATED MODULE: ./node_modules/p-limit/index.js


function pLimit(concurrency) {
	let rejectOnClear = false;

	if (typeof concurrency === 'object') {
		({concurrency, rejectOnClear = false} = concurrency);
	}

	validateConcurrency(concurrency);

	if (typeof rejectOnClear !== 'boolean') {
		throw new TypeError('Expected `rejectOnClear` to be a boolean');
	}

	const queue = new Queue();
	let activeCount = 0;

	const resumeNext = () => {
		// Process the next queued function if we're under the concurrency limit
		if (activeCount < concurrency && queue.size > 0) {
			activeCount++;
			queue.dequeue().run();
		}
	};

	const next = () => {
		activeCount--;
		resumeNext();
	};

	const run = async (function_, resolve, arguments_) => {
		// Execute the function and capture the result promise
		const result = (async () => function_(...arguments_))();

		// Resolve immediately with the promise (don't wait for completion)
		resolve(result);

		// Wait for the function to complete (success or failure)
		// We catch errors here to prevent unhandled rejections,
		// but the original promise rejection is preserved for the caller
		try {
			await result;
		} catch {}

		// Decrement active count and process next queued function
		next();
	};

	const enqueue = (function_, resolve, reject, arguments_) => {
		const queueItem = {reject};

		// Queue the internal resolve function instead of the run function
		// to preserve the asynchronous execution context.
		new Promise(internalResolve => { // eslint-disable-line promise/param-names
			queueItem.run = internalResolve;
			queue.enqueue(queueItem);
		}).then(run.bind(undefined, function_, resolve, arguments_)); // eslint-disable-line promise/prefer-await-to-then

		// Start processing immediately if we haven't reached the concurrency limit
		if (activeCount < concurrency) {
			resumeNext();
		}
	};

	const generator = (function_, ...arguments_) => new Promise((resolve, reject) => {
		enqueue(function_, resolve, reject, arguments_);
	});

	Object.defineProperties(generator, {
		activeCount: {
			get: () => activeCount,
		},
		pendingCount: {
			get: () => queue.size,
		},
		clearQueue: {
			value() {
				if (!rejectOnClear) {
					queue.clear();
					return;
				}

				const abortError = AbortSignal.abort().reason;

				while (queue.size > 0) {
					queue.dequeue().reject(abortError);
				}
			},
		},
		concurrency: {
			get: () => concurrency,

			set(newConcurrency) {
				validateConcurrency(newConcurrency);
				concurrency = newConcurrency;

				queueMicrotask(() => {
					// eslint-disable-next-line no-unmodified-loop-condition
					while (activeCount < concurrency && queue.size > 0) {
						resumeNext();
					}
				});
			},
		},
		map: {
			async value(iterable, function_) {
				const promises = [];

				try {
					Array.from(iterable, (value, index) => {
						const promise = generator(function_, value, index);
						promises.push(promise);
						return promise;
					});
				} catch (error) {
					// The iterable threw, so `Promise.all` never observes the already scheduled promises. Observe them here to avoid unhandled rejections.
					for (const promise of promises) {
						promise.catch(() => {}); // eslint-disable-line promise/prefer-await-to-then
					}

					throw error;
				}

				return Promise.all(promises);
			},
		},
	});

	return generator;
}

function limitFunction(function_, options) {
	const limit = pLimit(options);

	const limitedFunction = (...arguments_) => limit(() => function_(...arguments_));
	Object.defineProperty(limitedFunction, 'clearQueue', {
		value: limit.clearQueue,
	});

	return limitedFunction;
}

function validateConcurrency(concurrency) {
	if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
		throw new TypeError('Expected `concurrency` to be a number from 1 and up');
	}
}


/***/ })

};
