/**
 * The sequence diagram's colours, as Tailwind classes (no inline styles: a strict CSP holds).
 * The channels are the picture's: commands slate, disk amber, socket cyan, errors rose; the
 * stream is emerald and what the processes do (fork, exit) violet.
 */
import type { BandKind, SeqMessage } from "./sequenceModel";

export type Channel = "control" | "disk" | "socket" | "stream" | "process" | "error";

export function channelOf(m: SeqMessage): Channel {
  switch (m.kind) {
    case "bulk":
      return m.eof ? "socket" : "disk";
    case "rdb":
      return m.via === "socket" ? "socket" : "disk";
    case "stream":
      return "stream";
    case "fork":
      return m.errno ? "error" : "process";
    case "exit":
      return m.outcome === "done" ? "process" : "error";
    case "queued":
      return m.error ? "error" : "control";
    case "reply":
      return m.error ? "error" : "control";
    default:
      return "control";
  }
}

export const CHANNEL: Record<Channel, { stroke: string; text: string; fill: string }> = {
  control: { stroke: "stroke-slate-600 dark:stroke-slate-300", text: "fill-slate-900 dark:fill-slate-100", fill: "fill-slate-600 dark:fill-slate-300" },
  disk: { stroke: "stroke-amber-600 dark:stroke-amber-400", text: "fill-amber-900 dark:fill-amber-200", fill: "fill-amber-600 dark:fill-amber-400" },
  socket: { stroke: "stroke-cyan-600 dark:stroke-cyan-400", text: "fill-cyan-900 dark:fill-cyan-200", fill: "fill-cyan-600 dark:fill-cyan-400" },
  stream: { stroke: "stroke-emerald-600 dark:stroke-emerald-400", text: "fill-emerald-900 dark:fill-emerald-200", fill: "fill-emerald-600 dark:fill-emerald-400" },
  process: { stroke: "stroke-violet-600 dark:stroke-violet-400", text: "fill-violet-900 dark:fill-violet-200", fill: "fill-violet-600 dark:fill-violet-400" },
  error: { stroke: "stroke-rose-600 dark:stroke-rose-400", text: "fill-rose-800 dark:fill-rose-300", fill: "fill-rose-600 dark:fill-rose-400" },
};

/** What has not happened yet at the cursor: drawn lighter, still readable. */
export const FUTURE = { stroke: "stroke-slate-300 dark:stroke-slate-600", text: "fill-slate-500 dark:fill-slate-400", fill: "fill-slate-300 dark:fill-slate-600" };

export const BAND: Record<BandKind, { rect: string; text: string }> = {
  delay: { rect: "fill-amber-100 stroke-amber-500 dark:fill-amber-950 dark:stroke-amber-500", text: "fill-amber-900 dark:fill-amber-200" },
  aofWait: { rect: "fill-violet-100 stroke-violet-500 dark:fill-violet-950 dark:stroke-violet-500", text: "fill-violet-900 dark:fill-violet-200" },
  transfer: { rect: "fill-sky-100 stroke-sky-500 dark:fill-sky-950 dark:stroke-sky-500", text: "fill-sky-900 dark:fill-sky-200" },
  ackWait: { rect: "fill-emerald-100 stroke-emerald-500 dark:fill-emerald-950 dark:stroke-emerald-500", text: "fill-emerald-900 dark:fill-emerald-200" },
  silence: { rect: "fill-rose-50 stroke-rose-400 dark:fill-rose-950 dark:stroke-rose-500", text: "fill-rose-800 dark:fill-rose-300" },
};

export const CHILD_BAR: Record<"rdb-disk" | "rdb-socket" | "aof", string> = {
  "rdb-disk": "fill-amber-200 stroke-amber-600 dark:fill-amber-900 dark:stroke-amber-400",
  "rdb-socket": "fill-cyan-200 stroke-cyan-600 dark:fill-cyan-900 dark:stroke-cyan-400",
  aof: "fill-violet-200 stroke-violet-600 dark:fill-violet-900 dark:stroke-violet-400",
};

/** A label's halo, so it stays readable where it crosses a lifeline. */
export const HALO = "[paint-order:stroke] stroke-white stroke-[4px] [stroke-linejoin:round] dark:stroke-slate-900";
