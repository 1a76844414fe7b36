/** What every resource hands the runner: the values the target reports, keyed by attribute. */
import type { Control } from '../model.ts';
import type { AuditTarget } from '../target.ts';

export interface Judged {
  pass: boolean;
  expected: string;
  actual: string;
}

export interface Observation {
  /** The whole control cannot be checked on this target (e.g. `port` on an image). */
  skip?: string;
  /** Actual value per asserted attribute; the runner applies the matchers. */
  values: Record<string, unknown>;
  /** Attributes the resource judged itself (maps compared key by key, line patterns). */
  judged?: Record<string, Judged>;
  /** The thing does not exist: other attributes are skipped, as Goss does. */
  missing?: boolean;
}

/** Observes one resource on one target. Never throws for "not there": that is `missing`. */
export type Observe = (control: Control, target: AuditTarget, context: ObserveContext) => Promise<Observation>;

export interface ObserveContext {
  /** Read-once caches shared by all controls of a run (processes, ports, accounts…). */
  cache: Map<string, Promise<unknown>>;
}

export function cached<T>(context: ObserveContext, key: string, load: () => Promise<T>): Promise<T> {
  let p = context.cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    context.cache.set(key, p);
  }
  return p;
}

export const NEEDS_LIVE = 'needs a running system; this target has none';

/**
 * What a control looks at: the identity override when written (`path:`, `username:`, `name:`, …,
 * docs/gossfile.md "defaults to hash key"), else the key. YAML may make it a number (`port: 22`).
 */
export function subject(control: Control, override: string): string {
  const v = control.attributes[override];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : control.id;
}
