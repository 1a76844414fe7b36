/**
 * Reads egress report files (the JSON the egress action writes and uploads as an artifact): plain
 * paths, folders (searched for `*.json`), or glob patterns. Reports from other jobs are data, not
 * code: each is checked for the shape the diff reads, with the file named on any problem.
 */
import { readFile, stat } from 'node:fs/promises';
import { Ajv } from 'ajv';
import { glob } from 'tinyglobby';
import schema from '../../../schemas/egress-report-artifact.schema.json' with { type: 'json' };
import { InputError } from '../../util/errors.ts';
import type { ObservedEndpoint, ObservedReport } from './diff.ts';

export async function expandReportPaths(patterns: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    const info = await stat(pattern).catch(() => undefined);
    if (info?.isFile()) files.push(pattern);
    else if (info?.isDirectory()) files.push(...(await glob('**/*.json', { cwd: pattern, absolute: true })).sort());
    else {
      const matched = (await glob(pattern, { absolute: true, onlyFiles: true })).sort();
      if (!matched.length) throw new InputError(`no report files match '${pattern}'`, { location: { file: pattern } });
      files.push(...matched);
    }
  }
  return [...new Set(files)];
}

/**
 * Reports arrive as artifacts from other (possibly fork) jobs: bound what one may cost. A real
 * report of a busy job is well under a megabyte; schemas/egress-report-artifact.schema.json bounds
 * every count and string the diff reads.
 */
const MAX_REPORT_BYTES = 16 * 1024 * 1024;
/** Report files in one run; a matrix of 256 jobs is GitHub's own limit. */
const MAX_REPORT_FILES = 1000;

// Compiled on first use (at import it cost every egress command, analyze included).
let compiled: ReturnType<Ajv['compile']> | undefined;
const validateArtifact = () => (compiled ??= new Ajv({ allErrors: false, strict: false }).compile(schema));

/** The first schema problem as a field path and a reason, never echoing the (untrusted) value. */
function schemaProblem(file: string): InputError {
  const error = validateArtifact().errors?.[0];
  const field = (error?.instancePath ?? '')
    .split('/')
    .slice(1)
    .map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join('');
  return new InputError(`not an egress report: ${field || 'the file'} ${error?.message ?? 'is not valid'}`, {
    location: { file, ...(field ? { field } : {}) },
    hint: 'schemas/egress-report-artifact.schema.json says what a report artifact may hold',
  });
}

export async function loadReport(file: string): Promise<ObservedReport> {
  let data: unknown;
  try {
    const size = (await stat(file)).size;
    if (size > MAX_REPORT_BYTES) {
      throw new InputError(`report is ${size} bytes; more than ${MAX_REPORT_BYTES} is not an egress report`, {
        location: { file },
      });
    }
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`not a readable JSON report: ${(error as Error).message}`, { location: { file } });
  }
  const endpoints = (data as { endpoints?: unknown })?.endpoints;
  if (!Array.isArray(endpoints)) {
    throw new InputError('not an egress report: no endpoints array', {
      location: { file, field: 'endpoints' },
      hint: 'pass the report JSON the egress action or `telltale egress analyze --format json` writes',
    });
  }
  const checked = endpoints.map((e: unknown, i): ObservedEndpoint => {
    const x = (e ?? {}) as Record<string, unknown>;
    const bad = (field: string) =>
      new InputError(`endpoint ${i} has no valid '${field}'`, {
        location: { file, field: `endpoints[${i}].${field}` },
      });
    if (typeof x.host !== 'string' || !x.host) throw bad('host');
    if (typeof x.port !== 'number' || !Number.isInteger(x.port) || x.port < 0 || x.port > 65535) throw bad('port');
    if (x.transport !== 'tcp' && x.transport !== 'udp') throw bad('transport');
    const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
    const endpoint: ObservedEndpoint = {
      host: x.host,
      port: x.port,
      transport: x.transport,
      protocol: typeof x.protocol === 'string' ? x.protocol : 'unknown',
      addresses: strings(x.addresses),
      namedBy: typeof x.namedBy === 'string' ? x.namedBy : 'none',
      firstSeen: typeof x.firstSeen === 'string' ? x.firstSeen : '',
      lastSeen: typeof x.lastSeen === 'string' ? x.lastSeen : '',
      connections: num(x.connections),
      failed: num(x.failed),
      bytes: num(x.bytes),
    };
    if (Array.isArray(x.steps)) endpoint.steps = strings(x.steps);
    return endpoint;
  });
  // The field checks above name the common mistakes; the schema bounds everything else.
  if (!validateArtifact()(data)) throw schemaProblem(file);
  const job =
    (data as { job?: unknown; run?: { job?: unknown } }).job ?? (data as { run?: { job?: unknown } }).run?.job;
  return typeof job === 'string' ? { endpoints: checked, job } : { endpoints: checked };
}

export async function loadReports(patterns: readonly string[]): Promise<ObservedReport[]> {
  const files = await expandReportPaths(patterns);
  if (!files.length) throw new InputError(`no report files found in ${patterns.join(', ')}`);
  if (files.length > MAX_REPORT_FILES)
    throw new InputError(`${files.length} report files; more than ${MAX_REPORT_FILES} is not one run's reports`, {
      location: { file: patterns.join(', ') },
    });
  return Promise.all(files.map(loadReport));
}
