#!/usr/bin/env node
// Writes samples/cloudtrail/AWSLogs: one day (2026-05-04 UTC) of an organization trail for account
// 111122223333 in us-east-1 and eu-west-1, hourly files of routine calls, and the stories the
// nightly report exists for. Deterministic (seeded), so re-running changes nothing.
//
//   node samples/cloudtrail/make-sample.mjs
//
// Addresses are from the documentation ranges (RFC 5737), keys and ids are invented.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const ACCOUNT = '111122223333';
const ORG = 'o-a1b2c3d4e5';
const DAY = '2026-05-04';
let seed = 42;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const hex = (n) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;

const devops = {
  type: 'IAMUser',
  principalId: 'AIDAEXAMPLEDEVOPS0001',
  arn: `arn:aws:iam::${ACCOUNT}:user/DevOpsEngineer1`,
  accountId: ACCOUNT,
  accessKeyId: 'ASIAEXAMPLECONSOLE01',
  userName: 'DevOpsEngineer1',
  sessionContext: { attributes: { creationDate: `${DAY}T15:58:02Z`, mfaAuthenticated: 'true' } },
};
const role = (name, session, key = 'ASIAEXAMPLEROLE00001') => ({
  type: 'AssumedRole',
  principalId: `AROAEXAMPLE${name.toUpperCase().slice(0, 8)}:${session}`,
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${name}/${session}`,
  accountId: ACCOUNT,
  accessKeyId: key,
  sessionContext: {
    sessionIssuer: { type: 'Role', principalId: `AROAEXAMPLE${name.toUpperCase().slice(0, 8)}`, arn: `arn:aws:iam::${ACCOUNT}:role/${name}`, accountId: ACCOUNT, userName: name },
    attributes: { creationDate: `${DAY}T00:00:00Z`, mfaAuthenticated: 'false' },
  },
});
const ciReader = { type: 'IAMUser', principalId: 'AIDAEXAMPLECIREADER1', arn: `arn:aws:iam::${ACCOUNT}:user/ci-reader`, accountId: ACCOUNT, accessKeyId: 'AKIAEXAMPLECIREADER1', userName: 'ci-reader' };
const root = { type: 'Root', principalId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT };

function event(time, region, source, name, identity, extra = {}) {
  return {
    eventVersion: '1.10',
    userIdentity: identity,
    eventTime: `${DAY}T${time}Z`,
    eventSource: source,
    eventName: name,
    awsRegion: region,
    sourceIPAddress: '198.51.100.23',
    userAgent: 'aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#6.5 md/arch#x86_64 lang/python#3.11.8 command/ec2',
    requestParameters: null,
    responseElements: null,
    requestID: uuid(),
    eventID: uuid(),
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `${source.split('.')[0]}.${region}.amazonaws.com` },
    ...extra,
  };
}
const console_ = { userAgent: 'AWS Internal', sourceIPAddress: '203.0.113.77', sessionCredentialFromConsole: 'true' };

// Routine traffic: describes by the deploy role and services, a few writes by IaC.
function routine(hour, region) {
  const out = [];
  const n = 6 + Math.floor(rand() * 6);
  for (let i = 0; i < n; i++) {
    const t = `${String(hour).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}`;
    const pick = rand();
    if (pick < 0.4) {
      out.push(event(t, region, 'ec2.amazonaws.com', ['DescribeInstances', 'DescribeSecurityGroups', 'DescribeRouteTables'][i % 3], role('Deploy', 'gha-run-1187'), { readOnly: true, userAgent: 'aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 md/GOOS#linux api/ec2#1.171.0', sourceIPAddress: '192.0.2.10', requestParameters: { maxResults: 1000 } }));
    } else if (pick < 0.7) {
      out.push(event(t, region, 'sts.amazonaws.com', 'AssumeRole', { type: 'AWSService', invokedBy: 'ec2.amazonaws.com' }, { readOnly: true, eventType: 'AwsApiCall', sourceIPAddress: 'ec2.amazonaws.com', userAgent: 'ec2.amazonaws.com', requestParameters: { roleArn: `arn:aws:iam::${ACCOUNT}:role/app-instance`, roleSessionName: `i-0${hex(16)}` } }));
    } else if (pick < 0.85) {
      out.push(event(t, region, 'kms.amazonaws.com', 'Decrypt', { type: 'AWSService', invokedBy: 's3.amazonaws.com' }, { readOnly: true, sourceIPAddress: 's3.amazonaws.com', userAgent: 's3.amazonaws.com', requestParameters: { encryptionAlgorithm: 'SYMMETRIC_DEFAULT' } }));
    } else {
      out.push(event(t, region, 'ec2.amazonaws.com', 'CreateTags', role('Deploy', 'gha-run-1187'), { userAgent: 'APN/1.0 HashiCorp/1.0 Terraform/1.8.5 (+https://www.terraform.io) terraform-provider-aws/5.58.0', sourceIPAddress: '192.0.2.10', requestParameters: { resourcesSet: { items: [{ resourceId: `i-0${hex(16)}` }] }, tagSet: { items: [{ key: 'team', value: 'platform' }] } } }));
    }
  }
  return out;
}

const stories = {
  'eu-west-1': [
    // The founding story: the subnet's default route deleted by hand at 16:42.
    event('16:42:07', 'eu-west-1', 'ec2.amazonaws.com', 'DeleteRoute', devops, { ...console_, requestParameters: { routeTableId: 'rtb-0a1b2c3d4e5f60718', destinationCidrBlock: '0.0.0.0/0' }, responseElements: { requestId: uuid(), _return: true } }),
    // A security group opened to the world on SSH, by hand, structured request shape.
    event('11:05:31', 'eu-west-1', 'ec2.amazonaws.com', 'AuthorizeSecurityGroupIngress', devops, { ...console_, requestParameters: { groupId: 'sg-0123456789abcdef0', ipPermissions: { items: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, groups: {}, ipRanges: { items: [{ cidrIp: '0.0.0.0/0', description: 'temp debug' }] }, ipv6Ranges: {}, prefixListIds: {} }] } }, responseElements: { requestId: uuid(), _return: true, securityGroupRuleSet: { items: [{ groupOwnerId: ACCOUNT, groupId: 'sg-0123456789abcdef0', securityGroupRuleId: 'sgr-0aa11bb22cc33dd44', isEgress: false, ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0', description: 'temp debug' }] } } }),
    // All ports to the world, but through Terraform: one step lower than by hand.
    event('09:10:12', 'eu-west-1', 'ec2.amazonaws.com', 'AuthorizeSecurityGroupIngress', role('Deploy', 'gha-run-1187'), { userAgent: 'APN/1.0 HashiCorp/1.0 Terraform/1.8.5 (+https://www.terraform.io) terraform-provider-aws/5.58.0', sourceIPAddress: '192.0.2.10', requestParameters: { groupId: 'sg-0fedcba9876543210', ipPermissions: {}, ipProtocol: 'tcp', fromPort: 0, toPort: 65535, cidrIp: '0.0.0.0/0' }, responseElements: { requestId: uuid(), _return: true } }),
    // Someone stops the trail late in the evening.
    event('22:15:48', 'eu-west-1', 'cloudtrail.amazonaws.com', 'StopLogging', role('Admin', 'mallory'), { sourceIPAddress: '203.0.113.200', requestParameters: { name: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/org-trail` } }),
    // An access key minted for another user.
    event('16:50:33', 'eu-west-1', 'iam.amazonaws.com', 'CreateAccessKey', devops, { ...console_, awsRegion: 'us-east-1', requestParameters: { userName: 'backup-bot' }, responseElements: { accessKey: { userName: 'backup-bot', accessKeyId: 'AKIAEXAMPLEBACKUP001', status: 'Active', createDate: 'May 4, 2026 4:50:33 PM' } } }),
  ],
  'us-east-1': [
    event('06:30:02', 'us-east-1', 'signin.amazonaws.com', 'ConsoleLogin', root, { userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0', sourceIPAddress: '203.0.113.5', eventType: 'AwsConsoleSignIn', requestParameters: null, responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: 'No' } }),
    event('14:00:19', 'us-east-1', 'organizations.amazonaws.com', 'LeaveOrganization', role('Admin', 'mallory'), { sourceIPAddress: '203.0.113.200', errorCode: 'AccessDeniedException', errorMessage: 'You don\'t have permissions to access this resource.' }),
    ...Array.from({ length: 12 }, (_, i) => event(`13:${String(10 + i).padStart(2, '0')}:0${i % 10}`, 'us-east-1', i % 2 ? 'secretsmanager.amazonaws.com' : 's3.amazonaws.com', i % 2 ? 'ListSecrets' : 'ListBuckets', ciReader, { readOnly: true, userAgent: 'Boto3/1.34.100 md/Botocore#1.34.100 ua/2.0 os/linux#6.5 md/arch#x86_64 lang/python#3.12.3', sourceIPAddress: '198.51.100.99', errorCode: 'AccessDenied', errorMessage: 'User: arn:aws:iam::111122223333:user/ci-reader is not authorized to perform this action' })),
  ],
};

const out = path.join(here, 'AWSLogs');
rmSync(out, { recursive: true, force: true });
for (const region of ['us-east-1', 'eu-west-1']) {
  const dir = path.join(out, ORG, ACCOUNT, 'CloudTrail', region, ...DAY.split('-'));
  mkdirSync(dir, { recursive: true });
  for (let hour = 0; hour < 24; hour++) {
    if (hour === 3) continue; // a delivery gap the health section reports
    const records = routine(hour, region);
    for (const s of stories[region]) if (Number(s.eventTime.slice(11, 13)) === hour) records.push(s);
    const minute = 5 + Math.floor(rand() * 50);
    const stamp = `${DAY.replaceAll('-', '')}T${String(hour).padStart(2, '0')}${String(minute).padStart(2, '0')}Z`;
    const name = `${ACCOUNT}_CloudTrail_${region}_${stamp}_${hex(16)}.json.gz`;
    writeFileSync(path.join(dir, name), gzipSync(JSON.stringify({ Records: records })));
    // CloudTrail may deliver an event twice (and an account trail would too): the StopLogging again.
    if (region === 'eu-west-1' && hour === 22) {
      writeFileSync(path.join(dir, name.replace(/_[0-9a-f]{16}\.json\.gz$/, `_${hex(16)}.json.gz`)), gzipSync(JSON.stringify({ Records: [stories['eu-west-1'][3]] })));
    }
  }
}
// A file cut short in transfer: reported as unreadable, the scan goes on.
const bad = path.join(out, ORG, ACCOUNT, 'CloudTrail', 'eu-west-1', '2026', '05', '04', `${ACCOUNT}_CloudTrail_eu-west-1_20260504T0405Z_${hex(16)}.json.gz`);
writeFileSync(bad, gzipSync(JSON.stringify({ Records: routine(4, 'eu-west-1') })).subarray(0, 180));
// A digest folder: not event logs, skipped.
const digest = path.join(out, ORG, ACCOUNT, 'CloudTrail-Digest', 'us-east-1', '2026', '05', '04');
mkdirSync(digest, { recursive: true });
writeFileSync(path.join(digest, `${ACCOUNT}_CloudTrail-Digest_us-east-1_org-trail_us-east-1_20260504T0100Z.json.gz`), gzipSync(JSON.stringify({ awsAccountId: ACCOUNT, digestStartTime: `${DAY}T00:00:00Z` })));
process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
