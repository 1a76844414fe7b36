/**
 * Validates a manifest against schemas/egress-manifest.schema.json (the same file editors use) and
 * turns every schema error into one InputError: the first problem located at the offending YAML
 * node's line and column, then each further problem on its own located line, so one edit-run cycle
 * fixes them all. A misspelled field gets the closest known one ("did you mean 'ports'?").
 */
import { Ajv, type ErrorObject } from 'ajv';
import { isMap, isPair, isScalar, type Document, type LineCounter, type Node } from 'yaml';
import schema from '../../../schemas/egress-manifest.schema.json' with { type: 'json' };
import { formatLocation, InputError, type SourceLocation } from '../../util/errors.ts';
import { closest } from '../../util/suggest.ts';

// verbose: each error carries its parent schema, whose `properties` are the fields allowed there.
// Compiled on first use: compiling at import cost every CLI command that merely loads egress ~40 ms.
let compiled: ReturnType<Ajv['compile']> | undefined;
const validator = () => (compiled ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema));

/** At most this many problems are listed; the rest are counted (a pasted binary is not 10,000 lines). */
const MAX_LISTED = 20;

export interface ManifestProblem {
  message: string;
  location: SourceLocation;
}

export function validateAgainstSchema(data: unknown, document: Document, lineCounter: LineCounter, file: string): void {
  const validate = validator();
  if (validate(data)) return;
  const problems = pickErrors(validate.errors ?? []).map((error) =>
    toProblem(error, data, document, lineCounter, file),
  );
  const [first, ...rest] = problems;
  if (!first) return;
  const listed = rest.slice(0, MAX_LISTED - 1).map((p) => `\n  ${formatLocation(p.location)}: ${p.message}`);
  const more = rest.length > listed.length ? `\n  … and ${rest.length - listed.length} more` : '';
  throw new InputError(`${first.message}${listed.join('')}${more}`, {
    location: first.location,
    hint: `${problems.length > 1 ? `${problems.length} problems; ` : ''}schemas/egress-manifest.schema.json describes the format`,
  });
}

function toProblem(
  error: ErrorObject,
  data: unknown,
  document: Document,
  lineCounter: LineCounter,
  file: string,
): ManifestProblem {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  let keyName: string | undefined;
  if (error.keyword === 'additionalProperties') keyName = String(error.params.additionalProperty);
  const field = fieldName(keyName === undefined ? path : [...path, keyName]);
  const location = nodeLocation(document, lineCounter, file, path, field, keyName);
  const value = path.length ? (document.getIn(path) as unknown) : data;
  return { message: describe(error, value, keyName), location };
}

/**
 * Ajv reports every branch of a failed `oneOf`; keep the one error a person would fix: the deepest
 * path first, and for a port the single "not a port" message instead of both branches' complaints.
 */
function pickErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  const out: ErrorObject[] = [];
  const sorted = [...errors].sort((a, b) => depth(b) - depth(a) || order(a) - order(b));
  for (const error of sorted) {
    // Every unknown field of an object is its own problem; otherwise one per node. An unknown field
    // comes first at its node, so `hots:` is reported as a misspelling, not as "needs host or cidr".
    const unknown = error.keyword === 'additionalProperties';
    const key = unknown ? `${error.instancePath}\u0000${String(error.params.additionalProperty)}` : error.instancePath;
    if (seen.has(key) || (!unknown && seen.has(`${error.instancePath}\u0000*`))) continue;
    seen.add(key);
    seen.add(`${error.instancePath}\u0000*`);
    out.push(error);
  }
  // Report in document order so "the first problem" is the first one in the file.
  return out.sort((a, b) => a.instancePath.localeCompare(b.instancePath, 'en', { numeric: true }));
}
const depth = (e: ErrorObject) => e.instancePath.split('/').length;
// Within one path prefer errors that name the problem, then the oneOf summary, then the complaints
// of each oneOf branch (a branch's `required: [host]` is not what the user got wrong).
const order = (e: ErrorObject) =>
  /\/oneOf\/\d+\//.test(e.schemaPath) ? 3 : e.keyword === 'oneOf' ? 2 : e.keyword === 'type' ? 1 : 0;

function describe(error: ErrorObject, value: unknown, keyName: string | undefined): string {
  const shown = JSON.stringify(value);
  if (/\/ports\/\d+$/.test(error.instancePath)) return `${shown} is not a port`;
  switch (error.keyword) {
    case 'additionalProperties': {
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const guess = closest(keyName ?? '', known);
      return `unknown field '${keyName}'${guess ? ` (did you mean '${guess}'?)` : known.length ? ` (known: ${known.join(', ')})` : ''}`;
    }
    case 'required':
      return `missing '${String(error.params.missingProperty)}'`;
    case 'oneOf':
      if (/^\/allow\/\d+$/.test(error.instancePath)) return 'an entry needs exactly one of host or cidr';
      return `${shown} is not valid here`;
    case 'const':
      return `${shown} is not a supported version (use 1)`;
    case 'enum':
      return `${shown} must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'pattern':
      if (error.instancePath.endsWith('/host')) {
        return `${shown} is not a host name (a wildcard is only allowed as a leading '*.')`;
      }
      return `${shown} ${error.message ?? 'does not match'}`;
    default:
      return `${shown} ${error.message ?? 'is not valid'}`;
  }
}

function fieldName(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** The line and column of the node at `path` (or of its key `keyName`), with `field` attached. */
export function nodeLocation(
  document: Document,
  lineCounter: LineCounter,
  file: string,
  path: readonly (string | number)[],
  field: string,
  keyName?: string,
): SourceLocation {
  let node = (path.length ? document.getIn(path, true) : document.contents) as Node | null | undefined;
  if (keyName !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === keyName);
    if (pair && isScalar(pair.key)) node = pair.key;
  }
  const offset = node?.range?.[0];
  if (offset === undefined) return { file, field };
  const pos = lineCounter.linePos(offset);
  return { file, line: pos.line, column: pos.col, field };
}
