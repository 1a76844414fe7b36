/**
 * What a person sees at a terminal and what a script sees in a pipe, from the real CLI process:
 * `node --import tsx cli/index.ts`, once with its streams on pipes and once on a pseudo-terminal
 * (`script -qfec CMD /dev/null` gives the child a TTY). Colour and progress appear only on the
 * terminal; NO_COLOR, --no-color and --quiet take them away again; pipes never carry ANSI codes.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { Command } from 'commander';
import { buildProgram, runCli } from '../../cli/program.ts';
import { repoRoot } from '../harness/runner.ts';

const ANSI = /\u001b\[/;
const SGR = /\u001b\[\d+m/;
const REPORT = 'samples/egress/ci-job.report.json';
const MANIFEST = 'samples/egress/manifest.yml';
const scratch = mkdtempSync(path.join(tmpdir(), 'telltale-cli-ux-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** The environment of a user with no colour preference (the test runner's own must not leak in). */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', ...extra };
  for (const k of ['NO_COLOR', 'FORCE_COLOR', 'CI', 'GITHUB_ACTIONS']) if (!(k in extra)) delete env[k];
  return env;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The CLI with stdout and stderr on pipes. */
function inPipe(args: string[], env = userEnv()) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/index.ts', ...args], {
    cwd: repoRoot,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI on a pseudo-terminal: stdout and stderr both go to it, so they arrive as one stream. */
function onTerminal(args: string[], env = userEnv()) {
  const command = [process.execPath, '--import', 'tsx', 'cli/index.ts', ...args].map(quote).join(' ');
  const r = spawnSync('script', ['-qfec', command, '/dev/null'], {
    cwd: repoRoot,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(r.error, undefined, String(r.error));
  return { code: r.status, screen: r.stdout.replace(/\r\n/g, '\n') };
}

describe('colour: on a terminal only', () => {
  test('egress diff on a terminal is a coloured table, new endpoints in red when the job fails', () => {
    const { code, screen } = onTerminal(['egress', 'diff', REPORT, '--manifest', MANIFEST]);
    assert.equal(code, 1, screen);
    assert.match(screen, /Status\s+Host\s+Port\s+Protocol/);
    assert.match(screen, /\u001b\[31mnew\s*\u001b\[39m/, 'new is red');
    assert.match(screen, /\u001b\[32mallowed\u001b\[39m/, 'allowed is green');
    assert.doesNotMatch(screen, /\| Host \|/, 'not the Markdown table');
  });

  test('the same command in a pipe prints the Markdown it always did, without one ANSI code', () => {
    const { code, stdout, stderr } = inPipe(['egress', 'diff', REPORT, '--manifest', MANIFEST]);
    assert.equal(code, 1);
    assert.match(stdout, /\| Host \| Port \|/);
    assert.doesNotMatch(stdout + stderr, ANSI);
  });

  test('NO_COLOR and --no-color keep the terminal table plain', () => {
    for (const [args, env] of [
      [['egress', 'diff', REPORT, '--manifest', MANIFEST], userEnv({ NO_COLOR: '1' })],
      [['egress', 'diff', REPORT, '--manifest', MANIFEST, '--no-color'], userEnv()],
      [['--no-color', 'audit', '-c', 'samples/audit-host/controls.yaml'], userEnv()],
    ] as const) {
      const { screen } = onTerminal([...args], env);
      assert.match(screen, /Status\s+Host|controls \(\d+ checks\), \d+ failures/, screen);
      assert.doesNotMatch(screen, ANSI, `${args.join(' ')}: ${JSON.stringify(screen.slice(0, 200))}`);
    }
  });

  test('egress preflight on a terminal is a table: refused in red, a CIDR it cannot check dimmed', async () => {
    // A loopback port that was free a moment ago: the probe is refused fast.
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const manifest = path.join(scratch, 'preflight.yml');
    writeFileSync(manifest, `version: 1\nallow:\n  - host: localhost\n    ports: [${port}]\n  - cidr: 10.0.0.0/8\n`);
    const { code, screen } = onTerminal(['egress', 'preflight', '--manifest', manifest, '--timeout', '2s']);
    assert.equal(code, 1, screen);
    assert.match(screen, /Status\s+Host\s+Port\s+ms\s+Detail/);
    assert.match(screen, /\u001b\[31mrefused\u001b\[39m\s+localhost/);
    assert.match(screen, /\u001b\[2mskipped\u001b\[22m\s+10\.0\.0\.0\/8/);
    const pipe = inPipe(['egress', 'preflight', '--manifest', manifest, '--timeout', '2s']);
    assert.match(pipe.stdout, /\| Host \| Port \| Status \|/);
    assert.doesNotMatch(pipe.stdout + pipe.stderr, ANSI);
  });

  test('FORCE_COLOR colours a requested table even in a pipe (CI logs that render ANSI)', () => {
    const { stdout } = inPipe(
      ['egress', 'diff', REPORT, '--manifest', MANIFEST, '--format', 'table'],
      userEnv({ FORCE_COLOR: '1' }),
    );
    assert.match(stdout, SGR);
  });

  test('audit on a terminal colours passes green; the same audit in a pipe has no colour', () => {
    const tty = onTerminal(['audit', '-c', 'samples/audit-host/controls.yaml']);
    assert.match(tty.screen, /\u001b\[32m {2}\S.*\u001b\[39m/);
    assert.match(tty.screen, /\u001b\[32m\d+ controls \(\d+ checks\), 0 failures\u001b\[39m/);
    const pipe = inPipe(['audit', '-c', 'samples/audit-host/controls.yaml']);
    assert.match(pipe.stdout, /\d+ controls \(\d+ checks\), 0 failures/);
    assert.doesNotMatch(pipe.stdout + pipe.stderr, ANSI);
  });
});

describe('progress and --quiet', () => {
  const scan = ['cloudtrail', 'scan', '--source', 'samples/cloudtrail', '--since', 'all', '--format', 'json'];

  test('a CloudTrail scan on a terminal draws a progress line on stderr, and clears it', () => {
    const out = path.join(scratch, 'tty.json');
    const { code, screen } = onTerminal([...scan, '--output', out]);
    assert.equal(code, 0, screen);
    assert.match(screen, /\r\u001b\[Kcloudtrail: \d+ file\(s\) read, \d+ events/);
    assert.match(screen, /\r\u001b\[Ktelltale: 408 events/, 'the line is cleared before the next output');
    assert.ok(existsSync(out));
  });

  test('an image audit on a terminal says it is reading the image, and clears the line when the report starts', () => {
    const args = ['audit', '-c', 'samples/audit-image/controls.yaml', '-t', 'oci:samples/audit-image/app.oci.tar'];
    const tty = onTerminal(args);
    assert.match(
      tty.screen,
      /^\r\u001b\[Kaudit: reading oci:samples\/audit-image\/app\.oci\.tar…[^\n]*\r\u001b\[KAudit of /,
    );
    const pipe = inPipe(args);
    assert.match(pipe.stdout, /^Audit of oci /);
    assert.doesNotMatch(pipe.stdout + pipe.stderr, /reading oci|\u001b\[/);
  });

  test('in a pipe there is no progress and no ANSI; the counts go to stderr', () => {
    const { code, stdout, stderr } = inPipe(scan);
    assert.equal(code, 0, stderr);
    assert.equal(JSON.parse(stdout).stats.files, 48);
    assert.match(stderr, /telltale: 408 events, 48 file\(s\)/);
    assert.doesNotMatch(stdout + stderr, ANSI);
  });

  test('--quiet: no progress, no informational lines; the result and warnings still printed', () => {
    const tty = onTerminal(['--quiet', ...scan]);
    assert.doesNotMatch(tty.screen, /file\(s\) read|\u001b\[K/);
    const pipe = inPipe([...scan, '--quiet']);
    assert.equal(JSON.parse(pipe.stdout).stats.events, 408);
    assert.doesNotMatch(pipe.stderr, /events, \d+ file/);
    assert.match(pipe.stderr, /warning: .*truncated gzip/, 'a warning is not information');
  });
});

describe('first contact', () => {
  test('the bundled CloudTrail sample with the default --since 24h says where its events are', () => {
    const { code, stdout, stderr } = inPipe([
      'cloudtrail',
      'scan',
      '--source',
      'samples/cloudtrail',
      '--format',
      'json',
    ]);
    assert.equal(code, 0, stderr);
    assert.equal(JSON.parse(stdout).stats.events, 0);
    assert.match(stderr, /no events in the window \(--since 24h: .*\); the logs found lie between 2026-05-\d\d/);
    assert.match(stderr, /hint: --since all/);
  });

  test('without AWS credentials an S3 or LookupEvents scan says how to get them', () => {
    const env = userEnv({
      HOME: scratch,
      AWS_CONFIG_FILE: path.join(scratch, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(scratch, 'no-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_REGION: 'eu-west-1',
    });
    for (const k of Object.keys(env)) {
      if (
        /^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|PROFILE|WEB_IDENTITY_TOKEN_FILE|ROLE_ARN|CONTAINER_)/.test(
          k,
        )
      )
        delete env[k];
    }
    for (const source of ['s3://no-such-trail/AWSLogs/', 'lookup:eu-west-1']) {
      const { code, stderr } = inPipe(['cloudtrail', 'scan', '--source', source], env);
      assert.equal(code, 2, `${source}: ${stderr}`);
      assert.match(stderr, /CredentialsProviderError/, source);
      assert.match(stderr, /AWS_ACCESS_KEY_ID/, source);
      assert.match(stderr, /aws configure sso/, source);
      assert.match(stderr, /aws-actions\/configure-aws-credentials/, source);
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    }
  });
});

describe('one output convention', () => {
  const capture = () => {
    const out = { stdout: '', stderr: '' };
    return {
      out,
      io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s) },
    };
  };

  test('--format a,b --output DIR writes each format of one run; two formats on stdout are refused', async () => {
    const dir = path.join(scratch, 'reports');
    const { out, io } = capture();
    const args = ['cloudtrail', 'scan', '--source', 'samples/cloudtrail', '--since', 'all'];
    assert.equal(await runCli([...args, '--format', 'json,html', '--output', dir], io), 0, out.stderr);
    assert.equal(JSON.parse(readFileSync(path.join(dir, 'cloudtrail-report.json'), 'utf8')).stats.events, 408);
    assert.match(readFileSync(path.join(dir, 'cloudtrail-dashboard.html'), 'utf8'), /<html/i);
    assert.equal(out.stdout, '');
    const two = capture();
    assert.equal(await runCli([...args, '--format', 'json,html'], two.io), 2);
    assert.match(two.out.stderr, /several formats need --output DIR/);
  });

  test('egress diff and analyze take the same flags; the old audit spelling NAME:FILE still works', async () => {
    const dir = path.join(scratch, 'diff');
    const a = capture();
    await runCli(
      ['egress', 'diff', REPORT, '--manifest', MANIFEST, '--format', 'markdown,json', '--output', dir],
      a.io,
    );
    assert.match(readFileSync(path.join(dir, 'egress-diff.md'), 'utf8'), /\| Host \|/);
    assert.ok(Array.isArray(JSON.parse(readFileSync(path.join(dir, 'egress-diff.json'), 'utf8')).new));
    const b = capture();
    const file = path.join(scratch, 'endpoints.json');
    assert.equal(
      await runCli(['egress', 'analyze', 'samples/egress/ci-job.pcap', '--format', 'json', '--output', file], b.io),
      0,
    );
    assert.ok(JSON.parse(readFileSync(file, 'utf8')).endpoints.length > 5);
    const c = capture();
    const sarif = path.join(scratch, 'old.sarif');
    const controls = 'samples/audit-host/controls.yaml';
    assert.equal(await runCli(['audit', '-c', controls, '--format', `doc,sarif:${sarif}`], c.io), 0, c.out.stderr);
    assert.match(readFileSync(sarif, 'utf8'), /"version": "2\.1\.0"/);
    assert.match(c.out.stdout, /controls \(\d+ checks\), 0 failures/);
    const d = capture();
    const reports = path.join(scratch, 'audit');
    assert.equal(await runCli(['audit', '-c', controls, '-f', 'junit,json', '-o', reports], d.io), 0, d.out.stderr);
    assert.match(readFileSync(path.join(reports, 'audit.xml'), 'utf8'), /<testsuites /);
    assert.equal(JSON.parse(readFileSync(path.join(reports, 'audit.json'), 'utf8')).summary.failed, 0);
    assert.equal(d.out.stdout, '');
  });

  test('every command ends its --help with examples, and lists --quiet and --no-color', async () => {
    const program = buildProgram(capture().io);
    const paths: string[][] = [[]];
    const walk = (command: Command, at: string[]) => {
      for (const sub of command.commands) {
        paths.push([...at, sub.name()]);
        walk(sub, [...at, sub.name()]);
      }
    };
    walk(program, []);
    assert.ok(paths.length >= 12, paths.map((p) => p.join(' ')).join(', '));
    for (const at of paths) {
      const { out, io } = capture();
      assert.equal(await runCli([...at, '--help'], io), 0, at.join(' '));
      assert.match(
        out.stdout,
        /\nExamples:\n {2}# .+\n {2}\$ telltale |\n {2}\$ (sudo |npx )telltale /,
        `telltale ${at.join(' ')} --help`,
      );
      assert.match(out.stdout, /--quiet/, at.join(' '));
      assert.match(out.stdout, /--no-color/, at.join(' '));
    }
  });
});
