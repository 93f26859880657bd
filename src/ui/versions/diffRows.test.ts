import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHANGES } from "../../model/versions/changes";
import { TEXTS } from "../../model/versions/texts";
import { diffRows } from "./diffRows";

const root = join(__dirname, "../../..");
const file = (v: keyof typeof TEXTS) =>
  readFileSync(join(root, v === "4.0.14" ? "src/model/seed/startBgsaveForReplication.c" : `src/model/seed/${v}/startBgsaveForReplication.c`), "utf8");

describe("the two texts side by side", () => {
  it.each(CHANGES.map((c) => [`${c.from} → ${c.to}`, c] as const))("%s: every line of both texts once, in order; unchanged rows hold equal text", (_name, c) => {
    const older = file(c.from);
    const newer = file(c.to);
    const rows = diffRows(older, newer, c.hunks);
    const olds = rows.flatMap((r) => (r.kind === "explain" || !r.old ? [] : [r.old.n]));
    const news = rows.flatMap((r) => (r.kind === "explain" || !r.new ? [] : [r.new.n]));
    expect(olds).toEqual(Array.from({ length: older.replace(/\n$/, "").split("\n").length }, (_, k) => k + 1));
    expect(news).toEqual(Array.from({ length: newer.replace(/\n$/, "").split("\n").length }, (_, k) => k + 1));
    for (const r of rows) if (r.kind === "same") expect(r.new.text, `line ${r.old.n} / ${r.new.n}`).toBe(r.old.text);
    // Each hunk is shown, with its explanation after its lines.
    expect(rows.filter((r) => r.kind === "explain").map((r) => r.hunk).sort((x, y) => x - y)).toEqual(c.hunks.map((_, k) => k));
  });

  it("4.0.14 → 5.0.5 shows the added replstate line on the newer side only", () => {
    const c = CHANGES.find((x) => x.from === "4.0.14" && x.to === "5.0.5")!;
    const rows = diffRows(file("4.0.14"), file("5.0.5"), c.hunks);
    const added = rows.find((r) => r.kind === "change" && r.new?.text.includes("slave->replstate = REPL_STATE_NONE;"));
    expect(added).toBeDefined();
    expect(added?.kind === "change" && added.old).toBeNull();
  });
});
