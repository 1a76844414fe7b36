/**
 * IAM policy documents as CloudTrail logs them: a JSON *string* in IAM's `policyDocument` /
 * `assumeRolePolicyDocument`, an object in S3's `bucketPolicy`; `Statement`, `Action`, `Resource`
 * and `Principal` may each be one value or a list (IAM User Guide, "IAM JSON policy elements").
 */
import { obj } from '../../record.ts';

export interface PolicyStatement {
  Effect?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  Principal?: unknown;
  Condition?: unknown;
}

/** The statements of a policy given as an object or JSON text; [] for anything unreadable. */
export function policyStatements(document: unknown): PolicyStatement[] {
  let doc: unknown = document;
  if (typeof doc === 'string') {
    try {
      // IAM URL-encodes documents in some API responses; CloudTrail requests carry the raw JSON.
      doc = JSON.parse(doc.trim().startsWith('%7B') ? decodeURIComponent(doc) : doc);
    } catch {
      return [];
    }
  }
  const statements = obj(doc)?.Statement;
  const list = Array.isArray(statements) ? statements : statements === undefined ? [] : [statements];
  return list.map((s) => obj(s)).filter((s): s is Record<string, unknown> => s !== undefined);
}

function list(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

const allows = (s: PolicyStatement) => typeof s.Effect === 'string' && s.Effect.toLowerCase() === 'allow';

/**
 * `full`: Allow every action (`*`, `*:*`) on every resource; `iam`: Allow `iam:*` on every
 * resource (as good as admin: it can grant itself the rest); undefined otherwise. A `NotAction`
 * allow on `*` (everything except a few) counts as full.
 */
export function adminGrant(document: unknown): 'full' | 'iam' | undefined {
  let found: 'full' | 'iam' | undefined;
  for (const s of policyStatements(document)) {
    if (!allows(s) || !list(s.Resource).includes('*')) continue;
    const actions = list(s.Action);
    if (actions.some((a) => a === '*' || a === '*:*') || (s.NotAction !== undefined && s.Action === undefined))
      return 'full';
    if (actions.some((a) => a.toLowerCase() === 'iam:*')) found = 'iam';
  }
  return found;
}

/** Account ids and `*` named as AWS principals of Allow statements, with whether a Condition limits them. */
export function allowedPrincipals(document: unknown): { principal: string; conditioned: boolean }[] {
  const out: { principal: string; conditioned: boolean }[] = [];
  for (const s of policyStatements(document)) {
    if (!allows(s)) continue;
    const conditioned = obj(s.Condition) !== undefined && Object.keys(obj(s.Condition)!).length > 0;
    const principal = s.Principal;
    const aws = principal === '*' ? ['*'] : list(obj(principal)?.AWS);
    for (const p of aws) out.push({ principal: p, conditioned });
  }
  return out;
}

/** `arn:aws:iam::444455556666:root`, `444455556666` → `444455556666`; `*` stays `*`. */
export function principalAccount(principal: string): string | undefined {
  if (principal === '*') return '*';
  if (/^\d{12}$/.test(principal)) return principal;
  return /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1];
}

/**
 * Who a resource or trust policy lets in beyond its own account: `public` for `*` without a
 * Condition, `foreign-account` for another account's principal; undefined if neither.
 */
export function policyExposure(
  document: unknown,
  ownAccount: string | undefined,
): 'public' | 'foreign-account' | undefined {
  let exposure: 'public' | 'foreign-account' | undefined;
  for (const { principal, conditioned } of allowedPrincipals(document)) {
    const account = principalAccount(principal);
    if (account === '*') {
      if (!conditioned) return 'public';
      continue;
    }
    if (account && ownAccount && account !== ownAccount) exposure = 'foreign-account';
  }
  return exposure;
}
