// The built-in rule pack: every rule fires on its positive fixture and stays quiet on its negative
// one (fixtures written from AWS's documented record shapes, test/fixtures/cloudtrail/rules/), and
// the threat level moves by the documented, explained steps.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { CloudTrailRecord } from '../../shared/cloudtrail/record.ts';
import { BUILTIN_RULE_FILES } from '../../shared/cloudtrail/rules/builtin/files.ts';
import { worldIngress } from '../../shared/cloudtrail/rules/builtin/world-open.ts';
import { adminGrant, policyExposure } from '../../shared/cloudtrail/rules/builtin/policy.ts';
import { PipelinePrincipals } from '../../shared/cloudtrail/provenance.ts';
import { repoRoot } from '../harness/runner.ts';
import { builtinRules, scanRecords } from './helpers.ts';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'cloudtrail', 'rules');
const builtinDir = path.join(repoRoot, 'shared', 'cloudtrail', 'rules', 'builtin', 'sigma');

interface RuleFixture {
  rule: string;
  positive: CloudTrailRecord[];
  negative: CloudTrailRecord[];
}

describe('the built-in rule pack', () => {
  test('every rule file in builtin/sigma is listed (so a bundle carries it) and loads without a problem', async () => {
    const listed = BUILTIN_RULE_FILES.map((u) => path.basename(fileURLToPath(u))).sort();
    const onDisk = readdirSync(builtinDir)
      .filter((f) => f.endsWith('.yml'))
      .sort();
    assert.deepEqual(listed, onDisk);
    const rules = await builtinRules();
    assert.deepEqual(rules.problems, []);
    // One rule that reports per file; a correlation's referred rule beside it runs without reporting.
    assert.equal(rules.all.filter((r) => r.generates).length, onDisk.length);
    for (const r of rules.all) assert.equal(r.author, 'telltale', `${r.slug} names its author`);
  });

  test('every built-in rule has a positive and a negative fixture', async () => {
    const rules = await builtinRules();
    const slugs = rules.all
      .filter((r) => r.generates)
      .map((r) => r.slug)
      .sort();
    const files = readdirSync(fixtures)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
    assert.deepEqual(files, slugs);
  });

  for (const file of readdirSync(fixtures)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const fixture = JSON.parse(readFileSync(path.join(fixtures, file), 'utf8')) as RuleFixture;
    test(`${fixture.rule}: fires on the positive fixture, not on the negative one`, async () => {
      const together = await scanRecords(fixture.positive);
      assert.ok(
        together.findings.some((f) => f.ruleSlug === fixture.rule),
        `${fixture.rule} did not fire; fired: ${together.findings.map((f) => f.ruleSlug).join(', ') || 'nothing'}`,
      );
      // Each positive record on its own too (a second positive must not hide a first that no longer
      // fires), except for rules that count events across records.
      const aggregate = (await builtinRules()).all.find((r) => r.slug === fixture.rule)?.kind === 'correlation';
      for (const record of aggregate ? [] : fixture.positive) {
        const positive = await scanRecords([record]);
        assert.ok(
          positive.findings.some((f) => f.ruleSlug === fixture.rule),
          `${fixture.rule} did not fire on ${record.eventID}; fired: ${positive.findings.map((f) => f.ruleSlug).join(', ') || 'nothing'}`,
        );
      }
      const negative = await scanRecords(fixture.negative);
      assert.ok(
        !negative.findings.some((f) => f.ruleSlug === fixture.rule),
        `${fixture.rule} fired on its negative fixture`,
      );
    });
  }
});

const sample = (extra: Partial<CloudTrailRecord>): CloudTrailRecord => ({
  eventVersion: '1.10',
  eventID: `id-${Math.random()}`,
  eventTime: '2026-05-04T16:42:07Z',
  eventSource: 'ec2.amazonaws.com',
  eventName: 'DeleteRoute',
  awsRegion: 'eu-west-1',
  sourceIPAddress: '203.0.113.77',
  userAgent: 'aws-cli/2.15.30 Python/3.11.8',
  recipientAccountId: '111122223333',
  userIdentity: {
    type: 'IAMUser',
    arn: 'arn:aws:iam::111122223333:user/DevOpsEngineer1',
    userName: 'DevOpsEngineer1',
    accountId: '111122223333',
  },
  requestParameters: { routeTableId: 'rtb-0a1b2c3d4e5f60718', destinationCidrBlock: '0.0.0.0/0' },
  ...extra,
});

async function defaultRoute(extra: Partial<CloudTrailRecord>) {
  const report = await scanRecords([sample(extra)]);
  const f = report.findings.find((x) => x.ruleSlug === 'default-route-changed');
  assert.ok(f, 'default-route-changed fired');
  return f;
}

describe('threat level modifiers', () => {
  test('the default route deleted by hand in the console stays high, and says so', async () => {
    const f = await defaultRoute({ userAgent: 'AWS Internal', sessionCredentialFromConsole: 'true' });
    assert.equal(f.severity, 'high');
    assert.equal(f.outcome, 'success');
    assert.deepEqual(f.modifiers, [{ step: 0, reason: 'made by hand in the console' }]);
    assert.equal(f.via, 'console');
    assert.match(
      f.summary,
      /^DeleteRoute 0\.0\.0\.0\/0 on rtb-0a1b2c3d4e5f60718 by DevOpsEngineer1 from the console at 2026-05-04 16:42 UTC$/,
    );
  });

  test('a Terraform User-Agent alone does not lower the level: anyone with a stolen key can send it', async () => {
    const f = await defaultRoute({ userAgent: 'APN/1.0 HashiCorp/1.0 Terraform/1.8.5 (+https://www.terraform.io)' });
    assert.equal(f.severity, 'high');
    assert.equal(f.modifiers[0]!.step, 0);
    assert.match(f.modifiers[0]!.reason, /User-Agent says Terraform\/1\.8\.5.*any caller can send/);
    assert.match(f.summary, /Terraform\/1\.8\.5 \(User-Agent, unverified\)/);
  });

  test('a stolen key with a Terraform User-Agent opening SSH to 0.0.0.0/0 stays high', async () => {
    const report = await scanRecords([
      sample({
        eventName: 'AuthorizeSecurityGroupIngress',
        userAgent: 'APN/1.0 HashiCorp/1.0 Terraform/1.8.5 (+https://www.terraform.io) terraform-provider-aws/5.50.0',
        userIdentity: {
          type: 'IAMUser',
          arn: 'arn:aws:iam::111122223333:user/ci-legacy',
          userName: 'ci-legacy',
          accessKeyId: 'AKIAEXAMPLESTOLEN001',
        },
        requestParameters: {
          groupId: 'sg-0123',
          ipPermissions: {},
          ipProtocol: 'tcp',
          fromPort: 22,
          toPort: 22,
          cidrIp: '0.0.0.0/0',
        },
      }),
    ]);
    const f = report.findings.find((x) => x.ruleSlug === 'sg-open-world-admin-port');
    assert.equal(f?.severity, 'high');
  });

  test('the declared pipeline role lowers the level one step, and the report names that evidence', async () => {
    const record = {
      userAgent: 'APN/1.0 HashiCorp/1.0 Terraform/1.8.5',
      userIdentity: {
        type: 'AssumedRole',
        arn: 'arn:aws:sts::111122223333:assumed-role/gha-deploy/run-42',
        sessionContext: {
          sessionIssuer: { type: 'Role', userName: 'gha-deploy', arn: 'arn:aws:iam::111122223333:role/gha-deploy' },
        },
      },
    };
    const report = await scanRecords(
      [sample(record)],
      {},
      { pipelinePrincipals: ['arn:aws:iam::111122223333:role/gha-*'] },
    );
    const f = report.findings.find((x) => x.ruleSlug === 'default-route-changed')!;
    assert.equal(f.severity, 'medium');
    assert.equal(f.modifiers[0]!.step, -1);
    assert.match(f.modifiers[0]!.reason, /declared pipeline role arn:aws:iam::111122223333:role\/gha-\*/);
    const other = await scanRecords(
      [sample(record)],
      {},
      { pipelinePrincipals: ['arn:aws:iam::111122223333:role/prod-deploy'] },
    );
    assert.equal(other.findings.find((x) => x.ruleSlug === 'default-route-changed')!.severity, 'high');
  });

  test('a pipeline principal that is not an IAM/STS ARN is an input error', () => {
    assert.throws(() => new PipelinePrincipals(['gha-deploy']), /not an IAM or STS ARN/);
  });

  test('CloudFormation as invoker counts as IaC too', async () => {
    const f = await defaultRoute({
      userAgent: 'cloudformation.amazonaws.com',
      userIdentity: {
        type: 'AssumedRole',
        arn: 'arn:aws:sts::111122223333:assumed-role/cfn-exec/AWSCloudFormation',
        invokedBy: 'cloudformation.amazonaws.com',
        sessionContext: {
          sessionIssuer: { type: 'Role', userName: 'cfn-exec', arn: 'arn:aws:iam::111122223333:role/cfn-exec' },
        },
      },
    });
    assert.equal(f.severity, 'medium');
    assert.match(f.modifiers[0]!.reason, /invoked by cloudformation\.amazonaws\.com \(userIdentity\.invokedBy/);
    assert.equal(f.actor.name, 'cfn-exec/AWSCloudFormation');
    assert.equal(f.actor.sessionIssuer, 'arn:aws:iam::111122223333:role/cfn-exec');
  });

  test('root credentials raise the level one step', async () => {
    const f = await defaultRoute({
      userIdentity: { type: 'Root', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333' },
    });
    assert.equal(f.severity, 'critical');
    assert.equal(f.actor.name, 'root (111122223333)');
    assert.ok(f.modifiers.some((m) => m.step === 1 && /root/.test(m.reason)));
  });

  test('a failed call is an attempt: outcome failed, one step lower, never a change', async () => {
    const f = await defaultRoute({ errorCode: 'Client.UnauthorizedOperation', errorMessage: 'You are not authorized' });
    assert.equal(f.outcome, 'failed');
    assert.equal(f.severity, 'medium');
    assert.equal(f.errorCode, 'Client.UnauthorizedOperation');
    assert.match(f.summary, /\(failed: Client\.UnauthorizedOperation\)$/);
  });

  test('LeaveOrganization keeps its level even when it fails', async () => {
    const report = await scanRecords([
      sample({
        eventSource: 'organizations.amazonaws.com',
        eventName: 'LeaveOrganization',
        errorCode: 'AccessDeniedException',
        requestParameters: null,
      }),
    ]);
    const f = report.findings.find((x) => x.ruleSlug === 'leave-organization');
    assert.equal(f?.severity, 'critical');
    assert.equal(f?.outcome, 'failed');
  });

  test('root rules do not count root twice', async () => {
    const report = await scanRecords([
      sample({
        eventSource: 'signin.amazonaws.com',
        eventName: 'ConsoleLogin',
        userIdentity: { type: 'Root', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333' },
        responseElements: { ConsoleLogin: 'Success' },
        additionalEventData: { MFAUsed: 'No' },
        requestParameters: null,
      }),
    ]);
    assert.deepEqual(
      report.findings.map((f) => [f.ruleSlug, f.severity]),
      [['root-console-login-without-mfa', 'critical']],
    );
  });
});

describe('typed helpers', () => {
  const sg = (requestParameters: Record<string, unknown>, responseElements: Record<string, unknown> | null = null) =>
    ({ eventName: 'AuthorizeSecurityGroupIngress', requestParameters, responseElements }) as CloudTrailRecord;

  test('a /0 source is found in the flat shape, the items shape and the applied rule set', () => {
    assert.equal(
      worldIngress(sg({ ipProtocol: 'tcp', fromPort: 3389, toPort: 3389, cidrIp: '0.0.0.0/0', ipPermissions: {} })),
      'admin',
    );
    assert.equal(
      worldIngress(
        sg({
          ipPermissions: {
            items: [{ ipProtocol: 'udp', fromPort: 0, toPort: 65535, ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } }],
          },
        }),
      ),
      'all',
    );
    assert.equal(
      worldIngress(
        sg(
          { groupId: 'sg-1' },
          {
            securityGroupRuleSet: {
              items: [{ isEgress: false, ipProtocol: 'tcp', fromPort: 5432, toPort: 5432, cidrIpv6: '::/0' }],
            },
          },
        ),
      ),
      'admin',
    );
  });

  test('the anonymizer form x.x.x.x/0 still counts; egress rules and narrower networks do not', () => {
    assert.equal(
      worldIngress(sg({ ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '208.236.235.254/0' })),
      'admin',
    );
    assert.equal(
      worldIngress(
        sg({}, { securityGroupRuleSet: { items: [{ isEgress: true, ipProtocol: '-1', cidrIpv4: '0.0.0.0/0' }] } }),
      ),
      undefined,
    );
    assert.equal(worldIngress(sg({ ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/1' })), undefined);
  });

  test('policy documents are read as JSON text or objects, one statement or many', () => {
    assert.equal(adminGrant('{"Statement":{"Effect":"Allow","Action":"*:*","Resource":"*"}}'), 'full');
    assert.equal(adminGrant({ Statement: [{ Effect: 'Allow', Action: ['iam:*'], Resource: ['*'] }] }), 'iam');
    assert.equal(adminGrant({ Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] }), undefined);
    assert.equal(adminGrant('not json'), undefined);
    assert.equal(
      policyExposure({ Statement: [{ Effect: 'Allow', Principal: { AWS: ['123456789012'] } }] }, '111122223333'),
      'foreign-account',
    );
    assert.equal(
      policyExposure(
        { Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' } }] },
        '111122223333',
      ),
      undefined,
    );
  });
});
