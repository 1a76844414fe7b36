/**
 * The `image:PATH` and `oci:PATH` targets: a saved image read in-process, with no container engine
 * and no external tar or gzip. Files, users, groups and packages come from the layers merged into
 * one tree (shared/audit/image/); the `image:` section from the image config. Nothing here can
 * answer for a running system, so `live` is absent and those controls are skipped with the reason.
 */
import { loadImage, type ImageConfigJson, type LoadedImage } from '../image/archive.ts';
import { fileInfo, ImageTree, type ImageNode } from '../image/layers.ts';
import { readInstalledPackages } from '../system/packages/index.ts';
import { MAX_FILE_READ, tooLarge, type AuditTarget, type ImageConfig, type TargetFileSystem } from '../target.ts';

/** Files fetched once are kept when at most this big, so a second control on them is free. */
const CACHE_LIMIT = 1024 * 1024;

export function imageConfigOf(json: ImageConfigJson): ImageConfig {
  const c = json.config ?? {};
  const list = (v: string[] | string | null | undefined) => (v == null ? undefined : Array.isArray(v) ? v : [v]);
  const env: Record<string, string> = {};
  for (const kv of c.Env ?? []) {
    const i = kv.indexOf('=');
    if (i > 0) env[kv.slice(0, i)] = kv.slice(i + 1);
  }
  const entrypoint = list(c.Entrypoint);
  const cmd = list(c.Cmd);
  return {
    ...(c.User ? { user: c.User } : {}),
    env,
    exposedPorts: Object.keys(c.ExposedPorts ?? {}).sort(),
    ...(entrypoint ? { entrypoint } : {}),
    ...(cmd ? { cmd } : {}),
    ...(c.WorkingDir ? { workdir: c.WorkingDir } : {}),
    labels: { ...(c.Labels ?? {}) },
  };
}

/** A filesystem over merged layers; file bytes not kept while indexing are fetched per layer, in batches. */
export function treeFileSystem(tree: ImageTree, image: Pick<LoadedImage, 'readFiles'>): TargetFileSystem {
  let pending = new Map<number, Map<string, { node: ImageNode; waiters: ((r: Buffer | Error) => void)[] }>>();
  let scheduled = false;
  const flush = async () => {
    const batch = pending;
    pending = new Map();
    scheduled = false;
    await Promise.all(
      [...batch].map(async ([layer, wanted]) => {
        try {
          const got = await image.readFiles(
            layer,
            [...wanted.values()].map((w) => ({
              name: w.node.sourceName,
              offset: w.node.dataOffset,
              size: w.node.size,
            })),
          );
          for (const w of wanted.values()) {
            const bytes = got.get(w.node.sourceName);
            if (bytes && w.node.size <= CACHE_LIMIT) w.node.content = bytes;
            for (const done of w.waiters) done(bytes ?? new Error(`${w.node.path}: not found in its layer`));
          }
        } catch (error) {
          for (const w of wanted.values()) for (const done of w.waiters) done(error as Error);
        }
      }),
    );
  };
  const fetch = (node: ImageNode) =>
    new Promise<Buffer>((resolve, reject) => {
      let layer = pending.get(node.layer);
      if (!layer) pending.set(node.layer, (layer = new Map()));
      let w = layer.get(node.sourceName);
      if (!w) layer.set(node.sourceName, (w = { node, waiters: [] }));
      w.waiters.push((r) => (r instanceof Error ? reject(r) : resolve(r)));
      if (!scheduled) {
        scheduled = true;
        // Controls are observed concurrently: wait a turn so their reads share one pass over a layer.
        setImmediate(() => void flush());
      }
    });
  return {
    stat: async (p, options) => {
      const node = tree.resolve(p, options?.follow === true);
      return node ? fileInfo(p, node) : undefined;
    },
    readFile: async (p, options) => {
      const node = tree.resolve(p, true);
      if (!node) throw Object.assign(new Error(`ENOENT: ${p} is not in the image`), { code: 'ENOENT' });
      if (node.type !== 'file') throw Object.assign(new Error(`EISDIR: ${p} is a ${node.type}`), { code: 'EISDIR' });
      const limit = options?.maxBytes ?? MAX_FILE_READ;
      if (node.size > limit) throw tooLarge(p, node.size, limit);
      if (node.content) return node.content;
      if (node.size === 0) return Buffer.alloc(0);
      return fetch(node);
    },
    readDir: async (p) => {
      const names = tree.list(p);
      if (!names) throw Object.assign(new Error(`ENOENT: ${p} is not a directory in the image`), { code: 'ENOENT' });
      return names;
    },
  };
}

/** Opens a saved image (docker-archive, oci-archive, OCI layout directory; gzip or zstd). */
export async function openImageTarget(location: string, label = `image ${location}`): Promise<AuditTarget> {
  const image = await loadImage(location);
  return targetFromImage(image, label);
}

export function targetFromImage(image: LoadedImage, description: string): AuditTarget {
  const tree = new ImageTree();
  for (const layer of image.layers) tree.apply(layer);
  const fs = treeFileSystem(tree, image);
  return {
    kind: 'image',
    description,
    fs,
    packages: () => readInstalledPackages(fs),
    imageConfig: imageConfigOf(image.config),
    close: () => image.close(),
  };
}
