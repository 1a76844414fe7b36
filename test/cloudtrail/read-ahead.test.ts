// The read-ahead worker (shared/cloudtrail/sources/read-ahead.ts) reads and inflates small log files
// on a second thread. It must give exactly the bytes the main thread would, and leave every other
// case (big files, gzip bombs, missing or empty files, folders) to the caller, which reads them its
// own bounded way and names the problem.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { startReadAhead, TINY_FILE } from '../../shared/cloudtrail/sources/read-ahead.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'telltale-read-ahead-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const records = (n: number) =>
  JSON.stringify({ Records: Array.from({ length: n }, (_, i) => ({ eventID: `e${i}`, eventName: 'GetObject' })) });

test('small gzip and plain files come back as the main thread would read them, with their mtime', async () => {
  const ahead = startReadAhead();
  try {
    const files: string[] = [];
    for (let i = 0; i < 100; i++) {
      const file = path.join(dir, `f${i}.json${i % 3 ? '.gz' : ''}`);
      const text = records(1 + (i % 20));
      writeFileSync(file, i % 3 ? gzipSync(text) : text);
      files.push(file);
    }
    // All asked for at once, as the folder walk does: they travel in batches.
    const got = await Promise.all(files.map((f) => ahead.read(f)));
    for (const [i, file] of files.entries()) {
      const raw = readFileSync(file);
      const expected = i % 3 ? gunzipSync(raw) : raw;
      assert.ok(got[i], file);
      assert.ok(got[i]!.bytes.equals(expected), file);
      assert.equal(got[i]!.modifiedMs, statSync(file).mtimeMs);
    }
  } finally {
    await ahead.close();
  }
});

test('big files, gzip bombs, missing and empty files and folders are left to the caller', async () => {
  const big = path.join(dir, 'big.json');
  writeFileSync(big, records(4000));
  assert.ok(statSync(big).size > TINY_FILE);
  const bomb = path.join(dir, 'bomb.json.gz');
  writeFileSync(bomb, gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)));
  assert.ok(statSync(bomb).size <= TINY_FILE);
  const empty = path.join(dir, 'empty.json.gz');
  writeFileSync(empty, '');
  const truncated = path.join(dir, 'cut.json.gz');
  writeFileSync(truncated, gzipSync(records(50)).subarray(0, 40));
  const folder = path.join(dir, 'folder.json.gz');
  mkdirSync(folder);
  const ahead = startReadAhead();
  try {
    for (const file of [big, bomb, empty, truncated, folder, path.join(dir, 'missing.json.gz')]) {
      assert.equal(await ahead.read(file), undefined, file);
    }
  } finally {
    await ahead.close();
  }
});

test('after close every read answers undefined at once', async () => {
  const ahead = startReadAhead();
  await ahead.close();
  const file = path.join(dir, 'late.json');
  writeFileSync(file, records(1));
  assert.equal(await ahead.read(file), undefined);
});
