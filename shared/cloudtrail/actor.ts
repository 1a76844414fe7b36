/**
 * Who made a call, and how. CloudTrail's `userIdentity` differs by identity type (User Guide,
 * "CloudTrail userIdentity element"): IAM users have a `userName`, assumed roles and root do not,
 * AWS service events may carry only `invokedBy`. The actor's name is derived per type, never read
 * from one field that is empty half the time (Tattletrail's bug).
 */
import { obj, str, type CloudTrailRecord } from './record.ts';

export type Via = 'console' | 'cli' | 'sdk' | 'iac' | 'service' | 'unknown';

export interface Actor {
  /** Groups findings: the IAM user ARN, the assumed-role session ARN, `root:<account>`, a service. */
  key: string;
  /** Short name for people: `DevOpsEngineer1`, `Deploy/gha-run-42`, `root (111122223333)`. */
  name: string;
  arn?: string;
  /** `userIdentity.type` as written (Root, IAMUser, AssumedRole, FederatedUser, AWSService, …). */
  type: string;
  accountId?: string;
  principalId?: string;
  accessKeyId?: string;
  /** AKIA… keys are long-term (an IAM user's or root's), ASIA… are temporary (STS). */
  credential?: 'long-term' | 'temporary';
  /** For assumed roles: the role that was assumed and the session's name. */
  sessionIssuer?: string;
  sessionName?: string;
  mfa?: boolean;
  invokedBy?: string;
}

export function describeActor(record: CloudTrailRecord): Actor {
  const id = obj(record.userIdentity) ?? {};
  const type = str(id.type) ?? (str(id.invokedBy) ? 'AWSService' : 'Unknown');
  const arn = str(id.arn);
  const accountId = str(id.accountId) ?? str(record.recipientAccountId);
  const session = obj(id.sessionContext);
  const issuer = obj(session?.sessionIssuer);
  const attributes = obj(session?.attributes);
  const actor: Actor = { key: '', name: '', type };
  if (arn) actor.arn = arn;
  if (accountId) actor.accountId = accountId;
  const principalId = str(id.principalId);
  if (principalId) actor.principalId = principalId;
  const key = str(id.accessKeyId);
  if (key) {
    actor.accessKeyId = key;
    if (key.startsWith('AKIA')) actor.credential = 'long-term';
    else if (key.startsWith('ASIA')) actor.credential = 'temporary';
  }
  const mfa = attributes?.mfaAuthenticated;
  if (mfa !== undefined) actor.mfa = mfa === true || mfa === 'true';
  const invokedBy = str(id.invokedBy);
  if (invokedBy) actor.invokedBy = invokedBy;

  switch (type) {
    case 'Root':
      actor.name = `root (${accountId ?? 'unknown account'})`;
      actor.key = `root:${accountId ?? '?'}`;
      break;
    case 'IAMUser':
      actor.name = str(id.userName) ?? lastPart(arn) ?? principalId ?? 'IAM user';
      break;
    case 'AssumedRole': {
      const role = str(issuer?.userName) ?? arn?.split('/')[1];
      const sessionName = arn?.split('/').slice(2).join('/') || principalId?.split(':')[1];
      if (str(issuer?.arn)) actor.sessionIssuer = str(issuer?.arn)!;
      if (sessionName) actor.sessionName = sessionName;
      actor.name = [role, sessionName].filter(Boolean).join('/') || arn || 'assumed role';
      break;
    }
    case 'AWSService':
      actor.name = invokedBy ?? 'AWS service';
      actor.key = `service:${invokedBy ?? '?'}`;
      break;
    default:
      actor.name = str(id.userName) ?? lastPart(arn) ?? principalId ?? invokedBy ?? type;
  }
  if (!actor.key) actor.key = arn ?? (principalId ? `${type}:${principalId}` : `${type}:${actor.name}`);
  return actor;
}

function lastPart(arn: string | undefined): string | undefined {
  if (!arn) return undefined;
  const tail = arn.split('/').pop();
  return tail && tail !== arn ? tail : arn.split(':').pop() || undefined;
}

/**
 * How the call was made, from `userAgent`, `invokedBy` and the console flag. IaC is named first:
 * CloudFormation calls carry `cloudformation.amazonaws.com` as agent or invoker, Terraform and
 * Pulumi put their names in the agent, the CDK deploys through CloudFormation.
 */
export function viaOf(record: CloudTrailRecord): Via {
  const agent = str(record.userAgent) ?? '';
  const invokedBy = str(obj(record.userIdentity)?.invokedBy) ?? '';
  const source = str(record.sourceIPAddress) ?? '';
  if (
    /cloudformation\.amazonaws\.com/i.test(agent) ||
    /cloudformation\.amazonaws\.com/i.test(invokedBy) ||
    /cloudformation\.amazonaws\.com/i.test(source) ||
    /\b(terraform|pulumi|aws-cdk|crossplane|opentofu)\b/i.test(agent)
  ) {
    return 'iac';
  }
  const fromConsole = record.sessionCredentialFromConsole === true || record.sessionCredentialFromConsole === 'true';
  if (
    fromConsole ||
    /^signin\.amazonaws\.com$|^console\.([a-z0-9-]+\.)?amazonaws\.com$|^AWS Internal$/i.test(agent) ||
    /^\[?(S3Console|Mozilla)\//i.test(agent)
  ) {
    return 'console';
  }
  if (/^\[?aws-cli\//i.test(agent)) return 'cli';
  if (invokedBy || /^[a-z0-9-]+\.amazonaws\.com$/i.test(agent)) return 'service';
  if (/^\[?(Boto3|botocore|aws-sdk-|aws-sdk-java|aws-internal|APN\/|Go-http-client|python-requests)/i.test(agent)) {
    return 'sdk';
  }
  return 'unknown';
}

/** The user agent's family, for tables: `aws-cli/2.15.0 Python/…` → `aws-cli/2.15.0`. */
export function agentFamily(agent: string | undefined): string | undefined {
  if (!agent) return undefined;
  const iac = /\b(Terraform|Pulumi|aws-cdk|OpenTofu|Crossplane)\/[^\s)]+/i.exec(agent);
  if (iac) return iac[0];
  return agent
    .replace(/^\[|\]$/g, '')
    .split(/\s+/)[0]!
    .slice(0, 80);
}
