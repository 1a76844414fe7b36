/** The one duration parser (`--timeout 3s` here, `--since 24h` for CloudTrail): what people type. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDuration } from '../../shared/util/duration.ts';
import { InputError } from '../../shared/util/errors.ts';

describe('parseDuration', () => {
  it('reads units and combinations', () => {
    assert.equal(parseDuration('3s'), 3000);
    assert.equal(parseDuration('500ms'), 500);
    assert.equal(parseDuration('1.5s'), 1500);
    assert.equal(parseDuration('24h'), 86_400_000);
    assert.equal(parseDuration('1h30m'), 5_400_000);
    assert.equal(parseDuration('7d'), 604_800_000);
    assert.equal(parseDuration(' 2W '), 1_209_600_000);
  });

  it('a bare number is in the default unit (seconds unless told)', () => {
    assert.equal(parseDuration('3'), 3000);
    assert.equal(parseDuration('24', { defaultUnit: 'h' }), 86_400_000);
  });

  it('rejects what is not a duration, naming the flag', () => {
    for (const bad of ['', 's', '3 s', '3x', '-1s', '1h-30m', '3s3']) {
      assert.throws(
        () => parseDuration(bad, { what: '--timeout' }),
        (e: unknown) => e instanceof InputError && e.message.startsWith(`--timeout: '${bad}' is not a duration`),
        bad,
      );
    }
  });
});
