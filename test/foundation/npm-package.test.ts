// The CLI as users install it: `npm pack` ships the bundle and what it reads at run time, nothing
// else; the tarball installs into an empty folder without the registry (every runtime dependency is
// inside the ncc bundle) and `telltale --version` and `telltale demo` work from there.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import semver from 'semver';
import { repoRoot } from '../harness/runner.ts';

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const work = mkdtempSync(path.join(tmpdir(), 'telltale-pack-'));
after(() => rmSync(work, { recursive: true, force: true }));

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  return spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', NO_COLOR: '1', ...env },
  });
}

describe('the npm package', () => {
  let tarball = '';
  let files: string[] = [];

  test('npm pack ships the CLI bundle, the demo samples, the schemas and the notices only', () => {
    const packed = run('npm', ['pack', '--json', '--pack-destination', work], repoRoot);
    assert.equal(packed.status, 0, packed.stderr);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(work, info!.filename);
    files = info!.files.map((f) => f.path);
    assert.ok(files.includes('dist/cli/index.js'));
    assert.ok(files.some((f) => f.startsWith('samples/')));
    for (const f of ['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json']) assert.ok(files.includes(f), f);
    const allowed =
      /^(dist\/cli\/|samples\/|schemas\/|LICENSE$|README\.md$|CHANGELOG\.md$|SECURITY\.md$|package\.json$)/;
    assert.deepEqual(
      files.filter((f) => !allowed.test(f)),
      [],
    );
    assert.ok(!files.some((f) => /^(test|tools|scripts|shared|cli|actions|node_modules)\//.test(f)));
  });

  test('it installs nothing else and compiles nothing: no dependencies, no install scripts', () => {
    assert.equal(pkg.private, undefined);
    assert.deepEqual(Object.keys(pkg.dependencies ?? {}), []);
    assert.deepEqual(Object.keys(pkg.optionalDependencies ?? {}), []);
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare'])
      assert.equal(pkg.scripts?.[hook], undefined, hook);
    assert.equal(pkg.bin.telltale, 'dist/cli/index.js');
  });

  test('engines covers what every bundled package needs', () => {
    const bundled = new Set<string>();
    for (const entry of ['cli', 'egress/main', 'audit/main', 'cloudtrail/main']) {
      let text = '';
      try {
        text = readFileSync(path.join(repoRoot, 'dist', entry, 'licenses.txt'), 'utf8');
      } catch {
        continue;
      }
      for (const line of text.split('\n'))
        if (/^(@[\w.-]+\/)?[\w.-]+$/.test(line) && line.length > 1) bundled.add(line);
    }
    assert.ok(bundled.size > 10, `read ${bundled.size} bundled packages`);
    const ours = pkg.engines.node as string;
    const problems: string[] = [];
    for (const name of bundled) {
      let theirs: string | undefined;
      try {
        theirs = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).engines
          ?.node;
      } catch {
        continue; // a name in licenses.txt that is not a package folder (a license heading)
      }
      if (theirs && !semver.subset(ours, theirs)) problems.push(`${name} needs node ${theirs}; engines says ${ours}`);
    }
    assert.deepEqual(problems, []);
  });

  test('installed from the tarball into an empty folder, `telltale --version` and `telltale demo` work', () => {
    assert.ok(tarball, 'npm pack ran');
    const app = path.join(work, 'app');
    spawnSync('mkdir', ['-p', app]);
    writeFileSync(path.join(app, 'package.json'), '{"name":"app","version":"1.0.0","private":true}\n');
    const install = run('npm', ['install', '--offline', '--no-save', tarball], app);
    assert.equal(install.status, 0, install.stderr);
    const version = run('npx', ['--no-install', 'telltale', '--version'], app);
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout.trim(), pkg.version);
    const demo = run('npx', ['--no-install', 'telltale', 'demo'], app);
    assert.equal(demo.status, 0, `${demo.stdout}\n${demo.stderr}`);
    assert.match(demo.stdout, /=== .*egress/i);
    assert.match(demo.stdout, /=== .*audit/i);
    assert.match(demo.stdout, /=== .*cloudtrail/i);
    assert.doesNotMatch(demo.stderr, /internal error|at .*\.js:\d+/);
  });
});
