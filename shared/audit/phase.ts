/**
 * The audit phase, as Chef's Audit Mode ran it (RFC 035): each control is a group, each asserted
 * attribute an example; events stream to reporters in file order; an error in one control never
 * stops the others, and an error of the whole phase is an event too, not a crash.
 */
import pLimit from 'p-limit';
import { evaluate, evaluatePatterns, show } from './matchers.ts';
import { summarize, type AuditSummary, type Control, type ControlResult } from './model.ts';
import { SETTINGS } from './controls.ts';
import { OBSERVERS } from './resources/index.ts';
import type { Observation, ObserveContext } from './resources/types.ts';
import type { AuditTarget } from './target.ts';

export type AuditEvent =
  | { kind: 'phase-started'; target: string; controls: number }
  | { kind: 'group-started'; control: Control }
  | { kind: 'control-passed' | 'control-failed' | 'control-skipped' | 'control-errored'; result: ControlResult }
  | { kind: 'group-finished'; control: Control }
  | { kind: 'phase-finished'; summary: AuditSummary; results: ControlResult[] }
  | { kind: 'phase-failed'; error: string; results: ControlResult[] };

export type AuditListener = (event: AuditEvent) => void;

/** Attributes compared as Goss line patterns when written as a list of strings. */
const TEXT_ATTRIBUTES = new Set(['contents', 'contains', 'stdout', 'stderr', 'body', 'headers']);

const MAX_ACTUAL = 2000;

/** Attributes Goss checks first and that gate the rest (resource/*.go call shouldSkip after them). */
const GATES: Partial<Record<Control['type'], readonly string[]>> = {
  file: ['exists'],
  user: ['exists'],
  group: ['exists'],
  mount: ['exists'],
  interface: ['exists'],
  package: ['installed'],
  dns: ['resolvable', 'resolveable'],
  port: ['listening'],
  process: ['running'],
};

export interface RunOptions {
  /** Controls probed at once; events are still emitted in file order. */
  concurrency?: number;
  now?: () => number;
}

export async function runAudit(
  controls: readonly Control[],
  target: AuditTarget,
  listener: AuditListener,
  options: RunOptions = {},
): Promise<{ summary: AuditSummary; results: ControlResult[] }> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const results: ControlResult[] = [];
  try {
    listener({ kind: 'phase-started', target: target.description, controls: controls.length });
    const context: ObserveContext = { cache: new Map() };
    const limit = pLimit(options.concurrency ?? 8);
    const observed = controls.map((c) =>
      limit(async () => {
        const t0 = now();
        if (c.skip) return { obs: undefined, ms: 0 };
        try {
          let obs = await OBSERVERS[c.type](c, target, context);
          // resource/retry.go: retry_count more tries, retry_delay apart (default 1 s), each a fresh look.
          for (let n = 0; n < (c.retry?.count ?? 0) && judge(c, { obs }).some((r) => r.status === 'failed'); n++) {
            await new Promise((r) => setTimeout(r, c.retry?.delayMs || 1000));
            obs = await OBSERVERS[c.type](c, target, { cache: new Map() });
          }
          return { obs, ms: now() - t0 };
        } catch (error) {
          return { error: error instanceof Error ? error.message : String(error), ms: now() - t0 };
        }
      }),
    );
    for (const [i, control] of controls.entries()) {
      listener({ kind: 'group-started', control });
      const o = await observed[i]!;
      const judged = judge(control, 'error' in o ? { error: o.error! } : { obs: o.obs }, o.ms);
      for (const r of judged) {
        results.push(r);
        listener({ kind: `control-${r.status === 'error' ? 'errored' : r.status}`, result: r });
      }
      listener({ kind: 'group-finished', control });
    }
    const summary = summarize(results, now() - started);
    listener({ kind: 'phase-finished', summary, results });
    return { summary, results };
  } catch (error) {
    listener({ kind: 'phase-failed', error: error instanceof Error ? error.message : String(error), results });
    throw error;
  }
}

/** Turns one control's observation into one result per asserted attribute. Pure. */
export function judge(
  control: Control,
  outcome: { obs?: Observation | undefined; error?: string },
  durationMs = 0,
): ControlResult[] {
  const base = {
    type: control.type,
    id: control.id,
    meta: control.meta,
    controlPosition: control.position,
    ...(control.title !== undefined ? { title: control.title } : {}),
    durationMs,
  };
  const at = (prop: string) => control.attributePositions[prop] ?? control.position;
  const props = Object.keys(control.attributes).filter(
    (k) => !SETTINGS.has(k) || (control.type === 'matching' && k === 'matches'),
  );
  if (props.length === 0)
    return [
      { ...base, property: '-', status: 'skipped', reason: 'no attributes to check', position: control.position },
    ];
  const obs = outcome.obs;
  const one = (property: string): ControlResult => {
    const position = at(property);
    const expectedRaw = control.attributes[property];
    if (control.skip) return { ...base, property, status: 'skipped', reason: 'skip: true', position };
    if (outcome.error !== undefined)
      return { ...base, property, status: 'error', reason: outcome.error, expected: show(expectedRaw), position };
    if (!obs) return { ...base, property, status: 'error', reason: 'nothing was observed', position };
    if (obs.skip) return { ...base, property, status: 'skipped', reason: obs.skip, position };
    const j = obs.judged?.[property];
    if (j)
      return {
        ...base,
        property,
        status: j.pass ? 'passed' : 'failed',
        expected: j.expected,
        actual: j.actual,
        position,
      };
    if (obs.missing && !(property in obs.values))
      return {
        ...base,
        property,
        status: 'failed',
        expected: show(expectedRaw),
        actual: `${control.type} does not exist`,
        position,
      };
    const actual = obs.values[property];
    if (TEXT_ATTRIBUTES.has(property) && Array.isArray(expectedRaw)) {
      const text = Array.isArray(actual) ? actual.join('\n') : typeof actual === 'string' ? actual : '';
      const p = evaluatePatterns(expectedRaw, text);
      return {
        ...base,
        property,
        status: p.pass ? 'passed' : 'failed',
        expected: p.pass ? p.expected : `patterns ${show(p.missing)}`,
        actual: truncate(p.error ? `${p.error}` : text),
        position,
      };
    }
    const m = evaluate(expectedRaw, actual);
    const shown = truncate(typeof actual === 'string' && actual.includes('\n') ? actual : show(actual));
    return {
      ...base,
      property,
      status: m.pass ? 'passed' : 'failed',
      expected: m.expected,
      // Goss reports a matcher that cannot apply (a non-semver version, invalid JSON) as an error of the test.
      actual: m.error ? `${shown} (${m.error})` : shown,
      position,
    };
  };
  // resource/resource.go shouldSkip: when the first, gating attribute (exists, installed, …) fails
  // or reports false, Goss skips the resource's other attributes instead of failing each of them.
  const gate = props.find((p) => GATES[control.type]?.includes(p));
  if (gate === undefined) return props.map(one);
  const gated = one(gate);
  const holds = gated.status === 'passed' && obs?.values[gate] !== false;
  return props.map((p) =>
    p === gate
      ? gated
      : holds || gated.status === 'skipped' || gated.status === 'error'
        ? one(p)
        : {
            ...base,
            property: p,
            status: 'skipped' as const,
            reason: `${gate} is ${show(obs?.values[gate])}, so ${p} is not checked (as Goss does)`,
            position: at(p),
          },
  );
}

function truncate(text: string): string {
  return text.length > MAX_ACTUAL
    ? `${text.slice(0, MAX_ACTUAL)}… (${text.length - MAX_ACTUAL} more characters)`
    : text;
}
