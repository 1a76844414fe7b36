/**
 * Reads a controls file and the `gossfile:` includes it names (paths and globs relative to the
 * including file, as Goss resolves them), detecting include cycles.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { InputError } from '../util/errors.ts';
import { parseControls } from './controls.ts';
import type { Control } from './model.ts';

export async function loadControls(file: string, seen: Set<string> = new Set()): Promise<Control[]> {
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
  const parsed = parseControls(text, file);
  const controls = [...parsed.controls];
  const next = new Set(seen).add(abs);
  for (const inc of parsed.includes) {
    if (inc.skip) continue;
    const base = path.dirname(file);
    const matches = await glob(inc.pattern, { cwd: base, absolute: false, onlyFiles: true });
    if (matches.length === 0) {
      throw new InputError(`gossfile '${inc.pattern}' matches no file`, {
        location: { ...inc.position, field: `gossfile.${inc.pattern}` },
      });
    }
    for (const m of matches.sort()) controls.push(...(await loadControls(path.join(base, m), next)));
  }
  return controls;
}
