/**
 * The embedded view's query: `?embed&frames=<a>-<b>[&autoplay][&loop]`, next to the `#s=` fragment
 * that carries scenario, edits and language (src/share). `a` and `b` are frame numbers as people
 * read them, from 1 (src/store/numbering.ts). Links written before that carry `from=<i>&to=<j>`,
 * 0-based indices; they are still read (`frames=` wins when both are there).
 * Everything is read defensively: a missing or odd value falls back to the whole trace.
 */
import { frameIndex, frameNumber } from "../../store/numbering";

export interface EmbedParams {
  /** 0-based indices, as the store's cursor. */
  from: number | null;
  to: number | null;
  autoplay: boolean;
  loop: boolean;
}

export interface EmbedRange {
  from: number;
  to: number;
}

export { isEmbed } from "./isEmbed";

const FRAME = /^\d{1,7}$/;

function frameParam(params: URLSearchParams, name: string): number | null {
  const v = params.get(name);
  return v !== null && FRAME.test(v) ? Number(v) : null;
}

/** A flag is on when present without a value, or with anything but "0"/"false"/"no". */
function flag(params: URLSearchParams, name: string): boolean {
  const v = params.get(name);
  return v !== null && !["0", "false", "no"].includes(v.toLowerCase());
}

/** `frames=a-b`, `frames=a-` or `frames=a` (one frame): numbers from 1, as indices. */
const FRAMES = /^(\d{1,7})(?:(-)(\d{1,7})?)?$/;

function framesParam(params: URLSearchParams): Pick<EmbedParams, "from" | "to"> | null {
  const m = FRAMES.exec(params.get("frames") ?? "");
  if (!m) return null;
  const index = (n: string | undefined) => (n === undefined ? null : Math.max(0, frameIndex(Number(n))));
  const from = index(m[1]);
  return { from, to: m[2] ? index(m[3]) : from };
}

export function readEmbedParams(search: string): EmbedParams {
  const params = new URLSearchParams(search);
  const range = framesParam(params) ?? { from: frameParam(params, "from"), to: frameParam(params, "to") };
  return { ...range, autoplay: flag(params, "autoplay"), loop: flag(params, "loop") };
}

/** The range within a trace of `count` frames: clamped, and `from ≤ to`. */
export function embedRange(p: Pick<EmbedParams, "from" | "to">, count: number): EmbedRange {
  const last = Math.max(0, count - 1);
  const from = Math.min(p.from ?? 0, last);
  const to = Math.max(from, Math.min(p.to ?? last, last));
  return { from, to };
}

export interface EmbedSnippetOptions {
  /** Origin and path of the lab, e.g. "https://lab.example/" */
  base: string;
  /** The `#s=` fragment of the moment (scenario, edits, language). */
  hash: string;
  /** 0-based indices; the link says them as frame numbers. */
  from: number;
  to: number;
  autoplay: boolean;
  loop: boolean;
  width: number;
  height: number;
  title: string;
}

/** The address an embed opens. */
export function embedSrc(o: Pick<EmbedSnippetOptions, "base" | "hash" | "from" | "to" | "autoplay" | "loop">): string {
  const query = [`embed`, `frames=${frameNumber(o.from)}-${frameNumber(o.to)}`, ...(o.autoplay ? ["autoplay"] : []), ...(o.loop ? ["loop"] : [])].join("&");
  return `${o.base}?${query}${o.hash}`;
}

/** Text for an HTML attribute value in double quotes. */
function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The iframe snippet (text to paste; the page shows it as text, never as markup). */
export function embedSnippet(o: EmbedSnippetOptions): string {
  return (
    `<iframe src="${escapeAttribute(embedSrc(o))}" width="${o.width}" height="${o.height}" ` +
    `title="${escapeAttribute(o.title)}" style="border:0;max-width:100%" loading="lazy" allow="clipboard-write; fullscreen"></iframe>`
  );
}
