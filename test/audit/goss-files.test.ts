/**
 * Goss-style gossfiles run unchanged: telltale's own equivalents (test/fixtures/audit/goss/) of Goss's
 * integration-test gossfiles and docs examples — templated ones rendered with their vars — are
 * accepted, and the checks a test host can answer locally give Goss's expected answers.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadControls } from '../../shared/audit/load.ts';
import { runAudit } from '../../shared/audit/phase.ts';
import { openTarget } from '../../shared/audit/targets/index.ts';
import { loadVars } from '../../shared/audit/template/vars.ts';
import { repoRoot } from '../harness/runner.ts';
import { cli } from './helpers.ts';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'audit', 'goss');
const fixture = (name: string) => path.join(fixtures, name);

describe("Goss's own kinds of gossfiles are accepted", () => {
  it('integration-tests/goss/goss-shared.yaml (equivalent): templated, with vars and vars-inline, runs on this host and passes', async () => {
    const vars = await loadVars({
      varsFile: fixture('vars.yaml'),
      varsInline: '{"inline": "bar", "overwrite": "bar"}',
    });
    const controls = await loadControls(fixture('shared.yaml'), { vars, env: { ...process.env, DISTRO: 'debian' } });
    assert.ok(
      controls.some((c) => c.type === 'file' && c.id === '/etc/passwd'),
      'the mkSlice loop rendered /etc/passwd',
    );
    assert.ok(
      controls.some((c) => c.type === 'package' && c.id === 'bash'),
      'the vars loop rendered bash',
    );
    const target = await openTarget('host');
    try {
      const { results } = await runAudit(controls, target, () => {});
      const bad = results.filter((r) => r.status === 'failed' || r.status === 'error');
      assert.deepEqual(
        bad.map((r) => `${r.type} ${r.id} ${r.property}: expected ${r.expected}, got ${r.actual}`),
        [],
      );
      const skipped = results.filter((r) => r.status === 'skipped').map((r) => `${r.type} ${r.id}`);
      // skip: true, and (resource/resource.go shouldSkip) `contains` of a file that rightly does not exist.
      assert.deepEqual([...new Set(skipped)].sort(), [
        'command skipped',
        'file /nonexistent/telltale/file',
        'file /not/there',
      ]);
    } finally {
      await target.close();
    }
  });
  it('the same file without its vars is an error at the template line, not a garbage control', async () => {
    await assert.rejects(loadControls(fixture('shared.yaml'), { env: { DISTRO: 'debian' } }), (e: Error) => {
      assert.match(
        String((e as { describe?: () => string }).describe?.() ?? e.message),
        /shared\.yaml:54:26: template: error calling index/,
      );
      return true;
    });
  });
  it('docs/gossfile.md: every resource with every documented attribute is accepted', async () => {
    const controls = await loadControls(fixture('docs-examples.yaml'));
    const types = new Set(controls.map((c) => c.type));
    for (const t of [
      'addr',
      'command',
      'dns',
      'file',
      'group',
      'http',
      'interface',
      'kernel-param',
      'mount',
      'matching',
      'package',
      'port',
      'process',
      'service',
      'user',
    ])
      assert.ok(types.has(t as never), `${t} is read`);
    assert.equal(controls.length, 20);
  });
  it('docs/gossfile.md "Templates" vars example: rendered per $OS; a second package: block replaces the first, with a warning', async () => {
    const vars = await loadVars({ varsFile: fixture('packages-vars.yaml') });
    const warnings: string[] = [];
    const centos = await loadControls(fixture('packages-by-os.yaml'), {
      vars,
      env: { OS: 'centos' },
      warn: (w) => warnings.push(w),
    });
    assert.deepEqual(
      centos.map((c) => `${c.type}:${c.id}`),
      ['package:libselinux', 'user:user1', 'user:user2'],
    );
    assert.match(warnings[0] ?? '', /'package:' appears again/);
    const debian = await loadControls(fixture('packages-by-os.yaml'), { vars, env: { OS: 'debian' } });
    assert.deepEqual(
      debian.map((c) => `${c.type}:${c.id}`),
      ['user:user1', 'user:user2'],
    );
  });
  it('YAML anchors and merge keys are expanded (issue 10 §9)', async () => {
    const controls = await loadControls(fixture('anchors.yaml'));
    assert.deepEqual(controls[1]!.attributes, {
      exists: true,
      owner: 'root',
      group: 'root',
      filetype: 'file',
      mode: '0644',
    });
    assert.deepEqual(controls[2]!.attributes, controls[0]!.attributes);
  });
  it('the CLI takes --vars and --vars-inline, and `audit render` prints the rendered file', async () => {
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', DISTRO: 'debian' };
    const args = [
      '-c',
      fixture('shared.yaml'),
      '--vars',
      fixture('vars.yaml'),
      '--vars-inline',
      '{"inline": "bar", "overwrite": "bar"}',
    ];
    const run = await cli(['audit', ...args, '-f', 'tap'], { env });
    assert.equal(run.code, 0, run.stderr + run.stdout);
    assert.match(run.stdout, /^1\.\.\d+\nok 1 - Command: echo 'hello there': exit-status: /);
    const rendered = await cli(['audit', 'render', ...args], { env });
    assert.equal(rendered.code, 0, rendered.stderr);
    assert.match(rendered.stdout, /\n {2}\/etc\/passwd:\n {4}exists: true/);
    assert.doesNotMatch(rendered.stdout, /\{\{/);
  });
});
