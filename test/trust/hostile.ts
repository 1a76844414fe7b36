/** Generators of hostile text, shared by the trust tests: commands in every form, and line breaks. */
import fc from 'fast-check';

export const COMMAND_SPELLINGS = [
  '::error title=pwned::injected',
  '::set-output name=verdict::pass',
  '::add-mask::a',
  '::stop-commands::x',
  '::x::',
  '::endgroup::',
  '::save-state name=dir::/',
  '::add-path::/tmp/evil',
  '##[error]legacy',
  '##[set-output name=verdict;]pass',
  '::warning file=a,line=1::w',
] as const;

export const hostileText = (): fc.Arbitrary<string> => {
  const piece = fc.oneof(
    fc.constantFrom(
      ...COMMAND_SPELLINGS,
      '\n',
      '\r',
      '\r\n',
      '\u2028',
      '\u0085',
      ' ',
      '\t',
      '\u00a0',
      '\u3000',
      '\u200b',
      '\u202e',
      '\u0000',
      '%0A',
      '%',
      ':',
      '#',
      '[',
      ']',
      ',',
      '=',
    ),
    fc.string({ unit: 'binary', maxLength: 8 }),
  );
  return fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));
};

/** `count` hostile strings, every command spelling among them (a fixed seed: the same run each time). */
export function hostileSample(count: number, seed = 4242): string[] {
  const lead = COMMAND_SPELLINGS.flatMap((c) => [c, `  ${c}`, `ok\r${c}`, `ok\n${c}`, `x ${c}`]);
  return [...lead, ...fc.sample(hostileText(), { numRuns: count, seed })];
}
