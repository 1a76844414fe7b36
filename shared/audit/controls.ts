/**
 * Reads a Goss-compatible controls file into `Control`s, keeping each control's line and column so
 * SARIF and annotations point at it. Strict where Goss is lax: an unknown resource type, attribute
 * or matcher is an `InputError` with file:line:column, never a silent pass. Goss ignores unknown
 * top-level keys; we only accept the documented ones plus telltale's `image:` section.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { InputError } from '../util/errors.ts';
import { checkMatcher, isMatcherMap } from './matchers.ts';
import { RESOURCE_TYPES, type Control, type ControlMeta, type Position, type ResourceType } from './model.ts';

/** Attributes each resource type accepts, as Goss's docs/gossfile.md names them. */
export const RESOURCE_ATTRIBUTES: Record<ResourceType | 'gossfile', readonly string[]> = {
  file: [
    'exists',
    'mode',
    'size',
    'owner',
    'uid',
    'group',
    'gid',
    'filetype',
    'contents',
    'contains',
    'md5',
    'sha256',
    'sha512',
    'linked-to',
  ],
  package: ['installed', 'versions'],
  port: ['listening', 'ip'],
  service: ['enabled', 'running', 'runlevels'],
  user: ['exists', 'uid', 'gid', 'groups', 'home', 'shell'],
  group: ['exists', 'gid'],
  command: ['exit-status', 'stdout', 'stderr', 'timeout', 'exec'],
  process: ['running'],
  'kernel-param': ['value'],
  mount: ['exists', 'opts', 'vfs-opts', 'source', 'filesystem', 'usage', 'timeout'],
  interface: ['exists', 'addrs', 'mtu'],
  http: [
    'status',
    'allow-insecure',
    'no-follow-redirects',
    'timeout',
    'body',
    'headers',
    'request-headers',
    'method',
    'request-body',
    'username',
    'password',
    'url',
  ],
  addr: ['reachable', 'timeout', 'local-address'],
  dns: ['resolvable', 'addrs', 'timeout', 'server'],
  matching: ['content', 'matches'],
  image: ['user', 'env', 'exposed-ports', 'entrypoint', 'cmd', 'workdir', 'labels'],
  gossfile: [],
};

/** Settings that configure how a resource is probed rather than asserting anything about it. */
export const SETTINGS = new Set([
  'timeout',
  'exec',
  'allow-insecure',
  'no-follow-redirects',
  'request-headers',
  'method',
  'request-body',
  'username',
  'password',
  'url',
  'server',
  'local-address',
  'content',
]);

const COMMON = new Set(['title', 'meta', 'skip']);

/**
 * Attributes whose plain scalars are taken as written: YAML 1.2 reads `mode: 0644` as the number
 * 644 and an all-digit digest as a float that loses digits; what the user typed is what they meant.
 */
const VERBATIM = new Set(['mode', 'md5', 'sha256', 'sha512']);

export interface ParsedControls {
  controls: Control[];
  /** Paths (or globs) of `gossfile:` includes, relative to the file that names them. */
  includes: { pattern: string; skip: boolean; position: Position }[];
}

/** Parses one controls document. Pure: includes are returned, not followed. */
export function parseControls(text: string, file: string): ParsedControls {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const pos = (node: { range?: [number, number, number] | null } | null | undefined): Position => {
    const offset = node?.range?.[0] ?? 0;
    const lp = lineCounter.linePos(offset);
    return { file, line: lp.line, column: lp.col };
  };
  const firstError = doc.errors[0];
  if (firstError) {
    const lp = lineCounter.linePos(firstError.pos[0]);
    throw new InputError(`the controls file is not valid YAML: ${firstError.message.split('\n')[0]}`, {
      location: { file, line: lp.line, column: lp.col },
      hint: 'check the indentation and quoting near this line',
    });
  }
  const out: ParsedControls = { controls: [], includes: [] };
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return out;
  if (!isMap(doc.contents)) {
    throw new InputError('a controls file is a map of resource types (file:, package:, …)', {
      location: pos(doc.contents),
    });
  }
  for (const typePair of doc.contents.items as Pair<Node, Node | null>[]) {
    const typeName = String(keyValue(typePair));
    const typePos = pos(typePair.key);
    if (typeName === 'image') {
      out.controls.push(buildControl('image', 'config', typePair.value, typePos, pos, file));
      continue;
    }
    if (typeName !== 'gossfile' && !(RESOURCE_TYPES as readonly string[]).includes(typeName)) {
      throw new InputError(`unknown resource type '${typeName}'`, {
        location: { ...typePos, field: typeName },
        hint: `known types: ${[...RESOURCE_TYPES, 'gossfile', 'image'].join(', ')}`,
      });
    }
    if (typePair.value === null || (isScalar(typePair.value) && typePair.value.value === null)) continue;
    if (!isMap(typePair.value)) {
      throw new InputError(`'${typeName}' holds a map of resources keyed by id`, {
        location: { ...pos(typePair.value), field: typeName },
      });
    }
    for (const resPair of typePair.value.items as Pair<Node, Node | null>[]) {
      const id = String(keyValue(resPair));
      const resPos = pos(resPair.key);
      if (typeName === 'gossfile') {
        const attrs = resPair.value && isMap(resPair.value) ? (resPair.value.toJSON() as Record<string, unknown>) : {};
        for (const k of Object.keys(attrs)) {
          if (k !== 'skip' && k !== 'title' && k !== 'meta' && k !== 'path') {
            throw new InputError(`unknown attribute '${k}' for gossfile`, {
              location: { ...resPos, field: `gossfile.${id}.${k}` },
            });
          }
        }
        out.includes.push({
          pattern: typeof attrs.path === 'string' ? attrs.path : id,
          skip: attrs.skip === true,
          position: resPos,
        });
        continue;
      }
      out.controls.push(buildControl(typeName as ResourceType, id, resPair.value, resPos, pos, file));
    }
  }
  return out;
}

function buildControl(
  type: ResourceType,
  id: string,
  node: Node | null,
  position: Position,
  pos: (n: Node | null | undefined) => Position,
  file: string,
): Control {
  const control: Control = { type, id, meta: {}, skip: false, attributes: {}, position, attributePositions: {} };
  if (node === null || (isScalar(node) && node.value === null)) return control;
  if (!isMap(node)) {
    throw new InputError(`${type} '${id}' must be a map of attributes`, {
      location: { ...pos(node), field: `${type}.${id}` },
    });
  }
  const allowed = RESOURCE_ATTRIBUTES[type];
  for (const pair of node.items as Pair<Node, Node | null>[]) {
    const key = String(keyValue(pair));
    const keyPos = pos(pair.key);
    const field = `${type}.${id}.${key}`;
    const value: unknown =
      pair.value === null
        ? null
        : VERBATIM.has(key) && isScalar(pair.value) && typeof pair.value.source === 'string'
          ? pair.value.source
          : (pair.value.toJSON() as unknown);
    if (COMMON.has(key)) {
      if (key === 'title') control.title = String(value);
      else if (key === 'skip') control.skip = value === true;
      else control.meta = checkMeta(value, { ...keyPos, field });
      continue;
    }
    if (!allowed.includes(key)) {
      throw new InputError(`unknown attribute '${key}' for ${type}`, {
        location: { ...keyPos, file, field },
        hint: `${type} accepts: ${[...allowed, 'title', 'meta', 'skip'].join(', ')}`,
      });
    }
    const problem = SETTINGS.has(key)
      ? undefined
      : type === 'image' && (key === 'env' || key === 'labels') && isKeyedMap(value)
        ? Object.values(value).map(checkMatcher).find(Boolean)
        : checkMatcher(value);
    if (problem) throw new InputError(problem, { location: { ...pos(pair.value), field } });
    control.attributes[key] = value;
    control.attributePositions[key] = keyPos;
  }
  if (type === 'command' || type === 'http') {
    const t = control.attributes.timeout;
    if (t !== undefined && (typeof t !== 'number' || t <= 0)) {
      throw new InputError(`timeout is milliseconds, a positive number`, {
        location: { ...position, field: `${type}.${id}.timeout` },
      });
    }
  }
  return control;
}

/** `env: {PATH: …, LANG: …}`: a map of names to matchers, not a matcher map itself. */
function isKeyedMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isMatcherMap(value);
}

function checkMeta(value: unknown, location: Position & { field: string }): ControlMeta {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new InputError('meta is a map', { location });
  const meta = value as ControlMeta;
  if (meta.impact !== undefined && (typeof meta.impact !== 'number' || meta.impact < 0 || meta.impact > 1)) {
    throw new InputError('meta.impact is a number from 0 to 1 (as InSpec)', { location });
  }
  if (meta.tags !== undefined && (!Array.isArray(meta.tags) || meta.tags.some((t) => typeof t !== 'string'))) {
    throw new InputError('meta.tags is a list of strings', { location });
  }
  if (meta.id !== undefined && typeof meta.id !== 'string') throw new InputError('meta.id is a string', { location });
  return meta;
}

function keyValue(pair: Pair<Node, unknown>): unknown {
  return isScalar(pair.key) ? pair.key.value : String(pair.key);
}
