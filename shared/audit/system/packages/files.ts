/** Reading a package database through a target's filesystem, telling "not there" from "could not read". */
import { isAbsent, type TargetFileSystem } from '../../target.ts';

/**
 * The file's bytes, or undefined when the target has no such file. Any other failure (EACCES, EIO,
 * a file over `maxBytes`) rejects with a message naming the file: a database that is there but
 * unreadable must never read as "no packages".
 */
export async function readIfPresent(fs: TargetFileSystem, file: string, maxBytes: number): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(file, { maxBytes });
  } catch (error) {
    if (isAbsent(error)) return undefined;
    const e = error as NodeJS.ErrnoException;
    throw new Error(e.code === 'EFBIG' ? e.message : `could not read ${file}: ${e.code ?? e.message}`, {
      cause: error,
    });
  }
}

/** A directory's entry names, or undefined when there is no such directory. */
export async function listIfPresent(fs: TargetFileSystem, dir: string): Promise<string[] | undefined> {
  if (!fs.readDir) return undefined;
  try {
    return await fs.readDir(dir);
  } catch (error) {
    if (isAbsent(error)) return undefined;
    const e = error as NodeJS.ErrnoException;
    throw new Error(`could not list ${dir}: ${e.code ?? e.message}`, { cause: error });
  }
}
