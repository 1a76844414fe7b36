/**
 * The rules a scan runs: the built-in pack and any `--rules DIR` of Sigma files, parsed once and
 * compiled into one indexed matcher. A rule that cannot be loaded is listed with file:line:column
 * and left out whole; it never runs in part.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { InputError } from '../../util/errors.ts';
import type { ThreatPolicy } from '../threat.ts';
import { AccessDeniedBurst } from './builtin/access-denied-burst.ts';
import { BUILTIN_RULE_FILES } from './builtin/files.ts';
import { builtinVirtualFields } from './builtin/virtual-fields.ts';
import {
  compileRuleSet,
  isCloudTrailRule,
  parseSigmaRules,
  ruleLink,
  type CompiledRule,
  type CompiledRuleSet,
  type RuleProblem,
  type SigmaLevel,
  type SigmaRule,
} from './sigma/index.ts';

export interface RuleInfo {
  id: string;
  /** The file name without extension for built-in rules: stable, readable, used in fixtures. */
  slug: string;
  title: string;
  description?: string;
  /** The Detection Rule License requires a Sigma rule's author on every finding it produces. */
  author?: string;
  link?: string;
  level: SigmaLevel;
  origin: 'builtin' | 'custom';
  file?: string;
  policy: ThreatPolicy;
  /** Template for the finding's one-line summary, `{field.path}` or `{a,b}` (first present). */
  summary?: string;
  /** Fields worth showing with a finding: what the rule tested beyond event name and source. */
  decisiveFields: string[];
}

export interface RuleSet {
  match: CompiledRuleSet;
  info: Map<CompiledRule, RuleInfo>;
  all: RuleInfo[];
  burst: AccessDeniedBurst;
  problems: RuleProblem[];
  /** Rule files for another log source, left out on purpose. */
  otherLogsource: string[];
}

export interface RuleSetOptions {
  builtin?: boolean;
  dirs?: string[];
  accessDeniedThreshold?: number;
}

export async function loadRuleSet(options: RuleSetOptions = {}): Promise<RuleSet> {
  const problems: RuleProblem[] = [];
  const otherLogsource: string[] = [];
  const loaded: { rule: SigmaRule; origin: 'builtin' | 'custom' }[] = [];
  const take = (text: string, file: string, origin: 'builtin' | 'custom') => {
    const parsed = parseSigmaRules(text, file);
    problems.push(...parsed.problems);
    for (const rule of parsed.rules) {
      if (isCloudTrailRule(rule)) loaded.push({ rule, origin });
      else otherLogsource.push(`${file}: ${rule.title}`);
    }
  };
  if (options.builtin !== false) {
    for (const url of BUILTIN_RULE_FILES) {
      // ncc turns `new URL('./x.yml', import.meta.url)` into a plain path string next to the bundle.
      const file = typeof url === 'string' ? url : fileURLToPath(url);
      take(await readFile(file, 'utf8'), `builtin/${path.basename(file)}`, 'builtin');
    }
  }
  for (const dir of options.dirs ?? []) {
    for (const file of await ruleFiles(dir)) take(await readFile(file, 'utf8'), file, 'custom');
  }
  const compiled = compileRuleSet(
    loaded.map((l) => l.rule),
    { virtualFields: builtinVirtualFields },
  );
  const info = new Map<CompiledRule, RuleInfo>();
  compiled.rules.forEach((c, i) => info.set(c, ruleInfo(c.rule, loaded[i]!.origin)));
  const burst = new AccessDeniedBurst(options.accessDeniedThreshold);
  return {
    match: compiled,
    info,
    all: [...info.values(), ...(options.builtin !== false ? [burst.info] : [])],
    burst,
    problems,
    otherLogsource,
  };
}

async function ruleFiles(dir: string): Promise<string[]> {
  const info = await stat(dir).catch(() => {
    throw new InputError('no such rule file or folder', {
      location: { file: dir },
      hint: '--rules takes a folder of Sigma .yml files',
    });
  });
  if (info.isFile()) return [dir];
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const entry of (await readdir(d, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (/\.ya?ml$/i.test(entry.name)) out.push(full);
    }
  };
  await walk(dir);
  return out;
}

function ruleInfo(rule: SigmaRule, origin: 'builtin' | 'custom'): RuleInfo {
  const x = (rule.custom['x-telltale'] ?? {}) as Record<string, unknown>;
  const decisive = new Set<string>();
  for (const selection of Object.values(rule.detection.selections)) {
    for (const tests of selection.anyOf) {
      for (const t of tests) {
        if (!/^(eventName|eventSource|userIdentity\.type|errorCode)$/.test(t.field)) decisive.add(t.field);
      }
    }
  }
  for (const f of rule.fields) decisive.add(f);
  const info: RuleInfo = {
    id: rule.id ?? `${rule.source.file}:${rule.source.line}`,
    slug: path.basename(rule.source.file).replace(/\.ya?ml$/i, ''),
    title: rule.title,
    level: rule.level ?? 'medium',
    origin,
    file: rule.source.file,
    policy: {
      actorModifiers: x['actor-modifiers'] !== false,
      failed: x.failed === 'keep' ? 'keep' : 'lower',
    },
    decisiveFields: [...decisive],
  };
  if (rule.description) info.description = rule.description;
  if (rule.author) info.author = rule.author;
  const link = ruleLink(rule);
  if (link) info.link = link;
  if (typeof x.summary === 'string') info.summary = x.summary;
  return info;
}
