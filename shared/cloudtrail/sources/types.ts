/**
 * What every source hands the scan: records as they are read, and for each file read (or skipped)
 * what happened to it. Sources never filter by rule and never keep records; the scan decides.
 */
import type { CloudTrailRecord } from '../record.ts';

/** A log file (or a LookupEvents region) as far as its name tells. */
export interface LogFile {
  /** Path, `s3://bucket/key`, or `lookup:<region>`. */
  name: string;
  account?: string;
  region?: string;
  /** The delivery time written in a CloudTrail file name (`…_20260504T1645Z_…`), epoch ms. */
  deliveredMs?: number;
  /** When the store last changed the file (S3 `LastModified`), epoch ms: what the watermark follows. */
  modifiedMs?: number;
  /**
   * Read only because it arrived after the last night's watermark although its name is before this
   * window: its records are kept even when older than the window (the last night could not see them).
   */
  late?: boolean;
}

export interface RecordSink {
  record(record: CloudTrailRecord, file: LogFile): void;
  /** A file was read to its end, or up to `error`. */
  fileDone(file: LogFile, records: number, error?: string): void;
  /**
   * A file (or a folder of them) was left unread: outside the window, a digest, not a log. `span` is
   * the time its name covers (a delivery stamp, a day or month folder), so an empty window can say
   * where the logs are.
   */
  fileSkipped(name: string, reason: SkipReason, span?: TimeSpan): void;
}

/** Epoch ms, both inclusive. */
export interface TimeSpan {
  from: number;
  to: number;
}

export type SkipReason = 'outside-window' | 'digest' | 'insight' | 'not-a-log';

/** What a source says about itself once it has run: shown in the report's "source" line. */
export interface SourceSummary {
  kind: 'files' | 's3' | 'lookup' | 'athena';
  location: string;
  /** Whether file delivery times are known, so hours without deliveries mean something. */
  deliveries: boolean;
  regions?: string[];
  notes: string[];
}
