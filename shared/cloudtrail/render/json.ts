/** The report as JSON: the CloudTrailReport object itself (its fields are the documented contract). */
import type { CloudTrailReport } from '../model/report.ts';

export function renderCloudTrailJson(report: CloudTrailReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
