import { describe, expect, it } from "vitest";
import { browserLang } from "./lang";

describe("the first visit's language", () => {
  it("is Chinese for a browser whose first language is any Chinese", () => {
    for (const l of ["zh", "zh-CN", "zh-Hans-CN", "ZH-tw", "zh_CN"]) expect(browserLang([l, "en"]), l).toBe("zh");
  });

  it("is English otherwise, and when the browser says nothing", () => {
    expect(browserLang(["en-GB", "zh-CN"])).toBe("en");
    expect(browserLang(["fr"])).toBe("en");
    expect(browserLang(["zhx"])).toBe("en");
    expect(browserLang([])).toBe("en");
    expect(browserLang(undefined)).toBe("en");
  });
});
