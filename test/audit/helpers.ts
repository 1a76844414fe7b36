/** What the audit tests share: the CLI in a child process, and a SARIF 2.1.0 schema check. */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { repoRoot } from '../harness/runner.ts';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `telltale ARGS` as a user runs it, in a child process, with the given environment only. */
export function cli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `${repoRoot}/cli/index.ts`, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: options.env ?? { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

let sarifValidator: ValidateFunction | undefined;

/**
 * The OASIS SARIF 2.1.0 schema (rtm.5, the one GitHub code scanning documents), as
 * @microsoft/jest-sarif ships it. It is draft-04; the only draft-04 construct it uses is the
 * root `id`, so ajv 8 validates it once that becomes `$id` (no exclusiveMinimum booleans inside).
 */
export function validateSarif(log: unknown): string[] {
  if (!sarifValidator) {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const { $schema: _draft, id, ...rest } = schema;
    // The schema's `language` pattern has a stray `]` that only a non-unicode RegExp accepts.
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    // ajv-formats is CommonJS with a default export; under NodeNext it arrives as the module object.
    (addFormatsModule as unknown as { default: (a: Ajv) => void }).default(ajv);
    sarifValidator = ajv.compile({ $id: String(id), ...rest });
  }
  return sarifValidator(log) ? [] : (sarifValidator.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
