// dist/ and action-docs/ are committed; they must be exactly what `npm run build` makes from the
// sources, or users run code nobody reviewed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../harness/runner.ts';

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

test('a fresh build is byte-identical to the committed dist/ and action-docs/', async () => {
  const out = await mkdtemp(path.join(tmpdir(), 'telltale-build-'));
  try {
    const build = spawnSync(process.execPath, ['scripts/build.mjs', '--out', out], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 15 * 60_000,
    });
    assert.equal(build.status, 0, `build failed:\n${build.stderr}`);
    for (const folder of ['dist', 'action-docs']) {
      const committed = await listFiles(path.join(repoRoot, folder));
      const fresh = await listFiles(path.join(out, folder));
      assert.deepEqual(committed, fresh, `${folder}/ file list differs from a fresh build: run npm run build`);
      for (const file of fresh) {
        const [a, b] = await Promise.all([
          readFile(path.join(repoRoot, folder, file)),
          readFile(path.join(out, folder, file)),
        ]);
        assert.ok(a.equals(b), `${folder}/${file} differs from a fresh build: run npm run build and commit it`);
      }
    }
    // The Marketplace's root action.yml is generated from actions/egress/action.yml.
    assert.equal(
      await readFile(path.join(repoRoot, 'action.yml'), 'utf8'),
      await readFile(path.join(out, 'action.yml'), 'utf8'),
      'action.yml (the Marketplace entry) differs from a fresh build: run npm run build and commit it',
    );
    // The README's screenshots were made from the pages the current renderers write.
    assert.equal(
      await readFile(path.join(repoRoot, 'docs', 'screenshots', 'pages.json'), 'utf8'),
      await readFile(path.join(out, 'docs', 'screenshots', 'pages.json'), 'utf8'),
      'docs/screenshots/ were made from other pages than the renderers write now: run npm run build and commit them',
    );
    for (const name of Object.keys(
      JSON.parse(await readFile(path.join(out, 'docs', 'screenshots', 'pages.json'), 'utf8')),
    )) {
      const png = await readFile(path.join(repoRoot, 'docs', 'screenshots', `${name}.png`));
      assert.ok(
        png.subarray(1, 4).toString() === 'PNG' && png.length > 10_000,
        `docs/screenshots/${name}.png is a real screenshot`,
      );
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
