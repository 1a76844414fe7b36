/**
 * Local files and folders: a single file in any accepted format (decode.ts), or a folder walked
 * recursively. Inside the `AWSLogs/…/CloudTrail/<region>/YYYY/MM/DD/` layout only the day folders
 * and files whose delivery time can hold events of the window are opened; digests and Insights are
 * skipped. Files outside the layout are all read (an export has no dates in its name).
 */
import { closeSync, createReadStream, fstatSync, openSync, readFileSync } from 'node:fs';
import { opendir, readFile, realpath, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip, gunzipSync } from 'node:zlib';
import path from 'node:path';
import pLimit from 'p-limit';
import { InputError } from '../../util/errors.ts';
import { deliveryOverlaps, LATE_LOOKBACK_MS, partitionDays, type TimeWindow } from '../window.ts';
import { decodeLogBuffer, decodeLogStream, isGzip } from './decode.ts';
import type { CloudTrailRecord } from '../record.ts';
import { looksLikeLogFile, parseTrailKey } from './layout.ts';
// Files up to TINY_FILE are read and inflated synchronously (CloudTrail's 5-minute files are mostly a
// few KB) when the read-ahead worker did not already: the same bound as the worker's.
import { startReadAhead, TINY_FILE, type ReadAhead } from './read-ahead.ts';
import type { LogFile, RecordSink, SourceSummary, TimeSpan } from './types.ts';

export interface LocalOptions {
  window: TimeWindow;
  /** Files decoded at once (gunzip runs on libuv's thread pool, parsing on the main thread). */
  concurrency?: number;
  now?: number;
  /** The last night's watermark (epoch ms of the latest file mtime read): see window.ts LATE_LOOKBACK_MS. */
  watermark?: number;
}

/** Files up to this size are read in one call; bigger ones are streamed. */
const SMALL_FILE = 2 * 1024 * 1024;
/** A small gzip file inflating past this is streamed instead (a gzip bomb stays bounded). */
const SMALL_INFLATED = 32 * 1024 * 1024;
const gunzipAsync = promisify(gunzip);
const INFLATE_CHUNK = 1024 * 1024;

/**
 * A small file's bytes, gunzipped on libuv's thread pool (so with several reads in flight inflation
 * runs beside the parsing on the main thread); undefined when it should be streamed.
 */
async function readSmall(file: string, log: LogFile): Promise<Buffer | undefined> {
  // A tiny file costs more in async round trips (open, stat, read, close, inflate) than in work: it
  // is read and inflated in one go. Bigger ones overlap on the thread pool; large ones are streamed.
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  let size: number;
  try {
    const info = fstatSync(fd);
    size = info.size;
    log.modifiedMs = info.mtimeMs;
    if (size <= TINY_FILE) {
      const bytes = readFileSync(fd);
      return isGzip(bytes) ? gunzipSync(bytes, { maxOutputLength: SMALL_INFLATED }) : bytes;
    }
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
  if (size > SMALL_FILE) return undefined;
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes || !isGzip(bytes)) return bytes;
  // zlib's default 16 KiB output chunks meant ~150 round trips between the thread pool and the main
  // thread per 2.4 MB file; their callbacks were a twentieth of a scan of large files.
  return await gunzipAsync(bytes, { maxOutputLength: SMALL_INFLATED, chunkSize: INFLATE_CHUNK }).catch(() => undefined);
}

const DAY_FOLDER =
  /(?:^|\/)AWSLogs\/(?:o-[a-z0-9]{10,32}\/)?\d{12}\/(CloudTrail|CloudTrail-Digest|CloudTrail-Insight)(?:\/([a-z0-9-]+)(?:\/(\d{4})(?:\/(\d{2})(?:\/(\d{2}))?)?)?)?$/;

export async function readLocal(location: string, sink: RecordSink, options: LocalOptions): Promise<SourceSummary> {
  const info = await stat(location).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(error.code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${error.message}`, {
      location: { file: location },
      hint: 'pass a CloudTrail log file, a folder of them, s3://bucket/prefix or lookup',
    });
  });
  const { watermark } = options;
  const start = options.window.start;
  // With a watermark, day folders a lookback before the window are walked: late files are named there.
  const days = partitionDays(
    watermark !== undefined && start !== undefined
      ? { ...options.window, start: start - LATE_LOOKBACK_MS }
      : options.window,
    options.now,
  );
  /** Files named before the window that changed after the watermark (file mtime): read, records kept. */
  const late = new Set<string>();
  const limit = pLimit(options.concurrency ?? 4);
  // Queued reads are bounded too, so a tree of 100,000 files does not become 100,000 promises.
  const running = new Set<Promise<void>>();
  const enqueue = async (task: () => Promise<void>) => {
    const promise = limit(task).finally(() => running.delete(promise));
    running.add(promise);
    if (running.size >= 64) await Promise.race(running);
  };
  // In a folder, small files are read and inflated ahead on a worker thread (read-ahead.ts).
  const ahead: ReadAhead | undefined = info.isDirectory() ? startReadAhead() : undefined;
  const readOne = (file: string, key: string, early?: ReturnType<ReadAhead['read']>) =>
    enqueue(async () => {
      const trail = parseTrailKey(key);
      const log: LogFile = { name: file };
      if (trail) {
        log.account = trail.account;
        log.region = trail.region;
        if (trail.deliveredMs !== undefined) log.deliveredMs = trail.deliveredMs;
      }
      const onRecord = (record: CloudTrailRecord) => sink.record(record, log);
      if (late.has(file)) log.late = true;
      const got = early ? await early : undefined;
      if (got) log.modifiedMs = got.modifiedMs;
      const whole = got ? got.bytes : await readSmall(file, log);
      const result =
        whole === undefined
          ? await decodeLogStream(createReadStream(file, { highWaterMark: 256 * 1024 }), onRecord)
          : decodeLogBuffer(whole, onRecord);
      sink.fileDone(log, result.records, result.error);
    });

  const visitFile = async (file: string, key: string): Promise<void> => {
    const trail = parseTrailKey(key);
    if (trail) {
      if (trail.kind !== 'log') return sink.fileSkipped(file, trail.kind);
      if (trail.deliveredMs !== undefined && !deliveryOverlaps(trail.deliveredMs, options.window)) {
        const mtime =
          watermark !== undefined && start !== undefined && trail.deliveredMs < start
            ? await stat(file).then(
                (s) => s.mtimeMs,
                () => undefined,
              )
            : undefined;
        if (mtime === undefined || mtime <= watermark!) {
          return sink.fileSkipped(file, 'outside-window', { from: trail.deliveredMs, to: trail.deliveredMs });
        }
        late.add(file);
      }
      if (trail.deliveredMs === undefined && days && !days.includes(trail.day)) {
        return sink.fileSkipped(file, 'outside-window', folderSpan(trail.day));
      }
    } else if (!looksLikeLogFile(file)) {
      return sink.fileSkipped(file, 'not-a-log');
    }
    // Asked for now, before the queue's limit, so that the worker gets files in batches.
    await readOne(file, key, ahead?.read(file));
  };

  // Real paths of folders walked, so a link back up the tree is not walked forever.
  const visited = new Set<string>();
  const walk = async (dir: string, key: string): Promise<void> => {
    const real = await realpath(dir).catch(() => dir);
    if (visited.has(real)) return;
    visited.add(real);
    const folder = DAY_FOLDER.exec(key);
    if (folder) {
      if (folder[1] === 'CloudTrail-Digest') return sink.fileSkipped(dir, 'digest');
      if (folder[1] === 'CloudTrail-Insight') return sink.fileSkipped(dir, 'insight');
      const prefix = [folder[3], folder[4], folder[5]].filter(Boolean).join('/');
      if (days && prefix && !days.some((d) => d.startsWith(prefix))) {
        return sink.fileSkipped(dir, 'outside-window', folderSpan(prefix));
      }
    }
    const entries: { name: string; dir: boolean }[] = [];
    for await (const entry of await opendir(dir)) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) entries.push({ name: entry.name, dir: true });
      else if (entry.isFile()) entries.push({ name: entry.name, dir: false });
      else if (entry.isSymbolicLink()) {
        // Logs are often linked into place (a synced folder, a test layout): follow the link, and say
        // so when it leads nowhere or to something that is not a log (a device would never end).
        const child = path.join(dir, entry.name);
        const target = await stat(child).catch((error: NodeJS.ErrnoException) => error);
        if (target instanceof Error) {
          sink.fileDone({ name: child }, 0, `broken symbolic link (${target.code ?? target.message})`);
        } else if (target.isDirectory()) {
          const real = await realpath(child);
          if (visited.has(real)) sink.fileSkipped(child, 'not-a-log');
          else entries.push({ name: entry.name, dir: true });
        } else if (target.isFile()) entries.push({ name: entry.name, dir: false });
        else sink.fileDone({ name: child }, 0, 'the symbolic link leads to a device, pipe or socket, not a file');
      } else {
        sink.fileDone({ name: path.join(dir, entry.name) }, 0, 'a device, pipe or socket, not a log file');
      }
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = path.join(dir, entry.name);
      const childKey = key ? `${key}/${entry.name}` : entry.name;
      if (entry.dir) await walk(child, childKey);
      else await visitFile(child, childKey);
    }
  };

  if (info.isDirectory()) {
    try {
      // Keys are the absolute path with `/`, so a folder given inside the layout still parses.
      await walk(location, path.resolve(location).split(path.sep).join('/'));
      await Promise.all(running);
    } finally {
      await ahead?.close();
    }
  } else if (!info.isFile()) {
    throw new InputError('not a file or folder (a device, pipe or socket)', {
      location: { file: location },
      hint: 'pass a CloudTrail log file or a folder of them',
    });
  } else {
    // A file named on the command line is read whatever its name says.
    await readOne(location, '');
    await Promise.all(running);
  }
  return { kind: 'files', location, deliveries: info.isDirectory(), notes: [] };
}

/** The UTC time a `YYYY`, `YYYY/MM` or `YYYY/MM/DD` folder covers. */
function folderSpan(prefix: string): TimeSpan | undefined {
  const [y, m, d] = prefix.split('/').map(Number);
  if (y === undefined || Number.isNaN(y)) return undefined;
  const from = Date.UTC(y, (m ?? 1) - 1, d ?? 1);
  const next =
    d !== undefined ? Date.UTC(y, m! - 1, d + 1) : m !== undefined ? Date.UTC(y, m, 1) : Date.UTC(y + 1, 0, 1);
  return { from, to: next - 1 };
}
