/**
 * dpkg's database: /var/lib/dpkg/status, deb822 stanzas separated by blank lines (deb-control(5)).
 * Only stanzas whose Status ends in "installed" count. Distroless images have no `status`: one
 * stanza per package in /var/lib/dpkg/status.d/<name> (next to `<name>.md5sums`), without a Status
 * field, since only installed packages are written there.
 */
import type { InstalledPackage, TargetFileSystem } from '../../target.ts';
import { listIfPresent, readIfPresent } from './files.ts';

export function parseDpkgStatus(text: string, options: { statusRequired?: boolean } = {}): InstalledPackage[] {
  const statusRequired = options.statusRequired ?? true;
  const out: InstalledPackage[] = [];
  for (const stanza of text.split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    for (const line of stanza.split('\n')) {
      const m = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(line);
      if (m) fields.set(m[1]!.toLowerCase(), m[2]!);
    }
    const name = fields.get('package');
    const version = fields.get('version');
    const status = fields.get('status') ?? '';
    if (!name || !version) continue;
    // Status is "want flag state" (dpkg-query(1)); only the state `installed` counts, so
    // "install reinstreq half-installed" is not installed.
    if ((statusRequired || fields.has('status')) && status.trim().split(/\s+/)[2] !== 'installed') continue;
    const arch = fields.get('architecture');
    out.push({ name, version, source: 'dpkg', ...(arch ? { arch } : {}) });
  }
  return out;
}

const MAX_STATUS = 256 * 1024 * 1024;

/** dpkg's packages, or undefined when the target has neither `status` nor `status.d/`. */
export async function readDpkgPackages(fs: TargetFileSystem): Promise<InstalledPackage[] | undefined> {
  const status = await readIfPresent(fs, '/var/lib/dpkg/status', MAX_STATUS);
  const dir = '/var/lib/dpkg/status.d';
  const names = await listIfPresent(fs, dir);
  if (status === undefined && names === undefined) return undefined;
  const out = status ? parseDpkgStatus(status.toString('utf8')) : [];
  const stanzas = await Promise.all(
    (names ?? [])
      .filter((n) => !n.endsWith('.md5sums') && !n.startsWith('.'))
      .map(async (n) => (await readIfPresent(fs, `${dir}/${n}`, MAX_STATUS))?.toString('utf8') ?? ''),
  );
  for (const text of stanzas) out.push(...parseDpkgStatus(text, { statusRequired: false }));
  return out;
}
