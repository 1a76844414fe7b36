#!/usr/bin/env node
// What the release workflow checks before it tags, and the notes it writes (CONTRIBUTING "Releases").
//
//   node scripts/release.mjs check 1.2.3    exit 1 unless package.json says 1.2.3, CHANGELOG.md has a
//                                            non-empty "## [1.2.3]" section and v1.2.3 is not tagged;
//                                            prints that section (the GitHub Release notes)
//   node scripts/release.mjs tags           prints the tags the next release makes (vX.Y.Z and vX)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The body of `## [version]` in a Keep-a-Changelog file, or undefined. */
export function changelogSection(changelog, version) {
  const lines = changelog.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## [${version}]` || l.startsWith(`## [${version}] `));
  if (start < 0) return undefined;
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end < 0) end = lines.length;
  const body = lines
    .slice(start + 1, end)
    .join('\n')
    .trim();
  return body || undefined;
}

/** The tags a release of `version` makes: the exact one and the moving major. */
export function releaseTags(version) {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) throw new Error(`'${version}' is not a release version X.Y.Z`);
  return { exact: `v${version}`, major: `v${match[1]}` };
}

export function packageVersion() {
  return JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
}

function fail(message) {
  process.stderr.write(`release: ${message}\n`);
  process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, version] = process.argv.slice(2);
  if (command === 'tags') {
    const tags = releaseTags(packageVersion());
    process.stdout.write(`${tags.exact}\n${tags.major}\n`);
  } else if (command === 'check' && version) {
    let tags;
    try {
      tags = releaseTags(version);
    } catch (error) {
      fail(error.message);
    }
    if (packageVersion() !== version) fail(`package.json says ${packageVersion()}, not ${version}: bump it first`);
    const notes = changelogSection(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8'), version);
    if (!notes) fail(`CHANGELOG.md has no "## [${version}]" section with text: write the release notes first`);
    const tagged = spawnSync('git', ['rev-parse', '-q', '--verify', `refs/tags/${tags.exact}`], { cwd: root });
    if (tagged.status === 0) fail(`${tags.exact} is tagged already`);
    process.stdout.write(`${notes}\n`);
  } else {
    fail('usage: release.mjs check X.Y.Z | tags');
  }
}
