/**
 * The egress manifest (`.github/egress.yml`): the endpoints a repository's jobs may reach.
 *
 *   version: 1
 *   allow:
 *     - host: registry.npmjs.org   # exact name
 *       ports: [443]
 *     - host: "*.githubusercontent.com"
 *     - cidr: 10.0.0.0/8
 *       ports: [5432, "8000-8100"]
 *       transport: tcp
 *
 * Parsing keeps the YAML Document (for `--update`, which must keep comments and style) and the
 * position of every entry, so every later message can point at a line and column.
 */
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { InputError, type SourceLocation } from '../../util/errors.ts';
import { nodeLocation, validateAgainstSchema } from './validate.ts';

/** An inclusive port range; a single port is `{ from: p, to: p }`. */
export interface PortRange {
  from: number;
  to: number;
}

export interface ManifestEntry {
  /** Position in `allow`, as users count it in messages (`allow[3]`). */
  index: number;
  /** Lower-cased, without a trailing dot; `*.suffix` for wildcards. */
  host?: string;
  /** Normalised network: address and prefix length. */
  cidr?: { address: string; prefix: number; family: 'ipv4' | 'ipv6'; text: string };
  /** Undefined means any port. */
  ports?: PortRange[];
  transport?: 'tcp' | 'udp';
  reason?: string;
  owner?: string;
  probe?: string;
  location: SourceLocation;
}

export interface Manifest {
  file: string;
  entries: ManifestEntry[];
  /** The parsed YAML, kept for rewriting with comments intact. */
  document: Document;
  /** The text as read, so a rewrite can keep untouched lines byte for byte. */
  text: string;
}

export async function loadManifest(file: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? 'manifest not found' : `cannot read the manifest: ${(error as Error).message}`,
      {
        location: { file },
        hint:
          code === 'ENOENT'
            ? `create it with 'version: 1' and an 'allow:' list, or run 'telltale egress diff --update --manifest ${file} REPORT.json' to start from what a run observed`
            : undefined,
      },
    );
  }
  return parseManifest(text, file);
}

/** Parses and validates manifest text; every problem is an InputError with line and column. */
export function parseManifest(text: string, file: string): Manifest {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const yamlError = document.errors[0];
  if (yamlError) {
    const pos = lineCounter.linePos(yamlError.pos[0]);
    throw new InputError(`not valid YAML: ${yamlError.message.split('\n')[0]}`, {
      location: { file, line: pos.line, column: pos.col },
    });
  }
  let data: unknown;
  try {
    // toJS resolves aliases: an undefined one, or too many (an alias bomb), throws here.
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new InputError(`not a usable manifest: ${(error as Error).message}`, {
      location: { file, line: 1, column: 1 },
    });
  }
  validateAgainstSchema(data, document, lineCounter, file);

  const allow = (data as { allow: Record<string, unknown>[] }).allow;
  const entries = allow.map((raw, index): ManifestEntry => {
    const at = (field: string, ...path: (string | number)[]) =>
      nodeLocation(document, lineCounter, file, ['allow', index, ...path], `allow[${index}]${field}`);
    const entry: ManifestEntry = { index, location: at('') };
    if (typeof raw.host === 'string') entry.host = normalizeHost(raw.host);
    if (typeof raw.cidr === 'string') {
      const cidr = parseCidr(raw.cidr);
      if (!cidr) {
        throw new InputError(`'${raw.cidr}' is not an IPv4 or IPv6 network`, {
          location: at('.cidr', 'cidr'),
          hint: 'write an address and a prefix length, e.g. 10.0.0.0/8 or 2001:db8::/32',
        });
      }
      entry.cidr = cidr;
    }
    if (Array.isArray(raw.ports)) {
      entry.ports = raw.ports.map((port: unknown, i) => {
        const range = parsePort(port);
        if (!range) {
          throw new InputError(`${JSON.stringify(port)} is not a port`, {
            location: at(`.ports[${i}]`, 'ports', i),
            hint: 'ports are 1-65535, or a range written "low-high" with low <= high',
          });
        }
        return range;
      });
    }
    if (raw.transport === 'tcp' || raw.transport === 'udp') entry.transport = raw.transport;
    if (typeof raw.reason === 'string') entry.reason = raw.reason;
    if (typeof raw.owner === 'string') entry.owner = raw.owner;
    if (typeof raw.probe === 'string') {
      try {
        new URL(raw.probe);
      } catch {
        throw new InputError(`'${raw.probe}' is not a URL`, { location: at('.probe', 'probe') });
      }
      entry.probe = raw.probe;
    }
    return entry;
  });
  return { file, entries, document, text };
}

export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

/** A port number, or a `"low-high"` string; undefined when out of 1-65535 or reversed. */
export function parsePort(value: unknown): PortRange | undefined {
  const ok = (n: number) => Number.isInteger(n) && n >= 1 && n <= 65535;
  if (typeof value === 'number') return ok(value) ? { from: value, to: value } : undefined;
  const m = typeof value === 'string' ? /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(value.trim()) : null;
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return ok(from) && ok(to) && from <= to ? { from, to } : undefined;
}

export function formatPortRange(range: PortRange): string | number {
  return range.from === range.to ? range.from : `${range.from}-${range.to}`;
}

/** `10.0.0.0/8`, `2001:db8::/32`, or a bare address (a /32 or /128). */
export function parseCidr(text: string): ManifestEntry['cidr'] | undefined {
  const [address = '', prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return undefined;
  const version = isIP(address);
  if (!version) return undefined;
  const max = version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (prefix > max) return undefined;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6', text: `${address}/${prefix}` };
}
