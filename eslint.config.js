import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const API_CLIENT_RESTRICTION = {
  regex: '(^|/)lib/api$',
  importNames: ['api'],
  message: 'Call the API through lib/endpoints (typed by the contract), not api.get/post by hand.',
};

/**
 * Web features import each other one way only, so they never import each other in circles: a
 * feature may import the features of the layers above its own, never one of its own layer or a
 * later one. Pages compose features and may import any. A new feature directory goes into the
 * layer that fits what it imports (src/web/features/feature-layers.test.ts checks they all do).
 */
const FEATURE_LAYERS = [
  ['preflight'],
  ['arcs', 'audit', 'catalog', 'checklist', 'export', 'seeds', 'settings', 'shortcuts', 'templates'],
  ['runs', 'template-analytics'],
  ['documents', 'duplicates', 'edge-cases', 'errors', 'planning', 'quality', 'regenerate', 'scenarios'],
  ['conversations', 'coverage', 'tiers'],
  ['review', 'selection'],
  ['shell'],
];

/** lib and components are below every feature. */
const NO_FEATURES = { regex: '(^|/)features/', message: 'lib and components are shared by every feature: they must not import one. Move what both need down into lib or components.' };

function featureRestriction(feature, layer) {
  const later = FEATURE_LAYERS.slice(layer).flat().filter((other) => other !== feature);
  return {
    regex: `(^|/)\\.\\./(${later.join('|')})/`,
    message: `features/${feature} may import only features of earlier layers (${FEATURE_LAYERS.slice(0, layer).flat().join(', ') || 'none'}); see FEATURE_LAYERS in eslint.config.js. Move what both need down, or pass it in from the page.`,
  };
}

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const webFiles = (folder) => [`src/web/${folder}**/*.ts`, `src/web/${folder}**/*.tsx`];

/** The web's import rules (one rule, so a later block replaces it for its files: the exceptions come last). */
const webImportRules = [
  { files: webFiles(''), rules: restrict(API_CLIENT_RESTRICTION) },
  { files: [...webFiles('lib/'), ...webFiles('components/')], rules: restrict(API_CLIENT_RESTRICTION, NO_FEATURES) },
  ...FEATURE_LAYERS.flatMap((features, layer) => features.map((feature) => ({ files: webFiles(`features/${feature}/`), rules: restrict(API_CLIENT_RESTRICTION, featureRestriction(feature, layer)) }))),
  // The endpoints module is where the API client is used.
  { files: ['src/web/lib/endpoints.ts'], rules: restrict(NO_FEATURES) },
];

/** An import of any of these top-level folders of src, from any depth. */
const srcFolders = (...names) => names.map((name) => ({ group: [`**/${name}`, `**/${name}/**`], message: `This layer must not import src/${name} (see DESIGN.md, Layout).` }));
const ALL_LAYERS = ['accounts', 'cli', 'config', 'contract', 'db', 'exports', 'generation', 'notify', 'planning', 'retention', 'review', 'server', 'settings', 'web'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'drizzle/', '.test-data/', '.scratch/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/web/**/*.tsx', 'src/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  ...webImportRules,
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.js', 'demo/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  // The layers (DESIGN.md): core is pure and imports only core; the database layer never reaches
  // up into generation, accounts or retention. Tests may import their fixtures.
  {
    files: ['src/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: srcFolders(...ALL_LAYERS) }] },
  },
  {
    files: ['src/db/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: srcFolders('generation', 'accounts', 'planning', 'retention') }] },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
