/**
 * Was the capture whole? A report that silently covers half a job is worse than none: when tcpdump
 * died, was killed, hit its packet cap or lost packets to a full disk, the report says the capture
 * is incomplete and from when, instead of a clean-looking "0 dropped".
 */
import type { StopResult } from './tcpdump.ts';

export interface CaptureFacts {
  stopped: Pick<StopResult, 'stats' | 'endedEarly' | 'clean' | 'messages'>;
  maxPackets: number;
  /** Packets the analyser read from the file. */
  packetsInFile: number;
  /** When the file was last written (ISO 8601): about when packets stopped reaching it. */
  fileWrittenAt?: string;
  /** Bytes free for an unprivileged writer on the file's file system at stop time. */
  freeBytes?: number;
}

export interface Incompleteness {
  reason: 'tcpdump-ended' | 'packet-cap' | 'disk-full' | 'packets-lost';
  /** Human sentence for the report's warnings. */
  message: string;
  /** From when egress is missing, when known. */
  since?: string;
}

/** Below this much free space a capture cannot have kept writing (a pcap record is up to 8 KiB + 16). */
const FULL_BELOW = 64 * 1024;

/** tcpdump's last words (an error such as "No space left on device"), short and on one line. */
function lastWords(messages: string): string {
  const lines = messages
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^listening on|packets? (captured|received|dropped)/.test(l));
  const last = lines.at(-1);
  return last ? `: tcpdump said "${last.slice(0, 200)}"` : '';
}

export function captureIncompleteness(facts: CaptureFacts): Incompleteness | undefined {
  const { stats } = facts.stopped;
  const since = facts.fileWrittenAt ? { since: facts.fileWrittenAt } : {};
  const from = facts.fileWrittenAt ? ` after ${facts.fileWrittenAt}` : '';
  if (facts.freeBytes !== undefined && facts.freeBytes < FULL_BELOW) {
    return {
      reason: 'disk-full',
      message: `CAPTURE INCOMPLETE: the disk holding the capture file is full (${facts.freeBytes} bytes free); egress${from} is not in this report`,
      ...since,
    };
  }
  if (stats.captured !== undefined && stats.captured >= facts.maxPackets) {
    return {
      reason: 'packet-cap',
      message: `CAPTURE INCOMPLETE: the capture reached its cap of ${facts.maxPackets} packets and stopped there; egress${from} is not in this report`,
      ...since,
    };
  }
  if (facts.stopped.endedEarly) {
    return {
      reason: 'tcpdump-ended',
      message: `CAPTURE INCOMPLETE: tcpdump ended before the capture was stopped${lastWords(facts.stopped.messages)}; egress${from} is not in this report`,
      ...since,
    };
  }
  if (stats.captured !== undefined && stats.captured > facts.packetsInFile) {
    return {
      reason: 'packets-lost',
      message: `CAPTURE INCOMPLETE: tcpdump captured ${stats.captured} packets but only ${facts.packetsInFile} reached the file (was the disk full?)`,
      ...since,
    };
  }
  return undefined;
}
