// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The determinism contract of the design: src/core and src/scenarios are pure.
 * They may not import UI libraries or touch the wall clock, timers, the DOM or Math.random.
 * Transcendental Math functions are banned too: their last bit may differ between engines.
 */
const pureLayerRules = {
  'no-restricted-imports': [
    'error',
    {
      paths: ['react', 'react-dom', 'zustand', 'd3', 'd3-selection'].map((name) => ({
        name,
        message:
          'src/core and src/scenarios are headless and deterministic (README, Layout of the code).',
      })),
      patterns: [
        {
          group: ['react/*', 'react-dom/*', 'zustand/*'],
          message: 'src/core and src/scenarios are a pure layer (README, Layout of the code).',
        },
        {
          group: ['**/store/**', '**/views/**', '**/services/**', '**/i18n/**', '**/cli/**'],
          message: 'Each folder imports only the folders above it (README, Layout of the code).',
        },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    ...[
      'window',
      'document',
      'navigator',
      'location',
      'Date',
      'performance',
      'setTimeout',
      'setInterval',
      'setImmediate',
      'clearTimeout',
      'clearInterval',
      'requestAnimationFrame',
      'queueMicrotask',
      'process',
    ].map((name) => ({
      name,
      message: `${name} is banned in the deterministic core (README, Layout of the code).`,
    })),
  ],
  'no-restricted-properties': [
    'error',
    ...[
      'random',
      'sin',
      'cos',
      'tan',
      'exp',
      'log',
      'pow',
      'atan2',
      'asin',
      'acos',
      'atan',
      'expm1',
      'log1p',
      'log2',
      'log10',
      'sinh',
      'cosh',
      'tanh',
      'cbrt',
      'hypot',
    ].map((property) => ({
      object: 'Math',
      property,
      message: `Math.${property} is banned in the deterministic core (README, Layout of the code).`,
    })),
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'coverage',
      'test/browser/screenshots',
      '.bench-instructions-*.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/scenarios/**/*.ts'],
    languageOptions: { globals: {} },
    rules: pureLayerRules,
  },
  // The folders above the views use only the folders above them (README, "Layout of the code").
  ...[
    ['src/store/**/*.{ts,tsx}', ['**/i18n/**', '**/services/**', '**/views/**', '**/cli/**']],
    ['src/i18n/**/*.{ts,tsx}', ['**/store/**', '**/services/**', '**/views/**', '**/cli/**']],
    ['src/services/**/*.{ts,tsx}', ['**/views/**', '**/cli/**']],
  ].map(([files, group]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group, message: 'Arrows point one way: see the layout in README.md.' }] },
      ],
    },
  })),
);
