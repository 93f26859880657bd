/** Code ↔ picture in words (src/ui/i18n page.link): what a part or a line is linked to, for assistive technology. */
import type { PageDict } from "../i18n";
import type { LitKey, Linked, PipeKind } from "./codeLink";

type LinkWords = PageDict["link"];

/** Line numbers as runs: [47, 48, 49, 50, 53] → "47–50, 53". */
export function lineRanges(lines: Iterable<number>): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    runs.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return runs.join(", ");
}

/** One lit key in words ("the fork() edge", "the command pipe to r1"). */
export function pieceWords(key: LitKey, w: LinkWords["piece"]): string {
  if (key.startsWith("replica:")) return w.replica(key.slice("replica:".length));
  if (key.startsWith("pipe:")) {
    const [, kind, id] = key.split(":") as [string, PipeKind, string];
    return w.pipe[kind](id);
  }
  if (key.startsWith("branch:")) return w.branch[key.slice("branch:".length) as keyof LinkWords["piece"]["branch"]];
  if (key === "edge:fork") return w.fork;
  if (key === "edge:write") return w.write;
  return w[key as "primary" | "scriptCache" | "decision" | "child" | "rdbFile"];
}

/** "Linked to code lines 35, 37, 2 server log lines and 1 wire entry." */
export function partLinksWords(linked: Linked, w: LinkWords): string {
  let wire = 0;
  for (const s of linked.wire.values()) wire += s.wire.size + s.reply.size;
  return w.partLinks(lineRanges(linked.lines), linked.log.size, wire);
}

/** "Lights in the diagram: the forked child, the fork() edge." */
export function lineLightsWords(linked: Linked, w: LinkWords, sep: string): string {
  return w.lineLights([...linked.parts].map((k) => pieceWords(k, w.piece)).join(sep));
}
