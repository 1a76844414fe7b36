/**
 * Packet capture inside a world's runner namespace with the real tcpdump, the way a user's job is
 * captured: `-i any` (link type LINUX_SLL2 on libpcap >= 1.10) or one interface (Ethernet).
 *
 *   const capture = await startCapture(world, { file: path.join(dir, 'job.pcap') });
 *   … run clients …
 *   await capture.stop();   // drained: nothing the clients did is lost
 *
 * libpcap hands packets to tcpdump in blocks flushed by a ~1 s buffer timeout; stopping tcpdump right
 * after the traffic loses the last second. `--immediate-mode` delivers each packet at once and `-U`
 * writes it at once. On a loaded machine tcpdump can still be behind when the clients finish, and
 * SIGINT drops what the kernel ring still holds: so stop() sends one marker datagram after the
 * traffic, waits until the file holds it (everything before it is then written, in order), stops
 * tcpdump, and removes the marker's record from the file so the test sees only its own traffic.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { World } from './world.ts';

/** Drops every record whose bytes hold `marker` from a classic pcap file (tcpdump -w writes those). */
function removeMarker(file: string, marker: Buffer): void {
  const data = readFileSync(file);
  if (data.length < 24) return;
  const magic = data.readUInt32LE(0);
  const little = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
  if (!little && data.readUInt32BE(0) !== 0xa1b2c3d4 && data.readUInt32BE(0) !== 0xa1b23c4d) return;
  const kept: Buffer[] = [data.subarray(0, 24)];
  for (let o = 24; o + 16 <= data.length;) {
    const captured = little ? data.readUInt32LE(o + 8) : data.readUInt32BE(o + 8);
    const end = Math.min(data.length, o + 16 + captured);
    const record = data.subarray(o, end);
    if (!record.includes(marker)) kept.push(record);
    o = end;
  }
  writeFileSync(file, Buffer.concat(kept));
}

export interface Capture {
  readonly file: string;
  /** Stops tcpdump and resolves with what it said at exit (packets captured / dropped by kernel). */
  stop(): Promise<{ file: string; stderr: string }>;
}

export async function startCapture(
  world: World,
  options: { file: string; iface?: string; ns?: 'runner' | 'internet'; filter?: string[] },
): Promise<Capture> {
  const iface = options.iface ?? 'any';
  const child: ChildProcess = world.spawn(
    'tcpdump',
    ['-i', iface, '-w', options.file, '-U', '--immediate-mode', '-n', ...(options.filter ?? [])],
    { ns: options.ns ?? 'runner' },
  );
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const deadline = Date.now() + 10_000;
  while (!/listening on/.test(stderr)) {
    if (child.exitCode !== null) throw new Error(`tcpdump exited: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`tcpdump did not start: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return {
    file: options.file,
    stop: async () => {
      // A filter of the test's own may not keep the marker: then only the short wait below helps.
      const marker = options.filter?.length
        ? undefined
        : Buffer.from(`telltale-capture-marker-${randomBytes(8).toString('hex')}`);
      if (marker) {
        await world.exec(
          'python3',
          [
            '-c',
            'import socket,sys; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(sys.argv[2].encode(), (sys.argv[1], 9))',
            world.dnsAddress.v4,
            marker.toString(),
          ],
          { ns: options.ns ?? 'runner' },
        );
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline && !readFileSync(options.file).includes(marker))
          await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
      const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      if (marker) removeMarker(options.file, marker);
      return { file: options.file, stderr };
    },
  };
}
