import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  // Layout is Prettier's (npm run format); ESLint keeps to what code means.
  prettier,
  {
    ignores: [
      '.next/**',
      'lib/generated/**',
      'node_modules/**',
      '.data/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits loses its error; an async function where a void callback is
      // expected (an onClick, a forEach) does too.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-deprecated': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
    },
  },
  {
    // Layers: routes and components read and write only through lib/<area>, which checks the
    // acting user. The Prisma client and the generated client are lib's alone (enum and model
    // types may be imported as types).
    files: ['app/**', 'components/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@/lib/db',
              message:
                'Pages and components go through lib/<area> functions that take the acting user; only lib/ imports the database client.',
            },
          ],
          patterns: [
            {
              group: ['@/lib/generated/*', '**/lib/generated/*'],
              allowTypeImports: true,
              message: 'Only types may come from the generated Prisma client outside lib/.',
            },
            { group: ['**/lib/db', '../**/db'], message: 'Only lib/ imports the database client.' },
          ],
        },
      ],
    },
  },
  {
    // Generic UI pieces know nothing of the domain: they take plain props.
    files: ['components/ui/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/lib/*', '!@/lib/errors', '!@/lib/format', '!@/lib/cn'],
              message: 'components/ui holds generic pieces: pass plain props instead of importing a domain module.',
            },
            {
              group: ['@/components/*', '!@/components/ui'],
              message: 'components/ui may import only other components/ui pieces.',
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
];

export default config;
