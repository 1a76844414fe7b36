/**
 * One real host audit (files made for it, a file the kernel refuses to read, a skipped control)
 * rendered by every reporter at once: the documentation log as Chef's Audit Mode printed it, the
 * JSON contract, JUnit that an XML parser reads, SARIF that validates against the 2.1.0 schema,
 * and the job-summary Markdown with its annotations.
 */
import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { auditExitCode, performAudit, type AuditOutcome } from '../../shared/audit/run.ts';
import { auditAnnotations, renderMarkdown } from '../../shared/audit/render/markdown.ts';
import { renderSarif } from '../../shared/audit/render/sarif.ts';
import { cli, validateSarif } from './helpers.ts';

describe('every reporter renders one audit run', () => {
  let dir: string;
  let controls: string;
  let outcome: AuditOutcome;
  let log = '';
  const out = (name: string) => path.join(dir, 'out', name);

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'telltale-audit-reporters-'));
    await writeFile(path.join(dir, 'app.conf'), 'listen = 8080\nuser = app\n');
    await chmod(path.join(dir, 'app.conf'), 0o640);
    controls = path.join(dir, 'controls.yaml');
    await writeFile(
      controls,
      [
        'file:',
        `  ${dir}/app.conf:`,
        '    title: app config <is> "private" & small',
        '    exists: true',
        '    mode: "0640"',
        '    contents: [listen = 8080, "!debug"]',
        '    sha256: 0000000000000000000000000000000000000000000000000000000000000000',
        '    meta: {id: APP-1, impact: 0.5, tags: [config]}',
        `  ${dir}/absent.conf:`,
        '    exists: true',
        '    meta: {impact: 0.9}',
        '  /proc/self/mem:',
        '    sha256: "00"',
        '    meta: {impact: 0.2}',
        'port:',
        '  tcp:1:',
        '    listening: false',
        '    skip: true',
        '',
      ].join('\n'),
    );
    outcome = await performAudit({
      controlsFile: controls,
      target: 'host',
      format: `documentation,json:${out('a.json')},junit:${out('a.xml')},sarif:${out('a.sarif')},markdown:${out('a.md')}`,
      stdout: (t) => (log += t),
    });
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('counts each asserted property once', () => {
    const { passed, failed, skipped, errored } = outcome.report.summary;
    assert.deepEqual({ passed, failed, skipped, errored }, { passed: 3, failed: 2, skipped: 1, errored: 1 });
    assert.equal(auditExitCode(outcome.report, false), 1);
    assert.equal(auditExitCode(outcome.report, true), 0);
  });

  it('documentation: groups, "(FAILED - n)", a failures section with expected and got, the totals', () => {
    assert.match(log, /^Audit of host /);
    assert.match(
      log,
      new RegExp(`\\nfile ${dir}/app\\.conf — app config <is> "private" & small\\n  exists true\\n  mode "0640"\\n`),
    );
    assert.match(log, /\n {2}sha256 "0{64}" \(FAILED - 1\)\n/);
    assert.match(log, /\n {2}exists true \(FAILED - 2\)\n/);
    assert.match(log, /\n {2}sha256 "00" \(ERROR - 3\)\n/);
    assert.match(log, /\n {2}listening \(SKIPPED: skip: true\)\n/);
    assert.match(log, /\nFailures:\n\n {2}1\) file .*app\.conf sha256 \(app config/);
    assert.match(log, /\n {5}expected: "0{64}"\n {10}got: "[0-9a-f]{64}"\n {5}# .*controls\.yaml:7\n/);
    assert.match(log, /\n {2}2\) file .*absent\.conf exists\n {5}expected: true\n {10}got: false\n/);
    assert.match(log, /\n {2}3\) file \/proc\/self\/mem sha256\n {5}Error: .*EIO/);
    assert.match(log, /\nFinished in \d+\.\d{3} seconds\n4 controls \(7 checks\), 2 failures, 1 skipped, 1 errors\n$/);
  });

  it('json: the CLI contract, summary and one result per property', async () => {
    const json = JSON.parse(await readFile(out('a.json'), 'utf8')) as {
      summary: Record<string, number>;
      results: Record<string, unknown>[];
    };
    assert.deepEqual(
      { ...json.summary, durationMs: 0 },
      { passed: 3, failed: 2, skipped: 1, errored: 1, durationMs: 0 },
    );
    for (const r of json.results)
      for (const key of ['type', 'id', 'property', 'status', 'expected', 'actual', 'title', 'meta'])
        assert.ok(key in r, `result lacks ${key}: ${JSON.stringify(r)}`);
    const sha = json.results.find((r) => r.property === 'sha256' && r.status === 'failed')!;
    assert.equal(sha.type, 'file');
    assert.equal(sha.id, `${dir}/app.conf`);
    assert.equal(sha.expected, `"${'0'.repeat(64)}"`);
    assert.match(String(sha.actual), /^"[0-9a-f]{64}"$/);
    assert.deepEqual(sha.meta, { id: 'APP-1', impact: 0.5, tags: ['config'] });
    assert.equal(sha.title, 'app config <is> "private" & small');
    assert.deepEqual(
      json.results.map((r) => r.status),
      ['passed', 'passed', 'passed', 'failed', 'failed', 'error', 'skipped'],
    );
  });

  it('junit: parses, with counts, and failures carrying expected and got', async () => {
    const xml = await readFile(out('a.xml'), 'utf8');
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
      testsuites: Record<string, unknown> & { testsuite: Record<string, unknown>[] | Record<string, unknown> };
    };
    assert.equal(doc.testsuites.tests, '7');
    assert.equal(doc.testsuites.failures, '2');
    assert.equal(doc.testsuites.errors, '1');
    assert.equal(doc.testsuites.skipped, '1');
    const suites = ([] as Record<string, unknown>[]).concat(doc.testsuites.testsuite);
    assert.deepEqual(
      suites.map((s) => s.name),
      ['file', 'port'],
    );
    const cases = ([] as Record<string, unknown>[]).concat(suites[0]!.testcase as Record<string, unknown>[]);
    const failed = cases.find((c) => String(c.name).includes('sha256 (app config'))!;
    assert.match(String(failed.name), /app config <is> "private" & small/);
    const failure = failed.failure as Record<string, string>;
    assert.match(failure.message ?? '', /^expected "0{64}", got "[0-9a-f]{64}"$/);
    assert.equal(failed.line, '7');
    assert.ok(cases.some((c) => 'error' in c));
  });

  it('sarif: valid 2.1.0, a rule per control, located at the control, level from impact (error when not checked)', async () => {
    const log = JSON.parse(await readFile(out('a.sarif'), 'utf8')) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string; properties: Record<string, unknown> }[] } };
        results: {
          ruleId: string;
          level: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; endLine?: number } };
          }[];
        }[];
      }[];
    };
    assert.deepEqual(validateSarif(log), []);
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0]!;
    const results = run.results;
    assert.deepEqual(
      results.map((r) => [r.ruleId, r.level]),
      [
        ['APP-1', 'warning'],
        [`file:${dir}/absent.conf`, 'error'],
        // Could not be checked: an error whatever its impact (0.2), never a note that reads like a pass.
        ['file:/proc/self/mem', 'error'],
      ],
    );
    const loc = results[0]!.locations[0]!.physicalLocation;
    // The control's key is on line 2 of the file; the failing sha256 on line 7.
    assert.equal(loc.region.startLine, 2);
    assert.equal(loc.region.endLine, 7);
    // Outside the workspace the file is named by an absolute file URI; inside it, repository-relative.
    assert.equal(loc.artifactLocation.uri, `file://${controls}`);
    const inWorkspace = JSON.parse(renderSarif(outcome.report, dir)) as typeof log;
    assert.equal(inWorkspace.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, 'controls.yaml');
    assert.deepEqual(run.tool.driver.rules.find((r) => r.id === 'APP-1')!.properties, {
      tags: ['config'],
      'security-severity': '5.0',
    });
    // Skipped and passed controls are rules too (code scanning closes an alert when it passes again).
    assert.ok(run.tool.driver.rules.some((r) => r.id === 'port:tcp:1'));
  });

  it('markdown: failures first, escaped; annotations point at the property line', async () => {
    const md = await readFile(out('a.md'), 'utf8');
    assert.equal(md, renderMarkdown(outcome.report));
    assert.match(md, /❌ \*\*3 passed\*\*, \*\*2 failed\*\*, 1 skipped, 1 errors/);
    assert.ok(md.indexOf('#### Failures') < md.indexOf('<details>'));
    const { annotations, omitted } = auditAnnotations(outcome.report);
    assert.equal(omitted, 0);
    assert.deepEqual(
      annotations.map((a) => [a.level, a.line, a.file]),
      [
        ['error', 7, controls],
        ['error', 10, controls],
        ['warning', 13, controls],
      ],
    );
  });
});

describe('the audit command line', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'telltale-audit-cli-'));
    await writeFile(path.join(dir, 'pass.yaml'), 'user:\n  root:\n    exists: true\n    uid: 0\n');
    await writeFile(path.join(dir, 'fail.yaml'), 'user:\n  root:\n    uid: 1\n');
    await writeFile(path.join(dir, 'typo.yaml'), 'user:\n  root:\n    uidd: 0\n');
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  it('exits 0 when every control passes, 1 when one fails, 0 with --audit-only, 2 on a typo', async () => {
    const pass = await cli(['audit', '-c', path.join(dir, 'pass.yaml')]);
    assert.equal(pass.code, 0, pass.stderr);
    assert.match(pass.stdout, /1 control \(2 checks\), 0 failures/);
    const fail = await cli(['audit', '-c', path.join(dir, 'fail.yaml')]);
    assert.equal(fail.code, 1);
    assert.match(fail.stdout, /uid 1 \(FAILED - 1\)/);
    assert.equal((await cli(['audit', '-c', path.join(dir, 'fail.yaml'), '--audit-only'])).code, 0);
    const typo = await cli(['audit', '-c', path.join(dir, 'typo.yaml')]);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /typo\.yaml:3:5: user\.root\.uidd: unknown attribute 'uidd' for user/);
  });
  it('several formats at once, only one on stdout', async () => {
    const json = path.join(dir, 'r.json');
    const r = await cli(['audit', '-c', path.join(dir, 'pass.yaml'), '--format', `json,junit:${dir}/r.xml`]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { summary: { passed: number } }).summary.passed, 2);
    assert.match(await readFile(path.join(dir, 'r.xml'), 'utf8'), /<testsuites /);
    const two = await cli(['audit', '-c', path.join(dir, 'pass.yaml'), '--format', `json,sarif,markdown:${json}`]);
    assert.equal(two.code, 2);
    assert.match(two.stderr, /only one format can write to stdout/);
  });
});
