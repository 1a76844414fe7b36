/**
 * What one night hands the next: the watermark (the latest delivery time, S3 `LastModified`, of the
 * files read) and the ids of the rows reported. With it, a file CloudTrail delivers late, after the
 * night that should have read it, is read the next night instead of being lost, and rows that were
 * not in the last report are marked new.
 *
 * It travels as a hidden HTML comment at the end of the nightly issue's body (found again open or
 * closed), and as `cloudtrail-state.json` in the report folder for other stores (actions/cache,
 * an artifact). The issue body is editable by anyone with write access to the repository, so the state
 * is parsed strictly and can only add files to read or change "new" marks, never hide a finding.
 */
import type { CloudTrailReport } from './model/report.ts';

export interface NightState {
  version: 1;
  generatedAt: string;
  /** ISO time: every file delivered up to here was read. */
  watermark?: string;
  /** Row ids of the report (capped). */
  groups: string[];
}

const MARKER = /<!-- telltale:cloudtrail-state:([A-Za-z0-9+/=]{1,400000}) -->/;
const MAX_GROUPS = 5000;

export function stateOf(report: CloudTrailReport): NightState {
  const state: NightState = {
    version: 1,
    generatedAt: report.generatedAt,
    groups: report.groups.slice(0, MAX_GROUPS).map((g) => g.id),
  };
  if (report.watermark) state.watermark = report.watermark;
  return state;
}

/**
 * The state as a hidden comment, at most `maxChars` long (an issue body holds 65,536): rows beyond
 * what fits are left out, which only means they would be marked new again.
 */
export function encodeState(state: NightState, maxChars = 20_000): string {
  const budget = Math.floor(((maxChars - 60) * 3) / 4);
  const fit = { ...state, groups: state.groups.slice(0, Math.max(0, Math.floor((budget - 200) / 19))) };
  return `<!-- telltale:cloudtrail-state:${Buffer.from(JSON.stringify(fit)).toString('base64')} -->`;
}

/** The state in an issue body or a state file's text; undefined when absent or not well formed. */
export function decodeState(text: string): NightState | undefined {
  const m = MARKER.exec(text);
  let raw: unknown;
  try {
    raw = JSON.parse(m ? Buffer.from(m[1]!, 'base64').toString('utf8') : text);
  } catch {
    return undefined;
  }
  return checkState(raw);
}

function checkState(raw: unknown): NightState | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const o = raw as Record<string, unknown>;
  if (o.version !== 1 || typeof o.generatedAt !== 'string' || Number.isNaN(Date.parse(o.generatedAt))) return undefined;
  const state: NightState = {
    version: 1,
    generatedAt: o.generatedAt,
    groups: Array.isArray(o.groups)
      ? o.groups.filter((g): g is string => typeof g === 'string' && /^[0-9a-f]{16}$/.test(g)).slice(0, MAX_GROUPS)
      : [],
  };
  if (typeof o.watermark === 'string' && !Number.isNaN(Date.parse(o.watermark))) state.watermark = o.watermark;
  return state;
}
