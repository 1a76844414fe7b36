/**
 * `.github/cloudtrail-suppressions.yml`: the team's reviewed list of findings that are expected here,
 * each with why, who answers for it and until when. Nothing is hidden silently: the report lists every
 * entry with how many findings it suppressed, and an entry past its expiry stops applying and is
 * reported as expired (so a suppression is a decision with a date, not a forgotten mute).
 *
 *   suppressions:
 *     - rule: ssm-session-by-human          # a rule's slug, id or title; `*` for any rule
 *       principal: 'arn:aws:sts::111122223333:assumed-role/Ops/*'   # optional, `*` matches anything
 *       resource: 'i-0abc*'                 # optional: any resource/target of the finding
 *       reason: Ops works through Session Manager
 *       owner: '@platform-team'
 *       expires: 2026-09-30                 # required; an ISO date (end of that day, UTC)
 */
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { InputError } from '../util/errors.ts';
import type { Finding } from './findings.ts';

export interface Suppression {
  rule: string;
  principal?: string;
  resource?: string;
  reason: string;
  owner: string;
  /** ISO date as written. */
  expires: string;
  /** End of the expiry day, epoch ms. */
  expiresMs: number;
  /** Where it was written, `file:line`. */
  at: string;
}

export interface SuppressionOutcome {
  rule: string;
  principal?: string;
  resource?: string;
  reason: string;
  owner: string;
  expires: string;
  at: string;
  expired: boolean;
  /** Findings it suppressed (for an expired entry: the findings it would have, now reported). */
  matched: number;
  /** Event ids of what it suppressed, all of them: the JSON keeps every event. */
  eventIds: string[];
}

const KEYS = new Set(['rule', 'principal', 'resource', 'reason', 'owner', 'expires']);

/** Parses the file's text; every problem names the file, line and field. */
export function parseSuppressions(text: string, file: string): Suppression[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const where = (node: Node | null | undefined, field?: string) => ({
    file,
    ...(node?.range ? { line: lines.linePos(node.range[0]).line, column: lines.linePos(node.range[0]).col } : {}),
    ...(field ? { field } : {}),
  });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new InputError(`not YAML: ${e.message.split('\n')[0]}`, {
      location: { file, line: e.linePos?.[0]?.line ?? 1, column: e.linePos?.[0]?.col ?? 1 },
    });
  }
  if (doc.contents === null) return [];
  const root = doc.contents;
  if (!isMap(root)) throw new InputError('expected a mapping with a `suppressions:` list', { location: where(root) });
  const list = root.get('suppressions', true) as Node | undefined;
  if (list === undefined || list === null) return [];
  if (!isSeq(list)) throw new InputError('`suppressions` must be a list', { location: where(list, 'suppressions') });
  return list.items.map((item, i) => {
    const field = `suppressions[${i}]`;
    if (!isMap(item)) throw new InputError('each suppression is a mapping', { location: where(item as Node, field) });
    const value = (key: string): string | undefined => {
      const v = item.get(key, true) as Node | undefined;
      if (v === undefined || v === null) return undefined;
      const js = (v as { toJSON(): unknown }).toJSON();
      if (js instanceof Date) return js.toISOString().slice(0, 10);
      if (typeof js !== 'string' && typeof js !== 'number') {
        throw new InputError(`\`${key}\` must be text`, { location: where(v, `${field}.${key}`) });
      }
      return String(js).trim();
    };
    for (const pair of item.items) {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? '');
      if (!KEYS.has(key)) {
        throw new InputError(`unknown key \`${key}\``, {
          location: where(pair.key as Node, `${field}.${key}`),
          hint: `a suppression has ${[...KEYS].join(', ')}`,
        });
      }
    }
    const need = (key: string, hint: string): string => {
      const v = value(key);
      if (!v) throw new InputError(`\`${key}\` is required`, { location: where(item, `${field}.${key}`), hint });
      return v;
    };
    const rule = need('rule', 'the rule slug, id or title, or * for any rule');
    const reason = need('reason', 'say why this finding is expected here');
    const owner = need('owner', 'who answers for it: a person or team handle');
    const expires = need('expires', 'every suppression ends: an ISO date such as 2026-09-30');
    const expiresMs = /^\d{4}-\d{2}-\d{2}$/.test(expires) ? Date.parse(`${expires}T23:59:59.999Z`) : NaN;
    if (Number.isNaN(expiresMs)) {
      throw new InputError(`\`expires\` must be an ISO date (YYYY-MM-DD), not '${expires}'`, {
        location: where(item.get('expires', true) as Node, `${field}.expires`),
      });
    }
    const s: Suppression = { rule, reason, owner, expires, expiresMs, at: `${file}:${where(item).line ?? 1}` };
    const principal = value('principal');
    const resource = value('resource');
    if (principal) s.principal = principal;
    if (resource) s.resource = resource;
    return s;
  });
}

/** Case-insensitive glob: `*` any run of characters, everything else literal. */
function glob(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'is',
  );
}

/** Applies the entries to findings one at a time, counting what each suppressed. */
export class Suppressor {
  private readonly entries: {
    s: Suppression;
    rule: RegExp;
    principal?: RegExp;
    resource?: RegExp;
    out: SuppressionOutcome;
  }[];
  private readonly now: number;

  constructor(entries: readonly Suppression[], now: number) {
    this.now = now;
    this.entries = entries.map((s) => ({
      s,
      rule: glob(s.rule),
      ...(s.principal ? { principal: glob(s.principal) } : {}),
      ...(s.resource ? { resource: glob(s.resource) } : {}),
      out: {
        rule: s.rule,
        ...(s.principal ? { principal: s.principal } : {}),
        ...(s.resource ? { resource: s.resource } : {}),
        reason: s.reason,
        owner: s.owner,
        expires: s.expires,
        at: s.at,
        expired: s.expiresMs < now,
        matched: 0,
        eventIds: [],
      },
    }));
  }

  /** True when a live entry suppresses the finding. An expired entry only counts what it would have hidden. */
  suppresses(f: Finding): boolean {
    let hit = false;
    for (const e of this.entries) {
      if (!e.rule.test(f.ruleSlug) && !e.rule.test(f.ruleId) && !e.rule.test(f.rule)) continue;
      if (
        e.principal &&
        ![f.actor.key, f.actor.arn, f.actor.sessionIssuer, f.actor.name].some((v) => v && e.principal!.test(v))
      )
        continue;
      if (e.resource && !f.resources.some((r) => e.resource!.test(r))) continue;
      e.out.matched += f.count;
      if (f.eventId) e.out.eventIds.push(f.eventId);
      if (!e.out.expired) hit = true;
    }
    return hit;
  }

  outcomes(): SuppressionOutcome[] {
    return this.entries.map((e) => e.out);
  }
}
