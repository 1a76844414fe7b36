// One ncc build of one entry into one folder. Shared by scripts/build.mjs and the tests that bundle
// fixture actions, so both make bundles the same way.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ncc from '@vercel/ncc';

/**
 * @param {string} source absolute path of the entry .ts
 * @param {string} outDir absolute output folder (index.js, licenses.txt, package.json, assets)
 */
export async function bundle(source, outDir) {
  const { code, assets } = await ncc(source, {
    quiet: true,
    minify: false,
    sourceMap: false,
    license: 'licenses.txt',
    // The pcap native addon is never bundled: capture runs tcpdump out of process, and a .node
    // built for one Node ABI breaks under another (README "Design decisions").
    externals: ['pcap'],
    target: 'es2022',
  });
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'index.js'), code);
  for (const [name, asset] of Object.entries(assets ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    await mkdir(path.dirname(path.join(outDir, name)), { recursive: true });
    await writeFile(path.join(outDir, name), asset.source);
  }
}
