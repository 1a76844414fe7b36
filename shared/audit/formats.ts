/**
 * `--format documentation,json:out.json,sarif:out.sarif`: which reporters run and where each
 * writes. At most one reporter may write to stdout (InSpec's rule), since two would interleave.
 */
import { InputError } from '../util/errors.ts';

/** telltale's reporters, plus Goss's `rspecish` and `tap` (docs/cli.md "validate"). */
export const FORMATS = ['documentation', 'json', 'junit', 'sarif', 'markdown', 'rspecish', 'tap'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface FormatSpec {
  name: FormatName;
  /** undefined: stdout. */
  path?: string;
}

export function parseFormats(text: string): FormatSpec[] {
  const specs = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item): FormatSpec => {
      const i = item.indexOf(':');
      const name = i < 0 ? item : item.slice(0, i);
      const file = i < 0 ? undefined : item.slice(i + 1);
      if (!(FORMATS as readonly string[]).includes(name)) {
        throw new InputError(`unknown format '${name}'`, {
          location: { field: '--format' },
          hint: `use one or more of ${FORMATS.join(', ')}, e.g. documentation,sarif:audit.sarif`,
        });
      }
      if (file === '')
        throw new InputError(`format '${name}:' needs a file name after the colon`, {
          location: { field: '--format' },
        });
      return { name: name as FormatName, ...(file ? { path: file } : {}) };
    });
  if (specs.length === 0) throw new InputError('--format is empty', { location: { field: '--format' } });
  if (specs.filter((s) => !s.path).length > 1) {
    throw new InputError('only one format can write to stdout', {
      location: { field: '--format' },
      hint: 'give the others a file: json:audit.json',
    });
  }
  return specs;
}
