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
 * writes it at once, and stop() still waits briefly before SIGINT so the kernel queue is empty.
 */
import type { ChildProcess } from 'node:child_process';
import type { World } from './world.ts';

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
      await new Promise((resolve) => setTimeout(resolve, 250));
      const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      return { file: options.file, stderr };
    },
  };
}
