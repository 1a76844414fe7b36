/**
 * Is the log itself trustworthy? A report that finds nothing in a window where logging was off is
 * worse than no report. Two signals, in the spirit of Prowler's trail checks:
 *
 * - hours of the window in which no log file was delivered (from the delivery stamp in CloudTrail
 *   file names; with LookupEvents, hours in which no event was returned), overall and per account
 *   and region stream;
 * - changes to trails seen in the window: StopLogging, DeleteTrail, UpdateTrail, PutEventSelectors…
 */
import { describeActor } from './actor.ts';
import { isFailed, str, type CloudTrailRecord } from './record.ts';
import type { LogFile } from './sources/types.ts';
import type { TimeWindow } from './window.ts';

const HOUR = 3_600_000;
export const TRAIL_CHANGES = new Set([
  'StopLogging',
  'StartLogging',
  'DeleteTrail',
  'CreateTrail',
  'UpdateTrail',
  'PutEventSelectors',
  'PutInsightSelectors',
  'DeleteEventDataStore',
  'UpdateEventDataStore',
  'StopEventDataStoreIngestion',
]);
/** Listed hours are capped; the count is always exact. */
const MAX_LISTED_HOURS = 48;

export interface TrailChange {
  eventName: string;
  eventTime: string;
  eventId: string;
  trail: string;
  actor: string;
  region: string;
  outcome: 'success' | 'failed';
}

export interface StreamHealth {
  account: string;
  region: string;
  files: number;
  firstDelivery?: string;
  lastDelivery?: string;
  silentHours: number;
  /** One character per cell of `LogHealth.cellHours` hours from `from`: `1` something arrived, `0` silent. */
  strip: string;
}

export interface LogHealth {
  /** What "silent" is measured on: file deliveries, or (LookupEvents) returned events. */
  basis: 'deliveries' | 'events';
  /** The hours examined: the window, clipped to now; for `--since all`, the span of what was seen. */
  from?: string;
  to?: string;
  hours: number;
  silentHours: number;
  /** The first silent hours (UTC, `YYYY-MM-DDTHH:00Z`), at most 48. */
  silent: string[];
  streams: StreamHealth[];
  trailChanges: TrailChange[];
  /** The same strip over every stream, and how many hours one character covers (1, or more for long windows). */
  strip: string;
  cellHours: number;
}

/** Strips are at most this many cells (two weeks of hours); longer windows put several hours in a cell. */
export const MAX_STRIP_CELLS = 336;

function strip(hours: ReadonlySet<number>, from: number, to: number, cell: number): string {
  let out = '';
  for (let c = from; c <= to; c += cell) {
    let any = false;
    for (let h = c; h < c + cell && h <= to && !any; h++) any = hours.has(h);
    out += any ? '1' : '0';
  }
  return out;
}

export class HealthTracker {
  private readonly hours = new Set<number>();
  private readonly streams = new Map<
    string,
    { account: string; region: string; files: number; hours: Set<number>; first: number; last: number }
  >();
  private readonly changes: TrailChange[] = [];
  private min = Infinity;
  private max = -Infinity;

  private readonly basis: 'deliveries' | 'events';

  constructor(basis: 'deliveries' | 'events') {
    this.basis = basis;
  }

  file(file: LogFile): void {
    if (this.basis !== 'deliveries' || file.deliveredMs === undefined) return;
    const hour = Math.floor(file.deliveredMs / HOUR);
    this.mark(hour);
    const key = `${file.account ?? '?'}/${file.region ?? '?'}`;
    let s = this.streams.get(key);
    if (!s) {
      s = {
        account: file.account ?? '?',
        region: file.region ?? '?',
        files: 0,
        hours: new Set(),
        first: Infinity,
        last: -Infinity,
      };
      this.streams.set(key, s);
    }
    s.files++;
    s.hours.add(hour);
    s.first = Math.min(s.first, file.deliveredMs);
    s.last = Math.max(s.last, file.deliveredMs);
  }

  event(record: CloudTrailRecord, timeMs: number): void {
    if (this.basis === 'events' && Number.isFinite(timeMs)) this.mark(Math.floor(timeMs / HOUR));
    const name = str(record.eventName);
    if (name && TRAIL_CHANGES.has(name) && str(record.eventSource) === 'cloudtrail.amazonaws.com') {
      const request = record.requestParameters ?? {};
      this.changes.push({
        eventName: name,
        eventTime: str(record.eventTime) ?? '',
        eventId: str(record.eventID) ?? '',
        trail: String(str(request.name) ?? str(request.trailName) ?? str(request.eventDataStore) ?? ''),
        actor: describeActor(record).name,
        region: str(record.awsRegion) ?? '',
        outcome: isFailed(record) ? 'failed' : 'success',
      });
    }
  }

  private mark(hour: number): void {
    this.hours.add(hour);
    this.min = Math.min(this.min, hour);
    this.max = Math.max(this.max, hour);
  }

  report(window: TimeWindow, now: number): LogHealth {
    // The hours to examine: the window (an open end stops at now, minus the delivery lag so the
    // current hour, not yet delivered, is not called silent); `all` uses what was seen.
    const lastComplete = Math.floor((now - 15 * 60_000) / HOUR);
    let from = window.start !== undefined ? Math.floor(window.start / HOUR) : this.min;
    let to =
      window.end !== undefined
        ? Math.ceil(window.end / HOUR) - 1
        : window.start !== undefined
          ? lastComplete
          : this.max;
    to = Math.min(to, lastComplete);
    const health: LogHealth = {
      basis: this.basis,
      hours: 0,
      silentHours: 0,
      silent: [],
      streams: [],
      trailChanges: [...this.changes].sort((a, b) => a.eventTime.localeCompare(b.eventTime)),
      strip: '',
      cellHours: 1,
    };
    if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) {
      from = NaN;
      return health;
    }
    health.from = new Date(from * HOUR).toISOString();
    health.to = new Date((to + 1) * HOUR).toISOString();
    health.hours = to - from + 1;
    health.cellHours = Math.max(1, Math.ceil(health.hours / MAX_STRIP_CELLS));
    health.strip = strip(this.hours, from, to, health.cellHours);
    for (let h = from; h <= to; h++) {
      if (this.hours.has(h)) continue;
      health.silentHours++;
      if (health.silent.length < MAX_LISTED_HOURS)
        health.silent.push(`${new Date(h * HOUR).toISOString().slice(0, 13)}:00Z`);
    }
    for (const s of [...this.streams.values()].sort((a, b) =>
      `${a.account}/${a.region}`.localeCompare(`${b.account}/${b.region}`),
    )) {
      let silent = 0;
      for (let h = from; h <= to; h++) if (!s.hours.has(h)) silent++;
      health.streams.push({
        account: s.account,
        region: s.region,
        files: s.files,
        firstDelivery: new Date(s.first).toISOString(),
        lastDelivery: new Date(s.last).toISOString(),
        silentHours: silent,
        strip: strip(s.hours, from, to, health.cellHours),
      });
    }
    return health;
  }
}
