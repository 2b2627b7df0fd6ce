/**
 * The Mocha globals our tests use (web-test-runner runs Mocha in the browser).
 * A small stand-in for @types/mocha, which is not installed; delete this file if it is added.
 */
declare namespace Mocha {
  interface Context {
    /** Sets the timeout of the current test or hook, in milliseconds. */
    timeout(ms: number | string): this;
    /** Sets the "slow" threshold of the current test, in milliseconds. */
    slow(ms: number | string): this;
    /** Number of times to retry a failing test. */
    retries(n: number): this;
    /** Marks the current test as skipped (pending). */
    skip(): never;
  }
  type Done = (error?: unknown) => void;
  type Func = (this: Context, done: Done) => void;
  type AsyncFunc = (this: Context) => PromiseLike<unknown>;
  type Body = Func | AsyncFunc | ((this: Context) => void);

  interface SuiteFunction {
    (title: string, fn: (this: Context) => void): void;
    only(title: string, fn: (this: Context) => void): void;
    skip(title: string, fn: (this: Context) => void): void;
  }
  interface TestFunction {
    (title: string, fn?: Body): void;
    only(title: string, fn?: Body): void;
    skip(title: string, fn?: Body): void;
  }
  interface HookFunction {
    (fn: Body): void;
    (description: string, fn: Body): void;
  }
}

declare const describe: Mocha.SuiteFunction;
declare const context: Mocha.SuiteFunction;
declare const it: Mocha.TestFunction;
declare const before: Mocha.HookFunction;
declare const after: Mocha.HookFunction;
declare const beforeEach: Mocha.HookFunction;
declare const afterEach: Mocha.HookFunction;
