import { describe, expect, it } from "vitest";
import { eagerFactories } from "../scripts/vite-eager-commonjs";

describe("CommonJS factories in the browser build are compiled eagerly (scripts/vite-eager-commonjs.ts)", () => {
  it("turns each arrow factory into a parenthesised function expression with the same parameters and body", () => {
    const chunk = [
      "var require_a = /* @__PURE__ */ __commonJSMin(((exports) => {",
      "\texports.x = 1;",
      "}));",
      "var require_b = /* @__PURE__ */ __commonJSMin(((exports, module) => {",
      "\tmodule.exports = require_a();",
      "}));",
      "const unrelated = list.map((exports) => {",
      "\treturn exports;",
      "});",
    ].join("\n");
    const out = eagerFactories(chunk);
    expect(out).toContain("__commonJSMin((function(exports) {\n\texports.x = 1;\n}));");
    expect(out).toContain("__commonJSMin((function(exports, module) {\n\tmodule.exports = require_a();\n}));");
    expect(out).toContain("list.map((exports) => {");
  });

  it("runs the module the same way", () => {
    const out = eagerFactories(
      [
        "const __commonJSMin = (cb, mod) => () => (mod || (cb((mod = { exports: {} }).exports, mod, mod.exports), cb = null), mod.exports);",
        "const require_a = __commonJSMin(((exports, module) => {",
        "\tmodule.exports = { kind: typeof this, twice: (n) => n * 2 };",
        "}));",
        "return require_a();",
      ].join("\n"),
    );
    expect(out).toContain("(function(exports, module)");
    const run = new Function(`"use strict";\n${out}`) as () => { kind: string; twice: (n: number) => number };
    const mod = run();
    expect(mod.kind).toBe("undefined");
    expect(mod.twice(21)).toBe(42);
  });
});
