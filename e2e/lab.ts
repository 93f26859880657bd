/**
 * How a student drives the lab, in words the specs can read like clicks: "step forward",
 * "the replica r1", "the server log". Only accessible names and roles are used.
 */
import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";
import { deflateSync, inflateSync } from "fflate";

export const SCREENSHOTS = "test-results/screenshots";

/**
 * The accessible names of docs/architecture.md §8 in each language of the page: the English ones
 * are the contract; in Chinese every control is named by its Chinese words (label in name).
 */
export const NAMES = {
  en: {
    target: "BGSAVE target",
    timeline: "Timeline",
    code: "Source code",
    explanation: "Explanation",
    serverLog: "Server log",
    scenario: "Scenario",
    replica: (id: string) => `Replica ${id}`,
    first: "First step",
    back: "Step back",
    play: "Play",
    pause: "Pause",
    forward: "Step forward",
    last: "Last step",
    copyLink: "Copy link",
    more: "More",
  },
  zh: {
    target: "BGSAVE 目标",
    timeline: "时间轴",
    code: "源代码",
    explanation: "说明",
    serverLog: "服务器日志",
    scenario: "场景",
    replica: (id: string) => `从节点 ${id}`,
    first: "第一步",
    back: "后退一步",
    play: "播放",
    pause: "暂停",
    forward: "前进一步",
    last: "最后一步",
    copyLink: "复制链接",
    more: "更多",
  },
} as const;

/** Where the page remembers preferences (src/store/labStore.ts), and the "Start here" card's being seen. */
export const PREFS_KEY = "fullresync-lab:prefs";

const returning = new WeakSet<Page>();

/**
 * Every page load of this page comes as a returning visitor's: the first visit's "Start here" card
 * has been closed before, so it does not cover the page. The rest of what is remembered stays.
 */
export async function asReturningVisitor(page: Page) {
  if (returning.has(page)) return;
  returning.add(page);
  await page.addInitScript((key) => {
    // about:blank and other pages without an origin of their own have no storage: nothing to do there.
    if (location.origin === "null") return;
    let stored: { state?: Record<string, unknown>; version?: number } | null = null;
    try {
      stored = JSON.parse(localStorage.getItem(key) ?? "null");
    } catch {
      stored = null;
    }
    const state = { ...(stored?.state ?? {}), startHereSeen: true };
    localStorage.setItem(key, JSON.stringify({ state, version: stored?.version ?? 1 }));
  }, PREFS_KEY);
}

export interface LabOptions {
  /** Open the page as a first-time visitor would (the "Start here" card shows); else as a returning one. */
  firstVisit?: boolean;
}

/** The lab as a student sees it, found by the names of the page's language (English unless told). */
export function lab(page: Page, lang: keyof typeof NAMES = "en", options: LabOptions = {}) {
  const names = NAMES[lang];
  const ready = options.firstVisit ? Promise.resolve() : asReturningVisitor(page);
  // A spec that navigates on its own (page.goto) may never wait for it; a closed page must not fail it.
  ready.catch(() => undefined);
  const ui = {
    page,
    names,
    target: page.getByRole("status", { name: names.target }),
    timeline: page.getByRole("slider", { name: names.timeline }),
    code: page.getByRole("region", { name: names.code }),
    currentLine: page.getByRole("region", { name: names.code }).locator('[aria-current="step"]'),
    explanation: page.getByRole("region", { name: names.explanation }),
    serverLog: page.getByRole("region", { name: names.serverLog }),
    scenario: page.getByRole("combobox", { name: names.scenario }),
    replica: (id: string): Locator => page.getByRole("group", { name: names.replica(id) }),
    button: (name: string): Locator => page.getByRole("button", { name, exact: true }),
    /** The header's More menu (src/ui/layout/MoreButton.tsx) and its items. */
    moreButton: page.getByRole("button", { name: names.more, exact: true }),
    moreMenu: page.getByRole("menu", { name: names.more }),
    /**
     * A tool of the More menu — "Open scenario file", "Save scenario", "Embed", "Diagram as SVG",
     * "Keyboard shortcuts", … — as a student reaches it: open the menu, then the item. Click the
     * returned item (or wait for the download it starts).
     */
    async tool(name: string): Promise<Locator> {
      if ((await ui.moreButton.getAttribute("aria-expanded")) !== "true") await ui.moreButton.click();
      await expect(ui.moreMenu).toBeVisible();
      return ui.moreMenu.getByRole("menuitem", { name, exact: true });
    },

    async open(path = "/") {
      await ready;
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: "FullResync Lab" })).toBeVisible();
    },
    async stepForward() {
      await ui.button(names.forward).click();
    },
    async stepSize(size: "Event" | "Line") {
      await page.getByRole("radio", { name: size }).check();
    },
    async frame(): Promise<number> {
      return Number(await ui.timeline.inputValue());
    },
    /** Step forward until `done` holds; fails after `max` steps. */
    async stepUntil(done: () => Promise<boolean>, max = 200) {
      for (let i = 0; i < max; i++) {
        if (await done()) return;
        await ui.stepForward();
      }
      throw new Error(`condition not reached after ${max} steps`);
    },
    async textOf(locator: Locator): Promise<string> {
      return (await locator.textContent()) ?? "";
    },
    async screenshot(name: string) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      // Let the message animations finish so the picture shows where things ended.
      await page.waitForTimeout(800);
      await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
    },
    async useTheme(theme: "light" | "dark") {
      await page.emulateMedia({ colorScheme: theme });
      await expect(page.locator("html")).toHaveClass(theme === "dark" ? /dark/ : /^(?!.*dark).*$/);
    },
  };
  return ui;
}

/** No serious or critical axe violations on the page as it is now. */
export async function expectNoSeriousA11yProblems(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    blocking.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 4).join(", ")}`),
  ).toEqual([]);
}

/**
 * Share links read and written the way the page's format is specified (`#s=` + base64url of the
 * raw-DEFLATE'd JSON payload), without the page's own code, so the tests check the format itself.
 */
export function linkPayload(url: string): Record<string, unknown> {
  const at = url.indexOf("#s=");
  if (at < 0) throw new Error(`not a share link: ${url.slice(0, 80)}`);
  const bytes = Buffer.from(url.slice(at + 3), "base64url");
  return JSON.parse(new TextDecoder().decode(inflateSync(bytes))) as Record<string, unknown>;
}

/** A link to the payload (an object, or JSON text for payloads JSON.stringify cannot write). */
export function shareLink(payload: Record<string, unknown> | string): string {
  const json = typeof payload === "string" ? payload : JSON.stringify(payload);
  return `/#s=${Buffer.from(deflateSync(new TextEncoder().encode(json))).toString("base64url")}`;
}
