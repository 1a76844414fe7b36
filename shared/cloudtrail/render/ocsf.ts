/**
 * The report as OCSF Detection Findings (class 2004, category 2 "Findings"; OCSF schema 1.3), the
 * shape AWS Security Hub, Security Lake, Prowler and SIEMs read: one finding per report row (rule,
 * principal, target), with its count, first and last time, the rule as the analytic, ATT&CK
 * techniques, the actor, the cloud account and region, and every event id as a related event.
 *
 * Field reference: schema.ocsf.io, class "Detection Finding" and objects "Finding Information",
 * "Analytic", "MITRE ATT&CK", "Cloud", "Actor", "Resource Details".
 */
import type { FindingGroup } from '../model/groups.ts';
import type { CloudTrailReport } from '../model/report.ts';
import type { SigmaLevel } from '../rules/sigma/index.ts';

export const OCSF_VERSION = '1.3.0';

/** OCSF severity_id: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical. */
const SEVERITY: Record<SigmaLevel, [number, string]> = {
  informational: [1, 'Informational'],
  low: [2, 'Low'],
  medium: [3, 'Medium'],
  high: [4, 'High'],
  critical: [5, 'Critical'],
};

export function renderCloudTrailOcsf(report: CloudTrailReport): string {
  const examples = new Map(report.findings.filter((f) => f.group).map((f) => [f.group!, f]));
  const out = report.groups.map((g) => detectionFinding(report, g, examples.get(g.id)));
  return `${JSON.stringify(out, null, 2)}\n`;
}

function ms(iso: string): number | undefined {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}

function detectionFinding(
  report: CloudTrailReport,
  g: FindingGroup,
  f: CloudTrailReport['findings'][number] | undefined,
) {
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
