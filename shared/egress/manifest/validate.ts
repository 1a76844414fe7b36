/**
 * Validates a manifest against schemas/egress-manifest.schema.json (the same file editors use) and
 * turns the first schema error into an InputError at the offending YAML node's line and column.
 */
import { Ajv, type ErrorObject } from 'ajv';
import { isMap, isPair, isScalar, type Document, type LineCounter, type Node } from 'yaml';
import schema from '../../../schemas/egress-manifest.schema.json' with { type: 'json' };
import { InputError, type SourceLocation } from '../../util/errors.ts';

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

export function validateAgainstSchema(data: unknown, document: Document, lineCounter: LineCounter, file: string): void {
  if (validate(data)) return;
  const errors = pickErrors(validate.errors ?? []);
  const first = errors[0];
  if (!first) return;
  const path = first.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  let keyName: string | undefined;
  if (first.keyword === 'additionalProperties') keyName = String(first.params.additionalProperty);
  const field = fieldName(keyName === undefined ? path : [...path, keyName]);
  const location = nodeLocation(document, lineCounter, file, path, field, keyName);
  const value = path.length ? (document.getIn(path) as unknown) : data;
  throw new InputError(describe(first, value, keyName), {
    location,
    hint:
      errors.length > 1
        ? `${errors.length - 1} more problem(s) after this one; schemas/egress-manifest.schema.json describes the format`
        : 'schemas/egress-manifest.schema.json describes the format',
  });
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
    const key = error.instancePath;
    if (seen.has(key)) continue;
    seen.add(key);
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
    case 'additionalProperties':
      return `unknown field '${keyName}'`;
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
