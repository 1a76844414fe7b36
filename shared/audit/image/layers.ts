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
  const p = `/${e.name}`;
  const slash = p.lastIndexOf('/');
  const dir = p.slice(0, slash) || '/';
  const base = p.slice(slash + 1);
  if (base === OPAQUE) {
    index.opaque.push(dir);
    return;
  }
  if (base.startsWith(WHITEOUT)) {
    index.whiteouts.push(`${dir === '/' ? '' : dir}/${base.slice(WHITEOUT.length)}`);
    return;
  }
  if (e.type === 'hardlink') {
    index.hardlinks.push({
      path: p,
      target: `/${e.linkname.replace(/^\.?\/+/, '')}`,
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
    path: e.name === '' ? '/' : p,
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

function removeTree(files: Map<string, ImageNode>, p: string, keepSelf: boolean): void {
  if (!keepSelf) files.delete(p);
  const prefix = p === '/' ? '/' : `${p}/`;
  for (const k of files.keys()) if (k.startsWith(prefix) && k !== '/') files.delete(k);
}

/** The merged view of layers applied bottom to top. */
export class ImageTree {
  readonly files = new Map<string, ImageNode>();
  #children: Map<string, Set<string>> | undefined;

  apply(index: LayerIndex): void {
    this.#children = undefined;
    // Deletions first: they act on the layers below, never on this layer's own entries.
    for (const dir of index.opaque) removeTree(this.files, dir, true);
    for (const p of index.whiteouts) removeTree(this.files, p, false);
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
      if (existing?.type === 'directory' && added.type !== 'directory') removeTree(this.files, added.path, false);
      this.files.set(added.path, added);
    }
  }

  #childIndex(): Map<string, Set<string>> {
    if (this.#children) return this.#children;
    const children = new Map<string, Set<string>>();
    for (const p of this.files.keys()) {
      let child = p;
      while (child !== '/') {
        const parent = child.slice(0, child.lastIndexOf('/')) || '/';
        let set = children.get(parent);
        if (!set) children.set(parent, (set = new Set()));
        const name = child.slice(child.lastIndexOf('/') + 1);
        if (set.has(name)) break;
        set.add(name);
        child = parent;
      }
    }
    this.#children = children;
    return children;
  }

  /** A node, or a directory implied by its children (tar files may omit directory entries). */
  node(p: string): ImageNode | undefined {
    const n = this.files.get(p);
    if (n) return n;
    if (p === '/' || this.#childIndex().has(p))
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
    return [...(this.#childIndex().get(n.path) ?? [])].sort();
  }

  /**
   * Resolves `p` inside the image root: every symlink in the parents is followed, the last one
   * only when `followLast`. Undefined when a component is missing or links loop.
   */
  resolve(p: string, followLast: boolean): ImageNode | undefined {
    const parts = p.split('/').filter((s) => s && s !== '.');
    let current = '/';
    let hops = 0;
    while (parts.length) {
      const name = parts.shift()!;
      if (name === '..') {
        current = current === '/' ? '/' : current.slice(0, current.lastIndexOf('/')) || '/';
        continue;
      }
      const next = current === '/' ? `/${name}` : `${current}/${name}`;
      const node = this.node(next);
      if (!node) return undefined;
      if (node.type === 'symlink' && (parts.length > 0 || followLast)) {
        if (++hops > 40) return undefined; // ELOOP, as the kernel's limit
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
