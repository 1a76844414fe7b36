/**
 * Block mode as the capture session uses it: `startBlockSession` before the capture starts (so the
 * capture also records the DNS answers the allow sets were fed from), `finishBlockSession` after it
 * stopped, adding what was refused and who opened each connection to the report.
 */
import path from 'node:path';
import type { StepWindow } from '../analyze/steps.ts';
import { loadManifest } from '../manifest/manifest.ts';
import type { EgressReport } from '../model/report.ts';
import { attributeEndpoints, blockedConnections, readBlockRecords, withoutBlocked } from './attribution.ts';
import { runnerEndpoints } from './runner-endpoints.ts';
import { readBlockHandle, startBlock, stopBlock, type BlockHandle } from './state.ts';

export interface BlockSessionOptions {
  dir: string;
  /** The manifest whose entries are allowed. */
  manifest: string;
  /** Also allow the runner's own endpoints (./runner-endpoints.ts). The action: true; the CLI: false. */
  runnerEndpoints: boolean;
  /** Hold DNS answers until the sets have them (default true); false only to measure the race. */
  hold?: boolean;
}

export async function startBlockSession(options: BlockSessionOptions): Promise<BlockHandle> {
  const manifest = await loadManifest(options.manifest);
  return startBlock({
    dir: options.dir,
    entries: [...manifest.entries, ...(options.runnerEndpoints ? runnerEndpoints() : [])],
    ...(options.hold === undefined ? {} : { hold: options.hold }),
  });
}

/** Takes the firewall down (when one was started in `dir`) and adds its records to the report. */
export async function finishBlockSession(
  dir: string,
  report: EgressReport,
  steps: readonly StepWindow[] = [],
): Promise<void> {
  const handle = readBlockHandle(dir);
  if (!handle) return;
  const { leftovers, followerGone } = await stopBlock(handle);
  const records = readBlockRecords({
    dns: handle.dnsLog,
    connections: handle.connectionLog,
    refused: path.join(dir, 'blocked.pcap'),
  });
  report.blocked = blockedConnections(records, steps);
  report.endpoints = withoutBlocked(report.endpoints, report.blocked);
  const { connections, attributed } = attributeEndpoints(report.endpoints, records.connections);
  report.block = { table: handle.table, connections, attributed, leftovers };
  if (records.unreadable)
    report.warnings.push(`block mode: ${records.unreadable} record(s) of its logs could not be read`);
  // Said, never a quiet pass: a follower that left early took the firewall with it.
  if (followerGone)
    report.warnings.push(
      `block mode: its follower had stopped before the job ended (see ${path.join(dir, 'block-follower.log')}); from then on nothing was blocked nor attributed`,
    );
  if (leftovers.length)
    report.warnings.push(`block mode could not remove all of its firewall: ${leftovers.join('; ')}`);
  if (connections > attributed)
    report.warnings.push(
      `block mode: ${connections - attributed} of ${connections} connection(s) could not be tied to a process`,
    );
}

/** Stops a block session without a report (a start that failed half way, a cancelled run's cleanup). */
export async function abandonBlockSession(dir: string): Promise<void> {
  const handle = readBlockHandle(dir);
  if (handle) await stopBlock(handle);
}
