/**
 * Every package database a Linux root can hold, read through the target's filesystem (host, image
 * or container alike) without running the package manager: dpkg (`status`, and distroless's
 * `status.d/`), apk `installed`, and rpm's SQLite, NDB and BerkeleyDB databases.
 *
 * A target with none of them cannot answer a package control: that is an error ("could not
 * check"), never "not installed", which `installed: false` would take as a pass. So is a
 * database that is there but unreadable.
 */
import type { InstalledPackage, TargetFileSystem } from '../../target.ts';
import { parseApkInstalled } from './apk.ts';
import { readDpkgPackages } from './dpkg.ts';
import { readIfPresent } from './files.ts';
import { readRpmPackages } from './rpm.ts';

const APK = '/lib/apk/db/installed';

export const PACKAGE_DATABASES = [
  '/var/lib/dpkg/status',
  '/var/lib/dpkg/status.d/',
  APK,
  '/usr/lib/sysimage/rpm/ and /var/lib/rpm/ (rpmdb.sqlite, Packages.db, Packages)',
];

export async function readInstalledPackages(fs: TargetFileSystem): Promise<InstalledPackage[]> {
  const [dpkg, apk, rpm] = await Promise.all([
    readDpkgPackages(fs),
    readIfPresent(fs, APK, 256 * 1024 * 1024).then((b) => (b ? parseApkInstalled(b.toString('utf8')) : undefined)),
    readRpmPackages(fs),
  ]);
  if (!dpkg && !apk && !rpm)
    throw new Error(`could not check: the target has no package database (looked for ${PACKAGE_DATABASES.join(', ')})`);
  return [...(dpkg ?? []), ...(apk ?? []), ...(rpm ?? [])];
}
