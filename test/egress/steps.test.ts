// Which steps a connection is credited to, from the jobs API's whole-second step times.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stepAt, stepsDuring, type StepWindow } from '../../shared/egress/analyze/steps.ts';

const t = (s: number) => 1_700_000_000_000 + s * 1000;
const steps: StepWindow[] = [
  { name: 'npm ci', start: t(0), end: t(10) },
  { name: 'npm test', start: t(10), end: t(20) },
  { name: 'deploy', start: t(21), end: t(30) },
  { name: 'Post telltale egress', start: t(30) },
];

test('a connection opened and closed in one step is that step only', () => {
  assert.deepEqual(stepsDuring(steps, t(2), t(5)), ['npm ci']);
});

test('a long-lived connection spans every step it was used in', () => {
  assert.deepEqual(stepsDuring(steps, t(2), t(25)), ['npm ci', 'npm test', 'deploy']);
});

test('a connection whose FIN lands within the next step’s first second is not credited to it', () => {
  // The API rounds to seconds: "npm test" ended at :20 and the FIN came at :30.4 (post started at :30).
  assert.deepEqual(stepsDuring(steps, t(18), t(30.4)), ['npm test', 'deploy']);
  assert.deepEqual(stepsDuring(steps, t(28), t(30.9)), ['deploy']);
});

test('a connection opened in the gap between two steps belongs to the one started before it', () => {
  assert.equal(stepAt(steps, t(20.5)), 'npm test');
  assert.deepEqual(stepsDuring(steps, t(20.5), t(20.8)), ['npm test']);
});
