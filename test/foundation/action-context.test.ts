// How an action reads its inputs: as the runner passed them (INPUT_<NAME>), booleans the way the
// runner's own core.getBooleanInput does, so a workflow means the same thing to telltale as to
// every other action.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { createActionContext } from '../../shared/github/action.ts';
import { isInputError } from '../../shared/util/errors.ts';

const VARIABLE = 'INPUT_AUDIT-ONLY';

describe('action inputs', () => {
  afterEach(() => {
    delete process.env[VARIABLE];
  });
  const read = (value: string) => {
    process.env[VARIABLE] = value;
    return createActionContext().booleanInput('audit-only');
  };

  test('true and false are the YAML 1.2 core spellings, as core.getBooleanInput reads them', () => {
    for (const value of ['true', 'True', 'TRUE', ' true ']) assert.equal(read(value), true, value);
    for (const value of ['false', 'False', 'FALSE']) assert.equal(read(value), false, value);
  });

  test('yes, on, 1, tRUE and an empty value are input errors that list what is accepted', () => {
    for (const value of ['yes', 'on', 'no', 'off', '1', 'tRUE', '']) {
      assert.throws(
        () => read(value),
        (error) =>
          isInputError(error) &&
          error.message ===
            `input 'audit-only' must be a YAML 1.2 boolean (true, True, TRUE, false, False, FALSE), not '${value}'`,
        value,
      );
    }
  });

  test('an input is read as given, trimmed, with no default of its own', () => {
    process.env['INPUT_COMMENT-KEY'] = '  egress/linux  ';
    try {
      const ctx = createActionContext();
      assert.equal(ctx.input('comment-key'), 'egress/linux');
      assert.equal(ctx.input('never-set'), '');
      assert.throws(() => ctx.input('never-set', { required: true }), /input 'never-set' is required/);
    } finally {
      delete process.env['INPUT_COMMENT-KEY'];
    }
  });
});
