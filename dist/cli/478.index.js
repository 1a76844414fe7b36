export const id = 478;
export const ids = [478];
export const modules = {

/***/ 1478:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  REPORT_FORMATS: () => (/* binding */ REPORT_FORMATS),
  parseFormats: () => (/* binding */ parseFormats)
});

// EXTERNAL MODULE: ./shared/util/errors.ts
var errors = __webpack_require__(1472);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./shared/report/escape.ts
var report_escape = __webpack_require__(6682);
// EXTERNAL MODULE: ./shared/cloudtrail/threat.ts
var threat = __webpack_require__(3482);
;// CONCATENATED MODULE: ./shared/cloudtrail/render/html.ts
/**
 * A self-contained HTML dashboard of the findings (the seed's wish: "a dashboard of the highest
 * threat items of the last 24 hours"), uploaded as a workflow artifact and opened from disk.
 *
 * - Rendered on the server side: every value from the logs is written through escapeHtml, into text
 *   or quoted attributes only; the page's script never builds HTML from data, it only reorders and
 *   hides the rows already there (sorting, filtering, actor focus).
 * - No external resource: inline CSS and one inline script, allowed by a Content-Security-Policy
 *   with `default-src 'none'` and the script's own SHA-256, so an injected tag could neither load
 *   nor run anything even if escaping failed.
 */



const STYLE = `
:root{--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--critical:#b3261e;--high:#d4590f;--medium:#a37b00;--low:#1f6feb;--informational:#6e7781}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#30363d}}
*{box-sizing:border-box}body{margin:0;padding:24px;font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;background:var(--bg);color:var(--fg)}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}.muted{color:var(--muted)}
.badges{display:flex;gap:8px;flex-wrap:wrap;margin:12px 0}.badge{border:1px solid var(--line);border-radius:6px;padding:4px 10px}
.sev{display:inline-block;min-width:84px;font-weight:600}.sev-critical{color:var(--critical)}.sev-high{color:var(--high)}.sev-medium{color:var(--medium)}.sev-low{color:var(--low)}.sev-informational{color:var(--informational)}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{cursor:pointer;user-select:none;white-space:nowrap}th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;word-break:break-all}
.controls{display:flex;gap:12px;flex-wrap:wrap;align-items:center;margin:8px 0 12px}input,select,button{font:inherit;padding:4px 6px}
details summary{cursor:pointer}dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0}dt{color:var(--muted)}
.actor-row{cursor:pointer}.actor-row:hover{background:rgba(127,127,127,.1)}.warn{color:var(--high)}
.strip{display:flex;gap:1px;margin:2px 0 8px;flex-wrap:nowrap;overflow-x:auto}.cell{flex:0 0 auto;width:10px;height:16px;border-radius:2px;background:var(--line)}
.cell.on{background:#2da44e}.cell.off{background:var(--critical);opacity:.55}.cell.f-critical{background:var(--critical)}.cell.f-high{background:var(--high)}.cell.f-medium{background:var(--medium)}.cell.f-low{background:var(--low)}.cell.f-informational{background:var(--informational)}
.stream{display:grid;grid-template-columns:minmax(180px,max-content) 1fr;gap:0 12px;align-items:center}.new{font-weight:600;color:#2da44e}
`;
const SCRIPT = `
(function(){
  var table=document.getElementById('findings');var body=table.tBodies[0];
  var rows=Array.prototype.slice.call(body.rows);
  var q=document.getElementById('q'),min=document.getElementById('min'),outcome=document.getElementById('outcome'),actor=document.getElementById('actor');
  var count=document.getElementById('shown');
  function apply(){
    var text=q.value.trim().toLowerCase(),m=Number(min.value),o=outcome.value,a=actor.value,n=0;
    rows.forEach(function(r){
      var ok=Number(r.getAttribute('data-rank'))>=m&&(!o||r.getAttribute('data-outcome')===o)&&(!a||r.getAttribute('data-actor')===a)&&(!text||r.textContent.toLowerCase().indexOf(text)>=0);
      r.hidden=!ok;if(ok)n++;
    });
    count.textContent=String(n);
  }
  [q,min,outcome,actor].forEach(function(el){el.addEventListener('input',apply);el.addEventListener('change',apply);});
  Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,i){
    th.addEventListener('click',function(){
      var dir=th.getAttribute('aria-sort')==='descending'?'ascending':'descending';
      Array.prototype.forEach.call(table.tHead.rows[0].cells,function(c){c.removeAttribute('aria-sort');});
      th.setAttribute('aria-sort',dir);
      var numeric=th.getAttribute('data-type')==='number';
      rows.sort(function(x,y){
        var a=x.cells[i].getAttribute('data-sort')||x.cells[i].textContent,b=y.cells[i].getAttribute('data-sort')||y.cells[i].textContent;
        var c=numeric?Number(a)-Number(b):a.localeCompare(b);
        return dir==='ascending'?c:-c;
      });
      rows.forEach(function(r){body.appendChild(r);});
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('.actor-row'),function(r){
    r.addEventListener('click',function(){actor.value=r.getAttribute('data-actor');apply();table.scrollIntoView();});
  });
  apply();
})();
`;
function renderCloudTrailHtml(report) {
    const scriptHash = (0,external_node_crypto_.createHash)('sha256').update(SCRIPT).digest('base64');
    const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:; base-uri 'none'; form-action 'none'`;
    const { stats } = report;
    const window = `${report.window.since ?? 'beginning of the logs'} → ${report.window.until ?? 'now'}`;
    const parts = [];
    parts.push('<!doctype html>', '<html lang="en"><head><meta charset="utf-8">', `<meta http-equiv="Content-Security-Policy" content="${(0,report_escape/* escapeHtml */.ZD)(csp)}">`, '<meta name="viewport" content="width=device-width,initial-scale=1">', '<meta name="referrer" content="no-referrer">', `<title>CloudTrail risky changes · ${(0,report_escape/* escapeHtml */.ZD)(window)}</title>`, `<style>${STYLE}</style></head><body>`, '<h1>CloudTrail: risky changes</h1>', `<div class="muted">Window ${(0,report_escape/* escapeHtml */.ZD)(window)} · source <code>${(0,report_escape/* escapeHtml */.ZD)(report.source.location)}</code>${report.source.regions?.length ? ` (${report.source.regions.map((r) => (0,report_escape/* escapeHtml */.ZD)(r)).join(', ')})` : ''} · ${stats.events} events · ${stats.files} file(s)${stats.malformed ? ` · <span class="warn">${stats.malformed} unreadable</span>` : ''} · generated ${(0,report_escape/* escapeHtml */.ZD)(report.generatedAt)} by telltale ${(0,report_escape/* escapeHtml */.ZD)(report.tool.version)}</div>`, '<div class="badges">', ...threat/* LEVELS */.A_.slice()
        .reverse()
        .map((l) => `<span class="badge"><span class="sev sev-${l}">${l}</span> ${report.groups.filter((g) => g.severity === l).length} row(s) · ${stats.bySeverity[l]} event(s)</span>`), ...(report.previous
        ? [`<span class="badge new">${report.previous.newGroups} new since the last report</span>`]
        : []), ...(stats.suppressed ? [`<span class="badge">${stats.suppressed} suppressed</span>`] : []), '</div>');
    for (const note of report.source.notes)
        parts.push(`<p class="muted">${(0,report_escape/* escapeHtml */.ZD)(note)}</p>`);
    parts.push('<h2>Log health</h2><ul>');
    const health = report.health;
    parts.push(health.hours
        ? `<li${health.silentHours ? ' class="warn"' : ''}>Hours with ${health.basis === 'deliveries' ? 'no log file delivered' : 'no event returned'}: ${health.silentHours} of ${health.hours}${health.silent.length ? ` (${health.silent.map((s) => `<code>${(0,report_escape/* escapeHtml */.ZD)(s)}</code>`).join(', ')})` : ''}</li>`
        : '<li>No hours to examine.</li>');
    for (const c of health.trailChanges) {
        parts.push(`<li class="warn">Trail change <code>${(0,report_escape/* escapeHtml */.ZD)(c.eventName)}</code> <code>${(0,report_escape/* escapeHtml */.ZD)(c.trail)}</code> by ${(0,report_escape/* escapeHtml */.ZD)(c.actor)} at <code>${(0,report_escape/* escapeHtml */.ZD)(c.eventTime)}</code> in ${(0,report_escape/* escapeHtml */.ZD)(c.region)}${c.outcome === 'failed' ? ' (failed)' : ''}</li>`);
    }
    if (!health.trailChanges.length)
        parts.push('<li>No trail configuration changes seen.</li>');
    for (const m of report.malformedFiles.slice(0, 100)) {
        parts.push(`<li class="warn">Unreadable: <code>${(0,report_escape/* escapeHtml */.ZD)(m.file)}</code>: ${(0,report_escape/* escapeHtml */.ZD)(m.reason)}</li>`);
    }
    parts.push('</ul>');
    parts.push(...strips(report));
    const expired = report.suppressions.filter((x) => x.expired);
    if (report.suppressions.length) {
        parts.push('<h2>Suppressions</h2><ul>');
        for (const x of report.suppressions) {
            parts.push(`<li${x.expired ? ' class="warn"' : ''}>${x.expired ? '<strong>expired</strong> ' : ''}<code>${(0,report_escape/* escapeHtml */.ZD)(x.rule)}</code>${x.principal ? ` principal <code>${(0,report_escape/* escapeHtml */.ZD)(x.principal)}</code>` : ''}${x.resource ? ` resource <code>${(0,report_escape/* escapeHtml */.ZD)(x.resource)}</code>` : ''}: ${(0,report_escape/* escapeHtml */.ZD)(x.reason)} — ${(0,report_escape/* escapeHtml */.ZD)(x.owner)}, until <code>${(0,report_escape/* escapeHtml */.ZD)(x.expires)}</code> (<code>${(0,report_escape/* escapeHtml */.ZD)(x.at)}</code>): ${x.expired ? `would have hidden ${x.matched} event(s); reported instead` : `${x.matched} event(s) suppressed`}</li>`);
        }
        parts.push(`</ul>${expired.length ? `<p class="warn">${expired.length} suppression(s) expired: renew or remove them.</p>` : ''}`);
    }
    parts.push('<h2>Actors</h2>');
    if (report.actors.length) {
        parts.push('<table><thead><tr><th>Highest</th><th>Actor</th><th>Type</th><th>Rows</th><th>Events</th></tr></thead><tbody>');
        for (const a of report.actors) {
            parts.push(`<tr class="actor-row" data-actor="${(0,report_escape/* escapeHtml */.ZD)(a.key)}" title="show only this actor"><td><span class="sev sev-${a.highest}">${a.highest}</span></td><td>${(0,report_escape/* escapeHtml */.ZD)(a.name)}${a.arn ? `<br><code>${(0,report_escape/* escapeHtml */.ZD)(a.arn)}</code>` : ''}</td><td>${(0,report_escape/* escapeHtml */.ZD)(a.type)}</td><td>${a.groups}</td><td>${a.findings}</td></tr>`);
        }
        parts.push('</tbody></table>');
    }
    else {
        parts.push('<p>No findings.</p>');
    }
    parts.push('<h2>Findings</h2>', '<div class="controls">', '<label>Search <input id="q" type="search" placeholder="actor, event, resource, IP…"></label>', `<label>At least <select id="min">${threat/* LEVELS */.A_.map((l, i) => `<option value="${i}">${l}</option>`).join('')}</select></label>`, '<label>Outcome <select id="outcome"><option value="">any</option><option value="success">success</option><option value="failed">failed (attempt)</option></select></label>', `<label>Actor <select id="actor"><option value="">all</option>${report.actors
        .map((a) => `<option value="${(0,report_escape/* escapeHtml */.ZD)(a.key)}">${(0,report_escape/* escapeHtml */.ZD)(a.name)}</option>`)
        .join('')}</select></label>`, `<span class="muted"><span id="shown">${Math.min(report.groups.length, MAX_ROWS)}</span> of ${report.groups.length} row(s) shown</span>`, '</div>', '<table id="findings"><thead><tr><th data-type="number">Severity</th><th data-type="number">Events</th><th>When (UTC)</th><th>Actor</th><th>What</th><th>Where</th><th>Rule</th></tr></thead><tbody>');
    const example = new Map();
    for (const f of report.findings)
        if (f.group && !example.has(f.group))
            example.set(f.group, f);
    for (const g of report.groups.slice(0, MAX_ROWS))
        parts.push(groupRow(g, example.get(g.id)));
    parts.push('</tbody></table>');
    if (report.groups.length > MAX_ROWS) {
        const rest = report.groups.slice(MAX_ROWS);
        parts.push(`<p class="warn">${rest.length} more row(s) (${rest.reduce((n, g) => n + g.count, 0)} event(s)) are in the JSON report, not on this page.</p>`);
    }
    parts.push(`<p class="muted">${report.rules.loaded.length} rule(s) ran. ${report.rules.problems.length
        ? `<span class="warn">${report.rules.problems.length} rule(s) could not be loaded.</span>`
        : ''} Sigma-derived findings name the rule author, as the Detection Rule License requires.</p>`);
    parts.push(`<script>${SCRIPT}</script></body></html>`);
    return `${parts.join('\n')}\n`;
}
/** Rows on the page; the JSON report has them all. Keeps a night of 200k findings a page of a few MB at most. */
const MAX_ROWS = 2000;
function strips(report) {
    const health = report.health;
    if (!health.hours || !health.from)
        return [];
    const from = Date.parse(health.from);
    const cell = health.cellHours * 3_600_000;
    const label = (i) => `${new Date(from + i * cell).toISOString().slice(0, 13)}:00Z${health.cellHours > 1 ? ` (+${health.cellHours}h)` : ''}`;
    const perCell = new Map();
    for (const t of report.timeline) {
        const i = Math.floor((Date.parse(t.hour) - from) / cell);
        if (i < 0 || i >= health.strip.length)
            continue;
        const c = perCell.get(i) ?? { n: 0, highest: 'informational' };
        c.n += t.findings;
        if ((0,threat/* levelRank */.Le)(t.highest) > (0,threat/* levelRank */.Le)(c.highest))
            c.highest = t.highest;
        perCell.set(i, c);
    }
    const out = ['<h2>Findings by hour</h2><div class="strip" aria-label="findings by hour">'];
    for (let i = 0; i < health.strip.length; i++) {
        const c = perCell.get(i);
        out.push(`<span class="cell${c ? ` f-${c.highest}` : ''}" title="${(0,report_escape/* escapeHtml */.ZD)(label(i))}: ${c ? `${c.n} finding(s), worst ${c.highest}` : 'no findings'}"></span>`);
    }
    out.push('</div>');
    const basis = health.basis === 'deliveries' ? 'log files delivered' : 'events returned';
    out.push(`<h2>Log health by account and region</h2><p class="muted">Green: ${basis} in that hour; red: nothing.</p>`);
    const rows = health.streams.length
        ? health.streams.map((s) => ({ name: `${s.account} / ${s.region}`, strip: s.strip, extra: `${s.files} file(s)` }))
        : [{ name: 'all', strip: health.strip, extra: '' }];
    for (const r of rows.slice(0, 200)) {
        out.push(`<div class="stream"><span><code>${(0,report_escape/* escapeHtml */.ZD)(r.name)}</code> <span class="muted">${(0,report_escape/* escapeHtml */.ZD)(r.extra)}</span></span><div class="strip">`);
        for (let i = 0; i < r.strip.length; i++) {
            const on = r.strip[i] === '1';
            out.push(`<span class="cell ${on ? 'on' : 'off'}" title="${(0,report_escape/* escapeHtml */.ZD)(label(i))}: ${on ? basis : 'silent'}"></span>`);
        }
        out.push('</div></div>');
    }
    if (rows.length > 200)
        out.push(`<p class="muted">${rows.length - 200} more stream(s) in the JSON report.</p>`);
    return out;
}
function groupRow(g, f) {
    const rank = (0,threat/* levelRank */.Le)(g.severity);
    const detail = [
        ['rule', g.description ?? ''],
        ['ATT&CK', g.attack.join(', ')],
        ['target', g.target],
        ['events', `${g.count} (${g.success} succeeded, ${g.failed} failed)`],
        ['accounts', g.accounts.join(', ')],
        [
            'event IDs',
            `${g.eventIds.slice(0, 20).join(', ')}${g.eventIds.length > 20 ? `, … (${g.eventIds.length} in the JSON)` : ''}`,
        ],
    ];
    if (f) {
        detail.push(['actor ARN', f.actor.arn ?? ''], ['session issuer', f.actor.sessionIssuer ?? ''], [
            'access key',
            f.actor.accessKeyId ? `${f.actor.accessKeyId}${f.actor.credential ? ` (${f.actor.credential})` : ''}` : '',
        ], ['user agent', f.userAgent], ['source IP', f.sourceIPAddress], ['error', f.errorCode ? `${f.errorCode}${f.errorMessage ? `: ${f.errorMessage}` : ''}` : ''], ...Object.entries(f.details), [
            'level',
            `${f.baseLevel}${f.modifiers.map((m) => ` ${m.step > 0 ? '+1' : m.step < 0 ? '−1' : '±0'} (${m.reason})`).join('')} → ${f.severity}`,
        ]);
    }
    const dl = detail
        .filter(([, v]) => v !== '')
        .map(([k, v]) => `<dt>${(0,report_escape/* escapeHtml */.ZD)(k)}</dt><dd><code>${(0,report_escape/* escapeHtml */.ZD)(v)}</code></dd>`)
        .join('');
    const ruleLink = f?.ruleLink && /^https:\/\//.test(f.ruleLink) ? ` <a href="${(0,report_escape/* escapeHtml */.ZD)(f.ruleLink)}" rel="noreferrer noopener">↗</a>` : '';
    // consoleUrl is built from a checked region and event id (findings.ts), never from free text.
    const eventLink = g.consoleUrl
        ? ` <a href="${(0,report_escape/* escapeHtml */.ZD)(g.consoleUrl)}" rel="noreferrer noopener" title="the latest event in the CloudTrail console">console ↗</a>`
        : '';
    const when = g.firstSeen === g.lastSeen ? g.firstSeen : `${g.firstSeen} → ${g.lastSeen}`;
    return [
        `<tr data-rank="${rank}" data-outcome="${g.success ? 'success' : 'failed'}" data-actor="${(0,report_escape/* escapeHtml */.ZD)(g.actor.key)}">`,
        `<td data-sort="${rank}">${g.new ? '<span class="new">new</span><br>' : ''}<span class="sev sev-${g.severity}">${g.severity}</span>${!g.success ? '<br><span class="muted">attempt</span>' : ''}</td>`,
        `<td data-sort="${g.count}">${g.count}</td>`,
        `<td><code>${(0,report_escape/* escapeHtml */.ZD)(when)}</code></td>`,
        `<td>${(0,report_escape/* escapeHtml */.ZD)(g.actor.name)}<br><span class="muted">${(0,report_escape/* escapeHtml */.ZD)(g.actor.type)}</span></td>`,
        `<td><details><summary>${(0,report_escape/* escapeHtml */.ZD)(g.summary)}</summary><dl>${dl}</dl></details>${eventLink}</td>`,
        `<td>${(0,report_escape/* escapeHtml */.ZD)(g.regions.join(', '))}${f ? `<br><span class="muted">${(0,report_escape/* escapeHtml */.ZD)(f.via)}</span>` : ''}</td>`,
        `<td>${(0,report_escape/* escapeHtml */.ZD)(g.rule)}${g.attack.length ? `<br><span class="muted">${(0,report_escape/* escapeHtml */.ZD)(g.attack.join(', '))}</span>` : ''}${g.ruleAuthor ? `<br><span class="muted">by ${(0,report_escape/* escapeHtml */.ZD)(g.ruleAuthor)}</span>` : ''}${ruleLink}</td>`,
        '</tr>',
    ].join('');
}

;// CONCATENATED MODULE: ./shared/cloudtrail/render/json.ts
function renderCloudTrailJson(report) {
    return `${JSON.stringify(report, null, 2)}\n`;
}

// EXTERNAL MODULE: ./shared/cloudtrail/render/markdown.ts
var markdown = __webpack_require__(3608);
;// CONCATENATED MODULE: ./shared/cloudtrail/render/ocsf.ts
const OCSF_VERSION = '1.3.0';
/** OCSF severity_id: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical. */
const SEVERITY = {
    informational: [1, 'Informational'],
    low: [2, 'Low'],
    medium: [3, 'Medium'],
    high: [4, 'High'],
    critical: [5, 'Critical'],
};
function renderCloudTrailOcsf(report) {
    const examples = new Map(report.findings.filter((f) => f.group).map((f) => [f.group, f]));
    const out = report.groups.map((g) => detectionFinding(report, g, examples.get(g.id)));
    return `${JSON.stringify(out, null, 2)}\n`;
}
function ms(iso) {
    const t = Date.parse(iso);
    return Number.isNaN(t) ? undefined : t;
}
function detectionFinding(report, g, f) {
    const [severityId, severity] = SEVERITY[g.severity];
    const first = ms(g.firstSeen);
    const last = ms(g.lastSeen);
    return {
        activity_id: 1,
        activity_name: 'Create',
        category_uid: 2,
        category_name: 'Findings',
        class_uid: 2004,
        class_name: 'Detection Finding',
        type_uid: 200401,
        type_name: 'Detection Finding: Create',
        severity_id: severityId,
        severity,
        status_id: 1,
        status: 'New',
        time: last ?? Date.parse(report.generatedAt),
        ...(first !== undefined ? { start_time: first } : {}),
        ...(last !== undefined ? { end_time: last } : {}),
        count: g.count,
        message: g.summary,
        metadata: {
            version: OCSF_VERSION,
            product: { name: 'telltale', vendor_name: 'telltale', version: report.tool.version },
            log_name: 'cloudtrail',
            original_time: report.generatedAt,
        },
        finding_info: {
            uid: g.id,
            title: g.rule,
            ...(g.description ? { desc: g.description } : {}),
            types: [g.ruleSlug],
            ...(first !== undefined ? { first_seen_time: first } : {}),
            ...(last !== undefined ? { last_seen_time: last } : {}),
            analytic: {
                uid: g.ruleId,
                name: g.ruleSlug,
                type_id: 1,
                type: 'Rule',
                ...(g.ruleAuthor ? { desc: `author: ${g.ruleAuthor}` } : {}),
            },
            ...(g.consoleUrl ? { src_url: g.consoleUrl } : {}),
            related_events: g.eventIds.map((uid) => ({ uid, product_uid: 'aws-cloudtrail' })),
        },
        attacks: g.attack.map((uid) => ({ technique: { uid }, version: 'v15' })),
        actor: {
            user: {
                uid: g.actor.arn ?? g.actor.key,
                name: g.actor.name,
                type: g.actor.type,
                ...(f?.actor.accessKeyId ? { credential_uid: f.actor.accessKeyId } : {}),
            },
            ...(f?.actor.sessionIssuer ? { session: { issuer: f.actor.sessionIssuer } } : {}),
        },
        cloud: {
            provider: 'AWS',
            ...(g.regions[0] ? { region: g.regions[0] } : {}),
            ...(g.accounts[0] ? { account: { uid: g.accounts[0], type: 'AWS Account', type_id: 10 } } : {}),
        },
        ...(f?.sourceIPAddress && /^[0-9a-f.:]+$/i.test(f.sourceIPAddress)
            ? { src_endpoint: { ip: f.sourceIPAddress } }
            : {}),
        ...(g.target ? { resources: [{ uid: g.target }] } : {}),
        unmapped: {
            success: g.success,
            failed: g.failed,
            regions: g.regions,
            accounts: g.accounts,
            ...(g.new !== undefined ? { new_since_last_report: g.new } : {}),
            ...(f
                ? { event_name: f.eventName, event_source: f.eventSource, level_reasons: f.modifiers.map((m) => m.reason) }
                : {}),
        },
    };
}

;// CONCATENATED MODULE: ./shared/cloudtrail/render/formats.ts
/**
 * The report formats, by name, for `--format markdown,html,ocsf` and the action's `formats` input:
 * several formats from one scan. Each has a default file name for `--output DIR`; an item may name
 * its own path (`html:dashboard.html`).
 */





const REPORT_FORMATS = {
    json: { file: 'cloudtrail-report.json', render: renderCloudTrailJson },
    markdown: { file: 'cloudtrail-report.md', render: (r) => (0,markdown.renderCloudTrailMarkdown)(r) },
    html: { file: 'cloudtrail-dashboard.html', render: renderCloudTrailHtml },
    ocsf: { file: 'cloudtrail-findings.ocsf.json', render: renderCloudTrailOcsf },
};
function parseFormats(text, field = '--format') {
    const out = [];
    for (const item of text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)) {
        const at = item.indexOf(':');
        const name = (at < 0 ? item : item.slice(0, at)).toLowerCase();
        const format = (name === 'md' ? 'markdown' : name);
        if (!Object.hasOwn(REPORT_FORMATS, format)) {
            throw new errors.InputError(`unknown report format '${name}'`, {
                location: { field },
                hint: `one or more of ${Object.keys(REPORT_FORMATS).join(', ')}, separated by commas (a format may name its file: html:dash.html)`,
            });
        }
        if (out.some((f) => f.format === format))
            continue;
        const path = at < 0 ? undefined : item.slice(at + 1).trim();
        out.push(path ? { format, path } : { format });
    }
    if (!out.length)
        throw new errors.InputError('no report format given', { location: { field } });
    return out;
}


/***/ })

};
