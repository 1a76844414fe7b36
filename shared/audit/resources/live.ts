/**
 * Resources only a running system can answer (Goss `port`, `process`, `service`, `command`,
 * `kernel-param`, `mount`, `interface`). On a target without `live` they are skipped with the
 * reason, never passed.
 */
import { promises as fsp } from 'node:fs';
import { cached, NEEDS_LIVE, subject, type Observe } from './types.ts';

/** Goss port ids: `22`, `tcp:22`, `tcp6:22`, `udp:53`, `udp6:53`; a bare number is tcp. */
export function parsePortId(id: string): { protocol: 'tcp' | 'tcp6' | 'udp' | 'udp6'; port: number } | undefined {
  const m = /^(?:(tcp6?|udp6?):)?(\d{1,5})$/.exec(id.trim());
  if (!m) return undefined;
  const port = Number(m[2]);
  if (port > 65535) return undefined;
  return { protocol: (m[1] ?? 'tcp') as 'tcp' | 'tcp6' | 'udp' | 'udp6', port };
}

export const observePort: Observe = async (control, target, context) => {
  const live = target.live;
  if (!live) return { skip: NEEDS_LIVE, values: {} };
  const id = parsePortId(subject(control, 'port'));
  if (!id) return { skip: `'${subject(control, 'port')}' is not a port id (tcp:22, udp:53, 22)`, values: {} };
  const ports = await cached(context, 'ports', () => live.listeningPorts());
  // A dual-stack socket bound to [::] serves IPv4 too and appears only in tcp6, so `tcp:N` also
  // accepts a tcp6 listener; `tcp6:N` asks for IPv6 only.
  const family = id.protocol.startsWith('tcp') ? 'tcp' : 'udp';
  const hits = ports.filter(
    (p) =>
      p.port === id.port && (id.protocol.endsWith('6') ? p.protocol === id.protocol : p.protocol.startsWith(family)),
  );
  return { values: { listening: hits.length > 0, ip: [...new Set(hits.map((h) => h.address))] } };
};

export const observeProcess: Observe = async (control, target, context) => {
  const live = target.live;
  if (!live) return { skip: NEEDS_LIVE, values: {} };
  const procs = await cached(context, 'processes', () => live.processes());
  // The kernel truncates comm to 15 bytes (TASK_COMM_LEN 16); compare the same way Goss does.
  const want = subject(control, 'comm').slice(0, 15);
  return { values: { running: procs.some((p) => p.comm === want) } };
};

export const observeService: Observe = async (control, target) => {
  const live = target.live;
  if (!live) return { skip: NEEDS_LIVE, values: {} };
  if ('runlevels' in control.attributes)
    return { skip: 'runlevels apply to SysV init only; this host is read through systemd', values: {} };
  const s = await live.service(subject(control, 'name'));
  return { values: { enabled: s.enabled, running: s.running } };
};

export const DEFAULT_COMMAND_TIMEOUT_MS = 10_000;

export const observeCommand: Observe = async (control, target) => {
  const live = target.live;
  if (!live) return { skip: NEEDS_LIVE, values: {} };
  const a = control.attributes;
  // `exec: true` is YAML's boolean; Goss's string field reads it as the command `true`.
  const cmd = a.exec === undefined || a.exec === null ? control.id : String(a.exec as string | number | boolean);
  const timeoutMs = typeof a.timeout === 'number' ? a.timeout : DEFAULT_COMMAND_TIMEOUT_MS;
  const r = await live.runCommand(cmd, { timeoutMs });
  if (r.timedOut)
    return { values: { 'exit-status': `timed out after ${timeoutMs} ms`, stdout: r.stdout, stderr: r.stderr } };
  return { values: { 'exit-status': r.exitStatus, stdout: r.stdout, stderr: r.stderr } };
};

export const observeKernelParam: Observe = async (control, target) => {
  const live = target.live;
  if (!live) return { skip: NEEDS_LIVE, values: {} };
  const value = await live.kernelParam(subject(control, 'name'));
  if (value === undefined) return { values: {}, missing: true };
  return { values: { value } };
};

export const observeMount: Observe = async (control, target, context) => {
  const live = target.live;
  if (!live) return { skip: NEEDS_LIVE, values: {} };
  const mounts = await cached(context, 'mounts', () => live.mounts());
  // The last entry for a mount point is the one on top, the one a path lookup sees.
  const where = subject(control, 'mountpoint');
  const m = mounts.filter((x) => x.mountPoint === where).at(-1);
  if (!m) return { values: { exists: false }, missing: true };
  const values: Record<string, unknown> = {
    exists: true,
    opts: m.opts,
    'vfs-opts': m.vfsOpts,
    source: m.source,
    filesystem: m.filesystem,
  };
  if ('usage' in control.attributes && target.kind === 'host') {
    const st = await fsp.statfs(where);
    values.usage = st.blocks > 0 ? Math.round((100 * (st.blocks - st.bfree)) / st.blocks) : 0;
  }
  return { values };
};

export const observeInterface: Observe = async (control, target, context) => {
  const live = target.live;
  if (!live) return { skip: NEEDS_LIVE, values: {} };
  const all = await cached(context, 'interfaces', () => live.interfaces());
  const name = subject(control, 'name');
  const i = all.find((x) => x.name === name);
  if (!i) return { values: { exists: false }, missing: true };
  return { values: { exists: true, addrs: i.addrs, mtu: i.mtu } };
};
