/**
 * The scan window as a reader of `--since` and `--until` expects it, and what a scan says when the
 * window holds nothing but the logs hold something elsewhere.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { emptyWindowHint } from '../../cli/commands/cloudtrail.ts';
import { runCloudTrailScan } from '../../shared/cloudtrail/run.ts';
import { parseWindow } from '../../shared/cloudtrail/window.ts';
import { repoRoot } from '../harness/runner.ts';

const SAMPLE = path.join(repoRoot, 'samples', 'cloudtrail');

describe('--since and --until', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');

  test('--since 24h --until T is the 24 hours before T, not "from a day ago until T"', () => {
    assert.deepEqual(parseWindow('24h', '2026-05-05T00:00Z', now), {
      start: Date.parse('2026-05-04T00:00:00Z'),
      end: Date.parse('2026-05-05T00:00:00Z'),
    });
    assert.deepEqual(parseWindow('90m', '2026-05-04T16:00:00+02:00', now), {
      start: Date.parse('2026-05-04T12:30:00Z'),
      end: Date.parse('2026-05-04T14:00:00Z'),
    });
  });

  test('without --until a duration still counts back from now; an ISO --since is absolute', () => {
    assert.deepEqual(parseWindow('24h', undefined, now), { start: now - 86_400_000 });
    assert.deepEqual(parseWindow('2026-05-04', '2026-05-05', now), {
      start: Date.parse('2026-05-04T00:00:00Z'),
      end: Date.parse('2026-05-05T00:00:00Z'),
    });
  });
});

describe('a window that holds nothing', () => {
  test('the bundled sample scanned for the 24 hours before 4 May 00:00 reads the day before the logs', async () => {
    // The sample's events are on 4 May 2026; the day before holds none.
    const report = await runCloudTrailScan({ source: SAMPLE, since: '24h', until: '2026-05-04T00:00Z' });
    assert.equal(report.stats.events, 0);
    assert.ok(report.stats.outside, 'the scan keeps the span of what lay outside');
    assert.match(report.stats.outside.first, /^2026-05-04/);
    const hint = emptyWindowHint(report, { since: '24h', until: '2026-05-04T00:00Z' });
    assert.match(
      hint ?? '',
      /no events in the window \(--since 24h --until 2026-05-04T00:00Z: 2026-05-03 00:00Z to 2026-05-04 00:00Z\)/,
    );
    assert.match(hint ?? '', /the logs found lie between 2026-05-04 \d\d:\d\dZ and 2026-05-0\d/);
    assert.match(hint ?? '', /hint: --since all/);
  });

  test('the same sample for the 24 hours before 5 May finds its events, and no hint is given', async () => {
    const report = await runCloudTrailScan({ source: SAMPLE, since: '24h', until: '2026-05-05T00:00Z' });
    assert.ok(report.stats.events > 100, String(report.stats.events));
    assert.equal(emptyWindowHint(report, { since: '24h', until: '2026-05-05T00:00Z' }), undefined);
  });

  test('an empty folder gives no hint either: there is nothing elsewhere to point at', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'telltale-window-'));
    try {
      const report = await runCloudTrailScan({ source: empty, since: '24h' });
      assert.equal(report.stats.outside, undefined);
      assert.equal(emptyWindowHint(report, { since: '24h' }), undefined);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
