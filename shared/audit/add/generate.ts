/**
 * `telltale audit add` / `autoadd`, as Goss's `goss add` / `goss autoadd` (docs/cli.md "add",
 * "autoadd"): look at a thing on a target and write the controls that hold for it now, in Goss's
 * own format. It works on every target telltale opens — an image too, which Goss cannot do: write the
 * controls that hold for this image today, then check them on every build.
 * What is written is what the same resources then check, so a generated file passes on the target
 * it came from (a symlink gets its own lstat mode, as Goss writes it).
 */
import type { Control, ResourceType } from '../model.ts';
import { OBSERVERS } from '../resources/index.ts';
import type { Observation, ObserveContext } from '../resources/types.ts';
import type { AuditTarget } from '../target.ts';

/** The types `add` can write. `matching` has nothing to observe; `image` is not a Goss type. */
export const ADDABLE_TYPES = [
  'file',
  'package',
  'user',
  'group',
  'port',
  'process',
  'service',
  'command',
  'dns',
  'addr',
  'http',
  'interface',
  'kernel-param',
  'mount',
] as const satisfies readonly ResourceType[];
export type AddableType = (typeof ADDABLE_TYPES)[number];

/** One generated gossfile: type → id → attributes, in the order they were added. */
export type Gossfile = Partial<Record<AddableType, Record<string, Record<string, unknown>>>>;

export interface Added {
  gossfile: Gossfile;
  /** Names that could not be added, and why (e.g. `port` on an image, which has no running system). */
  notes: string[];
}

/** The attributes each type's observer should report, so every value `add` writes is observed. */
const ASK: Record<AddableType, string[]> = {
  file: ['exists', 'mode', 'owner', 'group', 'filetype', 'linked-to', 'size'],
  package: ['installed', 'versions'],
  user: ['exists', 'uid', 'gid', 'groups', 'home', 'shell'],
  group: ['exists', 'gid'],
  port: ['listening', 'ip'],
  process: ['running'],
  service: ['enabled', 'running'],
  command: ['exit-status', 'stdout', 'stderr'],
  dns: ['resolvable', 'addrs'],
  addr: ['reachable'],
  http: ['status'],
  interface: ['exists', 'addrs', 'mtu'],
  'kernel-param': ['value'],
  mount: ['exists', 'opts', 'source', 'filesystem'],
};

/** Timeouts Goss writes with the generated control, so the file says how long a probe may take. */
const SETTINGS: Partial<Record<AddableType, Record<string, unknown>>> = {
  command: { timeout: 10000 },
  dns: { timeout: 500 },
  addr: { timeout: 500 },
  http: { 'allow-insecure': false, 'no-follow-redirects': false, timeout: 5000 },
  mount: { timeout: 1000 },
};

async function observe(
  type: AddableType,
  id: string,
  target: AuditTarget,
  context: ObserveContext,
): Promise<Observation> {
  const control: Control = {
    type,
    id,
    meta: {},
    skip: false,
    attributes: Object.fromEntries(ASK[type].map((k) => [k, null])),
    position: { file: '(add)', line: 0, column: 0 },
    attributePositions: {},
  };
  return OBSERVERS[type](control, target, context);
}

/** Turns what was observed into the attributes Goss's `add` writes for that type. */
function attributesFor(type: AddableType, o: Observation): Record<string, unknown> {
  const v = o.values;
  if (o.missing) {
    const gate = type === 'package' ? 'installed' : type === 'kernel-param' ? undefined : 'exists';
    return gate ? { [gate]: false } : {};
  }
  const pick = (keys: string[]) => Object.fromEntries(keys.filter((k) => v[k] !== undefined).map((k) => [k, v[k]]));
  switch (type) {
    case 'file': {
      const keys = ['exists', 'mode', 'owner', 'group', 'filetype'];
      if (v.filetype === 'symlink') keys.push('linked-to');
      return pick(keys);
    }
    case 'port':
      return v.listening ? pick(['listening', 'ip']) : { listening: false };
    case 'command': {
      // Lines as patterns (each must be found), not one exact string: robust to trailing newlines.
      const lines = (s: unknown) =>
        String(s ?? '')
          .split('\n')
          .filter((l) => l !== '');
      const out: Record<string, unknown> = { 'exit-status': v['exit-status'] };
      const stdout = lines(v.stdout);
      if (stdout.length > 0 && stdout.length <= 20) out.stdout = stdout.map(escapePattern);
      return out;
    }
    case 'dns':
      return v.resolvable ? pick(['resolvable', 'addrs']) : { resolvable: false };
    case 'http':
      return typeof v.status === 'number' ? pick(['status']) : {};
    default:
      return pick(ASK[type]);
  }
}

/** A literal line as a Goss pattern: a leading `!` or `/` would change its meaning, so escape it. */
function escapePattern(line: string): string {
  return /^[!/\\]/.test(line) ? `\\${line}` : line;
}

/** `add TYPE NAME…`: one control per name, whatever the target says (absent things included). */
export async function addControls(target: AuditTarget, type: AddableType, names: string[]): Promise<Added> {
  const context: ObserveContext = { cache: new Map() };
  const out: Added = { gossfile: {}, notes: [] };
  for (const name of names) {
    let o: Observation;
    try {
      o = await observe(type, name, target, context);
    } catch (error) {
      out.notes.push(`${type} ${name}: not added, could not check: ${(error as Error).message}`);
      continue;
    }
    if (o.skip) {
      out.notes.push(`${type} ${name}: not added, ${o.skip}`);
      continue;
    }
    if (type === 'http' && typeof o.values.status !== 'number') {
      out.notes.push(`http ${name}: not added, ${String(o.values.status)}`);
      continue;
    }
    (out.gossfile[type] ??= {})[name] = { ...attributesFor(type, o), ...(SETTINGS[type] ?? {}) };
  }
  return out;
}

/**
 * `autoadd NAME`: everything that exists under that name (Goss: a file when the name has a `/`,
 * else group, package, process (and its ports), service and user). Never addr, command, dns, http,
 * interface, kernel-param or mount, "for safety" as Goss says. Types the target cannot answer
 * (a service on an image) are left out with a note.
 */
export async function autoaddControls(target: AuditTarget, name: string): Promise<Added> {
  const context: ObserveContext = { cache: new Map() };
  const out: Added = { gossfile: {}, notes: [] };
  const types: AddableType[] = name.includes('/') ? ['file'] : ['group', 'package', 'process', 'service', 'user'];
  for (const type of types) {
    let o: Observation;
    try {
      o = await observe(type, name, target, context);
    } catch (error) {
      out.notes.push(`${type} ${name}: could not check, ${(error as Error).message}`);
      continue;
    }
    if (o.skip) {
      out.notes.push(`${type} ${name}: not looked at, ${o.skip}`);
      continue;
    }
    const exists =
      !o.missing &&
      (type === 'process'
        ? o.values.running === true
        : type === 'service'
          ? o.values.enabled === true || o.values.running === true
          : true);
    if (!exists) continue;
    (out.gossfile[type] ??= {})[name] = attributesFor(type, o);
    if (type === 'process' && target.live) {
      // Goss adds the ports the process listens on; telltale's live view has no pid per port, so
      // it says so rather than guessing.
      out.notes.push(`process ${name}: its listening ports are not added (add them with: add port PORT)`);
    }
  }
  return out;
}

/** Merges generated controls into an existing gossfile's data (new ids added, existing ones replaced). */
export function mergeGossfile(existing: Record<string, unknown>, added: Gossfile): Record<string, unknown> {
  const out: Record<string, unknown> = { ...existing };
  for (const [type, resources] of Object.entries(added)) {
    const prev = out[type];
    out[type] = { ...(prev && typeof prev === 'object' && !Array.isArray(prev) ? prev : {}), ...resources };
  }
  return out;
}
