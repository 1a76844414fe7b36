// One log file's bytes → records, whatever the packaging, one record in memory at a time; a bad
// file yields the records before the damage and a reason, never an exception.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { decodeLogBuffer, decodeLogStream, MAX_KEPT_DEPTH } from '../../shared/cloudtrail/sources/decode.ts';

const rec = (name: string, extra: Record<string, unknown> = {}) => ({
  eventID: `id-${name}`,
  eventName: name,
  eventTime: '2026-05-04T12:00:00Z',
  // Strings with the characters a naive splitter trips on: quotes, escapes, brackets.
  requestParameters: { note: 'a "quoted" \\ back}slash ]{[', nested: [{ deep: ['x'] }] },
  ...extra,
});

async function decode(bytes: Buffer, chunkSize = 5) {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const names: string[] = [];
  const result = await decodeLogStream(
    (async function* () {
      yield* chunks;
    })(),
    (r) => names.push(String(r.eventName)),
  );
  return { names, ...result };
}

describe('log file formats', () => {
  const records = [rec('A'), rec('B'), rec('C')];
  const cases: [string, Buffer][] = [
    ['a CloudTrail S3 file {"Records": […]}', Buffer.from(JSON.stringify({ Records: records }))],
    ['the same, gzipped', gzipSync(JSON.stringify({ Records: records }))],
    ['a bare JSON array', Buffer.from(JSON.stringify(records, null, 2))],
    ['JSON Lines', Buffer.from(`${records.map((r) => JSON.stringify(r)).join('\n')}\n`)],
    ['gzipped JSON Lines', gzipSync(`${records.map((r) => JSON.stringify(r)).join('\r\n')}`)],
    [
      'aws cloudtrail lookup-events output (CloudTrailEvent is a JSON string)',
      Buffer.from(
        JSON.stringify({
          Events: records.map((r) => ({
            EventId: r.eventID,
            EventName: r.eventName,
            CloudTrailEvent: JSON.stringify(r),
          })),
          NextToken: 'more',
        }),
      ),
    ],
    [
      'a wrapper with other keys before Records',
      Buffer.from(JSON.stringify({ Meta: { list: [1, 2] }, Records: records })),
    ],
  ];
  for (const [name, bytes] of cases) {
    test(`${name} yields every record, split at any byte`, async () => {
      for (const size of [1, 3, 64, 1 << 20]) {
        const r = await decode(bytes, size);
        assert.deepEqual(r.names, ['A', 'B', 'C'], `chunk size ${size}`);
        assert.equal(r.error, undefined);
      }
    });
  }
  test('an empty Records list is a valid, empty file', async () => {
    assert.deepEqual(await decode(Buffer.from('{"Records":[]}')), { names: [], records: 0 });
  });
});

describe('damaged files', () => {
  const good = JSON.stringify({ Records: [rec('A'), rec('B'), rec('C')] });
  test('a truncated gzip reports the cut and keeps the records before it', async () => {
    const gz = gzipSync(good + ' '.repeat(10));
    const r = await decode(gz.subarray(0, gz.length - 12));
    assert.match(r.error!, /^(truncated gzip|truncated JSON)/);
  });
  test('a gzip header with garbage behind it is corrupt', async () => {
    const r = await decode(
      Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), Buffer.from('not deflate data at all')]),
    );
    assert.match(r.error!, /^corrupt gzip/);
    assert.deepEqual(r.names, []);
  });
  test('JSON cut mid-record keeps the whole records and names the broken element', async () => {
    const r = await decode(Buffer.from(good.slice(0, good.indexOf('"B"') + 20)));
    assert.deepEqual(r.names, ['A']);
    assert.match(r.error!, /truncated JSON: the input ends inside element 1 of the record list/);
  });
  test('malformed JSON inside a record names the element and the parser message', async () => {
    const r = await decode(Buffer.from('{"Records":[{"eventName":"A"},{"eventName":"B",}]}'));
    assert.deepEqual(r.names, ['A']);
    assert.match(r.error!, /malformed JSON in element 1 of the record list/);
  });
  test('JSON that is not CloudTrail is refused with a reason', async () => {
    assert.match((await decode(Buffer.from('{"hello":"world"}'))).error!, /not a CloudTrail record/);
    assert.match(
      (await decode(Buffer.from('{"Records":[42]}'))).error!,
      /element 0 of the record list is not an object/,
    );
    assert.match((await decode(Buffer.from('<html>'))).error!, /not CloudTrail JSON: unexpected '<' at byte 0/);
    assert.equal((await decode(Buffer.alloc(0))).error, 'empty file');
  });
  test('a lookup-events entry whose CloudTrailEvent is not JSON is reported', async () => {
    const r = await decode(Buffer.from(JSON.stringify({ Events: [{ EventId: '1', CloudTrailEvent: '{oops' }] })));
    assert.match(r.error!, /CloudTrailEvent is not JSON/);
  });
});

describe('a whole file in memory (decodeLogBuffer) gives what the streamed splitter gives', () => {
  // decodeLogBuffer parses a delivery-shaped file in one JSON.parse; anything else goes to the
  // splitter. Either way the records, their order, the count and the error must be the stream's.
  const deep = (n: number): unknown => (n === 0 ? 'bottom' : { d: deep(n - 1) });
  const cases: [string, string][] = [
    ['a delivery file', JSON.stringify({ Records: [rec('A'), rec('B', { u: 'h\u00e9llo \ud83d\ude00' })] })],
    ['an empty list', '{"Records":[]}'],
    ['pretty-printed, with a BOM-free leading space', ` ${JSON.stringify({ Records: [rec('A')] }, null, 2)}`],
    // The record is level 1, so x: deep(k) makes it k + 1 levels deep.
    ['a record exactly at the depth limit', JSON.stringify({ Records: [rec('A', { x: deep(MAX_KEPT_DEPTH - 1) })] })],
    [
      'a record one level past the depth limit (pruned)',
      JSON.stringify({ Records: [rec('A', { x: deep(MAX_KEPT_DEPTH) }), rec('B')] }),
    ],
    ['an element that is no record', JSON.stringify({ Records: [rec('A'), { hello: 1 }, rec('C')] })],
    ['an element that is not an object', JSON.stringify({ Records: [rec('A'), [1], rec('C')] })],
    ['other keys beside Records', JSON.stringify({ Records: [rec('A')], Next: { x: [1] } })],
    ['a duplicate key in a record', '{"Records":[{"eventID":"1","eventName":"A","eventName":"B"}]}'],
    [
      'two top-level objects (JSON Lines of wrappers)',
      `${JSON.stringify({ Records: [rec('A')] })}\n${JSON.stringify({ Records: [rec('B')] })}`,
    ],
    ['truncated', JSON.stringify({ Records: [rec('A'), rec('B')] }).slice(0, -9)],
    ['trailing garbage', `${JSON.stringify({ Records: [rec('A')] })}x`],
  ];
  for (const [name, text] of cases) {
    test(name, async () => {
      const bytes = Buffer.from(text);
      const fromBuffer: unknown[] = [];
      const whole = decodeLogBuffer(bytes, (r) => fromBuffer.push(r));
      const streamed: unknown[] = [];
      const stream = await decodeLogStream(
        (async function* () {
          yield bytes;
        })(),
        (r) => streamed.push(r),
      );
      assert.deepEqual(fromBuffer, streamed);
      assert.deepEqual(whole, stream);
    });
  }
});
