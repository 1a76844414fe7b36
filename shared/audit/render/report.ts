/** What every non-streaming reporter renders: one finished audit run, as plain data. */
import type { AuditSummary, ControlResult } from '../model.ts';

export interface AuditReport {
  /** The controls file as the user named it, relative to the repository root for SARIF. */
  controlsFile: string;
  target: string;
  summary: AuditSummary;
  results: ControlResult[];
}
