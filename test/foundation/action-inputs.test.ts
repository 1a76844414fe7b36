// Every input an action's code reads is declared in its action.yml, and every declared input is read:
// the runner fills defaults from action.yml only for declared inputs, so an undeclared one is always
// empty, and a declared one nobody reads is a setting that silently does nothing. Boolean inputs have
// a default, since an empty value is not a boolean (see ActionContext.booleanInput).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import ts from 'typescript';
import { parse } from 'yaml';
import { repoRoot } from '../harness/runner.ts';

type InputKind = 'input' | 'booleanInput' | 'listInput';

interface ModuleInputs {
  /** Per top-level function: the inputs it reads itself, and the module's functions it calls. */
  functions: Map<string, { reads: { name: string; kind: InputKind }[]; calls: Set<string> }>;
  /** `ctx.input(name)` calls whose name is not a string literal: this test cannot check those. */
  dynamic: string[];
}

function moduleInputs(file: string): ModuleInputs {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const functions: ModuleInputs['functions'] = new Map();
  const dynamic: string[] = [];
  const topLevel = new Set<string>();
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) topLevel.add(statement.name.text);
  }
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
    const entry = { reads: [] as { name: string; kind: InputKind }[], calls: new Set<string>() };
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        if (
          ts.isPropertyAccessExpression(callee) &&
          ['input', 'booleanInput', 'listInput'].includes(callee.name.text)
        ) {
          const arg = node.arguments[0];
          if (arg && ts.isStringLiteralLike(arg))
            entry.reads.push({ name: arg.text, kind: callee.name.text as InputKind });
          else
            dynamic.push(`${path.relative(repoRoot, file)}:${source.getLineAndCharacterOfPosition(node.pos).line + 1}`);
        }
        if (ts.isIdentifier(callee) && topLevel.has(callee.text)) entry.calls.add(callee.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(statement);
    functions.set(statement.name.text, entry);
  }
  return { functions, dynamic };
}

/** Inputs read by `entry` and every function of its module it calls, transitively. */
function inputsReadBy(module: ModuleInputs, entry: string): { name: string; kind: InputKind }[] {
  const seen = new Set<string>();
  const reads: { name: string; kind: InputKind }[] = [];
  const walk = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const fn = module.functions.get(name);
    if (!fn) return;
    reads.push(...fn.reads);
    for (const callee of fn.calls) walk(callee);
  };
  walk(entry);
  return reads;
}

/** `runAction(fn)` in an entry, and the module `fn` is imported from. */
function entryFunction(file: string): { fn: string; module: string } {
  const text = readFileSync(file, 'utf8');
  const call = /runAction\((\w+)\)/.exec(text);
  assert.ok(call, `${path.relative(repoRoot, file)} calls runAction(<one function>)`);
  const fn = call[1]!;
  const from = new RegExp(`import \\{[^}]*\\b${fn}\\b[^}]*\\} from '([^']+)'`).exec(text);
  assert.ok(from, `${path.relative(repoRoot, file)} imports ${fn}`);
  return { fn, module: path.resolve(path.dirname(file), from[1]!) };
}

const actionsDir = path.join(repoRoot, 'actions');
const names = readdirSync(actionsDir).filter((n) => existsSync(path.join(actionsDir, n, 'action.yml')));

describe('action inputs: what the code reads is what action.yml declares', () => {
  for (const name of names) {
    const meta = parse(readFileSync(path.join(actionsDir, name, 'action.yml'), 'utf8'));
    if (meta.runs?.using === 'composite') continue;
    test(`actions/${name}`, () => {
      const declared = meta.inputs ?? {};
      const reads: { name: string; kind: InputKind }[] = [];
      for (const phase of ['pre', 'main', 'post'] as const) {
        if (!meta.runs[phase]) continue;
        const { fn, module } = entryFunction(path.join(actionsDir, name, `${phase}.ts`));
        const inputs = moduleInputs(module);
        assert.deepEqual(inputs.dynamic, [], 'every input is read by a literal name');
        assert.ok(inputs.functions.has(fn), `${fn} is a function declared in ${path.relative(repoRoot, module)}`);
        reads.push(...inputsReadBy(inputs, fn));
      }
      const read = [...new Set(reads.map((r) => r.name))].sort();
      assert.ok(read.length > 0, 'the code reads its inputs');
      assert.deepEqual(
        read.filter((n) => !(n in declared)),
        [],
        'inputs the code reads but action.yml does not declare',
      );
      assert.deepEqual(
        Object.keys(declared)
          .filter((n) => !read.includes(n))
          .sort(),
        [],
        'inputs action.yml declares but the code never reads',
      );
      const booleans = [...new Set(reads.filter((r) => r.kind === 'booleanInput').map((r) => r.name))];
      assert.deepEqual(
        booleans.filter((n) => !['true', 'false'].includes(String(declared[n]?.default))),
        [],
        "boolean inputs without a 'true' or 'false' default",
      );
    });
  }
});
