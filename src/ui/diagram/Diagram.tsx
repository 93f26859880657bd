import { childFault, disklessStart, secondsText, silenceTimer, upstreamLink, type DisklessStart, type SilenceTimer } from "../../lesson/faults";
import { outputBufferAt, wireAt, type Frame, type Trace } from "../../model/trace";
import type { LastChild } from "../../store/derive";
import { useWords, type PageDict } from "../i18n";
import { useStep } from "../hooks/useStep";
import { stepStart } from "../../store/derive";
import { MAX_SINGLE_REPLICAS, replicaGroups, type ReplicaGroup } from "../view/replicaGroups";
import { replicaRows, stateInfo, stateLabel, type ReplicaRow } from "../view/replicaRows";
import { receivedSummary, stepMessages, tokenText, type Message } from "../view/stepMessages";
import { ChildNode, FAULT_STROKE } from "./ChildNode";
import { DecisionNode, ERROR_ROW_Y } from "./DecisionNode";
import { Edge, EdgeMarkers } from "./Edge";
import { LANE, layout, pipe, routePath, type Box, type Layout, type Point, type Route } from "./layout";
import { MessageToken, tokenWidth } from "./MessageToken";
import { PrimaryNode } from "./PrimaryNode";
import { RdbFileNode } from "./RdbFileNode";
import { GroupNode } from "./GroupNode";
import { ReplicaNode } from "./ReplicaNode";
import { ScriptCacheNode } from "./ScriptCacheNode";
import { StuckMark } from "./StuckMark";
import { media } from "../hooks/media";
import { DiagramLinkProvider, FIRST_PART, LinkPart, litAttrs, litEdgeClass, litOf, ringPage, ringRect, useDiagramKeys, type PartLit } from "../link/DiagramLink";
import { useLinked, useStepEffects } from "../link/useLinked";
import type { LitKey, PipeKind } from "../link/codeLink";
import { linkKey, type DiagramPart } from "../../store/slices/linkSlice";

/** A phone held upright: one column, the replicas under the primary (layout.ts). */
const narrow = media("(max-width: 30rem) and (orientation: portrait)");

/** Where each pipe leaves its source and enters a replica box (units below the box's top). */
const routes = ({ p, d, k, f, bus }: Layout, b: Box): Record<"socket" | "disk" | "control" | "error", Route> => ({
  socket: pipe(k, 38, b, 40, bus.socket),
  disk: pipe(f, 40, b, 56, bus.disk),
  control: pipe(p, 84, b, 30, bus.control),
  error: pipe(d, ERROR_ROW_Y, b, 72, bus.error),
});

/** A token's way: its pipe as far as the bus, up or down the bus to the lane, along the lane to `rest`. */
const lanePath = (r: Route, rest: Point): Route => [r[0] as Point, r[1] as Point, [(r[2] as Point)[0], rest[1]], rest];

/** The primary, its child, dump.rdb, the decision and every replica, with the pipes between. */
export function Diagram() {
  const { trace, derived, cursor, stepSize, frame } = useStep();
  const page = useWords().dict.page;
  const t = page.diagram;

  const from = stepStart(derived, cursor, stepSize);
  const baseline = from > 0 ? trace.frames[from - 1] : undefined;
  const messages = stepMessages(trace, baseline, frame, from);
  const rows = replicaRows(trace, frame);
  const child = derived.lastChild[cursor] ?? null;
  const running = child && !child.reaped && !child.exited ? child : null;
  const inside = !!frame.locals && frame.line !== null;
  const lastCall = derived.lastCall[cursor] ?? -1;
  const locals = inside ? frame.locals : lastCall >= 0 ? (trace.frames[lastCall]?.locals ?? null) : null;
  const flushedNow = (baseline?.server.scriptCacheFlushes ?? 0) !== frame.server.scriptCacheFlushes;
  const forkFailure = derived.forkFailure[cursor] ?? null;
  const fault = child && !child.reaped ? childFault(child) : null;
  const delay = disklessStart(frame, trace.redis);
  const lanes = replicaLanes(trace, frame, rows, running, delay);
  const laneOf = new Map<string, number>();
  lanes.forEach((lane, i) => lane.ids.forEach((id) => laneOf.set(id, i)));
  const tokens = lanes.grouped ? groupTokens(messages, laneOf) : messages;
  const L = layout(narrow.use(), lanes.length, frame.server.role === "replica");
  const pid = trace.log.find((l) => l.role === "M" || l.role === "S")?.pid ?? null;
  // How far along its lane each replica's tokens already reach.
  const filled = lanes.map(() => 6);
  // Code ↔ picture (src/ui/link): what the line just executed lights, and what the reader points at.
  const step = useStepEffects();
  const linked = useLinked();
  const onKeyDown = useDiagramKeys();
  const lit = (...keys: LitKey[]) => litOf(keys, step.parts, linked.linked?.parts);
  const edgeLit = (key: string, ...keys: LitKey[]) => ({ key, ...lit(...keys) });
  const pipeLit = (lane: Lane, kind: PipeKind) => edgeLit(`${kind}:${lane.key}`, ...lane.ids.map((id) => `pipe:${kind}:${id}` as const));
  const lanePart = (lane: Lane): DiagramPart => ({ kind: "replicas", key: lane.key, ids: lane.ids });
  const parts = [FIRST_PART, ...(["scriptCache", "decision"] as const).map((kind) => linkKey({ from: "diagram", part: { kind } }))]
    .concat((["disk", "socket", "error"] as const).map((branch) => linkKey({ from: "diagram", part: { kind: "branch", branch } })))
    .concat((["child", "rdbFile"] as const).map((kind) => linkKey({ from: "diagram", part: { kind } })))
    .concat(lanes.map((lane) => linkKey({ from: "diagram", part: lanePart(lane) })));

  return (
    <DiagramLinkProvider parts={parts} step={step} linked={linked}>
      <svg
        onKeyDown={onKeyDown}
        viewBox={`0 0 ${L.w} ${L.h}`}
        role="img"
        aria-labelledby="diagram-title diagram-desc"
        className="block h-auto w-full"
        preserveAspectRatio="xMidYMin meet"
      >
        <title id="diagram-title">{t.title}</title>
        <desc id="diagram-desc">
          {t.desc(
            forkFailure
              ? t.fault.forkDesc(forkFailure.errno)
              : child
                ? t.childDesc(child.pid, child.kind, child.reaped) + (fault ? t.fault.childDesc(fault) : "")
                : t.noChild,
            frame.server.rdbFile.exists,
            lanes.grouped
              ? lanes.map((l) => `${l.group ? stateLabel(l.group.kind, page.replicas.notConnected) : ""}: ${l.ids.join(" ")}`).join("; ")
              : lanes
                  .map((l) => `${l.row?.id}: ${stateLabel(stateInfo(l.row?.current ?? null).kind, page.replicas.notConnected)}${clockDesc(t.fault, l.timer, l.delay ? delay : null)}`)
                  .join(", "),
          ) + (frame.server.role === "replica" ? t.fault.upstreamDesc(upstreamLink(frame.server)) : "")}
        </desc>
        <EdgeMarkers />

        {forkFailure ? (
          <BrokenEdge route={pipe(L.p, 30, L.k, 30, L.bus.fork)} title={t.fault.forkTitle(forkFailure.errno, forkFailure.by)} lit={edgeLit("fork", "edge:fork")} />
        ) : (
          <Edge route={pipe(L.p, 30, L.k, 30, L.bus.fork)} kind="fork" active={!!running} lit={edgeLit("fork", "edge:fork")} />
        )}
        {!(fault && child?.kind === "rdb-disk") && (
          <Edge route={pipe(L.k, 46, L.f, 20, L.bus.write)} kind="write" active={running?.kind === "rdb-disk"} lit={edgeLit("write", "edge:write")} />
        )}

        {lanes.map((lane, i) => {
          const r = routes(L, L.r[i] as Box);
          return (
            <g key={lane.key}>
              <Edge route={r.socket} kind="socket" active={lane.socket} lit={pipeLit(lane, "socket")} />
              <Edge route={r.disk} kind="disk" active={lane.disk} lit={pipeLit(lane, "disk")} />
              <Edge route={r.control} kind="control" active={lane.control} lit={pipeLit(lane, "control")} />
              {lane.stuckErrors > 0 && (
                <g>
                  {/* It never reaches the replica: the pipe ends at the ✕. */}
                  <Edge route={r.error.slice(0, 3)} kind="error" active lit={pipeLit(lane, "error")} />
                  <StuckMark at={r.error[2] as [number, number]} />
                </g>
              )}
            </g>
          );
        })}

        <LinkPart part={{ kind: "primary" }} ring={ringRect(L.p, 8)}>
          <PrimaryNode box={L.p} server={frame.server} pid={pid} />
        </LinkPart>
        <LinkPart part={{ kind: "scriptCache" }} ring={ringRect(L.c, 6)}>
          <ScriptCacheNode box={L.c} server={frame.server} flushedNow={flushedNow} redis={trace.redis} />
        </LinkPart>
        <DecisionNode box={L.d} server={frame.server} values={{ locals, live: inside }} />
        <LinkPart part={{ kind: "child" }} ring={ringRect(L.k, 8)}>
          <ChildNode box={L.k} child={child} forkFailure={forkFailure} />
        </LinkPart>
        {fault && child?.kind === "rdb-disk" && (
          // dump.rdb will not be written: the write pipe ends at the ✕, where it leaves the child.
          <BrokenEdge route={pipe(L.k, 46, L.f, 20, L.bus.write)} title={t.fault.childTitle(fault)} atStart />
        )}
        <LinkPart part={{ kind: "rdbFile" }} ring={ringPage(L.f, 12)}>
          <RdbFileNode box={L.f} file={frame.server.rdbFile} writing={running?.kind === "rdb-disk"} />
        </LinkPart>

        {lanes.map((lane, i) => (
          <LinkPart
            key={lane.key}
            part={lanePart(lane)}
            name={lane.group ? page.link.part.group(lane.ids.length, stateLabel(lane.group.kind, page.replicas.notConnected)) : undefined}
            ring={ringRect(L.r[i] as Box, 8)}
          >
            {lane.group ? (
              <GroupNode group={lane.group} box={L.r[i] as Box} unsentErrors={lane.stuckErrors} delay={lane.delay ? delay : null} />
            ) : (
              <ReplicaNode
                row={lane.row as ReplicaRow}
                box={L.r[i] as Box}
                received={lane.row?.current ? receivedSummary(wireAt(trace, frame, lane.row.current)) : []}
                unsentError={lane.stuckErrors > 0}
                timer={lane.timer}
                delay={lane.delay ? delay : null}
              />
            )}
          </LinkPart>
        ))}

        {/*
          Keyed by step, so each new step replays its messages. Each travels its pipe to the bus beside
          its replica and along the replica's lane to its place there (never over a label); a replica's
          ACK appears in its lane; a queued -ERR is a ✕ that stops on the bus.
        */}
        <g key={`${cursor}:${stepSize}`}>
          {tokens.map((m, k) => {
            const i = laneOf.get(m.replica) ?? -1;
            const b = L.r[i];
            if (!b) return null;
            const r = routes(L, b);
            const label = tokenText(m);
            const w = tokenWidth(label);
            const rest: Point = [b.x + (filled[i] as number) + w / 2, b.y - LANE / 2 - 1];
            if (m.channel !== "error") filled[i] = (filled[i] as number) + w + 4;
            return (
              <MessageToken
                key={m.id}
                path={m.channel === "error" ? r.error.slice(0, 3) : m.channel === "ack" ? [rest, rest] : lanePath(r[m.channel], rest)}
                label={m.channel === "error" ? null : label}
                channel={m.channel}
                delay={k * 120}
              />
            );
          })}
        </g>
      </svg>
    </DiagramLinkProvider>
  );
}

/** One row of the diagram's right side: a replica, or (many replicas) every replica in one state. */
interface Lane {
  key: string;
  ids: string[];
  row: ReplicaRow | null;
  group: ReplicaGroup | null;
  /** Which pipes carry something for it now, and how many of its -ERR replies sit unsent. */
  socket: boolean;
  disk: boolean;
  control: boolean;
  stuckErrors: number;
  /** A single replica left in silence by a failed BGSAVE: its repl-timeout. */
  timer: SilenceTimer | null;
  /** It waits (or they all wait) for the diskless delay. */
  delay: boolean;
}

type Lanes = Lane[] & { grouped: boolean };

function replicaLanes(trace: Trace, frame: Frame, rows: ReplicaRow[], running: LastChild | null, delay: DisklessStart | null): Lanes {
  const waiting = new Set(delay?.waiting);
  const activity = (row: ReplicaRow) => {
    const r = row.current;
    const info = stateInfo(r);
    const stuck = info.kind === "dropped" && !!r && outputBufferAt(trace, frame, r).some((m) => m.startsWith("-ERR"));
    return {
      socket: !!r && !!running && running.kind === "rdb-socket" && running.targets.includes(r.key),
      disk: info.kind === "SEND_BULK",
      control: !!r && !r.closed && info.kind !== "dropped",
      stuck,
    };
  };
  const grouped = rows.length > MAX_SINGLE_REPLICAS;
  const lanes: Lane[] = grouped
    ? replicaGroups(rows).map((group) => {
        const acts = group.rows.map(activity);
        return {
          key: `group:${group.kind}`,
          ids: group.rows.map((r) => r.id),
          row: null,
          group,
          socket: acts.some((a) => a.socket),
          disk: acts.some((a) => a.disk),
          control: acts.some((a) => a.control),
          stuckErrors: acts.filter((a) => a.stuck).length,
          timer: null,
          delay: group.kind === "WAIT_BGSAVE_START" && group.rows.some((r) => !!r.current && waiting.has(r.current.key)),
        };
      })
    : rows.map((row) => {
        const a = activity(row);
        const r = row.current;
        return {
          key: row.id,
          ids: [row.id],
          row,
          group: null,
          socket: a.socket,
          disk: a.disk,
          control: a.control,
          stuckErrors: a.stuck ? 1 : 0,
          timer: r ? silenceTimer(frame, r, frame.agents.find((g) => g.id === row.id)) : null,
          delay: !!r && waiting.has(r.key),
        };
      });
  return Object.assign(lanes, { grouped });
}

/**
 * Grouped: one token per (box, pipe, message), saying how many replicas it went to — 37 tokens
 * of "stream" to the ONLINE box would hide each other anyway.
 */
function groupTokens(messages: Message[], laneOf: Map<string, number>): Message[] {
  const byKey = new Map<string, { m: Message; replicas: Set<string> }>();
  for (const m of messages) {
    const k = `${laneOf.get(m.replica)}:${m.channel}:${m.label}`;
    const hit = byKey.get(k);
    if (hit) hit.replicas.add(m.replica);
    else byKey.set(k, { m: { ...m, id: `${m.id.split(":")[0]}:${k}`, count: 1 }, replicas: new Set([m.replica]) });
  }
  return [...byKey.values()].map(({ m, replicas }) => ({ ...m, replicas: replicas.size }));
}

/** A replica's clock, in words, for the diagram's description. */
function clockDesc(t: PageDict["diagram"]["fault"], timer: SilenceTimer | null, delay: DisklessStart | null): string {
  if (timer) return timer.kind === "none" ? t.noTimeoutDesc : t.timeoutDesc(secondsText(timer.left));
  return delay ? t.delayDesc(secondsText(Math.max(0, delay.left))) : "";
}

/**
 * A pipe that something failed on: drawn in the fault colour as far as the ✕, where it stops — at
 * the middle of its bus, or (`atStart`) where it leaves its box. The title says what failed.
 */
function BrokenEdge({ route, title, atStart = false, lit }: { route: Route; title: string; atStart?: boolean; lit?: PartLit & { key: string } }) {
  const [a, b, c] = route as [Point, Point, Point];
  const stop: Point = atStart ? b : [b[0], (b[1] + c[1]) / 2];
  return (
    <g>
      <title>{title}</title>
      {/* Lit by the code ↔ picture link like the pipe it replaces (line 37 of a fork that fails lights it). */}
      <path
        d={routePath(atStart ? [a, b] : [a, b, stop])}
        data-edge={lit?.key}
        {...(lit ? litAttrs(lit) : {})}
        className={`fill-none ${FAULT_STROKE} ${lit ? litEdgeClass(lit) : ""}`}
        strokeWidth={2.2}
        strokeDasharray="3 3"
      />
      <StuckMark at={stop} />
    </g>
  );
}
