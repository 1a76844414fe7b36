// The CLI's documented exit codes, run in-process through the same entry the bundle uses.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Command } from 'commander';
import { buildProgram, runCli } from '../../cli/program.ts';

function capture() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s) },
  };
}

describe('telltale CLI', () => {
  test('--version prints the version and exits 0', async () => {
    const { out, io } = capture();
    assert.equal(await runCli(['--version'], io), 0);
    assert.match(out.stdout, /^\d+\.\d+\.\d+\n$/);
  });
  test('an unknown command is a usage error: exit 2 with a hint', async () => {
    const { out, io } = capture();
    assert.equal(await runCli(['frobnicate'], io), 2);
    assert.match(out.stderr, /unknown command 'frobnicate'/);
  });
  test('an unknown option is a usage error: exit 2', async () => {
    const { io } = capture();
    assert.equal(await runCli(['--no-such-flag'], io), 2);
  });
  test('help lists every capability', async () => {
    const { out, io } = capture();
    assert.equal(await runCli(['--help'], io), 0);
    for (const command of ['egress', 'comment', 'audit', 'cloudtrail', 'demo'])
      assert.match(out.stdout, new RegExp(`\\b${command}\\b`));
  });
  test("every command's --help lists its options: declared statically, beside the lazy handlers", async () => {
    const leaves: string[][] = [];
    const walk = (command: Command, path: string[]) => {
      if (!command.commands.length) leaves.push(path);
      for (const sub of command.commands) walk(sub, [...path, sub.name()]);
    };
    const program = buildProgram(capture().io);
    walk(program, []);
    assert.ok(leaves.length >= 8, leaves.map((l) => l.join(' ')).join(', '));
    for (const path of leaves) {
      let command = program;
      for (const name of path) command = command.commands.find((c) => c.name() === name)!;
      const { out, io } = capture();
      assert.equal(await runCli([...path, '--help'], io), 0, path.join(' '));
      for (const option of command.options)
        assert.ok(out.stdout.includes(option.long!), `${path.join(' ')}: ${option.long}`);
    }
  });
});
