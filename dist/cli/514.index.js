export const id = 514;
export const ids = [514,482];
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


/***/ })

};
