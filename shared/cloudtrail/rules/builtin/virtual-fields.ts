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
import { describeActor, viaOf } from '../../actor.ts';
import { pipelineEvidence } from '../../provenance.ts';
import { obj, str, type CloudTrailRecord } from '../../record.ts';
import type { VirtualFields } from '../sigma/index.ts';
import { adminGrant, policyExposure } from './policy.ts';
import { ownAccount, publicShare } from './sharing.ts';
import { trailWeakening } from './trail.ts';
import { worldIngress } from './world-open.ts';

export type ActorKind = 'human' | 'iac' | 'service' | 'automation';

export function actorKind(record: CloudTrailRecord): ActorKind {
  if (pipelineEvidence(record)) return 'iac';
  const via = viaOf(record);
  // A User-Agent claiming Terraform is the caller's own word: automation, not the trusted pipeline.
  if (via === 'iac') return 'automation';
  if (via === 'service' || str(obj(record.userIdentity)?.type) === 'AWSService') return 'service';
  if (via === 'console' || via === 'cli') return 'human';
  return 'automation';
}

export function targetsOtherUser(record: CloudTrailRecord): boolean {
  const target = str(obj(record.requestParameters)?.userName);
  if (!target) return false;
  const id = obj(record.userIdentity);
  return !(str(id?.type) === 'IAMUser' && str(id?.userName) === target);
}

export const builtinVirtualFields: VirtualFields = {
  'tt.worldIngress': (e) => worldIngress(e),
  'tt.adminPolicy': (e) => {
    const request = obj(e.requestParameters);
    return request ? adminGrant(request.policyDocument) : undefined;
  },
  'tt.trustExposure': (e) => {
    const request = obj(e.requestParameters);
    return request
      ? policyExposure(request.policyDocument ?? request.assumeRolePolicyDocument, ownAccount(e))
      : undefined;
  },
  'tt.publicShare': (e) => publicShare(e),
  'tt.trailWeakened': (e) => trailWeakening(e),
  'tt.via': (e) => viaOf(e),
  'tt.actorKind': (e) => actorKind(e),
  'tt.pipeline': (e) => pipelineEvidence(e)?.field,
  'tt.targetsOtherUser': (e) => targetsOtherUser(e),
  'tt.principal': (e) => describeActor(e).key || undefined,
};
