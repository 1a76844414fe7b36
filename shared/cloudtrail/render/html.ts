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
import { createHash } from 'node:crypto';
import { escapeHtml as h } from '../../report/escape.ts';
import type { Finding } from '../findings.ts';
import { LEVELS, levelRank } from '../threat.ts';
import type { CloudTrailReport } from '../model/report.ts';

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

export function renderCloudTrailHtml(report: CloudTrailReport): string {
  const scriptHash = createHash('sha256').update(SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const { stats } = report;
  const window = `${report.window.since ?? 'beginning of the logs'} → ${report.window.until ?? 'now'}`;
  const parts: string[] = [];
  parts.push(
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${h(csp)}">`,
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>CloudTrail risky changes · ${h(window)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    '<h1>CloudTrail: risky changes</h1>',
    `<div class="muted">Window ${h(window)} · source <code>${h(report.source.location)}</code>${
      report.source.regions?.length ? ` (${report.source.regions.map((r) => h(r)).join(', ')})` : ''
    } · ${stats.events} events · ${stats.files} file(s)${stats.malformed ? ` · <span class="warn">${stats.malformed} unreadable</span>` : ''} · generated ${h(report.generatedAt)} by telltale ${h(report.tool.version)}</div>`,
    '<div class="badges">',
    ...LEVELS.slice()
      .reverse()
      .map((l) => `<span class="badge"><span class="sev sev-${l}">${l}</span> ${stats.bySeverity[l]}</span>`),
    '</div>',
  );
  for (const note of report.source.notes) parts.push(`<p class="muted">${h(note)}</p>`);

  parts.push('<h2>Log health</h2><ul>');
  const health = report.health;
  parts.push(
    health.hours
      ? `<li${health.silentHours ? ' class="warn"' : ''}>Hours with ${health.basis === 'deliveries' ? 'no log file delivered' : 'no event returned'}: ${health.silentHours} of ${health.hours}${
          health.silent.length ? ` (${health.silent.map((s) => `<code>${h(s)}</code>`).join(', ')})` : ''
        }</li>`
      : '<li>No hours to examine.</li>',
  );
  for (const c of health.trailChanges) {
    parts.push(
      `<li class="warn">Trail change <code>${h(c.eventName)}</code> <code>${h(c.trail)}</code> by ${h(c.actor)} at <code>${h(c.eventTime)}</code> in ${h(c.region)}${c.outcome === 'failed' ? ' (failed)' : ''}</li>`,
    );
  }
  if (!health.trailChanges.length) parts.push('<li>No trail configuration changes seen.</li>');
  for (const m of report.malformedFiles.slice(0, 100)) {
    parts.push(`<li class="warn">Unreadable: <code>${h(m.file)}</code>: ${h(m.reason)}</li>`);
  }
  parts.push('</ul>');

  parts.push('<h2>Actors</h2>');
  if (report.actors.length) {
    parts.push('<table><thead><tr><th>Highest</th><th>Actor</th><th>Type</th><th>Findings</th></tr></thead><tbody>');
    for (const a of report.actors) {
      parts.push(
        `<tr class="actor-row" data-actor="${h(a.key)}" title="show only this actor"><td><span class="sev sev-${a.highest}">${a.highest}</span></td><td>${h(a.name)}${
          a.arn ? `<br><code>${h(a.arn)}</code>` : ''
        }</td><td>${h(a.type)}</td><td>${a.findings}</td></tr>`,
      );
    }
    parts.push('</tbody></table>');
  } else {
    parts.push('<p>No findings.</p>');
  }

  parts.push(
    '<h2>Findings</h2>',
    '<div class="controls">',
    '<label>Search <input id="q" type="search" placeholder="actor, event, resource, IP…"></label>',
    `<label>At least <select id="min">${LEVELS.map((l, i) => `<option value="${i}">${l}</option>`).join('')}</select></label>`,
    '<label>Outcome <select id="outcome"><option value="">any</option><option value="success">success</option><option value="failed">failed (attempt)</option></select></label>',
    `<label>Actor <select id="actor"><option value="">all</option>${report.actors
      .map((a) => `<option value="${h(a.key)}">${h(a.name)}</option>`)
      .join('')}</select></label>`,
    `<span class="muted"><span id="shown">${report.findings.length}</span> of ${report.findings.length} shown</span>`,
    '</div>',
    '<table id="findings"><thead><tr><th data-type="number">Severity</th><th>When (UTC)</th><th>Actor</th><th>Event</th><th>What</th><th>Where</th><th>Rule</th></tr></thead><tbody>',
  );
  for (const f of report.findings) parts.push(findingRow(f));
  parts.push('</tbody></table>');
  parts.push(
    `<p class="muted">${report.rules.loaded.length} rule(s) ran. ${
      report.rules.problems.length
        ? `<span class="warn">${report.rules.problems.length} rule(s) could not be loaded.</span>`
        : ''
    } Sigma-derived findings name the rule author, as the Detection Rule License requires.</p>`,
  );
  parts.push(`<script>${SCRIPT}</script></body></html>`);
  return `${parts.join('\n')}\n`;
}

function findingRow(f: Finding): string {
  const rank = levelRank(f.severity);
  const detail: [string, string][] = [
    ['event ID', f.eventId],
    ['actor ARN', f.actor.arn ?? ''],
    ['actor type', f.actor.type],
    ['session issuer', f.actor.sessionIssuer ?? ''],
    ['session name', f.actor.sessionName ?? ''],
    [
      'access key',
      f.actor.accessKeyId ? `${f.actor.accessKeyId}${f.actor.credential ? ` (${f.actor.credential})` : ''}` : '',
    ],
    ['user agent', f.userAgent],
    ['account', f.account ?? ''],
    ['resources', f.resources.join(', ')],
    ['error', f.errorCode ? `${f.errorCode}${f.errorMessage ? `: ${f.errorMessage}` : ''}` : ''],
    ...Object.entries(f.details),
    [
      'level',
      `${f.baseLevel}${f.modifiers.map((m) => ` ${m.step > 0 ? '+1' : m.step < 0 ? '−1' : '±0'} (${m.reason})`).join('')} → ${f.severity}`,
    ],
  ];
  const dl = detail
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `<dt>${h(k)}</dt><dd><code>${h(v)}</code></dd>`)
    .join('');
  const link =
    f.ruleLink && /^https:\/\//.test(f.ruleLink) ? ` <a href="${h(f.ruleLink)}" rel="noreferrer noopener">↗</a>` : '';
  return [
    `<tr data-rank="${rank}" data-outcome="${f.outcome}" data-actor="${h(f.actor.key)}">`,
    `<td data-sort="${rank}"><span class="sev sev-${f.severity}">${f.severity}</span>${f.outcome === 'failed' ? '<br><span class="muted">attempt</span>' : ''}</td>`,
    `<td><code>${h(f.eventTime)}</code></td>`,
    `<td>${h(f.actor.name)}<br><span class="muted">${h(f.actor.type)}</span></td>`,
    `<td><code>${h(f.eventName)}</code><br><span class="muted">${h(f.eventSource)}</span></td>`,
    `<td><details><summary>${h(f.summary)}${f.count > 1 ? ` (×${f.count})` : ''}</summary><dl>${dl}</dl></details></td>`,
    `<td>${h(f.region)}<br><code>${h(f.sourceIPAddress)}</code><br><span class="muted">${h(f.via)}</span></td>`,
    `<td>${h(f.rule)}${f.ruleAuthor ? `<br><span class="muted">by ${h(f.ruleAuthor)}</span>` : ''}${link}</td>`,
    '</tr>',
  ].join('');
}
