/**
 * The time window a scan looks at: `--since 24h|ISO|all` and `--until ISO`. Events are kept when
 * `start <= eventTime < end`; an open side is undefined.
 */
import { parseDuration } from '../util/duration.ts';
import { InputError } from '../util/errors.ts';

export interface TimeWindow {
  /** Inclusive, epoch ms; undefined = from the beginning of the logs. */
  start?: number;
  /** Exclusive, epoch ms; undefined = up to now and beyond (files still arriving). */
  end?: number;
}

/**
 * CloudTrail writes a file some minutes after the events in it ("typically within about 5 minutes",
 * User Guide "How CloudTrail works"), and names and files it by delivery time. Files delivered up to
 * this long after the window's end are read, so the last minutes of the window are not lost.
 */
export const DELIVERY_LAG_MS = 30 * 60_000;

/**
 * With the last night's watermark, files named up to this long before the window are looked at too:
 * those that arrived after the watermark were delivered late and are read now (LogFile.late).
 * CloudTrail delivers within minutes; an outage within hours.
 */
export const LATE_LOOKBACK_MS = 24 * 3_600_000;

/**
 * Parses `--since` (a duration, an ISO time, or `all`) and `--until` (ISO). A duration counts back
 * from `--until` when one is given (`--since 24h --until T` is the 24 hours before T, as a reader of
 * the two flags expects), else from `now`.
 */
export function parseWindow(since: string, until: string | undefined, now: number = Date.now()): TimeWindow {
  const window: TimeWindow = {};
  if (until !== undefined) window.end = parseIsoTime(until.trim(), '--until');
  const trimmed = since.trim();
  if (trimmed.toLowerCase() !== 'all') {
    window.start = /^\d{4}-\d{2}-\d{2}/.test(trimmed)
      ? parseIsoTime(trimmed, '--since')
      : (window.end ?? now) - parseDuration(trimmed, { what: '--since' });
  }
  if (window.start !== undefined && window.end !== undefined && window.start >= window.end) {
    throw new InputError(
      `--since ${new Date(window.start).toISOString()} is not before --until ${new Date(window.end).toISOString()}`,
      { hint: 'the window is [since, until): since must be earlier' },
    );
  }
  return window;
}

function parseIsoTime(text: string, what: string): number {
  // A bare date is midnight UTC, as in CloudTrail's own partitions; a time without zone is UTC too.
  const normalized = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? `${text}T00:00:00Z`
    : /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)
      ? `${text}Z`
      : text;
  const ms = Date.parse(normalized);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(ms)) {
    throw new InputError(`${what}: '${text}' is not an ISO 8601 time`, {
      hint: 'write e.g. 2026-05-04, 2026-05-04T16:00Z or 2026-05-04T16:00:00+02:00 (or, for --since, 24h or all)',
    });
  }
  return ms;
}

export function inWindow(ms: number, window: TimeWindow): boolean {
  return (window.start === undefined || ms >= window.start) && (window.end === undefined || ms < window.end);
}

/**
 * The UTC days (`YYYY/MM/DD`, as in CloudTrail's S3 keys) whose files can hold events of the
 * window: from the start's day to the day of `end + DELIVERY_LAG_MS`. Undefined when the window is
 * open at the start (every day is needed). An open end runs to `now`.
 */
export function partitionDays(window: TimeWindow, now: number = Date.now()): string[] | undefined {
  if (window.start === undefined) return undefined;
  const last = (window.end ?? now) + DELIVERY_LAG_MS;
  const days: string[] = [];
  const day = new Date(Math.floor(window.start / 86_400_000) * 86_400_000);
  // Bounded: a window of years is still a few thousand prefixes, listed one by one.
  while (day.getTime() <= last) {
    days.push(dayKey(day.getTime()));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return days;
}

export function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** Whether a file delivered at `deliveredMs` can hold events of the window (delivery follows the events). */
export function deliveryOverlaps(deliveredMs: number, window: TimeWindow): boolean {
  if (window.start !== undefined && deliveredMs < window.start) return false;
  if (window.end !== undefined && deliveredMs > window.end + DELIVERY_LAG_MS) return false;
  return true;
}

export function describeWindow(window: TimeWindow): { since: string | null; until: string | null } {
  return {
    since: window.start === undefined ? null : new Date(window.start).toISOString(),
    until: window.end === undefined ? null : new Date(window.end).toISOString(),
  };
}
