/**
 * Changes that make a trail log less while it keeps running (User Guide, "Logging management
 * events" and "UpdateTrail"): fewer regions, no global services, no integrity digests, management
 * events or writes no longer selected, event sources excluded.
 */
import { obj, str, type CloudTrailRecord } from '../../record.ts';

const isFalse = (v: unknown) => v === false || v === 'false';

export function trailWeakening(record: CloudTrailRecord): string | undefined {
  const request = obj(record.requestParameters) ?? {};
  const reasons: string[] = [];
  switch (str(record.eventName)) {
    case 'UpdateTrail':
      if (isFalse(request.isMultiRegionTrail)) reasons.push('no longer multi-region');
      if (isFalse(request.includeGlobalServiceEvents)) reasons.push('global service events (IAM, STS) excluded');
      if (isFalse(request.enableLogFileValidation)) reasons.push('log file validation disabled');
      if (isFalse(request.isOrganizationTrail)) reasons.push('no longer an organization trail');
      if (str(request.s3BucketName)) reasons.push(`logs now written to bucket ${str(request.s3BucketName)}`);
      break;
    case 'PutEventSelectors': {
      const selectors = Array.isArray(request.eventSelectors) ? request.eventSelectors : [];
      for (const s of selectors.map(obj)) {
        if (!s) continue;
        if (isFalse(s.includeManagementEvents)) reasons.push('management events excluded');
        if (str(s.readWriteType)?.toLowerCase() === 'readonly') reasons.push('write events no longer logged');
        const excluded = s.excludeManagementEventSources;
        if (Array.isArray(excluded) && excluded.length) reasons.push(`excludes ${excluded.join(', ')}`);
      }
      const advanced = Array.isArray(request.advancedEventSelectors) ? request.advancedEventSelectors : [];
      if (advanced.length) {
        const managementSelected = advanced.some((a) =>
          (Array.isArray(obj(a)?.fieldSelectors) ? (obj(a)!.fieldSelectors as unknown[]) : []).some((f) => {
            const field = obj(f);
            const equals = field?.equals;
            return (
              str(field?.field) === 'eventCategory' &&
              Array.isArray(equals) &&
              equals.some((e) => str(e)?.toLowerCase() === 'management')
            );
          }),
        );
        if (!managementSelected) reasons.push('advanced selectors select no management events');
      }
      break;
    }
    default:
      return undefined;
  }
  return reasons.length ? [...new Set(reasons)].join('; ') : undefined;
}
