/**
 * NOTE for the image engineer: written by the audit-core engineer so the host target can list
 * packages before your parsers land. You own this file: extend it (distroless status.d, …) freely;
 * the host target only calls `readDpkgPackages(fs)`.
 *
 * dpkg's database: /var/lib/dpkg/status, deb822 stanzas separated by blank lines (deb-control(5)).
 * Only stanzas whose Status ends in "installed" count.
 */
import type { InstalledPackage, TargetFileSystem } from '../../target.ts';

export function parseDpkgStatus(text: string): InstalledPackage[] {
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
    if (!name || !version || !/\binstalled$/.test(status.trim())) continue;
    const arch = fields.get('architecture');
    out.push({ name, version, source: 'dpkg', ...(arch ? { arch } : {}) });
  }
  return out;
}

export async function readDpkgPackages(fs: TargetFileSystem): Promise<InstalledPackage[]> {
  try {
    return parseDpkgStatus((await fs.readFile('/var/lib/dpkg/status')).toString('utf8'));
  } catch {
    return [];
  }
}
