/**
 * Users and groups as /etc/passwd and /etc/group record them (passwd(5), group(5)), read through a
 * target's filesystem so hosts and images share one parser. Lines that do not parse are skipped:
 * a decoder never throws on bad bytes; a file that cannot be read is an error, not an empty list.
 */
import { isAbsent, type TargetFileSystem } from '../target.ts';

export interface Account {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

export interface Group {
  name: string;
  gid: number;
  members: string[];
}

export function parsePasswd(text: string): Account[] {
  const out: Account[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const f = line.split(':');
    if (f.length < 7) continue;
    const uid = Number(f[2]);
    const gid = Number(f[3]);
    if (!Number.isInteger(uid) || !Number.isInteger(gid)) continue;
    out.push({ name: f[0]!, uid, gid, home: f[5]!, shell: f[6]! });
  }
  return out;
}

export function parseGroup(text: string): Group[] {
  const out: Group[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const f = line.split(':');
    if (f.length < 4) continue;
    const gid = Number(f[2]);
    if (!Number.isInteger(gid)) continue;
    out.push({ name: f[0]!, gid, members: f[3]!.split(',').filter(Boolean) });
  }
  return out;
}

/**
 * The file's text; '' only when the target really has no such file (then there are no accounts to
 * find). Any other failure (EACCES, EIO, too large) rejects: a user control must then say it could
 * not check, never "does not exist", which `exists: false` would take as a pass.
 */
async function readText(fs: TargetFileSystem, path: string): Promise<string> {
  try {
    return (await fs.readFile(path)).toString('utf8');
  } catch (error) {
    if (isAbsent(error)) return '';
    const why = (error as NodeJS.ErrnoException).code === 'EFBIG' ? (error as Error).message : errno(error);
    throw new Error(`could not read ${path}: ${why}`, { cause: error });
  }
}

const errno = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String((error as Error).message ?? error);

export async function readAccounts(fs: TargetFileSystem): Promise<{ users: Account[]; groups: Group[] }> {
  const [passwd, group] = await Promise.all([readText(fs, '/etc/passwd'), readText(fs, '/etc/group')]);
  return { users: parsePasswd(passwd), groups: parseGroup(group) };
}

/** Names of the groups a user belongs to: the primary group plus supplementary memberships, as `id -Gn` lists them. */
export function groupsOf(user: Account, groups: readonly Group[]): string[] {
  const names = new Set<string>();
  const primary = groups.find((g) => g.gid === user.gid);
  if (primary) names.add(primary.name);
  for (const g of groups) if (g.members.includes(user.name)) names.add(g.name);
  return [...names];
}
