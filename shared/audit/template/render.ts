/**
 * Renders a gossfile the way Goss does before reading it as YAML (template.go): Go text/template
 * semantics over `{ Env, Vars }` with `missingkey=error`, Goss's own functions and the Sprig
 * functions gossfiles use (functions.ts). Anything outside that subset is an error located at
 * file:line:col, never output that would parse into a wrong control. Bounded: at most
 * MAX_STEPS evaluations and MAX_OUTPUT bytes, so a template cannot hang or fill memory.
 */
import { isTruthy, lookupFunction, type TemplateFunction } from './functions.ts';
import {
  TemplateError,
  type Command,
  type Loc,
  type Operand,
  type Pipeline,
  type TemplateNode,
  parseTemplate,
} from './parse.ts';
import { formatValue } from './values.ts';

export { TemplateError } from './parse.ts';

export interface TemplateContext {
  env: Record<string, string | undefined>;
  vars: unknown;
  /** `readFile`: how files are read (the host's filesystem; relative to the controls file's folder). */
  readFile: (path: string) => string;
}

const MAX_STEPS = 2_000_000;
const MAX_OUTPUT = 32 * 1024 * 1024;

class Break {}
class Continue {}

/** True when the text has template actions at all (Goss renders every file; plain YAML is unchanged). */
export function hasTemplate(text: string): boolean {
  return text.includes('{{');
}

export function renderTemplate(src: string, ctx: TemplateContext): string {
  const nodes = parseTemplate(src);
  // Check every function name once, before running anything (Go's parse-time "function not defined").
  checkFunctions(nodes);
  const data = { Env: { ...ctx.env }, Vars: ctx.vars ?? {} };
  let out = '';
  let steps = 0;
  const step = (loc: Loc) => {
    if (++steps > MAX_STEPS) throw new TemplateError(`the template ran more than ${MAX_STEPS} steps`, loc);
  };
  const emit = (s: string, loc: Loc) => {
    out += s;
    if (out.length > MAX_OUTPUT) throw new TemplateError(`the rendered file is over ${MAX_OUTPUT} bytes`, loc);
  };

  type Scope = Map<string, unknown>[];

  const lookupVar = (scopes: Scope, name: string, loc: Loc): unknown => {
    for (let i = scopes.length - 1; i >= 0; i--) if (scopes[i]!.has(name)) return scopes[i]!.get(name);
    throw new TemplateError(`undefined variable: ${name}`, loc);
  };
  const assignVar = (scopes: Scope, name: string, value: unknown, loc: Loc) => {
    for (let i = scopes.length - 1; i >= 0; i--)
      if (scopes[i]!.has(name)) {
        scopes[i]!.set(name, value);
        return;
      }
    throw new TemplateError(`undefined variable: ${name}`, loc);
  };

  const field = (value: unknown, path: string[], loc: Loc, what: string): unknown => {
    let v = value;
    let shown = what;
    for (const name of path) {
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const m = v as Record<string, unknown>;
        // missingkey=error (template.go): a key the map lacks is an error, not "<no value>".
        if (!Object.hasOwn(m, name) || m[name] === undefined)
          throw new TemplateError(`map has no entry for key "${name}" (in ${shown}.${name})`, loc);
        v = m[name];
      } else if (v === null || v === undefined) {
        throw new TemplateError(`nil pointer evaluating ${shown}.${name}`, loc);
      } else {
        throw new TemplateError(`can't evaluate field ${name} in type ${goType(v)}`, loc);
      }
      shown = `${shown}.${name}`;
    }
    return v;
  };

  const operand = (op: Operand, dot: unknown, scopes: Scope): unknown => {
    step(op.loc);
    switch (op.kind) {
      case 'field':
        return field(dot, op.path, op.loc, '');
      case 'var':
        return field(lookupVar(scopes, op.name, op.loc), op.path, op.loc, op.name);
      case 'literal':
        return op.value;
      case 'pipe':
        return field(pipeline(op.pipe, dot, scopes), op.path, op.loc, '(…)');
      case 'ident':
        return call(op.name, [], op.loc, dot, scopes, []);
    }
  };

  const call = (name: string, argOps: Operand[], loc: Loc, dot: unknown, scopes: Scope, extra: unknown[]): unknown => {
    const fn: TemplateFunction | undefined = lookupFunction(name);
    if (!fn) throw new TemplateError(`function "${name}" not defined`, loc);
    // and/or evaluate their arguments lazily (Go 1.18).
    if (name === 'and' || name === 'or') {
      const thunks = [...argOps.map((a) => () => operand(a, dot, scopes)), ...extra.map((e) => () => e)];
      if (thunks.length === 0) throw new TemplateError(`wrong number of args for ${name}: want at least 1 got 0`, loc);
      let last: unknown;
      for (const t of thunks) {
        last = t();
        if (name === 'and' ? !isTruthy(last) : isTruthy(last)) return last;
      }
      return last;
    }
    const args = [...argOps.map((a) => operand(a, dot, scopes)), ...extra];
    try {
      return fn(args, { readFile: ctx.readFile, env: ctx.env });
    } catch (error) {
      if (error instanceof TemplateError) throw error;
      throw new TemplateError(`error calling ${name}: ${(error as Error).message}`, loc);
    }
  };

  const command = (cmd: Command, dot: unknown, scopes: Scope, prev: unknown[]): unknown => {
    const [head, ...rest] = cmd.args;
    if (!head) throw new TemplateError('empty command', cmd.loc);
    if (head.kind === 'ident') return call(head.name, rest, head.loc, dot, scopes, prev);
    if (rest.length > 0 || prev.length > 0) {
      if (head.kind === 'field' && head.path.length > 0)
        throw new TemplateError(`${'.' + head.path.join('.')} is not a method and cannot take arguments`, head.loc);
      throw new TemplateError(`can't give argument to non-function ${describeOperand(head)}`, head.loc);
    }
    return operand(head, dot, scopes);
  };

  const pipeline = (p: Pipeline, dot: unknown, scopes: Scope): unknown => {
    let value: unknown;
    let first = true;
    for (const cmd of p.cmds) {
      value = command(cmd, dot, scopes, first ? [] : [value]);
      first = false;
    }
    if (p.decl && p.decl.names.length === 1) {
      if (p.decl.assign) assignVar(scopes, p.decl.names[0]!, value, p.loc);
      else scopes.at(-1)!.set(p.decl.names[0]!, value);
    }
    return value;
  };

  const run = (list: TemplateNode[], dot: unknown, scopes: Scope): void => {
    for (const n of list) {
      switch (n.kind) {
        case 'text':
          emit(n.text, { line: 0, column: 0 });
          break;
        case 'action': {
          const v = pipeline(n.pipe, dot, scopes);
          if (!n.pipe.decl) emit(formatValue(v), n.loc);
          break;
        }
        case 'if':
        case 'with': {
          const inner: Scope = [...scopes, new Map()];
          const v = pipeline(n.pipe, dot, inner);
          if (isTruthy(v)) run(n.then, n.kind === 'with' ? v : dot, inner);
          else if (n.else) run(n.else, dot, [...scopes, new Map()]);
          break;
        }
        case 'range':
          runRange(n, dot, scopes);
          break;
        case 'break':
          throw new Break();
        case 'continue':
          throw new Continue();
      }
    }
  };

  const runRange = (n: Extract<TemplateNode, { kind: 'range' }>, dot: unknown, scopes: Scope): void => {
    const names = n.pipe.decl?.names ?? [];
    const decl = n.pipe.decl;
    const inner: Scope = [...scopes, new Map()];
    // Evaluate without the declaration: in a range it binds the loop variables, not the value.
    const value = pipeline({ ...n.pipe, decl: undefined } as Pipeline, dot, inner);
    if (decl?.assign) throw new TemplateError('range can only declare its variables with :=', n.loc);
    let entries: [unknown, unknown][];
    if (Array.isArray(value)) entries = value.map((v, i) => [i, v]);
    else if (value !== null && typeof value === 'object')
      entries = Object.keys(value)
        .sort()
        .map((k) => [k, (value as Record<string, unknown>)[k]]);
    else if (typeof value === 'number' && Number.isInteger(value)) {
      // Go 1.22: range over an integer counts from 0.
      if (value > MAX_STEPS) throw new TemplateError(`range over ${value} is too long`, n.loc);
      entries = Array.from({ length: Math.max(0, value) }, (_v, i) => [i, i]);
      if (names.length === 2) throw new TemplateError("can't use two variables when ranging over an integer", n.loc);
    } else if (value === null || value === undefined) entries = [];
    else throw new TemplateError(`range can't iterate over ${formatValue(value)}`, n.loc);
    if (entries.length === 0) {
      if (n.else) run(n.else, dot, [...scopes, new Map()]);
      return;
    }
    for (const [k, v] of entries) {
      step(n.loc);
      const scope: Scope = [...scopes, new Map()];
      if (names.length === 1) scope.at(-1)!.set(names[0]!, v);
      if (names.length === 2) {
        scope.at(-1)!.set(names[0]!, k);
        scope.at(-1)!.set(names[1]!, v);
      }
      try {
        run(n.then, v, scope);
      } catch (signal) {
        if (signal instanceof Break) break;
        if (signal instanceof Continue) continue;
        throw signal;
      }
    }
  };

  run(nodes, data, [new Map([['$', data]])]);
  return out;
}

function checkFunctions(nodes: TemplateNode[]): void {
  const visitPipe = (p: Pipeline) => {
    for (const c of p.cmds)
      for (const a of c.args) {
        if (a.kind === 'ident' && !lookupFunction(a.name))
          throw new TemplateError(
            `function "${a.name}" not defined (telltale supports Go's built-ins, Goss's functions and a documented Sprig subset; see docs/audit.md)`,
            a.loc,
          );
        if (a.kind === 'pipe') visitPipe(a.pipe);
      }
  };
  const visit = (list: TemplateNode[]) => {
    for (const n of list) {
      if (n.kind === 'action') visitPipe(n.pipe);
      if (n.kind === 'if' || n.kind === 'with' || n.kind === 'range') {
        visitPipe(n.pipe);
        visit(n.then);
        if (n.else) visit(n.else);
      }
    }
  };
  visit(nodes);
}

function describeOperand(op: Operand): string {
  switch (op.kind) {
    case 'literal':
      return formatValue(op.value);
    case 'var':
      return op.name;
    default:
      return op.kind;
  }
}

function goType(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  return 'interface {}';
}
