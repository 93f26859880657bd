import { createContext, useContext, useId, useState, type KeyboardEvent, type ReactNode } from "react";
import { useLab } from "../../store/labStore";
import { linkKey, type DiagramPart } from "../../store/slices/linkSlice";
import { useWords, type PageDict } from "../i18n";
import type { Box } from "../diagram/layout";
import { partKeys, type LitKey } from "./codeLink";
import type { useLinked, useStepEffects } from "./useLinked";
import { partLinksWords } from "./words";

/** How a part of the diagram is lit: by the line just executed, by what the reader points at. */
export interface PartLit {
  step: boolean;
  link: boolean;
}

interface DiagramLinkValue {
  step: ReturnType<typeof useStepEffects>;
  linked: ReturnType<typeof useLinked>;
  /** The one part Tab reaches (a roving tab stop); the arrow keys move between the others. */
  stop: string;
  setStop: (key: string) => void;
}

const DiagramLinkContext = createContext<DiagramLinkValue | null>(null);

/** Around the diagram: what is lit, and which part takes the Tab stop. */
export function DiagramLinkProvider({
  children,
  parts,
  step,
  linked,
}: {
  children: ReactNode;
  parts: readonly string[];
  step: ReturnType<typeof useStepEffects>;
  linked: ReturnType<typeof useLinked>;
}) {
  const [chosen, setStop] = useState(FIRST_PART);
  // A part that left the picture (a replica box of another scenario) gives the stop back to the first.
  const stop = parts.includes(chosen) ? chosen : (parts[0] ?? FIRST_PART);
  return <DiagramLinkContext.Provider value={{ step, linked, stop, setStop }}>{children}</DiagramLinkContext.Provider>;
}

const litBy = (keys: readonly LitKey[], set: ReadonlySet<LitKey> | undefined) => !!set && keys.some((k) => set.has(k));

/** Whether any of these keys is lit (an edge, a Decision row, a box). */
export function litOf(keys: readonly LitKey[], step: ReadonlySet<LitKey>, linked: ReadonlySet<LitKey> | undefined): PartLit {
  return { step: litBy(keys, step), link: litBy(keys, linked) };
}

/** The same, inside the diagram. */
export function useLit(keys: readonly LitKey[]): PartLit {
  const v = useContext(DiagramLinkContext);
  return litOf(keys, v?.step.parts ?? new Set(), v?.linked.linked?.parts);
}

/** The data attributes tests and styles read: `data-step-lit` (the line just executed), `data-linked` (pointed at). */
export const litAttrs = (lit: PartLit) => ({ "data-step-lit": lit.step ? "" : undefined, "data-linked": lit.link ? "" : undefined });

/** A lit edge: full strength and a glow, in the colour of what lit it (index.css `.link-edge-*`). */
export const litEdgeClass = (lit: PartLit) => (lit.link ? "link-edge-link" : lit.step ? "link-edge-step" : "");

/** A lit outline (a Decision row's): the colour of what lit it. */
export const litStrokeClass = (lit: PartLit) =>
  lit.link ? "stroke-indigo-600 dark:stroke-indigo-300" : lit.step ? "stroke-yellow-600 dark:stroke-yellow-400" : "";

/** The ↑/↓ and Escape keys of the diagram's parts (on the SVG). */
export function useDiagramKeys() {
  const setLink = useLab((s) => s.setLink);
  return (e: KeyboardEvent<SVGSVGElement>) => {
    const here = (e.target as Element).closest?.("[data-part]");
    if (!here) return;
    if (e.key === "Escape") {
      setLink(null);
      return;
    }
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    e.preventDefault();
    const all = [...e.currentTarget.querySelectorAll<SVGGElement>("[data-part]")];
    const i = all.indexOf(here as SVGGElement);
    all[(i + (e.key === "ArrowDown" ? 1 : all.length - 1)) % all.length]?.focus();
  };
}

/**
 * A part of the diagram the reader can point at: hovering or focusing it links it to its code
 * lines, log lines and wire entries (src/ui/link/codeLink.ts); leaving, blur or Escape unlights.
 * Lit, it draws a ring inside its box (`ring`), so nothing moves and nothing is covered. Its
 * description says in words what lit it and what it is linked to.
 */
export function LinkPart({ part, name, ring, children }: { part: DiagramPart; name?: string; ring: string | null; children: ReactNode }) {
  const v = useContext(DiagramLinkContext);
  const setLink = useLab((s) => s.setLink);
  const words = useWords().dict.page.link;
  const descId = useId();
  const key = linkKey({ from: "diagram", part });
  const keys = partKeys(part);
  const lit = useLit(keys);
  const source = v?.linked.link;
  const isSource = !!source && linkKey(source) === key;
  const label = name ?? defaultName(part, words.part);
  const description = [
    lit.step && v?.step.line !== null && v?.step.line !== undefined ? words.stepLit(v.step.line) : "",
    isSource && v?.linked.linked ? partLinksWords(v.linked.linked, words) : "",
    words.keys,
  ]
    .filter(Boolean)
    .join(" ");
  const point = () => setLink({ from: "diagram", part });
  const leave = (el: Element) => {
    const now = useLab.getState().link;
    if (linkKey(now) === key && document.activeElement !== el) setLink(null);
  };
  return (
    <g
      data-part={key}
      {...litAttrs(lit)}
      role="img"
      aria-label={label}
      aria-describedby={descId}
      tabIndex={v?.stop === key ? 0 : -1}
      className="link-part"
      onPointerEnter={point}
      onPointerLeave={(e) => leave(e.currentTarget)}
      onFocus={() => {
        v?.setStop(key);
        point();
      }}
      onBlur={() => {
        if (linkKey(useLab.getState().link) === key) setLink(null);
      }}
    >
      <desc id={descId}>{description}</desc>
      {children}
      {ring && (lit.step || lit.link) && (
        <path
          aria-hidden="true"
          d={ring}
          className={`pointer-events-none fill-none ${litStrokeClass(lit)}`}
          strokeWidth={1.8}
          strokeDasharray={lit.link ? "5 2" : undefined}
        />
      )}
    </g>
  );
}

/** The ring of a lit box: its outline 2 units inside, clear of the text (which starts 8 in). */
export function ringRect({ x, y, w, h }: Box, rx: number): string {
  const [l, t, r, b, q] = [x + 2, y + 2, x + w - 2, y + h - 2, Math.max(0, rx - 2)];
  return `M${l + q} ${t}H${r - q}A${q} ${q} 0 0 1 ${r} ${t + q}V${b - q}A${q} ${q} 0 0 1 ${r - q} ${b}H${l + q}A${q} ${q} 0 0 1 ${l} ${b - q}V${t + q}A${q} ${q} 0 0 1 ${l + q} ${t}Z`;
}

/** The ring of dump.rdb's page: its outline with the folded corner, 2 units inside. */
export function ringPage({ x, y, w, h }: Box, fold: number): string {
  const d = 2 * Math.SQRT2 - 2; // where the diagonal, moved 2 inwards, meets the inner edges
  return `M${x + 2} ${y + 2}H${x + w - fold - d}L${x + w - 2} ${y + fold + d}V${y + h - 2}H${x + 2}Z`;
}

function defaultName(part: DiagramPart, w: PageDict["link"]["part"]): string {
  switch (part.kind) {
    case "branch":
      return w.branch[part.branch];
    case "replicas":
      return w.replica(part.ids.join(", "));
    default:
      return w[part.kind];
  }
}

/** The key of the first part in the diagram (the Tab stop until another part is focused). */
export const FIRST_PART = linkKey({ from: "diagram", part: { kind: "primary" } });
