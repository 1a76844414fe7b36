/** Goss `file`: existence, type, mode, ownership, size, contents and digests of a path in the target. */
import { createHash } from 'node:crypto';
import { readAccounts } from '../system/accounts.ts';
import { cached, type Observe } from './types.ts';

export const observeFile: Observe = async (control, target, context) => {
  const a = control.attributes;
  const info = await target.fs.stat(control.id, { follow: false });
  if (!info) return { values: { exists: false }, missing: true };
  // Goss reports the link itself for filetype/linked-to and the file behind it for the rest.
  const resolved = info.type === 'symlink' ? ((await target.fs.stat(control.id, { follow: true })) ?? info) : info;
  const values: Record<string, unknown> = {
    exists: true,
    filetype: info.type,
    // Goss compares mode as a 4-digit octal string ("0644").
    mode: resolved.mode.toString(8).padStart(4, '0'),
    size: resolved.size,
    uid: resolved.uid,
    gid: resolved.gid,
    'linked-to': info.linkTarget ?? '',
  };
  if ('owner' in a || 'group' in a) {
    const { users, groups } = await cached(context, 'accounts', () => readAccounts(target.fs));
    values.owner = users.find((u) => u.uid === resolved.uid)?.name ?? String(resolved.uid);
    values.group =
      groups.find((g) => g.gid === resolved.gid)?.gid === resolved.gid
        ? groups.find((g) => g.gid === resolved.gid)!.name
        : String(resolved.gid);
  }
  const wantsContent = ['contents', 'contains', 'md5', 'sha256', 'sha512'].some((k) => k in a);
  if (wantsContent && resolved.type === 'file') {
    const bytes = await target.fs.readFile(control.id);
    values.contents = bytes.toString('utf8');
    values.contains = values.contents;
    for (const algo of ['md5', 'sha256', 'sha512'])
      if (algo in a) values[algo] = createHash(algo).update(bytes).digest('hex');
  }
  return { values };
};
