#!/usr/bin/env node
/**
 * Runs lit-analyzer 2 (type checks of Lit template bindings, unknown tags and
 * attributes) with our configuration. Same arguments as `lit-analyzer`:
 *
 *   node scripts/lit-analyzer.mjs src stories
 *
 * lit-analyzer 2.0.3 is the last release and predates Lit 3 and current HTML/CSS,
 * so three things are adjusted here instead of switching rules off wholesale:
 *
 * 1. Lit's `nothing` and `noChange` are unique symbols, which lit-analyzer cannot
 *    type, so `lang=${value ?? nothing}` (Lit's documented way to omit an
 *    attribute) was reported as "Type 'string | Symbol(undefined)' is not
 *    assignable to 'string'". Symbols are dropped from the bound type before it is
 *    checked, as the unreleased upstream fix does (runem/lit-analyzer#364). Every
 *    other binding is still type-checked.
 * 2. Its HTML data is from 2020: `inert`, `popover` and friends are declared as
 *    known attributes.
 * 3. `no-invalid-css` is off: its CSS grammar rejects valid CSS we rely on
 *    (`:has(> x)` is a parse error; `@container`, `@layer`, `container-type`
 *    are "unknown"). CSS is checked in the browser by the tests and stories.
 *    `no-missing-import` is off because TypeScript already reports it.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const modernGlobalAttributes = [
  'inert',
  'popover',
  'popovertarget',
  'popovertargetaction',
  'enterkeyhint',
  'fetchpriority',
  'closedby',
  'aria-description',
  'aria-braillelabel',
  'aria-brailleroledescription',
  'writingsuggestions',
];

const config = {
  strict: true,
  globalAttributes: modernGlobalAttributes,
  rules: {
    'no-invalid-css': 'off',
    'no-missing-import': 'off',
  },
};

// Our settings come first; tsconfig.json's ts-lit-plugin entry and CLI flags can still override them.
const compile = require('lit-analyzer/lib/cli/compile.js');
const readFromTsConfig = compile.readLitAnalyzerConfigFromTsConfig;
compile.readLitAnalyzerConfigFromTsConfig = () => {
  const fromTsConfig = readFromTsConfig() ?? {};
  return {
    ...config,
    ...fromTsConfig,
    globalAttributes: [...config.globalAttributes, ...(fromTsConfig.globalAttributes ?? [])],
    rules: { ...config.rules, ...(fromTsConfig.rules ?? {}) },
  };
};

const isSymbol = (type) => type.kind === 'ES_SYMBOL' || type.kind === 'ES_SYMBOL_UNIQUE';
/** The bound type without Lit's sentinels (`nothing`, `noChange`): they are valid in any binding. */
function withoutLitSentinels(type) {
  if (isSymbol(type)) return { kind: 'ANY' };
  if (type.kind === 'UNION') {
    const kept = type.types.filter((member) => !isSymbol(member));
    if (kept.length === type.types.length) return type;
    if (kept.length === 0) return { kind: 'ANY' };
    return kept.length === 1 ? kept[0] : { ...type, types: kept };
  }
  if (type.kind === 'ALIAS') return { ...type, target: withoutLitSentinels(type.target) };
  return type;
}
const bindingTypes = require('lit-analyzer/lib/rules/util/type/extract-binding-types.js');
const extractBindingTypes = bindingTypes.extractBindingTypes;
bindingTypes.extractBindingTypes = (assignment, context) => {
  const { typeA, typeB } = extractBindingTypes(assignment, context);
  return { typeA, typeB: withoutLitSentinels(typeB) };
};

await require('lit-analyzer').cli();
