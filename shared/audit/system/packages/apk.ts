/**
 * apk's database, /lib/apk/db/installed (Alpine, Wolfi): blocks separated by blank lines, one
 * `X:value` per line; `P:` name, `V:` version, `A:` architecture (apk-tools doc/apk-package.5,
 * Alpine wiki "Apk spec"). Malformed blocks are skipped.
 */
import type { InstalledPackage } from '../../target.ts';

export function parseApkInstalled(text: string): InstalledPackage[] {
  const out: InstalledPackage[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    let name: string | undefined;
    let version: string | undefined;
    let arch: string | undefined;
    for (const line of block.split('\n')) {
      if (line.length < 2 || line[1] !== ':') continue;
      const value = line.slice(2);
      if (line[0] === 'P') name = value;
      else if (line[0] === 'V') version = value;
      else if (line[0] === 'A') arch = value;
    }
    if (name && version) out.push({ name, version, source: 'apk', ...(arch ? { arch } : {}) });
  }
  return out;
}
