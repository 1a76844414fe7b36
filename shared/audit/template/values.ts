/**
 * Values as Go's fmt prints them with %v (what `{{.x}}` writes): strings as they are, integers
 * without a decimal point, floats in the shortest form with Go's exponent style, lists as
 * `[a b c]`, maps as `map[k:v]` with sorted keys, nil as `<no value>`.
 */
export function formatValue(v: unknown): string {
  if (v === undefined || v === null) return '<no value>';
  return fmt(v);
}

function fmt(v: unknown): string {
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return goFloat(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(fmt).join(' ')}]`;
  if (typeof v === 'object')
    return `map[${Object.keys(v)
      .sort()
      .map((k) => `${k}:${fmt((v as Record<string, unknown>)[k])}`)
      .join(' ')}]`;
  return String(v as bigint);
}

/** strconv.FormatFloat(f, 'g', -1, 64) as %v uses it: exponent below 1e-4 or from 1e21. */
export function goFloat(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) {
    const [mant, exp] = n.toExponential().split('e') as [string, string];
    const e = Number(exp);
    return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(n);
}
