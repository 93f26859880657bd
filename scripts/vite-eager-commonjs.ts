/**
 * Start-up time (docs/architecture.md §9: interactive within 1 s). React and ReactDOM are CommonJS, which the build
 * wraps in one factory per module: `__commonJSMin(((exports) => { … }))`, called when the module is
 * first required. V8 compiles a function on the main thread the first time it is called, unless it
 * is a parenthesised function expression — its hint for "runs at once", which it compiles with the
 * script, on a background thread while the file streams in. ReactDOM's factory alone is 200 kB, and
 * compiling it on the main thread held the first render back by about 50 ms here (`npm run bench`).
 *
 * So each factory becomes `(function (exports, module) { … })`. Its body runs the same: module
 * code is strict, so `this` is undefined either way, and a CommonJS module body has no `arguments`
 * of an enclosing function to see.
 */
import type { Plugin } from "vite";

const ARROW_FACTORY = /(__commonJS(?:Min)?\()\(\((exports(?:, module)?)\) => \{/g;

export function eagerFactories(code: string): string {
  return code.replace(ARROW_FACTORY, "$1(function($2) {");
}

export function eagerCommonJs(): Plugin {
  return {
    name: "eager-commonjs-factories",
    apply: "build",
    renderChunk(code, chunk) {
      const out = eagerFactories(code);
      // A factory in another shape (a new bundler output, say) would silently stay lazy.
      if (/__commonJS(?:Min)?\(\(\(/.test(out)) this.warn(`${chunk.fileName}: a CommonJS factory is not in the expected form and stays lazily compiled`);
      return out === code ? null : { code: out, map: null };
    },
  };
}
