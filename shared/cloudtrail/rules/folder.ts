/**
 * Reads a `--rules` folder (or file) of Sigma YAML. A folder is input an attacker may shape (a
 * pull request adding rules), so every entry is opened the same careful way: symlinks are followed
 * once and only to regular files or folders inside no loop; a dangling link, a device (`/dev/zero`),
 * a FIFO, a socket, a file too large or one that cannot be read is a problem of its own, named with
 * its path, and the scan goes on with the other files. Nothing can block: files are opened
 * non-blocking and checked with fstat before a byte is read, so a FIFO swapped in after the
 * directory listing is still refused rather than waited on.
 */
import { constants } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../../util/errors.ts';
import type { RuleProblem } from './sigma/index.ts';

/** Largest rule file read; SigmaHQ's biggest rules are a few KiB. */
export const MAX_RULE_FILE_BYTES = 1024 * 1024;
/** Folders deep and files many enough for any rule pack; a bound on what a hostile tree costs. */
const MAX_DEPTH = 32;
const MAX_FILES = 20_000;

export interface RuleText {
  file: string;
  text: string;
}

/** The rule files under `dir` with their text, and a problem for each entry that could not be read. */
export async function readRuleFiles(dir: string): Promise<{ files: RuleText[]; problems: RuleProblem[] }> {
  const top = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(
      error.code === 'ENOENT' ? 'no such rule file or folder' : `cannot read the rule folder (${error.code})`,
      { location: { file: dir }, hint: '--rules takes a folder of Sigma .yml files' },
    );
  });
  const files: RuleText[] = [];
  const problems: RuleProblem[] = [];
  const problem = (file: string, message: string): void => void problems.push({ file, message });
  if (!top.isDirectory()) {
    const read = await readRuleFile(dir);
    if (typeof read === 'string') files.push({ file: dir, text: read });
    else problem(dir, read.problem);
    return { files, problems };
  }
  const seen = new Set<string>();
  let count = 0;
  const walk = async (d: string, depth: number): Promise<void> => {
    const real = await realpath(d).catch(() => d);
    if (seen.has(real)) return problem(d, 'a folder reached twice through symlinks (a loop?); read once');
    seen.add(real);
    if (depth > MAX_DEPTH) return problem(d, `folders nested deeper than ${MAX_DEPTH}; not read`);
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch (error) {
      return problem(d, `cannot list the folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(d, entry.name);
      let kind: 'dir' | 'file' | 'other' = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
      if (entry.isSymbolicLink()) {
        const target = await stat(full).catch((error: NodeJS.ErrnoException) => error);
        if (target instanceof Error) {
          if (isRuleName(entry.name)) {
            problem(
              full,
              target.code === 'ENOENT'
                ? 'a symlink to nothing (dangling)'
                : `cannot follow the symlink (${target.code ?? 'error'})`,
            );
          }
          continue;
        }
        kind = target.isDirectory() ? 'dir' : 'file';
      }
      if (kind === 'dir') {
        await walk(full, depth + 1);
        continue;
      }
      if (!isRuleName(entry.name)) continue;
      if (++count > MAX_FILES) {
        if (count === MAX_FILES + 1) problem(d, `more than ${MAX_FILES} rule files; the rest are not read`);
        continue;
      }
      if (kind === 'other') {
        problem(full, `${describeKind(entry)}, not a rule file; skipped`);
        continue;
      }
      const read = await readRuleFile(full);
      if (typeof read === 'string') files.push({ file: full, text: read });
      else problem(full, read.problem);
    }
  };
  await walk(dir, 0);
  return { files, problems };
}

function isRuleName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

function describeKind(entry: {
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string {
  if (entry.isFIFO()) return 'a FIFO (named pipe)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** A regular file's text, or why it was not read. Never blocks, never reads past the bound. */
async function readRuleFile(file: string): Promise<string | { problem: string }> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? 'a symlink to nothing (dangling)' : `cannot open (${code ?? 'error'})` };
  }
  try {
    const info = await handle.stat();
    if (info.isFIFO()) return { problem: 'a FIFO (named pipe), not a rule file; skipped' };
    if (info.isCharacterDevice() || info.isBlockDevice()) return { problem: 'a device, not a rule file; skipped' };
    if (!info.isFile()) return { problem: 'not a regular file; skipped' };
    if (info.size > MAX_RULE_FILE_BYTES) {
      return {
        problem: `${info.size} bytes, larger than the ${MAX_RULE_FILE_BYTES}-byte limit for a rule file; skipped`,
      };
    }
    // Read in chunks up to one byte past the bound, whatever stat said: a file growing while read
    // (or one in /proc that reports size 0) stays bounded and is read whole.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > MAX_RULE_FILE_BYTES) {
        return { problem: `larger than the ${MAX_RULE_FILE_BYTES}-byte limit for a rule file; skipped` };
      }
    }
    const buffer = Buffer.concat(chunks, length);
    if (buffer.subarray(0, length).includes(0)) return { problem: 'holds NUL bytes: not a YAML text file; skipped' };
    return buffer.subarray(0, length).toString('utf8');
  } catch (error) {
    return { problem: `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  } finally {
    await handle.close().catch(() => undefined);
  }
}
