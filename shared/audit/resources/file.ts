/** Goss `file`: existence, type, mode, ownership, size, contents and digests of a path in the target. */
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { readAccounts } from '../system/accounts.ts';
import type { AuditTarget } from '../target.ts';
import { cached, subject, type Observe, type ObserveContext } from './types.ts';

/**
 * The absolute path a file control names. Goss (resource/file.go) expands `~` to the home of the user
 * running it and makes relative paths absolute from its working directory; on a host telltale does
 * the same. An image or container has no working directory of ours: relative paths start at its `/`,
 * and `~` is root's home there. `~name/…` (telltale's) is that user's home in the target's /etc/passwd.
 */
export async function resolveFilePath(raw: string, target: AuditTarget, context: ObserveContext): Promise<string> {
  const tilde = /^~([^/]*)(\/.*)?$/.exec(raw);
  if (tilde) {
    const name = tilde[1]!;
    let home: string | undefined;
    if (name === '' && target.kind === 'host') home = os.homedir();
    else {
      const { users } = await cached(context, 'accounts', () => readAccounts(target.fs));
      home = users.find((u) => u.name === (name || 'root'))?.home;
    }
    if (home) return path.posix.join(home, tilde[2] ?? '');
  }
  if (raw.startsWith('/')) return raw;
  return target.kind === 'host' ? path.resolve(raw) : path.posix.join('/', raw);
}

export const observeFile: Observe = async (control, target, context) => {
  const a = control.attributes;
  const where = await resolveFilePath(subject(control, 'path'), target, context);
  const info = await target.fs.stat(where, { follow: false });
  if (!info) return { values: { exists: false }, missing: true };
  // Goss reads mode, size and owner with lstat (system/file.go): a symlink reports its own 0777,
  // its own size and owner, so the controls `goss add` writes for a link pass. Contents and
  // digests are read through the link.
  const values: Record<string, unknown> = {
    exists: true,
    filetype: info.type,
    // Goss compares mode as a 4-digit octal string ("0644").
    mode: info.mode.toString(8).padStart(4, '0'),
    size: info.size,
    uid: info.uid,
    gid: info.gid,
    'linked-to': info.linkTarget ?? '',
  };
  if ('owner' in a || 'group' in a) {
    const { users, groups } = await cached(context, 'accounts', () => readAccounts(target.fs));
    values.owner = users.find((u) => u.uid === info.uid)?.name ?? String(info.uid);
    values.group = groups.find((g) => g.gid === info.gid)?.name ?? String(info.gid);
  }
  const wantsContent = ['contents', 'contains', 'md5', 'sha256', 'sha512'].some((k) => k in a);
  if (wantsContent) {
    const resolved = info.type === 'symlink' ? await target.fs.stat(where, { follow: true }) : info;
    if (resolved?.type === 'file') {
      const bytes = await target.fs.readFile(where);
      values.contents = bytes.toString('utf8');
      values.contains = values.contents;
      for (const algo of ['md5', 'sha256', 'sha512'])
        if (algo in a) values[algo] = createHash(algo).update(bytes).digest('hex');
    }
  }
  return { values };
};
