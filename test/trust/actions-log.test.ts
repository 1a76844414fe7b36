/**
 * The actions, run as the runner runs them (the runner harness, reading stdout and stderr for
 * commands exactly as the runner does), fed hostile data on every path that prints: host names and
 * job steps in report artifacts from a fork, file contents on the audit's `got:` lines, CloudTrail
 * fields and file names. The step issues only the commands it means to; none comes from the data.
 *
 * The entries run from source (`node --import tsx actions/<name>/main.ts`): dist/ is rebuilt by
 * the lead, and this is the code the bundles are built from.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { withAction, type StepResult } from '../harness/runner.ts';
import { hostileSample } from './hostile.ts';

/** Commands only a step itself writes; anything else in the log came from data. */
function assertNoCommandFromData(step: StepResult, expected: { errors?: number; maxWarnings?: number } = {}) {
  const kinds = step.commands.map((c) => c.command);
  const unexpected = step.commands.filter(
    (c) => !['error', 'warning', 'notice', 'debug', 'add-mask'].includes(c.command),
  );
  assert.deepEqual(unexpected, [], 'no set-output, save-state, stop-commands, group, add-path… from data');
  // Every command is one this process wrote whole, at the start of its own line.
  for (const c of step.commands) assert.match(c.line, /^::(error|warning|notice|debug|add-mask)( [^:]*)?::/, c.line);
  if (expected.errors !== undefined)
    assert.equal(kinds.filter((k) => k === 'error').length, expected.errors, step.stdout);
  if (expected.maxWarnings !== undefined)
    assert.ok(kinds.filter((k) => k === 'warning').length <= expected.maxWarnings);
  assert.doesNotMatch(step.stderr, /at .*\.ts:\d+:\d+/, 'no stack trace');
}

const source = (action: string) => ({
  entries: { main: `actions/${action}/main.ts` },
  nodeArgs: ['--import', import.meta.resolve('tsx')],
});
const strings = hostileSample(60);

describe('no workflow command from data, through the actions', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'telltale-trust-actions-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('egress-report: a fork artifact whose hosts, steps and job spell commands', async () => {
    const reports = path.join(dir, 'reports', 'egress-report-fork');
    await mkdir(reports, { recursive: true });
    const endpoints = strings
      .filter((s) => s.length > 0 && s.length <= 1024)
      .map((host, i) => ({
        host,
        port: 443,
        transport: 'tcp',
        protocol: 'tls',
        addresses: ['198.51.100.7'],
        namedBy: 'sni',
        firstSeen: '2026-11-23T06:00:00.000Z',
        lastSeen: '2026-11-23T06:00:02.000Z',
        connections: 1,
        failed: 0,
        bytes: 10,
        steps: [strings[(i + 1) % strings.length]!.slice(0, 500)],
      }));
    await writeFile(
      path.join(reports, 'egress-report.json'),
      JSON.stringify({ job: '::set-output name=verdict::pass', endpoints }),
    );
    const manifest = path.join(dir, 'egress.yml');
    await writeFile(manifest, 'version: 1\nallow:\n  - host: registry.npmjs.org\n    ports: [443]\n');
    await withAction(
      {
        action: 'egress-report',
        ...source('egress-report'),
        inputs: { reports: path.join(dir, 'reports'), manifest, comment: 'false', policy: 'enforce' },
        event: {
          name: 'workflow_run',
          payload: {
            workflow_run: { head_repository: { full_name: 'mallory/telltale-test' }, head_sha: 'f'.repeat(40) },
          },
        },
      },
      (run) => {
        const step = run.main;
        assert.equal(step.exitCode, 0, step.stderr + step.stdout);
        assertNoCommandFromData(step, { errors: 0, maxWarnings: 1 });
        // Written by the fork's code: informational, never enforced, and said so.
        assert.equal(step.outputs.verdict, 'pass');
        assert.match(step.summary, /Informational only\..*from a fork/);
        assert.equal(step.commands.filter((c) => c.command === 'warning').length, 1);
        assert.equal(Number(step.outputs['new-count']), endpoints.length);
      },
    );
  });

  test('egress-report on a push: enforce fails with one error, whatever the host names say', async () => {
    const manifest = path.join(dir, 'egress.yml');
    await withAction(
      {
        action: 'egress-report',
        ...source('egress-report'),
        inputs: { reports: path.join(dir, 'reports'), manifest, comment: 'false', policy: 'enforce' },
      },
      (run) => {
        assert.equal(run.main.exitCode, 1, run.main.stderr);
        assertNoCommandFromData(run.main, { errors: 1 });
        assert.equal(run.main.outputs.verdict, 'fail');
      },
    );
  });

  test('audit: a file whose contents spell commands, shown on the got: lines', async () => {
    const target = path.join(dir, 'hostile.conf');
    await writeFile(target, strings.join('\n'));
    const controls = path.join(dir, 'audit.yaml');
    await writeFile(controls, `file:\n  ${target}:\n    exists: true\n    contents: [this-line-is-not-there]\n`);
    await withAction(
      { action: 'audit', ...source('audit'), inputs: { controls, target: 'host' }, timeoutMs: 120_000 },
      (run) => {
        const step = run.main;
        assert.equal(step.exitCode, 1, step.stderr + step.stdout);
        assert.match(step.stdout, /got:/);
        // One annotation for the failed control, one for the failed step.
        assertNoCommandFromData(step, { errors: 2 });
        assert.equal(step.outputs.failed, '1');
      },
    );
  });

  test('cloudtrail: events whose user agent, ARN and IP spell commands, and a file named like one', async () => {
    const logs = path.join(dir, 'cloudtrail');
    await mkdir(logs, { recursive: true });
    const records = strings.slice(0, 40).map((s, i) => ({
      eventVersion: '1.08',
      eventTime: `2026-11-2${i % 9}T06:00:00Z`,
      eventSource: 'cloudtrail.amazonaws.com',
      eventName: 'StopLogging',
      awsRegion: 'eu-west-1',
      sourceIPAddress: s,
      userAgent: s,
      eventID: `id-${i}`,
      userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::123456789012:user/${s}`, accountId: '123456789012' },
      requestParameters: { name: s },
      recipientAccountId: '123456789012',
    }));
    await writeFile(path.join(logs, 'trail.json'), JSON.stringify({ Records: records }));
    await writeFile(path.join(logs, 'broken\n::error title=file::name.json'), '{"Records": [::error::');
    await withAction(
      {
        action: 'cloudtrail',
        ...source('cloudtrail'),
        inputs: {
          source: logs,
          since: 'all',
          issue: 'false',
          'fail-on': 'never',
          'report-dir': path.join(dir, 'ct-out'),
        },
      },
      (run) => {
        const step = run.main;
        assert.equal(step.exitCode, 0, step.stderr + step.stdout);
        assertNoCommandFromData(step, { errors: 0 });
        assert.ok(Number(step.outputs.findings) > 0, 'StopLogging is a finding');
        assert.ok(
          step.commands.some((c) => c.command === 'warning' && /broken/.test(c.data)),
          'the bad file is named',
        );
      },
    );
  });
});
