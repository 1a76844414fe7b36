/**
 * Every package database a Linux root can hold, read through the target's filesystem (host, image
 * or container alike) without running the package manager: dpkg (`status`, and distroless's
 * `status.d/`), apk `installed`, and rpm's SQLite `rpmdb.sqlite`.
 */
import type { InstalledPackage, TargetFileSystem } from '../../target.ts';
import { parseApkInstalled } from './apk.ts';
import { readDpkgPackages } from './dpkg.ts';
import { readRpmPackages } from './rpm.ts';

async function readText(fs: TargetFileSystem, file: string): Promise<string | undefined> {
  try {
    return (await fs.readFile(file)).toString('utf8');
  } catch {
    return undefined;
  }
}

export async function readInstalledPackages(fs: TargetFileSystem): Promise<InstalledPackage[]> {
  const [dpkg, apk, rpm] = await Promise.all([
    readDpkgPackages(fs),
    readText(fs, '/lib/apk/db/installed').then((t) => (t ? parseApkInstalled(t) : [])),
    readRpmPackages(fs),
  ]);
  return [...dpkg, ...apk, ...rpm];
}
