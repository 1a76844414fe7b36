/**
 * The one duration parser: `--timeout 3s`, `--since 24h`, action inputs like `1m30s`.
 * Units: ms, s, m, h, d, w; several may be combined (`1h30m`). A bare number is in `defaultUnit`.
 */
import { InputError, type SourceLocation } from './errors.ts';

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Milliseconds in `text`; an InputError naming `what` (a flag or input) when it is not a duration. */
export function parseDuration(
  text: string,
  options: { what?: string; defaultUnit?: keyof typeof UNIT_MS; location?: SourceLocation } = {},
): number {
  const trimmed = text.trim().toLowerCase();
  const fail = () =>
    new InputError(`${options.what ? `${options.what}: ` : ''}'${text}' is not a duration`, {
      ...(options.location ? { location: options.location } : {}),
      hint: 'write a number with a unit: 500ms, 3s, 5m, 24h, 7d, 1w, or combined like 1h30m',
    });
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * UNIT_MS[options.defaultUnit ?? 's']!;
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g)];
  if (!parts.length || parts.map((p) => p[0]).join('') !== trimmed) throw fail();
  const total = parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_MS[p[2]!]!, 0);
  if (!Number.isFinite(total)) throw fail();
  return Math.round(total);
}
