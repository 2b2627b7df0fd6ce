// ESLint flat config. `npm run lint` runs tsc (tsconfig.lint.json), this, and lit-analyzer on the templates.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    'dist/',
    'storybook-static/',
    'node_modules/',
    'coverage/',
    'custom-elements.json',
    '.tachometer/',
    'out/',
    '.tmp*/',
    '**/*.d.ts',
  ]),

  js.configs.recommended,

  // TypeScript: type-aware rules over one program (src, test, stories, .storybook: see tsconfig.lint.json).
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        project: './tsconfig.lint.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `_unused` marks a parameter kept for its position (overridden hooks, callbacks).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Lit event listeners in templates (`@click=${this.onClick}`) are bound by Lit to the host.
      '@typescript-eslint/unbound-method': 'off',
      // Fire-and-forget is deliberate in event handlers (`void this.play()` is still preferred).
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false, arguments: false } }],
      // `reject(signal.reason)` passes the abort reason on unchanged, as fetch does.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      // Index access is not checked by the compiler (no noUncheckedIndexedAccess), so authors state
      // `items[i]!` / `as T` on purpose; reporting those as "unnecessary" is noise.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Elements add their UI string keys by declaration merging: `interface UiStrings extends XStrings {}`.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },

  // Elements: Lit and custom-element rules for the library and everything that renders templates.
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/**/*.ts', '.storybook/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended'], wc.configs['flat/best-practice']],
    languageOptions: { globals: globals.browser },
    settings: { wc: { elementBaseClasses: ['LitElement', 'LessonElement'] } },
    rules: {
      // LitElement always implements the lifecycle callbacks, so `super.connectedCallback()` needs no guard.
      'wc/guard-super-call': 'off',
      'lit/no-useless-template-literals': 'error',
      'lit/prefer-nothing': 'error',
      'lit/no-legacy-imports': 'error',
      'lit/no-invalid-escape-sequences': 'error',
      'lit/no-value-attribute': 'error',
      'lit/attribute-names': 'error',
      'lit/no-this-assign-in-render': 'error',
      'lit/prefer-static-styles': 'error',
      'lit/no-native-attributes': 'error',
      'lit/lifecycle-super': 'error',
      'lit/no-classfield-shadowing': 'error',
    },
  },

  // Tests: Mocha globals; chai's `expect(x).to.be.true` is an expression statement by design.
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      // @open-wc/semantic-dom-diff types every chai `equal` as a Promise (for `.dom.to.equal`); plain
      // `expect(x).to.equal(y)` is synchronous, so it may float. `.accessible()` is still caught.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          ignoreVoid: true,
          allowForKnownSafeCalls: [{ from: 'package', package: '@open-wc/semantic-dom-diff', name: 'Equal' }],
        },
      ],
      // ...so the DOM comparisons, which really are asynchronous, are checked here instead.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'ExpressionStatement > CallExpression[callee.property.name=/^(equal|notEqual|equalSnapshot|notEqualSnapshot)$/]:has(MemberExpression[property.name=/^(dom|lightDom|shadowDom)$/])',
          message: 'DOM comparisons are asynchronous: `await expect(el).dom.to.equal(...)`.',
        },
      ],
      // Events and fixtures from @open-wc/testing are typed `any`; tests read their fields directly.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  // Node: scripts, configs, the CLI entry.
  {
    files: ['**/*.{js,mjs,cjs}', 'src/cli/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
  // Node tests that drive a browser: the callbacks they hand to page.evaluate() run in the page.
  {
    files: ['test/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  // Benchmark pages' helper scripts and the browser tests' classic scripts run in the browser.
  {
    files: ['bench/**/*.{js,mjs}', 'demo/**/*.{js,mjs}', 'test/fixtures/*.js'],
    languageOptions: { globals: globals.browser },
  },
);
