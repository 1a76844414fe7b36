/**
 * dpkg's database: /var/lib/dpkg/status, deb822 stanzas separated by blank lines (deb-control(5)).
 * Only stanzas whose Status ends in "installed" count. Distroless images have no `status`: one
 * stanza per package in /var/lib/dpkg/status.d/<name> (next to `<name>.md5sums`), without a Status
 * field, since only installed packages are written there.
 */
import type { InstalledPackage, TargetFileSystem } from '../../target.ts';

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
    if ((statusRequired || fields.has('status')) && !/\binstalled$/.test(status.trim())) continue;
    const arch = fields.get('architecture');
    out.push({ name, version, source: 'dpkg', ...(arch ? { arch } : {}) });
  }
  return out;
}

export async function readDpkgPackages(fs: TargetFileSystem): Promise<InstalledPackage[]> {
  const out: InstalledPackage[] = [];
  try {
    out.push(...parseDpkgStatus((await fs.readFile('/var/lib/dpkg/status')).toString('utf8')));
  } catch {
    // no status file: a distroless image, or no dpkg at all
  }
  const dir = '/var/lib/dpkg/status.d';
  const names = fs.readDir ? await fs.readDir(dir).catch(() => [] as string[]) : [];
  const stanzas = await Promise.all(
    names
      .filter((n) => !n.endsWith('.md5sums') && !n.startsWith('.'))
      .map((n) =>
        fs
          .readFile(`${dir}/${n}`)
          .then((b) => b.toString('utf8'))
          .catch(() => ''),
      ),
  );
  for (const text of stanzas) out.push(...parseDpkgStatus(text, { statusRequired: false }));
  return out;
}
