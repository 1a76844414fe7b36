/**
 * "Shared with the world, or with another account": the grant a sharing call adds, read from each
 * service's own request shape (EC2 `{items: […]}` lists, RDS `valuesToAdd`, S3 policy objects and
 * ACLs, Lambda permissions, KMS key policies as JSON text).
 */
import { items, obj, str, type CloudTrailRecord } from '../../record.ts';
import { policyExposure, principalAccount } from './policy.ts';

export type Exposure = 'public' | 'foreign-account';

const PUBLIC_ACL_GROUPS = /\/global\/(AllUsers|AuthenticatedUsers)$/;
const PUBLIC_CANNED_ACLS = new Set(['public-read', 'public-read-write', 'authenticated-read']);

/** The account that owns what the call changed: the trail's account for the event. */
export function ownAccount(record: CloudTrailRecord): string | undefined {
  return str(record.recipientAccountId) ?? str(obj(record.userIdentity)?.accountId);
}

export function publicShare(record: CloudTrailRecord): Exposure | undefined {
  const request = obj(record.requestParameters) ?? {};
  const own = ownAccount(record);
  const name = str(record.eventName) ?? '';
  const widest = (grants: (string | undefined)[]): Exposure | undefined => {
    let exposure: Exposure | undefined;
    for (const g of grants) {
      if (g === undefined) continue;
      if (g.toLowerCase() === 'all' || g === '*') return 'public';
      if (own === undefined || g !== own) exposure = 'foreign-account';
    }
    return exposure;
  };
  switch (name) {
    case 'ModifySnapshotAttribute':
    case 'ModifyImageAttribute': {
      const permission = obj(request.createVolumePermission) ?? obj(request.launchPermission);
      const added = items(obj(permission?.add)).map((i) => obj(i));
      return widest(added.map((i) => str(i?.group) ?? str(i?.userId)));
    }
    case 'ModifyDBSnapshotAttribute':
    case 'ModifyDBClusterSnapshotAttribute': {
      if (str(request.attributeName)?.toLowerCase() !== 'restore') return undefined;
      const values = request.valuesToAdd;
      return widest((Array.isArray(values) ? values : []).map((v) => str(v)));
    }
    case 'PutBucketPolicy':
      return policyExposure(request.bucketPolicy ?? request.policy, own);
    case 'PutBucketAcl': {
      const canned =
        str(request['x-amz-acl']) ?? (Array.isArray(request['x-amz-acl']) ? str(request['x-amz-acl'][0]) : undefined);
      if (canned && PUBLIC_CANNED_ACLS.has(canned.toLowerCase())) return 'public';
      const acl = obj(obj(request.AccessControlPolicy)?.AccessControlList);
      const grants = Array.isArray(acl?.Grant) ? acl.Grant : acl?.Grant !== undefined ? [acl.Grant] : [];
      for (const g of grants) {
        const uri = str(obj(obj(g)?.Grantee)?.URI);
        if (uri && PUBLIC_ACL_GROUPS.test(uri)) return 'public';
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
    const principal = str(request.principal);
    if (principal === undefined) return undefined;
    if (principal === '*') {
      return request.sourceArn || request.sourceAccount || request.principalOrgID ? undefined : 'public';
    }
    const account = principalAccount(principal);
    return account && own && account !== own ? 'foreign-account' : undefined;
  }
  if (name.startsWith('CreateFunctionUrlConfig') || name.startsWith('UpdateFunctionUrlConfig')) {
    return str(request.authType)?.toUpperCase() === 'NONE' ? 'public' : undefined;
  }
  return undefined;
}
