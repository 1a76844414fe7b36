/**
 * Reads a controls file and the `gossfile:` includes it names (paths and globs relative to the
 * including file, as Goss resolves them), detecting include cycles. Each file is first rendered as
 * a Go text/template with `.Env` and `.Vars`, as Goss renders every gossfile (template.go).
 */
import { readFileSync, promises as fsp } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { InputError } from '../util/errors.ts';
import { parseControls } from './controls.ts';
import type { Control } from './model.ts';
import { hasTemplate, renderTemplate, TemplateError } from './template/render.ts';

export interface LoadOptions {
  /** `.Vars` of templates (from --vars / --vars-inline). */
  vars?: Record<string, unknown>;
  /** `.Env` of templates; default: this process's environment. */
  env?: Record<string, string | undefined>;
  /** Told about things read as Goss reads them but worth knowing (a repeated top-level block). */
  warn?: (message: string) => void;
}

export async function loadControls(
  file: string,
  options: LoadOptions = {},
  seen: Set<string> = new Set(),
): Promise<Control[]> {
  const abs = path.resolve(file);
  if (seen.has(abs)) throw new InputError(`gossfile include cycle through ${file}`, { location: { file } });
  let text: string;
  try {
    text = await fsp.readFile(abs, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the controls file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
      location: { file },
      hint: 'pass --controls with the path of a Goss-style YAML file',
    });
  }
  const rendered = renderControls(text, file, options);
  let parsed;
  try {
    parsed = parseControls(rendered, file);
  } catch (error) {
    if (error instanceof InputError && rendered !== text) {
      // Positions are in the rendered text; say so, or the line numbers look wrong.
      throw new InputError(`${error.message} (in the file as its template renders it; see \`telltale audit render\`)`, {
        ...(error.location ? { location: error.location } : {}),
      });
    }
    throw error;
  }
  for (const w of parsed.warnings) options.warn?.(w);
  const controls = [...parsed.controls];
  const next = new Set(seen).add(abs);
  for (const inc of parsed.includes) {
    if (inc.skip) continue;
    const base = path.dirname(file);
    const matches = path.isAbsolute(inc.pattern)
      ? await glob(inc.pattern, { absolute: true, onlyFiles: true })
      : await glob(inc.pattern, { cwd: base, absolute: false, onlyFiles: true });
    if (matches.length === 0) {
      throw new InputError(`gossfile '${inc.pattern}' matches no file`, {
        location: { ...inc.position, field: `gossfile.${inc.pattern}` },
      });
    }
    for (const m of matches.sort())
      controls.push(...(await loadControls(path.isAbsolute(m) ? m : path.join(base, m), options, next)));
  }
  return controls;
}

/** One file's text after its template is rendered; a template error is an InputError at file:line:col. */
export function renderControls(text: string, file: string, options: LoadOptions = {}): string {
  if (!hasTemplate(text)) return text;
  try {
    return renderTemplate(text, {
      env: options.env ?? process.env,
      vars: options.vars ?? {},
      readFile: (p) => readFileSync(path.resolve(p), 'utf8'),
    });
  } catch (error) {
    if (error instanceof TemplateError)
      throw new InputError(`template: ${error.message}`, {
        location: { file, line: error.loc.line, column: error.loc.column },
        hint: 'Goss renders gossfiles as Go text/template before reading the YAML; pass --vars FILE or --vars-inline JSON for .Vars',
      });
    throw error;
  }
}
