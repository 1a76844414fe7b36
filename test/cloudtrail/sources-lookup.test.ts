// LookupEvents (mocked with aws-sdk-client-mock: AWS cannot be reached from here): every page of
// every region is read, us-east-1 is always added for global services, each region is paced to
// 2 requests/s, and throttling is retried rather than losing a page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import type { RecordSink } from '../../shared/cloudtrail/sources/types.ts';
import { parseLookupSource, readLookup } from '../../shared/cloudtrail/sources/lookup.ts';

const record = (id: string, region: string, name = 'CreateUser') =>
  JSON.stringify({
    eventID: id,
    eventName: name,
    eventTime: '2026-05-04T10:00:00Z',
    awsRegion: region,
    eventSource: 'iam.amazonaws.com',
  });

function collect() {
  const ids: string[] = [];
  const done: { name: string; records: number; error?: string }[] = [];
  const sink: RecordSink = {
    record: (r) => void ids.push(String(r.eventID)),
    fileDone: (f, records, error) => void done.push({ name: f.name, records, ...(error ? { error } : {}) }),
    fileSkipped: () => {},
  };
  return { ids, done, sink };
}

/** A fake clock: sleeping advances it, so pacing is checked without waiting. */
function fakeTime() {
  let now = 0;
  const sleeps: number[] = [];
  return { clock: () => now, sleep: async (ms: number) => void (sleeps.push(ms), (now += ms)), sleeps };
}

describe('LookupEvents', () => {
  test('follows NextToken to the last page, and adds us-east-1 to the regions asked for', async () => {
    const clients = new Map<string, CloudTrailClient>();
    const mocks = new Map<string, ReturnType<typeof mockClient>>();
    for (const region of ['eu-west-1', 'us-east-1']) {
      const client = new CloudTrailClient({ region });
      const mock = mockClient(client);
      clients.set(region, client);
      mocks.set(region, mock);
    }
    mocks
      .get('eu-west-1')!
      .on(LookupEventsCommand)
      .resolvesOnce({ Events: [{ EventId: 'e1', CloudTrailEvent: record('e1', 'eu-west-1') }], NextToken: 't1' })
      .resolvesOnce({ Events: [{ EventId: 'e2', CloudTrailEvent: record('e2', 'eu-west-1') }], NextToken: 't2' })
      .resolvesOnce({ Events: [{ EventId: 'e3', CloudTrailEvent: record('e3', 'eu-west-1') }] });
    mocks
      .get('us-east-1')!
      .on(LookupEventsCommand)
      .resolves({ Events: [{ EventId: 'g1', CloudTrailEvent: record('g1', 'us-east-1', 'ConsoleLogin') }] });
    const time = fakeTime();
    const { ids, done, sink } = collect();
    const window = { start: Date.parse('2026-05-04T00:00:00Z'), end: Date.parse('2026-05-05T00:00:00Z') };
    const summary = await readLookup(sink, {
      window,
      regions: ['eu-west-1'],
      clientFor: (r) => clients.get(r)!,
      ...time,
    });
    assert.deepEqual(summary.regions, ['eu-west-1', 'us-east-1']);
    assert.ok(summary.notes.some((n) => /us-east-1 added/.test(n)));
    assert.deepEqual(ids.sort(), ['e1', 'e2', 'e3', 'g1']);
    const calls = mocks
      .get('eu-west-1')!
      .commandCalls(LookupEventsCommand)
      .map((c) => c.args[0].input);
    assert.deepEqual(
      calls.map((i) => i.NextToken),
      [undefined, 't1', 't2'],
    );
    assert.deepEqual(calls[0]!.StartTime, new Date(window.start));
    assert.deepEqual(calls[0]!.EndTime, new Date(window.end));
    assert.equal(calls[0]!.MaxResults, 50);
    assert.deepEqual(
      done.sort((a, b) => a.name.localeCompare(b.name)),
      [
        { name: 'lookup:eu-west-1', records: 3 },
        { name: 'lookup:us-east-1', records: 1 },
      ],
    );
    // Three requests to one region: two waits of 500 ms between them (2 requests/s).
    assert.deepEqual(time.sleeps, [500, 500]);
  });

  test('without a region list, every enabled region is read, us-east-1 once', async () => {
    const client = new CloudTrailClient({ region: 'eu-west-1' });
    const mock = mockClient(client);
    mock.on(LookupEventsCommand).resolves({ Events: [] });
    const { sink } = collect();
    const summary = await readLookup(sink, {
      window: {},
      clientFor: () => client,
      listRegions: async () => ['us-east-1', 'eu-central-1', 'ap-southeast-2'],
      ...fakeTime(),
    });
    assert.deepEqual(summary.regions, ['ap-southeast-2', 'eu-central-1', 'us-east-1']);
    assert.equal(mock.commandCalls(LookupEventsCommand).length, 3);
    assert.equal(mock.commandCalls(LookupEventsCommand)[0]!.args[0].input.StartTime, undefined);
  });

  test('a throttled request is retried with back-off and no page is lost', async () => {
    const client = new CloudTrailClient({ region: 'us-east-1' });
    const mock = mockClient(client);
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    mock
      .on(LookupEventsCommand)
      .rejectsOnce(throttled)
      .rejectsOnce(throttled)
      .resolvesOnce({ Events: [{ EventId: 'a', CloudTrailEvent: record('a', 'us-east-1') }], NextToken: 'n' })
      .resolvesOnce({ Events: [{ EventId: 'b', CloudTrailEvent: record('b', 'us-east-1') }] });
    const time = fakeTime();
    const { ids, done, sink } = collect();
    await readLookup(sink, { window: {}, regions: ['us-east-1'], clientFor: () => client, random: () => 0.5, ...time });
    assert.deepEqual(ids, ['a', 'b']);
    assert.equal(mock.commandCalls(LookupEventsCommand).length, 4);
    assert.equal(done[0]!.error, undefined);
    // Back-off doubles (with jitter 50–100 %, here fixed at 75 %), then the next page waits its 500 ms turn.
    assert.deepEqual(time.sleeps, [750, 1500, 500]);
  });

  test('a region that keeps failing is reported; when every region fails it is an input error', async () => {
    const good = new CloudTrailClient({ region: 'us-east-1' });
    mockClient(good)
      .on(LookupEventsCommand)
      .resolves({ Events: [{ EventId: 'x', CloudTrailEvent: record('x', 'us-east-1') }] });
    const bad = new CloudTrailClient({ region: 'eu-west-1' });
    mockClient(bad)
      .on(LookupEventsCommand)
      .rejects(Object.assign(new Error('no'), { name: 'AccessDeniedException' }));
    const { done, sink } = collect();
    await readLookup(sink, {
      window: {},
      regions: ['eu-west-1'],
      clientFor: (r) => (r === 'us-east-1' ? good : bad),
      ...fakeTime(),
    });
    assert.match(done.find((d) => d.name === 'lookup:eu-west-1')!.error!, /LookupEvents failed: AccessDeniedException/);
    await assert.rejects(
      readLookup(collect().sink, { window: {}, regions: ['us-east-1'], clientFor: () => bad, ...fakeTime() }),
      /LookupEvents failed in every region/,
    );
  });

  test('lookup:REGIONS is parsed and checked', () => {
    assert.equal(parseLookupSource('lookup'), undefined);
    assert.deepEqual(parseLookupSource('lookup:eu-west-1, us-east-2'), ['eu-west-1', 'us-east-2']);
    assert.throws(() => parseLookupSource('lookup:europe'), /'europe' is not an AWS region/);
  });
});
