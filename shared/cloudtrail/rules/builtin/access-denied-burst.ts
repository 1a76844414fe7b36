/**
 * Bursts of AccessDenied from one principal: the shape of reconnaissance with stolen credentials
 * (trying what the key may do) that no single event shows. Counted per actor over the whole scan
 * window; memory is one small entry per denied actor.
 */
import { describeActor } from '../../actor.ts';
import { str, type CloudTrailRecord } from '../../record.ts';
import type { RuleInfo } from '../ruleset.ts';

const DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'Client.UnauthorizedOperation',
  'UnauthorizedOperation',
  'UnauthorizedAccess',
  'Client.AuthFailure',
]);

export const ACCESS_DENIED_BURST: RuleInfo = {
  id: 'a6f0e2c4-2d1b-5b0e-9c3a-0e4f5d6c7b21',
  slug: 'access-denied-burst',
  title: 'Burst of AccessDenied from one principal',
  description:
    'One identity had many calls denied in the window: someone (or something) probing what a credential may do.',
  author: 'telltale',
  level: 'medium',
  origin: 'builtin',
  policy: { actorModifiers: true, failed: 'keep' },
  decisiveFields: [],
};

export interface BurstHit {
  record: CloudTrailRecord;
  count: number;
  eventNames: string[];
}

export class AccessDeniedBurst {
  readonly info = ACCESS_DENIED_BURST;
  private readonly byActor = new Map<string, { count: number; last: CloudTrailRecord; names: Set<string> }>();

  readonly threshold: number;

  constructor(threshold = 10) {
    this.threshold = threshold;
  }

  observe(record: CloudTrailRecord): void {
    const code = str(record.errorCode);
    if (!code || !DENIED.has(code)) return;
    const key = describeActor(record).key;
    let entry = this.byActor.get(key);
    if (!entry) this.byActor.set(key, (entry = { count: 0, last: record, names: new Set() }));
    entry.count++;
    if ((str(record.eventTime) ?? '') >= (str(entry.last.eventTime) ?? '')) entry.last = record;
    if (entry.names.size < 20) entry.names.add(str(record.eventName) ?? '?');
  }

  hits(): BurstHit[] {
    return [...this.byActor.values()]
      .filter((e) => e.count >= this.threshold)
      .map((e) => ({ record: e.last, count: e.count, eventNames: [...e.names].sort() }));
  }
}
