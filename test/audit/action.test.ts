/**
 * The audit action: the step logic with a recording ActionContext (what the runner would show),
 * and the committed bundle run as the Actions runner runs it (skipped until dist/ is built).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runAuditAction } from '../../shared/audit/action.ts';
import type { ActionContext, AnnotationProperties } from '../../shared/github/action.ts';
import { node24, repoRoot, runAction } from '../harness/runner.ts';
import { validateSarif } from './helpers.ts';

const CONTROLS = [
  'user:',
  '  root:',
  '    uid: 0',
  'file:',
  '  /etc/passwd:',
  '    exists: true',
  ...Array.from({ length: 12 }, (_, i) => [
    `  /telltale/absent-${i}:`,
    '    exists: true',
    '    meta: {impact: 0.5}',
  ]).flat(),
  '',
].join('\n');

function recorder(inputs: Record<string, string>) {
  const seen = {
    outputs: {} as Record<string, string>,
    log: [] as string[],
    summary: '',
    annotations: [] as { level: string; message: string; props?: AnnotationProperties }[],
    failed: undefined as string | undefined,
  };
  const ctx: ActionContext = {
    input: (name) => inputs[name] ?? '',
    booleanInput: (name) => inputs[name] === 'true',
    listInput: (name) => (inputs[name] ?? '').split(/[\n,]/).filter(Boolean),
    output: (name, value) => void (seen.outputs[name] = String(value)),
    saveState: () => {},
    state: () => '',
    summary: async (md) => void (seen.summary += md),
    info: (m) => void seen.log.push(m),
    debug: () => {},
    notice: (message, props) => void seen.annotations.push({ level: 'notice', message, ...(props ? { props } : {}) }),
    warning: (message, props) => void seen.annotations.push({ level: 'warning', message, ...(props ? { props } : {}) }),
    error: (message, props) => void seen.annotations.push({ level: 'error', message, ...(props ? { props } : {}) }),
    fail: (m) => void (seen.failed = m),
    secret: () => {},
  };
  return { ctx, seen };
}

describe('the audit action step', () => {
  let workspace: string;
  const cwd = process.cwd();
  const env = { ...process.env };
  before(async () => {
    workspace = await mkdtemp(path.join(tmpdir(), 'telltale-audit-action-'));
    await writeFile(path.join(workspace, 'audit.yaml'), CONTROLS);
    process.env.GITHUB_WORKSPACE = workspace;
    process.env.RUNNER_TEMP = path.join(workspace, 'tmp');
    // The runner starts the step in the workspace.
    process.chdir(workspace);
  });
  after(async () => {
    process.chdir(cwd);
    process.env = env;
    await rm(workspace, { recursive: true, force: true });
  });

  it('fails the step, annotates 10 failures on the controls file, notes the rest, writes SARIF and JUnit', async () => {
    const { ctx, seen } = recorder({ controls: 'audit.yaml', target: 'host', 'audit-only': 'false' });
    await runAuditAction(ctx);
    assert.match(seen.failed ?? '', /^audit failed: 2 passed, 12 failed, 0 skipped, 0 errors$/);
    const errors = seen.annotations.filter((a) => a.level === 'error');
    assert.equal(errors.length, 10);
    assert.deepEqual(errors[0]!.props, {
      title: 'file /telltale/absent-0: exists',
      file: 'audit.yaml',
      startLine: 8,
      startColumn: 5,
    });
    assert.match(seen.annotations.find((a) => a.level === 'notice')!.message, /^2 more failed controls/);
    assert.match(seen.summary, /\*\*2 passed\*\*, \*\*12 failed\*\*/);
    assert.ok(seen.log.some((l) => /\d+ controls \(14 checks\), 12 failures/.test(l)));
    const sarif = JSON.parse(await readFile(seen.outputs.sarif!, 'utf8')) as unknown;
    assert.deepEqual(validateSarif(sarif), []);
    assert.match(JSON.stringify(sarif), /"uri":"audit\.yaml"/);
    assert.match(
      await readFile(seen.outputs.junit!, 'utf8'),
      /<testsuites name="telltale audit" tests="14" failures="12"/,
    );
    assert.equal(seen.outputs.failed, '12');
  });

  it('audit-only reports the failures and passes the step', async () => {
    const { ctx, seen } = recorder({ controls: 'audit.yaml', target: 'host', 'audit-only': 'true' });
    await runAuditAction(ctx);
    assert.equal(seen.failed, undefined);
    assert.ok(seen.log.some((l) => /^audit finished \(audit-only\): 2 passed, 12 failed/.test(l)));
  });
});

const bundle = path.join(repoRoot, 'dist', 'audit', 'main', 'index.js');

describe(
  'actions/audit bundle as the runner runs it',
  { skip: !existsSync(bundle) && 'bundle not built (npm run build)' },
  () => {
    it('audits the host with the workspace controls, with outputs, summary and annotations', async () => {
      const workspace = await mkdtemp(path.join(tmpdir(), 'telltale-audit-bundle-'));
      await writeFile(path.join(workspace, 'audit.yaml'), CONTROLS);
      const run = await runAction({
        action: 'audit',
        workspace,
        inputs: { target: 'host' },
        ...(node24() ? { node: node24()! } : {}),
      });
      try {
        assert.equal(run.main.failed, true);
        assert.equal(
          run.main.annotations.filter((a) => a.level === 'error' && a.properties.file === 'audit.yaml').length,
          10,
        );
        assert.match(run.main.summary, /\*\*12 failed\*\*/);
        assert.ok(existsSync(run.main.outputs.sarif!));
        assert.ok(existsSync(run.main.outputs.junit!));
      } finally {
        await run.cleanup();
        await rm(workspace, { recursive: true, force: true });
      }
    });
  },
);
