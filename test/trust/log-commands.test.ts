// A host name, a file's contents or a CloudTrail field printed to the step log stays text: the
// runner, reading the log as it does, finds no workflow command in it.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createActionContext } from '../../shared/github/action.ts';
import { STEP_SUMMARY_LIMIT } from '../../shared/report/step-log.ts';
import { maySpellWorkflowCommand, neutraliseForLog } from '../../shared/report/escape.ts';
import { parseWorkflowCommands, runnerLines } from '../harness/runner.ts';
import { hostileText } from './hostile.ts';
import { stderrForActions } from '../../cli/io.ts';

describe('the runner harness reads commands as the runner does', () => {
  test('leading blanks do not hide a command, and the legacy form works anywhere in a line', () => {
    const parsed = parseWorkflowCommands(
      ['   ::error title=t::indented', '\t::warning::tab', 'host evil ##[error]mid-line', 'plain text'].join('\n'),
    );
    assert.deepEqual(
      parsed.commands.map((c) => [c.command, c.form, c.data]),
      [
        ['error', 'v2', 'indented'],
        ['warning', 'v2', 'tab'],
        ['error', 'legacy', 'mid-line'],
      ],
    );
    assert.deepEqual(parsed.text, ['plain text']);
  });
  test('a lone carriage return ends a line, as .NET ReadLine does', () => {
    assert.deepEqual(
      runnerLines('a\rb\r\nc\nd').map((l) => l.text),
      ['a', 'b', 'c', 'd'],
    );
    assert.equal(parseWorkflowCommands('harmless\r::error::hidden').commands.length, 1);
  });
  test('set-output and save-state, the deprecated forms, still set values', () => {
    const parsed = parseWorkflowCommands('::set-output name=verdict::pass\n::save-state name=dir::/tmp');
    assert.deepEqual(parsed.outputs, { verdict: 'pass' });
    assert.deepEqual(parsed.state, { dir: '/tmp' });
  });
  test('stop-commands holds every command until its token, whichever form the token takes', () => {
    const parsed = parseWorkflowCommands(
      ['::stop-commands::tok123', '::error::held', '##[error]held too', '::TOK123::', '::error::live'].join('\n'),
    );
    assert.deepEqual(
      parsed.commands.map((c) => c.data),
      ['live'],
    );
    const legacyResume = parseWorkflowCommands(
      ['::stop-commands::tok123', 'x ##[tok123]', '::notice::live'].join('\n'),
    );
    assert.deepEqual(
      legacyResume.commands.map((c) => c.data),
      ['live'],
    );
  });
  test('a token naming a command is refused, as the runner refuses it', () => {
    assert.equal(parseWorkflowCommands('::stop-commands::error\n::error::live').commands.length, 1);
  });
  test('an unknown ::name:: falls through to the legacy form on the same line', () => {
    const parsed = parseWorkflowCommands('::nope::##[warning]still a command');
    assert.deepEqual(
      parsed.commands.map((c) => [c.command, c.form]),
      [['warning', 'legacy']],
    );
  });
  test('zero-width characters do not hide a command from the strict reading', () => {
    assert.equal(parseWorkflowCommands('\u200b::error::x').commands.length, 1);
    assert.equal(parseWorkflowCommands('#\u200b#[error]x').commands.length, 1);
    assert.equal(parseWorkflowCommands('\u200b::error::x', { ignorable: false }).commands.length, 0);
  });
  test('stderr is a command channel too', () => {
    const parsed = parseWorkflowCommands([{ stream: 'stderr', text: '::error::from stderr' }]);
    assert.equal(parsed.commands[0]?.stream, 'stderr');
  });
});

describe('neutralising text for the step log', () => {
  let counter = 0;
  const token = () => `testtoken${String(++counter).padStart(12, '0')}`;

  test('ordinary text is printed as it is', () => {
    assert.equal(
      neutraliseForLog('3 endpoint(s): api.github.com:443, [2001:db8::1]:53', token),
      '3 endpoint(s): api.github.com:443, [2001:db8::1]:53',
    );
  });
  test('an SNI that spells an annotation is fenced and stays text', () => {
    const out = neutraliseForLog('::error title=x::pwned', token);
    assert.match(out, /^::stop-commands::testtoken\d+\n::error title=x::pwned\n::testtoken\d+::$/);
    const parsed = parseWorkflowCommands(out);
    assert.deepEqual(parsed.commands, []);
    assert.ok(parsed.text.includes('::error title=x::pwned'));
  });
  test('a carriage return cannot start a line the reader does not see', () => {
    assert.equal(neutraliseForLog('ok\r::error::x', token), 'ok\\u{d}::error::x');
  });
  test('a token the text already holds is never used', () => {
    const taken = 'testtoken999999999999';
    let calls = 0;
    const out = neutraliseForLog(`::error::${taken}`, () => (calls++ === 0 ? taken : 'freshtoken0000000000'));
    assert.match(out, /^::stop-commands::freshtoken/);
  });
  test('no string, however built, becomes a command', () => {
    fc.assert(
      fc.property(hostileText(), (s) => {
        const out = neutraliseForLog(s, token);
        assert.deepEqual(parseWorkflowCommands(out).commands, [], JSON.stringify(s));
        // What is left unfenced cannot spell a command even by the strictest reading.
        if (!out.startsWith('::stop-commands::')) assert.equal(maySpellWorkflowCommand(out), false);
      }),
      { numRuns: 3000 },
    );
  });
  test('several fenced messages in a row, and data between them, stay text', () => {
    fc.assert(
      fc.property(fc.array(hostileText(), { maxLength: 6 }), (parts) => {
        const log = parts.map((p) => `${neutraliseForLog(p, token)}\n`).join('');
        assert.deepEqual(parseWorkflowCommands(log).commands, []);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the ActionContext writes nothing data can turn into a command', () => {
  const captured = () => {
    let log = '';
    const ctx = createActionContext({ write: (t) => void (log += t), summaryFile: undefined });
    return { ctx, log: () => log };
  };

  test('every printing path, fed arbitrary text, issues only the commands it meant to', () => {
    fc.assert(
      fc.property(hostileText(), hostileText(), (message, title) => {
        const { ctx, log } = captured();
        ctx.info(message);
        ctx.debug(message);
        ctx.notice(message, { title });
        ctx.warning(message, { title, file: title, startLine: 3 });
        ctx.error(message, { title });
        const parsed = parseWorkflowCommands(log());
        assert.deepEqual(
          parsed.commands.map((c) => c.command),
          ['debug', 'notice', 'warning', 'error'],
        );
        // Each annotation carries the whole message as its data (nothing spilled onto a new line).
        for (const c of parsed.commands) assert.doesNotMatch(c.data, /\u202e/);
        assert.equal(parsed.commands[2]?.properties.line, '3');
      }),
      { numRuns: 1000 },
    );
  });

  test('a token a hostile API echoes back is not printed, in any form', () => {
    const { ctx, log } = captured();
    const secret = 'ghs_0123456789abcdefghij';
    ctx.secret(secret);
    ctx.info(`API said: bad credentials ${secret}`);
    ctx.warning(`url=${encodeURIComponent(secret)} b64=${Buffer.from(secret).toString('base64')}`);
    const text = log();
    const lines = text.split('\n');
    assert.match(lines[0]!, /^::add-mask::ghs_/); // the runner is told to mask it…
    assert.doesNotMatch(lines.slice(1).join('\n'), /ghs_0123|Z2hzXzAx/); // …and it is never written again
  });

  test('a job summary over the runner limit is cut with a note, not dropped', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'telltale-summary-'));
    try {
      const file = path.join(dir, 'summary.md');
      await writeFile(file, 'x'.repeat(1000));
      const ctx = createActionContext({ write: () => {}, summaryFile: file });
      await ctx.summary(`${'| row | é |\n'.repeat(150_000)}`);
      await ctx.summary('later text is not appended past the cut');
      const text = await readFile(file, 'utf8');
      assert.ok(Buffer.byteLength(text) <= STEP_SUMMARY_LIMIT, String(Buffer.byteLength(text)));
      assert.ok(Buffer.byteLength(text) > STEP_SUMMARY_LIMIT - 1024);
      assert.match(text, /The rest of this summary was cut/);
      assert.doesNotMatch(text, /later text/);
      assert.doesNotMatch(text, /\ufffd/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the CLI inside an Actions job', () => {
  test('a warning on stderr that quotes a hostile host name stays text', () => {
    const line = 'telltale: warning: endpoint ::set-output name=verdict::pass\n';
    const out = stderrForActions(line);
    assert.deepEqual(parseWorkflowCommands(out).commands, []);
    assert.ok(out.endsWith('\n'));
    assert.equal(stderrForActions('telltale: all 3 endpoints allowed\n'), 'telltale: all 3 endpoints allowed\n');
  });
});
