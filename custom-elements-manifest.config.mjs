// `npm run analyze` (cem analyze): writes custom-elements.json from the elements' JSDoc
// (@summary, @slot, @csspart, @cssprop, @fires) and Lit properties. Storybook's docs,
// editors and the published package read it.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/cli/**'],
  outdir: '.',
  litelement: true,
  plugins: [defineElementCalls(), publishedPaths()],
};

/**
 * Our elements register with `defineElement('lesson-x', LessonX)` (a guard against
 * double registration), which the analyzer does not know: without this plugin no
 * class would get its tag name or be marked as a custom element.
 */
function defineElementCalls() {
  return {
    name: 'lesson-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tag, constructor] = node.arguments;
      if (!tag || !ts.isStringLiteralLike(tag) || !constructor || !ts.isIdentifier(constructor)) return;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        {
          kind: 'custom-element-definition',
          name: tag.text,
          declaration: { name: constructor.text, module: moduleDoc.path },
        },
      ];
    },
  };
}

/** The manifest describes the published modules: `src/x.ts` -> `dist/x.js`. */
function publishedPaths() {
  const published = (path) => path?.replace(/^\/?src\/(.*)\.ts$/, 'dist/$1.js').replace(/^\/?src\/(.*)\.js$/, 'dist/$1.js');
  const fixReferences = (node) => {
    if (Array.isArray(node)) return node.forEach(fixReferences);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'module' && typeof value === 'string') node[key] = published(value);
      else fixReferences(value);
    }
  };
  return {
    name: 'lesson-published-paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const moduleDoc of customElementsManifest.modules) {
        moduleDoc.path = published(moduleDoc.path);
        fixReferences(moduleDoc.declarations);
        fixReferences(moduleDoc.exports);
      }
    },
  };
}
