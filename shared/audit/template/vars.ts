/**
 * Template variables as Goss reads them (template.go loadVars): `--vars FILE` (YAML or JSON) and
 * `--vars-inline TEXT` (YAML or JSON); keys of the inline text replace those of the file.
 */
import { promises as fsp } from 'node:fs';
import { parse } from 'yaml';
import { InputError } from '../../util/errors.ts';

export async function loadVars(options: { varsFile?: string; varsInline?: string }): Promise<Record<string, unknown>> {
  let vars: Record<string, unknown> = {};
  if (options.varsFile !== undefined) {
    let text: string;
    try {
      text = await fsp.readFile(options.varsFile, 'utf8');
    } catch (error) {
      throw new InputError(`cannot read the vars file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
        location: { file: options.varsFile, field: '--vars' },
      });
    }
    vars = asMap(text, { file: options.varsFile, field: '--vars' });
  }
  if (options.varsInline !== undefined) vars = { ...vars, ...asMap(options.varsInline, { field: '--vars-inline' }) };
  return vars;
}

function asMap(text: string, location: { file?: string; field: string }): Record<string, unknown> {
  let v: unknown;
  try {
    v = parse(text, { maxAliasCount: 1000 });
  } catch (error) {
    throw new InputError(`the variables are not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`, {
      location,
    });
  }
  if (v === null || v === undefined) return {};
  if (typeof v !== 'object' || Array.isArray(v))
    throw new InputError('the variables must be a map (name: value)', { location });
  return v as Record<string, unknown>;
}
