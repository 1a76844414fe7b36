/**
 * `--update`: adds newly observed endpoints to the manifest through the `yaml` Document API, so
 * comments, entry order, quoting and flow/block style of what is already there survive untouched.
 * The same proposals render the ready-to-paste snippet in the PR comment.
 */
import { isIP } from 'node:net';
import { Document, isMap, isScalar, isSeq, YAMLMap, YAMLSeq, type Scalar } from 'yaml';
import schema from '../../../schemas/egress-manifest.schema.json' with { type: 'json' };
import type { Manifest } from './manifest.ts';

// The schema's own host pattern: a proposal the loader would reject must never be written.
const HOST_PATTERN = new RegExp(schema.definitions.entry.properties.host.pattern);

/** Whether a name observed on the wire can be written as a manifest `host:`. */
export function isManifestHost(name: string): boolean {
  return name.length <= 255 && HOST_PATTERN.test(name) && !name.startsWith('*.');
}

/** A manifest entry as a user would write it. */
export interface ProposedEntry {
  host?: string;
  cidr?: string;
  ports: number[];
  transport?: 'udp';
}

/**
 * Endpoints whose every connection failed (refused, reset, no answer) worked for nobody: allow-listing
 * them because a run tried is how a typo or a dead mirror becomes policy. `--update` leaves them out,
 * lists them, and says how to add them on purpose.
 */
export function splitAllFailed<E extends { connections: number; failed: number }>(
  endpoints: readonly E[],
): { usable: E[]; allFailed: E[] } {
  const usable: E[] = [];
  const allFailed: E[] = [];
  for (const e of endpoints) (e.connections > 0 && e.failed >= e.connections ? allFailed : usable).push(e);
  return { usable, allFailed };
}

/**
 * One entry per name (or address) and transport, with every observed port, in a stable order.
 * Names that are not DNS names (anyone can put anything in an SNI or a DNS answer) are never
 * proposed; `isManifestHost` tells the caller which were left out.
 */
export function proposeEntries(
  endpoints: readonly { host: string; port: number; transport: 'tcp' | 'udp' }[],
): ProposedEntry[] {
  const byKey = new Map<string, ProposedEntry>();
  for (const e of endpoints) {
    const family = isIP(e.host);
    if (!family && !isManifestHost(e.host)) continue;
    const k = `${e.host}|${e.transport}`;
    let entry = byKey.get(k);
    if (!entry) {
      entry = family ? { cidr: `${e.host}/${family === 4 ? 32 : 128}`, ports: [] } : { host: e.host, ports: [] };
      if (e.transport === 'udp') entry.transport = 'udp';
      byKey.set(k, entry);
    }
    if (!entry.ports.includes(e.port)) entry.ports.push(e.port);
  }
  const out = [...byKey.values()];
  for (const e of out) e.ports.sort((a, b) => a - b);
  return out.sort((a, b) => (a.host ?? a.cidr ?? '').localeCompare(b.host ?? b.cidr ?? ''));
}

/**
 * Returns the manifest text with `proposals` merged in: a port joins an existing exact-host entry of
 * the same transport that lists ports; anything else becomes a new entry at the end of `allow`.
 */
export function updateManifest(manifest: Manifest, proposals: readonly ProposedEntry[], note?: string): string {
  const doc = manifest.document.clone();
  let allow = doc.get('allow', true);
  if (!isSeq(allow)) {
    allow = new YAMLSeq();
    doc.set('allow', allow);
  }
  const seq = allow as YAMLSeq;
  // A first manifest (`allow: []`) grows block style, one `- host:` per entry with `ports: [443]`,
  // as the README's example is written.
  const startingOut = seq.items.length === 0;
  if (startingOut) seq.flow = false;
  const flowPorts =
    startingOut || seq.items.some((item) => isMap(item) && (item.get('ports', true) as YAMLSeq | undefined)?.flow);
  let first = true;
  for (const proposal of proposals) {
    const existing = proposal.host
      ? seq.items.find(
          (item) =>
            isMap(item) &&
            String(item.get('host') ?? '').toLowerCase() === proposal.host &&
            (item.get('transport') ?? 'tcp') === (proposal.transport ?? 'tcp') &&
            isSeq(item.get('ports', true)),
        )
      : undefined;
    if (existing && isMap(existing)) {
      const ports = existing.get('ports', true) as unknown as YAMLSeq;
      const have = new Set(ports.items.map((p) => (isScalar(p) ? (p as Scalar).value : p)));
      for (const port of proposal.ports) if (!have.has(port)) ports.add(doc.createNode(port));
      continue;
    }
    const node = doc.createNode(toPlain(proposal)) as YAMLMap;
    const ports = node.get('ports', true) as unknown as YAMLSeq | undefined;
    if (ports) ports.flow = flowPorts;
    if (first && note) node.commentBefore = ` ${note}`;
    first = false;
    seq.add(node);
  }
  const text = keepOriginalLines(manifest.text, doc.toString({ flowCollectionPadding: false }));
  return text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * The `yaml` library re-emits the whole document: values and comments survive, but the spacing
 * people line comments up with does not. Every output line that equals an input line except for
 * whitespace is an untouched line, so it is replaced by the input line verbatim (matched in order
 * by a longest-common-subsequence over the lines; manifests are small).
 */
export function keepOriginalLines(original: string, updated: string): string {
  const a = original.split('\n');
  const b = updated.split('\n');
  const norm = (line: string) => line.replace(/\s+/g, '');
  const na = a.map(norm);
  const nb = b.map(norm);
  // lcs[i][j]: length of the LCS of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = na[i] === nb[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  for (let j = 0; j < b.length;) {
    if (i < a.length && na[i] === nb[j]) {
      out.push(a[i]!);
      i++;
      j++;
    } else if (i < a.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      i++;
    } else {
      out.push(b[j]!);
      j++;
    }
  }
  return out.join('\n');
}

/** The proposals as a YAML list to paste under `allow:` (indented two spaces, like the manifest). */
export function renderSnippet(proposals: readonly ProposedEntry[]): string {
  const doc = new Document(proposals.map(toPlain));
  for (const item of (doc.contents as YAMLSeq).items) {
    const ports = (item as YAMLMap).get('ports', true) as YAMLSeq | undefined;
    if (ports) ports.flow = true;
  }
  return doc
    .toString({ flowCollectionPadding: false })
    .trimEnd()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

function toPlain(p: ProposedEntry): Record<string, unknown> {
  const out: Record<string, unknown> = p.host ? { host: p.host } : { cidr: p.cidr };
  out.ports = p.ports;
  if (p.transport) out.transport = p.transport;
  return out;
}
