import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Imports that climb out of the folder they are written in: use `@/…` so the rules below can see them. */
const noClimbing = { regex: String.raw`^\.\./\.\./`, message: "Import across folders with '@/…', not '../../'." };

/**
 * Unidirectional code (bulletproof-react): app/ composes features; a feature uses lib/ and components/
 * but never another feature; lib/ and components/ use neither.
 */
const boundaries = [
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noClimbing,
            {
              regex: String.raw`^@/features/(?!${feature}(/|$))`,
              message: `A feature does not import another feature: move what ${feature} shares to lib/ or components/, or compose them in app/.`,
            },
            { regex: '^@/app(/|$)', message: 'Features do not import the app shell.' },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/lib/**', 'src/components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noClimbing,
            {
              regex: '^@/(features|app)(/|$)',
              message: 'lib/ and components/ are shared: they do not import features or the app.',
            },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'test-results/', 'playwright-report/', 'src/lib/api/schema.d.ts'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser },
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tooling scripts and this file: plain JS outside the TypeScript projects, run by Node.
    files: ['**/*.{js,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['e2e/**', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    // Playwright reads a fixture's dependencies from its first parameter, so one with none takes `{}`.
    rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] },
  },
  ...boundaries,
);
