/**
 * A CloudTrail record as telltale keeps it: the JSON object AWS wrote, untouched. Rules read any
 * field by path, so the type names only the fields the pipeline itself reads; everything in it is
 * untrusted text an attacker may have chosen (user agents, resource names, request parameters).
 *
 * Field reference: AWS CloudTrail User Guide, "CloudTrail record contents" and "userIdentity element".
 */

export interface CloudTrailUserIdentity {
  type?: string;
  principalId?: string;
  arn?: string;
  accountId?: string;
  accessKeyId?: string;
  userName?: string;
  invokedBy?: string;
  sessionContext?: {
    sessionIssuer?: { type?: string; principalId?: string; arn?: string; accountId?: string; userName?: string };
    attributes?: { creationDate?: string; mfaAuthenticated?: string | boolean };
  };
  [key: string]: unknown;
}

export interface CloudTrailRecord {
  eventVersion?: string;
  eventID?: string;
  eventTime?: string;
  eventName?: string;
  eventSource?: string;
  eventType?: string;
  awsRegion?: string;
  sourceIPAddress?: string;
  userAgent?: string;
  userIdentity?: CloudTrailUserIdentity;
  errorCode?: string;
  errorMessage?: string;
  readOnly?: boolean;
  recipientAccountId?: string;
  requestParameters?: Record<string, unknown> | null;
  responseElements?: Record<string, unknown> | null;
  additionalEventData?: Record<string, unknown> | null;
  resources?: { ARN?: string; type?: string; accountId?: string }[];
  sessionCredentialFromConsole?: string | boolean;
  [key: string]: unknown;
}

/** Where a record was read from, for problems and for the report's "files" figures. */
export interface RecordOrigin {
  /** A path, an `s3://bucket/key`, or `lookup:<region>`. */
  file: string;
}

/** The record's time in epoch milliseconds, or NaN when `eventTime` is missing or not a time. */
export function eventTimeMs(record: CloudTrailRecord): number {
  return typeof record.eventTime === 'string' ? Date.parse(record.eventTime) : NaN;
}

/** A string field, or undefined when absent or of another type (logs are untrusted: never assume). */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** An object field, or undefined. */
export function obj(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * EC2 wraps lists as `{ items: [...] }` (its XML heritage); other services use plain arrays. Both
 * come back as an array here, and anything else as an empty one.
 */
export function items(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  const wrapped = obj(value)?.items;
  return Array.isArray(wrapped) ? wrapped : [];
}

/** The call failed: CloudTrail writes `errorCode` only for calls that did not succeed. */
export function isFailed(record: CloudTrailRecord): boolean {
  if (typeof record.errorCode === 'string' && record.errorCode !== '') return true;
  // ConsoleLogin reports a failed sign-in in the response instead (errorMessage "Failed authentication").
  return str(obj(record.responseElements)?.ConsoleLogin) === 'Failure';
}
