// Lint rules for the whole workspace. Module boundaries are what keep the layout of
// docs/architecture.md true: web never imports api, shared imports neither NestJS
// nor Angular, ui never imports data-access. No wildcard rule: every tag is named.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const layer = {
  'type:app': ['type:feature', 'type:data-access', 'type:ui', 'type:util'],
  'type:feature': ['type:feature', 'type:data-access', 'type:ui', 'type:util'],
  'type:data-access': ['type:data-access', 'type:util'],
  'type:ui': ['type:ui', 'type:util'],
  'type:util': ['type:util'],
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.data/**',
      '**/.nx/**',
      '**/.angular/**',
      '**/coverage/**',
      'libs/web/shared/graphql/src/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    plugins: { '@nx': nx },
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            {
              sourceTag: 'scope:shared',
              onlyDependOnLibsWithTags: ['scope:shared'],
              bannedExternalImports: ['@nestjs/*', '@angular/*', 'typeorm', 'express', 'rxjs'],
            },
            ...Object.entries(layer).map(([sourceTag, allowed]) => ({
              sourceTag,
              onlyDependOnLibsWithTags: allowed,
            })),
            // A web feature never imports another feature: what two features share moves
            // down into a data-access, ui or util lib (web/shared/forms, web/shared/ui, …), so
            // each feature stays a lazy chunk. Only the app composes features (lazy routes).
            // The API's domain libs are Nest modules that build on each other (goals reads
            // indicators' series), so there feature → feature stays allowed.
            {
              allSourceTags: ['scope:web', 'type:feature'],
              notDependOnLibsWithTags: ['type:feature'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read untyped JSON from HTTP responses and SQL rows.
    files: ['**/*.spec.ts', 'apps/api-e2e/**/*.ts', 'apps/web-e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Scripts run by Node (tools, configuration files): Node's globals.
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
