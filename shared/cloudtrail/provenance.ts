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
import { obj, str, type CloudTrailRecord } from './record.ts';
import { InputError } from '../util/errors.ts';

export interface PipelineEvidence {
  /** The record field the evidence was read from. */
  field:
    'userIdentity.invokedBy' | 'sourceIPAddress' | 'userIdentity.arn' | 'userIdentity.sessionContext.sessionIssuer.arn';
  value: string;
  /** Why it counts, for the report's "why this level" line. */
  reason: string;
}

/** Deployment services whose `invokedBy` means "this change went through a template". */
const DEPLOY_SERVICES = /^(cloudformation|servicecatalog)\.amazonaws\.com$/i;

/** Declared pipeline principals: exact ARNs, or with `*` for any run of characters (role paths, session names). */
export class PipelinePrincipals {
  private readonly patterns: { text: string; re: RegExp }[];

  constructor(declared: readonly string[] = []) {
    this.patterns = declared
      .map((d) => d.trim())
      .filter(Boolean)
      .map((text) => {
        if (!/^arn:aws[a-z-]*:(iam|sts)::(\d{12}|\*):/.test(text)) {
          throw new InputError(`pipeline principal '${text}' is not an IAM or STS ARN`, {
            location: { field: 'pipeline-principals' },
            hint: 'name the role your pipeline assumes, e.g. arn:aws:iam::111122223333:role/deploy (a * matches any characters)',
          });
        }
        const re = new RegExp(`^${text.split('*').map(escapeRe).join('.*')}$`);
        return { text, re };
      });
  }

  get declared(): string[] {
    return this.patterns.map((p) => p.text);
  }

  match(arn: string | undefined): string | undefined {
    if (!arn) return undefined;
    return this.patterns.find((p) => p.re.test(arn))?.text;
  }
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const EVIDENCE = Symbol('telltale.pipelineEvidence');
type Marked = CloudTrailRecord & { [EVIDENCE]?: PipelineEvidence | null };

/** Reads the evidence once per record and keeps it on a symbol key (JSON can never carry one). */
export function markProvenance(record: CloudTrailRecord, principals: PipelinePrincipals): PipelineEvidence | undefined {
  const evidence = findEvidence(record, principals);
  (record as Marked)[EVIDENCE] = evidence ?? null;
  return evidence;
}

/** Carries the evidence marked on `from` (if any) over to a copy of it. */
export function copyProvenance(from: CloudTrailRecord, to: CloudTrailRecord): void {
  const marked = (from as Marked)[EVIDENCE];
  if (marked !== undefined) (to as Marked)[EVIDENCE] = marked;
}

/** The evidence marked by the scan; without a scan (a bare rule test) it is read with no declared principals. */
export function pipelineEvidence(record: CloudTrailRecord): PipelineEvidence | undefined {
  const marked = (record as Marked)[EVIDENCE];
  if (marked !== undefined) return marked ?? undefined;
  return findEvidence(record, NO_PRINCIPALS);
}

const NO_PRINCIPALS = new PipelinePrincipals();

function findEvidence(record: CloudTrailRecord, principals: PipelinePrincipals): PipelineEvidence | undefined {
  const id = obj(record.userIdentity);
  const invokedBy = str(id?.invokedBy);
  if (invokedBy && DEPLOY_SERVICES.test(invokedBy)) {
    return {
      field: 'userIdentity.invokedBy',
      value: invokedBy,
      reason: `invoked by ${invokedBy} (userIdentity.invokedBy, written by AWS)`,
    };
  }
  const source = str(record.sourceIPAddress);
  if (source && DEPLOY_SERVICES.test(source)) {
    return {
      field: 'sourceIPAddress',
      value: source,
      reason: `made by ${source} on the caller's behalf (sourceIPAddress, written by AWS)`,
    };
  }
  const arn = str(id?.arn);
  const byArn = principals.match(arn);
  if (byArn && arn) {
    return { field: 'userIdentity.arn', value: arn, reason: `made by the declared pipeline principal ${byArn}` };
  }
  const issuer = str(obj(obj(id?.sessionContext)?.sessionIssuer)?.arn);
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
