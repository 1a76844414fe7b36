/**
 * An image's filesystem as its layers build it, without extracting anything: each layer is indexed
 * (path → type, mode, owner, size, where its bytes are), then the layers are applied in order as
 * the OCI image spec's layer.md "Applying Changesets" says:
 * - `.wh.<name>` deletes `<name>` (and everything under it) from the layers below, and is itself hidden;
 * - `.wh..wh..opq` hides every child its directory had in the layers below, whatever the order of
 *   the entries in its own layer; neither form hides files of its own layer;
 * - an entry replaces what was at its path; a non-directory replacing a directory drops its subtree;
 * - a hard link names a file of the same or a lower layer and shares its bytes.
 * Symlinks are resolved inside the image root (an absolute target starts at the image root, `..`
 * stops there), so nothing on the host is ever read through an image's link.
 */
import type { FileInfo, FileType } from '../target.ts';
import type { TarEntry } from './tar.ts';

export interface ImageNode {
  /** '/etc/passwd'; '/' for the root. */
  path: string;
  type: FileType;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  linkTarget?: string;
  /** Which layer holds the bytes, and the entry's name there (a hard link shares its target's). */
  layer: number;
  sourceName: string;
  /** Offset of the bytes in the layer's (decompressed) tar stream. */
  dataOffset: number;
  /** The bytes, when captured while indexing. */
  content?: Buffer;
}

export interface LayerIndex {
  entries: ImageNode[];
  /** Paths deleted from lower layers by `.wh.` files. */
  whiteouts: string[];
  /** Directories whose lower-layer children are hidden (`.wh..wh..opq`). */
  opaque: string[];
  /** Hard links: path → the path they link to (resolved at merge time). */
  hardlinks: { path: string; target: string; mode: number; uid: number; gid: number; mtime: number }[];
}

const WHITEOUT = '.wh.';

/** A layer entry whose name climbs out of the image root. */
export class LayerPathError extends Error {
  constructor(name: string) {
    super(`a layer entry named ${JSON.stringify(name.slice(0, 200))} climbs out of the image root`);
    this.name = 'LayerPathError';
  }
}

/** Hard link names are relative to the archive root (tar(5)); one that climbs out cannot exist. */
function hardlinkTarget(linkname: string): string {
  const inside = insideRoot(linkname);
  if (inside === undefined) throw new LayerPathError(linkname);
  return inside;
}
const OPAQUE = '.wh..wh..opq';

const TAR_TYPE: Record<Exclude<TarEntry['type'], 'hardlink'>, FileType> = {
  file: 'file',
  symlink: 'symlink',
  'character-device': 'character-device',
  'block-device': 'block-device',
  directory: 'directory',
  pipe: 'pipe',
};

export function emptyLayer(): LayerIndex {
  return { entries: [], whiteouts: [], opaque: [], hardlinks: [] };
}

/** Adds one tar entry of layer `layer` to its index; `content` when the caller captured the bytes. */
export function addEntry(index: LayerIndex, layer: number, e: TarEntry, content?: Buffer): void {
  const inside = insideRoot(e.name);
  // A container engine refuses such a layer ("breakout"); reading it as some other path would lie.
  if (inside === undefined) throw new LayerPathError(e.name);
  const p = inside === '/' ? '/' : inside;
  const slash = p.lastIndexOf('/');
  const dir = p.slice(0, slash) || '/';
  const base = p.slice(slash + 1);
  if (base === OPAQUE) {
    index.opaque.push(dir);
    return;
  }
  if (base.startsWith(WHITEOUT)) {
    const hidden = base.slice(WHITEOUT.length);
    if (hidden === '' || hidden === '.' || hidden === '..') return; // names nothing
    index.whiteouts.push(`${dir === '/' ? '' : dir}/${base.slice(WHITEOUT.length)}`);
    return;
  }
  if (e.type === 'hardlink') {
    index.hardlinks.push({
      path: p,
      target: hardlinkTarget(e.linkname),
      mode: e.mode,
      uid: e.uid,
      gid: e.gid,
      mtime: e.mtime,
    });
    // Keep the link's place in the entry order: it is resolved when the layer is applied.
    index.entries.push({
      path: p,
      type: 'file',
      mode: e.mode,
      uid: e.uid,
      gid: e.gid,
      size: -1,
      mtime: e.mtime,
      layer,
      sourceName: '',
      dataOffset: -1,
    });
    return;
  }
  const node: ImageNode = {
    path: p,
    type: TAR_TYPE[e.type],
    mode: e.mode,
    uid: e.uid,
    gid: e.gid,
    size: e.type === 'file' ? e.size : 0,
    mtime: e.mtime,
    layer,
    sourceName: e.name,
    dataOffset: e.dataOffset,
  };
  if (e.type === 'symlink') node.linkTarget = e.linkname;
  if (content) node.content = content;
  index.entries.push(node);
}

/** A path inside the image root, or undefined when it climbs out of it (`../x`, `a/../../x`). */
export function insideRoot(name: string): string | undefined {
  const out: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return `/${out.join('/')}`;
}

const parentOf = (p: string) => p.slice(0, p.lastIndexOf('/')) || '/';
const baseOf = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** The kernel's limit on symlinks followed in one lookup (Linux MAXSYMLINKS). */
const MAX_SYMLINKS = 40;

/**
 * The merged view of layers applied bottom to top. A child index is kept up to date with every
 * change, so a whiteout or an opaque directory costs the size of what it removes, never a scan of
 * the whole tree (100k whiteouts over 100k files stay linear).
 */
export class ImageTree {
  readonly files = new Map<string, ImageNode>();
  /** Directory → names of its children (implied directories included: tar files may omit them). */
  readonly #children = new Map<string, Set<string>>();

  #set(p: string, node: ImageNode): void {
    this.files.set(p, node);
    let child = p;
    while (child !== '/') {
      const parent = parentOf(child);
      let set = this.#children.get(parent);
      if (!set) this.#children.set(parent, (set = new Set()));
      else if (set.has(baseOf(child))) break;
      set.add(baseOf(child));
      child = parent;
    }
  }

  /** Removes what is below `p`, and `p` itself unless `keepSelf`. */
  #remove(p: string, keepSelf: boolean): void {
    const stack = [...(this.#children.get(p) ?? [])].map((n) => (p === '/' ? `/${n}` : `${p}/${n}`));
    if (keepSelf) this.#children.delete(p);
    while (stack.length) {
      const q = stack.pop()!;
      this.files.delete(q);
      const kids = this.#children.get(q);
      if (kids) {
        for (const n of kids) stack.push(`${q}/${n}`);
        this.#children.delete(q);
      }
    }
    if (keepSelf || p === '/') return;
    this.files.delete(p);
    this.#children.delete(p);
    // Unlink from the parent; an implied parent left with no children is gone too.
    let child = p;
    while (child !== '/') {
      const parent = parentOf(child);
      const set = this.#children.get(parent);
      if (!set) break;
      set.delete(baseOf(child));
      if (set.size > 0 || this.files.has(parent) || parent === '/') break;
      this.#children.delete(parent);
      child = parent;
    }
  }

  apply(index: LayerIndex): void {
    // Deletions first: they act on the layers below, never on this layer's own entries.
    for (const dir of index.opaque) this.#remove(dir, true);
    for (const p of index.whiteouts) this.#remove(p, false);
    const links = new Map(index.hardlinks.map((l) => [l.path, l]));
    for (const node of index.entries) {
      const link = node.size === -1 ? links.get(node.path) : undefined;
      let added = node;
      if (link) {
        const target = this.files.get(link.target);
        if (!target || target.type !== 'file') continue; // a dangling hard link: the entry cannot exist
        added = { ...target, path: link.path };
      }
      const existing = this.files.get(added.path);
      if (existing?.type === 'directory' && added.type !== 'directory') this.#remove(added.path, false);
      this.#set(added.path, added);
    }
  }

  /** A node, or a directory implied by its children (tar files may omit directory entries). */
  node(p: string): ImageNode | undefined {
    const n = this.files.get(p);
    if (n) return n;
    if (p === '/' || this.#children.has(p))
      return {
        path: p,
        type: 'directory',
        mode: 0o755,
        uid: 0,
        gid: 0,
        size: 0,
        mtime: 0,
        layer: -1,
        sourceName: '',
        dataOffset: -1,
      };
    return undefined;
  }

  list(p: string): string[] | undefined {
    const n = this.resolve(p, true);
    if (!n || n.type !== 'directory') return undefined;
    return [...(this.#children.get(n.path) ?? [])].sort();
  }

  /**
   * Resolves `p` inside the image root, as the kernel would inside the container (the root is its
   * own parent; an absolute link target starts at the image root): every symlink in the parents is
   * followed, the last one only when `followLast`. Undefined when a component is missing or is not a
   * directory (ENOENT, ENOTDIR: "no such file"); links that loop are an error (ELOOP), not absence.
   */
  resolve(p: string, followLast: boolean): ImageNode | undefined {
    const parts = p.split('/').filter((s) => s && s !== '.');
    let current = '/';
    let hops = 0;
    while (parts.length) {
      const name = parts.shift()!;
      if (name === '..') {
        current = parentOf(current);
        continue;
      }
      const next = current === '/' ? `/${name}` : `${current}/${name}`;
      const node = this.node(next);
      if (!node) return undefined;
      if (node.type === 'symlink' && (parts.length > 0 || followLast)) {
        if (++hops > MAX_SYMLINKS)
          throw Object.assign(new Error(`ELOOP: too many levels of symbolic links resolving ${p}`), { code: 'ELOOP' });
        const target = node.linkTarget ?? '';
        parts.unshift(...target.split('/').filter((s) => s && s !== '.'));
        if (target.startsWith('/')) current = '/';
        continue;
      }
      if (parts.length > 0 && node.type !== 'directory') return undefined;
      current = next;
    }
    return this.node(current);
  }
}

export function fileInfo(asked: string, node: ImageNode): FileInfo {
  return {
    path: asked,
    type: node.type,
    mode: node.mode,
    uid: node.uid,
    gid: node.gid,
    size: node.size,
    mtime: new Date(node.mtime * 1000),
    ...(node.linkTarget !== undefined ? { linkTarget: node.linkTarget } : {}),
  };
}
