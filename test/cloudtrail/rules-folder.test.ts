// A --rules folder is input someone else may shape (a pull request adding rules). Whatever it
// holds — a dangling symlink, a symlink to /dev/zero, a FIFO, a file nobody may read, a symlink
// loop, a huge file — each bad entry is a clear problem naming its path, the other rules load,
// and nothing hangs (the test timeout is a hang guard; a FIFO or /dev/zero read blocking or
// filling memory is the failure it would catch).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../cli/program.ts';
import { MAX_RULE_FILE_BYTES, readRuleFiles } from '../../shared/cloudtrail/rules/folder.ts';
import { loadRuleSet } from '../../shared/cloudtrail/rules/ruleset.ts';
import { repoRoot } from '../harness/runner.ts';
import { capture } from './helpers.ts';

const GUARD = { timeout: 30_000 };
let dir: string;

const GOOD = [
  'title: Route deleted',
  'id: 3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
  'logsource: {product: aws, service: cloudtrail}',
  'detection:',
  '  sel: {eventName: DeleteRoute}',
  '  condition: sel',
].join('\n');

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'telltale-ct-folder-'));
  chmodSync(dir, 0o755);
  writeFileSync(path.join(dir, 'good.yml'), GOOD);
  symlinkSync(path.join(dir, 'no-such-target.yml'), path.join(dir, 'dangling.yml'));
  symlinkSync('/dev/zero', path.join(dir, 'zero.yml'));
  execFileSync('mkfifo', [path.join(dir, 'fifo.yml')]);
  symlinkSync(path.join(dir, 'loop-b.yml'), path.join(dir, 'loop-a.yml'));
  symlinkSync(path.join(dir, 'loop-a.yml'), path.join(dir, 'loop-b.yml'));
  writeFileSync(path.join(dir, 'huge.yml'), `title: x\n# ${'x'.repeat(MAX_RULE_FILE_BYTES)}\n`);
  writeFileSync(path.join(dir, 'nul.yml'), Buffer.from('title: x\n\0\0\0\n'));
  writeFileSync(path.join(dir, 'secret.yml'), GOOD.replace('Route deleted', 'Unreadable'));
  chmodSync(path.join(dir, 'secret.yml'), 0o000);
  // A folder that links back to its parent: walked once, not forever.
  mkdirSync(path.join(dir, 'nested'));
  writeFileSync(
    path.join(dir, 'nested', 'also-good.yml'),
    GOOD.replace('Route deleted', 'Nested rule').replace('3c4d', '4d5e'),
  );
  symlinkSync(dir, path.join(dir, 'nested', 'up'));
  // Not a rule file by name: ignored, even though it is a device.
  symlinkSync('/dev/zero', path.join(dir, 'README'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function problemFor(problems: { file: string; message: string }[], name: string): string {
  const p = problems.find((x) => path.basename(x.file) === name);
  assert.ok(p, `a problem names ${name}; problems: ${JSON.stringify(problems)}`);
  return p.message;
}

describe('rule folders with hostile entries: clear per-file errors, the scan goes on', () => {
  test('each bad entry is named with its reason; the good rules load', GUARD, async () => {
    const { files, problems } = await readRuleFiles(dir);
    assert.deepEqual(files.map((f) => path.relative(dir, f.file)).sort(), [
      'good.yml',
      path.join('nested', 'also-good.yml'),
      // Root may read the mode-000 file; the next test reads as `nobody`.
      'secret.yml',
    ]);
    assert.match(problemFor(problems, 'dangling.yml'), /symlink to nothing \(dangling\)/);
    assert.match(problemFor(problems, 'zero.yml'), /a device, not a rule file/);
    assert.match(problemFor(problems, 'fifo.yml'), /FIFO \(named pipe\)/);
    assert.match(problemFor(problems, 'loop-a.yml'), /cannot follow the symlink \(ELOOP\)/);
    assert.match(problemFor(problems, 'huge.yml'), /larger than the 1048576-byte limit/);
    assert.match(problemFor(problems, 'nul.yml'), /NUL bytes/);
    assert.match(problemFor(problems, 'up'), /reached twice through symlinks/);
    assert.ok(!problems.some((p) => path.basename(p.file) === 'README'), 'files that are not .yml are not rule files');
  });

  test('a file that cannot be read (as an unprivileged user, mode 000) is a problem, not a crash', GUARD, () => {
    // Root reads any file, so the read runs as `nobody`, in a child with the same TypeScript loader.
    const script = [
      `import { readRuleFiles } from ${JSON.stringify(path.join(repoRoot, 'shared/cloudtrail/rules/folder.ts'))};`,
      `const r = await readRuleFiles(${JSON.stringify(dir)});`,
      'console.log(JSON.stringify(r.problems));',
    ].join('\n');
    writeFileSync(path.join(dir, 'probe.mts'), script);
    chmodSync(path.join(dir, 'probe.mts'), 0o644);
    const child = spawnSync(
      'setpriv',
      [
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        process.execPath,
        ...process.execArgv,
        path.join(dir, 'probe.mts'),
      ],
      { encoding: 'utf8', timeout: 25_000, cwd: repoRoot, env: { ...process.env, HOME: dir } },
    );
    rmSync(path.join(dir, 'probe.mts'));
    assert.equal(child.status, 0, child.stderr);
    const problems = JSON.parse(child.stdout.trim().split('\n').pop()!) as { file: string; message: string }[];
    assert.match(problemFor(problems, 'secret.yml'), /cannot open \(EACCES\)/);
  });

  test('the CLI scan with such a folder exits normally and lists the problems, no stack trace', GUARD, async () => {
    const { out, io } = capture();
    const code = await runCli(
      [
        'cloudtrail',
        'scan',
        '--source',
        path.join(repoRoot, 'samples', 'cloudtrail'),
        '--since',
        'all',
        '--rules',
        dir,
        '--format',
        'json',
      ],
      io,
    );
    assert.ok(code === 0 || code === 1, out.stderr);
    const report = JSON.parse(out.stdout) as { rules: { loaded: { title: string }[]; problems: { file: string }[] } };
    assert.ok(report.rules.loaded.some((r) => r.title === 'Route deleted'));
    for (const name of ['dangling.yml', 'zero.yml', 'fifo.yml', 'huge.yml']) {
      assert.ok(
        report.rules.problems.some((p) => path.basename(p.file) === name),
        `${name} is in the report's problems`,
      );
    }
    assert.doesNotMatch(out.stderr, /\n\s+at /);
  });

  test('a --rules path that does not exist is an input error naming it', async () => {
    await assert.rejects(
      loadRuleSet({ builtin: false, dirs: [path.join(dir, 'nope')] }),
      /no such rule file or folder/,
    );
  });
});
