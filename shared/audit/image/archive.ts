/**
 * Opens what `docker save`, `podman save` and OCI tools write, in-process and streaming, and hands
 * back the image config and its layers indexed:
 * - docker-archive: a tar with `manifest.json` (`[{Config, RepoTags, Layers}]`), the config JSON and
 *   one tar per layer; Docker ≥ 25 also lays the same blobs out as an OCI layout;
 * - oci-archive: a tar of an OCI image layout (`oci-layout`, `index.json`, `blobs/<alg>/<hex>`);
 * - an OCI image layout directory;
 * any of the archives possibly gzip- or zstd-compressed as a whole.
 *
 * Reading plan: an uncompressed archive file is walked by its tar headers alone (positional
 * reads); an uncompressed layer inside it is indexed the same way, so its file bytes are read only
 * when a control asks, at their offset. A compressed layer (or a compressed archive) is streamed
 * once; small files and the databases audits read are kept while streaming, anything else is
 * fetched later by streaming that layer again, once for all the files asked for at the same time.
 */
import { createReadStream, promises as fsp, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../../util/errors.ts';
import { ByteReader } from './bytes.ts';
import { decompress, detectCompression, peek, type Compression } from './decompress.ts';
import { addEntry, emptyLayer, LayerPathError, type LayerIndex } from './layers.ts';
import { readRange, readTarStream, scanTarFile, type TarEntry } from './tar.ts';

/** Files kept in memory while a layer streams by, whatever their size: what audits read most. */
const ALWAYS_KEEP = [
  /^etc\/(passwd|group|os-release)$/,
  /^usr\/lib\/os-release$/,
  /^var\/lib\/dpkg\/status$/,
  /^var\/lib\/dpkg\/status\.d\/[^/]+$/,
  /^lib\/apk\/db\/installed$/,
  /^(var\/lib\/rpm|usr\/lib\/sysimage\/rpm)\/rpmdb\.sqlite(-wal)?$/,
];
/** Smaller files of a compressed layer are kept too: fetching one later means streaming the layer again. */
const SMALL_FILE = 16 * 1024;
/**
 * What one image may keep in memory while indexing, so no image (150k small files, a 10 GB
 * /etc/passwd, a gzip bomb) can make telltale hold more: small files up to SMALL_BUDGET in all, the
 * files audits read most up to KEEP_BUDGET in all (each at most KEEP_FILE). Past a budget, a file's
 * bytes are fetched again from its layer when a control asks for them.
 */
const SMALL_BUDGET = 32 * 1024 * 1024;
const KEEP_BUDGET = 256 * 1024 * 1024;
const KEEP_FILE = 128 * 1024 * 1024;
/** Archive members read whole (manifests, configs, indexes). */
const SMALL_BLOB = 4 * 1024 * 1024;
/** All manifests and configs of a compressed archive, kept while it streams by. */
const JSON_BUDGET = 64 * 1024 * 1024;

/** Bytes an image may still keep (shared by its layers, indexed concurrently). */
interface KeepBudget {
  small: number;
  keep: number;
}
const newBudget = (): KeepBudget => ({ small: SMALL_BUDGET, keep: KEEP_BUDGET });

function mayKeep(budget: KeepBudget, entry: TarEntry, keepSmall: boolean): boolean {
  if (entry.type !== 'file') return false;
  if (keepAlways(entry.name) && entry.size <= KEEP_FILE && entry.size <= budget.keep) {
    budget.keep -= entry.size;
    return true;
  }
  if (keepSmall && entry.size <= SMALL_FILE && entry.size <= budget.small) {
    budget.small -= entry.size;
    return true;
  }
  return false;
}

export interface ImageConfigJson {
  architecture?: string;
  os?: string;
  config?: {
    User?: string;
    Env?: string[] | null;
    ExposedPorts?: Record<string, unknown> | null;
    Entrypoint?: string[] | string | null;
    Cmd?: string[] | string | null;
    WorkingDir?: string;
    Labels?: Record<string, string> | null;
    Volumes?: Record<string, unknown> | null;
  };
}

export interface LoadedImage {
  format: 'docker-archive' | 'oci-archive' | 'oci-layout' | 'filesystem';
  config: ImageConfigJson;
  layers: LayerIndex[];
  /** Bytes of entries (by name in their layer) that were not kept while indexing. */
  readFiles(layer: number, names: { name: string; offset: number; size: number }[]): Promise<Map<string, Buffer>>;
  close(): Promise<void>;
}

/** Where a blob's bytes are: a range of a file, or an entry of a compressed archive streamed again. */
interface BlobRef {
  name: string;
  size: number;
  file?: { handle: FileHandle; offset: number };
  /** The raw (possibly compressed) bytes as a stream, from the start. */
  open(): AsyncIterable<Buffer>;
  /** Bytes kept whole (small blobs of a compressed archive). */
  bytes?: Buffer;
}

const keepAlways = (name: string) => ALWAYS_KEEP.some((re) => re.test(name));

/** Indexes a layer from a stream of its raw bytes. */
async function indexLayerStream(
  raw: AsyncIterable<Buffer>,
  layer: number,
  budget: KeepBudget,
  options: { keepSmall?: boolean } = {},
): Promise<{ index: LayerIndex; compression: Compression }> {
  const { head, stream } = await peek(raw, 4);
  const compression = detectCompression(head);
  const keepSmall = options.keepSmall ?? compression !== 'none';
  const index = emptyLayer();
  const reader = new ByteReader(decompress(stream, compression));
  try {
    for await (const { entry, body } of readTarStream(reader)) {
      // A copy: the body may be a view into a decompressed chunk, which it would keep alive whole.
      addEntry(index, layer, entry, mayKeep(budget, entry, keepSmall) ? Buffer.from(await body()) : undefined);
    }
  } finally {
    await reader.close();
  }
  return { index, compression };
}

/** Indexes an uncompressed layer held in a file, by its headers alone. */
async function indexLayerFile(
  handle: FileHandle,
  start: number,
  end: number,
  layer: number,
  budget: KeepBudget,
): Promise<LayerIndex> {
  const index = emptyLayer();
  for await (const entry of scanTarFile(handle, start, end)) {
    if (entry.type === 'file' && entry.dataOffset + entry.size > end)
      throw new Error(`the layer ends inside ${JSON.stringify(entry.name.slice(0, 200))}`);
    const keep = mayKeep(budget, entry, false);
    // Offsets are kept relative to the layer, as for streamed layers.
    const rel: TarEntry = { ...entry, dataOffset: entry.dataOffset - start };
    addEntry(index, layer, rel, keep ? await readRange(handle, entry.dataOffset, entry.size) : undefined);
  }
  return index;
}

/** Reads the named entries out of a layer by streaming it again (decompressing as needed). */
async function readFromStream(raw: AsyncIterable<Buffer>, names: Set<string>): Promise<Map<string, Buffer>> {
  const { head, stream } = await peek(raw, 4);
  const reader = new ByteReader(decompress(stream, detectCompression(head)));
  const out = new Map<string, Buffer>();
  try {
    for await (const { entry, body } of readTarStream(reader)) {
      if (names.has(entry.name) && entry.type === 'file') out.set(entry.name, Buffer.from(await body()));
      if (out.size === names.size) break;
    }
  } finally {
    await reader.close();
  }
  return out;
}

async function* fileRange(file: string, start: number, size: number): AsyncGenerator<Buffer> {
  if (size === 0) return;
  yield* createReadStream(file, { start, end: start + size - 1, highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>;
}

function parseJson<T>(bytes: Buffer | undefined, what: string, where: string): T {
  if (!bytes) throw new InputError(`the image has no ${what}`, { location: { file: where } });
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch {
    // V8's message quotes the text it choked on: never echo bytes that may not be the image's own.
    throw new InputError(`the image's ${what} is not JSON`, { location: { file: where } });
  }
}

interface OciDescriptor {
  mediaType?: string;
  digest: string;
  platform?: { os?: string; architecture?: string };
  annotations?: Record<string, string>;
}

const GOARCH: Record<string, string> = {
  x64: 'amd64',
  arm64: 'arm64',
  arm: 'arm',
  ppc64: 'ppc64le',
  s390x: 's390x',
  ia32: '386',
};

/** The descriptor for this machine's platform, skipping attestation manifests (`unknown/unknown`). */
function pickManifest(manifests: OciDescriptor[]): OciDescriptor | undefined {
  const usable = manifests.filter((m) => m.platform?.os !== 'unknown' && !m.annotations?.['vnd.docker.reference.type']);
  const arch = GOARCH[process.arch] ?? process.arch;
  return (
    usable.find((m) => m.platform?.os === 'linux' && m.platform.architecture === arch) ??
    usable.find((m) => !m.platform) ??
    usable[0]
  );
}

/** OCI image-spec descriptor.md "Registered algorithms": sha256 (64 hex), sha512 (128 hex), lower case. */
const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;

/** Shown in a message: quoted, cut short, never a raw line of someone else's bytes. */
const quoted = (v: unknown) => JSON.stringify(typeof v === 'string' ? v.slice(0, 100) : String(v).slice(0, 100));

const blobName = (digest: unknown) => {
  if (typeof digest !== 'string' || !DIGEST.test(digest))
    throw new InputError(`the image names a blob with a malformed digest ${quoted(digest)}`, {
      hint: 'an OCI digest is sha256:<64 hex> or sha512:<128 hex>; a blob is read from blobs/<alg>/<hex> and nowhere else',
    });
  const [alg, hex] = digest.split(':');
  return `blobs/${alg}/${hex}`;
};

/** A member path a docker-archive manifest.json names: relative, and never climbing out of the archive. */
function memberName(name: unknown, field: string): string {
  if (typeof name !== 'string' || name === '' || name.startsWith('/') || name.includes('\0'))
    throw new InputError(`manifest.json ${field} ${quoted(name)} is not a relative path inside the image`);
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.includes('..'))
    throw new InputError(`manifest.json ${field} ${quoted(name)} climbs out of the image`, {
      hint: 'docker save names members like <hex>/layer.tar or blobs/sha256/<hex>',
    });
  return parts.join('/');
}

/** The config and layer members of an image, as the archive's manifests name them. */
async function resolveManifest(
  get: (name: string) => Promise<Buffer | undefined>,
  where: string,
): Promise<{ format: 'docker-archive' | 'oci'; config: string; layers: string[] }> {
  const docker = await get('manifest.json');
  if (docker) {
    const m = parseJson<{ Config?: string; Layers?: string[] }[] | null>(docker, 'manifest.json', where);
    const first = Array.isArray(m) ? m[0] : undefined;
    if (first?.Config && Array.isArray(first.Layers))
      return {
        format: 'docker-archive',
        config: memberName(first.Config, 'Config'),
        layers: first.Layers.map((l, i) => memberName(l, `Layers[${i}]`)),
      };
  }
  const index = await get('index.json');
  if (!index)
    throw new InputError('neither a docker-archive (no manifest.json) nor an OCI layout (no index.json)', {
      location: { file: where },
      hint: 'pass what `docker save`, `podman save --format docker-archive|oci-archive|oci-dir` or `skopeo copy … oci:DIR` writes',
    });
  let descriptor = pickManifest(parseJson<{ manifests?: OciDescriptor[] }>(index, 'index.json', where).manifests ?? []);
  for (let depth = 0; descriptor && depth < 4; depth++) {
    const body = parseJson<{
      mediaType?: string;
      manifests?: OciDescriptor[];
      config?: OciDescriptor;
      layers?: OciDescriptor[];
    }>(await get(blobName(descriptor.digest)), `manifest ${descriptor.digest}`, where);
    if (body.manifests) {
      descriptor = pickManifest(body.manifests); // a nested index (containerd image store)
      continue;
    }
    if (!body.config || !Array.isArray(body.layers)) break;
    return { format: 'oci', config: blobName(body.config.digest), layers: body.layers.map((l) => blobName(l.digest)) };
  }
  throw new InputError('the OCI index names no image manifest for this platform', { location: { file: where } });
}

/** Opens `file` (an archive, possibly compressed) or an OCI layout directory. */
export async function loadImage(location: string): Promise<LoadedImage> {
  let st: Stats;
  try {
    st = await fsp.stat(location);
  } catch (error) {
    throw new InputError(`cannot open the image: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
      location: { file: location },
      hint: 'pass the path of a `docker save` / `podman save` archive or an OCI layout directory',
    });
  }
  if (st.isDirectory()) return loadLayoutDir(location);
  // A FIFO or a device would be read forever (or block): an image is a file or a directory.
  if (!st.isFile())
    throw new InputError('the image is neither a regular file nor a directory', {
      location: { file: location },
      hint: 'pass the path of a `docker save` / `podman save` archive or an OCI layout directory',
    });
  const handle = await fsp.open(location, 'r');
  try {
    const head = await readRange(handle, 0, Math.min(4, st.size));
    if (detectCompression(head) !== 'none') {
      await handle.close();
      return await loadCompressedArchive(location);
    }
    return await loadTarArchive(location, handle);
  } catch (error) {
    await handle.close().catch(() => {});
    throw asInputError(error, location);
  }
}

function asInputError(error: unknown, location: string): unknown {
  if (error instanceof InputError) return error;
  return new InputError(`cannot read the image: ${(error as Error).message}`, { location: { file: location } });
}

async function indexBlobs(blobs: BlobRef[]): Promise<{ layers: LayerIndex[]; compressions: Compression[] }> {
  const compressions: Compression[] = [];
  const budget = newBudget();
  const layers = await Promise.all(
    blobs.map(async (b, i) => {
      if (b.file) {
        const head = await readRange(b.file.handle, b.file.offset, Math.min(4, b.size));
        compressions[i] = detectCompression(head);
        if (compressions[i] === 'none')
          return indexLayerFile(b.file.handle, b.file.offset, b.file.offset + b.size, i, budget);
      }
      const r = await indexLayerStream(b.open(), i, budget);
      compressions[i] = r.compression;
      return r.index;
    }),
  );
  return { layers, compressions };
}

function imageFrom(
  format: LoadedImage['format'],
  config: ImageConfigJson,
  blobs: BlobRef[],
  layers: LayerIndex[],
  compressions: Compression[],
  close: () => Promise<void>,
): LoadedImage {
  return {
    format,
    config,
    layers,
    async readFiles(layer, names) {
      const blob = blobs[layer]!;
      if (blob.file && compressions[layer] === 'none') {
        const out = new Map<string, Buffer>();
        for (const n of names) out.set(n.name, await readRange(blob.file.handle, blob.file.offset + n.offset, n.size));
        return out;
      }
      return readFromStream(blob.bytes ? oneChunk(blob.bytes) : blob.open(), new Set(names.map((n) => n.name)));
    },
    close,
  };
}

async function* oneChunk(b: Buffer): AsyncGenerator<Buffer> {
  yield b;
}

async function loadTarArchive(location: string, handle: FileHandle): Promise<LoadedImage> {
  const members = new Map<string, TarEntry>();
  for await (const e of scanTarFile(handle)) if (e.type === 'file' || e.type === 'symlink') members.set(e.name, e);
  const get = async (name: string): Promise<Buffer | undefined> => {
    let e = members.get(name);
    // Docker ≥ 25 writes the legacy layer paths as symlinks into blobs/.
    if (e?.type === 'symlink')
      e = members.get(path.posix.normalize(path.posix.join(path.posix.dirname(name), e.linkname)));
    return e && e.size <= SMALL_BLOB ? readRange(handle, e.dataOffset, e.size) : undefined;
  };
  const m = await resolveManifest(get, location);
  const config = parseJson<ImageConfigJson>(await get(m.config), 'config', location);
  const blobs = m.layers.map((name): BlobRef => {
    let e = members.get(name);
    if (e?.type === 'symlink')
      e = members.get(path.posix.normalize(path.posix.join(path.posix.dirname(name), e.linkname)));
    if (!e)
      throw new InputError(`the image's manifest names layer ${quoted(name)}, which the archive lacks`, {
        location: { file: location },
      });
    const entry = e;
    return {
      name,
      size: entry.size,
      file: { handle, offset: entry.dataOffset },
      open: () => fileRange(location, entry.dataOffset, entry.size),
    };
  });
  const { layers, compressions } = await indexBlobs(blobs);
  return imageFrom(m.format === 'oci' ? 'oci-archive' : 'docker-archive', config, blobs, layers, compressions, () =>
    handle.close(),
  );
}

/**
 * The real path of `name` inside layout `root` (itself a real path), refusing one that a symlink
 * (or `..`) takes outside: an OCI layout is read from itself and nowhere else.
 */
async function insideLayout(root: string, name: string): Promise<string | undefined> {
  let real: string;
  try {
    real = await fsp.realpath(path.join(root, name));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new InputError(`cannot read ${quoted(name)} in the layout: ${code ?? 'error'}`, { location: { file: root } });
  }
  if (real !== root && !real.startsWith(`${root}${path.sep}`))
    throw new InputError(`${quoted(name)} in the layout is a link to a file outside it`, {
      location: { file: root },
      hint: 'an OCI layout is read from its own directory only; copy the blobs in instead of linking them',
    });
  return real;
}

async function loadLayoutDir(location: string): Promise<LoadedImage> {
  const handles: FileHandle[] = [];
  const dir = await fsp.realpath(location);
  const get = async (name: string) => {
    const full = await insideLayout(dir, name);
    if (!full) return undefined;
    const st = await fsp.stat(full);
    if (!st.isFile())
      throw new InputError(`${quoted(name)} in the layout is not a regular file`, { location: { file: dir } });
    return st.size <= SMALL_BLOB ? await fsp.readFile(full) : undefined;
  };
  try {
    const m = await resolveManifest(get, dir);
    const config = parseJson<ImageConfigJson>(await get(m.config), 'config', dir);
    const blobs: BlobRef[] = [];
    for (const name of m.layers) {
      const full = await insideLayout(dir, name);
      if (!full)
        throw new InputError(`the image's manifest names layer ${quoted(name)}, which the layout lacks`, {
          location: { file: dir },
        });
      const handle = await fsp.open(full, 'r');
      handles.push(handle);
      const st = await handle.stat();
      if (!st.isFile())
        throw new InputError(`layer ${quoted(name)} in the layout is not a regular file`, { location: { file: dir } });
      const size = st.size;
      blobs.push({ name, size, file: { handle, offset: 0 }, open: () => fileRange(full, 0, size) });
    }
    const { layers, compressions } = await indexBlobs(blobs);
    return imageFrom('oci-layout', config, blobs, layers, compressions, async () => {
      await Promise.all(handles.map((h) => h.close()));
    });
  } catch (error) {
    await Promise.all(handles.map((h) => h.close().catch(() => {})));
    throw asInputError(error, dir);
  }
}

/** Streams the compressed archive from the start and returns the raw bytes of member `name`. */
async function* memberOfCompressed(location: string, name: string): AsyncGenerator<Buffer> {
  const { head, stream } = await peek(createReadStream(location) as AsyncIterable<Buffer>, 4);
  const reader = new ByteReader(decompress(stream, detectCompression(head)));
  try {
    for await (const { entry, stream: body } of readTarStream(reader)) {
      if (entry.name === name) {
        yield* body();
        return;
      }
    }
  } finally {
    await reader.close();
  }
}

/** True when a member's first bytes look like a tar (POSIX ustar magic at 257) or a compressed stream. */
function looksLikeLayer(head: Buffer): boolean {
  return detectCompression(head) !== 'none' || head.toString('latin1', 257, 262) === 'ustar';
}

/**
 * A compressed archive cannot be read at offsets: it is streamed once, every member that could be a
 * layer is indexed as it passes (the manifest that says which ones are layers comes last in
 * `docker save` output), and only the members that may be manifests or configs (JSON, at most
 * SMALL_BLOB each and JSON_BUDGET in all) are kept to read the manifests from.
 */
async function loadCompressedArchive(location: string): Promise<LoadedImage> {
  const { head, stream } = await peek(createReadStream(location) as AsyncIterable<Buffer>, 4);
  const reader = new ByteReader(decompress(stream, detectCompression(head)));
  const small = new Map<string, Buffer>();
  const indexed = new Map<string, LayerIndex>();
  const unreadable = new Map<string, string>();
  const links = new Map<string, string>();
  const budget = newBudget();
  let jsonLeft = JSON_BUDGET;
  try {
    for await (const { entry, stream: rest } of readTarStream(reader)) {
      if (entry.type === 'symlink')
        links.set(entry.name, path.posix.normalize(path.posix.join(path.posix.dirname(entry.name), entry.linkname)));
      if (entry.type !== 'file') continue;
      const member = await peek(rest(), 512);
      if (!looksLikeLayer(member.head) && entry.size <= SMALL_BLOB) {
        if (entry.size > jsonLeft)
          throw new InputError(`the archive holds more than ${JSON_BUDGET} bytes of manifests and configs`, {
            hint: 'decompress the archive first: an uncompressed one is read at offsets, without keeping members',
          });
        jsonLeft -= entry.size;
        const parts: Buffer[] = [];
        for await (const c of member.stream) parts.push(c);
        small.set(entry.name, Buffer.concat(parts));
        continue;
      }
      try {
        indexed.set(entry.name, (await indexLayerStream(member.stream, -1, budget, { keepSmall: true })).index);
      } catch (error) {
        if (error instanceof LayerPathError) throw error;
        unreadable.set(entry.name, (error as Error).message);
      }
    }
  } catch (error) {
    throw asInputError(error, location);
  } finally {
    await reader.close();
  }
  const real = (name: string) => links.get(name) ?? name;
  const m = await resolveManifest(async (n) => small.get(real(n)), location);
  const config = parseJson<ImageConfigJson>(small.get(real(m.config)), 'config', location);
  const blobs: BlobRef[] = [];
  const layers: LayerIndex[] = [];
  for (const [i, name] of m.layers.entries()) {
    const member = real(name);
    const index = indexed.get(member);
    if (!index) {
      const why = unreadable.get(member);
      throw new InputError(
        why
          ? `the image's layer ${quoted(name)} is not a readable tar: ${why}`
          : `the image's manifest names layer ${quoted(name)}, which the archive lacks`,
        { location: { file: location } },
      );
    }
    // Indexed before the layer order was known: number the entries now.
    for (const e of index.entries) e.layer = i;
    layers.push(index);
    blobs.push({ name: member, size: 0, open: () => memberOfCompressed(location, member) });
  }
  return imageFrom(
    m.format === 'oci' ? 'oci-archive' : 'docker-archive',
    config,
    blobs,
    layers,
    blobs.map(() => 'gzip'),
    async () => {},
  );
}

/**
 * A root filesystem as one uncompressed tar file (`podman export -o`, `docker export -o`): one
 * layer, indexed by its headers; file bytes are read at their offsets when asked for.
 */
export async function loadFilesystemTar(file: string, config: ImageConfigJson): Promise<LoadedImage> {
  const handle = await fsp.open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const index = await indexLayerFile(handle, 0, size, 0, newBudget());
    return {
      format: 'filesystem',
      config,
      layers: [index],
      async readFiles(_layer, names) {
        const out = new Map<string, Buffer>();
        for (const n of names) out.set(n.name, await readRange(handle, n.offset, n.size));
        return out;
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close().catch(() => {});
    throw asInputError(error, file);
  }
}
