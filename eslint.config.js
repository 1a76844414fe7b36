// ESLint flat config: typescript-eslint's recommended rules on every TypeScript source.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'samples/**', 'action-docs/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Product code must not reach into the team kit beside the checkout.
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../shared/notes/*', '**/../shared/hooks/*'] }] }],
    },
  },
  {
    // Only shared/github/ may import the Actions toolkit (README "Layout").
    files: ['shared/**/*.ts'],
    ignores: ['shared/github/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@actions/*', '@octokit/*'], message: 'only shared/github/ imports the Actions toolkit' },
          ],
        },
      ],
    },
  },
);
