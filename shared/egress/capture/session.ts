/**
 * A capture session as the action and the CLI run it: start tcpdump into a folder, and later stop it
 * and turn the file into an egress report. The handle is saved as JSON so the stopping process (the
 * action's `post`, `telltale egress capture stop`) can be a different one from the starting process.
 */
import { mkdirSync, readFileSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeCaptureFile, type StepWindow } from '../analyze.ts';
import type { EgressReport } from '../model/report.ts';
import { InputError } from '../../util/errors.ts';
import { captureIncompleteness } from './completeness.ts';
import { startCapture, stopCapture, type CaptureHandle, type CaptureOptions } from './tcpdump.ts';
import { abandonBlockSession, finishBlockSession, startBlockSession } from '../block/session.ts';

export const HANDLE_FILE = 'capture.json';

export interface SessionOptions extends Omit<CaptureOptions, 'file' | 'log'> {
  /** Folder for the pcap, tcpdump's log and the handle. Created when missing. */
  dir: string;
  /** `policy: block`: refuse what this manifest does not allow until the session finishes (../block/). */
  block?: { manifest: string; runnerEndpoints: boolean };
}

export async function startSession(options: SessionOptions): Promise<CaptureHandle> {
  mkdirSync(options.dir, { recursive: true });
  const { dir, block, ...capture } = options;
  if (block) await startBlockSession({ dir, ...block });
  let handle: CaptureHandle;
  try {
    handle = await startCapture({
      ...capture,
      file: path.join(dir, 'egress.pcap'),
      log: path.join(dir, 'tcpdump.log'),
    });
  } catch (error) {
    if (block) await abandonBlockSession(dir);
    throw error;
  }
  writeFileSync(path.join(dir, HANDLE_FILE), `${JSON.stringify(handle, null, 2)}\n`);
  return handle;
}

export function readHandle(dir: string): CaptureHandle {
  const file = path.join(dir, HANDLE_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError(`no capture was started in ${dir} (${HANDLE_FILE} is missing)`, {
      hint: 'start one with `telltale egress start --out DIR`',
    });
  }
  try {
    const handle = JSON.parse(text) as CaptureHandle;
    if (typeof handle.pid !== 'number' || typeof handle.file !== 'string') throw new Error('fields missing');
    return handle;
  } catch (error) {
    throw new InputError(`${file} is not a capture handle: ${(error as Error).message}`, { location: { file } });
  }
}

export interface FinishOptions {
  steps?: readonly StepWindow[];
}

/** Stops the capture, analyses the file, and records how complete the capture was. */
export async function finishSession(handle: CaptureHandle, options: FinishOptions = {}): Promise<EgressReport> {
  // Stop the capture first: block mode's firewall stays up until the last captured packet.
  const stopped = await stopCapture(handle).catch(async (error: unknown) => {
    await abandonBlockSession(path.dirname(handle.file));
    throw error;
  });
  const report = await analyzeCaptureFile(handle.file, {
    backend: 'tcpdump',
    filter: handle.filter,
    ...(stopped.stats.dropped !== undefined ? { dropped: stopped.stats.dropped } : {}),
    ...(options.steps ? { steps: options.steps } : {}),
  });
  const incomplete = captureIncompleteness({
    stopped,
    maxPackets: handle.maxPackets,
    packetsInFile: report.capture.packets,
    ...fileFacts(handle.file),
  });
  if (incomplete) {
    report.capture.incomplete = incomplete;
    // A drop count from a capture that did not run to the end would read as "nothing was lost".
    delete report.capture.dropped;
    report.warnings.unshift(incomplete.message);
  }
  if (!stopped.clean)
    report.warnings.push('tcpdump did not stop when asked and was killed: the last packets may be missing');
  await finishBlockSession(path.dirname(handle.file), report, options.steps);
  return report;
}

/** When the capture file was last written, and how much room its file system had left. */
function fileFacts(file: string): { fileWrittenAt?: string; freeBytes?: number } {
  const facts: { fileWrittenAt?: string; freeBytes?: number } = {};
  try {
    facts.fileWrittenAt = statSync(file).mtime.toISOString();
  } catch {
    // missing file: stopCapture already said so
  }
  try {
    const fs = statfsSync(path.dirname(file));
    facts.freeBytes = fs.bavail * fs.bsize;
  } catch {
    // not every platform has statfs
  }
  return facts;
}
