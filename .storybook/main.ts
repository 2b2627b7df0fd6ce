import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

// Storybook for designers and element authors. Stories live in `stories/`; the seed lessons are
// served at `/lessons`, so a story points an element at `src="lessons/python-concurrency.json#id"`.

/** Runtime dependencies of the elements, pre-bundled by the dev server before the first story loads. */
const prebundledDependencies = [
  'lit',
  'lit/decorators.js',
  'lit/directive.js',
  'lit/directive-helpers.js',
  'lit/async-directive.js',
  'lit/static-html.js',
  ...['class-map', 'guard', 'if-defined', 'keyed', 'live', 'ref', 'repeat', 'style-map', 'when'].map(
    (name) => `lit/directives/${name}.js`,
  ),
  '@lit/context',
  'valibot',
  'ts-fsrs',
  '@floating-ui/dom',
  'fflate',
];

/**
 * package.json "sideEffects" lists only dist/ files (right for npm users), so to the bundler every
 * src/ module is side-effect free, and a story's `import '../src/components/x/x.js'`, which only
 * defines the tag, was tree-shaken from the production build: the element was never defined.
 * In Storybook every src/ module keeps its side effects.
 */
const keepElementDefinitions: Plugin = {
  name: 'lesson-elements:keep-element-definitions',
  transform(code, id) {
    if (/[\\/]src[\\/].*\.ts$/.test(id.split('?')[0] ?? '')) return { code, map: null, moduleSideEffects: true };
    return undefined;
  },
};

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  // No network calls from Storybook itself: no telemetry, no "what's new" feed.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  staticDirs: [{ from: '../demo/lessons', to: '/lessons' }],
  viteFinal(viteConfig, { configType }) {
    // Lit's `@property()` needs TypeScript's legacy decorators without define semantics for class fields
    // (tsconfig: experimentalDecorators, useDefineForClassFields: false). Vite 8 transforms TypeScript with
    // Oxc, and inside Storybook it left `@property()` untransformed (a SyntaxError in the browser), so the
    // options are stated here. Checked in the built Storybook: attribute and property changes re-render.
    const oxc = typeof viteConfig.oxc === 'object' && viteConfig.oxc ? viteConfig.oxc : {};
    return {
      ...viteConfig,
      plugins: [...(viteConfig.plugins ?? []), keepElementDefinitions],
      // The production build lists every chunk at `info`; CI logs only need problems.
      ...(configType === 'PRODUCTION' ? { logLevel: 'warn' as const } : {}),
      // Storybook's own UI chunks (axe, docs blocks) are large by design; our code is measured by `npm run size`.
      build: { ...viteConfig.build, chunkSizeWarningLimit: 2048 },
      optimizeDeps: {
        ...viteConfig.optimizeDeps,
        // Pre-bundle Lit (with the helper the web-components renderer imports) in one pass: found later,
        // it is bundled again and the page runs two copies of lit-html ("Multiple versions of Lit loaded").
        include: [...(viteConfig.optimizeDeps?.include ?? []), ...prebundledDependencies],
      },
      oxc: {
        ...oxc,
        decorator: { legacy: true },
        typescript: { ...(oxc.typescript ?? {}), removeClassFieldsWithoutInitializer: true },
        assumptions: { ...(oxc.assumptions ?? {}), setPublicClassFields: true },
      },
    };
  },
};

export default config;
