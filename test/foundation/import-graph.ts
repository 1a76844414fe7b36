/**
 * The layering of the house (README "Layout"), read from the import graph and checked:
 *
 *   actions/<name>/*.ts ──> shared/github/action.ts + one shared/<capability>/action.ts
 *   cli/                ──> shared/<capability>/… only through import() inside a command's handler
 *   shared/<capability>/ ──> shared/github/ from action.ts only; never another capability
 *   shared/github/, shared/report/, shared/util/ ──> no capability
 *   no import cycle anywhere in shared/, cli/, actions/
 *
 * A capability is a folder of shared/ that has a front door (`action.ts`), shared/github/ aside (its
 * action.ts is `runAction`); the other folders of shared/ are cross-cutting. Imports are read with the TypeScript parser: `import type` and
 * `export type … from` count for the layering rules (a type is still a dependency) but a dynamic
 * `import()` is what keeps the CLI's start-up lazy, so it is told apart.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export type ImportKind = 'static' | 'type' | 'dynamic';

export interface ImportEdge {
  from: string;
  to: string;
  kind: ImportKind;
}

export interface ImportGraph {
  /** Repository-relative paths with `/`, e.g. `shared/egress/run.ts`. */
  files: string[];
  edges: ImportEdge[];
  /** Folders of shared/ that hold an action.ts. */
  capabilities: string[];
}

export interface Violation {
  rule:
    | 'github-imports-capability'
    | 'entry-imports'
    | 'capability-imports-capability'
    | 'core-talks-to-github'
    | 'cycle'
    | 'cli-eager';
  message: string;
}

const ROOTS = ['shared', 'cli', 'actions'];

function sourceFiles(root: string, dir: string, out: string[]): void {
  const full = path.join(root, dir);
  if (!existsSync(full)) return;
  for (const entry of readdirSync(full).sort()) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const rel = `${dir}/${entry}`;
    if (statSync(path.join(root, rel)).isDirectory()) sourceFiles(root, rel, out);
    else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts')) out.push(rel);
  }
}

/** Every relative import of one file, with its kind. Package imports (`yaml`, `node:fs`) are not edges. */
export function importsOf(file: string, text: string): { specifier: string; kind: ImportKind }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: { specifier: string; kind: ImportKind }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!clause.namedBindings &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      found.push({ specifier: node.moduleSpecifier.text, kind: typeOnly ? 'type' : 'static' });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, kind: node.isTypeOnly ? 'type' : 'static' });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, kind: 'dynamic' });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter((i) => i.specifier.startsWith('.'));
}

/** The import graph of shared/, cli/ and actions/ under `root`. */
export function readImportGraph(root: string): ImportGraph {
  const files: string[] = [];
  for (const dir of ROOTS) sourceFiles(root, dir, files);
  const edges: ImportEdge[] = [];
  for (const file of files) {
    for (const { specifier, kind } of importsOf(file, readFileSync(path.join(root, file), 'utf8'))) {
      const to = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      // JSON schemas and other assets are leaves: only TypeScript modules take part in the layering.
      if (to.endsWith('.ts')) edges.push({ from: file, to, kind });
    }
  }
  const capabilities = existsSync(path.join(root, 'shared'))
    ? readdirSync(path.join(root, 'shared'))
        // shared/github/action.ts is runAction, the adapter every front door is called through.
        .filter((d) => d !== 'github' && existsSync(path.join(root, 'shared', d, 'action.ts')))
        .sort()
    : [];
  return { files, edges, capabilities };
}

/** `egress` for `shared/egress/decode/tls.ts`; undefined outside a capability. */
function capabilityOf(graph: ImportGraph, file: string): string | undefined {
  const [top, dir] = file.split('/');
  return top === 'shared' && dir && graph.capabilities.includes(dir) ? dir : undefined;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
export function importCycles(graph: ImportGraph): string[][] {
  const next = new Map<string, string[]>();
  for (const e of graph.edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  const nodes = [...new Set([...graph.files, ...graph.edges.map((e) => e.to)])].sort();
  // Iterative, so a deep chain of imports cannot overflow the call stack.
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { node: string; i: number }[] = [{ node: start, i: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const children = next.get(frame.node) ?? [];
      if (frame.i < children.length) {
        const child = children[frame.i++]!;
        if (!index.has(child)) {
          index.set(child, counter);
          low.set(child, counter++);
          stack.push(child);
          onStack.add(child);
          work.push({ node: child, i: 0 });
        } else if (onStack.has(child)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(child)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = children.includes(frame.node);
        if (component.length > 1 || selfLoop) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}

/** Files `entry` loads before running anything: its static value imports, transitively. */
export function eagerClosure(graph: ImportGraph, entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    for (const e of graph.edges) {
      if (e.from === file && e.kind === 'static' && !seen.has(e.to)) {
        seen.add(e.to);
        queue.push(e.to);
      }
    }
  }
  return seen;
}

export interface CheckOptions {
  /** Cycles tolerated, each given as its exact sorted member list. */
  knownCycles?: readonly (readonly string[])[];
  /** The CLI entry whose eager closure must hold no capability module (default cli/index.ts). */
  cliEntry?: string;
}

export function checkLayering(graph: ImportGraph, options: CheckOptions = {}): Violation[] {
  const violations: Violation[] = [];
  const known = new Set((options.knownCycles ?? []).map((c) => [...c].sort().join(' ')));
  for (const { from, to } of graph.edges) {
    const fromCap = capabilityOf(graph, from);
    const toCap = capabilityOf(graph, to);
    if (!fromCap && from.startsWith('shared/') && toCap) {
      const rule = from.startsWith('shared/github/') ? 'github-imports-capability' : 'capability-imports-capability';
      violations.push({
        rule,
        message: `${from} imports ${to}: ${from.split('/').slice(0, 2).join('/')}/ is cross-cutting and imports no capability`,
      });
    }
    if (fromCap && toCap && fromCap !== toCap) {
      violations.push({
        rule: 'capability-imports-capability',
        message: `${from} imports ${to}: one capability never imports another (shared/${fromCap} -> shared/${toCap})`,
      });
    }
    if (fromCap && to.startsWith('shared/github/') && from !== `shared/${fromCap}/action.ts`) {
      violations.push({
        rule: 'core-talks-to-github',
        message: `${from} imports ${to}: only shared/${fromCap}/action.ts, the adapter, talks to GitHub`,
      });
    }
  }
  for (const file of graph.files.filter((f) => f.startsWith('actions/'))) {
    const targets = [...new Set(graph.edges.filter((e) => e.from === file).map((e) => e.to))];
    const frontDoors = targets.filter((t) => /^shared\/[^/]+\/action\.ts$/.test(t) && capabilityOf(graph, t));
    const others = targets.filter((t) => t !== 'shared/github/action.ts' && !frontDoors.includes(t));
    if (others.length || frontDoors.length !== 1 || !targets.includes('shared/github/action.ts')) {
      violations.push({
        rule: 'entry-imports',
        message:
          `${file} imports ${targets.join(', ') || 'nothing'}: an action entry imports shared/github/action.ts ` +
          `(runAction) and exactly one shared/<capability>/action.ts`,
      });
    }
  }
  for (const cycle of importCycles(graph)) {
    if (known.has(cycle.join(' '))) continue;
    violations.push({ rule: 'cycle', message: `import cycle: ${cycle.join(' <-> ')}` });
  }
  const cliEntry = options.cliEntry ?? 'cli/index.ts';
  if (graph.files.includes(cliEntry)) {
    for (const file of [...eagerClosure(graph, cliEntry)].sort()) {
      if (capabilityOf(graph, file) || file.startsWith('shared/github/')) {
        violations.push({
          rule: 'cli-eager',
          message: `${cliEntry} loads ${file} at start-up: import it inside the command's handler (await import(…))`,
        });
      }
    }
  }
  return violations;
}
