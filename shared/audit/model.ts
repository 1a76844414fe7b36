/** The plain data an audit run passes around: controls as parsed, and results as judged. */

export const RESOURCE_TYPES = [
  'file',
  'package',
  'port',
  'service',
  'user',
  'group',
  'command',
  'process',
  'kernel-param',
  'mount',
  'interface',
  'http',
  'addr',
  'dns',
  'matching',
] as const;

export type ResourceType = (typeof RESOURCE_TYPES)[number] | 'image';

export interface ControlMeta {
  /** Stable rule id for SARIF; defaults to `<type>:<id>`. */
  id?: string;
  /** 0–1 as InSpec: ≥0.7 error, ≥0.4 warning, else note. */
  impact?: number;
  tags?: string[];
  [key: string]: unknown;
}

export interface Position {
  file: string;
  line: number;
  column: number;
}

/** One resource entry of a controls file (`file: {/etc/passwd: {...}}`), as written. */
export interface Control {
  type: ResourceType;
  /** The key under the type: a path, a package name, `tcp:22`, a command line. */
  id: string;
  title?: string;
  meta: ControlMeta;
  skip: boolean;
  /** The attributes to check, in file order, without title/meta/skip. */
  attributes: Record<string, unknown>;
  /** Line of the resource key, for SARIF and annotations. */
  position: Position;
  /** Line of each attribute, so a failure can point at the exact property. */
  attributePositions: Record<string, Position>;
  /** Goss `retry_count` / `retry_delay` (resource/retry.go): re-observe until the control passes. */
  retry?: { count?: number; delayMs?: number };
}

export type ResultStatus = 'passed' | 'failed' | 'skipped' | 'error';

/** One property of one control, judged. */
export interface ControlResult {
  type: ResourceType;
  id: string;
  property: string;
  status: ResultStatus;
  expected?: string;
  actual?: string;
  /** Why it was skipped or errored. */
  reason?: string;
  title?: string;
  meta: ControlMeta;
  /** Where the asserted attribute is written (the control's own line for whole-control results). */
  position: Position;
  /** Where the control (the resource key) is written: SARIF and code scanning point here. */
  controlPosition: Position;
  durationMs: number;
}

export interface AuditSummary {
  /** Controls (resource entries) judged; the other counts are of their checked attributes. */
  controls: number;
  passed: number;
  failed: number;
  skipped: number;
  errored: number;
  durationMs: number;
}

/** The stable rule id of a control: `meta.id` when given, else `<type>:<id>`. */
export function ruleId(c: Pick<Control, 'type' | 'id' | 'meta'>): string {
  return typeof c.meta.id === 'string' && c.meta.id ? c.meta.id : `${c.type}:${c.id}`;
}

export function summarize(results: readonly ControlResult[], durationMs: number): AuditSummary {
  const s: AuditSummary = { controls: 0, passed: 0, failed: 0, skipped: 0, errored: 0, durationMs };
  const controls = new Set<string>();
  for (const r of results) {
    controls.add(
      `${r.type}\u0000${r.id}\u0000${r.controlPosition.file}:${r.controlPosition.line}:${r.controlPosition.column}`,
    );
    if (r.status === 'passed') s.passed++;
    else if (r.status === 'failed') s.failed++;
    else if (r.status === 'skipped') s.skipped++;
    else s.errored++;
  }
  s.controls = controls.size;
  return s;
}
