// ESLint flat config: typescript-eslint's recommended rules on every TypeScript source, and the
// import rules an editor can show while typing. The full layering (no cycles, thin entries, one
// capability never importing another, a lazy CLI) is checked over the whole import graph by
// test/foundation/layering.test.ts, which ESLint's per-file rules cannot do.
import tseslint from 'typescript-eslint';

// Later config objects replace a rule's options rather than merge them, so every block that sets
// no-restricted-imports repeats this one.
const TEAM_KIT = {
  group: ['../../shared/notes/*', '**/../shared/hooks/*'],
  message: 'product code never imports the team kit beside the checkout',
};
const ACTIONS_TOOLKIT = {
  group: ['@actions/*', '@octokit/*'],
  message: 'only shared/github/ imports the Actions toolkit',
};
const CAPABILITIES = {
  group: ['../egress/*', '../audit/*', '../cloudtrail/*', '../egress', '../audit', '../cloudtrail'],
  message: 'shared/github/ imports no capability: declare the type here and let the capability map it',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'samples/**', 'action-docs/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [TEAM_KIT] }],
    },
  },
  {
    // Only shared/github/ may import the Actions toolkit (README "Layout").
    files: ['shared/**/*.ts'],
    ignores: ['shared/github/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [TEAM_KIT, ACTIONS_TOOLKIT] }] },
  },
  {
    files: ['shared/github/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [TEAM_KIT, CAPABILITIES] }] },
  },
);
