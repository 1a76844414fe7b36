export const id = 608;
export const ids = [608,482];
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

/***/ 3608:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderCloudTrailMarkdown: () => (/* binding */ renderCloudTrailMarkdown)
/* harmony export */ });
/* unused harmony export ICON */
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6682);
/* harmony import */ var _report_markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(216);
/* harmony import */ var _threat_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3482);
/**
 * The report as GitHub Markdown: a job summary or the body of the nightly issue. It is meant to be
 * read in a minute: counts first, log health in one line (a quiet night with logging off is not a
 * quiet night), then one row per group of repeated findings (rule, principal, target) with how many
 * events and when, the worst first, capped with a count of what is left for the JSON. Every value
 * from the logs goes through escapeMarkdown / markdownCode.
 */



const ICON = {
    critical: '🟥',
    high: '🟧',
    medium: '🟨',
    low: '🟦',
    informational: '⬜',
};
function renderCloudTrailMarkdown(report, options = {}) {
    const max = options.maxFindings ?? 20;
    const out = [];
    const { stats } = report;
    out.push(`## ${options.title ?? 'CloudTrail: risky changes'}`, '');
    const window = `${report.window.since ?? 'the beginning of the logs'} → ${report.window.until ?? 'now'}`;
    out.push(`Window ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__.escapeMarkdown)(window)} · source ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)(report.source.location)}${report.source.regions?.length ? ` (${report.source.regions.length} region(s))` : ''} · ${stats.events} events from ${stats.files} ${report.source.kind === 'lookup' ? 'region lookup(s)' : 'file(s)'}${stats.duplicates ? ` · ${stats.duplicates} duplicate(s) dropped` : ''}${stats.malformed ? ` · **${stats.malformed} unreadable file(s)**` : ''}`, '');
    // Rows per severity: what a person reads. Events are in brackets.
    const rows = new Map();
    for (const g of report.groups)
        rows.set(g.severity, (rows.get(g.severity) ?? 0) + 1);
    out.push(`${_threat_js__WEBPACK_IMPORTED_MODULE_0__/* .LEVELS */ .A_.slice()
        .reverse()
        .map((l) => `${ICON[l]} ${l} **${rows.get(l) ?? 0}**`)
        .join(' · ')} — ${report.groups.length} row(s) from ${stats.findings} event(s)`);
    const extras = [];
    if (report.previous)
        extras.push(`🆕 **${report.previous.newGroups}** new since the last report (${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)(report.previous.generatedAt)})`);
    const live = report.suppressions.filter((s) => !s.expired);
    const expired = report.suppressions.filter((s) => s.expired);
    if (stats.suppressed)
        extras.push(`🔕 ${stats.suppressed} event(s) suppressed by ${live.filter((s) => s.matched).length} entr(ies)`);
    if (expired.length)
        extras.push(`⚠️ **${expired.length} expired suppression(s)** (below)`);
    if (extras.length)
        out.push('', extras.join(' · '));
    for (const note of report.source.notes.slice(0, 5))
        out.push('', `> ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__.escapeMarkdown)(note)}`);
    out.push('', healthLine(report));
    if (report.malformedFiles.length) {
        out.push('', (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownDetails */ .oG)(`⚠️ ${report.malformedFiles.length} unreadable file(s)`, (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownTable */ .Qj)(['File', 'Problem', 'Records read before it'], report.malformedFiles.slice(0, 50).map((m) => [(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)(m.file), (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__.escapeMarkdown)(m.reason), String(m.records)]))));
    }
    out.push('', '### Findings', '');
    if (!report.groups.length)
        out.push('No rule matched an event in the window.');
    else {
        const shown = report.groups.slice(0, max);
        out.push((0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownTable */ .Qj)(['Severity', 'What', 'Who', 'Events', 'When (UTC)', 'Rule'], shown.map((g) => row(g))));
        const rest = report.groups.slice(max);
        if (rest.length) {
            const byRule = new Map();
            for (const g of rest)
                byRule.set(g.rule, (byRule.get(g.rule) ?? 0) + g.count);
            const top = [...byRule.entries()].sort((a, b) => b[1] - a[1]);
            out.push('', `…and ${rest.length} more row(s), ${rest.reduce((n, g) => n + g.count, 0)} event(s), in the JSON report: ${top
                .slice(0, 5)
                .map(([rule, n]) => `${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__.escapeMarkdown)(rule)} ×${n}`)
                .join(', ')}${top.length > 5 ? ', …' : ''}.`);
        }
    }
    const why = report.findings.filter((f) => f.modifiers.length).slice(0, 30);
    if (why.length) {
        out.push('', (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownDetails */ .oG)('Why these levels (modifiers, with the evidence used)', why
            .map((f) => `- ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)(f.eventId || f.eventName)} ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__.escapeMarkdown)(f.rule)}: ${f.baseLevel}${f.modifiers
            .map((m) => ` ${m.step > 0 ? '+1' : m.step < 0 ? '−1' : '±0'} (${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__.escapeMarkdown)(m.reason)})`)
            .join('')} → **${f.severity}**`)
            .join('\n')));
    }
    if (report.suppressions.length) {
        out.push('', (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownDetails */ .oG)(`Suppressions: ${live.length} live, ${expired.length} expired`, report.suppressions
            .map((s) => `- ${s.expired ? '⚠️ **expired** ' : ''}${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)(s.rule)}${s.principal ? ` principal ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)(s.principal)}` : ''}${s.resource ? ` resource ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)(s.resource)}` : ''}: ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__.escapeMarkdown)(s.reason)} — ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__.escapeMarkdown)(s.owner)}, until ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)(s.expires)} (${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)(s.at)}): ${s.expired ? `would have hidden ${s.matched} event(s), now reported` : `${s.matched} event(s) suppressed`}`)
            .join('\n')));
    }
    out.push('', rulesFooter(report));
    const text = `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
    return (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .truncateMarkdown */ .o4)(text, options.limit ?? 65_000, '_(truncated: the full report is in the JSON and HTML artifacts)_');
}
function healthLine(report) {
    const h = report.health;
    const parts = [];
    if (h.hours) {
        const what = h.basis === 'deliveries' ? 'log files delivered' : 'events returned';
        parts.push(h.silentHours
            ? `⚠️ ${h.silentHours} of ${h.hours} hour(s) with no ${what.split(' ')[0]} (${h.silent.slice(0, 6).map(_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9).join(', ')}${h.silentHours > 6 ? ', …' : ''})`
            : `✅ ${what} in every hour (${h.hours})`);
    }
    else
        parts.push('no hours to examine (nothing delivered in the window)');
    const gappy = h.streams.filter((s) => s.silentHours > 0);
    if (h.streams.length)
        parts.push(`${h.streams.length} account/region stream(s)${gappy.length ? `, ${gappy.length} with gaps` : ''}`);
    if (h.trailChanges.length)
        parts.push(`⚠️ trail changes: ${h.trailChanges
            .slice(0, 3)
            .map((c) => `${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)(c.eventName)} by ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__.escapeMarkdown)(c.actor)}${c.outcome === 'failed' ? ' (failed)' : ''}`)
            .join(', ')}${h.trailChanges.length > 3 ? ', …' : ''}`);
    return `**Log health:** ${parts.join(' · ')}`;
}
function when(g) {
    const t = (iso) => iso.replace('T', ' ').replace(/(:\d\d)(\.\d+)?Z$/, '');
    if (!g.firstSeen)
        return '';
    if (g.firstSeen === g.lastSeen)
        return (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)(t(g.firstSeen));
    const sameDay = g.firstSeen.slice(0, 10) === g.lastSeen.slice(0, 10);
    return (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)(`${t(g.firstSeen)} → ${sameDay ? t(g.lastSeen).slice(11) : t(g.lastSeen)}`);
}
function row(g) {
    const what = g.consoleUrl ? `[${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__.escapeMarkdown)(g.summary)}](${g.consoleUrl})` : (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__.escapeMarkdown)(g.summary);
    const rule = `${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__.escapeMarkdown)(g.rule)}${g.attack.length ? ` · ${g.attack.slice(0, 2).join(', ')}` : ''}${g.ruleAuthor && g.ruleAuthor !== 'telltale' ? ` (by ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__.escapeMarkdown)(g.ruleAuthor)})` : ''}`;
    return [
        `${g.new ? '🆕 ' : ''}${ICON[g.severity]} ${g.severity}${g.failed && !g.success ? ' · attempt' : ''}`,
        what,
        (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__.escapeMarkdown)(g.actor.name),
        g.failed && g.success ? `${g.count} (${g.failed} failed)` : String(g.count),
        when(g),
        rule,
    ];
}
function rulesFooter(report) {
    const { loaded, problems, otherLogsource } = report.rules;
    const builtin = loaded.filter((r) => r.origin === 'builtin').length;
    const lines = [`${loaded.length} rule(s) ran (${builtin} built-in, ${loaded.length - builtin} from --rules).`];
    if (problems.length) {
        lines.push('', (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownDetails */ .oG)(`⚠️ ${problems.length} rule problem(s): these rules did not run`, problems
            .map((p) => `- ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)(`${p.file}${p.line ? `:${p.line}` : ''}${p.column ? `:${p.column}` : ''}`)} ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__.escapeMarkdown)(p.rule ?? '')} ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__.escapeMarkdown)(p.message)}`)
            .join('\n')));
    }
    if (otherLogsource.length)
        lines.push('', `${otherLogsource.length} rule(s) for other log sources were skipped.`);
    const sigma = loaded.filter((r) => r.origin === 'custom' && r.findings > 0 && r.author);
    if (sigma.length) {
        lines.push('', `Sigma rules with findings, by author (Detection Rule License): ${sigma.map((r) => `${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__.escapeMarkdown)(r.title)} by ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__.escapeMarkdown)(r.author)}`).join('; ')}.`);
    }
    return lines.join('\n');
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
