/**
 * A finding: one rule matched one event (or, for aggregate rules, one actor's events), with who,
 * what, when, where, how bad and why. Every string copied from the log is untrusted; renderers
 * escape it.
 */
import { agentFamily, describeActor, viaOf, type Actor, type Via } from './actor.ts';
import { pipelineEvidence } from './provenance.ts';
import { obj, str, type CloudTrailRecord } from './record.ts';
import type { RuleInfo } from './rules/ruleset.ts';
import { builtinVirtualFields } from './rules/builtin/virtual-fields.ts';
import type { SigmaLevel } from './rules/sigma/index.ts';
import type { Threat, ThreatStep } from './threat.ts';

export interface Finding {
  /** The rule's title. */
  rule: string;
  ruleId: string;
  ruleSlug: string;
  ruleAuthor?: string;
  ruleLink?: string;
  ruleOrigin: 'builtin' | 'custom';
  /** The rule's own level, before the modifiers in `modifiers`. */
  baseLevel: SigmaLevel;
  severity: SigmaLevel;
  modifiers: ThreatStep[];
  eventId: string;
  eventName: string;
  eventSource: string;
  eventTime: string;
  outcome: 'success' | 'failed';
  errorCode?: string;
  errorMessage?: string;
  actor: Actor;
  sourceIPAddress: string;
  userAgent: string;
  via: Via;
  region: string;
  account?: string;
  /** ARNs and ids the call touched. */
  resources: string[];
  /** The request fields that made the rule fire, as short text. */
  details: Record<string, string>;
  summary: string;
  /** Events behind an aggregate finding (AccessDenied bursts); 1 otherwise. */
  count: number;
  /** The rule's description, shown beside the finding. */
  description?: string;
  /** ATT&CK technique ids from the rule's tags (`attack.t1562.008` → `T1562.008`). */
  attack?: string[];
  /** The `groups[].id` this finding is an example of. */
  group?: string;
  /** The event in the CloudTrail console (event history: management events of the last 90 days). */
  consoleUrl?: string;
}

const MAX_TEXT = 300;

export function buildFinding(
  rule: RuleInfo,
  record: CloudTrailRecord,
  threat: Threat,
  extra?: { count: number; summary: string },
): Finding {
  const actor = describeActor(record);
  const via = viaOf(record);
  const finding: Finding = {
    rule: rule.title,
    ruleId: rule.id,
    ruleSlug: rule.slug,
    ruleOrigin: rule.origin,
    baseLevel: rule.level,
    severity: threat.severity,
    modifiers: threat.steps,
    eventId: str(record.eventID) ?? '',
    eventName: str(record.eventName) ?? '',
    eventSource: str(record.eventSource) ?? '',
    eventTime: str(record.eventTime) ?? '',
    outcome: threat.outcome,
    actor,
    sourceIPAddress: str(record.sourceIPAddress) ?? '',
    userAgent: clip(str(record.userAgent) ?? ''),
    via,
    region: str(record.awsRegion) ?? '',
    resources: resourcesOf(record),
    details: {},
    summary: '',
    count: extra?.count ?? 1,
  };
  if (rule.author) finding.ruleAuthor = rule.author;
  if (rule.description) finding.description = clip(rule.description);
  const link = consoleUrl(finding.region, finding.eventId);
  if (link) finding.consoleUrl = link;
  if (rule.link) finding.ruleLink = rule.link;
  const account = str(record.recipientAccountId) ?? actor.accountId;
  if (account) finding.account = account;
  if (str(record.errorCode)) finding.errorCode = clip(str(record.errorCode)!);
  if (str(record.errorMessage)) finding.errorMessage = clip(str(record.errorMessage)!);
  for (const field of rule.decisiveFields) {
    const value = fieldText(record, field);
    if (value !== undefined) finding.details[field] = value;
  }
  const what =
    extra?.summary ??
    (rule.summary ? fillTemplate(rule.summary, record) : `${finding.eventName} ${finding.resources[0] ?? ''}`.trim());
  finding.summary = clip(
    `${what} by ${actor.name}${viaPhrase(via, record)} at ${timeOfDay(finding.eventTime)}${
      finding.outcome === 'failed' ? ` (failed: ${finding.errorCode ?? 'denied'})` : ''
    }`,
  );
  return finding;
}

/**
 * The event's page in the CloudTrail console's event history. Both parts come from the log, so they
 * are checked against their documented shapes (a region name, an event id GUID) before becoming a link.
 */
export function consoleUrl(region: string, eventId: string): string | undefined {
  if (!/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region) || !/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(eventId)) {
    return undefined;
  }
  return `https://${region}.console.aws.amazon.com/cloudtrailv2/home?region=${region}#/events/${eventId}`;
}

/** ATT&CK technique ids from Sigma tags (`attack.t1078.004`); tactics (`attack.persistence`) are left out. */
export function attackTechniques(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const m = /^attack\.(t\d{4}(?:\.\d{3})?)$/i.exec(t);
    if (m && !out.includes(m[1]!.toUpperCase())) out.push(m[1]!.toUpperCase());
  }
  return out;
}

function viaPhrase(via: Via, record: CloudTrailRecord): string {
  switch (via) {
    case 'console':
      return ' from the console';
    case 'cli':
      return ' with the AWS CLI';
    case 'iac':
      // Said only when AWS vouches for it (provenance.ts); otherwise the agent is quoted as a claim.
      return pipelineEvidence(record)
        ? ` via infrastructure as code (${agentFamily(str(record.userAgent)) ?? 'CloudFormation'})`
        : ` with ${agentFamily(str(record.userAgent)) ?? 'an IaC tool'} (User-Agent, unverified)`;
    case 'sdk':
      return ` with ${agentFamily(str(record.userAgent)) ?? 'an SDK'}`;
    case 'service':
      return ` by ${str(record.userIdentity?.invokedBy) ?? agentFamily(str(record.userAgent)) ?? 'an AWS service'}`;
    default:
      return '';
  }
}

/** `16:42 UTC` when the event is today-ish readable; the full ISO time is in `eventTime`. */
function timeOfDay(iso: string): string {
  const m = /T(\d{2}:\d{2})/.exec(iso);
  return m ? `${iso.slice(0, 10)} ${m[1]} UTC` : iso || 'an unknown time';
}

/** `{a.b}` → the field's text; `{a,b}` → the first present; a missing field leaves `?`. */
export function fillTemplate(template: string, record: CloudTrailRecord): string {
  return template.replace(/\{([^{}]+)\}/g, (_, names: string) => {
    for (const name of names.split(',')) {
      const value = fieldText(record, name.trim());
      if (value !== undefined) return value;
    }
    return '?';
  });
}

/** A field (or `tt.*` virtual field) as short text; undefined when missing. */
export function fieldText(record: CloudTrailRecord, field: string): string | undefined {
  let value: unknown;
  const virtual = builtinVirtualFields[field];
  if (virtual) value = virtual(record);
  else {
    value = record;
    for (const part of field.split('.')) {
      const o = obj(value);
      if (!o) {
        value = undefined;
        break;
      }
      value = o[part];
    }
  }
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    const parts = value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)));
    return clip(parts.join(', '));
  }
  return clip(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

const ID_KEYS = /^(?:[a-z][A-Za-z]*(?:Id|Name|Arn|Identifier)|name|bucketName|functionName|keyId|policyArn)$/;

function resourcesOf(record: CloudTrailRecord): string[] {
  const out = new Set<string>();
  for (const r of Array.isArray(record.resources) ? record.resources : []) {
    const arn = str(obj(r)?.ARN);
    if (arn) out.add(clip(arn));
  }
  const request = obj(record.requestParameters);
  if (request) {
    for (const [key, value] of Object.entries(request)) {
      if (out.size >= 6) break;
      if (typeof value === 'string' && value && ID_KEYS.test(key)) out.add(clip(value));
    }
  }
  return [...out];
}

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}
