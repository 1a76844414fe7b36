/**
 * One output convention for every command that writes a report (README "CLI"):
 *
 *   --format a[,b…]      one or more formats; several render from the same run
 *   --output FILE|DIR    one format: written to FILE; several (or an existing folder, or a path
 *                        ending in /): each to DIR/<name>.<ext>; none: the one format to stdout
 *   --format a:FILE      the older per-format file spelling (audit's), still accepted
 *
 * Only one format may go to standard output, since two would interleave.
 */
import { mkdirSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../shared/util/errors.ts';
import { info, type CliIO } from './io.ts';

export interface OutputTarget<F extends string> {
  format: F;
  /** undefined: standard output. */
  file?: string;
}

export interface FormatSet<F extends string> {
  /** Accepted names, in the order help lists them. */
  formats: readonly F[];
  /** Older names still accepted (`md` → `markdown`). */
  aliases?: Readonly<Record<string, F>>;
  /** The file extension of each format, for `--output DIR`. */
  extension: Readonly<Record<F, string>>;
  /** The file name (without extension) in `--output DIR`. */
  basename: string;
}

export function planOutputs<F extends string>(
  formatList: string,
  output: string | undefined,
  set: FormatSet<F>,
): OutputTarget<F>[] {
  const items = formatList
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!items.length) throw new InputError('--format is empty', { location: { field: '--format' } });
  const targets = items.map((item): OutputTarget<F> => {
    const colon = item.indexOf(':');
    const raw = colon < 0 ? item : item.slice(0, colon);
    const file = colon < 0 ? undefined : item.slice(colon + 1);
    const format = (set.formats as readonly string[]).includes(raw) ? (raw as F) : set.aliases?.[raw];
    if (!format) {
      throw new InputError(`unknown format '${raw}'`, {
        location: { field: '--format' },
        hint: `use one or more of ${set.formats.join(', ')}, comma-separated`,
      });
    }
    if (file === '') {
      throw new InputError(`format '${raw}:' needs a file name after the colon`, { location: { field: '--format' } });
    }
    return file ? { format, file } : { format };
  });
  const open = targets.filter((t) => !t.file);
  if (output !== undefined && open.length) {
    const asDir = open.length > 1 || output.endsWith('/') || isDirectory(output);
    for (const t of open) t.file = asDir ? path.join(output, `${set.basename}.${set.extension[t.format]}`) : output;
  } else if (open.length > 1) {
    throw new InputError('only one format can write to stdout', {
      location: { field: '--format' },
      hint: `give a folder for the others: --output DIR (writes ${set.basename}.<ext> for each)`,
    });
  }
  return targets;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Renders each target and writes it to its file or to stdout; "wrote FILE" lines unless --quiet. */
export async function deliverOutputs<F extends string>(
  io: CliIO,
  targets: readonly OutputTarget<F>[],
  render: (format: F) => string | Promise<string>,
): Promise<void> {
  for (const target of targets) {
    const text = await render(target.format);
    if (!target.file) {
      io.stdout(text);
      continue;
    }
    const file = target.file;
    try {
      mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      await writeFile(file, text);
    } catch (error) {
      throw new InputError(`cannot write the ${target.format} report: ${(error as Error).message}`, {
        location: { file },
      });
    }
    info(io, `wrote ${file}`);
  }
}
